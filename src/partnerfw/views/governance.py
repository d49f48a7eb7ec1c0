"""The governance sections of an arrangement's page: the governance and agreement items its
kind requires, the agreement, the exit strategy and its steps, the statutory officers'
opinions, the approvals, and monitoring with when each report or review is next due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnerfw.judge.due_dates import annual_review_due, next_due
from partnerfw.policy.schema import Policy
from partnerfw.record.models import Arrangement, Item, ItemStatus, Kind, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.views.common import REVIEWED, WITHHELD, Entry, long_date, safe_url, shown_entries
from partnerfw.views.pages import ApprovalView, ItemView, StepView
from partnerfw.views.redaction import Redaction

ITEM_LABELS = {
    ItemStatus.IN_PLACE: "In place",
    ItemStatus.DRAFTED: "Drafted",
    ItemStatus.MISSING: "Missing",
    ItemStatus.NOT_APPLICABLE: "Not applicable",
}


_LABELS: dict[type[Any], tuple[tuple[str, str], ...]] = {}


def _labels(model: type[Any]) -> tuple[tuple[str, str], ...]:
    """Each field of ``model`` with its label, worked out once per model (pydantic's
    ``model_fields`` is slow to reach from the class, and every page asks)."""
    if model not in _LABELS:
        _LABELS[model] = tuple(
            (name, (field.description or name.replace("_", " ")).rstrip("."))
            for name, field in model.model_fields.items()
        )
    return _LABELS[model]


def wanted_items(a: Arrangement, policy: Policy, agreement: bool) -> set[str]:
    """The items the policy requires of this kind (agreement items once it is approved)."""
    required = policy.requirements.get(a.kind)
    if required is None:
        return set()
    if not agreement:
        return set(required.governance)
    if a.status is Status.PROPOSED:
        return set()
    extra = required.agreement_if_public_facing if a.public_facing else []
    return {*required.agreement, *extra}


def item_views(
    items: Any, model: type[Any], base: str, wanted: set[str], r: Redaction
) -> list[ItemView]:
    path = tuple(base.split("."))
    if r.hidden(*path):
        return []
    out = []
    for name, label in _labels(model):
        item: Item | None = getattr(items, name)
        if r.hidden(*path, name) or (item is None and name not in wanted):
            continue
        if item is None:
            out.append(ItemView(label, "missing", "Not recorded"))
            continue
        detail = item.reason if item.status is ItemStatus.NOT_APPLICABLE else item.evidence
        detail_path = "reason" if item.status is ItemStatus.NOT_APPLICABLE else "evidence"
        shown = r.text(detail, *path, name, detail_path)
        out.append(
            ItemView(
                label,
                item.status.value,
                ITEM_LABELS[item.status],
                shown,
                safe_url(shown),
            )
        )
    return out


def agreement_entries(a: Arrangement, r: Redaction) -> list[Entry]:
    if r.hidden("agreement"):
        return []
    ag = a.agreement
    entries = shown_entries(r, ("Agreement", ag.document, ("agreement", "document")))
    if entries:
        entries = [Entry(e.label, e.value, safe_url(e.value)) for e in entries]
    if ag.signed and not r.hidden("agreement", "signed"):
        entries.append(Entry("Signed", long_date(ag.signed), datetime=ag.signed.isoformat()))
    entries += shown_entries(
        r, ("Freedom of information officer", ag.foi_officer, ("agreement", "foi_officer"))
    )
    return entries


_COVERS = (
    ("termination", "How it ends"),
    ("partner_withdrawal", "A partner leaving"),
    ("equalities_impact", "Impact on protected characteristics"),
    ("safeguarding_impact", "Impact on safeguarding duties"),
    ("resources", "Council resources on exit"),
    ("liabilities", "Liabilities"),
    ("notice_period", "Notice period"),
)


def exit_entries(a: Arrangement, r: Redaction) -> list[Entry]:
    e = a.exit_strategy
    if e is None:
        return [Entry("Exit strategy", "Not recorded")]
    if r.hidden("exit_strategy"):
        return [Entry("Exit strategy", WITHHELD)]
    entries = [Entry("Status", ITEM_LABELS[e.status])]
    entries += shown_entries(r, ("Summary", e.summary, ("exit_strategy", "summary")))
    if not r.hidden("exit_strategy", "in_agreement"):
        entries.append(Entry("Written into the agreement", "Yes" if e.in_agreement else "No"))
    for name, label in _COVERS:
        entries += shown_entries(
            r, (label, getattr(e.covers, name), ("exit_strategy", "covers", name))
        )
    return entries


def exit_steps(a: Arrangement, r: Redaction) -> list[StepView]:
    e = a.exit_strategy
    if e is None or r.hidden("exit_strategy", "steps"):
        return []
    return [
        StepView(
            s.step,
            r.text(s.owner, "exit_strategy", "steps", i, "owner") or "",
            long_date(s.due),
            long_date(s.done) or "Not yet",
        )
        for i, s in enumerate(e.steps)
        if not r.hidden("exit_strategy", "steps", i)
    ]


def opinion_entries(a: Arrangement, r: Redaction) -> list[Entry]:
    out = []
    for name, label in (
        ("monitoring_officer", "Monitoring Officer"),
        ("section_151_officer", "Section 151 Officer"),
    ):
        opinion = getattr(a.opinions, name)
        if r.hidden("opinions", name):
            continue
        if opinion is None:
            out.append(Entry(f"{label}'s opinion", "Not recorded"))
            continue
        said = r.text(opinion.opinion, "opinions", name, "opinion")
        endorsed = "endorsed" if opinion.endorsed else "did not endorse"
        value = f"{opinion.name}, {long_date(opinion.date)}: {endorsed}"
        out.append(Entry(f"{label}'s opinion", f"{value}. {said}" if said else value))
    return out


_DECISIONS = {
    "approved": "Approved",
    "rejected": "Rejected",
    "discussed": "Discussed",
    "informed": "Informed",
    "signed_off": "Signed off",
}


def approval_views(a: Arrangement, policy: Policy, r: Redaction) -> list[ApprovalView]:
    if r.hidden("approvals"):
        return []
    return [
        ApprovalView(
            policy.role_title(x.role) if not r.hidden("approvals", i, "role") else "",
            r.text(x.name, "approvals", i, "name") or "",
            long_date(x.date),
            x.date.isoformat(),
            _DECISIONS[x.decision.value],
            r.text(x.reference, "approvals", i, "reference"),
        )
        for i, x in enumerate(a.approvals)
        if not r.hidden("approvals", i)
    ]


def monitoring_entries(
    a: Arrangement, policy: Policy, today: dt.date, r: Redaction, klass: str = ""
) -> list[Entry]:
    """The monitoring dates and when each is next due, by the review cycle of the record's
    class (``klass``)."""
    if r.hidden("monitoring"):
        return [Entry("Monitoring", WITHHELD)]
    m = a.monitoring
    i = policy.intervals_for(klass)
    running = a.status in REVIEWED
    entries = []
    for label, name, dates, months in (
        ("Budget monitoring", "budget_reports", m.budget_reports, i.budget_monitoring_months),
        (
            "Performance report",
            "performance_reports",
            m.performance_reports,
            i.performance_report_months,
        ),
        ("Annual review", "annual_reviews", m.annual_reviews, i.annual_review_months),
    ):
        if r.hidden("monitoring", name):
            continue
        entries.append(
            _due_entry(
                label,
                [d for d in dates if d <= today],
                a.dates.start,
                months if running else None,
                today,
                i.annual_review_window if name == "annual_reviews" else None,
                i.grace_days,
            )
        )
    if (
        a.kind is Kind.SHARED_SERVICE
        and m.shared_service_reviews
        and not r.hidden("monitoring", "shared_service_reviews")
    ):
        entries.append(
            _due_entry("Shared service review", m.shared_service_reviews, None, None, today)
        )
    reviewed = [
        x.last_reviewed
        for n, x in enumerate(m.risk_register)
        if x.last_reviewed and not r.hidden("monitoring", "risk_register", n)
    ]
    if reviewed:
        entries.append(
            Entry(
                "Risk register last reviewed",
                long_date(max(reviewed)),
                datetime=max(reviewed).isoformat(),
            )
        )
    if m.assurance and not r.hidden("monitoring", "assurance"):
        entries.append(
            Entry("Governance assurance", f"{m.assurance.officer}, {long_date(m.assurance.date)}")
        )
    return entries


def next_review(
    a: Arrangement, policy: Policy, r: Redaction, today: dt.date, klass: str = ""
) -> dt.date | None:
    """When the next annual review is due, by the review cycle of the record's class (None
    when none is due or it is withheld)."""
    if a.status not in REVIEWED or r.hidden("monitoring", "annual_reviews"):
        return None
    i = policy.intervals_for(klass)
    return annual_review_due(
        a.monitoring.annual_reviews,
        a.dates.start,
        i.annual_review_window,
        i.annual_review_months,
        today,
        i.grace_days,
    )


def _due_entry(
    label: str,
    dates: list[dt.date],
    start: PartialDate | None,
    months: int | None,
    today: dt.date,
    window: list[int] | None = None,
    grace: int = 0,
) -> Entry:
    """'Last: ... Next due by ...'; with ``window`` (the annual review's months, 6.6) the due
    date is the end of this year's window, or next year's once this year's is recorded."""
    last = max(dates, default=None)
    text = f"Last: {long_date(last)}" if last else "None recorded"
    if months is not None:
        due = (
            annual_review_due(dates, start, window, months, today, grace)
            if window
            else next_due(last, start, months)
        )
        if due is not None:
            late = " (overdue)" if due < today else ""
            text += f". Next due by {long_date(due)}{late}"
    return Entry(label, text)
