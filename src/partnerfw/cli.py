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


@app.command("import")
def import_register(
    file: Annotated[Path, typer.Argument(help="The spreadsheet to import: a .csv or .xlsx file.",
                                         dir_okay=False)],
    write: Annotated[bool, typer.Option("--write", help="Create the record files (default: "
                                        "only show what would be created).")] = False,
    mapping: Annotated[Path | None, typer.Option(
        "--mapping", metavar="FILE", dir_okay=False,
        help="YAML file 'columns: {heading: field}' correcting the guessed columns.")] = None,
    save_mapping: Annotated[Path | None, typer.Option(
        "--save-mapping", metavar="FILE", dir_okay=False,
        help="Write the column mapping in use to FILE, to correct and pass to --mapping.")] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", metavar="NAME",
                                              help="The sheet of an .xlsx file (default: the "
                                              "first).")] = None,
    config: ConfigOption = None,
) -> None:
    """Import a register kept in a spreadsheet, one record file per row; previews unless --write."""
    from partnerfw import importer
    from partnerfw.errors import UserError
    from partnerfw.writer import write_atomic

    project = _project(config)
    try:
        table = importer.read_table(file, sheet)
        overrides = importer.read_mapping(mapping) if mapping else None
        for heading in overrides or {}:
            if heading not in table.headers:
                raise UserError(f"{mapping}: the column '{heading}' is not in {table.source}; "
                                f"its columns are: {', '.join(table.headers)}")
        columns = importer.match_columns(table.headers, overrides)
        plan = importer.plan_import(table, columns, project.register_dir,
                                    project.settings.register_folder)
        if save_mapping is not None:
            write_atomic(save_mapping, importer.mapping_text(table.source, columns))
        if write:
            importer.write_records(plan, project.register_dir)
    except UserError as exc:
        _fail(str(exc))
    _print(importer.render_report(plan))
    if save_mapping is not None:
        _print(f"The column mapping is in {save_mapping}.")
    raise typer.Exit(EXIT_FINDINGS if plan.has_problems else EXIT_OK)


@app.command()
def export(
    output: Annotated[str, typer.Option("--format", "-f", help="csv, json or xlsx.",
                                        metavar="FORMAT")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", dir_okay=False,
                                             help="Write to FILE (default: print; xlsx needs "
                                             "a file).")] = None,
    include_confidential: Annotated[bool, typer.Option(
        "--include-confidential",
        help="Include what records mark confidential, and officers' contact details. Not for "
             "publication.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    config: ConfigOption = None,
) -> None:
    """Export the register as CSV, JSON or Excel: public by default, one row per arrangement."""
    from partnerfw import export as exporter
    from partnerfw.errors import UserError
    from partnerfw.register import load
    from partnerfw.writer import write_atomic, write_atomic_bytes

    _choose(output, exporter.FORMATS, "--format")
    project = _project(config)
    try:
        register = load([project.register_dir], project.root)
        contacts = project.policy.publication.publish_officer_contact_details
        table = exporter.export_table(register.records, include_confidential, contacts)
        if output == "xlsx":
            if out is None:
                _fail("--format xlsx writes a workbook: name the file with --out, e.g. "
                      "--out register.xlsx")
            write_atomic_bytes(out, exporter.to_xlsx(table), overwrite=force)
        else:
            text = (exporter.to_csv(table) if output == "csv" else
                    exporter.to_json(table, project.council_name, include_confidential))
            if out is None:
                sys.stdout.write(text)
            else:
                write_atomic(out, ("\ufeff" if output == "csv" else "") + text, overwrite=force)
    except UserError as exc:
        _fail(str(exc))
    if out is not None:
        view = "including confidential parts" if include_confidential else "public view"
        sys.stderr.write(f"Exported {len(table.rows)} records ({view}) to {out}\n")
    if register.problems:
        sys.stderr.write(f"partnerfw: {len(register.problems)} problem(s) kept records out of "
                         "the export; run 'partnerfw check' to see them:\n")
        for problem in register.problems:
            sys.stderr.write(f"  {problem.file}:{problem.line}: {problem.message}\n")
        raise typer.Exit(EXIT_FINDINGS)


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
