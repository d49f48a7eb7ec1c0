"""Statutory officers' opinions and the approval route: each step taken, in order, by a role the
policy knows, and the urgent route's deadline (2.11, 3.9, 3.10, the review minutes)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import replace

from partnerfw.findings import Severity
from partnerfw.judge.approval_route import (
    ROUTED,
    VERBS,
    describe_route,
    first_classify,
    missing_steps,
    route,
)
from partnerfw.judge.classify import classify, decided
from partnerfw.judge.dates import plus_days
from partnerfw.judge.stages import APPROVED_ONWARDS, BEFORE_APPROVAL
from partnerfw.policy.schema import ApprovalRoute
from partnerfw.record.models import Approval, Decision, Kind, Status
from partnerfw.record.partial_dates import on
from partnerfw.rules.base import Context, Hit, blank, rule


def route_chosen(ctx: Context) -> str | None:
    """What the council chose, when the route the arrangement follows is the council's own
    (an informal network's, a commissioning arrangement's: the framework sets none), so the
    findings about it rest on that choice; None when the framework sets the route (where its
    paragraphs disagree, the option followed is one of them)."""
    kind, klass = ctx.arrangement.kind.value, ctx.classification.klass
    routes = ctx.policy.approval_routes
    key = f"{kind}.{klass}" if f"{kind}.{klass}" in routes else kind
    if key not in routes:
        return None
    source = ctx.policy.source_of(f"approval_routes.{key}")
    if source is not None and source.local is None:
        return None
    return f"the council's route for {key.replace('_', ' ')} (approval_routes.{key})"


def _opinion(ctx: Context, which: str, title: str) -> Iterator[Hit]:
    route_ = route(ctx)
    if route_ is not None and not route_.opinions_required:
        return
    local = route_chosen(ctx) if route_ is not None else None
    opinion = getattr(ctx.arrangement.opinions, which)
    if opinion is None and ctx.arrangement.status is Status.PROPOSED:
        yield Hit(
            f"seek and record the {title}'s opinion under opinions.{which} "
            "(name, date, opinion) before the arrangement is approved",
            ("opinions",),
            local=local,
        )
    elif opinion is None:
        yield Hit(
            f"the arrangement is {ctx.arrangement.status.value} but no {title}'s opinion "
            f"is recorded, though it must be sought before approval: record it under "
            f"opinions.{which} (name, date, opinion)",
            ("opinions",),
            local=local,
        )
    elif not opinion.endorsed and ctx.arrangement.status is not Status.PROPOSED:
        yield Hit(
            f"the {title} did not endorse this arrangement, yet it has gone ahead: record "
            "how their concerns were resolved",
            ("opinions", which),
            local=local,
        )


@rule(
    "APR001",
    "approvals",
    "Monitoring Officer's opinion recorded",
    Severity.ERROR,
    "Framework 2.11, 3.9",
    kinds=ROUTED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def monitoring_officer_opinion(ctx: Context) -> Iterator[Hit]:
    """The Monitoring Officer's (or Deputy's) opinion is sought and recorded before entering."""
    yield from _opinion(ctx, "monitoring_officer", "Monitoring Officer")


@rule(
    "APR002",
    "approvals",
    "Section 151 Officer's opinion recorded",
    Severity.ERROR,
    "Framework 2.11, 3.9",
    kinds=ROUTED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def section_151_opinion(ctx: Context) -> Iterator[Hit]:
    """The Section 151 Officer's opinion is sought and recorded before entering."""
    yield from _opinion(ctx, "section_151_officer", "Section 151 Officer")


@rule(
    "APR003",
    "approvals",
    "Approved through the route its class requires",
    Severity.ERROR,
    "Framework 2.11.1, 2.11.2, 3.10",
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
    judges_approval=True,
)
def approval_route(ctx: Context) -> Iterator[Hit]:
    """A record that is approved or beyond carries every decision its route requires: for a
    significant partnership, discussion at Management Team and approval by the Portfolio Holder
    with the Leader; for an other partnership, the Director, Leader and Portfolio Holder; for a
    shared service, the Leader with the Portfolio Holder; for ad-hoc resilience, the Leader and
    Portfolio Holder informed. Urgent arrangements are handled by APR005."""
    route_ = route(ctx)
    if route_ is None and ctx.classification.undetermined:
        yield Hit(
            f"the record is {ctx.arrangement.status.value} but its approvals cannot be checked "
            "against a route, because the partnership cannot be classified: " + first_classify(ctx),
            ("approvals",),
        )
        return
    if route_ is None or (ctx.arrangement.is_urgent and ctx.policy.urgent_route):
        return
    missing = missing_steps(ctx, route_)
    if not missing and ctx.decided_on is not None:
        yield from _route_since_changed(ctx, route_)
    if missing:
        needed = "; ".join(f"{VERBS[s]} the {ctx.policy.role_title(r)}" for s, r in missing)
        yield Hit(
            f"the record is {ctx.arrangement.status.value} but lacks {needed} "
            f"(route: {describe_route(ctx, route_)}); add each decision under approvals",
            ("approvals",),
            route_.reference,
            local=route_chosen(ctx),
        )


def _route_since_changed(ctx: Context, then: ApprovalRoute) -> Iterator[Hit]:
    """A note when the approval followed the route of the edition in force then, and the
    edition in force today would route it differently: the approval stands."""
    now_policy = ctx.policy_today
    now_class = decided(ctx.arrangement, classify(ctx.arrangement, now_policy, ctx.today))
    now = now_policy.route_for(ctx.arrangement.kind, now_class.klass)
    if now is None or now.model_dump(exclude={"reference"}) == then.model_dump(
        exclude={"reference"}
    ):
        return
    today = replace(ctx, policy=now_policy, classification=now_class, decided_on=None)
    adopted = ctx.schedule.adopted
    then_words = "then in force" if adopted(ctx.policy) else "that applied then"
    now_words = "in force now" if adopted(now_policy) else "that applies now"
    then_class = ctx.classification.a_class(ctx.classification.klass)
    yield Hit(
        f"approved on {ctx.decided_on} as {then_class} through the route of the "
        f"'{ctx.policy.edition}' edition {then_words} ({describe_route(ctx, then)}, "
        f"{then.reference}): the approval stays valid. The '{now_policy.edition}' edition "
        f"{now_words} would class it as {now_class.a_class(now_class.klass)} "
        f"({describe_route(today, now)}, {now.reference}); a new approval would follow that "
        "route",
        ("approvals",),
        then.reference,
        Severity.INFO,
    )


@rule(
    "APR004",
    "approvals",
    "Approval route to follow",
    Severity.INFO,
    "Framework 2.11, 3.10",
    kinds=ROUTED,
    stages=[Status.PROPOSED],
)
def route_to_follow(ctx: Context) -> Iterator[Hit]:
    """Tells a proposed record which route it must follow and which steps remain; for a
    partnership that cannot be classified yet, what must be stated before the route is known."""
    route_ = route(ctx)
    if route_ is None and ctx.classification.undetermined:
        yield Hit(
            "approval route not known yet, because the partnership cannot be classified: "
            + first_classify(ctx),
            ("status",),
        )
        return
    if route_ is None:
        return
    missing = missing_steps(ctx, route_)
    if missing:
        yield Hit(
            f"approval route ({ctx.classification.label}): {describe_route(ctx, route_)}",
            ("status",),
            route_.reference,
            local=route_chosen(ctx),
        )


@rule(
    "APR005",
    "approvals",
    "Urgent arrangement approved within the deadline",
    Severity.ERROR,
    "Framework review minutes (urgent arrangements)",
    kinds=ROUTED,
    stages=[Status.PROPOSED, *APPROVED_ONWARDS],
    judges_approval=True,
)
def urgent_deadline(ctx: Context) -> Iterator[Hit]:
    """An urgent arrangement may start before approval, with its justification recorded, but
    approval must follow within the period the policy sets. Under an edition with no urgent
    route, an arrangement may not start before it is approved."""
    arrangement = ctx.arrangement
    if not arrangement.is_urgent:
        return
    urgent = ctx.policy.urgent_route
    if urgent is None:
        yield Hit(
            "this edition of the framework has no urgent route: the arrangement needs the "
            "normal approval before it starts",
            ("urgency",),
        )
        return
    if blank(arrangement.urgency.justification):
        yield Hit(
            "record why the arrangement was needed within days under urgency.justification "
            "(the minutes: an urgent need is one that must be in place within a matter of days "
            "to keep services running; the criteria for it are still to be set out)",
            ("urgency",),
            urgent.reference,
        )
    route_ = route(ctx)
    start = arrangement.dates.start
    if route_ is None or start is None or not missing_steps(ctx, route_):
        return
    due = plus_days(start.latest, urgent.approval_within_days)
    basis = ctx.policy.basis("urgent_route.approval_within_days")
    deadline = f"{urgent.approval_within_days} days" + (f", {basis}" if basis else "")
    if ctx.today > due:
        yield Hit(
            f"urgent arrangement started {on(start)} and approval was due by {due} "
            f"({deadline}): seek {describe_route(ctx, route_)} now",
            ("urgency",),
            urgent.reference,
            local=ctx.chosen("urgent_route.approval_within_days"),
        )
    else:
        yield Hit(
            f"urgent arrangement: approval ({describe_route(ctx, route_)}) is due by {due} "
            f"({deadline})",
            ("urgency",),
            urgent.reference,
            Severity.INFO,
            local=ctx.chosen("urgent_route.approval_within_days"),
        )


_DECISIONS_KEPT = "the council's record of decisions (each referenced, dated, in date order)"


@rule(
    "APR006",
    "approvals",
    "Decisions in order, each with a reference",
    Severity.WARNING,
    "Framework 2.11, 2.11.1, 3.9",
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
    judges_approval=True,
)
def decisions_in_order(ctx: Context) -> Iterator[Hit]:
    """Opinions come before approval (2.11: sought, and approval 'then' sought; 3.9 for shared
    services), and discussion (at Management Team 'prior to' approval, 2.11.1) and sign-off
    before approval. How the decisions are kept is the council's own choice, and those
    findings are marked local: listed in date order, none dated after today, each naming
    where it is recorded (a pull request, committee minute or decision notice). (Entering into
    the arrangement before approval is APR013, an error.)"""
    arrangement = ctx.arrangement
    approvals = [a for a in arrangement.approvals if a.decision is Decision.APPROVED]
    for index, approval in enumerate(arrangement.approvals):
        if blank(approval.reference):
            yield Hit(
                f"the {approval.role} decision of {approval.date} has no reference: add "
                "the pull request, minute or decision notice",
                ("approvals", index),
                local=_DECISIONS_KEPT,
            )
        if approval.date > ctx.today:
            yield Hit(
                f"the {approval.role} decision is dated {approval.date}, after today "
                f"({ctx.today}): correct the date",
                ("approvals", index, "date"),
                local=_DECISIONS_KEPT,
            )
        if index and approval.date < arrangement.approvals[index - 1].date:
            yield Hit(
                f"the {approval.role} decision of {approval.date} is listed after one of "
                f"{arrangement.approvals[index - 1].date}: list decisions in date order",
                ("approvals", index, "date"),
                local=_DECISIONS_KEPT,
            )
    first = min((a.date for a in approvals), default=None)
    if first is None:
        return
    yield from _discussed_first(ctx, first)
    for which in ("monitoring_officer", "section_151_officer"):
        opinion = getattr(arrangement.opinions, which)
        if opinion is not None and opinion.date > first:
            yield Hit(
                f"the {which.replace('_', ' ')} opinion ({opinion.date}) is dated after the "
                f"first approval ({first}); opinions must be sought before approval",
                ("opinions", which),
                "Framework 3.9"
                if ctx.arrangement.kind is Kind.SHARED_SERVICE
                else "Framework 2.11",
            )


def _discussed_first(ctx: Context, first: dt.date) -> Iterator[Hit]:
    route_ = route(ctx)
    if route_ is None:
        return
    earlier = {
        Decision.DISCUSSED: ("the discussion at", _roles(route_.discussed_at)),
        Decision.SIGNED_OFF: ("the sign-off by", _roles(route_.signed_off_by)),
    }
    for index, decision in enumerate(ctx.arrangement.approvals):
        what, roles = earlier.get(decision.decision, ("", set()))
        if decision.role in roles and decision.date > first:
            yield Hit(
                f"{what} the {ctx.policy.role_title(decision.role)} "
                f"({decision.date}) is dated after the first approval ({first}); it must "
                "come before approval",
                ("approvals", index, "date"),
                route_.reference,
                local=route_chosen(ctx),
            )


def _roles(step: list[str]) -> set[str]:
    return {role for entry in step for role in entry.split("|")}


@rule(
    "APR007",
    "approvals",
    "Approval names a role the policy knows",
    Severity.ERROR,
    "Framework 2.11, 3.10",
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
)
def known_roles(ctx: Context) -> Iterator[Hit]:
    """Each decision's role is one of the roles in the policy, so routes can be checked."""
    for index, approval in enumerate(ctx.arrangement.approvals):
        yield from _unknown_role(ctx, index, approval)


def _unknown_role(ctx: Context, index: int, approval: Approval) -> Iterator[Hit]:
    if approval.role in ctx.policy.roles:
        return
    close = difflib.get_close_matches(approval.role, list(ctx.policy.roles), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "roles: " + ", ".join(ctx.policy.roles)
    yield Hit(
        f"'{approval.role}' is not a role in the policy; {hint}", ("approvals", index, "role")
    )


@rule(
    "APR008",
    "approvals",
    "Rejected arrangement not going ahead",
    Severity.ERROR,
    "Framework 2.11, 3.10",
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
)
def rejected(ctx: Context) -> Iterator[Hit]:
    """A decision that rejected the arrangement must not be followed by it going ahead without
    a later approval by the same role."""
    approvals = ctx.arrangement.approvals
    for index, approval in enumerate(approvals):
        if approval.decision is Decision.REJECTED and not any(
            later.role == approval.role
            and later.decision is Decision.APPROVED
            and later.date >= approval.date
            for later in approvals
        ):
            yield Hit(
                f"the {approval.role} rejected it on {approval.date} but its status is "
                f"{ctx.arrangement.status.value}",
                ("approvals", index),
            )
