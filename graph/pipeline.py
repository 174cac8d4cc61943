"""The main job: reports in, a validated graph and its views out.

>>> from pathlib import Path
>>> rf = extract_report(Path("data/reports/xinbei-2024-plan-report.txt"))  # doctest: +SKIP
>>> len(rf.targets) > 0  # doctest: +SKIP
True
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from graph.document import Document, parse_document
from graph.errors import CommitkgError

if TYPE_CHECKING:
    from graph.curation import CurationRule
from graph.facts import ReportFacts
from graph.reader import ReportText, read_report
from graph.spans import SpanIndex
from graph.targets import extract_facts
from graph.vocab import DEFAULT_BASE, Minter, slug

__all__ = ["BuildResult", "build", "extract_report", "report_id_for"]

_GENRE_CUES = ("报告", "计划", "规划", "政府工作", "国民经济", "预期目标", "工作回顾", "主要目标",
               "工作安排")


def report_id_for(path: Path) -> str:
    return slug(path.stem)


_NON_CJK_RE = re.compile("[^\u4e00-\u9fff]+")


def _check_genre(doc: Document) -> None:
    head = doc.norm[:3000]
    cjk = len(_NON_CJK_RE.sub("", head))  # counted without a list of a string per character
    if cjk < 0.2 * max(1, len(head.strip())) or cjk < 50:
        raise CommitkgError(f"{doc.source}: not a Chinese planning report (too little Chinese text)")
    if not any(c in head for c in _GENRE_CUES):
        raise CommitkgError(
            f"{doc.source}: not a planning report (no 报告/计划/规划/政府工作 in its opening)"
        )
    if not any(sec.period for sec in doc.sections):
        raise CommitkgError(
            f"{doc.source}: not a planning report (no review or plan part among its headings)"
        )


def extract_report(
    path: Path, report_id: str | None = None, curation: Sequence[CurationRule] = ()
) -> ReportFacts:
    """Read, parse and extract one report; errors are one-line :class:`CommitkgError`.

    *curation* rules (``data/curation``) are applied after extraction and before
    linking; each applied rule is kept in ``curation_log`` as provenance.
    """
    return extract_text(read_report(path), report_id or report_id_for(path), curation)


def extract_text(
    text: ReportText, report_id: str, curation: Sequence[CurationRule] = ()
) -> ReportFacts:
    """Every stage after reading: structure, facts, entities, curation, links."""
    path = text.path
    doc = parse_document(text, report_id)
    _check_genre(doc)
    rf = ReportFacts(document=doc, facts=extract_facts(doc))
    for stage in EXTRA_STAGES:
        stage(rf)
    if curation:
        from graph.curation import AppliedRule, apply_curation

        log: list[AppliedRule] = []
        rf = apply_curation(rf, list(curation), log=log)
        rf.curation_log = [a.rule.describe() for a in log]
    from graph.links import link_supports

    rf.supports = link_supports(rf)
    if not rf.facts:
        raise CommitkgError(f"{path}: no targets or outcomes found; is this a planning report?")
    return rf


class _ExtractJob:
    """A picklable ``extract_report`` with the curation rules bound (runs in a worker)."""

    def __init__(self, curation: tuple[CurationRule, ...]) -> None:
        self.curation = curation

    def __call__(self, path: Path) -> ReportFacts:
        return extract_report(path, curation=self.curation)


# Later stages (entities, links) register here; each enriches ReportFacts in place.
EXTRA_STAGES: list[Callable[[ReportFacts], None]] = []

from graph.entities import entity_stage  # noqa: E402  (a stage registers after the list exists)

EXTRA_STAGES.append(entity_stage)


def numbers_in_names_stage(rf: ReportFacts) -> None:
    """A number inside a name is part of it, not a fact: 白沙100MW渔光互补光伏发电项目并网发电
    states no 100 MW, 晟源能源100万千瓦风光储一体化项目 no 100万千瓦, 新一轮千亿斤粮食产能
    提升行动 no 千亿斤."""
    names = SpanIndex(m.span for e in rf.entities
                      if e.type in ("Project", "Enterprise", "Policy") for m in e.mentions)
    rf.facts = [f for f in rf.facts if f.mention is None or not names.covers(f.mention.span.start)]


EXTRA_STAGES.append(numbers_in_names_stage)


@dataclass
class BuildResult:
    """What a build wrote, with counts per node type."""

    out_dir: Path
    reports: list[ReportFacts]
    named: list[tuple[URIRef, Graph]]
    graph: Graph
    counts: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"built {len(self.reports)} report(s) → {self.out_dir}: {len(self.graph)} triples"]
        for name, n in sorted(self.counts.items()):
            lines.append(f"  {name:12} {n}")
        return "\n".join(lines)


def build(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    base: str = DEFAULT_BASE,
    validate: bool = True,
    html: bool = True,
    curation: Path | None = None,
    jobs: int | None = None,
    progress: bool | None = None,
    keep_going: bool = False,
) -> BuildResult:
    """Build the graph of *paths* into *out_dir* (all files or none).

    Reports are extracted on every core (*jobs*). A report that fails is named
    with its reason; by default nothing is written then, with *keep_going* the
    graph of the others is written and the failures are kept in ``failed``.
    """
    from graph.export import GraphFiles, write_outputs
    from graph.rdf import build_graphs, union_graph

    if not paths:
        raise CommitkgError("no reports given")
    ids: dict[str, Path] = {}
    for p in paths:
        rid = report_id_for(p)
        if rid in ids and ids[rid].resolve() != p.resolve():
            raise CommitkgError(f"{p}: same report id {rid!r} as {ids[rid]}; rename one of them")
        ids[rid] = p
    unique = list(dict.fromkeys(ids.values()))
    rules = []
    if curation is not None:
        from graph.curation import load_curation

        if not curation.is_dir():
            raise CommitkgError(f"{curation}: no such curation folder")
        rules = load_curation(curation)
    from graph.parallel import map_reports

    results = list(map_reports(_ExtractJob(tuple(rules)), unique,
                               jobs=1 if len(unique) == 1 else jobs, progress=progress))
    failed = [(p, r) for p, r in results if isinstance(r, CommitkgError)]
    reports = [r for _p, r in results if not isinstance(r, CommitkgError)]
    if failed and (not keep_going or not reports):
        if len(failed) == 1:
            raise failed[0][1]  # type: ignore[misc]
        raise CommitkgError(f"{len(failed)} of {len(unique)} reports failed: "
                            + "; ".join(str(e) for _p, e in failed))
    named = build_graphs(reports, Minter(base))
    g = union_graph(named)
    pending = None
    if validate:
        from graph.validate import BackgroundValidation

        pending = BackgroundValidation(g)
    counts = _count_types(g)
    out_dir = out_dir.resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise CommitkgError(f"{out_dir}: exists and is not a directory")
    parent = out_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=parent))
    try:
        written = write_outputs(GraphFiles(g, named), tmp, html=html)
        if pending is not None:
            result = pending.result()
            if not result.conforms:
                raise CommitkgError(
                    f"the built graph does not conform to the shapes: {result.summary()}"
                )
        out_dir.mkdir(exist_ok=True)
        files = []
        for f in written:
            os.replace(f, out_dir / f.name)
            files.append(out_dir / f.name)
    except OSError as exc:
        raise CommitkgError(f"{out_dir}: cannot write ({exc.strerror or exc})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return BuildResult(out_dir, reports, named, g, counts, files,
                       [str(e) for _p, e in failed])


def _count_types(g: Graph) -> Counter[str]:
    from rdflib.namespace import RDF

    from graph.vocab import CK

    counts: Counter[str] = Counter()
    for _s, o in g.subject_objects(RDF.type):
        if str(o).startswith(str(CK)):
            counts[str(o)[len(str(CK)):]] += 1
    return counts
