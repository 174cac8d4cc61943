"""Store backends behind one registry: a name maps to how a dataset is kept.

``memory`` is rdflib's own in-memory store; ``oxigraph`` is the embedded Oxigraph
store (pyoxigraph, through oxrdflib for rdflib users), in memory or persistent in
a folder, and the default; ``sparql`` is any SPARQL 1.1 Query/Update endpoint
(rdflib's ``SPARQLUpdateStore``). Each report lives in its own named graph, whose
name is the report IRI, and re-loading a report replaces exactly that graph in
one transaction (Oxigraph) or one UPDATE request (``sparql``).

A *spec* names where a graph is (:func:`open_spec`): an RDF file (loaded into a
fresh store), an Oxigraph store folder, or an ``http(s)://`` endpoint URL.

Example
-------
>>> from rdflib import Literal, URIRef
>>> store = open_store("oxigraph")
>>> g = URIRef("https://w3id.org/commitkg/id/report/xinbei-2024-plan-report")
>>> store.replace_report(g, [(g, URIRef("http://purl.org/dc/terms/title"),
...                          Literal("新北区2024年计划草案的报告", lang="zh"))])
1
>>> store.graphs() == [g]
True
>>> store.query("ASK { ?r ?p ?o }").askAnswer
True
"""

from __future__ import annotations

import io
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Node

from graph.errors import CommitkgError

__all__ = [
    "STORES",
    "Answer",
    "Cell",
    "GraphNQuads",
    "KgStore",
    "MemoryStore",
    "OxigraphStore",
    "QueryTimeout",
    "ResultTooLarge",
    "SparqlStore",
    "default_update_url",
    "load_file",
    "ntriples",
    "open_spec",
    "open_store",
    "register_store",
    "replace_update",
    "store_size",
]

Triple = tuple[Node, Node, Node]
S = TypeVar("S", bound="type[KgStore]")

#: Store name → its class; add a backend with :func:`register_store`.
STORES: dict[str, type[KgStore]] = {}

_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".jsonld": "json-ld",
    ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml", ".xml": "xml",
    ".owl": "xml",
}
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "n3": ox.RdfFormat.N3,
    "json-ld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
    "xml": ox.RdfFormat.RDF_XML,
}
# Characters N-Triples and SPARQL forbid inside <...>.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_XSD_STRING = str(XSD.string)


class QueryTimeout(CommitkgError):
    """A query ran past its time limit."""


class ResultTooLarge(CommitkgError):
    """A query answered more rows (or triples) than the cap allows."""


def register_store(name: str) -> Callable[[S], S]:
    """Register a store class under *name* (rdflib-plugin style).

    Examples
    --------
    >>> sorted(STORES)
    ['memory', 'oxigraph', 'sparql']
    """

    def deco(cls: S) -> S:
        cls.name = name
        STORES[name] = cls
        return cls

    return deco


# --------------------------------------------------------------------------- terms


def _nt_iri(value: str) -> str:
    if _BAD_IRI.search(value):
        raise CommitkgError(f"not a valid IRI: {value[:80]!r}")
    return f"<{value}>"


def _nt_literal(lexical: str, lang: str | None, datatype: str | None) -> str:
    """A literal in N-Triples syntax from its parts (what :func:`_nt_term` writes).

    >>> _nt_literal("6.0", None, str(XSD.decimal))
    '"6.0"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    v = (lexical.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
         .replace("\r", "\\r"))
    if lang:
        return f'"{v}"@{lang}'
    if datatype is not None and datatype != _XSD_STRING:
        return f'"{v}"^^{_nt_iri(datatype)}'
    return f'"{v}"'


def _nt_term(t: Node) -> str:
    """One RDF term in N-Triples syntax, which is also valid SPARQL.

    >>> _nt_term(Literal("增长6%\\n以上", lang="zh"))
    '"增长6%\\\\n以上"@zh'
    """
    if isinstance(t, URIRef):
        return _nt_iri(str(t))
    if isinstance(t, Literal):
        return _nt_literal(str(t), t.language, None if t.datatype is None else str(t.datatype))
    if isinstance(t, BNode):
        return f"_:{re.sub(r'[^A-Za-z0-9_]', '_', str(t))}"
    raise CommitkgError(f"not an RDF term: {t!r}")


def ntriples(triples: Iterable[Triple]) -> str:
    """*triples* as N-Triples text (valid inside a SPARQL ``INSERT DATA`` too).

    Raises :class:`CommitkgError` on a term N-Triples cannot carry, before anything
    is written anywhere.

    Examples
    --------
    >>> from rdflib.namespace import RDFS
    >>> ntriples([(URIRef("https://w3id.org/commitkg/id/indicator/1"), RDFS.label,
    ...            Literal("地区生产总值", lang="zh"))]).split(" ", 2)[2]
    '"地区生产总值"@zh .\\n'
    """
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o in triples)


class Cell(NamedTuple):
    """A bound value of a result row, independent of the backend.

    ``kind`` is ``uri``, ``bnode`` or ``literal``; ``datatype`` is ``None`` for a
    plain string or a language-tagged literal.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


def _cell_from_rdflib(t: Node | None) -> Cell | None:
    if t is None:
        return None
    if isinstance(t, URIRef):
        return Cell("uri", str(t))
    if isinstance(t, BNode):
        return Cell("bnode", str(t))
    if isinstance(t, Literal):
        dt = str(t.datatype) if t.datatype is not None and not t.language else None
        return Cell("literal", str(t), None if dt == _XSD_STRING else dt, t.language)
    return Cell("literal", str(t))


_MISSING: Any = object()


def _cell_from_ox(t: Any) -> Cell | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return Cell("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Cell("bnode", t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Cell("literal", t.value, None, t.language)
        dt = t.datatype.value
        return Cell("literal", t.value, None if dt == _XSD_STRING else dt)
    return Cell("literal", str(t))


# --------------------------------------------------------------------------- answers


@dataclass
class Answer:
    """What a query answered, capped and ready to serialize (see ``graph.server``).

    ``kind`` is ``SELECT``, ``ASK`` or ``GRAPH`` (CONSTRUCT/DESCRIBE). For a graph,
    ``serialize(fmt)`` writes its triples as ``turtle``, ``json-ld``, ``nt`` or ``xml``.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Cell | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    size: int = 0
    serialize: Callable[[str], bytes] | None = None


def _check_deadline(deadline: float | None, seen: int) -> None:
    if deadline is not None and seen % 256 == 0 and time.monotonic() > deadline:
        raise QueryTimeout("query timed out")


def _too_large(n: int, what: str) -> ResultTooLarge:
    return ResultTooLarge(f"the query answers more than {n} {what}; add a LIMIT or narrow it")


# --------------------------------------------------------------------------- the interface


class KgStore(ABC):
    """One RDF dataset with a named graph per report, whatever keeps it.

    Open one with :func:`open_spec` (from a file, folder or URL) or
    :func:`open_store` (by backend name); use it as a context manager.

    Examples
    --------
    >>> with open_store("memory") as store:
    ...     store.query("SELECT ?s WHERE { ?s ?p ?o }").vars
    [rdflib.term.Variable('s')]
    """

    name: ClassVar[str] = ""
    #: Where the data is: a folder, an endpoint URL or ``None`` (memory).
    location: str | None = None
    read_only: bool = False

    @classmethod
    @abstractmethod
    def open(cls, location: str | None = None, *, read_only: bool = False,
             create: bool = False, update_url: str | None = None) -> KgStore:
        """Open the store at *location* (``None``: a fresh one in memory)."""

    @property
    @abstractmethod
    def dataset(self) -> Dataset:
        """An rdflib view of the data whose default graph is the union of all graphs."""

    def query(self, sparql: str) -> Result:
        """Run SPARQL over the union of all graphs; errors are :class:`CommitkgError`."""
        try:
            return self.dataset.query(sparql)
        except CommitkgError:
            raise
        except Exception as exc:  # noqa: BLE001 - a malformed query is the user's input
            raise CommitkgError(f"SPARQL error: {_first_line(exc)}") from None

    def answer(self, sparql: str, *, max_rows: int | None = None,
               deadline: float | None = None) -> Answer:
        """Run *sparql* and collect at most *max_rows* rows (or triples) by *deadline*.

        Raises :class:`ResultTooLarge` past the cap and :class:`QueryTimeout` past
        the deadline (a ``time.monotonic()`` value).
        """
        result = self.query(sparql)
        if result.type == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            g = result.graph
            assert g is not None
            if max_rows is not None and len(g) > max_rows:
                raise _too_large(max_rows, "triples")
            _bind_prefixes(g)
            return Answer("GRAPH", size=len(g), serialize=lambda fmt: _rdflib_serialize(g, fmt))
        variables = [str(v) for v in result.vars or []]
        rows: list[tuple[Cell | None, ...]] = []
        for n, row in enumerate(result, 1):
            _check_deadline(deadline, n)
            if max_rows is not None and n > max_rows:
                raise _too_large(max_rows, "rows")
            rows.append(tuple(_cell_from_rdflib(c) for c in row))  # type: ignore[union-attr]
        return Answer("SELECT", variables, rows, size=len(rows))

    @abstractmethod
    def replace_report(self, graph_iri: URIRef | str, triples: Iterable[Triple]) -> int:
        """Replace the named graph *graph_iri* by *triples*, atomically; return their number.

        Either the whole new graph is there afterwards or the old one is untouched.
        """

    def replace_reports(self, graphs: Iterable[tuple[URIRef | str, str] | GraphNQuads]) -> int:
        """Replace many report graphs given as ``(graph IRI, N-Triples text)``, the
        text as :func:`ntriples` writes it, or as :class:`GraphNQuads`.

        Each graph is replaced atomically; backends may batch for speed. Returns the
        number of graphs written.
        """
        n = 0
        for item in graphs:
            iri, nt = (item.iri, item.ntriples) if isinstance(item, GraphNQuads) else item
            self._replace_ntriples(str(iri), nt)
            n += 1
        return n

    @abstractmethod
    def _replace_ntriples(self, graph_iri: str, nt: str) -> None: ...

    def load_named(self, named: Iterable[tuple[URIRef | str, Iterable[Triple]]]) -> int:
        """Replace each ``(report IRI, its graph)`` of a build in this store.

        Examples
        --------
        >>> from rdflib.namespace import RDF
        >>> from graph.vocab import CK
        >>> r = URIRef("https://w3id.org/commitkg/id/report/xinbei-2024-plan-report")
        >>> open_store("memory").load_named([(r, [(r, RDF.type, CK.Report)])])
        1
        """
        return self.replace_reports((str(iri), ntriples(g)) for iri, g in named)

    def load_dataset(self, ds: Dataset) -> int:
        """Replace every non-empty named graph of *ds* in this store."""
        return self.load_named((ctx.identifier, ctx) for ctx in ds.graphs()  # type: ignore[misc]
                               if ctx.identifier != DATASET_DEFAULT_GRAPH_ID and len(ctx))

    def graphs(self) -> list[URIRef]:
        """The names of the named graphs, sorted."""
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(URIRef(str(row[0])) for row in result)  # type: ignore[index]

    def __len__(self) -> int:
        """The number of distinct triples over all graphs (the size of their merge)."""
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))[0])  # type: ignore[index, arg-type]

    def to_graph(self) -> Graph:
        """All triples of every graph as one rdflib :class:`~rdflib.Graph`."""
        g = _bind_prefixes(Graph())
        for s, p, o, _ctx in self.dataset.quads((None, None, None, None)):
            g.add((s, p, o))
        return g

    def dump_nquads(self, path: Path) -> Path:
        """Write the whole dataset as N-Quads to *path*."""
        try:
            path.write_bytes(self.dataset.serialize(format="nquads", encoding="utf-8"))
        except OSError as exc:
            raise CommitkgError(f"{path}: cannot write ({exc.strerror or exc})") from None
        return path

    def load_file(self, path: Path) -> None:
        """Add an RDF file: triples go to the default graph, quads to their graphs."""
        fmt = _file_format(path)
        try:
            if fmt in ("trig", "nquads"):
                self.dataset.parse(path, format=fmt)
            else:
                self.dataset.default_graph.parse(path, format=fmt)
        except Exception as exc:  # noqa: BLE001 - any parser error is the user's file
            raise CommitkgError(f"{path}: cannot parse as {fmt}: {_first_line(exc)}") from None

    def close(self) -> None:  # noqa: B027 - most stores hold nothing to release
        """Release the store (flushes an Oxigraph folder)."""

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location or '(memory)'}>"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


G = TypeVar("G", bound=Graph)


def _bind_prefixes(g: G) -> G:
    from graph.vocab import PREFIXES

    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


_RDFLIB_FORMATS = {"turtle": "turtle", "json-ld": "json-ld", "nt": "nt", "xml": "xml"}


def _rdflib_serialize(g: Graph, fmt: str) -> bytes:
    if fmt == "json-ld":
        from graph.vocab import PREFIXES

        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return g.serialize(format="json-ld", context=context, auto_compact=True,
                           encoding="utf-8")
    return g.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")


def _file_format(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CommitkgError(f"{path}: unknown RDF format (use .ttl, .jsonld, .nt, .trig or .nq)")
    return fmt


# --------------------------------------------------------------------------- memory


@register_store("memory")
class MemoryStore(KgStore):
    """rdflib's in-memory store: no dependency, slow beyond ~100k triples.

    Examples
    --------
    >>> store = MemoryStore.open()
    >>> len(store)
    0
    """

    def __init__(self) -> None:
        self._ds = _bind_prefixes(Dataset(default_union=True))

    @classmethod
    def open(cls, location: str | None = None, *, read_only: bool = False,
             create: bool = False, update_url: str | None = None) -> MemoryStore:
        if location is not None:
            raise CommitkgError("the memory store keeps nothing on disk; use --store oxigraph "
                                "for a store folder")
        store = cls()
        store.read_only = read_only
        return store

    @property
    def dataset(self) -> Dataset:
        return self._ds

    def replace_report(self, graph_iri: URIRef | str, triples: Iterable[Triple]) -> int:
        # Everything is checked before the old graph is touched.
        new = []
        for t in triples:
            if len(t) != 3 or not all(isinstance(x, (URIRef, BNode, Literal)) for x in t):
                raise CommitkgError(f"not an RDF triple: {t!r}")
            _nt_term(t[0]), _nt_term(t[1]), _nt_term(t[2])
            new.append(t)
        self._swap(URIRef(str(graph_iri)), new)
        return len(new)

    def _replace_ntriples(self, graph_iri: str, nt: str) -> None:
        g = Graph()
        try:
            g.parse(data=nt, format="nt")
        except Exception as exc:  # noqa: BLE001
            raise CommitkgError(f"{graph_iri}: bad N-Triples: {_first_line(exc)}") from None
        self._swap(URIRef(graph_iri), list(g))

    def _swap(self, name: URIRef, triples: list[Triple]) -> None:
        self._check_writable()
        self._ds.remove_graph(name)
        target = self._ds.graph(name)
        target.addN((s, p, o, target) for s, p, o in triples)

    def _check_writable(self) -> None:
        if self.read_only:
            raise CommitkgError("this store is open read-only")

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(str(c.identifier)) for c in self._ds.graphs()
                      if c.identifier != DATASET_DEFAULT_GRAPH_ID and len(c))

    def __len__(self) -> int:
        return len({(s, p, o) for s, p, o, _g in self._ds.quads((None, None, None, None))})


# --------------------------------------------------------------------------- oxigraph


def _ox_error(exc: BaseException, location: str | None) -> CommitkgError:
    text = _first_line(exc)
    where = location or "oxigraph store"
    if "lock" in text.lower():
        return CommitkgError(f"{where}: the store is in use by another process "
                             "(a running build?); stop it or open the store read-only")
    return CommitkgError(f"{where}: {text}")


def _looks_like_store(path: Path) -> bool:
    return (path / "CURRENT").is_file()


def replace_update(graph_iri: str, nt: str) -> str:
    """The one SPARQL update that replaces report graph *graph_iri* by *nt*.

    It also keeps the default graph equal to the RDF merge (a set) of all report
    graphs: triples only the old graph had leave it, the new ones join it. Run
    as one update, it happens entirely or not at all.

    Examples
    --------
    >>> update = replace_update("https://w3id.org/commitkg/id/report/xinbei-2024-plan-report", "")
    >>> [operation.split()[0] for operation in update.split(" ;\\n")]
    ['DELETE', 'DROP', 'INSERT', 'INSERT']
    """
    g = _nt_iri(graph_iri)
    return (
        "DELETE { ?s ?p ?o } WHERE {\n"
        f"  GRAPH {g} {{ ?s ?p ?o }}\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }}\n"
        "} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{nt}\n}} }} ;\n"
        f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}"
    )


_MERGE_ALL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_DROP_ORPHANS = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


@register_store("oxigraph")
class OxigraphStore(KgStore):
    """The embedded Oxigraph store: fast SPARQL, persistent when given a folder.

    Each report is a named graph and the default graph holds their RDF merge,
    which queries see: Oxigraph's own "union default graph" is a bag, so a triple
    two reports share (an indicator's label) would answer twice. A folder whose
    default graph is empty (filled by other tools) is queried as that bag until
    commitkg first writes to it. Reads run on pyoxigraph directly; rdflib users
    get the same data through oxrdflib (:attr:`dataset`).

    Examples
    --------
    >>> store = OxigraphStore.open()          # in memory
    >>> store.query("ASK { ?s ?p ?o }").askAnswer
    False
    """

    def __init__(self, inner: ox.Store, location: str | None = None,
                 read_only: bool = False) -> None:
        self.inner = inner
        self.location = location
        self.read_only = read_only
        self._ds: Dataset | None = None
        self._bag = self._only_named_graphs()

    def _only_named_graphs(self) -> bool:
        default = self.inner.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if next(iter(default), None) is not None:
            return False
        return next(self.inner.named_graphs(), None) is not None

    @classmethod
    def open(cls, location: str | None = None, *, read_only: bool = False,
             create: bool = False, update_url: str | None = None) -> OxigraphStore:
        if location is None:
            return cls(ox.Store())
        path = Path(location)
        if path.exists() and not path.is_dir():
            raise CommitkgError(f"{path}: is a file, not an Oxigraph store folder")
        if path.is_dir() and not _looks_like_store(path):
            if any(path.iterdir()) or not create:
                raise CommitkgError(f"{path}: not an Oxigraph store folder (no CURRENT file)")
        elif not path.exists() and not create:
            raise CommitkgError(f"{path}: no such store folder")
        if not read_only:
            try:
                return cls(ox.Store(str(path)), str(path))
            except (OSError, RuntimeError) as exc:
                raise _ox_error(exc, str(path)) from None
        # A writer may be compacting files away while we read the file list; retry.
        for attempt in range(5):
            try:
                return cls(ox.Store.read_only(str(path)), str(path), read_only=True)
            except (OSError, RuntimeError) as exc:
                if attempt == 4:
                    raise _ox_error(exc, str(path)) from None
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    @property
    def dataset(self) -> Dataset:
        if self._ds is None:
            from oxrdflib import OxigraphStore as _OxRdflib

            self._ds = _bind_prefixes(Dataset(store=_OxRdflib(store=self.inner),
                                              default_union=self._bag))
        return self._ds

    def _ox_query(self, sparql: str) -> Any:
        try:
            return self.inner.query(sparql, use_default_graph_as_union=self._bag)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise CommitkgError(f"SPARQL error: {_first_line(exc)}") from None

    def answer(self, sparql: str, *, max_rows: int | None = None,
               deadline: float | None = None) -> Answer:
        # Straight on pyoxigraph: no rdflib term conversion on the hot path.
        result = self._ox_query(sparql)
        try:
            if isinstance(result, ox.QueryBoolean):
                return Answer("ASK", boolean=bool(result))
            if isinstance(result, ox.QueryTriples):
                triples = []
                for n, t in enumerate(result, 1):
                    _check_deadline(deadline, n)
                    if max_rows is not None and n > max_rows:
                        raise _too_large(max_rows, "triples")
                    triples.append(t)
                return Answer("GRAPH", size=len(triples),
                              serialize=lambda fmt: _ox_serialize(triples, fmt))
            variables = [v.value for v in result.variables]
            rows: list[tuple[Cell | None, ...]] = []
            # A result repeats its terms (a place on every row of its things): convert
            # each distinct term once. Cells are immutable, so rows may share them.
            cells: dict[Any, Cell | None] = {None: None}
            for n, solution in enumerate(result, 1):
                _check_deadline(deadline, n)
                if max_rows is not None and n > max_rows:
                    raise _too_large(max_rows, "rows")
                row = []
                for term in solution:
                    cell = cells.get(term, _MISSING)
                    if cell is _MISSING:
                        cell = cells[term] = _cell_from_ox(term)
                    row.append(cell)
                rows.append(tuple(row))
            return Answer("SELECT", variables, rows, size=len(rows))
        except (OSError, ValueError, RuntimeError) as exc:
            raise CommitkgError(f"SPARQL error: {_first_line(exc)}") from None

    def replace_report(self, graph_iri: URIRef | str, triples: Iterable[Triple]) -> int:
        lines = [f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} ." for s, p, o in triples]
        self._replace_ntriples(str(graph_iri), "\n".join(lines))
        return len(lines)

    def _update(self, update: str, what: str) -> None:
        try:
            self.inner.update(update)
        except SyntaxError as exc:
            raise CommitkgError(f"{what}: cannot load: {_first_line(exc)}") from None
        except (OSError, RuntimeError) as exc:
            raise _ox_error(exc, self.location) from None

    def _prepare_write(self) -> None:
        self._check_writable()
        if self._bag:  # a store filled by other tools: give it its merged default graph
            self._update(_MERGE_ALL, self.location or "store")
            self._bag = False
            self._ds = None

    def _replace_ntriples(self, graph_iri: str, nt: str) -> None:
        self._prepare_write()
        # One update is one transaction: the old graph stays if anything fails.
        self._update(replace_update(graph_iri, nt), graph_iri)

    def replace_reports(self, graphs: Iterable[tuple[URIRef | str, str] | GraphNQuads],
                        batch_triples: int = 500_000) -> int:
        """Replace report graphs; graphs new to the store go through the bulk loader.

        A graph already in the store is replaced in one transaction. New graphs
        are bulk-loaded (much faster, not transactional); if that fails they are
        removed again, so a failed load leaves no partial report behind. Graphs
        given as :class:`GraphNQuads` go to the loader as they are.
        """
        self._prepare_write()
        existing = {g.value for g in self.inner.named_graphs()}
        pending: list[GraphNQuads] = []
        size = 0
        n = 0
        for item in graphs:
            if not isinstance(item, GraphNQuads):
                item = GraphNQuads.of(str(item[0]), item[1])
            _nt_iri(item.iri)
            n += 1
            if item.iri in existing:
                self._replace_ntriples(item.iri, item.ntriples)
                continue
            existing.add(item.iri)
            pending.append(item)
            size += item.triples
            if size >= batch_triples:
                self._bulk_new(pending)
                pending, size = [], 0
        if pending:
            self._bulk_new(pending)
        return n

    def _bulk_new(self, pending: Sequence[GraphNQuads]) -> None:
        if self.location is None:
            # The bulk loader writes files; an in-memory store loads in one transaction.
            for item in pending:
                self._replace_ntriples(item.iri, item.ntriples)
            return
        try:
            # lenient: the IRIs were checked when the N-Triples were written (ntriples()).
            self.inner.bulk_load(b"".join([item.nquads for item in pending]),
                                 format=ox.RdfFormat.N_QUADS, lenient=True)
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            try:
                for item in pending:
                    self.inner.remove_graph(ox.NamedNode(item.iri))
                self.inner.update(_DROP_ORPHANS)
            except (OSError, ValueError, RuntimeError):
                pass
            raise CommitkgError(f"bulk load failed, nothing kept: {_first_line(exc)}") from None

    def _check_writable(self) -> None:
        if self.read_only:
            raise CommitkgError(f"{self.location}: this store is open read-only")

    def graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self.inner.named_graphs()
                      if isinstance(g, ox.NamedNode))

    def _union_quads(self) -> Iterable[Any]:
        if self._bag:
            return self.inner
        return self.inner.quads_for_pattern(None, None, None, ox.DefaultGraph())

    def __len__(self) -> int:
        if self._bag:
            return len({(q.subject, q.predicate, q.object) for q in self.inner})
        return sum(1 for _ in self._union_quads())

    def to_graph(self) -> Graph:
        from oxrdflib._converter import from_ox

        g = _bind_prefixes(Graph())
        g.addN((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g)  # type: ignore[misc]
               for q in self._union_quads())
        return g

    def dump_nquads(self, path: Path) -> Path:
        """The report graphs as N-Quads (the default graph too if there are none)."""
        named = self.graphs()
        quads = (q for q in self.inner
                 if not named or not isinstance(q.graph_name, ox.DefaultGraph))
        try:
            ox.serialize(quads, str(path), format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise CommitkgError(f"{path}: cannot write ({exc.strerror or exc})") from None
        return path

    def load_file(self, path: Path) -> None:
        fmt = _file_format(path)
        try:
            self.inner.load(path=str(path), format=_OX_FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as exc:
            raise CommitkgError(f"{path}: cannot parse as {fmt}: {_first_line(exc)}") from None
        if next(self.inner.named_graphs(), None) is not None:
            self._update(_MERGE_ALL, str(path))
        self._bag = False
        self._ds = None

    def close(self) -> None:
        if not self.read_only and self.location is not None:
            try:
                self.inner.flush()
            except OSError:
                pass


def _as_nquads(nt: str, graph_iri: str) -> str:
    """N-Triples lines put into the graph *graph_iri* and into the default graph.

    A malformed line stays as it is, so the parser rejects it rather than a
    triple going missing.
    """
    return "".join(_nquads_parts(nt, graph_iri))


def _nquads_parts(nt: str, graph_iri: str) -> tuple[str, str]:
    """The lines of *nt* in the graph *graph_iri*, and the lines of *nt* (N-Triples)."""
    suffix = f" <{graph_iri}> .\n"
    if nt.endswith("\n") and nt.count("\n") == nt.count(" .\n"):
        # Every line is a statement ending " ." (as ntriples() writes them): the
        # graph's copies are the same lines with the graph name put before the dot.
        return nt.replace(" .\n", suffix), nt
    named, default = [], []
    for line in nt.splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.endswith("."):
            named.append(text[:-1].rstrip() + suffix)
            default.append(text + "\n")
        else:  # kept in both, so that the parser rejects it whichever way it is loaded
            named.append(line + "\n")
            default.append(line + "\n")
    return "".join(named), "".join(default)


@dataclass(frozen=True)
class GraphNQuads:
    r"""A report graph ready for Oxigraph's bulk loader, made where it was extracted.

    ``nquads`` is UTF-8 N-Quads: the triples in the graph *iri*, then from byte
    ``split`` on the same triples in the default graph, which is the graph's
    N-Triples. An ingest worker makes it, so the loading process only joins bytes.

    Examples
    --------
    >>> g = GraphNQuads.of("https://w3id.org/commitkg/id/report/r",
    ...                    "<https://w3id.org/a> <https://w3id.org/b> \"c\" .\n")
    >>> g.nquads.decode().splitlines()[0]
    '<https://w3id.org/a> <https://w3id.org/b> "c" <https://w3id.org/commitkg/id/report/r> .'
    >>> g.ntriples, g.triples
    ('<https://w3id.org/a> <https://w3id.org/b> "c" .\n', 1)
    """

    iri: str
    nquads: bytes
    split: int
    triples: int

    @classmethod
    def of(cls, iri: str, nt: str) -> GraphNQuads:
        named, default = _nquads_parts(nt, iri)
        head, tail = named.encode("utf-8"), default.encode("utf-8")
        return cls(iri, head + tail, len(head), tail.count(b"\n"))

    @property
    def ntriples(self) -> str:
        return self.nquads[self.split:].decode("utf-8")


_OX_OUT = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD,
           "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML}


def _ox_serialize(triples: list[Any], fmt: str) -> bytes:
    from graph.vocab import PREFIXES

    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt == "turtle" else None
    out = ox.serialize(triples, format=_OX_OUT[fmt], prefixes=prefixes)
    assert out is not None
    return out


# --------------------------------------------------------------------------- sparql


def default_update_url(query_url: str) -> str:
    """The update URL an endpoint most likely has, given its query URL.

    Oxigraph and Fuseki answer queries at ``…/query`` and updates at ``…/update``;
    most others (Blazegraph, Virtuoso, Fuseki's dataset URL) take both at one URL.

    Examples
    --------
    >>> default_update_url("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/update'
    >>> default_update_url("http://localhost:3030/ds")
    'http://localhost:3030/ds'
    """
    head, sep, tail = query_url.partition("?")
    if head.endswith("/query"):
        return head[: -len("query")] + "update" + sep + tail
    return query_url


class _Endpoint(SPARQLUpdateStore):
    """rdflib's SPARQLUpdateStore with a time limit and one-line errors."""

    def __init__(self, query_url: str, update_url: str, timeout: float) -> None:
        super().__init__(query_url, update_url, returnFormat="json", method="POST",
                         autocommit=True)
        self.timeout = timeout

    def _http(self, url: str, data: bytes, content_type: str, accept: str) -> tuple[bytes, str]:
        req = urllib.request.Request(url, data=data, method="POST", headers={
            "Content-Type": content_type, "Accept": accept, "User-Agent": "commitkg"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:  # noqa: S310
                return res.read(), res.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            body = exc.read().decode("utf-8", "replace").strip()
            detail = body.splitlines()[0][:300] if body else exc.reason
            raise CommitkgError(f"{url}: the endpoint answered {exc.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise CommitkgError(f"{url}: cannot reach the SPARQL endpoint ({reason})") from None

    def _query(self, query: str, default_graph: str | None = None,  # type: ignore[override]
               named_graph: str | None = None) -> Result:
        url = self.query_endpoint
        assert url is not None
        if default_graph is not None and not isinstance(default_graph, BNode):
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(
                {"default-graph-uri": default_graph})
        body, ctype = self._http(
            url, query.encode("utf-8"), "application/sparql-query",
            "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
            "application/n-triples;q=0.8, text/turtle;q=0.7")
        ctype = ctype.split(";")[0].strip() or "application/sparql-results+json"
        try:
            return Result.parse(io.BytesIO(body), content_type=ctype)
        except Exception as exc:  # noqa: BLE001 - whatever the endpoint sent
            raise CommitkgError(f"{url}: cannot read the endpoint's {ctype} answer: "
                                f"{_first_line(exc)}") from None

    def _update(self, update: str) -> None:
        assert self.update_endpoint is not None
        self._http(self.update_endpoint, update.encode("utf-8"),
                   "application/sparql-update; charset=UTF-8", "*/*")


@register_store("sparql")
class SparqlStore(KgStore):
    """Any SPARQL 1.1 Query/Update endpoint (Oxigraph server, Fuseki, GraphDB…).

    Each report goes to its own named graph, and every load keeps the endpoint's
    default graph equal to the merge of the report graphs (see
    :func:`replace_update`), which is what queries read. So run the endpoint in
    its plain mode: a "union default graph" option (``oxigraph serve
    --union-default-graph``, Fuseki's ``unionDefaultGraph``) would hide that
    default graph and count a triple shared by two reports twice.

    Examples
    --------
    >>> store = SparqlStore.open("http://127.0.0.1:7878/query", check=False)
    >>> store.update_url
    'http://127.0.0.1:7878/update'
    """

    def __init__(self, query_url: str, update_url: str, timeout: float = 60.0) -> None:
        self.location = query_url
        self.update_url = update_url
        self._client = _Endpoint(query_url, update_url, timeout)
        self._ds = Dataset(store=self._client, default_union=True)

    @classmethod
    def open(cls, location: str | None = None, *, read_only: bool = False,
             create: bool = False, update_url: str | None = None,
             check: bool = True, timeout: float = 60.0) -> SparqlStore:
        if not location or not location.startswith(("http://", "https://")):
            raise CommitkgError(f"{location!r}: a SPARQL endpoint is an http(s):// URL")
        store = cls(location, update_url or default_update_url(location), timeout)
        store.read_only = read_only
        if check:
            store.query("ASK { }")
        return store

    @property
    def dataset(self) -> Dataset:
        return self._ds

    def query(self, sparql: str) -> Result:
        result = super().query(sparql)
        if isinstance(result, tuple):  # rdflib's way of reporting an HTTP error
            raise CommitkgError(f"{self.location}: the endpoint answered {result[0]}")
        return result

    def replace_report(self, graph_iri: URIRef | str, triples: Iterable[Triple]) -> int:
        nt = ntriples(triples)
        self._replace_ntriples(str(graph_iri), nt)
        return nt.count("\n")

    def _replace_ntriples(self, graph_iri: str, nt: str) -> None:
        if self.read_only:
            raise CommitkgError(f"{self.location}: this store is open read-only")
        # One request: SPARQL 1.1 Protocol runs an update request as a whole.
        self._client._update(replace_update(graph_iri, nt))

    def to_graph(self) -> Graph:
        result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        g = _bind_prefixes(Graph())
        assert result.graph is not None
        g += result.graph
        return g

    def dump_nquads(self, path: Path) -> Path:
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        try:
            with path.open("w", encoding="utf-8") as f:
                for s, p, o, g in rows:  # type: ignore[misc]
                    f.write(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} {_nt_term(g)} .\n")
        except OSError as exc:
            raise CommitkgError(f"{path}: cannot write ({exc.strerror or exc})") from None
        return path

    def load_file(self, path: Path) -> None:
        raise CommitkgError("load files into a SPARQL endpoint with `commitkg build --store URL`")


# --------------------------------------------------------------------------- opening


def open_store(name: str = "oxigraph", location: str | Path | None = None,
               **options: Any) -> KgStore:
    """Open the store registered under *name* at *location* (``None``: in memory).

    Examples
    --------
    >>> open_store("memory").name
    'memory'
    """
    try:
        cls = STORES[name]
    except KeyError:
        raise CommitkgError(f"unknown store {name!r}; known: {', '.join(sorted(STORES))}") from None
    return cls.open(None if location is None else str(location), **options)


def open_spec(spec: str | Path, *, backend: str = "oxigraph", read_only: bool = False,
              create: bool = False, update_url: str | None = None) -> KgStore:
    """Open what *spec* names: an endpoint URL, an Oxigraph store folder or an RDF file.

    Parameters
    ----------
    spec
        ``http(s)://…`` — a SPARQL endpoint (its update URL is *update_url*, or
        guessed by :func:`default_update_url`); an existing folder — an Oxigraph
        store; a file — an RDF file (``.ttl``, ``.trig``, ``.jsonld``, ``.nt``,
        ``.nq``, ``.rdf``) loaded into a fresh *backend* store (``memory`` or
        ``oxigraph``); a path that does not exist — a new Oxigraph store folder,
        only when *create* is true.
    read_only
        Open a store folder without the write lock, so a running writer is no
        obstacle; it sees the data as it was when opened.

    Examples
    --------
    >>> import tempfile
    >>> with open_spec(Path(tempfile.mkdtemp()) / "kg", create=True) as store:
    ...     store.name, store.graphs()
    ('oxigraph', [])
    """
    text = str(spec)
    if text.startswith(("http://", "https://")):
        return SparqlStore.open(text, read_only=read_only, update_url=update_url)
    if backend == "sparql":
        raise CommitkgError(f"{text}: the sparql store needs an http(s):// endpoint URL")
    path = Path(text)
    if create and path.is_file():
        raise CommitkgError(f"{path}: is a file; a store is an Oxigraph store folder or an "
                            "http(s):// endpoint URL")
    if path.is_dir() or (create and not path.exists()):
        return OxigraphStore.open(str(path), read_only=read_only, create=create)
    if path.is_file():
        store = open_store(backend)
        store.load_file(path)
        store.read_only = read_only
        return store
    raise CommitkgError(f"{path}: no such graph file, store folder or endpoint URL")


def load_file(path: Path, store: str = "oxigraph") -> Graph:
    """Parse an RDF file (format from its extension) into a fresh *store*; its rdflib view.

    Kept for callers that want an rdflib graph; :func:`open_spec` is the general form.
    """
    if not path.exists():
        raise CommitkgError(f"{path}: no such graph file")
    kg = open_store(store)
    kg.load_file(path)
    return kg.dataset


def store_size(path: Path) -> int:
    """Bytes a store folder takes on disk."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
