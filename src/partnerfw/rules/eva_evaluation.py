"""The evaluation before approval: Appendix 1 for partnerships, Appendix 2 for shared services."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.partners import is_local_authority
from partnerfw.judge.stages import BEFORE_APPROVAL, EVALUATED
from partnerfw.judge.timeline import shared_service_type
from partnerfw.record.models import CaseApprover, ItemStatus, Kind, SharedServiceType, Status
from partnerfw.rules.base import Context, Hit, blank, rule

_SHARED = [Kind.SHARED_SERVICE]


def _evaluated(ctx: Context) -> bool:
    requirements = ctx.policy.requirements.get(ctx.arrangement.kind)
    return requirements is not None and requirements.evaluation


def _contribution(ctx: Context, required: bool, field: str, what: str) -> Iterator[Hit]:
    """The revised framework's contributions (equalities aims, climate change), when the
    policy asks for them."""
    if required and _evaluated(ctx) and blank(getattr(ctx.arrangement.evaluation, field)):
        yield Hit(f"show how it {what} under evaluation.{field}", ("evaluation",))


@rule(
    "EVA001",
    "evaluation",
    "Evaluation by senior officers with the statutory officers",
    Severity.ERROR,
    "Framework 2.4",
    kinds=[Kind.PARTNERSHIP],
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def evaluated_by_senior_officers(ctx: Context) -> Iterator[Hit]:
    """Senior officers of the department carry out the evaluation in consultation with the
    Deputy Monitoring Officer and the Section 151 Officer."""
    if not _evaluated(ctx):
        return
    evaluation = ctx.arrangement.evaluation
    missing = []
    if not evaluation.senior_officers:
        missing.append("the senior officers who evaluated it (evaluation.senior_officers)")
    if not evaluation.deputy_monitoring_officer_consulted:
        missing.append("that the Deputy Monitoring Officer was consulted")
    if not evaluation.section_151_officer_consulted:
        missing.append("that the Section 151 Officer was consulted")
    if missing:
        yield Hit("record " + "; ".join(missing), ("evaluation",))


@rule(
    "EVA002",
    "evaluation",
    "Director involved when Members sit on the board",
    Severity.ERROR,
    "Framework 2.5",
    kinds=[Kind.PARTNERSHIP],
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def director_for_member_boards(ctx: Context) -> Iterator[Hit]:
    """When councillors will sit on the partnership board, the relevant Director is involved."""
    arrangement = ctx.arrangement
    on_board = any(m.on_board for m in arrangement.members)
    if on_board and not arrangement.evaluation.director_involved:
        yield Hit(
            "councillors sit on the board, so the relevant Director must be involved in the "
            "evaluation: set evaluation.director_involved once they are",
            ("members",),
        )


@rule(
    "EVA003",
    "evaluation",
    "Benefits, costs, risks and equalities issues listed",
    Severity.ERROR,
    "Framework 2.8",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def benefits_costs_risks(ctx: Context) -> Iterator[Hit]:
    """The evaluation lists the likely benefits, costs, risks and potential equalities issues."""
    if not _evaluated(ctx):
        return
    evaluation = ctx.arrangement.evaluation
    empty = [
        name
        for name in ("benefits", "costs", "risks", "equalities_issues")
        if not getattr(evaluation, name)
    ]
    if empty:
        yield Hit(
            "list the likely "
            + ", ".join(e.replace("_", " ") for e in empty)
            + " under evaluation (write 'none identified' where there are none)",
            ("evaluation",),
        )


@rule(
    "EVA004",
    "evaluation",
    "Risk assessment completed",
    Severity.ERROR,
    "Framework 2.9, Appendix 1",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def risk_assessment(ctx: Context) -> Iterator[Hit]:
    """A risk assessment must be completed before the arrangement goes for formal approval."""
    if not _evaluated(ctx):
        return
    assessment = ctx.arrangement.evaluation.risk_assessment
    if assessment is None or not assessment.done:
        when = (
            "before it goes for approval"
            if ctx.arrangement.status is Status.PROPOSED
            else "(it should have been done before approval)"
        )
        yield Hit(
            f"complete the risk assessment {when} and record it under "
            "evaluation.risk_assessment (done, date, evidence)",
            ("evaluation",),
        )


@rule(
    "EVA005",
    "evaluation",
    "Equalities analysis of the protected characteristics",
    Severity.ERROR,
    "Appendix 1 (Equalities Analysis), Appendix 2 5.1",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def equalities_analysis(ctx: Context) -> Iterator[Hit]:
    """The evaluation reviews any negative impact on the protected characteristics."""
    if not _evaluated(ctx):
        return
    analysis = ctx.arrangement.evaluation.equalities_analysis
    if analysis is None or not analysis.done:
        yield Hit(
            "carry out the equalities analysis of the protected characteristics and record "
            "it under evaluation.equalities_analysis",
            ("evaluation",),
        )


@rule(
    "EVA006",
    "evaluation",
    "GDPR considered, DPIA completed if needed",
    Severity.ERROR,
    "Appendix 1 (GDPR), Appendix 2 6.1",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def gdpr(ctx: Context) -> Iterator[Hit]:
    """GDPR is considered; where a Data Protection Impact Assessment is needed it is done."""
    if not _evaluated(ctx):
        return
    gdpr = ctx.arrangement.evaluation.gdpr
    if gdpr is None or not gdpr.considered:
        yield Hit(
            "consider GDPR and record it under evaluation.gdpr (considered, issues, dpia_required)",
            ("evaluation",),
        )
    elif gdpr.dpia_required and gdpr.dpia_completed is None:
        yield Hit(
            "a Data Protection Impact Assessment is required but not completed: record its "
            "date under evaluation.gdpr.dpia_completed",
            ("evaluation", "gdpr"),
        )


@rule(
    "EVA007",
    "evaluation",
    "Contribution to the Equalities Aims and Objectives",
    Severity.ERROR,
    "Framework review minutes (Equalities Aims and Objectives)",
    kinds=EVALUATED,
    stages=frozenset({Status.PROPOSED, Status.APPROVED}),
    before_approval=True,
)
def equalities_aims(ctx: Context) -> Iterator[Hit]:
    """New arrangements show how they contribute to the council's Equalities Aims and
    Objectives (revised framework; switched off in the earlier edition)."""
    yield from _contribution(
        ctx,
        ctx.policy.require_equalities_aims,
        "equalities_aims_contribution",
        "contributes to the council's Equalities Aims and Objectives",
    )


@rule(
    "EVA008",
    "evaluation",
    "Contribution to the Climate Change commitment",
    Severity.ERROR,
    "Framework review minutes (Climate Change commitment)",
    kinds=EVALUATED,
    stages=frozenset({Status.PROPOSED, Status.APPROVED}),
    before_approval=True,
)
def climate_change(ctx: Context) -> Iterator[Hit]:
    """New arrangements show how they may support the borough in mitigating climate change
    (revised framework; switched off in the earlier edition)."""
    yield from _contribution(
        ctx,
        ctx.policy.require_climate_change,
        "climate_change_contribution",
        "supports the council's Climate Change commitment",
    )


@rule(
    "EVA009",
    "evaluation",
    "'Do nothing' consequences considered",
    Severity.WARNING,
    "Appendix 1 (Benefits analysis), Appendix 2 7.1",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def do_nothing(ctx: Context) -> Iterator[Hit]:
    """The consequences of not entering are described (Appendix 1: 'What are the consequences
    of not establishing the partnership?'; Appendix 2 7.1: the 'do nothing' risks). Whether
    the 'do nothing' risks must also consider customers and residents is a matter the
    framework review left open: asked only when the council turns
    ``do_nothing_customers_and_residents`` on, and then marked as the council's choice."""
    if not _evaluated(ctx):
        return
    do_nothing = ctx.arrangement.evaluation.do_nothing
    if do_nothing is None or blank(do_nothing.consequences):
        yield Hit(
            "describe the consequences of not going ahead under evaluation.do_nothing.consequences",
            ("evaluation",),
        )
    elif ctx.policy.do_nothing_customers_and_residents and blank(
        do_nothing.customers_and_residents
    ):
        yield Hit(
            "say what 'do nothing' would mean for customers and residents under "
            "evaluation.do_nothing.customers_and_residents (the council asks it; the framework "
            "review left it open)",
            ("evaluation", "do_nothing"),
            local=ctx.turned_on("do_nothing_customers_and_residents"),
        )


@rule(
    "EVA010",
    "evaluation",
    "Insurance checked with the Finance Team",
    Severity.WARNING,
    "Appendix 1 (Risk analysis)",
    kinds=[Kind.PARTNERSHIP],
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def insurance(ctx: Context) -> Iterator[Hit]:
    """The council's and the partners' insurance is checked as adequate for the partnership."""
    if _evaluated(ctx) and not ctx.arrangement.evaluation.insurance_checked:
        yield Hit(
            "check with the Finance Team that insurance is adequate and set "
            "evaluation.insurance_checked",
            ("evaluation",),
        )


@rule(
    "SSV001",
    "evaluation",
    "Business case for a full shared service or joint management",
    Severity.ERROR,
    "Framework 3.7",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def business_case(ctx: Context) -> Iterator[Hit]:
    """A business case (Appendix 2) is required for full shared service and joint management
    arrangements; joint officer and ad-hoc arrangements do not need one (3.8)."""
    shared = ctx.arrangement.shared_service
    assert shared is not None
    needs_case = (SharedServiceType.FULL_SHARED_SERVICE, SharedServiceType.JOINT_MANAGEMENT)
    kind_of = shared_service_type(ctx.arrangement, ctx.today)
    if kind_of not in needs_case:
        return
    case = shared.business_case
    accepted = {ItemStatus.IN_PLACE, ItemStatus.DRAFTED}
    if ctx.arrangement.status is not Status.PROPOSED:
        accepted = {ItemStatus.IN_PLACE}
    if case is None or case.status not in accepted:
        yield Hit(
            f"a {kind_of.value.replace('_', ' ')} needs a business case (Appendix 2): "
            "record it under shared_service.business_case with where it is held",
            ("shared_service",),
        )


@rule(
    "SSV002",
    "evaluation",
    "Key factors for a shared service",
    Severity.WARNING,
    "Framework 3.12-3.13",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def key_factors(ctx: Context) -> Iterator[Hit]:
    """Savings or resilience, officer consultation with HR informed, facilities, and staff
    communication are considered when setting up a shared service."""
    shared = ctx.arrangement.shared_service
    assert shared is not None
    missing = []
    if blank(shared.savings_or_income) and blank(shared.resilience):
        missing.append("the savings or resilience it brings (3.12.1)")
    if not shared.hr_informed:
        missing.append("that Personnel/HR were informed (3.12.2)")
    if blank(shared.facilities):
        missing.append("facilities: location, travel, equipment (3.12.3)")
    if blank(shared.staff_communication):
        missing.append("how affected staff are kept informed (3.13)")
    if missing:
        yield Hit("record " + "; ".join(missing), ("shared_service",))


@rule(
    "SSV003",
    "evaluation",
    "Funded fairly: cost split and budgets agreed",
    Severity.ERROR,
    "Framework 3.4 (Funded fairly)",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def funded_fairly(ctx: Context) -> Iterator[Hit]:
    """The split of costs is agreed early and budgets are agreed with their review mechanism."""
    shared = ctx.arrangement.shared_service
    assert shared is not None
    if shared_service_type(ctx.arrangement, ctx.today) is SharedServiceType.AD_HOC_RESILIENCE:
        return
    if blank(shared.cost_split):
        yield Hit(
            "record the agreed split of costs under shared_service.cost_split", ("shared_service",)
        )
    if not shared.budgets_agreed:
        yield Hit(
            "agree the budgets and their review mechanism, then set shared_service.budgets_agreed",
            ("shared_service",),
        )


def _authority(name: str) -> str:
    return " ".join(name.split()).casefold()


@rule(
    "SSV004",
    "evaluation",
    "Business case approved by both councils' statutory officers",
    Severity.ERROR,
    "Appendix 2 (Business Case History 1.2)",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def business_case_approvals(ctx: Context) -> Iterator[Hit]:
    """The business case's approvals 'will always' include the Monitoring Officers and Section
    151 Officers at both sites (Appendix 2, Business Case History 1.2): this council's and each
    partner authority's, recorded under ``shared_service.business_case_approvals`` with the
    authority, role, name and date. Checked wherever a business case is required (3.7) or has
    been written."""
    shared = ctx.arrangement.shared_service
    assert shared is not None
    needs_case = (SharedServiceType.FULL_SHARED_SERVICE, SharedServiceType.JOINT_MANAGEMENT)
    case = shared.business_case
    written = case is not None and case.status in (ItemStatus.IN_PLACE, ItemStatus.DRAFTED)
    if shared.type not in needs_case and not written:
        return
    partners = {
        _authority(p.name): p.name
        for p in ctx.arrangement.partners
        if is_local_authority(p) is not False
    }
    given = {
        (_authority(a.authority) if _authority(a.authority) in partners else "", a.role)
        for a in shared.business_case_approvals
    }
    missing = []
    for key, shown in [("", "this council"), *partners.items()]:
        whose = "this council's" if not key else f"{shown}'s"
        for role, title in (
            (CaseApprover.MONITORING_OFFICER, "Monitoring Officer"),
            (CaseApprover.SECTION_151_OFFICER, "Section 151 Officer"),
        ):
            if (key, role) not in given:
                missing.append(f"{whose} {title}")
    if missing:
        yield Hit(
            "the business case's approvals always include the Monitoring Officers and Section "
            "151 Officers of both councils: record the approval of "
            + ", ".join(missing)
            + " under shared_service.business_case_approvals (authority, role, name, date)",
            ("shared_service",),
        )


@rule(
    "SSV005",
    "evaluation",
    "Initial discussion with the Director (Corporate Services)",
    Severity.WARNING,
    "Framework 3.6",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def initial_discussion(ctx: Context) -> Iterator[Hit]:
    """Where an opportunity for shared working is identified, an initial discussion should take
    place with the Director (Corporate Services), before discussions with the other
    authorities (3.6); it is recorded under ``shared_service.initial_discussion`` (officer,
    date) and comes before any decision on the arrangement."""
    shared = ctx.arrangement.shared_service
    assert shared is not None
    discussion = shared.initial_discussion
    if discussion is None:
        yield Hit(
            "record the initial discussion with the Director (Corporate Services) under "
            "shared_service.initial_discussion (officer, date, note)",
            ("shared_service",),
        )
        return
    decided = [a.date for a in ctx.arrangement.approvals]
    if decided and discussion.date > min(decided):
        yield Hit(
            f"the initial discussion with the Director (Corporate Services) is dated "
            f"{discussion.date}, after the first decision on the arrangement ({min(decided)}): "
            "it should come first; correct the date",
            ("shared_service", "initial_discussion", "date"),
        )
