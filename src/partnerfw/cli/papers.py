"""Committee papers: ``report``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_OK,
    ConfigOption,
    DebugOption,
    _choose,
    _fail,
    _paths,
    _project,
    _today,
    app,
)

if TYPE_CHECKING:
    pass


@app.command()
def report(
    name: Annotated[
        str,
        typer.Argument(
            help="annual, governance, due, scrutiny or reclassification.", show_default=False
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Report as of this day, e.g. 2026-11-23 or 23/11/2026 (default: today).",
        ),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="html, md, docx or csv.")
    ] = "html",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Write to FILE (needed for docx); default: print.",
        ),
    ] = None,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace FILE if it exists.")
    ] = False,
    portfolio: Annotated[
        str | None, typer.Option("--portfolio", metavar="X", help="Only this Cabinet portfolio.")
    ] = None,
    committee: Annotated[
        str | None, typer.Option("--committee", metavar="X", help="Only this Cabinet Committee.")
    ] = None,
    department: Annotated[
        str | None, typer.Option("--department", metavar="X", help="Only this lead department.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE|REV",
            help="annual: only what changed since a date or a git revision.",
        ),
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--within",
            metavar="DAYS",
            help="due: look this many days ahead (default: the policy's renewal notice).",
        ),
    ] = None,
    compare_policy: Annotated[
        str | None,
        typer.Option(
            "--compare-policy",
            metavar="FILE",
            help="reclassification: a policy file or 'earlier'/'revised' (default: the other "
            "built-in edition).",
        ),
    ] = None,
    include_confidential: Annotated[
        bool,
        typer.Option(
            "--include-confidential",
            help="Include parts marked confidential and officers' contact details.",
        ),
    ] = False,
    config: ConfigOption = None,
    debug: DebugOption = False,
) -> None:
    """Produce a committee paper: the annual report, governance review, what is due,
    scrutiny candidates, or the effect of another policy."""
    from partnerfw.errors import UserError
    from partnerfw.files import write_atomic, write_atomic_bytes
    from partnerfw.reports import FORMATS, REPORTS, Options, build_paper
    from partnerfw.reports.common import Scope
    from partnerfw.reports.render import render_csv, render_docx, render_html, render_md
    from partnerfw.rules.engine import run_check

    _choose(name, REPORTS, "report NAME")
    _choose(output, FORMATS, "--format")
    if output == "docx" and out is None:
        _fail(f"--format docx writes a Word file: give its name with --out, e.g. --out {name}.docx")
    when = _today(as_of, "--as-of")
    if out is not None and out.exists() and not overwrite:
        _fail(f"--out {out} already exists; add --overwrite to replace it")
    project = _project(config)
    options = Options(
        Scope(portfolio, committee, department),
        since,
        within,
        compare_policy,
        public=not include_confidential,
    )
    try:
        result = run_check(project, _paths(project, None), when)
        paper = build_paper(name, project, result, when, options)
        if output == "docx":
            assert out is not None
            write_atomic_bytes(out, render_docx(paper), overwrite=overwrite)
            raise typer.Exit(EXIT_OK)
        text = {
            "html": lambda: render_html(paper, project.root),
            "md": lambda: render_md(paper, project.root),
            "csv": lambda: render_csv(paper),
        }[output]()
        if out is None:
            sys.stdout.write(text)
        else:
            write_atomic(out, text, overwrite=overwrite)
    except UserError as exc:
        _fail(str(exc))
