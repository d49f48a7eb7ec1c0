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
) -> None:
    """Check every arrangement against the framework and list what governance is missing."""
    from partnerfw.check import run_check
    from partnerfw.errors import UserError
    from partnerfw.formats import RENDERERS

    _choose(output, tuple(RENDERERS), "--format")
    when = _today(today)
    project = _project(config)
    try:
        result = run_check(project, _paths(project, paths), when)
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
def build(
    out: Annotated[Path, typer.Option("--out", help="Folder to build the site into (replaced "
                                      "on each build).", file_okay=False)] = Path("site"),
    today: TodayOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Build the register website and its open data (register.csv, register.json)."""
    from partnerfw.build import build_site
    from partnerfw.errors import UserError

    when = _today(today)
    project = _project(config)
    try:
        report = build_site(project, _paths(project, None), out, when)
    except UserError as exc:
        _fail(str(exc))
    _print(report.message())
    raise typer.Exit(EXIT_FINDINGS if report.unreadable else EXIT_OK)


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
