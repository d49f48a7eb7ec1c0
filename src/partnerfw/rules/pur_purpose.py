"""Classification and purpose: what the arrangement is and why the council is in it."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.approval_route import describe_route
from partnerfw.judge.stages import BEFORE_APPROVAL, EVALUATED
from partnerfw.record.models import ItemStatus, Kind, Status
from partnerfw.rules.base import Context, Hit, blank, rule

_LIVE = frozenset(Status) - {Status.ENDED}


@rule(
    "CLS001",
    "classification",
    "Company or trust outside the framework",
    Severity.WARNING,
    "Framework 1.10",
    kinds=[Kind.COMPANY_OR_TRUST],
    stages=_LIVE,
)
def company_outside_framework(ctx: Context) -> Iterator[Hit]:
    """A company or charitable trust the partners create is not covered by the framework: it
    needs its own legal and financial arrangements, recorded under
    ``governance.separate_legal_arrangements``. One that runs council services under a
    management agreement is a contract instead (``management_agreement``, CLS008)."""
    if ctx.arrangement.management_agreement is not None:
        return
    item = ctx.arrangement.governance.separate_legal_arrangements
    if item is None or item.status is not ItemStatus.IN_PLACE:
        yield Hit(
            "a company or charitable trust is outside this framework: record the separate legal "
            "and financial arrangements (with Legal and the Section 151 Officer) under "
            "governance.separate_legal_arrangements; if instead it runs council services "
            "under a management agreement, that is a contract: record it under "
            "management_agreement",
            ("governance",),
        )


@rule(
    "CLS002",
    "classification",
    "Partnership near the significance threshold",
    Severity.INFO,
    "Framework 1.9",
    kinds=[Kind.PARTNERSHIP],
    stages=_LIVE,
)
def near_threshold(ctx: Context) -> Iterator[Hit]:
    """A partnership whose council resources are close to a money threshold of the test of
    the class above it (an 'other' partnership near the significance threshold): a small
    increase would move it up, onto that class's approval route. A test with no money figure
    never gives this note."""
    c = ctx.classification
    if c.near_threshold and c.near_class:
        route = ctx.policy.route_for(ctx.arrangement.kind, c.near_class)
        needs = f" and needs {describe_route(ctx, route)}" if route is not None else ""
        yield Hit(
            f"{c.near_text}: if resources rise it becomes {c.a_class(c.near_class)}{needs} (an "
            f"early warning within {ctx.policy.significance.near_threshold_margin:.0%} of it: "
            f"{ctx.policy.basis('significance.near_threshold_margin') or 'the framework'})",
            ("council_resources",),
        )


@rule(
    "PUR001",
    "purpose",
    "Partnership condition of 2.2 stated",
    Severity.ERROR,
    "Framework 2.2",
    kinds=[Kind.PARTNERSHIP],
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def partnership_condition(ctx: Context) -> Iterator[Hit]:
    """At least one of the conditions of 2.2(a-c) must be met and said: a clear purpose for
    statutory duties or policy objectives, a purpose not achievable alone, or resilience,
    efficiency, savings or income."""
    purpose = ctx.arrangement.purpose
    if not purpose.conditions:
        yield Hit(
            "state which condition of 2.2(a-c) the partnership meets under purpose.conditions "
            "(statutory_duty_or_policy_objective, cannot_achieve_alone, "
            "resilience_efficiency_savings)",
            ("purpose",),
        )
    if blank(purpose.aims):
        yield Hit("state the partnership's aims under purpose.aims", ("purpose",))


@rule(
    "PUR002",
    "purpose",
    "Safeguarding considered",
    Severity.ERROR,
    "Framework 2.3, 3.3",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def safeguarding(ctx: Context) -> Iterator[Hit]:
    """Whether and how the arrangement helps the council safeguard and promote the welfare of
    children and vulnerable adults must be considered (2.3 partnerships, 3.3 shared services)."""
    if blank(ctx.arrangement.purpose.safeguarding):
        yield Hit(
            "say how the arrangement affects the council's duty to safeguard children and "
            "vulnerable adults under purpose.safeguarding ('no impact, because ...' is an answer)",
            ("purpose",),
        )


@rule(
    "PUR003",
    "purpose",
    "Shared service condition of 3.2 stated",
    Severity.ERROR,
    "Framework 3.2",
    kinds=[Kind.SHARED_SERVICE],
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def shared_service_condition(ctx: Context) -> Iterator[Hit]:
    """A shared service must provide a saving or income with a good service (3.2a), or
    resilience and efficiency (3.2b)."""
    if not ctx.arrangement.purpose.shared_service_conditions:
        yield Hit(
            "state which condition of 3.2 the shared service meets under "
            "purpose.shared_service_conditions (saving_or_income, resilience_and_efficiency)",
            ("purpose",),
        )
