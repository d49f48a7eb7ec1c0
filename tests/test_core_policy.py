"""The policy file (partnerfw.yaml) and `partnerfw classify`: bad settings are reported like a
bad record (POL001, file and line); --compare-policy lists exactly what changes class."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.policy.project import open_project
from tests.conftest import EXAMPLE_REGISTER, TODAY, build_file_tree
from tests.records import DELETE, yaml_text

SETTINGS = "council:\n  name: Test Borough Council\nedition: revised\nregister: register\n"


def _repo(root: Path, settings: str, records: dict[str, str] | None = None) -> None:
    files = {"partnerfw.yaml": settings}
    for record_id, source in (records or {"test-partnership": yaml_text("partnership")}).items():
        files[f"register/{record_id}.yaml"] = source
    build_file_tree(root, files)


def _check(runner: CliRunner, *extra: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY, *extra], catch_exceptions=False
    )
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def _policy_findings(payload: dict[str, object]) -> list[dict[str, object]]:
    return [f for f in payload["findings"] if f["rule"] == "POL001"]  # type: ignore[union-attr]


BAD_SETTINGS = [
    # (what, settings text, line, words)
    ("unknown key", SETTINGS + "colour: blue\n", 5, ("unknown field 'colour'",)),
    (
        "misspelt key",
        SETTINGS.replace("edition:", "editon:"),
        3,
        ("unknown field 'editon'", "did you mean 'edition'?"),
    ),
    (
        "bad threshold type",
        SETTINGS + "policy:\n  significance:\n    triggers:\n"
        "    - type: resources_at_least\n      amount: fifty thousand\n"
        "      counts: [dedicated_budget]\n      reference: Framework 1.9\n",
        9,  # the amount's own line
        ("amount", "not an amount partnerfw can read", "'fifty thousand'"),
    ),
    (
        "negative interval",
        SETTINGS + "policy:\n  intervals:\n    grace_days: -3\n",
        7,
        ("intervals.grace_days",),
    ),
    (
        "unknown role in a route",
        SETTINGS + "policy:\n  approval_routes:\n"
        "    partnership.other:\n      approvers: [director, leeder]\n"
        "      reference: Framework 2.11.2\n",
        7,
        ("role 'leeder' is not under roles", "did you mean 'leader'?"),
    ),
    (
        "unknown route",
        SETTINGS + "policy:\n  approval_routes:\n    partnership.big:\n"
        "      approvers: [leader]\n      reference: x\n",
        6,
        ("unknown route 'partnership.big'",),
    ),
    (
        "unknown edition",
        SETTINGS.replace("edition: revised", "edition: latest"),
        3,
        ("edition 'latest' is neither a built-in edition (revised, earlier) nor a policy file",),
    ),
    (
        "rule override without reason",
        SETTINGS + "rules:\n  EXIT001:\n    enabled: false\n",
        6,
        ("rules.EXIT001.reason", "required"),
    ),
    (
        "bad rule code",
        SETTINGS + "rules:\n  exit-1:\n    enabled: false\n    reason: x\n",
        6,
        ("exit-1",),
    ),
    ("tab in the policy", SETTINGS + "policy:\n\tintervals: {}\n", 6, ("tab character",)),
    ("not a mapping", "- council\n", 1, ("must be a mapping (council:", "not a list")),
    (
        "NUL in the edition",
        SETTINGS.replace("edition: revised", 'edition: "a\\0b"'),
        3,
        ("is neither a built-in edition",),
    ),
]


@pytest.mark.parametrize(
    ("what", "settings", "line", "words"), BAD_SETTINGS, ids=[b[0] for b in BAD_SETTINGS]
)
def test_a_bad_policy_file_is_reported_like_a_bad_record(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    runner: CliRunner,
    what: str,
    settings: str,
    line: int,
    words: tuple[str, ...],
) -> None:
    _repo(tmp_path, settings)
    monkeypatch.chdir(tmp_path)
    code, payload = _check(runner)
    assert code == 1
    problems = _policy_findings(payload)
    assert problems, payload["findings"]
    assert all(p["file"] == "partnerfw.yaml" and p["severity"] == "error" for p in problems)
    at_line = [p for p in problems if p["line"] == line]
    assert at_line, problems
    message = " ".join(str(p["message"]) for p in at_line)
    for word in words:
        assert word in message
    # The register is still checked, under the default edition.
    assert [r["id"] for r in payload["records"]] == ["test-partnership"]  # type: ignore[index]


def test_a_policy_problem_in_another_config_file_names_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _repo(tmp_path, SETTINGS)
    (tmp_path / "other.yaml").write_text(SETTINGS.replace("edition: revised", "edition: nope"))
    monkeypatch.chdir(tmp_path)
    code, payload = _check(runner, "--config", "other.yaml")
    assert code == 1
    assert [(p["file"], p["line"]) for p in _policy_findings(payload)] == [("other.yaml", 3)]


def test_a_good_policy_file_with_overrides_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    settings = SETTINGS + (
        "policy:\n  roles:\n    leader: {title: Leader, holder: Cllr Marsh}\n"
        "rules:\n  EVA010:\n    severity: error\n    reason: Insurance matters.\n"
        "  MON002:\n    enabled: false\n    reason: Reported to committee instead.\n"
    )
    record = yaml_text(
        "partnership",
        {"evaluation.insurance_checked": False, "monitoring.performance_reports": DELETE},
    )
    _repo(tmp_path, settings, {"test-partnership": record})
    monkeypatch.chdir(tmp_path)
    code, payload = _check(runner)
    assert code == 1
    found = {(f["rule"], f["severity"]) for f in payload["findings"]}  # type: ignore[union-attr]
    assert found == {("EVA010", "error")}


def test_the_earlier_edition_chosen_in_settings_changes_class_and_route(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    record = yaml_text("partnership", {"approvals.0": DELETE})  # no Management Team discussion
    _repo(tmp_path, SETTINGS, {"test-partnership": record})
    monkeypatch.chdir(tmp_path)
    code, payload = _check(runner)
    assert code == 0
    (tmp_path / "partnerfw.yaml").write_text(SETTINGS.replace("revised", "earlier"))
    code, payload = _check(runner)
    assert code == 1
    assert payload["records"][0]["classification"] == "significant"  # type: ignore[index]
    assert [f["rule"] for f in payload["findings"]] == ["APR003"]  # type: ignore[union-attr]


def test_rules_command_shows_policy_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _repo(
        tmp_path,
        SETTINGS + "rules:\n  MON002:\n    enabled: false\n    reason: Not here.\n"
        "  EVA010:\n    severity: error\n    reason: Matters.\n",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    rules = {r["code"]: r for r in json.loads(result.stdout)["rules"]}
    assert rules["MON002"]["enabled"] is False
    assert rules["MON002"]["policy_reason"] == "Not here."
    assert rules["EVA010"]["severity"] == "error"
    assert rules["GUIDE001"]["checked"] is False
    text = runner.invoke(app, ["rules"], catch_exceptions=False).stdout
    assert "MON002" in text and "switched off by policy" in text


# --- classify ---------------------------------------------------------------------------


def _example_partnerships() -> dict[str, Decimal]:
    """Council resources of each partnership in the bundled register that no flag makes
    significant, read straight from the YAML (not through partnerfw)."""
    found = {}
    for path in sorted(EXAMPLE_REGISTER.glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if record["kind"] != "partnership" or record.get("fundamental_to_corporate_objective"):
            continue
        resources = record.get("council_resources", {})
        found[record["id"]] = sum(
            Decimal(str(resources.get(name, 0)))
            for name in ("dedicated_budget", "staff_cost", "in_kind_value")
        )
    return found


def test_compare_policy_lists_exactly_what_changes_class(
    example_repo: Path, runner: CliRunner
) -> None:
    expected = sorted(i for i, amount in _example_partnerships().items() if 10000 <= amount < 50000)
    assert expected  # the example register has partnerships between the two thresholds
    result = runner.invoke(
        app, ["classify", "--compare-policy", "earlier", "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["compared_with"] == "earlier"
    rows = payload["records"]
    assert sorted(r["id"] for r in rows) == expected
    for row in rows:
        assert (row["classification"], row["compared_classification"]) == ("other", "significant")
        assert "< £50,000 threshold" in row["reason"]
        assert ">= £10,000 threshold" in row["compared_reason"]

    text = runner.invoke(
        app, ["classify", "--compare-policy", "earlier"], catch_exceptions=False
    ).stdout
    assert (
        f"{len(expected)} arrangements change class between 'revised' (now) and 'earlier'" in text
    )
    for record_id in expected:
        assert f"{record_id} (Partnership): Other partnership -> Significant partnership" in text
    assert text.count("now:") == text.count("compared:") == len(expected)


def test_compare_with_the_same_policy_changes_nothing(
    example_repo: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["classify", "--compare-policy", "revised"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "No arrangement changes class between 'revised' and 'revised'." in result.stdout


def test_compare_with_a_policy_file(example_repo: Path, runner: CliRunner) -> None:
    (example_repo / "low.yaml").write_text(
        "council: {name: Thamesbridge}\nedition: revised\npolicy:\n  significance:\n"
        "    triggers:\n    - type: resources_at_least\n      amount: 25000\n"
        "      counts: [dedicated_budget, staff_cost, in_kind_value]\n"
        "      reference: Proposed threshold\n"
    )
    result = runner.invoke(
        app,
        ["classify", "--compare-policy", "low.yaml", "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    changed = {r["id"] for r in json.loads(result.stdout)["records"]}
    expected = {i for i, amount in _example_partnerships().items() if 25000 <= amount < 50000}
    # The proposed policy also drops the 'fundamental' trigger: those partnerships change too.
    assert expected <= changed


def test_compare_with_a_draft_of_just_the_overrides(example_repo: Path, runner: CliRunner) -> None:
    """A council drafting a change writes only what changes, without its name or a full policy."""
    (example_repo / "draft.yaml").write_text(
        "edition: revised\npolicy:\n  significance:\n    triggers:\n"
        "    - type: resources_at_least\n      amount: 25000\n"
        "      counts: [dedicated_budget, staff_cost, in_kind_value]\n"
        "      reference: Proposed threshold\n"
    )
    result = runner.invoke(
        app,
        ["classify", "--compare-policy", "draft.yaml", "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    changed = {r["id"] for r in json.loads(result.stdout)["records"]}
    expected = {i for i, amount in _example_partnerships().items() if 25000 <= amount < 50000}
    assert expected <= changed
    (example_repo / "bad-draft.yaml").write_text("edition: revised\npolicy:\n  thresold: 1\n")
    result = runner.invoke(
        app, ["classify", "--compare-policy", "bad-draft.yaml"], catch_exceptions=False
    )
    assert "thresold" in result.output and "Traceback" not in result.output


def test_compare_with_a_missing_or_bad_policy(example_repo: Path, runner: CliRunner) -> None:
    missing = runner.invoke(
        app, ["classify", "--compare-policy", "nosuch.yaml"], catch_exceptions=False
    )
    assert missing.exit_code == 2
    assert "nosuch.yaml: no such file" in missing.stderr
    (example_repo / "bad.yaml").write_text("edition: x\ntitle: y\n")
    bad = runner.invoke(app, ["classify", "--compare-policy", "bad.yaml"], catch_exceptions=False)
    assert bad.exit_code == 1
    assert "bad.yaml:1: significance: is required but missing" in bad.stdout
    assert "No arrangement changes class" not in bad.stdout


def test_classify_json_lists_id_kind_classification_reason(
    example_repo: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["classify", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    rows = payload["records"]
    assert len(rows) == len(list(EXAMPLE_REGISTER.glob("*.yaml")))
    for row in rows:
        assert {"id", "kind", "classification", "reason"} <= set(row)
        assert row["reason"]
    by_id = {r["id"]: r for r in rows}
    # A trust running council services under a management agreement is a contract (CLS008).
    assert by_id["thamesbridge-leisure-trust"]["classification"] == "management_contract"
    classes = {r["classification"] for r in rows}
    assert {
        "significant",
        "other",
        "informal_network",
        "commissioning",
        "management_contract",
    } <= classes


def test_classify_text_shows_each_arrangement_with_its_reason(
    example_repo: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["classify"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Classification under the 'revised' policy" in result.stdout
    for path in EXAMPLE_REGISTER.glob("*.yaml"):
        assert path.stem in result.stdout


def test_open_project_never_raises_on_a_broken_settings_file(tmp_path: Path) -> None:
    (tmp_path / "partnerfw.yaml").write_bytes(b"council: \xff\n")
    project = open_project(tmp_path)
    assert [(p.rule, p.line) for p in project.problems] == [("POL001", 1)]
    assert project.policy.edition == "revised"


# --- Property-based: generated bad settings ----------------------------------------------

GOOD_SETTINGS = SETTINGS + (
    "policy:\n  significance:\n    near_threshold_margin: 0.2\n  intervals:\n"
    "    grace_days: 7\n  approval_routes:\n    partnership.other:\n"
    "      approvers: [director, leader]\n      reference: Framework 2.11.2\n"
    "rules:\n  EVA010:\n    severity: error\n    reason: Insurance matters.\n"
)
FRAGMENTS = st.sampled_from(
    [
        "edition: earlier\n",
        'edition: "a\\0b"\n',
        "edition: ../../etc\n",
        "edition: .\n",
        "policy: []\n",
        "policy:\n  roles: 5\n",
        "  intervals: {grace_days: -1}\n",
        "rules: x\n",
        "  significance: {triggers: []}\n",
        "council: null\n",
        "register: /\n",
        "theme: {colour: red}\n",
        ": ",
        "- ",
        "\t",
        "[",
        "{",
        "&a ",
        "*a",
        "!!python/name:os.system ",
        "\x00",
        "'",
        "\n",
        "  EXIT001: {enabled: maybe, reason: x}\n",
        "  requirements: {partnership: {governance: [x]}}\n",
        "  approval_routes: {shared_service.joint_officer: {reference: r, informed: [nobody]}}\n",
    ]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edition=st.text(max_size=30))
def test_any_edition_name_is_reported_not_raised(edition: str) -> None:
    source = SETTINGS.replace("edition: revised", f"edition: {json.dumps(edition)}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "partnerfw.yaml").write_text(source, encoding="utf-8", errors="surrogatepass")
        project = open_project(root)
    assert project.policy.edition in ("revised", "earlier")
    assert all(p.rule == "POL001" and p.line >= 1 for p in project.problems)


def test_a_policy_file_that_is_not_a_mapping_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    _repo(tmp_path, SETTINGS.replace("edition: revised", "edition: policy/ours.yaml"))
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "ours.yaml").write_text("- significance\n")
    monkeypatch.chdir(tmp_path)
    code, payload = _check(runner)
    assert code == 1
    assert [(p["file"], p["line"]) for p in _policy_findings(payload)] == [("policy/ours.yaml", 1)]
    assert "must be a mapping" in _policy_findings(payload)[0]["message"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(GOOD_SETTINGS)), FRAGMENTS),
        min_size=1,
        max_size=4,
    )
)
@example(edits=[(100, "rules: x\n")])  # found by hypothesis: an edition's rules not a mapping
def test_generated_bad_settings_never_raise(edits: list[tuple[int, str]]) -> None:
    source = GOOD_SETTINGS
    for at, fragment in edits:
        source = source[:at] + fragment + source[at:]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "partnerfw.yaml").write_text(source, encoding="utf-8")
        project = open_project(root)
    assert project.policy is not None
    for problem in project.problems:
        assert problem.rule == "POL001"
        assert problem.line >= 1
        assert problem.message
