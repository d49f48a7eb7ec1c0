"""Arrangements that change over time, on the register of a differently shaped council
(tests/fixtures/timeline: Harrowfield Borough Council): a shared service that became a full
shared service, community safety partnerships merged into a new one, a partner that left when
the NHS was reorganised, and an umbrella programme over two shared services."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.judge.timeline import (
    certain_partners,
    current_partners,
    phase_in_force,
    shared_service_type,
)
from partnerfw.record.loading import load, parse_record
from partnerfw.record.models import SharedServiceType

FIXTURE = Path(__file__).parent / "fixtures" / "timeline"
D = dt.date
TIMELINE_CODES = ("TML", "REG003", "REG004", "REG005")


@pytest.fixture
def harrowfield(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "harrowfield"
    shutil.copytree(FIXTURE, root)
    monkeypatch.chdir(root)
    return root


def _check(runner: CliRunner, *args: str, today: str = "2026-11-23") -> dict:
    result = runner.invoke(
        app, ["check", "--today", today, "--format", "json", *args], catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _timeline_findings(report: dict) -> list[tuple[str, str, int, str]]:
    return [
        (f["rule"], f["file"], f["line"], f["message"])
        for f in report["findings"]
        if f["rule"].startswith(TIMELINE_CODES)
    ]


def _line(path: Path, text: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if after in ln) if after else 0
    return next(n for n, ln in enumerate(lines[start:], start + 1) if text in ln)


def _records() -> dict:
    return {r.arrangement.id: r.arrangement for r in load([FIXTURE / "register"]).records}


# --- the phase in force and the partners on a date ------------------------------------------


def test_the_shared_service_is_classed_by_the_phase_in_force(
    runner: CliRunner, harrowfield: Path
) -> None:
    for today, expected in (
        ("2016-03-31", "joint_management"),  # before it began: the first phase, as planned
        ("2018-06-01", "joint_management"),
        ("2019-09-30", "joint_management"),
        ("2019-10-01", "full_shared_service"),
        ("2026-11-23", "full_shared_service"),
    ):
        report = _check(runner, today=today)
        (record,) = [r for r in report["records"] if r["id"].startswith("revenues")]
        assert record["classification"] == expected, today
    result = runner.invoke(app, ["classify", "--today", "2018-06-01"], catch_exceptions=False)
    assert re.search(r"revenues-and-benefits-shared-service\s+Joint management", result.stdout)


def test_check_uses_the_phase_in_force_for_the_business_case(
    runner: CliRunner, harrowfield: Path
) -> None:
    """SSV001 names the type in force: joint management in 2018, a full shared service now."""

    def message(today: str) -> str:
        report = _check(runner, today=today)
        (found,) = [f["message"] for f in report["findings"] if f["rule"] == "SSV001"]
        return found

    assert message("2018-06-01").startswith("a joint management needs a business case")
    assert message("2026-11-23").startswith("a full shared service needs a business case")


def test_phase_in_force_and_type_follow_the_dates() -> None:
    service = _records()["revenues-and-benefits-shared-service"]
    assert phase_in_force(service, D(2016, 3, 31)) is None
    assert phase_in_force(service, D(2016, 4, 29)) is None  # April 2016: not certainly begun
    phase = phase_in_force(service, D(2016, 4, 30))
    assert phase is not None and phase.type is SharedServiceType.JOINT_MANAGEMENT
    assert shared_service_type(service, D(2020, 1, 1)) is SharedServiceType.FULL_SHARED_SERVICE
    assert shared_service_type(service, None) is SharedServiceType.FULL_SHARED_SERVICE


def test_a_partner_who_left_is_not_a_current_partner() -> None:
    csp = _records()["north-vale-community-safety-partnership"]

    def names(partners: list) -> set[str]:
        return {p.name for p in partners}

    ccg, icb = (
        "NHS West Vale Clinical Commissioning Group",
        "NHS Kent and Medway Integrated Care Board",
    )
    probation = "Probation Service (Kent, Surrey and Sussex)"
    assert ccg in names(current_partners(csp, D(2022, 6, 29)))
    assert icb not in names(current_partners(csp, D(2022, 6, 30)))
    assert ccg not in names(current_partners(csp, D(2022, 6, 30)))  # left that day
    assert icb in names(current_partners(csp, D(2022, 7, 1)))
    # joined 'June 2021': may be a partner during June, certainly one only from its end
    assert probation in names(current_partners(csp, D(2021, 6, 10)))
    assert probation not in names(certain_partners(csp, D(2021, 6, 10)))
    assert probation in names(certain_partners(csp, D(2021, 6, 30)))
    assert probation not in names(current_partners(csp, D(2021, 5, 31)))


# --- validated with file:line --------------------------------------------------------------


def test_the_fixture_register_holds_together(runner: CliRunner, harrowfield: Path) -> None:
    assert _timeline_findings(_check(runner)) == []


def test_an_unknown_link_is_reported_with_its_line_and_the_likely_id(
    runner: CliRunner, harrowfield: Path
) -> None:
    path = harrowfield / "register" / "shared-legal-service.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("parent: harrowfield-cranmere", "parent: harrowfeld-cranmere"))
    (finding,) = _timeline_findings(_check(runner))
    assert finding[:3] == ("REG003", "register/shared-legal-service.yaml", _line(path, "parent:"))
    assert "'harrowfeld-cranmere-shared-services-programme', which is not the id" in finding[3]
    assert "did you mean 'harrowfield-cranmere-shared-services-programme'?" in finding[3]


def test_checking_one_file_does_not_call_links_to_the_others_unknown(
    runner: CliRunner, harrowfield: Path
) -> None:
    report = _check(runner, "register/shared-legal-service.yaml")
    assert report["summary"]["records"] == 1
    assert _timeline_findings(report) == []


def test_a_successor_that_does_not_point_back_is_reported(
    runner: CliRunner, harrowfield: Path
) -> None:
    new = harrowfield / "register" / "north-vale-community-safety-partnership.yaml"
    new.write_text(
        new.read_text(encoding="utf-8").replace("    - cranmere-community-safety-partnership\n", "")
    )
    old = harrowfield / "register" / "cranmere-community-safety-partnership.yaml"
    (finding,) = _timeline_findings(_check(runner))
    assert finding[:3] == (
        "REG004",
        "register/cranmere-community-safety-partnership.yaml",
        _line(old, "- north-vale", after="successors"),
    )
    assert "names 'north-vale-community-safety-partnership' as its successor" in finding[3]
    assert "register/north-vale-community-safety-partnership.yaml does not name" in finding[3]
    assert "under links.predecessors" in finding[3]


def test_links_that_loop_are_reported(runner: CliRunner, harrowfield: Path) -> None:
    programme = harrowfield / "register" / "harrowfield-cranmere-shared-services-programme.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(
        text.replace("dates:\n", "links:\n  parent: shared-legal-service\ndates:\n", 1)
    )
    service = harrowfield / "register" / "revenues-and-benefits-shared-service.yaml"
    service.write_text(
        service.read_text(encoding="utf-8").replace(
            "links:\n", "links:\n  successors:\n    - revenues-and-benefits-shared-service\n"
        )
    )
    found = _timeline_findings(_check(runner))
    loops = [f for f in found if f[0] == "REG005"]
    assert (
        "REG005",
        "register/revenues-and-benefits-shared-service.yaml",
        _line(service, "- revenues-and-benefits"),
    ) in [f[:3] for f in loops]
    assert any("cannot be its own successor" in f[3] for f in loops)
    looped = {f[1] for f in loops if "comes back here" in f[3]}
    assert looped == {
        "register/harrowfield-cranmere-shared-services-programme.yaml",
        "register/shared-legal-service.yaml",
    }


def _bad(source: str, old: str, new: str) -> tuple[str, list]:
    text = source.replace(old, new, 1)
    assert text != source
    record, problems = parse_record(text.encode(), "register/x.yaml")
    assert record is None
    return text, problems


def test_a_partner_leaving_before_joining_is_refused_at_its_line() -> None:
    source = (FIXTURE / "register" / "north-vale-community-safety-partnership.yaml").read_text()
    text, problems = _bad(
        source, "    joined: 2022-07-01\n", "    joined: 2022-07-01\n    left: 2021\n"
    )
    (problem,) = problems
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "left: 2021" in ln)
    assert (problem.rule, problem.line) == ("DATA004", line)
    assert "the partner left (2021) before it joined (2022-07-01)" in problem.message


def test_a_type_on_a_phase_of_a_partnership_is_refused() -> None:
    source = (FIXTURE / "register" / "north-vale-community-safety-partnership.yaml").read_text()
    text, problems = _bad(
        source, "links:\n", "phases:\n  - start: 2020-10\n    type: joint_management\nlinks:\n"
    )
    (problem,) = problems
    assert problem.line == text.splitlines().index("phases:") + 1
    assert "only a shared service has one" in problem.message


def test_a_shared_service_needs_its_type_in_the_record_or_its_phases() -> None:
    source = (FIXTURE / "register" / "revenues-and-benefits-shared-service.yaml").read_text()
    text = re.sub(r"    type: \w+\n", "", source)
    record, problems = parse_record(text.encode(), "register/x.yaml")
    assert record is None
    assert "or a type for each of its phases" in problems[0].message


def test_overlapping_phases_are_reported_at_the_later_phase(
    runner: CliRunner, harrowfield: Path
) -> None:
    path = harrowfield / "register" / "revenues-and-benefits-shared-service.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    type: joint_management\n", "    end: 2020-03\n    type: joint_management\n"
    )
    path.write_text(text)
    (finding,) = _timeline_findings(_check(runner))
    assert finding[:3] == (
        "TML001",
        "register/revenues-and-benefits-shared-service.yaml",
        _line(path, "- start: 2019-10-01"),
    )
    assert "phase 1 ends 2020-03 but phase 2 starts 2019-10-01" in finding[3]


# --- shown on the site and in the reports ---------------------------------------------------


def _build(runner: CliRunner, root: Path) -> Path:
    result = runner.invoke(
        app, ["build", "--out", "site", "--today", "2026-11-23"], catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.output
    return root / "site"


def _cells(html: str, caption: str) -> list[list[str]]:
    table = html.split(caption, 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [
        [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
        for r in rows
    ]


def test_the_site_shows_the_timeline_as_a_table_and_links_the_records(
    runner: CliRunner, harrowfield: Path
) -> None:
    site = _build(runner, harrowfield)
    page = (site / "arrangements" / "revenues-and-benefits-shared-service.html").read_text()
    rows = _cells(page, "How this arrangement has changed, oldest first")
    assert rows[:3] == [
        ["April 2016", "Started", ""],
        [
            "April 2016",
            "Became joint management",
            "A joint Head of Revenues and Benefits managing both councils&#39; teams; "
            "Joint Committee 14 March 2016, minute 12",
        ],
        [
            "April 2016",
            "Agreement's first term began".replace("'", "&#39;"),
            "Joint Committee 14 March 2016, minute 12",
        ],
    ]
    assert ["1 October 2019", "Became a full shared service"] in [r[:2] for r in rows]
    assert '<time datetime="2016-04">April 2016</time>' in page
    assert (
        '<a href="../arrangements/harrowfield-cranmere-shared-services-programme.html">'
        "Harrowfield and Cranmere Shared Services Programme</a>" in page
    )
    assert "Full shared service" in page  # the class follows the phase in force

    programme = (
        site / "arrangements" / "harrowfield-cranmere-shared-services-programme.html"
    ).read_text()
    assert programme.count('<dt class="summary-list__key">Includes</dt>') == 2
    assert '<a href="../arrangements/shared-legal-service.html">' in programme

    csp = (site / "arrangements" / "north-vale-community-safety-partnership.html").read_text()
    assert "NHS West Vale Clinical Commissioning Group (former partner)" in csp
    assert "<td>Left 30 June 2022</td>" in csp
    assert "<td>Since 1 July 2022</td>" in csp
    assert '<a href="../arrangements/cranmere-community-safety-partnership.html">' in csp
    old = (site / "arrangements" / "harrowfield-community-safety-partnership.html").read_text()
    assert '<time datetime="2004">2004</time>' in old
    assert '<time datetime="2020-10">October 2020</time>' in old

    data = json.loads((site / "register.json").read_text())
    (record,) = [r for r in data["arrangements"] if r["id"].startswith("north-vale")]
    assert record["start_date"] == "2020-10"
    assert record["predecessors"] == [
        "harrowfield-community-safety-partnership",
        "cranmere-community-safety-partnership",
    ]
    left = [p for p in record["partners"] if not p["current"]]
    assert [(p["name"], p["left"]) for p in left] == [
        ("NHS West Vale Clinical Commissioning Group", "2022-06-30")
    ]
    csv = (site / "register.csv").read_text()
    assert (
        "NHS West Vale Clinical Commissioning Group (public, None recorded, left 2022-06-30)" in csv
    )


def test_confidential_links_and_partners_stay_off_the_site(
    runner: CliRunner, harrowfield: Path
) -> None:
    path = harrowfield / "register" / "north-vale-community-safety-partnership.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "confidential:\n  - links\n  - partners.3.name\n"
    )
    site = _build(runner, harrowfield)
    csp = (site / "arrangements" / "north-vale-community-safety-partnership.html").read_text()
    assert "West Vale" not in csp
    assert "Related arrangements" not in csp
    assert "Cranmere Community Safety Partnership" not in csp
    data = (site / "register.json").read_text()
    assert "West Vale" not in data


def test_the_annual_report_shows_each_timeline(runner: CliRunner, harrowfield: Path) -> None:
    result = runner.invoke(
        app,
        ["report", "annual", "--as-of", "2026-11-23", "--format", "md"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    text = result.stdout.split("How arrangements changed over time", 1)[1]
    assert (
        "North Vale Community Safety Partnership: Replaced: Harrowfield Community Safety "
        "Partnership, Cranmere Community Safety Partnership." in text
    )
    assert "Includes: Harrowfield and Cranmere Revenues and Benefits Service, " in text
    assert "| 30 June 2022 | NHS West Vale Clinical Commissioning Group left |" in text
    assert (
        "| 1 October 2019 | Agreement renewed: term 2 | Cabinet 11 July 2019, minute 34 |" in text
    )
    assert "| 2004 | Started |" in text


def test_the_due_report_lists_an_end_known_to_the_month_from_its_first_day(
    runner: CliRunner, harrowfield: Path
) -> None:
    path = harrowfield / "register" / "shared-legal-service.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  indefinite: true", "  end: 2027-01")
    )
    result = runner.invoke(
        app,
        ["report", "due", "--as-of", "2026-11-23", "--format", "csv"],
        catch_exceptions=False,
    )
    (row,) = [r for r in result.stdout.splitlines() if "End date" in r and "Legal" in r]
    assert ",2027-01,39,no," in row
    result = runner.invoke(
        app,
        ["report", "due", "--as-of", "2027-01-15", "--format", "md"],
        catch_exceptions=False,
    )
    assert "| January 2027 | Due in January 2027 |" in result.stdout


# --- exported and imported back without loss ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_and_import_keep_every_new_shape(
    fmt: str, runner: CliRunner, harrowfield: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / f"first.{fmt}"
    args = ["export", "--format", fmt, "--include-confidential", "--out", str(first)]
    assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
    root = tmp_path / "empty"
    (root / "register").mkdir(parents=True)
    shutil.copy(harrowfield / "partnerfw.yaml", root / "partnerfw.yaml")
    monkeypatch.chdir(root)
    report = runner.invoke(app, ["import", str(first), "--write"], catch_exceptions=False)
    assert "6 rows: 6 written, 0 already in the register, 0 not imported; 0 values kept" in (
        report.stdout
    ), report.stdout
    second = tmp_path / f"second.{fmt}"
    args[-1] = str(second)
    assert runner.invoke(app, args, catch_exceptions=False).exit_code == 0
    assert second.read_bytes() == first.read_bytes()
    imported = {r.arrangement.id: r.arrangement for r in load([root / "register"]).records}
    assert imported == _records()


def test_an_approval_stops_covering_a_partner_who_left_or_joined_since() -> None:
    from tests.records import findings, yaml_text

    facts = {
        "approved": D(2021, 1, 12),
        "reference": "Decision notice leader",
        "kind": "partnership",
        "classification": "other",
        "council_resources": 20000,
        "partners": ["Thamesbridge Housing Trust"],
        "indefinite": True,
    }
    shelter = {"name": "Shelter Kent", "sector": "voluntary"}

    def apr009(changes: dict) -> list[str]:
        source = yaml_text("partnership", {"approved_facts": facts, **changes})
        return [f.message for f in findings(source) if f.rule == "APR009"]

    assert apr009({}) == []
    # a partner that had already left by the approval was not part of what it approved
    assert apr009({"partners.1": {**shelter, "left": "2020"}}) == []
    (joined,) = apr009({"partners.1": {**shelter, "joined": "2025-09"}})
    assert "its partners changed (added Shelter Kent)" in joined
    (left,) = apr009({"partners.0.left": "2026-06"})
    assert "its partners changed (removed Thamesbridge Housing Trust)" in left
