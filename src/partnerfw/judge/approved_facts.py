"""What a decision approved, and whether the record has moved past it (issue: approvals go
stale, and cannot be stretched).

Design: the record carries ``approved_facts:`` - its kind, class, counted council resources,
partners and end date as they stood at a decision - written by ``partnerfw approved-facts
<id>`` in the decision's pull request (so the reviewers see exactly what they approve). The
facts belong to that decision: its date, who took it (each approval of that day) and its
reference, sealed with a fingerprint (a SHA-256 of the decision and the facts). ``check``
compares the record with them (APR009), the fingerprint with the facts (APR010), and - in git -
the facts with the record as it stood at the decision's commit (APR011, ``decision_commit.py``).
This module is pure: no I/O, no git.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from partnerfw.judge.classify import Classification
from partnerfw.judge.timeline import current_partners
from partnerfw.record.models import Approval, ApprovedFacts, Arrangement, Decision, DecisionMaker
from partnerfw.record.money import money
from partnerfw.record.partial_dates import PartialDate

_SOURCES = ("council_resources", "partners", "dates")
_COVERING = (Decision.APPROVED, Decision.SIGNED_OFF, Decision.INFORMED)
FINGERPRINT_PREFIX = "sha256:"


@dataclass(frozen=True)
class CoveringDecision:
    """The decision that let the arrangement go ahead: every approval recorded on its day."""

    date: dt.date
    approvals: tuple[tuple[int, Approval], ...]
    """(position under ``approvals``, the approval) for each decision maker of that day."""

    @property
    def reference(self) -> str | None:
        seen = [
            a.reference.strip() for _, a in self.approvals if a.reference and a.reference.strip()
        ]
        return "; ".join(dict.fromkeys(seen)) or None

    @property
    def makers(self) -> list[DecisionMaker]:
        return [DecisionMaker(role=a.role, name=a.name) for _, a in self.approvals]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(a.role for _, a in self.approvals)


def covering_decision(arrangement: Arrangement) -> CoveringDecision | None:
    """The latest decision that let the arrangement go ahead: the approvals of the latest day
    anyone approved it, or for a route with no approvers the latest day it was signed off
    (Appendix 1's route for an 'other' partnership) or the members were informed (ad-hoc
    resilience)."""
    for wanted in _COVERING:
        found = [(i, a) for i, a in enumerate(arrangement.approvals) if a.decision is wanted]
        if found:
            day = max(a.date for _, a in found)
            return CoveringDecision(day, tuple((i, a) for i, a in found if a.date == day))
    return None


def describe(date: dt.date, reference: str | None) -> str:
    """'the decision of 2026-03-10 (Cabinet minute 45)'."""
    return f"the decision of {date}" + (f" ({reference})" if reference else "")


def facts_of(
    arrangement: Arrangement,
    classification: Classification,
    approved: dt.date,
    reference: str | None,
    decided_by: Sequence[DecisionMaker],
) -> ApprovedFacts:
    """The record's material facts, belonging to the decision given, with their fingerprint."""
    unsealed = ApprovedFacts(
        approved=approved,
        reference=reference,
        decided_by=list(decided_by),
        kind=arrangement.kind,
        classification=classification.klass,
        council_resources=classification.council_resources,
        partners=[p.name for p in current_partners(arrangement, approved)],
        end=arrangement.dates.end,
        indefinite=arrangement.dates.indefinite,
    )
    return unsealed.model_copy(update={"fingerprint": fingerprint(unsealed)})


def for_decision(
    arrangement: Arrangement, classification: Classification, decision: CoveringDecision
) -> ApprovedFacts:
    return facts_of(arrangement, classification, decision.date, decision.reference, decision.makers)


def fingerprint(facts: ApprovedFacts) -> str:
    """SHA-256 of the decision (date, reference, who took it) and the facts, over a canonical
    JSON text: the same facts always give the same fingerprint, on any machine."""
    canonical = {
        "decision": {
            "date": facts.approved.isoformat(),
            "reference": facts.reference,
            "decided_by": [[m.role, m.name] for m in facts.decided_by],
        },
        "kind": facts.kind.value,
        "classification": facts.classification,
        "council_resources": f"{facts.council_resources:.2f}",
        "partners": list(facts.partners),
        "end": facts.end.isoformat() if facts.end else None,
        "indefinite": facts.indefinite,
    }
    text = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return FINGERPRINT_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()


def material(facts: ApprovedFacts) -> tuple[object, ...]:
    """What the decision approved, without the decision itself."""
    return (
        facts.kind,
        facts.classification,
        facts.council_resources,
        tuple(facts.partners),
        facts.end,
        facts.indefinite,
    )


def differences(before: ApprovedFacts, after: ApprovedFacts) -> list[str]:
    """Each material fact that differs, in words: 'council resources from £64,000 to £81,000'."""
    said = []
    if before.kind is not after.kind:
        said.append(f"kind from {before.kind.value} to {after.kind.value}")
    if before.classification != after.classification:
        said.append(f"class from {before.classification} to {after.classification}")
    if before.council_resources != after.council_resources:
        said.append(
            f"council resources from {money(before.council_resources)} to "
            f"{money(after.council_resources)}"
        )
    added = [n for n in after.partners if n not in before.partners]
    removed = [n for n in before.partners if n not in after.partners]
    if added or removed:
        parts = [f"added {', '.join(added)}"] if added else []
        parts += [f"removed {', '.join(removed)}"] if removed else []
        said.append(f"partners {'; '.join(parts)}")
    if (before.end, before.indefinite) != (after.end, after.indefinite):
        said.append(
            f"end date from {_end(before.end, before.indefinite)} to "
            f"{_end(after.end, after.indefinite)}"
        )
    return said


def listed_decision(facts: ApprovedFacts, arrangement: Arrangement) -> bool:
    """True when every decision maker the facts name has that day's decision under
    ``approvals`` (an approval, or for an informed-only route the informing)."""
    return bool(facts.decided_by) and all(
        any(
            a.role == maker.role
            and a.name == maker.name
            and a.date == facts.approved
            and a.decision in _COVERING
            for a in arrangement.approvals
        )
        for maker in facts.decided_by
    )


def has_decision(arrangement: Arrangement, date: dt.date, roles: frozenset[str]) -> bool:
    """True when the record carries a decision of ``date`` by one of ``roles`` (any role when
    none is given): how the decision's commit is recognised in the record's history."""
    return any(
        a.date == date and a.decision in _COVERING and (not roles or a.role in roles)
        for a in arrangement.approvals
    )


def changes(
    approved: ApprovedFacts,
    arrangement: Arrangement,
    classification: Classification,
    margin: Decimal,
    basis: str = "",
    today: dt.date | None = None,
) -> list[tuple[str, tuple[str, ...]]]:
    """(what changed, path of the record it is at) for each material change since approval.
    Partners are those taking part ``today`` (a partner who has since left, or joined, is a
    change); without a date, every partner listed."""
    found: list[tuple[str, tuple[str, ...]]] = []
    if arrangement.kind is not approved.kind:
        found.append(
            (f"its kind changed from {approved.kind.value} to {arrangement.kind.value}", ("kind",))
        )
    if classification.klass != approved.classification:
        found.append(
            (
                f"its class changed from {approved.classification} to "
                f"{classification.klass} ({classification.reason})",
                ("council_resources",),
            )
        )
    limit = approved.council_resources * (1 + margin)
    if classification.council_resources > limit:
        found.append(
            (
                f"council resources grew from {money(approved.council_resources)} to "
                f"{money(classification.council_resources)}, beyond the {margin:.0%} margin "
                f"the policy allows ({money(limit)}{'; ' + basis if basis else ''})",
                ("council_resources",),
            )
        )
    taking_part = arrangement.partners if today is None else current_partners(arrangement, today)
    now = [p.name for p in taking_part]
    added = [n for n in now if n not in approved.partners]
    removed = [n for n in approved.partners if n not in now]
    if added or removed:
        said = [f"added {', '.join(added)}"] if added else []
        said += [f"removed {', '.join(removed)}"] if removed else []
        found.append((f"its partners changed ({'; '.join(said)})", ("partners",)))
    if (arrangement.dates.end, arrangement.dates.indefinite) != (approved.end, approved.indefinite):
        found.append(
            (
                f"its end date changed from {_end(approved.end, approved.indefinite)} to "
                f"{_end(arrangement.dates.end, arrangement.dates.indefinite)}",
                ("dates", "end") if arrangement.dates.end else ("dates",),
            )
        )
    return found


def _end(end: PartialDate | None, indefinite: bool) -> str:
    return "indefinite" if indefinite else (end.isoformat() if end else "none")


def as_yaml_data(facts: ApprovedFacts) -> dict[str, Any]:
    """Plain values for the round-trip writer (money as a number, as records write it)."""
    data = facts.model_dump(mode="python", exclude_defaults=False)
    data["kind"] = facts.kind.value
    if facts.end is not None:
        data["end"] = facts.end.yaml_value()
    amount = facts.council_resources
    data["council_resources"] = (
        int(amount) if amount == amount.to_integral_value() else float(amount)
    )
    return {k: v for k, v in data.items() if v is not None}


def needs_confidential(arrangement: Arrangement) -> bool:
    """True when the facts repeat something the record keeps confidential, so the
    ``approved_facts`` block must be kept confidential too."""
    return "approved_facts" not in arrangement.confidential and any(
        path.split(".")[0] in _SOURCES for path in arrangement.confidential
    )
