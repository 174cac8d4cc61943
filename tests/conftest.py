"""Shared fixtures: the reports in data/reports and one build of them."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT / "data" / "gold"
SEED = REPORTS / "xinbei-2024-plan-report.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def report_paths() -> list[Path]:
    return sorted(REPORTS.glob("*.txt"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, report_paths: list[Path]):
    """One build of every report in data/reports (the published graph)."""
    from graph.pipeline import build

    out = tmp_path_factory.mktemp("export")
    return build(report_paths, out)


@pytest.fixture
def corrupt_nt_term(monkeypatch: pytest.MonkeyPatch):
    """``corrupt_nt_term(n)`` makes the n-th RDF term written as N-Triples unparseable,
    to fail a load half-way on purpose; it returns the count of terms written so far."""
    import graph.stores as stores

    real = stores._nt_term
    calls = {"n": 0}

    def start(at: int) -> dict[str, int]:
        def corrupt(t: object) -> str:
            calls["n"] += 1
            return '"unterminated' if calls["n"] == at else real(t)  # type: ignore[arg-type]

        monkeypatch.setattr(stores, "_nt_term", corrupt)
        return calls

    return start
