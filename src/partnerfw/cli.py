"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

Exit codes (README: 'Exit codes'): 0 no errors; 1 errors found (or warnings with --strict);
2 the command could not run (bad options, no register, unreadable input).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from partnerfw.project import Project

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2

app = typer.Typer(
    name="partnerfw",
    help="Run the council's partnerships and shared services register as YAML files in git.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="The register repository's partnerfw.yaml (default: found "
                 "in this folder or above).", dir_okay=False),
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", help="Judge dates as of this day, YYYY-MM-DD (default: today).",
                 metavar="DATE"),
]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output: text, json or github.", metavar="FORMAT")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]


def _fail(message: str) -> NoReturn:
    from rich.console import Console

    Console(stderr=True, highlight=False).print(f"[bold red]partnerfw:[/bold red] {message}",
                                                markup=True, soft_wrap=True)
    raise typer.Exit(EXIT_CANNOT_RUN)


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--today '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")


def _project(config: Path | None) -> Project:
    from partnerfw.project import open_project

    if config is not None and not config.is_file():
        _fail(f"--config {config}: no such file")
    return open_project(Path.cwd(), config)


def _settled_project(config: Path | None) -> Project:
    """The project, for commands that write from the policy: it must be valid."""
    project = _project(config)
    if project.problems:
        first = project.problems[0]
        _fail(f"{first.file}:{first.line}: {first.message}; fix the settings first "
              "('partnerfw check' lists every problem)")
    return project


def _paths(project: Project, paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [project.register_dir]


def _print(text: str, markup: bool = False) -> None:
    if not markup:
        sys.stdout.write(text + "\n")
        return
    from rich.console import Console

    Console(highlight=False, soft_wrap=True).print(text)


def _choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        _fail(f"{option} '{value}' is not one of: {', '.join(allowed)}")
    return value


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Record files or folders "
                                                       "(default: the register).")] = None,
    output: FormatOption = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", metavar="REF",
        help="Check only the records changed since REF (git), e.g. origin/main, plus the "
             "checks across records.")] = None,
) -> None:
    """Check every arrangement against the framework and list what governance is missing."""
    from partnerfw.check import run_check
    from partnerfw.errors import UserError
    from partnerfw.formats import RENDERERS

    _choose(output, tuple(RENDERERS), "--format")
    when = _today(today)
    project = _project(config)
    try:
        only = None
        if changed_since is not None:
            from partnerfw.changed import changed_selection

            selection = changed_selection(project, changed_since)
            sys.stderr.write(f"partnerfw: {selection.reason}\n")
            only = selection.files
        result = run_check(project, _paths(project, paths), when, only)
    except UserError as exc:
        _fail(str(exc))
    _print(RENDERERS[output](result), markup=output == "text")
    raise typer.Exit(EXIT_FINDINGS if result.has_errors(strict) else EXIT_OK)


@app.command()
def classify(
    paths: Annotated[list[Path] | None, typer.Argument(help="Record files or folders.")] = None,
    compare_policy: Annotated[Path | None, typer.Option(
        "--compare-policy", metavar="FILE",
        help="Another policy (a file, or 'earlier'/'revised'): list what changes class.")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.",
                                        metavar="FORMAT")] = "text",
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Show each arrangement's kind and class with the reason, or compare two policies."""
    from partnerfw.classification_view import classify_register, compare, render
    from partnerfw.errors import UserError

    _choose(output, ("text", "json"), "--format")
    project = _project(config)
    try:
        if compare_policy is None:
            rows, problems = classify_register(project, _paths(project, paths))
            _print(render(rows, problems, output, project.policy.edition), markup=output == "text")
        else:
            changes, problems = compare(project, _paths(project, paths), compare_policy)
            _print(render(changes, problems, output, project.policy.edition, str(compare_policy)),
                   markup=output == "text")
    except UserError as exc:
        _fail(str(exc))
    raise typer.Exit(EXIT_FINDINGS if any(p.severity.value == "error" for p in problems)
                     else EXIT_OK)


@app.command()
def rules(
    output: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.",
                                        metavar="FORMAT")] = "text",
    config: ConfigOption = None,
) -> None:
    """List every rule: code, severity, framework paragraph, kinds and stages, or guidance."""
    from partnerfw.rules_view import render_rules

    _choose(output, ("text", "json"), "--format")
    project = _project(config)
    _print(render_rules(project.policy, output), markup=output == "text")


@app.command()
def report(
    name: Annotated[str, typer.Argument(help="annual, governance, due, scrutiny or "
                                        "reclassification.", show_default=False)],
    as_of: Annotated[str | None, typer.Option(
        "--as-of", metavar="DATE", help="Report as of this day, YYYY-MM-DD (default: today).")
    ] = None,
    output: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                        help="html, md, docx or csv.")] = "html",
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", metavar="FILE", dir_okay=False,
        help="Write to FILE (needed for docx); default: print.")] = None,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace FILE if it exists.")] = False,
    portfolio: Annotated[str | None, typer.Option(
        "--portfolio", metavar="X", help="Only this Cabinet portfolio.")] = None,
    committee: Annotated[str | None, typer.Option(
        "--committee", metavar="X", help="Only this Cabinet Committee.")] = None,
    department: Annotated[str | None, typer.Option(
        "--department", metavar="X", help="Only this lead department.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="DATE|REV",
        help="annual: only what changed since a date or a git revision.")] = None,
    within: Annotated[int | None, typer.Option(
        "--within", metavar="DAYS",
        help="due: look this many days ahead (default: the policy's renewal notice).")] = None,
    compare_policy: Annotated[str | None, typer.Option(
        "--compare-policy", metavar="FILE",
        help="reclassification: a policy file or 'earlier'/'revised' (default: the other "
        "built-in edition).")] = None,
    include_confidential: Annotated[bool, typer.Option(
        "--include-confidential",
        help="Include parts marked confidential and officers' contact details.")] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Produce a committee paper: the annual report, governance review, what is due,
    scrutiny candidates, or the effect of another policy."""
    from partnerfw.check import run_check
    from partnerfw.errors import UserError
    from partnerfw.reports import FORMATS, REPORTS, Options, build_paper
    from partnerfw.reports.common import Scope
    from partnerfw.reports.render import render_csv, render_docx, render_html, render_md
    from partnerfw.writer import write_atomic

    _choose(name, REPORTS, "report NAME")
    _choose(output, FORMATS, "--format")
    if output == "docx" and out is None:
        _fail("--format docx writes a Word file: give its name with --out, e.g. "
              f"--out {name}.docx")
    if as_of is not None:
        try:
            when = dt.date.fromisoformat(as_of)
        except ValueError:
            _fail(f"--as-of '{as_of}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")
    else:
        when = dt.date.today()
    if out is not None and out.exists() and not overwrite:
        _fail(f"--out {out} already exists; add --overwrite to replace it")
    project = _project(config)
    options = Options(Scope(portfolio, committee, department), since, within, compare_policy,
                      public=not include_confidential)
    try:
        result = run_check(project, _paths(project, None), when)
        paper = build_paper(name, project, result, when, options)
        if output == "docx":
            assert out is not None
            _write_binary(out, render_docx(paper))
            raise typer.Exit(EXIT_OK)
        text = {"html": lambda: render_html(paper, project.root),
                "md": lambda: render_md(paper, project.root),
                "csv": lambda: render_csv(paper)}[output]()
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, text, overwrite=overwrite)
    except UserError as exc:
        _fail(str(exc))


def _write_binary(path: Path, data: bytes) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


@app.command()
def codeowners(
    check_only: Annotated[bool, typer.Option(
        "--check", help="Write nothing; exit 1 when .github/CODEOWNERS is stale (CI).")] = False,
    force: Annotated[bool, typer.Option(
        "--force", help="Replace a CODEOWNERS file that partnerfw did not write.")] = False,
    config: ConfigOption = None,
) -> None:
    """Write .github/CODEOWNERS so that a change to each arrangement is reviewed by the officers
    its kind and class require (and the pull request template with the approval checklist,
    when the repository has none)."""
    from partnerfw.codeowners import CODEOWNERS, build, stale_diff, update
    from partnerfw.errors import UserError

    project = _settled_project(config)
    try:
        outcome = build(project)
        for skipped in outcome.skipped:
            sys.stderr.write(f"partnerfw: {skipped} is not a valid record, so has no reviewers; "
                             "'partnerfw check' says why\n")
        if check_only:
            diff = stale_diff(outcome)
            if diff is None:
                _print(f"{CODEOWNERS} is up to date ({len(outcome.ownerships)} files)")
                raise typer.Exit(EXIT_OK)
            _print(diff + f"\n{CODEOWNERS} is stale: run 'partnerfw codeowners' and commit it")
            raise typer.Exit(EXIT_FINDINGS)
        changed, template = update(outcome, force=force)
    except UserError as exc:
        _fail(str(exc))
    _print(f"{'wrote' if changed else 'up to date:'} {CODEOWNERS} "
           f"({len(outcome.ownerships)} files)")
    if template is not None:
        _print(f"wrote {template.relative_to(outcome.target.parent.parent)} "
               "(the approval checklist)")
    if not any(own.owners for own in outcome.ownerships):
        _print("no role has reviewers yet: add them under policy: roles: <role>: reviewers: in "
               "partnerfw.yaml, e.g. ['@your-org/monitoring-officer']")


@app.command("approved-facts")
def approved_facts(
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="[ID]...", help="The arrangements just approved.")] = None,
    every: Annotated[bool, typer.Option(
        "--all", help="Every arrangement that is approved or beyond and has an approval.")] = False,
    config: ConfigOption = None,
) -> None:
    """Record in each arrangement what its latest approval covers (kind, class, council
    resources, partners, end date), so that check (APR009) says when a later change goes
    beyond it. Run it in the approval's pull request."""
    from partnerfw.approved_facts import record_facts
    from partnerfw.errors import UserError

    project = _settled_project(config)
    try:
        done = record_facts(project, list(ids or []), every)
    except UserError as exc:
        _fail(str(exc))
    for item in done:
        _print(f"{item.file}: {item.note}")


@app.command()
def trail(
    record_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", help="The arrangement's id (default: every arrangement).")] = None,
    output: Annotated[str, typer.Option("--format", "-f", help="Output: text or json.",
                                        metavar="FORMAT")] = "text",
    config: ConfigOption = None,
) -> None:
    """Show who proposed, changed and approved each arrangement, and in which pull request,
    from the register's git history."""
    from partnerfw.errors import UserError
    from partnerfw.trail_view import record_trails, render

    _choose(output, ("text", "json"), "--format")
    project = _project(config)
    try:
        trails = record_trails(project, record_id)
    except UserError as exc:
        _fail(str(exc))
    _print(render(trails, output))


def main() -> None:
    """Entry point: user errors exit 2 with a plain message; other errors are bugs."""
    from partnerfw.errors import UserError

    try:
        app(standalone_mode=True)
    except UserError as exc:
        sys.stderr.write(f"partnerfw: {exc}\n")
        sys.exit(EXIT_CANNOT_RUN)
    except Exception as exc:  # an internal error: a bug, shown in full only with --debug
        if "--debug" in sys.argv:
            raise
        sys.stderr.write(f"partnerfw: internal error: {exc!r}; rerun with --debug and report "
                         "it at the project's issue tracker\n")
        sys.exit(EXIT_CANNOT_RUN)


if __name__ == "__main__":  # pragma: no cover
    main()
