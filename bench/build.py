"""Build-time benchmark: seed build vs the import floor, and extraction throughput.

Prints figures; never asserts (the machines are shared and noisy). Timings are
given as ratios against a baseline measured in the same run.

    python bench/build.py            # 5 repeats
    python bench/build.py --quick    # 2 repeats, 20 reports for throughput
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "reports" / "xinbei-2024-plan-report.txt"
# Every runtime dependency the package declares, imported alone: the floor.
DEPS = ("rdflib", "oxrdflib", "pyoxigraph", "pyshacl", "networkx", "pyvis", "jieba", "cn2an",
        "opencc", "charset_normalizer", "yaml")


def _best_of(cmd: list[str], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        best = min(best, time.perf_counter() - t)
    return best


def build_vs_imports(repeats: int) -> tuple[float, float]:
    floor = _best_of([sys.executable, "-c", "import " + ", ".join(DEPS)], repeats)
    out = Path(tempfile.mkdtemp(prefix="commitkg-bench-"))
    try:
        build = _best_of([sys.executable, "-m", "graph.cli", "build", str(SEED), "--out",
                          str(out / "x")], repeats)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return floor, build


def throughput(n_reports: int, skip: int = 0) -> tuple[int, float, float]:
    """Extraction of n reports on one core: normalisation, structure, targets and
    outcomes, entities and relations, links (everything but reading and RDF).

    The first *skip* reports are extracted before the clock starts (the one-time loading
    of the gazetteer, the indicator scheme and the rule tables happens in the first)."""
    from graph.pipeline import extract_text
    from graph.reader import ReportText, normalise

    sources = sorted((ROOT / "data" / "reports").glob("*.txt"))
    from graph.reader import decode

    texts = [decode(p.read_bytes())[0] for p in sources]
    for i in range(skip):
        text = texts[i % len(texts)]
        extract_text(ReportText(Path(f"w{i}.txt"), text, normalise(text), "utf-8"), f"w{i}")
    total_bytes, facts = 0, 0
    t = time.perf_counter()
    for i in range(skip, skip + n_reports):
        text = texts[i % len(texts)]
        total_bytes += len(text.encode("utf-8"))
        rf = extract_text(ReportText(Path(f"r{i}.txt"), text, normalise(text), "utf-8"), f"r{i}")
        facts += len(rf.facts) + len(rf.entities)
    elapsed = time.perf_counter() - t
    return facts, total_bytes / 1e6, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeats = 2 if args.quick else 5
    n = 20 if args.quick else 100
    floor, build = build_vs_imports(repeats)
    facts, mb, secs = throughput(n)
    print(f"{'figure':44} {'value':>12}")
    print(f"{'import floor (python -c import deps), best':44} {floor:11.3f}s")
    print(f"{'commitkg build seed, best of ' + str(repeats):44} {build:11.3f}s")
    print(f"{'build / import floor (goal <= 2.0)':44} {build / floor:11.2f}x")
    print(f"{'extraction: reports':44} {n:12d}")
    print(f"{'extraction: text':44} {mb:10.2f}MB")
    print(f"{'extraction: facts and entities':44} {facts:12d}")
    print(f"{'extraction: throughput, one core (goal >= 1)':44} {mb / secs:8.2f}MB/s")
    # the same reports once everything is loaded: what a long ingest sees per report
    _facts, mb_warm, secs_warm = throughput(n, skip=1)
    print(f"{'extraction: the same after one warm-up report':44} {mb_warm / secs_warm:8.2f}MB/s")


if __name__ == "__main__":
    main()
