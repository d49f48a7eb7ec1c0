"""The report pages in a real headless Chromium: pictures, their text alternatives, print,
and axe-core accessibility checks."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnerfw.policy.project import open_project
from partnerfw.reports import build_reports
from partnerfw.rules.engine import run_check
from tests.conftest import TODAY

# Debian's chromium here; CI on GitHub points PARTNERFW_CHROMIUM at Playwright's build.
CHROMIUM = Path(os.environ.get("PARTNERFW_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("PARTNERFW_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (PARTNERFW_REQUIRE_BROWSER=1) but not installed")
        pytest.skip(f"BROWSER TESTS SKIPPED: {CHROMIUM} is not installed (make browser)")


@pytest.fixture
def served(example_repo: Path) -> Iterator[str]:
    """The site's report pages, served over HTTP on localhost."""
    _need_browser()
    project = open_project(example_repo)
    today = dt.date.fromisoformat(TODAY)
    out = example_repo / "site"
    for name, html in build_reports(
        project, run_check(project, [project.register_dir], today), today
    ).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(html, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/reports/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def page(served: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page(viewport={"width": 1100, "height": 1400})
        browser.close()


def test_annual_pictures_have_names_and_print(page, served: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "annual.html")
    heat = page.get_by_role("img", name="Risk heat map: likelihood × impact")
    bars = page.get_by_role("img", name="Council resources by kind of arrangement")
    for picture in (heat, bars):
        box = picture.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 150
    assert page.locator("#annual-heat-map-desc").text_content().startswith("10 risks")
    page.emulate_media(media="print")
    heat_printed = heat.bounding_box()
    assert heat_printed is not None and heat_printed["width"] > 300
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    page.emulate_media(media="screen")
    page.screenshot(path=str(tmp_path / "annual.png"))
    assert (tmp_path / "annual.png").stat().st_size > 10_000


@pytest.mark.parametrize("name", ["annual", "governance", "due", "scrutiny", "reclassification"])
def test_report_pages_pass_axe(page, served: str, name: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page.goto(served + f"{name}.html")
    results = Axe().run(page)
    violations = results.response["violations"]
    assert violations == [], [(v["id"], v["nodes"][0]["html"][:120]) for v in violations]
