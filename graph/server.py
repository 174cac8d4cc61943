"""A read-only SPARQL 1.1 Protocol endpoint over a commitkg store, plus the explorer.

``GET /sparql?query=…`` and ``POST /sparql`` (``application/sparql-query`` or a
form with ``query=``) answer SELECT/ASK as SPARQL JSON, XML, CSV or TSV and
CONSTRUCT/DESCRIBE as Turtle, JSON-LD, N-Triples or RDF/XML, chosen by ``Accept``.
``GET /sparql`` without a query returns the service description (Turtle); ``/``
is the HTML explorer. Updates are refused (403). Every query runs in its own
worker thread under a time limit and a result cap; a query past its time is
answered 503 and stopped at its next row.

Example
-------
>>> from starlette.testclient import TestClient
>>> from graph.stores import open_store
>>> client = TestClient(create_app(open_store("memory")))
>>> client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
{'head': {}, 'boolean': False}
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import csv
import ctypes
import io
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape, quoteattr

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from graph.errors import CommitkgError
from graph.stores import Answer, Cell, KgStore, QueryTimeout, ResultTooLarge, open_spec

__all__ = ["RESULT_FORMATS", "GRAPH_FORMATS", "create_app", "negotiate", "query_form", "serve"]

T = TypeVar("T")

# name → media type, the first one is the default
RESULT_FORMATS: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
}
# Other names clients use for the same formats.
_ALIASES: dict[str, dict[str, str]] = {
    "SELECT": {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
               "text/plain": "tsv"},
    "GRAPH": {"application/x-turtle": "turtle", "application/json": "json-ld",
              "text/plain": "nt", "application/xml": "xml", "text/xml": "xml"},
}
_TEXTUAL = ("text/", "application/n-triples")

_NOISE = re.compile(
    r'''"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\''''
    r'''|"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'|<[^<>"{}|^`\\\x00-\x20]*>|\#[^\n\r]*''',
    re.S,
)
_KEYWORD = re.compile(
    r"(?<![\w?$:])(SELECT|CONSTRUCT|ASK|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD"
    r"|MOVE|COPY|WITH)(?![\w:])",
    re.I,
)
_UPDATE_FORMS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY",
                 "WITH"}
_MAX_BODY = 1_000_000
_EXPLORER_LIMIT = 200_000  # triples; a bigger graph gets the plain start page

READ_ONLY_MESSAGE = ("this endpoint is read-only: SPARQL updates are refused; load reports with "
                     "`commitkg build --store`")


def query_form(sparql: str) -> str | None:
    """The form of a SPARQL request: ``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``,
    ``UPDATE`` (any update operation) or ``None`` when there is no keyword at all.

    Strings, IRIs and comments are skipped, so a quoted ``"DROP"`` is no update.

    Examples
    --------
    >>> query_form('PREFIX ck: <https://w3id.org/commitkg/ontology#> SELECT * { ?s ?p "DROP" }')
    'SELECT'
    >>> query_form("# clean up\\nDROP GRAPH <https://w3id.org/commitkg/id/report/x>")
    'UPDATE'
    """
    m = _KEYWORD.search(_NOISE.sub(" ", sparql))
    if m is None:
        return None
    word = m.group(1).upper()
    return "UPDATE" if word in _UPDATE_FORMS else word


def _accept_list(accept: str | None) -> list[tuple[str, float]]:
    items: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "*/*").split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        if not media:
            continue
        q = 1.0
        for prm in params:
            if prm.lower().startswith("q="):
                try:
                    q = float(prm[2:])
                except ValueError:
                    q = 0.0
        items.append((-q, i, media.lower()))
    return [(media, -negq) for negq, _i, media in sorted(items)]


def negotiate(accept: str | None, kind: str) -> str | None:
    """The format to answer *kind* (``SELECT``, ``ASK`` or ``GRAPH``) given ``Accept``.

    Returns a key of :data:`RESULT_FORMATS` or :data:`GRAPH_FORMATS`, or ``None``
    when nothing acceptable is offered (answer 406).

    Examples
    --------
    >>> negotiate("text/csv, application/sparql-results+json;q=0.5", "SELECT")
    'csv'
    >>> negotiate("text/html,*/*;q=0.8", "GRAPH")
    'turtle'
    >>> negotiate("image/png", "SELECT") is None
    True
    """
    table = GRAPH_FORMATS if kind == "GRAPH" else RESULT_FORMATS
    aliases = _ALIASES["GRAPH" if kind == "GRAPH" else "SELECT"]
    by_media = {m: name for name, m in table.items()} | aliases
    for media, q in _accept_list(accept):
        if q <= 0:
            continue
        if media in by_media:
            return by_media[media]
        if media == "*/*":
            return next(iter(table))
        if media.endswith("/*"):
            major = media[:-1]
            for name, m in table.items():
                if m.startswith(major):
                    return name
    return None


# --------------------------------------------------------------------------- serializers


def _json_term(c: Cell) -> dict[str, str]:
    if c.kind == "literal":
        out = {"type": "literal", "value": c.value}
        if c.lang:
            out["xml:lang"] = c.lang
        elif c.datatype:
            out["datatype"] = c.datatype
        return out
    return {"type": c.kind, "value": c.value}


def _xml_term(c: Cell) -> str:
    value = escape(_xml_safe(c.value))
    if c.kind == "uri":
        return f"<uri>{value}</uri>"
    if c.kind == "bnode":
        return f"<bnode>{value}</bnode>"
    if c.lang:
        return f"<literal xml:lang={quoteattr(c.lang)}>{value}</literal>"
    if c.datatype:
        return f"<literal datatype={quoteattr(c.datatype)}>{value}</literal>"
    return f"<literal>{value}</literal>"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


def _tsv_term(c: Cell) -> str:
    if c.kind == "uri":
        return f"<{c.value}>"
    if c.kind == "bnode":
        return f"_:{c.value}"
    v = (c.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
         .replace("\r", "\\r").replace("\t", "\\t"))
    if c.lang:
        return f'"{v}"@{c.lang}'
    if c.datatype:
        return f'"{v}"^^<{c.datatype}>'
    return f'"{v}"'


def serialize_answer(answer: Answer, fmt: str) -> bytes:
    """*answer* in *fmt* (a key of :data:`RESULT_FORMATS` or :data:`GRAPH_FORMATS`).

    Examples
    --------
    >>> a = Answer("SELECT", ["indicator"], [(Cell("literal", "地区生产总值", lang="zh"),)])
    >>> serialize_answer(a, "csv").decode()
    'indicator\\r\\n地区生产总值\\r\\n'
    """
    if answer.kind == "GRAPH":
        assert answer.serialize is not None
        return answer.serialize(fmt)
    if answer.kind == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(answer.boolean)}).encode()
        if fmt == "xml":
            return ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                    f"<head/><boolean>{'true' if answer.boolean else 'false'}</boolean></sparql>\n"
                    ).encode()
        return b"true\n" if answer.boolean else b"false\n"
    names = answer.variables
    if fmt == "json":
        bindings = [{names[i]: _json_term(c) for i, c in enumerate(row) if c is not None}
                    for row in answer.rows]
        doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                 "\n<head>"]
        parts += [f"<variable name={quoteattr(v)}/>" for v in names]
        parts.append("</head>\n<results>\n")
        for row in answer.rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(names[i])}>{_xml_term(c)}</binding>"
                      for i, c in enumerate(row) if c is not None]
            parts.append("</result>\n")
        parts.append("</results>\n</sparql>\n")
        return "".join(parts).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        w.writerows([("" if c is None else (f"_:{c.value}" if c.kind == "bnode" else c.value))
                     for c in row] for row in answer.rows)
        return buf.getvalue().encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in names)]
    lines += ["\t".join("" if c is None else _tsv_term(c) for c in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _media_type(fmt: str, kind: str) -> str:
    media = (GRAPH_FORMATS if kind == "GRAPH" else RESULT_FORMATS)[fmt]
    if media.startswith(_TEXTUAL) or media.endswith("json"):
        return f"{media}; charset=utf-8"
    return media


# --------------------------------------------------------------------------- query threads


class _Cancelled(BaseException):
    """Raised inside a query thread that ran past its time (not an Exception, so
    library code that catches Exception does not swallow it)."""


class _Busy(CommitkgError):
    pass


def _drop_frames(exc: BaseException | None) -> None:
    """Free the locals of the frames an exception went through, here on this thread.

    pyoxigraph's result iterators must be dropped on the thread that made them; an
    exception handed to the event loop would otherwise carry them there.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        exc = exc.__cause__ or exc.__context__


class _Job:
    """One query on its own thread, which can be stopped from outside."""

    def __init__(self, fn: Callable[[float], Any], deadline: float,
                 loop: asyncio.AbstractEventLoop, future: asyncio.Future[Any],
                 on_exit: Callable[[], None]) -> None:
        self.fn, self.deadline, self.loop, self.future = fn, deadline, loop, future
        self.on_exit = on_exit
        self.lock = threading.Lock()
        self.ident: int | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            try:
                with self.lock:
                    self.ident = threading.get_ident()
                value, ok = self.fn(self.deadline), True
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
                _drop_frames(exc)
                value, ok = exc, False
            finally:
                with self.lock:
                    self.ident = None
            self.loop.call_soon_threadsafe(self._settle, ok, value)
        except BaseException:  # noqa: BLE001, S110 - a late cancel or a closed loop: nobody waits
            pass
        finally:
            self.on_exit()

    def _settle(self, ok: bool, value: Any) -> None:
        if self.cancelled or self.future.done():
            return
        if ok:
            self.future.set_result(value)
        else:
            self.future.set_exception(value)

    def cancel(self) -> None:
        """Raise :class:`_Cancelled` in the thread at its next Python instruction.

        A query inside pyoxigraph's native code (which releases the GIL) stops when
        it hands back its next row.
        """
        with self.lock:
            self.cancelled = True
            if self.ident is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.ident),
                                                           ctypes.py_object(_Cancelled))
                self.ident = None


class QueryRunner:
    """Runs blocking queries on worker threads: at most *workers* at once, the others
    waiting their turn in arrival order, each under a time limit (waiting included)
    after which the caller stops waiting and the query is stopped.

    A thread keeps its slot until it has really ended, so runaway queries cannot
    pile up; a query still waiting for a slot when its time is up is answered "busy".
    Few workers (one per core) suit CPU-bound queries: a query that gets a slot runs
    at full speed instead of sharing the cores with every other one.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or max(2, os.cpu_count() or 1)
        self._free = self.workers
        self._lock = threading.Lock()
        # queries waiting for a slot, each on its event loop (a test client runs
        # every request on a loop of its own)
        self._waiting: collections.deque[
            tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = collections.deque()

    def _release(self) -> None:
        """Hand a freed slot to the longest waiting query; from any thread."""
        with self._lock:
            while self._waiting:
                loop, turn = self._waiting.popleft()
                try:
                    loop.call_soon_threadsafe(self._hand_over, turn)
                    return
                except RuntimeError:  # its loop is closed: it waits no more
                    continue
            self._free += 1

    def _hand_over(self, turn: asyncio.Future[None]) -> None:
        if turn.done():  # it gave up meanwhile: pass the slot on
            self._release()
        else:
            turn.set_result(None)

    async def _acquire(self, deadline: float) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._free > 0 and not self._waiting:
                self._free -= 1
                return
            turn: asyncio.Future[None] = loop.create_future()
            self._waiting.append((loop, turn))
        await asyncio.wait([turn], timeout=max(0.0, deadline - time.monotonic()))
        if turn.done():
            return
        turn.cancel()  # a slot handed over from now on goes on to the next
        with self._lock, contextlib.suppress(ValueError):
            self._waiting.remove((loop, turn))
        raise _Busy("the server is busy: every query worker stayed taken for the "
                    "whole time limit; try again soon")

    async def run(self, fn: Callable[[float], T], timeout: float) -> T:
        """``fn(deadline)`` on a worker thread; :class:`QueryTimeout` after *timeout* s."""
        deadline = time.monotonic() + timeout
        await self._acquire(deadline)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        job = _Job(fn, deadline, loop, future, self._release)
        try:
            threading.Thread(target=job.run, name="commitkg-query", daemon=True).start()
        except BaseException:
            self._release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(future),
                                          max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            job.cancel()
            raise QueryTimeout("query timed out") from None


class ResultCache:
    """Answers already sent, by query and format, least recently used first out.

    Sound only while the data cannot change: ``commitkg serve`` opens files and
    store folders read-only (a folder is read as it was when opened), so the same
    query always gets the same bytes. Bounded by the bytes it holds.

    Examples
    --------
    >>> cache = ResultCache(max_bytes=8)  # keeps answers of at most a quarter of that
    >>> for q in ("q1", "q2", "q3", "q4", "q5"):
    ...     cache.put((q, "csv"), b"ab", "text/csv")
    >>> cache.get(("q1", "csv")) is None, cache.get(("q5", "csv"))
    (True, (b'ab', 'text/csv'))
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self._entries: collections.OrderedDict[object, tuple[bytes, str]] = (
            collections.OrderedDict())

    def get(self, key: object) -> tuple[bytes, str] | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            self.hits += 1
        return entry

    def put(self, key: object, body: bytes, media: str) -> None:
        if len(body) > self.max_bytes // 4 or key in self._entries:
            return
        self._entries[key] = (body, media)
        self.size += len(body)
        while self.size > self.max_bytes:
            _key, (old, _media) = self._entries.popitem(last=False)
            self.size -= len(old)


# --------------------------------------------------------------------------- the app


_SD_FORMATS = {
    "json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
    "xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
    "csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
    "tsv": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    "turtle": "http://www.w3.org/ns/formats/Turtle",
    "json-ld": "http://www.w3.org/ns/formats/JSON-LD",
    "nt": "http://www.w3.org/ns/formats/N-Triples",
    "rdfxml": "http://www.w3.org/ns/formats/RDF_XML",
}


def service_description(endpoint: str, graphs: list[str]) -> str:
    """The SPARQL 1.1 Service Description of the endpoint at *endpoint*, as Turtle.

    Examples
    --------
    >>> "sd:UnionDefaultGraph" in service_description("http://127.0.0.1:8000/sparql", [])
    True
    """
    lines = [
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
        f"<{endpoint}> a sd:Service ;",
        f"    sd:endpoint <{endpoint}> ;",
        '    dcterms:title "commitkg SPARQL endpoint (read-only)" ;',
        "    sd:supportedLanguage sd:SPARQL11Query ;",
        "    sd:feature sd:UnionDefaultGraph ;",
        "    sd:resultFormat " + ", ".join(f"<{f}>" for f in _SD_FORMATS.values()) + " ;",
        "    sd:defaultDataset [",
        "        a sd:Dataset ;",
        "        sd:defaultGraph [ a sd:Graph ]" + (" ;" if graphs else ""),
    ]
    for i, g in enumerate(graphs):
        end = " ;" if i < len(graphs) - 1 else ""
        lines.append(f"        sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ]{end}")
    lines += ["    ] .", ""]
    return "\n".join(lines)


_START_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>commitkg</title></head>
<body><h1>commitkg SPARQL endpoint</h1>
<p>{note}</p>
<p>Query it at <code>/sparql</code>: <code>GET /sparql?query=…</code> or <code>POST</code>
with <code>application/sparql-query</code>; <a href="/sparql">service description</a>.</p>
</body></html>
"""


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


def create_app(store: KgStore, *, timeout: float = 10.0, max_rows: int = 10_000,
               explorer_html: str | Path | None = None, workers: int | None = None,
               cache_mb: float | None = None) -> Starlette:
    """The Starlette app serving *store* read-only at ``/sparql`` and the explorer at ``/``.

    Parameters
    ----------
    store
        Any :class:`~graph.stores.KgStore`; queries see the union of its graphs.
    timeout
        Seconds a query may run before it is answered 503 and stopped.
    max_rows
        Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) a query may answer;
        more is answered 422.
    explorer_html
        The page at ``/``: a path to ``graph.html``, the HTML itself, or ``None``
        for a short start page.
    workers
        Queries running at once (default: one per core, at least two); the others
        wait their turn, in order of arrival, within their time limit.
    cache_mb
        Megabytes of answers kept to send again to the same query and format
        (default 64 for a read-only store whose data cannot change, a file or a
        store folder; 0, none, otherwise, as for an endpoint URL). The same query
        arriving while it runs always waits for that run instead of starting another.

    Examples
    --------
    >>> from starlette.testclient import TestClient
    >>> from graph.stores import open_store
    >>> r = TestClient(create_app(open_store("oxigraph"))).post(
    ...     "/sparql", content="SELECT ?s ?p ?o { ?s ?p ?o }",
    ...     headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    >>> r.status_code, r.text
    (200, 's,p,o\\r\\n')
    """
    runner = QueryRunner(workers)
    if cache_mb is None:
        cache_mb = 64 if store.read_only and store.name != "sparql" else 0
    cache = ResultCache(int(cache_mb * 1e6)) if cache_mb > 0 else None
    running: dict[object, asyncio.Future[tuple[bytes, str]]] = {}

    def finished(key: object, run: asyncio.Future[tuple[bytes, str]]) -> None:
        if running.get(key) is run:
            del running[key]
        if run.cancelled() or run.exception() is not None:
            return  # errors are not kept: a time-out may pass on a quieter server
        if cache is not None:
            cache.put(key, *run.result())

    if isinstance(explorer_html, Path):
        page = explorer_html.read_bytes()
    elif isinstance(explorer_html, str):
        page = explorer_html.encode("utf-8")
    else:
        page = _START_PAGE.format(note="The graph explorer is not available here.").encode()

    async def home(request: Request) -> Response:
        return HTMLResponse(page)

    async def sparql(request: Request) -> Response:
        params = request.query_params
        if "update" in params:
            return _error(403, READ_ONLY_MESSAGE)
        queries = params.getlist("query")
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype == "application/sparql-update":
                return _error(403, READ_ONLY_MESSAGE)
            body = await request.body()
            if len(body) > _MAX_BODY:
                return _error(413, f"the request is larger than {_MAX_BODY} bytes")
            if ctype == "application/sparql-query":
                try:
                    queries = [body.decode("utf-8")]
                except UnicodeDecodeError:
                    return _error(400, "the query is not UTF-8")
            elif ctype == "application/x-www-form-urlencoded":
                try:
                    fields = urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True)
                except UnicodeDecodeError:
                    return _error(400, "the form is not UTF-8")
                if "update" in fields:
                    return _error(403, READ_ONLY_MESSAGE)
                queries = fields.get("query", [])
                for key in ("default-graph-uri", "named-graph-uri"):
                    if any(fields.get(key, [])):
                        return _dataset_refused(key)
            else:
                return _error(415, "POST a query as application/sparql-query or as an "
                                   "application/x-www-form-urlencoded form with query=")
        elif not queries:
            endpoint = str(request.url.replace(query=""))
            graphs = await asyncio.to_thread(store.graphs)
            return Response(service_description(endpoint, [str(g) for g in graphs]),
                            media_type="text/turtle; charset=utf-8")
        for key in ("default-graph-uri", "named-graph-uri"):
            if any(params.getlist(key)):
                return _dataset_refused(key)
        if len(queries) != 1:
            return _error(400, "give exactly one query parameter")
        text = queries[0]
        form = query_form(text)
        if form == "UPDATE":
            return _error(403, READ_ONLY_MESSAGE)
        if form is None:
            return _error(400, "not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")
        accept = request.headers.get("accept")
        kind = "GRAPH" if form in ("CONSTRUCT", "DESCRIBE") else "SELECT"
        if negotiate(accept, kind) is None:
            return _not_acceptable(kind)

        def work(deadline: float) -> tuple[bytes, str]:
            answer = store.answer(text, max_rows=max_rows, deadline=deadline)
            fmt = negotiate(accept, answer.kind)
            if fmt is None:
                raise _NotAcceptable(answer.kind)
            return serialize_answer(answer, fmt), _media_type(fmt, answer.kind)

        # The answer is a function of the text and the formats Accept picks.
        answer_key = (text, negotiate(accept, "SELECT"), negotiate(accept, "GRAPH"))
        hit = cache.get(answer_key) if cache is not None else None
        if hit is not None:
            return Response(hit[0], media_type=hit[1])
        run = running.get(answer_key)
        if run is None:
            run = running[answer_key] = asyncio.ensure_future(runner.run(work, timeout))
            run.add_done_callback(lambda done: finished(answer_key, done))
        try:
            # shielded: a client that goes away does not stop a run others wait for
            body, media = await asyncio.shield(run)
        except _Busy as exc:
            return _error(503, str(exc))
        except (QueryTimeout, _Cancelled):
            return _error(503, f"the query ran past the server's time limit of {timeout:g} s "
                               "and was stopped; narrow it or add a LIMIT")
        except ResultTooLarge:
            return _error(422, f"the query answers more than {max_rows} rows, this server's "
                               "cap; add a LIMIT or narrow it")
        except _NotAcceptable as exc:
            return _not_acceptable(exc.kind)
        except CommitkgError as exc:
            return _error(400, str(exc))
        return Response(body, media_type=media)

    return Starlette(
        routes=[Route("/", home), Route("/sparql", sparql, methods=["GET", "POST"])],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"],
                               allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["*"],
                               max_age=600)],
    )


class _NotAcceptable(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _not_acceptable(kind: str) -> PlainTextResponse:
    table = GRAPH_FORMATS if kind == "GRAPH" else RESULT_FORMATS
    return _error(406, "cannot answer in any type the Accept header allows; offered: "
                       + ", ".join(table.values()))


def _dataset_refused(key: str) -> PlainTextResponse:
    return _error(400, f"{key} is not supported: every query sees the union of all report "
                       "graphs; use GRAPH <…> in the query to pick one")


# --------------------------------------------------------------------------- serve


def explorer_for(spec: str, store: KgStore, *, limit: int = _EXPLORER_LIMIT) -> str | Path:
    """The explorer page for *spec*: ``graph.html`` beside a graph file, else built now.

    A graph larger than *limit* triples gets a short start page instead, since the
    explorer draws every node.
    """
    path = Path(spec)
    if path.is_file():
        beside = path.parent / "graph.html"
        if beside.is_file():
            return beside
    size = len(store)
    if size > limit:
        return _START_PAGE.format(note=f"The graph has {size} statements, too many for the "
                                       "explorer; query it with SPARQL.")
    from graph.views import write_html

    with tempfile.TemporaryDirectory(prefix="commitkg-serve-") as tmp:
        out = write_html(store.to_graph(), Path(tmp) / "graph.html")
        return out.read_text(encoding="utf-8")


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CommitkgError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    return sock


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on at *host* now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def server_process(cmd: list[str], probe: str, *, timeout: float = 60.0
                   ) -> Iterator[subprocess.Popen[bytes]]:
    """Run the server *cmd* until the block ends, once GET *probe* answers.

    Raises :class:`CommitkgError` with the end of its stderr if it exits or does
    not answer within *timeout* seconds. For benchmarks and tests.
    """
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(probe, timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    if proc.poll() is None:
                        proc.kill()
                    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                    raise CommitkgError(f"{Path(cmd[0]).name} did not start: {err[-500:]}"
                                        ) from None
                time.sleep(0.1)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def serve(spec: str, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
          max_rows: int = 10_000, backend: str = "oxigraph", explorer: bool = True,
          cache_mb: float | None = None) -> None:
    """Serve *spec* (a graph file, a store folder or an endpoint URL) until interrupted.

    Examples
    --------
    >>> serve("export/graph.trig", port=8000)  # doctest: +SKIP
    """
    import uvicorn

    if timeout <= 0 or max_rows <= 0:
        raise CommitkgError("--timeout and --max-rows must be positive")
    store = open_spec(spec, backend=backend, read_only=True)
    try:
        if explorer:
            print("commitkg: preparing the explorer…", file=sys.stderr)
        html = explorer_for(spec, store) if explorer else None
        app = create_app(store, timeout=timeout, max_rows=max_rows, explorer_html=html,
                         cache_mb=cache_mb)
        sock = _bind(host, port)
        shown = f"[{host}]" if ":" in host else host
        print(f"commitkg: serving {spec} at http://{shown}:{port}/sparql "
              f"(explorer at http://{shown}:{port}/); Ctrl-C stops", file=sys.stderr)
        config = uvicorn.Config(app, log_level="warning", access_log=False)
        with contextlib.closing(sock):
            uvicorn.Server(config).run(sockets=[sock])
    finally:
        store.close()
