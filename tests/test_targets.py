"""Targets and outcomes: a Chinese sentence in, the expected facts out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from graph.document import parse_document
from graph.facts import Fact
from graph.reader import ReportText, normalise
from graph.targets import complete_list, extract_facts

HEAD = "某市某区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n"


def facts_of(body: str, part: str = "plan") -> list[Fact]:
    heading = "一、2023年计划执行情况\n" if part == "review" else "二、2024年主要预期目标\n"
    text = HEAD + heading + body + "\n"
    doc = parse_document(ReportText(Path("t.txt"), text, normalise(text), "utf-8"))
    return extract_facts(doc)


def brief(f: Fact) -> tuple:
    return (f.indicator, f.value, f.upper, f.unit, f.comparator, f.quantity_kind, f.strength)


D = Decimal


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("——地区生产总值增长6%以上；",
         [("地区生产总值", D(6), None, "%", "AtLeast", "ChangeRate", "Plain")]),
        ("力争规上工业产值超4000亿元。",
         [("规上工业产值", D(4000), None, "亿元", "MoreThan", "Level", "Aspirational")]),
        # a headline quota with no number, beside a clause with one
        ("——单位地区生产总值能耗下降完成朔原市下达任务，空气质量优良天数比例保持在98%以上；",
         [("空气质量优良天数比例", D(98), None, "%", "AtLeast", "Level", "Plain"),
          ("单位地区生产总值能耗", None, None, None, None, "ChangeRate", "Plain")]),
        # trains, grain by the jin, parcels of land
        ("全年开行中亚班列60列以上。",
         [("开行中亚班列", D(60), None, "列", "AtLeast", "Level", "Plain")]),
        ("粮食总产量达到3.6亿斤。",
         [("粮食总产量", D("3.6"), None, "亿斤", "Exactly", "Level", "Plain")]),
        ("盘活农村闲置宅基地320宗。",
         [("盘活农村闲置宅基地", D(320), None, "宗", "Exactly", "Level", "Plain")]),
        ("为全区高企后备企业提供精准化服务，力争高企总数达1500家。",
         [("高企总数", D(1500), None, "家", "Exactly", "Level", "Aspirational")]),
        ("深入推进停车便利化工程，新增1500个公共停车泊位并接入智慧停车平台。",
         [("新增公共停车泊位", D(1500), None, "个", "Exactly", "Level", "Plain")]),
        ("确保农村生活污水治理率达到90%以上。",
         [("农村生活污水治理率", D(90), None, "%", "AtLeast", "Level", "Firm")]),
        ("——全社会固定资产投资保持正增长；",
         [("全社会固定资产投资", D(0), None, "%", "MoreThan", "ChangeRate", "Plain")]),
        ("——单位GDP能耗下降3%以上；",
         [("单位GDP能耗", D(-3), None, "%", "AtMost", "ChangeRate", "Plain")]),
        ("——城镇、农村居民人均可支配收入分别增长5%、6.5%以上；",
         [("城镇居民人均可支配收入", D(5), None, "%", "AtLeast", "ChangeRate", "Plain"),
          ("农村居民人均可支配收入", D("6.5"), None, "%", "AtLeast", "ChangeRate", "Plain")]),
        ("——生产安全事故起数和死亡人数实现双下降；",
         [("生产安全事故起数", D(0), None, "%", "LessThan", "ChangeRate", "Plain"),
          ("生产安全事故死亡人数", D(0), None, "%", "LessThan", "ChangeRate", "Plain")]),
        ("新增超30亿企业1~2家，超10亿企业3家以上。",
         [("新增超30亿企业", D(1), D(2), "家", "Exactly", "Level", "Plain"),
          ("超10亿企业", D(3), None, "家", "AtLeast", "Level", "Plain")]),
        ("——研发经费支出占地区生产总值比重提高0.2个百分点；",
         [("研发经费支出占地区生产总值比重", D("0.2"), None, "个百分点", "Exactly", "ChangeRate",
           "Plain")]),
        ("PM2.5平均浓度力争34微克/立方米以下，优良天数比例80%以上。",
         [("PM2.5平均浓度", D(34), None, "微克/立方米", "AtMost", "Level", "Aspirational"),
          ("优良天数比例", D(80), None, "%", "AtLeast", "Level", "Plain")]),
        ("加快推进3所幼儿园和1所小学竣工投用。",
         [("幼儿园", D(3), None, "所", "Exactly", "Level", "Plain"),
          ("小学竣工投用", D(1), None, "所", "Exactly", "Level", "Plain")]),
        ("——单位地区生产总值能耗控制在0.5吨标准煤以内；",
         [("单位地区生产总值能耗", D("0.5"), None, "吨标准煤", "AtMost", "Level", "Plain")]),
    ],
)
def test_plan_sentences(sentence: str, expected: list[tuple]) -> None:
    facts = facts_of(sentence)
    assert all(f.kind == "target" and f.year == 2024 for f in facts)
    assert [brief(f) for f in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("——预计地区生产总值增长8.5%左右；",
         [("地区生产总值", D("8.5"), None, "%", "About", "ChangeRate", "Expected")]),
        ("——预计实际利用外资完成8.46亿美元，进出口总额增长6%左右；",
         [("实际利用外资", D("8.46"), None, "亿美元", "Exactly", "Level", "Expected"),
          ("进出口总额", D(6), None, "%", "About", "ChangeRate", "Expected")]),
        ("——生产安全事故起数、死亡人数分别下降17.7%、26.8%；",
         [("生产安全事故起数", D("-17.7"), None, "%", "Exactly", "ChangeRate", "Plain"),
          ("生产安全事故死亡人数", D("-26.8"), None, "%", "Exactly", "ChangeRate", "Plain")]),
        ("净增高企307家、总数达1371家。",
         [("净增高企", D(307), None, "家", "Exactly", "Level", "Plain"),
          ("总数", D(1371), None, "家", "Exactly", "Level", "Plain")]),
        ("新建省级工程技术研究中心22家、市级65家。",
         [("新建省级工程技术研究中心", D(22), None, "家", "Exactly", "Level", "Plain"),
          ("新建市级工程技术研究中心", D(65), None, "家", "Exactly", "Level", "Plain")]),
        ("实现低保对象、困境儿童、困难残疾人保障率100%。",
         [("低保对象保障率", D(100), None, "%", "Exactly", "Level", "Plain"),
          ("困境儿童保障率", D(100), None, "%", "Exactly", "Level", "Plain"),
          ("困难残疾人保障率", D(100), None, "%", "Exactly", "Level", "Plain")]),
        ("新能源项目占制造业项目投资超七成。",
         [("新能源项目占制造业项目投资", D(70), None, "%", "MoreThan", "Level", "Plain")]),
        # a cause before the verb is not the indicator: the figure before names it
        ("社会消费品零售总额完成43.6亿元，受疫情影响同比下降1.8%。",
         [("社会消费品零售总额", D("43.6"), None, "亿元", "Exactly", "Level", "Plain"),
          ("社会消费品零售总额", D("-1.8"), None, "%", "Exactly", "ChangeRate", "Plain")]),
        # a second 分别 list shares the first list's subjects, in order, and its 预计
        ("城镇、农村居民人均可支配收入预计分别达到31260元、19850元，分别增长4.5%、6.8%。",
         [("城镇居民人均可支配收入", D(31260), None, "元", "Exactly", "Level", "Expected"),
          ("农村居民人均可支配收入", D(19850), None, "元", "Exactly", "Level", "Expected"),
          ("城镇居民人均可支配收入", D("4.5"), None, "%", "Exactly", "ChangeRate", "Expected"),
          ("农村居民人均可支配收入", D("6.8"), None, "%", "Exactly", "ChangeRate", "Expected")]),
        ("居民消费价格上涨2.1%，组织农机具4.2万台套，黑木耳种植达到1.2亿袋，新增变电容量4万千伏安。",
         [("居民消费价格", D("2.1"), None, "%", "Exactly", "ChangeRate", "Plain"),
          ("组织农机具", D("4.2"), None, "万台套", "Exactly", "Level", "Plain"),
          ("黑木耳种植", D("1.2"), None, "亿袋", "Exactly", "Level", "Plain"),
          ("新增变电容量", D(4), None, "万千伏安", "Exactly", "Level", "Plain")]),
        # in the year reviewed, 争取 before funds is the verb that won them
        ("争取中央和省级各类补助资金18.7亿元，发行地方政府专项债券6.5亿元。",
         [("中央和省级各类补助资金", D("18.7"), None, "亿元", "Exactly", "Level", "Plain"),
          ("发行地方政府专项债券", D("6.5"), None, "亿元", "Exactly", "Level", "Plain")]),
    ],
)
def test_review_sentences(sentence: str, expected: list[tuple]) -> None:
    facts = facts_of(sentence, "review")
    assert all(f.kind == "outcome" and f.year == 2023 for f in facts)
    assert [brief(f) for f in facts] == expected
    assert all(f.estimated == (f.strength == "Expected") for f in facts)


def test_headline_target_without_number() -> None:
    facts = facts_of("——实际到账外资、进出口总额稳中有进、稳中提质；")
    assert [(f.indicator, f.value, f.unit, f.comparator) for f in facts] == [
        ("实际到账外资", None, None, None),
        ("进出口总额", None, None, None),
    ]


def test_every_target_without_number_of_a_headline_paragraph() -> None:
    facts = facts_of("综合考虑各方面因素，今年全区经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，"
                     "外贸进出口总额保持正增长，实际利用外资稳中有升，"
                     "单位地区生产总值能耗降低完成市下达任务，粮食产量保持稳定。")
    got = [(f.indicator, f.value, f.quantity_kind, f.strength) for f in facts]
    assert got == [("地区生产总值", D("5.5"), "ChangeRate", "Plain"),
                   ("外贸进出口总额", D(0), "ChangeRate", "Plain"),  # 主要预期目标 estimates nothing
                   ("实际利用外资", None, "ChangeRate", "Plain"),
                   ("单位地区生产总值能耗", None, "ChangeRate", "Plain"),
                   ("粮食产量", None, "ChangeRate", "Plain")]


def test_a_target_without_number_on_a_numbered_line_of_the_main_targets() -> None:
    facts = facts_of("1.地区生产总值增长6%左右；\n"
                     "6.外贸进出口总额增长15%以上，其中对俄进出口额增长18%以上，实际利用外资稳中有进；\n"
                     "（三）推动产业转型。坚持稳中求进，全力促进新能源领域应用水平稳步增长，"
                     "加快建设现代化产业体系，打造一批具有竞争力的产业集群和领军企业，做强做优实体经济。")
    assert [f.indicator for f in facts] == ["地区生产总值", "外贸进出口总额", "对俄进出口额", "实际利用外资"]


def test_explicit_year_in_clause_wins() -> None:
    facts = facts_of("力争2025年规上工业产值超5000亿元。")
    assert [(f.year, f.value) for f in facts] == [(2025, D(5000))]


def test_award_edition_is_not_the_year() -> None:
    facts = facts_of("荣获2022年度省科学技术进步奖15个。", "review")
    assert [(f.year, f.value) for f in facts] == [(2023, D(15))]


def test_traditional_characters_give_the_same_facts() -> None:
    simple = facts_of("——預計地區生產總值增長８．５％左右；", "review")
    assert [brief(f) for f in simple] == [
        ("地区生产总值", D("8.5"), None, "%", "About", "ChangeRate", "Expected")
    ]


def test_mention_quotes_the_text_as_read() -> None:
    body = "——預計地區生產總值增長８．５％左右；"
    text = HEAD + "一、2023年计划执行情况\n" + body + "\n"
    doc = parse_document(ReportText(Path("t.txt"), text, normalise(text), "utf-8"))
    (fact,) = extract_facts(doc)
    m = fact.mention
    assert m is not None and text[m.span.start : m.span.end] == m.quote
    assert "地區生產總值" in m.quote and m.sentence == body


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["城镇", "农村居民人均可支配收入"], ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
        (["生产安全事故起数", "死亡人数"], ["生产安全事故起数", "生产安全事故死亡人数"]),
        (["智慧能源", "智能装备产业"], ["智慧能源产业", "智能装备产业"]),
        (["地区生产总值", "进出口总额"], ["地区生产总值", "进出口总额"]),
    ],
)
def test_complete_list(items: list[str], expected: list[str]) -> None:
    assert complete_list(items) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("——固定资产投资增长6%~8%；",
         [("固定资产投资", D(6), D(8), "%", "Exactly", "ChangeRate", "Plain")]),
        ("集装箱吞吐量达到450万标准箱。",
         [("集装箱吞吐量", D(450), None, "万标准箱", "Exactly", "Level", "Plain")]),
        ("望潮、鲸口两个街道分别新建智慧社区5个、4个。",
         [("望潮街道", D(5), None, "个", "Exactly", "Level", "Plain"),
          ("鲸口街道", D(4), None, "个", "Exactly", "Level", "Plain")]),
        ("推动30万吨级原油码头工程建成投用。", []),
    ],
)
def test_more_plan_sentences(sentence: str, expected: list[tuple]) -> None:
    assert [brief(f) for f in facts_of(sentence)] == expected


def test_same_basis_growth_is_the_same_indicator() -> None:
    facts = facts_of("一般公共预算收入完成96.8亿元，同口径增长11.4%。", "review")
    assert [(f.indicator, f.value, f.quantity_kind) for f in facts] == [
        ("一般公共预算收入", D("96.8"), "Level"), ("一般公共预算收入", D("11.4"), "ChangeRate")]


def test_shortened_time_is_a_decline() -> None:
    facts = facts_of("进口、出口整体通关时间分别比上年压缩18%、25%。", "review")
    assert [(f.indicator, f.value) for f in facts] == [
        ("进口整体通关时间", D(-18)), ("出口整体通关时间", D(-25))]


def test_a_number_inside_a_name_is_no_fact() -> None:
    """白沙100MW渔光互补光伏发电项目并网发电 states no 100 MW of anything; the 200MW beside it is one."""
    from graph.pipeline import extract_text

    text = (HEAD + "二、2024年主要预期目标\n新增光伏装机200MW，推动白沙100MW渔光互补光伏发电项目并网发电，"
            "确保星河能源50万千瓦风光储一体化项目全容量并网。\n")
    rf = extract_text(ReportText(Path("t.txt"), text, normalise(text), "utf-8"), "t")
    assert [(f.value, f.unit) for f in rf.facts] == [(D(200), "MW")]
    names = {e.name for e in rf.entities}
    assert {"白沙100MW渔光互补光伏发电项目", "星河能源50万千瓦风光储一体化项目"} <= names


def test_a_count_that_announces_a_list_is_no_fact() -> None:
    facts = facts_of("重点抓好三件事：1.全市奶牛存栏达到18万头；2.新建高标准农田12万亩。")
    assert [f.indicator for f in facts] == ["奶牛存栏", "新建高标准农田"]  # no item numbers


def test_an_adverb_before_the_verb_is_no_part_of_the_indicator() -> None:
    facts = facts_of("整体通关时间再压缩10%以上。")
    assert [(f.indicator, f.value) for f in facts] == [("整体通关时间", D(-10))]


def test_a_number_inside_a_programme_s_name_is_no_fact() -> None:
    from graph.pipeline import extract_text

    text = (HEAD + "二、2024年主要预期目标\n"
            "深入实施新一轮千亿斤粮食产能提升行动，粮食总产量稳定在25亿斤以上。\n")
    rf = extract_text(ReportText(Path("t.txt"), text, normalise(text), "utf-8"), "t")
    assert [(f.value, f.unit) for f in rf.facts] == [(D(25), "亿斤")]


def test_units_counted_per_visit_per_copy_and_per_day() -> None:
    facts = facts_of("全年接待国际邮轮靠泊12艘次，政银企对接活动覆盖企业2100家次，签署合作备忘录6份，"
                     "新增污水处理能力10万吨/日。", "review")
    assert [(f.indicator, f.value, f.unit) for f in facts] == [
        ("接待国际邮轮靠泊", D(12), "艘次"), ("政银企对接活动覆盖企业", D(2100), "家次"),
        ("签署合作备忘录", D(6), "份"), ("新增污水处理能力", D(10), "万吨/日")]


def test_a_respectively_list_of_town_and_country_with_per_unit_words_and_and() -> None:
    facts = facts_of("城乡低保标准分别提高到每人每月820元、每人每年6800元，"
                     "城镇、农村常住居民人均可支配收入分别增长5%以上和7%以上。", "review")
    assert [(f.indicator, f.value, f.quantity_kind) for f in facts] == [
        ("城镇低保标准", D(820), "Level"), ("农村低保标准", D(6800), "Level"),
        ("城镇常住居民人均可支配收入", D(5), "ChangeRate"),
        ("农村常住居民人均可支配收入", D(7), "ChangeRate")]


def test_money_put_towards_projects_is_a_target_not_a_capacity_in_a_name() -> None:
    facts = facts_of("发挥白溪产业基金引导作用，力争撬动社会资本50亿元投向区内产业项目。"
                     "开工建设年产5万吨正极材料项目。")
    assert [(f.indicator, f.value, f.unit) for f in facts] == [("撬动社会资本", D(50), "亿元")]


def test_a_count_from_one_level_to_another_keeps_its_indicator() -> None:
    facts = facts_of("五年来，规模以上工业企业由52家增加到96家，新冠病毒疫苗累计接种52.8万剂次。", "review")
    assert [(f.indicator, f.value, f.unit) for f in facts] == [
        ("规模以上工业企业", D(52), "家"), ("规模以上工业企业", D(96), "家"),
        ("新冠病毒疫苗累计接种", D("52.8"), "万剂次")]


def test_a_target_without_number_in_a_numbered_list_written_on_one_line() -> None:
    facts = facts_of("1.地区生产总值增长7%左右；2.外贸进出口总额稳中提质；"
                     "3.单位地区生产总值能耗完成市下达的控制目标。")
    assert [(f.indicator, f.value) for f in facts] == [
        ("地区生产总值", D(7)), ("外贸进出口总额", None), ("单位地区生产总值能耗", None)]


def test_a_rate_held_at_a_bare_level_in_the_year_reviewed_is_that_level() -> None:
    body = "城镇登记失业率控制在3.2%，城镇调查失业率控制在5%以内。"
    assert [f.comparator for f in facts_of(body, "review")] == ["Exactly", "AtMost"]
    assert [f.comparator for f in facts_of(body)] == ["AtMost", "AtMost"]  # a cap in the plan


def test_halved_and_doubled_are_rates_of_change() -> None:
    facts = facts_of("确保重点项目审批时限压减一半。", "plan") + facts_of("规上工业产值翻了一番。", "review")
    assert [(f.indicator, f.value, f.quantity_kind) for f in facts] == [
        ("重点项目审批时限", D(-50), "ChangeRate"), ("规上工业产值", D(100), "ChangeRate")]
