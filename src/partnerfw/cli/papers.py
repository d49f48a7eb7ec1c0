"""Committee papers: ``report``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    ConfigOption,
    _choose,
    _fail,
    _project,
    _today,
    app,
)
from partnerfw.words import plural

ReportName = Annotated[
    str,
    typer.Argument(
        help="annual, governance, due, scrutiny or reclassification.", show_default=False
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Report as of this day, e.g. 2026-11-23 or 23/11/2026 (default: today).",
    ),
]
PaperFormat = Annotated[
    str, typer.Option("--format", "-f", metavar="FORMAT", help="html, md, docx or csv.")
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="FILE",
        dir_okay=False,
        help="Write to FILE (needed for docx); default: print.",
    ),
]
OverwriteOption = Annotated[bool, typer.Option("--overwrite", help="Replace FILE if it exists.")]
PortfolioOption = Annotated[
    str | None, typer.Option("--portfolio", metavar="X", help="Only this Cabinet portfolio.")
]
CommitteeOption = Annotated[
    str | None, typer.Option("--committee", metavar="X", help="Only this Cabinet Committee.")
]
DepartmentOption = Annotated[
    str | None, typer.Option("--department", metavar="X", help="Only this lead department.")
]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE|REV",
        help="annual: only what changed since a date or a git revision.",
    ),
]
WithinOption = Annotated[
    int | None,
    typer.Option(
        "--within",
        metavar="DAYS",
        help="due: look this many days ahead (default: the policy's renewal notice).",
    ),
]
ComparePolicyOption = Annotated[
    str | None,
    typer.Option(
        "--compare-policy",
        metavar="FILE",
        help="reclassification: a policy file or 'earlier'/'revised' (default: the other "
        "built-in edition).",
    ),
]
ConfidentialOption = Annotated[
    bool,
    typer.Option(
        "--include-confidential",
        help="Include parts marked confidential and officers' contact details.",
    ),
]


@app.command()
def report(
    name: ReportName,
    as_of: AsOfOption = None,
    output: PaperFormat = "html",
    out: OutOption = None,
    overwrite: OverwriteOption = False,
    portfolio: PortfolioOption = None,
    committee: CommitteeOption = None,
    department: DepartmentOption = None,
    since: SinceOption = None,
    within: WithinOption = None,
    compare_policy: ComparePolicyOption = None,
    include_confidential: ConfidentialOption = False,
    config: ConfigOption = None,
) -> None:
    """Produce a committee paper: the annual report, governance review, what is due,
    scrutiny candidates, or the effect of another policy."""
    # The reports (Jinja, python-docx) and the check load only when a paper is asked for.
    from partnerfw.reports import FORMATS, REPORTS, Options
    from partnerfw.reports.common import Scope
    from partnerfw.reports.output import produce

    _choose(name, REPORTS, "report NAME")
    _choose(output, FORMATS, "--format")
    if output == "docx" and out is None:
        _fail(f"--format docx writes a Word file: give its name with --out, e.g. --out {name}.docx")
    when = _today(as_of, "--as-of")
    if out is not None and out.exists() and not overwrite:
        _fail(f"--out {out} already exists; add --overwrite to replace it")
    project = _project(config)
    scope = Scope(portfolio, committee, department)
    options = Options(scope, since, within, compare_policy, public=not include_confidential)
    left_out: list[str] = []
    text = produce(
        name, project, when, output, options, out, overwrite=overwrite, unreadable=left_out
    )
    if text is not None:
        sys.stdout.write(text)
    if left_out:  # the paper must not pass for the whole register when it is not
        sys.stderr.write(
            f"partnerfw: warning: {plural(len(left_out), 'file')} of the register could not be "
            f"read as records and {'is' if len(left_out) == 1 else 'are'} not in the paper; "
            "run 'partnerfw check' to see why: " + ", ".join(left_out) + "\n"
        )
        raise typer.Exit(EXIT_FINDINGS)
