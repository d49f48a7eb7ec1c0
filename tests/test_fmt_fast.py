"""`fmt`'s quick 'already tidy' decision gives the same answer as the full round trip, and
`fmt` keeps a file's line endings."""

from __future__ import annotations

import random
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml.error import ReusedAnchorWarning
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.edit.already_tidy import looks_tidy
from partnerfw.edit.tidy import TidyProblem, tidy_file_text, tidy_text
from partnerfw.record.writing import dump_text, load_round_trip
from tests.conftest import EXAMPLE_REGISTER, build_file_tree

RECORDS = sorted(EXAMPLE_REGISTER.glob("*.yaml"))
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in RECORDS}


def slow_says_tidy(text: str) -> bool | None:
    """The full round trip's answer: True unchanged, False would change, None a problem."""
    with warnings.catch_warnings():
        # ruamel warns (and fmt says so) about an anchor name used twice: not this test's topic
        warnings.simplefilter("ignore", ReusedAnchorWarning)
        try:
            return tidy_text(text) == text
        except TidyProblem:
            return None


def assert_same_decision(text: str) -> None:
    fast = looks_tidy(text)
    slow = slow_says_tidy(text)
    if fast:  # 'certainly tidy' must be exactly what the round trip says
        assert slow is True, text
    # and fmt's combined decision equals the round trip's in every case
    combined = True if fast else slow
    assert combined == slow


# --- mutations a person (or another tool) might make -----------------------------------


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _content_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(_lines(text)) if line.strip() and "#" not in line]


def _on_line(change: Callable[[str], str]) -> Callable[[str, random.Random], str]:
    def mutate(text: str, rng: random.Random) -> str:
        lines = _lines(text)
        index = rng.choice(_content_lines(text))
        lines[index] = change(lines[index])
        return "".join(lines)

    return mutate


def _shuffle_keys(text: str, rng: random.Random) -> str:
    data = load_round_trip(text)
    keys = list(data)
    rng.shuffle(keys)
    for key in keys:
        data.move_to_end(key)
    return str(dump_text(data))


def _swap_nested_keys(text: str, rng: random.Random) -> str:
    data = load_round_trip(text)
    nested = [value for value in data.values() if hasattr(value, "move_to_end") and len(value) > 1]
    if nested:
        mapping = rng.choice(nested)
        mapping.move_to_end(next(iter(mapping)))
    return str(dump_text(data))


def _set_value(spelling: str) -> Callable[[str, random.Random], str]:
    def mutate(text: str, rng: random.Random) -> str:
        lines = _lines(text)
        candidates = [
            i
            for i in _content_lines(text)
            if re.match(r" *(- )?[a-z_]+: \S", lines[i]) and not lines[i].rstrip().endswith(":")
        ]
        index = rng.choice(candidates)
        head = lines[index].split(": ", 1)[0]
        lines[index] = f"{head}: {spelling}\n"
        # drop the old value's continuation lines, if it was folded
        indent = len(head) - len(head.lstrip(" -"))
        while index + 1 < len(lines) and (
            len(lines[index + 1]) - len(lines[index + 1].lstrip(" ")) > indent + 1
            and ":" not in lines[index + 1]
            and not lines[index + 1].lstrip().startswith("- ")
        ):
            del lines[index + 1]
        return "".join(lines)

    return mutate


def _insert_line(line: str) -> Callable[[str, random.Random], str]:
    def mutate(text: str, rng: random.Random) -> str:
        lines = _lines(text)
        index = rng.choice(_content_lines(text))
        lines.insert(index, line)
        return "".join(lines)

    return mutate


def _join_folded(text: str, rng: random.Random) -> str:
    return re.sub(r" \n +(?=[A-Za-z(])", " ", text, count=1)


LONG = "working together across the borough to plan and deliver services " * 3

MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "unchanged": lambda text, rng: text,
    "shuffle top keys": _shuffle_keys,
    "swap nested keys": _swap_nested_keys,
    "indent one more": _on_line(lambda line: " " + line),
    "indent two more": _on_line(lambda line: "  " + line),
    "trailing space": _on_line(lambda line: line[:-1] + " \n"),
    "two spaces after colon": _on_line(lambda line: line.replace(": ", ":  ", 1)),
    "eol comment": _on_line(lambda line: line[:-1] + "  # a note\n"),
    "eol comment one space": _on_line(lambda line: line[:-1] + " # a note\n"),
    "indented comment": _insert_line("    # a note about the next field\n"),
    "comment at column 0": _insert_line("# a note about the next field\n"),
    "blank line": _insert_line("\n"),
    "blank line with spaces": _insert_line("  \n"),
    "explicit start": lambda text, rng: "---\n" + text,
    "no final newline": lambda text, rng: text.rstrip("\n"),
    "two final newlines": lambda text, rng: text + "\n",
    "join folded line": _join_folded,
    "long plain value": _set_value(LONG.strip()),
    "long single quoted": _set_value(f"'{LONG.strip()}'"),
    "long double quoted": _set_value(f'"{LONG.strip()}"'),
    "double quoted": _set_value('"Council: shared work"'),
    "double quoted escape": _set_value('"caf\\u00e9 owners"'),
    "single quoted": _set_value("'Council: shared work'"),
    "single quoted needless": _set_value("'plain words'"),
    "yes": _set_value("yes"),
    "True": _set_value("True"),
    "true": _set_value("true"),
    "tilde": _set_value("~"),
    "null": _set_value("null"),
    "octal": _set_value("0o17"),
    "leading zero": _set_value("017"),
    "underscore int": _set_value("1_000"),
    "exponent": _set_value("1e3"),
    "float": _set_value("2.50"),
    "short date": _set_value("2024-5-1"),
    "datetime": _set_value("2024-05-01 10:00:00"),
    "flow list": _set_value("[a, b]"),
    "flow map": _set_value("{a: 1}"),
    "empty flow": _set_value("{}"),
    "block text": _set_value("|\n  first line\n  second line"),
    "anchor": _set_value("&here plain words"),
    "two anchors": lambda text, rng: _set_value("&here two")(
        _set_value("&here one")(text, rng), rng
    ),
    "tag": _set_value("!!str plain words"),
    "hash in value": _set_value("group #1 and group #2"),
    "colon in value": _set_value("a: b"),
    "non-ASCII": _set_value("café £5,000 — ünïcode"),
    "tab": _on_line(lambda line: line.replace(": ", ":\t", 1)),
    "crlf": lambda text, rng: text.replace("\n", "\r\n"),
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_bundled_records_are_recognised_as_tidy_by_the_fast_path_or_the_slow_one(
    name: str,
) -> None:
    text = TEXTS[name]
    assert slow_says_tidy(text) is True
    assert_same_decision(text)


def test_the_fast_path_recognises_most_bundled_records() -> None:
    fast = [name for name, text in TEXTS.items() if looks_tidy(text)]
    assert len(fast) >= len(TEXTS) - 2, sorted(set(TEXTS) - set(fast))


def test_long_values_folded_by_ruamel_are_recognised_and_unfolded_ones_are_not() -> None:
    words = "working together across the borough to plan and deliver services " * 3
    text = (
        "id: x\nname: y\nkind: partnership\n"
        f"corporate_objectives:\n  - {words}\n  - short one\n"
        f"partners:\n  - name: {words}\n    sector: {words}\n"
        f"monitoring:\n  outcomes:\n    - {words}\n"
    )
    tidy = tidy_text(text)
    assert tidy.count("\n") > text.count("\n")  # ruamel folded the long values
    assert looks_tidy(tidy) and tidy_text(tidy) == tidy
    assert not looks_tidy(text)


@pytest.mark.parametrize("key", ["yes", "null", "on", "true"])
def test_keys_yaml_reads_as_other_types_go_to_the_round_trip(key: str) -> None:
    text = TEXTS["food-bank-partnership.yaml"] + f"{key}: value\n"
    assert not looks_tidy(text)
    assert_same_decision(text)


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_fast_decision_equals_the_round_trip_on_mutated_records(mutation: str) -> None:
    rng = random.Random(mutation)
    changed = 0
    for name in sorted(TEXTS)[::3]:
        text = MUTATIONS[mutation](TEXTS[name], rng)
        changed += text != TEXTS[name]
        assert_same_decision(text)
    assert changed or mutation == "unchanged"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(TEXTS)),
    steps=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
    seed=st.integers(0, 10_000),
)
def test_fast_decision_equals_the_round_trip_on_combined_mutations(
    name: str, steps: list[str], seed: int
) -> None:
    rng = random.Random(seed)
    text = TEXTS[name]
    for step in steps:
        try:
            text = MUTATIONS[step](text, rng)
        except Exception:  # the step cannot apply to what the earlier steps made
            assume(False)
    assert_same_decision(text)


# --- line endings ----------------------------------------------------------------------

MESSY = "name: Food Bank\n# the id\nid: food\nkind: partnership\nsummary: |\n  a\n  b\n"
TIDY = "# the id\nid: food\nname: Food Bank\nkind: partnership\nsummary: |\n  a\n  b\n"


def test_a_crlf_file_stays_crlf_throughout() -> None:
    assert tidy_file_text(MESSY.replace("\n", "\r\n")) == TIDY.replace("\n", "\r\n")
    assert tidy_file_text(MESSY) == TIDY


def test_mixed_line_endings_are_made_consistent() -> None:
    mixed = TIDY.replace("\n", "\r\n", 2)
    assert tidy_file_text(mixed) == TIDY.replace("\n", "\r\n")
    lf_first = TIDY.replace("kind: partnership\n", "kind: partnership\r\n")
    assert tidy_file_text(lf_first) == TIDY


def test_a_tidy_crlf_record_is_recognised_without_the_round_trip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import partnerfw.edit.tidy

    crlf = TEXTS["food-bank-partnership.yaml"].replace("\n", "\r\n")

    def no_round_trip(text: str, model: object = None) -> str:
        raise AssertionError("the round trip was run")

    monkeypatch.setattr(partnerfw.edit.tidy, "tidy_text", no_round_trip)
    assert tidy_file_text(crlf) == crlf
    lf_first = crlf.replace("\r\n", "\n", 1)  # mixed: made consistent, the first line's way
    assert tidy_file_text(lf_first) == TEXTS["food-bank-partnership.yaml"]
    head, rest = crlf.split("\r\n", 1)
    crlf_first = head + "\r\n" + rest.replace("\r\n", "\n")
    assert crlf_first != crlf
    assert tidy_file_text(crlf_first) == crlf


def test_fmt_keeps_windows_line_endings_and_check_reports_mixed_ones(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crlf = MESSY.replace("\n", "\r\n").encode()
    mixed = TIDY.replace("\n", "\r\n", 3).encode()
    tidy_crlf = TIDY.replace("\n", "\r\n").encode()
    build_file_tree(tmp_path, {"register/windows.yaml": "", "register/mixed.yaml": ""})
    (tmp_path / "register" / "windows.yaml").write_bytes(crlf)
    (tmp_path / "register" / "mixed.yaml").write_bytes(mixed)
    (tmp_path / "register" / "tidy.yaml").write_bytes(tidy_crlf)
    monkeypatch.chdir(tmp_path)

    check = runner.invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert check.exit_code == 1
    assert check.stdout.splitlines() == [
        "would tidy register/mixed.yaml",
        "would tidy register/windows.yaml",
        "2 of 3 files would tidy",
    ]

    result = runner.invoke(app, ["fmt"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
    for name in ("windows.yaml", "mixed.yaml", "tidy.yaml"):
        assert (tmp_path / "register" / name).read_bytes() == tidy_crlf, name
    again = runner.invoke(app, ["fmt", "--check"], catch_exceptions=False)
    assert again.exit_code == 0
    assert "0 of 3 files would tidy" in again.stdout
