"""Report structure: title, date, headings at every level, sentences with offsets.

Everything here is found on the normalised text (same length as the text as
read), so a span ``(start, end)`` quotes the report with ``text[start:end]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from graph import cues
from graph.reader import ReportText

__all__ = ["Document", "Section", "Sentence", "parse_document"]

_CN_DIGITS = "一二三四五六七八九十"
# (level, pattern of the marker at the start of a paragraph)
_HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"[{_CN_DIGITS}]{{1,3}}、")),
    (2, re.compile(rf"[（(][{_CN_DIGITS}]{{1,3}}[）)]")),
    (3, re.compile(r"\d{1,2}[.、](?!\d)")),
)
_ITEM = re.compile(rf"(?:(?<=^)|(?<=[。；;\n]))\s*([{_CN_DIGITS}]{{1,2}}是)")
_SENTENCE_END = "。！？!?；;\n"
_SENTENCE_END_RE = re.compile("[" + re.escape(_SENTENCE_END) + "]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年)(?!度)")
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class Section:
    """A heading and the stretch of text it governs."""

    index: int
    level: int
    marker: str
    title: str
    start: int
    end: int
    heading_end: int
    parent: int | None
    period: str | None = None  # "review" or "plan"
    year: int | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence (up to 。！？；or a line end) with its offsets."""

    start: int
    end: int
    section: int | None
    bullet: bool  # a "——" headline list item


@dataclass
class Document:
    """A parsed report: the text as read, its normalised copy and its structure."""

    source: Path
    report_id: str
    text: str
    norm: str
    encoding: str
    title: str
    issued: date | None
    meeting: str
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    review_year: int | None = None
    plan_year: int | None = None
    jurisdiction: str | None = None
    _starts: list[int] = field(default_factory=list, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)

    def section_at(self, offset: int) -> Section | None:
        """The deepest section containing *offset*.

        Sections nest and are listed in text order, so the deepest one holding the
        offset is the last one starting at or before it that still contains it.
        """
        i = bisect_right(self._section_starts(), offset) - 1
        while i >= 0:
            sec = self.sections[i]
            if sec.start <= offset < sec.end:
                return sec
            i -= 1
        return None

    def _section_starts(self) -> list[int]:
        if len(self._starts) != len(self.sections):
            self._starts = [s.start for s in self.sections]
        return self._starts

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding *offset*: the first one ending after it, if it has begun."""
        if len(self._ends) != len(self.sentences):
            self._ends = [s.end for s in self.sentences]
        lo = bisect_right(self._ends, offset)
        if lo < len(self.sentences) and self.sentences[lo].start <= offset:
            return self.sentences[lo]
        return None

    def period_at(self, offset: int) -> tuple[str | None, int | None]:
        return self.period_of(self.section_at(offset))

    def period_of(self, sec: Section | None) -> tuple[str | None, int | None]:
        """The period and year of *sec*: its own, else its nearest ancestor's."""
        while sec is not None:
            if sec.period:
                return sec.period, sec.year
            sec = self.sections[sec.parent] if sec.parent is not None else None
        return None, None


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, trailing whitespace excluded."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _heading_end(norm: str, start: int, line_end: int) -> int:
    """A heading runs to the first full stop of its paragraph, or the line end."""
    stop = norm.find("。", start, line_end)
    return stop + 1 if stop != -1 else line_end


def _classify_period(title: str) -> str | None:
    for cue in cues.REVIEW_HEADING_CUES:
        if cue in title:
            return "review"
    for cue in cues.PLAN_HEADING_CUES:
        if cue in title:
            return "plan"
    return None


def parse_document(report: ReportText, report_id: str | None = None) -> Document:
    """Split a report into title, date line, sections and sentences.

    >>> from graph.reader import ReportText
    >>> t = ("某区2024年计划草案的报告\\n一、2023年计划执行情况\\n预计增长5%。\\n"
    ...      "二、2024年主要预期目标\\n增长6%。")
    >>> doc = parse_document(ReportText(Path("x.txt"), t, t, "utf-8"))
    >>> [(s.title, s.period, s.year) for s in doc.sections]
    [('一、2023年计划执行情况', 'review', 2023), ('二、2024年主要预期目标', 'plan', 2024)]
    """
    norm = report.norm
    lines = _lines(norm)
    doc = Document(
        source=report.path,
        report_id=report_id or report.path.stem,
        text=report.text,
        norm=norm,
        encoding=report.encoding,
        title="",
        issued=None,
        meeting="",
    )
    _read_front_matter(doc, lines)
    _read_sections(doc, lines)
    _assign_periods(doc)
    _read_sentences(doc, lines)
    return doc


def _read_front_matter(doc: Document, lines: list[tuple[int, int]]) -> None:
    norm = doc.norm
    title_parts: list[str] = []
    meeting_parts: list[str] = []
    in_meeting = False
    for s, e in lines[:12]:
        line = norm[s:e]
        if any(m.match(line) for _, m in _HEADING_MARKERS) or line.startswith(cues.SALUTATIONS):
            break
        if line.startswith(("——", "—", "--")) or (title_parts and _DATE.search(line)):
            in_meeting = True
        if in_meeting:
            meeting_parts.append(line.lstrip("—- "))
        elif len(line) <= 60 and "。" not in line:
            title_parts.append(line)
        else:
            break
    doc.title = "".join(title_parts)
    doc.meeting = "".join(meeting_parts)
    found = _DATE.search(doc.meeting) or _DATE.search(doc.title)
    if found:
        try:
            doc.issued = date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            doc.issued = None
    title_years = [int(y) for y in _YEAR.findall(doc.title)]
    if title_years:
        doc.plan_year = max(title_years)
        doc.review_year = min(title_years) if len(set(title_years)) > 1 else doc.plan_year - 1
    elif doc.issued is not None:
        doc.plan_year = doc.issued.year
        doc.review_year = doc.plan_year - 1
    head = re.match(cues.JURISDICTION_PREFIX, doc.title)
    if head:
        doc.jurisdiction = head.group(1)
    else:
        # 政府工作报告 alone: the meeting line names the place (在青山县第十八届人民代表大会…)
        meeting = re.search(cues.JURISDICTION_IN_MEETING, doc.meeting)
        if meeting:
            doc.jurisdiction = meeting.group(1)


def _read_sections(doc: Document, lines: list[tuple[int, int]]) -> None:
    norm = doc.norm
    stack: list[Section] = []
    for s, e in lines:
        line = norm[s:e]
        level = next((lv for lv, m in _HEADING_MARKERS if m.match(line)), None)
        if level is None:
            continue
        marker = next(m.match(line) for lv, m in _HEADING_MARKERS if lv == level)
        assert marker is not None
        if level == 3 and len(line) < 4:
            continue
        hend = _heading_end(norm, s, e)
        _open(doc, stack, level, marker.group(0), s, hend)
        # 一是…二是… items inside this paragraph
        for item in _ITEM.finditer(norm, s, e):
            istart = item.start(1)
            iend = _heading_end(norm, istart, e)
            _open(doc, stack, 4, item.group(1), istart, iend)
    for sec in stack:
        sec.end = len(norm)
    # items end at their paragraph end at the latest
    for sec in doc.sections:
        if sec.level == 4:
            line_end = next((e for s, e in lines if s <= sec.start < e), sec.end)
            sec.end = min(sec.end, line_end)


def _open(doc: Document, stack: list[Section], level: int, marker: str, start: int, hend: int) -> None:
    while stack and stack[-1].level >= level:
        closed = stack.pop()
        closed.end = start
    parent = stack[-1].index if stack else None
    sec = Section(
        index=len(doc.sections),
        level=level,
        marker=marker,
        title=doc.norm[start:hend].rstrip("。"),
        start=start,
        end=len(doc.norm),
        heading_end=hend,
        parent=parent,
    )
    doc.sections.append(sec)
    stack.append(sec)


def _assign_periods(doc: Document) -> None:
    for sec in doc.sections:
        if sec.level > 2:
            continue
        parent_period = doc.sections[sec.parent].period if sec.parent is not None else None
        if parent_period is not None:
            continue
        period = _classify_period(sec.title)
        if period is None:
            continue
        sec.period = period
        years = [int(y) for y in _YEAR.findall(sec.title)]
        if years:
            sec.year = years[0]
        else:
            sec.year = doc.review_year if period == "review" else doc.plan_year
    # A plan part that follows a review part without its own heading cue
    # (e.g. "三、…工作建议") inherits the plan period from the sections before it.
    seen_plan: Section | None = None
    for sec in doc.sections:
        if sec.level == 1 and sec.period is None and seen_plan is not None:
            sec.period, sec.year = "plan", seen_plan.year
        if sec.period == "plan" and sec.level == 1:
            seen_plan = sec
    if doc.plan_year is None:
        years = [s.year for s in doc.sections if s.period == "plan" and s.year]
        doc.plan_year = years[0] if years else None
    if doc.review_year is None:
        years = [s.year for s in doc.sections if s.period == "review" and s.year]
        doc.review_year = years[0] if years else None


def _read_sentences(doc: Document, lines: list[tuple[int, int]]) -> None:
    norm = doc.norm
    for s, e in lines:
        bullet = norm.startswith(("——", "—"), s)
        start = s
        for m in _SENTENCE_END_RE.finditer(norm, s, e):  # the ends found in C, not char by char
            _add_sentence(doc, start, m.end(), bullet)
            start = m.end()
        if start < e:
            _add_sentence(doc, start, e, bullet)


def _add_sentence(doc: Document, start: int, end: int, bullet: bool) -> None:
    while start < end and doc.norm[start].isspace():
        start += 1
    if start >= end:
        return
    sec = doc.section_at(start)
    # by position (start, end, section, bullet): cheaper for a frozen dataclass than keywords
    doc.sentences.append(Sentence(start, end, sec.index if sec else None, bullet))
