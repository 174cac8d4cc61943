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
