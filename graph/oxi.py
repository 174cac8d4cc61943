"""Bridges from rdflib terms to pyoxigraph, for fast serialisation and queries.

rdflib holds the graph while it is built and validated; writing files and
answering the shipped queries go through Oxigraph, which is many times faster.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["ox_quads", "ox_store", "ox_term", "ox_triples", "solution_rows"]


def ox_term(t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    raise TypeError(f"not an RDF term: {t!r}")


def _key(t: ox.Triple | ox.Quad) -> tuple[str, ...]:
    return (str(t.subject), str(t.predicate), str(t.object))


def ox_triples(g: Graph) -> list[ox.Triple]:
    """The triples of *g*, sorted so that serialisations are the same on every run."""
    out = [ox.Triple(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in g]  # type: ignore[arg-type]
    out.sort(key=_key)
    return out


def ox_quads(graphs: Iterable[tuple[URIRef, Graph]]) -> list[ox.Quad]:
    """Quads of named graphs, sorted by graph name then triple."""
    out: list[ox.Quad] = []
    for name, g in sorted(graphs, key=lambda x: str(x[0])):
        gn = ox.NamedNode(str(name))
        out.extend(ox.Quad(t.subject, t.predicate, t.object, gn) for t in ox_triples(g))
    return out


def ox_store(triples: Iterable[ox.Triple]) -> ox.Store:
    store = ox.Store()
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return store


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, (ox.Literal, ox.NamedNode, ox.BlankNode)):
        return v.value
    return str(v)


def solution_rows(store: ox.Store, sparql: str) -> tuple[list[str], list[list[str]]]:
    """Run a SELECT on an Oxigraph store: (variable names, rows of plain strings)."""
    result = store.query(sparql)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = [[_text(sol[name]) for name in names] for sol in result]
    return names, rows
