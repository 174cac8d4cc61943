"""Store backends: one named graph per report, replaced whole or not at all."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from graph.errors import CommitkgError
from graph.query import named_queries
from graph.stores import (
    STORES,
    KgStore,
    OxigraphStore,
    ResultTooLarge,
    ntriples,
    open_spec,
    open_store,
)
from graph.vocab import CK

REPORT = URIRef("https://w3id.org/commitkg/id/report/xinbei-2024-plan-report")
OTHER = URIRef("https://w3id.org/commitkg/id/report/yunhe-2025-plan-report")

# rdflib warns on every triple its in-memory Dataset looks up; recording millions is slow.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def named(report_paths: list[Path]) -> list[tuple[URIRef, Graph]]:
    """The named graph of every seed report, as the RDF stage writes it."""
    from graph.pipeline import extract_report
    from graph.rdf import report_graph

    return [report_graph(extract_report(p)) for p in report_paths]


@pytest.fixture(scope="module")
def seed_graph(named: list[tuple[URIRef, Graph]]) -> Graph:
    return dict(named)[REPORT]


@pytest.fixture(params=["memory", "oxigraph", "oxigraph-folder"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KgStore]:
    if request.param == "oxigraph-folder":
        kg = open_spec(tmp_path / "kg", create=True)
    else:
        kg = open_store(request.param)
    yield kg
    kg.close()


def _triples(kg: KgStore, graph: URIRef) -> set[tuple[object, ...]]:
    rows = kg.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {tuple(r) for r in rows}  # type: ignore[arg-type]


def _titled(title: str) -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    return [(REPORT, RDF.type, CK.Report), (REPORT, RDFS.label, Literal(title, lang="zh"))]


def test_registry_names_every_backend() -> None:
    assert {"memory", "oxigraph", "sparql"} <= set(STORES)
    assert all(STORES[name].name == name for name in STORES)


def test_unknown_backend_is_one_line_error() -> None:
    with pytest.raises(CommitkgError, match="unknown store 'neo4j'; known: memory, oxigraph"):
        open_store("neo4j")


def test_reload_replaces_the_report_graph_without_duplicates(
        store: KgStore, seed_graph: Graph) -> None:
    assert store.replace_report(REPORT, seed_graph) == len(seed_graph)
    first = len(store)
    store.replace_report(REPORT, seed_graph)
    assert len(store) == first == len(seed_graph)
    assert store.graphs() == [REPORT]


def test_reload_touches_only_that_report(store: KgStore, seed_graph: Graph) -> None:
    other = [(OTHER, RDF.type, CK.Report)]
    store.replace_report(OTHER, other)
    store.replace_report(REPORT, seed_graph)
    store.replace_report(REPORT, _titled("新北区2024年计划草案的报告"))
    assert _triples(store, REPORT) == set(_titled("新北区2024年计划草案的报告"))
    assert _triples(store, OTHER) == set(other)
    assert store.graphs() == sorted([REPORT, OTHER])


def test_a_load_that_fails_half_way_keeps_the_old_graph(store: KgStore, seed_graph: Graph) -> None:
    store.replace_report(REPORT, seed_graph)
    before = _triples(store, REPORT)

    def broken() -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
        yield from _titled("新的标题")
        raise RuntimeError("the extractor crashed mid-report")

    with pytest.raises(RuntimeError, match="crashed"):
        store.replace_report(REPORT, broken())
    assert _triples(store, REPORT) == before


def test_an_invalid_term_midway_keeps_the_old_graph(store: KgStore, seed_graph: Graph) -> None:
    store.replace_report(REPORT, seed_graph)
    before = _triples(store, REPORT)
    bad = [*_titled("新的标题"), (URIRef("https://w3id.org/commitkg/id/bad iri"), RDF.type,
                                  CK.Target)]
    with pytest.raises(CommitkgError, match="not a valid IRI"):
        store.replace_report(REPORT, bad)
    assert _triples(store, REPORT) == before


@pytest.mark.parametrize("where", ["memory", "folder"])
def test_oxigraph_rolls_back_when_the_engine_rejects_the_new_graph(
        where: str, tmp_path: Path, seed_graph: Graph, monkeypatch: pytest.MonkeyPatch,
        corrupt_nt_term: Callable[[int], dict[str, int]]) -> None:
    """Drop and insert are one update: an engine-side failure mid-insert loses nothing."""
    kg = OxigraphStore.open(None if where == "memory" else str(tmp_path / "kg"), create=True)
    kg.replace_report(REPORT, seed_graph)
    before = _triples(kg, REPORT)
    calls = corrupt_nt_term(3000)
    with pytest.raises(CommitkgError, match="cannot load"):
        kg.replace_report(REPORT, seed_graph)
    monkeypatch.undo()
    assert calls["n"] > 3000
    assert _triples(kg, REPORT) == before
    kg.close()


def test_bulk_load_of_new_reports_leaves_no_partial_graph(
        tmp_path: Path, named: list[tuple[URIRef, Graph]]) -> None:
    kg = open_spec(tmp_path / "kg", create=True)
    (first, g1), (second, g2) = named[:2]
    broken = ntriples(g2).replace(" .\n", " \n", 1)  # the second report's N-Triples are broken
    with pytest.raises(CommitkgError, match="bulk load failed"):
        kg.replace_reports([(first, ntriples(g1)), (second, broken)])
    assert kg.graphs() == [] and len(kg) == 0
    assert kg.replace_reports([(first, ntriples(g1)), (second, ntriples(g2))]) == 2
    merged = len(set(g1) | set(g2))
    assert len(kg) == merged
    # Loading them again goes through the transactional path and changes nothing.
    kg.replace_reports([(first, ntriples(g1)), (second, ntriples(g2))])
    assert len(kg) == merged and kg.graphs() == sorted([first, second])


def _value(term: object) -> str:
    """A term as text, numbers by value: a Turtle round trip writes 18 as 18.0."""
    value = term.toPython() if isinstance(term, Literal) else None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return str(Decimal(str(term)).normalize())
    return "" if term is None else str(term)


def _rows(kg: KgStore, text: str) -> Counter[tuple[str, ...]]:
    return Counter(_unordered_concat(text, tuple(_value(c) for c in row))  # type: ignore[union-attr]
                   for row in kg.query(text))


def _unordered_concat(text: str, row: tuple[str, ...]) -> tuple[str, ...]:
    """GROUP_CONCAT joins in no set order (engines differ): compare the parts sorted."""
    seps = re.findall(r'separator\s*=\s*"([^"]+)"', text, flags=re.I)
    return tuple(seps[0].join(sorted(v.split(seps[0]))) if seps and seps[0] in v else v
                 for v in row)


@pytest.fixture(scope="module")
def trig(tmp_path_factory: pytest.TempPathFactory, named: list[tuple[URIRef, Graph]]) -> Path:
    """Two reports that share indicators, as TriG: small enough for rdflib's own store."""
    kg = open_store("memory")
    kg.load_named([(iri, g) for iri, g in named if iri in (REPORT, OTHER)])
    path = tmp_path_factory.mktemp("trig") / "graph.trig"
    path.write_bytes(kg.dataset.serialize(format="trig", encoding="utf-8"))
    return path


def _named_query_params() -> list[object]:
    """Every named query; one whose UNION branch binds from a variable outside it
    (``BIND(?direct AS ?t)``, unbound there under SPARQL's bottom-up rules) joins
    every support with every target and runs for minutes, so it is not run."""
    out: list[object] = []
    for name, q in sorted(named_queries().items()):
        slow = "BIND(?direct AS ?t)" in q.text
        out.append(pytest.param(name, marks=pytest.mark.xfail(
            run=False, reason=f"{name}.rq: UNION branch binds ?t from out-of-scope ?direct"))
            if slow else name)
    return out


NAMED_QUERIES = _named_query_params()


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_named_queries_agree_on_memory_and_oxigraph(name: str, trig: Path) -> None:
    """The same rows, counted: two reports share indicator triples, which the
    Oxigraph store must count once (its default graph is the merge, a set)."""
    text = named_queries()[name].bind()
    memory, oxigraph = open_spec(trig, backend="memory"), open_spec(trig, backend="oxigraph")
    assert _rows(memory, text) == _rows(oxigraph, text)


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_named_queries_order_alike_on_memory_and_oxigraph(name: str, trig: Path) -> None:
    """Rows come in the same order of their ORDER BY keys (rows that tie on every
    key may come in any order: SPARQL leaves that open)."""
    text = named_queries()[name].bind()
    order = re.search(r"^ORDER BY (.+)$", text, flags=re.M)
    assert order is not None, f"{name}.rq has no ORDER BY"
    keys = re.findall(r"\?(\w+)", order.group(1))

    def sequence(kg: KgStore) -> list[tuple[str, ...]]:
        result = kg.query(text)
        columns = [str(v) for v in result.vars or []]
        at = [columns.index(k) for k in keys]
        return [tuple(_value(row[i]) for i in at) for row in result]  # type: ignore[index]

    memory = sequence(open_spec(trig, backend="memory"))
    assert memory == sequence(open_spec(trig, backend="oxigraph"))
    assert len(memory) > 1


@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_a_store_folder_answers_like_the_file(name: str, trig: Path, tmp_path: Path,
                                              named: list[tuple[URIRef, Graph]]) -> None:
    text = named_queries()[name].bind()
    folder = open_spec(tmp_path / "kg", create=True)
    folder.load_named([(iri, g) for iri, g in named if iri in (REPORT, OTHER)])
    assert _rows(folder, text) == _rows(open_spec(trig), text)


def test_shared_triples_count_once_and_leave_with_their_last_report(
        store: KgStore, named: list[tuple[URIRef, Graph]]) -> None:
    graphs = dict(named)
    shared = set(graphs[REPORT]) & set(graphs[OTHER])
    assert shared, "the two reports share indicator triples"
    store.replace_report(REPORT, graphs[REPORT])
    store.replace_report(OTHER, graphs[OTHER])
    assert len(store) == len(set(graphs[REPORT]) | set(graphs[OTHER]))
    store.replace_report(OTHER, [(OTHER, RDF.type, CK.Report)])
    assert len(store) == len(graphs[REPORT]) + 1
    s, p, o = next(iter(shared))
    assert store.query(f"ASK {{ {ntriples([(s, p, o)])[:-2]} }}").askAnswer


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld", ".nt", ".nq"])
@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_open_spec_reads_each_file_format(suffix: str, backend: str, tmp_path: Path,
                                          seed_graph: Graph) -> None:
    fmt = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".nt": "nt",
           ".nq": "nquads"}[suffix]
    path = tmp_path / f"graph{suffix}"
    if fmt in ("trig", "nquads"):
        kg = open_store("memory")
        kg.replace_report(REPORT, seed_graph)
        path.write_bytes(kg.dataset.serialize(format=fmt, encoding="utf-8"))
    else:
        path.write_bytes(seed_graph.serialize(format=fmt, encoding="utf-8"))
    kg = open_spec(path, backend=backend)
    answer = kg.answer("SELECT ?t { ?t a <https://w3id.org/commitkg/ontology#Target> }")
    assert answer.size == len(set(seed_graph.subjects(RDF.type, CK.Target)))


@pytest.mark.parametrize("spec, message", [
    ("no/such/graph.ttl", "no such graph file, store folder or endpoint URL"),
    ("graph.xyz", "unknown RDF format"),
    ("emptydir", "not an Oxigraph store folder"),
    ("http://127.0.0.1:9/query", "cannot reach the SPARQL endpoint"),
])
def test_bad_specs_are_one_line_errors(spec: str, message: str, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "graph.xyz").write_text("x")
    (tmp_path / "emptydir").mkdir()
    with pytest.raises(CommitkgError, match=message) as info:
        open_spec(spec)
    assert "\n" not in str(info.value)


def test_a_file_is_no_store_to_build_into(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text("")
    with pytest.raises(CommitkgError, match="is a file"):
        open_spec(tmp_path / "graph.ttl", create=True)


def test_a_bad_query_is_one_line_error(store: KgStore) -> None:
    with pytest.raises(CommitkgError, match="SPARQL error") as info:
        store.query("SELECT ?x WHERE {")
    assert "\n" not in str(info.value)


def test_folder_in_use_is_a_clear_error_and_read_only_still_opens(tmp_path: Path,
                                                                 seed_graph: Graph) -> None:
    writer = open_spec(tmp_path / "kg", create=True)
    writer.replace_report(REPORT, seed_graph)
    writer.inner.flush()  # type: ignore[attr-defined]
    with pytest.raises(CommitkgError, match="in use by another process"):
        open_spec(tmp_path / "kg")
    reader = open_spec(tmp_path / "kg", read_only=True)
    assert len(reader) == len(seed_graph)
    with pytest.raises(CommitkgError, match="read-only"):
        reader.replace_report(REPORT, seed_graph)
    writer.close()


def test_answer_caps_rows(store: KgStore, seed_graph: Graph) -> None:
    store.replace_report(REPORT, seed_graph)
    with pytest.raises(ResultTooLarge, match="more than 10 rows"):
        store.answer("SELECT * WHERE { ?s ?p ?o }", max_rows=10)
    with pytest.raises(ResultTooLarge, match="more than 10 triples"):
        store.answer("CONSTRUCT WHERE { ?s ?p ?o }", max_rows=10)
    assert store.answer("SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_rows=10).size == 10


def test_nquads_export_round_trips(store: KgStore, seed_graph: Graph, tmp_path: Path) -> None:
    store.replace_report(REPORT, seed_graph)
    store.replace_report(OTHER, [(OTHER, RDF.type, CK.Report)])
    path = store.dump_nquads(tmp_path / "graph.nq")
    back = open_spec(path, backend="memory")
    assert back.graphs() == sorted([REPORT, OTHER])
    assert len(back) == len(seed_graph) + 1


def test_cli_queries_a_store_folder(tmp_path: Path, named: list[tuple[URIRef, Graph]],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    with open_spec(tmp_path / "kg", create=True) as kg:
        kg.load_named(named)
    assert main(["query", "--graph", str(tmp_path / "kg"), "counts", "--format", "csv"]) == 0
    assert "Target," in capsys.readouterr().out
    assert main(["query", "--graph", str(tmp_path / "missing"), "counts"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("commitkg: error:") and err.count("\n") == 1


def test_cli_build_loads_each_report_into_the_store(tmp_path: Path, seed_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    args = ["build", str(seed_path), "--out", str(tmp_path / "out"), "--store",
            str(tmp_path / "kg"), "--no-html", "--no-validate"]
    assert main(args) == 0
    assert main(args) == 0  # a re-run replaces, never duplicates
    assert "loaded 1 report graph(s)" in capsys.readouterr().out
    kg = open_spec(tmp_path / "kg", read_only=True)
    assert kg.graphs() == [REPORT]
    assert len(kg) == len(Graph().parse(tmp_path / "out" / "graph.ttl"))
