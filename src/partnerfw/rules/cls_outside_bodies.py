"""Appointments to outside bodies: outside the framework, but on the published register."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.record.models import Kind, Status
from partnerfw.rules.base import Context, Hit, blank, rule


@rule(
    "CLS020",
    "classification",
    "Outside body appointments current and their decision recorded",
    Severity.WARNING,
    "Framework 5.6.3",
    kinds=[Kind.OUTSIDE_BODY],
    stages=[Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW],
)
def outside_body_appointments(ctx: Context) -> Iterator[Hit]:
    """An appointment to an outside body is not a partnership (1.7) and is made under the
    council's constitution, but the published register (5.6.3) should say who represents the
    council there now: no appointment past its end without a re-appointment, and the
    appointing decision's reference recorded."""
    body = ctx.arrangement.outside_body
    if body is None:  # the model requires it; kept for type checkers
        return
    for i, person in enumerate(body.appointees):
        if person.term_ends is not None and person.term_ends < ctx.today:
            yield Hit(
                f"{person.name}'s appointment to {body.organisation} ended on "
                f"{person.term_ends}: record the re-appointment (a new term_ends) or their "
                "successor",
                ("outside_body", "appointees", i, "term_ends"),
            )
    if blank(body.reference):
        yield Hit(
            f"record the decision by which {body.appointed_by} made the appointments (e.g. the "
            "Annual Council minute) under outside_body.reference",
            ("outside_body",),
        )
