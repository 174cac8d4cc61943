"""One writer, two renderings: the rdflib graph (build, SHACL, exports) and the
N-Triples text the ingest path loads into a store must carry the same triples."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDFS, XSD

from graph.errors import CommitkgError
from graph.facts import ReportFacts
from graph.oxi import ox_triples
from graph.rdf import Lit, ReportTriples, report_graph, report_triples
from graph.stores import _as_nquads, ntriples
from graph.vocab import CK, Minter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_facts(seed_path: Path) -> ReportFacts:
    from graph.curation import load_curation
    from graph.pipeline import extract_report

    return extract_report(seed_path, curation=load_curation(ROOT / "data" / "curation"))


def _lines(nt: str) -> list[str]:
    return nt.splitlines()


def test_fast_ntriples_are_the_rdflib_graph_of_the_seed(seed_facts: ReportFacts) -> None:
    iri, g = report_graph(seed_facts)
    rt = report_triples(seed_facts)
    assert rt.iri == str(iri)
    fast = _lines(rt.ntriples())
    assert len(fast) == len(set(fast)) == len(rt) == len(g) > 1000
    # The very lines the rdflib path writes for a store…
    assert set(fast) == set(_lines(ntriples(g)))
    # …and the same triples for an independent parser and for rdflib's comparison.
    parsed = ox.parse(rt.ntriples().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert sorted((q.triple for q in parsed), key=str) == sorted(ox_triples(g), key=str)
    assert isomorphic(g, Graph().parse(data=rt.ntriples(), format="nt"))


def test_ingest_worker_output_is_the_rdflib_graph(seed_path: Path) -> None:
    """What ``ingest_reports`` loads is what ``build`` would have written for the report."""
    from graph.parallel import report_ntriples
    from graph.pipeline import extract_report

    base = "https://example.org/kg/"
    rdf = report_ntriples(seed_path, base)
    iri, g = report_graph(extract_report(seed_path), Minter(base))
    assert rdf.graph_iri == str(iri) and rdf.triples == len(g)
    assert set(_lines(rdf.ntriples)) == set(_lines(ntriples(g)))


@pytest.mark.parametrize("seed", [3, 11])
def test_fast_ntriples_are_the_rdflib_graph_of_synthetic_reports(seed: int) -> None:
    from graph.pipeline import extract_text
    from graph.reader import ReportText, normalise
    from graph.synth import generate

    text = generate(seed)
    rf = extract_text(ReportText(Path(f"synth-{seed}.txt"), text, normalise(text), "utf-8"),
                      f"synth-{seed}")
    _iri, g = report_graph(rf)
    assert set(_lines(report_triples(rf).ntriples())) == set(_lines(ntriples(g)))


def test_literals_keep_their_datatypes(seed_facts: ReportFacts) -> None:
    """What rdflib.Literal(value) made of ints, bools, dates and decimals before."""
    _iri, g = report_graph(seed_facts)
    kinds = {
        CK.start: XSD.integer, CK.year: XSD.integer, CK.headingLevel: XSD.integer,
        CK.estimated: XSD.boolean, CK.value: XSD.decimal, CK.confidence: XSD.decimal,
        DCTERMS.issued: XSD.date,
    }
    for pred, datatype in kinds.items():
        values = list(g.objects(None, pred))
        assert values, pred
        for v in values:
            assert isinstance(v, Literal) and v.datatype == datatype and not v.ill_typed, (pred, v)
            assert v == Literal(v.toPython(), datatype=datatype) or datatype == XSD.decimal
    assert {str(v) for v in g.objects(None, CK.estimated)} <= {"true", "false"}
    assert all(re.fullmatch(r"-?\d+", str(v)) for v in g.objects(None, CK.start))
    # plain strings stay plain, labels keep their language
    assert all(isinstance(v, Literal) and v.datatype is None and v.language is None
               for v in g.objects(None, CK.quote))
    assert {v.language for v in g.objects(None, RDFS.label)  # type: ignore[attr-defined]
            } <= {"zh", "en"}


def test_both_renderings_escape_the_same_way() -> None:
    s, p = "https://w3id.org/commitkg/id/x", str(CK.quote)
    rt = ReportTriples(s, [
        (s, p, Lit('引号"反斜杠\\换行\n回车\r')),
        (s, p, Lit("新北区", "zh")),
        (s, p, Lit("7", None, str(XSD.integer))),
        (s, str(CK.inReport), s),
    ])
    assert set(_lines(rt.ntriples())) == set(_lines(ntriples(rt.graph())))
    assert isomorphic(rt.graph(), Graph().parse(data=rt.ntriples(), format="nt"))
    # N-Triples writes xsd:string as a plain literal, both ways alike
    typed = ReportTriples(s, [(s, p, Lit("x", None, str(XSD.string)))])
    assert _lines(typed.ntriples()) == _lines(ntriples(typed.graph())) == [f'<{s}> <{p}> "x" .']


def test_a_bad_iri_fails_before_anything_is_written() -> None:
    rt = ReportTriples("https://w3id.org/x", [("https://w3id.org/a b", str(CK.quote), Lit("q"))])
    with pytest.raises(CommitkgError, match="not a valid IRI"):
        rt.ntriples()


def test_graph_copies_of_ntriples_match_line_by_line(seed_facts: ReportFacts) -> None:
    """The quick N-Quads conversion gives what the line-by-line one gives."""
    nt = report_triples(seed_facts).ntriples()
    g = "https://w3id.org/commitkg/id/report/xinbei-2024-plan-report"
    quick = _as_nquads(nt, g)
    slow = _as_nquads(nt.replace(" .\n", " .\n\n", 1), g)  # a blank line: line by line
    assert sorted(quick.splitlines()) == sorted(slow.splitlines())
    quads = list(ox.parse(quick.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == 2 * nt.count("\n")
    in_graph = {q.triple for q in quads if q.graph_name == ox.NamedNode(g)}
    in_default = {q.triple for q in quads if q.graph_name == ox.DefaultGraph()}
    assert in_graph == in_default and len(in_graph) == nt.count("\n")


@pytest.mark.parametrize("where", ["folder", "oxigraph-memory", "memory"])
def test_ingested_report_graph_is_the_built_graph(where: str, seed_path: Path,
                                                  tmp_path: Path) -> None:
    """Worker-made N-Quads land as the same triples, in the report's graph and the merge."""
    from graph.parallel import ingest_reports
    from graph.pipeline import extract_report
    from graph.stores import open_spec, open_store

    store = {"folder": lambda: open_spec(tmp_path / "kg", create=True),
             "oxigraph-memory": lambda: open_store("oxigraph"),
             "memory": lambda: open_store("memory")}[where]()
    stats = ingest_reports([seed_path], store, jobs=1, progress=False)
    iri, g = report_graph(extract_report(seed_path))
    assert stats.reports == 1 and stats.triples == len(g)
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    # compared as N-Triples, where a plain literal and an xsd:string are one thing
    got = {ntriples([tuple(row)]).rstrip("\n") for row in rows}  # type: ignore[list-item]
    assert got == set(_lines(ntriples(g)))
    assert len(store) == len(g)
    store.close()
