"""What a rule is, and the registries every rule module adds itself to: ``RULES`` for the
rules judging one record at a time, ``REGISTER_CHECKS`` for the checks across the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from partnerfw.findings import Finding, Severity
from partnerfw.judge.classify import Classification
from partnerfw.judge.stages import ALL_KINDS, ALL_STAGES
from partnerfw.policy.schedule import Schedule
from partnerfw.policy.schema import Intervals, MasterLists, Policy
from partnerfw.record.loading import LoadedRecord
from partnerfw.record.models import Arrangement, Kind, Status


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at. Rules do no I/O and read no clock."""

    record: LoadedRecord
    classification: Classification
    policy: Policy
    today: dt.date
    lists: MasterLists = field(default_factory=MasterLists)
    """The people and objectives partnerfw.yaml lists (master lists; empty when not kept)."""
    editions: Schedule | None = None
    """Which edition is in force on which date, as given (None: ``policy`` throughout)."""
    decided_on: dt.date | None = None
    """Set when the rule judges the approval of that date under the edition then in force
    (``policy`` and ``classification`` are then that edition's)."""

    @property
    def arrangement(self) -> Arrangement:
        return self.record.arrangement

    @property
    def schedule(self) -> Schedule:
        """Which edition is in force on which date: the one given, else ``policy`` alone."""
        return self.editions if self.editions is not None else Schedule.single(self.policy)

    @property
    def intervals(self) -> Intervals:
        """The review cycle of the record's class: the policy's intervals, with what the
        class sets for itself."""
        return self.policy.intervals_for(self.classification.klass)

    def basis(self, path: str) -> str:
        """Whether the setting at ``path`` is the framework's, the council's own choice or not
        settled (``Policy.basis``), as it applies to the record's class."""
        return self.policy.basis(path, self.classification.klass)

    @property
    def policy_today(self) -> Policy:
        """The edition in force on ``today``, even when this context judges a past approval."""
        return self.schedule.policy_on(self.today) if self.decided_on is not None else self.policy

    def chosen(self, *paths: str) -> str | None:
        """For a hit that exists because of the policy's settings at ``paths``: what the
        council chose, when any of them is its own choice rather than the framework's (the
        hit's basis is then local), e.g. "the council's setting
        intervals.performance_report_months = 6"; None when all are the framework's."""
        for path in paths:
            source = self.policy.source_of(path)
            if source is None or source.local is not None:
                return f"the council's setting {path} = {shown(setting_value(self.policy, path))}"
        return None

    def turned_on(self, setting: str) -> str | None:
        """For a hit that exists because the yes/no ``setting`` is on: what the council chose,
        when the setting is one a matter the framework review leaves open depends on (such a
        matter is the council's decision, whatever the source it gives), else ``chosen``."""
        for name, matter in self.policy.open_matters.items():
            if matter.setting == setting:
                return f"the open matter {name}, which the council turned on ({setting})"
        return self.chosen(setting)


@dataclass(frozen=True)
class Hit:
    message: str
    path: tuple[str | int, ...] = ()
    reference: str | None = None
    severity: Severity | None = None
    """Overrides the rule's severity for this hit, e.g. a note that something falls due."""
    local: str | None = None
    """Set when this hit rests on a choice of the council's rather than on the framework
    (a local setting it uses, a matter the framework review leaves open that the council
    turned on): what was chosen (``Context.chosen`` words it for a setting)."""


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


RegisterCheck = Callable[[list[LoadedRecord], Collection[str]], list[Finding]]
"""A check across the register: (every record loaded, the ids of the register's records not
loaded) -> findings. Links to a record not loaded are not called unknown."""

REGISTER_CHECKS: list[RegisterCheck] = []


def register_check(check: RegisterCheck) -> RegisterCheck:
    """Register ``check`` to run across the register after the rules for each record; the
    rules it reports are in ``RULES`` (with no ``check`` of their own)."""
    REGISTER_CHECKS.append(check)
    return check


def blank(text: str | None) -> bool:
    return text is None or not text.strip()


def setting_value(policy: Policy, path: str) -> object:
    """The value of the policy's setting at dotted ``path`` (None when there is none)."""
    value: object = policy
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
        if value is None:
            return None
    return value


def shown(value: object) -> str:
    """A setting's value as ``partnerfw rules`` shows it: yes/no, lists joined, none."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)
