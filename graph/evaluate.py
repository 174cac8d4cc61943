"""Scoring extraction against hand-checked gold files (``data/gold/*.yaml``).

A gold fact is located in the report by its ``quote``; an extracted fact
matches it when its evidence overlaps that place and it agrees on kind, year,
value, range, unit, comparator, quantity kind and strength, with an indicator
name that names the same thing (one contains the other, or they share most of
their characters in a run). Each gold fact matches at most one extracted fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from graph.errors import CommitkgError
from graph.facts import ENTITY_TYPES, RELATION_TYPES, Fact, ReportFacts, Span
from graph.reader import normalise

__all__ = [
    "GoldEntity", "GoldFact", "GoldRelation", "PartScore", "ReportScore", "evaluate",
    "evaluate_entities", "format_scores", "load_entity_gold", "load_gold", "name_key",
    "score_entities", "score_relations",
]

PARTS = ("targets", "outcomes")
_ALLOWED = {
    "kind": {"ChangeRate", "Level"},
    "comparator": {"AtLeast", "MoreThan", "AtMost", "LessThan", "About", "Exactly"},
    "strength": {"Firm", "Aspirational", "Expected", "Plain"},
}


@dataclass(frozen=True)
class GoldFact:
    part: str
    quote: str
    occurrence: int
    indicator: str
    year: int
    value: Decimal | None
    upper: Decimal | None
    unit: str | None
    kind: str
    comparator: str | None
    strength: str
    line: int


@dataclass
class GoldFile:
    path: Path
    reports: list[str]
    facts: list[GoldFact]
    raw: dict[str, Any]


@dataclass
class PartScore:
    """Precision, recall and F1 of one part of one report, with what went wrong."""

    part: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    attribute_errors: list[str] = field(default_factory=list)
    label_exact: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ReportScore:
    report: str
    parts: dict[str, PartScore]


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_gold(path: Path) -> GoldFile:
    """Read one gold YAML file, checking its fields."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CommitkgError(f"{path}: not valid YAML ({exc})") from None
    reports = raw.get("reports") or []
    facts: list[GoldFact] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    cursor = 0
    for part in PARTS:
        for item in raw.get(part) or []:
            for key, allowed in _ALLOWED.items():
                if item.get(key) is not None and item[key] not in allowed:
                    raise CommitkgError(f"{path}: {key} {item[key]!r} is not one of {sorted(allowed)}")
            quote = str(item["quote"])
            line = next((i + 1 for i in range(cursor, len(lines)) if quote in lines[i]), 0)
            cursor = line or cursor
            facts.append(
                GoldFact(
                    part=part,
                    quote=quote,
                    occurrence=int(item.get("occurrence", 1)),
                    indicator=str(item["indicator"]),
                    year=int(item["year"]),
                    value=_decimal(item.get("value")),
                    upper=_decimal(item.get("upper")),
                    unit=item.get("unit"),
                    kind=str(item["kind"]),
                    comparator=item.get("comparator"),
                    strength=str(item.get("strength", "Plain")),
                    line=line,
                )
            )
    return GoldFile(path=path, reports=list(reports), facts=facts, raw=raw)


def _find(norm: str, quote: str, occurrence: int) -> tuple[int, int] | None:
    needle = normalise(quote)
    pos = -1
    for _ in range(occurrence):
        pos = norm.find(needle, pos + 1)
        if pos == -1:
            return None
    return pos, pos + len(needle)


_IND_NOISE = re.compile(r"[“”\"'‘’《》「」、，,（）()\s的]")


def same_indicator(a: str, b: str) -> bool:
    """Do two indicator names name the same thing?

    >>> same_indicator("高企总数", "高新技术企业总数"), same_indicator("地区生产总值", "进出口总额")
    (True, False)
    """
    a, b = _IND_NOISE.sub("", normalise(a)), _IND_NOISE.sub("", normalise(b))
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    short, long_ = sorted((a, b), key=len)
    best = 0
    for i in range(len(short)):
        for j in range(i + best + 1, len(short) + 1):
            if short[i:j] in long_:
                best = j - i
            else:
                break
    common = sum(min(short.count(c), long_.count(c)) for c in set(short))
    return best >= 2 and (best >= 0.5 * len(short) or common >= 0.75 * len(short))


def _describe_gold(g: GoldFact) -> str:
    return (f"line {g.line}: {g.indicator} {g.year} {g.comparator or ''} {g.value}"
            f"{'~' + str(g.upper) if g.upper is not None else ''} {g.unit or ''} {g.kind} "
            f"{g.strength} «{g.quote}»")


def _describe_fact(f: Fact) -> str:
    quote = f.mention.quote if f.mention else ""
    start = f.mention.span.start if f.mention else -1
    return (f"@{start}: {f.indicator} {f.year} {f.comparator or ''} {f.value}"
            f"{'~' + str(f.upper) if f.upper is not None else ''} {f.unit or ''} "
            f"{f.quantity_kind} {f.strength} «{quote}»")


_KEYS: tuple[tuple[str, Callable[[GoldFact], Any], Callable[[Fact], Any]], ...] = (
    ("year", lambda g: g.year, lambda f: f.year),
    ("value", lambda g: g.value, lambda f: f.value),
    ("upper", lambda g: g.upper, lambda f: f.upper),
    ("unit", lambda g: g.unit, lambda f: f.unit),
    ("kind", lambda g: g.kind, lambda f: f.quantity_kind),
    ("comparator", lambda g: g.comparator, lambda f: f.comparator),
    ("strength", lambda g: g.strength, lambda f: f.strength),
)


def score_part(part: str, gold: list[GoldFact], facts: list[Fact], norm: str) -> PartScore:
    """Match gold against extracted facts of one part (targets or outcomes)."""
    score = PartScore(part)
    unmatched = list(facts)
    for g in gold:
        where = _find(norm, g.quote, g.occurrence)
        if where is None:
            raise CommitkgError(f"gold line {g.line}: quote «{g.quote}» not found in the report")
        near = [
            f for f in unmatched
            if f.mention and f.mention.span.start < where[1] and where[0] < f.mention.span.end
        ]
        hit = next(
            (f for f in near if all(gk(g) == fk(f) for _, gk, fk in _KEYS)
             and same_indicator(g.indicator, f.indicator)),
            None,
        )
        if hit is None:
            score.fn += 1
            close = next((f for f in near if f.value == g.value), None)
            why = ""
            if close is not None:
                diffs = [f"{name} {gk(g)}≠{fk(close)}" for name, gk, fk in _KEYS
                         if gk(g) != fk(close)]
                if not same_indicator(g.indicator, close.indicator):
                    diffs.append(f"indicator {g.indicator}≠{close.indicator}")
                why = " — nearest: " + ", ".join(diffs)
                score.attribute_errors.append(_describe_gold(g) + why)
            score.misses.append(_describe_gold(g) + why)
            continue
        unmatched.remove(hit)
        score.tp += 1
        if _IND_NOISE.sub("", normalise(hit.indicator)) == _IND_NOISE.sub("", normalise(g.indicator)):
            score.label_exact += 1
    score.fp = len(unmatched)
    score.extras = [_describe_fact(f) for f in unmatched]
    return score


def evaluate(
    gold_dir: Path,
    reports_dir: Path,
    extract: Callable[[Path], tuple[list[Fact], str]],
    only: Iterable[str] | None = None,
) -> list[ReportScore]:
    """Score every report that a gold file in *gold_dir* names.

    *extract* maps a report path to ``(facts, normalised text)``.
    """
    if not any(gold_dir.glob("*.yaml")):
        raise CommitkgError(f"{gold_dir}: no gold files (*.yaml)")
    results: list[ReportScore] = []
    for _gf_path, gold, reports in _gold_reports(gold_dir, reports_dir, only, PARTS):
        for name, path in reports:
            facts, norm = extract(path)
            parts = {}
            for part in PARTS:
                kind = part[:-1]
                parts[part] = score_part(
                    part,
                    [g for g in gold.facts if g.part == part],
                    [f for f in facts if f.kind == kind],
                    norm,
                )
            results.append(ReportScore(name, parts))
    return results


def _gold_reports(
    gold_dir: Path, reports_dir: Path, only: Iterable[str] | None, keys: Iterable[str]
) -> Iterator[tuple[Path, GoldFile, list[tuple[str, Path]]]]:
    """Each gold file with one of *keys*, with the reports it names (those in *only*, if
    given) as ``(name, path)``; a named report must exist."""
    wanted = set(only) if only else None
    keys = tuple(keys)
    for gf_path in sorted(gold_dir.glob("*.yaml")):
        gold = load_gold(gf_path)
        if not any(k in gold.raw for k in keys):
            continue
        reports = []
        for name in gold.reports:
            if wanted is not None and name not in wanted:
                continue
            path = reports_dir / name
            if not path.exists():
                raise CommitkgError(f"{gf_path}: report {name} not found in {reports_dir}")
            reports.append((name, path))
        yield gf_path, gold, reports


def micro(scores: list[ReportScore], part: str) -> PartScore:
    total = PartScore(part)
    for s in scores:
        p = s.parts.get(part)
        if p is not None:
            total.tp += p.tp
            total.fp += p.fp
            total.fn += p.fn
            total.label_exact += p.label_exact
    return total


def format_scores(scores: list[ReportScore], *, details: bool = True, title: str = "") -> str:
    """A plain-text table of P/R/F1 per report and part, then misses and extras."""
    parts = sorted({p for s in scores for p in s.parts}, key=lambda p: (p not in PARTS, p))
    out = []
    if title:
        out.append(title)
    out.append(f"{'report':44} {'part':22} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for s in scores:
        for part in parts:
            p = s.parts.get(part)
            if p is None:
                continue
            out.append(f"{s.report[:44]:44} {part:22} {p.tp + p.fn:5d} {p.tp + p.fp:5d} "
                       f"{p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}")
    for part in parts:
        t = micro(scores, part)
        out.append(f"{'ALL (micro)':44} {part:22} {t.tp + t.fn:5d} {t.tp + t.fp:5d} "
                   f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}")
    if details:
        for s in scores:
            for part in parts:
                p = s.parts.get(part)
                if p is None or not (p.misses or p.extras):
                    continue
                out.append(f"\n{s.report} — {part}: {len(p.misses)} missed, {len(p.extras)} extra")
                out.extend(f"  MISSED {m}" for m in p.misses)
                out.extend(f"  EXTRA  {e}" for e in p.extras)
    return "\n".join(out)


def evaluate_all(
    gold_dir: Path, reports_dir: Path, *, details: bool = True, only: Iterable[str] | None = None,
    curation_dir: Path | None = None,
) -> tuple[str, float]:
    """Run every scorer on the gold files: the printed report and the lowest F1.

    Targets and outcomes first (their lowest F1 is the one returned), then entities and
    relations as extracted and again after the analyst's curation rules in
    *curation_dir* (default: ``curation/`` beside *gold_dir*).
    """
    from graph.pipeline import extract_report

    cache: dict[Path, ReportFacts] = {}

    def extract_rf(path: Path) -> ReportFacts:
        if path not in cache:
            cache[path] = extract_report(path)
        return cache[path]

    def extract(path: Path) -> tuple[list[Fact], str]:
        rf = extract_rf(path)
        doc = rf.document
        return rf.facts, doc.norm  # type: ignore[attr-defined]

    scores = evaluate(gold_dir, reports_dir, extract, only=only)
    text = format_scores(scores, details=details, title="Targets and outcomes")
    worst = min((p.f1 for s in scores for p in s.parts.values()), default=1.0)
    entity_scores = evaluate_entities(gold_dir, reports_dir, extract_rf, only=only)
    if entity_scores:
        from graph.curation import apply_curation, load_curation

        rules = load_curation(curation_dir or gold_dir.parent / "curation")
        curated = evaluate_entities(
            gold_dir, reports_dir, lambda p: apply_curation(extract_rf(p), rules), only=only
        )
        text += "\n\n" + format_scores(entity_scores, details=details,
                                       title="Entities and relations (extraction alone)")
        text += "\n\n" + format_scores(
            curated, details=False,
            title=f"Entities and relations (after {len(rules)} curation rule(s))")
    return text, worst


# --- entities and relations ----------------------------------------------------------

_NAME_NOISE = re.compile(r"[“”\"《》「」‘’\s]")


def name_key(name: str) -> str:
    """A name as compared: simplified, half-width, without quotation marks or spaces.

    >>> name_key("“532”发展战略") == name_key("532发展战略")
    True
    """
    return _NAME_NOISE.sub("", normalise(str(name)))


@dataclass(frozen=True)
class GoldEntity:
    type: str
    names: frozenset[str]
    label: str


@dataclass(frozen=True)
class GoldRelation:
    rel: str
    source: str
    target: str
    quote: str


def load_entity_gold(
    raw: dict[str, Any], path: Path
) -> tuple[list[GoldEntity], list[GoldRelation]]:
    """The ``entities:`` and ``relations:`` of one gold file (empty when it has none)."""
    ents = []
    for item in raw.get("entities") or []:
        type_ = str(item.get("type"))
        if type_ not in ENTITY_TYPES:
            raise CommitkgError(f"{path}: entity type {type_!r} is not one of {list(ENTITY_TYPES)}")
        names = {name_key(item["name"])} | {name_key(a) for a in item.get("aliases") or []}
        ents.append(GoldEntity(type_, frozenset(names), str(item["name"])))
    rels = []
    for item in raw.get("relations") or []:
        rel = str(item.get("rel"))
        if rel not in RELATION_TYPES:
            raise CommitkgError(f"{path}: relation {rel!r} is not one of {list(RELATION_TYPES)}")
        quote = str(item.get("quote", ""))
        rels.append(GoldRelation(rel, str(item["from"]), str(item["to"]), quote))
    return ents, rels


def _match_greedily(
    score: PartScore, golds: list[Any], preds: list[Any], same: Callable[[Any, Any], bool],
    describe_gold: Callable[[Any], str], describe_pred: Callable[[Any], str],
) -> None:
    """Match each gold item to the first unused prediction that *same* accepts; fill *score*."""
    used: set[int] = set()
    for g in golds:
        hit = next((pi for pi, p in enumerate(preds) if pi not in used and same(g, p)), None)
        if hit is None:
            score.fn += 1
            score.misses.append(describe_gold(g))
        else:
            used.add(hit)
            score.tp += 1
    score.fp = len(preds) - len(used)
    score.extras = [describe_pred(p) for pi, p in enumerate(preds) if pi not in used]


def _gold_entity_names(gold_entities: list[GoldEntity], name: str) -> frozenset[str]:
    """Every name of the gold entity that *name* names (just *name* if none does)."""
    key = name_key(name)
    return next((g.names for g in gold_entities if key in g.names), frozenset({key}))


def _entity_names(e: Any) -> frozenset[str]:
    return frozenset({name_key(e.name)} | {name_key(a) for a in e.aliases})


def score_entities(gold: list[GoldEntity], entities: list[Any]) -> dict[str, PartScore]:
    """P/R/F1 per entity type: a prediction matches a gold entity of its type that shares a name.

    Each gold entity matches at most one prediction and the other way round; exact
    names are matched first, then aliases.
    """
    parts: dict[str, PartScore] = {}
    for type_ in ENTITY_TYPES:
        score = PartScore(f"entity {type_}")
        golds = [g for g in gold if g.type == type_]
        preds = [e for e in entities if e.type == type_]
        names = [_entity_names(e) for e in preds]
        used: set[int] = set()
        matched: set[int] = set()
        for exact in (True, False):
            for gi, g in enumerate(golds):
                if gi in matched:
                    continue
                for pi, e in enumerate(preds):
                    if pi in used:
                        continue
                    if exact:
                        hit = name_key(e.name) == name_key(g.label)
                    else:
                        hit = bool(names[pi] & g.names)
                    if hit:
                        used.add(pi)
                        matched.add(gi)
                        break
        score.tp = len(matched)
        score.fn = len(golds) - len(matched)
        score.fp = len(preds) - len(used)
        score.misses = [_describe_gold_entity(g) for gi, g in enumerate(golds) if gi not in matched]
        score.extras = [_describe_entity(e) for pi, e in enumerate(preds) if pi not in used]
        if golds or preds:
            parts[score.part] = score
    return parts


def _describe_gold_entity(g: GoldEntity) -> str:
    others = sorted(g.names - {name_key(g.label)})
    return g.label + (f" (aliases: {', '.join(others)})" if others else "")


def _describe_entity(e: Any) -> str:
    first = e.mentions[0] if e.mentions else None
    where = f"@{first.span.start} «{first.sentence[:60]}»" if first else ""
    aliases = sorted(set(e.aliases) - {e.name})
    return f"{e.name}" + (f" (aliases: {', '.join(aliases)})" if aliases else "") + f" {where}"


def score_relations(
    gold: list[GoldRelation], gold_entities: list[GoldEntity], relations: list[Any],
    entities: list[Any],
) -> dict[str, PartScore]:
    """P/R/F1 per relation: same predicate, and both ends share a name with the gold ends.

    A gold end is a name of a gold entity, so any of that entity's aliases will do;
    ``partner`` is symmetric.
    """
    def gold_names(name: str) -> frozenset[str]:
        return _gold_entity_names(gold_entities, name)

    by_ref: dict[tuple[str, str], frozenset[str]] = {(e.type, e.name): _entity_names(e)
                                                     for e in entities}

    def pred_names(ref: tuple[str, str]) -> frozenset[str]:
        return by_ref.get(ref, frozenset({name_key(ref[1])}))

    parts: dict[str, PartScore] = {}
    for rel in RELATION_TYPES:
        score = PartScore(f"rel {rel}")
        golds = [g for g in gold if g.rel == rel]
        preds = [r for r in relations if r.predicate == rel]

        def same(g: GoldRelation, r: Any, rel: str = rel) -> bool:
            gs, gt = gold_names(g.source), gold_names(g.target)
            ps, pt = pred_names(r.subject), pred_names(r.object)
            return bool((ps & gs and pt & gt) or (rel == "partner" and ps & gt and pt & gs))

        _match_greedily(
            score, golds, preds, same,
            lambda g: f"{g.source} → {g.target} «{g.quote}»",
            lambda r: f"{r.subject[1]} → {r.object[1]} ({r.method}) «{r.mention.quote}»",
        )
        if golds or preds:
            parts[score.part] = score
    return parts


def evaluate_entities(
    gold_dir: Path,
    reports_dir: Path,
    extract: Callable[[Path], ReportFacts],
    only: Iterable[str] | None = None,
) -> list[ReportScore]:
    """Score entities and relations of every report whose gold file has ``entities:``."""
    results: list[ReportScore] = []
    for gf_path, gold, reports in _gold_reports(gold_dir, reports_dir, only, ("entities",)):
        gents, grels = load_entity_gold(gold.raw, gf_path)
        for name, path in reports:
            rf = extract(path)
            parts = score_entities(gents, rf.entities)
            # the gazetteer's hierarchy (常州市 in 江苏省) is knowledge, not the text's
            # statement, so it is not scored against what the text says
            textual = [r for r in rf.relations if r.method != "gazetteer"]
            parts.update(score_relations(grels, gents, textual, rf.entities))
            if "links" in gold.raw:
                parts.update(score_links(gold.raw, gents, rf))
            results.append(ReportScore(name, parts))
    return results


def _gold_target_span(raw: dict[str, Any], norm: str, quote: str, nth: int) -> tuple[int, int] | None:
    """Where the *nth* gold target with this quote stands in the report."""
    same = [t for t in raw.get("targets") or [] if str(t.get("quote")) == quote]
    if not same:
        return _find(norm, quote, 1)
    item = same[min(nth, len(same)) - 1]
    return _find(norm, quote, int(item.get("occurrence", 1)))


def score_links(raw: dict[str, Any], gold_entities: list[GoldEntity], rf: ReportFacts,
                min_confidence: float | None = None) -> dict[str, PartScore]:
    """P/R/F1 of project → target links at or above the default confidence.

    A predicted link matches a gold link when its source shares a name with the
    gold source and its target's evidence overlaps the gold target's quote.
    """
    from graph.links import DEFAULT_CONFIDENCE

    floor = DEFAULT_CONFIDENCE if min_confidence is None else min_confidence
    norm = rf.document.norm  # type: ignore[attr-defined]

    def gold_names(name: str) -> frozenset[str]:
        return _gold_entity_names(gold_entities, name)

    by_ref = {(e.type, e.name): _entity_names(e) for e in rf.entities}
    # a link is scored once per source and target statement: 确保生产安全事故起数和死亡人数
    # “双下降” is one statement of two indicators, and a gold link to it stands for both
    strongest: dict[tuple[tuple[str, str], Span], Any] = {}
    for s in rf.supports:
        if s.confidence >= floor and s.target.mention is not None:
            key = (s.source, s.target.mention.span)
            if key not in strongest or s.confidence > strongest[key].confidence:
                strongest[key] = s
    preds = list(strongest.values())
    golds, seen_gold = [], set()
    for item in raw.get("links") or []:
        gkey = (str(item["from"]), _gold_target_span(raw, norm, str(item["target"]),
                                                   int(item.get("target_occurrence", 1))))
        if gkey not in seen_gold:
            seen_gold.add(gkey)
            golds.append(item)
    score = PartScore(f"links (conf≥{floor:g})")

    def same(item: dict[str, Any], sup: Any) -> bool:
        where = _gold_target_span(raw, norm, str(item["target"]), int(item.get("target_occurrence", 1)))
        span = sup.target.mention.span
        names = gold_names(str(item["from"]))
        return where is not None and bool(
            by_ref.get(sup.source, frozenset({name_key(sup.source[1])})) & names
        ) and span.start < where[1] and where[0] < span.end

    _match_greedily(
        score, golds, preds, same,
        lambda item: f"{item['from']} → «{item['target']}» ({item.get('why', '')})",
        lambda s: f"{s.source[1]} → {s.target.indicator} {s.method} {s.confidence:g}",
    )
    return {score.part: score}
