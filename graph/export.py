"""Views of a built graph written to files: Turtle, TriG, JSON-LD, CSV tables, HTML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from graph.query import run_named

__all__ = ["write_csv", "write_jsonld", "write_outputs", "write_turtle"]


def write_turtle(g: Graph, path: Path) -> Path:
    path.write_bytes(g.serialize(format="turtle", encoding="utf-8"))
    return path


def write_trig(ds: Dataset, path: Path) -> Path:
    path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    return path


def _sorted_jsonld(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def write_jsonld(g: Graph, path: Path) -> Path:
    """JSON-LD with the commitkg prefixes as context, nodes sorted so re-runs are identical."""
    from graph.vocab import PREFIXES

    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data, dict) and "@graph" in data:
        data["@graph"] = _sorted_jsonld(data["@graph"])
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    return path


def write_csv(g: Graph, query_name: str, path: Path) -> Path:
    """A named query's answer as CSV that Excel opens correctly (UTF-8 with BOM)."""
    header, rows = run_named(g, query_name)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_text("\ufeff" + buf.getvalue(), encoding="utf-8", newline="")
    return path


def write_outputs(ds: Dataset, g: Graph, out: Path, *, html: bool = True) -> list[Path]:
    files = [
        write_turtle(g, out / "graph.ttl"),
        write_trig(ds, out / "graph.trig"),
        write_jsonld(g, out / "graph.jsonld"),
        write_csv(g, "targets", out / "targets.csv"),
        write_csv(g, "outcomes", out / "outcomes.csv"),
    ]
    if html:
        from graph.views import write_html

        files.append(write_html(g, out / "graph.html"))
    return files
