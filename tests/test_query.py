"""commitkg query: named queries, .rq files, literal SPARQL and output formats."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.query import named_queries
from graph.reader import normalise


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph.cli", "query", *args],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def ttl(built) -> str:
    return str(built.out_dir / "graph.ttl")


def test_list_names_the_shipped_queries() -> None:
    proc = run("--list")
    assert proc.returncode == 0
    for name in ("targets", "outcomes", "indicator-history", "counts"):
        assert name in named_queries() and name in proc.stdout


def test_targets_table(ttl: str) -> None:
    proc = run("--graph", ttl, "targets")
    assert proc.returncode == 0, proc.stderr
    assert "地区生产总值" in proc.stdout and "AtLeast" in proc.stdout
    assert proc.stdout.rstrip().endswith("rows)")


def test_outcomes_csv_has_the_seed_gdp(ttl: str) -> None:
    proc = run("--graph", ttl, "outcomes", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    gdp = [r for r in rows if r["indicator"] == "地区生产总值" and r["year"] == "2023"
           and r["report"] == "xinbei-2024-plan-report"]
    assert [(r["value"], r["comparator"], r["estimated"]) for r in gdp] == [("8.5", "About", "true")]


def test_literal_sparql_as_sparql_json(ttl: str) -> None:
    q = ("PREFIX ck: <https://w3id.org/commitkg/ontology#> "
         "SELECT (COUNT(?t) AS ?n) WHERE { ?t a ck:Target }")
    proc = run("--graph", ttl, q, "--format", "json")
    data = json.loads(proc.stdout)
    assert data["head"]["vars"] == ["n"]
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 100


def test_rq_file(ttl: str, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("PREFIX ck: <https://w3id.org/commitkg/ontology#>\n"
                  "ASK { ?t a ck:Outcome ; ck:estimated true }", encoding="utf-8")
    proc = run("--graph", ttl, str(rq))
    assert proc.stdout.strip() == "true"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--graph", "/nonexistent.ttl", "targets"), "no such"),
        (("targets",), "needs --graph"),
        (("--graph", "GRAPH", "SELECT WHERE {"), "SPARQL"),
        (("--graph", "GRAPH", "no-such-query"), "not a named query"),
    ],
)
def test_errors_are_one_line(ttl: str, args: tuple[str, ...], message: str) -> None:
    proc = run(*[ttl if a == "GRAPH" else a for a in args])
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr


def test_one_row_per_target_and_outcome(ttl: str) -> None:
    """An indicator with an English label beside its Chinese one is still one row, in Chinese."""
    for name, cls in (("targets", "Target"), ("outcomes", "Outcome")):
        proc = run("--graph", ttl, name, "--format", "csv")
        rows = list(csv.DictReader(io.StringIO(proc.stdout)))
        q = ("PREFIX ck: <https://w3id.org/commitkg/ontology#> "
             f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ck:{cls} ; ck:evidence ?m }}")
        count = json.loads(run("--graph", ttl, q, "--format", "json").stdout)
        assert len(rows) == int(count["results"]["bindings"][0]["n"]["value"])
        assert len({r[name[:-1]] for r in rows}) == len(rows)
        assert "regional GDP" not in {r["indicator"] for r in rows}
        assert "地区生产总值" in {r["indicator"] for r in rows}


def test_relation_tables_show_the_sentence_that_states_the_relation(ttl: str) -> None:
    """Each row's sentence names both ends of its relation (not just any mention of one)."""
    for name, a, b in (("enterprise-footprint", "enterprise", "other"),
                       ("agency-portfolio", "agency", "item"),
                       ("place-projects", "place", "thing")):
        proc = run("--graph", ttl, name, "--format", "csv")
        rows = [r for r in csv.DictReader(io.StringIO(proc.stdout)) if r["sentence"]]
        assert rows, name
        for r in rows:
            if r.get("relation") == "supports":
                continue  # the target's label is not written as such in the sentence
            sentence = normalise(r["sentence"])  # traditional as written
            # 常州市新北区 is written 新北区: some two characters of the name are in it
            # a jurisdiction's parent comes from the gazetteer: its sentence names the child
            for end in ((b,) if r.get("type") == "Place" else (a, b)):
                assert any(r[end][i : i + 2] in sentence for i in range(len(r[end]) - 1)), (name, r)


def test_link_tables_filter_by_method_and_confidence(ttl: str) -> None:
    def rows(*params: str) -> list[dict[str, str]]:
        args = [a for p in params for a in ("--param", p)]
        proc = run("--graph", ttl, "projects-targets", *args, "--format", "csv")
        assert proc.returncode == 0, proc.stderr
        return list(csv.DictReader(io.StringIO(proc.stdout)))

    default, weak = rows(), rows("minConfidence=0.3")
    assert default and all(float(r["confidence"]) >= 0.5 for r in default)
    assert len(weak) > len(default) and {r["method"] for r in weak} > {"SameSentence"}
    items = rows("minConfidence=0.3", 'onlyMethod="SameTaskItem"')
    assert items and {r["method"] for r in items} == {"SameTaskItem"}


def test_the_readme_example_gives_its_documented_answer(ttl: str, tmp_path: Path) -> None:
    """The README's example query, run on the published graph, prints the table it shows."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", readme, re.S)
    shown = re.search(r"\$ commitkg query --graph export/graph.ttl example.rq\n(.*?)```", readme, re.S)
    assert query and shown
    rq = tmp_path / "example.rq"
    rq.write_text(query.group(1), encoding="utf-8")
    proc = run("--graph", ttl, str(rq))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == shown.group(1).split()
