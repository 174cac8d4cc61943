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

    result = build([Path(p) for p in args.reports], Path(args.out), base=args.base,
                   validate=not args.no_validate, html=not args.no_html)
    print(result.summary())
    return 0


@command("query")
def _query(args: argparse.Namespace) -> int:
    from graph.query import format_result, named_queries, resolve_query, run_query

    if args.list:
        for name, q in named_queries().items():
            print(f"{name:22} {q.title}")
        return 0
    if not args.graph or not args.query:
        raise CommitkgError("query needs --graph FILE_OR_STORE and a QUERY (or --list)")
    from graph.stores import load_file

    g = load_file(Path(args.graph), store=args.store)
    result = run_query(g, resolve_query(args.query))
    sys.stdout.write(format_result(result, args.format).rstrip("\n") + "\n")
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

    q = sub.add_parser("query", help="run SPARQL on a built graph")
    q.add_argument("query", nargs="?", metavar="QUERY",
                   help="a named query (see --list), a .rq file, or literal SPARQL")
    q.add_argument("--graph", metavar="FILE_OR_STORE")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.add_argument("--store", default="oxigraph", help="store backend for files (memory, oxigraph)")
    q.add_argument("--list", action="store_true", help="list the named queries")

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
