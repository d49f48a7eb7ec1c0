"""The history section of each arrangement's page, read from a real git repository, and the
published view of values an import kept as written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import open_project
from partnerfw.record.models import Arrangement
from partnerfw.rules.engine import run_check
from partnerfw.views.redaction import Redaction
from partnerfw.views.site import build_site_view
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import TODAY
from tests.test_site_build import parse, site_files
from tests.trail_repo import proposal_through_two_prs, record


def history_rows(page: Path) -> list[list[str]]:
    """The history table's rows as their cells' text."""
    html = page.read_text("utf-8")
    section = html[html.index('id="history"') :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = []
    for row in body.split("<tr>")[1:]:
        cells = parse_cells(row)
        rows.append(cells)
    return rows


def parse_cells(row_html: str) -> list[str]:
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.cells: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "td":
                self.cells.append("")

        def handle_data(self, data: str) -> None:
            if self.cells:
                self.cells[-1] += data

    parser = Cells()
    parser.feed(row_html)
    return [" ".join(c.split()) for c in parser.cells]


def build(runner: CliRunner, *args: str) -> None:
    result = runner.invoke(app, ["build", "--today", TODAY, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_site_shows_the_two_pull_requests_that_took_a_proposal_to_approval(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = proposal_through_two_prs(tmp_path / "repo")
    # a direct change by someone whose git name carries an email address, and a new record
    # not committed yet
    repo.commit(
        "Fix a typo",
        {
            "register/food-bank.yaml": record(
                "food-bank", "active", extra="summary: Food for families.\n"
            )
        },
        who="Sam Webb sam.webb@thamesbridge.gov.example",
    )
    repo.write({"register/library-link.yaml": record("library-link")})
    monkeypatch.chdir(repo.root)
    build(runner, "--out", "one")
    site = repo.root / "one"

    assert history_rows(site / "arrangements" / "riverside.html") == [
        [
            "1 September 2026",
            "Tom Brennan",
            "Added, status Proposed",
            "#12, merged by Priya Chandran",
        ],
        ["1 September 2026", "Tom Brennan", "Details edited", "#12, merged by Priya Chandran"],
        ["1 September 2026", "Graham Oduya", "Status Proposed → Approved", "#13"],
    ]
    assert history_rows(site / "arrangements" / "food-bank.html") == [
        ["1 September 2026", "Repo Admin", "Added, status Active", "None (changed directly)"],
        ["2 September 2026", "Sam Webb", "Details edited", "None (changed directly)"],
    ]
    new = site / "arrangements" / "library-link.html"
    assert "No history yet: this arrangement's file has not been committed" in " ".join(
        parse(new).text
    )
    assert 'href="#history"' in new.read_text("utf-8")

    # names are published, the commits' email addresses never
    everything = "".join(p.read_text("utf-8") for p in site_files(site))
    assert "@thamesbridge.gov.example" not in everything
    # the same repository gives the same site, byte for byte
    build(runner, "--out", "two")
    assert {p.relative_to(site): p.read_bytes() for p in site_files(site)} == {
        p.relative_to(repo.root / "two"): p.read_bytes() for p in site_files(repo.root / "two")
    }


def test_outside_git_every_page_says_there_is_no_history(
    runner: CliRunner, example_repo: Path
) -> None:
    build(runner)
    pages = sorted((example_repo / "site" / "arrangements").glob("*.html"))
    assert len(pages) == ARRANGEMENTS
    for page in pages:
        text = " ".join(" ".join(parse(page).text).split())
        assert "History No history: this register is not in a git repository." in text


def _record(extra: dict[str, object]) -> Arrangement:
    return Arrangement.model_validate(
        {
            "id": "x",
            "name": "X",
            "kind": "partnership",
            "status": "proposed",
            "lead_officer": {"name": "Tom Brennan"},
            "department": "Place",
            **extra,
        }
    )


def test_imported_as_written_is_hidden_exactly_when_its_part_is() -> None:
    a = _record(
        {
            "confidential": ["partners.2", "council_resources"],
            "imported_as_written": {
                "partners.2.name": "NHS Kent, Medway",
                "council_resources.dedicated_budget": "about £5k",
                "lead_officer.phone": "ring Sam",
                "dates.start": "April 2016",
            },
        }
    )
    public = Redaction(a, a.model_dump(mode="json"), public=True, contact_details=False)
    hidden = {key for key in a.imported_as_written if public.hidden("imported_as_written", key)}
    assert hidden == {"partners.2.name", "council_resources.dedicated_budget", "lead_officer.phone"}
    assert public.leaks("Kept as 'about £5k'") and not public.leaks("April 2016")
    contacts = Redaction(a, a.model_dump(mode="json"), public=True, contact_details=True)
    assert not contacts.hidden("imported_as_written", "lead_officer.phone")
    internal = Redaction(a, a.model_dump(mode="json"), public=False, contact_details=False)
    assert not any(internal.hidden("imported_as_written", key) for key in a.imported_as_written)


def test_findings_about_confidential_values_imported_as_written_are_not_quoted(
    example_repo: Path,
) -> None:
    path = example_repo / "register" / "community-safety-partnership.yaml"
    path.write_text(
        path.read_text("utf-8") + "imported_as_written:\n"
        "  partners.2.name: QUOTEDPARTNERQX1\n"
        "  dates.start: QUOTEDSTARTQX2\n",
        "utf-8",
    )
    project = open_project(example_repo)
    today = dt.date.fromisoformat(TODAY)
    result = run_check(project, [project.register_dir], today)
    messages = " ".join(f.message for f in result.findings)
    assert "QUOTEDPARTNERQX1" in messages and "QUOTEDSTARTQX2" in messages  # DATA010 quotes
    view = build_site_view(result, project, today)
    page = next(p for p in view.pages if p.row.id == "community-safety-partnership")
    shown = " ".join(f.message for f in page.findings)
    assert "QUOTEDPARTNERQX1" not in shown
    assert "QUOTEDSTARTQX2" in shown
    internal = build_site_view(result, project, today, public=False)
    page = next(p for p in internal.pages if p.row.id == "community-safety-partnership")
    assert "QUOTEDPARTNERQX1" in " ".join(f.message for f in page.findings)
