"""Write the documentation's generated pages: the command reference and every figure it quotes.

    python docs/figures.py              # rewrites docs/generated/ (what `make docs-figures` runs)
    python docs/figures.py --out DIR    # writes them elsewhere (tests/test_docs.py compares)

Nothing in docs/ types a figure of the bundled register by hand. This script runs partnerfw's
own commands, as a user would, on copies of the bundled register repository (register/,
partnerfw.yaml, schema/, templates/, .github/CODEOWNERS) outside git, with the date pinned
(--today 2026-11-23), and writes what they print into docs/generated/: the console examples
the pages show; the sentences and tables of figures (arrangements, findings, classes, what
changes class under the other edition, rules, the site's pages); and the reference of every
command's --help. The pages include them with pymdownx.snippets (--8<-- "name").
tests/test_docs.py runs this script into a temporary folder and fails, naming this command,
when a committed file differs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import re
import runpy
import shutil
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import typer
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.words import plural

REPO = Path(__file__).resolve().parents[1]
GENERATED = REPO / "docs" / "generated"
TODAY = "2026-11-23"
WIDTH = 80  # --help is wrapped to this many columns, whatever the terminal
RUNNER = CliRunner()
WARM_SPACES = [
    "--kind", "partnership", "--name", "Thamesbridge Warm Spaces Network",
    "--lead-officer", "Daniel Moss", "--department", "Housing and Customer Services",
    "--partner", "Age UK Thamesbridge:voluntary", "--budget", "8000", "--staff-cost", "6000",
    "--start", "2027-01-05", "--indefinite", "--public-facing",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=GENERATED, help="default: docs/generated")
    out = parser.parse_args().out
    files = generate()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name, text in sorted(files.items()):
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(files)} files into {out}")
    STORED_HELP.write_text(stored_help(), encoding="utf-8", newline="\n")
    print(f"wrote {STORED_HELP.relative_to(REPO)}")


STORED_HELP = REPO / "src" / "partnerfw" / "cli" / "help.txt"


def stored_help() -> str:
    """`partnerfw --help` as ``partnerfw.cli.main`` prints it without loading typer: the
    application's own help at 80 columns, with ``{prog}`` for the program's name."""
    result = RUNNER.invoke(app, ["--help"], prog_name="{prog}", terminal_width=WIDTH)
    assert result.exit_code == 0, result.output
    return result.stdout


def generate() -> dict[str, str]:
    """Every generated file, by name."""
    files = {"cli-help.md": cli_reference()}
    with tempfile.TemporaryDirectory(prefix="partnerfw-docs-") as temp:
        for name, step in STEPS.items():
            with _register_copy(Path(temp) / name) as root:
                files |= step(root)
        files |= _setting_up(Path(temp))
    return {name: text.rstrip("\n") + "\n" for name, text in files.items()}


# -- the command reference ---------------------------------------------------------------------


def cli_reference() -> str:
    """`partnerfw --help` and every command's --help, as the page docs/cli.md includes them."""
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    parts = [_help_section("partnerfw", [])]
    parts += [_help_section(f"partnerfw {name}", [name]) for name in commands]
    return "\n".join(parts)


def _help_section(title: str, args: list[str]) -> str:
    result = RUNNER.invoke(app, [*args, "--help"], catch_exceptions=False, terminal_width=WIDTH)
    assert result.exit_code == 0, result.output
    return f"## `{title}`\n\n```text\n{result.stdout.rstrip()}\n```\n"


# -- running commands on the bundled register --------------------------------------------------


@contextlib.contextmanager
def _register_copy(root: Path) -> Iterator[Path]:
    """A copy of the bundled register repository, outside git, made the working folder."""
    shutil.copytree(REPO / "register", root / "register")
    shutil.copytree(REPO / "schema", root / "schema")
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    (root / ".github").mkdir()
    shutil.copy(REPO / ".github" / "CODEOWNERS", root / ".github" / "CODEOWNERS")
    with _working_folder(root):
        yield root


@contextlib.contextmanager
def _working_folder(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


GITHUB_SETTINGS = ("GITHUB_TOKEN", "GITHUB_REPOSITORY", "GITHUB_API_URL", "GITHUB_SERVER_URL")


def run(*args: str) -> tuple[int, str]:
    """Run partnerfw in this process: its exit code, and what it printed (stdout and stderr).

    Without the GitHub settings of the machine that runs it, so that `reminders` shows its
    dry run without a token the same everywhere."""
    unset: dict[str, str | None] = {name: None for name in GITHUB_SETTINGS}
    result = RUNNER.invoke(app, list(args), catch_exceptions=False, terminal_width=WIDTH, env=unset)
    return result.exit_code, result.output


def console(
    *args: str, expect: int = 0, keep: Callable[[list[str]], list[str]] | None = None
) -> str:
    """A console example: the command as typed, then what it printed (or the lines kept)."""
    code, output = run(*args)
    assert code == expect, f"partnerfw {' '.join(args)} exited {code}:\n{output}"
    lines = output.rstrip("\n").splitlines()
    return "\n".join([f"$ partnerfw {_quoted(args)}", *(keep(lines) if keep else lines)])


def _quoted(args: tuple[str, ...]) -> str:
    """The command as a person would type it: long ones continued before an option."""
    words = [f'"{a}"' if " " in a or not a else a for a in args]
    lines: list[list[str]] = [[]]
    for word in words:
        if word.startswith("--") and len(" ".join([*lines[-1], word])) > 70:
            lines.append([])
        lines[-1].append(word)
    return " \\\n  ".join(" ".join(line) for line in lines)


def excerpt(lines: list[str], wanted: Callable[[int, str], bool]) -> list[str]:
    """The lines wanted, with '...' where lines were left out."""
    kept: list[str] = []
    gap = False
    for number, line in enumerate(lines):
        if wanted(number, line):
            if gap and kept:
                kept.append("...")
            kept.append(line)
            gap = False
        else:
            gap = True
    return [*kept, "..."] if gap else kept


def _json_of(*args: str, expect: int = 0) -> object:
    result = RUNNER.invoke(app, list(args), catch_exceptions=False)
    code, output = result.exit_code, result.stdout
    assert code == expect, f"partnerfw {' '.join(args)} exited {code}"
    return json.loads(output)


# -- check, classify, rules ----------------------------------------------------------------------


def _checking(root: Path) -> dict[str, str]:
    report = _json_of("check", "--format", "json", "--today", TODAY, expect=1)
    assert isinstance(report, dict)
    classes = _json_of("classify", "--format", "json", "--today", TODAY)
    compared = _json_of(
        "classify", "--compare-policy", "earlier", "--format", "json", "--today", TODAY
    )
    catalogue = _json_of("rules", "--format", "json", "--today", TODAY)
    _, rule_text = run("rules", "--today", TODAY)
    _, class_text = run("classify", "--today", TODAY)
    return {
        "bundled-register.md": _register_figures(report, classes, class_text),
        "check.txt": console("check", "--today", TODAY, expect=1, keep=_check_excerpt),
        "check.json": _json_excerpt(report),
        "classify.txt": console("classify", "--today", TODAY),
        "classify-compare.txt": console(
            "classify", "--compare-policy", "earlier", "--today", TODAY, keep=_first_change
        ),
        "classify-compare.md": _changes_of_class(compared),
        "rules.txt": console("rules", "--today", TODAY, keep=_rules_excerpt),
        "rules-local.txt": console("rules", "--local", "--today", TODAY, keep=_local_excerpt),
        "rules-count.md": _rule_figures(catalogue, rule_text),
        "catalogue-audit.md": _catalogue_audit(),
        "codeowners-check.txt": console("codeowners", "--check"),
    }


def _register_figures(report: dict[str, object], classes: object, shown: str) -> str:
    summary = report["summary"]
    assert isinstance(summary, dict) and isinstance(classes, dict)
    records = classes["records"]
    labels = Counter(_class_label(shown, entry) for entry in records)
    by_kind = Counter(str(entry["kind"]) for entry in records)
    kinds = ", ".join(_kind(kind, count) for kind, count in by_kind.most_common())
    return "\n".join(
        [
            f"On {_day(TODAY)} (`--today {TODAY}`) the bundled register of the fictional "
            f"Thamesbridge Borough Council holds **{summary['records']} arrangements** in "
            f"{summary['files']} files ({kinds}), and `partnerfw check` finds "
            f"**{summary['error']} errors, {summary['warning']} warnings and "
            f"{summary['info']} notes**. By class:",
            "",
            "| class | arrangements |",
            "| --- | --- |",
            *(f"| {label} | {count} |" for label, count in sorted(labels.items())),
        ]
    )


KINDS = {
    "partnership": ("partnership", "partnerships"),
    "shared_service": ("shared service", "shared services"),
    "informal_network": ("informal network", "informal networks"),
    "commissioning": ("commissioning arrangement", "commissioning arrangements"),
    "company_or_trust": ("company or trust", "companies or trusts"),
    "outside_body": ("appointment to an outside body", "appointments to outside bodies"),
}


def _kind(kind: str, count: int) -> str:
    one, many = KINDS.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return plural(count, one, many)


def _class_label(shown: str, entry: dict[str, str]) -> str:
    """The class as `classify` words it, from its line for the record."""
    (line,) = [x for x in shown.splitlines() if x.startswith(f"  {entry['id']} ")]
    assert line.endswith(entry["reason"]), line
    return line[len(entry["id"]) + 2 : -len(entry["reason"])].strip()


def _changes_of_class(compared: object) -> str:
    assert isinstance(compared, dict)
    moved = [
        c for c in compared["records"] if c.get("compared_classification") != c["classification"]
    ]
    names = ", ".join(f"`{c['id']}`" for c in moved)
    return (
        f"On the bundled register, **{len(moved)} arrangements change class** between the "
        f"'revised' edition in force and the 'earlier' one (as of {_day(TODAY)}): {names}."
    )


def _check_excerpt(lines: list[str]) -> list[str]:
    first_blank = lines.index("")
    last_file = max(n for n, line in enumerate(lines) if line.startswith("register/"))
    return excerpt(lines, lambda n, _: n < min(first_blank, 4) or n >= last_file)


def _json_excerpt(report: dict[str, object]) -> str:
    records, findings = report["records"], report["findings"]
    assert isinstance(records, list) and isinstance(findings, list)
    error = next(f for f in findings if f["severity"] == "error" and f["basis"] == "framework")
    local = next(f for f in findings if f["basis"] == "local" and f["record"] == error["record"])
    shown = {**report, "records": records[:1], "findings": [error, local]}
    return json.dumps(shown, indent=2, ensure_ascii=False)


def _first_change(lines: list[str]) -> list[str]:
    return excerpt(lines, lambda n, _: n < 4)


def _rules_excerpt(lines: list[str]) -> list[str]:
    heading = next(n for n, line in enumerate(lines) if re.match(r"[A-Z]+\d{3} ", line))
    starts = {n for n, line in enumerate(lines) if re.match(r"[A-Z]+\d{3} ", line)}
    wanted = ("APR006 ", "MON009 ", "GUIDE001 ", "GUIDE015 ")
    shown = {heading} | {n for n in starts if lines[n].startswith(wanted)}
    ends = sorted(starts | {len(lines)})
    keep = set(range(heading))
    for start in shown:
        keep |= set(range(start, next(e for e in ends if e > start)))
    return excerpt(lines, lambda n, _: n in keep)


def _local_excerpt(lines: list[str]) -> list[str]:
    def block(start: int) -> set[int]:
        end = next(
            (n for n in range(start + 1, len(lines)) if not lines[n].startswith("      ")),
            len(lines),
        )
        return set(range(start, end))

    def setting(prefix: str) -> int:
        return next(n for n, line in enumerate(lines) if line.startswith(prefix))

    settled = setting("Settled by")
    matters = setting("Matters the framework review")
    keep = {0, 1, settled, matters} | block(settled + 1) | block(matters + 1)
    keep |= block(setting("  intervals.grace_days")) | block(setting("  urgent_route.approval_"))
    keep |= block(setting("  scrutiny_score.error_points"))
    return excerpt(lines, lambda n, _: n in keep)


def _rule_figures(catalogue: object, text: str) -> str:
    assert isinstance(catalogue, dict)
    rules = catalogue["rules"]
    guidance = len(re.findall(r"^GUIDE\d{3} ", text, re.MULTILINE))
    checked = [r for r in rules if r["checked"]]
    by_severity = Counter(r["severity"] for r in checked)
    local = sum(1 for r in checked if r["basis"] == "local")
    partly = sum(1 for r in checked if r["partly_local"])
    return (
        f"The '{catalogue['policy']}' edition's catalogue has **{len(checked)} rules** "
        f"({by_severity['error']} errors, {by_severity['warning']} warnings, "
        f"{by_severity['info']} notes) and {guidance} requirements listed as guidance. "
        f"{len(checked) - local} rules enforce the framework, {partly} of them with some "
        f"findings resting on a choice of the council's; {local} rules are the council's own."
    )


def _catalogue_audit() -> str:
    """The audit of the catalogue against the framework (tests/catalogue/)."""
    # Read here, from the repository's tests package (not installed with partnerfw).
    sys.path.insert(0, str(REPO))
    from tests.catalogue_audit import markdown

    return markdown()


# -- new, fmt, schema, approved-facts ------------------------------------------------------------


def _writing(root: Path) -> dict[str, str]:
    files = {
        "fmt-check.txt": _untidy_food_bank(root),
        "new-questions.txt": _new_in_a_terminal(root),
        "new.txt": console("new", "--no-input", *WARM_SPACES, "--today", TODAY, keep=_todo_excerpt),
        "approved-facts.txt": console(
            "approved-facts", "community-safety-partnership", "--today", TODAY, keep=_no_git_note
        ),
    }
    record = root / "register" / "community-safety-partnership.yaml"
    text = record.read_text("utf-8")
    grown = re.sub(  # the budget doubled since the decision
        r"dedicated_budget: (\d+)", lambda m: f"dedicated_budget: {2 * int(m[1])}", text, count=1
    )
    assert grown != text, "the example has no dedicated budget: change _writing()"
    record.write_text(grown, "utf-8")
    files["approved-facts-refused.txt"] = console(
        "approved-facts", "community-safety-partnership", "--today", TODAY, expect=2
    )
    record.write_text(text, "utf-8")
    shutil.rmtree(root / "schema")
    files["schema.txt"] = console("schema")
    return files


def _todo_excerpt(lines: list[str]) -> list[str]:
    start = next(n for n, line in enumerate(lines) if line.startswith("To do ("))
    return excerpt(lines, lambda n, line: n <= start + 2 or not line.startswith("  "))


def _no_git_note(lines: list[str]) -> list[str]:
    return [line for line in lines if "not in a git repository" not in line]


def _untidy_food_bank(root: Path) -> str:
    """fmt --check after an edit put the record's name after its status."""
    record = root / "register" / "food-bank-partnership.yaml"
    text = record.read_text("utf-8")
    name = next(line for line in text.splitlines(keepends=True) if line.startswith("name: "))
    status = next(line for line in text.splitlines(keepends=True) if line.startswith("status: "))
    record.write_text(text.replace(name, "", 1).replace(status, status + name, 1), "utf-8")
    shown = console("fmt", "--check", expect=1)
    record.write_text(text, "utf-8")
    return shown


def _new_in_a_terminal(root: Path) -> str:
    """The first questions `new` asks in a terminal, answered (the lead officer from the
    officers list's menu), then Ctrl-C (nothing written)."""
    import pexpect  # type: ignore[import-untyped]  # a dev dependency, as for the tests

    child = pexpect.spawn(
        sys.executable,
        ["-m", "partnerfw", "new", "--today", TODAY],
        cwd=str(root),
        env={**os.environ, "TERM": "dumb", "COLUMNS": "100", "LANG": "C.UTF-8"},
        encoding="utf-8",
        timeout=60,
        dimensions=(50, 100),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    child.logfile_read = seen = io.StringIO()
    answers = [
        ("Kind (", "1"),
        ("Name of the arrangement", "Thamesbridge Warm Spaces Network"),
        ("Lead officer (", "dan"),  # chosen from the officers list by the start of the name
    ]
    for prompt, answer in answers:
        child.expect_exact(prompt)
        child.expect_exact(": ")
        child.sendline(answer)
    child.expect_exact("Their job title")
    child.expect_exact(": ")
    transcript = seen.getvalue()
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    lines = [line.rstrip() for line in transcript.replace("\r\n", "\n").splitlines()]
    return "\n".join(["$ partnerfw new", *lines, "..."])


# -- build ---------------------------------------------------------------------------------------


def _publishing(root: Path) -> dict[str, str]:
    shown = console("build", "--out", "site", "--today", TODAY)
    shown = re.sub(r" in \d+(\.\d+)? s\.", " in … s.", shown)  # the time taken varies
    return {
        "build.txt": shown,
        "site-pages.md": _site_figures(root / "site"),
        "reminders.txt": console(
            "reminders",
            "--today",
            TODAY,
            "--repository",
            "thamesbridge/partnerships",
            keep=lambda lines: [*lines[:2], "...", *lines[-3:]],
        ),
    }


def _site_figures(site: Path) -> str:
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    folders = Counter(p.parts[0] if len(p.parts) > 1 else "" for p in pages)
    top = [p.as_posix() for p in pages if len(p.parts) == 1]
    described = {"", "arrangements", "sorted", "filter", "reports"}
    assert set(folders) <= described, f"new pages in {set(folders) - described}: describe them"
    return "\n".join(
        [
            f"Built from the bundled register as of {_day(TODAY)}, the site has "
            f"**{len(pages)} pages**:",
            "",
            "| pages | how many |",
            "| --- | --- |",
            f"| {', '.join(f'`{p}`' for p in top)} | {len(top)} |",
            f"| `arrangements/<id>.html`, one per arrangement | {folders['arrangements']} |",
            f"| `sorted/*.html`, the table sorted by each column | {folders['sorted']} |",
            f"| `filter/*.html`, the table filtered by kind, class, status, department "
            f"| {folders['filter']} |",
            f"| `reports/*.html`, the committee reports | {folders['reports']} |",
        ]
    )


# -- init ----------------------------------------------------------------------------------------

_IDENTITY = {
    "GIT_AUTHOR_NAME": "Downsmere Register",
    "GIT_AUTHOR_EMAIL": "register@downsmere.gov.example",
    "GIT_COMMITTER_NAME": "Downsmere Register",
    "GIT_COMMITTER_EMAIL": "register@downsmere.gov.example",
}
_INIT = [
    "--council-name", "Downsmere District Council",
    "--website", "https://www.downsmere.gov.example", "--edition", "revised",
    "--adopted-on", "2025-07-01", "--adoption-decision", "Full Council 15 July 2025, minute 41",
    "--monitoring-officer-team", "@downsmere/monitoring-officer",
    "--section-151-officer-team", "@downsmere/finance",
]  # fmt: skip


def _setting_up(temp: Path) -> dict[str, str]:
    """init on an empty folder, then init --check after a workflow's pin went out of date."""
    saved = {name: os.environ.get(name) for name in _IDENTITY}
    os.environ.update(_IDENTITY)
    try:
        with _working_folder(temp):
            code, output = run("init", "downsmere-register", "--no-input", *_INIT)
            assert code == 0, output
        repo = temp / "downsmere-register"
        workflow = repo / ".github" / "workflows" / "check.yml"
        text = workflow.read_text("utf-8")
        pinned = re.search(r"partnerfw==([0-9][^\s\"']*)", text)
        assert pinned, "check.yml pins no version: change _setting_up()"
        workflow.write_text(text.replace(pinned[0], "partnerfw==0.0.9"), "utf-8")
        with _working_folder(repo):
            return {"init-check.txt": console("init", "--check", expect=1)}
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# -- import --------------------------------------------------------------------------------------


def _moving_in(root: Path) -> dict[str, str]:
    """The import preview of tests/fixtures' messy register, and what --write skips."""
    make = runpy.run_path(str(REPO / "tests" / "fixtures" / "make_messy_register.py"))
    make["build"](root / "partnerships-2024.xlsx")
    preview = console(
        "import", "partnerships-2024.xlsx", "--verbose", expect=1, keep=_preview_excerpt
    )
    _, written = run("import", "partnerships-2024.xlsx", "--write", "--verbose")
    skipped = [line for line in written.splitlines() if "SKIPPED" in line][:1]
    assert skipped, "no row was skipped as a likely duplicate: change _moving_in()"
    return {"import-preview.txt": preview, "import-skipped.txt": "\n".join(skipped)}


def _preview_excerpt(lines: list[str]) -> list[str]:
    rows = next(n for n, line in enumerate(lines) if line == "Rows:")
    columns = [n for n in range(3, rows) if lines[n].strip()]
    shown_columns = {columns[0], columns[6]} | {
        n for n in columns if "guessed" in lines[n] or "not mapped" in lines[n]
    }
    row_starts = [n for n, line in enumerate(lines) if re.match(r"  row \d+ ", line)]
    first_row = set(range(row_starts[0], row_starts[1]))
    repaired = {n for n, line in enumerate(lines) if "repaired" in line and "(£)" in line}
    tenth = {n for n in row_starts if "row 10 " in lines[n]}
    last_rows = {n for n in row_starts if re.search(r"EXISTS|NOT IMPORTED", lines[n])}
    duplicates = next(n for n, line in enumerate(lines) if line.startswith("Likely duplicates"))
    summary = next(n for n, line in enumerate(lines) if line.startswith("Summary:"))
    keep = {0, 1, 2, rows} | shown_columns | first_row | tenth | repaired | last_rows
    keep |= {duplicates - 1, duplicates, duplicates + 1, summary - 1, summary}
    return excerpt(lines, lambda n, _: n in keep)


# -- words ---------------------------------------------------------------------------------------


def _day(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


STEPS: dict[str, Callable[[Path], dict[str, str]]] = {
    "checking": _checking,
    "writing": _writing,
    "publishing": _publishing,
    "moving-in": _moving_in,
}
"""Each step runs on its own copy of the bundled register, so none sees another's changes."""

if __name__ == "__main__":
    main()
