"""Writing and reading records: ``new``, ``fmt``, ``approved-facts`` and ``trail``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnerfw.cli.app import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOption,
    TodayOption,
    _choose,
    _fail,
    _paths,
    _print,
    _project,
    _relative,
    _settled_project,
    _today,
    app,
)

if TYPE_CHECKING:
    pass


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
