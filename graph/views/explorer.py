"""The interactive HTML explorer: one self-contained ``graph.html`` per graph.

The page works offline. vis-network's JavaScript and CSS are inlined from the
copy shipped inside the ``pyvis`` package, the page template ships inside this
package, and the graph travels as one JSON document. Nothing is fetched from a
network, and a Content-Security-Policy with script hashes makes sure of it.

Report text is untrusted, so labels, sentences and quotes only ever reach the
page as JSON data (``<``, ``>`` and ``&`` escaped) and are put into the DOM with
``textContent``. Positions are computed here, deterministically, so that even a
graph of 5,000 nodes draws at once with physics off, and the same graph always
gives the same bytes.

Example
-------
>>> import pathlib, tempfile
>>> import rdflib
>>> from rdflib.namespace import RDF, RDFS
>>> from graph.vocab import CK
>>> gdp = rdflib.URIRef("https://w3id.org/commitkg/id/indicator/gdp")
>>> g = rdflib.Graph()
>>> g += [(gdp, RDF.type, CK.Indicator),
...       (gdp, RDFS.label, rdflib.Literal("地区生产总值", lang="zh"))]
>>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
>>> write_explorer(g, out, title="新北区 2024 年计划")
>>> "地区生产总值" in out.read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import base64
import cmath
import hashlib
import importlib.resources
import json
import math
import os
import pathlib
import tempfile
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import networkx as nx
import rdflib
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Literal, Node, URIRef

from graph.links import METHODS
from graph.vocab import CK

__all__ = ["NODE_KINDS", "RELATIONS", "render_explorer", "write_explorer"]

VIS_VERSION = "9.1.2"
TEMPLATE = "explorer.html.j2"


# --------------------------------------------------------------------------
# What is drawn, and how: one table for node kinds, one for relations.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class NodeKind:
    """A drawn node type: its class, labels, and how it looks in the legend."""

    key: str
    zh: str
    en: str
    shape: str
    color: str
    glyph: str
    size: int


@dataclass(frozen=True)
class RelationKind:
    """A drawn edge type; ``derived`` relations are computed here, not read."""

    key: str
    zh: str
    en: str
    color: str
    dashes: bool = False
    shown: bool = True
    symmetric: bool = False
    derived: bool = False
    layout_weight: float = 1.0


NODE_KINDS: tuple[NodeKind, ...] = (
    NodeKind("Report", "报告", "Report", "box", "#495057", "▤", 14),
    NodeKind("Indicator", "指标", "Indicator", "box", "#1c7ed6", "▭", 14),
    NodeKind("Target", "目标", "Target", "diamond", "#f76707", "◆", 14),
    NodeKind("Outcome", "实绩", "Outcome", "dot", "#2f9e44", "●", 11),
    NodeKind("Project", "项目", "Project", "triangle", "#7048e8", "▲", 13),
    NodeKind("Policy", "政策", "Policy", "hexagon", "#0ca678", "⬢", 14),
    NodeKind("Enterprise", "企业", "Enterprise", "square", "#d6336c", "■", 11),
    NodeKind("Agency", "部门", "Agency", "triangleDown", "#1098ad", "▼", 13),
    NodeKind("Place", "地点", "Place", "star", "#f59f00", "★", 16),
)

RELATIONS: tuple[RelationKind, ...] = (
    RelationKind("measuredBy", "衡量指标", "measured by", "#a5d8ff"),
    RelationKind("supports", "支撑", "supports", "#ffa94d"),
    RelationKind("contributesTo", "贡献于", "contributes to", "#74c0fc"),
    RelationKind("implementedBy", "实施主体", "implemented by", "#b197fc"),
    RelationKind("responsibleAgency", "牵头部门", "responsible agency", "#66d9e8"),
    RelationKind("partner", "合作", "partner", "#faa2c1", dashes=True, symmetric=True),
    RelationKind("locatedIn", "位于", "located in", "#ffd43b", layout_weight=0.6),
    RelationKind("jurisdiction", "辖区", "jurisdiction", "#ced4da", layout_weight=0.6),
    RelationKind(
        "statedIn", "出自报告", "stated in", "#dee2e6", dashes=True, shown=False, layout_weight=0
    ),
    RelationKind(
        "precedes", "上期实绩", "preceding outcome", "#8ce99a", dashes=True, derived=True,
        layout_weight=0,
    ),
)

COMPARATORS: dict[str, tuple[str, str, str]] = {
    "AtLeast": ("≥", "不低于", "at least"),
    "MoreThan": (">", "超过", "more than"),
    "AtMost": ("≤", "不高于", "at most"),
    "LessThan": ("<", "低于", "less than"),
    "About": ("≈", "左右", "about"),
    "Exactly": ("", "等于", "exactly"),
}
STRENGTHS: dict[str, tuple[str, str]] = {
    "Firm": ("确保", "firm"),
    "Aspirational": ("力争", "aspirational"),
    "Expected": ("预计", "expected"),
    "Plain": ("一般", "plain"),
}
QUANTITY_KINDS: dict[str, tuple[str, str]] = {
    "ChangeRate": ("增减率", "change rate"),
    "Level": ("水平值", "level"),
}

UI_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "search": "搜索名称或别名…",
        "types": "类型",
        "relations": "关系",
        "year": "年份",
        "section": "章节",
        "confidence": "关联置信度 ≥",
        "methods": "关联依据",
        "method_SameSentence": "同句",
        "method_Cue": "提示词",
        "method_SameTaskItem": "同一任务项",
        "method_ThemeMatch": "指标主题",
        "all_years": "全部年份",
        "all_sections": "全部章节",
        "reset": "重置筛选",
        "physics": "物理引擎",
        "fit": "全图",
        "targets_view": "目标一览",
        "graph_view": "返回图谱",
        "nodes": "节点",
        "edges": "关系",
        "shown": "显示",
        "close": "关闭",
        "facts": "属性",
        "links": "关联",
        "evidence": "原文证据",
        "aliases": "别名",
        "quote": "摘录",
        "offsets": "字符位置",
        "no_results": "无匹配结果",
        "hidden": "已隐藏",
        "indicator": "指标",
        "target": "目标",
        "strength": "力度",
        "previous": "上年实绩",
        "source": "原文",
        "no_indicator": "（未关联指标）",
        "no_targets": "图中没有目标。",
        "no_targets_shown": "筛选条件下没有目标。",
        "confidence_short": "置信度",
        "method": "方法",
        "loading": "正在绘制…",
        "drawing_hint": "点击节点查看详情，滚轮缩放，拖动平移。",
        "estimated": "预计",
        "iri": "IRI",
    },
    "en": {
        "search": "Search name or alias…",
        "types": "Types",
        "relations": "Relations",
        "year": "Year",
        "section": "Section",
        "confidence": "Link confidence ≥",
        "methods": "Link reasons",
        "method_SameSentence": "same sentence",
        "method_Cue": "cue words",
        "method_SameTaskItem": "same task item",
        "method_ThemeMatch": "theme match",
        "all_years": "All years",
        "all_sections": "All sections",
        "reset": "Reset filters",
        "physics": "Physics",
        "fit": "Fit",
        "targets_view": "Targets",
        "graph_view": "Back to graph",
        "nodes": "nodes",
        "edges": "links",
        "shown": "Showing",
        "close": "Close",
        "facts": "Facts",
        "links": "Links",
        "evidence": "Evidence",
        "aliases": "Aliases",
        "quote": "Quote",
        "offsets": "Offsets",
        "no_results": "No match",
        "hidden": "hidden",
        "indicator": "Indicator",
        "target": "Target",
        "strength": "Strength",
        "previous": "Previous year",
        "source": "Source",
        "no_indicator": "(no indicator)",
        "no_targets": "The graph has no targets.",
        "no_targets_shown": "No target passes the filters.",
        "confidence_short": "confidence",
        "method": "method",
        "loading": "Drawing…",
        "drawing_hint": "Click a node for details; scroll to zoom, drag to pan.",
        "estimated": "estimated",
        "iri": "IRI",
    },
}

FACT_NAMES: dict[str, tuple[str, str]] = {
    "type": ("类型", "type"),
    "indicator": ("指标", "indicator"),
    "year": ("年份", "year"),
    "value": ("数值", "value"),
    "upperValue": ("上限", "upper value"),
    "unit": ("单位", "unit"),
    "comparator": ("比较", "comparator"),
    "quantityKind": ("数量类型", "quantity kind"),
    "strength": ("力度", "strength"),
    "estimated": ("预计值", "estimated"),
    "section": ("章节", "section"),
    "report": ("报告", "report"),
    "title": ("标题", "title"),
    "issued": ("发布日期", "issued"),
    "jurisdiction": ("辖区", "jurisdiction"),
    "label_en": ("英文名", "English name"),
}

# Properties turned into named facts above; any other literal is listed as is.
_HANDLED = {
    RDF.type, RDFS.label, SKOS.altLabel, SKOS.prefLabel, DCTERMS.title, DCTERMS.issued,
    CK.year, CK.value, CK.upperValue, CK.unit, CK.comparator, CK.quantityKind, CK.strength,
    CK.estimated, CK.evidence, CK.statedIn, CK.inSection, CK.measuredBy, CK.qualifiedSupport,
    CK.jurisdiction,
}

_LINE = 9  # characters per line of a label on the canvas (two lines at most)
_SENTENCE_LIMIT = 160  # characters of the source sentence in a tooltip
_PIXELS_PER_UNIT = 150.0  # one layout unit on screen
_NEIGHBOUR_SPACING = 0.75  # typical distance to the nearest node, in layout units
_SATELLITE_OFFSET = 0.5  # an outcome sits this far above the target it precedes


# --------------------------------------------------------------------------
# Reading the graph
# --------------------------------------------------------------------------


@dataclass
class _Evidence:
    quote: str
    sentence: str
    start: int | None
    end: int | None
    report: str
    sections: list[URIRef]


@dataclass
class _Entry:
    """One drawn node, with everything the panel and tooltip show about it."""

    iri: URIRef
    kind: NodeKind
    name: str = ""
    subject: str = ""  # what a target or outcome is about: its indicator's name
    aliases: list[str] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    year: int | None = None
    indicator: URIRef | None = None
    quantity: str = ""
    estimated: bool = False
    strength: str = ""
    sections: list[URIRef] = field(default_factory=list)
    evidence: list[_Evidence] = field(default_factory=list)


@dataclass
class _Link:
    relation: RelationKind
    source: int
    target: int
    confidence: float | None = None
    methods: list[str] = field(default_factory=list)
    evidence: list[_Evidence] = field(default_factory=list)


def _local_name(iri: Node) -> str:
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text.rstrip(sep):
            text = text.rstrip(sep).rsplit(sep, 1)[1]
    return text


def _lang_rank(literal: Literal, lang: str) -> int:
    tag = (literal.language or "").lower()
    if tag == lang or tag.startswith(lang + "-"):
        return 0
    if not tag:
        return 1
    if tag == "zh" or tag.startswith("zh-"):
        return 2
    return 3


def _literals(g: rdflib.Graph, subject: Node, predicate: URIRef) -> list[Literal]:
    return sorted(
        (o for o in g.objects(subject, predicate) if isinstance(o, Literal)),
        key=lambda o: (str(o), o.language or "", str(o.datatype or "")),
    )


def _best_literal(g: rdflib.Graph, subject: Node, predicates: Iterable[URIRef], lang: str) -> str:
    candidates = [lit for p in predicates for lit in _literals(g, subject, p)]
    if not candidates:
        return ""
    return str(min(candidates, key=lambda lit: (_lang_rank(lit, lang), str(lit))))


def _first(g: rdflib.Graph, subject: Node, predicate: URIRef) -> Node | None:
    values = sorted(g.objects(subject, predicate), key=str)
    return values[0] if values else None


def _number(value: Node | None) -> str:
    """The lexical form of a number, without trailing zeros: 6.0 → 6, −3.50 → −3.5."""
    if value is None:
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    text = format(number.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace("-", "−")


def _int(value: Node | None) -> int | None:
    if value is None:
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Reader:
    """Turns the RDF graph into entries and links, in a stable order."""

    def __init__(self, g: rdflib.Graph, lang: str) -> None:
        self.g = g
        self.lang = lang.lower()
        self.zh = self.lang.startswith("zh")

    def ui(self, key: str) -> str:
        return UI_TEXT["zh" if self.zh else "en"][key]

    def word(self, table: dict[str, tuple[str, str]], key: str) -> str:
        pair = table.get(key)
        return (pair[0] if self.zh else pair[1]) if pair else key

    def label(self, node: Node) -> str:
        return (
            _best_literal(self.g, node, (RDFS.label, SKOS.prefLabel, DCTERMS.title), self.lang)
            or _local_name(node)
        )

    def mention(self, mention: Node) -> _Evidence:
        g = self.g
        report = _first(g, mention, CK.inReport)
        return _Evidence(
            quote=_best_literal(g, mention, (CK.quote,), self.lang),
            sentence=_best_literal(g, mention, (CK.sentence,), self.lang),
            start=_int(_first(g, mention, CK.start)),
            end=_int(_first(g, mention, CK.end)),
            report=self.label(report) if report is not None else "",
            sections=sorted(
                (s for s in g.objects(mention, CK.inSection) if isinstance(s, URIRef)), key=str
            ),
        )

    def evidence(self, subject: Node) -> list[_Evidence]:
        found = [self.mention(m) for m in sorted(self.g.objects(subject, CK.evidence), key=str)]
        return sorted(found, key=lambda e: (e.start if e.start is not None else -1, e.quote))

    def entries(self) -> list[_Entry]:
        seen: set[URIRef] = set()
        entries: list[_Entry] = []
        for kind in NODE_KINDS:
            members = {
                s for s in self.g.subjects(RDF.type, CK[kind.key])
                if isinstance(s, URIRef) and s not in seen
            }
            for iri in sorted(members, key=str):
                seen.add(iri)
                entries.append(self.entry(iri, kind))
        return entries

    def entry(self, iri: URIRef, kind: NodeKind) -> _Entry:
        g = self.g
        entry = _Entry(iri=iri, kind=kind)
        labels = _literals(g, iri, RDFS.label) + _literals(g, iri, DCTERMS.title)
        plain = _best_literal(g, iri, (RDFS.label, SKOS.prefLabel, DCTERMS.title), self.lang)
        facts = entry.facts
        facts.append(("type", kind.zh if self.zh else kind.en))

        if kind.key in ("Target", "Outcome"):
            self._read_commitment(entry, plain)
        else:
            entry.name = plain or _local_name(iri)
            entry.year = _int(_first(g, iri, CK.year))
            if entry.year is not None:
                facts.append(("year", str(entry.year)))

        if kind.key == "Report":
            issued = _first(g, iri, DCTERMS.issued)
            if issued is not None:
                facts.append(("issued", str(issued)))
            place = _first(g, iri, CK.jurisdiction)
            if place is not None:
                facts.append(("jurisdiction", self.label(place)))

        english = [lit for lit in labels if _lang_rank(lit, "en") == 0]
        if english and self.zh:
            facts.append(("label_en", str(english[0])))
        aliases = {str(lit) for lit in labels} | {str(a) for a in _literals(g, iri, SKOS.altLabel)}
        aliases.discard(entry.name)
        entry.aliases = sorted(aliases)

        entry.evidence = self.evidence(iri)
        sections = set(s for s in g.objects(iri, CK.inSection) if isinstance(s, URIRef))
        for ev in entry.evidence:
            sections.update(ev.sections)
        entry.sections = sorted(sections, key=str)
        for section in entry.sections:
            facts.append(("section", self.label(section)))
        for report in sorted(g.objects(iri, CK.statedIn), key=str):
            facts.append(("report", self.label(report)))

        others = sorted(g.predicate_objects(iri), key=lambda po: (str(po[0]), str(po[1])))
        for predicate, value in others:
            if predicate in _HANDLED or not isinstance(value, Literal):
                continue
            facts.append((_local_name(predicate), str(value)))
        return entry

    def _read_commitment(self, entry: _Entry, plain: str) -> None:
        g, iri, facts = self.g, entry.iri, entry.facts
        indicator = _first(g, iri, CK.measuredBy)
        entry.indicator = indicator if isinstance(indicator, URIRef) else None
        indicator_name = self.label(indicator) if indicator is not None else ""
        entry.year = _int(_first(g, iri, CK.year))
        value, upper = _first(g, iri, CK.value), _first(g, iri, CK.upperValue)
        unit = _best_literal(g, iri, (CK.unit,), self.lang)
        comparator = _local_name(c) if (c := _first(g, iri, CK.comparator)) is not None else ""
        kind = _local_name(q) if (q := _first(g, iri, CK.quantityKind)) is not None else ""
        strength = _local_name(s) if (s := _first(g, iri, CK.strength)) is not None else ""
        estimated = _first(g, iri, CK.estimated)
        entry.estimated = estimated is not None and str(estimated).lower() in ("true", "1")
        entry.strength = self.word(STRENGTHS, strength) if strength else ""

        if value is not None:
            number = _number(value)
            if kind == "ChangeRate" and not number.startswith("−") and number != "0":
                number = "+" + number
            if upper is not None:
                number += "~" + _number(upper)
            symbol = COMPARATORS.get(comparator, ("", "", ""))[0]
            entry.quantity = f"{symbol}{number}{unit}"
        else:
            entry.quantity = "（定性）" if self.zh else "(qualitative)"
        entry.subject = indicator_name or plain
        entry.name = f"{entry.subject} {entry.quantity}".strip()

        if indicator_name:
            facts.append(("indicator", indicator_name))
        if entry.year is not None:
            facts.append(("year", str(entry.year)))
        if value is not None:
            facts.append(("value", _number(value)))
        if upper is not None:
            facts.append(("upperValue", _number(upper)))
        if unit:
            facts.append(("unit", unit))
        if comparator:
            pair = COMPARATORS.get(comparator)
            words = (pair[1] if self.zh else pair[2]) if pair else comparator
            facts.append(("comparator", f"{pair[0]} {words}".strip() if pair else words))
        if kind:
            facts.append(("quantityKind", self.word(QUANTITY_KINDS, kind)))
        if strength:
            facts.append(("strength", entry.strength))
        if estimated is not None:
            facts.append(("estimated", "是" if entry.estimated and self.zh else
                          "否" if self.zh else str(entry.estimated).lower()))

    def links(self, index: dict[URIRef, int]) -> list[_Link]:
        g = self.g
        links: dict[tuple[str, int, int], _Link] = {}
        for relation in RELATIONS:
            if relation.derived:
                continue
            for s, o in g.subject_objects(CK[relation.key]):
                if s not in index or o not in index or s == o:
                    continue
                a, b = index[s], index[o]  # type: ignore[index]
                if relation.symmetric and a > b:
                    a, b = b, a
                links.setdefault((relation.key, a, b), _Link(relation, a, b))
        # The qualified form says why a ck:supports link exists and how sure it is.
        supports = next(r for r in RELATIONS if r.key == "supports")
        for s, qualified in g.subject_objects(CK.qualifiedSupport):
            target = _first(g, qualified, CK.target)
            if s not in index or target not in index:
                continue
            a, b = index[s], index[target]  # type: ignore[index]
            link = links.setdefault(("supports", a, b), _Link(supports, a, b))
            confidence = _first(g, qualified, CK.confidence)
            if confidence is not None:
                try:
                    value = round(float(str(confidence)), 3)
                except ValueError:
                    value = None
                if value is not None and (link.confidence is None or value > link.confidence):
                    link.confidence = value
            for method in sorted(g.objects(qualified, CK.method), key=str):
                name = str(method) if isinstance(method, Literal) else _local_name(method)
                if name not in link.methods:
                    link.methods.append(name)
            link.evidence.extend(self.evidence(qualified))
        order = {r.key: i for i, r in enumerate(RELATIONS)}
        return sorted(links.values(), key=lambda ln: (order[ln.relation.key], ln.source, ln.target))


def _preceding_outcomes(entries: list[_Entry]) -> tuple[dict[int, int], dict[int, int]]:
    """Pair outcomes with the target they precede, and targets with last year's outcome.

    The first map sends an outcome to the earliest later target of its indicator
    (2023 地区生产总值 增长8.5% → 2024 target 增长6%); the second sends a target to
    the outcome of the same indicator one year before it.
    """
    by_indicator: dict[URIRef, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, entry in enumerate(entries):
        if entry.indicator is None or entry.year is None:
            continue
        if entry.kind.key == "Target":
            by_indicator[entry.indicator][0].append(i)
        elif entry.kind.key == "Outcome":
            by_indicator[entry.indicator][1].append(i)
    precedes: dict[int, int] = {}
    previous: dict[int, int] = {}
    for indicator in sorted(by_indicator, key=str):
        targets, outcomes = by_indicator[indicator]
        targets.sort(key=lambda i: (entries[i].year, i))
        outcomes.sort(key=lambda i: (entries[i].year, i))
        for o in outcomes:
            later = [t for t in targets if (entries[t].year or 0) > (entries[o].year or 0)]
            if later:
                precedes[o] = later[0]
        for t in targets:
            same = [o for o in outcomes if entries[o].year == (entries[t].year or 0) - 1]
            if same:
                previous[t] = same[0]
    return precedes, previous


# --------------------------------------------------------------------------
# Layout: pure Python, seeded, fast enough for 5,000 nodes
# --------------------------------------------------------------------------


def _radial_start(nodes: list[int], adjacency: dict[int, dict[int, float]]) -> dict[int, complex]:
    """Place a connected graph as a radial BFS tree from its best-connected node.

    A tree start keeps neighbours close, so the force refinement only has to
    untangle the few edges that are not in the tree.
    """
    root = min(nodes, key=lambda n: (-len(adjacency[n]), n))
    children: dict[int, list[int]] = defaultdict(list)
    depth = {root: 0}
    order = [root]
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for nxt in sorted(adjacency[node]):
            if nxt not in depth:
                depth[nxt] = depth[node] + 1
                children[node].append(nxt)
                order.append(nxt)
                queue.append(nxt)
    leaves: dict[int, int] = {}
    for node in reversed(order):
        leaves[node] = sum(leaves[c] for c in children[node]) or 1
    per_depth: dict[int, int] = defaultdict(int)
    for node in order:
        per_depth[depth[node]] += 1
    radius = {0: 0.0}
    for d in range(1, max(per_depth) + 1):
        # each ring at least one unit further out, and wide enough for its nodes
        radius[d] = max(radius[d - 1] + 1.0, per_depth[d] / (2 * math.pi))
    position = {root: 0j}
    wedge = {root: (0.0, 2 * math.pi)}
    for node in order:
        lo, hi = wedge[node]
        cursor = lo
        for child in children[node]:
            share = (hi - lo) * leaves[child] / leaves[node]
            wedge[child] = (cursor, cursor + share)
            position[child] = cmath.rect(radius[depth[child]], cursor + share / 2)
            cursor += share
    return position


@dataclass
class _Level:
    """One level of the multilevel layout: merged nodes carry the mass of their members."""

    mass: dict[int, float]
    edges: dict[tuple[int, int], float]

    def adjacency(self) -> dict[int, dict[int, float]]:
        adjacency: dict[int, dict[int, float]] = {n: {} for n in self.mass}
        for (a, b), w in self.edges.items():
            adjacency[a][b] = w
            adjacency[b][a] = w
        return adjacency


def _coarsen(level: _Level) -> tuple[_Level, dict[int, int]]:
    """Merge every leaf into its neighbour, then pair the rest along heavy edges.

    Leaves first, because commitkg graphs are full of stars (an indicator and
    its targets, a district and its projects) that pairing alone shrinks by one
    leaf a level.
    """
    adjacency = level.adjacency()
    order = sorted(level.mass, key=lambda n: (len(adjacency[n]), n))
    group: dict[int, int] = {}
    for v in order:
        if len(adjacency[v]) == 1 and v not in group:
            (u,) = adjacency[v]
            group[v] = group.setdefault(u, u)
    for v in order:
        if v in group:
            continue
        group[v] = v
        best: tuple[float, int] | None = None
        for u, w in sorted(adjacency[v].items()):
            if u not in group:
                score = w / (level.mass[u] + level.mass[v])
                if best is None or score > best[0]:
                    best = (score, u)
        if best is not None:
            group[best[1]] = v
    mass: dict[int, float] = defaultdict(float)
    for node, rep in group.items():
        mass[rep] += level.mass[node]
    edges: dict[tuple[int, int], float] = defaultdict(float)
    for (a, b), w in level.edges.items():
        ra, rb = group[a], group[b]
        if ra != rb:
            edges[(min(ra, rb), max(ra, rb))] += w
    return _Level(dict(mass), dict(edges)), group


def _forces(
    pos: dict[int, complex], level: _Level, iterations: int, temperature: float
) -> dict[int, complex]:
    """Fruchterman–Reingold with masses: repulsion m·m/d, attraction w·d².

    Points are complex numbers, which keeps the inner loops short enough for
    pure Python. Up to 200 nodes every pair repels; above, a grid cuts
    repulsion off beyond a few typical spacings (the coarser levels already
    placed the distant parts).
    """
    ids = sorted(pos)
    slot = {node: i for i, node in enumerate(ids)}
    xy = [pos[node] for node in ids]
    mass = [level.mass[node] for node in ids]
    pairs = [(slot[a], slot[b], w) for (a, b), w in level.edges.items()]
    n = len(xy)
    spacing = math.sqrt(sum(mass) / n)
    for step in range(iterations):
        disp = [0j] * n
        if n <= 200:
            for i in range(n):
                pi, mi = xy[i], mass[i]
                for j in range(i + 1, n):
                    delta = pi - xy[j]
                    d2 = delta.real * delta.real + delta.imag * delta.imag
                    if d2 < 1e-6:
                        delta, d2 = complex(0.001 * (i - j), 0.001 * ((i * j) % 7 - 3)), 1e-6
                    push = delta * (mi * mass[j] / d2)
                    disp[i] += push
                    disp[j] -= push
        else:
            # cells two typical spacings wide, measured, so each holds a handful of points
            xs = [p.real for p in xy]
            ys = [p.imag for p in xy]
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            cell = max(2.0 * math.sqrt(area / n), 1e-3)
            grid: dict[tuple[int, int], list[int]] = defaultdict(list)
            for i, p in enumerate(xy):
                grid[(math.floor(p.real / cell), math.floor(p.imag / cell))].append(i)
            limit = cell * cell
            for (cx, cy), members in grid.items():
                around = [grid.get(k) for k in ((cx + 1, cy - 1), (cx + 1, cy), (cx + 1, cy + 1),
                                                (cx, cy + 1))]
                for a, i in enumerate(members):
                    pi, mi = xy[i], mass[i]
                    for others in [members[a + 1:]] + [o for o in around if o]:
                        for j in others:
                            delta = pi - xy[j]
                            d2 = delta.real * delta.real + delta.imag * delta.imag
                            if d2 >= limit:
                                continue
                            if d2 < 1e-6:
                                delta = complex(0.001 * (i - j), 0.001 * ((i * j) % 7 - 3))
                                d2 = 1e-6
                            push = delta * (mi * mass[j] / d2)
                            disp[i] += push
                            disp[j] -= push
        for a, b, w in pairs:
            delta = xy[a] - xy[b]
            pull = delta * (abs(delta) * w)
            disp[a] -= pull
            disp[b] += pull
        cap = temperature * (1.0 - step / iterations) + 0.01 * spacing
        for i in range(n):
            d = disp[i] / mass[i]
            length = abs(d)
            if length > cap:
                d *= cap / length
            xy[i] += d
    return {node: xy[slot[node]] for node in ids}


def _multilevel(level: _Level) -> dict[int, complex]:
    """Lay out one connected component: coarsen, place the coarsest exactly, refine back."""
    levels, groups = [level], []
    while len(levels[-1].mass) > 40:
        coarser, group = _coarsen(levels[-1])
        if len(coarser.mass) > 0.85 * len(levels[-1].mass):
            break
        levels.append(coarser)
        groups.append(group)
    top = levels[-1]
    total = sum(top.mass.values())
    start = _radial_start(sorted(top.mass), top.adjacency())
    grow = math.sqrt(total / len(top.mass))
    pos = _forces({n: p * grow for n, p in start.items()}, top, 150, max(1.0, math.sqrt(total) / 3))
    for depth in range(len(groups) - 1, -1, -1):
        finer, group = levels[depth], groups[depth]
        members: dict[int, list[int]] = defaultdict(list)
        for node in sorted(group):
            members[group[node]].append(node)
        placed: dict[int, complex] = {}
        for rep, nodes in members.items():
            spread = 0.5 * math.sqrt(levels[depth + 1].mass[rep])
            others = [n for n in nodes if n != rep]
            placed[rep] = pos[rep]
            for k, node in enumerate(others):
                # golden-angle spiral: members fan out evenly round their merged parent
                placed[node] = pos[rep] + cmath.rect(spread * math.sqrt((k + 1) / len(others)),
                                                     2.399963 * k)
        spacing = math.sqrt(sum(finer.mass.values()) / len(finer.mass))
        # the coarser levels fixed the big picture: fine levels only tidy up locally
        size = len(finer.mass)
        iterations = 40 if size <= 200 else 30 if size <= 1000 else 20
        pos = _forces(placed, finer, iterations, 1.5 * spacing)
    return pos


def _nearest_distances(points: list[complex]) -> list[float]:
    """Distance from each point to its nearest neighbour (points with none close by are skipped)."""
    n = len(points)
    if n <= 300:
        found = []
        for i, p in enumerate(points):
            best = min((abs(p - q) for j, q in enumerate(points) if j != i), default=0.0)
            if best > 0:
                found.append(best)
        return found
    xs = [p.real for p in points]
    ys = [p.imag for p in points]
    cell = max(math.sqrt((max(xs) - min(xs)) * (max(ys) - min(ys)) / n), 1e-6)
    grid: dict[tuple[int, int], list[complex]] = defaultdict(list)
    for p in points:
        grid[(math.floor(p.real / cell), math.floor(p.imag / cell))].append(p)
    found = []
    for p in points:
        cx, cy = math.floor(p.real / cell), math.floor(p.imag / cell)
        best = math.inf
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for q in grid.get((cx + dx, cy + dy), ()):
                    d = abs(p - q)
                    if 0 < d < best:
                        best = d
        if best < math.inf:
            found.append(best)
    return found


def _unit_spacing(
    part: dict[int, complex], edges: dict[tuple[int, int], float]
) -> dict[int, complex]:
    """Scale a component so that its median edge is at least one unit long and a
    node's nearest neighbour is typically at least 0.75 units away.

    Edge length alone would crush a dense component (its edges cross the whole
    cluster) and spacing alone would crowd a sparse one.
    """
    distances = sorted(_nearest_distances(list(part.values())))
    lengths = sorted(abs(part[a] - part[b]) for a, b in edges)
    scales = []
    if distances:
        scales.append(_NEIGHBOUR_SPACING / distances[len(distances) // 2])
    if lengths and lengths[len(lengths) // 2] > 1e-9:
        scales.append(1.0 / lengths[len(lengths) // 2])
    if not scales:
        return part
    scale = max(scales)
    return {node: p * scale for node, p in part.items()}


def _level(part: dict[int, complex]) -> dict[int, complex]:
    """Turn a component so that its long axis lies along the (landscape) screen."""
    count = len(part)
    centre = sum(part.values(), 0j) / count
    xx = sum((p - centre).real ** 2 for p in part.values())
    yy = sum((p - centre).imag ** 2 for p in part.values())
    xy = sum((p - centre).real * (p - centre).imag for p in part.values())
    turn = cmath.rect(1.0, -0.5 * math.atan2(2 * xy, xx - yy))
    return {node: (p - centre) * turn for node, p in part.items()}


def _pack(parts: list[dict[int, complex]]) -> dict[int, complex]:
    """Shelf-pack laid-out components, biggest first, into a roughly square block."""
    boxes = []
    for part in parts:
        xs = [p.real for p in part.values()]
        ys = [p.imag for p in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 1.2, max(ys) - min(ys) + 1.2))
    area = sum(w * h for _, _, w, h in boxes)
    width = max([math.sqrt(area) * 1.5] + [w for _, _, w, _ in boxes])
    placed: dict[int, complex] = {}
    x = y = shelf = 0.0
    for part, (x0, y0, w, h) in zip(parts, boxes, strict=True):
        if x > 0 and x + w > width:
            x, y, shelf = 0.0, y + shelf, 0.0
        offset = complex(x - x0 + 0.6, y - y0 + 0.6)
        for node, p in part.items():
            placed[node] = p + offset
        x += w
        shelf = max(shelf, h)
    if placed:
        xs = [p.real for p in placed.values()]
        ys = [p.imag for p in placed.values()]
        centre = complex((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        placed = {node: p - centre for node, p in placed.items()}
    return placed


def _layout(
    count: int, links: list[_Link], satellites: dict[int, list[int]]
) -> list[tuple[int, int]]:
    """Pixel positions for every node: each component laid out alone, then packed.

    *satellites* maps a target to the outcomes that precede it, nearest year
    first. They take no part in the forces: their target gets the room (mass)
    for them, and they are put right above it afterwards, so 2023's
    地区生产总值 +8.5% always sits on top of 2024's 地区生产总值 ≥+6%.
    """
    riders = {o: t for t, outcomes in satellites.items() for o in outcomes}
    degree: dict[int, int] = defaultdict(int)
    for link in links:
        if link.relation.layout_weight > 0:
            degree[link.source] += 1
            degree[link.target] += 1
    weights: dict[tuple[int, int], float] = {}
    for link in links:
        w = link.relation.layout_weight
        if w <= 0 or link.source == link.target or link.source in riders or link.target in riders:
            continue
        # Hubs (a district every project is located in) pull less, or they knot everything.
        hub = max(degree[link.source], degree[link.target])
        if hub > 8:
            w *= math.sqrt(8 / hub)
        key = (min(link.source, link.target), max(link.source, link.target))
        weights[key] = max(weights.get(key, 0.0), w)
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(n for n in range(count) if n not in riders)
    layout_graph.add_edges_from(weights)
    components = sorted(
        (sorted(c) for c in nx.connected_components(layout_graph)), key=lambda c: (-len(c), c[0])
    )
    parts: list[dict[int, complex]] = []
    singles: list[int] = []
    for component in components:
        if len(component) == 1 and component[0] not in satellites:
            singles.append(component[0])
            continue
        members = set(component)
        level = _Level(
            mass={n: 1.0 + len(satellites.get(n, ())) for n in component},
            edges={k: w for k, w in weights.items() if k[0] in members},
        )
        part = _level(_unit_spacing(_multilevel(level), level.edges)) if len(component) > 1 \
            else {component[0]: 0j}
        for target in component:
            for k, outcome in enumerate(satellites.get(target, ())):
                part[outcome] = part[target] - 1j * _SATELLITE_OFFSET * (k + 1)
        parts.append(part)
    if singles:
        side = math.ceil(math.sqrt(len(singles)))
        parts.append({
            n: complex(i % side, i // side) * _NEIGHBOUR_SPACING for i, n in enumerate(singles)
        })
    placed = _pack(parts)
    return [
        (round(placed[n].real * _PIXELS_PER_UNIT), round(placed[n].imag * _PIXELS_PER_UNIT))
        for n in range(count)
    ]


# --------------------------------------------------------------------------
# Assembling the page
# --------------------------------------------------------------------------


def _wrap(text: str) -> str:
    """At most two short lines: CJK has no spaces for vis-network to wrap at."""
    if len(text) <= _LINE + 2:
        return text
    return text[:_LINE] + "\n" + _truncate(text[_LINE:], _LINE)


def _canvas_label(entry: _Entry, riding: bool) -> str:
    """What is drawn under a node; the full name is in the tooltip and the panel.

    An outcome riding on its target shows only its quantity and year, since
    the target under it names the indicator: ``+8.5% · 2023``.
    """
    if entry.kind.key not in ("Target", "Outcome"):
        return _wrap(entry.name)
    when = f" · {entry.year}" if entry.year is not None else ""
    if riding or not entry.subject:
        return entry.quantity + when
    return f"{_truncate(entry.subject, _LINE + 2)}\n{entry.quantity}{when}"


def _tooltip(entry: _Entry, reader: _Reader) -> str:
    """Plain text: vis-network 9 shows a string title with innerText, never as HTML."""
    lines = [f"{entry.kind.zh if reader.zh else entry.kind.en} · {entry.name}"]
    for key, value in entry.facts[1:]:
        if key in ("section", "report"):
            continue
        lines.append(f"{reader.word(FACT_NAMES, key)}: {value}")
    if entry.evidence:
        lines.append("“" + _truncate(entry.evidence[0].sentence or entry.evidence[0].quote,
                                     _SENTENCE_LIMIT) + "”")
    return "\n".join(lines)


def _evidence_json(items: list[_Evidence]) -> list[dict[str, Any]]:
    return [
        {"quote": e.quote, "sentence": e.sentence, "start": e.start, "end": e.end,
         "report": e.report}
        for e in items
    ]


def _safe_json(data: Any) -> str:
    """JSON that cannot end its <script> element or be read as markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _vis_asset(name: str) -> str:
    """vis-network as shipped inside the pyvis package, never from the repo or a CDN."""
    return (
        importlib.resources.files("pyvis").joinpath(f"lib/vis-{VIS_VERSION}/{name}")
        .read_text(encoding="utf-8")
    )


def _inline_script(text: str) -> str:
    # "</script" would end the element early; "<\/" means the same thing in JS strings.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _inline_style(text: str) -> str:
    return text.replace("</style", "<\\/style").replace("</STYLE", "<\\/STYLE")


def _resource(name: str) -> str:
    """A file of the page template, shipped inside the package."""
    return (
        importlib.resources.files("graph.views").joinpath("templates", name)
        .read_text(encoding="utf-8")
    )


def _vis_options(big: bool) -> dict[str, Any]:
    font = (
        "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', "
        "sans-serif"
    )
    groups: dict[str, Any] = {}
    for kind in NODE_KINDS:
        inside = kind.shape == "box"
        groups[kind.key] = {
            "shape": kind.shape,
            "size": kind.size,
            "color": {
                "background": kind.color, "border": kind.color,
                "highlight": {"background": kind.color, "border": "#212529"},
                "hover": {"background": kind.color, "border": "#212529"},
            },
            "font": (
                {"color": "#ffffff", "size": 12, "face": font, "strokeWidth": 0}
                if inside else {"face": font}
            ),
        }
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "font": {"size": 13, "face": font, "color": "#343a40", "strokeWidth": 3,
                     "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
            "margin": {"top": 6, "bottom": 6, "left": 8, "right": 8},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"color": "#ced4da", "highlight": "#495057", "hover": "#868e96",
                      "inherit": False},
            "font": {"size": 10, "face": font, "color": "#868e96", "strokeWidth": 3,
                     "strokeColor": "#ffffff", "align": "middle"},
            "smooth": False,
            "width": 1,
            "selectionWidth": 1.5,
            "scaling": {"label": {"enabled": False, "drawThreshold": 5}},
        },
        "physics": {
            "enabled": False,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -70, "springLength": 110,
                                 "springConstant": 0.05, "avoidOverlap": 0.3},
            "stabilization": {"enabled": False},
            "minVelocity": 1.0,
            "timestep": 0.4,
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


def _network(
    entries: list[_Entry], links: list[_Link], positions: list[tuple[int, int]],
    riding: set[int], reader: _Reader,
) -> Network:
    big = len(entries) > 1500 or len(links) > 3000
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for i, entry in enumerate(entries):
        x, y = positions[i]
        net.add_node(
            i,
            label=_canvas_label(entry, i in riding),
            shape=entry.kind.shape,
            group=entry.kind.key,
            title=_tooltip(entry, reader),
            x=x,
            y=y,
        )
    for e, link in enumerate(links):
        rel = link.relation
        words = rel.zh if reader.zh else rel.en
        title = words
        if link.confidence is not None:
            title += f"\n{reader.ui('confidence_short')}: {link.confidence:g}"
        if link.methods:
            title += f"\n{reader.ui('method')}: {', '.join(link.methods)}"
        options: dict[str, Any] = {
            "id": e,
            # a derived edge is one short dash between an outcome and its target: no room to write
            "label": "" if rel.derived else words,
            "title": title,
            "color": {"color": rel.color, "highlight": "#495057", "hover": "#868e96"},
        }
        if not rel.shown:
            options["hidden"] = True
        if rel.dashes:
            options["dashes"] = True
        if rel.symmetric:
            options["arrows"] = {"to": {"enabled": False}}
        if link.confidence is not None:
            options["width"] = 1 + 2 * link.confidence
        net.add_edge(link.source, link.target, **options)
    net.options = _vis_options(big)
    return net


def _targets_view(
    entries: list[_Entry], previous: dict[int, int], reader: _Reader
) -> list[dict[str, Any]]:
    """Targets grouped by indicator, each beside last year's outcome of the same indicator."""
    index = {entry.iri: i for i, entry in enumerate(entries)}
    # an indicator node when there is one, else the indicator's name (or nothing)
    groups: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        if entry.kind.key == "Target":
            node = index.get(entry.indicator) if entry.indicator is not None else None
            name = entries[node].name if node is not None else entry.subject
            groups[(node, name)].append(i)

    def first_offset(rows: list[int]) -> int:
        offsets = [ev.start for r in rows for ev in entries[r].evidence if ev.start is not None]
        return min(offsets) if offsets else 1 << 60

    ordered = sorted(
        groups.items(),
        key=lambda kv: (not kv[0][1], first_offset(kv[1]), kv[0][1], kv[0][0] or 0),
    )
    view = []
    for (indicator, name), rows in ordered:
        items = []
        for t in sorted(rows, key=lambda r: (entries[r].year or 0, first_offset([r]), r)):
            target = entries[t]
            prev = previous.get(t)
            items.append({
                "id": t,
                "year": target.year,
                "quantity": target.quantity,
                "strength": target.strength,
                "quote": target.evidence[0].quote if target.evidence else "",
                "previous": None if prev is None else {
                    "id": prev,
                    "year": entries[prev].year,
                    "quantity": entries[prev].quantity,
                    "estimated": entries[prev].estimated,
                },
            })
        view.append({
            "indicator": indicator,
            "name": name or reader.ui("no_indicator"),
            "targets": items,
        })
    return view


def _page_data(g: rdflib.Graph, title: str, lang: str) -> dict[str, Any]:
    reader = _Reader(g, lang)
    entries = reader.entries()
    index = {entry.iri: i for i, entry in enumerate(entries)}
    links = reader.links(index)
    precedes, previous = _preceding_outcomes(entries)
    derived = next(r for r in RELATIONS if r.derived)
    links += [_Link(derived, o, t) for o, t in sorted(precedes.items())]
    satellites: dict[int, list[int]] = defaultdict(list)
    nearest_first = sorted(precedes.items(), key=lambda ot: (-(entries[ot[0]].year or 0), ot))
    for outcome, target in nearest_first:
        satellites[target].append(outcome)
    positions = _layout(len(entries), links, satellites)
    net = _network(entries, links, positions, set(precedes), reader)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()

    # sections in reading order: by the first offset quoted from each
    sections = {s for entry in entries for s in entry.sections}
    section_offsets: dict[URIRef, int] = {}
    for entry in entries:
        for ev in entry.evidence:
            for s in ev.sections:
                if ev.start is not None:
                    section_offsets[s] = min(section_offsets.get(s, ev.start), ev.start)
    ordered_sections = sorted(sections, key=lambda s: (section_offsets.get(s, 1 << 60), str(s)))
    section_index = {s: i for i, s in enumerate(ordered_sections)}

    counts: dict[str, int] = defaultdict(int)
    for entry in entries:
        counts[entry.kind.key] += 1
    reports = [
        {"id": i, "name": e.name, "facts": e.facts}
        for i, e in enumerate(entries) if e.kind.key == "Report"
    ]
    return {
        "title": title,
        "lang": "zh" if reader.zh else "en",
        "ui": UI_TEXT["zh" if reader.zh else "en"],
        "factNames": {k: reader.word(FACT_NAMES, k) for k in FACT_NAMES},
        "types": [
            {"key": k.key, "label": k.zh if reader.zh else k.en, "glyph": k.glyph,
             "color": k.color, "count": counts.get(k.key, 0)}
            for k in NODE_KINDS
        ],
        "relations": [
            {"key": r.key, "label": r.zh if reader.zh else r.en, "color": r.color,
             "dashes": r.dashes, "shown": r.shown,
             "count": sum(1 for ln in links if ln.relation.key == r.key)}
            for r in RELATIONS
        ],
        "years": sorted({e.year for e in entries if e.year is not None}),
        "sections": [{"id": i, "name": reader.label(s)} for i, s in enumerate(ordered_sections)],
        "reports": reports,
        "nodes": nodes,
        "edges": edges,
        "meta": [
            {
                "type": e.kind.key,
                "name": e.name,
                "aliases": e.aliases,
                "iri": str(e.iri),
                "year": e.year,
                "sections": [section_index[s] for s in e.sections],
                "facts": e.facts,
                "evidence": _evidence_json(e.evidence),
            }
            for e in entries
        ],
        "links": [
            {"rel": ln.relation.key, "confidence": ln.confidence, "methods": ln.methods,
             "evidence": _evidence_json(ln.evidence)}
            for ln in links
        ],
        "targetsView": _targets_view(entries, previous, reader),
        "methodOrder": list(METHODS),  # strongest first, as graph.links ranks them
        "options": json.loads(options),
    }


def render_explorer(g: rdflib.Graph, *, title: str = "commitkg", lang: str = "zh") -> str:
    """Return the explorer page for *g* as a string (see :func:`write_explorer`)."""
    data = _page_data(g, title, lang)
    vis_css = _vis_asset("vis-network.css")
    vis_js = _inline_script(_vis_asset("vis-network.min.js"))
    app_source = _inline_script(_resource("explorer.js"))
    app_css = _resource("explorer.css")
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_resource(TEMPLATE))
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_source)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    return template.render(
        title=title,
        lang=data["lang"],
        ui=data["ui"],
        csp=csp,
        vis_css=Markup(_inline_style(vis_css)),
        app_css=Markup(_inline_style(app_css)),
        vis_js=Markup(vis_js),
        app_js=Markup(app_source),
        data_json=Markup(_safe_json(data)),
    )


def write_explorer(
    g: rdflib.Graph, path: pathlib.Path, *, title: str = "commitkg", lang: str = "zh"
) -> None:
    """Write an interactive, offline explorer of a commitkg graph to one HTML file.

    Every ``ck:Target``, ``ck:Outcome``, ``ck:Indicator``, ``ck:Project``,
    ``ck:Enterprise``, ``ck:Agency``, ``ck:Place``, ``ck:Policy`` and ``ck:Report``
    becomes a node; mentions, sections and qualified supports become the
    tooltip and side-panel data of the nodes and links they explain. The page
    has a search box (names and aliases), filters by type, year, section,
    relation and link confidence, a side panel with the evidence of the clicked
    node, and a table of targets beside last year's outcomes.

    Parameters
    ----------
    g : rdflib.Graph
        A graph in the commitkg vocabulary (``ck:`` =
        ``https://w3id.org/commitkg/ontology#``).
    path : pathlib.Path
        Where to write the page, usually ``OUT/graph.html``. It is written to a
        temporary file in the same folder and moved into place, so a failure
        leaves no half-written page.
    title : str, optional
        Shown in the header and the browser tab.
    lang : str, optional
        ``"zh"`` (default) or ``"en"``: the language of the interface and the
        preferred language of labels.

    Notes
    -----
    The output depends only on the graph's triples and the arguments: the same
    input gives byte-identical HTML.

    Examples
    --------
    A target from the Xinbei 2024 plan report, 地区生产总值增长6%以上:

    >>> import pathlib, tempfile
    >>> import rdflib
    >>> from rdflib.namespace import RDF, RDFS, XSD
    >>> from graph.vocab import CK
    >>> ID = rdflib.Namespace("https://w3id.org/commitkg/id/")
    >>> g = rdflib.Graph()
    >>> g += [
    ...     (ID.gdp, RDF.type, CK.Indicator),
    ...     (ID.gdp, RDFS.label, rdflib.Literal("地区生产总值", lang="zh")),
    ...     (ID.t1, RDF.type, CK.Target),
    ...     (ID.t1, CK.measuredBy, ID.gdp),
    ...     (ID.t1, CK.year, rdflib.Literal(2024)),
    ...     (ID.t1, CK.value, rdflib.Literal("6", datatype=XSD.decimal)),
    ...     (ID.t1, CK.unit, rdflib.Literal("%")),
    ...     (ID.t1, CK.comparator, CK.AtLeast),
    ...     (ID.t1, CK.quantityKind, CK.ChangeRate),
    ... ]
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
    >>> write_explorer(g, out, title="新北区")
    >>> page = out.read_text(encoding="utf-8")
    >>> page.startswith("<!doctype html>"), "地区生产总值 ≥+6%" in page
    (True, True)
    """
    path = pathlib.Path(path)
    html = render_explorer(g, title=title, lang=lang).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(html)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
