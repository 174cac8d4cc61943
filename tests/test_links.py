"""Project → target links with reasons, impact paths and the networkx view."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.document import parse_document
from graph.facts import Entity, Mention, Relation, ReportFacts, Span
from graph.links import link_supports
from graph.network import impact_of, impacts_on, rank_supporters, to_networkx
from graph.rdf import build_graphs, union_graph
from graph.reader import ReportText, normalise
from graph.targets import extract_facts

TEXT = """某市某区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告
各位代表：
一、2023年计划执行情况
——预计地区生产总值增长6%左右；
二、2024年主要预期目标和重点任务
——地区生产总值增长5%以上；
（一）产业强区。一是抓重大项目。确保星河汽车基地三季度量产，力争规上工业产值超4000亿元。二是育创新主体。依托星河研究院建设创新平台。力争高企总数达1500家。
（二）城乡建设。一是建设交通。加快推进青龙大桥建设。新增1500个公共停车泊位。
"""


def mention(text: str, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(Span(start, start + len(name)), name, name, Span(start, start + len(name)))


@pytest.fixture(scope="module")
def report() -> ReportFacts:
    doc = parse_document(ReportText(Path("demo.txt"), TEXT, normalise(TEXT), "utf-8"))
    rf = ReportFacts(document=doc, facts=extract_facts(doc))
    rf.entities = [
        Entity("Project", "星河汽车基地", [mention(TEXT, "星河汽车基地")]),
        Entity("Enterprise", "星河研究院", [mention(TEXT, "星河研究院")]),
        Entity("Project", "青龙大桥", [mention(TEXT, "青龙大桥")]),
    ]
    rf.supports = link_supports(rf)
    return rf


def links(rf: ReportFacts) -> set[tuple[str, str, str]]:
    return {(s.source[1], s.target.indicator, s.method) for s in rf.supports}


def test_methods(report: ReportFacts) -> None:
    got = links(report)
    assert ("星河汽车基地", "规上工业产值", "SameSentence") in got
    assert ("星河研究院", "高企总数", "Cue") in got
    assert ("青龙大桥", "新增公共停车泊位", "SameTaskItem") in got
    # nothing links across task items, nor to the review part
    assert not any(src == "青龙大桥" and ind == "规上工业产值" for src, ind, _ in got)
    assert all(s.target.kind == "target" for s in report.supports)


def test_every_link_has_evidence(report: ReportFacts) -> None:
    for s in report.supports:
        assert s.evidence and all(m.sentence for m in s.evidence)
        for m in s.evidence:
            assert TEXT[m.span.start : m.span.end] == m.quote


@pytest.fixture(scope="module")
def G(report: ReportFacts):
    return to_networkx(union_graph(build_graphs([report])))


def test_networkx_is_typed(G) -> None:
    types = {d["type"] for _n, d in G.nodes(data=True)}
    assert {"Project", "Enterprise", "Target", "Outcome", "Indicator", "Report"} <= types
    edge = next(d for _s, _t, k, d in G.edges(keys=True, data=True) if k == "supports")
    assert edge["method"] and edge["confidence"] > 0 and edge["sentence"]


def test_impact_reaches_the_headline_target_through_the_scheme(G) -> None:
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "星河汽车基地")
    paths = {i.path for i in impact_of(G, node)}
    assert ("星河汽车基地", "规上工业产值 >4000亿元 (2024)") in paths
    assert ("星河汽车基地", "规上工业产值 >4000亿元 (2024)", "地区生产总值 增长≥5% (2024)") in paths


def test_reverse_impact_and_ranking(G) -> None:
    sources = {i.source for i in impacts_on(G, "地区生产总值")}
    assert "星河汽车基地" in sources
    ranking = {row[0]: row for row in rank_supporters(G)}
    # 星河汽车基地 reaches 规上工业产值 and, through it, 地区生产总值
    assert ranking["星河汽车基地"][2] == 1 and ranking["星河汽车基地"][3] >= 2
    assert list(ranking) == sorted(ranking, key=lambda k: (-ranking[k][3], -ranking[k][2], k))


def test_confidence_filter(G) -> None:
    # a shared task item is a weak reason: off by default, shown when asked for
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "青龙大桥")
    assert impact_of(G, node) == []
    assert impact_of(G, node, min_confidence=0.4)


# --- the reasons, one sentence each -----------------------------------------------

def _plan(body: str) -> str:
    return ("某省某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n各位代表：\n"
            "一、2024年计划执行情况\n——预计地区生产总值增长6%左右；\n"
            f"二、2025年主要任务\n（一）重点工作。{body}\n")


def _links_of(body: str, *entities: tuple[str, str],
              located: tuple[tuple[str, str], ...] = ()) -> dict[tuple[str, str], tuple[str, float]]:
    """Link (name, indicator) → (method, confidence) for a plan paragraph and its named things,
    with the places the text puts its projects in (*located*: project, place)."""
    text = _plan(body)
    doc = parse_document(ReportText(Path("demo.txt"), text, normalise(text), "utf-8"))
    rf = ReportFacts(document=doc, facts=extract_facts(doc))
    rf.entities = [Entity(kind, name, [mention(text, name, nth) for nth in range(text.count(name))])
                   for kind, name in entities]
    rf.relations = [Relation("locatedIn", ("Project", p), ("Place", where), mention(text, p))
                    for p, where in located]
    return {(s.source[1], s.target.indicator): (s.method, s.confidence) for s in link_supports(rf)}


def test_a_shared_topic_binds_a_work_to_its_target_in_another_clause() -> None:
    got = _links_of("加快县中医医院新院区建设，新增床位200张，新建城镇燃气管道45公里。",
                    ("Project", "县中医医院新院区"))
    assert got[("县中医医院新院区", "新增床位")] == ("SameSentence", 0.7)
    assert got[("县中医医院新院区", "新建城镇燃气管道")] == ("SameSentence", 0.45)


def test_a_target_that_names_its_subject_belongs_to_it() -> None:
    got = _links_of("支持北辰化工扩产，力争恒达能源营业收入突破100亿元。",
                    ("Enterprise", "北辰化工"), ("Enterprise", "恒达能源"))
    assert got[("恒达能源", "恒达能源营业收入")][1] == 0.9
    assert got[("北辰化工", "恒达能源营业收入")][1] == 0.3


def test_a_national_strategy_written_in_a_target_frames_it_and_owns_nothing() -> None:
    got = _links_of("建设中哈跨境贸易中心，力争对“一带一路”沿线国家进出口额增长30%。",
                    ("Project", "中哈跨境贸易中心"), ("Policy", "一带一路"))
    assert got[("中哈跨境贸易中心", "对“一带一路”沿线国家进出口额")][1] == 0.7


def test_a_name_inside_a_longer_name_speaks_through_it() -> None:
    got = _links_of("推动东港石化乙烯项目投产，力争石化产业产值突破1300亿元。",
                    ("Enterprise", "东港石化"), ("Project", "东港石化乙烯项目"))
    assert ("东港石化乙烯项目", "石化产业产值") in got
    assert ("东港石化", "石化产业产值") not in got


def test_projects_under_way_count_towards_the_count_of_projects_but_not_to_be_won() -> None:
    got = _links_of("全年实施重点项目200个，力争引进10亿元以上项目12个，加快青石水库扩容工程建设，"
                    "推进白沙机场选址报批。", ("Project", "青石水库扩容工程"), ("Project", "白沙机场"))
    assert got[("青石水库扩容工程", "实施重点项目")][1] == 0.7
    assert got[("青石水库扩容工程", "引进10亿元以上项目")][1] == 0.45
    assert got[("白沙机场", "实施重点项目")][1] == 0.45


def test_a_project_abroad_is_none_of_the_projects_counted() -> None:
    got = _links_of("全年实施重点项目200个，支持恒达光电在越南建设恒达光电越南生产基地。",
                    ("Project", "恒达光电越南生产基地"), ("Place", "越南"),
                    located=(("恒达光电越南生产基地", "越南"),))
    assert got[("恒达光电越南生产基地", "实施重点项目")][1] == 0.45


def test_a_zone_s_investment_counts_the_zone_s_projects() -> None:
    got = _links_of("北湖新城全年完成投资不少于40亿元，加快北湖新城综合管廊工程和青石港码头工程建设。",
                    ("Project", "北湖新城综合管廊工程"), ("Project", "青石港码头工程"),
                    ("Place", "北湖新城"))
    assert got[("北湖新城综合管廊工程", "北湖新城全年完成投资")][1] == 0.7
    assert got[("青石港码头工程", "北湖新城全年完成投资")][1] == 0.45


def test_a_project_and_its_item_s_count_of_projects_in_another_sentence() -> None:
    got = _links_of("一是抓项目。全年实施重点项目200个，完成投资240亿元。加快青石水库扩容工程建设。"
                    "新增城市书房3个。", ("Project", "青石水库扩容工程"))
    assert got[("青石水库扩容工程", "实施重点项目")] == ("SameTaskItem", 0.45)
    assert got[("青石水库扩容工程", "新增城市书房")] == ("SameTaskItem", 0.4)


def test_a_place_name_shared_by_a_work_and_a_target_is_no_topic() -> None:
    got = _links_of("加快白沙镇算力中心建设，白沙镇新增高标准农田2万亩。",
                    ("Project", "白沙镇算力中心"), ("Place", "白沙镇"))
    assert got[("白沙镇算力中心", "白沙镇新增高标准农田")][1] == 0.45


def test_the_programmes_a_sentence_opens_with_work_towards_its_targets() -> None:
    got = _links_of("深入实施《某区智能化改造三年行动方案》，推进千企焕新工程，"
                    "全年实施智改数转项目350个以上。新建城市书房3个，落实“青年英才计划”。",
                    ("Policy", "某区智能化改造三年行动方案"), ("Policy", "千企焕新工程"),
                    ("Policy", "青年英才计划"))
    assert got[("某区智能化改造三年行动方案", "实施智改数转项目")][1] == 0.7
    assert got[("千企焕新工程", "实施智改数转项目")][1] == 0.7
    assert got[("青年英才计划", "新建城市书房")][1] < 0.5  # a programme after its target


def test_a_company_opening_markets_abroad_works_towards_foreign_trade() -> None:
    got = _links_of("支持青禾鞋业开拓巴西、阿联酋等新兴市场，推动青石物流扩建仓库，"
                    "外贸进出口总额增长5%以上。",
                    ("Enterprise", "青禾鞋业"), ("Enterprise", "青石物流"))
    assert got[("青禾鞋业", "外贸进出口总额")][1] == 0.7
    assert got[("青石物流", "外贸进出口总额")][1] == 0.45


def test_a_themed_zone_says_what_not_only_where() -> None:
    got = _links_of("推进青石古港文化街区二期建设，全区旅游总收入增长10%以上。"
                    "加快青石经济开发区标准厂房建设，青石经济开发区新增城市书房3个。",
                    ("Project", "青石古港文化街区二期"), ("Place", "青石古港文化街区"),
                    ("Project", "青石经济开发区标准厂房"), ("Place", "青石经济开发区"))
    assert got[("青石古港文化街区二期", "旅游总收入")][1] == 0.7
    assert got[("青石经济开发区标准厂房", "青石经济开发区新增城市书房")][1] == 0.45


def test_a_river_shared_by_a_work_and_a_target_is_a_topic() -> None:
    got = _links_of("推进青龙河航道整治，完成青龙河4个作业区规划研究。",
                    ("Project", "青龙河航道整治"), ("Place", "青龙河"))
    assert got[("青龙河航道整治", "作业区规划研究")][1] == 0.7


def test_a_shared_word_in_the_same_task_item_ranks_above_a_bare_one() -> None:
    got = _links_of("一是强创新。落实研发费用加计扣除政策。研发经费投入强度达到2.3%。新增城市书房3个。",
                    ("Policy", "研发费用加计扣除"))
    assert got[("研发费用加计扣除", "研发经费投入强度")] == ("SameTaskItem", 0.45)
    assert got[("研发费用加计扣除", "新增城市书房")] == ("SameTaskItem", 0.4)


def test_a_paragraph_without_numbered_items_pairs_only_shared_words() -> None:
    got = _links_of("落实研发费用加计扣除政策。研发经费投入强度达到2.3%。新增城市书房3个。",
                    ("Policy", "研发费用加计扣除"))
    assert got[("研发费用加计扣除", "研发经费投入强度")] == ("SameTaskItem", 0.45)
    assert ("研发费用加计扣除", "新增城市书房") not in got


def test_impact_filters_by_method(G) -> None:
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "星河研究院")
    assert {i.method for i in impact_of(G, node, min_confidence=0.3)} == {"Cue"}
    assert impact_of(G, node, min_confidence=0.3, methods={"SameSentence"}) == []
    ranked = rank_supporters(G, min_confidence=0.3, methods={"SameTaskItem"})
    assert [r[0] for r in ranked] == ["青龙大桥"]


def test_impact_command(report: ReportFacts, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.cli import main

    path = tmp_path / "graph.ttl"
    union_graph(build_graphs([report])).serialize(path, format="turtle")
    assert main(["impact", "星河", "--graph", str(path)]) == 0
    out = capsys.readouterr().out
    assert "星河汽车基地" in out and "规上工业产值" in out and "地区生产总值" in out
    assert main(["impact", "星河", "--graph", str(path), "--method", "Cue,ThemeMatch"]) == 0
    assert "(0 rows)" in capsys.readouterr().out
    csv_path = tmp_path / "rank.csv"
    assert main(["impact", "--rank", "--graph", str(path), "--min-confidence", "0.3",
                 "--csv", str(csv_path)]) == 0
    assert csv_path.read_text("utf-8-sig").splitlines()[0].startswith("source,type,direct targets")
    assert main(["impact", "星河", "--graph", str(path), "--method", "Guess"]) == 2
    assert capsys.readouterr().err.startswith("commitkg: error: unknown method 'Guess'")


def test_a_name_written_as_the_means_works_towards_the_next_clause() -> None:
    got = _links_of("加快青石港3号泊位建设，依托海通物流拓展日韩冷链航线，港口货物吞吐量达到6000万吨，"
                    "新增城市书房3个。",
                    ("Project", "青石港3号泊位"), ("Enterprise", "海通物流"))
    assert got[("海通物流", "港口货物吞吐量")] == ("SameSentence", 0.7)
    assert got[("海通物流", "新增城市书房")][1] < 0.5  # not the clause the means serves
    assert got[("青石港3号泊位", "新增城市书房")][1] < 0.5


def test_the_programmes_an_item_works_through_reach_its_later_targets_on_their_topic() -> None:
    got = _links_of("一是引才育才。以省“青蓝计划”、市“白鹭英才计划”等各级各类计划为抓手，"
                    "吸引和培育一流的青年科技人才。加强与投资机构的合作。"
                    "力争引育各类人才不少于2万人，新建城市书房3个。",
                    ("Policy", "青蓝计划"), ("Policy", "白鹭英才计划"))
    assert got[("青蓝计划", "引育各类人才")] == ("Cue", 0.7)
    assert got[("白鹭英才计划", "引育各类人才")] == ("Cue", 0.7)
    assert got[("青蓝计划", "新建城市书房")][1] < 0.5  # another topic
    # a programme written only as a part of the sentence's work is no means of it
    got = _links_of("一是引才育才。实施“青蓝计划”，吸引和培育一流的青年科技人才。"
                    "加强与投资机构的合作。力争引育各类人才不少于2万人。", ("Policy", "青蓝计划"))
    assert got[("青蓝计划", "引育各类人才")][1] < 0.5


def test_a_name_written_as_the_means_of_a_target_is_not_its_subject() -> None:
    got = _links_of("青石国际陆港物流园二期由海通物流负责运营，依托中老铁路开行国际货运班列100列以上。",
                    ("Project", "青石国际陆港物流园二期"), ("Project", "中老铁路"))
    assert got[("青石国际陆港物流园二期", "依托中老铁路开行国际货运班列")][1] == 0.7


def test_topics_of_the_border_and_of_women_s_and_children_s_health() -> None:
    got = _links_of("推进白溪口岸智慧通关改造项目，出入境人员突破200万人次。"
                    "市妇幼保健院迁建项目竣工，每千人口执业（助理）医师数达到2.8人。"
                    "支持青石银行拓展业务，跨境人民币结算量增长20%以上。",
                    ("Project", "白溪口岸智慧通关改造项目"), ("Project", "市妇幼保健院迁建项目"),
                    ("Enterprise", "青石银行"))
    assert got[("白溪口岸智慧通关改造项目", "出入境人员")][1] == 0.7
    assert got[("市妇幼保健院迁建项目", "每千人口执业（助理）医师数")][1] == 0.7
    assert got[("青石银行", "跨境人民币结算量")][1] == 0.7


def test_topics_of_computing_parks_shops_and_industrial_space() -> None:
    got = _links_of("推动海通科技加快建设白溪智算中心二期，新增标准机架3000个。"
                    "推动白溪湿地公园二期建设，全区绿化覆盖率保持在43%以上。"
                    "加快白溪天地购物中心二期招商，引进首店品牌40家以上。"
                    "推进白溪智能装备产业园二期建设，年内新增高标准产业空间50万平方米。",
                    ("Project", "白溪智算中心二期"), ("Project", "白溪湿地公园二期"),
                    ("Project", "白溪天地购物中心二期"), ("Project", "白溪智能装备产业园二期"))
    assert got[("白溪智算中心二期", "新增标准机架")][1] == 0.7
    assert got[("白溪湿地公园二期", "绿化覆盖率")][1] == 0.7
    assert got[("白溪天地购物中心二期", "引进首店品牌")][1] == 0.7
    assert got[("白溪智能装备产业园二期", "新增高标准产业空间")][1] == 0.7


def test_a_company_written_as_the_agent_of_a_work_speaks_through_the_work() -> None:
    got = _links_of("白溪风情街区二期由白溪文旅公司负责建设，全市接待游客突破1500万人次。"
                    "支持青石文旅集团建设青石古镇二期，旅游总收入增长10%以上。",
                    ("Project", "白溪风情街区二期"), ("Enterprise", "白溪文旅公司"),
                    ("Project", "青石古镇二期"), ("Enterprise", "青石文旅集团"))
    assert got[("白溪风情街区二期", "接待游客")][1] == 0.7
    assert got[("白溪文旅公司", "接待游客")][1] == 0.45
    assert got[("青石文旅集团", "旅游总收入")][1] == 0.7  # supported to build: it acts


def test_a_name_in_the_clause_just_before_the_sentence_s_targets_works_towards_them() -> None:
    got = _links_of("推动白溪精工装配基地6月底前竣工投产，支持青石动力与白溪精工开展配套合作，"
                    "智能制造产值增长15%以上，新增规上企业10家。"
                    "白溪物流园二期由白溪城投集团负责建设，新增冷库容量3万吨。"
                    "实施白溪湖生态修复工程二期，空气质量优良天数比例达到87%以上。"
                    "实现青龙大桥主桥合龙，完成德胜港3个作业区规划研究。"
                    "新增城市绿地30万平方米，建成白溪滨河公园。",
                    ("Project", "白溪精工装配基地"), ("Enterprise", "青石动力"),
                    ("Project", "白溪物流园二期"), ("Enterprise", "白溪城投集团"),
                    ("Project", "白溪湖生态修复工程二期"), ("Project", "青龙大桥"),
                    ("Project", "白溪滨河公园"))
    # the clause right before the run of targets, and the one before it when it states none
    assert got[("青石动力", "智能制造产值")][1] == 0.7
    assert got[("青石动力", "新增规上企业")][1] == 0.7
    assert got[("白溪精工装配基地", "新增规上企业")][1] == 0.45  # a clause of its own in between
    assert got[("白溪城投集团", "新增冷库容量")][1] == 0.45  # the builder speaks through the work
    assert got[("白溪湖生态修复工程二期", "空气质量优良天数比例")][1] == 0.45  # another topic
    assert got[("青龙大桥", "作业区规划研究")][1] == 0.45  # a study is no goal of the works
    assert got[("白溪滨河公园", "新增城市绿地")][1] < 0.5  # a target before the name


def test_a_name_after_its_target_shares_more_than_a_topic_to_work_towards_it() -> None:
    got = _links_of("新建5G基站600个，支持白溪数港与青石大学共建白溪算力开放创新平台。"
                    "安排区级重点项目140个，确保白溪储能电池项目一期年内竣工投产。"
                    "外贸进出口总额力争达到50亿元，支持青石纺织拓展东盟市场。",
                    ("Project", "白溪算力开放创新平台"), ("Project", "白溪储能电池项目一期"),
                    ("Enterprise", "青石纺织"))
    assert got[("白溪算力开放创新平台", "新建5G基站")][1] == 0.45  # a topic only
    assert got[("白溪储能电池项目一期", "安排区级重点项目")][1] == 0.7  # one of the projects counted
    assert got[("青石纺织", "外贸进出口总额")][1] == 0.7  # its markets abroad are the trade


def test_a_means_the_sentence_opens_with_frames_all_of_it() -> None:
    got = _links_of("依托白溪能源化工基地，推动白溪煤制烯烃项目年内建成投产，实现新增聚烯烃产能60万吨。"
                    "推进青石物流园建设，完善冷链配送体系，依托青石港务拓展航线，集装箱吞吐量达到40万标箱。",
                    ("Project", "白溪能源化工基地"), ("Project", "白溪煤制烯烃项目"),
                    ("Project", "青石物流园"), ("Enterprise", "青石港务"))
    assert got[("白溪能源化工基地", "新增聚烯烃产能")][1] == 0.7
    assert got[("青石港务", "集装箱吞吐量")][1] == 0.7  # the means of the clause right before
    assert got[("青石物流园", "集装箱吞吐量")][1] < 0.5  # no means, and clauses of its own between
