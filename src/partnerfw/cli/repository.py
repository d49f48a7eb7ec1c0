"""The register repository itself: ``init``, ``codeowners`` and ``schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOption,
    ForceOption,
    _fail,
    _overwriting,
    _print,
    _project,
    _relative,
    _settled_project,
    app,
)
from partnerfw.words import plural

_Text = str | None
_FolderArgument = Annotated[
    Path,
    typer.Argument(
        help="The register repository to create or complete (default: this folder).",
        file_okay=False,
    ),
]
_CouncilNameOption = Annotated[_Text, typer.Option(help="The council's name.")]
_WebsiteOption = Annotated[_Text, typer.Option(help="The council's website address.")]
_EditionOption = Annotated[
    _Text, typer.Option(help="The framework edition in force: revised (default) or earlier.")
]
_AdoptedOnOption = Annotated[
    _Text,
    typer.Option(help="The date the council adopted that edition, YYYY-MM-DD.", metavar="DATE"),
]
_AdoptionDecisionOption = Annotated[
    _Text,
    typer.Option(help="The decision that adopted it, e.g. 'Full Council 15 July 2025, minute 41'."),
]
_MonitoringOfficerTeamOption = Annotated[
    _Text, typer.Option(help="The Monitoring Officer's GitHub team, @org/team (or @user).")
]
_Section151OfficerTeamOption = Annotated[
    _Text, typer.Option(help="The Section 151 Officer's GitHub team, @org/team (or @user).")
]
_InstallFromOption = Annotated[
    _Text,
    typer.Option(
        help="Where the workflows install partnerfw from: index (the package index, a "
        "pinned version; the default) or git (the release's tag in the project's git "
        "repository, until it is on the index).",
        metavar="index|git",
    ),
]
_CodeScanningOption = Annotated[
    bool,
    typer.Option(
        "--code-scanning",
        help="check.yml also uploads every finding to GitHub code scanning (SARIF); on a "
        "private repository that needs GitHub Advanced Security.",
    ),
]
_CheckOption = Annotated[
    bool,
    typer.Option(
        "--check",
        help="Write nothing; list what is missing or out of date and exit 1 if anything is.",
    ),
]
_NoInputOption = Annotated[
    bool, typer.Option("--no-input", help="Never ask: take every answer from the options.")
]


@app.command()
def init(
    folder: _FolderArgument = Path("."),
    council_name: _CouncilNameOption = None,
    website: _WebsiteOption = None,
    edition: _EditionOption = None,
    adopted_on: _AdoptedOnOption = None,
    adoption_decision: _AdoptionDecisionOption = None,
    monitoring_officer_team: _MonitoringOfficerTeamOption = None,
    section_151_officer_team: _Section151OfficerTeamOption = None,
    install_from: _InstallFromOption = None,
    code_scanning: _CodeScanningOption = False,
    check_only: _CheckOption = False,
    no_input: _NoInputOption = False,
) -> None:
    """Create a council's register repository: partnerfw.yaml, register/, the workflows, the
    pre-commit hooks, CODEOWNERS, the pull request template and a README for officers; on an
    existing one, add only what is missing and say what is out of date."""
    given = dict(locals())  # each option by the answer it gives (the parameters' names)
    # Loaded here, not at the top, for start-up speed (the templates, models and git).
    from partnerfw.edit.answers import Interrupted
    from partnerfw.edit.init_steps import check_repository, set_up

    try:
        if check_only:
            report = check_repository(folder)
        else:
            report = set_up(folder, given, install_from, code_scanning, no_input, _warn)
    except Interrupted as exc:
        sys.stderr.write(f"\npartnerfw: interrupted; {exc}\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    for line in report.lines:
        _print(line)
    if report.failure is not None:
        _fail(report.failure)
    raise typer.Exit(EXIT_FINDINGS if report.incomplete else EXIT_OK)


def _warn(message: str) -> None:
    sys.stderr.write(f"partnerfw: {message}\n")


@app.command()
def schema(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder to write to (default: schema/ in the register repository).",
            file_okay=False,
        ),
    ] = None,
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 if the files are missing or out of date."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Write the JSON Schemas of a record, a policy and partnerfw.yaml, for editors and tools."""
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.edit.schemas import SCHEMA_FOLDER, stale, write_schemas

    project = _project(config)
    folder = out if out is not None else project.root / SCHEMA_FOLDER
    if check_only:
        outdated = stale(folder, project.policy)
        for path in outdated:
            _print(f"out of date: {_relative(path)}")
        _print("schemas up to date" if not outdated else "run 'partnerfw schema' to refresh them")
        raise typer.Exit(EXIT_FINDINGS if outdated else EXIT_OK)
    for path in write_schemas(folder, project.policy):
        _print(f"wrote {_relative(path)}")


@app.command()
def codeowners(
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; exit 1 when .github/CODEOWNERS is stale (CI)."
        ),
    ] = False,
    overwrite: Annotated[
        bool,
        typer.Option("--overwrite", help="Replace a CODEOWNERS file that partnerfw did not write."),
    ] = False,
    force: ForceOption = False,
    config: ConfigOption = None,
) -> None:
    """Write .github/CODEOWNERS so that a change to each arrangement is reviewed by the officers
    its kind and class require (and the pull request template with the approval checklist,
    when the repository has none)."""
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.edit.codeowners import CODEOWNERS, build, stale_diff, update

    project = _settled_project(config)
    outcome = build(project)
    for skipped in outcome.skipped:
        sys.stderr.write(
            f"partnerfw: {skipped} is not a valid record, so has no reviewers; "
            "'partnerfw check' says why\n"
        )
    if check_only:
        diff = stale_diff(outcome)
        if diff is None:
            _print(f"{CODEOWNERS} is up to date ({plural(outcome.file_count, 'file')})")
            raise typer.Exit(EXIT_OK)
        _print(diff, wrap=False)
        _print(f"{CODEOWNERS} is stale: run 'partnerfw codeowners' and commit it")
        raise typer.Exit(EXIT_FINDINGS)
    changed, template = update(outcome, force=_overwriting(overwrite, force))
    counted = plural(outcome.file_count, "file")
    _print(f"{'wrote' if changed else 'up to date:'} {CODEOWNERS} ({counted})")
    if template is not None:
        _print(
            f"wrote {template.relative_to(outcome.target.parent.parent)} (the approval checklist)"
        )
    if not any(own.owners for own in outcome.ownerships):
        _print(
            "no role has reviewers yet: add them under policy: roles: <role>: reviewers: in "
            "partnerfw.yaml, e.g. ['@your-org/monitoring-officer']"
        )


@app.command()
def cms(
    check_only: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing; exit 1 when admin/config.yml is missing or out of date (CI).",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Write admin/config.yml, the browser editor's configuration (Decap CMS at /admin/ on the
    published site, where every save is a pull request): the record's form from its fields,
    the master lists and the cms: settings of partnerfw.yaml. Also writes package.json,
    package-lock.json and the workflow that tidies the editor's branches, when missing."""
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.edit.cms_config import CMS_CONFIG, build_config
    from partnerfw.edit.cms_setup import set_up_cms

    project = _settled_project(config)
    if check_only:
        outcome = build_config(project)
        if outcome.current:
            _print(f"{CMS_CONFIG} is up to date")
            raise typer.Exit(EXIT_OK)
        state = "out of date" if outcome.path.is_file() else "missing"
        _print(f"{CMS_CONFIG} is {state}: run 'partnerfw cms' and commit it")
        raise typer.Exit(EXIT_FINDINGS)
    report = set_up_cms(project)
    verb = "wrote" if report.changed else "up to date:"
    _print(f"{verb} {CMS_CONFIG} (the editor saves to {report.config.repo})")
    for path in report.written:
        _print(f"wrote {path.as_posix()}")
    if not report.config.signs_in:
        _warn(
            "no OAuth client for signing in yet: set cms: oauth_url: in partnerfw.yaml, then "
            "run 'partnerfw cms' again (the documentation's 'Browser editing' page says how)"
        )
    _print(
        "Commit these files; the published site then has the editor at admin/ "
        "(the publish workflow installs it with 'npm ci')."
    )
