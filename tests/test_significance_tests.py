"""Each significance test and combinator, from the policy's data to the class and reason,
then end to end through ``classify`` and ``check``; resources never silently £0; the
council's own questions validated, in the schema, in ``new`` and on the site."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.judge.classify import classify
from partnerfw.judge.duration import bounds, lasts_at_least
from tests.conftest import TODAY
from tests.records import DELETE, load, policy, yaml_text

D = dt.date
LOCAL = "Cabinet minute 2025/14"
STATUTORY = {
    "statutory_duty": {
        "question": "Does it exist to discharge a statutory duty?",
        "description": "exists to discharge a statutory duty",
        "description_not": "does not discharge a statutory duty",
        "local": LOCAL,
    }
}


def money_test(amount: int, **more: Any) -> dict[str, Any]:
    return {"type": "resources_at_least", "amount": amount, "local": LOCAL, **more}


def flag(field: str) -> dict[str, Any]:
    return {"type": "flag", "field": field, "local": LOCAL}


def classified(test: dict[str, Any], changes: dict[str, Any] | None = None, **overrides: Any):  # type: ignore[no-untyped-def]
    """The baseline partnership (£20,000 a year; not fundamental; indefinite from 2021-04-01;
    one risk scoring 2 × 3) classified under ``test``."""
    active = policy(overrides={"significance": {"test": test}, **overrides})
    return classify(load(yaml_text("partnership", changes or {})).arrangement, active)


# --- combinators -------------------------------------------------------------------------


def test_any_of_holds_when_one_holds_and_names_every_test() -> None:
    c = classified({"any_of": [money_test(50000), flag("public_facing")]}, {"public_facing": True})
    assert c.klass == "significant"
    assert c.reason == (
        "£20,000 council resources < £50,000 threshold; provides services directly to the public"
    )
    assert c.reference == f"the council's own choice: {LOCAL}"


def test_all_of_needs_every_test() -> None:
    test = {"all_of": [money_test(15000), flag("public_facing")]}
    assert classified(test, {"public_facing": True}).klass == "significant"
    c = classified(test)
    assert c.klass == "other"
    assert c.reason == (
        "1 of 2 tests hold (all 2 needed): £20,000 council resources >= £15,000 threshold; "
        "does not provide services directly to the public"
    )


def test_at_least_counts_and_nested_combinators_explain_themselves() -> None:
    test = {
        "at_least": 2,
        "of": [
            money_test(15000),
            {"any_of": [flag("public_facing"), flag("members_on_board")]},
            {"type": "duration_at_least", "years": 5, "indefinite_counts": False, "local": LOCAL},
        ],
    }
    c = classified(test)
    assert c.klass == "other"
    assert c.reason == (
        "1 of 3 tests hold (at least 2 needed): £20,000 council resources >= £15,000 "
        "threshold; (0 of 2 tests hold (any one needed): does not provide services directly to "
        "the public; no councillor sits on its board); indefinite, which this test does not "
        "count as 5 years or more"
    )
    both = classified(test, {"members": [{"name": "Cllr Ada Lane", "on_board": True}]})
    assert both.klass == "significant"
    assert "2 of 3 tests hold (at least 2 needed)" in both.reason
    assert "(1 of 2 tests hold (any one needed): " in both.reason


def test_a_test_that_cannot_tell_leaves_at_least_undecided_only_when_it_matters() -> None:
    unknown = {"council_resources.staff_cost": DELETE, "council_resources.staff_fte": 0.5}
    decided_without_it = {"at_least": 1, "of": [money_test(15000), flag("public_facing")]}
    assert classified(decided_without_it, unknown, record_fields={}).klass == "undetermined"
    assert classified(decided_without_it, {**unknown, "public_facing": True}).klass == (
        "significant"
    )
    c = classified({"at_least": 2, "of": [money_test(15000), flag("public_facing")]}, unknown)
    assert c.klass == "undetermined"
    assert c.label == "Cannot be classified yet"
    assert "0 of 2 tests hold, 1 cannot be decided yet (at least 2 needed)" in c.reason


# --- leaf tests --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "klass", "words"),
    [
        ({"start": D(2021, 4, 1), "end": D(2026, 3, 31)}, "significant", "(5 years) is 5 years"),
        ({"start": D(2021, 4, 2), "end": D(2026, 3, 31)}, "other", "is less than 5 years"),
        ({"start": D(2021, 4, 1), "indefinite": True}, "significant", "indefinite, which counts"),
        ({"start": D(2021, 4, 1), "end": DELETE}, "undetermined", "no end date"),
        ({"start": DELETE, "end": D(2026, 3, 31)}, "undetermined", "no start date"),
    ],
)
def test_duration_is_worked_out_from_the_dates(
    dates: dict[str, Any], klass: str, words: str
) -> None:
    changes = {f"dates.{k}": v for k, v in dates.items()}
    if "indefinite" not in dates:
        changes["dates.indefinite"] = False
    test = {"type": "duration_at_least", "years": 5, "indefinite_counts": True, "local": LOCAL}
    c = classified(test, changes)
    assert c.klass == klass
    assert words in c.reason
    if klass == "undetermined":
        assert [m.path for m in c.missing] == [("dates",)]


def test_partial_dates_are_compared_conservatively() -> None:
    five = Decimal(5)
    assert bounds("2020-10") == (D(2020, 10, 1), D(2020, 10, 31))
    assert bounds(2020) == (D(2020, 1, 1), D(2020, 12, 31))
    assert bounds("not a date") is None
    assert lasts_at_least("2020", "2026-01", five) is True  # whatever the days, 5 years+
    assert lasts_at_least("2020", "2024-06", five) is False  # whatever the days, under 5
    assert lasts_at_least("2020", "2025-06", five) is None  # depends on the days
    assert lasts_at_least(D(2020, 2, 29), D(2025, 2, 26), five) is False
    assert lasts_at_least(D(2020, 2, 29), D(2025, 2, 27), five) is True


def test_resources_over_the_term_use_the_total_and_ask_for_it() -> None:
    test = money_test(100000, over="term")
    stated = classified(test, {"council_resources.total_over_term": 100000})
    assert stated.klass == "significant"
    assert stated.reason == "£100,000 council resources over the term >= £100,000 threshold"
    below = classified(test, {"council_resources.total_over_term": 95000})
    assert below.klass == "other" and below.near_threshold
    missing = classified(test)
    assert missing.klass == "undetermined"
    assert "council_resources.total_over_term" in missing.missing[0].ask


def test_risk_financial_impact_reads_the_risk_register() -> None:
    test = {"type": "risk_financial_impact_at_least", "amount": 250000, "local": LOCAL}
    costly = classified(test, {"monitoring.risk_register.0.financial_impact": 300000})
    assert costly.klass == "significant"
    assert "a risk could cost the council £300,000 >= £250,000" in costly.reason
    cheap = classified(test, {"monitoring.risk_register.0.financial_impact": 80000})
    assert cheap.klass == "other"
    assert "largest £80,000" in cheap.reason
    unstated = classified(test)
    assert unstated.klass == "undetermined"
    assert unstated.missing[0].path == ("monitoring", "risk_register", 0)
    empty = classified(test, {"monitoring.risk_register": []})
    assert empty.klass == "undetermined"


def test_a_declared_field_is_a_flag_with_the_councils_words() -> None:
    test = flag("statutory_duty")
    yes = classified(test, {"council_fields": {"statutory_duty": True}}, record_fields=STATUTORY)
    assert (yes.klass, yes.reason) == ("significant", "exists to discharge a statutory duty")
    no = classified(test, {"council_fields": {"statutory_duty": False}}, record_fields=STATUTORY)
    assert (no.klass, no.reason) == ("other", "does not discharge a statutory duty")
    unanswered = classified(test, record_fields=STATUTORY)
    assert unanswered.klass == "undetermined"
    assert unanswered.reason == "not answered yet: Does it exist to discharge a statutory duty?"
    defaulted = {"statutory_duty": {**STATUTORY["statutory_duty"], "default": False}}
    assert classified(test, record_fields=defaulted).klass == "other"


# --- uncosted resources ------------------------------------------------------------------


def test_uncosted_staff_time_is_never_other_and_a_rate_in_the_policy_converts_it() -> None:
    uncosted = {"council_resources.staff_cost": DELETE, "council_resources.staff_fte": 0.5}
    record = load(yaml_text("partnership", uncosted)).arrangement
    c = classify(record, policy())
    assert c.klass == "undetermined"
    assert c.missing[0].path == ("council_resources", "staff_fte")
    assert "council_resources.staff_cost" in c.missing[0].ask
    assert c.resources_text == "£12,000 plus staff time (0.5 FTE), not valued yet"
    priced = policy(
        overrides={"significance": {"staff_costing": {"fte_cost_per_year": 45000, "local": LOCAL}}}
    )
    p = classify(record, priced)
    assert p.klass == "other"
    assert p.council_resources == Decimal("34500.00")
    assert "staff time of 0.5 FTE costed at £45,000 a year per FTE, the policy's rate" in p.reason
    # In-kind support described without a value is the same.
    in_kind = {
        "council_resources.in_kind_value": DELETE,
        "council_resources.in_kind_description": "Meeting rooms",
    }
    assert classify(load(yaml_text("partnership", in_kind)).arrangement, policy()).klass == (
        "undetermined"
    )


def test_a_figure_written_as_0_is_0_and_one_left_out_with_nothing_given_counts_nothing() -> None:
    zero = load(yaml_text("partnership", {"council_resources.staff_cost": 0})).arrangement
    assert zero.council_resources.staff_cost == 0
    none = load(
        yaml_text("partnership", {"council_resources": {"dedicated_budget": 12000}})
    ).arrangement
    assert none.council_resources.staff_cost is None
    assert classify(none, policy()).klass == "other"
    unstated = load(yaml_text("partnership", {"council_resources": {}})).arrangement
    c = classify(unstated, policy())
    assert c.klass == "undetermined"
    assert "council_resources.dedicated_budget (0 if there is none)" in c.missing[0].ask


# --- end to end: policy, record, schema, new, site --------------------------------------


def _repo(root: Path, policy_part: dict[str, Any], records: dict[str, str]) -> None:
    settings = {"council": {"name": "Test Council"}, "edition": "revised", "policy": policy_part}
    (root / "partnerfw.yaml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    (root / "register").mkdir()
    for name, text in records.items():
        (root / "register" / f"{name}.yaml").write_text(text, "utf-8")


def _record(record_id: str, changes: dict[str, Any]) -> str:
    return yaml_text("partnership", {"id": record_id, **changes})


COUNCIL = {
    "record_fields": STATUTORY,
    "significance": {"test": {"any_of": [money_test(50000), flag("statutory_duty")]}},
}


def test_classify_and_check_end_to_end_with_a_declared_field(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(
        tmp_path,
        COUNCIL,
        {
            "a": _record("a", {"council_fields": {"statutory_duty": True}}),
            "b": _record("b", {"council_fields": {"statutroy_duty": True}}),
            "c": _record("c", {"council_fields": {"statutory_duty": "perhaps"}}),
            "d": _record("d", {"council_fields": {"statutory_duty": False}}),
        },
    )
    monkeypatch.chdir(tmp_path)
    classes = runner.invoke(app, ["classify", "--format", "json"])
    got = {r["id"]: r["classification"] for r in json.loads(classes.stdout)["records"]}
    assert got == {"a": "significant", "b": "undetermined", "d": "other"}
    checked = runner.invoke(app, ["check", "--format", "json", "--today", TODAY])
    assert checked.exit_code == 1
    findings = json.loads(checked.stdout)["findings"]
    typo = [f for f in findings if f["record"] == "b" and f["rule"] == "DATA020"]
    assert typo and "did you mean 'statutory_duty'?" in typo[0]["message"]
    text = (tmp_path / "register" / "b.yaml").read_text().splitlines()
    assert text[typo[0]["line"] - 1].strip().startswith("statutroy_duty:")
    wrong = [f for f in findings if f["file"] == "register/c.yaml"]
    assert wrong and wrong[0]["rule"] == "DATA004"
    assert "council_fields.statutory_duty" in wrong[0]["message"]
    c_text = (tmp_path / "register" / "c.yaml").read_text().splitlines()
    assert "perhaps" in c_text[wrong[0]["line"] - 1]


@pytest.mark.parametrize(
    ("part", "words"),
    [
        (
            {"significance": {"test": flag("statutroy_duty")}, "record_fields": STATUTORY},
            "did you mean 'statutory_duty'?",
        ),
        (
            {"significance": {"test": {**money_test(1), "reference": "Framework 1.9"}}},
            "exactly one of 'reference:'",
        ),
        (
            {"significance": {"test": {"type": "flag", "field": "public_facing"}}},
            "exactly one of 'reference:'",
        ),
        (
            {"significance": {"test": {"at_least": 3, "of": [flag("public_facing")]}}},
            "only 1 tests are listed",
        ),
        ({"significance": {"test": {"some_of": []}}}, "a test is 'any_of: [...]'"),
        (
            {"significance": {"test": {"any_of": [{**flag("public_facing"), "reasn": "x"}]}}},
            "under 'significance.test.any_of.0'; did you mean 'reason'?",
        ),
        (
            {"significance": {"test": {"type": "duration_at_least", "years": 5, "local": "x"}}},
            "indefinite_counts",
        ),
    ],
)
def test_a_bad_significance_test_is_a_located_policy_finding(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    part: dict[str, Any],
    words: str,
) -> None:
    _repo(tmp_path, part, {"a": _record("a", {})})
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "--format", "json", "--today", TODAY])
    assert "Traceback" not in result.output
    policy_findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "POL001"]
    assert policy_findings, result.stdout
    assert any(words in f["message"] for f in policy_findings), policy_findings
    assert all(f["file"] == "partnerfw.yaml" and f["line"] > 1 for f in policy_findings)


def test_the_schema_carries_the_councils_questions(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(tmp_path, COUNCIL, {"a": _record("a", {})})
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["schema"]).exit_code == 0
    schema = json.loads((tmp_path / "schema" / "arrangement.schema.json").read_text())
    fields = schema["properties"]["council_fields"]
    assert fields["additionalProperties"] is False
    assert fields["properties"]["statutory_duty"]["type"] == "boolean"
    assert fields["properties"]["statutory_duty"]["title"] == (
        "Does it exist to discharge a statutory duty?"
    )
    assert runner.invoke(app, ["schema", "--check"]).exit_code == 0
    settings = yaml.safe_load((tmp_path / "partnerfw.yaml").read_text())
    settings["policy"]["record_fields"]["high_profile"] = {
        "question": "Does it have a high public profile?",
        "description": "has a high public profile",
        "local": LOCAL,
    }
    (tmp_path / "partnerfw.yaml").write_text(yaml.safe_dump(settings), "utf-8")
    assert runner.invoke(app, ["schema", "--check"]).exit_code == 1


def test_new_asks_the_councils_questions_as_options(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(tmp_path, COUNCIL, {})
    monkeypatch.chdir(tmp_path)
    base = ["new", "--no-input", "--kind", "partnership", "--name", "Carers Hub",
            "--lead-officer", "Sam Patel", "--department", "Care", "--budget", "5000",
            "--today", TODAY]  # fmt: skip
    typo = runner.invoke(app, [*base, "--field", "statutroy_duty=yes"])
    assert typo.exit_code == 2
    assert "did you mean 'statutory_duty'?" in typo.output
    assert not list((tmp_path / "register").iterdir())
    made = runner.invoke(app, [*base, "--field", "statutory_duty=yes"])
    assert made.exit_code == 0, made.output
    assert "Classification: Significant partnership" in made.output
    text = (tmp_path / "register" / "carers-hub.yaml").read_text()
    assert "# Does it exist to discharge a statutory duty?" in text
    assert load(text).arrangement.council_fields == {"statutory_duty": True}
    unanswered = runner.invoke(app, [*base, "--name", "Carers Hub Two", "--staff-fte", "0.4"])
    assert unanswered.exit_code == 0, unanswered.output
    assert "Classification: Cannot be classified yet" in unanswered.output
    assert "Approval route: not known until it can be classified" in unanswered.output
    two = load((tmp_path / "register" / "carers-hub-two.yaml").read_text()).arrangement
    assert two.council_resources.staff_cost is None
    assert two.council_fields == {}


def test_site_and_open_data_show_answers_and_what_is_not_valued(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _repo(
        tmp_path,
        COUNCIL,
        {
            "a": _record("a", {"council_fields": {"statutory_duty": True}}),
            "u": _record(
                "u",
                {
                    "council_resources.staff_cost": DELETE,
                    "council_resources.staff_fte": 0.5,
                    "council_fields": {"statutory_duty": False},
                },
            ),
        },
    )
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["build", "--today", TODAY]).exit_code == 0
    page = (tmp_path / "site" / "arrangements" / "a.html").read_text()
    assert "Does it exist to discharge a statutory duty?" in page
    undetermined = (tmp_path / "site" / "arrangements" / "u.html").read_text()
    assert "Cannot be classified yet" in undetermined
    assert "Not valued yet" in undetermined
    data = json.loads((tmp_path / "site" / "register.json").read_text())
    rows = {r["id"]: r for r in data["arrangements"]}
    assert rows["u"]["council_resources"] is None
    assert rows["u"]["resources_not_valued"] == "staff time (0.5 FTE)"
    assert rows["u"]["staff_cost"] is None
    assert rows["a"]["resources_not_valued"] is None


def test_export_and_import_keep_answers_and_what_is_not_stated(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for root in (first, second):
        root.mkdir()
    records = {
        "a": _record("a", {"council_fields": {"statutory_duty": False}}),
        "u": _record(
            "u", {"council_resources.staff_cost": DELETE, "council_resources.staff_fte": 0.5}
        ),
    }
    _repo(first, COUNCIL, records)
    _repo(second, COUNCIL, {})
    monkeypatch.chdir(first)
    exported = runner.invoke(app, ["export", "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    header = exported.stdout.splitlines()[0].split(",")
    assert "council_fields.statutory_duty" in header
    (tmp_path / "register.csv").write_text(exported.stdout, "utf-8")
    monkeypatch.chdir(second)
    imported = runner.invoke(app, ["import", str(tmp_path / "register.csv"), "--write"])
    assert imported.exit_code == 0, imported.output
    a = load((second / "register" / "a.yaml").read_text()).arrangement
    assert a.council_fields == {"statutory_duty": False}
    u = load((second / "register" / "u.yaml").read_text()).arrangement
    assert u.council_resources.staff_cost is None
    assert u.council_resources.staff_fte == Decimal("0.5")
    again = runner.invoke(app, ["export", "--format", "csv"]).stdout.splitlines()
    column = again[0].split(",").index("council_fields.statutory_duty")
    assert again[1].split(",")[column] == "false"


def test_approved_facts_are_not_recorded_for_resources_not_valued(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncosted = {"council_resources.staff_cost": DELETE, "council_resources.staff_fte": 0.5}
    _repo(tmp_path, {}, {"u": _record("u", uncosted), "a": _record("a", {})})
    monkeypatch.chdir(tmp_path)
    one = runner.invoke(app, ["approved-facts", "u"])
    assert one.exit_code == 2
    assert "cannot be classified yet" in one.output
    assert "approved_facts" not in (tmp_path / "register" / "u.yaml").read_text()
    every = runner.invoke(app, ["approved-facts", "--all"])
    assert every.exit_code == 0, every.output
    assert "skipped: it cannot be classified yet" in every.output
    assert "approved_facts:" in (tmp_path / "register" / "a.yaml").read_text()
