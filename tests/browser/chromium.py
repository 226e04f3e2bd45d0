"""Headless Chromium through selenium and the Debian chromedriver: settings and a small page driver."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("FOUNDERGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FOUNDERGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
         "--disable-quic", "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-dev-shm-usage", "--window-size=1400,900", "--force-device-scale-factor=1"]
#: Runs in every page before its own scripts: records dialogs instead of showing them.
HOOKS = ("window.__alerts = [];"
         "window.alert = window.confirm = window.prompt = function (m) { window.__alerts.push(String(m)); };")
#: How long a page may take to lay out before the test gives up (a hang, not a measured time).
READY_WAIT = 30


def unavailable(reason: str) -> None:
    """Skip, or fail on CI where the browser tests must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; on CI the browser tests must run (.ci/run installs chromium and chromium-driver)")
    pytest.skip(reason)


@dataclass
class Loaded:
    """What a page did while loading: console messages, requests, and a few facts read from it."""

    url: str
    console: list[dict[str, Any]] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)


class Browser:
    """One Chromium for the session; :meth:`load` opens a page offline and waits for the layout to stop."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def load(self, path: Path) -> Loaded:
        from selenium.webdriver.support.ui import WebDriverWait

        self.driver.get_log("browser")
        self.driver.get_log("performance")
        url = path.resolve().as_uri()
        self.driver.get(url)
        WebDriverWait(self.driver, READY_WAIT).until(
            lambda d: d.execute_script("return !!(window.foundergraph && window.foundergraph.ready)"),
            message=f"{path.name} never finished its layout")
        loaded = Loaded(url=url, console=self.driver.get_log("browser"))
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                loaded.requests.append(message["params"]["request"]["url"])
        loaded.resources = self.js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        return loaded

    def screenshot(self, target: Path) -> bytes:
        target.parent.mkdir(parents=True, exist_ok=True)
        png = self.driver.get_screenshot_as_png()
        target.write_bytes(png)
        return png
