"""Views of the graph for people: the offline HTML explorer."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

__all__ = ["write_html"]


def write_html(g: Graph, path: Path, *, title: str = "commitkg") -> Path:
    """Write the self-contained explorer page for *g* to *path*."""
    from graph.views.explorer import write_explorer

    write_explorer(g, path, title=title)
    return path
