"""Writing and reading records: ``new``, ``fmt``, ``approved-facts`` and ``trail``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from partnerfw.cli.app import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOption,
    TodayOption,
    _choose,
    _paths,
    _print,
    _project,
    _relative,
    _settled_project,
    _today,
    app,
)
from partnerfw.words import plural


def _answer(help: str, *names: str) -> Any:
    """An option of ``new`` that answers one of its questions; ``names`` when the option is not
    called after the answer."""
    return typer.Option(*names, help=help)


_Text = str | None
_Each = list[str] | None
_Flag = bool | None
_KindOption = Annotated[
    _Text,
    _answer(
        "partnership, shared_service, informal_network, commissioning, company_or_trust or "
        "outside_body."
    ),
]
_SharedServiceTypeOption = Annotated[
    _Text,
    _answer(
        "For a shared service: full_shared_service, joint_management, joint_officer or "
        "ad_hoc_resilience."
    ),
]
_LegalFormOption = Annotated[_Text, _answer("For a company or trust.")]
_CompanyFormOption = Annotated[
    _Text,
    _answer(
        "For a company or trust: e.g. community_interest_company, "
        "company_limited_by_guarantee, charitable_trust."
    ),
]
_OrganisationOption = Annotated[
    _Text, _answer("For an outside body: the organisation appointed to.")
]
_AppointedByOption = Annotated[_Text, _answer("For an outside body: who made the appointments.")]
_AppointeeOption = Annotated[
    _Each, _answer("For an outside body: a councillor appointed; repeat for each.", "--appointee")
]
_LeadMemberOption = Annotated[_Text, _answer("The Lead Member (councillor), Appendix 1.")]
_PortfolioOption = Annotated[_Text, _answer("The Cabinet portfolio it falls under.")]
_StatutoryOption = Annotated[
    _Flag, _answer("Required by law (Appendix 1).", "--statutory/--not-statutory")
]
_StatutoryActOption = Annotated[
    _Text, _answer("The Act and section, e.g. 'Crime and Disorder Act 1998 s5'.")
]
_ManagementAgreementOption = Annotated[
    _Text,
    _answer(
        "For a company or trust: the council services it runs under a management "
        "agreement (then it is a contract).",
        "--management-agreement",
    ),
]
_PaymentOption = Annotated[
    _Text, _answer("For commissioning: the_council_is_paid (1.14) or the_council_pays.")
]
_NameOption = Annotated[_Text, _answer("Name as the public would know it.")]
_IdOption = Annotated[
    _Text, _answer("The record's id and file name (default: made from the name).", "--id")
]
_LeadOfficerOption = Annotated[_Text, _answer("The lead officer's name.")]
_LeadOfficerTitleOption = Annotated[_Text, _answer("Their job title.")]
_DepartmentOption = Annotated[_Text, _answer("The lead officer's department.")]
_PartnerOption = Annotated[
    _Each,
    _answer(
        "A partner as NAME:SECTOR (public, private, voluntary, community, individual, "
        "other); repeat for each.",
        "--partner",
    ),
]
_BudgetOption = Annotated[_Text, _answer("Dedicated council budget, £ a year.", "--budget")]
_StaffFteOption = Annotated[_Text, _answer("Council staff, full-time equivalents.")]
_StaffCostOption = Annotated[
    _Text,
    _answer(
        "Cost of that staff time, £ a year (left out: not known yet, and the "
        "partnership cannot be classified until it is written in)."
    ),
]
_InKindValueOption = Annotated[
    _Text, _answer("Value given in kind, £ a year (left out: not known yet).")
]
_InKindDescriptionOption = Annotated[_Text, _answer("What is given in kind.")]
_FundamentalOption = Annotated[
    _Flag,
    _answer(
        "Fundamental to delivering a Corporate Plan objective (1.9).",
        "--fundamental/--not-fundamental",
    ),
]
_CorporateObjectiveOption = Annotated[
    _Each,
    _answer(
        "A Corporate Plan objective it contributes to; repeat for each.", "--corporate-objective"
    ),
]
_StartOption = Annotated[
    _Text, _answer("Start date, YYYY-MM-DD (or YYYY-MM, YYYY when that is all known).")
]
_EndOption = Annotated[_Text, _answer("End date of a fixed term, YYYY-MM-DD (or YYYY-MM, YYYY).")]
_IndefiniteOption = Annotated[
    _Flag, _answer("Runs indefinitely, with no end date.", "--indefinite/--fixed-term")
]
_PublicFacingOption = Annotated[
    _Flag, _answer("Provides services to the public.", "--public-facing/--not-public-facing")
]
_UrgentOption = Annotated[
    _Flag, _answer("Needed within days to keep services running.", "--urgent/--not-urgent")
]
_UrgencyJustificationOption = Annotated[
    _Text, _answer("Why an urgent arrangement could not wait for approval.")
]
_FieldOption = Annotated[
    _Each,
    _answer(
        "An answer to one of the council's own questions (record_fields in its "
        "policy) as NAME=yes or NAME=no, e.g. statutory_duty=yes; repeat for each.",
        "--field",
    ),
]
_NoInputOption = Annotated[
    bool, typer.Option("--no-input", help="Never ask: take every answer from the options.")
]


@app.command()
def new(
    kind: _KindOption = None,
    shared_service_type: _SharedServiceTypeOption = None,
    legal_form: _LegalFormOption = None,
    company_form: _CompanyFormOption = None,
    organisation: _OrganisationOption = None,
    appointed_by: _AppointedByOption = None,
    appointees: _AppointeeOption = None,
    portfolio: _PortfolioOption = None,
    lead_member: _LeadMemberOption = None,
    statutory: _StatutoryOption = None,
    statutory_act: _StatutoryActOption = None,
    management_services: _ManagementAgreementOption = None,
    payment: _PaymentOption = None,
    name: _NameOption = None,
    record_id: _IdOption = None,
    lead_officer: _LeadOfficerOption = None,
    lead_officer_title: _LeadOfficerTitleOption = None,
    department: _DepartmentOption = None,
    partners: _PartnerOption = None,
    dedicated_budget: _BudgetOption = None,
    staff_fte: _StaffFteOption = None,
    staff_cost: _StaffCostOption = None,
    in_kind_value: _InKindValueOption = None,
    in_kind_description: _InKindDescriptionOption = None,
    fundamental: _FundamentalOption = None,
    corporate_objectives: _CorporateObjectiveOption = None,
    start: _StartOption = None,
    end: _EndOption = None,
    indefinite: _IndefiniteOption = None,
    public_facing: _PublicFacingOption = None,
    urgent: _UrgentOption = None,
    urgency_justification: _UrgencyJustificationOption = None,
    council_fields: _FieldOption = None,
    no_input: _NoInputOption = False,
    today: TodayOption = None,
    config: ConfigOption = None,
) -> None:
    """Add an arrangement: answer a few questions, get a commented record and a to-do list."""
    given = dict(locals())  # each option by the answer it gives (the parameters' names)
    # Loaded here, not at the top, for start-up speed (the models, templates and rules).
    from partnerfw.edit.answers import Interrupted
    from partnerfw.edit.new_steps import add_arrangement

    when = _today(today)
    project = _settled_project(config)
    try:
        lines = add_arrangement(project, given, record_id, no_input, when)
    except Interrupted as exc:
        sys.stderr.write(f"\npartnerfw: interrupted; {exc}\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _print("\n".join(lines))


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
    restore_from: Annotated[
        str | None,
        typer.Option(
            "--restore-from",
            metavar="REV",
            help="For records saved by the browser editor: put back the comments and layout "
            "each file had at git revision REV (where the editor's branch began), keeping the "
            "values saved.",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Tidy record files: keys in the record's order, one layout, every comment kept, emptied
    fields removed, and the line that points editors at the schema."""
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.edit.restore_layout import earlier_versions
    from partnerfw.edit.schemas import SCHEMA_FOLDER
    from partnerfw.edit.tidy import tidy_files

    project = _project(config)
    earlier = earlier_versions(project.root, restore_from) if restore_from else None
    result = tidy_files(
        _paths(project, paths),
        check=check_only,
        earlier=earlier,
        schema_folder=project.root / SCHEMA_FOLDER,
    )
    for path, problem in result.problems:
        sys.stderr.write(f"partnerfw: {_relative(path)}:{problem.line}: {problem.message}\n")
    for path, note in result.notes:
        sys.stderr.write(f"partnerfw: {_relative(path)}: {note}\n")
    verb = "would tidy" if check_only else "tidied"
    for path in result.changed:
        _print(f"{verb} {_relative(path)}")
    total = len(result.changed) + len(result.unchanged) + len(result.problems) + len(result.notes)
    _print(
        f"{len(result.changed)} of {plural(total, 'file')} {verb}"
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
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.edit.record_approval import record_facts

    when = _today(today)
    project = _settled_project(config)
    outcome = record_facts(project, list(ids or []), every, when)
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
    # Loaded here, not at the top, for start-up speed.
    from partnerfw.render.trail import record_trails, render

    _choose(output, ("text", "json"), "--format")
    project = _project(config)
    unreadable: list[str] = []
    trails = record_trails(project, record_id, unreadable)
    _print(render(trails, output), wrap=output == "text")
    if unreadable:
        sys.stderr.write(
            f"partnerfw: warning: no trail for {plural(len(unreadable), 'file')} that could not "
            "be read as records; run 'partnerfw check' to see why: " + ", ".join(unreadable) + "\n"
        )
        raise typer.Exit(EXIT_FINDINGS)
