"""The classes language, test by test: ``more_than`` beside ``at_least`` at the figure itself,
conditions combined on one risk (``any_risk``) or one partner (``any_partner``), flags on the
record's own yes/no fields, the scorecard's points with a range while a fact is missing, a
council's own classes with labels, routes and review cycles; the policy's mistakes reported at
their file and line; and the built-in editions, old policy files and old overrides giving the
framework's significant and other exactly as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from partnerfw.judge.classify import Classification, classify
from partnerfw.policy.project import open_project
from partnerfw.policy.schema import DEFAULT_CLASSES, Policy, edition_text
from partnerfw.record.yamlread import parse
from tests.conftest import build_file_tree
from tests.records import DELETE, load, policy, yaml_text

LOCAL = "Partnership Protocol 2026"
D = dt.date


def leaf(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **fields}


def classified(
    test: dict[str, Any], changes: dict[str, Any] | None = None, **overrides: Any
) -> Classification:
    """The baseline partnership (£20,000 a year; indefinite from 2021-04-01; one partner; one
    risk scoring 2 × 3) classified with ``test`` as the significance test."""
    active = policy(overrides={"significance": {"test": {**test, "local": LOCAL}}, **overrides})
    return classify(load(yaml_text("partnership", changes or {})).arrangement, active)


# --- more than beside at least ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("test", "changes", "klass", "reason"),
    [
        (
            leaf("resources_at_least", amount=20000),
            {},
            "significant",
            "£20,000 council resources >= £20,000 threshold",
        ),
        (
            leaf("resources_more_than", amount=20000),
            {},
            "other",
            "£20,000 council resources <= £20,000 threshold",
        ),
        (
            leaf("duration_at_least", years=5, indefinite_counts=False),
            {"dates": {"start": D(2021, 4, 1), "end": D(2026, 3, 31)}},
            "significant",
            "term 2021-04-01 to 2026-03-31 (5 years) is 5 years or more",
        ),
        (
            leaf("duration_more_than", years=5, indefinite_counts=False),
            {"dates": {"start": D(2021, 4, 1), "end": D(2026, 3, 31)}},
            "other",
            "term 2021-04-01 to 2026-03-31 (5 years) is not more than 5 years",
        ),
        (
            leaf("duration_more_than", years=5, indefinite_counts=False),
            {"dates": {"start": D(2021, 4, 1), "end": D(2026, 4, 1)}},
            "significant",
            "term 2021-04-01 to 2026-04-01 (5 years) is more than 5 years",
        ),
        (
            leaf("risk_score_more_than", score=6),
            {},
            "other",
            "no risk scores more than 6 (highest 6)",
        ),
        (leaf("partners_at_least", count=1), {}, "significant", "1 partner >= 1"),
        (leaf("partners_more_than", count=1), {}, "other", "1 partner <= 1"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else None,
)
def test_more_than_leaves_the_figure_out_and_at_least_takes_it_in(
    test: dict[str, Any], changes: dict[str, Any], klass: str, reason: str
) -> None:
    c = classified(test, changes)
    assert (c.klass, c.reason) == (klass, reason)


# --- one risk, one partner -------------------------------------------------------------------

HIGH_AND_COSTLY = {
    "any_risk": {
        "all_of": [
            leaf("risk_score_at_least", score=15),
            leaf("risk_financial_impact_at_least", amount=100000),
        ]
    }
}
TWO_RISKS = {
    "monitoring.risk_register": [
        {"risk": "Key employer leaves", "likelihood": 5, "impact": 4, "financial_impact": 80000},
        {"risk": "Grant clawed back", "likelihood": 2, "impact": 2, "financial_impact": 500000},
    ]
}


def test_any_risk_asks_both_conditions_of_the_same_risk() -> None:
    c = classified(HIGH_AND_COSTLY, TWO_RISKS)
    assert c.klass == "other"
    assert c.reason == (
        "no single risk scores 15 or more and could cost £100,000 or more (2 risks)"
    )
    # Asked of the register as a whole, a high risk and a costly one are enough.
    loose = {"all_of": HIGH_AND_COSTLY["any_risk"]["all_of"]}
    assert classified(loose, TWO_RISKS).klass == "significant"
    both = {
        "monitoring.risk_register": [
            *TWO_RISKS["monitoring.risk_register"],
            {"risk": "Flood", "likelihood": 3, "impact": 5, "financial_impact": 250000},
        ]
    }
    c = classified(HIGH_AND_COSTLY, both)
    assert c.klass == "significant"
    assert c.reason == (
        "the risk 'Flood' scores 15 (likelihood 3 × impact 5) >= 15 and could cost the "
        "council £250,000 >= £100,000"
    )


def test_any_risk_cannot_tell_while_a_high_risk_has_no_cost() -> None:
    unstated = {
        "monitoring.risk_register": [{"risk": "Key employer leaves", "likelihood": 5, "impact": 4}]
    }
    c = classified(HIGH_AND_COSTLY, unstated)
    assert c.klass == "undetermined"
    assert c.reason.startswith("no risk yet known to meet it (scores 15 or more and could")
    [missing] = c.missing
    assert missing.path == ("monitoring", "risk_register", 0)
    assert "state what the risk 'Key employer leaves' would cost" in missing.ask
    # A low risk without its cost is decided all the same: it cannot be high.
    low = {"monitoring.risk_register": [{"risk": "Rain", "likelihood": 1, "impact": 2}]}
    assert classified(HIGH_AND_COSTLY, low).klass == "other"
    none = classified(HIGH_AND_COSTLY, {"monitoring.risk_register": []})
    assert none.klass == "undetermined"
    assert none.reason.startswith("no risk register to tell whether a risk scores 15")


PRIVATE_FUNDER = {
    "any_partner": {
        "all_of": [
            leaf("partner_sector", sectors=["private"]),
            leaf("partner_contribution_at_least", amount=25000),
        ]
    }
}


def test_any_partner_asks_both_conditions_of_the_same_partner() -> None:
    partners = {
        "partners": [
            {"name": "Thamesbridge Housing Trust", "sector": "voluntary", "contribution": 40000},
            {"name": "Acme Builders Ltd", "sector": "private", "contribution": 10000},
        ]
    }
    c = classified(PRIVATE_FUNDER, partners)
    assert (c.klass, c.reason) == (
        "other",
        "no single partner is private sector and contributes £25,000 or more (2 partners)",
    )
    partners["partners"].append(
        {"name": "Kent Homes plc", "sector": "private", "contribution": 30000}
    )
    c = classified(PRIVATE_FUNDER, partners)
    assert c.reason == (
        "the partner 'Kent Homes plc' is private sector and contributes £30,000 >= £25,000"
    )
    council = {"any_partner": leaf("flag", field="local_authority")}
    unsure = classified(council, {"partners": [{"name": "Kent Health Trust", "sector": "public"}]})
    assert unsure.klass == "undetermined"
    assert unsure.missing[0].path == ("partners", 0)
    said = {"partners": [{"name": "Medley District Council", "sector": "public"}]}
    assert (
        classified(council, said).reason
        == "the partner 'Medley District Council' is a local authority"
    )


# --- flags on the record's own yes/no fields -------------------------------------------------


@pytest.mark.parametrize(
    ("field", "changes", "klass", "reason"),
    [
        (
            "statutory_basis",
            {"statutory_basis": {"statutory": True, "act": "Care Act 2014", "section": "s6"}},
            "significant",
            "required by law (Care Act 2014 s6)",
        ),
        (
            "statutory_basis",
            {"statutory_basis": {"statutory": False}},
            "other",
            "not required by law",
        ),
        ("statutory_basis", {}, "undetermined", "not stated whether the law requires it"),
        (
            "urgent",
            {"urgency": {"urgent": True, "justification": "Rest centre needed at once"}},
            "significant",
            "set up urgently, on the urgent (ad hoc) route",
        ),
        ("joint_committee", {}, "other", "no joint committee"),
        (
            "external_funding",
            {"external_funding": [{"source": "Lottery", "amount": 5000}]},
            "significant",
            "has funding from outside the partners",
        ),
    ],
)
def test_a_flag_tests_the_records_own_yes_no_fields(
    field: str, changes: dict[str, Any], klass: str, reason: str
) -> None:
    c = classified(leaf("flag", field=field), changes)
    assert (c.klass, c.reason) == (klass, reason)
    if klass == "undetermined":
        assert c.missing[0].path == ("statutory_basis",)


# --- the council's own classes ---------------------------------------------------------------

ROUTE = {"approvers": ["director"], "reference": f"{LOCAL}, 5"}
SCORECARD = {
    "local": f"{LOCAL}, section 3",
    "criteria": {
        "resources": {
            "measure": "council_resources",
            "bands": [{"at_least": 50000, "points": 4}, {"at_least": 10000, "points": 2}],
        },
        "term": {
            "measure": "term_years",
            "indefinite_points": 3,
            "bands": [{"at_least": 5, "points": 3}, {"more_than": 2, "points": 1}],
        },
        "public": {"test": {"type": "flag", "field": "public_facing"}, "points": 2},
    },
}


def three_levels(**more: Any) -> Policy:
    return policy(
        overrides={
            "scorecard": SCORECARD,
            "classes": {
                "major": {
                    "label": "Major partnership",
                    "test": {"type": "points_at_least", "points": 7},
                    "route": {"approvers": ["cabinet"], "reference": f"{LOCAL}, 5.1"},
                    "intervals": {"performance_report_months": 3},
                    "local": f"{LOCAL}, 3.2",
                },
                "moderate": {
                    "label": "Moderate partnership",
                    "test": {"type": "points_more_than", "points": 4},
                    "route": ROUTE,
                    "local": f"{LOCAL}, 3.2",
                },
                "limited": {"label": "Limited partnership", "route": ROUTE, "local": LOCAL},
            },
            **more,
        }
    )


def _class(active: Policy, changes: dict[str, Any] | None = None) -> Classification:
    return classify(load(yaml_text("partnership", changes or {})).arrangement, active)


def test_a_scorecard_reaches_the_first_class_whose_figure_the_points_reach() -> None:
    active = three_levels()
    assert active.class_labels == (
        ("major", "Major partnership"),
        ("moderate", "Moderate partnership"),
        ("limited", "Limited partnership"),
    )
    # £20,000 (2), indefinite (3), not public facing (0): 5, more than 4.
    c = _class(active)
    assert (c.klass, c.label) == ("moderate", "Moderate partnership")
    assert c.reason == (
        "5 points: resources £20,000 (2), runs indefinitely (3), does not provide services "
        "directly to the public (0) > 4 = moderate"
    )
    assert c.reference == f"the council's own choice: {LOCAL}, 3.2"
    c = _class(active, {"public_facing": True})
    assert (c.klass, c.reason.endswith("(2) >= 7 = major")) == ("major", True)
    c = _class(
        active,
        {
            "council_resources": {"dedicated_budget": 5000},
            "dates": {"start": D(2024, 4, 1), "end": D(2026, 3, 31)},
        },
    )
    assert c.klass == "limited"
    assert c.reason == (
        "0 points: resources £5,000 (0), runs 2 years (0), does not provide services directly "
        "to the public (0) <= 4 = limited"
    )


def test_a_missing_fact_gives_a_range_and_a_class_only_when_the_range_agrees() -> None:
    active = three_levels()
    no_end = {"dates": {"start": D(2021, 4, 1)}}
    c = _class(active, no_end)
    # £20,000 (2) + 0-3 for the term: 2-5 points straddles 'more than 4'.
    assert c.klass == "undetermined"
    assert c.reason.startswith("2-5 points: resources £20,000 (2), runs: no end date (0-3)")
    assert c.missing[0].path == ("dates",)
    # With £50,000 the range is 4-7: it may be major, so it cannot be told.
    rich = {**no_end, "council_resources": {"dedicated_budget": 50000}}
    assert _class(active, rich).reason.endswith("cannot tell yet whether >= 7")
    # Staff time without its cost counts what is valued and may add up to the top band.
    uncosted = {"council_resources": {"dedicated_budget": 20000, "staff_fte": 0.5}}
    c = _class(active, uncosted)
    assert c.klass == "undetermined"
    assert "resources £20,000 counted so far (staff time (0.5 FTE) not valued yet) (2-4)" in (
        c.reason
    )


def test_each_class_has_its_own_route_and_review_cycle() -> None:
    active = three_levels()
    from partnerfw.record.models import Kind

    assert active.route_for(Kind.PARTNERSHIP, "major").approvers == ["cabinet"]  # type: ignore[union-attr]
    assert active.route_for(Kind.PARTNERSHIP, "limited") == active.route_for(
        Kind.PARTNERSHIP, "moderate"
    )
    assert active.intervals_for("major").performance_report_months == 3
    assert active.intervals_for("moderate").performance_report_months == 6
    assert active.basis("intervals.performance_report_months", "major") == (
        "the council's own choice"
    )
    # The edition's routes for significant and other went with its classes.
    assert not {k for k in active.routes if k.startswith("partnership.")} - {
        "partnership.major",
        "partnership.moderate",
        "partnership.limited",
    }


# --- the built-in editions, old policy files and old overrides -------------------------------


@pytest.mark.parametrize("edition", ["revised", "earlier"])
def test_the_editions_and_an_old_policy_file_give_significant_and_other(edition: str) -> None:
    migrated = policy(edition)
    assert migrated.class_labels == DEFAULT_CLASSES
    old = parse(edition_text(edition)).data
    classes = old.pop("classes")
    old["significance"] = {**old["significance"], "test": classes["significant"]["test"]}
    older = Policy.model_validate(old)
    assert older.classes is None and older.class_labels == DEFAULT_CLASSES
    for changes in (
        {},
        {"council_resources": {"dedicated_budget": 60000}},
        {"public_facing": True},
    ):
        record = load(yaml_text("partnership", changes)).arrangement
        assert classify(record, older) == classify(record, migrated)


def test_a_council_may_rename_a_class_or_replace_its_test_alone() -> None:
    renamed = policy(overrides={"classes": {"significant": {"label": "Key partnership"}}})
    big = _class(renamed, {"council_resources": {"dedicated_budget": 60000}})
    assert (big.klass, big.label) == ("significant", "Key partnership")
    assert big.reason.startswith("£60,000 council resources >= £50,000 threshold")
    lower = {"type": "resources_at_least", "amount": 15000, "local": "Cabinet 2026/3"}
    replaced = policy(overrides={"classes": {"significant": {"test": lower}}})
    c = _class(replaced)
    assert (c.klass, c.reason) == ("significant", "£20,000 council resources >= £15,000 threshold")


# --- mistakes in a council's classes, at their file and line ---------------------------------

GOOD = {
    "scorecard": SCORECARD,
    "classes": {
        "major": {
            "label": "Major",
            "test": {"type": "points_at_least", "points": 7},
            "route": ROUTE,
            "local": LOCAL,
        },
        "limited": {"label": "Limited", "route": ROUTE, "local": LOCAL},
    },
}


def _problems(tmp_path: Path, policy_part: dict[str, Any]) -> tuple[list[Any], list[str]]:
    text = yaml.safe_dump(
        {"council": {"name": "Wealdmoor"}, "edition": "revised", "policy": policy_part},
        sort_keys=False,
    )
    build_file_tree(tmp_path, {"partnerfw.yaml": text})
    return open_project(tmp_path).problems, text.splitlines()


def _changed(path: str, value: Any) -> dict[str, Any]:
    part: Any = yaml.safe_load(yaml.safe_dump(GOOD, sort_keys=False))
    keys = path.split(".")
    target = part
    for key in keys[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if value is DELETE:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return part  # type: ignore[no-any-return]


def test_a_good_scheme_has_no_problems(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD)[0] == []


@pytest.mark.parametrize(
    ("path", "value", "words", "line_has"),
    [
        (
            "classes.limited.test",
            {"type": "points_at_least", "points": 1},
            "the last class takes every partnership the classes above do not reach",
            "test:",
        ),
        (
            "classes.major.test",
            DELETE,
            "classes.major: give the test that reaches this class",
            "major:",
        ),
        (
            "scorecard",
            DELETE,
            "a points test needs the scorecard that gives the points",
            "test:",
        ),
        (
            "classes.major.test",
            {"any_partner": {"type": "risk_score_at_least", "score": 15}},
            "inside any_partner only tests of the partner itself belong",
            "any_partner:",
        ),
        (
            "classes.major.test",
            {"any_risk": {"any_risk": {"type": "risk_score_at_least", "score": 15}}},
            "any_risk inside any_risk",
            "any_risk:",
        ),
        (
            "classes.major.route",
            {"approvers": ["chief_executiv"], "reference": "x"},
            "role 'chief_executiv' is not under roles (did you mean 'chief_executive'?)",
            "route:",
        ),
        (
            "classes.major.local",
            DELETE,
            "give exactly one of 'reference:'",
            "major:",
        ),
        (
            "scorecard.criteria.term.bands",
            [{"at_least": 2, "points": 1}, {"at_least": 5, "points": 3}],
            "band 2 (at least 5) can never be reached after band 1 (at least 2)",
            "term:",
        ),
        (
            "scorecard.criteria.term.indefinite_points",
            DELETE,
            "say how many points an indefinite arrangement (no end date) scores",
            "term:",
        ),
        (
            "scorecard.criteria.public.test",
            {"type": "flag", "field": "public_facng"},
            "flag field 'public_facng' is neither a field of the record",
            "test:",
        ),
        (
            "classes.limited.route",
            DELETE,
            "classes.limited: no approval route for this class",
            "limited:",
        ),
        (
            "classes.major.test",
            {"type": "points_at_least", "points": 12, "ponts": 12},
            "unknown field 'ponts' under 'classes.major.test'; did you mean 'points'?",
            "ponts:",
        ),
        (
            "classes.major.test",
            {"type": "points_more_than", "points": 11, "extra": 1},
            "unknown field 'extra' under 'classes.major.test'; allowed here: local, points, "
            "reference, type",
            "extra:",
        ),
        (
            "classes.major.test",
            {"at_least": 1, "of": [{"type": "risk_score_at_least", "scor": 15}], "local": "x"},
            "unknown field 'scor' under 'classes.major.test.of.0'; did you mean 'score'?",
            "scor:",
        ),
    ],
)
def test_a_mistake_in_the_classes_is_reported_at_its_line(
    tmp_path: Path, path: str, value: Any, words: str, line_has: str
) -> None:
    problems, lines = _problems(tmp_path, _changed(path, value))
    found = [p for p in problems if words in p.message]
    assert found, [p.message for p in problems]
    assert all(p.rule == "POL001" and p.file == "partnerfw.yaml" for p in problems)
    assert line_has in lines[found[0].line - 1], (found[0].line, lines)


def test_a_class_may_not_take_a_name_another_kind_uses(tmp_path: Path) -> None:
    part = _changed("classes.limited", DELETE)
    part["classes"]["undetermined"] = {"label": "Other", "route": ROUTE, "local": LOCAL}
    problems, _ = _problems(tmp_path, part)
    assert any("'undetermined' is already the class of another kind" in p.message for p in problems)
