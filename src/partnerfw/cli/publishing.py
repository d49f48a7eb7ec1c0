"""Publishing the register: ``build`` and ``export``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    NoCacheOption,
    TodayOption,
    _choose,
    _fail,
    _paths,
    _print,
    _project,
    _today,
    app,
)


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
    no_cache: NoCacheOption = False,
) -> None:
    """Build the register website and its open data (register.csv, register.json)."""
    from partnerfw.publish.build import build_site  # the whole site's machinery: only when asked

    when = _today(today)
    project = _project(config)
    report = build_site(project, _paths(project, None), out, when, cache=not no_cache)
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
    from partnerfw.publish import export as exporter  # reads the register: only when asked

    output = _export_format(output, out, exporter.FORMATS)
    project = _project(config)
    if out is not None and out.exists() and not force:
        _fail(f"--out {out} already exists; add --force to replace it")
    done = exporter.export_register(project, output, out, include_confidential, force)
    if done.text is not None:
        sys.stdout.write(done.text)
    else:
        view = "including confidential parts" if include_confidential else "public view"
        sys.stderr.write(f"Exported {done.records} records ({view}) to {out}\n")
    for line in done.problem_lines():
        sys.stderr.write(line + "\n")
    if done.problems:
        raise typer.Exit(EXIT_FINDINGS)
