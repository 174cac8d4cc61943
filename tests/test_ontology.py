"""The ontology and its SHACL shapes: they parse, agree with each other and the
contract, accept a small hand-written graph and reject broken variants of it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import owlrl
import pyshacl
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH
from rdflib.term import Node

ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
CK = Namespace("https://w3id.org/commitkg/ontology#")
ID = Namespace("https://w3id.org/commitkg/id/test/")
# An open namespace: pytest probes module globals, and rdflib's closed XSD warns.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

CONTRACT_CLASSES = [
    "Report",
    "Section",
    "Mention",
    "Indicator",
    "Target",
    "Outcome",
    "Project",
    "Enterprise",
    "Agency",
    "Place",
    "Policy",
    "QualifiedSupport",
    "Fact",
    "Organization",
    "Comparator",
    "QuantityKind",
    "Strength",
    "LinkMethod",
]
CONTRACT_OBJECT_PROPERTIES = [
    "jurisdiction",
    "inReport",
    "measuredBy",
    "comparator",
    "quantityKind",
    "strength",
    "evidence",
    "statedIn",
    "inSection",
    "supports",
    "qualifiedSupport",
    "target",
    "method",
    "contributesTo",
    "locatedIn",
    "implementedBy",
    "responsibleAgency",
    "partner",
]
CONTRACT_DATATYPE_PROPERTIES = [
    "start",
    "end",
    "quote",
    "sentence",
    "year",
    "value",
    "upperValue",
    "unit",
    "estimated",
    "confidence",
    "headingLevel",
    "period",
    "status",
    "award",
]
CONTRACT_INDIVIDUALS = {
    "Comparator": ["AtLeast", "MoreThan", "AtMost", "LessThan", "About", "Exactly"],
    "QuantityKind": ["ChangeRate", "Level"],
    "Strength": ["Firm", "Aspirational", "Expected", "Plain"],
    "LinkMethod": ["SameSentence", "Cue", "SameTaskItem", "ThemeMatch"],
}
DECLARING_TYPES = {
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
}

# The report text the sample graph's offsets count into.
REPORT_TEXT = (
    "常州市新北区2024年国民经济和社会发展计划草案的报告\n"
    "一、2023年国民经济和社会发展计划执行情况\n"
    "——预计地区生产总值增长8.5%左右；\n"
    "二、2024年国民经济和社会发展计划安排\n"
    "——地区生产总值增长6%以上；\n"
    "——实际到账外资稳中有进。\n"
    "力争2024年规上工业产值超4000亿元，确保比亚迪滨江基地量产，由区发改委牵头。\n"
    "深度实施《北交所上市培育三年行动计划》，力争新增上市公司4家。\n"
    "区科技局与天合光能共建联合创新中心。\n"
)

CONFORMING_TTL = """
@prefix ck:      <https://w3id.org/commitkg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix :        <https://w3id.org/commitkg/id/test/> .

:report a ck:Report ;
    dcterms:title "常州市新北区2024年国民经济和社会发展计划草案的报告"@zh ;
    dcterms:issued "2024-01-04"^^xsd:date ;
    ck:planYear 2024 ; ck:reviewYear 2023 ;
    ck:jurisdiction :xinbei .

:sec-review a ck:Section ;
    rdfs:label "一、2023年国民经济和社会发展计划执行情况"@zh ;
    dcterms:isPartOf :report ; ck:headingLevel 1 ; ck:period "review" ;
    ck:start 28 ; ck:end 71 .
:sec-plan a ck:Section ;
    rdfs:label "二、2024年国民经济和社会发展计划安排"@zh ;
    dcterms:isPartOf :report ; ck:headingLevel 1 ; ck:period "plan" ;
    ck:start 71 ; ck:end 215 .

# --- mentions -----------------------------------------------------------
:m-xinbei a ck:Mention ; ck:inReport :report ; ck:start 3 ; ck:end 6 ;
    ck:quote "新北区" ; ck:sentence "常州市新北区2024年国民经济和社会发展计划草案的报告" .
:m-gdp-2023 a ck:Mention ; ck:inReport :report ; ck:start 53 ; ck:end 69 ;
    ck:quote "预计地区生产总值增长8.5%左右" ; ck:sentence "——预计地区生产总值增长8.5%左右；" .
:m-gdp-2024 a ck:Mention ; ck:inReport :report ; ck:start 94 ; ck:end 106 ;
    ck:quote "地区生产总值增长6%以上" ; ck:sentence "——地区生产总值增长6%以上；" .
:m-fdi a ck:Mention ; ck:inReport :report ; ck:start 110 ; ck:end 120 ;
    ck:quote "实际到账外资稳中有进" ; ck:sentence "——实际到账外资稳中有进。" .
:m-output a ck:Mention ; ck:inReport :report ; ck:start 129 ; ck:end 142 ;
    ck:quote "规上工业产值超4000亿元" ;
    ck:sentence "力争2024年规上工业产值超4000亿元，确保比亚迪滨江基地量产，由区发改委牵头。" .
:m-byd-base a ck:Mention ; ck:inReport :report ; ck:start 145 ; ck:end 152 ;
    ck:quote "比亚迪滨江基地" ;
    ck:sentence "力争2024年规上工业产值超4000亿元，确保比亚迪滨江基地量产，由区发改委牵头。" .
:m-byd a ck:Mention ; ck:inReport :report ; ck:start 145 ; ck:end 148 ;
    ck:quote "比亚迪" ;
    ck:sentence "力争2024年规上工业产值超4000亿元，确保比亚迪滨江基地量产，由区发改委牵头。" .
:m-ndrc a ck:Mention ; ck:inReport :report ; ck:start 156 ; ck:end 160 ;
    ck:quote "区发改委" ;
    ck:sentence "力争2024年规上工业产值超4000亿元，确保比亚迪滨江基地量产，由区发改委牵头。" .
:m-bse-plan a ck:Mention ; ck:inReport :report ; ck:start 169 ; ck:end 182 ;
    ck:quote "北交所上市培育三年行动计划" ;
    ck:sentence "深度实施《北交所上市培育三年行动计划》，力争新增上市公司4家。" .
:m-listed a ck:Mention ; ck:inReport :report ; ck:start 186 ; ck:end 194 ;
    ck:quote "新增上市公司4家" ;
    ck:sentence "深度实施《北交所上市培育三年行动计划》，力争新增上市公司4家。" .
:m-sti a ck:Mention ; ck:inReport :report ; ck:start 196 ; ck:end 200 ;
    ck:quote "区科技局" ; ck:sentence "区科技局与天合光能共建联合创新中心。" .
:m-trina a ck:Mention ; ck:inReport :report ; ck:start 201 ; ck:end 205 ;
    ck:quote "天合光能" ; ck:sentence "区科技局与天合光能共建联合创新中心。" .

# --- indicators ---------------------------------------------------------
:ind-gdp a ck:Indicator ; rdfs:label "地区生产总值"@zh , "regional GDP"@en ;
    skos:altLabel "GDP"@zh .
:ind-fdi a ck:Indicator ; rdfs:label "实际到账外资"@zh .
:ind-output a ck:Indicator ; rdfs:label "规上工业产值"@zh ; ck:contributesTo :ind-gdp .
:ind-listed a ck:Indicator ; rdfs:label "新增上市公司"@zh .

# --- facts --------------------------------------------------------------
:outcome-gdp-2023 a ck:Outcome ;
    ck:measuredBy :ind-gdp ; ck:year 2023 ; ck:value 8.5 ; ck:unit "%" ;
    ck:comparator ck:About ; ck:quantityKind ck:ChangeRate ; ck:strength ck:Expected ;
    ck:estimated true ; ck:evidence :m-gdp-2023 ; ck:statedIn :report ;
    ck:inSection :sec-review .
:target-gdp-2024 a ck:Target ;
    ck:measuredBy :ind-gdp ; ck:year 2024 ; ck:value 6.0 ; ck:unit "%" ;
    ck:comparator ck:AtLeast ; ck:quantityKind ck:ChangeRate ; ck:strength ck:Plain ;
    ck:evidence :m-gdp-2024 ; ck:statedIn :report ; ck:inSection :sec-plan .
:target-fdi-2024 a ck:Target ;
    ck:measuredBy :ind-fdi ; ck:year 2024 ;
    ck:quantityKind ck:ChangeRate ; ck:strength ck:Plain ;
    ck:evidence :m-fdi ; ck:statedIn :report ; ck:inSection :sec-plan .
:target-output-2024 a ck:Target ;
    ck:measuredBy :ind-output ; ck:year 2024 ; ck:value 4000.0 ; ck:unit "亿元" ;
    ck:comparator ck:MoreThan ; ck:quantityKind ck:Level ; ck:strength ck:Aspirational ;
    ck:evidence :m-output ; ck:statedIn :report ; ck:inSection :sec-plan ;
    ck:responsibleAgency :ndrc .
:target-listed-2024 a ck:Target ;
    ck:measuredBy :ind-listed ; ck:year 2024 ; ck:value 4.0 ; ck:upperValue 5.0 ; ck:unit "家" ;
    ck:comparator ck:Exactly ; ck:quantityKind ck:Level ; ck:strength ck:Aspirational ;
    ck:evidence :m-listed ; ck:statedIn :report .

# --- things and links ---------------------------------------------------
:xinbei a ck:Place ; rdfs:label "新北区"@zh , "Xinbei District"@en ; ck:evidence :m-xinbei .
:byd-base a ck:Project ; rdfs:label "比亚迪滨江基地"@zh ; ck:evidence :m-byd-base ;
    ck:status "量产"@zh ; ck:locatedIn :xinbei ;
    ck:implementedBy :byd ; ck:responsibleAgency :ndrc ;
    ck:supports :target-output-2024 ; ck:qualifiedSupport :qs-byd-output .
:qs-byd-output a ck:QualifiedSupport ;
    ck:target :target-output-2024 ; ck:method ck:SameSentence ; ck:confidence 0.9 ;
    ck:evidence :m-output , :m-byd-base .
:byd a ck:Enterprise ; rdfs:label "比亚迪"@zh , "BYD"@en ; ck:evidence :m-byd .
:ndrc a ck:Agency ; rdfs:label "区发改委"@zh ; ck:evidence :m-ndrc .
:sti a ck:Agency ; rdfs:label "区科技局"@zh ; ck:evidence :m-sti ; ck:partner :trina .
:trina a ck:Enterprise ; rdfs:label "天合光能"@zh ; ck:evidence :m-trina ;
    ck:partner :sti ; ck:award "国家级智能工厂"@zh .
:bse-plan a ck:Policy ; rdfs:label "北交所上市培育三年行动计划"@zh ; ck:evidence :m-bse-plan ;
    ck:supports :target-listed-2024 ; ck:qualifiedSupport :qs-bse-listed .
:qs-bse-listed a ck:QualifiedSupport ;
    ck:target :target-listed-2024 ; ck:method ck:Cue ; ck:confidence 0.75 ;
    ck:evidence :m-listed .
"""

# Enough of PROV-O and the Web Annotation vocabulary to check the alignment for
# clashes: the domains and ranges our super-properties bring in, and PROV-O's
# disjointness of activities and entities.
W3C_AXIOMS_TTL = """
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa:   <http://www.w3.org/ns/oa#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
prov:Activity owl:disjointWith prov:Entity .
prov:Plan rdfs:subClassOf prov:Entity .
prov:Organization rdfs:subClassOf prov:Agent .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:wasQuotedFrom rdfs:subPropertyOf prov:wasDerivedFrom ;
    rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:wasAttributedTo rdfs:domain prov:Entity ; rdfs:range prov:Agent .
prov:wasAssociatedWith rdfs:domain prov:Activity ; rdfs:range prov:Agent .
prov:atLocation rdfs:range prov:Location .
oa:hasSource rdfs:domain oa:ResourceSelection .
"""


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "commitkg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


@pytest.fixture
def sample() -> Graph:
    return Graph().parse(data=CONFORMING_TTL, format="turtle")


@pytest.fixture(params=["data only", "ontology mixed in"])
def validate(
    request: pytest.FixtureRequest, ontology: Graph, shapes: Graph
) -> Callable[[Graph], tuple[bool, Graph, str]]:
    """Validate as the build does: without inference, with or without the
    ontology mixed into the data graph (its subclass axioms then count)."""
    ont_graph = ontology if request.param == "ontology mixed in" else None

    def run(data: Graph) -> tuple[bool, Graph, str]:
        conforms, report, text = pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ont_graph, inference="none"
        )
        return bool(conforms), report, text

    return run


def ck_terms(graph: Graph) -> set[URIRef]:
    """Every ck: IRI that occurs anywhere in *graph*."""
    return {
        node
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(str(CK))
    }


def languages(graph: Graph, subject: Node, predicate: Node) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def rdf_list(graph: Graph, subject: Node, predicate: Node) -> list[Node]:
    head = graph.value(subject, predicate)
    assert head is not None, f"{subject} has no {predicate}"
    return list(Collection(graph, head))


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        s
        for s, o in ontology.subject_objects(RDF.type)
        if isinstance(s, URIRef)
        and str(s).startswith(str(CK))
        and (o in DECLARING_TYPES or (o, RDF.type, OWL.Class) in ontology)
    }


# ---------------------------------------------------------------- ontology


def test_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/commitkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert languages(ontology, header, DCTERMS.title) >= {"zh", "en"}
    assert ontology.value(header, DCTERMS.description) is not None


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_class_declared(ontology: Graph, name: str) -> None:
    assert (CK[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", CONTRACT_OBJECT_PROPERTIES)
def test_contract_object_property_declared(ontology: Graph, name: str) -> None:
    assert (CK[name], RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("name", CONTRACT_DATATYPE_PROPERTIES)
def test_contract_datatype_property_declared(ontology: Graph, name: str) -> None:
    assert (CK[name], RDF.type, OWL.DatatypeProperty) in ontology


def test_curated_by_declared(ontology: Graph) -> None:
    assert (CK.curatedBy, RDF.type, OWL.AnnotationProperty) in ontology


@pytest.mark.parametrize(("cls", "members"), CONTRACT_INDIVIDUALS.items())
def test_value_individuals_enumerate_their_class(
    ontology: Graph, cls: str, members: list[str]
) -> None:
    for member in members:
        assert (CK[member], RDF.type, CK[cls]) in ontology
        assert (CK[member], RDF.type, OWL.NamedIndividual) in ontology
    assert rdf_list(ontology, CK[cls], OWL.oneOf) == [CK[m] for m in members]


def test_every_term_has_zh_and_en_label_and_en_comment(ontology: Graph) -> None:
    missing = []
    for term in sorted(declared_terms(ontology) | ck_terms(ontology)):
        labels = languages(ontology, term, RDFS.label)
        comments = languages(ontology, term, RDFS.comment)
        if not {"zh", "en"} <= labels or "en" not in comments:
            missing.append(term)
    assert not missing, f"terms without @zh/@en label or @en comment: {missing}"


def test_every_ck_term_used_in_the_ontology_is_declared(ontology: Graph) -> None:
    assert ck_terms(ontology) <= declared_terms(ontology)


@pytest.mark.parametrize(
    ("prop", "range_"),
    [
        (CK.start, XSD.integer),
        (CK.end, XSD.integer),
        (CK.year, XSD.integer),
        (CK.headingLevel, XSD.integer),
        (CK.value, XSD.decimal),
        (CK.upperValue, XSD.decimal),
        (CK.confidence, XSD.decimal),
        (CK.estimated, XSD.boolean),
        (CK.quote, XSD.string),
        (CK.sentence, XSD.string),
        (CK.unit, XSD.string),
        (CK.measuredBy, CK.Indicator),
        (CK.statedIn, CK.Report),
        (CK.evidence, CK.Mention),
        (CK.jurisdiction, CK.Place),
        (CK.locatedIn, CK.Place),
        (CK.responsibleAgency, CK.Agency),
        (CK.target, CK.Target),
    ],
)
def test_ranges(ontology: Graph, prop: URIRef, range_: URIRef) -> None:
    assert (prop, RDFS.range, range_) in ontology


def test_partner_symmetric_and_contributes_to_transitive(ontology: Graph) -> None:
    assert (CK.partner, RDF.type, OWL.SymmetricProperty) in ontology
    assert (CK.contributesTo, RDF.type, OWL.TransitiveProperty) in ontology


def test_abstract_superclasses(ontology: Graph) -> None:
    for sub, sup in [
        (CK.Target, CK.Fact),
        (CK.Outcome, CK.Fact),
        (CK.Enterprise, CK.Organization),
        (CK.Agency, CK.Organization),
    ]:
        assert (sub, RDFS.subClassOf, sup) in ontology


def test_alignment_has_no_prov_activity_entity_clash(ontology: Graph, sample: Graph) -> None:
    """Under RDFS inference with the PROV-O domains our super-properties bring in,
    no node of the sample graph becomes both a prov:Activity and a prov:Entity."""
    closure = ontology + sample + Graph().parse(data=W3C_AXIOMS_TTL, format="turtle")
    owlrl.DeductiveClosure(owlrl.RDFS_Semantics).expand(closure)
    clashes = set(closure.subjects(RDF.type, PROV.Activity)) & set(
        closure.subjects(RDF.type, PROV.Entity)
    )
    assert not clashes
    # ...while the alignments still say something useful.
    assert (ID["byd-base"], RDF.type, PROV.Activity) in closure
    assert (ID["byd"], RDF.type, PROV.Agent) in closure
    assert (ID["target-gdp-2024"], PROV.wasDerivedFrom, ID.report) in closure
    assert (ID["m-gdp-2024"], PROV.wasDerivedFrom, ID.report) in closure


# ---------------------------------------------------------------- shapes


def test_every_ck_term_in_shapes_is_declared(ontology: Graph, shapes: Graph) -> None:
    undeclared = ck_terms(shapes) - declared_terms(ontology)
    assert not undeclared, f"used in shapes.ttl but not declared: {sorted(undeclared)}"


@pytest.mark.parametrize(
    "cls",
    [
        "Mention",
        "Target",
        "Outcome",
        "Indicator",
        "Report",
        "Section",
        "Project",
        "Enterprise",
        "Agency",
        "Place",
        "Policy",
        "QualifiedSupport",
    ],
)
def test_every_instance_class_has_a_shape(shapes: Graph, cls: str) -> None:
    assert (None, SH.targetClass, CK[cls]) in shapes


def test_shapes_never_target_abstract_classes(shapes: Graph) -> None:
    # Validation runs without inference: nothing is asserted to be a ck:Fact.
    for abstract in (CK.Fact, CK.Organization):
        assert (None, SH.targetClass, abstract) not in shapes


def test_every_shape_explains_itself(shapes: Graph) -> None:
    for prop_shape in set(shapes.subjects(SH.path, None)):
        in_logical_list = (None, RDF.first, prop_shape) in shapes
        if in_logical_list:  # branches of sh:or are reported by their parent
            continue
        assert shapes.value(prop_shape, SH.name) is not None, prop_shape
        assert shapes.value(prop_shape, SH.message) is not None, prop_shape
    for node_shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        assert shapes.value(node_shape, RDFS.label) is not None, node_shape
        if any((node_shape, p, None) in shapes for p in (SH["or"], SH["class"])):
            assert shapes.value(node_shape, SH.message) is not None, node_shape


@pytest.mark.parametrize(
    ("prop", "cls"),
    [
        (CK.comparator, CK.Comparator),
        (CK.quantityKind, CK.QuantityKind),
        (CK.strength, CK.Strength),
        (CK.method, CK.LinkMethod),
    ],
)
def test_sh_in_lists_match_the_enumerations(
    ontology: Graph, shapes: Graph, prop: URIRef, cls: URIRef
) -> None:
    enumeration = set(rdf_list(ontology, cls, OWL.oneOf))
    shapes_with_in = [s for s in shapes.subjects(SH.path, prop) if (s, SH["in"], None) in shapes]
    assert shapes_with_in
    for shape in shapes_with_in:
        assert set(rdf_list(shapes, shape, SH["in"])) == enumeration


# ---------------------------------------------------------------- sample graph


def test_sample_offsets_match_the_report_text(sample: Graph) -> None:
    for mention in sample.subjects(RDF.type, CK.Mention):
        start = int(str(sample.value(mention, CK.start)))
        end = int(str(sample.value(mention, CK.end)))
        quote = str(sample.value(mention, CK.quote))
        sentence = str(sample.value(mention, CK.sentence))
        assert REPORT_TEXT[start:end] == quote
        assert quote in sentence


def test_sample_uses_only_declared_terms(ontology: Graph, sample: Graph) -> None:
    assert ck_terms(sample) <= declared_terms(ontology)


def test_conforming_graph_conforms(
    sample: Graph, validate: Callable[[Graph], tuple[bool, Graph, str]]
) -> None:
    conforms, _, text = validate(sample)
    assert conforms, text


def _remove(s: URIRef, p: URIRef) -> Callable[[Graph], object]:
    return lambda g: g.remove((s, p, None))


def _set(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], object]:
    return lambda g: g.set((s, p, o))


def _add(s: URIRef, p: URIRef, o: Node) -> Callable[[Graph], object]:
    return lambda g: g.add((s, p, o))


def _drop_value(g: Graph) -> None:
    g.remove((ID["target-gdp-2024"], CK.value, None))
    g.remove((ID["target-gdp-2024"], CK.comparator, None))


def _drop_qualified(g: Graph) -> None:
    g.remove((ID["bse-plan"], CK.qualifiedSupport, None))
    g.remove((ID["qs-bse-listed"], None, None))


T24, OUT23 = ID["target-gdp-2024"], ID["outcome-gdp-2023"]

BROKEN: dict[str, tuple[Callable[[Graph], object], str]] = {
    "target without measuredBy": (_remove(T24, CK.measuredBy), "ck:measuredBy"),
    "mention with negative start": (_set(ID["m-gdp-2024"], CK.start, Literal(-1)), "ck:start"),
    "mention starting at its end": (
        _set(ID["m-gdp-2024"], CK.start, Literal(106)),
        "below its ck:end",
    ),
    "target with value but no unit": (_remove(T24, CK.unit), "must have a ck:unit"),
    "target with unit but no value": (_drop_value, "must have a ck:value"),
    "bad comparator": (_set(T24, CK.comparator, CK.Greater), "ck:comparator"),
    "comparator given as a string": (_set(T24, CK.comparator, Literal("AtLeast")), "ck:comparator"),
    "two comparators": (_add(T24, CK.comparator, CK.About), "at most one ck:comparator"),
    "target value without comparator": (_remove(T24, CK.comparator), "must have a ck:comparator"),
    "value typed as double": (_set(T24, CK.value, Literal(6.0)), "xsd:decimal"),
    "year out of range": (_set(T24, CK.year, Literal(1800)), "ck:year"),
    "target without evidence": (_remove(T24, CK.evidence), "ck:evidence"),
    "evidence that is not a mention": (_set(T24, CK.evidence, ID.report), "ck:evidence"),
    "target without strength": (_remove(T24, CK.strength), "ck:strength"),
    "quantity kind not in the list": (_set(T24, CK.quantityKind, CK.Plain), "ck:quantityKind"),
    "outcome estimated as a string": (_set(OUT23, CK.estimated, Literal("true")), "ck:estimated"),
    "indicator without a Chinese label": (
        lambda g: g.remove((ID["ind-fdi"], RDFS.label, None)),
        "rdfs:label in Chinese",
    ),
    "indicator with two Chinese labels": (
        _add(ID["ind-gdp"], RDFS.label, Literal("GDP", lang="zh")),
        "rdfs:label in Chinese",
    ),
    "report without title": (_remove(ID.report, DCTERMS.title), "dcterms:title"),
    "report issued as a plain string": (
        _set(ID.report, DCTERMS.issued, Literal("2024-01-04")),
        "dcterms:issued",
    ),
    "section part of a mention": (
        _set(ID["sec-plan"], DCTERMS.isPartOf, ID["m-fdi"]),
        "dcterms:isPartOf",
    ),
    "section ending before it starts": (
        _set(ID["sec-plan"], CK.end, Literal(70)),
        "not past its ck:end",
    ),
    "plan year as a string": (
        _set(ID.report, CK.planYear, Literal("2024")),
        "ck:planYear",
    ),
    "period neither review nor plan": (
        _set(ID["sec-plan"], CK.period, Literal("future")),
        "ck:period",
    ),
    "project without evidence": (_remove(ID["byd-base"], CK.evidence), "ck:evidence"),
    "place without a Chinese label": (
        lambda g: g.remove((ID.xinbei, RDFS.label, Literal("新北区", lang="zh"))),
        "rdfs:label in Chinese",
    ),
    "confidence above one": (
        _set(ID["qs-byd-output"], CK.confidence, Literal(Decimal("1.5"))),
        "ck:confidence",
    ),
    "unknown link method": (_set(ID["qs-byd-output"], CK.method, CK.Guess), "ck:method"),
    "support link without its qualified form": (_drop_qualified, "qualified form"),
    "supports from an agency": (
        _add(ID.ndrc, CK.supports, ID["target-output-2024"]),
        "Only a ck:Project",
    ),
    "implemented by a place": (
        _set(ID["byd-base"], CK.implementedBy, ID.xinbei),
        "ck:implementedBy",
    ),
    "partner that is a place": (_add(ID.trina, CK.partner, ID.xinbei), "ck:partner"),
    "located in an enterprise": (_set(ID["byd-base"], CK.locatedIn, ID.byd), "ck:locatedIn"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_variant_does_not_conform(
    sample: Graph, validate: Callable[[Graph], tuple[bool, Graph, str]], case: str
) -> None:
    break_it, expected_message = BROKEN[case]
    break_it(sample)
    conforms, report, text = validate(sample)
    assert not conforms
    messages = [str(m) for m in report.objects(None, SH.resultMessage)]
    assert any(expected_message in m for m in messages), text


def test_blank_node_mentions_are_fine(
    sample: Graph, validate: Callable[[Graph], tuple[bool, Graph, str]]
) -> None:
    # Builders may write mentions as blank nodes; shapes must not need IRIs.
    mention = BNode()
    sample.add((ID.xinbei, CK.evidence, mention))
    for p, o in [
        (RDF.type, CK.Mention),
        (CK.inReport, ID.report),
        (CK.start, Literal(3)),
        (CK.end, Literal(6)),
        (CK.quote, Literal("新北区")),
        (CK.sentence, Literal(REPORT_TEXT.splitlines()[0])),
    ]:
        sample.add((mention, p, o))
    conforms, _, text = validate(sample)
    assert conforms, text
