"""Audit opinions on an arrangement: internal audit's assurance and how old it is (6.11)."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.audit_opinions import WEAK, latest_opinion
from partnerfw.judge.classify import ASSURANCE_LABELS
from partnerfw.judge.dates import add_months
from partnerfw.judge.stages import RUNNING
from partnerfw.record.models import Status
from partnerfw.rules.base import Context, Hit, rule

_AUDITED_STAGES = [Status.APPROVED, *RUNNING]


@rule(
    "MON020",
    "monitoring",
    "Limited or no assurance from audit acted on",
    Severity.WARNING,
    "Framework 6.3, 6.11",
    stages=_AUDITED_STAGES,
)
def weak_audit_opinion(ctx: Context) -> Iterator[Hit]:
    """When the latest audit gave limited or no assurance, the responsible Director takes
    appropriate action (6.3): the agreed actions are recorded and a follow-up audit gives a new
    opinion. The finding stays until a later opinion is recorded."""
    found = latest_opinion(ctx.arrangement.monitoring.audit_opinions)
    if found is None or found[1].opinion not in WEAK:
        return
    index, opinion = found
    by = f" by {opinion.auditor}" if opinion.auditor else ""
    actions = "" if opinion.actions else "; record the actions agreed with management under actions"
    yield Hit(
        f"the audit of {opinion.date}{by} gave {ASSURANCE_LABELS[opinion.opinion].lower()}: "
        f"take the agreed actions and record the follow-up audit's opinion under "
        f"monitoring.audit_opinions{actions}",
        ("monitoring", "audit_opinions", index),
    )


@rule(
    "MON021",
    "monitoring",
    "Audit opinion out of date",
    Severity.INFO,
    "Framework 6.11.1",
    stages=_AUDITED_STAGES,
)
def old_audit_opinion(ctx: Context) -> Iterator[Hit]:
    """An arrangement whose latest audit opinion is older than the policy's
    ``intervals.audit_opinion_months`` (a local choice: the framework sets no audit cycle) is
    mentioned for the annual audit needs assessment. One never audited is not flagged: audits
    are chosen on a risk basis (6.11.1)."""
    found = latest_opinion(ctx.arrangement.monitoring.audit_opinions)
    if found is None:
        return
    index, opinion = found
    months = ctx.intervals.audit_opinion_months
    if add_months(opinion.date, months) < ctx.today:
        yield Hit(
            f"the latest audit opinion ({ASSURANCE_LABELS[opinion.opinion].lower()}) dates from "
            f"{opinion.date}, more than {months} months ago: consider the arrangement in the "
            "annual audit needs assessment",
            ("monitoring", "audit_opinions", index),
        )
