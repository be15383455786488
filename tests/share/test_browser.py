"""The shared site in a real browser: Debian's Chromium driven by chromedriver (selenium).

At a phone's and a laptop's viewport: type a query key by key, follow the first result, switch
to Spanish, download the fact sheet (painted by Qt on this thread, as in the window). Nothing is
downloaded from the network: the browser and its driver are the system's packages
(`chromium chromium-driver`, installed by ./dev); without them the test is skipped and says so.
Screenshots go to the test's folder, and to $SSEREF_SHARE_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sseref.core.db import Database
from sseref.search.engine import SearchEngine
from sseref.share.guard import Guard
from sseref.share.server import ShareServer
from sseref.share.service import engine_searcher
from sseref.share.site import create_app

pytestmark = pytest.mark.enable_socket

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 768)}
QUERY = "coop"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def chromedriver(loopback_only: None, tmp_path: Path) -> Iterator[str]:
    """chromedriver on a loopback port of our choosing (selenium would say "localhost")."""
    if not CHROMIUM or not CHROMEDRIVER:
        pytest.skip(
            "Chromium or chromedriver is not installed: run ./dev setup as root, or "
            "apt-get install chromium chromium-driver (the browser test needs the system's)"
        )
    port = _free_port()
    log = tmp_path / "chromedriver.log"
    process = subprocess.Popen(
        [CHROMEDRIVER, f"--port={port}", "--allowed-ips=127.0.0.1", f"--log-path={log}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(400):  # until it listens (a few tenths of a second)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"chromedriver stopped: {log.read_text(errors='replace')}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _browser(driver_url: str, viewport: str, downloads: Path, profile: Path) -> Any:
    from selenium import webdriver

    width, height = VIEWPORTS[viewport]
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        # Containers and chroots often have no (or a tiny) /dev/shm: Chromium's renderer then
        # dies at start ("unable to connect to renderer"). Its temporary files go to /tmp.
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--lang=en-US",
        f"--window-size={width},{height}",
    ):
        options.add_argument(arg)
    if viewport == "phone":
        options.add_experimental_option(
            "mobileEmulation",
            {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0},
                "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile",
            },
        )
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "intl.accept_languages": "en-US,en",
        },
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.common.exceptions import SessionNotCreatedException

    try:
        return webdriver.Remote(command_executor=driver_url, options=options)
    except SessionNotCreatedException as exc:
        # Chromium is installed but cannot run here at all (seen in a bare chroot: its
        # renderer never starts). That is the machine, not the site: skip, saying why.
        pytest.skip(f"Chromium is installed but cannot start a browser here: {exc.msg}")


@pytest.fixture
def shared_site(
    qtbot: Any, fixture_db: Database, share_engine: SearchEngine
) -> Iterator[ShareServer]:
    """The site with the real fact-sheet renderer (Qt, on this thread) on 127.0.0.1."""
    from sseref.gui.share_pdf import MainThreadPdf

    pdf = MainThreadPdf(fixture_db)
    guard = Guard()
    app = create_app(fixture_db, engine_searcher(share_engine), guard, pdf)
    server = ShareServer(app, guard, "127.0.0.1", 0)
    server.start()
    yield server
    server.stop()
    pdf.close()


def _shot(driver: Any, folder: Path, name: str) -> None:
    driver.save_screenshot(str(folder / f"{name}.png"))
    extra = os.environ.get("SSEREF_SHARE_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(extra) / f"{name}.png"))


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_follow_switch_language_and_download(
    viewport: str,
    chromedriver: str,
    shared_site: ShareServer,
    share_engine: SearchEngine,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shots = tmp_path / "shots"
    shots.mkdir()
    base = f"http://127.0.0.1:{shared_site.port}"
    driver = _browser(chromedriver, viewport, downloads, tmp_path / "profile")
    try:
        wait = WebDriverWait(driver, 20)
        driver.get(base + "/")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
        box = driver.find_element(By.ID, "q")
        for key in QUERY:  # key by key, as a person types: each one fetches the list again
            box.send_keys(key)
        expected = [h.id for h in share_engine.search(QUERY, limit=30, facets=False).hits]
        assert expected

        def listed(_driver: Any) -> list[str] | None:
            links = driver.find_elements(By.CSS_SELECTOR, "#results ol.results li > a")
            hrefs = [a.get_attribute("href").removeprefix(base + "/r/") for a in links]
            return hrefs if hrefs == expected else None

        assert wait.until(listed) == expected  # the engine's order
        assert driver.current_url == f"{base}/?q={QUERY}"
        _shot(driver, shots, f"{viewport}-search")

        driver.find_element(By.CSS_SELECTOR, "#results ol.results li > a").click()
        wait.until(ec.url_to_be(f"{base}/r/{expected[0]}"))
        title = driver.find_element(By.TAG_NAME, "h1").text
        assert title
        assert driver.find_elements(By.CSS_SELECTOR, "ol.sources li")  # sources are shown
        _shot(driver, shots, f"{viewport}-record")

        driver.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang=es]").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es")
        assert driver.current_url == f"{base}/r/{expected[0]}"
        link = driver.find_element(By.CSS_SELECTOR, "a.button[download]")
        assert link.text == "Descargar la ficha (PDF)"
        _shot(driver, shots, f"{viewport}-record-es")

        link.click()
        # The sheet is painted on this (the Qt) thread: keep its event loop running meanwhile.
        qtbot.waitUntil(
            lambda: any(downloads.glob("*.pdf")) and not any(downloads.glob("*.crdownload")),
            timeout=60_000,
        )
        pdf = next(downloads.glob("*.pdf"))
        assert pdf.name == f"sseref-{expected[0].replace('/', '-')}-es.pdf"
        text = " ".join(PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text().split())
        assert "Fiche" not in text and "Ficha" in text  # a Spanish sheet

        driver.get(base + "/timeline")
        assert driver.find_elements(By.CSS_SELECTOR, "ol.timeline li")
        _shot(driver, shots, f"{viewport}-timeline-es")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[viewport][0]  # nothing wider than the screen
        problems = [
            entry["message"]
            for entry in driver.execute("getLog", {"type": "browser"})["value"]
            if entry["level"] in ("SEVERE", "WARNING") and "favicon" not in entry["message"]
        ]
        assert problems == []  # no CSP violation, no script error
    finally:
        driver.quit()
