"""The risk scale, the heat map's bands and the scrutiny score are the council's own choices
(4.10 leaves the risk register's format to it; 6.8 and 6.11 set no score): policy data marked
local, with the council's current values as the default, said to be its choice in
`rules --local` and in the papers, and changed by a council in its partnerfw.yaml."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import load_edition, open_project
from partnerfw.reports import build_paper, scrutiny
from partnerfw.reports.common import prepare
from partnerfw.reports.figures import heat_map
from partnerfw.rules.engine import run_check
from tests.conftest import TODAY, build_file_tree
from tests.records import yaml_text

AS_OF = dt.date.fromisoformat(TODAY)
FOUR_POINTS = """
  risk_scale:
    likelihood: [unlikely, possible, likely, very likely]
    impact: [low, medium, high, very high]
  risk_bands:
    - {name: red, from_rating: 9, colour: '#f4b6b6'}
    - {name: amber, from_rating: 4, colour: '#fff0a8'}
    - {name: green, from_rating: 1, colour: '#cfe8c4'}
  scrutiny_score: {error_points: 5, warning_points: 0, resources_per_point: 5000}
  sources:
    risk_scale: {local: 'Corporate risk management strategy 2026: a 4 by 4 matrix'}
"""


def _policy_settings(root: Path, policy: str) -> None:
    settings = root / "partnerfw.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\npolicy:\n", "\npolicy:" + policy, 1), encoding="utf-8")


def _scrutiny_paper(root: Path) -> Any:
    project = open_project(root)
    assert project.problems == []
    result = run_check(project, [project.register_dir], AS_OF)
    return build_paper("scrutiny", project, result, AS_OF), result


@pytest.mark.parametrize("edition", ["revised", "earlier"])
def test_the_defaults_are_the_councils_current_values_marked_local(edition: str) -> None:
    policy = load_edition(edition)
    assert policy.risk_scale.top == 25
    assert [(b.name, b.from_rating) for b in policy.risk_bands] == [
        ("very high", 15),
        ("high", 10),
        ("medium", 5),
        ("low", 1),
    ]
    score = policy.scrutiny_score
    assert (score.resources_per_point, score.part_points) == (Decimal(10000), Decimal(10))
    assert (score.error_points, score.warning_points) == (Decimal(2), Decimal(1))
    for path in ("risk_scale.likelihood", "risk_bands", "scrutiny_score.error_points"):
        source = policy.source_of(path)
        assert source is not None and source.local is not None, path
    assert "4.10" in policy.source_of("risk_scale").local  # type: ignore[union-attr, operator]


def test_rules_local_lists_them_as_the_councils_choices(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_file_tree(tmp_path, {"partnerfw.yaml": "council: {name: X}\n"})
    monkeypatch.chdir(tmp_path)
    text = runner.invoke(app, ["rules", "--local"], catch_exceptions=False).stdout
    assert "  risk_scale.likelihood = rare, unlikely, possible, likely, almost certain\n" in text
    assert "  risk_bands = very high from 15 (#f4b6b6), high from 10 (#f9d3a6)" in text
    assert "  scrutiny_score.resources_per_point = 10000\n" in text
    assert "'format of which is not prescribed'" not in text  # said in the council's words:
    assert "the risk register's format 'is not prescribed'" in " ".join(text.split())
    payload = json.loads(
        runner.invoke(app, ["rules", "--local", "--format", "json"], catch_exceptions=False).stdout
    )
    local = {s["setting"] for s in payload["settings"]}
    assert {"risk_scale.impact", "risk_bands", "scrutiny_score.part_points"} <= local


def test_the_scrutiny_paper_says_the_score_is_the_councils_own(example_repo: Path) -> None:
    paper, _ = _scrutiny_paper(example_repo)
    how = next(s for s in paper.sections if s.heading == "How the score is worked out")
    assert how.bullets[0].startswith("The score is the council's own choice")
    assert "1 point for each £10,000 a year" in how.bullets[1]
    assert "(1 to 25 on the council's scales) as a share of 25, times 10" in how.bullets[2]
    assert "2 points for each error and 1 for each warning" in how.bullets[3]
    risks = next(s for s in paper.sections if s.heading == "Risks across the candidates")
    assert "the framework leaves the risk register's format to the council (4.10)" in " ".join(
        risks.paragraphs
    )
    assert "very high from 15, high from 10, medium from 5, low from 1" in risks.paragraphs[1]


def test_a_councils_own_scale_bands_and_score_change_the_paper(example_repo: Path) -> None:
    _policy_settings(example_repo, FOUR_POINTS)
    paper, result = _scrutiny_paper(example_repo)
    how = next(s for s in paper.sections if s.heading == "How the score is worked out")
    assert "1 point for each £5,000 a year" in how.bullets[1]
    assert "(1 to 16 on the council's scales) as a share of 16" in how.bullets[2]
    assert "5 points for each error and 0 for each warning" in how.bullets[3]
    project = open_project(example_repo)
    data = prepare(project.council_name, project.policy, result, AS_OF)
    report = scrutiny.compute(data)
    for candidate in report.candidates:
        assert candidate.gap_points == min(Decimal(5 * candidate.errors), Decimal(10))
    [figure] = next(s for s in paper.sections if s.figures).figures
    assert figure.table.columns == ["Likelihood", "Impact 1", "Impact 2", "Impact 3", "Impact 4"]
    assert [row[0] for row in figure.table.rows] == ["4", "3", "2", "1"]
    assert "likelihood (1 unlikely to 4 very likely, rows)" in figure.description
    assert "are rated 9 or more (red)" in figure.description
    # The bundled register rates risks up to 5: those are off this council's scale, said in
    # the picture and reported by MON012.
    assert "rated off the council's scales are not placed" in figure.description
    off = [f for f in result.findings if f.rule == "MON012"]
    assert off and all(f.basis.value == "local" for f in off)
    said = " | ".join(f.message for f in off)
    assert "for impact, but the council's impact scale runs from 1 (low) to 4 (very high)" in said


def test_the_heat_map_shades_each_cell_by_the_councils_bands() -> None:
    policy = load_edition("revised")
    figure = heat_map({(5, 5): 2, (1, 1): 1}, policy.risk_scale, policy.risk_bands)
    fills = figure.table.fills
    assert len(fills) == 5 and all(len(row) == 6 for row in fills)
    assert fills[0][5] == "#f4b6b6"  # likelihood 5, impact 5: very high
    assert fills[4][1] == "#cfe8c4"  # likelihood 1, impact 1: low
    assert fills[2][2] == "#fff0a8"  # likelihood 3, impact 2 (6): medium
    assert '<rect x="' in figure.svg and "(very high): 2 risks" in figure.svg


def test_bands_that_leave_a_rating_out_are_refused_with_a_clear_message(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = (
        "council: {name: X}\npolicy:\n  risk_bands:\n"
        "    - {name: high, from_rating: 10, colour: '#f4b6b6'}\n"
        "    - {name: low, from_rating: 3, colour: '#cfe8c4'}\n"
    )
    build_file_tree(tmp_path, {"partnerfw.yaml": settings})
    monkeypatch.chdir(tmp_path)
    [problem] = open_project(tmp_path).problems
    assert problem.rule == "POL001" and problem.file == "partnerfw.yaml"
    assert "the last with from_rating: 1 (so every risk falls in a band)" in problem.message


def test_a_rating_beyond_any_scale_is_refused_when_the_record_is_read(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = yaml_text("partnership", {"monitoring.risk_register.0.likelihood": 12})
    build_file_tree(
        tmp_path,
        {"partnerfw.yaml": "council: {name: X}\n", "register/test-partnership.yaml": record},
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--format", "json", "--today", TODAY])
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "DATA004"]
    assert "likelihood" in finding["message"]
