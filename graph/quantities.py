"""Finding quantities in a sentence: number, range, unit, comparator and change.

A :class:`Quantity` says nothing yet about what it measures; ``graph.targets``
finds the indicator and turns quantities into facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from graph import cues

__all__ = ["Quantity", "find_quantities", "parse_number"]

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_CN_SINGLE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                     "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A lone 一 before a classifier is an article (一个中心, 一张蓝图), a lone 百/千/十 an idiom.
_NOT_A_NUMBER = frozenset({"一", "百", "千", "十", "万", "零", "〇"})


_PREFIX_WORDS = tuple(cues.PREFIX_COMPARATORS)
_CHANGE_WORDS = tuple(cues.CHANGE_VERBS)
_SUFFIX_WORDS = tuple(sorted(cues.SUFFIX_COMPARATORS, key=len, reverse=True))


@dataclass(frozen=True)
class Quantity:
    """One number with its unit and cues, found in the normalised text."""

    start: int  # where the number (or 百分之) begins
    end: int  # after the unit and any suffix cue (以上, 左右)
    unit_end: int  # after the unit
    value: Decimal
    upper: Decimal | None
    unit: str
    comparator: str
    change_sign: int  # 0: a level; +1/-1: a rate of change
    cue_start: int  # where the prefix cues (comparator, change verb, 达到) begin


def parse_number(token: str) -> Decimal:
    """Arabic or Chinese numerals to a Decimal.

    >>> parse_number("一千五百"), parse_number("两"), parse_number("3,200.5"), parse_number("三十")
    (Decimal('1500'), Decimal('2'), Decimal('3200.5'), Decimal('30'))
    """
    token = token.replace(",", "")
    try:
        return Decimal(token)
    except InvalidOperation:
        pass
    if all(ch in _CN_SINGLE_DIGITS or ch == "点" for ch in token) and len(token) > 1:
        # digit-by-digit forms such as 二〇二四 or 三点五
        whole, _, frac = token.partition("点")
        digits = "".join(str(_CN_SINGLE_DIGITS[c]) for c in whole)
        if frac:
            digits += "." + "".join(str(_CN_SINGLE_DIGITS[c]) for c in frac)
        return Decimal(digits)
    if token[:1] in "十百千":
        token = "一" + token  # 百亿 = 一百亿; cn2an wants the leading 一
    token = token.replace("两", "二")
    value = _cn_integer(token)
    if value is not None:
        return Decimal(value)
    import cn2an

    return Decimal(str(cn2an.cn2an(token, "smart")))


_CN_UNITS = {"千": 1000, "百": 100, "十": 10}


def _cn_integer(token: str) -> int | None:
    """A well-formed Chinese integer below ten thousand (三, 三百二十, 一千零五), read here;
    None for anything else, which is left to cn2an.

    Every report's numerals are of this kind, and reading them here spares the first
    report the import of cn2an (a tenth of a second of regex compiling); the test suite
    checks that both readings agree. Only the written forms are read: each unit once, in
    falling order, with a 零 for skipped units (一百零五) and a last bare digit only after
    十 or 零 (三百五, shorthand for 350, is left to cn2an).

    >>> _cn_integer("一千零五十"), _cn_integer("一十二"), _cn_integer("七"), _cn_integer("三百五")
    (1050, 12, 7, None)
    """
    total, last_unit, zero = 0, 10000, False
    i, n = 0, len(token)
    while i < n:
        digit = _CN_SINGLE_DIGITS.get(token[i])
        if digit is None:
            return None
        if digit == 0:
            if zero or not total or i + 1 >= n:
                return None  # 零 only between two parts: 一百零五
            zero = True
            i += 1
            continue
        unit = _CN_UNITS.get(token[i + 1]) if i + 1 < n else 1
        if unit is None or unit >= last_unit or total and zero != (unit * 10 < last_unit):
            return None  # a unit out of order, or a skipped unit without its 零 (一千二十)
        total += digit * unit
        last_unit, zero = unit, False
        i += 2 if unit > 1 else 1
    return total if n else None


def _grouped(words: set[str]) -> str:
    """An alternation of *words*, longest first, grouped by first character (万(?:吨|元|…)|…):
    after a number only the units of the next character are tried, not all of them one by
    one; the match is the same (entities._grouped does the same for names).

    >>> _grouped({"万元", "万", "吨"})
    '万(?:元|)|吨(?:)'
    """
    rests: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        rests.setdefault(w[0], []).append(w[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(r) for r in group) + ")"
        for first, group in sorted(rests.items())
    )


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    units = {p + b for p in cues.UNIT_PREFIXES for b in cues.BASE_UNITS if not b.isascii()}
    units |= set(cues.BASE_UNITS) | set(cues.BARE_MAGNITUDES) | {"%", "‰"}
    unit_alt = _grouped(units)
    number = rf"(?:{_ARABIC}|{_CN})"
    # the lookahead names every character a match can open with (百分之, a digit, a Chinese
    # numeral): the scan passes over any other position in one test
    return re.compile(
        r"(?=[\d百零〇一二两三四五六七八九十千])"
        rf"(?P<pct>百分之)?(?P<num>{number})"
        rf"(?:%?\s*(?P<rsep>[~\-—至到])\s*(?P<num2>{number}))?"
        rf"(?P<infix>[余多])?"
        rf"(?:(?P<cheng>成)(?![为立本果效绩功交员])|(?P<unit>{unit_alt}))"
    )


_QUOTED = re.compile("|".join(f"{o}[^{c}]{{0,59}}{c}" for o, c in
                              (("“", "”"), ("《", "》"), ("「", "」"), ("『", "』"), ('"', '"'))))


def _quoted_mask(norm: str) -> bytearray:
    """1 for characters inside “…”, 《…》, 「…」 or 『…』 (closed within 60 characters),
    and inside the genre's fixed phrases (八项规定)."""
    mask = bytearray(len(norm))
    for phrase in cues.FIXED_PHRASES:
        start = norm.find(phrase)
        while start != -1:
            mask[start : start + len(phrase)] = b"\x01" * len(phrase)
            start = norm.find(phrase, start + 1)
    # an opening mark closed within 60 characters (the first closing mark counts)
    for m in _QUOTED.finditer(norm):
        mask[m.start() + 1 : m.end() - 1] = b"\x01" * (m.end() - m.start() - 2)
    return mask


def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words grouped by their last character, longest first in each group."""
    out: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


# grouped once here, not looked up in a cache by the whole tuple (hashed anew) at each call
_ORDINALS_BY_LAST = _by_last_char(cues.ORDINAL_BEFORE)
_PREFIXES_BY_LAST = _by_last_char(_PREFIX_WORDS)
_CHANGES_BY_LAST = _by_last_char(_CHANGE_WORDS)


def _ends_with_any(text: str, end: int, by_last: dict[str, tuple[str, ...]]) -> str | None:
    """The longest word of a :func:`_by_last_char` table that ends at *end* in *text*."""
    if end <= 0:
        return None
    for w in by_last.get(text[end - 1], ()):
        if end - len(w) >= 0 and text.startswith(w, end - len(w)):
            return w
    return None


def find_quantities(norm: str, start: int, end: int, mask: bytearray | None = None) -> list[Quantity]:
    """Every measured quantity in ``norm[start:end]``.

    >>> q = find_quantities("地区生产总值增长6%以上", 0, 13)[0]
    >>> (q.value, q.unit, q.comparator, q.change_sign)
    (Decimal('6'), '%', 'AtLeast', 1)
    """
    if mask is None:
        mask = _quoted_mask(norm)
    found: list[Quantity] = []
    for m in _pattern().finditer(norm, start, end):
        q = _read_match(norm, m, mask, start, end)
        if q is not None:
            found.append(q)
    return found


_NOUN_AFTER_RE = re.compile(r"[^，。；、,;：:（(]{0,12}")
_PHASE_END_RE = re.compile(r"[一二三四五六七八九十]期$")


def _read_match(
    norm: str, m: re.Match[str], mask: bytearray, lo: int, hi: int
) -> Quantity | None:
    # the groups read once, by position (pct, num, rsep, num2, infix, cheng, unit): a lookup
    # by name costs a dict access and a call each time
    pct, num_tok, _rsep, num2, _infix, cheng, unit = m.groups()
    nstart = m.start(2)
    unit = unit or ""
    if num_tok in _NOT_A_NUMBER and not cheng and not num2:
        # 百亿元, 千万元: a lone 百/千 before 万/亿 is a number; elsewhere an idiom (千家万户)
        if not (num_tok in "百千" and unit[:1] in "万亿"):
            return None
    if mask.find(1, nstart, m.end()) != -1:  # the mask holds 0 and 1 only
        return None
    before = norm[max(lo, nstart - 4) : nstart]
    prev = norm[nstart - 1] if nstart > lo else ""
    if prev and (prev.isascii() and (prev.isalnum() or prev in ".-+/")):
        return None  # PM2.5, G60, 4+13
    if prev and prev in "零〇一二两三四五六七八九十百千万亿":
        return None
    if _ends_with_any(before, len(before), _ORDINALS_BY_LAST):
        return None
    unit_end = m.end()
    after = norm[unit_end : min(hi, unit_end + 6)]
    if after[:1].isascii() and after[:1].isalpha():
        return None  # 5G, 3D
    if after.startswith(cues.NOT_A_QUANTITY_AFTER):
        return None
    try:
        value = parse_number(num_tok)
        upper = parse_number(num2) if num2 else None
    except (ValueError, ArithmeticError):
        return None  # a numeral cn2an cannot read (一二三) is not a quantity here
    if cheng:
        if not re.fullmatch(_CN, num_tok) and "." not in num_tok and int(value) > 10:
            return None
        unit, value = "%", value * 10
        upper = upper * 10 if upper is not None else None
    if pct:
        if unit:
            return None
        unit = "%"
    if not unit:
        return None
    # a money amount or bare magnitude that only qualifies the next noun
    if unit.endswith(cues.MONEY_UNITS_SUFFIX) or unit in cues.BARE_MAGNITUDES:
        rest = after.lstrip()
        for suffix in cues.SUFFIX_COMPARATORS:
            if rest.startswith(suffix):
                rest = rest[len(suffix):]
                break
        if rest.startswith(cues.QUALIFIER_HEADS):
            return None
    if unit not in cues.COUNT_CLASSIFIERS and unit not in cues.PERCENT_UNITS:
        head = _NOUN_AFTER_RE.match(norm, unit_end, hi)
        name = _PHASE_END_RE.sub("", head.group(0)) if head else ""
        # 年产5万吨正极材料项目 names a work; 撬动社会资本50亿元投向区内产业项目 does not
        if name.endswith(cues.NAME_HEADS) and not name.startswith(cues.POSTNOMINAL_NOT_A_NOUN):
            return None
    comparator, qend = _comparator(norm, m, nstart, lo, hi)
    prefix_start = _prefix_start(norm, nstart, lo)  # once: the change verb stands before it too
    sign, cue_start = _change(norm, nstart, lo, unit, prefix_start)
    if sign < 0:
        value = -value
        if upper is not None:
            value, upper = -upper, value
        comparator = cues.FLIP_ON_DECLINE.get(comparator, comparator)
    # by position, in the order of the fields: a frozen dataclass called with keywords costs
    # half as much again, and most numbers of a report get here
    return Quantity(m.start(), qend, unit_end, value, upper, unit, comparator, sign,
                    min(cue_start, prefix_start))


def _prefix_start(norm: str, nstart: int, lo: int) -> int:
    """Start of the comparator cue and filler right before the number."""
    i = nstart
    while i > lo and norm[i - 1] in cues.BRIDGE:
        i -= 1
    cue = _ends_with_any(norm[max(lo, i - 4) : i], min(4, i - lo), _PREFIXES_BY_LAST)
    if cue:
        i -= len(cue)
    return i


_STRONG_PREFIXES = frozenset({"不少于", "不低于", "不高于", "不超过", "至少", "最多"})


def _comparator(norm: str, m: re.Match[str], nstart: int, lo: int, hi: int) -> tuple[str, int]:
    end = m.end()
    tail = norm[end : min(hi, end + 4)]
    suffix = None
    if tail.startswith(_SUFFIX_WORDS):  # one test first: most numbers have no suffix
        suffix = next(s for s in _SUFFIX_WORDS if tail.startswith(s))
    i = nstart
    while i > lo and norm[i - 1] in cues.BRIDGE and norm[i - 1] not in "约近":
        i -= 1
    window = norm[max(lo, i - 4) : i]
    prefix = _ends_with_any(window, len(window), _PREFIXES_BY_LAST)
    if prefix in _STRONG_PREFIXES:
        comparator = cues.PREFIX_COMPARATORS[prefix]
    elif suffix:
        comparator = cues.SUFFIX_COMPARATORS[suffix]
    elif prefix:
        comparator = cues.PREFIX_COMPARATORS[prefix]
    elif m.group("infix"):
        comparator = cues.INFIX_COMPARATORS[m.group("infix")]
    elif window.endswith("控制在") or norm[max(lo, nstart - 3) : nstart] == "控制在":
        comparator = "AtMost"
    else:
        comparator = "Exactly"
    return comparator, end + (len(suffix) if suffix else 0)


_HELD_AT = ("控制在", "保持在", "稳定在")
_RATE_NOUNS = ("涨幅", "增幅", "增速")


def _change(
    norm: str, nstart: int, lo: int, unit: str, prefix_start: int | None = None
) -> tuple[int, int]:
    """(+1/-1, start of the verb) if a change verb governs the number, else (0, nstart).
    *prefix_start* is :func:`_prefix_start` of the number, when already found."""
    if unit not in cues.PERCENT_UNITS:
        return 0, nstart
    i = _prefix_start(norm, nstart, lo) if prefix_start is None else prefix_start
    gap = norm[i:nstart]
    if any(w in gap for w in cues.LEVEL_AFTER_CHANGE):
        return 0, nstart
    window = norm[max(lo, i - 6) : i]
    verb = _ends_with_any(window, len(window), _CHANGES_BY_LAST)
    if verb:
        return cues.CHANGE_VERBS[verb], i - len(verb)
    if window.endswith(_HELD_AT):  # 居民消费价格涨幅控制在3%左右: the rate of a rise, held
        window = norm[max(lo, i - 8) : i - 3]
        verb = _ends_with_any(window, len(window), _CHANGES_BY_LAST)
        if verb in _RATE_NOUNS:
            return cues.CHANGE_VERBS[verb], i - 3 - len(verb)
    if unit in ("个百分点", "百分点"):
        return 1, nstart
    return 0, nstart
