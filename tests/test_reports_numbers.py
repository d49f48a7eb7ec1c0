"""Each report's numbers, pinned on the bundled register as of 2026-11-23."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from partnerfw.policy.project import open_project
from partnerfw.reports import Options, annual, due, governance, scrutiny
from partnerfw.reports import build_paper as build
from partnerfw.reports.common import ReportData, Scope, prepare
from partnerfw.rules.engine import run_check
from tests.bundled_register import ARRANGEMENTS, ERRORS, WARNINGS
from tests.conftest import TODAY

AS_OF = dt.date.fromisoformat(TODAY)


def _data(root: Path, public: bool = True, scope: Scope | None = None) -> ReportData:
    project = open_project(root)
    result = run_check(project, [project.register_dir], AS_OF)
    return prepare(project.council_name, project.policy, result, AS_OF, scope, public)


def test_annual_totals_by_kind_and_class(example_repo: Path) -> None:
    report = annual.compute(_data(example_repo))
    assert len(report.lines) == ARRANGEMENTS
    totals = {(t.kind, t.classification): (t.live, t.proposed, t.resources) for t in report.totals}
    assert totals[("Partnership", "Significant partnership")] == (3, 0, Decimal(180000))
    assert totals[("Partnership", "Other partnership")] == (4, 1, Decimal(124000))
    assert totals[("Shared service", "Full shared service")] == (1, 0, Decimal(190000))
    assert totals[("Shared service", "Joint management")] == (0, 1, Decimal(0))
    assert sum(t.live for t in report.totals) == 13
    assert report.total_resources == Decimal(1090500)
    assert dict(report.by_kind) == {
        "Partnership": Decimal(304000),
        "Shared service": Decimal(237000),
        "Informal network": Decimal(1500),
        "Commissioning arrangement": Decimal(78000),
        "Company or charitable trust": Decimal(470000),
    }


def test_annual_changes_in_the_year_from_the_records_dates(example_repo: Path) -> None:
    report = annual.compute(_data(example_repo))
    assert report.period_start == dt.date(2025, 11, 23)
    assert [e.id for e in report.added] == [
        "planning-resilience-cover",
        "emergency-rest-centre-partnership",
    ]
    assert [e.id for e in report.ended] == ["homelessness-prevention-partnership"]
    assert len(report.decisions) == 8
    assert report.baseline is None and report.class_changes == []
    assert sum(1 for g in report.gaps if g.severity == "error") == ERRORS
    assert sum(1 for g in report.gaps if g.severity == "warning") == WARNINGS


def test_annual_heat_map_leaves_out_confidential_risks(example_repo: Path) -> None:
    public = annual.compute(_data(example_repo))
    internal = annual.compute(_data(example_repo, public=False))
    assert sum(public.risks.values()) == 10
    assert sum(internal.risks.values()) == 11
    assert internal.risks[(2, 5)] == public.risks[(2, 5)] + 1 == 4


def test_governance_ratings_and_completeness(example_repo: Path) -> None:
    report = governance.compute(_data(example_repo))
    assert report.counts == {"Green": 2, "Amber": 10, "Red": 1}
    lines = {line.id: line for line in report.lines}
    # Approved in 2023 through the 'other' route when the earlier edition (then in force) made
    # it significant: the missing Management Team discussion is an error.
    youth = lines["youth-sports-partnership"]
    assert (youth.errors, youth.rating) == (1, "Amber")
    rest = lines["emergency-rest-centre-partnership"]
    assert (rest.in_place, rest.required, rest.rating) == (2, 21, "Red")
    assert rest.complete is not None and round(rest.complete) == 10
    safety = lines["community-safety-partnership"]
    assert (safety.in_place, safety.required, safety.rating) == (21, 21, "Green")
    assert safety.assurance_date == dt.date(2026, 2, 27) and safety.assurance_current
    # Appendix 1 lists 'dealing with public complaints and compliments' among a partnership's
    # governance arrangements: the climate partnership has not recorded it (GOV001, an error).
    climate = lines["climate-action-partnership"]
    assert (climate.in_place, climate.required, climate.rating) == (18, 20, "Amber")
    assert climate.drafted == ["conflicts_of_interest"]
    dementia = lines["dementia-friendly-thamesbridge"]
    assert (dementia.errors, dementia.rating) == (3, "Amber")
    assert len(report.exceptions) == 11  # with the Youth Sports Partnership


def test_governance_rating_rules_come_from_the_policy(example_repo: Path) -> None:
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "\npolicy:\n",
            (
                "\npolicy:\n"
                "  governance_rating:\n"
                "    amber: {min_complete_percent: 5}\n"
                "    green_needs_assurance: false\n"
            ),
            1,
        ),
        encoding="utf-8",
    )
    report = governance.compute(_data(example_repo))
    lines = {line.id: line.rating for line in report.lines}
    assert lines["emergency-rest-centre-partnership"] == "Amber"
    assert lines["planning-resilience-cover"] == "Green"  # no assurance needed any more
    assert report.counts == {"Green": 6, "Amber": 7, "Red": 0}


def test_due_items_grouped_by_lead_officer(example_repo: Path) -> None:
    report = due.compute(_data(example_repo))
    assert report.until == dt.date(2027, 2, 21)  # renewal_notice_days: 90
    # Every running arrangement's autumn review (6.6) is due by 30 November 2026, unless it is
    # recorded already; climate action missed autumn 2025's, so that one is overdue.
    assert len(report.items) == 28
    assert len(report.overdue()) == 7
    officers = {o.officer: o for o in report.officers}
    assert len(officers) == 10
    fiona = [(i.what, i.due.isoformat()) for i in officers["Fiona Grant"].items]
    assert fiona == [
        ("Shared service review", "2026-06-01"),
        ("Budget monitoring report", "2026-06-30"),
        ("Annual review", "2026-11-30"),
        ("Performance report", "2026-12-01"),
    ]
    kwame = [(i.what, i.due.isoformat()) for i in officers["Kwame Asante"].items]
    assert ("Urgent arrangement awaiting approval", "2026-08-31") in kwame
    claire = [i.what for i in officers["Claire Ndlovu"].items]
    assert claire == [
        "Exit step",
        "Exit step",
        "Budget monitoring report",
        "End date: arrangement ends",
    ]
    assert all(o.email is None for o in report.officers)  # public: no contact details


def test_due_window_and_contact_details(example_repo: Path) -> None:
    now_only = due.compute(_data(example_repo), within=0)
    assert len(now_only.items) == len(now_only.overdue()) == 7
    climate = [i for i in now_only.items if i.id == "climate-action-partnership"]
    assert ("Annual review", dt.date(2025, 11, 30)) in [(i.what, i.due) for i in climate]
    year = due.compute(_data(example_repo), within=365)
    whats = {i.what for i in year.items}
    assert "End date: decide on renewal or exit" in whats  # e.g. planning cover, 2027-04-30
    internal = due.compute(_data(example_repo, public=False))
    emails = {o.officer: o.email for o in internal.officers}
    assert emails["Fiona Grant"] == "fiona.grant@thamesbridge.gov.example"


def test_scrutiny_ranking_shows_the_parts_of_the_score(example_repo: Path) -> None:
    report = scrutiny.compute(_data(example_repo))
    assert len(report.candidates) == 13
    top = report.candidates[0]
    assert top.id == "climate-action-partnership"
    assert (top.resources_points, top.risk_points, top.gap_points, top.score) == (
        Decimal("4.1"),
        Decimal("4.8"),
        Decimal("10.0"),
        Decimal("18.9"),
    )
    assert (top.highest_risk, top.errors, top.warnings) == (12, 1, 9)
    assert [c.id for c in report.candidates[1:4]] == [
        "shared-internal-audit-service",
        "riverside-regeneration-partnership",
        "youth-sports-partnership",
    ]
    assert report.candidates[-1].id == "downsmere-finance-officers-group"
    assert report.candidates[-1].score == Decimal("0.2")


def test_reclassification_against_the_earlier_edition(example_repo: Path) -> None:
    project = open_project(example_repo)
    result = run_check(project, [project.register_dir], AS_OF)
    paper = build("reclassification", project, result, AS_OF)
    moved = [row[0] for row in paper.data.rows]
    assert moved == [
        "emergency-rest-centre-partnership",
        "climate-action-partnership",
        "food-bank-partnership",
        "youth-sports-partnership",
    ]
    assert all(
        row[4] == "Other partnership" and row[5] == "Significant partnership"
        for row in paper.data.rows
    )
    lacking = {row[0]: row[10] for row in paper.data.rows}
    assert lacking["youth-sports-partnership"] == "discussion at the Management Team"
    assert lacking["food-bank-partnership"] == ""  # proposed: the new route simply applies
    differences = paper.sections[1].tables[0].rows
    assert ["Significance threshold", "£50,000", "£10,000"] in differences
    assert ["Urgent route: approval within (days)", "28", "none"] in differences


def test_scope_cuts_every_report(example_repo: Path) -> None:
    data = _data(example_repo, scope=Scope(committee="corporate services cabinet committee"))
    assert {r.id for r in data.records} == {
        "joint-building-control-officer",
        "joint-it-management",
        "planning-resilience-cover",
        "shared-internal-audit-service",
    }
    assert {f.record for f in data.findings} <= {r.id for r in data.records}
    assert annual.compute(data).total_resources == Decimal(237000)
    assert [o.officer for o in due.compute(data).officers] == [
        "Fiona Grant",
        "Mark Ellison",
        "Nadia Kowalski",
    ]


@pytest.mark.parametrize("name", ["annual", "governance", "due", "scrutiny", "reclassification"])
def test_every_report_is_reproducible_for_a_date(example_repo: Path, name: str) -> None:
    project = open_project(example_repo)
    result = run_check(project, [project.register_dir], AS_OF)
    first = build(name, project, result, AS_OF, Options())
    again = build(name, project, result, AS_OF, Options())
    assert first == again
    assert first.as_of == AS_OF and first.council == "Thamesbridge Borough Council"
