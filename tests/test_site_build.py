"""`partnerfw build`: the site and open data as a resident gets them, end to end."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.models import Arrangement
from tests.bundled_register import ARRANGEMENTS, SHARED_SERVICES
from tests.conftest import TODAY

PAYLOAD = (
    '<script>alert("xss")</script><img src=x onerror=alert(1)>'
    "<a href=\"javascript:alert(2)\">j</a>\"' onmouseover=\"alert(3)\" {{ 'pw' ~ 'ned' }}"
)


class Page(HTMLParser):
    """Every element, attribute and text node of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page


def build(runner: CliRunner, *args: str) -> Any:
    return runner.invoke(app, ["build", "--today", TODAY, *args], catch_exceptions=False)


def edit_record(repo: Path, record_id: str, change: Any) -> None:
    path = repo / "register" / f"{record_id}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def test_build_writes_the_site_and_says_where_to_open_it(
    runner: CliRunner, example_repo: Path
) -> None:
    result = build(runner)
    assert result.exit_code == 0, result.output
    site = example_repo / "site"
    assert "site/index.html" in result.stdout
    assert "python3 -m http.server -d site" in result.stdout
    for name in (
        "index.html",
        "open-data.html",
        "register.csv",
        "register.json",
        "datapackage.json",
        "accessibility.html",
        "assets/style.css",
        "assets/register.js",
        "arrangements/community-safety-partnership.html",
        "filter/kind-shared-service.html",
        "sorted/resources.html",
    ):
        assert (site / name).is_file(), name
    pages = list((site / "arrangements").glob("*.html"))
    assert len(pages) == ARRANGEMENTS


def test_index_has_every_arrangement_and_counts_by_kind_and_class(
    runner: CliRunner, example_repo: Path
) -> None:
    build(runner)
    html = (example_repo / "site" / "index.html").read_text("utf-8")
    page = parse(example_repo / "site" / "index.html")
    rows = [a for t, a in page.elements if t == "tr" and "data-kind" in a]
    assert len(rows) == ARRANGEMENTS
    assert sum(1 for a in rows if a["data-kind"] == "Shared service") == SHARED_SERVICES
    assert (
        '<a href="filter/kind-partnership.html">Partnership</a></td><td class="numeric">10' in html
    )
    assert 'Significant partnership</a></td><td class="numeric">4' in html
    headers = [
        a.get("data-sort-key") for t, a in page.elements if t == "th" and a.get("data-sort-key")
    ]
    assert headers == ["name", "kind", "class", "department", "resources", "status", "review"]


def test_filtered_and_sorted_views_work_without_javascript(
    runner: CliRunner, example_repo: Path
) -> None:
    build(runner)
    site = example_repo / "site"
    shared = parse(site / "filter" / "kind-shared-service.html")
    kinds = {a["data-kind"] for t, a in shared.elements if t == "tr" and "data-kind" in a}
    assert kinds == {"Shared service"}
    by_money = (site / "sorted" / "resources.html").read_text("utf-8")
    values = [
        float(v)
        for v in __import__("re").findall(r'<td class="numeric" data-value="([-0-9.]+)">', by_money)
    ]
    assert len(values) == ARRANGEMENTS and values == sorted(values, reverse=True)


def test_record_page_shows_what_a_resident_needs(runner: CliRunner, example_repo: Path) -> None:
    build(runner)
    page = parse(example_repo / "site" / "arrangements" / "riverside-regeneration-partnership.html")
    text = " ".join(" ".join(page.text).split())
    for expected in (
        "Deliver 600 homes and a riverside park",  # purpose
        "Homes England",
        "£2,500,000",  # partners
        "Dedicated budget (a year) £15,000",  # council resources
        "Significant partnership",  # classification and its reason
        "Terms of reference 2022, section 1",  # governance item and status
        "Drafted",
        "Any partner may withdraw on six months' notice",  # exit strategy summary
        "Cllr Joanne Pike",
        "PR #41",  # approvals
        "Risk register last reviewed 1 September 2026",  # monitoring dates
        "Section 151 Officer's opinion",  # the finding, in plain language
        "Must be put right",
    ):
        assert expected in text, expected


def test_rebuild_is_byte_identical_and_drops_stale_pages(
    runner: CliRunner, example_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795500000")  # the footer's build time
    build(runner, "--out", "one")
    build(runner, "--out", "two")
    one = {
        p.relative_to(example_repo / "one"): p.read_bytes()
        for p in site_files(example_repo / "one")
    }
    two = {
        p.relative_to(example_repo / "two"): p.read_bytes()
        for p in site_files(example_repo / "two")
    }
    assert one == two
    (example_repo / "register" / "youth-sports-partnership.yaml").unlink()
    assert build(runner, "--out", "one").exit_code == 0
    assert not (example_repo / "one" / "arrangements" / "youth-sports-partnership.html").exists()


def test_build_never_replaces_a_folder_it_did_not_build(
    runner: CliRunner, example_repo: Path
) -> None:
    mine = example_repo / "docs-folder"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes", "utf-8")
    result = build(runner, "--out", "docs-folder")
    assert result.exit_code == 2
    assert "not empty and was not built by partnerfw" in result.output
    assert (mine / "notes.txt").read_text("utf-8") == "my notes"


def test_a_broken_record_is_named_and_the_build_exits_1(
    runner: CliRunner, example_repo: Path
) -> None:
    (example_repo / "register" / "broken.yaml").write_text("id: broken\nname: [\n", "utf-8")
    result = build(runner)
    assert result.exit_code == 1
    assert "register/broken.yaml" in result.stdout
    assert (example_repo / "site" / "index.html").is_file()


def _plant_confidential(repo: Path) -> list[str]:
    secrets = [
        "SECRETPARTNERQX1",
        "SECRETRISKQX2",
        "SECRETLIABILITYQX3",
        "SECRETSUMMARYQX4",
        "secret.officer.qx5@thamesbridge.gov.example",
        "01632 999555",
        "SECRETREFERENCEQX6",
        "£73,519",
        "73519",
        "SECRETASWRITTENQX7",
        "SECRETBUDGETQX8",
        "SECRETPHONEQX9",
    ]

    def community(data: dict[str, Any]) -> None:
        data["partners"][2]["name"] = secrets[0]
        data["monitoring"]["risk_register"][1]["risk"] = secrets[1]
        del data["monitoring"]["risk_register"][1]["mitigation"]  # MON003 would quote it
        data["exit_strategy"]["covers"]["liabilities"] = secrets[2]
        data["summary"] = secrets[3]
        data["lead_officer"]["email"] = secrets[4]
        data["lead_officer"]["phone"] = secrets[5]
        data["approvals"][0]["reference"] = secrets[6]
        data["council_resources"] = {"dedicated_budget": 73519, "staff_fte": 0.2}
        data["confidential"] += [
            "exit_strategy.covers.liabilities",
            "summary",
            "approvals.0.reference",
            "council_resources",
        ]
        # as an import leaves them: the spreadsheet's text of confidential parts (and of a
        # contact detail), which DATA010 findings would quote, and one public value
        data["imported_as_written"] = {
            "partners.2.name": secrets[9],
            "council_resources.dedicated_budget": f"just under {secrets[10]}",
            "lead_officer.phone": f"ring {secrets[11]}",
            "dates.start": "PUBLICSTARTQX10",
        }

    edit_record(repo, "community-safety-partnership", community)
    return secrets


def test_no_built_file_contains_anything_confidential(
    runner: CliRunner, example_repo: Path
) -> None:
    secrets = _plant_confidential(example_repo)
    assert build(runner).exit_code == 0
    files = site_files(example_repo / "site")
    assert len(files) > 40
    names = {p.relative_to(example_repo / "site").as_posix() for p in files}
    assert {
        "reports.html",
        "reports/annual.html",
        "reports/governance.html",
        "reports/due.html",
        "reports/scrutiny.html",
        "reports/reclassification.html",
    } <= names
    reports = [p for p in files if p.parent.name == "reports"]
    assert all(
        "Community Safety Partnership" in p.read_text("utf-8")
        for p in reports
        if p.name in ("annual.html", "governance.html")
    )  # the record is in the reports
    for path in files:
        content = path.read_bytes().decode("utf-8", "replace")
        for secret in secrets:
            assert secret not in content, f"{secret!r} published in {path.name}"
    # the confidential parts really were there to leak: the page says parts are withheld
    page = (example_repo / "site/arrangements/community-safety-partnership.html").read_text()
    assert "not published because they are confidential" in page
    assert "Kent Police" in page  # what is not confidential is still published
    assert "PUBLICSTARTQX10" in page  # and so is a public value imported as written


def test_officer_contact_details_only_when_the_policy_publishes_them(
    runner: CliRunner, example_repo: Path
) -> None:
    build(runner)
    everything = "".join(
        p.read_text("utf-8", "replace")
        for p in site_files(example_repo / "site")
        if p.suffix != ".png"
    )
    assert "tom.brennan@thamesbridge.gov.example" not in everything
    assert "01632 960992" not in everything
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text("utf-8") + "  publication:\n    publish_officer_contact_details: true\n",
        "utf-8",
    )
    assert build(runner).exit_code == 0
    page = (example_repo / "site/arrangements/riverside-regeneration-partnership.html").read_text()
    assert 'href="mailto:tom.brennan@thamesbridge.gov.example"' in page
    assert "01632 960992" in page
    data = json.loads((example_repo / "site" / "register.json").read_text("utf-8"))
    riverside = next(
        a for a in data["arrangements"] if a["id"] == "riverside-regeneration-partnership"
    )
    assert riverside["lead_officer_email"] == "tom.brennan@thamesbridge.gov.example"


def _plant_everywhere(data: Any, valid: Any) -> Any:
    """Put PAYLOAD into every text field that still validates as a record."""

    def walk(node: Any, path: tuple[Any, ...]) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            if isinstance(value, dict | list):
                walk(value, (*path, key))
            elif isinstance(value, str) and key != "id":
                node[key] = PAYLOAD
                if not valid(data):
                    node[key] = value

    walk(data, ())
    return data


def _valid(data: Any) -> bool:
    try:
        Arrangement.model_validate(data)
    except ValueError:
        return False
    return True


def test_html_in_every_text_field_is_never_live(runner: CliRunner, example_repo: Path) -> None:
    planted: list[int] = []

    def plant(data: dict[str, Any]) -> None:
        data["notes"] = data["legal_form"] = data["lead_organisation"] = "x"
        data["agreement"]["document"] = data["agreement"]["foi_officer"] = "x"
        data["urgency"] = {"urgent": True, "justification": "x"}
        data["confidential"] = ["x"]
        data["lead_officer"]["email"] = data["lead_officer"]["phone"] = "x"
        data["exit_strategy"]["steps"] = [{"step": "x", "owner": "x", "due": "2026-01-01"}]
        data["monitoring"]["assurance"] = {"officer": "x", "date": "2026-01-01"}
        data["opinions"]["section_151_officer"] = {
            "name": "x",
            "date": "2026-09-01",
            "opinion": "x",
        }
        _plant_everywhere(data, _valid)
        planted.append(json.dumps(data, default=str).count("onerror"))

    edit_record(example_repo, "riverside-regeneration-partnership", plant)
    assert planted[0] > 60, "the payload reached too few fields"
    settings = example_repo / "partnerfw.yaml"
    text = settings.read_text("utf-8").replace(
        "name: Thamesbridge Borough Council", f"name: {json.dumps(PAYLOAD)}"
    )
    settings.write_text(
        text + "  publication:\n    publish_officer_contact_details: true\n"
        "theme:\n  footer_links:\n    " + json.dumps(PAYLOAD) + ": https://example.org/a\n",
        "utf-8",
    )
    assert build(runner).exit_code == 0
    site = example_repo / "site"
    shown_as_text = 0
    for path in site.rglob("*.html"):
        page = parse(path)
        for tag, attrs in page.elements:
            assert not any(name.startswith("on") for name in attrs), (path.name, tag, attrs)
            assert tag not in ("iframe", "object", "embed", "base")
            if tag == "script":
                assert attrs == {"src": attrs["src"], "defer": None}
                assert attrs["src"].endswith(SCRIPTS), attrs["src"]
            if tag == "img":
                assert attrs.get("src") != "x"
            for name in ("href", "src", "action"):
                if attrs.get(name):
                    link = "".join(attrs[name].lower().split())
                    assert not link.startswith(("javascript", "data:")), (
                        path.name,
                        attrs,
                    )
        text = "".join(page.text)
        shown_as_text += text.count('<script>alert("xss")</script>')
        assert "pwned" not in text
    assert shown_as_text > 50, "the payload should be shown to the reader as plain text"
    reports = [site / "reports.html", *sorted((site / "reports").glob("*.html"))]
    assert len(reports) == 6
    for path in reports:  # the reports are published pages too, and carry the payload as text
        assert '<script>alert("xss")</script>' in "".join(parse(path).text), path.name
    json.loads((site / "register.json").read_text("utf-8"))
    index = (site / "assets" / "search-index.js").read_text("utf-8")
    assert "<" not in index and "pwned" not in index, "the search index holds only words"


SCRIPTS = ("assets/register.js", "assets/search.js", "assets/search-index.js")
"""The only scripts a page loads: the site's own."""


def test_every_link_is_internal_and_exists_or_http_or_mailto(
    runner: CliRunner, example_repo: Path
) -> None:
    build(runner)
    site = example_repo / "site"
    for path in site.rglob("*.html"):
        page = parse(path)
        ids = [a["id"] for _, a in page.elements if a.get("id")]
        assert len(ids) == len(set(ids)), f"duplicate id in {path.name}"
        base = "http://site.invalid/" + path.relative_to(site).as_posix()
        for tag, attrs in page.elements:
            for name in ("href", "src"):
                value = attrs.get(name)
                if value is None:
                    continue
                parts = urlsplit(value)
                if parts.scheme:
                    assert parts.scheme in ("http", "https", "mailto"), value
                    assert tag == "a", f"external resource {value} on {path.name}"
                    continue
                target = urlsplit(urljoin(base, value))
                local = site / target.path.lstrip("/")
                assert local.is_file(), f"{path.name}: broken link {value}"
                if target.fragment:
                    assert f'id="{target.fragment}"' in local.read_text("utf-8")


def test_open_data_csv_is_safe_from_formulas(runner: CliRunner, example_repo: Path) -> None:
    starts = [
        '=HYPERLINK("http://evil.example")',
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\tTabbed",
        "\rReturn",
    ]

    def plant(data: dict[str, Any]) -> None:
        data["name"] = starts[0]
        data["summary"] = starts[1]
        data["department"] = starts[2]
        data["portfolio"] = starts[3]
        data["committee"] = starts[4]
        data["partners"][0]["name"] = starts[5]

    edit_record(example_repo, "food-bank-partnership", plant)
    assert build(runner).exit_code == 0
    text = (example_repo / "site" / "register.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == ARRANGEMENTS
    row = next(r for r in rows if r["id"] == "food-bank-partnership")
    for column in ("name", "summary", "lead_department", "portfolio", "committee", "partners"):
        assert row[column].startswith("'"), (column, row[column])
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    data = json.loads((example_repo / "site" / "register.json").read_text("utf-8"))
    food = next(a for a in data["arrangements"] if a["id"] == "food-bank-partnership")
    assert food["name"] == starts[0]  # JSON keeps the text exactly
    assert [f["name"] for f in data["fields"]] == list(rows[0].keys())


def test_data_dictionary_describes_every_column(runner: CliRunner, example_repo: Path) -> None:
    build(runner)
    header = (example_repo / "site" / "register.csv").read_text("utf-8-sig").splitlines()[0]
    page = (example_repo / "site" / "open-data.html").read_text("utf-8")
    for column in header.split(","):
        assert f"<code>{column}</code>" in page


def test_theme_from_partnerfw_yaml(runner: CliRunner, example_repo: Path) -> None:
    (example_repo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text("utf-8") + "theme:\n  logo: logo.png\n"
        "  colour: '#f0f0f0'\n  footer_links:\n"
        "    Accessibility statement: https://thamesbridge.gov.example/a11y\n"
        "    Help with this site: https://thamesbridge.gov.example/help\n"
        "    Contact us: mailto:partnerships@thamesbridge.gov.example\n",
        "utf-8",
    )
    assert build(runner).exit_code == 0
    site = example_repo / "site"
    assert (site / "assets" / "logo.png").read_bytes().startswith(b"\x89PNG")
    index = (site / "index.html").read_text("utf-8")
    # The site's own statement replaces a footer link of the same name.
    assert '<a href="accessibility.html">Accessibility statement</a>' in index
    assert "https://thamesbridge.gov.example/a11y" not in index
    assert '<a href="https://thamesbridge.gov.example/help">Help with this site</a>' in index
    assert '<a href="mailto:partnerships@thamesbridge.gov.example">Contact us</a>' in index
    css = (site / "assets" / "style.css").read_text("utf-8")
    assert "--brand: #f0f0f0;" in css
    assert "--brand-text: #0b0c0c;" in css  # a light header gets dark text (contrast)
    assert "@import" not in css and "url(" not in css


@pytest.mark.parametrize(
    ("theme", "message"),
    [
        ("  footer_links:\n    Bad: 'javascript:alert(1)'\n", "only those are published as links"),
        ("  logo: missing.png\n", "theme.logo 'missing.png' cannot be read"),
    ],
)
def test_bad_theme_is_a_clear_error(
    runner: CliRunner, example_repo: Path, theme: str, message: str
) -> None:
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(settings.read_text("utf-8") + "theme:\n" + theme, "utf-8")
    result = build(runner)
    assert result.exit_code == 2
    assert message in result.output
    assert not (example_repo / "site").exists()


def test_findings_on_the_site_are_in_plain_language(runner: CliRunner, example_repo: Path) -> None:
    """Residents read 'mark them in place' and '31 March 2026', not field paths and ISO dates."""
    assert build(runner).exit_code == 0
    pages = example_repo / "site" / "arrangements"
    rest_centre = (pages / "emergency-rest-centre-partnership.html").read_text("utf-8")
    findings = rest_centre[rest_centre.index('id="findings"') :]
    assert "mark them in place" in findings and "in_place" not in findings
    control = (pages / "joint-building-control-officer.html").read_text("utf-8")
    findings = control[control.index('id="findings"') :]
    assert "the last was on 31 March 2026" in findings
    assert "monitoring.budget_reports" not in findings and "2026-03-31" not in findings


def test_two_files_with_one_id_are_reported_not_published_silently(
    runner: CliRunner, example_repo: Path
) -> None:
    register = example_repo / "register"
    (register / "extra-copy.yaml").write_text(
        (register / "youth-sports-partnership.yaml").read_text("utf-8"), "utf-8"
    )
    result = build(runner)
    assert result.exit_code == 1
    assert "1 id is used by more than one file" in result.stdout
    assert "youth-sports-partnership" in result.stdout
