"""The main job end to end: files, SHACL, provenance, determinism and bad input."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from graph.pipeline import build
from graph.reader import read_report
from graph.validate import validate_graph
from graph.vocab import CK

CONTRACT_FILES = ("graph.ttl", "graph.jsonld", "graph.html", "targets.csv")


def test_build_writes_contract_files(built) -> None:
    for name in CONTRACT_FILES:
        assert (built.out_dir / name).stat().st_size > 0
    assert {p.name for p in built.files} >= set(CONTRACT_FILES)


def test_graph_conforms_to_shapes(built) -> None:
    result = validate_graph(built.graph)
    assert result.conforms, result.summary()


def test_every_mention_quotes_its_report(built, report_paths: list[Path]) -> None:
    texts = {}
    for rf in built.reports:
        texts[rf.document.report_id] = rf.document.text
    g = built.graph
    checked = 0
    for m in g.subjects(RDF.type, CK.Mention):
        report = g.value(m, CK.inReport)
        rid = str(g.value(report, CK.sourceFile)).rsplit(".", 1)[0]
        text = texts[rid]
        start, end = int(g.value(m, CK.start)), int(g.value(m, CK.end))
        assert text[start:end] == str(g.value(m, CK.quote))
        assert str(g.value(m, CK.quote)) in text[max(0, start - 500) : end + 500]
        checked += 1
    assert checked > 100


def test_files_parse_back_to_the_same_graph(built) -> None:
    from rdflib.compare import isomorphic

    ttl = Graph().parse(built.out_dir / "graph.ttl", format="turtle")
    jsonld = Graph().parse(built.out_dir / "graph.jsonld", format="json-ld")
    assert isomorphic(ttl, built.graph)
    assert isomorphic(jsonld, built.graph)


def test_named_graph_per_report(built) -> None:
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(built.out_dir / "graph.trig", format="trig")
    names = {str(c.identifier) for c in ds.contexts() if len(c)}
    assert names >= {f"https://w3id.org/commitkg/id/report/{rf.document.report_id}"
                     for rf in built.reports}


def test_targets_csv_opens_in_excel(built) -> None:
    raw = (built.out_dir / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0])[:9] == ["year", "indicator", "comparator", "value", "upper", "unit",
                                 "kind", "strength", "section"][:9]
    gdp = [r for r in rows if r["indicator"] == "地区生产总值" and r["report"].startswith("xinbei")]
    assert gdp and gdp[0]["year"] == "2024" and gdp[0]["value"] == "6"
    assert gdp[0]["comparator"] == "AtLeast" and gdp[0]["unit"] == "%"
    assert "地区生产总值增长6%以上" in gdp[0]["sentence"]


def test_rebuild_is_byte_identical(tmp_path: Path, seed_path: Path) -> None:
    a = build([seed_path], tmp_path / "a", html=False)
    b = build([seed_path], tmp_path / "b", html=False)
    for f in a.files:
        assert f.read_bytes() == (b.out_dir / f.name).read_bytes(), f.name


def test_iris_stable_across_processes(tmp_path: Path, seed_path: Path) -> None:
    """Python's hash seed changes between processes; the graph must not."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run(
            [sys.executable, "-m", "graph.cli", "build", str(seed_path), "--out", str(out),
             "--no-html"],
            check=True, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
            capture_output=True,
        )
        outs.append((out / "graph.ttl").read_bytes())
    assert outs[0] == outs[1]


def test_traditional_and_gbk_copies_give_the_same_facts() -> None:
    from graph.pipeline import extract_report

    root = Path(__file__).resolve().parent.parent / "data" / "reports"
    original = root / "yunhe-2025-plan-report.txt"
    copies = [root / "yunhe-2025-plan-report-traditional.txt", root / "yunhe-2025-plan-report-gbk.txt"]

    def facts(p: Path) -> list[tuple]:
        rf = extract_report(p)
        return [(f.kind, f.indicator, f.year, f.value, f.upper, f.unit, f.comparator,
                 f.quantity_kind, f.strength, f.mention.span if f.mention else None)
                for f in rf.facts]

    expected = facts(original)
    assert len(expected) > 150
    for copy in copies:
        assert facts(copy) == expected, copy.name
    assert read_report(copies[1]).encoding == "gb18030"


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True,
                          text=True, cwd=cwd)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (bytes(range(256)) * 8, "binary"),
        ("The quick brown fox jumps over the lazy dog. " * 20, "not a Chinese planning report"),
        ("今天天气很好，我们去公园散步，看见很多人在跑步和打太极拳。" * 10,
         "not a planning report"),
    ],
)
def test_bad_input_one_line_no_output(tmp_path: Path, content: object, message: str) -> None:
    report = tmp_path / "in.txt"
    if isinstance(content, str):
        report.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        report.write_bytes(content)
    out = tmp_path / "out"
    proc = _cli("build", str(report), "--out", str(out))
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in proc.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_failed_build_keeps_previous_output(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "out"
    build([seed_path], out, html=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    proc = _cli("build", str(seed_path), str(bad), "--out", str(out))
    assert proc.returncode == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_many_reports_one_bad_names_it_and_keep_going_writes_the_rest(
    tmp_path: Path, seed_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out"
    proc = _cli("build", str(seed_path), str(bad), "--out", str(out), "--no-html", "--keep-going",
                "--jobs", "2")
    assert proc.returncode == 2
    assert "bad.txt: the file is empty" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "graph.ttl").exists() and "xinbei" in (out / "graph.ttl").read_text()
