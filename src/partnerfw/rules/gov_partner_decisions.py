"""Decisions partner authorities took through their own bodies (not this council's route)."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.rules.base import Context, Hit, blank, rule


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


@rule(
    "GOV020",
    "governance",
    "Partner authorities' decisions name the partner and its reference",
    Severity.WARNING,
    "Framework 4.3(e)",
)
def partner_decisions(ctx: Context) -> Iterator[Hit]:
    """A decision recorded under ``partner_decisions`` was taken by one of the partners (as
    named under ``partners``, the lead organisation or a joint committee's membership), is not
    dated after today, and has the partner's own reference (minute or decision notice), so
    decisions are recorded and reported to the partners and the public (4.3(e)). These are not
    this council's decisions: the approval route and the master lists do not apply to them."""
    a = ctx.arrangement
    known = {_normal(p.name) for p in a.partners}
    if a.lead_organisation:
        known.add(_normal(a.lead_organisation))
    if a.joint_committee is not None:
        known |= {_normal(s.authority) for s in a.joint_committee.membership}
    for i, decision in enumerate(a.partner_decisions):
        path = ("partner_decisions", i)
        if _normal(decision.authority) not in known:
            yield Hit(
                f"'{decision.authority}' is not one of the partners: name it as under partners "
                "(or add it there)",
                (*path, "authority"),
            )
        if decision.date > ctx.today:
            yield Hit(
                f"the {decision.authority} decision is dated {decision.date}, after today: "
                "record a decision once it has been taken",
                (*path, "date"),
            )
        if blank(decision.reference):
            yield Hit(
                f"the {decision.authority} {decision.body} decision of {decision.date} has no "
                "reference: add the partner's minute or decision notice under reference",
                path,
            )
