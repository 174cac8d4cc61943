"""Views of a built graph written to files: Turtle, TriG, N-Quads, JSON-LD, CSV, HTML.

Serialisation and the CSV queries run on Oxigraph; triples are sorted first so
that the same graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from graph.oxi import ox_quads, ox_store, ox_triples, solution_rows
from graph.query import named_queries
from graph.vocab import PREFIXES

__all__ = ["GraphFiles", "write_csv", "write_outputs"]

_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


class GraphFiles:
    """A built graph ready to be written: the union and the per-report named graphs."""

    def __init__(self, graph: Graph, named: Sequence[tuple[URIRef, Graph]]) -> None:
        self.graph = graph
        self.triples = ox_triples(graph)
        if len(named) == 1:  # one report: its quads are the union's triples in its graph
            name = ox.NamedNode(str(named[0][0]))
            self.quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in self.triples]
        else:
            self.quads = ox_quads(named)
        self._store: ox.Store | None = None

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            self._store = ox_store(self.triples)
        return self._store

    def turtle(self) -> bytes:
        return _bytes(ox.serialize(self.triples, format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES))

    def trig(self) -> bytes:
        return _bytes(ox.serialize(self.quads, format=ox.RdfFormat.TRIG, prefixes=_PREFIXES))

    def nquads(self) -> bytes:
        return _bytes(ox.serialize(self.quads, format=ox.RdfFormat.N_QUADS))

    def jsonld(self) -> bytes:
        expanded = json.loads(_bytes(ox.serialize(self.triples, format=ox.RdfFormat.JSON_LD)))
        doc = {"@context": dict(sorted(_PREFIXES.items())), "@graph": [_compact(n) for n in expanded]}
        return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _bytes(data: bytes | None) -> bytes:
    assert data is not None  # serialize returns bytes when no output file is given
    return data


def _compact_iri(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    """Shorten property names with the context's prefixes (still valid JSON-LD)."""
    return {(k if k.startswith("@") else _compact_iri(k)): v for k, v in node.items()}


def write_csv(files: GraphFiles, query_name: str, path: Path) -> Path:
    """A named query's answer as CSV that Excel opens correctly (UTF-8 with BOM)."""
    header, rows = solution_rows(files.store, named_queries()[query_name].bind())
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text("\ufeff" + buf.getvalue(), encoding="utf-8", newline="")
    return path


def write_outputs(files: GraphFiles, out: Path, *, html: bool = True) -> list[Path]:
    """Write every published file of a build into *out*; returns their paths."""
    written = []
    for name, data in (
        ("graph.ttl", files.turtle()),
        ("graph.trig", files.trig()),
        ("graph.nq", files.nquads()),
        ("graph.jsonld", files.jsonld()),
    ):
        (out / name).write_bytes(data)
        written.append(out / name)
    written.append(write_csv(files, "targets", out / "targets.csv"))
    written.append(write_csv(files, "outcomes", out / "outcomes.csv"))
    if html:
        from graph.views import write_html

        written.append(write_html(files.graph, out / "graph.html"))
    return written
