"""What an approval covers (2.11, 3.10): the approved facts and the decision they belong to.

``partnerfw approved-facts`` records what a decision approved; these rules report a record that
has changed beyond it, facts not sealed to a decision on the record, and (with git, a step
``check`` adds) facts that are not those of the decision's commit.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.approval_route import ROUTED
from partnerfw.judge.approved_facts import changes, describe, fingerprint, listed_decision
from partnerfw.judge.classify import classify, decided
from partnerfw.judge.stages import APPROVED_ONWARDS
from partnerfw.record.models import Decision
from partnerfw.rules.base import RULES, Context, Hit, Rule, rule


@rule(
    "APR009",
    "approvals",
    "Approval still covers the record",
    Severity.ERROR,
    "Framework 2.11, 3.10 (what was approved)",
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
)
def approval_covers(ctx: Context) -> Iterator[Hit]:
    """Once ``partnerfw approved-facts`` has recorded what a decision approved
    (``approved_facts``: kind, class, council resources, partners, end date), a material change
    after it means the approval no longer covers the record: a change of kind, class, partners
    or end date, or council resources grown beyond the policy's ``approval_margin``. Seek a new
    decision through the route for its class, enter it under ``approvals``, then record the new
    facts: ``approved-facts`` refuses to record them for the old decision."""
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
    in_force_then = ctx.schedule.policy_on(approved.approved)
    if in_force_then is not ctx.policy:
        # Judged as the edition in force at that approval classed it: a later edition alone
        # does not make the approval stale.
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
    kinds=ROUTED,
    stages=APPROVED_ONWARDS,
)
def approved_facts_sealed(ctx: Context) -> Iterator[Hit]:
    """``approved_facts`` belong to one decision: ``partnerfw approved-facts`` writes who took
    it, its date and reference, and a fingerprint of the decision and the facts. Reported:
    facts with no fingerprint or no decision maker (written by hand or by an earlier
    partnerfw), facts edited after they were written (the fingerprint no longer matches), and
    facts whose decision is no longer under ``approvals``. What a decision approved is never
    rewritten: restore the facts from git, or seek a new decision and record it."""
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
    frozenset(ROUTED),
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
