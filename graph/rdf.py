"""Extracted facts → RDF in the contract's vocabulary, one named graph per report.

Every IRI is minted from the content it names (report id, offsets, labels),
so the same input gives the same graph.

One writer (:func:`report_triples`) produces a report's triples once, as plain
strings, and they are rendered for each consumer: an rdflib
:class:`~rdflib.Graph` for building, validating and exporting
(:meth:`ReportTriples.graph`, :func:`report_graph`), or N-Triples text for
loading a store (:meth:`ReportTriples.ntriples`), which needs no rdflib terms
at all. Both renderings carry the same triples.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from graph.document import Document
from graph.facts import Fact, Mention, ReportFacts, Support
from graph.vocab import CK, PREFIXES, Minter

__all__ = [
    "Lit", "ReportTriples", "bind_prefixes", "build_dataset", "build_graphs", "fact_label",
    "report_graph", "report_triples", "union_graph",
]

_SYMBOL = {"AtLeast": "≥", "MoreThan": ">", "AtMost": "≤", "LessThan": "<", "About": "≈",
           "Exactly": "="}


class _Names:
    """The IRIs of a namespace as plain strings, cached: ``_ck.Report``, ``_ck["Report"]``."""

    def __init__(self, ns: object) -> None:
        self._ns = str(ns)

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self._ns + name
        setattr(self, name, iri)
        return iri

    def __getitem__(self, name: str) -> str:
        return self._ns + name


_ck, _rdf, _rdfs, _skos, _dct = (_Names(ns) for ns in (CK, RDF, RDFS, SKOS, DCTERMS))
_TYPE = {"Project": _ck.Project, "Enterprise": _ck.Enterprise, "Agency": _ck.Agency,
         "Place": _ck.Place, "Policy": _ck.Policy}
_XSD_INTEGER, _XSD_BOOLEAN = str(XSD.integer), str(XSD.boolean)
_XSD_DECIMAL, _XSD_DATE = str(XSD.decimal), str(XSD.date)


class Lit(NamedTuple):
    """A literal as the writer keeps it: its lexical form and language tag or datatype.

    It stands for ``rdflib.Literal(lexical, lang=lang, datatype=datatype)``.
    """

    lexical: str
    lang: str | None = None
    datatype: str | None = None


#: A term as the writer keeps it: a ``str`` is an IRI.
Term = str | Lit
Triple = tuple[str, str, Term]


def _zh(text: str) -> Lit:
    return Lit(text, "zh")


def _lit(value: str | int) -> Lit:
    """What ``rdflib.Literal(value)`` is for a string, an int or a bool.

    >>> _lit(True), _lit(7).lexical, _lit("万元")
    (Lit(lexical='true', lang=None, datatype='http://www.w3.org/2001/XMLSchema#boolean'), '7', \
Lit(lexical='万元', lang=None, datatype=None))
    """
    if isinstance(value, str):
        return Lit(value)
    if isinstance(value, bool):
        return Lit("true" if value else "false", None, _XSD_BOOLEAN)
    if isinstance(value, int):
        return Lit(str(value), None, _XSD_INTEGER)
    raise TypeError(f"no literal for {value!r}")


def _from_rdflib(t: object) -> Term:
    if isinstance(t, URIRef):
        return str(t)
    if isinstance(t, Literal):
        return Lit(str(t), t.language, None if t.datatype is None else str(t.datatype))
    raise TypeError(f"not an IRI or a literal: {t!r}")


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


def _decimal(d: Decimal) -> Lit:
    return Lit(format(d, "f"), None, _XSD_DECIMAL)


class ReportTriples:
    """One report's triples (no duplicates, in the order written), ready to render.

    Examples
    --------
    >>> from pathlib import Path
    >>> from graph.pipeline import extract_report
    >>> rt = report_triples(extract_report(Path("data/reports/xinbei-2024-plan-report.txt")))
    >>> len(rt) == len(rt.graph()) == rt.ntriples().count("\\n")  # doctest: +SKIP
    True
    """

    def __init__(self, iri: str, triples: Iterable[Triple]) -> None:
        self.iri = iri
        self.triples = list(triples)

    def __len__(self) -> int:
        return len(self.triples)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self.triples)

    def graph(self) -> Graph:
        """The triples as an rdflib graph (what :func:`report_graph` returns)."""
        cache: dict[Term, URIRef | Literal] = {}

        def term(t: Term) -> URIRef | Literal:
            node = cache.get(t)
            if node is None:
                if isinstance(t, str):
                    node = URIRef(t)
                else:
                    node = Literal(t.lexical, lang=t.lang,
                                   datatype=None if t.datatype is None else URIRef(t.datatype))
                cache[t] = node
            return node

        g = Graph()
        g.addN((term(s), term(p), term(o), g) for s, p, o in self.triples)
        return g

    def ntriples(self) -> str:
        """The triples as N-Triples text, as :func:`graph.stores.ntriples` writes them.

        Raises :class:`~graph.errors.CommitkgError` on an IRI N-Triples cannot carry.
        """
        from graph.stores import _nt_iri, _nt_literal

        cache: dict[Term, str] = {}

        def term(t: Term) -> str:
            text = cache.get(t)
            if text is None:
                text = _nt_iri(t) if isinstance(t, str) else _nt_literal(*t)
                cache[t] = text
            return text

        return "".join([f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in self.triples])


class _Writer:
    def __init__(self, doc: Document, minter: Minter) -> None:
        self.doc = doc
        self.minter = minter
        self.rid = doc.report_id
        self.report = minter.report_text(self.rid)
        self.triples: dict[Triple, None] = {}
        self.indicators: dict[str, str] = {}
        self.contributes: set[tuple[str, str]] = set()
        self._sections: dict[int, str] = {}

    def add(self, s: str, p: str, o: Term) -> None:
        self.triples[(s, p, o)] = None

    def mention(self, m: Mention) -> str:
        iri = self.minter.in_report_text(self.rid, "mention", m.span.start, m.span.end)
        add = self.add
        add(iri, _rdf.type, _ck.Mention)
        add(iri, _ck.inReport, self.report)
        add(iri, _ck.start, _lit(m.span.start))
        add(iri, _ck.end, _lit(m.span.end))
        add(iri, _ck.quote, _lit(m.quote))
        add(iri, _ck.sentence, _lit(m.sentence))
        return iri

    def section_iri(self, index: int) -> str:
        iri = self._sections.get(index)
        if iri is None:
            sec = self.doc.sections[index]
            iri = self._sections[index] = self.minter.in_report_text(self.rid, "section",
                                                                     sec.start)
        return iri

    def indicator(self, name: str) -> str:
        iri = self.minter.iri_text("indicator", name)
        if iri in self.indicators:  # its triples are there already
            return iri
        self.indicators[iri] = name
        label = _zh(name)
        self.add(iri, _rdf.type, _ck.Indicator)
        self.add(iri, _rdf.type, _skos.Concept)
        self.add(iri, _rdfs.label, label)
        self.add(iri, _skos.prefLabel, label)
        return iri


def report_graph(rf: ReportFacts, minter: Minter | None = None) -> tuple[URIRef, Graph]:
    """The named graph of one report: its IRI and its triples."""
    rt = report_triples(rf, minter)
    return URIRef(rt.iri), rt.graph()


def report_triples(rf: ReportFacts, minter: Minter | None = None) -> ReportTriples:
    """The triples of one report's named graph, written once (see :class:`ReportTriples`)."""
    doc = rf.document
    assert isinstance(doc, Document)
    w = _Writer(doc, minter or Minter())
    add = w.add
    r = w.report
    add(r, _rdf.type, _ck.Report)
    add(r, _dct.title, _zh(doc.title or doc.source.name))
    add(r, _dct.identifier, _lit(doc.report_id))
    add(r, _ck.sourceFile, _lit(doc.source.name))
    for applied in rf.curation_log:
        add(r, _ck.curatedBy, _lit(applied))
    if doc.issued is not None:
        add(r, _dct.issued, Lit(doc.issued.isoformat(), None, _XSD_DATE))
    if doc.plan_year is not None:
        add(r, _ck.planYear, _lit(doc.plan_year))
    if doc.review_year is not None:
        add(r, _ck.reviewYear, _lit(doc.review_year))
    keys = {(e.type, e.name): e.key or e.name for e in rf.entities}
    entity_iris: dict[tuple[str, str], str] = {}

    def entity_iri(type_: str, name: str) -> str:
        iri = entity_iris.get((type_, name))
        if iri is None:
            iri = entity_iris[(type_, name)] = w.minter.iri_text(
                type_.lower(), keys.get((type_, name), name))
        return iri

    if doc.jurisdiction:
        place = entity_iri("Place", doc.jurisdiction)
        start = doc.norm.find(doc.jurisdiction)
        add(r, _ck.jurisdiction, place)
        add(place, _rdf.type, _ck.Place)
        add(place, _rdfs.label, _zh(doc.jurisdiction))
        if start != -1:
            from graph.facts import Span

            end = start + len(doc.jurisdiction)
            sent = doc.sentence_at(start)
            s_start, s_end = (sent.start, sent.end) if sent else (start, end)
            m = Mention(Span(start, end), doc.text[start:end], doc.text[s_start:s_end].strip(),
                        Span(s_start, s_end))
            add(place, _ck.evidence, w.mention(m))
    for sec in doc.sections:
        s = w.section_iri(sec.index)
        add(s, _rdf.type, _ck.Section)
        add(s, _rdfs.label, _zh(sec.title))
        parent = w.section_iri(sec.parent) if sec.parent is not None else r
        add(s, _dct.isPartOf, parent)
        add(s, _ck.headingLevel, _lit(sec.level))
        add(s, _ck.start, _lit(sec.start))
        add(s, _ck.end, _lit(sec.end))
        if sec.period:
            add(s, _ck.period, _lit(sec.period))
    fact_iris = {id(f): _add_fact(w, f) for f in rf.facts}
    _add_indicator_links(w)
    for e in rf.entities:
        iri = entity_iri(e.type, e.name)
        add(iri, _rdf.type, _TYPE[e.type])
        add(iri, _rdfs.label, _zh(e.name))
        for alias in sorted(e.aliases - {e.name}):
            add(iri, _skos.altLabel, _zh(alias))
        for m in e.mentions:
            add(iri, _ck.evidence, w.mention(m))
        for attr, values in e.attributes.items():
            for v in values:
                add(iri, _ck[attr], _zh(v))
    for rel in rf.relations:
        s = entity_iri(*rel.subject)
        o = entity_iri(*rel.object)
        pred = _ck[rel.predicate]
        add(s, pred, o)
        q = w.minter.in_report_text(w.rid, "relation", rel.predicate, s, o)
        add(q, _rdf.type, _ck.RelationStatement)
        add(q, _rdf.subject, s)
        add(q, _rdf.predicate, pred)
        add(q, _rdf.object, o)
        add(q, _ck.evidence, w.mention(rel.mention))
        add(q, _ck.extractedBy, _lit(rel.method))
    for sup in rf.supports:
        _add_support(w, entity_iri(*sup.source), fact_iris[id(sup.target)], sup)
    _add_feeds(w, rf, fact_iris)
    return ReportTriples(r, w.triples)


def _add_feeds(w: _Writer, rf: ReportFacts, fact_iris: dict[int, str]) -> None:
    """ck:feeds between targets of one report and year whose indicators are linked by
    ck:contributesTo (规上工业产值超4000亿元 feeds 地区生产总值增长6%以上)."""
    by_indicator: dict[str, list[str]] = {}
    year: dict[str, int] = {}
    for f in rf.facts:
        if f.is_target:
            t = fact_iris[id(f)]
            by_indicator.setdefault(w.minter.iri_text("indicator", f.indicator), []).append(t)
            year[t] = f.year
    for a, b in sorted(w.contributes):
        for ta in by_indicator.get(a, []):
            for tb in by_indicator.get(b, []):
                if year[ta] == year[tb]:
                    w.add(ta, _ck.feeds, tb)


def _add_support(w: _Writer, source: str, target: str, sup: Support) -> None:
    q = w.minter.in_report_text(w.rid, "support", source, target)
    w.add(source, _ck.supports, target)
    w.add(source, _ck.qualifiedSupport, q)
    w.add(q, _rdf.type, _ck.QualifiedSupport)
    w.add(q, _ck.target, target)
    w.add(q, _ck.method, _ck[sup.method])
    w.add(q, _ck.confidence, _decimal(Decimal(str(sup.confidence))))
    for m in sup.evidence:
        w.add(q, _ck.evidence, w.mention(m))


class _Concept(NamedTuple):
    """What the writer adds for a concept of the indicator scheme."""

    iri: str
    exact: bool
    labels: tuple[Term, ...]  # its skos:prefLabel values, in the scheme's order
    themes: tuple[Term, ...]
    reaches: tuple[str, ...]  # every concept it contributes to, directly or not


# The scheme the memo below was made from, and the memo: indicator name → concept.
_CONCEPTS: tuple[object, dict[str, _Concept | None]] = (None, {})


def _concept(name: str) -> _Concept | None:
    """The scheme concept an indicator name matches (memoised: names recur across reports)."""
    global _CONCEPTS
    from graph.indicators import IndicatorScheme

    scheme = IndicatorScheme.load()
    if _CONCEPTS[0] is not scheme:
        _CONCEPTS = (scheme, {})
    memo = _CONCEPTS[1]
    if name in memo:
        return memo[name]
    m = scheme.match(name)
    found = None
    if m is not None:
        found = _Concept(
            str(m.concept), m.exact,
            tuple(_from_rdflib(lab) for lab in scheme.graph.objects(m.concept, SKOS.prefLabel)),
            tuple(_from_rdflib(t) for t in scheme.graph.objects(m.concept, CK.theme)),
            tuple(str(c) for c in scheme.reaches(m.concept)))
    memo[name] = found
    return found


def _add_indicator_links(w: _Writer) -> None:
    """Match indicators to the shipped scheme and carry its contributesTo over."""
    matched: dict[str, _Concept] = {}
    for iri, name in sorted(w.indicators.items()):
        c = _concept(name)
        if c is None:
            continue
        matched[iri] = c
        w.add(iri, _skos.exactMatch if c.exact else _skos.broadMatch, c.iri)
        w.add(c.iri, _rdf.type, _skos.Concept)
        for lab in c.labels:
            w.add(c.iri, _skos.prefLabel, lab)
            if isinstance(lab, Lit) and lab.lang == "en" and c.exact:
                w.add(iri, _rdfs.label, Lit(lab.lexical, "en"))
        for theme in c.themes:
            w.add(c.iri, _ck.theme, theme)
    by_concept: dict[str, list[str]] = {}
    for iri, c in matched.items():
        by_concept.setdefault(c.iri, []).append(iri)
    for iri, c in matched.items():
        for reached in c.reaches:
            for other in by_concept.get(reached, []):
                if other != iri:
                    w.add(iri, _ck.contributesTo, other)
                    w.contributes.add((iri, other))


def minter_entity(minter: Minter, type_: str, key: str) -> URIRef:
    """The IRI of a named thing from its type and identity key (see ``Entity.key``)."""
    return minter.iri(type_.lower(), key)


def _add_fact(w: _Writer, f: Fact) -> str:
    assert f.mention is not None
    kind = "target" if f.is_target else "outcome"
    iri = w.minter.in_report_text(
        w.rid, kind, f.indicator, f.mention.span.start, f.mention.span.end, f.value, f.upper
    )
    add = w.add
    add(iri, _rdf.type, _ck.Target if f.is_target else _ck.Outcome)
    add(iri, _rdfs.label, _zh(fact_label(f)))
    add(iri, _ck.measuredBy, w.indicator(f.indicator))
    add(iri, _ck.year, _lit(f.year))
    if f.value is not None:
        add(iri, _ck.value, _decimal(f.value))
    if f.upper is not None:
        add(iri, _ck.upperValue, _decimal(f.upper))
    if f.unit:
        add(iri, _ck.unit, _lit(f.unit))
    if f.comparator:
        add(iri, _ck.comparator, _ck[f.comparator])
    add(iri, _ck.quantityKind, _ck[f.quantity_kind])
    add(iri, _ck.strength, _ck[f.strength])
    if not f.is_target:
        add(iri, _ck.estimated, _lit(f.estimated))
    add(iri, _ck.evidence, w.mention(f.mention))
    add(iri, _ck.statedIn, w.report)
    if f.section is not None:
        add(iri, _ck.inSection, w.section_iri(f.section))
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
