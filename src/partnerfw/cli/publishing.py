"""Publishing the register: ``build`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    TodayOption,
    _choose,
    _fail,
    _paths,
    _print,
    _project,
    _today,
    app,
)

if TYPE_CHECKING:
    pass


@app.command()
def build(
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Folder to build the site into (replaced on each build).", file_okay=False
        ),
    ] = Path("site"),
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Build the register website and its open data (register.csv, register.json)."""
    from partnerfw.publish.build import build_site

    when = _today(today)
    project = _project(config)
    report = build_site(project, _paths(project, None), out, when)
    _print(report.message())
    raise typer.Exit(EXIT_FINDINGS if report.has_problems else EXIT_OK)


def _export_format(given: str | None, out: Path | None, formats: tuple[str, ...]) -> str:
    """The format asked for, or the --out file's; never a file whose extension says otherwise."""
    suffix = out.suffix.lower().lstrip(".") if out is not None else ""
    if given is None:
        return suffix if suffix in formats else "csv"
    _choose(given, formats, "--format")
    if suffix in formats and suffix != given:
        _fail(
            f"--format {given} does not match --out {out}: use --format {suffix} or name the "
            f"file .{given}"
        )
    return given


@app.command()
def export(
    output: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="csv, json or xlsx (default: from the --out file's extension, else csv).",
            metavar="FORMAT",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Write to FILE (default: print; xlsx needs a file).",
        ),
    ] = None,
    include_confidential: Annotated[
        bool,
        typer.Option(
            "--include-confidential",
            help="Include what records mark confidential, and officers' contact details. Not for "
            "publication.",
        ),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    config: ConfigOption = None,
) -> None:
    """Export the register as CSV, JSON or Excel: public by default, one row per arrangement."""
    from partnerfw.files import write_atomic, write_atomic_bytes
    from partnerfw.publish import export as exporter
    from partnerfw.record.loading import load

    output = _export_format(output, out, exporter.FORMATS)
    project = _project(config)
    if out is not None and out.exists() and not force:
        _fail(f"--out {out} already exists; add --force to replace it")
    register = load([project.register_dir], project.root)
    contacts = project.policy.publication.publish_officer_contact_details
    table = exporter.export_table(register.records, include_confidential, contacts)
    if output == "xlsx":
        if out is None:
            _fail(
                "--format xlsx writes a workbook: name the file with --out, e.g. "
                "--out register.xlsx"
            )
        write_atomic_bytes(out, exporter.to_xlsx(table), overwrite=force)
    else:
        text = (
            exporter.to_csv(table)
            if output == "csv"
            else exporter.to_json(table, project.council_name, include_confidential)
        )
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, ("\ufeff" if output == "csv" else "") + text, overwrite=force)
    if out is not None:
        view = "including confidential parts" if include_confidential else "public view"
        sys.stderr.write(f"Exported {len(table.rows)} records ({view}) to {out}\n")
    if register.problems:
        sys.stderr.write(
            f"partnerfw: {len(register.problems)} problem(s) kept records out of "
            "the export; run 'partnerfw check' to see them:\n"
        )
        for problem in register.problems:
            sys.stderr.write(f"  {problem.file}:{problem.line}: {problem.message}\n")
        raise typer.Exit(EXIT_FINDINGS)
