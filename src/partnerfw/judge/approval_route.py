"""The approval route an arrangement must follow (2.11, 3.10), and how far along it is.

The policy gives each kind and class a route: discussion (e.g. at Management Team), sign-off,
approval and the roles informed. Here: which route applies, which of its steps no recorded
decision meets yet, when its approvals were complete, and the route in words. The approval
rules, ``new``, ``approved-facts`` and the papers all describe a route the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from partnerfw.judge.classify import Classification
from partnerfw.policy.schema import ApprovalRoute, Policy
from partnerfw.record.models import Arrangement, Decision, Kind

ROUTED = frozenset(Kind) - {Kind.COMPANY_OR_TRUST, Kind.OUTSIDE_BODY}
"""The kinds the framework gives an approval route (a company or trust, and an appointment to
an outside body, are decided outside it)."""
_ACCEPTS = {
    "approvers": {Decision.APPROVED},
    "discussed_at": {Decision.DISCUSSED, Decision.APPROVED},
    "signed_off_by": {Decision.SIGNED_OFF, Decision.APPROVED},
    "informed": {Decision.INFORMED, Decision.DISCUSSED, Decision.SIGNED_OFF, Decision.APPROVED},
}
"""The decisions that meet each step of a route."""
VERBS = {
    "approvers": "approval by",
    "discussed_at": "discussion at",
    "signed_off_by": "sign-off by",
    "informed": "informing",
}
"""Each step in words: 'approval by' the Leader."""
STEPS = ("discussed_at", "signed_off_by", "approvers", "informed")
"""A route's steps in the order they are taken."""


class Case(Protocol):
    """An arrangement as a route is judged: the arrangement, its class and the policy (a
    rule's context is one)."""

    @property
    def arrangement(self) -> Arrangement: ...

    @property
    def classification(self) -> Classification: ...

    @property
    def policy(self) -> Policy: ...


def route(case: Case) -> ApprovalRoute | None:
    """The route for the arrangement's kind and class (None: no route, or not classified)."""
    return case.policy.route_for(case.arrangement.kind, case.classification.klass)


def first_classify(case: Case) -> str:
    """For a partnership that cannot be classified yet: what to do before its route is known,
    and the routes it could then take, one for each class (no guess between them)."""
    c = case.classification
    asks = "; ".join(dict.fromkeys(m.ask for m in c.missing)) or "complete the record"
    options = []
    for klass in case.policy.scheme.names:
        found = case.policy.route_for(case.arrangement.kind, klass)
        if found is not None:
            options.append(f"if {klass}, {describe_route(case, found)} ({found.reference})")
    then = f"; then the route is known: {'; '.join(options)}" if options else ""
    return f"first {asks}{then}"


def missing_steps(case: Case, route_: ApprovalRoute) -> list[tuple[str, str]]:
    """(step, role) pairs of the route that no recorded decision meets."""
    missing = []
    for step in STEPS:
        for role in getattr(route_, step):
            if not any(
                a.role in role.split("|") and a.decision in _ACCEPTS[step]
                for a in case.arrangement.approvals
            ):
                missing.append((step, role))
    return missing


def completed_on(case: Case, route_: ApprovalRoute) -> dt.date | None:
    """The date the route's approvals were complete: the latest of each approver's first
    approval (None while an approval is missing, or when the route has no approver)."""
    dates = []
    for role in route_.approvers:
        first = min(
            (
                a.date
                for a in case.arrangement.approvals
                if a.role in role.split("|") and a.decision is Decision.APPROVED
            ),
            default=None,
        )
        if first is None:
            return None
        dates.append(first)
    return max(dates, default=None)


def describe_route(case: Case, route_: ApprovalRoute) -> str:
    """The route in words: 'discussion at the Management Team, then approval by the Portfolio
    Holder and the Leader'."""
    parts = []
    for step in STEPS:
        roles = [f"the {case.policy.role_title(r)}" for r in getattr(route_, step)]
        if roles:
            listed = roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " and " + roles[-1]
            parts.append(f"{VERBS[step]} {listed}")
    if parts:
        return ", then ".join(parts)
    if case.arrangement.kind is Kind.COMPANY_OR_TRUST:
        return (
            "none under this framework: a company or trust needs its own legal and financial "
            "arrangements, agreed with the Monitoring Officer and the Section 151 Officer"
        )
    if case.arrangement.kind is Kind.OUTSIDE_BODY:
        return (
            "none under this framework: appointments to outside bodies are made under the "
            "council's constitution (record the decision under outside_body.reference)"
        )
    return "no approval step on this route (the statutory officers still review the record)"
