"""The SKOS indicator scheme in ontology/indicators.ttl.

The scheme names the indicators that recur in planning reports, with every
common surface variant as an altLabel, a theme, skos:broader where one indicator
is a narrower scope or an aspect of another, and ck:contributesTo where one
feeds another. These tests check that it is well-formed SKOS, that it fits the
commitkg ontology and shapes, and that the variants a report uses resolve to the
intended concept.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SCHEME_FILE = ONTOLOGY_DIR / "indicators.ttl"

CK = Namespace("https://w3id.org/commitkg/ontology#")
CKI = Namespace("https://w3id.org/commitkg/indicators#")
SCHEME = URIRef("https://w3id.org/commitkg/indicators")
THEMES = CKI.themes


_QUOTES = str.maketrans("", "", "\"'“”‘’「」")


def key(label: str) -> str:
    """The form labels are compared in: NFKC (full-width forms and Roman
    numerals folded), case-folded, quotes and whitespace removed."""
    folded = unicodedata.normalize("NFKC", label).casefold().translate(_QUOTES)
    return "".join(folded.split())


def literals(g: Graph, s: URIRef, p: URIRef) -> list[Literal]:
    """The literal objects of (s, p); a non-literal object fails the test."""
    out = []
    for o in g.objects(s, p):
        assert isinstance(o, Literal), f"{s} {p} {o} is not a literal"
        out.append(o)
    return out


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def g() -> Graph:
    return Graph().parse(SCHEME_FILE, format="turtle")


@pytest.fixture(scope="module")
def concepts(g: Graph) -> set[URIRef]:
    return {c for c in g.subjects(SKOS.inScheme, SCHEME) if isinstance(c, URIRef)}


@pytest.fixture(scope="module")
def themes(g: Graph) -> set[URIRef]:
    return {t for t in g.subjects(SKOS.inScheme, THEMES) if isinstance(t, URIRef)}


@pytest.fixture(scope="module")
def labels(g: Graph, concepts: set[URIRef], themes: set[URIRef]) -> dict[str, set[URIRef]]:
    """Every prefLabel and altLabel of every concept (indicators and themes)."""
    found: dict[str, set[URIRef]] = defaultdict(set)
    for c in concepts | themes:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for lit in g.objects(c, prop):
                found[key(str(lit))].add(c)
    return found


@pytest.fixture(scope="module")
def resolve(g: Graph, concepts: set[URIRef]):
    """A resolver from any zh label of an indicator to the indicator."""
    table: dict[str, URIRef] = {}
    for c in concepts:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for lit in g.objects(c, prop):
                if isinstance(lit, Literal) and lit.language == "zh":
                    table[key(str(lit))] = c

    def _resolve(name: str) -> URIRef | None:
        return table.get(key(name))

    return _resolve


@pytest.fixture(scope="module")
def contributes(g: Graph) -> nx.DiGraph:
    dg = nx.DiGraph()
    dg.add_edges_from(g.subject_objects(CK.contributesTo))
    return dg


# ---------------------------------------------------------------- the file


def test_parses_and_declares_the_scheme(g: Graph) -> None:
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in g
    assert (THEMES, RDF.type, SKOS.ConceptScheme) in g
    for scheme in (SCHEME, THEMES):
        langs = {lit.language for lit in literals(g, scheme, SKOS.prefLabel)}
        assert {"zh", "en"} <= langs, scheme


def test_concept_count(concepts: set[URIRef]) -> None:
    assert 60 <= len(concepts) <= 100, len(concepts)


def test_every_indicator_is_in_the_scheme(g: Graph, concepts: set[URIRef]) -> None:
    indicators = set(g.subjects(RDF.type, CK.Indicator))
    assert indicators == concepts
    for c in concepts:
        assert (c, RDF.type, SKOS.Concept) in g, c
        assert str(c).startswith(str(CKI)), c


def test_one_preflabel_per_language_and_rdfs_label_mirrors_it(
    g: Graph, concepts: set[URIRef]
) -> None:
    for c in concepts:
        pref = literals(g, c, SKOS.prefLabel)
        by_lang: dict[str | None, list[Literal]] = defaultdict(list)
        for lit in pref:
            by_lang[lit.language].append(lit)
        assert set(by_lang) == {"zh", "en"}, (c, pref)
        assert all(len(v) == 1 for v in by_lang.values()), (c, pref)
        # ck:Indicator's SHACL shape and the named queries read rdfs:label.
        assert set(g.objects(c, RDFS.label)) == set(pref), c


def test_every_indicator_has_a_definition_and_a_theme(
    g: Graph, concepts: set[URIRef], themes: set[URIRef]
) -> None:
    for c in concepts:
        defs = [d for d in literals(g, c, SKOS.definition) if d.language == "en"]
        assert len(defs) == 1 and str(defs[0]).strip(), c
        ts = set(g.objects(c, CK.theme))
        assert ts, f"{c} has no ck:theme"
        assert ts <= themes, f"{c} has a theme outside cki:themes: {ts - themes}"


def test_themes_are_labelled_used_and_top_concepts(
    g: Graph, concepts: set[URIRef], themes: set[URIRef]
) -> None:
    assert len(themes) >= 15
    used = {t for c in concepts for t in g.objects(c, CK.theme)}
    assert used == themes, f"themes with no indicator: {themes - used}"
    for t in themes:
        assert {lit.language for lit in literals(g, t, SKOS.prefLabel)} == {"zh", "en"}, t
        assert (t, SKOS.topConceptOf, THEMES) in g, t
        assert (THEMES, SKOS.hasTopConcept, t) in g, t
        assert (t, RDF.type, CK.Indicator) not in g, t


def test_ck_theme_is_declared(g: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY_DIR / "commitkg.ttl", format="turtle")
    merged = ontology + g
    assert (CK.theme, RDF.type, OWL.ObjectProperty) in merged
    langs = {lit.language for lit in literals(merged, CK.theme, RDFS.label)}
    assert {"zh", "en"} <= langs


def test_top_concepts_are_exactly_those_without_broader(
    g: Graph, concepts: set[URIRef]
) -> None:
    top = set(g.objects(SCHEME, SKOS.hasTopConcept))
    without_broader = {c for c in concepts if (c, SKOS.broader, None) not in g}
    assert top == without_broader


# ---------------------------------------------------------------- labels


def test_altlabels_are_chinese_and_distinct_from_the_preflabel(
    g: Graph, concepts: set[URIRef]
) -> None:
    for c in concepts:
        pref = set(g.objects(c, SKOS.prefLabel))
        for alt in literals(g, c, SKOS.altLabel):
            assert alt.language == "zh", (c, alt)
            # SKOS S13: prefLabel and altLabel are disjoint (as literals; a
            # variant that differs only in full-width forms is kept on purpose,
            # for lookups that do not fold them).
            assert alt not in pref, (c, alt)


def test_no_label_names_two_concepts(labels: dict[str, set[URIRef]]) -> None:
    clashes = {lab: sorted(cs) for lab, cs in labels.items() if len(cs) > 1}
    assert not clashes, f"labels shared by several concepts: {clashes}"


def test_no_label_names_two_concepts_under_the_matcher_key(
    g: Graph, concepts: set[URIRef], themes: set[URIRef]
) -> None:
    """The same check with the key graph.indicators matches on (it also folds
    traditional characters and drops brackets), when that module is present."""
    matcher = pytest.importorskip("graph.indicators")
    matcher_key = getattr(matcher, "indicator_key", None)
    if matcher_key is None:
        pytest.skip("graph.indicators has no indicator_key")
    found: dict[str, set[URIRef]] = defaultdict(set)
    for c in concepts | themes:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for lit in literals(g, c, prop):
                found[matcher_key(str(lit))].add(c)
    clashes = {lab: sorted(cs) for lab, cs in found.items() if len(cs) > 1}
    assert not clashes, clashes


def test_english_preflabels_are_unique(g: Graph, concepts: set[URIRef]) -> None:
    seen: dict[str, URIRef] = {}
    for c in concepts:
        for lit in literals(g, c, SKOS.prefLabel):
            if lit.language == "en":
                assert key(str(lit)) not in seen, (c, seen.get(key(str(lit))))
                seen[key(str(lit))] = c


# The variants named when the scheme was specified, and the names the
# development reports use; each list resolves to one indicator.
VARIANTS = {
    "gdp": ["地区生产总值", "GDP", "国内生产总值", "经济总量"],
    "above-scale-industrial-output": ["规上工业产值", "规模以上工业总产值", "规上工业总产值"],
    "above-scale-industrial-value-added": ["规上工业增加值", "规模以上工业增加值"],
    "foreign-investment": ["实际利用外资", "实际使用外资", "实际到账外资", "到位外资"],
    "high-tech-enterprises": ["高新技术企业", "高企", "高企总数", "高新技术企业总数"],
    "urban-new-jobs": ["城镇新增就业", "新增城镇就业", "新增城镇就业人数"],
    "rd-intensity": [
        "研发经费支出占地区生产总值比重", "研发投入强度", "R&D经费占比",
        "全社会研发投入占GDP比重", "研发经费投入强度", "r&d经费占比",
    ],
    "fixed-asset-investment": ["固定资产投资", "全社会固定资产投资"],
    "retail-sales": ["社会消费品零售总额", "社零额"],
    "total-trade": ["进出口总额", "外贸进出口总额"],
    "general-budget-revenue": ["一般公共预算收入"],
    "tax-revenue-share": ["税收收入占比"],
    "service-revenue": ["服务业营业收入", "规上服务业营业收入", "规上服务业营收"],
    "industrial-invoiced-sales": ["工业开票销售", "全口径工业开票销售"],
    "disposable-income": ["居民人均可支配收入"],
    "urban-disposable-income": ["城镇居民人均可支配收入", "城镇常住居民人均可支配收入"],
    "rural-disposable-income": ["农村居民人均可支配收入", "农村常住居民人均可支配收入"],
    "surveyed-unemployment-rate": ["城镇调查失业率"],
    "pm25": ["PM2.5浓度", "PM2.5平均浓度", "ＰＭ２．５平均浓度"],
    "good-air-days": ["优良天数比例", "空气质量优良天数比率", "空气质量优良天数比例"],
    "water-good-class-share": ["优III比例", "国省考断面水质优Ⅲ类比例"],
    "water-compliance": ["地表水国控断面水质达标率"],
    "energy-intensity": ["单位GDP能耗", "单位地区生产总值能耗"],
    "accident-count": ["生产安全事故起数", "安全生产事故起数"],
    "accident-deaths": ["事故死亡人数", "生产安全事故死亡人数"],
    "grain-output": ["粮食总产量", "粮食产量"],
    "urbanisation-rate": ["常住人口城镇化率", "城镇化率"],
    "parking-spaces": ["公共停车泊位", "城市公共停车位"],
    "tech-contract-turnover": ["技术合同成交额", "技术合同登记成交额"],
    "little-giants": ["专精特新“小巨人”企业", "国家级专精特新\"小巨人\"企业"],
    "new-listed-companies": ["新增上市公司"],
    "above-scale-industrial-enterprises": ["规上工业企业总数"],
    "doctors-per-1000": ["每千人口执业（助理）医师数", "每千人口执业(助理)医师数"],
}


@pytest.mark.parametrize(
    ("local", "name"), [(k, n) for k, names in VARIANTS.items() for n in names]
)
def test_variants_resolve(resolve, local: str, name: str) -> None:
    assert resolve(name) == CKI[local], f"{name} → {resolve(name)}, expected cki:{local}"


# Everything the scheme was asked to cover, by one common name.
COVERED = [
    "地区生产总值", "一般公共预算收入", "税收收入占比", "固定资产投资", "工业投资", "制造业投资",
    "基础设施投资", "房地产开发投资", "社会消费品零售总额", "网络零售额", "进出口总额",
    "出口总额", "实际利用外资", "规上工业产值", "规上工业增加值", "工业开票销售",
    "服务业营业收入", "高新技术产业产值", "战略性新兴产业产值", "高新技术企业",
    "科技型中小企业", "专精特新企业", "独角兽企业", "瞪羚企业", "上市公司", "规上工业企业数",
    "研发经费支出占比", "技术合同成交额", "万人发明专利拥有量", "人才总量", "引进人才",
    "城镇新增就业", "城镇调查失业率", "居民人均可支配收入", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "养老保险参保人数", "安全生产事故起数", "事故死亡人数",
    "PM2.5浓度", "空气优良天数比例", "断面水质达标率", "优III比例", "单位GDP能耗",
    "碳排放强度", "主要污染物排放", "污水处理率", "绿化覆盖率", "人均公园绿地面积", "粮食产量",
    "高标准农田", "城镇化率", "公共停车泊位", "充电桩", "学位", "新建学校", "养老服务",
    "旅游收入", "游客人次", "人口", "重点项目数", "重点项目投资", "载体面积",
]


@pytest.mark.parametrize("name", COVERED)
def test_required_indicators_are_covered(resolve, name: str) -> None:
    assert resolve(name) is not None, f"no indicator is labelled {name}"


def test_distinct_indicators_stay_distinct(resolve) -> None:
    pairs = [
        ("规上工业产值", "规上工业增加值"),
        ("高新技术企业", "新增高新技术企业"),
        ("上市公司", "新增上市公司"),
        ("研发经费支出", "研发经费支出占比"),
        ("研发投入", "研发投入强度"),
        ("进出口总额", "出口总额"),
        ("城镇化率", "常住人口"),
        ("PM2.5浓度", "空气质量"),
        ("专精特新企业", "专精特新小巨人企业"),
    ]
    for a, b in pairs:
        ra, rb = resolve(a), resolve(b)
        assert ra is not None and rb is not None, (a, b)
        assert ra != rb, (a, b)


# ---------------------------------------------------------------- relations


def test_contributes_to_stays_inside_the_scheme(
    g: Graph, concepts: set[URIRef]
) -> None:
    for s, o in g.subject_objects(CK.contributesTo):
        assert s in concepts and o in concepts, (s, o)
        assert s != o, s


def test_contributes_to_is_acyclic(contributes: nx.DiGraph) -> None:
    assert contributes.number_of_edges() > 0
    cycles = list(nx.simple_cycles(contributes))
    assert nx.is_directed_acyclic_graph(contributes), f"cycles: {cycles}"


def test_broader_stays_inside_the_scheme_and_is_acyclic(
    g: Graph, concepts: set[URIRef]
) -> None:
    dg = nx.DiGraph()
    for s, o in g.subject_objects(SKOS.broader):
        assert s in concepts and o in concepts, (s, o)
        dg.add_edge(s, o)
    assert nx.is_directed_acyclic_graph(dg)


def test_broader_and_contributes_to_do_not_duplicate(g: Graph) -> None:
    both = [
        (s, o) for s, o in g.subject_objects(SKOS.broader) if (s, CK.contributesTo, o) in g
    ]
    assert not both, both


EXPECTED_CONTRIBUTIONS = [
    ("规上工业产值", "地区生产总值"),
    ("规上工业增加值", "地区生产总值"),
    ("工业投资", "固定资产投资"),
    ("制造业投资", "工业投资"),
    ("固定资产投资", "地区生产总值"),
    ("社会消费品零售总额", "地区生产总值"),
    ("进出口总额", "地区生产总值"),
    ("出口总额", "进出口总额"),
    ("实际利用外资", "固定资产投资"),
    ("服务业营业收入", "地区生产总值"),
    ("高新技术企业数", "高新技术产业产值"),
    ("高新技术产业产值", "规上工业产值"),
    ("专精特新企业", "规上工业产值"),
    ("研发经费支出", "研发经费支出占比"),
    ("城镇新增就业", "居民人均可支配收入"),
    ("税收收入", "一般公共预算收入"),
]


@pytest.mark.parametrize(("source", "target"), EXPECTED_CONTRIBUTIONS)
def test_expected_contributions(
    g: Graph, resolve, source: str, target: str
) -> None:
    s, o = resolve(source), resolve(target)
    assert (s, CK.contributesTo, o) in g, f"{source} should contribute to {target}"


def test_contributions_reach_gdp_transitively(contributes: nx.DiGraph) -> None:
    # ck:contributesTo is transitive: 高企 → 高新技术产业产值 → 规上工业产值 → GDP.
    assert nx.has_path(contributes, CKI["high-tech-enterprises"], CKI["gdp"])
    assert nx.has_path(contributes, CKI["manufacturing-investment"], CKI["gdp"])


EXPECTED_BROADER = [
    ("规上工业产值", "工业总产值"),
    ("规上工业增加值", "工业增加值"),
    ("PM2.5浓度", "空气质量"),
    ("优良天数比例", "空气质量"),
    ("城镇居民人均可支配收入", "居民人均可支配收入"),
    ("农村居民人均可支配收入", "居民人均可支配收入"),
    ("专精特新小巨人企业", "专精特新企业"),
]


@pytest.mark.parametrize(("narrow", "broad"), EXPECTED_BROADER)
def test_expected_broader(g: Graph, resolve, narrow: str, broad: str) -> None:
    assert (resolve(narrow), SKOS.broader, resolve(broad)) in g


# ---------------------------------------------------------------- fit with commitkg


def test_conforms_to_the_commitkg_shapes(g: Graph) -> None:
    """Merged into a built graph, the scheme must not break SHACL validation."""
    from pyshacl import validate

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_terms_used_are_declared(g: Graph) -> None:
    """Every ck: term the scheme uses exists in commitkg.ttl or in the scheme."""
    ontology = Graph().parse(ONTOLOGY_DIR / "commitkg.ttl", format="turtle")
    declared = set(ontology.subjects()) | set(g.subjects())
    used = {
        term
        for triple in g
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(str(CK))
    }
    assert used <= declared, sorted(used - declared)
