"""Whether the route was followed as the framework means it (2.11, 3.9, 3.10): the route the
council chose where the framework's paragraphs disagree, approval complete before the
arrangement was entered into, and the decision of the relevant Portfolio Holder."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.approval_route import completed_on, describe_route, route
from partnerfw.judge.names import normal
from partnerfw.judge.stages import APPROVED_ONWARDS
from partnerfw.record.models import Kind, Status
from partnerfw.rules.base import Context, Hit, blank, rule


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


_PORTFOLIOS = "the portfolios list the council keeps in partnerfw.yaml"


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
            local=_PORTFOLIOS,
        )
        return
    allowed = {normal(p) for p in people}
    for index, decision in enumerate(arrangement.approvals):
        if decision.role == "portfolio_holder" and normal(decision.name) not in allowed:
            yield Hit(
                f"the Portfolio Holder's decision is by '{decision.name}', but the relevant "
                f"Cabinet Portfolio Holder for {arrangement.portfolio} is {people[0]}: "
                "seek their decision, or correct the portfolio",
                ("approvals", index, "name"),
            )
