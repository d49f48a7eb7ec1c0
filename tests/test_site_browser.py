"""The built site in a real headless Chromium: accessibility (axe-core, WCAG 2.2 AA), keyboard
use of the filter, the print stylesheet (the documentation's screenshots are made by
docs/screenshots.py, tested in test_screenshots.py).

The site is served over HTTP on 127.0.0.1 (axe cannot read stylesheets from file://). Without
/usr/bin/chromium these tests skip with a loud notice, unless PARTNERFW_REQUIRE_BROWSER=1 (as
in CI's .ci/run), when they fail instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partnerfw.policy.project import open_project
from partnerfw.publish.build import build_site
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY
from tests.trail_repo import GitRepo

pytestmark = pytest.mark.browser

# Debian's chromium here; CI on GitHub points PARTNERFW_CHROMIUM at Playwright's build.
CHROMIUM = Path(os.environ.get("PARTNERFW_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGE_TYPES = [
    "index.html",
    "sorted/resources.html",
    "filter/kind-partnership.html",
    "arrangements/community-safety-partnership.html",
    "arrangements/homelessness-prevention-partnership.html",
    "arrangements/joint-it-management.html",
    "arrangements/thamesbridge-safer-neighbourhoods-partnership.html",
    "open-data.html",
    "accessibility.html",
    "reports.html",
    "reports/annual.html",
    "reports/governance.html",
    "reports/due.html",
    "reports/scrutiny.html",
    "reports/reclassification.html",
]


def browser_missing(chromium: Path = CHROMIUM) -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not chromium.exists():
        return f"{chromium} is not installed (run `make browser`)"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (run `make dev`)"
    return None


def require_browser(chromium: Path = CHROMIUM) -> None:
    """Skip loudly without a browser, or fail when PARTNERFW_REQUIRE_BROWSER=1 (CI)."""
    missing = browser_missing(chromium)
    if missing:
        if os.environ.get("PARTNERFW_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PARTNERFW_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(f"!!! BROWSER TESTS SKIPPED: {missing}; accessibility is NOT checked !!!")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("register")
    repo = GitRepo(root)  # a committed register, so record pages show their history table
    shutil.copytree(EXAMPLE_REGISTER, root / "register")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    repo.commit("Start the register", who="Priya Chandran")
    project = open_project(root)
    out = root / "site"
    build_site(project, [project.register_dir], out, dt.date.fromisoformat(TODAY))

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _serve(out: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def facts_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site of the governance facts register (tests/fixtures/governance_facts): a joint
    committee, a statutory partnership, external funding, an outside body and a CIC."""
    root = tmp_path_factory.mktemp("facts")
    shutil.copytree(REPO / "tests" / "fixtures" / "governance_facts", root, dirs_exist_ok=True)
    project = open_project(root)
    build_site(project, [project.register_dir], root / "site", dt.date.fromisoformat(TODAY))
    server, url = _serve(root / "site")
    yield url
    server.shutdown()
    server.server_close()


FACT_PAGES = [
    "arrangements/mid-kent-joint-waste-committee.html",
    "arrangements/downsmere-community-safety-partnership.html",
    "arrangements/active-downsmere.html",
    "arrangements/citizens-advice-downsmere-appointments.html",
    "arrangements/downsmere-community-energy-cic.html",
    "accessibility.html",
]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", FACT_PAGES)
def test_governance_fact_pages_have_no_axe_violations(
    browser: Any, facts_site_url: str, path: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    opened = context.new_page()
    response = opened.goto(facts_site_url + path)
    assert response is not None and response.ok
    violations = _axe_violations(opened)
    overflow = opened.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert violations == []
    assert not overflow, "the page scrolls sideways (WCAG 1.4.10 reflow)"


def test_the_accessibility_statement_is_reached_from_every_footer_by_keyboard(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "arrangements/joint-it-management.html")
    _tab_to(page, 'footer a[href="../accessibility.html"]', limit=400)
    page.keyboard.press("Enter")
    page.wait_for_url("**/accessibility.html")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Accessibility statement for the partnerships register"
    )
    assert page.get_by_role("heading", name="Enforcement procedure").count() == 1
    assert page.get_by_role("link", name="web.accessibility@thamesbridge.gov.example").count() == 1


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def _axe_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {[n['target'] for n in v['nodes'][:3]]})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_has_no_axe_violations(page: Any, site_url: str, path: str) -> None:
    response = page.goto(site_url + path)
    assert response is not None and response.ok
    assert _axe_violations(page) == []


def test_record_pages_show_their_history(page: Any, site_url: str) -> None:
    page.goto(site_url + "arrangements/community-safety-partnership.html")
    history = page.get_by_role("region", name="History")
    assert history.get_by_role("cell", name="Priya Chandran").count() == 1
    assert history.get_by_role("cell", name="Added, status Active").count() == 1


def test_reports_are_reached_from_the_navigation_by_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    _tab_to(page, 'nav[aria-label="Site"] a[href="reports.html"]')
    assert page.evaluate("document.activeElement.textContent") == "Committee reports"
    page.keyboard.press("Enter")
    page.wait_for_url("**/reports.html")
    links = page.get_by_role("main").get_by_role("link")
    assert links.count() == 6  # the five reports and the calendar of dates due
    calendar = page.get_by_role("link", name="dates due, as a calendar (iCalendar, due.ics)")
    assert calendar.get_attribute("href") == "due.ics"
    page.get_by_role("link", name="Annual register report").click()
    page.wait_for_url("**/reports/annual.html")
    assert page.get_by_role("heading", level=1).count() == 1
    page.get_by_role("link", name="All arrangements in the register").click()
    page.wait_for_url("**/index.html")


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "arrangements/community-safety-partnership.html",
        "accessibility.html",
        "open-data.html",
        *(p for p in PAGE_TYPES if p.startswith("reports")),
    ],
)
def test_pages_have_no_axe_violations_on_a_phone(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740})
    phone = context.new_page()
    phone.goto(site_url + path)
    assert _axe_violations(phone) == []
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflow, "the page scrolls sideways on a phone (WCAG 1.4.10 reflow)"


def test_index_without_javascript_has_no_axe_violations(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    plain = context.new_page()
    plain.route("**/register.js", lambda route: route.abort())  # the page as without JavaScript
    plain.goto(site_url + "index.html")
    assert plain.locator("form[data-filter]").is_hidden()
    assert _axe_violations(plain) == []
    context.close()


def _tab_to(page: Any, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"could not reach {selector} with the Tab key")


def _visible_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "table[data-register] tbody tr:not([hidden]) td:first-child a",
        "links => links.map(a => a.textContent.trim())",
    )


def test_filter_works_from_the_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    _tab_to(page, "#filter-q")
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert focus == "rgb(255, 221, 0)", "the search box shows no GOV.UK yellow focus"
    page.keyboard.type("safety")
    assert _visible_rows(page) == [  # a word in the name counts more than in the summary
        "Thamesbridge Community Safety Partnership",
        "Thamesbridge Safer Neighbourhoods Partnership",
        "Emergency Rest Centre Partnership",
        "Licensing Service for Medley District Council",
    ]
    assert page.locator("#register-status").text_content() == (
        f"Showing 4 of {ARRANGEMENTS} arrangements found for “safety”, best match first"
    )
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    assert len(_visible_rows(page)) == 17
    _tab_to(page, "#filter-kind")
    for _ in range(4):  # Any, Commissioning, Company, Informal network, Partnership
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#filter-kind", "s => s.value") == "Partnership"
    assert len(_visible_rows(page)) == 10
    _tab_to(page, "th[data-sort-key='resources'] button")
    page.keyboard.press("Enter")
    header = page.locator("th[data-sort-key='resources']")
    assert header.get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    amounts = page.eval_on_selector_all(
        "table[data-register] tbody tr:not([hidden]) td:nth-child(5)",
        "cells => cells.map(c => parseFloat(c.dataset.value))",
    )
    assert amounts == sorted(amounts, reverse=True) and len(amounts) == 10


def test_filter_links_work_from_the_keyboard_without_javascript(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site_url + "index.html")
    _tab_to(plain, "a[href='filter/kind-shared-service.html']")
    background = plain.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert background == "rgb(255, 221, 0)", "focused links show the yellow focus state"
    plain.keyboard.press("Enter")
    plain.wait_for_url("**/filter/kind-shared-service.html")
    kinds = plain.eval_on_selector_all(
        "table[data-register] tbody td:nth-child(2)",
        "cells => cells.map(c => c.textContent.trim())",
    )
    assert kinds == ["Shared service"] * 4
    plain.goto(site_url + "index.html")
    _tab_to(plain, "th[data-sort-key='resources'] a")
    plain.keyboard.press("Enter")
    plain.wait_for_url("**/sorted/resources.html")
    amounts = plain.eval_on_selector_all(
        "table[data-register] tbody td:nth-child(5)",
        "cells => cells.map(c => parseFloat(c.dataset.value))",
    )
    assert amounts == sorted(amounts, reverse=True)
    context.close()


def test_print_stylesheet_hides_navigation_and_shows_link_addresses(
    page: Any, site_url: str
) -> None:
    page.goto(site_url + "index.html")
    nav = page.locator("nav.nav")
    assert nav.is_visible()
    page.emulate_media(media="print")
    assert nav.is_hidden()
    assert page.locator("form[data-filter]").is_hidden()
    assert page.locator(".filter-links").is_hidden()
    assert page.locator("table[data-register]").is_visible()
    header_bg = page.evaluate("getComputedStyle(document.querySelector('.header')).backgroundColor")
    assert header_bg == "rgba(0, 0, 0, 0)", "print saves ink: no coloured header"
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.header__link[href^=\"http\"]'), '::after')"
        ".content"
    )
    assert "thamesbridge.gov.example" in after
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
