"""Analyst curation: rules in YAML, applied after extraction, with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.curation import AppliedRule, apply_curation, load_curation, parse_rules
from graph.errors import CommitkgError
from graph.facts import Entity, Mention, Relation, ReportFacts, Span

ROOT = Path(__file__).resolve().parent.parent


def mention(start: int, quote: str) -> Mention:
    return Mention(Span(start, start + len(quote)), quote, quote, Span(start, start + len(quote)))


@pytest.fixture
def report() -> ReportFacts:
    ents = [
        Entity("Project", "比亚迪滨江基地", [mention(0, "比亚迪滨江基地")], {"比亚迪滨江基地"}),
        Entity("Enterprise", "比亚迪", [mention(0, "比亚迪")], {"比亚迪"}),
        Entity("Enterprise", "环球恐龙城", [mention(20, "环球恐龙城")], {"环球恐龙城"}),
        Entity("Enterprise", "恐龙城", [mention(40, "恐龙城")], {"恐龙城"}),
        Entity("Place", "高铁新城", [mention(60, "高铁新城")], {"高铁新城"}),
    ]
    rels = [
        Relation(
            "implementedBy",
            ("Project", "比亚迪滨江基地"),
            ("Enterprise", "比亚迪"),
            mention(0, "比亚迪滨江基地"),
        ),
        Relation(
            "locatedIn", ("Enterprise", "恐龙城"), ("Place", "高铁新城"), mention(40, "恐龙城")
        ),
    ]
    return ReportFacts(document=None, entities=ents, relations=rels)


def rules(*items: dict) -> list:
    return parse_rules({"curator": "数据组", "rules": list(items)}, "t.yaml")


def by_name(rf: ReportFacts) -> dict[str, Entity]:
    return {e.name: e for e in rf.entities}


def test_alias_adds_a_name_and_records_the_rule(report: ReportFacts) -> None:
    out = apply_curation(
        report,
        rules({"action": "alias", "type": "Place", "name": "高铁新城", "alias": "常州高铁新城"}),
    )
    e = by_name(out)["高铁新城"]
    assert e.aliases == {"高铁新城", "常州高铁新城"}
    assert e.attributes["curatedBy"] == {"t.yaml#1 (数据组) alias 常州高铁新城"}


def test_merge_moves_aliases_mentions_and_relations(report: ReportFacts) -> None:
    out = apply_curation(
        report,
        rules({"action": "merge", "type": "Enterprise", "name": "环球恐龙城", "names": ["恐龙城"]}),
    )
    e = by_name(out)["环球恐龙城"]
    assert "恐龙城" not in by_name(out)
    assert e.aliases == {"环球恐龙城", "恐龙城"}
    assert [m.span.start for m in e.mentions] == [20, 40]
    assert [(r.subject, r.object) for r in out.relations if r.predicate == "locatedIn"] == [
        (("Enterprise", "环球恐龙城"), ("Place", "高铁新城"))
    ]


def test_retype_drops_relations_the_new_type_cannot_have(report: ReportFacts) -> None:
    out = apply_curation(
        report, rules({"action": "retype", "type": "Enterprise", "name": "比亚迪", "to": "Place"})
    )
    assert by_name(out)["比亚迪"].type == "Place"
    assert not [r for r in out.relations if r.predicate == "implementedBy"]


def test_drop_removes_the_entity_and_its_relations_and_logs_it(report: ReportFacts) -> None:
    log: list[AppliedRule] = []
    out = apply_curation(
        report, rules({"action": "drop", "type": "Enterprise", "name": "恐龙城"}), log=log
    )
    assert "恐龙城" not in by_name(out)
    assert not [r for r in out.relations if r.predicate == "locatedIn"]
    assert [(a.rule.action, a.entity) for a in log] == [("drop", ("Enterprise", "恐龙城"))]


def test_the_input_is_left_as_it_was(report: ReportFacts) -> None:
    before = [(e.type, e.name, set(e.aliases)) for e in report.entities]
    apply_curation(
        report,
        rules({"action": "merge", "type": "Enterprise", "name": "环球恐龙城", "names": ["恐龙城"]}),
    )
    assert [(e.type, e.name, set(e.aliases)) for e in report.entities] == before


def test_a_rule_for_another_report_does_nothing(report: ReportFacts) -> None:
    out = apply_curation(
        report,
        rules({"action": "drop", "type": "Place", "name": "高铁新城", "report": "other.txt"}),
    )
    assert "高铁新城" in by_name(out)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"action": "rename", "type": "Place", "name": "x"}, "action"),
        ({"action": "drop", "type": "Thing", "name": "x"}, "type"),
        ({"action": "alias", "type": "Place", "name": "x"}, "alias"),
        ({"action": "retype", "type": "Place", "name": "x", "to": "Town"}, "retype"),
        ({"action": "drop", "type": "Place"}, "name"),
    ],
)
def test_bad_rules_are_one_clear_error(item: dict, message: str) -> None:
    with pytest.raises(CommitkgError, match=message):
        rules(item)


def test_the_shipped_example_loads_and_documents_every_action() -> None:
    folder = ROOT / "data" / "curation"
    loaded = load_curation(folder)
    assert loaded and all(r.why for r in loaded)
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for action in ("alias", "merge", "retype", "drop"):
        assert f"`{action}`" in readme
    for path in folder.glob("*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]


def test_missing_folder_means_no_rules(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "absent") == []
