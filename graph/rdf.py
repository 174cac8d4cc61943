"""Extracted facts → RDF in the contract's vocabulary, one named graph per report.

Every IRI is minted from the content it names (report id, offsets, labels),
so the same input gives the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from graph.document import Document
from graph.facts import Fact, Mention, ReportFacts, Support
from graph.vocab import CK, PREFIXES, Minter

__all__ = [
    "bind_prefixes", "build_dataset", "build_graphs", "fact_label", "report_graph", "union_graph",
]

_SYMBOL = {"AtLeast": "≥", "MoreThan": ">", "AtMost": "≤", "LessThan": "<", "About": "≈",
           "Exactly": "="}
_TYPE = {"Project": CK.Project, "Enterprise": CK.Enterprise, "Agency": CK.Agency,
         "Place": CK.Place, "Policy": CK.Policy}


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def fact_label(f: Fact) -> str:
    """A short human label: ``地区生产总值 ≥6% (2024)``.

    >>> from decimal import Decimal
    >>> fact_label(Fact("target", "地区生产总值", 2024, Decimal("6"), None, "%", "AtLeast",
    ...                 "ChangeRate", "Plain", None, None))
    '地区生产总值 增长≥6% (2024)'
    """
    if f.value is None:
        return f"{f.indicator} {f.label or '（定性）'} ({f.year})"
    value = f.value
    prefix = ""
    if f.quantity_kind == "ChangeRate":
        prefix = "增长" if value >= 0 else "下降"
        value = abs(value)
    rng = f"{_num(value)}" if f.upper is None else f"{_num(value)}~{_num(abs(f.upper))}"
    sym = _SYMBOL.get(f.comparator or "Exactly", "=")
    sym = "" if sym == "=" else sym
    return f"{f.indicator} {prefix}{sym}{rng}{f.unit or ''} ({f.year})"


def _num(d: Decimal) -> str:
    text = format(d.normalize(), "f")
    return text


def _decimal(d: Decimal) -> Literal:
    return Literal(format(d, "f"), datatype=XSD.decimal)


class _Writer:
    def __init__(self, doc: Document, minter: Minter) -> None:
        self.doc = doc
        self.minter = minter
        self.rid = doc.report_id
        self.report = minter.report(self.rid)
        self.g = Graph()
        self.indicators: dict[URIRef, str] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.g.add((s, p, o))

    def mention(self, m: Mention) -> URIRef:
        iri = self.minter.in_report(self.rid, "mention", m.span.start, m.span.end)
        self.add(iri, RDF.type, CK.Mention)
        self.add(iri, CK.inReport, self.report)
        self.add(iri, CK.start, Literal(m.span.start))
        self.add(iri, CK.end, Literal(m.span.end))
        self.add(iri, CK.quote, Literal(m.quote))
        self.add(iri, CK.sentence, Literal(m.sentence))
        return iri

    def section_iri(self, index: int) -> URIRef:
        sec = self.doc.sections[index]
        return self.minter.in_report(self.rid, "section", sec.start)

    def indicator(self, name: str) -> URIRef:
        iri = self.minter.iri("indicator", name)
        self.indicators[iri] = name
        self.add(iri, RDF.type, CK.Indicator)
        self.add(iri, RDF.type, SKOS.Concept)
        self.add(iri, RDFS.label, Literal(name, lang="zh"))
        self.add(iri, SKOS.prefLabel, Literal(name, lang="zh"))
        return iri


def report_graph(rf: ReportFacts, minter: Minter | None = None) -> tuple[URIRef, Graph]:
    """The named graph of one report: its IRI and its triples."""
    doc = rf.document
    assert isinstance(doc, Document)
    w = _Writer(doc, minter or Minter())
    r = w.report
    w.add(r, RDF.type, CK.Report)
    w.add(r, DCTERMS.title, Literal(doc.title or doc.source.name, lang="zh"))
    w.add(r, DCTERMS.identifier, Literal(doc.report_id))
    w.add(r, CK.sourceFile, Literal(doc.source.name))
    for applied in rf.curation_log:
        w.add(r, CK.curatedBy, Literal(applied))
    if doc.issued is not None:
        w.add(r, DCTERMS.issued, Literal(doc.issued.isoformat(), datatype=XSD.date))
    if doc.plan_year is not None:
        w.add(r, CK.planYear, Literal(doc.plan_year))
    if doc.review_year is not None:
        w.add(r, CK.reviewYear, Literal(doc.review_year))
    keys = {(e.type, e.name): e.key or e.name for e in rf.entities}

    def entity_iri(type_: str, name: str) -> URIRef:
        return minter_entity(w.minter, type_, keys.get((type_, name), name))

    if doc.jurisdiction:
        place = entity_iri("Place", doc.jurisdiction)
        start = doc.norm.find(doc.jurisdiction)
        w.add(r, CK.jurisdiction, place)
        w.add(place, RDF.type, CK.Place)
        w.add(place, RDFS.label, Literal(doc.jurisdiction, lang="zh"))
        if start != -1:
            from graph.facts import Span

            end = start + len(doc.jurisdiction)
            sent = doc.sentence_at(start)
            s_start, s_end = (sent.start, sent.end) if sent else (start, end)
            m = Mention(Span(start, end), doc.text[start:end], doc.text[s_start:s_end].strip(),
                        Span(s_start, s_end))
            w.add(place, CK.evidence, w.mention(m))
    for sec in doc.sections:
        s = w.section_iri(sec.index)
        w.add(s, RDF.type, CK.Section)
        w.add(s, RDFS.label, Literal(sec.title, lang="zh"))
        parent = w.section_iri(sec.parent) if sec.parent is not None else r
        w.add(s, DCTERMS.isPartOf, parent)
        w.add(s, CK.headingLevel, Literal(sec.level))
        w.add(s, CK.start, Literal(sec.start))
        w.add(s, CK.end, Literal(sec.end))
        if sec.period:
            w.add(s, CK.period, Literal(sec.period))
    fact_iris = {id(f): _add_fact(w, f) for f in rf.facts}
    _add_indicator_links(w)
    for e in rf.entities:
        iri = entity_iri(e.type, e.name)
        w.add(iri, RDF.type, _TYPE[e.type])
        w.add(iri, RDFS.label, Literal(e.name, lang="zh"))
        for alias in sorted(e.aliases - {e.name}):
            w.add(iri, SKOS.altLabel, Literal(alias, lang="zh"))
        for m in e.mentions:
            w.add(iri, CK.evidence, w.mention(m))
        for attr, values in e.attributes.items():
            for v in values:
                w.add(iri, CK[attr], Literal(v, lang="zh"))
    for rel in rf.relations:
        s = entity_iri(*rel.subject)
        o = entity_iri(*rel.object)
        w.add(s, CK[rel.predicate], o)
        q = w.minter.in_report(w.rid, "relation", rel.predicate, str(s), str(o))
        w.add(q, RDF.type, CK.RelationStatement)
        w.add(q, RDF.subject, s)
        w.add(q, RDF.predicate, CK[rel.predicate])
        w.add(q, RDF.object, o)
        w.add(q, CK.evidence, w.mention(rel.mention))
        w.add(q, CK.extractedBy, Literal(rel.method))
    for sup in rf.supports:
        _add_support(w, entity_iri(*sup.source), fact_iris[id(sup.target)], sup)
    _add_feeds(w, rf, fact_iris)
    return r, w.g


def _add_feeds(w: _Writer, rf: ReportFacts, fact_iris: dict[int, URIRef]) -> None:
    """ck:feeds between targets of one report and year whose indicators are linked by
    ck:contributesTo (规上工业产值超4000亿元 feeds 地区生产总值增长6%以上)."""
    by_indicator: dict[URIRef, list[URIRef]] = {}
    year: dict[URIRef, int] = {}
    for f in rf.facts:
        if f.is_target:
            t = fact_iris[id(f)]
            by_indicator.setdefault(w.minter.iri("indicator", f.indicator), []).append(t)
            year[t] = f.year
    for a, b in sorted(w.g.subject_objects(CK.contributesTo)):
        for ta in by_indicator.get(a, []):  # type: ignore[call-overload]
            for tb in by_indicator.get(b, []):  # type: ignore[call-overload]
                if year[ta] == year[tb]:
                    w.add(ta, CK.feeds, tb)


def _add_support(w: _Writer, source: URIRef, target: URIRef, sup: Support) -> None:
    q = w.minter.in_report(w.rid, "support", str(source), str(target))
    w.add(source, CK.supports, target)
    w.add(source, CK.qualifiedSupport, q)
    w.add(q, RDF.type, CK.QualifiedSupport)
    w.add(q, CK.target, target)
    w.add(q, CK.method, CK[sup.method])
    w.add(q, CK.confidence, _decimal(Decimal(str(sup.confidence))))
    for m in sup.evidence:
        w.add(q, CK.evidence, w.mention(m))


def _add_indicator_links(w: _Writer) -> None:
    """Match indicators to the shipped scheme and carry its contributesTo over."""
    from graph.indicators import IndicatorScheme

    scheme = IndicatorScheme.load()
    matched: dict[URIRef, URIRef] = {}
    for iri, name in sorted(w.indicators.items()):
        m = scheme.match(name)
        if m is None:
            continue
        matched[iri] = m.concept
        w.add(iri, SKOS.exactMatch if m.exact else SKOS.broadMatch, m.concept)
        w.add(m.concept, RDF.type, SKOS.Concept)
        for lab in scheme.graph.objects(m.concept, SKOS.prefLabel):
            w.add(m.concept, SKOS.prefLabel, lab)  # type: ignore[arg-type]
            if getattr(lab, "language", None) == "en" and m.exact:
                w.add(iri, RDFS.label, Literal(str(lab), lang="en"))
        for theme in scheme.graph.objects(m.concept, CK.theme):
            w.add(m.concept, CK.theme, theme)  # type: ignore[arg-type]
    by_concept: dict[URIRef, list[URIRef]] = {}
    for iri, concept in matched.items():
        by_concept.setdefault(concept, []).append(iri)
    for iri, concept in matched.items():
        for reached in scheme.reaches(concept):
            for other in by_concept.get(reached, []):
                if other != iri:
                    w.add(iri, CK.contributesTo, other)


def minter_entity(minter: Minter, type_: str, key: str) -> URIRef:
    """The IRI of a named thing from its type and identity key (see ``Entity.key``)."""
    return minter.iri(type_.lower(), key)


def _add_fact(w: _Writer, f: Fact) -> URIRef:
    assert f.mention is not None
    kind = "target" if f.is_target else "outcome"
    iri = w.minter.in_report(
        w.rid, kind, f.indicator, f.mention.span.start, f.mention.span.end, f.value, f.upper
    )
    w.add(iri, RDF.type, CK.Target if f.is_target else CK.Outcome)
    w.add(iri, RDFS.label, Literal(fact_label(f), lang="zh"))
    w.add(iri, CK.measuredBy, w.indicator(f.indicator))
    w.add(iri, CK.year, Literal(f.year))
    if f.value is not None:
        w.add(iri, CK.value, _decimal(f.value))
    if f.upper is not None:
        w.add(iri, CK.upperValue, _decimal(f.upper))
    if f.unit:
        w.add(iri, CK.unit, Literal(f.unit))
    if f.comparator:
        w.add(iri, CK.comparator, CK[f.comparator])
    w.add(iri, CK.quantityKind, CK[f.quantity_kind])
    w.add(iri, CK.strength, CK[f.strength])
    if not f.is_target:
        w.add(iri, CK.estimated, Literal(f.estimated))
    w.add(iri, CK.evidence, w.mention(f.mention))
    w.add(iri, CK.statedIn, w.report)
    if f.section is not None:
        w.add(iri, CK.inSection, w.section_iri(f.section))
    return iri


def build_graphs(
    reports: Iterable[ReportFacts], minter: Minter | None = None
) -> list[tuple[URIRef, Graph]]:
    """One named graph per report: ``(report IRI, its triples)``."""
    return [report_graph(rf, minter) for rf in reports]


def build_dataset(reports: Iterable[ReportFacts], minter: Minter | None = None) -> Dataset:
    """A dataset with one named graph per report (the graph's name is the report IRI)."""
    ds = Dataset()
    bind_prefixes(ds)
    for name, g in build_graphs(reports, minter):
        target = ds.graph(name)
        for t in g:
            target.add(t)
    return ds


def union_graph(graphs: Iterable[tuple[URIRef, Graph]]) -> Graph:
    """All triples of every named graph, as one graph (the graph itself when there is one)."""
    parts = list(graphs)
    if len(parts) == 1:
        return bind_prefixes(parts[0][1])
    g = bind_prefixes(Graph())
    for _name, part in parts:
        for t in part:
            g.add(t)
    return g
