"""The graph page in a real headless Chromium, offline: it loads cleanly, draws every node and edge,
stops moving, shows evidence in tooltips, and runs none of the article text it displays.

``FOUNDERGRAPH_UPDATE_SCREENSHOTS=1 pytest tests/browser`` also writes the seeds graph to
``tests/browser/screenshots/seeds-graph.png`` (the picture in the README).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

from browser.samples import IMG_NAME, SCRIPT_ORG, SENTENCE, chain_store, hostile_store, star_store
from browser.chromium import Browser, Loaded
from foundergraph.cli import cli
from graph.visual import View, ViewOptions, select_view, write_html

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
PNG = b"\x89PNG\r\n\x1a\n"

#: Each sample page: a store builder and the view drawn from it.
PAGES: dict[str, tuple[Callable[[Path], Any], ViewOptions]] = {
    "hostile": (hostile_store, ViewOptions()),
    "hostile-path": (hostile_store, ViewOptions(path=("Léa \u2028Dubois", SCRIPT_ORG), title="<b>path</b>")),
    "hostile-around": (hostile_store, ViewOptions(around=IMG_NAME, hops=1)),
    "chain-path": (lambda d: chain_store(d, length=6, extra=2), ViewOptions(path=("Person 0", "Person 5"))),
    "star-trimmed": (lambda d: star_store(d, hubs=4, leaves=15), ViewOptions(max_nodes=30)),
}


@pytest.fixture
def page(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, View]:
    """The page named by the test's ``name`` parameter, written to a temporary folder."""
    build, options = PAGES[request.param]
    view = select_view(build(tmp_path / "store").to_networkx(), options)
    return write_html(view, tmp_path / f"{request.param}.html"), view


@pytest.fixture(scope="session")
def seeds_page(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds graph as a user makes it: ``foundergraph ingest seeds/`` then ``foundergraph viz``."""
    folder = tmp_path_factory.mktemp("seeds")
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:  # from the checkout, so the page shows paths as seeds/...
        patch.chdir(seeds_dir.parent)
        ingest = runner.invoke(cli, ["ingest", seeds_dir.name, "--store", str(folder / "store"), "-q"])
    assert ingest.exit_code == 0, ingest.output
    out = folder / "seeds-graph.html"
    viz = runner.invoke(cli, ["viz", "--store", str(folder / "store"), "-o", str(out), "--title", "foundergraph · seeds"])
    assert viz.exit_code == 0, viz.output
    return out


def assert_loaded_cleanly(loaded: Loaded) -> None:
    """No console message of level warning or worse, no request but the file itself."""
    assert [m for m in loaded.console if m["level"] in ("SEVERE", "WARNING")] == []
    fetched = [u for u in loaded.requests if not u.startswith(("chrome:", "chrome-", "devtools:", "data:", "about:"))]
    assert fetched == [loaded.url]
    assert [u for u in loaded.resources if not u.startswith("data:")] == []


def drawn(browser: Browser, painted: int = 0, wait: float = 10.0) -> dict[str, Any]:
    """What vis-network holds and shows, read from the live instance.

    The canvas repaints on the next animation frame after the layout settles: with ``painted``, poll
    until at least that many sampled pixels are drawn (or ``wait`` seconds pass).
    """
    deadline = time.monotonic() + wait
    state = _read_drawn(browser)
    while state["painted"] < painted and time.monotonic() < deadline:
        time.sleep(0.1)
        state = _read_drawn(browser)
    return state


def _read_drawn(browser: Browser) -> dict[str, Any]:
    return browser.js("""
        var fg = window.foundergraph, n = fg.network;
        var positions = n.getPositions();
        var canvas = document.querySelector('#fg-graph canvas');
        var pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var painted = 0;
        for (var i = 3; i < pixels.length; i += 4 * 7) { if (pixels[i] > 0) { painted++; } }
        return {nodes: n.body.data.nodes.length, edges: n.body.data.edges.length,
                bodyNodes: n.body.nodeIndices.length, bodyEdges: n.body.edgeIndices.length,
                positioned: Object.keys(positions).filter(function (k) {
                    return isFinite(positions[k].x) && isFinite(positions[k].y); }).length,
                physics: n.physics.options.enabled, painted: painted,
                pwned: typeof window.__pwned, alerts: window.__alerts};
    """)


def hover(browser: Browser, x: float, y: float) -> str:
    """Move the mouse to canvas point (x, y); the text of the tooltip that shows there (a new one)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    before = browser.js("var t = document.querySelector('div.vis-tooltip'); return t ? t.textContent : '';")
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "#fg-graph canvas")
    dom = browser.js("return window.foundergraph.network.canvasToDOM({x: arguments[0], y: arguments[1]});", x, y)
    size = canvas.size
    ActionChains(browser.driver).move_to_element_with_offset(
        canvas, int(dom["x"] - size["width"] / 2), int(dom["y"] - size["height"] / 2)).perform()
    WebDriverWait(browser.driver, 10).until(lambda d: d.execute_script(
        "var t = document.querySelector('div.vis-tooltip');"
        "return !!t && t.style.visibility === 'visible' && t.textContent.length > 0 && t.textContent !== arguments[0];",
        before), message="no tooltip")
    return browser.js("return document.querySelector('div.vis-tooltip').textContent;")


def node_point(browser: Browser, node_id: str) -> tuple[float, float]:
    pos = browser.js("return window.foundergraph.network.getPosition(arguments[0]);", node_id)
    return pos["x"], pos["y"]


def edge_point(browser: Browser, edge: dict[str, Any]) -> tuple[float, float]:
    """A point on a straight edge, a little before its middle (clear of both nodes' shapes and of its label)."""
    (x1, y1), (x2, y2) = node_point(browser, edge["from"]), node_point(browser, edge["to"])
    return x1 + (x2 - x1) * 0.45, y1 + (y2 - y1) * 0.45


def tooltip_markup(browser: Browser) -> list[str]:
    """Tags inside the tooltip that article text could have produced."""
    return browser.js("return Array.from(document.querySelectorAll("
                      "'div.vis-tooltip img, div.vis-tooltip script, div.vis-tooltip svg, div.vis-tooltip a, "
                      "div.vis-tooltip b, div.vis-tooltip iframe')).map(function (e) { return e.tagName; });")


@pytest.mark.parametrize("page", sorted(PAGES), indirect=True)
def test_browser_graph_loads_offline_and_draws_everything(browser: Browser, page: tuple[Path, View],
                                                          tmp_path: Path) -> None:
    path, view = page
    loaded = browser.load(path)
    assert_loaded_cleanly(loaded)
    state = drawn(browser, painted=101)
    nodes, edges = view.graph.number_of_nodes(), view.graph.number_of_edges()
    assert (state["nodes"], state["edges"]) == (nodes, edges)
    assert (state["bodyNodes"], state["bodyEdges"], state["positioned"]) == (nodes, edges, nodes)
    assert state["physics"] is False and state["painted"] > 100
    assert browser.js("return document.body.getAttribute('data-ready');") == "true"
    assert browser.screenshot(tmp_path / f"{path.stem}.png").startswith(PNG)


@pytest.mark.parametrize("page", ["hostile", "hostile-path", "hostile-around"], indirect=True)
def test_browser_injection_runs_nothing(browser: Browser, page: tuple[Path, View]) -> None:
    browser.load(page[0])
    state = drawn(browser)
    assert (state["pwned"], state["alerts"]) == ("undefined", [])
    found = browser.js("""
        var bad = document.querySelectorAll('img, svg, iframe, object, embed, a, b, form, base');
        var handlers = Array.from(document.querySelectorAll('*')).filter(function (e) {
            return Array.from(e.attributes).some(function (a) { return a.name.indexOf('on') === 0; }); });
        return {bad: bad.length, handlers: handlers.length, scripts: document.scripts.length,
                title: document.title};
    """)
    assert found["bad"] == found["handlers"] == 0 and found["scripts"] == 3
    assert "<" not in found["title"] or found["title"] == "<b>path</b>"  # the title is shown as text


@pytest.mark.parametrize("page", ["hostile"], indirect=True)
def test_browser_node_tooltip_shows_names_as_text(browser: Browser, page: tuple[Path, View]) -> None:
    browser.load(page[0])
    key = next(n for n, d in page[1].graph.nodes(data=True) if d["name"] == IMG_NAME)
    text = hover(browser, *node_point(browser, key))
    assert IMG_NAME in text and "\"><svg onload=window.__pwned='alias'>" in text
    assert tooltip_markup(browser) == []
    assert drawn(browser)["pwned"] == "undefined"


@pytest.mark.parametrize("page", ["hostile"], indirect=True)
def test_browser_edge_tooltip_shows_evidence_as_text(browser: Browser, page: tuple[Path, View]) -> None:
    browser.load(page[0])
    edges = browser.js("return window.foundergraph.data.edges.map(function (e) {"
                       "return {from: e.from, to: e.to, kind: e.kind}; });")
    founded = next(e for e in edges if e["kind"] == "FOUNDED")
    text = hover(browser, *edge_point(browser, founded))
    assert SENTENCE.replace("\u2028", "") in text.replace("\u2028", "")
    assert '<script>window.__pwned="script"</script> "Titre" 🚀' in text  # the article's title, as text
    assert tooltip_markup(browser) == []
    assert drawn(browser)["pwned"] == "undefined"


@pytest.mark.parametrize("page", ["chain-path"], indirect=True)
def test_browser_path_panel_lists_the_hops(browser: Browser, page: tuple[Path, View]) -> None:
    browser.load(page[0])
    panel = browser.js("var p = document.getElementById('fg-path');"
                       "return {hidden: p.hidden, hops: p.querySelectorAll('li').length, text: p.textContent};")
    assert panel["hidden"] is False and panel["hops"] == len(page[1].path_edges) == 5
    assert "Person 0 → Person 5" in panel["text"]


@pytest.mark.parametrize("page", ["star-trimmed"], indirect=True)
def test_browser_trim_notice_is_shown(browser: Browser, page: tuple[Path, View]) -> None:
    browser.load(page[0])
    notice = browser.js("var n = document.querySelector('.fg-trimmed'); return n && n.getBoundingClientRect().height > 0"
                        " ? n.textContent : null;")
    assert notice == page[1].notices[0] and "most connected part, 30 nodes" in notice


@pytest.mark.parametrize("legend", [["Person", "Organization"]])
def test_browser_seeds_graph_offline_with_evidence(browser: Browser, seeds_page: Path, tmp_path: Path,
                                                   legend: list[str]) -> None:
    loaded = browser.load(seeds_page)
    assert_loaded_cleanly(loaded)
    data = browser.js("var d = window.foundergraph.data; return {nodes: d.nodes.length, edges: d.edges.map("
                      "function (e) { return {from: e.from, to: e.to, straight: !e.smooth.enabled}; })};")
    state = drawn(browser)
    assert (state["nodes"], state["edges"]) == (data["nodes"], len(data["edges"])) and state["physics"] is False
    assert all(text in browser.js("return document.getElementById('fg-legend').textContent;") for text in legend)
    # The extractor improves independently: whatever the seeds yield, the biggest node's tooltip names
    # its articles, and every relation's tooltip shows its evidence sentence and source article.
    biggest = browser.js("return window.foundergraph.data.nodes.slice().sort(function (a, b) {"
                         "return b.size - a.size; })[0].id;")
    assert "seeds/" in hover(browser, *node_point(browser, biggest))
    straight = [e for e in data["edges"] if e["straight"]]
    if straight:
        text = hover(browser, *edge_point(browser, straight[len(straight) // 2]))
        assert "Evidence" in text and "seeds/" in text
    png = browser.screenshot(tmp_path / "seeds-graph.png")  # with the last tooltip open
    assert png.startswith(PNG)
    if os.environ.get("FOUNDERGRAPH_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        shutil.copyfile(tmp_path / "seeds-graph.png", SCREENSHOTS / "seeds-graph.png")


@pytest.mark.parametrize("page", ["hostile"], indirect=True)
def test_browser_policy_refuses_foreign_scripts_and_requests(browser: Browser, page: tuple[Path, View]) -> None:
    """Defense in depth: even markup that slipped in could neither run nor fetch anything."""
    browser.load(page[0])
    outcome = browser.driver.execute_async_script("""
        var done = arguments[arguments.length - 1], violations = [];
        document.addEventListener('securitypolicyviolation', function (e) { violations.push(e.effectiveDirective); });
        var s = document.createElement('script');
        s.textContent = 'window.__pwned = "foreign"';
        document.body.appendChild(s);
        var img = document.createElement('img');
        img.setAttribute('onerror', 'window.__pwned = "handler"');
        img.addEventListener('error', function () {  // the refused fetch ends in an error event
            setTimeout(function () { done({pwned: typeof window.__pwned, violations: violations}); }, 0);
        });
        img.src = 'https://evil.example/x.png';
        document.body.appendChild(img);
    """)
    assert outcome["pwned"] == "undefined"
    assert {"script-src-elem", "img-src"} <= set(outcome["violations"])
