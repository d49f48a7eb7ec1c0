"""The views behind the site: what is public, how it is worded, and the template loader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import partnerfw
from partnerfw.cli import app
from partnerfw.policy.project import open_project
from partnerfw.rules.engine import run_check
from partnerfw.templating import environment, templates_dir
from partnerfw.views.common import long_date, safe_url, text_colour_for
from partnerfw.views.open_data import safe_cell
from partnerfw.views.pages import SiteView
from partnerfw.views.site import build_site_view
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import REPO, TODAY

DAY = dt.date.fromisoformat(TODAY)


def view_of(root: Path, public: bool = True) -> SiteView:
    project = open_project(root)
    return build_site_view(run_check(project, [project.register_dir], DAY), project, DAY, public)


def page(view: SiteView, record_id: str) -> Any:
    return next(p for p in view.pages if p.row.id == record_id)


def edit(root: Path, record_id: str, **changes: Any) -> None:
    path = root / "register" / f"{record_id}.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data.update(changes)
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")


def test_public_view_leaves_out_confidential_partner_and_risk(example_repo: Path) -> None:
    public = page(view_of(example_repo), "community-safety-partnership")
    internal = page(view_of(example_repo, public=False), "community-safety-partnership")
    assert [p.name for p in public.partners] == ["Kent Police", "Kent Fire and Rescue Service"]
    assert "Thamesbridge Community Voluntary Service" in [p.name for p in internal.partners]
    assert public.withheld and not internal.withheld


def test_confidential_resources_are_withheld_and_the_reason_reworded(example_repo: Path) -> None:
    path = example_repo / "register" / "community-safety-partnership.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["confidential"].append("council_resources.staff_cost")
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    internal = page(view_of(example_repo, public=False), "community-safety-partnership")
    assert "£62,000 council resources" in internal.reason
    view = view_of(example_repo)
    safety = page(view, "community-safety-partnership")
    assert safety.row.resources is None
    assert safety.row.resources_text == "Not published (confidential)"
    assert "£62,000" not in safety.reason
    assert "the council's resources (amount not published) >= £50,000 threshold" in safety.reason
    assert "Dedicated budget (a year)" in [e.label for e in safety.resources]
    assert "Staff cost (a year)" not in [e.label for e in safety.resources]
    record = next(r for r in view.open_data if r["id"] == "community-safety-partnership")
    assert record["council_resources"] is None and record["staff_cost"] is None
    assert record["dedicated_budget"] == "30000"


def test_required_items_not_recorded_are_shown_as_such(example_repo: Path) -> None:
    riverside = page(view_of(example_repo), "riverside-regeneration-partnership")
    governance = {i.label: i for i in riverside.governance}
    assert governance["A (draft) partnership agreement (Appendix 1)"].status_label == "Drafted"
    assert governance["Terms of reference and/or constitution (Appendix 1)"].detail == (
        "Terms of reference 2022, section 1"
    )
    agreement = {i.label: i for i in riverside.agreement_items}
    aims = agreement["Aims and objectives (App3 1.1a)"]
    assert (aims.status, aims.status_label) == ("missing", "Not recorded")
    assert "Handling complaints (App3 1.4b)" not in agreement  # it does not serve the public


def test_findings_are_worded_for_a_resident(example_repo: Path) -> None:
    riverside = page(view_of(example_repo), "riverside-regeneration-partnership")
    errors = [f for f in riverside.findings if f.severity == "error"]
    (finding,) = [f for f in errors if "Section 151 Officer" in f.message]
    assert finding.severity_label == "Must be put right"
    assert finding.title and "Section 151 Officer" in finding.message
    assert finding.reference == "Framework 2.11, 3.9"


def test_next_review_and_counts(example_repo: Path) -> None:
    view = view_of(example_repo)
    assert sum(c.count for c in view.by_kind) == ARRANGEMENTS == sum(c.count for c in view.by_class)
    leisure = page(view, "thamesbridge-leisure-trust").row
    # The autumn review of the register (6.6): reviewed in autumn 2025, next due by the end of
    # November 2026; climate action missed autumn 2025's, so it is overdue.
    assert leisure.next_review == dt.date(2026, 11, 30) and not leisure.review_overdue
    climate = page(view, "climate-action-partnership").row
    assert climate.next_review == dt.date(2025, 11, 30) and climate.review_overdue
    assert [r.id for r in view.rows] == sorted(
        (r.id for r in view.rows),
        key=lambda i: next(x.name.casefold() for x in view.rows if x.id == i),
    )


def test_filter_pages_stay_unique_when_names_make_the_same_slug(example_repo: Path) -> None:
    edit(example_repo, "food-bank-partnership", department="Housing & Care")
    edit(example_repo, "youth-sports-partnership", department="Housing Care")
    view = view_of(example_repo)
    paths = [listing.path for listing in view.listings]
    assert len(paths) == len(set(paths))
    hrefs = {c.label: c.href for c in view.by_department}
    assert hrefs["Housing & Care"] != hrefs["Housing Care"]


def test_register_repository_templates_win_over_shipped_ones(
    runner: CliRunner, example_repo: Path
) -> None:
    own = example_repo / "templates" / "site" / "open-data.html"
    own.parent.mkdir(parents=True)
    own.write_text(
        '{% extends "site/base.html" %}{% block title %}Data{% endblock %}'
        "{% block main %}<h1>Our own open data page</h1>{% endblock %}",
        "utf-8",
    )
    assert runner.invoke(app, ["build", "--today", TODAY], catch_exceptions=False).exit_code == 0
    assert "Our own open data page" in (example_repo / "site" / "open-data.html").read_text()
    assert (
        "Partnerships and shared services register"
        in (example_repo / "site" / "index.html").read_text()
    )


def test_environment_escapes_and_is_strict() -> None:
    env = environment()
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    with pytest.raises(Exception, match="undefined"):
        env.from_string("{{ missing }}").render()
    assert (templates_dir() / "site" / "base.html").is_file()
    # An editable install uses the repository's templates/; a wheel its own copy (the tests
    # run from the unpacked sdist against the built wheel too).
    installed = Path(partnerfw.__file__).resolve().parent / "templates"
    assert templates_dir() == (installed if installed.is_dir() else REPO / "templates")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("http://example.org", "http://example.org"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example", None),
        ('https://example.org/"onmouseover=', None),
        ("SharePoint: Partnerships/Risk", None),
        (None, None),
    ],
)
def test_only_http_and_mailto_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("-1", "-1"),  # a plain number stays a number
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
        (True, "true"),
        (12, "12"),
    ],
)
def test_csv_cells_never_start_a_formula(cell: object, expected: str) -> None:
    assert safe_cell(cell) == expected


def test_header_text_contrasts_with_the_theme_colour() -> None:
    assert text_colour_for("#1d3f6e") == "#ffffff"
    assert text_colour_for("#ffdd00") == "#0b0c0c"
    assert long_date(dt.date(2026, 3, 1)) == "1 March 2026"


def test_browser_tests_skip_loudly_or_fail_when_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.test_site_browser import require_browser

    absent = tmp_path / "no-chromium"
    monkeypatch.delenv("PARTNERFW_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="BROWSER TESTS SKIPPED"):
        require_browser(absent)
    monkeypatch.setenv("PARTNERFW_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="PARTNERFW_REQUIRE_BROWSER=1 but"):
        require_browser(absent)


def test_an_appendix_1_sign_off_is_shown_as_signed_off(example_repo: Path) -> None:
    sign_off = {
        "role": "lead_member",
        "name": "Cllr Joanne Pike",
        "date": dt.date(2026, 9, 2),
        "decision": "signed_off",
        "reference": "Evaluation form, endorsement",
    }
    edit(example_repo, "food-bank-partnership", approvals=[sign_off])
    shown = page(view_of(example_repo), "food-bank-partnership").approvals
    assert [(a.role, a.decision) for a in shown] == [("Lead Member", "Signed off")]
