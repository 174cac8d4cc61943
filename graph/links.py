"""Which projects, enterprises and policies work towards which targets — and why.

Methods, strongest first, each with its confidence:

- ``SameSentence`` (0.9): the name and the target share a sentence.
- ``Cue`` (0.8): the name's sentence says how it works towards a target (依托, 推动…实现,
  围绕, 带动) and the target follows in the next sentence of the same task item.
- ``SameTaskItem`` (0.6): both sit in the same numbered task item (一是…, 二是…).
- ``ThemeMatch`` (0.3): the name's sentence names the target's indicator.

Tables show links at or above :data:`DEFAULT_CONFIDENCE` unless asked otherwise.
"""

from __future__ import annotations

from graph.document import Document, Sentence
from graph.facts import Fact, Mention, ReportFacts, Span, Support

__all__ = ["DEFAULT_CONFIDENCE", "METHODS", "link_supports"]

METHODS: dict[str, float] = {"SameSentence": 0.9, "Cue": 0.8, "SameTaskItem": 0.6,
                             "ThemeMatch": 0.3}
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
    for entity in rf.entities:
        if entity.type not in SOURCE_TYPES:
            continue
        source = (entity.type, entity.name)
        for m in entity.mentions:
            period, _year = doc.period_at(m.span.start)
            sent = doc.sentence_at(m.span.start)
            if period != "plan" or sent is None:
                continue
            for t in targets:
                found = _method(doc, m, sent, t)
                if found is None:
                    continue
                method, evidence = found
                key = (source, index[id(t)])
                old = best.get(key)
                if old is None or METHODS[method] > old.confidence:
                    best[key] = Support(source, t, method, METHODS[method], evidence)
    return sorted(best.values(), key=lambda s: (s.target.mention.span.start if s.target.mention
                                                else 0, s.source))


def _method(doc: Document, m: Mention, sent: Sentence, t: Fact) -> tuple[str, list[Mention]] | None:
    assert t.mention is not None
    tsent = doc.sentence_at(t.mention.span.start)
    if tsent is None:
        return None
    if tsent.start == sent.start:
        return "SameSentence", [_sentence_mention(doc, sent)]
    item, titem = _item(doc, m.span.start), _item(doc, t.mention.span.start)
    evidence = [_sentence_mention(doc, sent), _sentence_mention(doc, tsent)]
    if item is not None and item == titem:
        text = doc.norm[sent.start : sent.end]
        follows = 0 < tsent.start - sent.end <= 2 or doc.sentences.index(tsent) == \
            doc.sentences.index(sent) + 1
        if follows and any(c in text for c in LINK_CUES):
            return "Cue", evidence
        return "SameTaskItem", evidence
    if t.indicator and len(t.indicator) >= 3 and t.indicator in doc.norm[sent.start : sent.end]:
        return "ThemeMatch", evidence
    return None
