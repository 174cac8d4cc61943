"""The HTML explorer, without a browser: offline, complete, escaped, deterministic."""

from __future__ import annotations

import html.parser
import json
import pathlib
import re
from collections import Counter

import pytest
import rdflib
from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.namespace import XSD as _XSD

from graph.views.explorer import NODE_KINDS, write_explorer
from graph.vocab import CK

# Datatypes as plain IRIs: pytest inspects module globals, and XSD warns on unknown names.
INTEGER, DECIMAL, DATE = _XSD.integer, _XSD.decimal, _XSD.date
del _XSD

ID = Namespace("https://w3id.org/commitkg/id/report/xinbei-2024/")

IMG_PAYLOAD = "<img src=x onerror=window.__pwned=1>"
SCRIPT_PAYLOAD = "</script><script>window.__pwned=2</script>"

GDP_SENTENCE = "——预计地区生产总值增长8.5%左右；"
GDP_TARGET_SENTENCE = "地区生产总值增长6%以上，一般公共预算收入增长5%左右。"


def _mention(
    g: rdflib.Graph, name: str, quote: str, sentence: str, start: int, section: rdflib.URIRef
) -> rdflib.URIRef:
    mention = ID[f"mention/{name}"]
    g.add((mention, RDF.type, CK.Mention))
    g.add((mention, CK.inReport, ID.report))
    g.add((mention, CK.quote, Literal(quote)))
    g.add((mention, CK.sentence, Literal(sentence)))
    offset = sentence.find(quote)
    g.add((mention, CK.start, Literal(start + max(offset, 0), datatype=INTEGER)))
    g.add((mention, CK.end, Literal(start + max(offset, 0) + len(quote), datatype=INTEGER)))
    g.add((mention, CK.inSection, section))
    return mention


def _label(g: rdflib.Graph, node: rdflib.URIRef, kind: rdflib.URIRef, zh: str) -> None:
    g.add((node, RDF.type, kind))
    g.add((node, RDFS.label, Literal(zh, lang="zh")))


def _quantity(
    g: rdflib.Graph, node: rdflib.URIRef, kind: str, indicator: rdflib.URIRef, year: int,
    value: str, comparator: str, strength: str, mention: rdflib.URIRef,
    section: rdflib.URIRef,
) -> None:
    g.add((node, RDF.type, CK[kind]))
    g.add((node, CK.measuredBy, indicator))
    g.add((node, CK.year, Literal(year, datatype=INTEGER)))
    g.add((node, CK.value, Literal(value, datatype=DECIMAL)))
    g.add((node, CK.unit, Literal("%")))
    g.add((node, CK.quantityKind, CK.ChangeRate))
    g.add((node, CK.strength, CK[strength]))
    if kind == "Target":
        g.add((node, CK.comparator, CK[comparator]))
    else:
        g.add((node, CK.estimated, Literal(True)))
    g.add((node, CK.evidence, mention))
    g.add((node, CK.statedIn, ID.report))
    g.add((node, CK.inSection, section))


def build_graph(payload: bool = True) -> rdflib.Graph:
    """A small commitkg graph after the Xinbei 2024 plan report.

    A report, two indicators, a 2023 outcome and a 2024 target for each, a
    project supporting the GDP target (plain and qualified), an enterprise
    天合光能 (alias 天合), a place, an agency and a policy. With *payload*, one
    enterprise, one alias, one section and one sentence carry script injections.
    """
    g = rdflib.Graph()
    g.bind("ck", CK)
    report, place = ID.report, ID["place/xinbei"]
    g.add((report, RDF.type, CK.Report))
    title = "常州市新北区2024年国民经济和社会发展计划草案的报告"
    g.add((report, DCTERMS.title, Literal(title, lang="zh")))
    g.add((report, DCTERMS.issued, Literal("2024-01-04", datatype=DATE)))
    g.add((report, CK.jurisdiction, place))
    _label(g, place, CK.Place, "新北区")

    review, plan = ID["section/1"], ID["section/2"]
    for section, name in ((review, "一、2023年国民经济和社会发展计划执行情况"),
                          (plan, "二、2024年经济社会发展的主要目标")):
        g.add((section, RDF.type, CK.Section))
        g.add((section, RDFS.label, Literal(name, lang="zh")))
        g.add((section, DCTERMS.isPartOf, report))

    gdp, revenue = ID["indicator/gdp"], ID["indicator/revenue"]
    _label(g, gdp, CK.Indicator, "地区生产总值")
    g.add((gdp, RDFS.label, Literal("GDP", lang="en")))
    _label(g, revenue, CK.Indicator, "一般公共预算收入")
    g.add((revenue, CK.contributesTo, gdp))

    m_gdp_2023 = _mention(g, "o-gdp", "预计地区生产总值增长8.5%左右", GDP_SENTENCE, 420, review)
    m_rev_2023 = _mention(g, "o-rev", "预计一般公共预算收入增长9%左右",
                          "——预计一般公共预算收入增长9%左右；", 440, review)
    m_gdp_2024 = _mention(g, "t-gdp", "地区生产总值增长6%以上", GDP_TARGET_SENTENCE, 2100, plan)
    m_rev_2024 = _mention(g, "t-rev", "一般公共预算收入增长5%左右", GDP_TARGET_SENTENCE, 2100, plan)
    _quantity(g, ID["outcome/gdp-2023"], "Outcome", gdp, 2023, "8.5", "About", "Expected",
              m_gdp_2023, review)
    _quantity(g, ID["outcome/rev-2023"], "Outcome", revenue, 2023, "9", "About", "Expected",
              m_rev_2023, review)
    _quantity(g, ID["target/gdp-2024"], "Target", gdp, 2024, "6", "AtLeast", "Plain",
              m_gdp_2024, plan)
    _quantity(g, ID["target/rev-2024"], "Target", revenue, 2024, "5", "About", "Aspirational",
              m_rev_2024, plan)

    project, trina, agency = ID["project/pv"], ID["enterprise/trina"], ID["agency/fgw"]
    project_sentence = "加快推进天合光能新一代光伏组件项目建设，由区发改委牵头。"
    m_project = _mention(g, "project", "天合光能新一代光伏组件项目", project_sentence, 3000, plan)
    _label(g, project, CK.Project, "天合光能新一代光伏组件项目")
    g.add((project, CK.evidence, m_project))
    g.add((project, CK.locatedIn, place))
    g.add((project, CK.implementedBy, trina))
    g.add((project, CK.responsibleAgency, agency))
    g.add((project, CK.supports, ID["target/gdp-2024"]))
    qualified = ID["support/pv-gdp"]
    g.add((project, CK.qualifiedSupport, qualified))
    g.add((qualified, RDF.type, CK.QualifiedSupport))
    g.add((qualified, CK.target, ID["target/gdp-2024"]))
    g.add((qualified, CK.method, Literal("section-cooccurrence")))
    g.add((qualified, CK.confidence, Literal("0.6", datatype=DECIMAL)))
    g.add((qualified, CK.evidence, m_project))

    _label(g, trina, CK.Enterprise, "天合光能")
    g.add((trina, SKOS.altLabel, Literal("天合", lang="zh")))
    g.add((trina, CK.evidence, _mention(g, "trina", "天合光能", project_sentence, 3000, plan)))
    g.add((trina, CK.locatedIn, place))
    _label(g, agency, CK.Agency, "区发改委")
    policy = ID["policy/532"]
    _label(g, policy, CK.Policy, "“532”发展战略")
    g.add((policy, CK.supports, ID["target/rev-2024"]))

    if payload:
        evil = ID["enterprise/evil"]
        _label(g, evil, CK.Enterprise, IMG_PAYLOAD)
        g.add((evil, SKOS.altLabel, Literal(SCRIPT_PAYLOAD)))
        g.add((evil, CK.partner, trina))
        evil_section = ID["section/evil"]
        g.add((evil_section, RDF.type, CK.Section))
        g.add((evil_section, RDFS.label, Literal(SCRIPT_PAYLOAD)))
        g.add((evil, CK.evidence, _mention(
            g, "evil", IMG_PAYLOAD, f"共建{IMG_PAYLOAD}与天合光能{SCRIPT_PAYLOAD}&amp;", 5000,
            evil_section)))
    return g


def expected_counts(g: rdflib.Graph) -> Counter[str]:
    """Nodes by type as the explorer must draw them (first matching type wins)."""
    counts: Counter[str] = Counter()
    seen: set[rdflib.term.Node] = set()
    for kind in NODE_KINDS:
        for node in set(g.subjects(RDF.type, CK[kind.key])) - seen:
            seen.add(node)
            counts[kind.key] += 1
    return counts


def embedded_data(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="commitkg-data">(.*?)</script>', page, re.S
    )
    assert match, "the graph data block is missing"
    return json.loads(match.group(1))


class _Attributes(html.parser.HTMLParser):
    """Collects every src/href attribute and the tags used."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.tags: Counter[str] = Counter()
        self.csp = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        values = dict(attrs)
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content") or ""
        for name, value in attrs:
            if name in ("src", "href", "action", "data", "poster") and value is not None:
                self.urls.append((tag, name, value))


@pytest.fixture(scope="module")
def commitkg_graph() -> rdflib.Graph:
    return build_graph()


@pytest.fixture(scope="module")
def page_path(
    commitkg_graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory
) -> pathlib.Path:
    path = tmp_path_factory.mktemp("explorer") / "graph.html"
    write_explorer(commitkg_graph, path, title="新北区 2024 年计划")
    return path


@pytest.fixture(scope="module")
def page(page_path: pathlib.Path) -> str:
    return page_path.read_bytes().decode("utf-8")  # raises if not UTF-8


def test_the_page_is_written_as_utf8_and_nothing_else_is_left(page_path: pathlib.Path, page: str):
    assert page.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in page
    assert "新北区 2024 年计划" in page
    assert [p.name for p in page_path.parent.iterdir()] == ["graph.html"]


def test_nothing_is_fetched_from_a_network(page: str):
    parser = _Attributes()
    parser.feed(page)
    assert parser.urls == [], "the page must not load or link anything"
    assert parser.tags["link"] == 0
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert parser.csp.startswith("default-src 'none'; script-src 'sha256-")
    assert "connect-src 'none'" in parser.csp


def test_vis_network_is_inlined_from_pyvis(page: str):
    import importlib.resources

    vis = importlib.resources.files("pyvis").joinpath("lib/vis-9.1.2/vis-network.min.js")
    assert vis.read_text(encoding="utf-8")[-2000:] in page


def test_every_node_of_every_type_is_embedded(commitkg_graph: rdflib.Graph, page: str):
    data = embedded_data(page)
    embedded = Counter(node["group"] for node in data["nodes"])
    assert embedded == expected_counts(commitkg_graph)
    assert {t["key"]: t["count"] for t in data["types"] if t["count"]} == dict(embedded)
    assert embedded["Enterprise"] == 2 and embedded["Target"] == 2 and embedded["Outcome"] == 2


def test_mentions_sections_and_qualified_supports_are_not_nodes(page: str):
    data = embedded_data(page)
    assert {node["group"] for node in data["nodes"]} <= {k.key for k in NODE_KINDS}
    names = [m["name"] for m in data["meta"]]
    assert "一、2023年国民经济和社会发展计划执行情况" not in names


def test_edges_carry_relation_confidence_and_evidence(page: str):
    data = embedded_data(page)
    names = [m["name"] for m in data["meta"]]
    by_relation = Counter(link["rel"] for link in data["links"])
    assert by_relation["measuredBy"] == 4
    assert by_relation["supports"] == 2
    assert by_relation["statedIn"] == 4
    assert by_relation["precedes"] == 2  # each 2023 outcome precedes its 2024 target
    support = next(
        link for edge, link in zip(data["edges"], data["links"], strict=True)
        if link["rel"] == "supports" and names[edge["from"]] == "天合光能新一代光伏组件项目"
    )
    assert support["confidence"] == 0.6
    assert support["methods"] == ["section-cooccurrence"]
    assert support["evidence"][0]["quote"] == "天合光能新一代光伏组件项目"
    stated = [
        e for e, link in zip(data["edges"], data["links"], strict=True)
        if link["rel"] == "statedIn"
    ]
    assert all(e.get("hidden") for e in stated), "ck:statedIn is off until toggled"
    assert not any(e.get("hidden") for e in data["edges"] if e not in stated)


def test_target_tooltips_and_panels_carry_the_source_sentence(page: str):
    data = embedded_data(page)
    i = next(i for i, m in enumerate(data["meta"]) if m["iri"].endswith("target/gdp-2024"))
    tooltip = data["nodes"][i]["title"]
    assert "地区生产总值" in tooltip and "2024" in tooltip and "6" in tooltip
    assert GDP_TARGET_SENTENCE in tooltip
    assert data["meta"][i]["evidence"][0]["sentence"] == GDP_TARGET_SENTENCE
    assert data["meta"][i]["name"] == "地区生产总值 ≥+6%"
    facts = dict(data["meta"][i]["facts"])
    assert facts["comparator"].startswith("≥") and facts["strength"] == "一般"


def test_targets_view_pairs_each_target_with_last_years_outcome(page: str):
    data = embedded_data(page)
    rows = {group["name"]: group["targets"] for group in data["targetsView"]}
    assert list(rows) == ["地区生产总值", "一般公共预算收入"]
    gdp = rows["地区生产总值"][0]
    assert gdp["year"] == 2024 and gdp["quantity"] == "≥+6%"
    assert gdp["previous"]["year"] == 2023 and gdp["previous"]["quantity"] == "+8.5%"
    assert gdp["previous"]["estimated"] is True


def test_outcomes_are_placed_beside_the_target_they_precede(page: str):
    data = embedded_data(page)
    pos = {
        m["iri"].rsplit("/", 1)[1]: (n["x"], n["y"])
        for m, n in zip(data["meta"], data["nodes"], strict=True)
    }

    def distance(a: str, b: str) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    assert distance("gdp-2023", "gdp-2024") < distance("gdp-2023", "rev-2024")
    assert distance("rev-2023", "rev-2024") < distance("rev-2023", "gdp-2024")


@pytest.mark.parametrize("payload", [IMG_PAYLOAD, SCRIPT_PAYLOAD, "<img", "</script><script>"])
def test_injected_markup_appears_only_escaped(page: str, payload: str):
    assert payload not in page
    data = embedded_data(page)
    found = json.dumps(data, ensure_ascii=False)
    assert payload in found, "the payload is still shown, as text"


def test_the_data_block_cannot_end_its_script_element(page: str):
    start = page.index('id="commitkg-data">')
    block = page[start:page.index("</script>", start)]
    assert "<" not in block.split(">", 1)[1]
    assert "&amp;" not in block and "\\u0026amp;" in block
    assert page.count("</script>") == 3


def test_the_app_builds_the_dom_with_text_only(page: str):
    app = page[page.rindex("<script>"):]
    assert "innerHTML" not in app and "outerHTML" not in app
    assert "insertAdjacentHTML" not in app and "document.write" not in app


def test_same_graph_same_bytes(commitkg_graph: rdflib.Graph, tmp_path: pathlib.Path):
    first, second = tmp_path / "a" / "graph.html", tmp_path / "b" / "graph.html"
    write_explorer(commitkg_graph, first, title="x")
    # the same triples, added in another order, must give the same page
    shuffled = rdflib.Graph()
    for triple in sorted(commitkg_graph, key=lambda t: str(t[::-1])):
        shuffled.add(triple)
    write_explorer(shuffled, second, title="x")
    assert first.read_bytes() == second.read_bytes()


def test_english_interface(commitkg_graph: rdflib.Graph, tmp_path: pathlib.Path):
    path = tmp_path / "graph.html"
    write_explorer(commitkg_graph, path, title="Xinbei", lang="en")
    data = embedded_data(path.read_text(encoding="utf-8"))
    assert data["ui"]["search"].startswith("Search")
    names = {m["iri"].rsplit("/", 1)[1]: m["name"] for m in data["meta"]}
    assert names["gdp"] == "GDP"
    assert [r["label"] for r in data["relations"]][:2] == ["measured by", "supports"]


def test_a_failed_write_leaves_the_old_page_and_no_temporary(
    commitkg_graph: rdflib.Graph, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "graph.html"
    path.write_text("old", encoding="utf-8")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("graph.views.explorer.os.replace", boom)
    with pytest.raises(OSError):
        write_explorer(commitkg_graph, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_an_empty_graph_still_gives_a_page(tmp_path: pathlib.Path):
    path = tmp_path / "graph.html"
    write_explorer(rdflib.Graph(), path)
    data = embedded_data(path.read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["targetsView"] == []


def test_a_target_without_a_number_is_still_drawn(tmp_path: pathlib.Path):
    """实际到账外资稳中有进: a headline target with no value, unit or comparator."""
    g = build_graph(payload=False)
    fdi, target = ID["indicator/fdi"], ID["target/fdi-2024"]
    _label(g, fdi, CK.Indicator, "实际到账外资")
    g.add((target, RDF.type, CK.Target))
    g.add((target, CK.measuredBy, fdi))
    g.add((target, CK.year, Literal(2024, datatype=INTEGER)))
    path = tmp_path / "graph.html"
    write_explorer(g, path)
    data = embedded_data(path.read_text(encoding="utf-8"))
    i = next(i for i, m in enumerate(data["meta"]) if m["iri"] == str(target))
    assert data["meta"][i]["name"] == "实际到账外资 （定性）"
    assert data["nodes"][i]["label"] == "实际到账外资\n（定性） · 2024"
    rows = {group["name"]: group["targets"] for group in data["targetsView"]}
    assert rows["实际到账外资"][0]["previous"] is None
