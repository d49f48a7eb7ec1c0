"""The council's own classification of a partnership, set against the policy's result."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from partnerfw.findings import Severity
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
    tests give: both reasons are reported, and the decided class is used for its route, the
    register and the reports. Deciding on a lower class than the tests give (a significant
    partnership decided 'other') takes it off its route, so it is a warning; deciding on a
    higher one (more scrutiny) is a note. A decided class that is not one of the policy's
    classes is an error, and the policy's class is used until it is corrected."""
    classification = ctx.classification
    written = ctx.arrangement.decided_classification
    names = [name for name, _ in classification.labels]
    if written is not None and written.classification not in names:
        close = difflib.get_close_matches(written.classification, names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        yield Hit(
            f"decided_classification.classification '{written.classification}' is not one of "
            f"the policy's classes ({', '.join(names)}){hint}; the policy's class is used "
            "until it is corrected",
            ("decided_classification", "classification"),
            severity=Severity.ERROR,
        )
        return
    decision = classification.decided
    if decision is None or classification.policy_klass is None:
        return
    policy_klass = classification.policy_klass
    # A partnership the tests cannot class yet may be in the highest class.
    higher = policy_klass if policy_klass in names else names[0]
    lighter = names.index(decision.classification) > names.index(higher)
    why = f": {decision.reason}" if decision.reason else " (no reason recorded: add one)"
    yield Hit(
        f"{decision.decided_by} decided on {decision.date} ({decision.reference}) that this is "
        f"{classification.a_class(decision.classification)}{why}; the policy's test gives "
        f"{classification.a_class(policy_klass)}: {classification.policy_reason}. "
        f"The decided class is used for its approval route and the register"
        + (
            f"; as it takes {classification.a_class(higher)} off the {higher} route, the "
            "Monitoring Officer should confirm it"
            if lighter
            else ""
        ),
        ("decided_classification",),
        severity=None if lighter or not decision.reason else Severity.INFO,
    )
