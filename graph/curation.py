"""Analyst curation: small YAML rules applied after extraction (add an alias, merge, retype, drop).

Extraction stands on its own; curation fixes what a rule cannot yet get right and
says so: every entity a rule touched carries the rule in its ``curatedBy``
attribute (the RDF stage writes it as ``ck:curatedBy``), and the optional *log*
of :func:`apply_curation` lists every rule applied, drops included. The format is
described in ``data/curation/README.md``.

>>> from graph.facts import Entity, ReportFacts
>>> rf = ReportFacts(document=None, entities=[Entity("Enterprise", "环球恐龙城")])
>>> rule = CurationRule("retype", "Enterprise", "环球恐龙城", to="Project", source="x.yaml#1")
>>> out = apply_curation(rf, [rule])
>>> [(e.type, e.name, sorted(e.attributes["curatedBy"])) for e in out.entities]
[('Project', '环球恐龙城', ['x.yaml#1 retype Enterprise→Project'])]
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from graph.errors import CommitkgError
from graph.facts import ENTITY_TYPES as TYPES
from graph.facts import RELATION_TYPES, Entity, Relation, ReportFacts

__all__ = [
    "ACTIONS",
    "AppliedRule",
    "CurationRule",
    "apply_curation",
    "load_curation",
    "parse_rules",
]

ACTIONS = ("alias", "merge", "retype", "drop")


@dataclass(frozen=True)
class CurationRule:
    """One analyst rule.

    ``alias``: give entity *name* of *type* the extra name *alias*.
    ``merge``: fold the entities named in *names* (same *type*) into entity *name*.
    ``retype``: make entity *name* of *type* a *to*.
    ``drop``: remove entity *name* of *type* and its relations.
    *report* limits the rule to one report (file name or report id).
    """

    action: str
    type: str
    name: str
    alias: str = ""
    names: tuple[str, ...] = ()
    to: str = ""
    report: str = ""
    why: str = ""
    source: str = ""  # file#index, for provenance

    def describe(self) -> str:
        what = {
            "alias": f"alias {self.alias}",
            "merge": f"merge {'、'.join(self.names)}",
            "retype": f"retype {self.type}→{self.to}",
            "drop": f"drop {self.type} {self.name}",
        }[self.action]
        return f"{self.source} {what}".strip()


@dataclass
class AppliedRule:
    """A rule that changed a report, with the entity it changed."""

    rule: CurationRule
    report: str
    entity: tuple[str, str]
    details: list[str] = field(default_factory=list)


def parse_rules(raw: Any, source: str = "") -> list[CurationRule]:
    """Rules from one parsed YAML document (``{curator: …, rules: [...]}``)."""
    if raw is None:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("rules", []), list):
        raise CommitkgError(f"{source}: a curation file is a mapping with a list under rules:")
    curator = str(raw.get("curator", "")).strip()
    out = []
    for i, item in enumerate(raw.get("rules") or [], start=1):
        where = f"{source}#{i}" + (f" ({curator})" if curator else "")
        if not isinstance(item, dict):
            raise CommitkgError(f"{where}: a rule is a mapping")
        action = str(item.get("action", ""))
        if action not in ACTIONS:
            raise CommitkgError(f"{where}: action {action!r} is not one of {list(ACTIONS)}")
        type_ = str(item.get("type", ""))
        if type_ not in TYPES:
            raise CommitkgError(f"{where}: type {type_!r} is not one of {list(TYPES)}")
        name = str(item.get("name", "")).strip()
        if not name:
            raise CommitkgError(f"{where}: a rule needs the name of the entity it changes")
        rule = CurationRule(
            action=action,
            type=type_,
            name=name,
            alias=str(item.get("alias", "")).strip(),
            names=tuple(str(n).strip() for n in item.get("names") or []),
            to=str(item.get("to", "")).strip(),
            report=str(item.get("report", "")).strip(),
            why=str(item.get("why", "")).strip(),
            source=where,
        )
        if action == "alias" and not rule.alias:
            raise CommitkgError(f"{where}: alias needs alias:")
        if action == "merge" and not rule.names:
            raise CommitkgError(f"{where}: merge needs names: [...]")
        if action == "retype" and rule.to not in TYPES:
            raise CommitkgError(f"{where}: retype needs to: one of {list(TYPES)}")
        out.append(rule)
    return out


def load_curation(folder: Path) -> list[CurationRule]:
    """Every rule of every ``*.yaml`` file in *folder*, files in name order (none if absent)."""
    if not folder.is_dir():
        return []
    rules: list[CurationRule] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise CommitkgError(f"{path}: not valid YAML ({exc})") from None
        rules.extend(parse_rules(raw, path.name))
    return rules


def _report_names(rf: ReportFacts) -> set[str]:
    doc = rf.document
    names = set()
    for attr in ("report_id",):
        value = getattr(doc, attr, None)
        if value:
            names.add(str(value))
    source = getattr(doc, "source", None)
    if source is not None:
        names |= {Path(source).name, Path(source).stem}
    return names


def _find(entities: list[Entity], type_: str, name: str) -> Entity | None:
    exact = next((e for e in entities if e.type == type_ and e.name == name), None)
    return exact or next((e for e in entities if e.type == type_ and name in e.aliases), None)


def _mark(e: Entity, rule: CurationRule) -> None:
    e.attributes.setdefault("curatedBy", set()).add(rule.describe())


def apply_curation(
    rf: ReportFacts, rules: list[CurationRule], log: list[AppliedRule] | None = None
) -> ReportFacts:
    """A copy of *rf* with the rules that concern it applied, in order.

    A rule whose entity is not in the report is skipped. Relations follow their
    entities (a merged name's relations move to the entity it joined) and those
    whose ends no longer have the right types are dropped.
    """
    out = copy.copy(rf)
    ents = [
        replace(
            e,
            mentions=list(e.mentions),
            aliases=set(e.aliases),
            attributes={k: set(v) for k, v in e.attributes.items()},
        )
        for e in rf.entities
    ]
    rels = list(rf.relations)
    names = _report_names(rf)
    renamed: dict[tuple[str, str], tuple[str, str]] = {}
    for rule in rules:
        if rule.report and rule.report not in names:
            continue
        e = _find(ents, rule.type, rule.name)
        if e is None:
            continue
        applied = AppliedRule(rule, sorted(names)[0] if names else "", (e.type, e.name))
        if rule.action == "alias":
            e.aliases |= {e.name, rule.alias}
        elif rule.action == "merge":
            for other_name in rule.names:
                other = _find(ents, rule.type, other_name)
                if other is None or other is e:
                    continue
                e.aliases |= other.aliases | {other.name, e.name}
                e.mentions = sorted(e.mentions + other.mentions, key=lambda m: m.span)
                for k, v in other.attributes.items():
                    e.attributes.setdefault(k, set()).update(v)
                renamed[(other.type, other.name)] = (e.type, e.name)
                ents.remove(other)
                applied.details.append(other.name)
        elif rule.action == "retype":
            old = (e.type, e.name)
            clash = _find(ents, rule.to, e.name)
            if clash is not None and clash is not e:
                clash.aliases |= e.aliases
                clash.mentions = sorted(clash.mentions + e.mentions, key=lambda m: m.span)
                ents.remove(e)
                e = clash
            else:
                e.type = rule.to
            renamed[old] = (e.type, e.name)
        elif rule.action == "drop":
            ents.remove(e)
            renamed[(e.type, e.name)] = ("", "")
            if log is not None:
                log.append(applied)
            continue
        _mark(e, rule)
        if log is not None:
            log.append(applied)
    out.entities = ents
    out.relations = _follow(rels, renamed, ents)
    return out


def _follow(
    rels: list[Relation], renamed: dict[tuple[str, str], tuple[str, str]], ents: list[Entity]
) -> list[Relation]:
    def resolve(ref: tuple[str, str]) -> tuple[str, str]:
        seen = set()
        while ref in renamed and ref not in seen:
            seen.add(ref)
            ref = renamed[ref]
        return ref

    known = {(e.type, e.name) for e in ents}
    out, seen_keys = [], set()
    for r in rels:
        s, o = resolve(r.subject), resolve(r.object)
        if s not in known or o not in known or s == o:
            continue
        subj_types, obj_types = RELATION_TYPES.get(r.predicate, (frozenset(), frozenset()))
        if s[0] not in subj_types or o[0] not in obj_types:
            continue
        key = (r.predicate, s, o)
        if key in seen_keys:
            continue
        seen_keys.add(key)
        out.append(replace(r, subject=s, object=o) if (s, o) != (r.subject, r.object) else r)
    return out
