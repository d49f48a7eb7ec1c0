"""The register repository itself: ``init``, ``codeowners`` and ``schema``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOption,
    _fail,
    _print,
    _project,
    _relative,
    _settled_project,
    app,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from partnerfw.edit.init_repo import FileStatus


@app.command()
def init(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The register repository to create or complete (default: this folder).",
            file_okay=False,
        ),
    ] = Path("."),
    council_name: Annotated[str | None, typer.Option(help="The council's name.")] = None,
    website: Annotated[str | None, typer.Option(help="The council's website address.")] = None,
    edition: Annotated[
        str | None,
        typer.Option(help="The framework edition in force: revised (default) or earlier."),
    ] = None,
    adopted_on: Annotated[
        str | None,
        typer.Option(help="The date the council adopted that edition, YYYY-MM-DD.", metavar="DATE"),
    ] = None,
    adoption_decision: Annotated[
        str | None,
        typer.Option(
            help="The decision that adopted it, e.g. 'Full Council 15 July 2025, minute 41'."
        ),
    ] = None,
    monitoring_officer_team: Annotated[
        str | None,
        typer.Option(help="The Monitoring Officer's GitHub team, @org/team (or @user)."),
    ] = None,
    section_151_officer_team: Annotated[
        str | None,
        typer.Option(help="The Section 151 Officer's GitHub team, @org/team (or @user)."),
    ] = None,
    install_from: Annotated[
        str | None,
        typer.Option(
            help="Where the workflows install partnerfw from: index (the package index, a "
            "pinned version; the default) or git (the release's tag in the project's git "
            "repository, until it is on the index).",
            metavar="index|git",
        ),
    ] = None,
    code_scanning: Annotated[
        bool,
        typer.Option(
            "--code-scanning",
            help="check.yml also uploads every finding to GitHub code scanning (SARIF); on a "
            "private repository that needs GitHub Advanced Security.",
        ),
    ] = False,
    check_only: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Write nothing; list what is missing or out of date and exit 1 if anything is.",
        ),
    ] = False,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: take every answer from the options.")
    ] = False,
) -> None:
    """Create a council's register repository: partnerfw.yaml, register/, the workflows, the
    pre-commit hooks, CODEOWNERS, the pull request template and a README for officers; on an
    existing one, add only what is missing and say what is out of date."""
    from partnerfw.edit.init_repo import (
        State,
        first_commit,
        in_git_repository,
        status,
        write_missing,
    )
    from partnerfw.errors import UserError
    from partnerfw.policy.project import SETTINGS_FILE

    root = folder
    if root.exists() and not root.is_dir():
        _fail(f"{root} is a file, not a folder")
    existing = (root / SETTINGS_FILE).is_file()
    if check_only:
        if not root.is_dir():
            _fail(f"{root}: no such folder")
        _print_status(status(root), root)
        return
    given = {
        "council_name": council_name,
        "website": website,
        "edition": edition,
        "adopted_on": adopted_on,
        "adoption_decision": adoption_decision,
        "monitoring_officer_team": monitoring_officer_team,
        "section_151_officer_team": section_151_officer_team,
    }
    try:
        was_repository = in_git_repository(root)
        if existing:
            from partnerfw.edit.init_repo import answers_from_settings

            ignored = [f"--{k.replace('_', '-')}" for k, v in given.items() if v is not None]
            if ignored:
                sys.stderr.write(
                    f"partnerfw: {root / SETTINGS_FILE} exists, so {', '.join(ignored)} "
                    "changed nothing; edit partnerfw.yaml itself\n"
                )
            answers = answers_from_settings(root, install_from)
        else:
            from partnerfw.edit.init_questions import collect
            from partnerfw.edit.questions import terminal_asker

            interactive = not no_input and sys.stdin.isatty()
            ask = terminal_asker()[0] if interactive else None
            answers = collect(given, install_from or "index", ask, code_scanning)
        root.mkdir(parents=True, exist_ok=True)
        written = write_missing(root, answers)
    except UserError as exc:
        _fail(str(exc))
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\npartnerfw: interrupted; nothing was written\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    for path in written:
        _print(f"wrote {(root / path).as_posix() if root != Path('.') else path.as_posix()}")
    if not written:
        _print("nothing to add: every file is there")
    if written and not existing and not was_repository:
        try:
            commit = first_commit(root, written)
        except UserError as exc:
            _fail(str(exc))
        _print(f"\nmade the first commit {commit} on branch main")
    elif written and not existing:
        _print(f"\n{root} is already in a git repository: review the files, then commit them")
    remaining = [s for s in status(root) if s.state is not State.OK]
    if remaining:
        _print("")
        _print_status(remaining, root, exit_code=False)
    if not existing:
        _print(_next_steps(root))
    raise typer.Exit(EXIT_FINDINGS if remaining else EXIT_OK)


def _print_status(found: Sequence[FileStatus], root: Path, exit_code: bool = True) -> None:
    from partnerfw.edit.init_repo import State

    problems = 0
    for item in found:
        if item.state is not State.OK:
            problems += 1
        note = f": {item.note}" if item.note else ""
        _print(f"{item.state.value:<11} {item.path}{note}")
    if exit_code:
        _print(
            "everything a register repository needs is there"
            if not problems
            else f"{problems} missing or out of date in {root.as_posix()}"
        )
        raise typer.Exit(EXIT_FINDINGS if problems else EXIT_OK)


def _next_steps(root: Path) -> str:
    steps = [f"cd {root.as_posix()}"] if root != Path(".") else []
    steps += [
        "pre-commit install             (the checks before each commit)",
        "partnerfw new                  (the first arrangement)",
        "git add -A && git commit -m 'Propose ...'",
        "git remote add origin <the GitHub repository> && git push -u origin main",
        "protect main and require code-owner review (README.md: 'Settings for the "
        "repository's administrators')",
    ]
    return "\nNext:\n" + "\n".join(f"  {step}" for step in steps)


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
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace a CODEOWNERS file that partnerfw did not write."),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Write .github/CODEOWNERS so that a change to each arrangement is reviewed by the officers
    its kind and class require (and the pull request template with the approval checklist,
    when the repository has none)."""
    from partnerfw.edit.codeowners import CODEOWNERS, build, stale_diff, update
    from partnerfw.errors import UserError

    project = _settled_project(config)
    try:
        outcome = build(project)
        for skipped in outcome.skipped:
            sys.stderr.write(
                f"partnerfw: {skipped} is not a valid record, so has no reviewers; "
                "'partnerfw check' says why\n"
            )
        if check_only:
            diff = stale_diff(outcome)
            if diff is None:
                _print(f"{CODEOWNERS} is up to date ({outcome.file_count} files)")
                raise typer.Exit(EXIT_OK)
            _print(diff + f"\n{CODEOWNERS} is stale: run 'partnerfw codeowners' and commit it")
            raise typer.Exit(EXIT_FINDINGS)
        changed, template = update(outcome, force=force)
    except UserError as exc:
        _fail(str(exc))
    _print(f"{'wrote' if changed else 'up to date:'} {CODEOWNERS} ({outcome.file_count} files)")
    if template is not None:
        _print(
            f"wrote {template.relative_to(outcome.target.parent.parent)} (the approval checklist)"
        )
    if not any(own.owners for own in outcome.ownerships):
        _print(
            "no role has reviewers yet: add them under policy: roles: <role>: reviewers: in "
            "partnerfw.yaml, e.g. ['@your-org/monitoring-officer']"
        )
