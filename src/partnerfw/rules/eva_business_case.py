"""The Shared Services business case's contents (Appendix 2), where a record can show them: the
options considered and the one recommended, the constraints and dependencies, the existing
working arrangements, and the revision history. Checked wherever a business case is required
(a full shared service or joint management, 3.7) or has been written; using the template is
'recommended' (3.7), so a missing part is a warning (the revision history a note).
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.stages import BEFORE_APPROVAL
from partnerfw.judge.timeline import shared_service_type
from partnerfw.record.models import ItemStatus, Kind, SharedService, SharedServiceType
from partnerfw.rules.base import Context, Hit, blank, rule

_SHARED = [Kind.SHARED_SERVICE]
_NEEDS_CASE = (SharedServiceType.FULL_SHARED_SERVICE, SharedServiceType.JOINT_MANAGEMENT)


def _case(ctx: Context) -> SharedService | None:
    """The shared service's details when it has, or needs, a business case."""
    shared = ctx.arrangement.shared_service
    if shared is None:
        return None
    case = shared.business_case
    written = case is not None and case.status in (ItemStatus.IN_PLACE, ItemStatus.DRAFTED)
    needed = shared_service_type(ctx.arrangement, ctx.today) in _NEEDS_CASE
    return shared if needed or written else None


@rule(
    "SSV006",
    "evaluation",
    "Business case: options considered and the one recommended",
    Severity.WARNING,
    "Appendix 2 9.1-9.2, 10.1",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def options(ctx: Context) -> Iterator[Hit]:
    """The business case sets out the high-level options (Appendix 2 10.1: each with its
    benefits, disadvantages, risks and costs), evaluates them and recommends one (9.1-9.2):
    the record lists the options under ``shared_service.options_considered`` and names the
    recommended one under ``shared_service.recommended_option``."""
    shared = _case(ctx)
    if shared is None:
        return
    missing = []
    if not shared.options_considered:
        missing.append("the options it considered (shared_service.options_considered)")
    if blank(shared.recommended_option):
        missing.append("the option recommended and why (shared_service.recommended_option)")
    if missing:
        yield Hit("record from the business case " + " and ".join(missing), ("shared_service",))


@rule(
    "SSV007",
    "evaluation",
    "Business case: constraints and dependencies",
    Severity.WARNING,
    "Appendix 2 3.1-3.2",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def constraints(ctx: Context) -> Iterator[Hit]:
    """The business case says what constrains the project (organisational, resource and time
    constraints, Appendix 2 3.1) and what it depends on (3.2), recorded under
    ``shared_service.constraints`` and ``shared_service.dependencies``."""
    shared = _case(ctx)
    if shared is None:
        return
    missing = [
        what
        for what, value in (
            (
                "the constraints to the project: organisational, resource and time "
                "(shared_service.constraints)",
                shared.constraints,
            ),
            ("its dependencies (shared_service.dependencies)", shared.dependencies),
        )
        if blank(value)
    ]
    if missing:
        yield Hit("record from the business case " + " and ".join(missing), ("shared_service",))


@rule(
    "SSV008",
    "evaluation",
    "Business case: existing working arrangements",
    Severity.WARNING,
    "Appendix 2 1.3, 8.1-8.3",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def existing_arrangements(ctx: Context) -> Iterator[Hit]:
    """The business case describes each authority's existing arrangements: whether services
    are in-house, shared or outsourced (Appendix 2 1.3), the departmental structures, salary
    costs, staff numbers, scope of service, performance and IT systems (8.1-8.3), summarised
    or pointed to under ``shared_service.existing_arrangements``."""
    shared = _case(ctx)
    if shared is not None and blank(shared.existing_arrangements):
        yield Hit(
            "record each authority's existing working arrangements from the business case "
            "(structures, staff, costs, scope, performance, IT systems), or where it sets them "
            "out, under shared_service.existing_arrangements",
            ("shared_service",),
        )


@rule(
    "SSV009",
    "evaluation",
    "Business case: revision history",
    Severity.INFO,
    "Appendix 2 (Business Case History 1.1)",
    kinds=_SHARED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def revision_history(ctx: Context) -> Iterator[Hit]:
    """The business case keeps a revision history (Appendix 2, Business Case History 1.1):
    each revision's date and summary of changes under
    ``shared_service.business_case_revisions``, so the approvals (1.2) can be matched to
    the version they approved."""
    shared = _case(ctx)
    if shared is not None and not shared.business_case_revisions:
        yield Hit(
            "record the business case's revision history (date, summary of changes) under "
            "shared_service.business_case_revisions",
            ("shared_service",),
        )
