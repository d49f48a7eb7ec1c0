"""Bad input (issue 2, item 6): every kind of broken file is a finding with its file and line,
the other files are still checked, the exit code is 1 and no traceback is ever printed."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.judge.classify import classify
from partnerfw.policy.project import open_project
from partnerfw.record.loading import parse_record
from partnerfw.rules.engine import check_record, run_check
from tests.conftest import TODAY
from tests.records import BASELINES, KINDS, data, policy, text, yaml_text
from tests.test_core_rules import FACTS, LISTS

GOOD = yaml_text("informal_network")
GOOD_ID = "test-network"


def _billion_laughs() -> str:
    lines = ["id: lol", "a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']"]
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def _with(old: str, new: str) -> bytes:
    assert old in GOOD
    return GOOD.replace(old, new, 1).encode()


# name, file content, rule, line, words in the message
BAD_FILES: list[tuple[str, bytes, str, int, tuple[str, ...]]] = [
    (
        "malformed",
        b"id: x\nname: [unclosed\nkind: partnership\n",
        "DATA002",
        3,
        ("not valid YAML", "check the indentation and quotes"),
    ),
    (
        "tabs",
        b"id: tabs\nname: Tabs\nlead_officer:\n\tname: Ann\n",
        "DATA002",
        4,
        ("tab character", "spaces"),
    ),
    (
        "duplicate-key",
        _with("department: Finance", "department: Finance\nname: Again"),
        "DATA002",
        9,
        ("the key 'name' appears twice (first on line 2)", "keep one"),
    ),
    (
        "misspelt-field",
        _with("department:", "departmnet:"),
        "DATA003",
        8,
        ("unknown field 'departmnet'", "did you mean 'department'?"),
    ),
    (
        "misspelt-nested",
        _with("  indefinite: true", "  indefinate: true"),
        "DATA003",
        11,
        ("unknown field 'indefinate' under 'dates'", "did you mean 'indefinite'?"),
    ),
    (
        "unknown-field",
        _with("department: Finance", "department: Finance\nbudget_code: X1"),
        "DATA003",
        9,
        ("unknown field 'budget_code'", "allowed here:"),
    ),
    (
        "wrong-type-date",
        _with("  start: 2021-04-01", "  start: soon"),
        "DATA004",
        10,
        ("dates.start", "'soon'"),
    ),
    (
        "wrong-type-list",
        _with("department: Finance", "department: Finance\npartners: Kent County Council"),
        "DATA004",
        9,
        ("partners",),
    ),
    (
        "wrong-enum",
        _with("kind: informal_network", "kind: partnrship"),
        "DATA004",
        3,
        ("'partnrship' is not one of", "'partnership'"),
    ),
    (
        "negative-money",
        _with("department: Finance", "department: Finance\noverall_budget: -5"),
        "DATA004",
        9,
        ("overall_budget", "cannot be negative"),
    ),
    (
        "end-before-start",
        _with("  indefinite: true", "  end: 2020-01-01"),
        "DATA004",
        9,
        ("the end date 2020-01-01 is before the start date 2021-04-01",),
    ),
    (
        "impossible-date",
        _with("  start: 2021-04-01", "  start: 2021-02-30"),
        "DATA002",
        10,
        ("'2021-02-30' is not a real date",),
    ),
    (
        "missing-required",
        GOOD.replace("department: Finance\n", "").encode(),
        "DATA004",
        1,
        ("department: is required but missing; add it",),
    ),
    ("empty", b"", "DATA002", 1, ("the file is empty",)),
    ("only-comments", b"# to do\n\n", "DATA002", 1, ("the file is empty",)),
    ("a-list", b"- id: x\n- id: y\n", "DATA002", 1, ("must be a mapping of fields", "list")),
    ("non-utf8", b"id: cafe\nname: Caf\xe9\n", "DATA001", 2, ("0xe9 is not UTF-8", "UTF-8")),
    (
        "huge",
        b"id: huge\nnotes: '" + b"a" * 1_100_000 + b"'\n",
        "DATA001",
        1,
        ("1,000,000-byte limit",),
    ),
    ("alias-bomb", _billion_laughs().encode(), "DATA002", 2, ("anchors and aliases",)),
    ("self-alias", b"id: x\nnotes: &a [*a]\n", "DATA002", 2, ("alias refers to itself",)),
    (
        "deep-nesting",
        b"id: x\nnotes: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        "DATA002",
        2,
        ("nested more than 50 levels",),
    ),
    (
        "deep-block-nesting",
        b"id: x\nnotes:\n  " + b"- " * 100_000 + b"x\n",
        "DATA002",
        3,
        ("nested more than 50 levels",),
    ),
    (
        "python-object",
        b"id: x\nname: !!python/object/apply:os.system ['echo pwned']\n",
        "DATA002",
        2,
        ("python/object/apply:os.system", "not allowed"),
    ),
    (
        "merge-key",
        _with("department: Finance", "base: &b {x: 1}\nmore:\n  <<: *b"),
        "DATA002",
        10,
        ("merge keys",),
    ),  # the mapping that holds '<<'
    (
        "two-documents",
        GOOD.encode() + b"---\nid: other\n",
        "DATA002",
        GOOD.count("\n") + 1,
        ("single document",),
    ),
    ("control-character", b"id: x\nname: a\x00b\n", "DATA002", 2, ("control character",)),
]


def _repo(root: Path, files: dict[str, bytes]) -> None:
    (root / "partnerfw.yaml").write_text("council:\n  name: Test Borough Council\n")
    (root / "register").mkdir()
    (root / "register" / f"{GOOD_ID}.yaml").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        (root / "register" / name).write_bytes(content)


@pytest.fixture
def bad_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_good_file_alone_is_clean(bad_repo: Path, runner: CliRunner) -> None:
    _repo(bad_repo, {})
    result = runner.invoke(app, ["check", "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "1 arrangement in 1 file: 0 errors" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "code", "line", "words"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_a_bad_file_is_a_located_finding_and_the_rest_is_still_checked(
    bad_repo: Path,
    runner: CliRunner,
    name: str,
    content: bytes,
    code: str,
    line: int,
    words: tuple[str, ...],
) -> None:
    _repo(bad_repo, {f"{name}.yaml": content})
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    payload = json.loads(result.stdout)
    assert [r["id"] for r in payload["records"]] == [GOOD_ID]
    mine = [f for f in payload["findings"] if f["file"] == f"register/{name}.yaml"]
    assert mine, payload["findings"]
    assert all(f["severity"] == "error" for f in mine)
    located = [f for f in mine if f["rule"] == code and f["line"] == line]
    assert located, mine
    message = " ".join(f["message"] for f in located)
    for word in words:
        assert word in message
    assert payload["summary"]["files"] == 2


def test_all_bad_files_together_in_text_format(bad_repo: Path, runner: CliRunner) -> None:
    _repo(bad_repo, {f"{name}.yaml": content for name, content, *_ in BAD_FILES})
    result = runner.invoke(app, ["check", "--today", TODAY], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, *_ in BAD_FILES:
        assert f"register/{name}.yaml" in result.stdout
    assert f"1 arrangement in {len(BAD_FILES) + 1} files" in result.stdout


def test_the_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    _repo(tmp_path, {f"{name}.yaml": content for name, content, *_ in BAD_FILES})
    exe = Path(sys.executable).with_name("partnerfw")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "partnerfw"]
    done = subprocess.run(
        [*command, "check", "--today", TODAY, "--format", "github"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr == ""
    assert "::error file=register/python-object.yaml,line=2," in done.stdout


def test_a_folder_named_like_a_record_does_not_stop_the_check(
    bad_repo: Path, runner: CliRunner
) -> None:
    _repo(bad_repo, {})
    (bad_repo / "register" / "folder.yaml").mkdir()
    (bad_repo / "register" / "unreadable.yaml").write_text("id: x\n")
    (bad_repo / "register" / "unreadable.yaml").chmod(0)
    result = runner.invoke(
        app, ["check", "--format", "json", "--today", TODAY], catch_exceptions=False
    )
    payload = json.loads(result.stdout)
    assert [r["id"] for r in payload["records"]] == [GOOD_ID]
    if os.geteuid() != 0:  # root can read any file
        assert any(
            f["rule"] == "DATA001" and "cannot read" in f["message"] for f in payload["findings"]
        )


# --- Property-based: generated bad documents ---------------------------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAMLISH = st.lists(
    st.sampled_from(
        [
            "id",
            "name",
            "kind",
            "status",
            "dates",
            "start",
            "partners",
            "council_resources",
            ":",
            ": ",
            "-",
            "- ",
            " ",
            "  ",
            "\n",
            "\t",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&a ",
            "*a",
            "!!str ",
            "!!python/object:os.system ",
            "!custom ",
            "'",
            '"',
            "#",
            "?",
            "? ",
            "|",
            ">",
            "%YAML 1.1",
            "---",
            "...",
            "<<: *a",
            "2025-02-30",
            "2025-04-01",
            "-5",
            "1e400",
            ".nan",
            ".inf",
            "null",
            "~",
            "yes",
            "0x1F",
            "\\u0000",
            "\x00",
            "\ufeff",
            "é",
            "£50,000",
            "@",
            "`",
            "start: 2021-02-30\n",
            "x: &a [*a]\n",
            "[" * 3000,
            "]" * 3000,
            "- " * 3000,
            "key:\n\tvalue\n",
            "a: b: c\n",
            "  - x\n",
            "&a",
            "*b",
        ]
    ),
    max_size=40,
).map("".join)


@st.composite
def edited_good_text(draw: st.DrawFn) -> str:
    """A valid record with YAML-ish fragments typed into it at random places."""
    source = GOOD
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(source)))
        source = source[:at] + draw(YAMLISH) + source[at:]
    return source


def _assert_located(problems: list[Any], shown: str) -> None:
    for finding in problems:
        assert finding.file == shown
        assert finding.line >= 1
        assert finding.rule.startswith("DATA")
        assert finding.message


@FAST
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise(raw: bytes) -> None:
    record, problems = parse_record(raw, "register/x.yaml")
    assert record is not None or problems
    _assert_located(problems, "register/x.yaml")


@FAST
@given(st.one_of(YAMLISH, edited_good_text()))
def test_random_yaml_like_text_never_raises(source: str) -> None:
    record, problems = parse_record(source.encode("utf-8", "surrogatepass"), "register/x.yaml")
    assert record is not None or problems
    _assert_located(problems, "register/x.yaml")


WRONG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
    st.sampled_from(["2025-02-30", "-1", "partnership", "in_place", "yes", ""]),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


def _parent(record: dict[str, Any], path: tuple[Any, ...]) -> Any:
    target: Any = record
    for part in path[:-1]:
        target = target[part]
    return target


@st.composite
def mutated_records(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(KINDS))
    record = data(kind)
    if kind == "partnership" and draw(st.booleans()):
        record["approved_facts"] = copy.deepcopy(FACTS)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(record)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(record, path)
        action = draw(st.sampled_from(["delete", "wrong", "unknown"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "wrong":
            parent[path[-1]] = draw(WRONG_VALUES)
        else:
            target = parent[path[-1]] if isinstance(parent[path[-1]], dict) else parent
            if isinstance(target, dict):
                target[draw(st.text(min_size=1, max_size=12))] = draw(WRONG_VALUES)
    return text(record)


@FAST
@given(mutated_records())
def test_mutated_records_never_raise_through_parse_and_rules(source: str) -> None:
    record, problems = parse_record(source.encode("utf-8"), "register/m.yaml")
    _assert_located(problems, "register/m.yaml")
    if record is None:
        assert problems
        return
    active = policy()
    for finding in check_record(
        record, classify(record.arrangement, active), active, dt.date(2026, 11, 23), LISTS
    ):
        assert finding.file == "register/m.yaml"
        assert finding.line >= 1
        assert finding.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bad=st.one_of(
        mutated_records().map(str.encode),
        YAMLISH.map(str.encode),
        edited_good_text().map(str.encode),
        st.binary(max_size=500),
    )
)
def test_a_generated_bad_file_never_stops_the_rest_of_the_register(bad: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _repo(root, {"generated.yaml": bad})
        project = open_project(root)
        result = run_check(project, [project.register_dir], dt.date(2026, 11, 23))
    assert GOOD_ID in [r.id for r in result.records]
    assert sorted(result.files) == ["register/generated.yaml", f"register/{GOOD_ID}.yaml"]
    for finding in result.findings:
        assert finding.file in result.files
        assert finding.line >= 1


def test_every_baseline_survives_a_round_trip_through_yaml() -> None:
    for kind in KINDS:
        assert yaml.safe_load(text(BASELINES[kind]))["kind"] == kind


DATES = st.one_of(
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.dates(min_value=dt.date(9998, 1, 1)),  # due dates would fall past year 9999
    st.dates(max_value=dt.date(1, 12, 31)),
    st.dates(),
)


@FAST
@given(
    kind=st.sampled_from(KINDS),
    status=st.sampled_from(["proposed", "approved", "active", "under_review", "ending", "ended"]),
    start=DATES,
    other=DATES,
    today=DATES,
    urgent=st.booleans(),
    fixed_term=st.booleans(),
)
def test_rules_never_raise_on_dates_at_the_ends_of_the_calendar(
    kind: str,
    status: str,
    start: dt.date,
    other: dt.date,
    today: dt.date,
    urgent: bool,
    fixed_term: bool,
) -> None:
    changes: dict[str, Any] = {
        "dates.start": start,
        "monitoring.budget_reports": [other],
        "monitoring.annual_reviews": [other],
        "monitoring.performance_reports": [other],
        "monitoring.shared_service_reviews": [other],
        "urgency": {"urgent": urgent, "justification": "The provider collapsed."},
    }
    if fixed_term:
        changes |= {"dates.indefinite": False, "dates.end": max(start, other)}
    if urgent:
        changes["approvals"] = []
    record, problems = parse_record(
        yaml_text(kind, changes, status=status).encode(), "register/d.yaml"
    )
    assert record is not None, problems
    active = policy()
    for finding in check_record(record, classify(record.arrangement, active), active, today):
        assert finding.line >= 1
