"""Project → target links with reasons, impact paths and the networkx view."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.document import parse_document
from graph.facts import Entity, Mention, ReportFacts, Span
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
