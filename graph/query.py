"""SPARQL: named queries shipped in the package, ``.rq`` files and literal queries."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.query import Result

from graph.errors import CommitkgError
from graph.resources import query_dir

__all__ = ["NamedQuery", "format_result", "named_queries", "resolve_query", "run_named", "run_query"]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    text: str
    params: dict[str, str]

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query with its ``# param:`` variables replaced (defaults unless given)."""
        return bind_params(self.text, {**self.params, **(values or {})})


def bind_params(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        if not re.fullmatch(r"-?\d+(\.\d+)?|\w+:\w+|<[^<>\s]+>|\"[^\"\\]*\"", value):
            raise CommitkgError(f"parameter {name}={value!r}: not a number, IRI or plain string")
        text = re.sub(rf"\?{re.escape(name)}\b", value, text)
    return text


def named_queries() -> dict[str, NamedQuery]:
    """The queries shipped in ``graph/queries``, by file stem."""
    out = {}
    for f in sorted(query_dir().iterdir(), key=lambda t: t.name):
        if not f.name.endswith(".rq"):
            continue
        text = f.read_text(encoding="utf-8")
        title = next((ln.split(":", 1)[1].strip() for ln in text.splitlines()
                      if ln.startswith("# title:")), f.name)
        params = dict(ln.split(":", 1)[1].split(None, 1) for ln in text.splitlines()
                      if ln.startswith("# param:"))
        out[f.name[:-3]] = NamedQuery(f.name[:-3], title, text,
                                      {k: v.strip() for k, v in params.items()})
    return out


def resolve_query(spec: str, params: dict[str, str] | None = None) -> str:
    """QUERY is a named query, a path to a ``.rq`` file, or literal SPARQL."""
    named = named_queries()
    if spec in named:
        return named[spec].bind(params)
    if spec.endswith((".rq", ".sparql")):
        path = Path(spec)
        if not path.exists():
            raise CommitkgError(f"{spec}: no such query file")
        return bind_params(path.read_text(encoding="utf-8"), params or {})
    if any(k in spec.upper() for k in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")):
        return spec
    raise CommitkgError(
        f"{spec!r} is not a named query ({', '.join(named)}), a .rq file or SPARQL"
    )


def run_query(g: Graph, sparql: str) -> Result:
    try:
        return g.query(sparql)
    except Exception as exc:  # noqa: BLE001 - a malformed query is the user's input
        raise CommitkgError(f"SPARQL error: {str(exc).splitlines()[0]}") from None


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Literal):
        return str(v)
    return str(v)


def run_named(g: Graph, name: str) -> tuple[list[str], list[list[str]]]:
    result = run_query(g, named_queries()[name].bind())
    header = [str(v) for v in result.vars or []]
    return header, [[_cell(c) for c in row] for row in result]  # type: ignore[union-attr]


def format_result(result: Result, fmt: str) -> str:
    """table | csv | json (SPARQL 1.1 JSON results); CONSTRUCT/DESCRIBE as Turtle."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "true" if result.askAnswer else "false"
    if fmt == "json":
        data = result.serialize(format="json")
        assert data is not None
        return data.decode("utf-8")
    header = [str(v) for v in result.vars or []]
    rows = [[_cell(c) for c in row] for row in result]  # type: ignore[union-attr]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()
    return _table(header, rows)


def _width(s: str) -> int:
    return sum(2 if "\u1100" <= ch and (ch <= "\u115f" or "\u2e80" <= ch <= "\ua4cf"
                                        or "\uac00" <= ch <= "\ud7a3" or "\uf900" <= ch <= "\ufaff"
                                        or "\ufe30" <= ch <= "\ufe4f" or "\uff00" <= ch <= "\uff60"
                                        or "\uffe0" <= ch <= "\uffe6") else 1 for ch in s)


def _table(header: list[str], rows: list[list[str]], max_col: int = 40) -> str:
    def clip(s: str) -> str:
        s = s.replace("\n", " ")
        out, w = "", 0
        for ch in s:
            cw = _width(ch)
            if w + cw > max_col:
                return out + "…"
            out += ch
            w += cw
        return out

    cells = [[clip(c) for c in r] for r in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(r: list[str]) -> str:
        return "  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(r)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
