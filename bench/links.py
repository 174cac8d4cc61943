"""Latency of the link queries (projects-targets and friends) on Oxigraph.

Goals (issue: which projects affect which targets): projects-targets answers in
≤ 50 ms on the seed graph after loading, and in ≤ 1 s on a synthetic graph of
about 1 million triples. The synthetic graph is the built graph of
data/reports copied with every instance IRI renamed per copy, so its shape
(supports, indicators, contributesTo) is that of real reports.

    python bench/links.py [--triples 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/commitkg/id/"
QUERIES = ("projects-targets", "target-projects", "enterprise-footprint", "agency-portfolio",
           "place-projects", "indicator-history", "targets")


def load(ttl: Path) -> list[ox.Quad]:
    return [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
            for t in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)]


def _rename(term: object, k: int) -> object:
    if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
        return ox.NamedNode(f"{BASE}copy{k}/{term.value[len(BASE):]}")
    return term


def replicate(quads: list[ox.Quad], target: int) -> ox.Store:
    store = ox.Store()
    copies = max(1, target // max(1, len(quads)))
    for k in range(copies):
        store.bulk_extend(
            ox.Quad(_rename(q.subject, k), q.predicate, _rename(q.object, k), q.graph_name)
            for q in quads
        )
    return store


def timed(store: ox.Store, sparql: str, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        result = store.query(sparql)
        rows = 1 if isinstance(result, ox.QueryBoolean) else sum(1 for _ in result)  # type: ignore[union-attr]
        times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def main() -> None:
    from graph.query import named_queries

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    named = named_queries()
    with tempfile.TemporaryDirectory() as tmp:
        from graph.pipeline import build

        seed = build([ROOT / "data" / "reports" / "xinbei-2024-plan-report.txt"],
                     Path(tmp) / "seed", html=False)
        allr = build(sorted((ROOT / "data" / "reports").glob("*.txt")), Path(tmp) / "all",
                     html=False)
        seed_store = replicate(load(seed.out_dir / "graph.ttl"), 0)
        big_quads = load(allr.out_dir / "graph.ttl")
        t = time.perf_counter()
        big = replicate(big_quads, args.triples)
        load_s = time.perf_counter() - t
        print(f"seed graph: {len(seed_store)} triples; synthetic: {len(big)} triples "
              f"({len(big) // max(1, len(big_quads))} copies of data/reports, loaded in "
              f"{load_s:.1f}s)")
        # baseline in the same run: the cheapest possible query on each store
        base_seed, _ = timed(seed_store, "ASK { ?s ?p ?o }", args.runs)
        print(f"{'query':22} {'seed ms':>9} {'rows':>6} {'synthetic ms':>13} {'rows':>8}")
        for name in QUERIES:
            q = named[name].bind()
            s_ms, s_rows = timed(seed_store, q, args.runs)
            b_ms, b_rows = timed(big, q, max(1, args.runs // 2))
            print(f"{name:22} {s_ms * 1000:9.1f} {s_rows:6d} {b_ms * 1000:13.1f} {b_rows:8d}")
        print(f"baseline ASK on the seed store: {base_seed * 1000:.2f} ms")
        print("goals: projects-targets ≤ 50 ms on the seed, ≤ 1000 ms at ~1M triples")


if __name__ == "__main__":
    main()
