"""The cue tables at work: a phrase in, the quantity out."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.quantities import _cn_integer, find_quantities, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1500", "1500"),
        ("3,200.5", "3200.5"),
        ("一千五百", "1500"),
        ("两", "2"),
        ("三十", "30"),
        ("十二", "12"),
        ("二〇二四", "2024"),
        ("三点五", "3.5"),
    ],
)
def test_numbers(token: str, value: str) -> None:
    assert parse_number(token) == Decimal(value)


def _written(n: int) -> str:
    """n below ten thousand as written: 一千零五十, 三百二十, 一十二."""
    parts, skipped = [], False
    for unit, ch in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d:
            parts += ["零"] if skipped and parts else []
            parts.append("零一二三四五六七八九"[d] + ch)
        skipped = not d
    return "".join(parts)


def test_chinese_integers_read_as_cn2an_reads_them() -> None:
    """The numerals read without cn2an are read as cn2an reads them; the rest are left to it."""
    import itertools

    import cn2an

    for n in range(1, 10000):
        assert _cn_integer(_written(n)) == n == cn2an.cn2an(_written(n), "smart")
    for length in range(1, 5):
        for chars in itertools.product("零一二三四五六七八九十百千", repeat=length):
            token = "".join(chars)
            value = _cn_integer(token)
            if value is not None:
                assert cn2an.cn2an(token, "smart") == value, token
    assert [_cn_integer(t) for t in ("三百五", "一千二十", "零", "二十零五", "十五")] == [None] * 5


def one(text: str):
    found = find_quantities(text, 0, len(text))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit"),
    [
        ("高企总数达1500家", "1500", None, "家"),
        ("新增一千五百个停车位", "1500", None, "个"),
        ("超30亿企业1~2家", "1", "2", "家"),
        ("新建3-5个口袋公园", "3", "5", "个"),
        ("引育各类人才不少于2.8万人", "2.8", None, "万人"),
        ("投资三十亿元", "30", None, "亿元"),
        ("实际利用外资完成8.46亿美元", "8.46", None, "亿美元"),
        ("PM2.5平均浓度34微克/立方米以下", "34", None, "微克/立方米"),
        ("光伏装机容量超167MW", "167", None, "MW"),
        ("提高0.5个百分点", "0.5", None, "个百分点"),
        ("占投资超七成", "70", None, "%"),
        ("获得奖补资金4518余万元", "4518", None, "万元"),
        ("开展培训9853人次", "9853", None, "人次"),
        ("增长６．５％", "6.5", None, "%"),
        ("改造道路16.7公里", "16.7", None, "公里"),
        ("提质增效用地4147亩", "4147", None, "亩"),
        ("为1.9万困难老年人提供服务", "1.9", None, "万"),
    ],
)
def test_units_and_ranges(text: str, value: str, upper: str | None, unit: str) -> None:
    from graph.reader import normalise

    q = one(normalise(text))
    assert (q.value, q.upper, q.unit) == (
        Decimal(value), Decimal(upper) if upper else None, unit
    )


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("地区生产总值增长6%以上", "AtLeast"),
        ("新增城镇就业人数3万人以上", "AtLeast"),
        ("引育各类人才不少于2.8万人", "AtLeast"),
        ("比重不低于3%", "AtLeast"),
        ("力争达到15%以上", "AtLeast"),
        ("浓度34微克/立方米以下", "AtMost"),
        ("能耗控制在5%以内", "AtMost"),
        ("能耗控制在5%", "AtMost"),
        ("不超过5家", "AtMost"),
        ("增长6%左右", "About"),
        ("上缴税收近2.5亿元", "About"),
        ("活动50余场次", "About"),
        ("产值超4000亿元", "MoreThan"),
        ("产值超过3200亿元", "MoreThan"),
        ("规模突破1000亿元", "MoreThan"),
        ("高企总数达1500家", "Exactly"),
        ("规上工业总产值3770亿元", "Exactly"),
    ],
)
def test_comparators(text: str, comparator: str) -> None:
    assert one(text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "sign", "value", "comparator"),
    [
        ("地区生产总值增长8.5%左右", 1, "8.5", "About"),
        ("固定资产投资下降8.5%左右", -1, "-8.5", "About"),
        ("能耗下降3%以上", -1, "-3", "AtMost"),
        ("能耗降低超过2%", -1, "-2", "LessThan"),
        ("亩均税收同比增长20.6%", 1, "20.6", "Exactly"),
        ("覆盖率提升至87.9%", 0, "87.9", "Exactly"),
        ("比重提高到3%", 0, "3", "Exactly"),
        ("比重提高0.5个百分点", 1, "0.5", "Exactly"),
        ("优良率80.1%", 0, "80.1", "Exactly"),
    ],
)
def test_change(text: str, sign: int, value: str, comparator: str) -> None:
    q = one(text)
    assert (q.change_sign, q.value, q.comparator) == (sign, Decimal(value), comparator)


@pytest.mark.parametrize(
    "text",
    [
        "2024年是全面完成目标任务的关键一年",  # a year
        "首次提前两个月完成年度目标任务",  # a duration
        "第五届人民代表大会第三次会议",  # ordinals
        "深入贯彻党的二十大精神",  # no unit
        "聚力推进“三大工程”和“4+13”评价指标体系",  # names in quotes
        "完成6片11人制标准足球场建设",  # 11人制 is a spec (6片 is found, see below)
        "推进长江生物多样性综合观测站一期建设",  # 一期 is a phase
        "PM2.5浓度",  # part of a name
        "首超百亿企业",  # a size qualifier
        "总投资超10亿元或1亿美元重大项目",  # thresholds that qualify a noun
        "努力在50亿级、100亿级重大项目招引上实现新突破",
        "提出以下五个方面工作建议",
        "新能源汽车零部件本地化",  # 零部件 is not a number
        "区五届人大二次会议确定的目标",
    ],
)
def test_not_quantities(text: str) -> None:
    found = find_quantities(text, 0, len(text))
    if "6片" in text:
        assert [(q.value, q.unit) for q in found] == [(Decimal(6), "片")]
    else:
        assert found == []


def test_the_rate_of_a_rise_held_at_a_level_is_a_change() -> None:
    def read(text: str) -> list[tuple]:
        return [(q.value, q.comparator, q.change_sign) for q in find_quantities(text, 0, len(text))]

    assert read("居民消费价格涨幅控制在3%左右") == [(Decimal("3"), "About", 1)]
    assert read("工业增速保持在6%以上") == [(Decimal("6"), "AtLeast", 1)]
    assert read("城镇登记失业率控制在4%以内") == [(Decimal("4"), "AtMost", 0)]  # a level held
