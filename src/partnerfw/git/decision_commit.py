"""The decision's commit: the record as it stood when a decision was entered in git.

A decision covers what it saw. In a register repository the decision is entered under
``approvals:`` in a pull request, so git knows the record as it stood then: the *decision's
commit* is the earliest commit in the record file's history (renames followed) whose version
carries that decision - an approval (or, for an informed-only route, the informing) of its date
by one of its decision makers. Its facts are worked out from that version exactly as
``partnerfw approved-facts`` works them out.

``partnerfw approved-facts`` refuses to record facts for a decision when the record has changed
since the decision's commit, and ``check`` (APR011) reports approved facts whose fingerprint is
not that of the facts at the decision's commit. When git cannot tell - outside a git repository,
in a shallow clone that does not reach the decision's commit, before the decision is committed -
the answer says so (``NotChecked``) rather than passing silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from partnerfw.findings import Finding, Severity
from partnerfw.git.trail import (
    GitError,
    TrailEntry,
    Version,
    repository_root,
    shallow_commits,
    versions,
)
from partnerfw.judge.approved_facts import (
    describe,
    differences,
    facts_of,
    fingerprint,
    has_decision,
    material,
)
from partnerfw.judge.classify import classify, decided
from partnerfw.record.loading import LoadedRecord, parse_record
from partnerfw.record.models import ApprovedFacts, Arrangement, DecisionMaker
from partnerfw.rules import RULES
from partnerfw.rules.engine import CheckResult, with_findings

if TYPE_CHECKING:
    from partnerfw.policy.project import Project

CODE = "APR011"


@dataclass(frozen=True)
class Decision:
    """A decision, as far as the record's history needs to recognise it."""

    date: dt.date
    reference: str | None
    decided_by: tuple[DecisionMaker, ...]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.decided_by)

    @classmethod
    def of(cls, facts: ApprovedFacts) -> Decision:
        return cls(facts.approved, facts.reference, tuple(facts.decided_by))


@dataclass(frozen=True)
class AtDecision:
    """The record as it stood at the decision's commit."""

    entry: TrailEntry
    """The decision's commit."""
    facts: ApprovedFacts
    """The facts then, belonging to the decision, with their fingerprint."""
    changed_in: tuple[TrailEntry, ApprovedFacts] | None
    """The first later commit whose facts differ from them, and its facts."""

    def where(self) -> str:
        """'commit 1a2b3c4 of 2026-03-10, PR #12'."""
        return where(self.entry)


@dataclass(frozen=True)
class NotChecked:
    """Why git could not show the record as it stood at the decision."""

    reason: str
    severity: Severity


def where(entry: TrailEntry) -> str:
    pr = f", PR #{entry.pr}" if entry.pr is not None else ""
    return f"commit {entry.commit[:7]} of {entry.day}{pr}"


def at_decisions(
    project: Project,
    wanted: Sequence[tuple[LoadedRecord, Decision]],
    *,
    later_changes: bool = True,
) -> list[AtDecision | NotChecked]:
    """For each (record, decision), the record at the decision's commit, or why not known.
    Without ``later_changes`` the later versions are not read (``changed_in`` is None)."""
    if not wanted:
        return []
    try:
        top = repository_root(project.root, strict=True)
        if top is None:
            return [_not_in_git()] * len(wanted)
        paths = [_absolute(project.root, record.file) for record, _ in wanted]
        found = versions(top, paths, statuses=False)
        shallow = shallow_commits(top)
    except GitError as exc:
        return [NotChecked(f"git could not read the history ({exc})", Severity.WARNING)] * len(
            wanted
        )
    return [
        _at(project, record, decision, found[path], shallow, later_changes)
        for (record, decision), path in zip(wanted, paths, strict=True)
    ]


def _not_in_git() -> NotChecked:
    return NotChecked(
        "this register is not in a git repository, so the record as it stood at the decision "
        "cannot be read from its history; check the register repository itself (as CI does)",
        Severity.INFO,
    )


def _absolute(root: Path, file: str) -> Path:
    path = Path(file)
    return (path if path.is_absolute() else root / path).resolve()


def _at(
    project: Project,
    record: LoadedRecord,
    decision: Decision,
    history: list[Version],
    shallow: frozenset[str],
    later_changes: bool,
) -> AtDecision | NotChecked:
    said = describe(decision.date, decision.reference)
    if not history:
        return NotChecked(f"the record is not committed yet, nor is {said}", Severity.INFO)
    policy = project.schedule.policy_on(decision.date)  # the edition in force on that date
    day = decision.date.isoformat().encode("ascii")
    then: list[tuple[TrailEntry, ApprovedFacts | None]] = []
    for version in history:
        if then and not later_changes:
            break
        if not then and (version.raw is None or day not in version.raw):
            continue  # cannot carry the decision: not worth reading
        arrangement = _arrangement(version, record.file)
        if not then and (
            arrangement is None or not has_decision(arrangement, decision.date, decision.roles)
        ):
            continue
        facts = (
            None
            if arrangement is None
            else facts_of(
                arrangement,
                decided(arrangement, classify(arrangement, policy, decision.date)),
                decision.date,
                decision.reference,
                decision.decided_by,
            )
        )
        then.append((version.entry, facts))
    if not then:
        return NotChecked(f"{said} is not committed yet", Severity.INFO)
    entry, facts = then[0]
    assert facts is not None
    if entry.commit in shallow and entry.commit == history[0].entry.commit:
        return NotChecked(
            f"this is a shallow clone whose history may start after {said} was entered; "
            "fetch the whole history (in GitHub Actions: actions/checkout with "
            "fetch-depth: 0) so that check can compare them with the decision's commit",
            Severity.WARNING,
        )
    changed = next(
        (
            (later, later_facts)
            for later, later_facts in then[1:]
            if later_facts is not None and material(later_facts) != material(facts)
        ),
        None,
    )
    return AtDecision(entry, facts, changed)


def _arrangement(version: Version, file: str) -> Arrangement | None:
    if version.raw is None:
        return None
    record, _problems = parse_record(version.raw, file)
    return record.arrangement if record is not None else None


def with_decision_commits(result: CheckResult, project: Project, today: dt.date) -> CheckResult:
    """``result`` with APR011's findings added (``verify``) for the records it checked, under
    the rule settings of the edition in force on ``today``, as ``run_check`` adds its own:
    the step ``check`` adds to read the decisions' commits from git."""
    found = verify(project, [checked.record for checked in result.records])
    return with_findings(result, found, project.schedule.policy_on(today))


def verify(project: Project, records: Sequence[LoadedRecord]) -> list[Finding]:
    """APR011: approved facts whose fingerprint is not that of the facts as they stood at the
    decision's commit, and a note or warning for each whose decision git cannot show."""
    rule = RULES[CODE]
    chosen = [r for r in records if r.outline.approved_facts and rule.applies_to(r.arrangement)]
    wanted = [(r, Decision.of(_facts(r))) for r in chosen]
    found: list[Finding] = []
    answers = at_decisions(project, wanted, later_changes=False)
    for record, answer in zip(chosen, answers, strict=True):
        facts = _facts(record)
        said = describe(facts.approved, facts.reference)
        line = record.line_of("approved_facts")
        if isinstance(answer, NotChecked):
            message = f"the approved facts of {said} were not checked against git: {answer.reason}"
            severity = answer.severity
        elif fingerprint(answer.facts) == fingerprint(facts):
            continue
        else:
            changed = differences(answer.facts, facts)
            detail = "; ".join(changed) if changed else "the facts differ"
            message = (
                f"the approved facts do not match the record as it stood when {said} was "
                f"entered ({answer.where()}): since then they were changed ({detail}) without "
                "a new decision. A decision covers what it saw: restore approved_facts as "
                "that commit had them, or seek a new decision through the route for its "
                f"class and record it with 'partnerfw approved-facts {record.arrangement.id}'"
            )
            severity = rule.severity
        found.append(
            Finding(
                record.file,
                line,
                CODE,
                severity,
                record.arrangement.id,
                message,
                rule.reference,
            )
        )
    return found


def _facts(record: LoadedRecord) -> ApprovedFacts:
    facts = record.arrangement.approved_facts
    assert facts is not None
    return facts
