"""Statutory officers' opinions and the approval route (2.11, 3.9, 3.10, urgent route)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import replace

from partnerfw.findings import Severity
from partnerfw.policy.schema import ApprovalRoute
from partnerfw.record.models import Approval, Decision, Kind, Status
from partnerfw.record.partial_dates import on
from partnerfw.rules.base import (
    ALL_KINDS,
    APPROVED_ONWARDS,
    BEFORE_APPROVAL,
    RULES,
    Context,
    Hit,
    Rule,
    blank,
    plus_days,
    rule,
)

_ROUTED = ALL_KINDS - {Kind.COMPANY_OR_TRUST, Kind.OUTSIDE_BODY}
_ACCEPTS = {
    "approvers": {Decision.APPROVED},
    "discussed_at": {Decision.DISCUSSED, Decision.APPROVED},
    "signed_off_by": {Decision.SIGNED_OFF, Decision.APPROVED},
    "informed": {Decision.INFORMED, Decision.DISCUSSED, Decision.SIGNED_OFF, Decision.APPROVED},
}
_VERBS = {
    "approvers": "approval by",
    "discussed_at": "discussion at",
    "signed_off_by": "sign-off by",
    "informed": "informing",
}
STEPS = ("discussed_at", "signed_off_by", "approvers", "informed")
"""A route's steps in the order they are taken."""


def route(ctx: Context) -> ApprovalRoute | None:
    return ctx.policy.route_for(ctx.arrangement.kind, ctx.classification.klass)


def first_classify(ctx: Context) -> str:
    """For a partnership that cannot be classified yet: what to do before its route is known,
    and the two routes it could then take (no guess between them)."""
    c = ctx.classification
    asks = "; ".join(dict.fromkeys(m.ask for m in c.missing)) or "complete the record"
    options = []
    for klass in ("significant", "other"):
        found = ctx.policy.route_for(ctx.arrangement.kind, klass)
        if found is not None:
            options.append(f"if {klass}, {describe_route(ctx, found)} ({found.reference})")
    then = f"; then the route is known: {'; '.join(options)}" if options else ""
    return f"first {asks}{then}"


def missing_steps(ctx: Context, route_: ApprovalRoute) -> list[tuple[str, str]]:
    """(step, role) pairs of the route that no recorded decision meets."""
    missing = []
    for step in STEPS:
        for role in getattr(route_, step):
            if not any(
                a.role in role.split("|") and a.decision in _ACCEPTS[step]
                for a in ctx.arrangement.approvals
            ):
                missing.append((step, role))
    return missing


def completed_on(ctx: Context, route_: ApprovalRoute) -> dt.date | None:
    """The date the route's approvals were complete: the latest of each approver's first
    approval (None while an approval is missing, or when the route has no approver)."""
    dates = []
    for role in route_.approvers:
        first = min(
            (
                a.date
                for a in ctx.arrangement.approvals
                if a.role in role.split("|") and a.decision is Decision.APPROVED
            ),
            default=None,
        )
        if first is None:
            return None
        dates.append(first)
    return max(dates, default=None)


def describe_route(ctx: Context, route_: ApprovalRoute) -> str:
    parts = []
    for step in STEPS:
        roles = [f"the {ctx.policy.role_title(r)}" for r in getattr(route_, step)]
        if roles:
            listed = roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " and " + roles[-1]
            parts.append(f"{_VERBS[step]} {listed}")
    if parts:
        return ", then ".join(parts)
    if ctx.arrangement.kind is Kind.COMPANY_OR_TRUST:
        return (
            "none under this framework: a company or trust needs its own legal and financial "
            "arrangements, agreed with the Monitoring Officer and the Section 151 Officer"
        )
    if ctx.arrangement.kind is Kind.OUTSIDE_BODY:
        return (
            "none under this framework: appointments to outside bodies are made under the "
            "council's constitution (record the decision under outside_body.reference)"
        )
    return "no approval step on this route (the statutory officers still review the record)"


def _opinion(ctx: Context, which: str, title: str) -> Iterator[Hit]:
    route_ = route(ctx)
    if route_ is not None and not route_.opinions_required:
        return
    opinion = getattr(ctx.arrangement.opinions, which)
    if opinion is None and ctx.arrangement.status is Status.PROPOSED:
        yield Hit(
            f"seek and record the {title}'s opinion under opinions.{which} "
            "(name, date, opinion) before the arrangement is approved",
            ("opinions",),
        )
    elif opinion is None:
        yield Hit(
            f"the arrangement is {ctx.arrangement.status.value} but no {title}'s opinion "
            f"is recorded, though it must be sought before approval: record it under "
            f"opinions.{which} (name, date, opinion)",
            ("opinions",),
        )
    elif not opinion.endorsed and ctx.arrangement.status is not Status.PROPOSED:
        yield Hit(
            f"the {title} did not endorse this arrangement, yet it has gone ahead: record "
            "how their concerns were resolved",
            ("opinions", which),
        )


@rule(
    "APR001",
    "approvals",
    "Monitoring Officer's opinion recorded",
    Severity.ERROR,
    "Framework 2.11, 3.9",
    kinds=_ROUTED,
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
    kinds=_ROUTED,
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
    kinds=_ROUTED,
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
        needed = "; ".join(f"{_VERBS[s]} the {ctx.policy.role_title(r)}" for s, r in missing)
        yield Hit(
            f"the record is {ctx.arrangement.status.value} but lacks {needed} "
            f"(route: {describe_route(ctx, route_)}); add each decision under approvals",
            ("approvals",),
            route_.reference,
        )


def _route_since_changed(ctx: Context, then: ApprovalRoute) -> Iterator[Hit]:
    """A note when the approval followed the route of the edition in force then, and the
    edition in force today would route it differently: the approval stands."""
    from partnerfw.judge.classify import a_class, classify, decided

    now_policy = ctx.policy_today
    now_class = decided(ctx.arrangement, classify(ctx.arrangement, now_policy, ctx.today))
    now = now_policy.route_for(ctx.arrangement.kind, now_class.klass)
    if now is None or now.model_dump(exclude={"reference"}) == then.model_dump(
        exclude={"reference"}
    ):
        return
    today = replace(ctx, policy=now_policy, classification=now_class, decided_on=None)
    yield Hit(
        f"approved on {ctx.decided_on} as {a_class(ctx.classification.klass)} through the "
        f"route of the '{ctx.policy.edition}' edition then in force ({describe_route(ctx, then)}"
        f", {then.reference}): the approval stays valid. The '{now_policy.edition}' edition in "
        f"force now would class it as {a_class(now_class.klass)} ({describe_route(today, now)}"
        f", {now.reference}); a new approval would follow that route",
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
    kinds=_ROUTED,
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
        )


@rule(
    "APR005",
    "approvals",
    "Urgent arrangement approved within the deadline",
    Severity.ERROR,
    "Framework review minutes (urgent arrangements)",
    kinds=_ROUTED,
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
        )
    else:
        yield Hit(
            f"urgent arrangement: approval ({describe_route(ctx, route_)}) is due by {due} "
            f"({deadline})",
            ("urgency",),
            urgent.reference,
            Severity.INFO,
        )


@rule(
    "APR006",
    "approvals",
    "Decisions in order, each with a reference",
    Severity.WARNING,
    "Framework 2.11, 3.9",
    kinds=_ROUTED,
    stages=APPROVED_ONWARDS,
    judges_approval=True,
)
def decisions_in_order(ctx: Context) -> Iterator[Hit]:
    """Opinions come before approval, discussion (e.g. at Management Team) and sign-off before
    approval; decisions are listed in date order, none is dated after today, and each names
    where it is recorded: a pull request, committee minute or decision notice. (Starting before
    approval is APR011, an error.)"""
    arrangement = ctx.arrangement
    approvals = [a for a in arrangement.approvals if a.decision is Decision.APPROVED]
    for index, approval in enumerate(arrangement.approvals):
        if blank(approval.reference):
            yield Hit(
                f"the {approval.role} decision of {approval.date} has no reference: add "
                "the pull request, minute or decision notice",
                ("approvals", index),
            )
        if approval.date > ctx.today:
            yield Hit(
                f"the {approval.role} decision is dated {approval.date}, after today "
                f"({ctx.today}): correct the date",
                ("approvals", index, "date"),
            )
        if index and approval.date < arrangement.approvals[index - 1].date:
            yield Hit(
                f"the {approval.role} decision of {approval.date} is listed after one of "
                f"{arrangement.approvals[index - 1].date}: list decisions in date order",
                ("approvals", index, "date"),
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
            )


def _roles(step: list[str]) -> set[str]:
    return {role for entry in step for role in entry.split("|")}


@rule(
    "APR007",
    "approvals",
    "Approval names a role the policy knows",
    Severity.ERROR,
    "Framework 2.11, 3.10",
    kinds=_ROUTED,
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
    kinds=_ROUTED,
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


@rule(
    "APR009",
    "approvals",
    "Approval still covers the record",
    Severity.ERROR,
    "Framework 2.11, 3.10 (what was approved)",
    kinds=_ROUTED,
    stages=APPROVED_ONWARDS,
)
def approval_covers(ctx: Context) -> Iterator[Hit]:
    """Once ``partnerfw approved-facts`` has recorded what a decision approved
    (``approved_facts``: kind, class, council resources, partners, end date), a material change
    after it means the approval no longer covers the record: a change of kind, class, partners
    or end date, or council resources grown beyond the policy's ``approval_margin``. Seek a new
    decision through the route for its class, enter it under ``approvals``, then record the new
    facts: ``approved-facts`` refuses to record them for the old decision."""
    from partnerfw.judge.approved_facts import changes

    arrangement = ctx.arrangement
    approved = arrangement.approved_facts
    if approved is None:
        return
    when = f"the approval of {approved.approved}" + (
        f" ({approved.reference})" if approved.reference else ""
    )
    later = [
        a
        for a in arrangement.approvals
        if a.decision is Decision.APPROVED and a.date > approved.approved
    ]
    then = (
        f"; a later approval ({later[-1].date}) is recorded, so run 'partnerfw approved-facts "
        f"{arrangement.id}' to record what it approved"
        if later
        else f"; seek a new decision through the route for its class, enter it under "
        f"approvals, then run 'partnerfw approved-facts {arrangement.id}'"
    )
    classification = ctx.classification
    in_force_then = ctx.policy_on(approved.approved)
    if in_force_then is not ctx.policy:
        # Judged as the edition in force at that approval classed it: a later edition alone
        # does not make the approval stale.
        from partnerfw.judge.classify import classify, decided

        classification = decided(arrangement, classify(arrangement, in_force_then, ctx.today))
    margin, basis = ctx.policy.approval_margin, ctx.policy.basis("approval_margin")
    for change, path in changes(approved, arrangement, classification, margin, basis, ctx.today):
        yield Hit(f"{when} no longer covers this record: {change}{then}", path)


@rule(
    "APR010",
    "approvals",
    "Approved facts sealed to a decision on the record",
    Severity.ERROR,
    "Framework 2.11, 3.10 (what was approved)",
    kinds=_ROUTED,
    stages=APPROVED_ONWARDS,
)
def approved_facts_sealed(ctx: Context) -> Iterator[Hit]:
    """``approved_facts`` belong to one decision: ``partnerfw approved-facts`` writes who took
    it, its date and reference, and a fingerprint of the decision and the facts. Reported:
    facts with no fingerprint or no decision maker (written by hand or by an earlier
    partnerfw), facts edited after they were written (the fingerprint no longer matches), and
    facts whose decision is no longer under ``approvals``. What a decision approved is never
    rewritten: restore the facts from git, or seek a new decision and record it."""
    from partnerfw.judge.approved_facts import describe, fingerprint, listed_decision

    arrangement = ctx.arrangement
    facts = arrangement.approved_facts
    if facts is None:
        return
    said = describe(facts.approved, facts.reference)
    again = f"'partnerfw approved-facts {arrangement.id}'"
    if facts.fingerprint is None or not facts.decided_by:
        missing = "a fingerprint" if facts.decided_by else "who took the decision"
        yield Hit(
            f"the approved facts of {said} do not record {missing}, so they were not written "
            f"by {again} (or were written by an earlier version): run it to tie them to "
            "their decision",
            ("approved_facts",),
        )
    elif facts.fingerprint != fingerprint(facts):
        yield Hit(
            f"the approved facts of {said} were edited after they were recorded: their "
            "fingerprint is not that of the decision and facts they now state. What a "
            "decision approved cannot be rewritten: restore approved_facts from git, or, if "
            f"the arrangement changed, seek a new decision and run {again}",
            ("approved_facts", "fingerprint"),
        )
    if facts.decided_by and not listed_decision(facts, arrangement):
        makers = ", ".join(f"{m.name} ({m.role})" for m in facts.decided_by)
        yield Hit(
            f"the approved facts belong to {said} by {makers}, which is not under approvals: "
            "put the decision back as it was taken, or record the facts of the current "
            f"decision with {again}",
            ("approvals",),
        )


RULES["APR011"] = Rule(
    "APR011",
    "approvals",
    "Approved facts are those of the decision's commit",
    Severity.ERROR,
    "Framework 2.11, 3.10 (what was approved)",
    frozenset(_ROUTED),
    frozenset(APPROVED_ONWARDS),
    doc=(
        "In a git repository, check reads the record as it stood at the decision's commit "
        "(the earliest commit whose approvals carry the decision the approved facts belong "
        "to) and reports approved facts whose fingerprint is not that of the facts then: an "
        "approval widened afterwards without a new decision. Outside git it says, as a note, "
        "that it could not compare them; in a shallow clone that does not reach the "
        "decision's commit it warns (fetch the whole history: fetch-depth: 0)."
    ),
)


@rule(
    "APR012",
    "approvals",
    "Route the framework's paragraphs disagree on: the council's choice",
    Severity.INFO,
    "Framework 2.11.1, 2.11.2, Appendix 1",
    kinds=[Kind.PARTNERSHIP],
    stages=[Status.PROPOSED, Status.APPROVED],
)
def route_conflict(ctx: Context) -> Iterator[Hit]:
    """Framework 2.11.1 (a significant partnership: Management Team, then the Portfolio Holder
    with the Leader) and 2.11.2 (an other partnership: the Director, the Leader and the
    Portfolio Holder) disagree with Appendix 1 (the Chief Executive/Director and the Lead
    Member sign off, then Cabinet approves a significant partnership). The policy writes both
    under ``route_conflicts`` and follows one; until the council records the decision that
    confirms the choice (``confirmed``), a record about to be approved is told which route is
    checked and that it is a default still to be confirmed."""
    conflict = ctx.policy.conflict_for(ctx.arrangement.kind, ctx.classification.klass)
    if conflict is None or not blank(conflict.confirmed):
        return
    others = ", ".join(f"'{name}'" for name in conflict.options if name != conflict.follow)
    key = f"{ctx.arrangement.kind.value}.{ctx.classification.klass}"
    yield Hit(
        f"the framework disagrees with itself on this route: {' '.join(conflict.conflict.split())} "
        f"partnerfw checks the '{conflict.follow}' route ({describe_route(ctx, conflict.route)}), "
        f"a default the council has not confirmed (the other option: {others}); the Monitoring "
        f"Officer should confirm the choice, recorded in partnerfw.yaml under policy: "
        f"route_conflicts: {key}: confirmed",
        ("status",),
        conflict.route.reference,
    )


@rule(
    "APR013",
    "approvals",
    "Not entered into before approval",
    Severity.ERROR,
    "Framework 2.11, 3.9, 3.10",
    kinds=[Kind.PARTNERSHIP, Kind.SHARED_SERVICE],
    stages=APPROVED_ONWARDS,
)
def started_before_approval(ctx: Context) -> Iterator[Hit]:
    """The statutory officers' opinions 'must be sought' and approval 'must then be sought'
    before formally entering into a partnership (2.11) or a shared service (3.9, 3.10): an
    arrangement that started before its route's approvals were complete, or before the
    opinions were given, broke a 'must'. Only the urgent route (revised framework) lets an
    arrangement start first, and ad-hoc resilience needs no Member approval (3.10.2)."""
    arrangement = ctx.arrangement
    start = arrangement.dates.start
    route_ = route(ctx)
    if start is None or route_ is None or (arrangement.is_urgent and ctx.policy.urgent_route):
        return
    done = completed_on(ctx, route_)
    if done is not None and done > start.latest:
        yield Hit(
            f"it started on {start} but its approval ({describe_route(ctx, route_)}) was only "
            f"complete on {done}: the framework says approval must be sought before entering "
            "into it. Record how the Monitoring Officer was told and what was done, or, if the "
            "start date is wrong, correct dates.start",
            ("dates", "start"),
        )
    if route_.opinions_required:
        for which in ("monitoring_officer", "section_151_officer"):
            opinion = getattr(arrangement.opinions, which)
            if opinion is not None and opinion.date > start.latest:
                yield Hit(
                    f"the {which.replace('_', ' ')}'s opinion ({opinion.date}) is dated after "
                    f"the start on {start}: opinions must be sought before entering into it",
                    ("opinions", which),
                )


@rule(
    "APR014",
    "approvals",
    "Approved by the relevant Portfolio Holder",
    Severity.ERROR,
    "Framework 2.11.1, 2.11.2, 3.10.1",
    kinds=[Kind.PARTNERSHIP, Kind.SHARED_SERVICE],
    stages=[Status.PROPOSED, *APPROVED_ONWARDS],
)
def relevant_portfolio_holder(ctx: Context) -> Iterator[Hit]:
    """Where the route asks for the Cabinet Portfolio Holder, it is the *relevant* one: the
    holder of the portfolio the arrangement falls under (2.11.1, 2.11.2; for shared services
    the Leader 'in conjunction with the relevant Cabinet Portfolio holder(s)', 3.10.1). The
    record names its ``portfolio``; when partnerfw.yaml keeps the ``portfolios`` list (each
    portfolio with its holder, past holders after), the portfolio must be one of them and the
    Portfolio Holder's decision must be by its holder."""
    route_ = route(ctx)
    if route_ is None:
        return
    steps = [*route_.approvers, *route_.signed_off_by, *route_.informed]
    if not any("portfolio_holder" in entry.split("|") for entry in steps):
        return
    arrangement = ctx.arrangement
    if blank(arrangement.portfolio):
        yield Hit(
            "name the Cabinet portfolio it falls under (portfolio), so that the relevant "
            "Portfolio Holder can be asked and checked",
            ("portfolio",) if "portfolio" in ctx.record.document.data else (),
            severity=Severity.WARNING,
        )
        return
    kept = ctx.lists.portfolios
    if kept is None:
        return
    holders = {name.casefold(): people for name, people in kept}
    assert arrangement.portfolio is not None
    people = holders.get(" ".join(arrangement.portfolio.split()).casefold())
    if people is None:
        close = difflib.get_close_matches(arrangement.portfolio, [n for n, _ in kept], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        yield Hit(
            f"the portfolio '{arrangement.portfolio}' is not on the portfolios list in "
            f"partnerfw.yaml{hint}: correct it, or add it there with its holder",
            ("portfolio",),
        )
        return
    from partnerfw.rules.lst_master_lists import normal

    allowed = {normal(p) for p in people}
    for index, decision in enumerate(arrangement.approvals):
        if decision.role == "portfolio_holder" and normal(decision.name) not in allowed:
            yield Hit(
                f"the Portfolio Holder's decision is by '{decision.name}', but the relevant "
                f"Cabinet Portfolio Holder for {arrangement.portfolio} is {people[0]}: "
                "seek their decision, or correct the portfolio",
                ("approvals", index, "name"),
            )
