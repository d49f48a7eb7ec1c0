"""What an approval covered, and whether the record has moved past it (item: approvals go stale).

Design: the record carries ``approved_facts:`` - its kind, class, counted council resources,
partners and end date as they stood at the approval - written by ``partnerfw approved-facts
<id>`` in the approval's pull request (so the reviewers see exactly what they approve). ``check``
compares the record with it (rule APR009). This works without git, on any copy of the register,
and in the same pure rule as every other check; the git trail (``partnerfw trail``) shows who
changed what afterwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from partnerfw.classify import Classification, money
from partnerfw.errors import UserError
from partnerfw.models import Approval, ApprovedFacts, Arrangement, Decision, Status

if TYPE_CHECKING:
    from partnerfw.project import Project

_SOURCES = ("council_resources", "partners", "dates")


def covering_approval(arrangement: Arrangement) -> Approval | None:
    """The latest decision that let the arrangement go ahead: an approval, or for a route with
    no approvers (ad-hoc resilience) the latest time the members were informed."""
    for wanted in (Decision.APPROVED, Decision.INFORMED):
        found = [a for a in arrangement.approvals if a.decision is wanted]
        if found:
            return max(found, key=lambda a: a.date)
    return None


def facts_of(
    arrangement: Arrangement, classification: Classification, approval: Approval
) -> ApprovedFacts:
    return ApprovedFacts(
        approved=approval.date,
        reference=approval.reference,
        kind=arrangement.kind,
        classification=classification.klass,
        council_resources=classification.council_resources,
        partners=[p.name for p in arrangement.partners],
        end=arrangement.dates.end,
        indefinite=arrangement.dates.indefinite,
    )


def changes(
    approved: ApprovedFacts,
    arrangement: Arrangement,
    classification: Classification,
    margin: Decimal,
    basis: str = "",
) -> list[tuple[str, tuple[str, ...]]]:
    """(what changed, path of the record it is at) for each material change since approval."""
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
    now = [p.name for p in arrangement.partners]
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


def _end(end: dt.date | None, indefinite: bool) -> str:
    return "indefinite" if indefinite else (end.isoformat() if end else "none")


def as_yaml_data(facts: ApprovedFacts) -> dict[str, Any]:
    """Plain values for the round-trip writer (money as a number, as records write it)."""
    data = facts.model_dump(mode="python", exclude_defaults=False)
    data["kind"] = facts.kind.value
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


# -- ``partnerfw approved-facts``: writing the facts into the record files ------------------


@dataclass(frozen=True)
class Recorded:
    id: str
    file: str
    written: bool
    note: str


def record_facts(project: Project, ids: list[str], every: bool) -> list[Recorded]:
    """Write ``approved_facts`` into the named records (or, with ``every``, each record that is
    approved or beyond); a record's own file is rewritten only when its facts change."""
    from partnerfw.classify import classify, decided
    from partnerfw.register import by_id, load
    from partnerfw.trail_view import unknown_id

    if not ids and not every:
        raise UserError("name the arrangements whose approval to record, or use --all")
    records = by_id(load([project.register_dir], project.root).records)
    for record_id in ids:
        if record_id not in records:
            raise unknown_id(record_id, list(records))
    chosen = ids or sorted(
        r
        for r, rec in records.items()
        if rec.arrangement.status not in (Status.PROPOSED, Status.ENDED)
    )
    done = []
    for record_id in chosen:
        record = records[record_id]
        arrangement = record.arrangement
        approval = covering_approval(arrangement)
        if approval is None:
            if ids:
                raise UserError(
                    f"{record_id} has no approval recorded yet: add the decision "
                    "under approvals (role, name, date, reference) first"
                )
            done.append(Recorded(record_id, record.file, False, "skipped: no approval recorded"))
            continue
        policy = project.policy_on(approval.date)
        facts = facts_of(arrangement, decided(arrangement, classify(arrangement, policy)), approval)
        if facts == arrangement.approved_facts:
            done.append(Recorded(record_id, record.file, False, "already up to date"))
            continue
        _write(project.root / record.file, record.file, facts, needs_confidential(arrangement))
        done.append(
            Recorded(
                record_id,
                record.file,
                True,
                f"recorded what the approval of {approval.date} covers",
            )
        )
    return done


def _write(path: Path, shown: str, facts: ApprovedFacts, confidential: bool) -> None:
    from partnerfw.register import parse_record
    from partnerfw.writer import dump_text, load_round_trip, write_atomic

    data = load_round_trip(path.read_text("utf-8"))
    values = as_yaml_data(facts)
    if "approved_facts" in data:
        data["approved_facts"] = values
    else:
        keys = list(data.keys())
        position = keys.index("approvals") + 1 if "approvals" in keys else len(keys)
        data.insert(position, "approved_facts", values)
    if confidential:
        if "confidential" in data:
            data["confidential"].append("approved_facts")
        else:
            data["confidential"] = ["approved_facts"]
    text = dump_text(data)
    record, problems = parse_record(text.encode("utf-8"), shown)
    if record is None:  # pragma: no cover - the facts are built from a valid record
        raise UserError(
            f"{shown}: writing the approved facts would make it invalid: "
            f"{problems[0].message if problems else 'unknown problem'}"
        )
    write_atomic(path, text, overwrite=True)
