"""The council's own classification of a partnership, set against the policy's result."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.classify import a_class
from partnerfw.record.models import Kind
from partnerfw.rules.base import Context, Hit, rule


@rule(
    "CLS011",
    "classification",
    "Council's decided class agrees with the policy",
    Severity.WARNING,
    "Framework 1.9",
    kinds=[Kind.PARTNERSHIP],
)
def decided_class(ctx: Context) -> Iterator[Hit]:
    """A partnership whose ``decided_classification`` differs from the class the policy's
    significance test gives: both reasons are reported, and the decided class is used for its
    route, the register and the reports. Deciding that a partnership the test calls
    significant is 'other' takes it off the significant route, so it is a warning; deciding
    that an 'other' partnership is significant (more scrutiny) is a note."""
    classification = ctx.classification
    decision = classification.decided
    if decision is None or classification.policy_klass is None:
        return
    lighter = decision.classification == "other"
    why = f": {decision.reason}" if decision.reason else " (no reason recorded: add one)"
    yield Hit(
        f"{decision.decided_by} decided on {decision.date} ({decision.reference}) that this is "
        f"{a_class(decision.classification)}{why}; the policy's test gives "
        f"{a_class(classification.policy_klass)}: {classification.policy_reason}. "
        f"The decided class is used for its approval route and the register"
        + (
            "; as it takes a significant partnership off the significant route, the Monitoring "
            "Officer should confirm it"
            if lighter
            else ""
        ),
        ("decided_classification",),
        severity=None if lighter or not decision.reason else Severity.INFO,
    )
