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
    ForceOption,
    NoCacheOption,
    OverwriteOption,
    TodayOption,
    VerboseOption,
    _choose,
    _fail,
    _overwriting,
    _paths,
    _print,
    _project,
    _today,
    _warn,
    app,
)
from partnerfw.words import plural


@app.command()
def build(
    out: Annotated[
        Path,
        typer.Option(
            "--out", help="Folder to build the site into (replaced on each build).", file_okay=False
        ),
    ] = Path("site"),
    verbose: VerboseOption = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Build the register website and its open data (register.csv, register.json)."""
    # The progress display first, so that it shows from the start; then the whole site's
    # machinery (imported here: only when asked, for start-up speed).
    from partnerfw.render.terminal import progress_on_stderr

    when = _today(today)
    with progress_on_stderr() as progress:
        progress("Reading the settings", 0, 0)
        from partnerfw.publish.build import build_site

        project = _project(config)
        report = build_site(project, _paths(project, None), out, when, progress, cache=not no_cache)
    _print(report.message(verbose))
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
    overwrite: OverwriteOption = False,
    force: ForceOption = False,
    config: ConfigOption = None,
) -> None:
    """Export the register as CSV, JSON or Excel: public by default, one row per arrangement."""
    from partnerfw.publish import export as exporter  # reads the register: only when asked

    force = _overwriting(overwrite, force)
    output = _export_format(output, out, exporter.FORMATS)
    project = _project(config)
    if out is not None and out.exists() and not force:
        _fail(f"--out {out} already exists; add --overwrite to replace it")
    done = exporter.export_register(project, output, out, include_confidential, force)
    if done.text is not None:
        sys.stdout.write(done.text)
    else:
        view = "including confidential parts" if include_confidential else "public view"
        _warn(f"Exported {plural(done.records, 'record')} ({view}) to {out}", prefix=False)
    for line in done.problem_lines():
        sys.stderr.write(line + "\n")
    if done.problems:
        raise typer.Exit(EXIT_FINDINGS)
