"""The site's search and its phone layout in a real headless Chromium (issues 16 and 19).

Searching finds an arrangement by a word of a partner's name or of its summary, in any order
and case; the browser's matcher (search.js) gives the same answers as partnerfw's own
(views/search.py); the result is announced to screen readers and the page stays axe-clean.
At 390 px every arrangement's council resources are on screen without scrolling sideways, and
the text of the report pictures is at least 12 px.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from partnerfw.policy.project import open_project
from partnerfw.publish.build import build_site
from partnerfw.views.search import matches, relevance, words
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY
from tests.test_site_browser import ARGS, CHROMIUM, _axe_violations, _serve, require_browser

pytestmark = pytest.mark.browser

PHONE = 390
DESKTOP = 1280
LONG_WORD = "Thamesbridgeandmedleyjointcommissioningboardforadultsocialcare"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _built(root: Path) -> Path:
    project = open_project(root)
    build_site(project, [project.register_dir], root / "site", dt.date.fromisoformat(TODAY))
    return root / "site"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(EXAMPLE_REGISTER, root / "register")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    server, url = _serve(_built(root))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Another council's register (the governance facts fixture) with the bundled one, and
    records with very long names, departments and resources a phone must still show."""
    root = tmp_path_factory.mktemp("awkward")
    shutil.copytree(REPO / "tests" / "fixtures" / "governance_facts", root, dirs_exist_ok=True)
    for path in EXAMPLE_REGISTER.glob("*.yaml"):
        shutil.copy(path, root / "register" / path.name)
    path = root / "register" / "joint-it-management.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["name"] = f"{LONG_WORD} Partnership"
    data["department"] = f"Adults, Health and {LONG_WORD}"
    data["council_resources"] = {
        "dedicated_budget": 12345678,
        "staff_fte": 2.5,
        "in_kind_description": "Offices, meeting rooms and the switchboard at the Civic Centre",
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    path = root / "register" / "youth-sports-partnership.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["confidential"] = ["council_resources"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    server, url = _serve(_built(root))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def long_register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """255 arrangements: the bundled seventeen fifteen times over, each copy renamed."""
    root = tmp_path_factory.mktemp("long")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    (root / "register").mkdir()
    for path in sorted(EXAMPLE_REGISTER.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for copy in range(1, 16):
            data_copy = {**data, "id": f"{data['id']}-{copy}", "name": f"{data['name']} {copy}"}
            data_copy.pop("links", None)
            text = yaml.safe_dump(data_copy, sort_keys=False)
            (root / "register" / f"{data_copy['id']}.yaml").write_text(text, "utf-8")
    server, url = _serve(_built(root))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def desktop(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": DESKTOP, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": PHONE, "height": 844})
    yield context.new_page()
    context.close()


def _shown(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "table[data-register] tbody tr:not([hidden]) td:first-child a",
        "links => links.map(a => a.textContent.trim())",
    )


def _status(page: Any) -> str:
    return page.locator("#register-status").text_content() or ""


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("churches together", "two words of a partner's name"),
        ("TOGETHER churches", "the same words in another order and case"),
        ("coordinate emergency food", "words of its summary"),
        ("Emergency COORDINATE", "the same in another order and case"),
        ("food bank", "the issue's example: a partner is a Food Bank, the name says Network"),
        ("food banks", "a plural"),
    ],
)
def test_searching_a_partner_or_summary_finds_the_record(
    desktop: Any, bundled: str, query: str, why: str
) -> None:
    desktop.goto(bundled + "index.html")
    desktop.fill("#filter-q", query)
    assert _shown(desktop) == ["Thamesbridge Food Network"], why
    assert _status(desktop) == f"Showing 1 of {ARRANGEMENTS} arrangements found for “{query}”"
    note = desktop.locator("tr:not([hidden]) .found-in").text_content() or ""
    assert note.startswith("Found in: ")
    assert ("partners" in note) or ("summary" in note)


def test_search_is_announced_and_used_from_the_keyboard(desktop: Any, bundled: str) -> None:
    desktop.goto(bundled + "index.html")
    status = desktop.locator("#register-status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    box = desktop.get_by_role("searchbox", name="Search the register")
    assert box.get_attribute("aria-describedby") == "filter-q-hint"
    for _ in range(80):
        desktop.keyboard.press("Tab")
        if desktop.evaluate("document.activeElement.id") == "filter-q":
            break
    else:
        raise AssertionError("the search box cannot be reached with the Tab key")
    desktop.keyboard.type("zzqx")
    assert _shown(desktop) == []
    assert "none has every word of “zzqx”; check the spelling" in _status(desktop)
    desktop.keyboard.press("Control+A")
    desktop.keyboard.type("Daniel")
    assert _shown(desktop) == ["Thamesbridge Food Network"]
    desktop.keyboard.press("Enter")  # submitting does not leave the page
    assert desktop.url.endswith("index.html?q=Daniel")
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("document.activeElement.id") == "filter-kind"
    desktop.keyboard.press("Shift+Tab")
    desktop.keyboard.press("Control+A")
    desktop.keyboard.press("Backspace")
    assert len(_shown(desktop)) == ARRANGEMENTS
    assert desktop.locator(".found-in").count() == 0


def _order(page: Any) -> tuple[str, dict[str, str | None]]:
    caption = page.locator("#register-caption").text_content() or ""
    sorts = page.eval_on_selector_all(
        "th[data-sort-key]",
        "ths => Object.fromEntries(ths.map(t => [t.dataset.sortKey, t.getAttribute('aria-sort')]))",
    )
    return caption, sorts


def test_results_come_best_match_first_until_a_column_is_chosen(desktop: Any, bundled: str) -> None:
    desktop.goto(bundled + "index.html")
    before = _shown(desktop)
    desktop.fill("#filter-q", "community safety")
    assert _shown(desktop)[:2] == [
        "Thamesbridge Community Safety Partnership",  # both words in its name
        "Thamesbridge Safer Neighbourhoods Partnership",  # in its summary
    ]
    caption, sorts = _order(desktop)
    assert caption == "All arrangements, best match first"
    assert set(sorts.values()) == {None}, "no column claims the order while ranked"
    desktop.locator("th[data-sort-key='name'] button").click()
    shown = _shown(desktop)
    assert shown == sorted(shown, key=str.casefold) and len(shown) == 4
    caption, sorts = _order(desktop)
    assert caption == "All arrangements, sorted by name" and sorts["name"] == "ascending"
    desktop.fill("#filter-q", "")
    assert _shown(desktop) == before
    desktop.fill("#filter-q", "safety")
    assert _order(desktop)[0] == "All arrangements, best match first"
    desktop.fill("#filter-q", "")
    assert _order(desktop) == ("All arrangements, sorted by name", _order(desktop)[1])
    assert _order(desktop)[1]["name"] == "ascending"


def test_search_and_filters_combine_and_a_search_can_be_linked(desktop: Any, bundled: str) -> None:
    desktop.goto(bundled + "index.html?q=thamesbridge+partnership&kind=Partnership")
    assert desktop.input_value("#filter-q") == "thamesbridge partnership"
    assert desktop.input_value("#filter-kind") == "Partnership"
    shown = _shown(desktop)
    assert 0 < len(shown) < ARRANGEMENTS
    kinds = desktop.eval_on_selector_all(
        "table[data-register] tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.kind)"
    )
    assert set(kinds) == {"Partnership"}
    desktop.select_option("#filter-kind", "Shared service")
    assert "kind=Shared+service" in desktop.url


def test_the_browser_matcher_agrees_with_partnerfws(desktop: Any, bundled: str) -> None:
    """search.js and views/search.py give the same words and find the same records in the
    same fields with the same score, for words taken from the index itself and for awkward
    input."""
    desktop.goto(bundled + "index.html")
    index = desktop.evaluate("window.PARTNERFW_SEARCH_INDEX")
    awkward = [
        "Children’s Services — Équipe d'Été, KENT & Medway!",
        "ÆSIR Straße İstanbul ǅemal ﬁnance",
        "s113 (2024/25) £12,000 no.5",
        "naïve café-bar RÉSUMÉ",
        "   ",
        "ΣΊΣΥΦΟΣ ΟΔΌΣ",
    ]
    assert desktop.evaluate("t => t.map(PartnerfwSearch.words)", awkward) == [
        words(t) for t in awkward
    ]
    tokens = sorted({t for r in index["records"] for f in r["fields"].values() for t in f.split()})
    queries = [
        *awkward,
        *tokens[::7],
        *(t[:3] for t in tokens[::11]),
        *(f"{a} {b}" for a, b in zip(tokens[::13], tokens[5::13], strict=False)),
        "the",
        "of the",
        "food bank",
        "policies",
        "",
    ]
    in_browser = desktop.evaluate(
        "qs => { const s = PartnerfwSearch.searcher(window.PARTNERFW_SEARCH_INDEX);"
        " return qs.map(q => s.find(q)); }",
        queries,
    )
    expected = [
        {
            r["id"]: {"fields": where, "score": relevance(r, q)}
            for r in index["records"]
            if (where := matches(r, q)) is not None
        }
        for q in queries
    ]
    assert json.dumps(in_browser, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert any(0 < len(found) < len(index["records"]) for found in expected)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_search_results_have_no_axe_violations(chromium: Any, bundled: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(bundled + "index.html")
    page.fill("#filter-q", "partnership thamesbridge")
    assert page.locator(".found-in").count() > 0
    violations = _axe_violations(page)
    context.close()
    assert violations == []


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "sorted/resources.html",
        "filter/kind-partnership.html",
        "arrangements/joint-it-management.html",
        "arrangements/youth-sports-partnership.html",
        "reports/annual.html",
    ],
)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_register_pages_have_no_axe_violations(
    chromium: Any, awkward: str, path: str, width: int
) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(awkward + path)
    violations = _axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert violations == []
    assert not overflow


RESOURCES_BOXES = """() => {
  const wrap = document.querySelector('table[data-register]').closest('.table-wrap');
  const edge = wrap.getBoundingClientRect();
  return {
    viewport: window.innerWidth,
    page: document.documentElement.scrollWidth,
    wrap: [wrap.scrollWidth, wrap.clientWidth],
    cells: Array.from(document.querySelectorAll('table[data-register] tbody tr')).map(row => {
      const cell = row.cells[4];
      const box = cell.getBoundingClientRect();
      return {name: row.cells[0].textContent.trim(), text: cell.innerText.trim(),
              left: box.left, right: box.right, width: box.width, height: box.height,
              inside: box.left >= edge.left - 0.5 && box.right <= edge.right + 0.5,
              visible: getComputedStyle(cell).visibility === 'visible'};
    }),
  };
}"""


@pytest.mark.parametrize("path", ["index.html", "sorted/resources.html", "sorted/review.html"])
def test_at_390_px_every_arrangements_resources_are_on_screen(
    phone: Any, awkward: str, path: str
) -> None:
    """Issue 19: on a phone the resources column was scrolled out of view."""
    phone.goto(awkward + path)
    found = phone.evaluate(RESOURCES_BOXES)
    assert found["page"] <= found["viewport"], "the page scrolls sideways"
    assert found["wrap"][0] <= found["wrap"][1], "the register scrolls sideways in its box"
    cells = found["cells"]
    assert len(cells) > ARRANGEMENTS
    off_screen = [
        c
        for c in cells
        if not (c["visible"] and c["inside"] and c["width"] > 0 and c["height"] > 0)
        or c["left"] < 0
        or c["right"] > found["viewport"]
    ]
    assert off_screen == []
    texts = {c["name"]: c["text"] for c in cells}
    assert texts[f"{LONG_WORD} Partnership"].startswith("£12,345,678 plus staff time")
    assert texts["Thamesbridge Youth Sports Partnership"] == "Not published (confidential)"
    assert all(text for text in texts.values())


def test_at_390_px_the_sort_links_and_every_label_are_shown(phone: Any, awkward: str) -> None:
    phone.goto(awkward + "index.html")
    labels = phone.evaluate(
        "() => Array.from(document.querySelector('table[data-register] tbody tr').cells)"
        ".slice(1).map(c => getComputedStyle(c, '::before').content)"
    )
    assert [label.split(" / ")[0].strip('"') for label in labels] == [
        "Kind",
        "Classification",
        "Lead department",
        "Council resources",
        "Status",
        "Next review",
    ]
    phone.locator("th[data-sort-key='resources'] button").click()
    assert phone.locator("th[data-sort-key='resources']").get_attribute("aria-sort") == (
        "ascending"
    )


CHART_TEXT = """() => Array.from(document.querySelectorAll('svg text')).map(t => {
  const m = t.getScreenCTM();
  return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)};
})"""


@pytest.mark.parametrize("width", [320, PHONE, DESKTOP])
def test_chart_text_is_at_least_12_px(chromium: Any, bundled: str, width: int) -> None:
    """Issue 19: chart labels were about 8 px on a phone."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(bundled + "reports/annual.html")
    texts = page.evaluate(CHART_TEXT)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert len(texts) > 20
    assert [t for t in texts if t["px"] < 12] == []
    assert not overflow


def test_at_a_glance_shows_the_councils_money(phone: Any, awkward: str) -> None:
    phone.goto(awkward + "arrangements/joint-it-management.html")
    glance = phone.locator("#overview + .summary-list")
    row = glance.locator(".summary-list__row", has_text="Council resources (a year)")
    assert row.locator("dd").inner_text().startswith("£12,345,678 plus staff time")
    box = row.locator("dd").bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE
    phone.goto(awkward + "arrangements/youth-sports-partnership.html")
    row = phone.locator(".summary-list__row", has_text="Council resources (a year)").first
    assert row.locator("dd").inner_text() == "Not published (confidential)"


def test_without_javascript_the_filters_work_as_before(chromium: Any, bundled: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(bundled + "index.html")
    assert page.locator("form[data-filter]").is_hidden()
    page.get_by_text("By status").click()
    page.get_by_role("link", name="Proposed").click()
    page.wait_for_url("**/filter/status-proposed.html")
    assert "Thamesbridge Food Network" in _shown(page)
    context.close()


def test_a_long_register_is_searched_when_the_typing_pauses(
    desktop: Any, long_register: str
) -> None:
    """Over 200 arrangements the search waits for a pause in the typing (each key stays
    quick, and a screen reader hears one count), then finds and ranks as before."""
    desktop.goto(long_register + "index.html")
    box = desktop.locator("#filter-q")
    box.press_sequentially("churches togeth", delay=20)
    from playwright.sync_api import expect

    expect(desktop.locator("#register-status")).to_contain_text("“churches togeth”")
    shown = _shown(desktop)
    assert len(shown) == 15 and all(name.startswith("Thamesbridge Food Network") for name in shown)
    assert _status(desktop).startswith("Showing 15 of 255 arrangements found for “churches togeth”")
    box.press("Enter")  # at once, without waiting
    desktop.select_option("#filter-status", "Active")
    assert _shown(desktop) == [] and _status(desktop).startswith("Showing 0 of 255")


@pytest.mark.parametrize("scripts", [False, True], ids=["without-js", "with-js"])
@pytest.mark.parametrize("path", ["index.html", "filter/status-proposed.html"])
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_with_or_without_javascript_the_listings_are_axe_clean_and_show_the_resources(
    chromium: Any, awkward: str, path: str, width: int, scripts: bool
) -> None:
    """The search box needs JavaScript; without it the filter pages are the search, and they
    must be as accessible, with each arrangement's resources in view, on a phone and on a
    desktop (where a very long name once pushed them out of the register's box). The site's
    scripts are all files (its Content-Security-Policy allows no inline script), so refusing
    every .js file is a browser without JavaScript, while axe (run by the test) still works."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    if not scripts:
        context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(awkward + path)
    searchable = scripts and path == "index.html"  # a filter page is a search already
    assert page.locator("#filter-q").is_visible() is searchable
    violations = _axe_violations(page)
    found = page.evaluate(RESOURCES_BOXES)
    context.close()
    assert violations == []
    assert found["page"] <= found["viewport"], "the page scrolls sideways"
    assert found["wrap"][0] <= found["wrap"][1], "the register scrolls sideways in its box"
    off_screen = [c for c in found["cells"] if not (c["visible"] and c["inside"])]
    assert found["cells"] and off_screen == []
