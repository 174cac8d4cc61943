"""Time to first drawn frame of the HTML explorer in headless Chromium.

Usage::

    python bench/explorer.py                      # synthetic graphs of 1,000 and 5,000 nodes
    python bench/explorer.py out/graph.html       # ... and a page you built
    python bench/explorer.py --sizes 500 5000 --runs 5

For each page the script opens it from ``file://`` with every other request
aborted, and reads ``window.commitkgFirstFrame``: ``performance.now()`` when
vis-network's first ``afterDrawing`` event fired, i.e. milliseconds from the
start of navigation to the first frame with the graph on it. The baseline is an
empty page's first animation frame in the same browser, so the ratio says how
much the explorer costs over a page that does nothing. The goal is ≤ 3 s at
5,000 nodes.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import rdflib
from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from graph.views.explorer import write_explorer  # noqa: E402
from graph.vocab import CK  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
GOAL_MS = 3000.0
EMPTY_PAGE = (
    "<!doctype html><meta charset='utf-8'><title>baseline</title><body>"
    "<script>requestAnimationFrame(function () {"
    " window.commitkgFirstFrame = performance.now(); });</script>"
)
ID = Namespace("https://w3id.org/commitkg/id/report/synthetic/")

INDICATORS = (
    "地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "实际利用外资",
    "进出口总额", "规上工业增加值", "高新技术产业产值", "城镇居民人均可支配收入", "研发投入",
)
PLACES = ("新北区", "春江街道", "罗溪镇", "薛家镇", "孟河镇", "西夏墅镇", "奔牛镇", "三井街道")


def synthetic_graph(size: int, seed: int = 7) -> rdflib.Graph:
    """A commitkg-shaped graph with *size* drawn nodes.

    Per 100 nodes: ~9 indicators, 18 targets, 18 outcomes, 25 projects, 15
    enterprises, 6 policies, 4 agencies, 2 places and the report, linked the
    way an extractor links them (measuredBy, supports with a qualified form,
    locatedIn, implementedBy, responsibleAgency, partner, contributesTo).
    """
    rng = random.Random(seed)
    g = rdflib.Graph()
    report = ID.report
    g.add((report, RDF.type, CK.Report))
    g.add((report, DCTERMS.title, Literal(f"合成报告（{size}个节点）", lang="zh")))
    shares = {"Indicator": 9, "Target": 18, "Outcome": 18, "Project": 25, "Enterprise": 15,
              "Policy": 6, "Agency": 4, "Place": 2}
    budget = size - 1
    counts = {k: max(1, budget * v // 97) for k, v in shares.items()}
    counts["Project"] += budget - sum(counts.values())
    sections = []
    for s in range(6):
        section = ID[f"section/{s}"]
        g.add((section, RDF.type, CK.Section))
        g.add((section, RDFS.label, Literal(f"（{'一二三四五六'[s]}）第{s + 1}部分", lang="zh")))
        sections.append(section)
    nodes: dict[str, list[rdflib.URIRef]] = {}
    offset = 0

    def mention(subject: rdflib.URIRef, quote: str, sentence: str) -> None:
        nonlocal offset
        m = rdflib.URIRef(f"{subject}/mention")
        g.add((m, RDF.type, CK.Mention))
        g.add((m, CK.inReport, report))
        g.add((m, CK.quote, Literal(quote)))
        g.add((m, CK.sentence, Literal(sentence)))
        g.add((m, CK.start, Literal(offset, datatype=XSD.integer)))
        g.add((m, CK.end, Literal(offset + len(quote), datatype=XSD.integer)))
        g.add((subject, CK.evidence, m))
        offset += len(sentence) + 1

    for kind, count in counts.items():
        nodes[kind] = []
        for i in range(count):
            node = ID[f"{kind.lower()}/{i}"]
            g.add((node, RDF.type, CK[kind]))
            nodes[kind].append(node)
            if kind == "Indicator":
                name = f"{INDICATORS[i % len(INDICATORS)]}{'' if i < len(INDICATORS) else i}"
            elif kind == "Place":
                name = PLACES[i] if i < len(PLACES) else f"第{i}片区"
            elif kind == "Enterprise":
                name = f"常州{rng.choice('天合中车东风新誉华润')}{i}号科技有限公司"
                g.add((node, SKOS.altLabel, Literal(name[2:-6])))
            elif kind in ("Target", "Outcome"):
                continue
            else:
                suffix = {"Project": "建设项目", "Policy": "三年行动计划", "Agency": "区局"}[kind]
                name = f"{kind[0]}{i}{suffix}"
            g.add((node, RDFS.label, Literal(name, lang="zh")))
            if kind in ("Project", "Enterprise", "Policy"):
                mention(node, name, f"加快推进{name}，确保年内取得实效。")

    indicators = nodes["Indicator"]
    for kind, year in (("Target", 2024), ("Outcome", 2023)):
        for i, node in enumerate(nodes[kind]):
            indicator = indicators[i % len(indicators)]
            value = rng.choice(("5", "6", "6.5", "8", "10", "12"))
            g.add((node, CK.measuredBy, indicator))
            g.add((node, CK.year, Literal(year - (i // len(indicators)) % 2,
                                          datatype=XSD.integer)))
            g.add((node, CK.value, Literal(value, datatype=XSD.decimal)))
            g.add((node, CK.unit, Literal("%")))
            g.add((node, CK.quantityKind, CK.ChangeRate))
            g.add((node, CK.strength, CK[rng.choice(("Firm", "Aspirational", "Plain"))]))
            if kind == "Target":
                g.add((node, CK.comparator, CK.AtLeast))
            g.add((node, CK.statedIn, report))
            g.add((node, CK.inSection, sections[(i % 3) + (3 if kind == "Target" else 0)]))
            quote = f"指标{i % len(indicators)}增长{value}%以上"
            mention(node, quote, f"全年{quote}，推动高质量发展。")
    for i, indicator in enumerate(indicators[1:], start=1):
        if rng.random() < 0.3:
            g.add((indicator, CK.contributesTo, indicators[rng.randrange(i)]))

    targets = nodes["Target"]
    for i, project in enumerate(nodes["Project"]):
        for target in rng.sample(targets, k=min(len(targets), rng.choice((1, 1, 2)))):
            g.add((project, CK.supports, target))
            q = rdflib.URIRef(f"{project}/support/{targets.index(target)}")
            g.add((project, CK.qualifiedSupport, q))
            g.add((q, RDF.type, CK.QualifiedSupport))
            g.add((q, CK.target, target))
            g.add((q, CK.method, Literal(rng.choice(("same-sentence", "same-section")))))
            g.add((q, CK.confidence, Literal(f"{rng.uniform(0.3, 0.95):.2f}",
                                              datatype=XSD.decimal)))
        g.add((project, CK.locatedIn, rng.choice(nodes["Place"])))
        g.add((project, CK.implementedBy, nodes["Enterprise"][i % len(nodes["Enterprise"])]))
        if i % 3 == 0:
            g.add((project, CK.responsibleAgency, rng.choice(nodes["Agency"])))
    for i, enterprise in enumerate(nodes["Enterprise"]):
        if i % 4 == 0 and i + 1 < len(nodes["Enterprise"]):
            g.add((enterprise, CK.partner, nodes["Enterprise"][i + 1]))
    for policy in nodes["Policy"]:
        for target in rng.sample(targets, k=min(len(targets), 3)):
            g.add((policy, CK.supports, target))
    g.add((report, CK.jurisdiction, nodes["Place"][0]))
    return g


@dataclass
class Timing:
    name: str
    nodes: int | None
    edges: int | None
    size_kb: float
    build_s: float | None
    first_frame_ms: float
    wall_ms: float


def first_frame(
    browser: Browser, url: str, runs: int
) -> tuple[float, float, int | None, int | None]:
    """Median in-page first-frame time and wall time over *runs* fresh pages."""
    frames: list[float] = []
    walls: list[float] = []
    nodes = edges = None
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        blocked: list[str] = []

        def route(r: Route, blocked: list[str] = blocked) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_function("window.commitkgFirstFrame !== undefined", timeout=120_000,
                               polling=5)
        walls.append((time.perf_counter() - started) * 1000)
        frames.append(page.evaluate("window.commitkgFirstFrame"))
        if page.evaluate("typeof window.commitkgExplorer") == "object":
            stats = page.evaluate("window.commitkgExplorer.stats()")
            nodes, edges = stats["drawnNodes"], stats["totalEdges"]
        if blocked:
            raise SystemExit(f"{url} tried the network: {blocked[:3]}")
        page.close()
    return statistics.median(frames), statistics.median(walls), nodes, edges


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", nargs="*", type=pathlib.Path, help="explorer pages to time")
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 5000],
                        help="synthetic graph sizes in nodes (default: 1000 5000)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per case (median)")
    parser.add_argument("--out", type=pathlib.Path, help="keep the synthetic pages here")
    args = parser.parse_args(argv)
    if not pathlib.Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    workdir = args.out or pathlib.Path(tempfile.mkdtemp(prefix="commitkg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cases: list[tuple[str, pathlib.Path, float | None]] = []
    empty = workdir / "empty.html"
    empty.write_text(EMPTY_PAGE, encoding="utf-8")
    for size in args.sizes:
        page = workdir / f"synthetic-{size}.html"
        g = synthetic_graph(size)
        started = time.perf_counter()
        write_explorer(g, page, title=f"synthetic {size}")
        cases.append((f"synthetic {size:,}", page, time.perf_counter() - started))
    cases += [(str(p), p.resolve(), None) for p in args.html]

    rows: list[Timing] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # warm up the browser (process start, font cache) before anything is timed
        first_frame(browser, empty.resolve().as_uri(), 1)
        base_frame, base_wall, _, _ = first_frame(browser, empty.resolve().as_uri(), args.runs)
        rows.append(Timing("baseline (empty page)", None, None, empty.stat().st_size / 1024,
                           None, base_frame, base_wall))
        for name, page, build in cases:
            frame, wall, nodes, edges = first_frame(browser, page.as_uri(), args.runs)
            rows.append(Timing(name, nodes, edges, page.stat().st_size / 1024, build, frame, wall))
        browser.close()

    header = (f"{'page':<28} {'nodes':>7} {'edges':>7} {'html KB':>9} {'build s':>8} "
              f"{'first frame ms':>15} {'wall ms':>9} {'× baseline':>11}")
    print(f"time to first drawn frame, headless chromium, median of {args.runs} loads")
    print(header)
    print("-" * len(header))
    for row in rows:
        print(f"{row.name:<28} {row.nodes if row.nodes is not None else '':>7} "
              f"{row.edges if row.edges is not None else '':>7} {row.size_kb:>9.0f} "
              f"{'' if row.build_s is None else f'{row.build_s:.2f}':>8} "
              f"{row.first_frame_ms:>15.0f} {row.wall_ms:>9.0f} "
              f"{row.first_frame_ms / base_frame:>11.1f}")
    largest = [r for r in rows if r.nodes and r.nodes >= 5000]
    for row in largest:
        verdict = "meets" if row.first_frame_ms <= GOAL_MS else "MISSES"
        print(f"{row.name}: {row.first_frame_ms / 1000:.2f} s {verdict} the ≤ 3 s goal")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
