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
