"""Many reports at once: extraction on every core, then loading into a store.

Extraction is pure Python and CPU-bound, so reports go to a pool of processes;
results come back in input order, and a report that fails yields its
:class:`~graph.errors.CommitkgError` in its place instead of stopping the others.
On a terminal a progress bar is drawn on stderr (tqdm when installed).

Example
-------
>>> from pathlib import Path
>>> results = extract_many([Path("data/reports/xinbei-2024-plan-report.txt"),
...                         Path("no-such-report.txt")], jobs=1)  # doctest: +SKIP
>>> [type(r).__name__ for _p, r in results]  # doctest: +SKIP
['ReportFacts', 'CommitkgError']
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

from graph.errors import CommitkgError
from graph.facts import ReportFacts

if TYPE_CHECKING:
    from graph.stores import GraphNQuads

__all__ = ["IngestStats", "ProgressBar", "extract_many", "ingest_reports", "map_reports",
           "report_ntriples"]

T = TypeVar("T")


# --------------------------------------------------------------------------- progress


class ProgressBar:
    """A one-line progress bar on a terminal; silent when *stream* is not a TTY.

    Examples
    --------
    >>> import io
    >>> bar = ProgressBar(3, "reports", stream=io.StringIO())   # not a TTY: draws nothing
    >>> bar.update(); bar.close()
    """

    def __init__(self, total: int, unit: str = "reports", *, stream: IO[str] | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)()
        self.enabled = isatty if enabled is None else enabled
        self.total, self.unit, self.done = total, unit, 0
        self.start = time.monotonic()
        self._last = 0.0
        self._tqdm: Any = None
        if self.enabled and stream is None:
            try:
                from tqdm import tqdm  # type: ignore[import-untyped]

                self._tqdm = tqdm(total=total, unit=unit.rstrip("s") or "it", file=self.stream,
                                  leave=False)
            except ImportError:
                pass

    def update(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._tqdm is not None:
            self._tqdm.update(n)
            return
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / max(1, self.total))
        rate = self.done / max(1e-9, now - self.start)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} "
                          f"{self.unit} {rate:.1f}/s")
        self.stream.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self._tqdm is not None:
            self._tqdm.close()
            return
        self.stream.write("\r" + " " * 70 + "\r")
        self.stream.flush()


# --------------------------------------------------------------------------- the pool


def _context() -> multiprocessing.context.BaseContext:
    # fork is fast (nothing to re-import) but unsafe once threads run; spawn then.
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _as_error(path: Path, exc: BaseException) -> CommitkgError:
    if isinstance(exc, CommitkgError):
        return exc
    if isinstance(exc, BrokenProcessPool):
        return CommitkgError(f"{path}: the worker process died (out of memory?)")
    text = (str(exc).strip().splitlines() or [""])[0][:200]
    return CommitkgError(f"{path}: internal error {type(exc).__name__}: {text}")


def _imap(fn: Callable[[Path], T], paths: Sequence[Path], jobs: int
          ) -> Iterator[tuple[int, T | CommitkgError]]:
    """``(index, result)`` pairs as results complete (any order)."""
    if jobs <= 1 or len(paths) <= 1:
        for i, p in enumerate(paths):
            try:
                yield i, fn(p)
            except Exception as exc:  # noqa: BLE001 - one bad report must not stop the rest
                yield i, _as_error(p, exc)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths)), mp_context=_context()) as pool:
        futures: dict[Future[T], int] = {pool.submit(fn, p): i for i, p in enumerate(paths)}
        try:
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    yield i, fut.result()
                except Exception as exc:  # noqa: BLE001
                    yield i, _as_error(paths[i], exc)
        finally:
            for fut in futures:
                fut.cancel()


def map_reports(fn: Callable[[Path], T], paths: Sequence[Path], *, jobs: int | None = None,
                progress: bool | None = None, ordered: bool = True
                ) -> Iterator[tuple[Path, T | CommitkgError]]:
    """Apply *fn* (a picklable, module-level function) to every path on *jobs* processes.

    Parameters
    ----------
    fn
        Called once per path in a worker process.
    jobs
        Worker processes; ``None`` uses every core, ``1`` runs in this process.
    progress
        Draw a progress bar on stderr; ``None`` draws it only on a terminal.
    ordered
        Yield in input order (the default) or as soon as each result is ready.

    Examples
    --------
    >>> [r for _p, r in map_reports(Path.as_posix, [Path("a.txt"), Path("b.txt")], jobs=1)]
    ['a.txt', 'b.txt']
    """
    paths = [Path(p) for p in paths]
    jobs = (os.cpu_count() or 1) if jobs is None else max(1, jobs)
    bar = ProgressBar(len(paths), enabled=progress)
    try:
        if not ordered:
            for i, result in _imap(fn, paths, jobs):
                bar.update()
                yield paths[i], result
            return
        waiting: dict[int, T | CommitkgError] = {}
        nxt = 0
        for i, result in _imap(fn, paths, jobs):
            bar.update()
            waiting[i] = result
            while nxt in waiting:
                yield paths[nxt], waiting.pop(nxt)
                nxt += 1
    finally:
        bar.close()


def _extract(path: Path) -> ReportFacts:
    from graph.pipeline import extract_report

    return extract_report(path)


def extract_many(paths: Sequence[Path], jobs: int | None = None,
                 progress: bool | None = None) -> list[tuple[Path, ReportFacts | CommitkgError]]:
    """Extract every report on all cores; results in input order, errors in place.

    Parameters
    ----------
    paths
        Report files.
    jobs
        Worker processes (default: every core; ``1``: in this process).
    progress
        Progress bar on stderr; by default only when stderr is a terminal.

    Returns
    -------
    list of (path, ReportFacts or CommitkgError)
        One entry per path, in the order given.

    Examples
    --------
    >>> out = extract_many([Path("missing.txt")], jobs=1)
    >>> type(out[0][1]).__name__
    'CommitkgError'
    """
    return list(map_reports(_extract, paths, jobs=jobs, progress=progress))


# --------------------------------------------------------------------------- into a store


@dataclass(frozen=True)
class _ReportRDF:
    graph: GraphNQuads  # ready for the bulk loader; its N-Triples for any other store
    triples: int
    source_bytes: int
    extract_seconds: float = 0.0
    rdf_seconds: float = 0.0

    @property
    def graph_iri(self) -> str:
        return self.graph.iri

    @property
    def ntriples(self) -> str:
        return self.graph.ntriples


def report_ntriples(path: Path, base: str | None = None) -> _ReportRDF:
    """Extract one report and return its named graph as N-Triples (runs in a worker).

    The N-Triples come already laid out as the store's bulk loader takes them
    (:class:`~graph.stores.GraphNQuads`), which spares the loading process the work.

    Examples
    --------
    >>> rdf = report_ntriples(Path("data/reports/xinbei-2024-plan-report.txt"))  # doctest: +SKIP
    >>> rdf.graph_iri  # doctest: +SKIP
    'https://w3id.org/commitkg/id/report/xinbei-2024-plan-report'
    """
    from graph.pipeline import extract_report
    from graph.rdf import report_triples
    from graph.stores import GraphNQuads
    from graph.vocab import DEFAULT_BASE, Minter

    start = time.perf_counter()
    rf = extract_report(path)
    extracted = time.perf_counter()
    # Straight to N-Triples: the same triples as report_graph, without an rdflib Graph.
    rt = report_triples(rf, Minter(base or DEFAULT_BASE))
    graph = GraphNQuads.of(rt.iri, rt.ntriples())
    return _ReportRDF(graph, len(rt), path.stat().st_size, extracted - start,
                      time.perf_counter() - extracted)


class _Job:
    """A picklable ``report_ntriples`` with its base IRI bound."""

    def __init__(self, base: str | None) -> None:
        self.base = base

    def __call__(self, path: Path) -> _ReportRDF:
        return report_ntriples(path, self.base)


@dataclass
class IngestStats:
    """What :func:`ingest_reports` did."""

    reports: int = 0
    triples: int = 0
    source_bytes: int = 0
    seconds: float = 0.0
    #: CPU time the workers spent extracting and writing RDF, summed over reports.
    extract_seconds: float = 0.0
    rdf_seconds: float = 0.0
    #: Time this process spent handing graphs to the store.
    load_seconds: float = 0.0
    errors: list[tuple[Path, CommitkgError]] = field(default_factory=list)

    def summary(self) -> str:
        rate = self.reports / self.seconds if self.seconds else 0.0
        mb = self.source_bytes / 1e6 / self.seconds if self.seconds else 0.0
        lines = [f"loaded {self.reports} report(s), {self.triples} triples in "
                 f"{self.seconds:.1f} s ({rate:.1f} reports/s, {mb:.2f} MB/s)"]
        lines += [f"  failed: {err}" for _p, err in self.errors]
        return "\n".join(lines)


def _load(store: Any, pending: list[GraphNQuads]) -> float:
    start = time.monotonic()
    store.replace_reports(pending)
    return time.monotonic() - start


def ingest_reports(paths: Sequence[Path], store: Any, *, jobs: int | None = None,
                   progress: bool | None = None, base: str | None = None,
                   batch: int = 50) -> IngestStats:
    """Extract *paths* on all cores and load each into its named graph of *store*.

    Reports are handed to the store in batches of *batch* as they arrive, so
    loading overlaps extraction; each report graph is replaced as a whole
    (see :meth:`graph.stores.KgStore.replace_reports`). A report that fails is
    listed in :attr:`IngestStats.errors` and the others still load.

    Examples
    --------
    >>> from graph.stores import open_store
    >>> stats = ingest_reports([Path("data/reports/xinbei-2024-plan-report.txt")],
    ...                        open_store("oxigraph"), jobs=1)  # doctest: +SKIP
    >>> stats.reports  # doctest: +SKIP
    1
    """
    from graph.pipeline import report_id_for

    seen: dict[str, Path] = {}
    for p in paths:
        rid = report_id_for(Path(p))
        if rid in seen and Path(seen[rid]).resolve() != Path(p).resolve():
            raise CommitkgError(f"{p}: same report id {rid!r} as {seen[rid]}; rename one of them")
        seen[rid] = Path(p)
    paths = list(seen.values())
    stats = IngestStats()
    start = time.monotonic()
    pending: list[GraphNQuads] = []
    for path, result in map_reports(_Job(base), paths, jobs=jobs, progress=progress,
                                    ordered=False):
        if isinstance(result, CommitkgError):
            stats.errors.append((path, result))
            continue
        pending.append(result.graph)
        stats.reports += 1
        stats.triples += result.triples
        stats.source_bytes += result.source_bytes
        stats.extract_seconds += result.extract_seconds
        stats.rdf_seconds += result.rdf_seconds
        if len(pending) >= batch:
            stats.load_seconds += _load(store, pending)
            pending = []
    if pending:
        stats.load_seconds += _load(store, pending)
    stats.seconds = time.monotonic() - start
    stats.errors.sort(key=lambda e: str(e[0]))
    return stats
