"""Targets and outcomes: quantities in a sentence become facts about indicators.

>>> from graph.reader import ReportText
>>> from graph.document import parse_document
>>> from pathlib import Path
>>> t = "某区2024年计划草案的报告\\n二、2024年主要预期目标\\n——地区生产总值增长6%以上；\\n"
>>> doc = parse_document(ReportText(Path("x.txt"), t, t, "utf-8"))
>>> [(f.indicator, f.value, f.comparator) for f in extract_facts(doc)]
[('地区生产总值', Decimal('6'), 'AtLeast')]
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from graph import cues
from graph.document import Document, Sentence
from graph.facts import Fact, Mention, Span
from graph.quantities import Quantity, _quoted_mask, find_quantities

__all__ = ["extract_facts", "split_list", "complete_list"]

_CLAUSE_BREAK = "，,；;。：:！？!?\n"
_LIST_SEP = "、"
_CLAUSE_OR_LIST_BREAK = _CLAUSE_BREAK + _LIST_SEP  # made once: its hash is kept for the cache
_LIST_SPLIT = re.compile(r"、|和|及|与|以及")
_STRIP_CHARS = " \t　“”\"'‘’（）()《》—-·:：,，、"
_YEAR_IN_CLAUSE = re.compile(r"(?:^|到|至|在|于|力争|确保|预计|争取|计划)((?:19|20)\d{2})年(?![度底前以来])")
_HEADLINE_CUES = ("主要预期目标", "主要目标", "预期目标")
_DISTRIBUTE_CUES = ("双双", "均", "都")
_LIST_SUMMARY = re.compile(r"([两二三四五六七八九十\d]{1,2})个?([\u4e00-\u9fff]{1,3})$")


def extract_facts(doc: Document) -> list[Fact]:
    """Every target and outcome of a parsed report, in text order."""
    mask = _quoted_mask(doc.norm)
    facts: list[Fact] = []
    for sent in doc.sentences:
        # the section each sentence opens in was found when it was read: no lookup by offset
        sec = doc.sections[sent.section] if sent.section is not None else None
        period, year = doc.period_of(sec)
        if period is None or year is None:
            continue
        if sec is not None and sent.start < sec.heading_end and sec.level <= 2:
            continue  # a heading states the theme, not a commitment
        facts.extend(_sentence_facts(doc, sent, period, year, mask))
    return facts


# --- one sentence -----------------------------------------------------------------


def _sentence_facts(
    doc: Document, sent: Sentence, period: str, year: int, mask: bytearray
) -> list[Fact]:
    norm = doc.norm
    kind = "outcome" if period == "review" else "target"
    quantities = find_quantities(norm, sent.start, sent.end, mask)
    out: list[Fact] = []
    respectively, runs = _respectively(norm, sent, quantities)
    prev: tuple[Quantity, str, int] | None = None
    prev_sign = 0
    history: list[tuple[str, int]] = []  # (indicator, span start) of each named quantity
    strengths: list[str] = []  # and the strength it was stated with
    for qi, q in enumerate(quantities):
        inherited = ""
        if runs.get(qi) == (0, 0):
            continue  # the count that names a 分别 list (两个街道) is not a fact
        if _ANNOUNCES_LIST_RE.match(norm, q.end):
            continue  # 重点抓好三件事：1.…: the count announces the list that follows
        q = _inherit_change(norm, q, prev, prev_sign)
        q = _run_comparator(norm, q, qi, quantities, runs)
        prev_sign = q.change_sign
        iend = q.end
        if qi in respectively:
            names, istart = respectively[qi]
            if not names:  # 分别 with no subject of its own: the quantities before it name them
                back = runs[qi]
                pos = len(history) - back[1]  # the history holds this run's earlier items too
                names, istart = ([history[pos][0]], history[pos][1]) if 0 <= pos < len(history) \
                    else ([], q.start)
                if 0 <= pos < len(strengths) and strengths[pos] != "Plain":
                    inherited = strengths[pos]  # 预计分别达到…元、…元，分别增长4.5%、6.8%
        else:
            next_start = quantities[qi + 1].cue_start if qi + 1 < len(quantities) else sent.end
            names, istart, iend = _indicator(norm, q, sent, prev, mask, next_start)
            if not names and prev is not None and prev[1] and _only_links(norm[prev[2] : q.cue_start]):
                # 完成386.5亿元、增长6.7%: a second figure of the same indicator
                names, istart = [prev[1]], history[-1][1] if history else q.start
        if not names:
            prev = (q, "", q.end)
            continue
        fact_year = _explicit_year(norm, sent, q) or year
        strength = _strength(norm, sent, q)
        if inherited and strength == "Plain":
            strength = inherited
        if kind == "outcome" and strength == "Aspirational" and _funds_won(norm, sent, q):
            strength = "Plain"
        qk = "ChangeRate" if q.change_sign != 0 else "Level"
        span = Span(min(istart, q.start), max(q.end, iend))
        comparator = q.comparator
        if kind == "outcome" and comparator == "AtMost" and norm.endswith("控制在", 0, q.cue_start) \
                and q.end == q.unit_end:
            comparator = "Exactly"  # 城镇登记失业率控制在3.2%: the rate the year came to, no cap
        for name in names:
            out.append(
                _fact(doc, kind, name, fact_year, q.value, q.upper, q.unit, comparator, qk,
                      strength, span, sent)
            )
        prev = (q, names[-1], max(q.end, iend))
        history.append((names[-1], span.start))
        strengths.append(strength)
    out.extend(_phrase_facts(doc, sent, kind, year, quantities))
    return out


def _only_links(text: str) -> bool:
    """Nothing but separators and cue words between two figures."""
    return _clean(text) == "" and not any(ch in text for ch in "；;。")


def _run_comparator(
    norm: str, q: Quantity, qi: int, quantities: list[Quantity], runs: dict[int, tuple[int, int]]
) -> Quantity:
    """分别增长5%、6.5%以上: the comparator written after the last figure holds for all."""
    if qi not in runs or runs[qi][1] == 0 or q.comparator != "Exactly":
        return q
    pos, size = runs[qi]
    last = quantities[qi - pos + size - 1]
    if last is q or norm[last.unit_end : last.end] == "":
        return q
    comparator = last.comparator
    if (last.change_sign < 0) != (q.change_sign < 0) and q.change_sign != 0:
        comparator = cues.FLIP_ON_DECLINE.get(comparator, comparator)
    return Quantity(q.start, q.end, q.unit_end, q.value, q.upper, q.unit, comparator,
                    q.change_sign, q.cue_start)


def _fact(
    doc: Document, kind: str, indicator: str, year: int, value: Decimal | None,
    upper: Decimal | None, unit: str | None, comparator: str | None, qk: str, strength: str,
    span: Span, sent: Sentence,
) -> Fact:
    sentence, sentence_span = _sentence_of(doc.text, sent.start, sent.end)
    mention = Mention(span, doc.text[span.start : span.end], sentence, sentence_span)
    return Fact(
        kind=kind,
        indicator=indicator,
        year=year,
        value=value,
        upper=upper,
        unit=unit,
        comparator=comparator,
        quantity_kind=qk,
        strength=strength,
        mention=mention,
        section=sent.section,
        estimated=kind == "outcome" and strength in cues.ESTIMATE_STRENGTHS,
        label=doc.norm[span.start : span.end],
    )


@lru_cache(maxsize=64)
def _sentence_of(text: str, start: int, end: int) -> tuple[str, Span]:
    """A sentence's words and span, made once for all the facts it states (both immutable)."""
    return text[start:end].strip(), Span(start, end)


def _inherit_change(norm: str, q: Quantity, prev: tuple[Quantity, str, int] | None,
                    prev_sign: int) -> Quantity:
    """In 分别下降17.7%、26.8% the second rate shares the first one's verb."""
    if prev is None or prev_sign == 0 or q.change_sign != 0 or q.unit not in cues.PERCENT_UNITS:
        return q
    between = norm[prev[2] : q.cue_start]
    if between.strip() not in _RUN_SEPS:
        return q
    if (between.strip() not in (_LIST_SEP, "和", "及")
            and "分别" not in norm[max(0, prev[0].start - 12) : prev[0].start]):
        return q
    value, upper = q.value, q.upper
    comparator = q.comparator
    if prev_sign < 0:
        value = -value
        if upper is not None:
            value, upper = -upper, value
        comparator = cues.FLIP_ON_DECLINE.get(comparator, comparator)
    return Quantity(q.start, q.end, q.unit_end, value, upper, q.unit, comparator, prev_sign,
                    q.cue_start)


# --- indicators -----------------------------------------------------------------


def _clause_start(norm: str, pos: int, lo: int, breaks: str) -> int:
    """Where the clause holding *pos* begins: right after the last of *breaks* in
    ``norm[lo:pos]``, else at *lo*.

    >>> _clause_start("甲，乙；丙丁", 5, 0, "，；"), _clause_start("甲，乙；丙丁", 5, 4, "，；")
    (4, 4)
    """
    if pos <= lo:
        return pos
    m = _up_to_last(breaks).match(norm, lo, pos)
    return m.end() if m else lo


@lru_cache(maxsize=8)
def _up_to_last(breaks: str) -> re.Pattern[str]:
    """Everything up to the last of *breaks*: a greedy match backtracks in C from the end,
    which is faster than walking left character by character in Python."""
    return re.compile("(?s:.*)[" + re.escape(breaks) + "]")


_LEADING = tuple(sorted(cues.LEADING_NOISE, key=len, reverse=True))
_TRAILING = tuple(sorted(cues.TRAILING_VERBS, key=len, reverse=True))
_STRENGTH_WORDS = tuple(sorted(cues.STRENGTH_CUES, key=len, reverse=True))
_NOISE_WORDS = frozenset(cues.TRAILING_VERBS + cues.LEADING_NOISE)  # a set: looked up, not scanned
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}年(?!度)")
_ITEM_NUMBER_RE = re.compile(r"\d{1,2}[.．、](?!\d)")
_ANNOUNCES_LIST_RE = re.compile(r"[^\d，。；：:、]{0,4}[：:]")
_CAUSE_RE = re.compile(r"(?:受|因)[^，。；]{1,10}?影响")
# in the year reviewed, 争取 before funds is the verb that won them, not an aspiration
_FUNDS_WON_RE = re.compile(r"争取[^，。；\d]{0,14}?(?:资金|补助|补贴|债券|债)")


def _by_first(words: tuple[str, ...]) -> dict[str, list[tuple[int, str]]]:
    """The words with their place in *words*, by first character (in their order)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for k, w in enumerate(words):
        out.setdefault(w[0], []).append((k, w))
    return out


_LEADING_AT = _by_first(_LEADING)
_TRAILING_BY_LAST: dict[str, list[str]] = {}
for _w in _TRAILING:
    _TRAILING_BY_LAST.setdefault(_w[-1], []).append(_w)


def _cut_leading(text: str) -> tuple[str, bool]:
    """One pass of :data:`_LEADING` over *text*, in its order: a word found at the start is cut
    and the words after it are tried on what is left. Only a word opening with the text's first
    character can be found there, so only those are tried."""
    cut = False
    after = -1  # the place of the last word cut
    while True:
        for k, w in _LEADING_AT.get(text[:1], ()):
            if k > after and text.startswith(w) and len(text) > len(w):
                text = text[len(w):].lstrip(_STRIP_CHARS)
                cut, after = True, k
                break
        else:
            return text, cut


def _clean(text: str) -> str:
    text = text.strip(_STRIP_CHARS)
    changed = True
    while changed and text:
        changed = False
        if text.startswith(_LEADING):  # one C-level test before the word-by-word pass
            text, cut = _cut_leading(text)
            changed = changed or cut
        if text[:1] in "12":
            text = _LEADING_YEAR.sub("", text)
        if text[:1].isdigit() and (item := _ITEM_NUMBER_RE.match(text)):
            text = text[item.end() :]  # 1.全市奶牛存栏: the list item's number
            changed = True
        if text[:1] in "受因" and (cause := _CAUSE_RE.match(text)):
            text = text[cause.end() :].lstrip(_STRIP_CHARS)  # 受疫情影响同比下降1.8%: a cause
            changed = True
        if text.endswith(_TRAILING):
            for w in _TRAILING_BY_LAST[text[-1]]:  # only those ending in its last character
                if text.endswith(w) and len(text) > len(w):
                    text = text[: -len(w)].rstrip(_STRIP_CHARS)
                    changed = True
                    break
        if text.endswith(_STRENGTH_WORDS):
            for w in _STRENGTH_WORDS:
                if text.endswith(w):
                    text = text[: -len(w)].rstrip(_STRIP_CHARS)
                    changed = True
    if text in _NOISE_WORDS:
        return ""
    return text.strip(_STRIP_CHARS)


def _clean_tail(text: str) -> str:
    """Clean a noun phrase that follows its number: no verb stripping at its end."""
    text = text.strip(_STRIP_CHARS)
    if text[:1] not in _TAIL_JOINERS and text[-1:] not in _TAIL_JOINERS:
        return text  # most phrases neither open nor close with one: ten calls saved
    for w in _TAIL_JOINERS:
        if text.startswith(w):
            text = text[len(w):]
        if text.endswith(w):
            text = text[: -len(w)]
    return text.strip(_STRIP_CHARS)


_TAIL_JOINERS = ("的", "和", "及", "与", "并")


_COUNT_VERBS = ("新增", "新建", "建成", "引进", "招引", "培育", "创建", "打造", "完成", "实施",
                "改造", "新开工", "开工", "竣工", "认定", "入选", "获评", "净增", "累计", "建设",
                "组织", "举办", "发放", "落实", "推进", "加快推进", "引育", "维修", "新设")


def _postnominal(norm: str, q: Quantity, hi: int, mask: bytearray) -> tuple[str, int]:
    """The noun phrase right after a count: 1500个 → 公共停车泊位.

    It runs to the clause end, a stop word (并, 等), a connector before the next
    number (3所幼儿园和1所小学) or a list comma after a long item.
    """
    i = q.end
    seg_start = i
    if norm.startswith(cues.POSTNOMINAL_NOT_A_NOUN, i):
        return "", i
    while i < hi:
        ch = norm[i]
        if mask[i]:
            i += 1
            continue
        if ch == _LIST_SEP and 0 < i - seg_start <= 2:
            i += 1
            seg_start = i
            continue
        if ch in _CLAUSE_BREAK or ch in _HARD_STOPS:
            break
        if ch in _CONNECTORS and i + 1 < len(norm) and _starts_number(norm[i + 1]):
            break
        i += 1
    return norm[q.end : i], i


_HARD_STOPS = "并等、（("
_CONNECTORS = "和及与"


def _starts_number(ch: str) -> bool:
    return ch.isdigit() or ch in "一二两三四五六七八九十百千"


def _indicator(
    norm: str, q: Quantity, sent: Sentence, prev: tuple[Quantity, str, int] | None,
    mask: bytearray, next_start: int,
) -> tuple[list[str], int, int]:
    """The indicator names of a quantity and the span that states them."""
    lo = sent.start
    if prev is not None and prev[2] > lo:
        lo = prev[2]
    cstart = _clause_start(norm, q.cue_start, lo, _CLAUSE_OR_LIST_BREAK)
    raw_pre = norm[cstart : q.cue_start]
    if prev is not None and prev[1] and _FROM_TO_RE.fullmatch(raw_pre) and norm[
        max(0, prev[0].cue_start - 1) : prev[0].cue_start
    ] in ("由", "从"):
        return [prev[1]], cstart, q.end  # 规模以上工业企业由52家增加到96家: the same indicator
    pre = _clean(raw_pre)
    exemplars = raw_pre.rstrip().endswith("等")
    raw_post, post_end = _postnominal(norm, q, next_start, mask)
    post = _clean_tail(raw_post)
    if post:
        verb = next((v for v in _COUNT_VERBS if pre.endswith(v)), "") if not exemplars else ""
        if verb and len(pre) <= 4:
            return [_balance(pre + post)], cstart, post_end
        return [_balance(verb + post)], q.start, post_end
    if not pre:
        return [], cstart, q.end
    # a list item that only names a new modifier: 新建省级…中心22家、市级65家
    if prev is not None and prev[1] and len(pre) <= 3 and pre.endswith("级") and norm[
        prev[2] : cstart
    ].strip() in (_LIST_SEP, "，", ","):
        base = prev[1]
        pos = base.find("级")
        if pos != -1 and len(base) > len(pre):
            return [base[: max(0, pos + 1 - len(pre))] + pre + base[pos + 1 :]], cstart, q.end
    # one value shared by a list of indicators: 低保对象、困境儿童、困难残疾人保障率100%
    wide = _clause_start(norm, q.cue_start, lo, _CLAUSE_BREAK)
    raw_wide = norm[wide : q.cue_start]
    if _LIST_SEP in raw_wide:
        names = _distributed(raw_wide)
        if names:
            return names, wide, q.end
    return [_balance(pre)], cstart, q.end


_FROM_TO_RE = re.compile(r"(?:增加|增长|提高|提升|上升|扩大|减少|下降|降低|压减)?(?:到|至)")


def _balance(text: str) -> str:
    """Put back a quotation mark that clause splitting cut off."""
    if "”" in text and ("“" not in text or text.index("”") < text.index("“")):
        text = "“" + text
    if text.count("“") > text.count("”"):
        text = text + "”"
    return text


def _is_count_verb(text: str) -> bool:
    return any(text.endswith(v) for v in _COUNT_VERBS) and len(text) <= 4


def _distributed(raw: str) -> list[str]:
    cue = next((c for c in _DISTRIBUTE_CUES if c in raw), None)
    text = _clean(raw.split(cue)[0] if cue else raw)
    items = [_clean(x) for x in text.split(_LIST_SEP)]
    if len(items) < 2 or any(not x for x in items):
        return []
    last = items[-1]
    if cue is None:
        suffix = next((s for s in cues.MEASURE_SUFFIXES if last.endswith(s)), None)
        if suffix is None or any(x.endswith(suffix) for x in items[:-1]) or len(last) > 10:
            return []
        if min(len(x) for x in items[:-1]) < 2:
            return []
    return complete_list(items)


def split_list(text: str) -> list[str]:
    """Split a subject list on 、 和 及 与.

    >>> split_list("生产安全事故起数和死亡人数")
    ['生产安全事故起数', '死亡人数']
    """
    return [x.strip(_STRIP_CHARS) for x in _LIST_SPLIT.split(text) if x.strip(_STRIP_CHARS)]


def complete_list(items: list[str]) -> list[str]:
    """Give each list item the part the report writes once for all of them.

    >>> complete_list(["城镇", "农村居民人均可支配收入"])
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> complete_list(["生产安全事故起数", "死亡人数"])
    ['生产安全事故起数', '生产安全事故死亡人数']
    >>> complete_list(["低保对象", "困境儿童", "困难残疾人保障率"])
    ['低保对象保障率', '困境儿童保障率', '困难残疾人保障率']
    """
    if len(items) < 2:
        return items
    first, last = items[0], items[-1]
    # shared tail: 城镇、农村居民人均可支配收入 / 智慧能源、智能装备产业 / …、困难残疾人保障率
    if all(len(x) < len(last) for x in items[:-1]):
        suffix = next((s for s in cues.MEASURE_SUFFIXES if last.endswith(s)), None)
        head_len = len(items[-2])
        tail = None
        if suffix and len(suffix) == 1 and len(last) >= 5:
            # a one-character measure (率, 数) usually closes a two-character word: 保障率
            tail = last[-3:]
        elif len(last) > head_len + 1:
            tail = last[head_len:]
        elif suffix:
            tail = suffix
        if tail and not any(x.endswith(tail) for x in items[:-1]):
            return [x + tail for x in items[:-1]] + [last]
    # shared head: 生产安全事故起数、死亡人数
    suffix = next((s for s in cues.MEASURE_SUFFIXES if first.endswith(s)), None)
    if suffix and len(first) > len(suffix) + 1 and all(len(x) <= 4 for x in items[1:]):
        head = first[: -len(suffix)]
        return [first] + [x if x.startswith(head) else head + x for x in items[1:]]
    return items


_RUN_SEPS = (_LIST_SEP, "，", ",", "和", "及")
# a figure's own per-unit words, not a name: 每人每年6800元
_PER_UNIT_RE = re.compile(r"(?:每人|每户|每亩)?(?:每年|每月|每天|每日)?$")


def _respectively(
    norm: str, sent: Sentence, quantities: list[Quantity]
) -> tuple[dict[int, tuple[list[str], int]], dict[int, tuple[int, int]]]:
    """分别: the n-th name of the subject list goes with the n-th quantity after it.

    Returns the names per quantity index (empty when the clause before 分别 names
    nothing, e.g. ……，同比分别增长5.2%、7.4%) and each run member's (position, run size).
    """
    out: dict[int, tuple[list[str], int]] = {}
    runs: dict[int, tuple[int, int]] = {}
    if norm.find("分别", sent.start, sent.end) == -1:
        return out, runs  # most sentences: one C-level test, no pattern looked up and run
    for m in re.finditer("分别", norm[sent.start : sent.end]):
        pos = sent.start + m.start()
        cstart = _clause_start(norm, pos, sent.start, _CLAUSE_BREAK)
        subject = norm[cstart:pos]
        # 望潮、鲸口两个街道分别…: the count names the list, its noun belongs to each item
        summary = _LIST_SUMMARY.search(subject)
        noun = ""
        if summary:
            noun = summary.group(2)
            subject = subject[: summary.start()]
            for i, q in enumerate(quantities):
                if cstart <= q.start < pos:
                    out[i] = ([], cstart)
                    runs[i] = (0, 0)
        names = complete_list([_clean(x) for x in split_list(subject) if _clean(x)])
        if noun:
            names = [n if n.endswith(noun) else n + noun for n in names]
        after = [i for i, q in enumerate(quantities) if q.start > pos]
        run: list[int] = []
        for i in after:
            # 分别增长5%以上和7%以上; 分别提高到每人每月820元、每人每年6800元
            gap = _PER_UNIT_RE.sub("", norm[quantities[run[-1]].end : quantities[i].cue_start]) if run else ""
            if run and gap.strip() not in _RUN_SEPS:
                break
            run.append(i)
        run = [i for i in run if runs.get(i) != (0, 0)]
        if len(run) < 2:
            continue
        for k, i in enumerate(run):
            runs[i] = (k, len(run))
        if len(names) == 1 and len(run) == 2 and names[0].startswith("城乡"):
            names = [f"城镇{names[0][2:]}", f"农村{names[0][2:]}"]  # 城乡低保标准分别…、…
        if len(names) == len(run):
            for name, i in zip(names, run, strict=True):
                out[i] = ([name], cstart)
        elif len(names) <= 1:
            for i in run:
                out[i] = ([], cstart)
    return out, runs


# --- cues over a clause ----------------------------------------------------------------


_SENTENCE_YEAR = re.compile(r"(?:——)?(?:到|至|在|于)?((?:19|20)\d{2})年(?:底|末|前)?[，,]")


def _explicit_year(norm: str, sent: Sentence, q: Quantity) -> int | None:
    """A year the sentence names for this figure: 力争2025年…, or 到2025年，… at its head."""
    cstart = _clause_start(norm, q.cue_start, sent.start, _CLAUSE_BREAK)
    if norm.find("年", cstart, q.cue_start) != -1:  # else no year can be written in the clause
        years = list(_YEAR_IN_CLAUSE.finditer(norm[cstart : q.cue_start]))
        if years:
            return int(years[-1].group(1))
    head = _SENTENCE_YEAR.match(norm, sent.start)
    return int(head.group(1)) if head and head.end() <= q.cue_start else None


def _funds_won(norm: str, sent: Sentence, q: Quantity) -> bool:
    """Is the last 争取 before *q* the verb of funds won (争取中央和省级补助资金18.7亿元)?"""
    pos = norm.rfind("争取", sent.start, q.cue_start)
    return pos != -1 and _FUNDS_WON_RE.match(norm, pos, q.cue_start) is not None


def _strength(norm: str, sent: Sentence, q: Quantity) -> str:
    """The last strength cue before the number in its sentence.

    A cue at the head of a clause governs the rest of the sentence; a cue after
    the clause's subject (PM2.5平均浓度力争34微克/立方米以下) governs that clause only.
    """
    best: tuple[int, str] | None = None
    text = norm[sent.start : q.cue_start]
    for cue, strength in cues.STRENGTH_CUES.items():
        pos = text.rfind(cue)
        if pos != -1 and (best is None or pos > best[0]):
            best = (pos, strength)
    if best is None:
        return "Plain"
    pos = sent.start + best[0]
    own_clause = _clause_start(norm, q.cue_start, sent.start, _CLAUSE_BREAK)
    if pos < own_clause:
        cue_clause = _clause_start(norm, pos, sent.start, _CLAUSE_BREAK)
        subject = _clean(norm[cue_clause:pos])
        if subject and norm[cue_clause:pos].strip(_STRIP_CHARS) not in cues.LEADING_NOISE:
            return "Plain"
    return best[1]


# --- targets stated by a phrase --------------------------------------------------------


_SIGN_PHRASES = sorted(cues.SIGN_PHRASES.items(), key=lambda x: -len(x[0]))  # longest first
# any phrase of the tables at all: one C-level scan of a sentence before the phrase-by-phrase
# pass (most sentences hold none)
_ANY_PHRASE_RE = re.compile("|".join(re.escape(p) for p in (*cues.SIGN_PHRASES, *cues.DOUBLE_PHRASES)))
_ANY_QUALITATIVE_RE = re.compile("|".join(re.escape(p) for p in cues.QUALITATIVE_CUES))


def _phrase_facts(
    doc: Document, sent: Sentence, kind: str, year: int, quantities: list[Quantity]
) -> list[Fact]:
    norm = doc.norm
    out: list[Fact] = []
    text = norm[sent.start : sent.end]
    found: list[tuple[int, int, str, int, str, str]] = []  # start,end,comparator,value,qk,how
    phrased = _ANY_PHRASE_RE.search(text) is not None
    for phrase, (comparator, value) in _SIGN_PHRASES if phrased else ():
        pos = text.find(phrase)
        if pos != -1 and not any(f[0] <= pos < f[1] for f in found):
            found.append((pos, pos + len(phrase), comparator, value, "one", phrase))
    for phrase, comparator in cues.DOUBLE_PHRASES.items() if phrased else ():
        pos = text.find(phrase)
        if pos != -1:
            found.append((pos, pos + len(phrase), comparator, 0, "each", phrase))
    headline = kind == "target" and (sent.bullet or _in_headline_paragraph(doc, sent)
                                     or _in_headline_list(doc, sent))

    def numbered(pos: int) -> bool:  # does the clause holding *pos* state a number?
        start = _clause_start(norm, sent.start + pos, sent.start, _CLAUSE_BREAK)
        end = _CLAUSE_END_RE.search(norm, sent.start + pos, sent.end)
        stop = end.start() if end else sent.end
        return any(start <= q.start < stop for q in quantities)

    if headline:
        # every phrase of the headline, each in a clause of its own (…，实际利用外资稳中有升，…，
        # 单位地区生产总值能耗降低完成市下达任务，…): a quota (完成朔原市下达任务) where no other
        # phrase stands
        phrases = [(m.start(), m.end(), m.group(0)) for m in _ANY_QUALITATIVE_RE.finditer(text)]
        phrases += [(m.start(), m.end(), m.group(0)) for m in _QUOTA_RE.finditer(text)
                    if not any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _p in phrases)]
        for pos, end, phrase in sorted(phrases):
            if found and found[-1][4] == "qual" and 0 <= pos - found[-1][1] <= 1:
                last = found.pop()  # 稳中有进、稳中提质: one target said twice
                found.append((last[0], end, "", 0, "qual", last[5]))
            elif not any(f[0] <= pos < f[1] for f in found) and not numbered(pos):
                found.append((pos, end, "", 0, "qual", phrase))
    for pos, end, comparator, value, how, _phrase in found:
        abs_pos = sent.start + pos
        cstart = _clause_start(norm, abs_pos, sent.start, _CLAUSE_BREAK)
        subject = norm[cstart:abs_pos]
        if how == "qual" and subject.endswith(_QUOTA_DIRECTIONS):
            subject = subject[:-2]  # 能耗下降完成市下达任务: the direction is the quota's
        if how == "qual":
            names = [_clean(x) for x in re.split(r"、|和", subject.split("与")[0])]
        elif how == "each":
            names = [_clean(x) for x in split_list(subject)]
        else:
            names = [_clean(subject)]
        names = complete_list([n for n in names if n])
        if not names:
            continue
        strength = _strength_at(norm, sent, abs_pos)
        span = Span(cstart, sent.start + end)
        for name in names:
            if how == "qual":
                out.append(_fact(doc, kind, name, year, None, None, None, None, "ChangeRate",
                                 strength, span, sent))
            else:
                out.append(_fact(doc, kind, name, year, Decimal(value), None, "%", comparator,
                                 "ChangeRate", strength, span, sent))
    return out


_CLAUSE_END_RE = re.compile("[" + re.escape(_CLAUSE_BREAK) + "]")
_QUOTA_RE = re.compile(r"完成[\u4e00-\u9fff]{1,8}?下达")
_QUOTA_DIRECTIONS = ("下降", "降低", "增长", "提高")


def _strength_at(norm: str, sent: Sentence, pos: int) -> str:
    # 主要预期目标是：…保持正增长 names the kind of target, it estimates nothing
    text = _NOT_A_CUE_RE.sub(lambda m: " " * len(m.group(0)), norm[sent.start : pos])
    best = max(((text.rfind(c), s) for c, s in cues.STRENGTH_CUES.items()), default=(-1, "Plain"))
    return best[1] if best[0] != -1 else "Plain"


_LIST_ITEM_MAX = 80  # characters: 6.外贸进出口总额增长15%以上，其中…，实际利用外资稳中有进；
_LIST_ITEM_RE = re.compile(r"\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])")  # （三）… opens a part of the tasks


def _in_headline_list(doc: Document, sent: Sentence) -> bool:
    """Is *sent* a numbered item (6.外贸进出口总额增长15%以上，…实际利用外资稳中有进；) of a part
    whose heading names the main targets (二、…总体要求和主要预期目标)?"""
    if sent.end - sent.start > _LIST_ITEM_MAX or not _LIST_ITEM_RE.match(doc.norm, sent.start):
        return False  # a paragraph of tasks, not an item of the list (one a line, or 1.…；2.…；)
    sec = doc.sections[sent.section] if sent.section is not None else None
    while sec is not None:
        if any(cue in sec.title for cue in _HEADLINE_CUES):
            return True
        sec = doc.sections[sec.parent] if sec.parent is not None else None
    return False


def _in_headline_paragraph(doc: Document, sent: Sentence) -> bool:
    """Does *sent* follow a headline cue in its paragraph, or open with one (…的主要预期目标是：
    地区生产总值增长5.5%左右，…，实际利用外资稳中有升，…)?"""
    line_start = doc.norm.rfind("\n", 0, sent.start) + 1
    return (any(cue in doc.norm[line_start : sent.start] for cue in _HEADLINE_CUES)
            or _HEADLINE_INTRO_RE.search(doc.norm, sent.start, sent.end) is not None)


_HEADLINE_INTRO_RE = re.compile("(?:" + "|".join(_HEADLINE_CUES) + ")(?:是|为)?[:：]")
_NOT_A_CUE_RE = re.compile("预期(?:目标|性)")
