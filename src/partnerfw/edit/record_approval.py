"""``partnerfw approved-facts``: record what a decision approved, or refuse to.

The facts are recorded for the record's covering decision - the approvals of the latest day
anyone approved it - with who took it, its date and reference, and a fingerprint. Refused, with
what to do, and nothing written for any record:

- there is no decision, a decision maker's entry has no reference, or it is dated after today;
- the record has approved facts and has changed since, but no decision dated after theirs is
  under ``approvals``: the old decision cannot be made to cover the change (the loophole this
  closes);
- in git, the decision's commit shows the record changed after the decision was entered: a
  decision already on the record before a change cannot have approved it.

Everything is worked out before anything is written, so one refusal writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from partnerfw.errors import UserError
from partnerfw.files import write_atomic
from partnerfw.git.decision_commit import Decision, NotChecked, at_decisions, where
from partnerfw.judge.approval_route import describe_route, route
from partnerfw.judge.approved_facts import (
    CoveringDecision,
    as_yaml_data,
    covering_decision,
    describe,
    differences,
    for_decision,
    material,
    needs_confidential,
)
from partnerfw.judge.classify import classify, decided
from partnerfw.record.loading import by_id, load, parse_record
from partnerfw.record.models import ApprovedFacts, Status
from partnerfw.record.writing import dump_text, load_round_trip
from partnerfw.render.trail import unknown_id
from partnerfw.rules.base import Context

if TYPE_CHECKING:
    from partnerfw.judge.classify import Classification
    from partnerfw.policy.project import Project
    from partnerfw.record.loading import LoadedRecord


@dataclass(frozen=True)
class Recorded:
    id: str
    file: str
    written: bool
    note: str


@dataclass
class Outcome:
    recorded: list[Recorded] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What could not be checked against git, one line per record."""


@dataclass(frozen=True)
class _Plan:
    record: LoadedRecord
    decision: CoveringDecision
    facts: ApprovedFacts


def record_facts(project: Project, ids: list[str], every: bool, today: dt.date) -> Outcome:
    """Write ``approved_facts`` into the named records (or, with ``every``, each record that is
    approved or beyond); a record's own file is rewritten only when its facts change. Raises
    UserError, having written nothing, when any record's facts cannot be recorded."""

    if not ids and not every:
        raise UserError("name the arrangements whose approval to record, or use --all")
    register = load([project.register_dir], project.root)
    records = by_id(register.records)
    for record_id in ids:
        if record_id not in records:
            raise unknown_id(record_id, list(records))
    chosen = ids or sorted(
        r
        for r, rec in records.items()
        if rec.arrangement.status not in (Status.PROPOSED, Status.ENDED)
    )
    outcome = Outcome()
    if every:
        outcome.notes += [
            f"{file}: skipped: it could not be read as a record; 'partnerfw check' says why"
            for file in sorted({p.file for p in register.problems})
        ]
    plans: list[_Plan] = []
    refusals: list[str] = []
    for record_id in chosen:
        record = records[record_id]
        decision = covering_decision(record.arrangement)
        if decision is None:
            if ids:
                refusals.append(
                    f"{record.file}: {record_id} has no approval recorded yet: add the decision "
                    "under approvals (role, name, date, reference) first"
                )
            else:
                outcome.recorded.append(
                    Recorded(record_id, record.file, False, "skipped: no approval recorded")
                )
            continue
        classification = _classification(project, record, decision)
        unvalued = _not_valued(classification)
        if unvalued:
            if ids:
                refusals.append(
                    f"{record.file}: {record_id}: {unvalued}, so what the approval covers "
                    "cannot be recorded: partnerfw check says what to state first"
                )
            else:
                outcome.recorded.append(
                    Recorded(record_id, record.file, False, f"skipped: {unvalued}")
                )
            continue
        facts = for_decision(record.arrangement, classification, decision)
        refusal = _refusal(project, record, decision, facts, today)
        if refusal:
            refusals.append(f"{record.file}: {refusal}")
        elif facts == record.arrangement.approved_facts:
            outcome.recorded.append(Recorded(record_id, record.file, False, "already up to date"))
        else:
            plans.append(_Plan(record, decision, facts))
    refusals += _against_git(project, plans, outcome)
    if refusals:
        raise UserError("\n".join([*refusals, "Nothing was written."]))
    for plan in plans:
        record = plan.record
        _write(
            project.root / record.file,
            record.file,
            plan.facts,
            needs_confidential(record.arrangement),
        )
        said = describe(plan.decision.date, plan.decision.reference)
        outcome.recorded.append(
            Recorded(record.arrangement.id, record.file, True, f"recorded what {said} covers")
        )
    outcome.recorded.sort(key=lambda r: chosen.index(r.id))
    return outcome


def _not_valued(classification: Classification) -> str:
    """Why the facts cannot be recorded yet: the class or the resources are not known."""
    if classification.undetermined:
        return "it cannot be classified yet"
    if classification.uncosted:
        return "some of its council resources have no £ value yet"
    return ""


def _classification(
    project: Project, record: LoadedRecord, decision: CoveringDecision
) -> Classification:

    policy = project.schedule.policy_on(decision.date)
    return decided(record.arrangement, classify(record.arrangement, policy, decision.date))


def _refusal(
    project: Project,
    record: LoadedRecord,
    decision: CoveringDecision,
    facts: ApprovedFacts,
    today: dt.date,
) -> str | None:
    """Why these facts cannot be recorded for this decision, judged from the record alone."""
    arrangement = record.arrangement
    again = f"'partnerfw approved-facts {arrangement.id}'"
    for index, approval in decision.approvals:
        if approval.reference is None or not approval.reference.strip():
            return (
                f"the {approval.role} decision of {approval.date} has no reference: add the "
                f"committee minute, decision notice or pull request under approvals.{index}."
                f"reference, then run {again} again"
            )
    if decision.date > today:
        return (
            f"the decision is dated {decision.date}, after today ({today}): record the facts "
            "once the decision has been taken, under its real date"
        )
    previous = arrangement.approved_facts
    if previous is None:
        return None
    if decision.date < previous.approved:
        return (
            f"the approved facts belong to {describe(previous.approved, previous.reference)}, "
            f"later than the latest decision under approvals ({decision.date}): put that "
            "decision back under approvals as it was taken"
        )
    if material(previous) != material(facts) and decision.date == previous.approved:
        changed = "; ".join(differences(previous, facts))
        return (
            f"the approved facts belong to {describe(previous.approved, previous.reference)} "
            f"and the record has changed since ({changed}). Those facts cannot be rewritten: "
            f"a change needs a new decision, dated after {previous.approved}. Take it "
            f"through the route for its class ({_route(project, record, facts)}), add the "
            f"decision under approvals (role, name, date, reference), then run {again} again"
        )
    return None


def _route(project: Project, record: LoadedRecord, facts: ApprovedFacts) -> str:

    policy = project.schedule.policy_on(facts.approved)
    ctx = Context(
        record,
        decided(record.arrangement, classify(record.arrangement, policy, facts.approved)),
        policy,
        facts.approved,
    )
    found = route(ctx)
    return describe_route(ctx, found) if found is not None else "see 'partnerfw check'"


def _against_git(project: Project, plans: list[_Plan], outcome: Outcome) -> list[str]:
    """Refusals for decisions that git shows were entered before the record last changed;
    notes for those git cannot show."""

    wanted = [
        (p.record, Decision(p.decision.date, p.decision.reference, tuple(p.decision.makers)))
        for p in plans
    ]
    refusals = []
    for plan, answer in zip(plans, at_decisions(project, wanted), strict=True):
        file = plan.record.file
        if isinstance(answer, NotChecked):
            outcome.notes.append(f"{file}: not checked against git: {answer.reason}")
            continue
        if material(answer.facts) == material(plan.facts):
            continue
        said = describe(plan.decision.date, plan.decision.reference)
        changed = "; ".join(differences(answer.facts, plan.facts))
        when = (
            f"in {where(answer.changed_in[0])}"
            if answer.changed_in is not None
            else "in changes not committed yet"
        )
        refusals.append(
            f"{file}: {said} was entered in {answer.where()}, and the record changed after "
            f"it, {when} ({changed}). A decision covers what it saw, not a later change: "
            "seek a new decision for the change, add it under approvals (role, name, date, "
            f"reference), then run 'partnerfw approved-facts {plan.record.arrangement.id}' "
            "again"
        )
    return refusals


def _write(path: Path, shown: str, facts: ApprovedFacts, confidential: bool) -> None:

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
