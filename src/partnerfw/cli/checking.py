"""Checking and explaining the register: ``check``, ``classify`` and ``rules``."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_FINDINGS,
    EXIT_OK,
    ConfigOption,
    FormatOption,
    NoCacheOption,
    TodayOption,
    _choose,
    _fail,
    _paths,
    _print,
    _project,
    _today,
    _warn,
    app,
)

if TYPE_CHECKING:
    from partnerfw.policy.project import Project
    from partnerfw.render.formats import Context
    from partnerfw.rules.engine import CheckResult


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Record files or folders (default: the register).")
    ] = None,
    output: FormatOption = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REF",
            help="Check only the records changed since REF (git), e.g. origin/main, plus the "
            "checks across records.",
        ),
    ] = None,
    in_register: Annotated[
        bool,
        typer.Option(
            "--in-register",
            help="Check the record files given as part of the whole register: the checks "
            "across records see every record, and only findings in those files (or across "
            "records involving them) count. For pre-commit's staged files.",
        ),
    ] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Check every arrangement against the framework and list what governance is missing."""
    # Loaded when the command runs, not at start-up: keeps ``partnerfw --help`` fast.
    from partnerfw.render.formats import FOR_TOOLS, RENDERERS, Context

    _choose(output, tuple(RENDERERS), "--format")
    when = _today(today)
    project = _project(config)
    if changed_since is not None and in_register:
        _fail("--changed-since and --in-register each choose the records: give one")
    if in_register and not paths:
        _fail("--in-register checks the record files given: name at least one")
    result = _checked(project, paths, when, changed_since, in_register, not no_cache)
    context = Context()
    if output in FOR_TOOLS:
        from partnerfw.git.repo_paths import RepoPaths  # only for the formats for tools

        context = Context(RepoPaths.find(project.root), project.policy)
    _print(RENDERERS[output](result, context), markup=output == "text", wrap=output == "text")
    if output == "github":
        _add_step_summary(result, context, project, when)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors(strict) else EXIT_OK)


def _checked(
    project: Project,
    paths: list[Path] | None,
    when: dt.date,
    changed_since: str | None,
    in_register: bool,
    cache: bool,
) -> CheckResult:
    """The check of the records chosen, with the approved facts compared with the decision's
    commit in git (APR011); with ``in_register``, as part of the whole register."""
    # Loaded when the command runs, not at start-up: keeps ``partnerfw --help`` fast.
    from partnerfw.git.changed import changed_selection, given_selection, involving
    from partnerfw.git.decision_commit import with_decision_commits
    from partnerfw.rules.engine import run_check

    if in_register:
        selection = given_selection(project, list(paths or []))
        _warn(selection.reason)
        whole = run_check(project, [project.register_dir], when, selection.files, cache=cache)
        return involving(with_decision_commits(whole, project, when), selection.files, project.root)
    only = None
    if changed_since is not None:
        selection = changed_selection(project, changed_since)
        _warn(selection.reason)
        only = selection.files
    result = run_check(project, _paths(project, paths), when, only, cache=cache)
    return with_decision_commits(result, project, when)


def _add_step_summary(
    result: CheckResult, context: Context, project: Project, when: dt.date
) -> None:
    """In a GitHub Actions step, every finding also goes to the run's summary page."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    # Only in a GitHub Actions step: other checks skip loading it.
    from partnerfw.render.step_summary import append_summary, render_summary

    server, repository, sha = (
        os.environ.get(name, "")
        for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    blob_url = f"{server}/{repository}/blob/{sha}/" if server and repository and sha else None
    text = render_summary(
        result, context.paths, council=project.council_name, as_of=when, blob_url=blob_url
    )
    try:
        append_summary(Path(summary_file), text)
    except OSError as exc:
        sys.stderr.write(
            f"partnerfw: could not add the findings to the step summary {summary_file}: "
            f"{exc.strerror or exc}\n"
        )


@app.command()
def classify(
    paths: Annotated[list[Path] | None, typer.Argument(help="Record files or folders.")] = None,
    compare_policy: Annotated[
        str | None,
        typer.Option(
            "--compare-policy",
            metavar="FILE",
            help="Another policy: a file, 'draft' (partnerfw.yaml's draft), an edition of the "
            "schedule or 'earlier'/'revised': list what changes class.",
        ),
    ] = None,
    compare_draft: Annotated[
        bool,
        typer.Option(
            "--compare",
            help="Compare with partnerfw.yaml's draft (or, without one, the other built-in "
            "edition).",
        ),
    ] = False,
    output: Annotated[
        str, typer.Option("--format", "-f", help="Output: text or json.", metavar="FORMAT")
    ] = "text",
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Show each arrangement's kind and class with the reason, or compare two policies.
    A shared service that changes type over time is classed by the phase in force on --today."""
    # Loaded when the command runs, not at start-up: keeps ``partnerfw --help`` fast.
    from partnerfw.render.classes import classify_register, compare, render
    from partnerfw.render.terminal import terminal_width

    _choose(output, ("text", "json"), "--format")
    when = _today(today)
    project = _project(config)
    edition = project.schedule.policy_on(when).edition
    if compare_policy is None and not compare_draft:
        rows, problems = classify_register(project, _paths(project, paths), when)
        text = render(rows, problems, output, edition, width=terminal_width())
        _print(text, markup=output == "text", wrap=output == "text")
    else:
        changes, problems, label = compare(project, _paths(project, paths), compare_policy, when)
        _print(
            render(changes, problems, output, edition, label),
            markup=output == "text",
            wrap=output == "text",
        )
    raise typer.Exit(
        EXIT_FINDINGS if any(p.severity.value == "error" for p in problems) else EXIT_OK
    )


@app.command()
def rules(
    output: Annotated[
        str, typer.Option("--format", "-f", help="Output: text or json.", metavar="FORMAT")
    ] = "text",
    local: Annotated[
        bool,
        typer.Option(
            "--local",
            help="List the council's own choices (settings, triggers, rules, rule settings) "
            "and what the framework review leaves open, for a committee to confirm.",
        ),
    ] = False,
    edition: Annotated[
        str | None,
        typer.Option(
            "--edition",
            metavar="NAME",
            help="An edition of partnerfw.yaml's schedule, 'draft', or 'earlier'/'revised' "
            "(default: the one in force on --today).",
        ),
    ] = None,
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """List every rule: code, severity, framework paragraph or local choice, kinds and
    stages, or guidance."""
    # Loaded when the command runs, not at start-up: keeps ``partnerfw --help`` fast.
    from partnerfw.policy.compared import named_edition
    from partnerfw.render.rule_list import (
        local_choices,
        render_local,
        render_rules,
        standing,
        standing_entry,
    )

    _choose(output, ("text", "json"), "--format")
    when = _today(today)
    project = _project(config)
    policy, line = named_edition(project, edition, when)
    named = project.settings.edition is not None or project.settings.editions is not None
    if local:
        council_rules = {code: "partnerfw.yaml" for code in project.settings.rules}
        choices = local_choices(policy, project.schedule, line, council_rules, named)
        _print(render_local(choices, output), markup=output == "text", wrap=output == "text")
        return
    heading = "\n".join(standing(project.schedule, line, policy, named))
    where = standing_entry(project.schedule, line, policy, named)
    _print(
        render_rules(policy, output, heading, where), markup=output == "text", wrap=output == "text"
    )
