"""Parallel extraction: every core, input order kept, one bad report stops nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.errors import CommitkgError
from graph.facts import ReportFacts
from graph.parallel import ProgressBar, extract_many, ingest_reports, map_reports
from graph.stores import open_spec
from graph.synth import generate

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Six synthetic reports of different lengths, so they finish out of order."""
    out = tmp_path_factory.mktemp("synth")
    paths = []
    for i, size in enumerate((9000, 2500, 6000, 2500, 12000, 3000)):
        path = out / f"synth-{i}.txt"
        path.write_text(generate(i, size), encoding="utf-8")
        paths.append(path)
    return paths


def _district(rf: ReportFacts) -> str:
    return rf.document.title  # type: ignore[attr-defined, no-any-return]


def test_results_come_back_in_input_order(corpus: list[Path]) -> None:
    results = extract_many(corpus, jobs=2, progress=False)
    assert [p for p, _r in results] == corpus
    serial = extract_many(corpus, jobs=1, progress=False)
    assert [_district(r) for _p, r in results] == [_district(r) for _p, r in serial]  # type: ignore[arg-type]
    assert [len(r.facts) for _p, r in results] == [len(r.facts) for _p, r in serial]  # type: ignore[union-attr]


def test_one_bad_report_does_not_stop_the_others(corpus: list[Path], tmp_path: Path) -> None:
    english = tmp_path / "notes.txt"
    english.write_text("Meeting notes: nothing about plans here.\n" * 20, encoding="utf-8")
    paths = [corpus[0], tmp_path / "missing.txt", corpus[1], english, corpus[2]]
    results = extract_many(paths, jobs=2, progress=False)
    kinds = [type(r).__name__ for _p, r in results]
    assert kinds == ["ReportFacts", "CommitkgError", "ReportFacts", "CommitkgError", "ReportFacts"]
    assert "missing.txt" in str(results[1][1])
    assert "not a Chinese planning report" in str(results[3][1])


def _explode(path: Path) -> str:
    if "boom" in path.name:
        raise ValueError("unexpected\nsecond line")
    return path.name


def test_an_unexpected_exception_becomes_a_one_line_error() -> None:
    paths = [Path("a.txt"), Path("boom.txt"), Path("c.txt")]
    out = list(map_reports(_explode, paths, jobs=2, progress=False))
    assert [r if isinstance(r, str) else "error" for _p, r in out] == ["a.txt", "error", "c.txt"]
    err = out[1][1]
    assert isinstance(err, CommitkgError)
    assert str(err) == "boom.txt: internal error ValueError: unexpected"


def test_progress_bar_draws_only_when_asked_or_on_a_terminal() -> None:
    quiet = io.StringIO()
    bar = ProgressBar(2, stream=quiet)
    bar.update()
    bar.close()
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    bar = ProgressBar(2, stream=shown, enabled=True)
    bar.update()
    bar.update()
    assert "2/2 reports" in shown.getvalue()


def test_ingest_loads_each_report_into_its_graph(corpus: list[Path], tmp_path: Path) -> None:
    store = open_spec(tmp_path / "kg", create=True)
    stats = ingest_reports([*corpus, tmp_path / "missing.txt"], store, jobs=2, progress=False,
                           batch=2)
    assert stats.reports == len(corpus)
    assert [p.name for p, _e in stats.errors] == ["missing.txt"]
    assert len(store.graphs()) == len(corpus)
    merged = len(store)  # shared indicator triples count once
    assert 0.5 * stats.triples < merged <= stats.triples
    again = ingest_reports(corpus, store, jobs=2, progress=False)
    assert again.reports == len(corpus) and len(store) == merged  # replaced, not added
    assert "reports/s" in stats.summary()


def test_ingest_refuses_two_files_with_one_report_id(corpus: list[Path], tmp_path: Path) -> None:
    twin = tmp_path / corpus[0].name
    twin.write_bytes(corpus[0].read_bytes())
    with pytest.raises(CommitkgError, match="same report id"):
        ingest_reports([corpus[0], twin], open_spec(tmp_path / "kg", create=True), jobs=1)
