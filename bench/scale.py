"""Scale beyond one report: ingest throughput, query latency, and serve under load.

Usage::

    python bench/scale.py            # 10, 100 and 1,000 reports; ~1M triples; 20 clients × 30 s
    python bench/scale.py --quick    # 10 and 50 reports; ~100k triples; 20 clients × 5 s
    python bench/scale.py --sizes 10 200 --triples 500000 --keep bench/out/scale

What it measures, on synthetic reports from ``graph.synth`` (about the length of
a real district report):

1. **Ingest** — reports extracted on every core and loaded, each into its named
   graph of a fresh Oxigraph store folder: reports/s, MB/s of report text, and
   the store's size on disk. The goal is 1,000 reports in ≤ 2 minutes. The
   worker CPU time is split into extraction and RDF writing, and the time this
   process spent in the store's bulk loader is given apart.
2. **Query latency** — every named query on the ``memory`` (rdflib) and
   ``oxigraph`` stores holding the same ~1M triples, in this run: Oxigraph both
   as the store folder on disk and as the store in memory (no folder, as rdflib).
   A memory query is stopped at ``--query-cap`` seconds (the ratio is then a
   lower bound); a folder query runs in a child process that is killed at the
   cap. The goal is Oxigraph ≥ 10× faster on each query.
3. **Serve under load** — ``commitkg serve`` on the Oxigraph store, bound to
   127.0.0.1 only, and 20 concurrent clients with no think time for a fixed
   time, once with lookups (one indicator, one report) and once with
   whole-graph named queries; requests, errors (any answer but 200; 503 is the
   server's 10 s time limit) and latency percentiles. The named queries run
   again on a server that keeps no answers (``--cache-mb 0``), so that every
   request runs its query. It stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import multiprocessing.connection
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.errors import CommitkgError  # noqa: E402
from graph.parallel import IngestStats, ingest_reports  # noqa: E402
from graph.query import named_queries  # noqa: E402
from graph.server import free_port, server_process  # noqa: E402
from graph.stores import KgStore, open_spec, open_store, store_size  # noqa: E402
from graph.synth import write_corpus  # noqa: E402

# rdflib warns on every triple lookup of its in-memory Dataset; that is not what we time.
warnings.simplefilter("ignore", DeprecationWarning)


# --------------------------------------------------------------------------- ingest


@dataclass
class IngestRow:
    reports: int
    stats: IngestStats
    disk_bytes: int
    union_triples: int


def bench_ingest(corpus: list[Path], sizes: list[int], work: Path, jobs: int) -> list[IngestRow]:
    rows = []
    for n in sizes:
        folder = work / f"store-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        store = open_spec(folder, create=True)
        stats = ingest_reports(corpus[:n], store, jobs=jobs, progress=None)
        store.inner.optimize()  # type: ignore[attr-defined]
        union = len(store)
        store.close()
        rows.append(IngestRow(n, stats, store_size(folder), union))
        print(f"  ingest {n:>5} reports: {stats.seconds:7.1f} s  "
              f"({stats.reports / stats.seconds:.1f} reports/s)", file=sys.stderr)
        if stats.errors:
            print(f"  {len(stats.errors)} report(s) failed, first: {stats.errors[0][1]}",
                  file=sys.stderr)
        if not stats.reports:
            raise SystemExit("no report could be extracted; is the tree in a consistent state?")
    return rows


# --------------------------------------------------------------------------- latency


def _ox_query_child(folder: str, text: str, conn: multiprocessing.connection.Connection) -> None:
    store = open_spec(folder, read_only=True)
    start = time.perf_counter()
    answer = store.answer(text)
    conn.send((time.perf_counter() - start, answer.size))


def time_oxigraph(folder: Path, text: str, cap: float) -> tuple[float | None, int]:
    """Seconds (best of two) and rows, in a child process killed at *cap*."""
    best: float | None = None
    rows = 0
    for _ in range(2):
        parent, child = multiprocessing.Pipe(duplex=False)
        proc = multiprocessing.get_context("spawn").Process(
            target=_ox_query_child, args=(str(folder), text, child), daemon=True)
        proc.start()
        if parent.poll(cap + 15):  # + start-up of the child
            seconds, rows = parent.recv()
            best = seconds if best is None else min(best, seconds)
        if proc.is_alive():
            proc.kill()
        proc.join()
        if best is None or best > cap:
            return None, rows
    return best, rows


def time_memory(store: KgStore, text: str, cap: float) -> tuple[float | None, int]:
    """Seconds and rows on rdflib, the query stopped at *cap* (``None`` then)."""
    from graph.server import QueryRunner
    from graph.stores import QueryTimeout

    runner = QueryRunner(workers=1)
    start = time.perf_counter()
    try:
        answer = asyncio.run(runner.run(lambda deadline: store.answer(text, deadline=deadline),
                                        cap))
    except QueryTimeout:
        _wait_for_query_threads()
        return None, 0
    return time.perf_counter() - start, answer.size


def _wait_for_query_threads(limit: float = 30.0) -> None:
    end = time.monotonic() + limit
    while any(t.name == "commitkg-query" for t in threading.enumerate()):
        if time.monotonic() > end:
            return
        time.sleep(0.05)


def time_in_process(store: KgStore, text: str) -> tuple[float, int]:
    """Seconds (best of two) and rows, here (for a fast store: nothing stops it)."""
    best, rows = float("inf"), 0
    for _ in range(2):
        start = time.perf_counter()
        rows = store.answer(text).size
        best = min(best, time.perf_counter() - start)
    return best, rows


@dataclass
class LatencyRow:
    name: str
    memory: float | None
    oxigraph: float | None
    rows_memory: int
    rows_oxigraph: int
    oxigraph_ram: float | None = None


def bench_latency(corpus: list[Path], target: int, per_report: float, work: Path, jobs: int,
                  cap: float) -> tuple[int, int, list[LatencyRow], float]:
    """Load about *target* distinct triples into both stores, then time each query."""
    import pyoxigraph as ox

    folder = work / "store-latency"
    shutil.rmtree(folder, ignore_errors=True)
    n = min(len(corpus), max(1, round(target / per_report)))
    store = open_spec(folder, create=True)
    start = time.monotonic()
    ingest_reports(corpus[:n], store, jobs=jobs, progress=None)
    triples = len(store)
    memory = open_store("memory")
    ram = open_store("oxigraph")  # Oxigraph in memory, as rdflib is: no disk store in between
    for g in store.graphs():
        nt = store.inner.dump(format=ox.RdfFormat.N_TRIPLES,  # type: ignore[attr-defined]
                              from_graph=ox.NamedNode(str(g)))
        memory.replace_reports([(g, nt.decode("utf-8"))])
        ram.replace_reports([(g, nt.decode("utf-8"))])
    load_seconds = time.monotonic() - start
    store.close()
    print(f"  latency stores: {n} reports, {triples} triples (both loaded in "
          f"{load_seconds:.0f} s)", file=sys.stderr)
    rows = []
    for name, q in named_queries().items():
        text = q.bind()
        ox_s, ox_rows = time_oxigraph(folder, text, cap)
        mem_s, mem_rows = time_memory(memory, text, cap)
        ram_s, _ram_rows = time_in_process(ram, text)
        rows.append(LatencyRow(name, mem_s, ox_s, mem_rows, ox_rows, ram_s))
        print(f"  {name:22} memory {_secs(mem_s, cap):>9}  oxigraph {_secs(ox_s, cap):>9}"
              f"  oxigraph in memory {_secs(ram_s, cap):>9}", file=sys.stderr)
    return n, triples, rows, load_seconds


# --------------------------------------------------------------------------- serve under load


@dataclass
class LoadResult:
    mix: str
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)


_PREFIXES = ("PREFIX ck: <https://w3id.org/commitkg/ontology#> "
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>")


def _client_queries(store_folder: Path) -> dict[str, list[str]]:
    """Two mixes: lookups an analyst clicks through, and whole-graph named queries."""
    named = named_queries()
    store = open_spec(store_folder, read_only=True)
    labels = [row[0] for row in store.query(  # type: ignore[index]
        f"{_PREFIXES} SELECT DISTINCT ?l WHERE {{ ?i a ck:Indicator ; rdfs:label ?l }} LIMIT 20")]
    reports = [row[0] for row in store.query(  # type: ignore[index]
        f"{_PREFIXES} SELECT ?r WHERE {{ ?r a ck:Report }} LIMIT 20")]
    store.close()
    lookups = []
    for label in labels[:10]:
        lookups.append(
            f"{_PREFIXES}\n"
            "SELECT ?t ?year ?value ?unit WHERE { ?t ck:measuredBy ?i ; ck:year ?year . "
            f"?i rdfs:label {json.dumps(str(label), ensure_ascii=False)}@zh . "
            "OPTIONAL { ?t ck:value ?value } OPTIONAL { ?t ck:unit ?unit } } LIMIT 200")
    for report in reports[:10]:
        lookups.append(f"{_PREFIXES} SELECT ?t ?label WHERE {{ ?t ck:statedIn <{report}> ; "
                       "a ck:Target ; rdfs:label ?label } LIMIT 500")
    whole = [named["counts"].bind(), named["targets"].bind() + "\nLIMIT 100",
             named["outcomes"].bind() + "\nLIMIT 100",
             f"{_PREFIXES} CONSTRUCT {{ ?r ?p ?o }} WHERE {{ ?r a ck:Report ; ?p ?o }} LIMIT 500"]
    return {"lookups": lookups, "named queries": whole + lookups[:4]}


def bench_serve(store_folder: Path, clients: int, seconds: float) -> list[LoadResult]:
    """Both mixes on a server as shipped, then the named queries with no answers kept:
    every request then runs its query, which shows what the cache hides."""
    mixes = _client_queries(store_folder)
    out = []
    for cache_mb, runs in ((None, mixes), (0.0, {"named queries, no cache":
                                                 mixes["named queries"]})):
        port = free_port()
        cli = Path(sys.executable).parent / "commitkg"
        cmd = [str(cli) if cli.exists() else sys.executable,
               *([] if cli.exists() else ["-m", "graph.cli"]),
               "serve", "--graph", str(store_folder), "--host", "127.0.0.1", "--port", str(port),
               "--no-explorer", *([] if cache_mb is None else ["--cache-mb", str(cache_mb)])]
        base = f"http://127.0.0.1:{port}/sparql"
        try:
            with server_process(cmd, base + "?query=ASK%7B%7D"):
                out += [_hammer(base, name, queries, clients, seconds)
                        for name, queries in runs.items()]
        except CommitkgError as exc:
            raise SystemExit(str(exc)) from None
    return out


def _hammer(base: str, mix: str, queries: list[str], clients: int, seconds: float
            ) -> LoadResult:
    """*clients* threads sending *queries* round-robin for *seconds*, no think time."""
    result = LoadResult(mix, clients, seconds)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(k: int) -> None:
        i = k
        while time.monotonic() < stop_at:
            q = queries[i % len(queries)]
            i += 1
            data = urllib.parse.urlencode({"query": q}).encode()
            req = urllib.request.Request(base, data=data, headers={
                "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=30) as res:
                    res.read()
                    status = str(res.status)
            except urllib.error.HTTPError as exc:
                status = str(exc.code)
            except OSError as exc:
                status = type(exc).__name__
            took = time.perf_counter() - t0
            with lock:
                result.requests += 1
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if status != "200":
                    result.errors += 1
                result.latencies.append(took)

    threads = [threading.Thread(target=client, args=(k,), daemon=True)
               for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    return result


# --------------------------------------------------------------------------- report


def _secs(s: float | None, cap: float) -> str:
    if s is None:
        return f">{cap:g} s"
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.rjust(w) if i else c.ljust(w)
                      for i, (c, w) in enumerate(zip(r, widths, strict=True))) for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="a small run (a few minutes)")
    ap.add_argument("--sizes", type=int, nargs="+", help="ingest sizes (reports)")
    ap.add_argument("--triples", type=int, help="store size for the latency comparison")
    ap.add_argument("--query-cap", type=float, help="seconds before a query is stopped")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, help="duration of the load test")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temp dir)")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([10, 50] if args.quick else [10, 100, 1000])
    target = args.triples or (100_000 if args.quick else 1_000_000)
    cap = args.query_cap or (20.0 if args.quick else 60.0)
    seconds = args.seconds or (5.0 if args.quick else 30.0)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="commitkg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        need = max(max(sizes), target // 4000 + 10)
        print(f"writing {need} synthetic reports to {work} …", file=sys.stderr)
        corpus = write_corpus(work / "reports", need, seed=2024)
        mean_kb = sum(p.stat().st_size for p in corpus[:50]) / min(50, len(corpus)) / 1000

        print("1. ingest", file=sys.stderr)
        ingest = bench_ingest(corpus, sizes, work, args.jobs)
        print("2. query latency", file=sys.stderr)
        per_report = ingest[-1].union_triples / max(1, ingest[-1].reports)
        loaded, triples, latency, _load_s = bench_latency(corpus, target, per_report, work,
                                                          args.jobs, cap)
        print("3. serve under load", file=sys.stderr)
        load = bench_serve(work / "store-latency", args.clients, seconds)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\ncommitkg scale benchmark — {os.cpu_count()} cores, {args.jobs} worker processes, "
          f"synthetic reports of {mean_kb:.1f} kB")
    print("\nIngest into an Oxigraph store folder (extract on all cores + bulk load)\n")
    rows = []
    for r in ingest:
        s = r.stats
        rows.append([str(r.reports), f"{s.seconds:.1f} s", f"{s.reports / s.seconds:.1f}",
                     f"{s.source_bytes / 1e6 / s.seconds:.2f}", str(s.triples),
                     str(r.union_triples), _mb(r.disk_bytes),
                     f"{s.extract_seconds / max(1, s.reports) * 1000:.0f} ms",
                     f"{s.rdf_seconds / max(1, s.reports) * 1000:.0f} ms",
                     f"{s.load_seconds:.1f} s"])
    print(_table(["reports", "wall", "reports/s", "MB/s", "triples loaded", "distinct",
                  "on disk", "extract/report", "rdf/report", "loading"], rows))
    big = ingest[-1]
    if big.reports >= 1000:
        ok = "met" if big.stats.seconds <= 120 else "NOT met"
        print(f"goal 1,000 reports ≤ 2 min: {ok} ({big.stats.seconds:.0f} s)")

    print(f"\nNamed query latency at {triples} triples ({loaded} reports), same data in both "
          f"stores; stopped at {cap:g} s\n")
    rows = []
    ratios: dict[str, list[float]] = {"folder": [], "in memory": []}

    def speed_up(ox_s: float | None, mem_s: float | None, kind: str) -> str:
        if ox_s and mem_s:
            ratios[kind].append(mem_s / ox_s)
            return f"{mem_s / ox_s:.0f}×"
        if ox_s and mem_s is None:
            ratios[kind].append(cap / ox_s)
            return f">{cap / ox_s:.0f}×"
        return "n/a"

    for lr in latency:
        rows.append([lr.name, _secs(lr.memory, cap), _secs(lr.oxigraph, cap),
                     speed_up(lr.oxigraph, lr.memory, "folder"), _secs(lr.oxigraph_ram, cap),
                     speed_up(lr.oxigraph_ram, lr.memory, "in memory"), str(lr.rows_oxigraph)])
    print(_table(["query", "memory", "oxigraph folder", "speed-up", "oxigraph in memory",
                  "speed-up", "rows"], rows))
    for kind, found in ratios.items():
        if found:
            gm = statistics.geometric_mean(found)
            low = sum(r < 10 for r in found)
            print(f"oxigraph {kind}: geometric mean speed-up {gm:.0f}×, {low} of {len(found)} "
                  f"queries under 10× (goal: each ≥ 10×: {'met' if not low else 'NOT met'})")
    print("'>' = memory stopped at the cap, a lower bound. The folder is the store on disk "
          "(RocksDB) that serve reads; in memory is the oxigraph store without a folder.")

    print(f"\nServe under load: {args.clients} closed-loop clients × {seconds:g} s each mix, "
          f"127.0.0.1 only, on the {triples}-triple store (time limit 10 s)\n")
    rows = []
    for res in load:
        lat = sorted(res.latencies) or [0.0]
        rows.append([res.mix, str(res.requests), f"{res.requests / res.seconds:.1f}",
                     str(res.errors), f"{lat[len(lat) // 2] * 1000:.0f} ms",
                     f"{lat[int(len(lat) * 0.95)] * 1000:.0f} ms", f"{lat[-1] * 1000:.0f} ms",
                     " ".join(f"{k}:{v}" for k, v in sorted(res.statuses.items()))])
    print(_table(["mix", "requests", "req/s", "errors", "p50", "p95", "max", "statuses"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
