"""Named things and their relations: projects, enterprises, agencies, places, policies.

Rules over the normalised text, driven by the cue tables of :mod:`graph.entity_cues`:
a *head* (项目, 有限公司, 局, 镇 …) is found first and its name is read leftwards up
to a boundary (punctuation, a count, a governing verb); a stem made only of generic
words (民生实事, 绿色工业) names a kind, not a thing. Short company names are known by
what only an organisation does (获评, 上市, 营收 …) and by their shape (a brand and a
trade word); quotation and book-title marks name policies; lists closed by 等 + a
noun share that noun's type; the report's jurisdiction and its parents come from the
gazetteer. Mentions of one thing are then resolved to one :class:`KeyedEntity`
(short and legal names, abbreviations, names relative to the jurisdiction), and
relations are read from names (比亚迪滨江基地 → 比亚迪, 新加坡…集团 → 新加坡) and from
verbs (由…牵头, 与…共建, 甲承建的乙, 位于…的, 落户).

>>> from graph.reader import ReportText, normalise
>>> from graph.document import parse_document
>>> from pathlib import Path
>>> t = ("常州市新北区2024年计划草案的报告\\n二、2024年工作建议\\n"
...      "比亚迪出口整车11.7万辆。确保省重大项目比亚迪滨江基地三季度量产。\\n")
>>> doc = parse_document(ReportText(Path("x.txt"), t, normalise(t), "utf-8"))
>>> ents, rels = extract_entities(doc)
>>> [(e.type, e.name) for e in ents if e.type == "Project"]
[('Project', '比亚迪滨江基地')]
>>> [(r.predicate, r.subject[1], r.object[1]) for r in rels if r.predicate == "implementedBy"]
[('implementedBy', '比亚迪滨江基地', '比亚迪')]
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from graph import entity_cues as cues
from graph import gazetteer
from graph.document import Document
from graph.facts import ENTITY_TYPES as TYPES
from graph.facts import RELATION_TYPES, Entity, Mention, Relation, ReportFacts, Span

__all__ = [
    "RELATION_TYPES",
    "TYPES",
    "KeyedEntity",
    "clean_name",
    "entity_key",
    "entity_stage",
    "extract_entities",
]


@dataclass
class KeyedEntity(Entity):
    """An :class:`Entity` with the identity the RDF stage should mint its IRI from.

    ``key`` is the name qualified by the place it is relative to: two districts'
    区发改委 are ``常州市新北区/区发改委`` and ``临漕市运河区/区发改委``; an absolute
    name (天合光能) is its own key, and an administrative place is keyed by its full
    gazetteer path (``江苏省常州市新北区``).
    """

    key: str = ""


def entity_key(e: Entity) -> str:
    """The identity of an entity: its ``key`` if it has one, else its name.

    >>> entity_key(KeyedEntity("Agency", "区发改委", key="常州市新北区/区发改委"))
    '常州市新北区/区发改委'
    """
    return getattr(e, "key", "") or e.name


# --- characters and words ---------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    """An alternation of words, longest first, that skips fast to where one may start.

    The words are grouped by their first character (项(?:目|…)|工(?:程|…)|…), each group's
    rests longest first: at a position only the group of its character is tried, where a
    flat alternation tries every word; the match is the same, the longest word there.

    >>> _words_re(["项目", "项", "工程"]).pattern
    '(?:工(?:程)|项(?:目|))'
    """
    words = set(words)
    body = _grouped(words)
    if len(words) >= 50 and all(len(w) >= 2 for w in words):
        # many words share their first characters (中, 国, 新 …): testing the second too skips
        # more; for a few words the engine's own skip over first characters is faster
        firsts = re.escape("".join(sorted({w[0] for w in words})))
        seconds = re.escape("".join(sorted({w[1] for w in words})))
        return re.compile(f"(?=[{firsts}][{seconds}])(?:{body})")
    # without a lookahead the engine reads the first characters off the groups and skips in C
    return re.compile(f"(?:{body})")


def _grouped(words: Iterable[str]) -> str:
    """:func:`_alternation` with the words grouped by their first character: it matches and
    backtracks through the same words in the same order (those of other first characters
    cannot match where a group's character is not), trying fewer alternatives.

    >>> _grouped(["项目", "项", "工程"])
    '工(?:程)|项(?:目|)'
    """
    rests: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        rests.setdefault(w[0], []).append(w[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(r) for r in group) + ")"
        for first, group in sorted(rests.items())
    )


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _is_name_char(ch: str) -> bool:
    return (
        "\u4e00" <= ch <= "\u9fff" or ch.isascii() and ch.isalnum() or ch in cues.NAME_EXTRA_CHARS
    )


_STOPS = frozenset(cues.LEFT_STOPS)
_STOP_LENGTHS_BY_LAST: dict[str, list[int]] = {}
for _w in sorted(_STOPS, key=len, reverse=True):
    if len(_w) not in _STOP_LENGTHS_BY_LAST.setdefault(_w[-1], []):
        _STOP_LENGTHS_BY_LAST[_w[-1]].append(len(_w))
_JOINT_LAST = frozenset(w[-1] for w in cues.JOINT_VERBS)
_BUILD_JOIN_LAST = frozenset(w[-1] for w in cues.BUILD_JOINS)
# the characters some rule of _Text.left_edge looks at (a count's classifier, the end of a
# joining verb or of a boundary word): any other CJK character is walked over at once
_EDGE_CHARS = (
    frozenset(cues.COUNT_CLASSIFIERS) | _JOINT_LAST | _BUILD_JOIN_LAST | frozenset(_STOP_LENGTHS_BY_LAST)
)
_OTHER_NAME_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
) | cues.NAME_EXTRA_CHARS
# a governing word of two characters or more starting right after a head (…管理局会同…)
_STOP_START_RE = _words_re(w for w in _STOPS if len(w) >= 2)
_STOP_LENGTHS = sorted({len(w) for w in _STOPS}, reverse=True)
_NOT_STOPS = frozenset(cues.NOT_STOPS)
_POLICY_STOPS = frozenset(cues.POLICY_LEFT_STOPS)
_POLICY_STOP_LENGTHS = sorted({len(w) for w in _POLICY_STOPS}, reverse=True)
_CONJUNCTIONS = "及与暨"
_QUOTE_CHARS = '“”"《》「」‘’'
# a character class, not a translate table: str.translate looks up every character of a
# CJK string in a dict, the regex engine scans it in C (clean_name runs on every name)
_CLEAN_RE = re.compile("[" + re.escape(_QUOTE_CHARS + " \t\n\r\u3000\xa0") + "]")
_COUNT_DIGITS = "0123456789一二两三四五六七八九十百几多"
# A name that opens with one of these is relative to the report's place (区发改委, 县委).
_RELATIVE = re.compile(
    r"^(?:区|县|市|省|州|盟|镇|乡|街道)(?!域|属|级|内|外|镇|村|场|政|民(?!政)|城|块|直|委)"
)


def clean_name(name: str) -> str:
    """A name as matched: without quotation marks, book-title marks and spaces.

    >>> clean_name("“532”发展战略"), clean_name("《北交所上市培育三年行动计划》")
    ('532发展战略', '北交所上市培育三年行动计划')
    """
    if name.isalnum():
        return name  # letters and digits only (most names): no mark or space to drop
    return _CLEAN_RE.sub("", name)


@dataclass
class _Candidate:
    start: int
    end: int
    type: str
    name: str
    cue: str
    rank: int = 0  # higher wins an overlap of equal length


class _Text:
    """The normalised text with the masks every finder shares."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.protected = bytearray(len(norm))
        for m in _PROTECTED_RE.finditer(norm):
            self.protected[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        self.known: set[str] = set()  # names found by strong cues, for the 及/与 test
        self.places: frozenset[str] = frozenset()  # the report's own places, full and short
        self._stops = bytearray(len(norm) + 1)  # memo of stop_at: 0 unknown, 1 no, 2 yes

    def stop_at(
        self, i: int, stops: frozenset[str] = _STOPS, lengths: list[int] = _STOP_LENGTHS
    ) -> bool:
        """Does a boundary word end at *i* (so a name right of it starts at *i*)?"""
        if stops is _STOPS:
            memo = self._stops[i]
            if memo:
                return memo == 2
            found = self._stop_at(i, stops, lengths)
            self._stops[i] = 2 if found else 1
            return found
        return self._stop_at(i, stops, lengths)

    def _stop_at(self, i: int, stops: frozenset[str], lengths: list[int]) -> bool:
        norm = self.norm
        if i <= 0 or self.protected[i - 1]:
            return False
        if stops is _STOPS:
            lengths = _STOP_LENGTHS_BY_LAST.get(norm[i - 1], [])  # only stops ending so
        for n in lengths:
            if i - n < 0 or norm[i - n : i] not in stops:
                continue
            if n == 1 and (norm[i - 2 : i] in _NOT_STOPS or norm[i - 1 : i + 1] in _NOT_STOPS):
                continue
            return True
        return False

    def left_edge(
        self,
        head_start: int,
        head: str = "",
        *,
        quotes: bool = False,
        connector: bool = False,
        project: bool = False,
    ) -> int:
        """Where a name ending in a head at *head_start* begins (walking left).

        A conjunction (及与暨) ends the name only when what stands before it is a name
        of its own (天合光能与复旦大学), not when it joins two nouns of one name
        (长三角碳纤维及复合材料技术创新中心). With *quotes*, a quoted word right before
        the head belongs to the name (“情指行”一体中心).
        """
        norm = self.norm
        memo_stops = self._stops
        head_last = head[-1] if len(head) >= 2 else ""  # only a long head is looked for again
        legal = head.endswith(cues.LEGAL_FORMS)  # a legal name never holds 与/及: 甲与乙有限公司
        classifiers = cues.COUNT_CLASSIFIERS
        i = head_start
        lo = max(0, head_start - cues.MAX_NAME)
        while i > lo:
            ch = norm[i - 1]
            if "\u4e00" <= ch <= "\u9fff" and ch not in _EDGE_CHARS and ch != head_last:
                i -= 1  # the common case: a name character no rule below stops at
                continue
            if quotes and ch == "”":
                opening = norm.rfind("“", lo, i - 1)
                if (
                    opening != -1
                    and "”" not in norm[opening + 1 : i - 1]
                    and (
                        head != "项目"
                        or norm[opening + 1 : i - 1].endswith(cues.QUOTED_WORK_ENDINGS)
                    )
                ):
                    return opening  # “情指行”一体中心: the quoted word opens the name
            if not ("\u4e00" <= ch <= "\u9fff" or ch in _OTHER_NAME_CHARS) and not (
                ch == "—" and i >= 2 and _is_cjk(norm[i - 2]) and _is_cjk(norm[i])
            ):
                break  # a single dash between two places joins them: 汀兰—闵行科创飞地
            if ch in classifiers and i >= 2 and norm[i - 2] in _COUNT_DIGITS:
                break
            if ch == head_last and norm.endswith(head, 0, i):
                return head_start  # 项目占制造业项目: a name does not hold its own head twice
            if (
                ch in _JOINT_LAST
                and norm.endswith(cues.JOINT_VERBS, 0, i)
                and (self.name_before(i - 2) or i == 2 or not _is_name_char(norm[i - 3]))
            ):
                break  # 管委会联合鲸湾海关, ，联合苇州产投集团: 联合 joins; 联合实验室 is one name
            if ch in _BUILD_JOIN_LAST and head_start - i >= 2 and not legal:  # not 美丽乡村建设项目
                joint = next((w for w in cues.BUILD_JOINS if norm.endswith(w, 0, i)), "")
                if joint and (
                    self.name_before(i - len(joint))
                    or norm.endswith(cues.PLACE_PART_WORDS, max(0, i - len(joint) - 6), i - len(joint))
                ):
                    # 苇州文旅集团建设汀兰古镇二期, 在某岛周边海域建设某牧场项目: 建设 after a name
                    # (or a part of a place) ends the work's name
                    break
            if ch == "和" and i >= 3 and (
                not _is_name_char(norm[i - 3])
                or self.stop_at(i - 2)
                or _COUNTRY_END.search(norm, max(0, i - 8), i - 2)
            ):
                # 投资的正和热带水果…项目, 泰国正和食品集团: one character before 和 names nothing
                # of its own (after a country it opens a foreign firm's brand)
                i -= 1
                continue
            memo = memo_stops[i]
            if memo == 0:
                # most characters end no boundary word: known without a call
                found = ch in _STOP_LENGTHS_BY_LAST and self._stop_at(i, _STOPS, _STOP_LENGTHS)
                memo = memo_stops[i] = 2 if found else 1
            if memo == 2:
                if legal and i == head_start and norm.endswith(cues.LEGAL_TRADE_VERBS, 0, i):
                    i -= 1  # 某城市投资建设集团有限公司: the trade is part of the legal name
                    continue
                if ch in _CONJUNCTIONS and not legal and (
                    connector
                    or ch == "暨"
                    and project
                    or ch != "暨"
                    and not self.name_before(i - 1)
                ):
                    i -= 1
                    continue
                break
            i -= 1
        while i < head_start and (
            norm[i] in "（()）-·" + _CONJUNCTIONS
            or norm[i] in _STOPS
            and norm[i : i + 2] not in _NOT_STOPS
        ):
            i += 1
        if i > 0 and norm[i - 1].isdigit() and norm.startswith("千伏", i):
            volts = _VOLTAGE_RE.search(norm, max(0, i - 4), i + 2)
            if volts and volts.end() == i + 2:
                i = volts.start()  # 220千伏芒弄输变电工程: a work named by its voltage
        if i < head_start and (norm[i].isdigit() or i > 0 and norm[i - 1] in "0123456789.") and not (
            _ENUMERATOR_RE.match(norm, max(0, i - 4), i) or _VOLTAGE_RE.match(norm, i)
        ):
            return head_start  # 1.2平方公里区域…, 2024年国家…: a measure or a date, not a name
        lead = (_LEADING_BUILD_RE.match(norm, i, head_start)
                if norm[i : i + 1] in _LEADING_BUILD_FIRST else None)
        if lead and head_start - lead.end() >= 4 and not legal:
            i = lead.end()  # 牵头建设陶拉市…教育基地: the verb governs the name (not 建设银行, 建设路)
        return i

    def name_before(self, k: int) -> bool:
        """Is the text right before position *k* the end of a name of its own?"""
        left = self.norm[max(0, k - 12) : k]
        if _STRUCTURAL_HEAD_END.search(left) or _COUNTRY_END.search(left) or _COUNTY_END.search(left):
            return True
        if _COMPANY_END.search(left):
            return True  # 支持蒙牧乳业建设…牧场项目: a company's short name (brand and trade)
        return any(left.endswith(n) for n in self.known)

    def policy_edge(self, start: int, *, quoted: bool = False) -> int:
        """Where a policy name right of *start* begins (quotes and 、 inside quotes are kept)."""
        norm = self.norm
        i = start
        lo = max(0, start - 30)
        inside = False
        while i > lo:
            ch = norm[i - 1]
            if ch == "”":
                inside = True
            elif ch == "“":
                inside = False
            elif inside and ch == "、":
                pass
            elif not _is_name_char(ch):
                break
            elif not inside and (
                self.stop_at(i, _POLICY_STOPS, _POLICY_STOP_LENGTHS) or quoted and self.stop_at(i)
            ) and not (norm[i - 4 : i - 2] == "改革" and norm[i - 2 : i] in _POLICY_STOPS):
                break  # …改革深化提升行动: a verb right after 改革 is the campaign's own word
            i -= 1
        while i < start and norm[i] in "、”":
            i += 1
        marker = _HEADING_MARK_RE.match(norm, i, start)
        return marker.end() if marker else i  # （三）“十四五”规划实施情况: the heading's number


_HEADING_MARK_RE = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]")
_PROTECTED_RE = _words_re(
    [v for v in cues.AGENCY_ABBREVIATIONS.values() if len(v) >= 4]
    + list(cues.INSTITUTION_ABBREVIATIONS.values())
    + list(cues.PROTECTED_COMPOUNDS)
)


# --- heads ---------------------------------------------------------------------------


class _End:
    def __init__(self, word: str) -> None:
        self.word = word

    def group(self, _index: int = 0) -> str:
        return self.word


class _Suffixes:
    """A table of word endings, read like a ``(?:…)$`` pattern but by length buckets (fast).

    >>> _Suffixes(["项目", "目"]).search("比亚迪项目").group(0)
    '项目'
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = [w for w in set(words) if w]
        self.lengths = sorted({len(w) for w in words}, reverse=True)
        # each word's match made once: a match is only read, and thousands are asked for
        self.words = {w: _End(w) for w in words}

    def search(self, s: str, pos: int = 0, endpos: int | None = None) -> _End | None:
        end = len(s) if endpos is None else endpos
        words = self.words
        for n in self.lengths:
            if end - n >= pos:
                found = words.get(s[end - n : end])
                if found is not None:
                    return found
        return None

    def sub(self, repl: str, s: str) -> str:
        m = self.search(s)
        return s[: len(s) - len(m.group(0))] + repl if m else s


_HEADS: dict[str, str] = {}
for _w in cues.PROJECT_HEADS:
    _HEADS[_w] = "Project"
for _w in cues.PLACE_HEADS:
    _HEADS.setdefault(_w, "Place")
for _w in cues.AGENCY_HEADS:
    _HEADS.setdefault(_w, "Agency")
for _w in cues.ENTERPRISE_SUFFIXES:
    _HEADS.setdefault(_w, "Enterprise")
_HEAD_RE = _words_re(_HEADS)
_HEAD_END_ANY = _Suffixes(_HEADS)
_CATEGORY_INNER = re.compile(r".*(?:重大项目|重点项目|项目)")
_PHASE_ONLY = re.compile(r"(?:（[^（）]{1,6}）)?(?:" + _alternation(cues.PROJECT_PHASES) + ")?")
_HEAD_END = _Suffixes(cues.PROJECT_HEADS)
_STRUCTURAL_HEAD_END = _Suffixes(
    [h for h in _HEADS if len(h) >= 2] + list(cues.ROAD_HEADS) + ["镇", "村", "局", "厅", "委"]
)
_ENTERPRISE_INNER = re.compile(".*(?:" + _alternation(cues.ENTERPRISE_SUFFIXES) + ")")
_COUNTRY_END = _Suffixes(cues.COUNTRIES + cues.REGIONS)
_COMPANY_END = re.compile(
    r"(?:^|[，。；、：支持推动鼓励引导由与和])[\u4e00-\u9fff]{2}(?:"
    + _alternation(cues.ENTERPRISE_INDUSTRY_HEADS) + ")$"
)
_ADMIN_PLACE_HEADS = frozenset(("县", *cues.TOWN_LEVELS))
_COMPANY_BEFORE_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:" + _alternation(cues.ENTERPRISE_INDUSTRY_HEADS) + ")"
)
# the number of an item in a list (重点项目：1.恒泰能源…项目，…；2.…), not a measure
# a work named by its voltage: 220千伏芒弄输变电工程, 500千伏青山变电站
_DESIGNATION_VERB_BEFORE = _Suffixes(cues.DESIGNATION_VERBS)
_VOLTAGE_RE = re.compile(r"(?<!\d)\d{2,4}千伏(?!安)")
_ENUMERATOR_RE = re.compile(r".*?(?:^|[：:；;。\n（(])\d{1,2}[.．、]$")
# a verb that opens the run before a head governs the name: 建设某基地, 提升某产业园承载能力 (提升
# inside a name, 某岛海岛旅游提升项目, does not open it)
_LEADING_BUILD_VERBS = ("开工建设", "建设", "新建", "续建", "提升")
_LEADING_BUILD_RE = re.compile(f"(?:{'|'.join(_LEADING_BUILD_VERBS)})(?!银行|路|大道|街|集团|投资)")
_LEADING_BUILD_FIRST = frozenset(v[0] for v in _LEADING_BUILD_VERBS)  # a cheap test before the pattern
# a county or a banner with a name of its own (支持敖林县建设物流园: the park is the work)
_COUNTY_END = re.compile(r"[\u4e00-\u9fff]{2}(?<![社小])[县旗区]$")
_YEAR_RE = re.compile(r"\d{4}年")
# the section of a linear work built: 松溪段, 北延段, 棠溪延伸段 (a line extended into a place)
_SECTION_RE = re.compile(r"[东西南北]延(?:伸)?段?|[\u4e00-\u9fff]{2}(?:延伸|延长)?段|[东西南北中]段")
_WORK_TAIL_RE = re.compile(
    r"[\u4e00-\u9fff]{0,3}?(?:"
    + _alternation(t for t in cues.WORK_TAILS if t not in cues.ENLARGING_TAILS)
    + r")(?=[，。；、）\n]|$)"
)
_AFTER_HEAD = re.compile(r"(?:（[^（）\n]{1,6}）)?(?:" + _alternation(cues.PROJECT_PHASES) + ")?")
_LEVEL_RE = re.compile(r"^(?:" + _alternation(cues.AGENCY_LEVELS) + ")")
_QUALIFIER_RE = re.compile(r"^(?:" + _alternation(cues.LEVEL_QUALIFIERS) + ")+")
_PHASE_END = _Suffixes(cues.PROJECT_PHASES)
_PHASE_ANY = re.compile(_alternation(cues.PROJECT_PHASES))
_PARTS_END = _Suffixes(cues.PROJECT_PARTS)
_COUNT_AFTER = re.compile(
    r"[\d一二两三四五六七八九十百]+(?:个|项|家|所|座|条|批|处|套)|[\d.]+(?:万|千)?(?:公里|千米|米|平方米|亩|公顷)"
)
_COUNT_BEFORE = re.compile(r"[\d一二两三四五六七八九十百]+(?:个|项|所|座|条|批|处|家)$")
_INDUSTRY_END = _Suffixes(cues.ENTERPRISE_INDUSTRY_HEADS + cues.ENTERPRISE_SUFFIXES)


_GENERIC_PROJECT_WORD_RE = _words_re(cues.GENERIC_PROJECT_WORDS)
# found in one scan where ``any(w in name …)`` ran a generator over the words
_GENERIC_ENTERPRISE_WORD_RE = _words_re(cues.GENERIC_ENTERPRISE_WORDS)
_BRACKET_RE = re.compile("[（()）]")
# the last opening bracket that no closing one follows
_UNCLOSED_RE = re.compile(r"[（(](?=[^（()）]*$)")


def _balanced(name: str) -> bool:
    if name.isalnum() or not _BRACKET_RE.search(name):
        return True  # most names hold no bracket at all
    depth = 0
    for ch in name:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_AMOUNT_RE = re.compile(r"[\d.]+[亿万千百]*(?:元|美元)?(?:以上|以下)?")
_AMOUNT_START_RE = re.compile(r"[\d.]")  # what every amount opens with (\d: isdecimal())
_JOINERS = frozenset("和与及、")
_MODIFIERS = frozenset("新各全本该")
_VOCABS: dict[int, tuple[frozenset[str], int]] = {}


def _vocab(generic: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """The words a generic stem may be made of: GENERIC_WORDS, the table's longer words and
    the level qualifiers (国家, 省级 …), with the longest word's length."""
    found = _VOCABS.get(id(generic))
    if found is None:
        # one-character parts only from the company table (科创子基金); 东南村 is a name
        words = frozenset(
            w
            for w in cues.GENERIC_WORDS
            + generic
            + cues.LEVEL_QUALIFIERS
            + cues.ENTERPRISE_INDUSTRY_HEADS
            if len(w) >= 2 or w in generic and w in cues.GENERIC_ENTERPRISE_STEMS
        )
        found = _VOCABS[id(generic)] = (words, max(len(w) for w in words))
    return found


@lru_cache(maxsize=16384)
def _composed(stem: str, words: frozenset[str], longest: int) -> bool:
    """Is *stem* made only of generic words, amounts and joiners (工业用地提质增效)?"""
    n = len(stem)
    ok = [True] + [False] * n
    amounts = _AMOUNT_START_RE.search(stem) is not None  # else no amount can be read below
    for i in range(1, n + 1):
        if stem[i - 1] in _JOINERS and 1 < i < n or i == 1 and stem[0] in _MODIFIERS:
            ok[i] = ok[i - 1]  # 和/与 between words; 新落地, 各类: a leading modifier
            continue
        for k in range(1, min(longest, i) + 1):
            if ok[i - k] and stem[i - k : i] in words:
                ok[i] = True
                break
        else:
            if not amounts:
                continue
            m = _AMOUNT_RE.match(stem, 0) if i == n else None
            ok[i] = bool(m and m.end() == n)
            if not ok[i]:
                # an amount or a level char in the middle (10亿元以上, 省市)
                for j in range(i - 1, -1, -1):
                    if ok[j] and _AMOUNT_RE.fullmatch(stem, j, i):
                        ok[i] = True
                        break
    return ok[n]


def _generic(stem: str, generic: tuple[str, ...], *, compose: bool = True) -> bool:
    """A stem that names no one thing: empty, a whole-stem entry of *generic*, an amount,
    or (with *compose*) a compound of generic words (民生实事, 绿色工业).

    Agencies are named by their domain (县科技局, 省农业农村厅): their bodies are not composed.
    """
    s = stem.strip("（）()")
    if not s or s in generic or (s[0] == "." or s[0].isdecimal()) and _AMOUNT_RE.fullmatch(s):
        return True
    if not compose or len(s) < 2:
        return False
    words, longest = _vocab(generic)
    return _composed(s, words, longest)


# the head tables _heads tests membership in, as sets (the tuples are scanned item by item)
_HEAD_CONTINUATIONS = frozenset(cues.HEAD_CONTINUATIONS)
_SHORT_PROJECT_HEADS = frozenset(cues.SHORT_PROJECT_HEADS)
_CONNECTOR_HEADS = frozenset(cues.CONNECTOR_HEADS)
_LINEAR_HEADS = frozenset(cues.LINEAR_HEADS)


_FOREIGN_UNIT_HEADS = frozenset(cues.FOREIGN_UNIT_HEADS)
_COUNTRY_IN_RE = _words_re(cues.COUNTRIES)


def _heads(text: _Text) -> list[_Candidate]:
    norm = text.norm
    out: list[_Candidate] = []
    for m in _HEAD_RE.finditer(norm):
        head = m.group(0)
        kind = _HEADS[head]
        nxt = norm[m.end() : m.end() + 1]
        if (
            nxt
            and nxt in _HEAD_CONTINUATIONS
            and not norm.startswith(cues.PROJECT_PHASES, m.end())
            and not _STOP_START_RE.match(norm, m.end())
            and not (head in _ZONE_HEAD_SET and norm.startswith(cues.ZONE_ACTED_ON, m.end()))
        ):
            continue  # 桥梁, 村庄, 镇村: the head is part of a common word
        if nxt and nxt in cues.HEAD_WORD_AFTER.get(head, ""):
            continue  # 乡镇, 乡土, 村民
        if (
            head in cues.HEAD_COMMON_BEFORE
            and m.start()
            and norm[m.start() - 1] in cues.HEAD_COMMON_BEFORE[head]
        ):
            continue
        if head in cues.HEAD_COMMON_WORDS_BEFORE and norm.endswith(
            cues.HEAD_COMMON_WORDS_BEFORE[head], 0, m.start()
        ):
            continue  # 城中村: a kind of village
        if head in _SHORT_STEM_HEADS:
            # 西岭县: only a two-character stem right after a boundary can make a name
            s2 = m.start() - 2
            if s2 < 0 or not (s2 == 0 or norm[s2 - 1] in "，。；：、（\n辖" or text.stop_at(s2)):
                continue
        short = head in _SHORT_PROJECT_HEADS
        start = text.left_edge(
            m.start(),
            head,
            quotes=kind in ("Project", "Agency") and not short,
            connector=head in _CONNECTOR_HEADS,
            project=kind == "Project",
        )
        if start >= m.start() or short and m.start() - start < 3:
            continue  # a bare head names nothing
        if short and any(w in norm[start : m.start()] for w in cues.BUILD_JOINS):
            continue  # 在梓桥化工产业园建设梓桥危废…: a place name's 桥, not a bridge built
        end = _AFTER_HEAD.match(norm, m.end()).end()  # type: ignore[union-attr]
        short_form = None
        if kind == "Enterprise" and end > m.end() and norm[m.end()] == "（":
            short_form = (m.end() + 1, end - 1)  # 某科技有限公司（某科技）: the short name
            end = m.end()
        if kind == "Project" and end == m.end():
            if head in _LINEAR_HEADS:
                section = _SECTION_RE.match(norm, end)
                end = section.end() if section else end  # 松朔高速公路松溪段
            if head not in ("项目", "工程"):
                tail = _WORK_TAIL_RE.match(norm, end)
                end = tail.end() if tail else end  # 污水处理厂提标改造
        if _PHASE_END.search(norm, 0, end) and kind != "Policy":
            kind = "Project"
        name = norm[start:end]
        if not _balanced(name):
            end = m.end()
            name = norm[start:end]
            if not _balanced(name):
                opening = _UNCLOSED_RE.search(name)
                if opening is None or norm[end : end + 1] != "、":
                    continue
                start += opening.end()  # 全市（甲区、乙旗）: a bracketed list's first name
                name = norm[start:end]
                if m.start() - start < 2 or not _balanced(name):
                    continue
        if kind == "Enterprise":
            inner = _ENTERPRISE_INNER.search(name[: -len(head)])
            if inner and len(name) - len(head) - inner.end() >= 2:
                start += inner.end()  # QFLP基金杉盛基金: the name after the apposition
                name = norm[start:end]
        if kind == "Place" and "至" in norm[start : m.start()]:
            start += norm[start : m.start()].rindex("至") + 1  # 陶拉至阿敦旗高速: the place at the end
            name = norm[start:end]
        if kind == "Place" and head in _ADMIN_PLACE_HEADS:
            inner = _COMPANY_BEFORE_PLACE.match(norm, start, m.start())
            if inner and m.start() - inner.end() >= 2:
                start = inner.end()  # 恒泰能源阿敦旗…项目: the banner after the company's name
                name = norm[start:end]
        if kind == "Project":
            inner = _CATEGORY_INNER.search(norm, start, m.start())
            if inner and not _PHASE_ONLY.fullmatch(norm[inner.end() : end]):
                start = inner.end()  # 省重大项目比亚迪滨江基地: the name after the category
                name = norm[start:end]
        if head in _SHORT_STEM_HEADS:
            # 西岭县, 岚州市: two characters after a boundary, not the end of a word (上市, 全市)
            stem2 = norm[start : m.start()]
            if (
                m.start() - start != 2
                or stem2 in _SHORT_STEM_NOT
                or any(ch in "全各本我该城上下中市县区" for ch in stem2)
                or not (start == 0 or norm[start - 1] in "，。；：、（\n辖" or text.stop_at(start))
                or (
                    m.end() < len(norm)
                    and _is_name_char(norm[m.end()])
                    and norm[m.end()] not in cues.SHORT_PLACE_NEXT
                )
            ):
                continue
        if head in _FOREIGN_UNIT_HEADS:
            country = _COUNTRY_IN_RE.search(norm, start, m.start() - 2)
            if country:
                start = country.end()  # 俄罗斯滨海边疆区: the krai after its country
                name = norm[start:end]
        if kind == "Place" and "-" in name:
            start += name.rindex("-") + 1  # 四川大学-常州国家高新区: the zone after the dash
            name = norm[start:end]
        if "年" in name and _YEAR_RE.search(name):
            continue  # 白沙市2025年政府工作报告: a title with a date, not a name
        if kind == "Place" and _LIST_COUNT_END.search(norm, start, m.start()) and "、" in norm[
            max(0, start - 8) : start
        ]:
            continue  # 东坝、西河两镇: the head is shared by a list (see _listed_towns)
        typed = _type_of(name, head, kind, norm, start, text.places)
        if typed is None and kind == "Project" and _co_built_joint(text, name, head, start):
            typed = "Project"  # 甲与乙共建光电材料联合实验室: generic words, but the partners' lab
        if typed is None:
            continue
        if (
            typed == "Agency"
            and head in cues.BUILT_INSTITUTION_HEADS
            and (_BUILD_BEFORE.search(norm, max(0, start - 6), start)
                 or _BUILD_AFTER.match(norm, _LISTED_INSTITUTIONS_RE.match(norm, end).end())  # type: ignore[union-attr]
                 or _BUILD_ENDS_CLAUSE_RE.match(norm, end))
        ):
            typed = "Project"  # 开工建设松溪市第四中学: the school is the work
        elif (
            typed == "Agency"
            and head in cues.CO_BUILT_INSTITUTION_HEADS + cues.BUILT_INSTITUTION_HEADS
            and _CO_BUILT_BEFORE.search(norm, max(0, start - 6), start)
        ):
            # 与鸿晟动力共建新能源汽车电驱动技术研究院, 与某鞋服合作创办的某鞋服产业学院: the
            # institute or school others found together is the work
            typed = "Project"
        elif (
            typed == "Place"
            and head in cues.BUILT_PLACE_HEADS
            and (_BUILT_PLACE_BEFORE.search(norm, max(0, start - 6), start)
                 or _BUILT_PLACE_AFTER.match(norm, end))
        ):
            typed = "Project"  # 滨河商业街区改造提升完成: the area is the work
        if typed in ("Project", "Enterprise") and _counted(norm, start, end):
            continue
        if typed == "Place" and name.endswith("村") and _COUNT_ENDS_CLAUSE_RE.match(norm, end):
            continue  # 建成边境幸福村9个，: a kind of village counted, not one village
        if typed == "Place" and head in _ZONE_HEAD_SET and _counted_alone(norm, end):
            continue  # 建成稻渔综合种养示范区2个: a kind of zone, counted
        part_m = _PARTS_END.search(name) if typed == "Project" else None
        if part_m and _STRUCTURAL_HEAD_END.search(name[: -len(part_m.group(0))]):
            part = part_m.group(0)  # 常泰高速主体工程 → 常泰高速
            end -= len(part)
            name = name[: -len(part)]
        parts = _split_places(norm, start, end) if typed == "Place" else []
        if parts:
            out.extend(parts)  # 双桥镇青穗村: the town and the village
            continue
        out.append(_Candidate(start, end, typed, clean_name(name), f"head:{head}"))
        if short_form and typed == "Enterprise":
            alias = norm[short_form[0] : short_form[1]]
            if len(alias) >= 2 and _subsequence(alias, name):
                out.append(_Candidate(*short_form, "Enterprise", alias, "head:short"))
    return out


def _co_built_joint(text: _Text, name: str, head: str, start: int) -> bool:
    """甲与乙共建光电材料联合实验室: a joint lab (联合 before its head) that named partners build
    together is their work, even when the words before 联合 are generic."""
    stem = name[: -len(head)] if name.endswith(head) else ""
    if not stem.endswith("联合") or len(stem) < 4 or head not in cues.JOINT_WORK_HEADS:
        return False
    verb = _CO_BUILT_BEFORE.search(text.norm, max(0, start - 6), start)
    return verb is not None and text.name_before(start - len(verb.group(0)))


# the regions whose name holds 港 (港澳, 粤港澳大湾区): no port ends at it
_PORT_REGIONS = tuple(r for r in cues.REGIONS if "港" in r)


def _kind_of_town(name: str) -> bool:
    """建设特色小镇, 商贸物流重镇: generic words before a kind of town name a kind, not a town."""
    return name.endswith(cues.TOWN_KINDS) and _generic(name[:-2], cues.GENERIC_PLACE_STEMS)


_PLACE_LEVEL_RE = re.compile(r"镇|乡|街道|县|旗|苏木|港|区")


def _split_places(norm: str, start: int, end: int) -> list[_Candidate]:
    """双桥镇青穗村 is two places: the village and the town before it (and 旗苏木嘎查 three)."""
    for m in _PLACE_LEVEL_RE.finditer(norm[start : end - 1]):
        cut = start + m.end()
        second = norm[cut:end]
        if m.group(0) == "区" and not (_place_rank(norm[start:cut]) == 3 and _place_rank(second) == 2):
            continue  # 塬北区龙泉镇: a district and its town; not 高新区某镇, not 园区
        if m.group(0) == "港" and (
            not (len(second) >= 4 and second.endswith(cues.ZONE_HEADS))
            or any(norm.startswith(r, cut - 1 - r.index("港")) for r in _PORT_REGIONS)
        ):
            # 鲸湾港大礁作业区: the port and its operating area; 琅州港岫川港区 is one, and so is
            # 某洲粤港澳合作示范区 (港 of a region's name)
            continue
        if cut - start >= 3 and end - cut >= 3 and _kind_of_town(second):
            return [_Candidate(start, cut, "Place", norm[start:cut], "head:split")]  # 某乡建设商贸物流重镇
        if cut - start >= 3 and end - cut >= 3 and (_place_rank(second) > 0 or m.group(0) == "港"):
            # 图门旗巴彦苏木乌兰嘎查: the rest may hold a further level
            rest = _split_places(norm, cut, end) or [_Candidate(cut, end, "Place", second, "head:split")]
            return [_Candidate(start, cut, "Place", norm[start:cut], "head:split"), *rest]
    return []


_ZONE_HEAD_SET = frozenset(cues.ZONE_HEADS)


def _counted_alone(norm: str, end: int) -> bool:
    """A count right after a name that ends its clause (示范区2个，) counts the name itself."""
    m = _COUNT_AFTER.match(norm, end)
    return m is not None and norm[m.end() : m.end() + 1] in ("", "，", "。", "；", "、", "\n")


def _counted(norm: str, start: int, end: int) -> bool:
    """A name with a count next to it (国家外专项目4项, 9个生态绿城项目) names a category."""
    return bool(_COUNT_AFTER.match(norm, end)) or bool(
        start and _COUNT_BEFORE.search(norm[max(0, start - 6) : start])
    )


def _type_of(
    name: str, head: str, kind: str, norm: str, start: int, places: frozenset[str] = frozenset()
) -> str | None:
    """The type a head gives a name, or None when the name is generic."""
    stem = name[: len(name) - len(head)] if name.endswith(head) else name
    stem = _PHASE_END.sub("", stem) if not name.endswith(head) else stem
    if kind == "Enterprise":
        if (
            _generic(stem, cues.GENERIC_ENTERPRISE_STEMS)
            or len(stem) < 2
            or _GENERIC_ENTERPRISE_WORD_RE.search(stem)
        ):
            return None
        return "Enterprise"
    if kind == "Agency":
        return _agency_type(name, head, stem, places)
    if kind == "Place":
        core = _QUALIFIER_RE.sub("", stem)
        if (
            _generic(stem, cues.GENERIC_PLACE_STEMS)
            or core != stem
            and _generic(core, cues.GENERIC_PLACE_STEMS)
            or len(stem) < 2
            and head in ("镇", "村", "乡")
            or name[:1].isdigit()
            or head in cues.COMMUNITY_HEADS
            and stem.endswith(cues.COMMUNITY_NOT_AFTER)
            or core.endswith(cues.DESIGNATION_ENDINGS)
            or stem.endswith(("进", "出")) and len(_ADMIN_LEVEL_SPLIT.split(stem)[-1]) != 2
            # 快递进村, 农产品出村, 下乡进村: a motion (太平乡前进村 is a village)
            or stem == "进"  # 进园区, 进社区
            or _kind_of_town(name)
            or head in _ZONE_HEAD_SET
            and stem.startswith(cues.VISION_QUALIFIERS)
            or head.startswith("示范")
            and stem.startswith(("全国", "国家", "省级", "市级"))
        ):
            return None
        return "Place"
    if kind == "Project":
        if head == "中心" and clean_name(stem).endswith(cues.AGENCY_CENTRE_STEMS):
            return "Agency"  # 区疾控中心, 区域治理现代化指挥中心: a body at work
        if head in cues.AGENCY_HEADS and head != "中心" and _RELATIVE.match(name):
            return _agency_type(name, head, stem, places)
        if head == "工程" and (
            any(w in stem for w in cues.PROGRAMME_STEMS) or stem.endswith(cues.PROGRAMME_STEM_ENDS)
        ):
            return "Policy"
        if head.endswith("园") and any(w in stem for w in cues.ZONE_STEMS):
            return "Place"  # 中欧（临漕）国际合作产业园: a zone where others act
        if (
            head in cues.ANCHORED_PROJECT_HEADS
            and not _anchored(name, places)
            and not _CO_BUILT_BEFORE.search(norm, max(0, start - 6), start)
        ):
            return None
        if _GENERIC_PROJECT_WORD_RE.search(name) or name[:1].isdigit() and not _VOLTAGE_RE.match(name):
            return None
        volts = _VOLTAGE_RE.match(stem)
        if _project_stem_ok(stem[volts.end() :] if volts else stem):  # not 220千伏线路工程
            return "Project"
        if (
            head == "项目"
            and stem.endswith("示范")
            and _project_stem_ok(stem[:-2])
            and not _DESIGNATION_VERB_BEFORE.search(norm, max(0, start - 4), start)
        ):
            return "Project"  # 东澳海上风电示范项目, 沙布尔旗绿氢示范项目: a demonstration work
        core = _QUALIFIER_RE.sub("", stem)
        if head == "工程" and len(core) >= 4 and _generic(core, cues.GENERIC_PROJECT_STEMS):
            return "Policy"  # 学前教育普惠扩容工程, 文化惠民工程: a programme of generic words
        return None
    return None


def _project_stem_ok(stem: str) -> bool:
    core = _QUALIFIER_RE.sub("", stem)
    return not (
        _generic(core, cues.GENERIC_PROJECT_STEMS)
        or core != stem
        and _generic(stem, cues.GENERIC_PROJECT_STEMS)
        or len(clean_name(core)) < 2
        or stem.startswith(cues.GENERIC_PROJECT_STEM_OPENINGS)  # not the core: 区 of 区域性
        or core.startswith(cues.GENERIC_PROJECT_STEM_OPENINGS)
        or core.endswith(cues.DESIGNATION_ENDINGS)
        and not _VILLAGE_ANCHOR_RE.match(core)
        or core.endswith(cues.GENERIC_PROJECT_STEM_ENDS)
        and not core.endswith(("全国重点", "国家重点", "省重点"))
    )


# a demonstration work of a named village or town is a work, not a title (梅岭村乡村振兴示范项目)
_VILLAGE_ANCHOR_RE = re.compile(r"(?!乡村|城乡|农村|城镇|乡镇)[\u4e00-\u9fff]{2,4}?(?:村|镇|乡|街道|社区)")


def _anchored(name: str, places: frozenset[str] = frozenset()) -> bool:
    """Does a platform's name start with a place, a company or a quoted word?"""
    quoted = _QUOTED_OPENING_RE.match(name)
    if quoted and _generic(quoted.group(1), cues.GENERIC_PROJECT_STEMS):
        return False  # “一站式”平台: a generic word in quotes anchors nothing
    return (
        name.startswith(("“", "e", "E"))
        or bool(_ANCHOR_RE.match(name))
        or any(name.startswith(p) for p in places)
    )


_ANCHOR_RE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:区|县|市|镇|集团|公司)")
_QUOTED_OPENING_RE = re.compile(r"“([^”]{1,12})”")


_UNIVERSITY_BODY_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}大学[\u4e00-\u9fff]{2,4}$")


def _agency_type(
    name: str, head: str, stem: str, places: frozenset[str] = frozenset()
) -> str | None:
    """Agency or None: a level (区, 省, 国家) or a place (松溪市, 鲸湾) before a body and its
    head (区财政局, 国家能源局, 松溪市人民医院, 鲸湾海关), an institution (复旦大学), a zone's
    board (经开区管委会), or a long enough unlevelled body (安全生产综合监督管理局)."""
    if name.endswith(cues.BRANCH_NOT_AGENCY):
        return None  # 某某供电局: a grid company's branch, not a government body
    level = _LEVEL_RE.match(name)
    town = _TOWN_SEAT_RE.match(name) if head in cues.BUILT_INSTITUTION_HEADS else None
    rest = stem[town.end() :] if town else ""
    if town and (not _generic(rest, cues.GENERIC_AGENCY_STEMS, compose=False) or not rest and len(head) >= 4):
        return "Agency"  # 允景街道第三幼儿园, 南腊佤族乡九年一贯制学校: a town's school
    if head in cues.INSTITUTION_HEADS and len(stem) >= 2:
        return None if _generic(stem, cues.GENERIC_AGENCY_STEMS, compose=False) else "Agency"
    if head in cues.SEAT_NAMED_AGENCY_HEADS and 2 <= len(stem) <= 6 and not _RELATIVE.match(name):
        return None if _generic(stem, cues.GENERIC_PLACE_STEMS) else "Agency"  # 某某口岸海关
    if head in cues.ZONE_BOARD_HEADS and stem.endswith(cues.ZONE_HEADS):
        return "Agency"  # 经开区管委会: the board of a zone
    if "附属" in stem and any(f"{h}附属" in stem[:-2] for h in cues.INSTITUTION_HEADS):
        return "Agency"  # 复旦大学附属华山医院: a body attached to an institution
    if head in cues.UNIVERSITY_BODY_HEADS and _UNIVERSITY_BODY_RE.search(stem):
        return "Agency"  # 山东大学齐鲁医院: a university's hospital, named after it
    seat = _PLACE_SEAT_RE.match(name)
    if seat and seat.group(0).endswith(cues.ZONE_HEADS):
        seat = None  # 综保区管委会: a zone, not a seat
    seat_len = seat.end() if seat else max((len(p) for p in places if name.startswith(p)), default=0)
    if seat_len and (level is None or not _RELATIVE.match(name)) and name[0] not in "我全各本该":
        body = name[seat_len : len(name) - len(head)]
        if len(head) >= 2 or len(body) >= 2:
            generic = _generic(body, cues.GENERIC_AGENCY_STEMS, compose=False) if body else False
            return None if generic else "Agency"
    if level is not None and level.group(0) in ("国家", "中央") and stem[len(level.group(0)) :]:
        body = stem[len(level.group(0)) :]
        return None if _generic(body, cues.GENERIC_AGENCY_STEMS, compose=False) else "Agency"
    if level is None or not _RELATIVE.match(name):
        if head in cues.UNLEVELLED_AGENCY_HEADS and len(stem) >= cues.UNLEVELLED_MIN_STEM:
            return (
                None
                if _generic(
                    _QUALIFIER_RE.sub("", stem), cues.GENERIC_AGENCY_STEMS, compose=False
                )
                else "Agency"
            )
        return None
    body = name[level.end() : len(name) - len(head)]
    if not body and len(head) >= 3:
        return "Agency"  # 省产研院: the head is an abbreviated name
    if _generic(body, cues.GENERIC_AGENCY_STEMS, compose=False) or _generic(
        _QUALIFIER_RE.sub("", body), cues.GENERIC_AGENCY_STEMS, compose=False
    ):
        return None
    return "Agency"


# A written place before a body: 松溪市人民医院, 朔原市第一人民医院, 海港区发展和改革局.
_BUILD_BEFORE = _Suffixes(cues.BUILD_BEFORE)
_CO_BUILT_BEFORE = _Suffixes(cues.CO_BUILD_VERBS + tuple(v + "的" for v in cues.CO_BUILD_VERBS))
_BUILD_AFTER = re.compile(_alternation(cues.BUILD_AFTER))
# what may stand between a school and the verb that opens it: the other schools of its list and
# a word of time (甲实验学校、乙小学秋季开学投用)
_LISTED_INSTITUTIONS_RE = re.compile(
    "(?:、[\u4e00-\u9fff]{2,12}?(?:" + _alternation(cues.BUILT_INSTITUTION_HEADS) + "))*(?:"
    + _alternation(cues.BUILD_AFTER_TIMES) + ")?"
)
_BUILT_PLACE_BEFORE = _Suffixes(cues.BUILT_PLACE_BEFORE)
_BUILT_PLACE_AFTER = re.compile(_alternation(cues.BUILT_PLACE_AFTER))
_COUNT_ENDS_CLAUSE_RE = re.compile(r"\d+个(?:以上)?[，。；,;]")
# 推进某小学建设。, 加快甲学校和乙小学建设，(not 某学院建设某基地)
_BUILD_ENDS_CLAUSE_RE = re.compile(r"(?:[和、与及][^，。；、]{2,16}?)?建设[，。；,;]")
_ADMIN_LEVEL_SPLIT = re.compile("乡|镇|街道|县|区|市")
_TOWN_SEAT_RE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道)(?=第|[\u4e00-\u9fff]{2})")
_PLACE_SEAT_RE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:省|市|县|区)(?=第|[\u4e00-\u9fff]{2})")


_ROAD_RE = re.compile(
    r"([\u4e00-\u9fff]{2,4}(?:"
    + _alternation(cues.ROAD_HEADS)
    + r"))([东西南北]延段|(?:[东西南北]延)?(?="
    + _alternation(cues.ROAD_BUILD_CUES + ("、", "等"))
    + "))"
)
_ROAD_CODE_RE = re.compile(cues.ROAD_CODE)


def _roads(text: _Text) -> list[_Candidate]:
    """Roads the text builds (紫金山路、武夷山路等市政道路顺利通车; 国道353线)."""
    norm = text.norm
    out = []
    for m in _ROAD_RE.finditer(norm):
        start = m.start(1)
        if start and _is_cjk(norm[start - 1]) and m.group(1).endswith(("大道", "公路")):
            # the name opens before the pattern's four characters (汐澜港疏港大道)
            start = max(text.left_edge(m.end(1) - 1), start - 4)
        name = norm[start : m.end(0)]
        if m.group(1).endswith(cues.NOT_ROADS):
            continue
        if len(name) >= 3 and not _generic(name[:-1], cues.GENERIC_PROJECT_STEMS):
            out.append(_Candidate(start, m.end(0), "Project", name, "road"))
    for m in _ROAD_CODE_RE.finditer(norm):
        out.append(_Candidate(m.start(), m.end(), "Project", m.group(0), "road-code"))
    return out


# --- marks: 《》 and “” --------------------------------------------------------------


def _book_titles(norm: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), "Policy", m.group(1), "book-title", rank=9)
        for m in re.finditer(r"《([^《》\n]{2,60})》", norm)
    ]


_POLICY_TAIL_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z0-9]{0,"
    + str(cues.MAX_POLICY_TAIL)
    + r"}?(?:"
    + _alternation(cues.POLICY_HEADS)
    + r"))"
)
_POLICY_HEAD_RE = _Suffixes(cues.POLICY_HEADS)
_QUOTED_CODE_COHORT = re.compile(_alternation(cues.QUOTED_CODE_COHORTS))
_CODE_RE = re.compile(r"(?=[^“”]*\d)[0-9A-Za-z+＋]{2,12}")
_LEVEL_CHAR = "省市区县"


def _quoted(text: _Text) -> list[_Candidate]:
    """Policies named in “”: by the quoted phrase, by its tail, or by the words around it."""
    norm = text.norm
    out = []
    for m in re.finditer(r"“([^“”\n]{1,30})”", norm):
        inner = m.group(1)
        tail = _POLICY_TAIL_RE.match(norm, m.end())
        follower = next(
            (f for f in cues.QUOTED_POLICY_FOLLOWERS if norm.startswith(f, m.end())), ""
        )
        if tail and (tail.group(1) == "政策" or norm[m.start() - 1 : m.start()] == "”"):
            if (
                tail.group(1) == "政策"
                and norm[m.start() - 1 : m.start()] != "”"
                and "、" not in inner
                and _QUOTED_POLICY_VERB.search(norm, max(0, m.start() - 6), m.start())
                and _QUOTE_CLOSE_RE.match(norm, tail.end())
            ):
                # 全面落实“双减”政策: a policy carried out, named by its quote
                out.append(_Candidate(m.start(), m.end(), "Policy", inner, "quoted+政策", rank=8))
            continue  # “政策找企”“免申即享”政策红利: slogans in a row
        if tail and tail.group(1) in cues.QUOTED_BARE_TAILS:
            continue  # 落实“人物同防”措施, “乙类乙管”各项措施: measures under a slogan, no document
        if tail and not _breaks(tail.group(1)):
            if any(w in tail.group(1) for w in cues.WORK_TAIL_WORDS) and tail.group(1).endswith(
                "工程"
            ):
                continue  # “运河绿廊”生态修复工程 is a work, found by its head
            start = text.policy_edge(m.start(), quoted=True)
            while start < m.start() and norm[start] in _LEVEL_CHAR and norm[start + 1] not in "城域":
                start += 1  # 市“…”行动: the level is the report's; 县城“扩容提质”三年攻坚行动 keeps 县城
            if _place_prefix(norm[start : m.start()], text.places):
                start = m.start()  # 全国“亩均论英雄”改革, 开发区“管委会+公司”改革: the quoted name
            name = clean_name(norm[start : tail.end()])
            out.append(_Candidate(start, tail.end(), "Policy", name, "quoted+head", rank=8))
        elif _POLICY_HEAD_RE.search(inner) and "、" not in inner:
            start = _topic_before(text, m.start()) if _COUNT_NAMED.match(inner) else m.start()
            name = clean_name(norm[start : m.end()])
            out.append(_Candidate(start, m.end(), "Policy", name, "quoted", rank=8))
        elif (cohort := _QUOTED_CODE_COHORT.match(norm, m.end())) and _CODE_RE.fullmatch(inner):
            # 推动“1115”大企业上台阶: a numbered programme named by the cohort it raises
            name = inner + cohort.group(0)
            out.append(_Candidate(m.start(), cohort.end(), "Policy", name, "quoted-code", rank=8))
        elif inner.endswith(cues.QUOTED_POLICY_ENDINGS) and len(inner) >= 3:
            out.append(_Candidate(m.start(), m.end(), "Policy", inner, "quoted-ending", rank=8))
        elif any(
            norm.endswith(before, 0, m.start()) and norm.startswith(after, m.end())
            for before, after in cues.QUOTED_POLICY_FRAMES
        ) and "、" not in inner:
            # 坚持“制造业当家”不动摇: a line held to is a strategy, named by its quote
            out.append(_Candidate(m.start(), m.end(), "Policy", inner, "quoted-frame", rank=8))
        elif follower:
            out.append(
                _Candidate(m.start(), m.end(), "Policy", inner, "quoted+" + follower, rank=8)
            )
        elif (
            len(inner) >= 4
            and "、" not in inner
            and _QUOTED_POLICY_VERB.search(norm, max(0, m.start() - 6), m.start())
            and _QUOTE_CLOSE_RE.match(norm, m.end())
        ):
            # 深化“双招双引”，探索建设“无废城市”: a programme carried out, named by its quote
            out.append(_Candidate(m.start(), m.end(), "Policy", inner, "quoted+verb", rank=8))
    return out


_COUNT_NAMED = re.compile(r"[一二两三四五六七八九十百千万\d]+[大号项]")


def _topic_before(text: _Text, start: int) -> int:
    """数字经济“一号工程”, 促消费“十大行动”: a quoted programme named by a count and its head
    takes the topic written before it; a level or a place does not (省“十大工程”)."""
    norm = text.norm
    edge = text.policy_edge(start, quoted=True)
    while edge < start and norm[edge] in _LEVEL_CHAR:
        edge += 1
    if edge == start or _place_prefix(norm[edge:start], text.places):
        return start
    return edge


_VERB_POLICY_STOPS = tuple(w for w in cues.POLICY_LEFT_STOPS if len(w) >= 2 and w[0] != "全")
_ANY_POLICY_HEAD = _Suffixes(cues.UNQUOTED_POLICY_HEADS + cues.POLICY_HEADS)


def _across_and(text: _Text, start: int) -> int:
    """落实黄河流域生态保护和高质量发展战略: an unquoted name holds 和 when the words before
    it are no policy of their own and a governing verb (落实, 实施) opens them; 创新驱动发展战略和
    乡村振兴战略 stay two. So does 等 in a national campaign's name (实施高校毕业生等青年就业服务
    攻坚行动)."""
    norm = text.norm
    if start < 1 or norm[start - 1] not in "和等":
        return start
    before = text.policy_edge(start - 1)
    part = norm[before : start - 1]
    if (
        4 <= len(part) <= 12
        and norm[:before].endswith(_VERB_POLICY_STOPS)
        and _ANY_POLICY_HEAD.search(part) is None
    ):
        return before
    return start


_QUOTED_POLICY_VERB = _Suffixes(cues.QUOTED_POLICY_VERBS)
_QUOTE_CLOSE_RE = re.compile(r"[，。；]|(?:建设|工作)[，。；]")


def _place_prefix(prefix: str, places: frozenset[str]) -> bool:
    """Is the text before a quoted name a level or a place (全国, 省, 松溪经济技术开发区)?"""
    head = _PLACE_HEAD_END.search(prefix)
    return bool(prefix) and bool(
        _QUALIFIER_RE.fullmatch(prefix)
        or head
        and len(prefix) - len(head.group(0)) >= 2
        or any(prefix.startswith(p) for p in places)
    )


_PLACE_HEAD_END = _Suffixes(cues.PLACE_HEADS)


def _breaks(tail: str) -> bool:
    """Does a quoted phrase's tail run into the next clause (一个“X”的计划…)?"""
    return any(w in tail for w in ("的", "和", "等", "与", "为", "是", "在", "及"))


_UNQUOTED_POLICY_RE = _words_re(cues.UNQUOTED_POLICY_HEADS)
_COUNTED_RULES = re.compile(r"[一二两三四五六七八九十\d]+[项条]$")


def _unquoted_policies(text: _Text) -> list[_Candidate]:
    """Plans and campaigns named without marks (持续实施全民参保计划, 坚持就业优先战略)."""
    norm = text.norm
    out = []
    for m in _UNQUOTED_POLICY_RE.finditer(norm):
        nxt = norm[m.end() : m.end() + 1]
        if (
            nxt
            and ("\u4e00" <= nxt <= "\u9fff")
            and nxt not in "等和及与"
            and not (m.group(0).endswith("行动") and norm.startswith(cues.CAMPAIGN_FOLLOWERS, m.end()))
        ):
            continue  # 计划投资, 战略科技人才: the head is part of a longer word
        start = text.policy_edge(m.start())
        start = _across_and(text, start)
        while start < m.start() and norm[start] in _LEVEL_CHAR + "“”":
            start += 1
        stem = norm[start : m.start()]
        # 乡村建设行动: a campaign's long stem may be made of common words and still name it
        compose = len(stem) < cues.MIN_STEM_BY_POLICY_HEAD["行动"] or not m.group(0).endswith("行动")
        if "“" in stem or "”" in stem or len(stem) < 2 or _generic(
            stem, cues.GENERIC_POLICY_STEMS, compose=compose
        ):
            continue
        if len(stem) < cues.MIN_STEM_BY_POLICY_HEAD.get(m.group(0), 0):
            continue  # 实际行动: a bare 行动 needs a named campaign before it
        if re.match(r"[\d一二三四五六七八九十两]+大", stem) or stem[:1].isdigit():
            continue
        if m.group(0) in cues.COUNTED_POLICY_HEADS and not _COUNTED_RULES.search(stem):
            continue  # 中央八项规定 is named by its count; 落实重大行政决策程序规定 is no policy
        out.append(
            _Candidate(
                start, m.end(), "Policy", clean_name(norm[start : m.end()]), "policy-head", rank=7
            )
        )
    return out


# --- places from tables and the gazetteer ------------------------------------------


_TABLE_RE = _words_re(
    cues.COUNTRIES + cues.REGIONS + cues.FOREIGN_CITIES + cues.STOCK_EXCHANGES + cues.FIXED_AGENCIES
    + cues.FIXED_POLICIES + cues.CENTRAL_ENTERPRISES
)
_TABLE_TYPE = {
    **{w: "Place" for w in cues.COUNTRIES + cues.REGIONS + cues.FOREIGN_CITIES},
    **{w: "Policy" for w in cues.FIXED_POLICIES},
    **{w: "Enterprise" for w in cues.STOCK_EXCHANGES + cues.CENTRAL_ENTERPRISES},
    **{w: "Agency" for w in cues.FIXED_AGENCIES},
}


def _tables(norm: str) -> list[_Candidate]:
    out = []
    for m in _TABLE_RE.finditer(norm):
        name, end, cue = m.group(0), m.end(), "table"
        if name in _REGIONS and norm.startswith("地区", end):
            end, cue = end + 2, "written-as"  # 京津冀地区: the region, with the form written
        out.append(_Candidate(m.start(), end, _TABLE_TYPE[name], name, cue, rank=2))
    return out


_REGIONS = frozenset(cues.REGIONS)


_ADMIN_END = re.compile(r"自治区|自治州|自治县|特别行政区|[省市区县盟旗州]")
_ADMIN_PART = re.compile(
    r"[\u4e00-\u9fff]{2,}?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|盟|旗)"
)


def _admin_parts(name: str) -> list[str]:
    """The administrative parts of a written place name (临漕市运河区 → 临漕市, 运河区).

    >>> _admin_parts("常州市新北区")
    ['常州市', '新北区']
    """
    chain = gazetteer.chain(name)
    if chain:
        return [p.name for p in chain if p.name in name]
    parts = _ADMIN_PART.findall(name)
    return parts if "".join(parts) == name else [name]


@lru_cache(maxsize=64)
def _gazetteer_names(jurisdiction: str | None) -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    """Admin names to look for: provinces and cities anywhere, counties of the same city;
    with the lengths of those names, longest first, under each last character (a name can
    only end in the character it is looked for at)."""
    names: dict[str, str] = {name: name for name in _cities_and_provinces()}  # written → full
    for p in gazetteer.jurisdiction_chain(jurisdiction):
        names[p.name] = p.name
        for s in gazetteer.siblings(p) if p.level == "county" else []:
            if gazetteer.is_county_name(s.name):
                names.setdefault(s.name, s.name)
    if jurisdiction:
        names[jurisdiction] = jurisdiction
        for part in _admin_parts(jurisdiction):
            names.setdefault(part, part)
    lengths: dict[str, set[int]] = {}
    for n in names:
        lengths.setdefault(n[-1], set()).add(len(n))
    return names, {last: tuple(sorted(ns, reverse=True)) for last, ns in lengths.items()}


@lru_cache(maxsize=1)
def _cities_and_provinces() -> tuple[str, ...]:
    """The names of the gazetteer's provinces and cities of three characters or more."""
    return tuple(
        p.name
        for p in gazetteer._table()[0].values()
        if p.level in ("province", "city") and len(p.name) >= 3
    )


def _county_after(norm: str, end: int, city: str) -> str | None:
    """A county of *city* written right after it (江苏省苏州市吴江区 → 吴江区), from the
    gazetteer; any county name may follow its own city, not just the report's neighbours."""
    for gp in gazetteer.lookup(city):
        if gp.level != "city":
            continue
        for c in gazetteer.children(gp):
            if len(c.name) >= 3 and norm.startswith(c.name, end):
                return c.name
    return None


def _admin_places(doc: Document) -> list[_Candidate]:
    names, lengths_by_last = _gazetteer_names(doc.jurisdiction)
    out: list[_Candidate] = []
    norm = doc.norm
    last = -1
    # every admin name ends in 省/市/区/县…: look back from those characters only
    for m in _ADMIN_END.finditer(norm):
        end = m.end()
        for n in lengths_by_last.get(norm[end - 1], ()):
            start = end - n
            if start > last and norm[start:end] in names:
                out.append(
                    _Candidate(start, end, "Place", names[norm[start:end]], "gazetteer", rank=3)
                )
                last = end - 1
                county = _county_after(norm, end, names[norm[start:end]])
                if county:  # 苏州市吴江区: a city written out before one of its counties
                    out.append(_Candidate(end, end + len(county), "Place", county, "gazetteer",
                                          rank=3))
                    last = end + len(county) - 1
                break
    shorts = _short_forms(doc)
    if shorts:
        for m in re.finditer(_alternation(shorts), norm):
            out.append(_Candidate(m.start(), m.end(), "Place", shorts[m.group(0)], "short", rank=1))
    return out


@lru_cache(maxsize=1)
def _city_shorts() -> frozenset[str]:
    """Short forms of provinces and cities (上海, 杭州, 江苏), from the gazetteer."""
    shorts = {
        gazetteer.short_name(p.name)
        for p in gazetteer._table()[0].values()
        if p.level in ("province", "city")
    }
    return frozenset(w for w in shorts if 2 <= len(w) <= 3 and not w.endswith(("市", "省", "区")))


_LIST_MARK_RE = re.compile("、")


def _listed_cities(text: _Text) -> list[_Candidate]:
    """上海、杭州、南京等中心城市; 赴上海、深圳开展招商: a short city name stands alone in a
    、-list (another name is joined to it), never inside a longer word."""
    shorts = _city_shorts()
    norm = text.norm
    out: list[_Candidate] = []
    seen: set[int] = set()
    for k in _LIST_MARK_RE.finditer(norm):  # a short name stands next to a 、
        k0 = k.start()
        spans = [(k0 - n, k0) for n in (3, 2)] + [(k0 + 1, k0 + 1 + n) for n in (3, 2)]
        for s, e in spans:
            if s < 0 or s in seen or norm[s:e] not in shorts:
                continue
            before, after = norm[s - 1 : s], norm[e : e + 1]
            opens = s == 0 or before in "，。；：、（\n" or text.stop_at(s)
            closes = after in "、，。；：）" or norm.startswith(cues.SHORT_PLACE_FOLLOWERS, e)
            if opens and closes or before == "赴" and after == "、":
                seen.add(s)
                out.append(_Candidate(s, e, "Place", norm[s:e], "city-short", rank=0))
    return out


@lru_cache(maxsize=1)
def _province_shorts_re() -> re.Pattern[str]:
    """The short names of the gazetteer's provinces (广西, 浙江, 黑龙江)."""
    shorts = {
        gazetteer.short_name(p.name)
        for p in gazetteer._table()[0].values()
        if p.level == "province"
    }
    return re.compile(_alternation(w for w in shorts if 2 <= len(w) <= 3))


_PROVINCE_BEFORE = _Suffixes(cues.PROVINCE_BEFORE)
_PROVINCE_AFTER = re.compile(_alternation(cues.SHORT_PLACE_FOLLOWERS + cues.PROVINCE_AFTER))


def _standing_provinces(text: _Text) -> list[_Candidate]:
    """桂源地处广西东部、毗邻广东的区位优势: a province's short name standing alone."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _province_shorts_re().finditer(norm):
        s, e = m.span()
        opens = (
            s == 0
            or norm[s - 1] in "，。；：、（\n"
            or text.stop_at(s)
            or _PROVINCE_BEFORE.search(norm, max(0, s - 2), s) is not None
        )
        if opens and _PROVINCE_AFTER.match(norm, e):
            out.append(_Candidate(s, e, "Place", m.group(0), "province-short", rank=0))
    return out


def _after(chars: str, words: Iterable[str]) -> str:
    """``(?<=[chars])(?:words)`` written word by word, each followed by its own lookbehind: the
    same matches, but every alternative opens with a character of its own, so the scan skips
    in C to where one may start (a leading lookbehind is tried at every position).

    >>> _after("山", ["南麓", "矿山"])
    '南麓(?<=[山]南麓)|矿山(?<=[山]矿山)'
    """
    before = "[" + re.escape(chars) + "]"
    return "|".join(
        f"{re.escape(w)}(?<={before}{re.escape(w)})"
        for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


_WATER_CONTEXT_RE = re.compile(
    _after(cues.WATER_ENDINGS, cues.WATER_CONTEXT)
    # 乌兰河（白音段）: a river's section in brackets (each bracket on its own, as above)
    + "".join(
        f"|{re.escape(b)}(?<=[{cues.WATER_ENDINGS}]{re.escape(b)})[\u4e00-\u9fff]{{2,4}}段[）)]"
        for b in "（("
    )
)
_WATER_NAME = "[\u4e00-\u9fff]{1,3}[" + cues.WATER_ENDINGS + "]"
_WATER_LIST_RE = re.compile(f"(?:{_WATER_NAME}[{cues.WATER_LIST_JOINERS}])+{_WATER_NAME}")
_WATER_LIST_SPLIT = re.compile(f"[{cues.WATER_LIST_JOINERS}]")
_WATER_JOIN_RE = re.compile(f"[{cues.WATER_ENDINGS}][{cues.WATER_LIST_JOINERS}]")


_RESERVOIR_RE = re.compile(
    "(?:" + _alternation(cues.RESERVOIR_HEADS) + ")(?=" + _alternation(cues.RESERVOIR_CONTEXT) + ")"
)


def _reservoirs(text: _Text) -> set[str]:
    """青峰水库饮用水水源保护区: a reservoir protected or acted on as a water."""
    out = set()
    for m in _RESERVOIR_RE.finditer(text.norm):
        start = max(text.left_edge(m.start()), m.start() - 4)
        stem = text.norm[start : m.start()]
        if len(stem) >= 2 and not _generic(stem, cues.GENERIC_PLACE_STEMS):
            out.add(stem + m.group(0))
    return out


def _water_name(name: str) -> bool:
    stem = name[:-1]
    return (
        2 <= len(name) <= 4
        and not any(ch in "河江湖" for ch in stem)  # 松溪河 holds 溪
        and stem[0] not in _LEVEL_CHAR + "全各本我该" + cues.WATER_MOTION_STARTS
        and not _generic(stem, cues.GENERIC_PLACE_STEMS)
    )


def _listed_waters(text: _Text, waters: set[str]) -> set[str]:
    """岫川河、芦浦河全面消除劣Ⅴ类水体: the names listed with a known water are waters too."""
    out: set[str] = set()
    # a list's first joiner stands within its first five characters: no list opens before
    # three characters ahead of the first water name followed by a joiner
    first = _WATER_JOIN_RE.search(text.norm)
    if first is None:
        return out
    for m in _WATER_LIST_RE.finditer(text.norm, max(0, first.start() - 3)):
        parts = _WATER_LIST_SPLIT.split(m.group(0))
        if "" in parts:
            continue  # 甲河、和平河: a joiner opens a name, no list to read
        first_end = m.start() + len(parts[0])
        parts[0] = text.norm[max(text.left_edge(first_end), first_end - 4) : first_end]
        if any(p in waters for p in parts):
            out |= {p for p in parts if _water_name(p)}
    return out


def _waters(text: _Text) -> list[_Candidate]:
    """Rivers and lakes the report acts on: a water name that stands before 流域, 干流, 航道,
    国考断面 … somewhere (松溪河流域, 德胜河航道整治) is a place wherever it stands alone, and
    a section of it (长江干流青山段) is one too."""
    norm = text.norm
    waters: set[str] = set()
    for m in _WATER_CONTEXT_RE.finditer(norm):
        start = max(text.left_edge(m.start()), m.start() - 4)
        lead = _LEADING_BUILD_RE.match(norm, start, m.start())
        if lead and m.start() - lead.end() >= 2:
            start = lead.end()  # 建设黄河流域…: the verb governs the river's name
        name = norm[start : m.start()]
        if _water_name(name):
            waters.add(name)
    waters |= _reservoirs(text)
    out: list[_Candidate] = []
    if not waters:
        return out
    waters |= _listed_waters(text, waters)
    # the names alone make a small pattern, cheap to compile for each report; the section
    # after a name is matched by a pattern compiled once (a CJK range is costly to compile)
    names = re.compile(_alternation(waters))
    pos = 0
    while (hit := names.search(norm, pos)) is not None:
        start, end = hit.span()
        section = _WATER_SECTION_RE.match(norm, end)
        nxt = norm[end : end + 1]
        if section:
            # 长江干流青山段 is a place; inside a work's name (某河某段防洪治理工程) the work
            # is on the river, which stands as a candidate of its own
            out.append(_Candidate(start, end, "Place", hit.group(0), "water", rank=2))
            end = section.end()
            out.append(_Candidate(start, end, "Place", norm[start:end], "water-section", rank=2))
        elif nxt not in cues.HEAD_WORD_AFTER.get("河", "") and not (
            hit.group(0).endswith("溪") and nxt and nxt in cues.WATER_NOT_BEFORE
        ):
            out.append(_Candidate(start, end, "Place", hit.group(0), "water", rank=2))
        pos = end
    return out


_WATER_SECTION_RE = re.compile(r"(?:干流|支流)?[\u4e00-\u9fff]{2,3}?段")  # 长江干流青山段


# a mountain where something is done or a route ends (在某山实施…, 至某山的…)
_MOUNTAIN_PLACE_RE = re.compile(r"(?:在|至)([\u4e00-\u9fff]{2,4}[山岭])(?=的|实施|开展|建设|推进|打造|完成)")
_MOUNTAIN_CONTEXT_RE = re.compile(_after("山", cues.MOUNTAIN_CONTEXT))


def _mountain_name(name: str) -> bool:
    stem = name[:-1]
    return (
        2 <= len(stem) <= 4
        and "山" not in stem
        and _is_cjk(stem[0])
        and stem[0] not in _LEVEL_CHAR + "全各本我该"
        and not stem.endswith(cues.NOT_MOUNTAIN_STEM_ENDS)
        and not _generic(stem, cues.GENERIC_PLACE_STEMS)
    )


def _standing_free(
    norm: str, names: set[str], cue: str, after: Iterable[str], seen: Iterable[int] = ()
) -> list[_Candidate]:
    """Places found by their context (a mountain, an island, a port) are places wherever their
    name stands free: right before one of *after* (the end of the text too, when *after* is a
    string), except where they were found (*seen*)."""
    skip = set(seen)
    return [
        _Candidate(hit.start(), hit.end(), "Place", hit.group(0), cue, rank=2)
        for hit in re.finditer(_alternation(names), norm)
        if hit.start() not in skip and norm[hit.end() : hit.end() + 1] in after
    ]


def _mountains(text: _Text) -> list[_Candidate]:
    """Mountains the report acts on: a name before 废弃矿山, 生态修复, 南麓 … (哈达图山废弃矿山治理)
    is a place there, and wherever it stands alone (before a clause break)."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _MOUNTAIN_CONTEXT_RE.finditer(norm):
        start = max(text.left_edge(m.start() - 1), m.start() - 5)
        name = norm[start : m.start()]
        if _mountain_name(name) and all(_is_cjk(ch) for ch in name):
            out.append(_Candidate(start, m.start(), "Place", name, "mountain", rank=2))
    # 在青峰山实施天然林保护修复, 至青峰山的直通车
    return _placed_and_free(norm, out, _MOUNTAIN_PLACE_RE, _mountain_name, "mountain")


def _placed_and_free(
    norm: str, out: list[_Candidate], place_re: re.Pattern[str], name_ok: Callable[[str], bool], cue: str
) -> list[_Candidate]:
    """The places *out* found by their context, those *place_re* (group 1) finds where something is
    done, and every other place their names stand free (:func:`_standing_free`)."""
    for m in place_re.finditer(norm):
        if name_ok(m.group(1)):
            out.append(_Candidate(m.start(1), m.end(1), "Place", m.group(1), cue, rank=2))
    names = {c.name for c in out}
    if not names:
        return out
    return out + _standing_free(norm, names, cue, "，。；、", {c.start for c in out})


_ISLAND_CONTEXT_RE = re.compile(_after("岛", cues.ISLAND_CONTEXT))
# an island where something is done (把某岛打造成为…, 在某岛实施…), a two-character stem
_ISLAND_PLACE_RE = re.compile(
    "(?:" + _alternation(cues.ISLAND_BEFORE) + r")([\u4e00-\u9fff]{2}岛)"
    r"(?=的|实施|开展|建设|推进|打造|完成|[，。；、])"
)


def _two_char_stem_ok(stem: str) -> bool:
    """A two-character stem that may name an island or a port (not 全岛, 本港, 区域)."""
    return (
        len(stem) == 2
        and all(_is_cjk(ch) for ch in stem)
        and stem[0] not in _LEVEL_CHAR + "全各本我该"
        and not _generic(stem, cues.GENERIC_PLACE_STEMS)
    )


def _island_name(name: str) -> bool:
    stem = name[:-1]
    return _two_char_stem_ok(stem) and "岛" not in stem and stem[-1] not in cues.NOT_ISLAND_STEM_ENDS


def _islands(text: _Text) -> list[_Candidate]:
    """Islands the report names as places: a two-character name before 海岛, 腹地, 周边海域 …
    (某屿岛海岛观光) or after 把, 在, 背靠 … before a verb or a clause break is a place there, and
    wherever it stands alone (before a clause break). 岛 alone is no head: 海岛, 半岛, 环岛 are
    words, and a name before others (某岛生物医药产业园) is part of theirs."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _ISLAND_CONTEXT_RE.finditer(norm):
        start = m.start() - 3
        if start < 0 or text.left_edge(m.start() - 1) > start:
            continue
        name = norm[start : m.start()]
        if _island_name(name):
            out.append(_Candidate(start, m.start(), "Place", name, "island", rank=2))
    return _placed_and_free(norm, out, _ISLAND_PLACE_RE, _island_name, "island")


# a port before one of its named areas (汐澜港东澳港区 → 汐澜港); the area is found by its head
_PORT_BEFORE_PART_RE = re.compile(
    r"[\u4e00-\u9fff]{2}港(?=[\u4e00-\u9fff]{2}(?:" + _alternation(cues.PORT_PART_HEADS) + "))"
)
_PORT_FREE_AFTER = frozenset("至与和及、，。；的")


def _ports(text: _Text) -> list[_Candidate]:
    """Ports known by their areas (某港某港区, 某港某作业区) are places where their name stands
    free: before 至, 与, a list mark or a clause break, not inside 某港投集团 or 某港疏港大道.
    A port joined to a known one (甲港与乙港建立友好港关系) is a port too."""
    norm = text.norm
    names: set[str] = set()
    # a match holds an area's head five characters in: none opens before the first head
    heads = [p for p in (norm.find(h) for h in cues.PORT_PART_HEADS) if p != -1]
    for m in _PORT_BEFORE_PART_RE.finditer(norm, max(0, min(heads) - 5)) if heads else ():
        name = m.group(0)
        if text.left_edge(m.end() - 1) <= m.start() and _two_char_stem_ok(name[:-1]):
            names.add(name)
    out: list[_Candidate] = []
    if not names:
        return out
    joined = re.compile(
        "(?:" + _alternation(names) + ")[" + cues.PORT_JOINERS + r"]([\u4e00-\u9fff]{2,3}港)(?=[^"
        + cues.PORT_NAME_NOT_BEFORE + "])"
    )
    for m in joined.finditer(norm):
        stem = m.group(1)[:-1]
        if all(_is_cjk(ch) for ch in stem) and not _generic(stem, cues.GENERIC_PLACE_STEMS):
            out.append(_Candidate(m.start(1), m.end(1), "Place", m.group(1), "port", rank=2))
    return out + _standing_free(norm, names, "port", _PORT_FREE_AFTER)


# opening with 村 itself (its lookbehind after it), the scan skips to each 村 in C
_HAMLET_RE = re.compile(
    "村(?<=[\u4e00-\u9fff]村)([\u4e00-\u9fff]{2}(?:" + _alternation(cues.HAMLET_HEADS) + "))(?![级田])"
)


def _hamlets(text: _Text) -> list[_Candidate]:
    """某村弄岗屯: a natural village written right after its village is a place (村屯, 自然屯 are not)."""
    out = []
    for m in _HAMLET_RE.finditer(text.norm):
        if not _generic(m.group(1)[:-1], cues.GENERIC_PLACE_STEMS):
            out.append(_Candidate(m.start(1), m.end(1), "Place", m.group(1), "hamlet"))
    return out


_SUB_PARK_RE = re.compile(
    "(?:" + _alternation(cues.SUB_PARK_ZONES) + ")([\u4e00-\u9fff]{2,3}?)(?:"
    + _alternation(cues.SUB_PARK_HEADS) + ")(?![\u4e00-\u9fff])"
)


_DISTRICT_RE = re.compile(
    r"(?:(?<=[，。；、：（(\n辖])|^)(?=([\u4e00-\u9fff]{3})区[" + cues.SHORT_PLACE_NEXT + "])"
)


def _named_districts(text: _Text) -> list[_Candidate]:
    """全市辖青格尔区、阿敦旗…: a district with a three-character name of its own, standing
    between boundaries (a two-character one is found through the gazetteer or the report's
    own jurisdiction; too many two-character words end in 区)."""
    out: list[_Candidate] = []
    for m in _DISTRICT_RE.finditer(text.norm):
        stem = m.group(1)
        if (
            any(ch in "全各本我该城上下中市县区镇乡村" for ch in stem)
            or _generic(stem, cues.GENERIC_PLACE_STEMS)
            or stem.endswith(_DISTRICT_STEM_NOT)
            or text.stop_at(m.start(1))
            or stem[0] == "辖"  # 辖塬北区: the verb; the district is found after it
        ):
            continue
        out.append(_Candidate(m.start(1), m.end(1) + 1, "Place", stem + "区", "district", rank=1))
    return out


# three-character stems that make a kind of area, not a district's name (自然保护区, 先行示范区)
_DISTRICT_STEM_NOT = ("示范", "保护", "功能", "试验", "先行", "核心", "集聚", "开发", "合作", "发展",
                      "园", "片", "新", "景", "牧", "山", "林", "灾", "辖", "社", "小", "校", "院")


def _sub_parks(text: _Text) -> list[_Candidate]:
    """落户沄州高新区棠溪园: a zone's park named by the zone and a place is one place."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _SUB_PARK_RE.finditer(norm):
        stem = m.group(1)
        zone_end = m.start(1)
        start = text.left_edge(zone_end)
        if (
            zone_end - start < 4  # the zone has a name of its own before its head
            or _generic(stem, cues.GENERIC_PLACE_STEMS)
            or any(not _is_name_char(ch) for ch in norm[start : m.end()])
        ):
            continue
        out.append(_Candidate(start, m.end(), "Place", norm[start : m.end()], "sub-park", rank=2))
    return out


# 等 or a count (三个), then the head: written to open with one character class, so the scan
# skips in C to where a match may start; (?:等|[…]+个?) tries a match at every position
_LISTED_TOWNS_RE = re.compile(
    r"[等两二三四五六七八九十\d](?:(?<=等)|(?<!等)[两二三四五六七八九十\d]*个?)(街道|镇|乡|村)(?![镇村])"
)
_LIST_COUNT_END = _Suffixes(["两", "二", "三", "四", "五", "六", "七", "八", "九", "十", "个"])


def _listed_towns(text: _Text) -> list[_Candidate]:
    """望潮、鲸口两个街道; 芦花、石岭等乡: a list of short names shares its head."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _LISTED_TOWNS_RE.finditer(norm):
        members = _list_before(text, m.start())
        if len(members) < 2:
            continue
        for s, e in members:
            name = norm[s:e]
            if 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name) and not (
                _generic(name, cues.GENERIC_PLACE_STEMS) or _HEAD_END_ANY.search(name)
            ):
                out.append(_Candidate(s, e, "Place", name + m.group(1), "shared-town", rank=-2))
    return out


def _short_forms(doc: Document) -> dict[str, str]:
    """Short forms of the jurisdiction and its parents (新北, 常州, 江苏) → full names."""
    out: dict[str, str] = {}
    chain = gazetteer.jurisdiction_chain(doc.jurisdiction)
    names = [p.name for p in chain] or _admin_parts(doc.jurisdiction or "")
    parent = gazetteer.text_parent_city(doc.norm, doc.jurisdiction or "") if not chain else None
    for name in names + ([parent] if parent else []):
        short = gazetteer.short_name(name)
        if short != name:
            out[short] = name
    return out


def _political(doc: Document) -> list[_Candidate]:
    """Party and state bodies: 市委, 区人民政府, 县人大, 县政协, 岚州市委, 青山县人民政府."""
    out = []
    known = set(_admin_parts(doc.jurisdiction or "")) | {doc.jurisdiction or ""}
    parent = gazetteer.text_parent_city(doc.norm, doc.jurisdiction or "")
    if parent:
        known.add(parent)
    norm = doc.norm
    prev_end = 0
    for m in _POLITICAL_RE.finditer(norm):
        start = m.start("level")
        k0 = start
        while k0 > max(prev_end, start - 3) and "\u4e00" <= norm[k0 - 1] <= "\u9fff":
            k0 -= 1
        place = norm[k0:start] if start - k0 >= 2 else ""  # up to three characters before
        prev_end = m.end()
        for k in (len(place), 2):  # 在岚州市委: the place is 岚州, not 在岚州
            full = place[-k:] + m.group("level") if k else ""
            if full and (full in known or gazetteer.lookup(full)):
                start = m.start("level") - k
                break
        out.append(
            _Candidate(start, m.end(), "Agency", doc.norm[start : m.end()], "political", rank=4)
        )
    return out


_TOWN_BODY_RE = re.compile(
    "(?P<level>" + _alternation(cues.TOWN_LEVELS) + ")(?:" + _alternation(cues.TOWN_BODIES) + ")"
)


def _town_governments(text: _Text) -> list[_Candidate]:
    """The government of a town or street, named by it: 漕溪镇人民政府, 白沙街道办事处."""
    out = []
    norm = text.norm
    for m in _TOWN_BODY_RE.finditer(norm):
        start = text.left_edge(m.start("level"))
        if m.start("level") - start >= 2:
            out.append(_Candidate(start, m.end(), "Agency", norm[start : m.end()], "town", rank=4))
    return out


_SHORT_STEM_HEADS = frozenset(cues.SHORT_STEM_PLACE_HEADS)
_SHORT_STEM_NOT = frozenset(
    ("城市", "都市", "超市", "上市", "门市", "股市", "楼市", "车市", "夜市", "菜市", "郡县", "州县")
)
# opening with a plain character class, the scan skips to its characters in C (a lookahead
# of the same class first would cost a match attempt at every position)
_POLITICAL_RE = re.compile(
    # not the second of a pair of levels (各县区政府, 市县政府: the bodies of every county); the
    # lookbehinds come after the level so that the pattern still opens with its class
    r"(?P<level>[区县省市州盟])(?<!县区)(?<![区市]县)(?:"
    + _alternation(cues.POLITICAL_BODIES)
    + r")(?!"
    + _alternation(cues.POLITICAL_NOT_BEFORE)
    + ")"
)


# --- organisations by what they do -----------------------------------------------------


_ORG_VERB_FIRSTS = re.escape(
    "".join(
        sorted(
            {w[0] for w in cues.ORG_VERB_ADVERBS + cues.ORG_SUBJECT_VERBS + cues.LISTING_BOARDS}
            | set("在上等0123456789")
        )
    )
)
_ORG_VERB_RE = re.compile(
    "(?=[" + _ORG_VERB_FIRSTS + "])(?:"
    + "(?:"
    + _alternation(cues.ORG_VERB_ADVERBS)
    + ")?(?P<verb>(?:在(?:"
    + _alternation(cues.STOCK_EXCHANGES + cues.LISTING_BOARDS)
    + "))?(?:"
    + _alternation(cues.LISTING_BOARDS)
    + ")?(?:挂牌)?上市|在(?:"  # 在北交所挂牌: the place of listing is no subject of its own
    + _alternation(cues.STOCK_EXCHANGES + cues.LISTING_BOARDS)
    + ")挂牌|"
    + _grouped(cues.ORG_SUBJECT_VERBS)
    + r")|等(?:超|近)?\d*家?(?:"
    + _alternation(cues.ENTERPRISE_GROUP_NOUNS)
    + r")|\d+家(?=“|[\u4e00-\u9fff]{0,8}(?:企业|中心))"
    + ")"
)


_TRADE_RE = _words_re(cues.ENTERPRISE_INDUSTRY_HEADS + cues.ENTERPRISE_SUFFIXES)


def _org_subjects(text: _Text) -> list[_Candidate]:
    """Short names that open a clause before a verb only an organisation does.

    星宇车灯获评国家级智能工厂, 长青科技、天元智能主板上市, 新增天合富家1家“独家兽”企业.
    After a verb many subjects do (投产, 开展), a name must look like a company
    (brand + industry word); a list shares its verb, so one such member vouches for
    the others (甲精密、乙碳谷及早投产).
    """
    norm = text.norm
    out: list[_Candidate] = []
    for m in _ORG_VERB_RE.finditer(norm):
        verb = m.group("verb") or m.group(0)
        if norm[m.start() - 1 : m.start()] == cues.ORG_VERB_NOT_AFTER.get(verb, "\0"):
            continue  # 外贸进出口: the verb is part of a longer word
        strong = not verb.startswith(cues.WEAK_ORG_VERBS)
        vouched = strong or bool(_TRADE_RE.search(norm, max(0, m.start() - 40), m.start()))
        foreign = verb.startswith(cues.FOREIGN_FIRM_VERBS)
        if not vouched and not foreign:
            continue  # every name of the list would be passed over below: none is read
        found: list[tuple[int, int, str]] = []
        for s, e in _list_before(text, m.start()):
            if not vouched and not (foreign and _foreign_firm(norm[s:e])):
                continue  # after a weak verb a company must show its trade (or its country)
            if norm[s] == "（" and _TRADE_RE.search(norm, max(0, s - 6), s):
                continue  # 某科技有限公司（某科技）投产: the short name of the company before it
            inner = (
                None
                if norm[s:e].endswith(cues.LEGAL_FORMS)
                else _ENTERPRISE_INNER.search(norm[s : e - 1])
            )
            if inner and e - s - inner.end() >= 2:
                s += inner.end()  # 全市规模最大的QFLP基金杉盛基金: the name after the apposition
            found.append((s, e, norm[s:e]))
        types = [
            "Enterprise" if foreign and _foreign_firm(name) else _org_type(name, strong, text.places)
            for _, _, name in found
        ]
        if not strong and len(found) > 1 and "Enterprise" in types:
            types = [
                t or _org_type(name, True, text.places)
                for t, (_, _, name) in zip(types, found, strict=True)
            ]
        for (s, e, name), type_ in zip(found, types, strict=True):
            if type_:
                out.append(_Candidate(s, e, type_, name, f"org:{verb}", rank=-1))
    return out


_FOREIGN_FIRM_RE = re.compile(
    "(?:" + _alternation(cues.COUNTRIES) + ")[\u4e00-\u9fff]{2," + str(cues.FOREIGN_FIRM_MAX) + "}"
)


def _foreign_firm(name: str) -> bool:
    """A country's name and a brand after it (德国某精工, 美国某韦尔): a foreign firm."""
    m = _FOREIGN_FIRM_RE.fullmatch(name)
    if not m:
        return False
    country = _COUNTRY_START.match(name)
    rest = name[country.end() :] if country else name
    head = _HEAD_END_ANY.search(rest)
    return not (
        len(rest) < 2
        or rest.endswith(cues.NOT_FOREIGN_FIRMS + cues.GENERIC_ORG_ENDINGS)
        or _generic(rest, cues.GENERIC_ENTERPRISE_STEMS)
        or _GENERIC_ENTERPRISE_WORD_RE.search(rest)
        or head is not None
        and _HEADS.get(head.group(0)) in ("Place", "Agency", "Project")
    )


def _list_before(text: _Text, end: int) -> list[tuple[int, int]]:
    """The names of a list 甲、乙、丙 that ends at *end* and opens a clause (else none)."""
    norm = text.norm
    names: list[tuple[int, int]] = []
    while end > 0:
        start = text.left_edge(end)
        if start >= end:
            break
        names.append((start, end))
        if start > 0 and norm[start - 1] == "、":
            end = start - 1
            continue
        break
    if not names:
        return []
    first = names[-1][0]
    if first == 0 or norm[first - 1] in "，。；：\n“”（" or text.stop_at(first):
        return names
    return []


def _company_shaped(name: str) -> bool:
    """Could *name* be a company's short name: 2–6 characters of brand, optionally followed
    by an industry word, and no head that makes it a place, a body or a work?"""
    if not 2 <= len(name) <= 8 or not _balanced(name) or name[:1].isdigit():
        return False
    head = _HEAD_END_ANY.search(name)
    if head and _HEADS.get(head.group(0)) in ("Place", "Agency", "Project"):
        return False
    if name.endswith(cues.VENUE_ENDINGS) or _place_rank(name) > 0:
        return False
    stem = _INDUSTRY_END.sub("", name)
    return 2 <= len(stem) <= 6 and not _generic(stem, cues.GENERIC_ENTERPRISE_STEMS)


def _org_type(name: str, strong: bool, places: frozenset[str] = frozenset()) -> str | None:
    """Company (or venue) a short subject names, if it could be one at all.

    A bare name that opens with the report's own place and has no trade word (青山云雾茶
    获评…商标) is a product or a brand of the place, not a company."""
    if len(name) < 3 or len(name) > 12 or name[:1].isdigit() or not _balanced(name):
        return None
    if (
        name.endswith(cues.GENERIC_ORG_ENDINGS)
        or _generic(name, cues.GENERIC_ENTERPRISE_STEMS)
        or _GENERIC_ENTERPRISE_WORD_RE.search(name)
    ):
        return None
    head = _HEAD_END_ANY.search(name)
    if head and _HEADS.get(head.group(0)) in ("Place", "Agency", "Project"):
        return None  # 双桥镇青穗村获评…: the head says what it is
    if _INDUSTRY_END.search(name):
        return "Enterprise" if _company_shaped(name) else None
    if not strong or len(name) > cues.MAX_BARE_NAME or any(name.startswith(p) for p in places):
        return None
    return "Project" if name.endswith(cues.VENUE_ENDINGS) else "Enterprise"


_GROUP_RE = re.compile(
    r"等(?:超|近|约)?[\d一二两三四五六七八九十百]*(?:个|家|座|条|所|项)?([\u4e00-\u9fff]{0,"
    + str(cues.GROUP_NOUN_GAP)
    + r"}?)("
    + _alternation(cues.GROUP_NOUN_TYPES)
    + ")"
    r"(?=[^\u4e00-\u9fff]|[\u4e00-\u9fff])"
)


def _lists(text: _Text) -> list[_Candidate]:
    """甲、乙等 + noun: the listed names take the noun's type (小黄山、新孟河等9个生态绿城项目)."""
    norm = text.norm
    out: list[_Candidate] = []
    for m in _GROUP_RE.finditer(norm):
        type_ = cues.GROUP_NOUN_TYPES[m.group(2)]
        gap = m.group(1)
        if _STOP_START_RE.search(gap):
            continue  # 等方向招引一批配套企业: the noun belongs to another clause (a stop word)
        after = norm[m.end() : m.end() + 1]
        if (
            type_ == "Policy"
            and after
            and "\u4e00" <= after <= "\u9fff"
            and after not in "的和及与"
        ):
            continue  # 等政策资金: the noun is part of a longer one
        members = _list_before(text, m.start())
        if not members:
            continue
        counted = bool(re.match(r"等(?:超|近|约)?[\d一二两三四五六七八九十百]+", m.group(0)))
        if (
            type_ == "Project"
            and m.group(2) == "项目"
            and counted
            and _generic(gap, cues.GENERIC_PROJECT_STEMS)
            and not any(_HEAD_END.search(norm[s:e]) for s, e in members)
            and all(_company_shaped(norm[s:e]) for s, e in members)
        ):
            # 甲乙、丙丁减震等5个项目: works counted by bare short names are named after
            # the companies that bring them, and the names are the companies'
            type_ = "Enterprise"
        if (
            type_ == "Project"
            and not counted
            and not any(_HEAD_END.search(norm[s:e]) for s, e in members)
        ):
            continue  # 星级酒店、时尚名店等消费提升项目: kinds, not named works
        for s, e in members:
            name = norm[s:e]
            if m.group(2) == "国家":
                country = _COUNTRY_END.search(name)
                if country is not None:  # 货物通达哈萨克斯坦等12个国家: the country alone
                    s = e - len(country.group(0))
                    name = norm[s:e]
            if len(name) < 2 or len(name) > 14 or not _balanced(name) or name[:1].isdigit():
                continue
            if _generic(name, _GENERIC_BY_TYPE[type_]) or name.endswith(cues.GENERIC_ORG_ENDINGS):
                continue
            if type_ == "Policy" and not _quoted_at(norm, s, e):
                continue  # 落实研发费用加计扣除等政策: a kind of tax relief, no named policy
            if type_ == "Policy" and len(name) < cues.MIN_LISTED_POLICY:
                continue
            out.append(_Candidate(s, e, type_, name, f"list:{m.group(2)}", rank=-2))
    return out


def _quoted_at(norm: str, start: int, end: int) -> bool:
    """Is the span a phrase in “”, the marks inside it or around it?"""
    return norm[start : start + 1] == "“" and norm[end - 1 : end] == "”" or (
        norm[start - 1 : start] == "“" and norm[end : end + 1] == "”"
    )


_GENERIC_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Project": cues.GENERIC_PROJECT_STEMS + cues.GENERIC_ENTERPRISE_STEMS,
    "Enterprise": cues.GENERIC_ENTERPRISE_STEMS,
    "Agency": cues.GENERIC_AGENCY_STEMS,
    "Place": cues.GENERIC_PLACE_STEMS + cues.GENERIC_ENTERPRISE_STEMS,
    "Policy": cues.GENERIC_POLICY_STEMS,
}


def _co_builders(text: _Text) -> list[_Candidate]:
    """与甲共建乙: 甲 is an organisation (瑞士中心), whatever its head says."""
    norm = text.norm
    out = []
    for m in re.finditer(r"与([^，。；、与]{2,12}?)(?:共建|共同建设|合作共建)", norm):
        name = m.group(1)
        if m.start() and not (norm[m.start() - 1] in "，。；：\n" or text.stop_at(m.start())):
            continue
        if (
            _is_name_char(name[0])
            and not name.endswith(cues.GENERIC_ORG_ENDINGS)
            and not re.search(r"[等\d]", name)
            and not _GENERIC_ENTERPRISE_WORD_RE.search(name)
        ):
            head = _HEAD_RE.search(name)
            type_ = "Enterprise"
            if (
                head
                and head.end() == len(name)
                and _HEADS[head.group(0)] == "Agency"
                and _agency_type(name, head.group(0), name[: head.start()])
            ):
                type_ = "Agency"
            out.append(_Candidate(m.start(1), m.end(1), type_, name, "co-builder", rank=5))
    return out


_PARTNER_PAIR_RE = re.compile(
    r"与([^，。；：、与的“”]{2,14}?)(?=(?:" + _alternation(cues.PARTNER_VERB_ADVERBS) + ")?(?:"
    + _alternation(cues.PARTNER_VERBS) + "))"
)


def _partner_pairs(text: _Text) -> list[_Candidate]:
    """甲与乙共建 / 甲与乙签约: both sides of a partnership opening a clause are organisations."""
    norm = text.norm
    out = []
    for m in _PARTNER_PAIR_RE.finditer(norm):
        start = text.left_edge(m.start())
        if start >= m.start() or not (
            start == 0 or norm[start - 1] in "，。；：\n" or text.stop_at(start)
        ):
            continue
        sides = [(start, m.start()), (m.start(1), m.end(1))]
        typed = [(s, e, _party_type(norm[s:e])) for s, e in sides]
        if all(t for _, _, t in typed):
            for s, e, t in typed:
                out.append(_Candidate(s, e, t or "", norm[s:e], "partner-pair", rank=5))
    return out


def _party_type(name: str) -> str | None:
    """The type of one side of a partnership: by its head, else a company by its shape."""
    if (
        name.endswith(cues.GENERIC_ORG_ENDINGS)
        or _GENERIC_ENTERPRISE_WORD_RE.search(name)
        or _RELATIVE.match(name) is None and _generic(name, cues.GENERIC_ENTERPRISE_STEMS)
    ):
        return None
    head = _HEAD_END_ANY.search(name)
    kind = _HEADS.get(head.group(0)) if head else None
    if kind == "Agency" or kind == "Project" and head and head.group(0) in cues.AGENCY_HEADS:
        return _agency_type(name, head.group(0), name[: -len(head.group(0))]) if head else None
    if kind == "Enterprise":
        return "Enterprise"
    if kind is None and _company_shaped(name):
        return "Enterprise"
    return None


# --- choosing among candidates --------------------------------------------------------


class _Masks:
    """Quoted phrases (slogans, brands) and titles won (获评…) that hold no name of their own."""

    def __init__(self, norm: str) -> None:
        self.quote = [0] * (len(norm) + 1)  # id of the quote each position is in (0: none)
        self.quotes: dict[int, tuple[int, int]] = {}
        for i, m in enumerate(re.finditer(r"“[^“”\n]{1,40}”", norm), start=1):
            self.quotes[i] = (m.start(), m.end())
            self.quote[m.start() : m.end()] = [i] * (m.end() - m.start())
        self.award = bytearray(len(norm) + 1)
        for m in _AWARD_SPAN_RE.finditer(norm):
            self.award[m.start(1) : m.end(1)] = b"\x01" * (m.end(1) - m.start(1))

    def hides(self, c: _Candidate) -> bool:
        q = self.quote[c.start]
        if q and q == self.quote[c.end - 1]:
            s, e = self.quotes[q]
            if (
                (c.start, c.end) != (s, e)
                and c.type != "Policy"
                and (c.start, c.end) != (s + 1, e - 1)
            ):
                return True  # inside a slogan; a whole quoted name (“四川大学-…工作站”) stays
        if (
            c.type != "Policy"
            and c.cue.startswith(("head:", "list", "org"))
            and self.award.find(0, c.start, c.end) == -1  # all of it inside a title won
        ):
            return True  # 获批省级高新技术产业开发区: a title won, not a place
        return False


_AWARD_SPAN_RE = re.compile(
    "(?:" + _alternation(cues.AWARD_VERBS + cues.DESIGNATION_VERBS) + r")([^，。；：、]{2,40})"
)


def _choose(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (ties: higher rank, then earlier start)."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.rank, c.start, c.type, c.name))
    taken: list[_Candidate] = []
    occupied = bytearray(max((c.end for c in cands), default=0) + 1)
    for c in order:
        if occupied.find(1, c.start, c.end) != -1:  # any of it taken (a C-level scan)
            continue
        taken.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: (c.start, c.end))


def _components(norm: str, chosen: list[_Candidate], cands: list[_Candidate]) -> list[_Candidate]:
    """Names inside a chosen name that stand for things of their own.

    天合光能印尼项目 holds the place 印尼; 岚州华晟锂电科技有限公司年产5万吨正极材料项目 holds
    the company; 新华村德胜岛美丽乡村建设项目 holds the village.
    """
    out = []
    by_span = {(c.start, c.end) for c in chosen}

    def _NORM_AT(i: int) -> str:  # noqa: N802 - reads like the text at a position
        return norm[i : i + 1]

    cands = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in cands]
    for host in chosen:
        if host.type not in ("Project", "Agency", "Place", "Enterprise"):
            continue
        lo, hi = bisect.bisect_left(starts, host.start), bisect.bisect_left(starts, host.end)
        for c in cands[lo:hi]:
            if (c.start, c.end) in by_span or c.end > host.end:
                continue
            if (
                c.type == "Place"
                and host.type == "Project"
                and c.cue not in ("short", "list", "water-section")
                and not _NORM_AT(c.end).startswith("（")
                and not (c.cue == "table" and host.name.endswith(cues.LINEAR_HEADS))
            ):  # 苏锡常城际 links the places it is named after
                out.append(c)
            elif (
                c.type == "Project"
                and host.type == "Project"
                and c.cue == "road-code"
                and (
                    host.name.endswith(cues.CONNECTOR_HEADS)
                    or norm.count(c.name) > norm.count(host.name) * host.name.count(c.name)
                )
            ):
                # 国道353线 inside 国道353线青山段改建工程, when the text also speaks of the road
                # on its own; a connector's name always does (沿江一级公路与国道353线连接线)
                out.append(c)
            elif (
                c.type == "Enterprise"
                and (c.cue.startswith("head:") or c.cue == "table")  # 国家电投某某风电项目
                and c.start == host.start
                and host.cue != "bank-branch"  # the bank is not its branch
            ):
                out.append(c)
    return out


def _distribute(
    norm: str, chosen: list[_Candidate], known_orgs: list[str], raw: list[_Candidate]
) -> list[_Candidate]:
    """A head or an owner written once is shared by the list around it.

    龙江北路、腾龙路快速化改造 → 龙江北路快速化改造;
    天合光能印尼项目、阿联酋项目 → 天合光能阿联酋项目.
    """
    out = list(chosen)
    by_start = {c.start: c for c in chosen}
    for i, c in enumerate(chosen):
        nxt = by_start.get(c.end + 1)
        if (
            nxt is None
            or norm[c.end : c.end + 1] != "、"
            or c.type != "Project"
            or nxt.type != "Project"
        ):
            continue
        if c.cue == "road":
            tail = _ROAD_TAIL.search(nxt.name)
            if tail and not c.name.endswith(tail.group(1)):
                out[i] = _Candidate(
                    c.start, c.end, "Project", c.name + tail.group(1), "shared-head"
                )
        owner = next(
            (o for o in known_orgs if c.name.startswith(o) and not nxt.name.startswith(o)), None
        )
        if owner and _COUNTRY_START.match(nxt.name):
            j = out.index(nxt)
            out[j] = _Candidate(nxt.start, nxt.end, "Project", owner + nxt.name, "shared-owner")
    # 西夏墅镇、三井街道2条餐饮街区“瓶改管”改造工程: one work in each place of the list
    places = {c.name for c in chosen if c.type == "Place"}
    for c in list(out):
        if c.type != "Project":
            continue
        m = _PLACE_LIST_BEFORE.search(norm, max(0, c.start - 40), c.start)
        if not m:
            continue
        items = m.group(1).split("、")
        if len(items) < 2 or not all(i in places for i in items):
            continue
        out.remove(c)
        for item in items:
            out.append(
                _Candidate(c.start, c.end, "Project", item + m.group(3) + c.name, "shared-place")
            )
    # 白杨河镇、红柳镇污水处理厂提标改造: the work named after the last place is done in each
    place_at = {p.start: p for p in raw if p.type == "Place" and _place_rank(p.name) > 0}
    place_end = {p.end: p for p in raw if p.type == "Place" and _place_rank(p.name) > 0}
    for c in list(out):
        first = place_at.get(c.start)
        if c.type != "Project" or c.cue.startswith("shared") or first is None:
            continue
        if first.end >= c.end or not c.name.startswith(first.name):
            continue
        listed: list[_Candidate] = []
        k = c.start
        while norm[k - 1 : k] == "、" and k - 1 in place_end:
            q = place_end[k - 1]
            if _place_rank(q.name) != _place_rank(first.name):
                break
            listed.append(q)
            k = q.start
        rest = c.name[len(first.name) :]
        for q in listed:
            out.append(_Candidate(c.start, c.end, "Project", q.name + rest, "shared-place"))
    return out


_PLACE_LIST_BEFORE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8}?)[\d一二两三四五六七八九十]+[条个座处所]"
    r"([\u4e00-\u9fff]{0,6}?)([\u4e00-\u9fff]{0,6})$"
)


_ROAD_TAIL = re.compile(
    r"(?:" + _alternation(cues.ROAD_HEADS) + r")(快速化改造|改造工程|改造|"
    r"[东西南北]延工程|快速路)$"
)
_COUNTRY_START = re.compile("(?:" + _alternation(cues.COUNTRIES + cues.REGIONS) + ")")


# --- the stage -------------------------------------------------------------------------


def extract_entities(doc: Document) -> tuple[list[KeyedEntity], list[Relation]]:
    """Entities and relations of one parsed report, entities in order of first mention."""
    norm = doc.norm
    text = _Text(norm)
    text.places = frozenset(p for p in _own_places(doc) if len(p) >= 2)
    strong = (
        _tables(norm) + _org_subjects(text) + _political(doc) + _town_governments(text)
        + _partner_pairs(text)
    )
    text.known = {c.name for c in strong if c.type in ("Enterprise", "Agency")}
    cands = (
        strong
        + _book_titles(norm)
        + _quoted(text)
        + _unquoted_policies(text)
        + _heads(text)
        + _roads(text)
        + _admin_places(doc)
        + _lists(text)
        + _co_builders(text)
        + _phased(text)
        + _listed_cities(text)
        + _standing_provinces(text)
        + _listed_towns(text)
        + _waters(text)
        + _mountains(text)
        + _islands(text)
        + _ports(text)
        + _sub_parks(text)
        + _hamlets(text)
        + _named_districts(text)
    )
    cands += _bank_branches(norm, cands)
    masks = _Masks(norm)
    generic_spans = _generic_members(text)
    in_sentence: dict[int, bool] = {}
    for c in cands:
        if c.start not in in_sentence:
            in_sentence[c.start] = doc.sentence_at(c.start) is not None
    raw = [c for c in cands if in_sentence[c.start] and not _inside(c, generic_spans)]
    cands = [c for c in raw if not masks.hides(c)]
    chosen = _choose(cands)
    again = _known_mentions(norm, chosen, text.places)
    if again:
        raw += again
        chosen = _choose(cands + again)
    known_orgs = sorted({c.name for c in chosen if c.type == "Enterprise"}, key=len, reverse=True)
    chosen = _zones_settled_in(norm, chosen)
    chosen = _distribute(norm, chosen, known_orgs, raw)
    chosen = _one_sense_for_built_institutes(chosen)
    return _resolve(doc, chosen + _components(norm, chosen, raw))


def _one_sense_for_built_institutes(chosen: list[_Candidate]) -> list[_Candidate]:
    """An institute the text says partners built (甲与乙共建的某研究院揭牌运行) is that work
    wherever it is named again (推动某研究院建设中试基地): one sense per report."""
    built = {c.name for c in chosen
             if c.type == "Project" and c.name.endswith(cues.CO_BUILT_INSTITUTION_HEADS)}
    if not built:
        return chosen
    return [dataclasses.replace(c, type="Project") if c.type == "Agency" and c.name in built else c
            for c in chosen]


_BRANCH_RE = re.compile(r"([\u4e00-\u9fff]{2,7}?)(?:" + _alternation(cues.BANK_BRANCH_HEADS) + ")")
_COMPANY_BRANCH_RE = re.compile(
    r"([\u4e00-\u9fff]{2,7}?)(?:" + _alternation(cues.COMPANY_BRANCH_HEADS) + ")"
)
# the organisations whose branches are named after them: what the name ends with, the branch
# written after it (its seat, then its head), and the cue of the branch found
_BRANCH_KINDS = (("银行", _BRANCH_RE, "bank-branch"), ("公司", _COMPANY_BRANCH_RE, "company-branch"))


def _bank_branches(norm: str, cands: list[_Candidate]) -> list[_Candidate]:
    """苇州农村商业银行汀兰支行, 国家开发银行山东省分行: a bank's branch is one enterprise,
    the bank's name with the branch's seat and 支行/分行 after it; so is a company's branch
    after its legal name (某电网有限责任公司某州供电局)."""
    out: list[_Candidate] = []
    for ending, branch_re, cue in _BRANCH_KINDS:
        for c in cands:
            if c.type != "Enterprise" or not c.name.endswith(ending):
                continue
            m = branch_re.match(norm, c.end)
            # the seat holds no second organisation (某银行某某银行支行 is two names)
            if m and ending not in m.group(1) and all(_is_name_char(ch) for ch in m.group(0)):
                out.append(_Candidate(c.start, m.end(), "Enterprise",
                                      clean_name(norm[c.start : m.end()]), cue, rank=c.rank))
    return out


_ALL_BRANCH_HEADS = cues.BANK_BRANCH_HEADS + cues.COMPANY_BRANCH_HEADS


_GENERIC_GROUP_RE = re.compile("等(?:" + _alternation(cues.GENERIC_GROUP_NOUNS) + ")")


def _generic_members(text: _Text) -> list[tuple[int, int]]:
    """管廊、停车场、指挥中心等配套设施: the listed things are kinds of facility, not names."""
    spans = []
    for m in _GENERIC_GROUP_RE.finditer(text.norm):
        members = _list_before(text, m.start())
        if members:
            spans.append((members[-1][0], members[0][1]))
    return spans


def _inside(c: _Candidate, spans: list[tuple[int, int]]) -> bool:
    return c.type != "Policy" and c.cue != "table" and any(
        s <= c.start and c.end <= e for s, e in spans
    )


_LOCATED_BEFORE = _Suffixes(cues.LOCATED_VERBS + cues.SETTLE_VERBS)


def _zones_settled_in(norm: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """落户蓝岛生物医药产业园: a park others settle in is a zone, a Place, wherever it is named
    (its 二期 stays a work). So is a park others build in (在某临港产业园设立…, 在某产业园投资
    建设…) and one whose name opens the names of other works (某临港产业园标准厂房三期, 某物流园
    道路微循环改造): what is built in it is not the park itself."""
    parks = {c.name for c in chosen if c.type == "Project" and c.name.endswith("园")}
    if not parks:
        return chosen
    zones = {
        c.name
        for c in chosen
        if c.type == "Project"
        and c.name in parks
        and (
            _LOCATED_BEFORE.search(norm, max(0, c.start - 4), c.start)
            or norm[c.start - 1 : c.start] == "在" and _BUILT_IN_VERB_RE.match(norm, c.end)
        )
    }
    lengths = sorted({len(p) for p in parks})
    for c in chosen:
        if c.type != "Project" or c.name.endswith("园"):
            continue
        for n in lengths:
            if n < len(c.name) and c.name[:n] in parks and not _PHASE_ONLY.fullmatch(c.name, n):
                zones.add(c.name[:n])  # 某临港产业园综合保税物流中心: a work in the park
    if not zones:
        return chosen
    return [
        _Candidate(c.start, c.end, "Place", c.name, c.cue, c.rank) if c.name in zones else c
        for c in chosen
    ]


_PHASE_RE = re.compile(_alternation(cues.PROJECT_PHASES))


def _phased(text: _Text) -> list[_Candidate]:
    """海港区城市大脑一期: a phase makes a work of a name that opens with a place, even
    without a head word."""
    norm = text.norm
    out = []
    for m in _PHASE_RE.finditer(norm):
        start = text.left_edge(m.start())
        stem = norm[start : m.start()]
        if len(stem) < 4 or _HEAD_END_ANY.search(stem) or not _balanced(stem):
            continue
        seat = _PLACE_SEAT_RE.match(stem)
        seat_len = seat.end() if seat else max(
            (len(p) for p in text.places if stem.startswith(p)), default=0
        )
        if not seat_len or _generic(stem[seat_len:], cues.GENERIC_PROJECT_STEMS):
            continue
        out.append(_Candidate(start, m.end(), "Project", clean_name(norm[start : m.end()]), "phase"))
    return out


def _known_mentions(
    norm: str, chosen: list[_Candidate], own: frozenset[str] = frozenset()
) -> list[_Candidate]:
    """A company named once by a strong cue is the same company wherever its name stands
    again (天合光能获评…；天合光能与复旦大学共建…): one sense per report. A company named by
    its legal name is also the company its short form names (山东顺畅供应链管理有限公司 …
    依托顺畅供应链拓展日韩冷链航线)."""
    names = {
        c.name: c.name
        for c in chosen
        if c.type == "Enterprise" and len(c.name) >= 3 and c.name == norm[c.start : c.end]
    }
    if not names:
        return []
    found = [_Candidate(m.start(), m.end(), "Enterprise", m.group(0), "known", rank=-3)
             for m in re.finditer(_alternation(names), norm)]
    # the seats a legal name may open with: the gazetteer's and the report's own (珑海华曜新材料…)
    seats = tuple(sorted({p for p in own if len(p) >= 2}, key=lambda p: (-len(p), p))) + _seat_words()
    shorts = {s: legal for legal in names if _legal(legal)
              for s in _short_forms_written(norm, legal, seats)}
    for legal in names:  # 某城市投资建设集团有限公司 … 某城投承担的…: the trade shortened
        if not _legal(legal):
            continue
        core = _core(legal, seats)
        for long_, abbr in cues.TRADE_ABBREVIATIONS:
            at = core.find(long_)
            if at >= 2 and (short := core[:at] + abbr) in norm:
                shorts.setdefault(short, legal)
                break
    for legal in names:  # 某电网有限责任公司沧岚供电局 … 配合沧岚供电局: the branch by its own name
        if legal.endswith(cues.COMPANY_BRANCH_HEADS) and "公司" in legal[:-2]:
            branch = legal[legal.rindex("公司", 0, len(legal) - 2) + 2 :]
            if len(branch) >= 4 and norm.count(branch) > norm.count(legal):
                shorts.setdefault(branch, legal)
    for s in sorted(set(shorts) - set(names)):  # a short form written as a name of its own stays
        found += [_Candidate(m.start(), m.end(), "Enterprise", shorts[s], "short-form", rank=-3)
                  for m in re.finditer(re.escape(s), norm)]
    return found


@lru_cache(maxsize=1)
def _seat_words() -> tuple[str, ...]:
    """The provinces and cities of the gazetteer and their short names, longest first: the
    seats a company's legal name may open with (山东, 内蒙古, 常州)."""
    names = {p.name for p in gazetteer._table()[0].values() if p.level in ("province", "city")}
    names |= {gazetteer.short_name(n) for n in names}
    return tuple(sorted((n for n in names if len(n) >= 2), key=lambda n: (-len(n), n)))


def _short_forms_written(norm: str, legal: str, seats: tuple[str, ...]) -> list[str]:
    """The short form a report writes for a company it names by its legal name: the longest
    start of the name without its seat and legal form, of four characters or more, that the
    text writes outside the legal name, and that is not made of generic words (能源建设).

    >>> t = "山东顺畅供应链管理有限公司建成冷链中心。依托顺畅供应链拓展航线。"
    >>> _short_forms_written(t, "山东顺畅供应链管理有限公司", ("山东",))
    ['顺畅供应链']
    >>> t = "中国能源建设集团有限公司签约。推进能源建设。"
    >>> _short_forms_written(t, "中国能源建设集团有限公司", ("中国",))
    []
    """
    core = _core(legal, seats)
    if core == legal:
        return []
    written = norm.count(legal)

    def outside(short: str) -> bool:  # written somewhere else than inside the legal name
        return norm.count(short) > written * legal.count(short)

    found = ""
    for n in range(4, len(core) + 1):  # a longer start is written only where a shorter one is
        if not outside(core[:n]):
            break
        found = core[:n]
    if not found or _generic(found, cues.GENERIC_ENTERPRISE_STEMS):
        return []
    return [found]


def _mention(doc: Document, start: int, end: int) -> Mention:
    sent = doc.sentence_at(start)
    span = Span(start, end)
    if sent is None:
        quote = doc.text[start:end]
        return Mention(span, quote, quote, span)
    sentence, sentence_span = _sentence_of(doc.text, sent.start, sent.end)
    return Mention(span, doc.text[start:end], sentence, sentence_span)


@lru_cache(maxsize=256)
def _sentence_of(text: str, start: int, end: int) -> tuple[str, Span]:
    """A sentence's words and span, made once for all the names it holds (both immutable)."""
    return text[start:end], Span(start, end)


# the cues whose written form is another name of the thing: 阿联酋项目 for 天合光能阿联酋项目,
# 顺畅供应链 for 山东顺畅供应链管理有限公司, 京津冀地区 for 京津冀
_ALIAS_CUES = ("shared-owner", "shared-head", "short-form", "written-as")


def _resolve(doc: Document, chosen: list[_Candidate]) -> tuple[list[KeyedEntity], list[Relation]]:
    entities: dict[tuple[str, str], KeyedEntity] = {}
    spans: set[tuple[str, str, int, int]] = set()  # the mentions already kept, by entity
    for c in chosen:
        name = clean_name(c.name)
        if not name:
            continue
        e = entities.get((c.type, name))
        if e is None:  # made only when new: an entity is mentioned many times
            e = entities[(c.type, name)] = KeyedEntity(c.type, name, aliases={name})
        raw = doc.norm[c.start : c.end]
        written = name if raw == c.name else clean_name(raw)  # most are written as named
        if written != name and len(written) >= 2 and c.cue in _ALIAS_CUES:
            e.aliases.add(written)  # 阿联酋项目 for 天合光能阿联酋项目
        if (c.type, name, c.start, c.end) not in spans:
            spans.add((c.type, name, c.start, c.end))
            e.mentions.append(_mention(doc, c.start, c.end))
    for (type_, short), full in _declared_short_forms(doc.norm, chosen).items():
        host = entities.get((type_, full))
        if host is None:
            continue
        host.aliases.add(short)  # …高速公路（以下简称陶阿高速）: the short form names the same work
        other = entities.pop((type_, short), None)
        if other is not None:
            host.aliases |= other.aliases
            host.mentions.extend(other.mentions)
    merged = _renames(doc, _merge(doc, list(entities.values())))
    _add_jurisdiction(doc, merged)
    relations = _relations(doc, merged)
    merged = _without_basins_of_works(merged)
    _attributes(doc, merged)
    for e in merged:
        e.mentions.sort(key=lambda m: (m.span.start, m.span.end))  # Span's order, compared in C
        e.key = _key(doc, e)
    merged.sort(key=lambda e: (e.mentions[0].span.start if e.mentions else -1, e.type, e.name))
    return merged, _valid(relations, merged)


# --- resolution ---------------------------------------------------------------------


_DECLARED_RE = re.compile(r"[（(](?:以下)?简称[“\"]?([^（）()“”\"，。；、]{2,10})[”\"]?[）)]")


def _declared_short_forms(norm: str, chosen: list[_Candidate]) -> dict[tuple[str, str], str]:
    """陶拉至阿敦旗高速公路（以下简称陶阿高速）: the short form a name declares for itself."""
    out: dict[tuple[str, str], str] = {}
    for c in chosen:
        m = _DECLARED_RE.match(norm, c.end)
        if m and m.group(1) != clean_name(c.name):
            out.setdefault((c.type, m.group(1)), clean_name(c.name))
    return out


# longest first, under their last character (only those can end a name)
_ABBREVIATIONS: dict[str, list[tuple[str, str]]] = {}
for _short, _full in sorted(cues.AGENCY_ABBREVIATIONS.items(), key=lambda kv: (-len(kv[0]), kv[0])):
    _ABBREVIATIONS.setdefault(_short[-1], []).append((_short, _full))


@lru_cache(maxsize=4096)
def _expand(name: str) -> str:
    """Abbreviations written out (区发改委 → 区发展和改革委员会)."""
    for short, full in _ABBREVIATIONS.get(name[-1:], ()):
        if name.endswith(short) and short != full:
            return name[: -len(short)] + full
    for short, full in cues.INSTITUTION_ABBREVIATIONS.items():
        if short in name and full not in name:
            return name.replace(short, full, 1)
    return name


def _relative_form(name: str, own: list[tuple[str, str]]) -> str:
    """青山县人民政府 → 县人民政府, 岚州市委 → 市委, 青山经济开发区 → 经济开发区.

    *own* is the report's places with their levels, longest first (:func:`_longest_first`)."""
    for place, level in own:
        if name.startswith(place) and len(name) > len(place) + 1:
            rest = name[len(place) :]
            return (level + rest) if level and not rest.startswith(level) else rest
    return name


def _lower_seat_form(name: str, own: list[tuple[str, str]]) -> str:
    """A company seated under the city and the short name of the district or county
    (珑海市榕埔城市建设投资集团有限公司), written as the district writes it: 区城市建设投资集团有限公司
    (so that 区城投集团 can join it). *own* as for :func:`_relative_form`."""
    for place, level in own:
        if not (level and name.startswith(place)):
            continue
        rest = name[len(place) :]
        levels = dict(own)
        for short, short_level in own:
            if short_level or not rest.startswith(short) or len(rest) <= len(short) + 1:
                continue
            lower = next((levels[short + ch] for ch in "区县旗" if levels.get(short + ch)), "")
            if lower and lower != level:
                return lower + rest[len(short) :]
        return ""
    return ""


def _longest_first(own: dict[str, str]) -> list[tuple[str, str]]:
    """The places of :func:`_own_places` and their levels, longest first: sorted once per merge
    (a lookup by the places themselves, at each name, cost more than the names' tests)."""
    return sorted(own.items(), key=lambda kv: -len(kv[0]))


def _own_places(doc: Document) -> dict[str, str]:
    """The jurisdiction's names (full, short) and its parents', with the level each stands for."""
    out: dict[str, str] = {}
    chain = gazetteer.jurisdiction_chain(doc.jurisdiction)
    names = [p.name for p in chain] or _admin_parts(doc.jurisdiction or "")
    parent = gazetteer.text_parent_city(doc.norm, doc.jurisdiction or "")
    for name in names + ([parent] if parent else []):
        level = name[-1] if name[-1] in _LEVEL_CHAR else ""
        out[name] = level
        short = gazetteer.short_name(name)
        if short != name:
            out[short] = ""
    if doc.jurisdiction:
        out[doc.jurisdiction] = doc.jurisdiction[-1] if doc.jurisdiction[-1] in _LEVEL_CHAR else ""
    return out


@lru_cache(maxsize=8192)
def _core(name: str, places: tuple[str, ...]) -> str:
    """A company's name without seat and legal form: 临漕澜拓智能装备集团有限公司 → 澜拓智能装备."""
    core = re.sub(r"[（(][^（）()]{1,8}[）)]", "", name)
    for form in cues.LEGAL_FORMS:
        if core.endswith(form) and len(core) > len(form) + 1:
            core = core[: -len(form)]
            break
    if core.endswith("集团") and len(core) > 4:
        core = core[:-2]
    for p in places:  # longest first (see _place_words)
        if core.startswith(p) and len(core) - len(p) >= 2:
            core = core[len(p) :]
            break
    else:  # 新加坡嘉洋控股有限公司 → 嘉洋控股: a foreign firm opens with its country
        country = next((c for c in _COUNTRIES_LONGEST_FIRST if core.startswith(c)), "")
        if country and len(core) - len(country) >= 2:
            core = core[len(country) :]
    return core


_COUNTRIES_LONGEST_FIRST = tuple(
    sorted((c for c in cues.COUNTRIES if len(c) >= 2 and c != "中国"), key=lambda c: (-len(c), c))
)


def _brands(e: Entity, places: tuple[str, ...]) -> set[str]:
    """The words a company's projects open with: 星宇车灯 → 星宇, 临漕蓝湾生物医药… → 蓝湾生物."""
    out: set[str] = set()
    for a in e.aliases | {e.name}:
        out |= _alias_brands(a, places)
    return out


@lru_cache(maxsize=8192)
def _alias_brands(a: str, places: tuple[str, ...]) -> frozenset[str]:
    out = set()
    if a:
        core = _core(a, places)
        forms = [a, core, a[:-2] if a.endswith("集团") else a]
        if len(core) == 4 and core == a and _INDUSTRY_END.search(core) is None:
            forms.append(core[:2])  # 星宇车灯 → 星宇: a two-character brand and its trade
        for form in forms:
            out.add(form)
            stripped = form
            while _INDUSTRY_END.search(stripped) and len(_INDUSTRY_END.sub("", stripped)) >= 2:
                stripped = _INDUSTRY_END.sub("", stripped)
                out.add(stripped)
    return frozenset(b for b in out if len(b) >= 2)


def _subsequence(short: str, long_: str) -> bool:
    """Do the characters of *short* stand in *long_* in the same order?

    >>> _subsequence("苇产投", "苇州产业投资集团"), _subsequence("产苇", "苇州产业投资集团")
    (True, False)
    """
    pos = 0
    for ch in short:
        pos = long_.find(ch, pos) + 1  # the earliest match leaves the most room for the rest
        if not pos:
            return False
    return True


def _same_thing(short: str, long_: str) -> bool:
    """Is *short* a short form of *long_*: the same first characters, the rest in order."""
    if short == long_ or len(short) >= len(long_):
        return False
    if long_.startswith(short) and len(short) >= 2:
        return True
    return len(short) >= 3 and short[:1] == long_[:1] and _subsequence(short, long_)


def _merge(doc: Document, ents: list[KeyedEntity]) -> list[KeyedEntity]:
    """One entity per thing: short forms, abbreviations and legal names join their full form."""
    places = _place_words(doc, ents)
    own = _own_places(doc)
    own_longest = _longest_first(own)
    by_type: dict[str, list[KeyedEntity]] = {}
    for e in ents:
        by_type.setdefault(e.type, []).append(e)
    out: list[KeyedEntity] = []
    cache: dict[str, set[str]] = {}

    def forms_of(name: str, type_: str) -> set[str]:
        if name not in cache:
            cache[name] = _forms(name, type_, places, own_longest)
            if type_ == "Project":
                owned = _owned_form(name, owners)
                if owned:
                    cache[name].add(owned)
                cache[name] |= _place_written_forms(name, place_names)
        return cache[name]

    # (a place's written form, all its forms), longest first, by first character
    place_names: dict[str, list[tuple[str, frozenset[str]]]] = {}

    # (a company's written form, its index), longest first, by first character
    owners: dict[str, list[tuple[str, int]]] = {}
    for type_ in ("Enterprise", "Agency", "Place", "Policy", "Project"):
        if type_ == "Project":
            for p in out:  # 汐澜港东澳港区 / 东澳港区: the works named after it, by either name
                if p.type == "Place" and p.aliases - {p.name}:
                    all_forms = frozenset(a for a in p.aliases | {p.name} if len(a) >= 3)
                    for f in all_forms:
                        place_names.setdefault(f[0], []).append((f, all_forms))
            for lst in place_names.values():
                lst.sort(key=lambda t: -len(t[0]))
            for b, i in sorted(
                (
                    (b, i)
                    for i, o in enumerate(out)
                    if o.type == "Enterprise"
                    for b in _brands(o, places) | o.aliases
                    if len(b) >= 3
                ),
                key=lambda t: -len(t[0]),
            ):
                owners.setdefault(b[0], []).append((b, i))
            cache.clear()
        group = sorted(by_type.get(type_, []), key=lambda e: (-len(e.name), e.name))
        kept: list[tuple[KeyedEntity, set[str]]] = []
        # for these types two forms join only if they open alike: look up by first character
        indexed = type_ in ("Project", "Agency", "Policy")
        by_first: dict[str, set[int]] = {}
        # a place joins one with a form written alike or, for a zone, one with a form that
        # ends alike (see _joins): look up by whole form and by last character
        place = type_ == "Place"
        by_form: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for e in group:
            forms = forms_of(e.name, type_)
            if type_ == "Project" and _PHASE_END.search(e.name):
                hosts = [k for k in kept if k[0].name == e.name]
            else:
                if indexed:
                    pool = [kept[i] for i in sorted({i for f in forms for i in by_first.get(f[:1], ())})]
                elif place:
                    found = {i for f in forms for i in by_form.get(f, ())}
                    found.update(
                        i
                        for f in forms
                        if len(f) >= 4 and f.endswith(_ZONE_OR_PORT_AREA_HEADS)
                        for i in by_last.get(f[-1], ())
                    )
                    pool = [kept[i] for i in sorted(found)]
                else:
                    pool = kept
                hosts = [
                    k
                    for k in pool
                    if _joins(forms, k[1], type_) and _same_seat(e.name, k[0].name, own)
                ]
            if len(hosts) > 1 and type_ == "Enterprise" and not e.name.endswith(_NOT_GROUP_ENDS):
                # 某港投集团 is the group, not the fund or the bank whose name it also abbreviates
                hosts = [k for k in hosts if not k[0].name.endswith(_NOT_GROUP_ENDS)]
            if len(hosts) == 1:
                host, host_forms = hosts[0]
                host.aliases |= e.aliases
                host.mentions.extend(e.mentions)
                for a in e.aliases:
                    host_forms |= forms_of(a, type_)
                if indexed or place:
                    i = next(j for j, k in enumerate(kept) if k[0] is host)
                    _index_forms(i, host_forms, by_first, by_form, by_last, place=place)
                continue
            own_forms: set[str] = set()
            for a in e.aliases | {e.name}:
                own_forms |= forms_of(a, type_)
            kept.append((e, own_forms))
            _index_forms(len(kept) - 1, own_forms, by_first, by_form, by_last, place=place)
        out.extend(k[0] for k in kept)
    return out


# companies that are not a group or a firm: a fund, a bank and its branches
_NOT_GROUP_ENDS = ("基金", "银行", *cues.BANK_BRANCH_HEADS)


def _index_forms(
    i: int,
    forms: set[str],
    by_first: dict[str, set[int]],
    by_form: dict[str, set[int]],
    by_last: dict[str, set[int]],
    *,
    place: bool,
) -> None:
    """Index the kept entity *i* of :func:`_merge` by its forms' first characters and, for a
    place, by whole form and last character."""
    for f in forms:
        by_first.setdefault(f[:1], set()).add(i)
        if place:
            by_form.setdefault(f, set()).add(i)
            by_last.setdefault(f[-1:], set()).add(i)


_CAPACITY_RE = re.compile(r"^(?:年产|年处理|年加工)?[\d.]+(?:万|千|亿)?(?:吨|件|台|套|片|千瓦|兆瓦|GWh|MW)")


def _place_written_forms(name: str, place_names: dict[str, list[tuple[str, frozenset[str]]]]) -> set[str]:
    """A work named after a place, written with each other name of the place (汐澜港东澳港区
    二期泊位工程 = 东澳港区二期泊位工程). *place_names* are the places' forms, longest first,
    under their first character."""
    for form, all_forms in place_names.get(name[:1], ()):
        if name.startswith(form) and len(name) - len(form) >= 2:
            rest = name[len(form) :]
            return {f + rest for f in all_forms}
    return set()


def _owned_form(name: str, owners: dict[str, list[tuple[str, int]]]) -> str:
    """A project named by its company, written the same whichever name of the company opens
    it and without a capacity (恒拓新材高纯石英砂项目 = 朔原恒拓新材料股份有限公司年产3万吨
    高纯石英砂项目): the company's index, then the rest. *owners* are the companies' forms,
    longest first, under their first character (only those can open the name)."""
    for form, i in owners.get(name[:1], ()):
        if name.startswith(form) and len(name) > len(form) + 1:
            rest = _CAPACITY_RE.sub("", name[len(form) :])
            return f"#{i}#{rest}" if len(rest) >= 2 else ""
    return ""


def _seat(name: str, own: dict[str, str]) -> str:
    """The place a name is written under (松溪市人民医院 → 松溪, 朔原市第一人民医院 → 朔原)."""
    m = _PLACE_SEAT_RE.match(name)
    if m and not m.group(0).endswith(cues.ZONE_HEADS):
        return gazetteer.short_name(m.group(0))
    found = max((p for p in own if len(p) >= 2 and name.startswith(p)), key=len, default="")
    return gazetteer.short_name(found)


def _same_seat(a: str, b: str, own: dict[str, str]) -> bool:
    """Two names under two different written places are two things (two cities' hospitals)."""
    sa, sb = _seat(a, own), _seat(b, own)
    return not (sa and sb and sa not in b and sb not in a)


def _renames(doc: Document, ents: list[KeyedEntity]) -> list[KeyedEntity]:
    """甲升级为乙: the old name becomes an alias of the new (职业足球运动中心 → …体育公园项目)."""
    at: dict[int, KeyedEntity] = {}
    starts: dict[int, KeyedEntity] = {}
    # the longest name at a place wins (新北区青年体育公园项目, not 新北区)
    for e in sorted(ents, key=lambda e: max([len(m.quote) for m in e.mentions], default=0)):
        for mention in e.mentions:
            at[mention.span.end] = e
            starts[mention.span.start] = e
    for verb in _RENAME_RE.finditer(doc.norm):
        old, new = at.get(verb.start()), starts.get(verb.end())
        if old is None or new is None or old is new or old.type != new.type or old not in ents:
            continue
        new.aliases |= old.aliases
        new.mentions.extend(old.mentions)
        ents.remove(old)
    return ents


_RENAME_RE = re.compile(_alternation(cues.RENAME_VERBS))


def _forms(
    name: str, type_: str, places: tuple[str, ...], own: list[tuple[str, str]]
) -> set[str]:
    forms = {name, _expand(name)}
    if type_ in ("Agency", "Place", "Enterprise"):
        forms |= {_expand(_relative_form(name, own)), _relative_form(_expand(name), own)}
    elif type_ == "Project":
        relative = _relative_form(name, own)
        if relative != name and name.endswith(relative):  # 珑海市第三人民医院… → 市第三人民医院…
            forms.add(relative)
        head = _GENERIC_WORK_HEAD.search(name)
        bare = name[: -len(head.group(0))] if head else ""
        if len(bare) >= 4 and _HEAD_END.search(bare) and not _GENERIC_WORK_HEAD.search(bare):
            forms.add(bare)  # 鹤溪隧道工程 = 鹤溪隧道: a work written with and without 工程
    if type_ == "Enterprise":
        forms.add(_core(name, places))
        lower = _lower_seat_form(name, own)
        if lower:
            forms.add(lower)
    if type_ == "Place":
        forms |= set(_zone_expansions(name))  # 经开区 → 经济技术开发区, 经济开发区
    return forms


def _zone_expansions(name: str) -> list[str]:
    """A zone written by its abbreviation, written out (经开区 → 经济技术开发区 …)."""
    for short, fulls in cues.ZONE_ABBREVIATIONS.items():
        if name.endswith(short):
            return [name[: -len(short)] + full for full in fulls]
    return []


_ZONE_OR_PORT_AREA_HEADS = cues.ZONE_HEADS + cues.PORT_AREA_HEADS


# an institution named in full: a longer name is another body (its hospital, another school)
_WHOLE_INSTITUTION_HEADS = ("大学", "学院")


def _joins(forms: set[str], host_forms: set[str], type_: str) -> bool:
    if type_ == "Place":
        return not forms.isdisjoint(host_forms) or any(
            h.endswith(f)
            for f in forms
            if len(f) >= 4 and f.endswith(_ZONE_OR_PORT_AREA_HEADS)
            for h in host_forms
        )  # 鲸湾片区 of 中国（瀛东）自由贸易试验区鲸湾片区, 岫川港区 of 琅州港岫川港区
    if not forms.isdisjoint(host_forms):
        return True  # a form written alike
    if type_ == "Project" and {f[-1:] for f in forms}.isdisjoint({h[-1:] for h in host_forms}):
        return False  # 国道353线 is not 国道353线青山段改建工程
    enterprise = type_ == "Enterprise"
    for f in forms:
        first, n = f[:1], len(f)
        if type_ == "Agency" and f.endswith(_WHOLE_INSTITUTION_HEADS):
            continue  # 山东大学 is not 山东大学齐鲁医院, 内蒙古大学 not 内蒙古医科大学
        for h in host_forms:
            if type_ == "Policy" and "、" in h and "、" not in f:
                continue  # 工业强县战略 is one part of 工业强县、开放活县、生态立县战略, not its short form
            # a short form is shorter and opens alike (see _same_thing): those tests first
            if (
                h[:1] == first
                and len(h) > n
                and _same_thing(f, h)
                and not _PHASE_ANY.search(h)
                and not (type_ == "Project" and _work_on_a_part(f, h))
            ):
                return True
            if enterprise and (
                f.endswith("集团") and _same_thing(f[:-2], h)
                or len(f) >= 4 and f in h
                or f.endswith("股份") and len(f) >= 4 and h.endswith("股份有限公司") and f[:-2] in h
            ):
                return True  # 恒泰股份: the brand and 股份 of …恒泰能源股份有限公司
    return False


def _work_on_a_part(short: str, long_: str) -> bool:
    """Is *long_* a work on a part of the facility *short* names, not *short* written out?

    The facility's name, whole (with or without 工程/项目), opens the longer name, which
    goes on with more than 工程/项目: 某某水库工程 and 某某水库灌区配套工程 are two works;
    某某隧道 and 某某隧道工程 are one.

    >>> _work_on_a_part("景帕水库工程", "景帕水库灌区配套工程")
    True
    >>> _work_on_a_part("景帕水库", "景帕水库灌区配套工程")
    True
    >>> _work_on_a_part("鹤溪隧道", "鹤溪隧道工程")
    False
    >>> _work_on_a_part("常泰大桥工程", "常泰长江大桥工程")
    False
    """
    head = _GENERIC_WORK_HEAD.search(short)
    facility = short[: -len(head.group(0))] if head else short
    if head is not None and not long_.endswith(head.group(0)):
        return False
    if len(facility) < 3 or not long_.startswith(facility) or _HEAD_END.search(facility) is None:
        return False
    rest = long_[len(facility) :]
    return bool(rest) and rest not in ("工程", "项目")


_GENERIC_WORK_HEAD = _Suffixes(("工程", "项目"))


def _place_words(doc: Document, ents: list[KeyedEntity]) -> tuple[str, ...]:
    words = {e.name for e in ents if e.type == "Place"}
    words |= {gazetteer.short_name(w) for w in list(words)}
    words |= set(_own_places(doc))
    # longest first
    return tuple(sorted((w for w in words if len(w) >= 2), key=lambda w: (-len(w), w)))


def _add_jurisdiction(doc: Document, ents: list[KeyedEntity]) -> None:
    """The report's own place, with its last part as an alias (常州市新北区, 新北区)."""
    if not doc.jurisdiction:
        return
    name = doc.jurisdiction
    parts = _admin_parts(name)
    own = [e for e in ents if e.type == "Place" and (e.name == name or e.name in parts[-1:])]
    target = next((e for e in own if e.name == name), None)
    if target is None:
        target = KeyedEntity("Place", name, aliases={name})
        ents.append(target)
    for e in own:
        if e is not target:
            target.aliases |= e.aliases
            target.mentions.extend(e.mentions)
            ents.remove(e)
    if len(parts) > 1:
        target.aliases.add(parts[-1])
    if not target.mentions:
        for form in (name, parts[-1]):
            pos = doc.norm.find(form)
            if pos != -1:
                target.mentions.append(_mention(doc, pos, pos + len(form)))
                break


# --- relations ----------------------------------------------------------------------


def _ref(e: Entity) -> tuple[str, str]:
    return (e.type, e.name)


def _relations(doc: Document, ents: list[KeyedEntity]) -> list[Relation]:
    rels = _hierarchy(doc, ents)  # first: it adds the parent places names may hold
    rels += _name_relations(doc, ents)
    spans = sorted(
        ((m.span.start, m.span.end, e) for e in ents for m in e.mentions),
        key=lambda t: (t[0], t[1], t[2].type),
    )
    starts = [t[0] for t in spans]
    for sent in doc.sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        inside = [t for t in spans[lo:hi] if t[1] <= sent.end]
        if len(inside) < 2:
            continue  # every relation below joins two of the names written in the sentence
        text = doc.norm[sent.start : sent.end]
        rels += _responsible(doc, sent.start, text, inside)
        rels += _partners(doc, sent.start, text, inside)
        rels += _co_built(doc, sent.start, text, inside)
        rels += _built_by(doc, sent.start, text, inside)
        rels += _completed_by(doc, sent.start, text, inside)
        rels += _run_by_many(doc, sent.start, text, inside)
        rels += _located(doc, sent.start, text, inside)
        rels += _built_in(doc, sent.start, text, inside)
        rels += _adjacent_places(doc, inside)
        rels += _governed(doc, sent.start, text, inside)
    return _without_wider_name_places(rels)


def _without_wider_name_places(rels: list[Relation]) -> list[Relation]:
    """A work the text places in a zone (位于某高新区的某山产业园一期) is not also in the district
    its name is written with, when that zone lies in the district: the most specific place only."""
    parents: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in rels:
        if r.predicate == "locatedIn" and r.subject[0] == "Place":
            parents.setdefault(r.subject, set()).add(r.object)

    def above(p: tuple[str, str]) -> set[tuple[str, str]]:
        seen: set[tuple[str, str]] = set()
        todo = [p]
        while todo:
            for q in parents.get(todo.pop(), ()):
                if q not in seen:
                    seen.add(q)
                    todo.append(q)
        return seen

    wider: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in rels:
        if r.predicate == "locatedIn" and r.method != "name":
            wider.setdefault(r.subject, set()).update(above(r.object))
    if not wider:
        return rels
    return [
        r
        for r in rels
        if not (r.predicate == "locatedIn" and r.method == "name"
                and r.object in wider.get(r.subject, ()))
    ]


_ZONE_SUFFIXES = cues.ZONE_HEADS


@lru_cache(maxsize=4096)
def _place_rank(name: str) -> int:
    """How high a place stands by its suffix: 省 5, 市 4, 区/县 3, 镇/街道 2, 村 1, else 0.

    Functional zones (高新区, 开发区, 新城) rank 0: they stand beside the administrative ladder.
    """
    if name.endswith(_ZONE_SUFFIXES):
        return 0
    for suffixes, rank in (
        (("省", "自治区"), 5),
        (("市", "州", "盟"), 4),
        (("区", "县", "旗"), 3),
        (("镇", "乡", "街道", "苏木", "口岸"), 2),  # a border port stands like a town
        (("村", "社区", "嘎查"), 1),
    ):
        if name.endswith(suffixes):
            return rank
    return 0


def _place_forms(doc: Document, p: Entity) -> set[str]:
    """The names a place is written with inside other names (常州市 → 常州; 柳湾镇 → 柳湾)."""
    forms = {a for a in p.aliases | {p.name} if len(a) >= 2}
    for a in list(forms):
        short = gazetteer.short_name(a)
        if short != a and len(short) >= 2:
            forms.add(short)
        for suffix in ("镇", "街道", "乡", "口岸"):
            if a.endswith(suffix) and len(a) - len(suffix) >= 2:
                forms.add(a[: -len(suffix)])
    return forms


def _name_relations(doc: Document, ents: list[KeyedEntity]) -> list[Relation]:
    """What a name says: 比亚迪滨江基地 → 比亚迪; 天合光能印尼项目 → 印尼; …（临漕） → 临漕市."""
    out = []
    places = [e for e in ents if e.type == "Place"]
    forms = {id(p): _place_forms(doc, p) for p in places}
    spans = [(m.span.start, m.span.end) for e in ents for m in e.mentions]
    areas: dict[int, set[str]] = {}  # the names of the areas (片区) each place is
    for p in places:
        # 银沙湾片区 is the area the report also calls 银沙湾 on its own (银沙湾滨海度假): what
        # else 银沙湾 names is in it (银沙湾旅游度假区)
        for a in p.aliases | {p.name}:
            stem = a[: -len(_AREA)]
            if a.endswith(_AREA) and _AREA_STEM_RE.fullmatch(stem) and _written_alone(doc, stem, spans):
                forms[id(p)].add(stem)
                areas.setdefault(id(p), set()).add(a)
    # a bare word a town shares with a river (鹤溪 of 鹤溪街道 and 鹤溪河) names neither for sure:
    # 鹤溪湿地公园 may lie on the river as well as in the town
    rivers = {p.name[:-1] for p in places if p.name[-1:] in cues.WATER_ENDINGS and len(p.name) >= 3}
    for p in places:
        if _place_rank(p.name) <= 2:  # a county or city keeps its word (松溪 of 松溪市, 松溪河)
            forms[id(p)] -= {f for f in rivers if f != p.name and f not in p.aliases}
    # one form names one thing: a place written exactly so (运河, the canal) keeps the form
    # from another place it shortens (运河区)
    own_names = {p.name: p for p in places}
    raw_forms = dict(forms)  # a branch's seat (运河分局) is the district all the same
    for p in places:
        forms[id(p)] = {f for f in forms[id(p)] if own_names.get(f, p) is p}
    # a bare form two places share names the higher one: 勐遥 is 勐遥市, not the port 勐遥口岸
    top_rank: dict[str, int] = {}
    for p in places:
        for f in forms[id(p)]:
            top_rank[f] = max(top_rank.get(f, 0), _place_rank(p.name))
    for p in places:
        rank = _place_rank(p.name)
        forms[id(p)] = {f for f in forms[id(p)] if f == p.name or rank >= top_rank[f]}
    all_forms = {f for fs in forms.values() for f in fs}
    words = _place_words(doc, ents)
    orgs = [
        (o, {b for b in _brands(o, words) if len(b) >= 3 or b not in all_forms})
        for o in ents
        if o.type in ("Enterprise", "Agency")
    ]
    legal = sorted(
        (a for o in ents if o.type == "Enterprise" for a in o.aliases if _legal(a)),
        key=len,
        reverse=True,
    )
    by_form: dict[str, list[KeyedEntity]] = {}
    for p in places:
        for f in forms[id(p)]:
            by_form.setdefault(f, []).append(p)
    # the lengths of the forms opening with each character, shortest first
    form_lengths: dict[str, list[int]] = {}
    for f in sorted(by_form, key=len):
        if len(f) not in form_lengths.setdefault(f[0], []):
            form_lengths[f[0]].append(len(f))
    place_order = {id(p): i for i, p in enumerate(places)}
    brand_owner: dict[str, KeyedEntity] = {}  # a brand → the first organisation with it
    for o, bs in orgs:
        for b in bs:
            brand_owner.setdefault(b, o)
    brand_lengths = sorted({len(b) for b in brand_owner}, reverse=True)
    ancestors: dict[int, set[str]] = {}
    river_of = _rivers_of_basins(places, spans)

    def ancestors_of(q: KeyedEntity) -> set[str]:
        if id(q) not in ancestors:
            ancestors[id(q)] = _ancestors(doc, q)
        return ancestors[id(q)]

    for e in ents:
        if not e.mentions:
            continue
        # what the name says is shown where it is written in full (not as a short form)
        m = next((x for x in e.mentions if doc.norm[x.span.start : x.span.end] == e.name), e.mentions[0])
        name = e.name
        if e.type == "Project":
            best = next(
                ((n, brand_owner[name[:n]]) for n in brand_lengths if name[:n] in brand_owner),
                None,
            )
            if (
                best is not None
                and not name.endswith(cues.NO_OWNER_HEADS)
                and best[1].name != name  # an institute read once as the work, once as the body
            ):
                out.append(Relation("implementedBy", _ref(e), _ref(best[1]), m, "name"))
            owner = next((a for a in legal if name.startswith(a) and a != name), None)
            if owner is None and best is not None and best[1].type == "Enterprise":
                owner = next(
                    (a for a in sorted(best[1].aliases, key=len, reverse=True)
                     if len(a) >= 3 and name.startswith(a) and a != name),
                    None,
                )
            if owner:
                name = name[len(owner) :]  # the company's seat is not where its project is
        seat = _BRACKETED_SEAT_RE.search(name) if "（" in name or "(" in name else None
        seat_places = [
            p
            for p in places
            if any(f.endswith(seat.group(1)) for f in forms[id(p)])
        ] if seat else []  # …（临漕）: the city; 中阿（联酋）: the country the bracket shortens
        hits = []
        # only places one of whose forms occurs in the name (found by one pass over it); a
        # form that runs on into another toponym (银沙 in 银沙湾, 松溪 in 松溪河) is not there,
        # and neither is a place a route runs from or to (松溪至朔原铁路) or a pair of places a
        # joint work is named for (汀兰—闵行科创飞地: where it stands, the text says)
        near: list[KeyedEntity] = []
        route = e.type == "Project" and ("至" in name or "—" in name)
        for i in range(len(name) if not route else 0):
            for n in form_lengths.get(name[i], ()):
                found = by_form.get(name[i : i + n])
                if (
                    found is None
                    or name[i + n : i + n + 1] in cues.TOPONYM_ENDINGS
                    and not name.startswith(cues.WATER_CONTEXT, i + n)  # 某河河道…: the river
                    or name.startswith(cues.ROAD_HEADS, i + n)
                ):
                    continue  # 银沙湾…; 运河大道 is a road named after the canal, not in it
                for q in found:
                    if q not in near:
                        near.append(q)
        if e.type == "Agency" and name.endswith(cues.ZONE_BOARD_HEADS):
            near += [p for p in places if p.name.endswith(cues.ZONE_HEADS) and p not in near]
        branch: list[KeyedEntity] = []
        if e.type == "Agency" and any(h in name for h in cues.BRANCH_HEADS):
            # 市生态环境局宁穆分局: the highest of the places the seat's form may name (the
            # county, not the town or the port of the same word)
            seats = [
                p
                for p in places
                if _place_rank(p.name) > 0
                and any(f + h in name for f in raw_forms[id(p)] for h in cues.BRANCH_HEADS)
            ]
            top_seat = max((_place_rank(p.name) for p in seats), default=0)
            branch = [p for p in seats if _place_rank(p.name) == top_seat]
            near += [p for p in branch if p not in near]
        near.sort(key=lambda q: place_order[id(q)])
        for p in places if seat_places else near:
            if p is e or e.name in p.aliases or e.name in forms[id(p)]:
                continue
            fs = forms[id(p)]
            if seat_places:
                if p in seat_places:
                    hits.append(p)
                continue
            # a company's legal name may open with its province (海南南禾种业科技有限公司)
            top = 5 if e.type == "Enterprise" else 4
            seat_rank = 3 <= _place_rank(p.name) <= top or p.name in _FOREIGN
            # 海南汐澜农村商业银行: the province may be written before the seat that opens the name
            lead = _province_lead().match(name)
            seat_names = (name, name[lead.end() :]) if lead else (name,)
            opens = seat_rank and any(
                n.startswith(f) and n[len(f) : len(f) + 1] not in cues.TOPONYM_ENDINGS
                for n in seat_names
                for f in fs
                if len(f) >= 2
            )
            if e.type == "Enterprise" and name.endswith(_ALL_BRANCH_HEADS):
                if any(name.endswith(f + h) for f in fs if len(f) >= 2
                       for h in _ALL_BRANCH_HEADS):
                    hits.append(p)  # 苇州农村商业银行汀兰支行: the branch is at its own seat
                continue
            if e.type == "Enterprise":
                if opens:
                    hits.append(p)  # 临漕恒川新能源…公司, 新加坡恒洋海事集团: the seat opens the name
                continue
            if e.type == "Agency":
                full = {a for a in p.aliases | {p.name} if len(a) >= 3}
                if (
                    opens
                    or any(f in name for f in full)
                    or p in branch
                    or name.endswith(cues.ZONE_BOARD_HEADS)
                    and _board_of(name, full)
                    or name.endswith(cues.SEAT_NAMED_AGENCY_HEADS)
                    and any(name.startswith(f) for f in fs if len(f) >= 2)
                ):
                    hits.append(p)  # 青山县人民政府; 市生态环境局运河分局; 鲸湾海关; 经开区管委会
                continue
            if e.type == "Place" and name.endswith("段"):
                if any(name.endswith(f + "段") for f in fs):
                    hits.append(p)  # 长江干流青山段: the section in the place it is named for
                continue
            if e.type == "Place":
                inside = [f for f in fs if name.startswith(f)]
                if inside and (
                    _place_rank(p.name) > _place_rank(name) > 0
                    or id(p) in areas  # 银沙湾旅游度假区 in the area 银沙湾片区
                    and not name.startswith(tuple(areas[id(p)]))
                    or name.endswith(cues.PLACE_PART_HEADS)
                    or _place_rank(name) == 0
                    and _place_rank(p.name) >= 1
                ):
                    hits.append(p)
                continue
            if any(f in name for f in fs):
                hits.append(p)
        # the most specific place only: 四川大学-常州国家高新区…工作站 is in the zone, not the
        # city; 鲸湾港大礁作业区…工程 is in the operating area written after the port
        # 敖伦河陶拉段…工程 is on the river: the place after it only names the section
        hits = [
            p
            for p in hits
            if not any(
                q is not p
                and (
                    p.name in ancestors_of(q)
                    or any(f in q.name for f in forms[id(p)])
                    or any(
                        f + g in name and f + g + "段" not in name
                        or g + f + "段" in name
                        for f in forms[id(p)]
                        for g in forms[id(q)]
                    )
                )
                for q in hits
            )
        ]
        if route and not hits:
            hits = _town_ends(name, places)
        for p in hits:
            p = river_of.get(id(p), p)
            out.append(Relation("locatedIn", _ref(e), _ref(p), m, "name"))
    return out


def _town_ends(name: str, places: list[KeyedEntity]) -> list[KeyedEntity]:
    """某镇至某镇二级公路: a road between two towns of the report runs in both; a route to a
    county or a city beyond names only where it leads."""
    first, sep, second = name.partition("至")
    if not sep:
        return []
    towns = [p for p in places if _place_rank(p.name) == 2]
    a = next((p for p in towns if first.endswith(p.name)), None)
    b = next((p for p in towns if second.startswith(p.name)), None)
    return [a, b] if a is not None and b is not None and a is not b else []


def _only_inside(p: Entity, spans: list[tuple[int, int]]) -> bool:
    """Is *p* written only inside longer names (桐溪流域 in 桐溪流域水环境综合治理工程)?"""
    return bool(p.mentions) and all(
        any(a <= x.span.start and x.span.end <= b and b - a > x.span.end - x.span.start
            for a, b in spans)
        for x in p.mentions
    )


def _written_alone(doc: Document, word: str, spans: list[tuple[int, int]]) -> bool:
    """Is *word* written somewhere outside every longer name (把云澜湾打造成为…)?"""
    for m in re.finditer(re.escape(word), doc.norm):
        if doc.norm.startswith(_AREA, m.end()):
            continue
        if not any(a <= m.start() and m.end() <= b and b - a > len(word) for a, b in spans):
            return True
    return False


def _rivers_of_basins(places: list[KeyedEntity], spans: list[tuple[int, int]]) -> dict[int, KeyedEntity]:
    """A basin written only inside the names of works (桐溪流域水环境综合治理工程) is no place
    of its own: those works are on the river (桐溪). A basin written alone (推动松溪河流域上下游
    协同保护) stays a place."""
    by_name = {p.name: p for p in places}
    return {
        id(p): by_name[p.name[: -len(_BASIN)]]
        for p in places
        if p.name.endswith(_BASIN) and p.name[: -len(_BASIN)] in by_name and _only_inside(p, spans)
    }


def _without_basins_of_works(ents: list[KeyedEntity]) -> list[KeyedEntity]:
    """Drop a basin written only inside the names of works (桐溪流域 of 桐溪流域水环境综合治理
    工程) when its river is a place: a name inside a longer name is no entity of its own, and
    the works' relations already go to the river (see :func:`_rivers_of_basins`)."""
    places = [e for e in ents if e.type == "Place"]
    if not any(p.name.endswith(_BASIN) for p in places):
        return ents
    spans = [(m.span.start, m.span.end) for e in ents for m in e.mentions]
    gone = _rivers_of_basins(places, spans)
    return [e for e in ents if id(e) not in gone] if gone else ents


_BASIN = "流域"
_AREA = "片区"
_AREA_STEM_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")  # the area's own name, not a zone's (…试验区鲸湾)


_FOREIGN = frozenset(cues.COUNTRIES + cues.REGIONS)


@lru_cache(maxsize=1)
def _province_lead() -> re.Pattern[str]:
    """A province written at the opening of a name, in full or short (江苏省, 江苏, 广西)."""
    forms = set()
    for p in gazetteer._table()[0].values():
        if p.level == "province" and p.name.endswith(("省", "市", "自治区")):
            forms |= {p.name, gazetteer.short_name(p.name)}
            if p.name.endswith("自治区"):
                forms.add(p.name[:2])  # 广西壮族自治区 → 广西
    return re.compile(_alternation(sorted(forms, key=len, reverse=True)) or "(?!)")


_BRACKETED_SEAT_RE = re.compile(r"[（(]([^（）()]{2,6})[）)]")


def _board_of(name: str, zone_names: set[str]) -> bool:
    """Is *name* the board of a zone with one of *zone_names* (经开区管委会 of 松溪经济技术开发区)?"""
    zone = _ZONE_BOARD_RE.sub("", name)
    if not zone.endswith(cues.ZONE_HEADS):
        return False
    written = [zone, *_zone_expansions(zone)]
    return any(z == f or f.endswith(z) and len(z) >= 4 for z in written for f in zone_names)


_ZONE_BOARD_RE = re.compile("(?:" + _alternation(cues.ZONE_BOARD_HEADS) + ")$")


def _ancestors(doc: Document, p: Entity) -> set[str]:
    chain = gazetteer.chain(p.name) or (
        gazetteer.jurisdiction_chain(doc.jurisdiction) if p.name == doc.jurisdiction else []
    )
    names = {q.name for q in chain if q.name != p.name}
    if p.name == doc.jurisdiction:
        names |= set(_admin_parts(p.name)[:-1])
        parent = gazetteer.text_parent_city(doc.norm, doc.jurisdiction or "")
        if parent:
            names.add(parent)
    return names


def _legal(name: str) -> bool:
    return name.endswith(cues.LEGAL_FORMS)


def _clause_end(text: str, pos: int, more: str = "") -> int:
    ends = [text.find(ch, pos) for ch in "。；;！？" + more]
    return min((e for e in ends if e != -1), default=len(text))




def _responsible(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """由甲牵头…乙: the agency 甲 is responsible for the projects of that clause."""
    out = []
    for m in _LEAD_RE.finditer(text):
        # 由甲统筹推进、乙具体负责: every body named before the verb that closes the run
        agencies = [
            t
            for t in inside
            if base + m.start(1) <= t[0] and t[1] <= base + m.end(1) and t[2].type == "Agency"
        ]
        if not agencies:
            continue
        stop = _clause_end(text, m.end(), "，")  # 由甲牵头推进乙，配合…推进丙: 乙 only
        mention = _mention(doc, base + m.start(), base + m.end())
        works = [
            p
            for p in inside
            if base + m.end() <= p[0] and p[1] <= base + stop and p[2].type == "Project"
        ]
        if not works:  # 梅岭村示范项目由石桥镇人民政府负责实施: the work stands before 由
            works = _work_before_lead(text, base, m.start(), inside)
            mention = _mention(doc, works[0][0], base + m.end()) if works else mention
        opens = m.start() == 0 or text[m.start() - 1] in "。；;！？\n"
        if not works and opens and text[m.end() : m.end() + 1] in "，,":
            # 由区住建局牵头，加快甲、乙建设: the lead opens the sentence, its works follow
            nxt = _clause_end(text, m.end() + 1, "，")
            works = [p for p in inside
                     if base + m.end() < p[0] and p[1] <= base + nxt and p[2].type == "Project"]
            mention = _mention(doc, base + m.start(), works[-1][1]) if works else mention
        for p in works:
            for a in agencies:
                out.append(Relation("responsibleAgency", _ref(p[2]), _ref(a[2]), mention))
        out += _builder_after_lead(doc, base, text, stop, works, inside)
    for m in _DUTY_RE.finditer(text):
        # 加快乙建设（责任单位：甲、丙）: the bodies named are responsible for the clause's works
        agencies = [
            t
            for t in inside
            if base + m.start("list") <= t[0] and t[1] <= base + m.end("list")
            and t[2].type == "Agency"
        ]
        clause_start = base + max(text.rfind(c, 0, m.start()) for c in "，。；：") + 1
        mention = _mention(doc, base + m.start(), base + m.end())
        works = [p for p in inside
                 if clause_start <= p[0] and p[1] <= base + m.start() and p[2].type == "Project"]
        if not works:  # 1.某项目，年内建成通车（责任单位：…）: the work the numbered item names
            item_start = base + max(text.rfind(c, 0, m.start()) for c in "。；：") + 1
            works = sorted((p for p in inside
                            if item_start <= p[0] and p[1] <= clause_start and p[2].type == "Project"),
                           key=lambda p: p[1])[-1:]
        companies = [t for t in inside if base + m.start("list") <= t[0] and t[1] <= base + m.end("list")
                     and t[2].type == "Enterprise"]
        for p in works:
            for a in agencies:
                out.append(Relation("responsibleAgency", _ref(p[2]), _ref(a[2]), mention))
            for c in companies:  # （责任单位：市交通运输局、某城投集团）: the company carries it out
                out.append(Relation("implementedBy", _ref(p[2]), _ref(c[2]), mention))
    return out


_LEAD_RE = re.compile(r"由(.{2,40}?)(?:牵头|负责|统筹推进|统筹)")
# 某公司负责建设运营, 某公司承担建设, 某公司负责建设和运营: the company's share of a work
_COMPANY_DUTY_RE = re.compile(
    "(?:" + _alternation(cues.COMPANY_DUTY_VERBS) + ")(?:[和、]?(?:"
    + _alternation(cues.COMPANY_DUTY_VERBS) + "))*(?=[，。；,;]|$)"
)


def _builder_after_lead(
    doc: Document, base: int, text: str, stop: int, works: list, inside: list
) -> list[Relation]:
    """乙由甲牵头，丙负责建设运营: the company that opens the clause after a body's lead, with
    the verb of its share of the work and nothing else, builds the works that body leads."""
    if not works or text[stop : stop + 1] not in "，,":
        return []
    company = next((t for t in inside if t[0] == base + stop + 1 and t[2].type == "Enterprise"),
                   None)
    if company is None:
        return []
    verb = _COMPANY_DUTY_RE.match(text, company[1] - base)
    if verb is None:
        return []
    mention = _mention(doc, company[0], base + verb.end())
    return [Relation("implementedBy", _ref(p[2]), _ref(company[2]), mention) for p in works]
# what may stand between a work and the 由 of its body: 某基础设施建设由…, 深入推进某工程，由…
_WORK_TO_LEAD_RE = re.compile(r"(?:建设|工作|项目|的)?[，,]?$")
_THIS_WORK_RE = re.compile(r"该(?:工程|项目)$")


def _work_before_lead(text: str, base: int, lead: int, inside: list) -> list:
    """The work a 由…牵头 after it speaks of, when no work follows in its clause: the work
    right before (某设施建设由…; 推进某工程，由…), the work 该工程 points back to (开工建设某工程，
    该工程由…), or the work the sentence opens with (某物流园位于…，由…牵头推进)."""
    sent_start = max(text.rfind(c, 0, lead) for c in "。；;！？\n") + 1
    before = [p for p in inside if base + sent_start <= p[0] and p[1] <= base + lead
              and p[2].type == "Project"]
    if not before:
        return []
    last = max(before, key=lambda p: p[1])
    gap = text[last[1] - base : lead]
    if _WORK_TO_LEAD_RE.fullmatch(gap) or _THIS_WORK_RE.search(gap):
        return [last]
    first = min(before, key=lambda p: p[0])
    if first[0] == base + sent_start and text[lead - 1 : lead] in "，,":
        return [first]  # the sentence's subject, with a clause of its own in between
    return []


_DUTY_RE = re.compile(
    "[（(](?:" + _alternation(cues.DUTY_LABELS) + ")[：:](?P<list>[^（）()]{2,60})[）)]"
)


_PARTNER_VERB_RE = re.compile(_alternation(cues.PARTNER_VERBS))


def _partners(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """甲与乙共建, 甲、乙联合设立, 甲与乙合作: the two organisations are partners."""
    out = []
    orgs = [t for t in inside if t[2].type in ("Enterprise", "Agency")]
    works = {t[0]: t for t in inside if t[2].type == "Project"}
    starts = {t[0]: t for t in orgs}
    for i, a in enumerate(orgs):
        for b in orgs[i + 1 :]:
            between = text[a[1] - base : b[0] - base]
            verb = _PARTNER_VERB_RE.match(text, b[1] - base)
            if a[2] is b[2]:
                continue
            if between in ("与", "和", "同", "、", "及") and verb:
                mention = _mention(doc, a[0], base + verb.end())
                out.append(Relation("partner", _ref(a[2]), _ref(b[2]), mention))
            elif between in cues.JOINT_VERBS + cues.JOINT_CONNECTORS:
                # 管委会联合鲸湾海关创新…, 市港口管理局会同区交通运输局完成…
                mention = _mention(doc, a[0], b[1])
                out.append(Relation("partner", _ref(a[2]), _ref(b[2]), mention))
                last = b
                while text[last[1] - base : last[1] - base + 1] == "、" and last[1] + 1 in starts:
                    # 甲联合乙、丙举办…: each body of the list joins 甲
                    last = starts[last[1] + 1]
                    mention = _mention(doc, a[0], last[1])
                    out.append(Relation("partner", _ref(a[2]), _ref(last[2]), mention))
                done = _JOINT_WORK_RE.match(text, b[1] - base)
                work = works.get(base + done.end()) if done else None
                if work is not None:  # 甲会同乙完成丙: both carry out the work
                    mention = _mention(doc, a[0], work[1])
                    for org in (a, b):
                        out.append(Relation("implementedBy", _ref(work[2]), _ref(org[2]), mention))
    return out


_JOINT_WORK_RE = re.compile(_alternation(cues.JOINT_WORK_VERBS))


_CO_BUILD_RE = re.compile("(?:" + _alternation(cues.CO_BUILD_VERBS) + ")(?:的)?")
_BUILT_BY_RE = re.compile("(?:负责)?(?:" + _alternation(cues.BUILDER_VERBS) + ")的")


def _built_by(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """甲承建的乙, 甲建设运营的乙, 支持甲建设乙, 乙由甲运营: the organisation builds or runs
    the work (a company; a body that only oversees a work is its responsible agency)."""
    out = []
    starts = {t[0]: t for t in inside if t[2].type == "Project"}
    ends = {t[1]: t for t in inside if t[2].type == "Project"}
    for t in inside:
        if t[2].type not in ("Enterprise", "Agency"):
            continue
        after = t[1] - base
        if text[after : after + 1] == "）":
            after += 1  # 某集团有限公司（某集团）承建的: the short name in brackets
        m = _BUILT_BY_RE.match(text, after) or (
            _builder(t[2], text, t[0] - base)
            and (_BUILDS_RE.match(text, after) or _PRESS_ON_RE.match(text, after))
            or None
        )
        work = starts.get(base + m.end()) if m else None
        if work is not None and m is not None:
            mention = _mention(doc, t[0], work[1])
            # 县农业农村局负责实施的乙: a government body that carries a work out oversees it
            oversees = (
                t[2].type == "Agency"
                and not t[2].name.endswith(cues.INSTITUTION_HEADS)
                and m.group(0).removeprefix("负责")[:-1] in cues.OVERSEE_VERBS
            )
            rel = "responsibleAgency" if oversees else "implementedBy"
            out.append(Relation(rel, _ref(work[2]), _ref(t[2]), mention))
        if t[2].type == "Enterprise" and text[t[0] - base - 1 : t[0] - base] in ("由", "、"):
            verb = _RUN_BY_RE.match(text, t[1] - base)
            work = ends.get(t[0] - 1) if verb else None
            if work is None and verb:
                # 乙开街，交由甲运营管理; 乙由丙负责建设、甲负责运营: the work the sentence is about
                chain = _HANDED_TO_RE.search(text, 0, t[0] - base)
                if chain:
                    work = next((w for w in reversed(sorted(ends.values(), key=lambda w: w[1]))
                                 if w[1] <= base + chain.start()), None)
            if work is not None and verb:
                mention = _mention(doc, work[0], base + verb.end())
                out.append(Relation("implementedBy", _ref(work[2]), _ref(t[2]), mention))
    return out


# the run of words that hands a work to its builders: 交由…; 由某集团负责建设、…
_HANDED_TO_RE = re.compile(r"(?:交由|由[^，。；]{2,30}?负责[^，。；、]{0,4}、)$")


def _builder(e: Entity, text: str, start: int) -> bool:
    """Can *e*, written at *start* of *text*, be the one who builds what its verb names: a
    company, or an institution supported to build (支持沧岚职业技术学院建设…教育基地)?"""
    if e.type == "Enterprise":
        return True
    return (
        e.type == "Agency"
        and e.name.endswith(cues.INSTITUTION_HEADS)
        and text.endswith(("支持", "鼓励", "推动"), 0, start)
    )


_COMPLETES_RE = re.compile(r"(?:年内|今年|年底前|全年)?(?:完成|加快推进|加快|推进)")
_WORK_JOIN = "和、及与"
_WORK_BUILD_RE = re.compile(r"(?:建设|施工|改造)")


def _completed_by(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """某文旅公司年内完成甲和乙建设: the company that opens its clause and completes the works
    it lists builds them."""
    out = []
    starts = {t[0]: t for t in inside if t[2].type == "Project"}
    for t in inside:
        if t[2].type != "Enterprise" or text[t[0] - base - 1 : t[0] - base] not in "，。；\n":
            continue
        m = _COMPLETES_RE.match(text, t[1] - base)
        if m is None:
            continue
        works, pos = [], base + m.end()
        while (w := starts.get(pos)) is not None:
            works.append(w)
            pos = w[1] + (1 if text[w[1] - base : w[1] - base + 1] in _WORK_JOIN else 0)
            if pos == w[1]:
                break
        if works and _WORK_BUILD_RE.match(text, works[-1][1] - base):
            mention = _mention(doc, t[0], works[-1][1] + 2)
            out += [Relation("implementedBy", _ref(w[2]), _ref(t[2]), mention) for w in works]
    return out


_BUILDS_RE = re.compile(
    "(?:" + _alternation(cues.IMPLEMENT_ADVERBS) + ")?(?:" + _alternation(cues.IMPLEMENT_VERBS) + ")"
)
_RUN_BY_RE = re.compile("(?:负责)?(?:" + _alternation(cues.BUILDER_VERBS) + ")")
_PRESS_ON_RE = re.compile(_alternation(cues.PRESS_ON_VERBS))
_RUN_BY_MANY_RE = re.compile(
    "(?:负责|合作|共同|联合)?(?:" + _alternation(cues.BUILDER_VERBS + cues.CO_BUILD_VERBS) + ")"
)


# a work's state, then its builder: 乙全面开工，由甲建设运营
_STATUS_THEN_BY_RE = re.compile(
    "[\u4e00-\u9fff]{0,2}?(?:" + _alternation(cues.BUILD_AFTER) + ")[，,]由"
)


def _run_by_many(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """乙由甲与丙合作开发, 乙由甲投资建设、丙负责运营: every company named after 由, alone or
    in a list, with the verb of building or running it, implements the work before 由."""
    out = []
    at = {t[0]: t for t in inside if t[2].type in ("Enterprise", "Agency")}
    for work in inside:
        if work[2].type != "Project":
            continue
        by = work[1] - base
        if text[by : by + 1] != "由":
            status = _STATUS_THEN_BY_RE.match(text, by)  # 乙全面开工，由甲建设运营
            if status is None:
                continue
            by = status.end() - 1
        pos, group, found = base + by + 1, [], []
        while pos in at:
            org = at[pos]
            group.append(org)
            rest = org[1] - base
            if text[rest : rest + 1] in ("与", "和", "及", "、") and org[1] + 1 in at:
                pos = org[1] + 1  # 由甲与丙…: the next of the list
                continue
            verb = _RUN_BY_MANY_RE.match(text, rest)
            if not verb:
                break
            found += [(o, base + verb.end()) for o in group]
            group = []
            pos = base + verb.end() + 1  # 甲投资建设、丙负责运营: the next builder and verb
            if text[verb.end() : verb.end() + 1] != "、":
                break
        for org, end in found:
            # a company or an institution; a government body after 由 oversees the work
            if org[2].type == "Enterprise" or org[2].name.endswith(cues.INSTITUTION_HEADS):
                mention = _mention(doc, work[0], end)
                out.append(Relation("implementedBy", _ref(work[2]), _ref(org[2]), mention))
    return out


def _co_built(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """甲与乙共建的丙 / 与甲共建丙: the builders implement the project."""
    out = []
    for m in _CO_BUILD_RE.finditer(text):
        after = [t for t in inside if t[0] == base + m.end() and t[2].type == "Project"]
        if not after:
            continue
        clause_start = max(text.rfind(c, 0, m.start()) for c in "，。；：") + 1
        opening = text[clause_start : m.start()]
        if (opening in ("", "合作", "携手", "共同") or opening in cues.PARTNER_ANAPHORS) and clause_start > 1:
            # 甲与乙签约，合作共建丙 / 双方共同投资的丙: the builders are the partners of the
            # clause before
            clause_start = max(text.rfind(c, 0, clause_start - 1) for c in "，。；：") + 1
        builders = [
            t
            for t in inside
            if base + clause_start <= t[0]
            and t[1] <= base + m.start()
            and t[2].type in ("Enterprise", "Agency")
        ]
        for b in builders:
            mention = _mention(doc, b[0], after[0][1])
            out.append(Relation("implementedBy", _ref(after[0][2]), _ref(b[2]), mention))
    return out


_LOCATED_RE = re.compile(_alternation(cues.LOCATED_VERBS))


def _located(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """甲落户乙 / 甲位于乙: the things named before the verb are in the place after it."""
    out = []
    for m in _LOCATED_RE.finditer(text):
        vs, ve = base + m.start(), base + m.end()
        after = [t for t in inside if t[0] == ve and t[2].type == "Place"]
        if not after:
            continue
        right = [
            t
            for t in inside
            if t[0] == after[0][1] + 1
            and (t[2].type != "Place" or _place_rank(after[0][2].name) > 0
                 and t[2].name.endswith(cues.ZONE_HEADS))  # 地处某街道的某示范区
        ]
        if text[after[0][1] - base : after[0][1] - base + 1] == "的" and right:
            # 位于大礁石化园区的东泓石化百万吨级乙烯项目: the thing after 的
            for b in right:
                mention = _mention(doc, vs, b[1])
                out.append(Relation("locatedIn", _ref(b[2]), _ref(after[0][2]), mention))
            continue
        clause_start = base + max(text.rfind(c, 0, m.start()) for c in "，。；：") + 1
        before = [b for b in inside if clause_start <= b[0] and b[1] <= vs]
        things = [b for b in before if b[2].type == "Project"] or [
            b for b in before if b[2].type == "Enterprise"
        ] or [
            b for b in before[-1:]
            if b[2].type == "Place" and b[2].name == doc.jurisdiction and b[1] == vs
        ]  # 某县地处某省东南部: the report's own area in its province
        for b in things:
            out.append(
                Relation(
                    "locatedIn", _ref(b[2]), _ref(after[0][2]), _mention(doc, b[0], after[0][1])
                )
            )
    return out


_BUILT_IN_VERB_RE = re.compile(
    "(?:" + _alternation(cues.LOCATED_BEFORE_VERBS) + ")(?P<of>的)?"
)


_PLACE_PART_RE = re.compile(_alternation(cues.PLACE_PART_WORDS))


def _built_in(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """甲在乙建设的丙 / 在乙建设丙 / 丙在乙建成: the work is in the place, built by 甲."""
    out = []
    by_start = {t[0]: t for t in inside if t[2].type == "Project"}
    by_end = {t[1]: t for t in inside if t[2].type in ("Project", "Enterprise", "Agency")}
    for place in inside:
        at = place[0] - base
        if place[2].type != "Place" or text[at - 1 : at] != "在":
            continue
        after = place[1] - base
        part = _PLACE_PART_RE.match(text, after)  # 甲在某镇近海建设的乙: the part of the place
        verb = _BUILT_IN_VERB_RE.match(text, part.end() if part else after)
        if not verb:
            continue
        before = by_end.get(place[0] - 1)
        work = by_start.get(base + verb.end())
        if work is not None:
            mention = _mention(doc, place[0] - 1, work[1])
            out.append(Relation("locatedIn", _ref(work[2]), _ref(place[2]), mention))
            if before is not None and before[2].type != "Project":
                mention = _mention(doc, before[0], work[1])
                out.append(Relation("implementedBy", _ref(work[2]), _ref(before[2]), mention))
        elif before is not None and before[2].type == "Project" and not verb.group("of"):
            mention = _mention(doc, before[0], base + verb.end())
            out.append(Relation("locatedIn", _ref(before[2]), _ref(place[2]), mention))
    return out


_ABROAD = frozenset(cues.COUNTRIES) - {"中国", "中华人民共和国"}


_GOVERNS_RE = re.compile(_alternation(cues.GOVERN_VERBS))


def _governed(doc: Document, base: int, text: str, inside: list) -> list[Relation]:
    """某市…，辖甲区、乙县、丙县等县区: the places the report's own area governs are in it."""
    out: list[Relation] = []
    if not doc.jurisdiction or "辖" not in text:
        return out
    places = [t for t in inside if t[2].type == "Place"]
    for m in _GOVERNS_RE.finditer(text):
        vs, pos = base + m.start(), base + m.end()
        own = [t for t in places if t[1] <= vs and t[2].name == doc.jurisdiction]
        if not own:
            continue
        end = _clause_end(text, m.end(), "，,")
        rank = _place_rank(own[0][2].name)
        for t in places:  # the places listed up to the end of the clause, below the area
            if pos <= t[0] and t[1] <= base + end and 0 < _place_rank(t[2].name) < rank:
                out.append(Relation("locatedIn", _ref(t[2]), _ref(own[0][2]), _mention(doc, vs, t[1])))
    return out


def _adjacent_places(doc: Document, inside: list) -> list[Relation]:
    """双桥镇青穗村: a place written right after a higher one is in it."""
    out = []
    inside = [t for t in inside if t[2].type == "Place"]
    for a, b in zip(inside, inside[1:], strict=False):
        if (
            a[1] == b[0]
            and a[2].type == b[2].type == "Place"
            and (
                _place_rank(a[2].name) > _place_rank(b[2].name) > 0
                or _place_rank(b[2].name) == 0
                and b[2].name.endswith(cues.ZONE_HEADS)
                and not a[2].name.endswith(cues.ZONE_HEADS)
                and a[2].name not in _FOREIGN
                or a[2].name in _ABROAD  # 泰国曼谷, 越南胡志明市: a city after its country
                or _place_rank(a[2].name) == 1  # 某村某屯: the hamlet in its village
                and b[2].name.endswith(cues.HAMLET_HEADS)
                and b[2].name not in _FOREIGN
            )
        ):
            out.append(Relation("locatedIn", _ref(b[2]), _ref(a[2]), _mention(doc, a[0], b[1])))
    return out


def _hierarchy(doc: Document, ents: list[KeyedEntity]) -> list[Relation]:
    """The jurisdiction in its city and the city in its province (gazetteer), else as written."""
    out: list[Relation] = []
    if not doc.jurisdiction:
        return out
    chain = gazetteer.jurisdiction_chain(doc.jurisdiction)
    names = [p.name for p in chain]
    method = "gazetteer"
    if not chain:
        parts = _admin_parts(doc.jurisdiction)
        parent = gazetteer.text_parent_city(doc.norm, doc.jurisdiction)
        names = parts[:-1] + ([parent] if parent and len(parts) == 1 else []) + [parts[-1]]
        names = names[:-1]
        method = "rule"
    own = next(e for e in ents if e.type == "Place" and e.name == doc.jurisdiction)
    parents = [n for n in names if n not in own.aliases]
    child: KeyedEntity = own
    for name in reversed(parents):
        parent_e = next((e for e in ents if e.type == "Place" and name in e.aliases), None)
        written = name in doc.jurisdiction
        if parent_e is None:
            pos = doc.norm.find(name)
            if pos == -1 and not written and method != "gazetteer":
                continue  # a parent the report never names, and no gazetteer vouches for it
            parent_e = KeyedEntity("Place", name, aliases={name})
            if pos != -1:
                parent_e.mentions.append(_mention(doc, pos, pos + len(name)))
            else:
                # not written in the report: its evidence is the jurisdiction it contains
                parent_e.mentions.extend(own.mentions[:1])
            ents.append(parent_e)
        if own.mentions:
            # 常州市新北区 states the first link; links above the written name (常州市 in
            # 江苏省) are the gazetteer's knowledge, marked so by their method
            link_method = method if not (written and child is own) else "name"
            out.append(Relation("locatedIn", _ref(child), _ref(parent_e), own.mentions[0],
                                link_method))
        child = parent_e
    return out


def _valid(rels: list[Relation], ents: list[KeyedEntity]) -> list[Relation]:
    """Relations whose ends are extracted entities of the right types, once each."""
    known = {_ref(e) for e in ents}
    seen: set[tuple] = set()
    out = []
    for r in rels:
        subj_types, obj_types = RELATION_TYPES[r.predicate]
        if r.subject not in known or r.object not in known or r.subject == r.object:
            continue
        if r.subject[0] not in subj_types or r.object[0] not in obj_types:
            continue
        key: tuple = (r.predicate, r.subject, r.object)
        if r.predicate == "partner":
            key = (r.predicate, *sorted((r.subject, r.object)))
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


# --- attributes ---------------------------------------------------------------------


_STATUS_RE = re.compile(
    r"(?:顺利|全面|正式|相继|成功|已|全线|主体)?(" + _alternation(cues.STATUS_WORDS) + ")"
)
_AWARD_RE = re.compile(
    r"(" + _alternation(cues.AWARD_VERBS) + r")([^，。；：、]{2," + str(cues.AWARD_MAX) + r"})"
)
_LIST_TAIL_RE = re.compile(
    r"、[^，。；、]{2,12}?(?=、|" + _alternation(cues.STATUS_WORDS + cues.AWARD_VERBS) + ")"
)


def _attributes(doc: Document, ents: list[KeyedEntity]) -> None:
    """Awards (获评国家级智能工厂) and stages (竣工, 主板上市) said right after a name."""
    norm = doc.norm
    for e in ents:
        if e.type not in ("Project", "Enterprise", "Agency", "Place"):
            continue
        for m in e.mentions:
            after = m.span.end
            while True:  # 长青科技、天元智能主板上市: a list shares its verb
                nxt = _LIST_TAIL_RE.match(norm, after)
                if not nxt:
                    break
                after = nxt.end()
            status = _STATUS_RE.match(norm, after)
            if status and e.type in ("Project", "Enterprise"):
                e.attributes.setdefault("status", set()).add(status.group(1))
            award = _AWARD_RE.match(norm, after)
            if award:
                e.attributes.setdefault("award", set()).add(clean_name(award.group(2)))


# --- identity -----------------------------------------------------------------------


def _key(doc: Document, e: KeyedEntity) -> str:
    """The name qualified by the place a relative name depends on.

    区/县 names are the jurisdiction's; 市 names its city's; 省 names its province's.
    Places the gazetteer does not know (高铁新城, 西夏墅镇) are the jurisdiction's too.
    """
    juris = doc.jurisdiction or doc.report_id
    chain = gazetteer.jurisdiction_chain(doc.jurisdiction)
    if e.type == "Place":
        if e.name == doc.jurisdiction:
            return "".join(p.name for p in chain if p.name not in e.name) + e.name
        found = gazetteer.chain(e.name)
        if found:
            return "".join(p.name for p in found)
        if e.name in cues.COUNTRIES or e.name in cues.REGIONS:
            return e.name
        return f"{juris}/{e.name}"
    m = _RELATIVE.match(e.name)
    if m is None:
        return e.name
    level = m.group(0)
    scope = juris
    by_level = {p.level: p.name for p in chain}
    if level == "市":
        scope = by_level.get("city") or gazetteer.text_parent_city(doc.norm, juris) or juris
    elif level == "省":
        scope = by_level.get("province", juris)
    return f"{scope}/{e.name}"


# --- pipeline hook ------------------------------------------------------------------


def entity_stage(rf: ReportFacts) -> None:
    """Pipeline stage: add the report's entities and relations to *rf* in place."""
    doc = rf.document
    assert isinstance(doc, Document)
    ents, rels = extract_entities(doc)
    rf.entities.extend(ents)
    rf.relations.extend(rels)
