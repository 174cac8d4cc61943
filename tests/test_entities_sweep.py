"""A robustness sweep over the ways reports of the genre name places and companies: a Chinese
sentence in, the expected names out. The names are invented, so that the rules, not the
names, are what is tested; each rule has negative probes (words that look like names)."""

from __future__ import annotations

import pytest
from test_entities import links, names

CITY = "澜州市青石区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("白鹭社区、金桂社区完成老旧小区改造。", {"白鹭社区", "金桂社区"}),
        ("推进桃源社区、杏林社区、荷塘社区嵌入式服务设施建设。", {"桃源社区", "杏林社区", "荷塘社区"}),
        ("石岭工业集中区新入驻企业15家。", {"石岭工业集中区"}),
        ("北坪工业集中区获批省级化工园区。", {"北坪工业集中区"}),
        ("南沙口岸进出口货值增长15%。", {"南沙口岸"}),
    ],
)
def test_communities_industrial_clusters_and_ports_of_entry_are_places(
    sentence: str, expected: set[str]
) -> None:
    assert expected <= names(sentence, "Place", CITY)


@pytest.mark.parametrize(
    ("sentence", "not_expected"),
    [
        ("打造智慧社区12个，完善城乡社区服务体系。", {"智慧社区", "城乡社区"}),
        ("完成老旧社区改造，创建示范社区5个。", {"老旧社区", "示范社区"}),
        ("推进工业集中区提档升级。", {"工业集中区"}),
        ("提升口岸通关效率。", {"口岸"}),
    ],
)
def test_generic_communities_clusters_and_ports_of_entry_are_not_places(
    sentence: str, not_expected: set[str]
) -> None:
    assert not names(sentence, "Place", CITY) & not_expected


def test_a_town_s_community_health_centre_is_in_the_town_not_a_community() -> None:
    body = "推进柳岸街道社区卫生服务中心建设。"
    found = names(body, "Place", CITY)
    assert "柳岸街道" in found
    assert "柳岸街道社区" not in found
    assert ("柳岸街道社区卫生服务中心", "柳岸街道") in links(body, "locatedIn", CITY)
    assert "石桥镇社区" not in names("石桥镇社区养老服务站投入运营。", "Place", CITY)


def test_a_guidance_fund_keeps_its_kind_word() -> None:
    # 引导 ends a name as a verb (引导企业…), but not before 基金
    assert "青石区产业引导基金" in names("青石区产业引导基金完成投资3亿元。", "Enterprise", CITY)
    assert ("青石区产业引导基金", "澜州市青石区") in links("青石区产业引导基金完成募资。", "locatedIn", CITY)
    assert "澜州市政府引导基金" in names("澜州市政府引导基金完成首期募资。", "Enterprise", CITY)


@pytest.mark.parametrize(
    "sentence", ["发挥政府引导基金作用。", "设立规模5亿元的科创引导基金。", "引导基金投资企业5家。"]
)
def test_a_guidance_fund_of_no_one_is_no_company(sentence: str) -> None:
    assert not {n for n in names(sentence, "Enterprise", CITY) if n.endswith("基金")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("中国电建、国家电网、中国能建相继来区洽谈。", {"中国电建", "国家电网", "中国能建"}),
        ("深化与国家能源集团、中国华能合作。", {"国家能源集团", "中国华能"}),
        ("与中国移动合作建设5G基站。", {"中国移动"}),
    ],
)
def test_central_state_enterprises_by_their_short_names(sentence: str, expected: set[str]) -> None:
    assert expected <= names(sentence, "Enterprise", CITY)


def test_a_central_enterprise_table_word_is_no_generic_group() -> None:
    assert not names("引进央企、国企合作项目5个，国有企业改革深化。", "Enterprise", CITY)


def test_a_short_name_in_brackets_after_a_legal_name_is_its_alias() -> None:
    body = "澜州青禾科技有限公司（青禾科技）投产，青禾科技产值增长20%。"
    found = names(body, "Enterprise", CITY)
    assert "澜州青禾科技有限公司" in found
    assert not {n for n in found if "（" in n}
    body = "中国能源建设集团有限公司（中国能建）承建的翠湾风电项目并网。"
    assert names(body, "Enterprise", CITY) == {"中国能源建设集团有限公司"}
    assert ("翠湾风电项目", "中国能源建设集团有限公司") in links(body, "implementedBy", CITY)
    # a seat in brackets inside the legal name stays part of it
    body = "布伦霍夫（中国）投资有限公司设立研发中心。"
    assert "布伦霍夫（中国）投资有限公司" in names(body, "Enterprise", CITY)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("韩国晓星签约落户，美国霍尼韦尔增资扩产。", {"韩国晓星", "美国霍尼韦尔"}),
        ("德国博世追加投资2亿美元。", {"德国博世"}),
        ("日本电装株式会社投资建设汽车零部件项目。", {"日本电装株式会社"}),
    ],
)
def test_a_country_opens_a_foreign_firm_s_name(sentence: str, expected: set[str]) -> None:
    assert expected <= names(sentence, "Enterprise", CITY)


@pytest.mark.parametrize(
    "sentence",
    [
        "德国企业、日本市场、韩国客商纷纷来访。",
        "日本客商签约落户。",
        "德国斯图加特开展招商。",  # a foreign city before a verb many subjects do
        "法国里昂与我区结为友好城市。",
    ],
)
def test_a_country_before_people_markets_or_cities_names_no_firm(sentence: str) -> None:
    assert not names(sentence, "Enterprise", CITY)
