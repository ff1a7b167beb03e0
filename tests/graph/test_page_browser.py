"""The query page in a real browser: Debian's headless Chromium driven by Selenium (no browser download).

The fixture installs Chromium and ChromeDriver with ``scripts/chromium.sh`` (apt-get) and
bundles YASGUI with ``scripts/fetch_yasgui.sh`` (npm) when they are missing. The test runs
example queries, checks the table, the map (points over country outlines), the timeline and
the network, fails on any request to a non-loopback address, and saves screenshots
(in ``$CKG_SCREENSHOTS`` if set, else the test's temporary folder).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conflict_kg.extract import Action, Event, Mention, Place, Time
from conflict_kg.graph import open_store
from conflict_kg.graph._page import OUTLINES_FILE, YASGUI_DIR, example_queries

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
#: The flags that keep Chromium quiet on a closed network (no background or update requests).
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1100",
]
PLACES = [
    Place("Idlib", "Idlib", 169389, 35.93, 36.63, "SYR"),
    Place("Aleppo", "Aleppo", 170063, 36.2, 37.16, "SYR"),
    Place("Mosul", "Mosul", 99072, 36.34, 43.13, "IRQ"),
    Place("Taiz", "Taiz", 70225, 13.58, 44.02, "YEM"),
    Place("Sirte", "Sirte", 2210247, 31.21, 16.59, "LBY"),
]
ACTORS = ["Syrian army", "Russian aircraft", "Islamic State", "Houthi fighters", "Coalition aircraft"]
TARGETS = ["hospital", "market", "Syrian army", "Islamic State", "school"]


def _events() -> Iterator[Event]:
    for i in range(40):
        date = dt.date(2019, 1 + i % 7 + i % 3, 1 + i % 27)  # January to September, uneven
        yield Event(
            f"doc{i:02d}",
            0,
            Action("struck", "strike", "ASSAULT", "19"),
            Mention(ACTORS[i % 5], ACTORS[i % 5]),
            Mention(TARGETS[(i * 3) % 5]),
            PLACES[(i * 7) % 5],
            Time(None, date),
        )


@pytest.fixture(scope="module")
def page_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("page") / "kg")
    with open_store(path) as store:
        store.add_events(list(_events()))
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium under Selenium, its network log on."""
    for script, needed in (("chromium.sh", Path(CHROMEDRIVER)), ("fetch_yasgui.sh", YASGUI_DIR / "yasgui.min.js")):
        if not needed.exists():
            subprocess.run(["sh", str(ROOT / "scripts" / script)], check=True)
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def requested_urls(driver: Any) -> list[str]:
    """Every URL the page asked for since the last call (from Chromium's network log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def wait_for(driver: Any, css: str, count: int = 1, timeout: float = 60) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def found(d: Any) -> list[Any] | bool:
        elements = d.find_elements(By.CSS_SELECTOR, css)
        return elements if len(elements) >= count else False

    return list(WebDriverWait(driver, timeout).until(found))


def run_example(driver: Any, title: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "examples")).select_by_visible_text(title)
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()


def show_view(driver: Any, name: str) -> None:
    from selenium.webdriver.common.by import By

    wait_for(driver, f".yasr_btn.select_{name}:not(.disabled)")
    driver.find_element(By.CSS_SELECTOR, f".yasr_btn.select_{name}").click()


def test_query_page(page_store: str, browser: Any, tmp_path: Path, serve_store: Any) -> None:
    from selenium.webdriver.common.by import By

    shots = Path(os.environ.get("CKG_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    server = serve_store(page_store)
    browser.get(server.url + "/")
    wait_for(browser, "#examples option", count=len(example_queries()) + 1)
    first_line = example_queries()[0][1].splitlines()[0]  # the editor opens with the first example
    assert first_line in browser.execute_script("return window.conflictKgYasgui.getTab().getQuery()")

    # who did what to whom, where and when: the table
    run_example(browser, "Who did what to whom, where and when")
    rows = wait_for(browser, ".yasr table.dataTable tbody tr", count=10)
    table_text = " ".join(r.text for r in rows)
    assert "Russian aircraft" in table_text and "strike" in table_text and "Idlib" in table_text
    browser.save_screenshot(str(shots / "1-table.png"))

    # ... on the map: one point per place, over the country outlines
    show_view(browser, "map")
    points = wait_for(browser, "svg[aria-label='map of places'] circle.point", count=len(PLACES))
    assert len(points) == len(PLACES)
    assert OUTLINES_FILE.is_file()
    lands = wait_for(browser, "svg[aria-label='map of places'] path.land", count=100)
    assert len(lands) > 150  # Natural Earth's 1:110m countries
    browser.save_screenshot(str(shots / "2-map.png"))

    # ... on the timeline: one bar per month, January to September 2019, as high as its events
    show_view(browser, "timeline")
    bars = wait_for(browser, "svg[aria-label='timeline'] rect.bar", count=9)
    assert len(bars) == 9
    heights = [float(b.get_attribute("height")) for b in bars]
    per_month = [sum(1 for e in _events() if e.time and e.time.date and e.time.date.month == m) for m in range(1, 10)]
    assert [round(h / max(heights) * max(per_month), 6) for h in heights] == per_month
    assert "2019-01 to 2019-09" in browser.find_element(By.CSS_SELECTOR, ".ckg-timeline .ckg-caption").text
    browser.save_screenshot(str(shots / "3-timeline.png"))

    # who acted on whom: the network
    run_example(browser, "Who acted on whom: the network of actors and targets")
    wait_for(browser, ".yasr table.dataTable tbody tr", count=5)
    show_view(browser, "network")
    nodes = wait_for(browser, "svg[aria-label='network of actors and targets'] circle", count=5)
    names = {n.text for n in browser.find_elements(By.CSS_SELECTOR, ".ckg-network text")}
    assert {"Syrian army", "Islamic State", "hospital"} <= names
    assert len(nodes) == len(names)
    browser.save_screenshot(str(shots / "4-network.png"))

    # nothing left this machine
    urls = requested_urls(browser)
    assert any(u.endswith("/sparql") for u in urls)
    outside = [
        u
        for u in urls
        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
        and urlsplit(u).hostname not in ("127.0.0.1", "localhost", "::1")
    ]
    assert outside == []
