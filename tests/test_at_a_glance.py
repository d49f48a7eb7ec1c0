"""The council's money in "At a glance" (issue 19): a resident sees what the council puts in
a year at the top of an arrangement's page, "Not stated" when the record does not say (never
£0), and nothing when the figures are confidential."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.views.common import WITHHELD
from tests.conftest import TODAY
from tests.test_site_views import edit, page, view_of

LABEL = "Council resources (a year)"


def glance(root: Path, record_id: str) -> list[tuple[str, str]]:
    return [(e.label, e.value) for e in page(view_of(root), record_id).overview]


def test_the_money_is_at_a_glance_after_the_status(example_repo: Path) -> None:
    entries = glance(example_repo, "food-bank-partnership")
    assert [label for label, _ in entries[:4]] == ["Kind", "Classification", "Status", LABEL]
    assert entries[3] == (LABEL, "£23,000")  # £12,000 budget and £11,000 staff cost
    row = page(view_of(example_repo), "food-bank-partnership").row
    assert row.resources_text == "£23,000", "the same figure as the register's table"


def test_resources_not_stated_are_not_shown_as_nothing(
    example_repo: Path, runner: CliRunner
) -> None:
    edit(example_repo, "food-bank-partnership", council_resources={"note": "To be agreed."})
    assert (LABEL, "Not stated") in glance(example_repo, "food-bank-partnership")
    assert page(view_of(example_repo), "food-bank-partnership").row.resources_text == ("Not stated")
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code in (0, 1), result.output
    records = json.loads((example_repo / "site" / "register.json").read_text("utf-8"))
    food = next(r for r in records["arrangements"] if r["id"] == "food-bank-partnership")
    assert food["council_resources"] is None, "open data: not stated is empty, not 0"
    index = (example_repo / "site" / "index.html").read_text("utf-8")
    assert '<td class="numeric" data-value="-1">Not stated</td>' in index


def test_staff_time_without_its_cost_and_the_total_over_the_term(example_repo: Path) -> None:
    edit(
        example_repo,
        "food-bank-partnership",
        council_resources={"dedicated_budget": 5000, "staff_fte": 0.2, "total_over_term": 60000},
    )
    value = dict(glance(example_repo, "food-bank-partnership"))[LABEL]
    assert value == (
        "£5,000 plus staff time (0.2 FTE), not valued yet; £60,000 over the whole term"
    )


def test_confidential_resources_are_withheld_at_a_glance(example_repo: Path) -> None:
    edit(
        example_repo,
        "food-bank-partnership",
        confidential=["council_resources.staff_cost"],
    )
    entries = glance(example_repo, "food-bank-partnership")
    assert (LABEL, WITHHELD) in entries
    assert not any("23,000" in value or "11,000" in value for _, value in entries)
    internal = page(view_of(example_repo, public=False), "food-bank-partnership")
    assert (LABEL, "£23,000") in [(e.label, e.value) for e in internal.overview]
