"""Data shipped inside the package: the ontology, the shapes, the named queries.

In a wheel the ontology lives at ``graph/ontology`` (copied there at build time);
in a source checkout it is the top-level ``ontology/`` folder.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from rdflib import Graph

__all__ = ["ontology_file", "ontology_graph", "query_dir", "shapes_graph"]


def _ontology_dir() -> Traversable:
    packaged = resources.files("graph").joinpath("ontology")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Traversable:
    return _ontology_dir().joinpath(name)


@cache
def _parsed(name: str) -> Graph:
    g = Graph()
    g.parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")
    return g


def ontology_graph() -> Graph:
    """The commitkg OWL/RDFS ontology."""
    return _parsed("commitkg.ttl")


def shapes_graph() -> Graph:
    """The SHACL shapes every built graph must conform to."""
    return _parsed("shapes.ttl")


def query_dir() -> Traversable:
    return resources.files("graph").joinpath("queries")
