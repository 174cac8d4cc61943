"""The SPARQL endpoint: the protocol, formats, limits; and a real Oxigraph server."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.query import Result

with warnings.catch_warnings():  # Starlette asks for httpx2; httpx is what is installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from graph.errors import CommitkgError
from graph.query import named_queries
from graph.server import create_app, free_port, negotiate, query_form, server_process
from graph.stores import KgStore, open_spec, open_store

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

CK = "https://w3id.org/commitkg/ontology#"
TARGETS = f"PREFIX ck: <{CK}> SELECT ?t ?year WHERE {{ ?t a ck:Target ; ck:year ?year }}"
REPORTS = f"PREFIX ck: <{CK}> SELECT ?r WHERE {{ ?r a ck:Report }} ORDER BY ?r"
CONSTRUCT = f"PREFIX ck: <{CK}> CONSTRUCT {{ ?r a ck:Report }} WHERE {{ ?r a ck:Report }}"


@pytest.fixture(scope="module")
def named(report_paths: list[Path]) -> list[tuple[URIRef, Graph]]:
    from graph.pipeline import extract_report
    from graph.rdf import report_graph

    return [report_graph(extract_report(p)) for p in report_paths]


@pytest.fixture(scope="module")
def two(named: list[tuple[URIRef, Graph]]) -> list[tuple[URIRef, Graph]]:
    """The seed report and one more: enough for every protocol test, quick on rdflib."""
    return named[-2:]


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, two: list[tuple[URIRef, Graph]]) -> KgStore:
    kg = open_store(request.param)
    kg.load_named(two)
    return kg


@pytest.fixture(scope="module")
def client(store: KgStore) -> TestClient:
    return TestClient(create_app(store, timeout=10, max_rows=10_000,
                                 explorer_html="<html><body>commitkg explorer</body></html>"))


def _select(r: object) -> list[dict[str, object]]:
    assert r.status_code == 200, r.text  # type: ignore[attr-defined]
    return r.json()["results"]["bindings"]  # type: ignore[attr-defined, no-any-return]


# --------------------------------------------------------------------------- protocol


def test_get_post_and_form_answer_alike(client: TestClient, two: list) -> None:
    by_get = _select(client.get("/sparql", params={"query": REPORTS}))
    by_post = _select(client.post("/sparql", content=REPORTS.encode(),
                                  headers={"Content-Type": "application/sparql-query"}))
    by_form = _select(client.post("/sparql", data={"query": REPORTS}))
    assert by_get == by_post == by_form
    assert [b["r"]["value"] for b in by_get] == sorted(str(iri) for iri, _g in two)  # type: ignore[index]


@pytest.mark.parametrize("accept, media, parser", [
    (None, "application/sparql-results+json", "json"),
    ("application/sparql-results+json", "application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("text/csv", "text/csv", "csv"),
    ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", "json"),
])
def test_select_formats_by_accept(client: TestClient, accept: str | None, media: str,
                                  parser: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": TARGETS}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    if parser == "csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["t", "year"]
        n = len(rows) - 1
    else:
        result = Result.parse(io.BytesIO(r.content), format=parser)
        n = len(list(result))
        assert [str(v) for v in result.vars or []] == ["t", "year"]
    assert n == len(_select(client.get("/sparql", params={"query": TARGETS})))


@pytest.mark.parametrize("accept, expected", [
    (None, b'{"head": {}, "boolean": true}'),
    ("application/sparql-results+xml", b"<boolean>true</boolean>"),
])
def test_ask(client: TestClient, accept: str | None, expected: bytes) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": f"ASK {{ ?r a <{CK}Report> }}"}, headers=headers)
    assert r.status_code == 200 and expected in r.content


@pytest.mark.parametrize("accept, media, fmt", [
    (None, "text/turtle", "turtle"),
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
])
def test_construct_formats_by_accept(client: TestClient, two: list, accept: str | None,
                                     media: str, fmt: str) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert len(Graph().parse(data=r.content, format=fmt)) == len(two)


def test_unacceptable_accept_is_406(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": TARGETS}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text


def test_service_description_without_a_query(client: TestClient, two: list) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    sd = Graph().parse(data=r.text, format="turtle")
    ns = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(ns + "endpoint"), URIRef("http://testserver/sparql")) in sd
    names = set(sd.objects(None, URIRef(ns + "name")))
    assert names == {iri for iri, _g in two}


@pytest.mark.parametrize("how", ["get-update", "form-update", "sparql-update", "update-as-query",
                                 "update-after-comment"])
def test_updates_are_refused(client: TestClient, store: KgStore, how: str) -> None:
    before = len(store)
    drop = "DROP ALL"
    if how == "get-update":
        r = client.get("/sparql", params={"update": drop})
    elif how == "form-update":
        r = client.post("/sparql", data={"update": drop})
    elif how == "sparql-update":
        r = client.post("/sparql", content=drop,
                        headers={"Content-Type": "application/sparql-update"})
    elif how == "update-as-query":
        r = client.post("/sparql", data={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    else:
        r = client.get("/sparql", params={"query": "# SELECT looks harmless\nCLEAR DEFAULT"})
    assert r.status_code == 403
    assert "read-only" in r.text
    assert len(store) == before


def test_a_bad_query_is_400_with_the_reason(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400 and "SPARQL error" in r.text
    assert client.get("/sparql", params={"query": "hello"}).status_code == 400
    r = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_result_cap(store: KgStore) -> None:
    small = TestClient(create_app(store, max_rows=5))
    r = small.get("/sparql", params={"query": TARGETS})
    assert r.status_code == 422 and "more than 5 rows" in r.text
    r = small.get("/sparql", params={"query": f"{TARGETS} LIMIT 5"})
    assert len(_select(r)) == 5
    r = small.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert r.status_code == 422


def _query_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "commitkg-query")


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_a_query_past_its_time_is_503_and_stopped(backend: str,
                                                  named: list[tuple[URIRef, Graph]]) -> None:
    kg = open_store(backend)
    kg.load_named(named[:1])
    # A three-way cross product: hours on rdflib, and rows streaming out of Oxigraph.
    heavy = ("SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }" if backend == "oxigraph"
             else "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    client = TestClient(create_app(kg, timeout=0.5, max_rows=10**9))
    before = _query_threads()
    start = time.monotonic()
    r = client.get("/sparql", params={"query": heavy})
    assert r.status_code == 503
    assert "time limit of 0.5 s" in r.text
    assert time.monotonic() - start < 5
    deadline = time.monotonic() + 10
    while _query_threads() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _query_threads() == before, "the runaway query thread was not stopped"
    # the server answers again; under the 0.5 s limit a shared, busy machine may need a second try
    statuses = []
    for _ in range(3):
        statuses.append(client.get("/sparql", params={"query": "ASK {}"}).status_code)
        if statuses[-1] == 200:
            break
    assert statuses[-1] == 200, statuses


class _Counted:
    """A store that counts its queries and takes *delay* seconds over each."""

    def __init__(self, inner: KgStore, delay: float = 0.0, read_only: bool = True) -> None:
        self.inner, self.delay, self.read_only = inner, delay, read_only
        self.name = inner.name
        self.calls = 0
        self.lock = threading.Lock()

    def answer(self, text: str, **kw: object) -> object:
        with self.lock:
            self.calls += 1
        time.sleep(self.delay)
        return self.inner.answer(text, **kw)  # type: ignore[arg-type]


def _gather(app: object, *requests: tuple[str, dict[str, str]]) -> list[object]:
    """Send *requests* (query, headers) at once, on one event loop."""
    import asyncio

    import httpx

    async def go() -> list[object]:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return list(await asyncio.gather(*(
                http.get("/sparql", params={"query": q}, headers=h) for q, h in requests)))

    return asyncio.run(go())


def test_queries_wait_their_turn_for_a_worker(store: KgStore) -> None:
    slow = _Counted(store, delay=0.3, read_only=False)
    app = create_app(slow, workers=1, timeout=5)  # type: ignore[arg-type]
    start = time.monotonic()
    answers = _gather(app, *((f"{TARGETS} LIMIT {n}", {}) for n in range(1, 5)))
    assert [r.status_code for r in answers] == [200] * 4  # type: ignore[attr-defined]
    assert slow.calls == 4 and time.monotonic() - start >= 4 * 0.3  # one at a time
    # a query still waiting when its time is up is told the server is busy
    app = create_app(_Counted(store, delay=1.0, read_only=False), workers=1,  # type: ignore[arg-type]
                     timeout=0.5)
    first, second = _gather(app, (f"{TARGETS} LIMIT 1", {}), (f"{TARGETS} LIMIT 2", {}))
    assert {first.status_code, second.status_code} == {503}  # type: ignore[attr-defined]
    assert "busy" in first.text + second.text  # type: ignore[attr-defined]
    assert "time limit" in first.text + second.text  # type: ignore[attr-defined]


def test_the_same_query_at_once_runs_once(store: KgStore) -> None:
    slow = _Counted(store, delay=0.3, read_only=False)  # no cache: only the running query
    app = create_app(slow)  # type: ignore[arg-type]
    csv_ = {"Accept": "text/csv"}
    answers = _gather(app, (TARGETS, {}), (TARGETS, {}), (TARGETS, {}), (TARGETS, csv_))
    assert [r.status_code for r in answers] == [200] * 4  # type: ignore[attr-defined]
    assert answers[0].content == answers[1].content == answers[2].content  # type: ignore[attr-defined]
    assert answers[3].headers["content-type"].startswith("text/csv")  # type: ignore[attr-defined]
    assert slow.calls == 2  # one run per format
    _gather(app, (TARGETS, {}))
    assert slow.calls == 3  # a writable store: nothing kept


def test_a_read_only_store_answers_again_from_the_cache(store: KgStore) -> None:
    counted = _Counted(store)
    client = TestClient(create_app(counted))  # type: ignore[arg-type]
    first = client.get("/sparql", params={"query": TARGETS})
    again = client.get("/sparql", params={"query": TARGETS})
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and counted.calls == 1
    as_csv = client.get("/sparql", params={"query": TARGETS}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv") and counted.calls == 2
    assert client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"}).status_code == 400
    assert client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"}).status_code == 400
    assert counted.calls == 4  # errors are not kept
    uncached = TestClient(create_app(counted, cache_mb=0))  # type: ignore[arg-type]
    uncached.get("/sparql", params={"query": TARGETS})
    assert counted.calls == 5


def test_cors_for_browser_clients(client: TestClient) -> None:
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://yasgui.example"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options("/sparql", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200
    assert "POST" in pre.headers["access-control-allow-methods"]


def test_explorer_at_root(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "commitkg explorer" in r.text


def test_explorer_beside_the_graph_file_is_served(tmp_path: Path) -> None:
    from graph.server import explorer_for

    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    (tmp_path / "graph.html").write_text("<html>built</html>", encoding="utf-8")
    kg = open_spec(tmp_path / "graph.ttl")
    assert explorer_for(str(tmp_path / "graph.ttl"), kg) == tmp_path / "graph.html"
    (tmp_path / "graph.html").unlink()
    assert "<html" in str(explorer_for(str(tmp_path / "graph.ttl"), kg))


@pytest.mark.parametrize("text, form", [
    ('SELECT * { ?s ?p "INSERT" }', "SELECT"),
    ("PREFIX drop: <urn:x#> ASK { ?s drop:p ?o }", "ASK"),
    ("DESCRIBE <urn:x>", "DESCRIBE"),
    ("with <urn:g> delete { ?s ?p ?o } where { ?s ?p ?o }", "UPDATE"),
    ("SELECT ?load WHERE { ?load ?p ?o }", "SELECT"),
])
def test_query_form(text: str, form: str) -> None:
    assert query_form(text) == form


def test_negotiate_prefers_higher_q() -> None:
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", "SELECT") == "xml"
    assert negotiate("application/json", "GRAPH") == "json-ld"
    assert negotiate("text/*", "SELECT") == "csv"


# --------------------------------------------------------------------------- a real server


def _named_query_params() -> list[object]:
    # As in test_stores: a UNION branch binding ?t from the out-of-scope ?direct
    # joins every support with every target and runs for minutes.
    return [pytest.param(name, marks=pytest.mark.xfail(
                run=False, reason=f"{name}.rq: UNION branch binds ?t from out-of-scope ?direct"))
            if "BIND(?direct AS ?t)" in q.text else name
            for name, q in sorted(named_queries().items())]


NAMED_QUERIES = _named_query_params()


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    return shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port; yields its query URL."""
    binary = _oxigraph_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph binary is missing (pip install oxigraph) and CI is set")
        pytest.skip("the oxigraph binary is missing; pip install oxigraph to run this test")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    # Plain mode: commitkg keeps the default graph equal to the merge of the reports.
    url = f"http://127.0.0.1:{port}/query"
    try:
        with server_process([binary, "serve", "--location", str(location), "--bind",
                             f"127.0.0.1:{port}"], url + "?query=ASK%7B%7D", timeout=30):
            yield url
    except CommitkgError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def remote(oxigraph_server: str, named: list[tuple[URIRef, Graph]]) -> KgStore:
    kg = open_spec(oxigraph_server)
    assert kg.load_named(named) == len(named)
    return kg


@pytest.fixture(scope="module")
def embedded(named: list[tuple[URIRef, Graph]]) -> KgStore:
    kg = open_store("oxigraph")
    kg.load_named(named)
    return kg


def _rows(kg: KgStore, text: str) -> Counter[tuple[str, ...]]:
    # GROUP_CONCAT joins in no set order (engines differ): compare the parts sorted.
    seps = re.findall(r'separator\s*=\s*"([^"]+)"', text, flags=re.I)

    def cell(c: object) -> str:
        v = "" if c is None else str(c)
        return seps[0].join(sorted(v.split(seps[0]))) if seps and seps[0] in v else v

    return Counter(tuple(cell(c) for c in row) for row in kg.query(text))  # type: ignore[union-attr]


@pytest.mark.server
@pytest.mark.parametrize("name", NAMED_QUERIES)
def test_named_queries_answer_alike_on_a_real_server(name: str, remote: KgStore,
                                                     embedded: KgStore) -> None:
    text = named_queries()[name].bind()
    assert _rows(remote, text) == _rows(embedded, text)


@pytest.mark.server
def test_reloading_into_the_server_replaces_each_report(remote: KgStore,
                                                       named: list[tuple[URIRef, Graph]]) -> None:
    before = len(remote)
    remote.load_named(named)
    assert len(remote) == before
    assert remote.graphs() == sorted(iri for iri, _g in named)


@pytest.mark.server
def test_a_failed_update_keeps_the_old_graph_on_the_server(
        remote: KgStore, named: list[tuple[URIRef, Graph]],
        monkeypatch: pytest.MonkeyPatch,
        corrupt_nt_term: Callable[[int], dict[str, int]]) -> None:
    from graph.errors import CommitkgError

    iri, g = named[0]
    query = f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    before = _rows(remote, query)
    corrupt_nt_term(2000)
    with pytest.raises(CommitkgError, match="the endpoint answered 400"):
        remote.replace_report(iri, g)
    monkeypatch.undo()
    assert _rows(remote, query) == before


@pytest.mark.server
def test_serve_and_query_over_a_remote_endpoint(oxigraph_server: str, remote: KgStore,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    proxy = TestClient(create_app(open_spec(oxigraph_server, read_only=True)))
    rows = _select(proxy.get("/sparql", params={"query": REPORTS}))
    assert [b["r"]["value"] for b in rows] == [str(g) for g in remote.graphs()]  # type: ignore[index]
    assert main(["query", "--graph", oxigraph_server, "counts", "--format", "json"]) == 0
    counts = json.loads(capsys.readouterr().out)
    assert {b["type"]["value"] for b in counts["results"]["bindings"]} >= {"Report", "Target"}


@pytest.mark.server
def test_unreachable_endpoint_is_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    assert main(["query", "--graph", f"http://127.0.0.1:{free_port()}/query", "counts"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the SPARQL endpoint" in err and err.count("\n") == 1
