"""The ``commitkg`` command: a thin layer over the library functions.

Exit codes: 0 success, 1 a finding (eval below a threshold), 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.errors import CommitkgError

__all__ = ["main"]

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def deco(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return deco


@command("build")
def _build(args: argparse.Namespace) -> int:
    from graph.pipeline import build

    store = None
    if args.store:
        from graph.stores import open_spec

        if "://" not in args.store:
            Path(args.store).parent.mkdir(parents=True, exist_ok=True)
        store = open_spec(args.store, create=True, update_url=args.update_url)
    try:
        result = build([Path(p) for p in args.reports], Path(args.out), base=args.base,
                       validate=not args.no_validate, html=not args.no_html,
                       curation=Path(args.curation) if args.curation else None,
                       jobs=args.jobs, keep_going=args.keep_going)
        print(result.summary())
        for failure in result.failed:
            print(f"commitkg: error: {failure}", file=sys.stderr)
        if store is not None:
            n = store.load_named(result.named)
            print(f"loaded {n} report graph(s) into {args.store}")
    finally:
        if store is not None:
            store.close()
    return 2 if result.failed else 0


@command("query")
def _query(args: argparse.Namespace) -> int:
    from graph.query import format_result, named_queries, resolve_query, run_query

    if args.list:
        for name, q in named_queries().items():
            print(f"{name:22} {q.title}")
        return 0
    if not args.graph or not args.query:
        raise CommitkgError("query needs --graph FILE_OR_STORE and a QUERY (or --list)")
    from graph.stores import open_spec

    g = open_spec(args.graph, backend=args.store, read_only=True).dataset
    bad = [p for p in args.param or [] if "=" not in p]
    if bad:
        raise CommitkgError(f"--param {bad[0]!r}: write NAME=VALUE")
    params = dict(p.split("=", 1) for p in args.param or [])
    result = run_query(g, resolve_query(args.query, params))
    sys.stdout.write(format_result(result, args.format).rstrip("\n") + "\n")
    return 0


@command("impact")
def _impact(args: argparse.Namespace) -> int:
    import csv

    from graph.network import (
        IMPACT_COLUMNS,
        find_nodes,
        impact_of,
        impacts_on,
        rank_supporters,
        to_networkx,
    )
    from graph.query import _table
    from graph.stores import load_file

    if not args.graph:
        raise CommitkgError("impact needs --graph FILE (a built graph.ttl)")
    from graph.links import METHODS

    methods = None
    if args.method:
        methods = frozenset(m.strip() for ms in args.method for m in ms.split(",") if m.strip())
        unknown = sorted(methods - set(METHODS))
        if unknown:
            raise CommitkgError(f"unknown method {unknown[0]!r}: choose from {', '.join(METHODS)}")
    G = to_networkx(load_file(Path(args.graph), store="memory"), lang=args.lang)
    if args.rank:
        header = ["source", "type", "direct targets", "targets reached", "degree centrality"]
        rows = [[str(c) for c in r]
                for r in rank_supporters(G, min_confidence=args.min_confidence, methods=methods)]
    else:
        if args.target:
            impacts = impacts_on(G, args.target, min_confidence=args.min_confidence, methods=methods)
        elif args.name:
            nodes = find_nodes(G, args.name, ("Project", "Enterprise", "Policy", "Agency", "Place"))
            if not nodes:
                raise CommitkgError(f"no project, enterprise, policy, agency or place named "
                                    f"{args.name!r} in {args.graph}")
            impacts = [i for n in nodes
                       for i in impact_of(G, n, min_confidence=args.min_confidence, methods=methods)]
        else:
            raise CommitkgError("impact needs a NAME, --target INDICATOR or --rank")
        header, rows = IMPACT_COLUMNS, [i.row() for i in impacts]
    if args.csv:
        with open(args.csv, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(header)
            w.writerows(rows)
    print(_table(header, rows))
    return 0


@command("serve")
def _serve(args: argparse.Namespace) -> int:
    from graph.server import serve

    serve(args.graph, host=args.host, port=args.port, timeout=args.timeout,
          max_rows=args.max_rows, backend=args.store, explorer=not args.no_explorer,
          cache_mb=args.cache_mb)
    return 0


@command("eval")
def _eval(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate_all

    text, worst = evaluate_all(Path(args.gold), Path(args.reports), details=not args.brief,
                               only=args.report or None)
    print(text)
    if args.min_f1 is not None and worst < args.min_f1:
        print(f"lowest F1 {worst:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="commitkg",
        description="Turn Chinese planning reports into a commitment knowledge graph.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read reports and write the graph and its views")
    b.add_argument("reports", nargs="+", metavar="REPORT")
    b.add_argument("--out", required=True, metavar="DIR")
    b.add_argument("--base", default="https://w3id.org/commitkg/id/", help="base of instance IRIs")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    b.add_argument("--no-html", action="store_true", help="skip the HTML explorer")
    b.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="worker processes for extraction (default: every core)")
    b.add_argument("--keep-going", action="store_true",
                   help="write the graph of the reports that worked even if others failed "
                        "(exit status still 2)")
    b.add_argument("--curation", metavar="DIR",
                   help="apply the analyst's curation rules in DIR (see data/curation/README.md)")
    b.add_argument("--store", metavar="DIR_OR_URL",
                   help="also load each report into its named graph of this Oxigraph store "
                        "folder (created if missing) or SPARQL endpoint URL")
    b.add_argument("--update-url", metavar="URL",
                   help="the endpoint's update URL when --store is a query URL (default: "
                        "…/query → …/update, else the same URL)")

    q = sub.add_parser("query", help="run SPARQL on a built graph")
    q.add_argument("query", nargs="?", metavar="QUERY",
                   help="a named query (see --list), a .rq file, or literal SPARQL")
    q.add_argument("--graph", metavar="FILE_OR_STORE")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--store", default="oxigraph", help="store backend for files (memory, oxigraph)")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="set a query parameter, e.g. minConfidence=0.3 (repeatable)")

    i = sub.add_parser("impact", help="which targets a project, enterprise, policy, agency or "
                       "place reaches, with paths and reasons; or the reverse")
    i.add_argument("name", nargs="?", metavar="NAME", help="a name or alias (天合 finds 天合光能)")
    i.add_argument("--graph", default="export/graph.ttl", metavar="FILE")
    i.add_argument("--target", metavar="INDICATOR", help="the reverse: what reaches this target")
    i.add_argument("--rank", action="store_true",
                   help="rank projects and enterprises by the targets they reach")
    i.add_argument("--min-confidence", type=float, default=0.5,
                   help="weakest link shown (0.3 includes theme matches)")
    i.add_argument("--method", action="append", metavar="METHOD",
                   help="only links found by METHOD: SameSentence, Cue, SameTaskItem, ThemeMatch "
                   "(repeatable or comma-separated)")
    i.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    i.add_argument("--csv", metavar="FILE", help="also write the table as CSV (UTF-8 with BOM)")

    v = sub.add_parser("serve", help="a read-only SPARQL endpoint at /sparql and the explorer "
                       "at /")
    v.add_argument("--graph", required=True, metavar="FILE_OR_STORE",
                   help="a graph file, an Oxigraph store folder or a SPARQL endpoint URL")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    v.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    v.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit per query (default 10)")
    v.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                   help="most rows or triples a query may answer (default 10000)")
    v.add_argument("--store", default="oxigraph", choices=("oxigraph", "memory"),
                   help="store backend for graph files (default oxigraph)")
    v.add_argument("--cache-mb", type=float, default=None, metavar="MB",
                   help="answers kept to send again, in MB (default 64 for a file or store "
                        "folder, 0 for an endpoint URL, whose data may change)")
    v.add_argument("--no-explorer", action="store_true", help="do not build the explorer page")

    e = sub.add_parser("eval", help="score extraction against data/gold")
    e.add_argument("--gold", default="data/gold")
    e.add_argument("--reports", default="data/reports")
    e.add_argument("--report", action="append", help="only this report file name (repeatable)")
    e.add_argument("--brief", action="store_true", help="scores only, no misses and extras")
    e.add_argument("--min-f1", type=float, default=None,
                   help="exit 1 if any part's F1 is below this")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CommitkgError as exc:
        print(f"commitkg: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("commitkg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - one line for the user, the trace on request
        if os.environ.get("COMMITKG_DEBUG"):
            raise
        print(f"commitkg: internal error: {type(exc).__name__}: {exc} "
              "(set COMMITKG_DEBUG=1 for the traceback)", file=sys.stderr)
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
