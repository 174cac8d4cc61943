"""Store backends behind one registry: a name maps to how a graph is opened.

``memory`` is rdflib's own store; ``oxigraph`` is the embedded Oxigraph store
(via oxrdflib), persistent on disk when given a folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph

from graph.errors import CommitkgError

__all__ = ["STORES", "load_file", "open_store", "register_store"]

StoreFactory = Callable[[Path | None], Dataset]
STORES: dict[str, StoreFactory] = {}

_FORMATS = {
    ".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".jsonld": "json-ld",
    ".json": "json-ld", ".trig": "trig", ".nq": "nquads", ".rdf": "xml", ".xml": "xml",
    ".owl": "xml",
}


def register_store(name: str) -> Callable[[StoreFactory], StoreFactory]:
    def deco(factory: StoreFactory) -> StoreFactory:
        STORES[name] = factory
        return factory

    return deco


@register_store("memory")
def _memory(location: Path | None) -> Dataset:
    return Dataset(default_union=True)


@register_store("oxigraph")
def _oxigraph(location: Path | None) -> Dataset:
    ds = Dataset(store="Oxigraph", default_union=True)
    if location is not None:
        ds.open(str(location), create=True)
    return ds


def open_store(name: str, location: Path | None = None) -> Dataset:
    """Open the store registered under *name*."""
    try:
        factory = STORES[name]
    except KeyError:
        raise CommitkgError(f"unknown store {name!r}; known: {', '.join(sorted(STORES))}") from None
    return factory(location)


def load_file(path: Path, store: str = "oxigraph") -> Graph:
    """Parse an RDF file (format from its extension) into a fresh store."""
    if not path.exists():
        raise CommitkgError(f"{path}: no such graph file")
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise CommitkgError(f"{path}: unknown RDF format (use .ttl, .jsonld, .nt, .trig or .nq)")
    ds = open_store(store)
    try:
        if fmt in ("trig", "nquads"):
            ds.parse(path, format=fmt)
        else:
            ds.default_graph.parse(path, format=fmt) if hasattr(ds, "default_graph") else ds.parse(
                path, format=fmt
            )
    except Exception as exc:  # noqa: BLE001 - any parser error is the user's file
        raise CommitkgError(f"{path}: cannot parse as {fmt}: {str(exc).splitlines()[0]}") from None
    return ds
