"""Visual export: HTML build time for 1k and 5k nodes, and time until the layout settles in headless Chromium.

The graph is a synthetic store (bench/generate.py) whose MultiDiGraph goes through the same calls as
``foundergraph viz``: ``graph.visual.select_view`` (limits raised so that every node is drawn) and
``graph.visual.render_html``. The page is then opened offline in headless Chromium (the helpers of
``tests/browser/chromium.py``) and timed until it sets ``window.foundergraph.ready`` (stabilization
done, physics off).

Usage: python -m bench.bench_visual [--nodes 1000 5000] [--no-browser]
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import synthetic_graph, to_store
from bench.report import record
from graph import visual

TESTS = Path(__file__).resolve().parent.parent / "tests"


def graph_of(nodes: int):
    """A store's MultiDiGraph with about ``nodes`` entities (people:organizations = 10:1, ~2.5 relations each)."""
    people = max(10, round(nodes / 1.1))
    G = to_store(synthetic_graph(people, relations_per_person=2.5)).to_networkx()
    if G.number_of_nodes() < 0.98 * nodes:  # entities in no relation are not in the store: scale up once
        people = round(people * nodes / G.number_of_nodes())
        G = to_store(synthetic_graph(people, relations_per_person=2.5)).to_networkx()
    return G


def chromium(profile: Path):
    """Headless Chromium configured as in tests/browser/conftest.py (offline, no Selenium Manager)."""
    sys.path.insert(0, str(TESTS))
    from browser.chromium import CHROMEDRIVER, CHROMIUM, FLAGS, HOOKS, Browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"
    os.environ["SE_MANAGER_PATH"] = str(profile / "no-selenium-manager")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={profile / 'chromium-profile'}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOKS})
    return Browser(driver)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    rows, notes = [], []
    tmp = Path(tempfile.mkdtemp(prefix="fg-bench-visual-"))
    browser = None
    try:
        if not args.no_browser:
            try:
                browser = chromium(tmp)
            except Exception as exc:  # no chromium/chromedriver/selenium: build times only
                notes.append(f"No headless Chromium ({exc.__class__.__name__}: {str(exc).splitlines()[0]}): "
                             "settle times not measured.")
        for size in args.nodes:
            G = graph_of(size)
            options = visual.ViewOptions(max_nodes=G.number_of_nodes(), max_edges=G.number_of_edges())
            start = time.perf_counter()
            view = visual.select_view(G, options)
            html = visual.render_html(view)
            build = time.perf_counter() - start
            page = tmp / f"graph-{size}.html"
            page.write_text(html, encoding="utf-8")
            settle = ""
            if browser is not None:
                start = time.perf_counter()
                browser.load(page)
                settle = f"{time.perf_counter() - start:.1f}"
            rows.append([f"{view.graph.number_of_nodes():,}", f"{view.graph.number_of_edges():,}", f"{build:.2f}",
                         f"{len(html) / 2**20:.1f}", settle])
    finally:
        if browser is not None:
            browser.driver.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    notes += ["Build: select_view + render_html (what `foundergraph viz` does before writing the file), "
              "every node drawn (limits raised above the default trim of "
              f"{visual.MAX_NODES:,} nodes / {visual.MAX_EDGES:,} relations).",
              "Settle: from navigation to `window.foundergraph.ready` (bounded stabilization done, physics off), "
              "headless Chromium, offline.",
              "Targets: ≤ 1 s to build 5k nodes; ≤ 15 s to settle."]
    record("Visual export", ["nodes", "edges", "build s", "HTML MiB", "settle in Chromium s"], rows, notes=notes)


if __name__ == "__main__":
    main()
