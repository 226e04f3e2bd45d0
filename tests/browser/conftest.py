"""A real headless Chromium, driven by selenium through the Debian chromedriver, with the network off.

The browser tests skip when Chromium, chromedriver or selenium is missing — except on CI
(``CI=true``), where they fail: ``.ci/run`` installs the Debian packages ``chromium`` and
``chromium-driver``, and selenium comes with the ``test`` extra.

Selenium never looks for or downloads a driver: the Service gets /usr/bin/chromedriver explicitly,
``SE_OFFLINE`` is set and ``SE_MANAGER_PATH`` points nowhere, so any attempt to run Selenium Manager
fails loudly.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from browser.chromium import CHROMEDRIVER, CHROMIUM, FLAGS, HOOKS, Browser, unavailable


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[test]')")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (Path(path).is_file() and os.access(path, os.X_OK)) and not shutil.which(path):
            unavailable(f"{path} not found (apt-get install {package})")

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")
        env.setenv("SE_MANAGER_PATH", str(tmp_path_factory.mktemp("no-selenium-manager") / "none"))
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        options.set_capability("unhandledPromptBehavior", "ignore")
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOKS})
        yield Browser(driver)
    finally:
        driver.quit()
