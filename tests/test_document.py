"""Report structure: title, date, headings at every level, periods and years."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graph.document import parse_document
from graph.reader import ReportText, normalise, read_report

REPORT = """某省某市某区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告
——2024年1月8日在某区第二届人民代表大会第四次会议上
各位代表：
一、2023年国民经济和社会发展计划执行情况
（一）主要指标完成情况
——预计地区生产总值增长6%左右；
（二）重点工作开展情况
1.产业发展。一是项目建设。新开工项目30个。二是企业培育。新增高企50家。
二、2024年主要预期目标和重点任务
（一）主要预期目标
——地区生产总值增长5.5%以上；
（二）重点任务
1.抓项目。一是加快建设。确保新开工项目40个以上。
"""


def doc_of(text: str):
    return parse_document(ReportText(Path("r.txt"), text, normalise(text), "utf-8"))


def test_front_matter() -> None:
    doc = doc_of(REPORT)
    assert doc.title.startswith("某省某市某区2023年") and doc.title.endswith("计划草案的报告")
    assert doc.issued == date(2024, 1, 8)
    assert doc.review_year == 2023 and doc.plan_year == 2024
    assert doc.jurisdiction == "某省某市某区"


def test_headings_and_periods() -> None:
    doc = doc_of(REPORT)
    levels = [(s.level, s.marker, s.period, s.year) for s in doc.sections]
    assert levels[0] == (1, "一、", "review", 2023)
    assert (2, "（一）", None, None) in levels
    assert any(s.level == 3 and s.title == "1.产业发展" for s in doc.sections)
    items = [s.title for s in doc.sections if s.level == 4]
    assert items == ["一是项目建设", "二是企业培育", "一是加快建设"]
    plan = next(s for s in doc.sections if s.marker == "二、")
    assert (plan.period, plan.year) == ("plan", 2024)
    offset = REPORT.index("确保新开工")
    assert doc.period_at(offset) == ("plan", 2024)
    assert doc.section_at(offset).title == "一是加快建设"


def test_government_work_report_years_from_title() -> None:
    text = ("青山县2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n全县地区生产总值增长6%。\n"
            "二、今年工作总体要求和主要目标\n地区生产总值增长5%以上。\n")
    doc = doc_of(text)
    assert [(s.period, s.year) for s in doc.sections] == [("review", 2023), ("plan", 2024)]


def test_sentences_have_offsets(seed_path: Path) -> None:
    rt = read_report(seed_path)
    doc = parse_document(rt)
    assert doc.sentences
    for s in doc.sentences:
        assert rt.text[s.start : s.end].strip()
        assert s.start < s.end


def test_jurisdiction_from_the_meeting_line() -> None:
    text = ("政府工作报告\n——2024年1月16日在青山县第十八届人民代表大会第四次会议上\n"
            "各位代表：\n一、2023年工作回顾\n地区生产总值增长6%。\n")
    doc = doc_of(text)
    assert doc.jurisdiction == "青山县"
    assert doc.plan_year == 2024 and doc.review_year == 2023


def test_a_title_opening_with_guanyu_names_its_jurisdiction_after_it() -> None:
    text = ("关于青岭彝族自治州白溪市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
            "——2026年1月10日在白溪市第十届人民代表大会第四次会议上\n各位代表：\n")
    assert doc_of(text).jurisdiction == "青岭彝族自治州白溪市"
