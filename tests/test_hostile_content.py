"""The hostile corpus, what a record says (issue 17, part 5): an alias bomb, control characters,
an impossible date, deep nesting, a record too long to tidy, hundreds of keys out of order,
the ends of the calendar, and control characters that check accepts reaching Excel and Word.
Each runs as a real process with 10 s and a memory cap (tests/hostile.py)."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.hostile import TODAY, assert_handled, register_repository, run
from tests.records import yaml_text

RECORD = "register/x.yaml"
UNTIDY = "register/food-bank-partnership.yaml"
NEW = ("new", "--no-input", "--kind", "informal_network", "--name", "Officers Forum")
NEW += ("--lead-officer", "Aisha Bello", "--department", "Place")
"""Made untidy in every repository here: fmt must still report it beside a hostile file."""


def _billion_laughs() -> str:
    lines = ["id: x", "name: Laughs", "kind: informal_network"]
    lines.append("a: &a ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']")
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines) + "\n"


def _block_nesting(levels: int) -> str:
    return "id: x\nname: Deep\nnotes:\n" + "".join("  " * i + "k:\n" for i in range(1, levels))


VALID = yaml_text("informal_network", id="x", name="A network")

# name -> the file's bytes, the line named, what the message says
BAD_CONTENT: dict[str, tuple[bytes, int, str]] = {
    "alias bomb": (_billion_laughs().encode(), 4, "200,000 values"),
    "ESC": (VALID.replace("name: A network", "name: A \x1b[31mnetwork").encode(), 2, "#x001b"),
    "U+FFFE": (VALID.replace("name: A network", "name: A \ufffe network").encode(), 2, "#xfffe"),
    "NUL": (VALID.replace("name: A network", "name: A \0 network").encode(), 2, "#x0000"),
    "2026-02-30": (
        VALID.replace("id: x\n", "id: x\nreviewed: 2026-02-30\n").encode(),
        2,
        "real date",
    ),
    "flow nesting 100,000 deep": (
        b"id: x\nname: Deep\nnotes: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        3,
        "nested more than 50 levels",
    ),
    "block nesting 300 deep": (_block_nesting(300).encode(), 54, "nested more than 50 levels"),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = register_repository(tmp_path_factory.mktemp("pristine"), git=False)
    untidy = root / UNTIDY
    text = untidy.read_text("utf-8")
    untidy.write_text(text.replace("\nkind: ", "\nstatus_note: later\nkind: ", 1), "utf-8")
    return root


@pytest.fixture
def repo(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(pristine, copy, symlinks=True)
    return copy


@pytest.mark.parametrize("case", list(BAD_CONTENT))
def test_fmt_refuses_what_check_refuses_file_by_file(repo: Path, case: str) -> None:
    """fmt used to hang on the alias bomb and stop with "internal error" on the rest, ending
    fmt --check for the whole register; now each is a message with the file and line, the file
    is left as it was, and the other files are still tidied."""
    content, line, said = BAD_CONTENT[case]
    (repo / RECORD).write_bytes(content)
    where = f"{RECORD}:{line}:"

    checked = run(repo, "check", "--today", TODAY, case=f"{case}: check")
    assert_handled(checked, RECORD, said, codes=(1,))

    for args in (("fmt", "--check"), ("fmt",)):
        done = run(repo, *args, case=f"{case}: {' '.join(args)}")
        assert_handled(done, where, said, codes=(2,))
        assert "food-bank-partnership.yaml" in done.stdout  # the others still processed
        assert (repo / RECORD).read_bytes() == content

    built = run(repo, "build", "--out", "site", "--today", TODAY, case=f"{case}: build")
    assert_handled(built, RECORD, "not on the site", codes=(1,))


def test_a_record_too_long_to_tidy_is_left_with_a_note(repo: Path) -> None:
    long_text = " ".join(["word"] * 12_000)  # 60,000 characters, valid, and check reads it
    (repo / RECORD).write_text(VALID.replace("name: A network", f"name: {long_text}"), "utf-8")
    done = run(repo, "fmt", "--check", case="60,000 characters: fmt --check")
    assert_handled(done, RECORD, "more than the 50,000 fmt tidies", codes=(1,))
    assert "would tidy register/food-bank-partnership.yaml" in done.stdout


def test_a_risk_register_of_hundreds_of_items_out_of_order_tidies_in_time(repo: Path) -> None:
    """fmt reread the whole file for every mapping it reordered: 100 risks out of order took
    66 s. Now one read per round."""
    risks = [
        {"owner": f"Officer {i}", "mitigation": f"Mitigation {i}", "impact": 2, "likelihood": 3}
        | {"risk": f"Risk {i}"}
        for i in range(300)
    ]
    (repo / RECORD).write_text(yaml_text("partnership", {"monitoring.risk_register": risks}))
    done = run(repo, "fmt", case="300 risks out of order: fmt")
    assert_handled(done, f"tidied {RECORD}", codes=(0,))
    again = run(repo, "fmt", "--check", case="300 risks out of order: fmt --check after")
    assert_handled(again, "0 of", codes=(0,))


# --- the ends of the calendar --------------------------------------------------------------

EDGES = ("9999-12-31", "0001-01-01")


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled register with records dated at both ends of the calendar."""
    root = register_repository(tmp_path_factory.mktemp("dated"), git=False)
    first, last = dt.date(1, 1, 1), dt.date(9999, 12, 31)
    changes = {
        "dates.start": first,
        "monitoring.annual_reviews": [last],
        "monitoring.budget_reports": [first, last],
        "monitoring.performance_reports": [last],
        "monitoring.risk_register.0.last_reviewed": last,
    }
    (root / "register" / "edge-first.yaml").write_text(
        yaml_text("partnership", changes, id="edge-first"), "utf-8"
    )
    ending = {"dates.start": last, "dates.indefinite": False, "dates.end": last}
    (root / "register" / "edge-last.yaml").write_text(
        yaml_text("shared_service", ending, id="edge-last", status="approved"), "utf-8"
    )
    return root


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize(
    "command",
    [
        ("check", "--today"),
        ("classify", "--today"),
        ("build", "--out", "site", "--today"),
        ("report", "annual", "--format", "md", "--as-of"),
        ("report", "governance", "--format", "md", "--as-of"),
        ("report", "due", "--format", "csv", "--as-of"),
        ("report", "scrutiny", "--format", "html", "--as-of"),
        ("report", "reclassification", "--format", "md", "--as-of"),
        ("report", "annual", "--format", "md", "--as-of", TODAY, "--since"),
        ("rules", "--today"),
        ("classify", "--compare", "--today"),
        ("approved-facts", "--all", "--today"),
        (*NEW, "--today"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_the_ends_of_the_calendar_give_results(
    dated: Path, tmp_path: Path, command: tuple[str, ...], day: str
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(dated, repo)
    done = run(repo, *command, day, case=f"{day}: {' '.join(command[:2])}")
    assert_handled(done, codes=(0, 1, 2))
    if done.code == 2:  # a refusal that says why (--since after --as-of, a decision "to come")
        assert done.stderr.startswith(
            f"partnerfw: {'register/' if command[0] != 'report' else '--since'}"
        ), str(done)
    else:
        assert done.stdout.strip(), str(done)  # a result


@pytest.mark.parametrize("within", ["999999999", "99999999999999999999", "0"])
def test_a_huge_within_gives_a_result(dated: Path, within: str) -> None:
    done = run(
        dated, "report", "due", "--within", within, "--as-of", TODAY, "--format", "md",
        case=f"--within {within}",
    )  # fmt: skip
    assert_handled(done, "Produced by partnerfw", codes=(0,))


# --- control characters that check accepts, into Excel and Word -------------------------------


@pytest.fixture
def escaped(repo: Path) -> Path:
    """A valid record whose name and summary hold ESC, NUL, BEL and U+FFFE, escaped as YAML
    allows: check accepts it, so every output must survive it."""
    (repo / UNTIDY).unlink()  # not needed here
    text = VALID.replace("name: A network", 'name: "Esc \\e Nul \\0 Bell \\a Not \\uFFFE end"')
    (repo / RECORD).write_text(text, "utf-8")
    return repo


def test_check_accepts_the_escaped_control_characters(escaped: Path) -> None:
    done = run(escaped, "check", "--today", TODAY, RECORD, case="escaped control: check")
    assert_handled(done, RECORD, codes=(0, 1))  # 1 only for the names not on the lists
    assert "#x" not in done.output and "control character" not in done.output, str(done)
    assert "DATA00" not in done.output, str(done)


def test_the_excel_export_shows_them_as_replacement_characters(escaped: Path) -> None:
    from openpyxl import load_workbook

    done = run(escaped, "export", "--out", "register.xlsx", case="escaped control: export xlsx")
    assert_handled(done, "Exported 17 records", codes=(0,))
    sheet = load_workbook(escaped / "register.xlsx").active
    assert sheet is not None
    cells = [value for row in sheet.iter_rows(values_only=True) for value in row]
    assert "Esc \ufffd Nul \ufffd Bell \ufffd Not \ufffd end" in cells
    for output in ("csv", "json"):  # the text formats keep the characters as they are
        text = run(escaped, "export", "--format", output, case=f"escaped control: export {output}")
        assert_handled(text, codes=(0,))
        assert "\x1b" in text.stdout or "\\u001b" in text.stdout


@pytest.mark.parametrize("name", ["annual", "governance", "due", "scrutiny", "reclassification"])
def test_every_word_paper_shows_them_as_replacement_characters(escaped: Path, name: str) -> None:
    from docx import Document

    paper = escaped / f"{name}.docx"
    done = run(
        escaped, "report", name, "--as-of", TODAY, "--format", "docx", "--out", paper.name,
        "--include-confidential", case=f"escaped control: report {name} docx",
    )  # fmt: skip
    assert_handled(done, codes=(0,))
    document = Document(str(paper))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    with zipfile.ZipFile(io.BytesIO(paper.read_bytes())) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "\x1b" not in xml and "\x00" not in xml
    if "Esc" in text:  # the papers that list this network at all show the replacement
        assert "Esc \ufffd Nul \ufffd Bell \ufffd Not \ufffd end" in text


@pytest.mark.parametrize("output", ["html", "md", "csv"])
def test_the_other_paper_formats_survive_them(escaped: Path, output: str) -> None:
    done = run(
        escaped, "report", "annual", "--as-of", TODAY, "--format", output,
        case=f"escaped control: report annual {output}",
    )  # fmt: skip
    assert_handled(done, codes=(0,))


def test_the_site_survives_them(escaped: Path) -> None:
    built = run(escaped, "build", "--out", "site", "--today", TODAY, case="escaped control: build")
    assert_handled(built, codes=(0,))
    assert "Esc" in (escaped / "site" / "arrangements" / "x.html").read_text("utf-8")


def test_a_negative_within_says_what_it_takes(dated: Path) -> None:
    done = run(
        dated, "report", "due", "--within", "-99999999999", "--as-of", TODAY,
        case="--within negative",
    )  # fmt: skip
    assert_handled(done, "--within", "0 or more", codes=(2,))
