"""Entities and relations: a Chinese sentence in, the expected names and links out."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import entity_cues, gazetteer
from graph.document import parse_document
from graph.entities import KeyedEntity, clean_name, entity_key, extract_entities
from graph.facts import Relation
from graph.reader import ReportText, normalise

HEAD = "常州市新北区2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n"
FICTIONAL = "临漕市运河区2024年国民经济和社会发展计划执行情况与2025年计划草案的报告\n各位代表：\n"


def extract(body: str, head: str = HEAD) -> tuple[list[KeyedEntity], list[Relation]]:
    text = head + "二、2024年工作建议\n" + body + "\n"
    doc = parse_document(ReportText(Path("t.txt"), text, normalise(text), "utf-8"))
    return extract_entities(doc)


def names(body: str, type_: str, head: str = HEAD) -> set[str]:
    return {e.name for e in extract(body, head)[0] if e.type == type_}


def links(body: str, predicate: str, head: str = HEAD) -> set[tuple[str, str]]:
    return {(r.subject[1], r.object[1]) for r in extract(body, head)[1] if r.predicate == predicate}


@pytest.mark.parametrize(
    ("sentence", "type_", "expected"),
    [
        # projects: a head, read leftwards to the verb that governs the name
        ("确保省重大项目比亚迪滨江基地三季度量产。", "Project", {"比亚迪滨江基地"}),
        ("常泰大桥主塔柱封顶。", "Project", {"常泰大桥"}),
        ("孟河喷涂产业园一期顺利完工。", "Project", {"孟河喷涂产业园一期"}),
        (
            "长三角碳纤维及复合材料技术创新中心正式投运。",
            "Project",
            {"长三角碳纤维及复合材料技术创新中心"},
        ),
        (
            "龙江北路、腾龙路快速化改造全线开工。",
            "Project",
            {"龙江北路快速化改造", "腾龙路快速化改造"},
        ),
        (
            "天合光能获评示范企业，天合光能印尼项目、阿联酋项目签约。",
            "Project",
            {"天合光能印尼项目", "天合光能阿联酋项目"},
        ),
        (
            "推进沿江一级公路与国道353线连接线建设。",
            "Project",
            {"沿江一级公路与国道353线连接线", "国道353线"},
        ),
        ("持续实施小黄山、新孟河等9个生态绿城项目建设。", "Project", {"小黄山", "新孟河"}),
        ("“急郎中工作室”项目获评优秀项目。", "Project", {"急郎中工作室项目"}),
        # generic phrases are not projects
        ("7个省重大项目全面开工，新建4个乡镇商贸中心。", "Project", set()),
        ("新增1500个公共停车泊位，建成口袋公园15个。", "Project", set()),
        # enterprises: legal forms, and short names by what they do
        (
            "星宇车灯获评国家级智能工厂，长青科技、天元智能主板上市。",
            "Enterprise",
            {"星宇车灯", "长青科技", "天元智能"},
        ),
        (
            "蒂森克虏伯、美敦力等超50家跨国公司高管来区交流。",
            "Enterprise",
            {"蒂森克虏伯", "美敦力"},
        ),
        ("全市规模最大的QFLP基金杉盛基金签约落地。", "Enterprise", {"杉盛基金"}),
        ("青穗农业科技有限公司带动周边农户发展订单农业。", "Enterprise", {"青穗农业科技有限公司"}),
        ("鼓励龙头企业带动上下游企业。", "Enterprise", set()),
        # agencies: level + body, party and state bodies, institutions
        (
            "由区发改委牵头，区财政局、区国资办配合。",
            "Agency",
            {"区发改委", "区财政局", "区国资办"},
        ),
        ("在市委、市政府和区委的坚强领导下。", "Agency", {"市委", "市政府", "区委"}),
        ("天合光能与复旦大学共建实验室。", "Agency", {"复旦大学"}),
        ("经省商务厅批复认定为省级国际合作园区。", "Agency", {"省商务厅"}),
        # places: heads, tables, lists closed by 等 + a place noun
        ("西夏墅镇、三井街道完成改造。", "Place", {"西夏墅镇", "三井街道"}),
        ("加大欧美、日韩等地区招商力度。", "Place", {"欧美", "日韩"}),
        ("支持企业拓展印度尼西亚、巴西等市场。", "Place", {"印度尼西亚", "巴西"}),
        ("全区上下保持稳定，全市第一。", "Place", set()),
        # policies: book titles, quoted names with their head, plans named without marks
        ("深度实施《北交所上市培育三年行动计划》。", "Policy", {"北交所上市培育三年行动计划"}),
        ("全面落实全市“532”发展战略，聚力推进“三大工程”。", "Policy", {"532发展战略", "三大工程"}),
        ("攻坚开展“龙腾行动”计划。", "Policy", {"龙腾行动计划"}),
        ("坚持就业优先战略，持续实施全民参保计划。", "Policy", {"就业优先战略", "全民参保计划"}),
        ("打造“爱购新北”消费活动品牌。", "Policy", set()),
    ],
)
def test_names_by_type(sentence: str, type_: str, expected: set[str]) -> None:
    found = names(sentence, type_)
    # the report's own place is always there; compare the rest
    found -= {"常州市新北区", "常州市", "江苏省"}
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "predicate", "expected"),
    [
        (
            "确保省重大项目比亚迪滨江基地三季度量产，比亚迪出口整车。",
            "implementedBy",
            {("比亚迪滨江基地", "比亚迪")},
        ),
        (
            "天合光能印尼项目签约，天合光能获评示范企业。",
            "locatedIn",
            {("天合光能印尼项目", "印尼")},
        ),
        (
            "天合光能与复旦大学共建的光伏科学与技术全国重点实验室重组获批。",
            "partner",
            {("天合光能", "复旦大学")},
        ),
        (
            "天合光能与复旦大学共建的光伏科学与技术全国重点实验室重组获批。",
            "implementedBy",
            {
                ("光伏科学与技术全国重点实验室", "天合光能"),
                ("光伏科学与技术全国重点实验室", "复旦大学"),
            },
        ),
        (
            "由县科技局牵头组建钒钛新材料产业技术创新联盟。",
            "responsibleAgency",
            {("钒钛新材料产业技术创新联盟", "县科技局")},
        ),
        ("县财政局、县金融办联合设立产业引导基金。", "partner", {("县财政局", "县金融办")}),
        ("双桥镇青穗村获评省级特色田园乡村。", "locatedIn", {("青穗村", "双桥镇")}),
        (
            "西夏墅镇、三井街道2条餐饮街区“瓶改管”改造工程完工。",
            "locatedIn",
            {
                ("西夏墅镇餐饮街区瓶改管改造工程", "西夏墅镇"),
                ("三井街道餐饮街区瓶改管改造工程", "三井街道"),
            },
        ),
        (
            "推进新北区公共卫生康复中心建设。",
            "locatedIn",
            {
                ("新北区公共卫生康复中心", "常州市新北区"),
                ("常州市新北区", "常州市"),
                ("常州市", "江苏省"),
            },
        ),
    ],
)
def test_relations(sentence: str, predicate: str, expected: set[tuple[str, str]]) -> None:
    found = links(sentence, predicate)
    if predicate == "locatedIn" and ("常州市新北区", "常州市") not in expected:
        found -= {("常州市新北区", "常州市"), ("常州市", "江苏省")}
    assert found == expected


def test_relations_carry_their_evidence() -> None:
    ents, rels = extract("由区发改委牵头，推进重大项目比亚迪滨江基地建设。")
    text = HEAD + "二、2024年工作建议\n由区发改委牵头，推进重大项目比亚迪滨江基地建设。\n"
    for r in rels:
        m = r.mention
        assert text[m.span.start : m.span.end] == m.quote
        assert m.quote in m.sentence


def test_legal_name_and_short_name_are_one_enterprise() -> None:
    body = (
        "临漕恒川新能源科技股份有限公司全年营业收入达到156亿元。"
        "支持恒川新能、澜拓集团开展产业链整合。确保恒川新能20GWh储能电池项目一期竣工投产。"
    )
    ents, rels = extract(body, FICTIONAL)
    firm = next(e for e in ents if e.type == "Enterprise" and "恒川" in e.name)
    assert firm.name == "临漕恒川新能源科技股份有限公司"
    assert "恒川新能" in firm.aliases
    assert len(firm.mentions) == 2
    assert ("恒川新能20GWh储能电池项目一期", firm.name) in {
        (r.subject[1], r.object[1]) for r in rels if r.predicate == "implementedBy"
    }
    assert ("临漕恒川新能源科技股份有限公司", "临漕市") in {
        (r.subject[1], r.object[1]) for r in rels if r.predicate == "locatedIn"
    }


@pytest.mark.parametrize(
    ("body", "full", "short"),
    [
        ("区发展和改革委员会\n由区发改委牵头建立督办机制。", "区发展和改革委员会", "区发改委"),
        (
            "南师大合成生物学产业研究院入驻。推进南京师范大学合成生物学产业研究院争创省级平台。",
            "南京师范大学合成生物学产业研究院",
            "南师大合成生物学产业研究院",
        ),
        ("星宇车灯获评国家级智能工厂，星宇车灯全年营收增长。", "星宇车灯", "星宇车灯"),
    ],
)
def test_one_entity_per_thing(body: str, full: str, short: str) -> None:
    ents, _ = extract(body)
    found = [e for e in ents if short in e.aliases or full in e.aliases]
    assert len(found) == 1
    assert found[0].name == full
    assert short in found[0].aliases


def test_mentions_point_into_the_text_as_read() -> None:
    # traditional characters: the name is simplified, the quote is the text as read
    text = (
        "臨漕市運河區2024年國民經濟和社會發展計劃執行情況與2025年計劃草案的報告\n各位代表：\n"
        "二、2025年工作建議\n確保恆川新能儲能電池項目竣工投產。\n"
    )
    doc = parse_document(ReportText(Path("t.txt"), text, normalise(text), "utf-8"))
    ents, _ = extract_entities(doc)
    project = next(e for e in ents if e.type == "Project")
    assert project.name == "恒川新能储能电池项目"
    m = project.mentions[0]
    assert text[m.span.start : m.span.end] == m.quote == "恆川新能儲能電池項目"


def test_output_is_deterministic() -> None:
    body = "由区发改委牵头，推进比亚迪滨江基地、常泰大桥建设，星宇车灯获评国家级智能工厂。"
    first, second = extract(body), extract(body)
    assert [(e.type, e.name, sorted(e.aliases), e.key) for e in first[0]] == [
        (e.type, e.name, sorted(e.aliases), e.key) for e in second[0]
    ]
    assert [(r.predicate, r.subject, r.object) for r in first[1]] == [
        (r.predicate, r.subject, r.object) for r in second[1]
    ]


def test_awards_and_status_become_attributes() -> None:
    ents, _ = extract(
        "星宇车灯获评国家级智能工厂，长青科技、天元智能主板上市，区疾控中心顺利竣工投用。"
    )
    by_name = {e.name: e.attributes for e in ents}
    assert by_name["星宇车灯"]["award"] == {"国家级智能工厂"}
    assert by_name["长青科技"]["status"] == by_name["天元智能"]["status"] == {"主板上市"}


# --- identity: relative names are the jurisdiction's -----------------------------------


def test_relative_names_are_keyed_by_their_jurisdiction() -> None:
    body = "由区发改委牵头，省自然资源厅推广经验，高铁新城建设提速。"
    xinbei = {e.name: e.key for e in extract(body)[0]}
    yunhe = {e.name: e.key for e in extract(body, FICTIONAL)[0]}
    assert xinbei["区发改委"] == "常州市新北区/区发改委"
    assert xinbei["省自然资源厅"] == "江苏省/省自然资源厅"
    assert xinbei["高铁新城"] == "常州市新北区/高铁新城"
    assert yunhe["区发改委"] == "临漕市运河区/区发改委"
    assert xinbei["区发改委"] != yunhe["区发改委"]


def test_absolute_names_are_their_own_key() -> None:
    ents, _ = extract("天合光能获评全国示范企业，企业拓展印度尼西亚市场。")
    keys = {e.name: entity_key(e) for e in ents}
    assert keys["天合光能"] == "天合光能"
    assert keys["印度尼西亚"] == "印度尼西亚"
    assert keys["常州市新北区"] == "江苏省常州市新北区"


# --- the jurisdiction and its parents ------------------------------------------------


def test_jurisdiction_chain_from_the_gazetteer() -> None:
    ents, rels = extract("全区经济运行稳中有进。")
    own = next(e for e in ents if e.name == "常州市新北区")
    assert "新北区" in own.aliases
    located = {(r.subject[1], r.object[1], r.method) for r in rels if r.predicate == "locatedIn"}
    assert ("常州市新北区", "常州市", "gazetteer") in located
    assert ("常州市", "江苏省", "gazetteer") in located


def test_unknown_jurisdiction_keeps_its_written_parent() -> None:
    _, rels = extract("全区经济运行稳中有进。", FICTIONAL)
    assert ("临漕市运河区", "临漕市") in {(r.subject[1], r.object[1]) for r in rels}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("常州市新北区", ["江苏省", "常州市", "新北区"]),
        ("北京市海淀区", ["北京市", "海淀区"]),
        ("武汉市青山区", ["湖北省", "武汉市", "青山区"]),
        ("临漕市运河区", []),
    ],
)
def test_gazetteer_chain(written: str, expected: list[str]) -> None:
    assert [p.name for p in gazetteer.chain(written)] == expected


def test_gazetteer_parent_city_from_the_text() -> None:
    assert gazetteer.text_parent_city("在岚州市委、市政府和县委的坚强领导下", "青山县") == "岚州市"


# --- cue tables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        "LEFT_STOPS",
        "PROJECT_HEADS",
        "PLACE_HEADS",
        "AGENCY_HEADS",
        "ENTERPRISE_SUFFIXES",
        "POLICY_HEADS",
        "COUNTRIES",
        "REGIONS",
    ],
)
def test_cue_tables_are_unique_non_empty_words(table: str) -> None:
    words = getattr(entity_cues, table)
    assert words and all(isinstance(w, str) and w.strip() == w and w for w in words)
    assert len(set(words)) == len(words), [w for w in words if words.count(w) > 1]


def test_abbreviations_expand_to_longer_names() -> None:
    for short, full in entity_cues.AGENCY_ABBREVIATIONS.items():
        assert len(full) >= len(short)


def test_clean_name_drops_marks() -> None:
    assert clean_name("《北交所上市培育三年行动计划》") == "北交所上市培育三年行动计划"
