"""The HTML explorer in headless Chromium: offline, drawn, searchable, safe.

Needs Debian's chromium at /usr/bin/chromium (``apt-get install -y chromium``);
Playwright drives it, no browser is downloaded. Without it these tests are
skipped, except on CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
import pathlib
from collections.abc import Iterator
from typing import Any

import pytest
import rdflib
from test_explorer import (
    GDP_TARGET_SENTENCE,
    IMG_PAYLOAD,
    SCRIPT_PAYLOAD,
    build_graph,
    expected_counts,
)

from graph.views.explorer import write_explorer

pytestmark = pytest.mark.browser

CHROMIUM = pathlib.Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def commitkg_graph() -> rdflib.Graph:
    return build_graph(payload=True)


@pytest.fixture(scope="module")
def page_url(commitkg_graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("explorer") / "graph.html"
    write_explorer(commitkg_graph, path, title="新北区 2024 年计划")
    return path.as_uri()


class Visit:
    """One page load with the network cut off, and everything that happened on it."""

    def __init__(self, browser: Any, url: str) -> None:
        self.network_requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1440, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)
        self.page.goto(url)
        # vis-network's first 'afterDrawing' event sets the flag
        self.page.wait_for_function("window.commitkgFirstFrame !== undefined", timeout=20_000)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.network_requests.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def stats(self) -> dict[str, Any]:
        return self.page.evaluate("window.commitkgExplorer.stats()")

    def node_id(self, iri_end: str) -> int:
        return self.page.evaluate(
            "(end) => window.commitkgExplorer.data.meta.findIndex(m => m.iri.endsWith(end))",
            iri_end,
        )

    def node_point(self, node: int) -> tuple[float, float]:
        """Where node *node* is on the screen."""
        return tuple(self.page.evaluate(
            """(id) => {
                const net = window.commitkgExplorer.network;
                const p = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.getElementById('network').getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            node,
        ))

    def settle(self) -> None:
        """Wait for two animation frames: the next drawing after a change."""
        self.page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )


@pytest.fixture
def visit(browser: Any, page_url: str) -> Iterator[Visit]:
    v = Visit(browser, page_url)
    yield v
    assert v.network_requests == [], "the explorer tried to reach the network"
    assert v.errors == [], "the page logged errors (a CSP violation shows up here)"
    v.page.close()


def test_every_node_is_drawn_without_touching_the_network(
    visit: Visit, commitkg_graph: rdflib.Graph, tmp_path: pathlib.Path
):
    stats = visit.stats()
    total = sum(expected_counts(commitkg_graph).values())
    assert stats["totalNodes"] == total
    assert stats["drawnNodes"] == total
    assert stats["visibleEdges"] > 0
    assert visit.network_requests == []
    visit.page.screenshot(path=str(tmp_path / "explorer.png"))


def test_search_by_alias_finds_and_focuses_the_enterprise(visit: Visit, tmp_path: pathlib.Path):
    page = visit.page
    page.fill("#search", "天合")
    hits = page.locator("#search-results li .name").all_text_contents()
    assert hits[0] == "天合光能", "the alias 天合 ranks the enterprise first"
    page.keyboard.press("Enter")
    trina = visit.node_id("enterprise/trina")
    assert page.evaluate("window.commitkgExplorer.selected()") == trina
    assert page.evaluate("window.commitkgExplorer.network.getSelectedNodes()") == [trina]
    assert page.locator("#panel-title").text_content() == "天合光能"
    assert "天合" in page.locator("#panel-body .aliases").text_content()
    page.wait_for_timeout(600)  # the camera glides to the neighbourhood
    assert page.evaluate("window.commitkgExplorer.network.getScale()") > 0.9
    page.screenshot(path=str(tmp_path / "search.png"))


def test_a_type_filter_hides_that_type(
    visit: Visit, commitkg_graph: rdflib.Graph, tmp_path: pathlib.Path
):
    counts = expected_counts(commitkg_graph)
    before = visit.stats()
    visit.page.uncheck("#type-filters input[data-key=Enterprise]")
    visit.settle()
    after = visit.stats()
    assert after["visibleNodes"] == before["visibleNodes"] - counts["Enterprise"]
    assert after["drawnNodes"] == after["visibleNodes"]
    hidden = visit.page.evaluate(
        """() => { const b = window.commitkgExplorer.network.body;
                   return b.nodeIndices.map(id => window.commitkgExplorer.data.meta[id].type); }"""
    )
    assert "Enterprise" not in hidden
    visit.page.screenshot(path=str(tmp_path / "no-enterprises.png"))
    visit.page.check("#type-filters input[data-key=Enterprise]")
    visit.settle()
    assert visit.stats()["visibleNodes"] == before["visibleNodes"]


def test_a_method_filter_hides_the_links_found_that_way(visit: Visit):
    supports = """() => { const x = window.commitkgExplorer;
        return x.network.body.edgeIndices.filter(id => x.data.links[id].rel === "supports")
                .map(id => x.data.links[id].methods.join()); }"""
    assert sorted(visit.page.evaluate(supports)) == ["", "section-cooccurrence"]
    assert visit.page.locator("#method-filters input").count() == 1
    visit.page.uncheck("#method-filters input[data-key=section-cooccurrence]")
    visit.settle()
    assert visit.page.evaluate(supports) == [""], "a link without a method stays"
    visit.page.click("#btn-reset")
    visit.settle()
    assert len(visit.page.evaluate(supports)) == 2


def test_the_year_filter_keeps_the_targets_and_their_indicators(visit: Visit):
    visit.page.select_option("#year-filter", "2024")
    visit.settle()
    shown = visit.page.evaluate(
        """() => { const b = window.commitkgExplorer.network.body;
                   return b.nodeIndices.map(id => window.commitkgExplorer.data.meta[id].type); }"""
    )
    assert shown.count("Target") == 2 and "Outcome" not in shown
    assert shown.count("Indicator") == 2, "an indicator has no year: shown beside its targets"


def test_clicking_a_target_opens_its_evidence(visit: Visit, tmp_path: pathlib.Path):
    target = visit.node_id("target/gdp-2024")
    x, y = visit.node_point(target)
    visit.page.mouse.click(x, y)
    panel = visit.page.locator("#panel")
    assert panel.is_visible()
    assert visit.page.evaluate("window.commitkgExplorer.selected()") == target
    assert GDP_TARGET_SENTENCE in panel.text_content()
    mark = visit.page.locator("#panel-body .evidence mark").first
    assert mark.text_content() == "地区生产总值增长6%以上"
    assert "2024" in panel.text_content() and "字符位置" in panel.text_content()
    visit.page.screenshot(path=str(tmp_path / "panel.png"))


def test_targets_view_shows_last_years_outcome(visit: Visit, tmp_path: pathlib.Path):
    visit.page.click("#btn-targets")
    rows = visit.page.locator("#targets-table tbody tr.row:not(.group)")
    assert rows.count() == 2
    first = rows.first.locator("td").all_text_contents()
    assert first[1:5] == ["2024", "≥+6%", "一般", "+8.5% (2023 预计)"]
    visit.page.screenshot(path=str(tmp_path / "targets.png"))
    rows.first.click()
    assert visit.page.locator("#targets-view").is_hidden()
    assert visit.page.evaluate("window.commitkgExplorer.selected()") == visit.node_id(
        "target/gdp-2024")


def test_targets_view_follows_the_filters(visit: Visit):
    page = visit.page
    page.click("#btn-targets")
    rows = page.locator("#targets-table tbody tr.row:not(.group):visible")
    assert rows.count() == 2
    page.select_option("#year-filter", "2023")  # the targets are of 2024
    visit.settle()
    assert rows.count() == 0
    assert page.locator("#targets-table tbody td.empty:visible").text_content() == "筛选条件下没有目标。"
    page.select_option("#year-filter", "2024")
    visit.settle()
    assert rows.count() == 2
    page.uncheck("#type-filters input[data-key=Target]")
    visit.settle()
    assert rows.count() == 0
    page.click("#btn-reset")
    visit.settle()
    assert rows.count() == 2
    assert page.locator("#targets-table tbody td.empty:visible").count() == 0


def test_injected_labels_run_nothing(visit: Visit, tmp_path: pathlib.Path):
    page = visit.page
    evil = visit.node_id("enterprise/evil")
    # hover (tooltip), search (result list), click (panel), targets view (table)
    x, y = visit.node_point(evil)
    page.mouse.move(x, y)
    page.wait_for_timeout(400)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.text_content().startswith("企业 · " + IMG_PAYLOAD)
    # innerText turns line breaks into <br>; anything else would be markup from the data
    assert tooltip.locator("*:not(br)").count() == 0, "the tooltip is text, not markup"
    page.screenshot(path=str(tmp_path / "tooltip.png"))
    page.fill("#search", "<img")
    assert IMG_PAYLOAD in page.locator("#search-results").text_content()
    page.keyboard.press("Enter")
    assert page.locator("#panel-title").text_content() == IMG_PAYLOAD
    body = page.locator("#panel-body").text_content()
    assert SCRIPT_PAYLOAD in body and "&amp;" in body
    page.select_option("#section-filter", label=SCRIPT_PAYLOAD[:29] + "…")
    page.click("#btn-targets")
    page.wait_for_timeout(200)
    page.screenshot(path=str(tmp_path / "payload.png"))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert visit.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3


def test_link_confidence_filter_hides_weak_qualified_links(visit: Visit):
    def shown_supports() -> list[float | None]:
        return visit.page.evaluate(
            """() => { const x = window.commitkgExplorer, b = x.network.body;
                       return b.edgeIndices.map(id => x.data.links[id])
                                .filter(l => l.rel === 'supports').map(l => l.confidence); }"""
        )

    assert sorted(shown_supports(), key=str) == [0.6, None]
    visit.page.locator("#conf-filter").fill("0.7")
    visit.settle()
    # 0.6 < 0.7 hides the project's link; the policy's link has no score and stays
    assert shown_supports() == [None]


def test_physics_can_be_switched_on_and_off(visit: Visit):
    physics = "window.commitkgExplorer.network.physics.physicsEnabled"
    assert visit.page.evaluate(physics) is False, "positions are precomputed: physics starts off"
    visit.page.locator("label.switch").click()
    assert visit.page.evaluate(physics) is True
    visit.page.wait_for_timeout(300)
    visit.page.locator("label.switch").click()
    assert visit.page.evaluate(physics) is False
