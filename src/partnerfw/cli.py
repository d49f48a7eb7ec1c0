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
    from collections.abc import Sequence

    from partnerfw.edit.init_repo import FileStatus
    from partnerfw.policy.project import Project
    from partnerfw.render.formats import Context
    from partnerfw.rules.engine import CheckResult

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it

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
    typer.Option(
        "--config",
        help="The register repository's partnerfw.yaml (default: found in this folder or above).",
        dir_okay=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today", help="Judge dates as of this day, YYYY-MM-DD (default: today).", metavar="DATE"
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output: text, json, github (annotations, and a summary of every finding in "
        "$GITHUB_STEP_SUMMARY) or sarif (code scanning).",
        metavar="FORMAT",
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]


def _show_version(value: bool) -> None:
    if value:
        from partnerfw import __version__

        sys.stdout.write(f"partnerfw {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show partnerfw's version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Run the council's partnerships and shared services register as YAML files in git."""


def _fail(message: str) -> NoReturn:
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(
        f"[bold red]partnerfw:[/bold red] {escape(message)}", markup=True, soft_wrap=True
    )
    raise typer.Exit(EXIT_CANNOT_RUN)


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--today '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")


def _project(config: Path | None) -> Project:
    from partnerfw.policy.project import open_project

    if config is not None and not config.is_file():
        _fail(f"--config {config}: no such file")
    return open_project(Path.cwd(), config)


def _settled_project(config: Path | None) -> Project:
    """The project, for commands that write from the policy: it must be valid."""
    project = _project(config)
    if project.problems:
        first = project.problems[0]
        _fail(
            f"{first.file}:{first.line}: {first.message}; fix the settings first "
            "('partnerfw check' lists every problem)"
        )
    return project


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
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Record files or folders (default: the register).")
    ] = None,
    output: FormatOption = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
    debug: DebugOption = False,
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
) -> None:
    """Check every arrangement against the framework and list what governance is missing."""
    from partnerfw.errors import UserError
    from partnerfw.render.formats import FOR_TOOLS, RENDERERS, Context
    from partnerfw.rules.engine import run_check

    _choose(output, tuple(RENDERERS), "--format")
    when = _today(today)
    project = _project(config)
    try:
        only = None
        if changed_since is not None and in_register:
            _fail("--changed-since and --in-register each choose the records: give one")
        if changed_since is not None:
            from partnerfw.git.changed import changed_selection

            selection = changed_selection(project, changed_since)
            sys.stderr.write(f"partnerfw: {selection.reason}\n")
            only = selection.files
        if in_register:
            from partnerfw.git.changed import given_selection, involving

            if not paths:
                _fail("--in-register checks the record files given: name at least one")
            selection = given_selection(project, list(paths))
            sys.stderr.write(f"partnerfw: {selection.reason}\n")
            result = involving(
                run_check(project, [project.register_dir], when, selection.files, against_git=True),
                selection.files,
                project.root,
            )
        else:
            result = run_check(project, _paths(project, paths), when, only, against_git=True)
    except UserError as exc:
        _fail(str(exc))
    context = Context()
    if output in FOR_TOOLS:
        from partnerfw.git.repo_paths import RepoPaths

        context = Context(RepoPaths.find(project.root), project.policy)
    _print(RENDERERS[output](result, context), markup=output == "text")
    if output == "github":
        _add_step_summary(result, context, project, when)
    raise typer.Exit(EXIT_FINDINGS if result.has_errors(strict) else EXIT_OK)


def _add_step_summary(
    result: CheckResult, context: Context, project: Project, when: dt.date
) -> None:
    """In a GitHub Actions step, every finding also goes to the run's summary page."""
    import os

    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
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
    debug: DebugOption = False,
) -> None:
    """Show each arrangement's kind and class with the reason, or compare two policies.
    A shared service that changes type over time is classed by the phase in force on --today."""
    from partnerfw.errors import UserError
    from partnerfw.render.classes import classify_register, compare, render

    _choose(output, ("text", "json"), "--format")
    when = _today(today)
    project = _project(config)
    edition = project.policy_on(when).edition
    try:
        if compare_policy is None and not compare_draft:
            rows, problems = classify_register(project, _paths(project, paths), when)
            _print(render(rows, problems, output, edition), markup=output == "text")
        else:
            changes, problems, label = compare(
                project, _paths(project, paths), compare_policy, when
            )
            _print(
                render(changes, problems, output, edition, label),
                markup=output == "text",
            )
    except UserError as exc:
        _fail(str(exc))
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
    from partnerfw.policy.project import load_edition
    from partnerfw.policy.schema import EDITIONS
    from partnerfw.render.rule_list import local_choices, render_local, render_rules, standing

    _choose(output, ("text", "json"), "--format")
    when = _today(today)
    project = _project(config)
    schedule = project.editions
    line = schedule.edition_on(when)
    policy = line.policy
    if edition is not None:
        named = schedule.named(edition)
        if named is None and edition not in EDITIONS:
            known = [e.name for e in schedule.editions] + (["draft"] if schedule.draft else [])
            _fail(
                f"--edition '{edition}': not in partnerfw.yaml ({', '.join(known)}) nor a "
                f"built-in edition ({', '.join(EDITIONS)})"
            )
        policy = named if named is not None else load_edition(edition)
        line = next((e for e in schedule.editions if e.policy is policy), None)  # type: ignore[assignment]
    if local:
        council_rules = {code: "partnerfw.yaml" for code in project.settings.rules}
        choices = local_choices(policy, schedule, line, council_rules)
        _print(render_local(choices, output), markup=output == "text")
        return
    heading = "\n".join(standing(schedule, line, policy)) if output == "text" else None
    _print(render_rules(policy, output, heading), markup=output == "text")


@app.command()
def new(
    kind: Annotated[
        str | None,
        typer.Option(
            help="partnership, shared_service, informal_network, commissioning, company_or_trust "
            "or outside_body."
        ),
    ] = None,
    shared_service_type: Annotated[
        str | None,
        typer.Option(
            help="For a shared service: full_shared_service, joint_management, joint_officer or "
            "ad_hoc_resilience."
        ),
    ] = None,
    legal_form: Annotated[str | None, typer.Option(help="For a company or trust.")] = None,
    company_form: Annotated[
        str | None,
        typer.Option(
            help="For a company or trust: e.g. community_interest_company, "
            "company_limited_by_guarantee, charitable_trust."
        ),
    ] = None,
    organisation: Annotated[
        str | None, typer.Option(help="For an outside body: the organisation appointed to.")
    ] = None,
    appointed_by: Annotated[
        str | None, typer.Option(help="For an outside body: who made the appointments.")
    ] = None,
    appointee: Annotated[
        list[str] | None,
        typer.Option(help="For an outside body: a councillor appointed; repeat for each."),
    ] = None,
    lead_member: Annotated[
        str | None, typer.Option(help="The Lead Member (councillor), Appendix 1.")
    ] = None,
    statutory: Annotated[
        bool | None,
        typer.Option("--statutory/--not-statutory", help="Required by law (Appendix 1)."),
    ] = None,
    statutory_act: Annotated[
        str | None,
        typer.Option(help="The Act and section, e.g. 'Crime and Disorder Act 1998 s5'."),
    ] = None,
    management_agreement: Annotated[
        str | None,
        typer.Option(
            help="For a company or trust: the council services it runs under a management "
            "agreement (then it is a contract)."
        ),
    ] = None,
    payment: Annotated[
        str | None,
        typer.Option(help="For commissioning: the_council_is_paid (1.14) or the_council_pays."),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Name as the public would know it.")] = None,
    record_id: Annotated[
        str | None,
        typer.Option("--id", help="The record's id and file name (default: made from the name)."),
    ] = None,
    lead_officer: Annotated[str | None, typer.Option(help="The lead officer's name.")] = None,
    lead_officer_title: Annotated[str | None, typer.Option(help="Their job title.")] = None,
    department: Annotated[str | None, typer.Option(help="The lead officer's department.")] = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            help="A partner as NAME:SECTOR (public, private, voluntary, community, individual, "
            "other); repeat for each."
        ),
    ] = None,
    budget: Annotated[str | None, typer.Option(help="Dedicated council budget, £ a year.")] = None,
    staff_fte: Annotated[
        str | None, typer.Option(help="Council staff, full-time equivalents.")
    ] = None,
    staff_cost: Annotated[
        str | None,
        typer.Option(
            help="Cost of that staff time, £ a year (left out: not known yet, and the "
            "partnership cannot be classified until it is written in)."
        ),
    ] = None,
    in_kind_value: Annotated[
        str | None, typer.Option(help="Value given in kind, £ a year (left out: not known yet).")
    ] = None,
    in_kind_description: Annotated[str | None, typer.Option(help="What is given in kind.")] = None,
    fundamental: Annotated[
        bool | None,
        typer.Option(
            "--fundamental/--not-fundamental",
            help="Fundamental to delivering a Corporate Plan objective (1.9).",
        ),
    ] = None,
    corporate_objective: Annotated[
        list[str] | None,
        typer.Option(help="A Corporate Plan objective it contributes to; repeat for each."),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(help="Start date, YYYY-MM-DD (or YYYY-MM, YYYY when that is all known)."),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(help="End date of a fixed term, YYYY-MM-DD (or YYYY-MM, YYYY)."),
    ] = None,
    indefinite: Annotated[
        bool | None,
        typer.Option("--indefinite/--fixed-term", help="Runs indefinitely, with no end date."),
    ] = None,
    public_facing: Annotated[
        bool | None,
        typer.Option(
            "--public-facing/--not-public-facing", help="Provides services to the public."
        ),
    ] = None,
    urgent: Annotated[
        bool | None,
        typer.Option("--urgent/--not-urgent", help="Needed within days to keep services running."),
    ] = None,
    urgency_justification: Annotated[
        str | None, typer.Option(help="Why an urgent arrangement could not wait for approval.")
    ] = None,
    council_field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="An answer to one of the council's own questions (record_fields in its "
            "policy) as NAME=yes or NAME=no, e.g. statutory_duty=yes; repeat for each.",
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: take every answer from the options.")
    ] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Add an arrangement: answer a few questions, get a commented record and a to-do list."""
    from partnerfw.edit.new_record import assign_id, create_record
    from partnerfw.edit.questions import collect, terminal_asker
    from partnerfw.errors import UserError

    when = _today(today)
    project = _settled_project(config)
    given = {
        "kind": kind,
        "shared_service_type": shared_service_type,
        "legal_form": legal_form,
        "company_form": company_form,
        "organisation": organisation,
        "appointed_by": appointed_by,
        "appointees": appointee,
        "lead_member": lead_member,
        "statutory": statutory,
        "statutory_act": statutory_act,
        "management_services": management_agreement,
        "payment": payment,
        "name": name,
        "lead_officer": lead_officer,
        "lead_officer_title": lead_officer_title,
        "department": department,
        "partners": partner,
        "dedicated_budget": budget,
        "staff_fte": staff_fte,
        "staff_cost": staff_cost,
        "in_kind_value": in_kind_value,
        "in_kind_description": in_kind_description,
        "fundamental": fundamental,
        "corporate_objectives": corporate_objective,
        "start": start,
        "end": end,
        "indefinite": indefinite,
        "public_facing": public_facing,
        "urgent": urgent,
        "urgency_justification": urgency_justification,
        "council_fields": council_field,
    }
    interactive = not no_input and sys.stdin.isatty()
    record_file: Path | None = None
    try:
        ask, ask_partners = terminal_asker() if interactive else (None, None)
        answers = collect(given, ask, ask_partners, project.policy.record_fields)
        assign_id(answers, project.register_dir, record_id)
        record_file = project.register_dir / f"{answers.id}.yaml"
        created = create_record(project, answers, when)
    except UserError as exc:
        _fail(str(exc))
    except (typer.Abort, KeyboardInterrupt):
        done = record_file is not None and record_file.exists()
        sys.stderr.write(
            "\npartnerfw: interrupted; "
            + (f"{record_file} was written\n" if done else "nothing was written\n")
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print(_created_text(created))


def _created_text(created: object) -> str:
    from partnerfw.edit.new_record import Created

    assert isinstance(created, Created)
    c = created.classification
    lines = [f"Wrote {created.shown}"]
    lines += [f"Wrote {p} (so that editors can check the record)" for p in created.schema_written]
    if created.codeowners:
        lines.append(created.codeowners)
    lines += [
        "",
        f"Classification: {c.label}: {c.reason} ({c.reference})",
        f"Approval route: {created.route}"
        + (f" ({created.route_reference})" if created.route_reference else ""),
        "",
    ]
    if created.findings:
        lines.append(
            f"To do ({len(created.findings)}; partnerfw check {created.shown} lists them again):"
        )
        for number, f in enumerate(created.findings, 1):
            lines.append(
                f"  {number:>2}. {f.severity.value:<7} {f.rule:<7} {f.message} ({f.reference})"
            )
    else:
        lines.append("Nothing is missing yet.")
    lines += [
        "",
        f"Open {created.shown} in your editor: the comments say what the framework "
        "asks for in each section.",
    ]
    return "\n".join(lines)


@app.command()
def fmt(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Record files or folders (default: the register).")
    ] = None,
    check_only: Annotated[
        bool,
        typer.Option(
            "--check", help="Change nothing; list the files that would change and exit 1."
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Tidy record files: keys in the record's order, one layout, every comment kept."""
    from partnerfw.edit.tidy import tidy_files
    from partnerfw.errors import UserError

    project = _project(config)
    try:
        result = tidy_files(_paths(project, paths), check=check_only)
    except UserError as exc:
        _fail(str(exc))
    for path, problem in result.problems:
        sys.stderr.write(f"partnerfw: {_relative(path)}:{problem.line}: {problem.message}\n")
    verb = "would tidy" if check_only else "tidied"
    for path in result.changed:
        _print(f"{verb} {_relative(path)}")
    total = len(result.changed) + len(result.unchanged) + len(result.problems)
    _print(
        f"{len(result.changed)} of {total} files {verb}"
        + (f", {len(result.problems)} could not be read" if result.problems else "")
    )
    if result.problems:
        raise typer.Exit(EXIT_CANNOT_RUN)
    raise typer.Exit(EXIT_FINDINGS if check_only and result.changed else EXIT_OK)


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


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


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
            "--as-of", metavar="DATE", help="Report as of this day, YYYY-MM-DD (default: today)."
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
    from partnerfw.record.writing import write_atomic
    from partnerfw.reports import FORMATS, REPORTS, Options, build_paper
    from partnerfw.reports.common import Scope
    from partnerfw.reports.render import render_csv, render_docx, render_html, render_md
    from partnerfw.rules.engine import run_check

    _choose(name, REPORTS, "report NAME")
    _choose(output, FORMATS, "--format")
    if output == "docx" and out is None:
        _fail(f"--format docx writes a Word file: give its name with --out, e.g. --out {name}.docx")
    if as_of is not None:
        try:
            when = dt.date.fromisoformat(as_of)
        except ValueError:
            _fail(f"--as-of '{as_of}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-31")
    else:
        when = dt.date.today()
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
            _write_binary(out, render_docx(paper))
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


def _write_binary(path: Path, data: bytes) -> None:
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


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


@app.command("approved-facts")
def approved_facts(
    ids: Annotated[
        list[str] | None, typer.Argument(metavar="[ID]...", help="The arrangements just approved.")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="Every arrangement that is approved or beyond and has an approval."
        ),
    ] = False,
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Record in each arrangement what its latest decision approved (kind, class, council
    resources, partners, end date), with who took it, its date and reference, so that check
    says when a later change goes beyond it (APR009). Run it in the decision's pull request.
    It refuses, writing nothing, when the decision is older than a change to the record."""
    from partnerfw.edit.record_approval import record_facts
    from partnerfw.errors import UserError

    when = _today(today)
    project = _settled_project(config)
    try:
        outcome = record_facts(project, list(ids or []), every, when)
    except UserError as exc:
        _fail(str(exc))
    for item in outcome.recorded:
        _print(f"{item.file}: {item.note}")
    for note in outcome.notes:
        sys.stderr.write(f"partnerfw: {note}\n")


@app.command()
def trail(
    record_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="The arrangement's id (default: every arrangement)."),
    ] = None,
    output: Annotated[
        str, typer.Option("--format", "-f", help="Output: text or json.", metavar="FORMAT")
    ] = "text",
    config: ConfigOption = None,
) -> None:
    """Show who proposed, changed and approved each arrangement, and in which pull request,
    from the register's git history."""
    from partnerfw.errors import UserError
    from partnerfw.render.trail import record_trails, render

    _choose(output, ("text", "json"), "--format")
    project = _project(config)
    try:
        trails = record_trails(project, record_id)
    except UserError as exc:
        _fail(str(exc))
    _print(render(trails, output))


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
    debug: DebugOption = False,
) -> None:
    """Build the register website and its open data (register.csv, register.json)."""
    from partnerfw.errors import UserError
    from partnerfw.publish.build import build_site

    when = _today(today)
    project = _project(config)
    try:
        report = build_site(project, _paths(project, None), out, when)
    except UserError as exc:
        _fail(str(exc))
    _print(report.message())
    raise typer.Exit(EXIT_FINDINGS if report.has_problems else EXIT_OK)


@app.command("import")
def import_register(
    file: Annotated[
        Path,
        typer.Argument(help="The spreadsheet to import: a .csv or .xlsx file.", dir_okay=False),
    ],
    write: Annotated[
        bool,
        typer.Option(
            "--write", help="Create the record files (default: only show what would be created)."
        ),
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            metavar="FILE",
            dir_okay=False,
            help="YAML file 'columns: {heading: field}' correcting the guessed columns.",
        ),
    ] = None,
    save_mapping: Annotated[
        Path | None,
        typer.Option(
            "--save-mapping",
            metavar="FILE",
            dir_okay=False,
            help="Write the column mapping in use to FILE, to correct and pass to --mapping.",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", metavar="NAME", help="The sheet of an .xlsx file (default: the first)."
        ),
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option(
            "--header-row",
            metavar="N",
            min=1,
            help="The row that holds the column headings (default: found among the first rows).",
        ),
    ] = None,
    allow_duplicates: Annotated[
        bool,
        typer.Option(
            "--allow-duplicates",
            help="With --write, also create rows that look like a record already in the register.",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Import a register kept in a spreadsheet, one record file per row; previews unless --write."""
    from partnerfw.errors import UserError
    from partnerfw.record.writing import write_atomic
    from partnerfw.spreadsheet import importer

    project = _project(config)
    try:
        overrides = importer.read_mapping(mapping) if mapping else None
        table = importer.read_table(file, sheet, header_row, frozenset(overrides or {}))
        for heading in overrides or {}:
            if heading not in table.headers:
                raise UserError(
                    f"{mapping}: the column '{heading}' is not in {table.source}; "
                    f"its columns are: {', '.join(table.headers)}"
                )
        columns = importer.match_columns(table.headers, overrides)
        plan = importer.plan_import(
            table, columns, project.register_dir, project.settings.register_folder
        )
        if save_mapping is not None:
            write_atomic(save_mapping, importer.mapping_text(table.source, columns))
        if write:
            importer.write_records(plan, project.register_dir, allow_duplicates)
    except UserError as exc:
        _fail(str(exc))
    _print(importer.render_report(plan))
    if save_mapping is not None:
        _print(f"The column mapping is in {save_mapping}.")
    raise typer.Exit(EXIT_FINDINGS if plan.has_problems else EXIT_OK)


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
    from partnerfw.errors import UserError
    from partnerfw.publish import export as exporter
    from partnerfw.record.loading import load
    from partnerfw.record.writing import write_atomic, write_atomic_bytes

    output = _export_format(output, out, exporter.FORMATS)
    project = _project(config)
    if out is not None and out.exists() and not force:
        _fail(f"--out {out} already exists; add --force to replace it")
    try:
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
    except UserError as exc:
        _fail(str(exc))
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
        sys.stderr.write(
            f"partnerfw: internal error: {exc!r}; rerun with --debug and report "
            "it at the project's issue tracker\n"
        )
        sys.exit(EXIT_CANNOT_RUN)


if __name__ == "__main__":  # pragma: no cover
    main()
