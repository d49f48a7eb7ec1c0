"""What a rule is, and the registry every rule module adds itself to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from partnerfw.findings import Severity
from partnerfw.judge.classify import Classification
from partnerfw.policy.schedule import Schedule
from partnerfw.policy.schema import MasterLists, Policy
from partnerfw.record.loading import LoadedRecord
from partnerfw.record.models import Arrangement, Kind, Status

ALL_KINDS = frozenset(Kind)
EVALUATED = frozenset({Kind.PARTNERSHIP, Kind.SHARED_SERVICE})
ALL_STAGES = frozenset(Status)
BEFORE_APPROVAL = frozenset({Status.PROPOSED, Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW})
"""Stages at which what was due before approval is still checked (proposed: as a to-do)."""
APPROVED_ONWARDS = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
RUNNING = frozenset({Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at. Rules do no I/O and read no clock."""

    record: LoadedRecord
    classification: Classification
    policy: Policy
    today: dt.date
    lists: MasterLists = field(default_factory=MasterLists)
    """The people and objectives partnerfw.yaml lists (master lists; empty when not kept)."""
    schedule: Schedule | None = None
    """Which edition is in force on which date (None: ``policy`` throughout)."""
    decided_on: dt.date | None = None
    """Set when the rule judges the approval of that date under the edition then in force
    (``policy`` and ``classification`` are then that edition's)."""

    @property
    def arrangement(self) -> Arrangement:
        return self.record.arrangement

    def policy_on(self, day: dt.date) -> Policy:
        """The edition in force on ``day`` (with the council's overrides)."""
        return self.schedule.policy_on(day) if self.schedule is not None else self.policy

    @property
    def policy_today(self) -> Policy:
        """The edition in force on ``today``, even when this context judges a past approval."""
        return self.policy_on(self.today) if self.decided_on is not None else self.policy


@dataclass(frozen=True)
class Hit:
    message: str
    path: tuple[str | int, ...] = ()
    reference: str | None = None
    severity: Severity | None = None
    """Overrides the rule's severity for this hit, e.g. a note that something falls due."""


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    area: str
    title: str
    severity: Severity
    reference: str
    kinds: frozenset[Kind] = ALL_KINDS
    stages: frozenset[Status] = ALL_STAGES
    check: Check | None = None
    before_approval: bool = False
    """A requirement to meet before approval: a proposed record gets it as a warning to-do."""
    guidance: str | None = None
    """For a requirement that cannot be checked from the record: why, and what to do instead."""
    doc: str = field(default="", compare=False)
    judges_approval: bool = False
    """It judges how the arrangement was approved, so an approved record is judged against the
    edition in force on its approval's date (so are the ``before_approval`` rules)."""

    def applies_to(self, arrangement: Arrangement) -> bool:
        return arrangement.kind in self.kinds and arrangement.status in self.stages


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    area: str,
    title: str,
    severity: Severity,
    reference: str,
    *,
    kinds: Iterable[Kind] = ALL_KINDS,
    stages: Iterable[Status] = ALL_STAGES,
    before_approval: bool = False,
    judges_approval: bool = False,
) -> Callable[[Check], Check]:
    """Register ``check`` as rule ``code``; its docstring is the rule's documentation."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise RuntimeError(f"rule {code} registered twice")
        RULES[code] = Rule(
            code,
            area,
            title,
            severity,
            reference,
            frozenset(kinds),
            frozenset(stages),
            check,
            before_approval,
            None,
            (check.__doc__ or "").strip(),
            judges_approval,
        )
        return check

    return register


def guidance(code: str, area: str, title: str, reference: str, why: str) -> None:
    """Register a requirement that ``check`` cannot decide from the record's data."""
    RULES[code] = Rule(code, area, title, Severity.INFO, reference, guidance=why)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day if shorter); dates past year 9999
    become the last representable date, i.e. never."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def plus_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``, or the last representable date if that is past year 9999."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def blank(text: str | None) -> bool:
    return text is None or not text.strip()
