"""The published site meets the public-sector rules by default (issue 12.7): an accessibility
statement from partnerfw.yaml linked in every footer (and a warning from build while its
details are missing), licensed open data, a CSV that Excel opens correctly, a Frictionless data
package that validates against the files it describes, absolute page links when the site's
address is known."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


def _build(runner: CliRunner) -> str:
    result = runner.invoke(
        app, ["build", "--today", TODAY, "--out", "site"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def _settings(root: Path, change: dict[str, object]) -> None:
    path = root / "partnerfw.yaml"
    data = yaml.safe_load(path.read_text())
    for key, value in change.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_every_page_links_the_accessibility_statement(
    runner: CliRunner, example_repo: Path
) -> None:
    output = _build(runner)
    assert "accessibility statement" not in output.lower()  # the bundled settings are complete
    site = example_repo / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        depth = len(page.relative_to(site).parts) - 1
        link = f'<a href="{"../" * depth}accessibility.html"'
        footer = page.read_text().split("</main>")[1]
        assert link in footer, page


def test_the_statement_says_what_the_regulations_require(
    runner: CliRunner, example_repo: Path
) -> None:
    _build(runner)
    text = (example_repo / "site" / "accessibility.html").read_text()
    for words in (
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing",
        "Equality Advisory and Support Service (EASS)",
        "This website is fully compliant with the Web Content Accessibility Guidelines version "
        "2.2 AA standard.",
        'href="mailto:web.accessibility@thamesbridge.gov.example"',
        "01632 960000",
        "get back to you in 5 working days",
        '<time datetime="2026-11-20">20 November 2026</time>',
        "manual checks with the keyboard and the NVDA screen reader",
        "This statement was prepared on 20 November 2026.",
    ):
        assert words in text, words


def test_build_warns_while_the_statement_lacks_its_details(
    runner: CliRunner, example_repo: Path
) -> None:
    _settings(example_repo, {"accessibility": {"compliance": "partially"}})
    output = _build(runner)  # a warning, not a failure: the site is still built
    assert "warning: the accessibility statement (accessibility.html)" in output
    for missing in (
        "accessibility.contact.email",
        "accessibility.known_issues",
        "accessibility.tested",
        "accessibility.how_tested",
    ):
        assert missing in output
    assert "accessibility.compliance" not in output
    page = (example_repo / "site" / "accessibility.html").read_text()
    assert "partially compliant" in page
    assert "The date this website was last tested has not been recorded yet." in page


def test_a_northern_ireland_council_names_the_equality_commission(
    runner: CliRunner, example_repo: Path
) -> None:
    _settings(example_repo, {"accessibility": {"northern_ireland": True}})
    _build(runner)
    page = (example_repo / "site" / "accessibility.html").read_text()
    assert "Equality Commission for Northern Ireland (ECNI)" in page
    assert "EASS" not in page


def test_a_bad_accessibility_setting_is_a_located_finding(
    runner: CliRunner, example_repo: Path
) -> None:
    _settings(example_repo, {"accessibility": {"compliance": "mostly"}})
    result = runner.invoke(app, ["check", "--today", TODAY, "--format", "json"])
    found = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "POL001"]
    assert found and found[0]["file"] == "partnerfw.yaml"
    assert "compliance" in found[0]["message"]


def test_the_csv_opens_in_excel_and_the_json_carries_the_licence(
    runner: CliRunner, example_repo: Path
) -> None:
    _build(runner)
    raw = (example_repo / "site" / "register.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,name,kind,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(list(EXAMPLE_REGISTER.glob("*.yaml")))
    assert all(r["page"].startswith("https://thamesbridge.gov.example/partnerships/arrangements/")
               for r in rows)  # fmt: skip
    data = json.loads((example_repo / "site" / "register.json").read_text())
    assert data["licence"] == {"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
                               "url": OGL}  # fmt: skip
    assert data["site"] == "https://thamesbridge.gov.example/partnerships/"
    open_page = (example_repo / "site" / "open-data.html").read_text()
    assert f'<a href="{OGL}">Open Government Licence v3.0</a>' in open_page
    assert "datapackage.json" in open_page


def test_without_a_site_address_page_links_stay_relative_and_the_licence_defaults_to_ogl(
    runner: CliRunner, example_repo: Path
) -> None:
    _settings(example_repo, {"site": None, "open_data": None})
    _build(runner)
    rows = list(
        csv.DictReader(io.StringIO((example_repo / "site/register.csv").read_text("utf-8-sig")))
    )
    assert rows[0]["page"].startswith("arrangements/")
    data = json.loads((example_repo / "site" / "register.json").read_text())
    assert data["licence"]["url"] == OGL and data["site"] is None


def test_a_council_can_choose_another_licence(runner: CliRunner, example_repo: Path) -> None:
    licence = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
               "url": "https://creativecommons.org/licenses/by/4.0/"}  # fmt: skip
    _settings(example_repo, {"open_data": {"licence": licence}})
    _build(runner)
    package = json.loads((example_repo / "site" / "datapackage.json").read_text())
    assert package["licenses"] == [
        {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": licence["url"]}
    ]
    assert "Creative Commons Attribution 4.0" in (example_repo / "site/index.html").read_text()


@pytest.mark.parametrize("register", ["bundled", "governance_facts"])
def test_the_data_package_validates_against_the_files_it_describes(
    register: str, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frictionless import validate

    root = tmp_path / "repo"
    if register == "bundled":
        shutil.copytree(EXAMPLE_REGISTER, root / "register")
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    else:
        shutil.copytree(REPO / "tests" / "fixtures" / "governance_facts", root)
    monkeypatch.chdir(root)
    _build(runner)
    site = root / "site"
    report = validate(str(site / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    package = json.loads((site / "datapackage.json").read_text())
    csv_resource = package["resources"][0]
    assert csv_resource["path"] == "register.csv" and csv_resource["encoding"] == "utf-8-sig"
    fields = {f["name"]: f for f in csv_resource["schema"]["fields"]}
    header = (site / "register.csv").read_text("utf-8-sig").splitlines()[0].split(",")
    assert list(fields) == header
    assert fields["dedicated_budget"]["type"] == "number"
    assert fields["dedicated_budget"]["unit"] == "GBP"
    assert fields["next_review"]["type"] == "date"
    # A start known only to the month or year ('2021-03', '2004') is a patterned string.
    assert fields["start_date"]["type"] == "string"
    assert fields["start_date"]["constraints"]["pattern"] == r"\d{4}(-\d{2}(-\d{2})?)?"
    assert fields["open_findings"]["type"] == "integer"
    assert all(f["description"] for f in fields.values())
    assert package["resources"][1]["path"] == "register.json"


def test_a_broken_csv_fails_the_data_package_check(runner: CliRunner, example_repo: Path) -> None:
    """The validation above can fail: a money cell that is not a number is reported."""
    from frictionless import validate

    _build(runner)
    path = example_repo / "site" / "register.csv"
    text = path.read_text("utf-8-sig").splitlines()
    cells = next(csv.reader([text[1]]))
    cells[list(next(csv.reader([text[0]]))).index("dedicated_budget")] = "lots"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    text[1] = buffer.getvalue()
    path.write_text("\r\n".join(text) + "\r\n", encoding="utf-8-sig")
    report = validate(str(example_repo / "site" / "datapackage.json"))
    assert not report.valid
    assert "type-error" in [e[0] for e in report.flatten(["type"])]
