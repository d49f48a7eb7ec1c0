"""The effect of another policy edition on the register: what moves between significant and
other (or between a council's own classes, even when the two policies class partnerships
differently: significant and other now, major, moderate and limited under the draft), what that
changes in approvals and reporting, and what else the edition changes for every arrangement."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from partnerfw.judge.approval_route import missing_steps
from partnerfw.judge.classify import UNDETERMINED, Classification, a_class
from partnerfw.policy.schema import DEFAULT_CLASSES, ApprovalRoute, ClassDefinition, Policy
from partnerfw.policy.scorecard import describe_scorecard
from partnerfw.policy.significance_tests import describe
from partnerfw.record.models import Status
from partnerfw.record.money import money
from partnerfw.reports.common import ReportData, date_text, status_label
from partnerfw.reports.paper import Paper
from partnerfw.reports.sections import (
    Column,
    Front,
    appendix,
    committee_paper,
    plain,
    recommendations,
    section,
    table,
)
from partnerfw.rules.base import Context
from partnerfw.rules.engine import CheckedRecord
from partnerfw.words import plural

_STEPS = (
    ("discussed_at", "discussion at"),
    ("signed_off_by", "sign-off by"),
    ("approvers", "approval by"),
    ("informed", "informing"),
)
SAME_REPORTING = "It stays on the register and is reported the same way (Framework review minutes)."


@dataclass(frozen=True)
class Move:
    id: str
    name: str
    status: str
    resources: Decimal
    now: str
    then: str
    now_klass: str
    then_klass: str
    now_reason: str
    then_reason: str
    route_now: str
    route_then: str
    still_needed: list[str]
    """Approval steps the other policy's route asks for that the record does not show (only
    for arrangements already approved or running)."""


@dataclass(frozen=True)
class PolicyDifference:
    what: str
    now: str
    then: str


@dataclass(frozen=True)
class ReclassificationReport:
    as_of: dt.date
    now_title: str
    other_title: str
    other_label: str
    moves: list[Move]
    counts: list[tuple[str, int, int]]
    """(class, how many now, how many under the other policy)."""
    differences: list[PolicyDifference]
    now_classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES
    """The classes of partnership now, highest first, with their labels."""
    other_classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES
    """The classes of partnership under the other policy."""


def route_text(policy: Policy, route: ApprovalRoute | None, klass: str = "") -> str:
    if route is None and klass == UNDETERMINED:
        return (
            "not known until the partnership can be classified (partnerfw check says what to state)"
        )
    if route is None:
        return "no route"
    parts = []
    for step, verb in _STEPS:
        roles = [policy.role_title(r) for r in getattr(route, step)]
        if roles:
            parts.append(f"{verb} {', '.join(roles)}")
    return ("; then ".join(parts) or "no approval step") + f" ({route.reference})"


def compute(
    data: ReportData, other: Policy, other_label: str, other_classes: dict[str, Classification]
) -> ReclassificationReport:
    moves = []
    counts: dict[str, list[int]] = {}
    for r in data.records:
        a = r.record.arrangement
        if a.status is Status.ENDED:
            continue
        then = other_classes[r.id]
        counts.setdefault(r.classification.label, [0, 0])[0] += 1
        counts.setdefault(then.label, [0, 0])[1] += 1
        if then.klass == r.classification.klass:
            continue
        moves.append(
            Move(
                a.id,
                a.name,
                status_label(a.status),
                r.classification.council_resources,
                r.classification.label,
                then.label,
                r.classification.klass,
                then.klass,
                r.classification.reason,
                then.reason,
                route_text(
                    data.policy,
                    data.policy.route_for(a.kind, r.classification.klass),
                    r.classification.klass,
                ),
                route_text(other, other.route_for(a.kind, then.klass), then.klass),
                _still_needed(r, then, other, data.as_of),
            )
        )
    return ReclassificationReport(
        data.as_of,
        data.policy.title,
        other.title,
        other_label,
        moves,
        [(label, n[0], n[1]) for label, n in sorted(counts.items())],
        differences(data.policy, other),
        data.policy.class_labels,
        other.class_labels,
    )


def _still_needed(
    r: CheckedRecord, then: Classification, other: Policy, as_of: dt.date
) -> list[str]:
    if r.record.arrangement.status is Status.PROPOSED:
        return []
    route = other.route_for(r.record.arrangement.kind, then.klass)
    if route is None:
        return []
    ctx = Context(r.record, then, other, as_of)
    verbs = dict(_STEPS)
    return [
        f"{verbs[step]} the {other.role_title(role)}" for step, role in missing_steps(ctx, route)
    ]


def differences(now: Policy, then: Policy) -> list[PolicyDifference]:
    """What else the other edition changes, for every arrangement."""
    found = []

    def compare(what: str, a: object, b: object) -> None:
        if a != b:
            found.append(PolicyDifference(what, _text(a), _text(b)))

    compare("Significance threshold", now.threshold, then.threshold)
    compare("Classes of partnership", _labels(now), _labels(then))
    for name, what in _tested_classes(now, then):
        compare(what, _test_text(now, name), _test_text(then, name))
    compare("Scorecard", _scorecard_text(now), _scorecard_text(then))
    for name in dict.fromkeys((*now.scheme.names, *then.scheme.names)):
        mine, theirs = now.scheme.get(name), then.scheme.get(name)
        if mine is not None and theirs is not None and mine.review_cycle != theirs.review_cycle:
            compare(f"Review cycle of the {mine.label.lower()}", _cycle(mine), _cycle(theirs))
    for name, field in type(now.intervals).model_fields.items():
        compare(
            field.description or name, getattr(now.intervals, name), getattr(then.intervals, name)
        )
    compare(
        "Shared service review from year",
        now.shared_service_review.from_year if now.shared_service_review else None,
        then.shared_service_review.from_year if then.shared_service_review else None,
    )
    compare(
        "Urgent route: approval within (days)",
        now.urgent_route.approval_within_days if now.urgent_route else None,
        then.urgent_route.approval_within_days if then.urgent_route else None,
    )
    compare(
        "Contribution to the Equalities Aims shown",
        now.require_equalities_aims,
        then.require_equalities_aims,
    )
    compare(
        "Contribution to climate change shown",
        now.require_climate_change,
        then.require_climate_change,
    )
    compare(
        "'Do nothing' risks for customers and residents",
        now.do_nothing_customers_and_residents,
        then.do_nothing_customers_and_residents,
    )
    for key in sorted(set(now.routes) | set(then.routes)):
        a, b = now.routes.get(key), then.routes.get(key)
        if (a.model_dump(exclude={"reference"}) if a else None) != (
            b.model_dump(exclude={"reference"}) if b else None
        ):
            found.append(
                PolicyDifference(f"Approval route: {key}", route_text(now, a), route_text(then, b))
            )
    return found


def _labels(policy: Policy) -> str:
    return ", ".join(label for _, label in policy.class_labels)


def _tested_classes(now: Policy, then: Policy) -> list[tuple[str, str]]:
    """The classes with a test in either policy, each with its row's name: 'Significance
    test' for the framework's significant class, 'Test for a major partnership' otherwise."""
    rows: list[tuple[str, str]] = []
    for policy in (now, then):
        for definition in policy.scheme.classes:
            if definition.test is None or any(name == definition.name for name, _ in rows):
                continue
            what = (
                "Significance test"
                if definition.name == "significant"
                else f"Test for {a_class(definition.name, policy.class_labels)}"
            )
            rows.append((definition.name, what))
    return rows


def _test_text(policy: Policy, name: str) -> str | None:
    definition = policy.scheme.get(name)
    if definition is None or definition.test is None:
        return None
    return describe(definition.test)


def _scorecard_text(policy: Policy) -> str | None:
    return None if policy.scorecard is None else describe_scorecard(policy.scorecard)


def _cycle(definition: ClassDefinition) -> str:
    return ", ".join(f"{k} {v}" for k, v in definition.review_cycle.items()) or "the policy's"


def _text(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "required" if value else "not required"
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


_MOVE_COLUMNS: tuple[Column[Move], ...] = (
    Column("Arrangement", lambda m: m.name),
    Column("Status", lambda m: m.status),
    Column("Council resources", lambda m: money(m.resources), numeric=True),
    Column("Class now", lambda m: m.now),
    Column("Class under the other policy", lambda m: m.then),
    Column("Approval route now", lambda m: m.route_now),
    Column("Approval route under the other policy", lambda m: m.route_then),
    Column("Approvals the record would lack", lambda m: "; ".join(m.still_needed) or "none"),
)
_COUNT_COLUMNS: tuple[Column[tuple[str, int, int]], ...] = (
    Column("Class", lambda count: count[0]),
    Column("Now", lambda count: str(count[1]), numeric=True),
    Column("Under the other policy", lambda count: str(count[2]), numeric=True),
)
_DIFFERENCE_COLUMNS: tuple[Column[PolicyDifference], ...] = (
    Column("What", lambda d: d.what),
    Column("Now", lambda d: d.now),
    Column("Under the other policy", lambda d: d.then),
)
_DATA_COLUMNS: tuple[Column[Move], ...] = (
    Column("Id", lambda m: m.id),
    Column("Arrangement", lambda m: m.name),
    Column("Status", lambda m: m.status),
    Column("Council resources", lambda m: plain(m.resources)),
    Column("Class now", lambda m: m.now),
    Column("Class then", lambda m: m.then),
    Column("Reason now", lambda m: m.now_reason),
    Column("Reason then", lambda m: m.then_reason),
    Column("Route now", lambda m: m.route_now),
    Column("Route then", lambda m: m.route_then),
    Column("Approvals lacking", lambda m: "; ".join(m.still_needed)),
)
_FRONT = Front("reclassification", "Effect of a policy change on the register", "Cabinet Committee")


def _summary(report: ReclassificationReport) -> list[str]:
    first = (
        f"Under {report.other_title} ('{report.other_label}') instead of {report.now_title}, "
        f"{plural(len(report.moves), 'arrangement')} would change class: "
    )
    now, other = _names(report.now_classes), _names(report.other_classes)
    if now == other == _names(DEFAULT_CLASSES):
        to_other = [m for m in report.moves if m.now_klass == "significant"]
        to_significant = [m for m in report.moves if m.then_klass == "significant"]
        first += (
            f"{len(to_other)} from significant to other and {len(to_significant)} from other to "
            "significant."
        )
    else:
        pairs = Counter((m.now.lower(), m.then.lower()) for m in report.moves)
        first += (
            "; ".join(f"{n} from {a} to {b}" for (a, b), n in sorted(pairs.items())) or "none"
        ) + "."
    lines = [first]
    if now != other:
        lines.append(
            "The two policies class partnerships differently: "
            f"{', '.join(label for _, label in report.now_classes)} now; "
            f"{', '.join(label for _, label in report.other_classes)} under the other policy. "
            "Each partnership's class, route and the approvals it would lack are shown under "
            "both."
        )
    lines.append(
        "Partnerships that move stay on the register and are reported the same way; what "
        "changes is the approval route for new decisions."
    )
    return lines


def _names(classes: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(name for name, _ in classes)


def paper(report: ReclassificationReport, data: ReportData) -> Paper:
    reasons = [
        f"{m.name}: now {m.now_reason}; under the other policy {m.then_reason}."
        for m in report.moves
    ]
    return committee_paper(
        _FRONT,
        data,
        _summary(report),
        recommendations(
            "That the Committee notes the effect of the policy change on the register before "
            "deciding whether to adopt it.",
            author_adds=True,
        ),
        [
            section(
                "Arrangements that change class",
                table("Arrangements that change class", _MOVE_COLUMNS, report.moves),
                table("Arrangements by class (not ended)", _COUNT_COLUMNS, report.counts),
                paragraphs=[SAME_REPORTING],
            ),
            section(
                "Other changes for every arrangement",
                table(
                    "What else the other policy changes", _DIFFERENCE_COLUMNS, report.differences
                ),
                paragraphs=[f"As at {date_text(report.as_of)}."],
            ),
        ],
        [appendix("A", "the reasons for each class", bullets=reasons)],
        table("Reclassification", _DATA_COLUMNS, report.moves),
    )
