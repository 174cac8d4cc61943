"""Recognition rules seen first in a new report of the genre (a county in Fujian): a Chinese
sentence in, the expected names and links out. The names are invented and differ from the
report's, so that the rules, not the names, are what is tested."""

from __future__ import annotations

from test_entities import links, names

COUNTY = "榕屿市青溪县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"


def test_a_port_area_of_a_named_port_is_one_place_with_its_short_form() -> None:
    body = "鹭州港青屿港区3号泊位建成投用，青屿港区全年货物吞吐量增长8%。推进青屿港区疏港公路建设。"
    assert "鹭州港青屿港区" in names(body, "Place", COUNTY)
    assert "青屿港区" not in names(body, "Place", COUNTY)  # the short form joins the full one
    assert ("青屿港区疏港公路", "鹭州港青屿港区") in links(body, "locatedIn", COUNTY)
    assert ("鹭州港青屿港区3号泊位", "鹭州港青屿港区") in links(body, "locatedIn", COUNTY)


def test_a_district_ending_like_a_port_area_keeps_its_relations() -> None:
    head = "鲸湾市海港区2021年国民经济和社会发展计划执行情况与2022年计划草案的报告\n各位代表：\n"
    assert ("海港区海洋产业投资基金", "鲸湾市海港区") in links(
        "海港区海洋产业投资基金完成募资。", "locatedIn", head
    )


def test_inclusion_in_a_list_ends_a_name() -> None:
    body = "争取省交通运输厅将青屿港区疏港公路纳入省级补助项目。"
    found = names(body, "Project", COUNTY)
    assert "青屿港区疏港公路" in found
    assert not {n for n in found if "纳入" in n}
