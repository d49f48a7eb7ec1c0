"""`partnerfw new`: the interactive questionnaire in a real pseudo-terminal, the same answers
as options without a terminal, and the record it writes."""

from __future__ import annotations

import json
import signal
import sys
import time
from pathlib import Path

import jsonschema
import pexpect
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.new_record import slug, unique_id, yaml_scalar
from partnerfw.edit.schemas import schema_texts
from partnerfw.edit.tidy import tidy_text
from partnerfw.record.loading import parse_record
from partnerfw.record.yamlread import parse
from tests.conftest import TODAY

PARTNERFW = Path(sys.executable).with_name("partnerfw")
REQUIRED = [
    "--kind",
    "partnership",
    "--name",
    "Riverside Youth Hub",
    "--lead-officer",
    "Sam Patel",
    "--department",
    "Communities",
]


def _spawn(cwd: Path) -> pexpect.spawn:
    child = pexpect.spawn(
        str(PARTNERFW),
        ["new", "--today", TODAY],
        cwd=str(cwd),
        env={"PATH": "/usr/bin:/bin", "TERM": "dumb", "COLUMNS": "200", "LANG": "C.UTF-8"},
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
        # A background job (CI runners, `make test &`) inherits SIGINT ignored, and Python keeps
        # an ignored SIGINT ignored: give the child the default a person's terminal has.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    return child


def _answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def _json_terms(value: object) -> object:
    """What an editor's YAML language server hands the schema: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: _json_terms(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_terms(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _assert_good_record(path: Path) -> None:
    """Loads and validates as a record, passes the exported schema, and fmt leaves it alone."""
    text = path.read_text(encoding="utf-8")
    record, problems = parse_record(text.encode(), path.name)
    assert problems == [] and record is not None
    schema = json.loads(schema_texts()["arrangement.schema.json"])
    jsonschema.Draft202012Validator(schema).validate(_json_terms(parse(text).data))
    assert tidy_text(text) == text
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (path.parent / first.split("=", 1)[1]).resolve()
    assert target.name == "arrangement.schema.json" and target.is_file()


def _without_master_lists(repo: Path) -> None:
    """A council whose partnerfw.yaml keeps no master lists: every name is typed."""
    settings = repo / "partnerfw.yaml"
    data = yaml.safe_load(settings.read_text("utf-8"))
    for name in ("officers", "councillors", "corporate_objectives", "portfolios"):
        data.pop(name)
    settings.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def test_interactive_questionnaire_reasks_invalid_answers_and_writes_a_valid_record(
    example_repo: Path,
) -> None:
    _without_master_lists(example_repo)
    before = set((example_repo / "register").iterdir())
    child = _spawn(example_repo)
    child.expect_exact("commissioning     the council is paid to deliver a service")
    _answer(child, "Kind (1-6)", "7")
    child.expect_exact("'7' is not a kind")
    _answer(child, "Kind (1-6)", "1")
    _answer(child, "Name of the arrangement", "   ")
    child.expect_exact("an answer is needed here")
    _answer(child, "Name of the arrangement", "Riverside Youth Hub")
    _answer(child, "lead officer (full name)", "Sam Patel")
    _answer(child, "Their job title (Enter to skip)", "")
    _answer(child, "department", "Communities")
    _answer(child, "Partner 1 name", "Riverside Trust")
    _answer(child, "Sector of Riverside Trust", "charity")
    child.expect_exact("'charity' is not a sector")
    _answer(child, "Sector of Riverside Trust", "voluntary")
    _answer(child, "Partner 2 name", "")
    _answer(child, "The Cabinet portfolio it falls under (Enter to skip)", "Youth  Services")
    _answer(child, "The Lead Member", "Cllr Ian Fletcher")
    _answer(child, "Statutory Status')? (y/n)", "y")
    _answer(child, "Which Act and section", "the Children Act")
    child.expect_exact("does not name an Act with its year")
    _answer(child, "Which Act and section", "Children Act 2004 s10")
    _answer(child, "Dedicated council budget", "lots")
    child.expect_exact("'lots' is not an amount")
    _answer(child, "Dedicated council budget", "£40,000")
    _answer(child, "full-time equivalents", "0.2")
    _answer(child, "Cost of that staff time", "9000")
    _answer(child, "Value of resources given in kind", "3000")
    _answer(child, "What is given in kind", "Meeting rooms at the Civic Centre")
    _answer(child, "fundamental to delivering a Corporate Plan objective", "maybe")
    child.expect_exact("'maybe' is not yes or no")
    _answer(child, "(1.9)? (y/n)", "n")
    _answer(child, "Which Corporate Plan objective", "Opportunities for young people")
    _answer(child, "Start date", "2027-13-01")
    child.expect_exact("is not a date")
    _answer(child, "Start date", "2027-04-01")
    _answer(child, "run indefinitely", "n")
    _answer(child, "End date", "2027-01-01")
    child.expect_exact("the end date 2027-01-01 is before the start date 2027-04-01")
    _answer(child, "End date", "2030-03-31")
    _answer(child, "directly to the public", "y")
    _answer(child, "Is it urgent", "y")
    _answer(child, "Why could it not wait", "")
    child.expect_exact("the revised framework asks why it could not wait")
    _answer(child, "Why could it not wait", "The youth centre closed at a week's notice")
    child.expect_exact("Wrote register/riverside-youth-hub.yaml")
    child.expect_exact(
        "Classification: Significant partnership: £52,000 council resources >= £50,000 threshold"
    )
    child.expect_exact("Approval route: discussion at the Management Team, then approval by")
    child.expect_exact("To do (")
    child.expect_exact("APR005")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    path = example_repo / "register" / "riverside-youth-hub.yaml"
    assert set((example_repo / "register").iterdir()) == before | {path}
    _assert_good_record(path)
    record, _ = parse_record(path.read_bytes(), "x")
    assert record is not None
    a = record.arrangement
    assert (a.name, a.lead_officer.name, a.department) == (
        "Riverside Youth Hub",
        "Sam Patel",
        "Communities",
    )
    assert [(p.name, p.sector.value) for p in a.partners] == [("Riverside Trust", "voluntary")]
    assert a.lead_member is not None and a.lead_member.name == "Cllr Ian Fletcher"
    assert a.portfolio == "Youth Services"
    assert a.statutory_basis is not None and a.statutory_basis.statutory
    assert (a.statutory_basis.act, a.statutory_basis.section) == ("Children Act 2004", "s10")
    assert str(a.council_resources.dedicated_budget) == "40000"
    assert a.council_resources.in_kind_description == "Meeting rooms at the Civic Centre"
    assert a.corporate_objectives == ["Opportunities for young people"]
    assert (str(a.dates.start), str(a.dates.end), a.dates.indefinite) == (
        "2027-04-01",
        "2030-03-31",
        False,
    )
    assert a.public_facing and a.urgency.urgent
    assert a.urgency.justification == "The youth centre closed at a week's notice"


def test_ctrl_c_leaves_no_file_behind(example_repo: Path) -> None:
    before = sorted(p.name for p in (example_repo / "register").iterdir())
    child = _spawn(example_repo)
    _answer(child, "Kind (1-6)", "partnership")
    _answer(child, "Name of the arrangement", "Half Finished Partnership")
    child.expect_exact("Lead officer (a number, or the start of a name)")
    time.sleep(0.5)  # let the prompt finish and wait for input, as a person would
    child.sendintr()
    child.expect_exact("interrupted; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert sorted(p.name for p in (example_repo / "register").iterdir()) == before
    assert not (example_repo / "schema").exists()


def test_no_input_names_every_missing_option(runner: CliRunner, example_repo: Path) -> None:
    result = runner.invoke(app, ["new", "--no-input", "--name", "X"], catch_exceptions=False)
    assert result.exit_code == 2
    assert "these options are needed: --kind, --lead-officer, --department" in result.stderr
    result = runner.invoke(
        app,
        ["new", "--no-input", "--kind", "shared_service", "--urgent", *REQUIRED[2:]],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "--shared-service-type, --urgency-justification" in result.stderr
    assert sorted(p.name for p in (example_repo / "register").iterdir()) == sorted(
        p.name for p in (Path(__file__).parents[1] / "register").iterdir()
    )


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--budget", "abc", "--budget: 'abc' is not an amount"),
        ("--budget", "-5", "it must be 0 or more"),
        ("--start", "31/02/2027", "--start: '31/02/2027' is not a date"),
        ("--kind", "quango", "--kind: 'quango' is not a kind"),
        ("--partner", "Nobody", "--partner: 'Nobody' should be NAME:SECTOR"),
        ("--id", "Bad Id", "--id 'Bad Id' is not a valid id"),
    ],
)
def test_bad_option_values_are_refused_with_the_reason(
    runner: CliRunner, example_repo: Path, option: str, value: str, reason: str
) -> None:
    result = runner.invoke(
        app, ["new", "--no-input", *REQUIRED, option, value], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert reason in result.stderr
    assert not (example_repo / "register" / "riverside-youth-hub.yaml").exists()


@pytest.mark.parametrize(
    ("kind", "extra", "label"),
    [
        ("partnership", [], "Other partnership"),
        ("shared_service", ["--shared-service-type", "full_shared_service"], "Full shared service"),
        ("shared_service", ["--shared-service-type", "ad_hoc_resilience"], "Ad-hoc resilience"),
        ("informal_network", [], "Informal network"),
        ("commissioning", [], "Commissioning (not a partnership)"),
        (
            "commissioning",
            ["--payment", "the_council_is_paid"],
            "Commissioning (not a partnership)",
        ),
        (
            "company_or_trust",
            ["--legal-form", "company limited by guarantee"],
            "Out of scope (company or trust)",
        ),
        (
            "company_or_trust",
            ["--management-agreement", "the town's two leisure centres"],
            "Contract (management agreement)",
        ),
    ],
)
def test_every_kind_gets_a_valid_commented_record(
    runner: CliRunner, example_repo: Path, kind: str, extra: list[str], label: str
) -> None:
    args = [
        "new",
        "--no-input",
        "--today",
        TODAY,
        "--kind",
        kind,
        "--name",
        f"A {kind} test",
        "--lead-officer",
        "Sam Patel",
        "--department",
        "Communities",
        *extra,
    ]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    path = example_repo / "register" / f"a-{kind.replace('_', '-')}-test.yaml"
    assert f"Wrote register/{path.name}" in result.stdout
    assert f"Classification: {label}" in result.stdout
    assert "Approval route: " in result.stdout
    if kind == "company_or_trust" and not extra[0].startswith("--management"):
        # no route under the framework, and it says why
        assert "Approval route: none under this framework" in result.stdout
        assert "Monitoring Officer and the Section 151 Officer" in result.stdout
    _assert_good_record(path)
    assert (example_repo / "schema" / "arrangement.schema.json").is_file()
    text = path.read_text(encoding="utf-8")
    assert "partnerfw check register/" in text
    # the new record's to-do list is what `check` says about it
    check = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY, str(path)], catch_exceptions=False
    )
    rules = [f["rule"] for f in json.loads(check.stdout)["findings"]]
    for rule in rules:
        assert f" {rule} " in result.stdout


def test_partnership_template_carries_the_evaluation_form_guidance(
    runner: CliRunner, example_repo: Path
) -> None:
    runner.invoke(app, ["new", "--no-input", *REQUIRED, "--public-facing"], catch_exceptions=False)
    text = (example_repo / "register" / "riverside-youth-hub.yaml").read_text(encoding="utf-8")
    for guidance in (
        "Partnership Evaluation Form (Appendix 1)",
        "A risk assessment must be completed before it goes for formal approval",
        "protected",
        "Exit strategy (2.10)",
        "Handling complaints (App3 1.4b)",
        "statutory_duty_or_policy_objective",
    ):
        assert guidance in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_id_is_derived_from_the_name_and_made_unique(runner: CliRunner, example_repo: Path) -> None:
    args = [
        "new",
        "--no-input",
        "--kind",
        "partnership",
        "--lead-officer",
        "Sam Patel",
        "--department",
        "Communities",
        "--name",
    ]
    first = runner.invoke(app, [*args, "Food Bank Partnership"], catch_exceptions=False)
    assert "Wrote register/food-bank-partnership-2.yaml" in first.stdout
    second = runner.invoke(app, [*args, "Food Bank Partnership"], catch_exceptions=False)
    assert "Wrote register/food-bank-partnership-3.yaml" in second.stdout
    assert slug("Café & Bar: Thamesbridge (2027)!") == "cafe-and-bar-thamesbridge-2027"
    assert len(slug("word " * 40)) <= 60
    assert unique_id("x", {"x", "x-2"}) == "x-3"


@pytest.mark.parametrize(
    ("name", "record_id"),
    [
        ("Grønland Ståløy Twinning", "gronland-staloy-twinning"),
        ("Straße Residents’ Forum", "strasse-residents-forum"),
        ("Łódź Partnership", "lodz-partnership"),
        ("Æthelred Community Partnership", "aethelred-community-partnership"),
        ("Crème Brûlée Café Network", "creme-brulee-cafe-network"),
    ],
)
def test_new_transliterates_letters_into_the_id(
    runner: CliRunner, example_repo: Path, name: str, record_id: str
) -> None:
    """An id is permanent: 'Grønland' is 'gronland', never 'grnland'."""
    args = ["new", "--no-input", "--today", TODAY, "--kind", "partnership", "--name", name]
    args += ["--lead-officer", "Sam Patel", "--department", "Communities"]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert f"Wrote register/{record_id}.yaml" in result.stdout
    text = (example_repo / "register" / f"{record_id}.yaml").read_text(encoding="utf-8")
    assert f"id: {record_id}\n" in text and name in text


def test_new_never_overwrites(runner: CliRunner, example_repo: Path) -> None:
    path = example_repo / "register" / "food-bank-partnership.yaml"
    before = path.read_bytes()
    result = runner.invoke(
        app,
        ["new", "--no-input", *REQUIRED, "--id", "food-bank-partnership"],
        catch_exceptions=False,
    )
    assert result.exit_code == 2
    assert "already used" in result.stderr and "food-bank-partnership-2" in result.stderr
    assert path.read_bytes() == before


def test_awkward_answers_are_written_as_safe_yaml(runner: CliRunner, example_repo: Path) -> None:
    name = 'The "A&B": #1 Partnership - yes'
    result = runner.invoke(
        app,
        [
            "new",
            "--no-input",
            "--kind",
            "partnership",
            "--name",
            name,
            "--lead-officer",
            "O'Neill: Jo",
            "--department",
            "null",
            "--partner",
            "Kent: County Council:public",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    path = example_repo / "register" / "the-a-and-b-1-partnership-yes.yaml"
    _assert_good_record(path)
    record, _ = parse_record(path.read_bytes(), "x")
    assert record is not None
    assert record.arrangement.name == name
    assert record.arrangement.lead_officer.name == "O'Neill: Jo"
    assert record.arrangement.department == "null"
    assert record.arrangement.partners[0].name == "Kent: County Council"
    for value in ("yes", "2027-04-01", "12", "a: b", "- x", "[x]", "#x", "x #y", " x"):
        assert parse(f"k: {yaml_scalar(value)}\n").data == {"k": value}


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (["--shared-service-type", "joint_officer"], "only a shared service has a type"),
        (["--payment", "the_council_pays"], "asked of a commissioning arrangement"),
        (["--management-agreement", "leisure"], "only a company or trust"),
        (["--indefinite", "--end", "2030-01-01"], "an indefinite arrangement has no end date"),
        (["--urgency-justification", "because"], "give --urgent too"),
    ],
)
def test_options_that_do_not_apply_are_refused(
    runner: CliRunner, example_repo: Path, extra: list[str], reason: str
) -> None:
    result = runner.invoke(app, ["new", "--no-input", *REQUIRED, *extra], catch_exceptions=False)
    assert result.exit_code == 2
    assert reason in result.stderr
    assert not (example_repo / "register" / "riverside-youth-hub.yaml").exists()


def test_interactive_shared_service_takes_defaults_on_enter(example_repo: Path) -> None:
    child = _spawn(example_repo)
    _answer(child, "Kind (1-6)", "shared")
    child.expect_exact("joint_management     one council's manager also manages")
    _answer(child, "Type (1-4)", "2")
    _answer(child, "Name of the arrangement", "Joint Parking Manager")
    _answer(child, "Lead officer (a number, or the start of a name)", "claire")
    _answer(child, "Their job title (Enter to skip)", "Parking Manager")
    _answer(child, "department", "Environment")
    _answer(child, "Partner 1 name", "Medley District Council")
    _answer(child, "Sector of Medley District Council", "pub")
    _answer(child, "Partner 2 name", "")
    for prompt in (
        "Portfolio (a number",
        "Lead Member (a number",
        "Statutory Status",
        "Dedicated council budget",
        "full-time equivalents",
        "Cost of that staff",
        "Value of resources given in kind",
        "What is given in kind",
        "Objective (a number",
        "Start date",
        "run indefinitely",
        "End date",
        "directly to the public",
        "Is it urgent",
    ):
        _answer(child, prompt, "")
    child.expect_exact("Wrote register/joint-parking-manager.yaml")
    child.expect_exact("Wrote schema/arrangement.schema.json")
    child.expect_exact("Classification: Joint management")
    child.expect_exact("Approval route: approval by the Leader of the Executive")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    path = example_repo / "register" / "joint-parking-manager.yaml"
    _assert_good_record(path)
    record, _ = parse_record(path.read_bytes(), "x")
    assert record is not None and record.arrangement.shared_service is not None
    assert record.arrangement.shared_service.type.value == "joint_management"
    assert record.arrangement.lead_officer.name == "Claire Ndlovu"
    assert record.arrangement.partners[0].sector.value == "public"
    assert record.arrangement.lead_officer.title == "Parking Manager"
    assert not record.arrangement.urgency.urgent and not record.arrangement.public_facing


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_answer_is_written_as_a_scalar_that_reads_back_exactly(value: str) -> None:
    assert parse(f"k: {yaml_scalar(value)}\n").data == {"k": value}


def test_a_broken_policy_stops_new_before_anything_is_written(
    runner: CliRunner, example_repo: Path
) -> None:
    settings = example_repo / "partnerfw.yaml"
    settings.write_text(settings.read_text("utf-8") + "edition: nonsense\n", encoding="utf-8")
    result = runner.invoke(app, ["new", "--no-input", *REQUIRED], catch_exceptions=False)
    assert result.exit_code == 2
    assert "partnerfw.yaml" in result.stderr
    assert not (example_repo / "register" / "riverside-youth-hub.yaml").exists()


def test_commissioning_says_who_pays_and_a_council_that_pays_is_told_it_is_not_commissioning(
    runner: CliRunner, example_repo: Path
) -> None:
    base = ["new", "--no-input", "--today", TODAY, "--kind", "commissioning"]
    people = ["--lead-officer", "Sam Patel", "--department", "Communities"]
    paid = runner.invoke(
        app,
        [*base, "--name", "Licensing for Medley", *people, "--payment", "1"],
        catch_exceptions=False,
    )
    assert paid.exit_code == 0, paid.stderr
    text = (example_repo / "register" / "licensing-for-medley.yaml").read_text(encoding="utf-8")
    assert "payment: the_council_is_paid" in text
    assert "CLS004" in paid.stdout  # who pays the council is still to name
    pays = runner.invoke(
        app,
        [*base, "--name", "Debt advice", *people, "--payment", "the_council_pays"],
        catch_exceptions=False,
    )
    assert pays.exit_code == 0, pays.stderr
    assert "not a commissioning arrangement" in " ".join(pays.stdout.split())
    wrong = runner.invoke(
        app, [*base, "--name", "X", *people, "--payment", "sometimes"], catch_exceptions=False
    )
    assert wrong.exit_code == 2
    assert "--payment: 'sometimes' is not a payment" in wrong.stderr


def test_people_objectives_and_portfolio_are_chosen_from_the_master_lists(
    example_repo: Path,
) -> None:
    """With partnerfw.yaml's lists, new offers each as a numbered menu: a number, the name or
    an unambiguous start of it; 'someone else' is allowed and the officer told that check will
    flag it, as it then does."""
    settings = example_repo / "partnerfw.yaml"
    text = settings.read_text("utf-8").replace(
        "  - Daniel Moss\n", "  - Daniel Moss\n  - Daniel Morgan\n", 1
    )
    settings.write_text(text, "utf-8")
    child = _spawn(example_repo)
    _answer(child, "Kind (1-6)", "1")
    _answer(child, "Name of the arrangement", "Riverside Youth Hub")
    child.expect_exact("The council's lead officer (from the officers list in partnerfw.yaml):")
    child.expect_exact("   3  Daniel Moss")
    child.expect_exact("   0  someone else, not on the list (check will flag it: LST001)")
    _answer(child, "Lead officer (a number, or the start of a name)", "Dan")
    child.expect_exact("'Dan' could be Daniel Moss, Daniel Morgan: type more of it")
    _answer(child, "Lead officer (a number, or the start of a name)", "Dana Scully")
    child.expect_exact("'Dana Scully' is not on the officers list: answer with a number")
    _answer(child, "Lead officer (a number, or the start of a name)", "daniel  mos")
    _answer(child, "Their job title (Enter to skip)", "")
    _answer(child, "department", "Communities")
    _answer(child, "Partner 1 name", "")
    child.expect_exact("The Cabinet portfolio it falls under (from the portfolios list")
    _answer(child, "Portfolio (a number, or the start of its name; Enter to skip)", "leis")
    child.expect_exact("the Portfolio Holder for Leisure and Culture is Cllr Amira Hussain (2)")
    _answer(child, "Lead Member (a number, or the start of a name; Enter to skip)", "Cllr")
    child.expect_exact("'Cllr' could be Cllr David Marsh, Cllr Amira Hussain")
    _answer(child, "Lead Member (a number, or the start of a name; Enter to skip)", "2")
    _answer(child, "Statutory Status')? (y/n)", "n")
    _answer(child, "Dedicated council budget", "0")
    _answer(child, "full-time equivalents", "0")
    _answer(child, "Cost of that staff time", "")
    _answer(child, "Value of resources given in kind", "")
    _answer(child, "What is given in kind", "")
    _answer(child, "(1.9)? (y/n)", "n")
    child.expect_exact("  0  another objective, not on the list (check will flag it: LST002)")
    _answer(child, "Objective (a number, or the start of it; Enter to skip)", "0")
    _answer(child, "The objective, as the Corporate Plan words it", "Opportunities for youth")
    child.expect_exact(
        "'Opportunities for youth' is not on the corporate_objectives list in partnerfw.yaml: "
        "check will flag it (LST002) until the list or the record is corrected"
    )
    _answer(child, "Start date", "")
    _answer(child, "run indefinitely", "y")
    _answer(child, "directly to the public", "n")
    _answer(child, "Is it urgent", "n")
    child.expect_exact("Wrote register/riverside-youth-hub.yaml")
    child.expect_exact("LST002  the Corporate Plan objective 'Opportunities for youth'")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "LST001" not in (child.before or "")
    path = example_repo / "register" / "riverside-youth-hub.yaml"
    _assert_good_record(path)
    record, _ = parse_record(path.read_bytes(), "x")
    assert record is not None
    a = record.arrangement
    assert a.lead_officer.name == "Daniel Moss"
    assert a.portfolio == "Leisure and Culture"
    assert a.lead_member is not None and a.lead_member.name == "Cllr Amira Hussain"
    assert a.corporate_objectives == ["Opportunities for youth"]


def test_someone_else_is_allowed_and_flagged_as_check_flags_it(example_repo: Path) -> None:
    child = _spawn(example_repo)
    _answer(child, "Kind (1-6)", "6")
    _answer(child, "The outside body the council appoints to", "Citizens Advice Thamesbridge")
    _answer(child, "Who made the appointments", "Annual Council")
    child.expect_exact("The councillors appointed (from the councillors list in partnerfw.yaml):")
    _answer(child, "Appointed (numbers or names, separated by semicolons)", "1; 0")
    _answer(child, "Their name", "Cllr Zoe Newcomer")
    child.expect_exact("'Cllr Zoe Newcomer' is not on the councillors list in partnerfw.yaml")
    _answer(child, "Name of the arrangement", "Citizens Advice Thamesbridge board")
    _answer(child, "Lead officer (a number, or the start of a name)", "0")
    _answer(child, "The lead officer's full name", "Sam Patel")
    child.expect_exact(
        "'Sam Patel' is not on the officers list in partnerfw.yaml: check will flag it (LST001)"
    )
    _answer(child, "Their job title (Enter to skip)", "")
    _answer(child, "department", "Communities")
    _answer(child, "Partner 1 name", "")
    _answer(child, "Portfolio (a number, or the start of its name; Enter to skip)", "")
    for prompt in (
        "Dedicated council budget",
        "full-time equivalents",
        "Cost of that staff time",
        "Value of resources given in kind",
        "What is given in kind",
        "Objective (a number, or the start of it; Enter to skip)",
        "Start date",
        "run indefinitely",
        "End date",
        "directly to the public",
        "Is it urgent",
    ):
        _answer(child, prompt, "")
    child.expect_exact("Wrote register/citizens-advice-thamesbridge-board.yaml")
    child.expect_exact("LST001  the councillor appointed 'Cllr Zoe Newcomer'")
    child.expect_exact("LST001  the lead officer 'Sam Patel' is not on the officers list")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record, _ = parse_record(
        (example_repo / "register" / "citizens-advice-thamesbridge-board.yaml").read_bytes(), "x"
    )
    assert record is not None and record.arrangement.outside_body is not None
    assert [p.name for p in record.arrangement.outside_body.appointees] == [
        "Cllr David Marsh",
        "Cllr Zoe Newcomer",
    ]
    assert record.arrangement.portfolio is None


def test_names_given_as_options_are_written_as_the_lists_write_them(
    runner: CliRunner, example_repo: Path
) -> None:
    result = runner.invoke(
        app,
        [
            "new",
            "--no-input",
            "--today",
            TODAY,
            "--kind",
            "partnership",
            "--name",
            "Riverside Youth Hub",
            "--lead-officer",
            "aisha  BELLO",
            "--department",
            "Communities",
            "--portfolio",
            "leisure and culture",
            "--lead-member",
            "amira hussain",
            "--corporate-objective",
            "healthy and active communities",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    assert "LST00" not in result.stdout
    text = (example_repo / "register" / "riverside-youth-hub.yaml").read_text("utf-8")
    assert "  name: Aisha Bello\n" in text
    assert "\nportfolio: Leisure and Culture\n" in text
    assert "  name: Cllr Amira Hussain\n" in text
    assert "  - Healthy and active communities\n" in text
