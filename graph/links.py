"""Which projects, enterprises and policies work towards which targets — and why.

Methods, strongest first, each with its confidence:

- ``SameSentence``: the name and the target share a sentence — 0.9 when they share a
  clause (between ，and ；), 0.7 when a 力争/确保 after the name introduces the target as
  the goal of what comes before (推动“1115”大企业上台阶，…，力争规上工业产值超4000亿元),
  or when a policy heads the sentence (深化“运河英才计划”，全年引进高层次人才团队60个以上);
  0.45 otherwise (a name in a list of works that a later task of the sentence does not
  speak of: …常泰大桥主桥合龙…，完成德胜河4个作业区规划研究).
- ``Cue`` (0.45): the name's sentence says how it works towards a target (依托, 推动…实现,
  围绕, 带动) and the target follows in the next sentence of the same task item.
- ``SameTaskItem`` (0.4): both sit in the same numbered task item (一是…, 二是…).
- ``ThemeMatch`` (0.3): the name's sentence names the target's indicator.

The confidences were set from the gold links of the development reports: a shared
clause is right most of the time, a shared task item rarely (see the README).

Tables show links at or above :data:`DEFAULT_CONFIDENCE` unless asked otherwise.
"""

from __future__ import annotations

from graph.cues import STRENGTH_CUES
from graph.document import Document, Sentence
from graph.facts import Entity, Fact, Mention, ReportFacts, Span, Support

__all__ = ["DEFAULT_CONFIDENCE", "METHODS", "link_supports"]

METHODS: dict[str, float] = {"SameSentence": 0.9, "Cue": 0.45, "SameTaskItem": 0.4,
                             "ThemeMatch": 0.3}
SENTENCE_GOAL = 0.7  # same sentence, a strength cue after the name introduces the target
SENTENCE_OTHER = 0.45  # same sentence, anywhere else
_CLAUSE_BREAKS = "，,；;。"
DEFAULT_CONFIDENCE = 0.5
SOURCE_TYPES = ("Project", "Enterprise", "Policy")
LINK_CUES = ("依托", "推动", "带动", "围绕", "助力", "通过", "借助", "发挥", "支撑", "促进")


def _sentence_mention(doc: Document, sent: Sentence) -> Mention:
    quote = doc.text[sent.start : sent.end]
    return Mention(Span(sent.start, sent.end), quote, quote.strip(), Span(sent.start, sent.end))


def _item(doc: Document, offset: int) -> int | None:
    """The task item (level 4, else level 3) holding *offset*."""
    sec = doc.section_at(offset)
    if sec is None or sec.level < 3:
        return None
    return sec.index


def link_supports(rf: ReportFacts) -> list[Support]:
    """Links from every Project/Enterprise/Policy mention of the plan part to targets."""
    doc = rf.document
    assert isinstance(doc, Document)
    targets = [f for f in rf.facts if f.kind == "target" and f.mention is not None]
    best: dict[tuple[tuple[str, str], int], Support] = {}
    index = {id(t): i for i, t in enumerate(targets)}
    # where each target stands, computed once: its sentence and its task item
    placed = []
    for t in targets:
        assert t.mention is not None
        tsent = doc.sentence_at(t.mention.span.start)
        if tsent is not None:
            placed.append((t, tsent, _item(doc, t.mention.span.start)))
    for entity in rf.entities:
        if entity.type not in SOURCE_TYPES:
            continue
        source = (entity.type, entity.name)
        for m in _all_mentions(doc, entity):
            period, _year = doc.period_at(m.span.start)
            sent = doc.sentence_at(m.span.start)
            if period != "plan" or sent is None:
                continue
            item = _item(doc, m.span.start)
            text = doc.norm[sent.start : sent.end]
            for t, tsent, titem in placed:
                found = _method(doc, m, sent, text, item, t, tsent, titem, entity.type)
                if found is None:
                    continue
                method, confidence, evidence = found
                key = (source, index[id(t)])
                old = best.get(key)
                if old is None or confidence > old.confidence:
                    best[key] = Support(source, t, method, confidence, evidence)
    return sorted(best.values(), key=lambda s: (s.target.mention.span.start if s.target.mention
                                                else 0, s.source))


def _clauses(doc: Document, sent: Sentence) -> list[int]:
    """Start offsets of the clauses of a sentence."""
    starts = [sent.start]
    for i in range(sent.start, sent.end - 1):
        if doc.norm[i] in _CLAUSE_BREAKS:
            starts.append(i + 1)
    return starts


def _clause_index(starts: list[int], offset: int) -> int:
    return max(i for i, s in enumerate(starts) if s <= offset)


_GENERIC_BIGRAMS = frozenset(("项目", "工程", "建设", "新增", "新建", "改造", "全年", "企业", "产业",
                              "发展", "实施", "推进", "完成", "二期", "一期", "三期", "中心", "基地"))
# A project in a sentence whose target counts projects or investment is one of them:
# 安排区级重点项目140个，年度计划投资320亿元，确保恒川…项目一期…竣工投产
_PROJECT_AGGREGATES = ("项目", "投资")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} - _GENERIC_BIGRAMS


def _same_topic(name: str, indicator: str, kind: str) -> bool:
    """Does the target measure what the name is about (a shared word, or projects)?"""
    if kind == "Project" and any(w in indicator for w in _PROJECT_AGGREGATES):
        return True
    return bool(_bigrams(name) & _bigrams(indicator))


def _same_sentence_confidence(
    doc: Document, sent: Sentence, m: Mention, t: Fact, kind: str
) -> float:
    assert t.mention is not None
    starts = _clauses(doc, sent)
    mine = _clause_index(starts, m.span.start)
    # a target's evidence may begin with its list's subject: take where its figure is
    theirs = _clause_index(starts, max(t.mention.span.start, t.mention.span.end - 1))
    if mine == theirs:
        return METHODS["SameSentence"]
    if mine == 0 < theirs and kind == "Policy":
        return SENTENCE_GOAL  # 深化“运河英才计划”，全年引进高层次人才团队60个以上，…
    if _same_topic(m.quote, t.indicator, kind):
        return SENTENCE_GOAL  # 推动县生活垃圾焚烧发电项目建成投运，新增生活垃圾日处理能力300吨
    if mine < theirs and t.strength in ("Firm", "Aspirational"):
        before = doc.norm[m.span.end : t.mention.span.end]
        if any(cue in before for cue, strength in STRENGTH_CUES.items()
               if strength in ("Firm", "Aspirational")):
            return SENTENCE_GOAL
    return SENTENCE_OTHER


def _next_sentence(doc: Document, sent: Sentence) -> Sentence | None:
    return doc.sentence_at(sent.end)


def _all_mentions(doc: Document, entity: Entity) -> list[Mention]:
    """The entity's mentions plus every other place its name or an alias is written."""
    out = {m.span: m for m in entity.mentions}
    for name in {entity.name} | set(entity.aliases):
        if len(name) < 2:
            continue
        pos = doc.norm.find(name)
        while pos != -1:
            span = Span(pos, pos + len(name))
            if span not in out and not any(o.start <= pos < o.end for o in out):
                sent = doc.sentence_at(pos)
                if sent is not None:
                    out[span] = Mention(span, doc.text[span.start : span.end],
                                        doc.text[sent.start : sent.end].strip(),
                                        Span(sent.start, sent.end))
            pos = doc.norm.find(name, pos + 1)
    return [out[k] for k in sorted(out)]


def _method(
    doc: Document, m: Mention, sent: Sentence, text: str, item: int | None, t: Fact,
    tsent: Sentence, titem: int | None, kind: str,
) -> tuple[str, float, list[Mention]] | None:
    """The strongest reason linking the mention *m* (in *sent*, task *item*) to *t*."""
    if tsent.start == sent.start:
        return "SameSentence", _same_sentence_confidence(doc, sent, m, t, kind), \
            [_sentence_mention(doc, sent)]
    if item is not None and item == titem:
        evidence = [_sentence_mention(doc, sent), _sentence_mention(doc, tsent)]
        follows = 0 < tsent.start - sent.end <= 2 or _next_sentence(doc, sent) == tsent
        if follows and any(c in text for c in LINK_CUES):
            return "Cue", METHODS["Cue"], evidence
        return "SameTaskItem", METHODS["SameTaskItem"], evidence
    if t.indicator and len(t.indicator) >= 3 and t.indicator in text:
        return "ThemeMatch", METHODS["ThemeMatch"], [_sentence_mention(doc, sent),
                                                      _sentence_mention(doc, tsent)]
    return None
