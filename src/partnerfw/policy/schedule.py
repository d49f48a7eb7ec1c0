"""Which edition of the framework is in force on a date, and the draft under consideration.

``partnerfw.yaml`` lists the editions in force from their adoption dates (``editions:``), or
names one (``edition:``) in force throughout. An approval is judged against the edition in
force on its decision date, a live record against the one in force on the day ``check`` is
run for (``--today``): adopting a new edition never re-judges a past approval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerfw.policy.schema import Policy


@dataclass(frozen=True)
class Edition:
    """One line of the schedule, its policy built with the council's overrides."""

    name: str
    """As ``partnerfw.yaml`` names it: 'revised', 'earlier' or a policy file."""
    policy: Policy
    from_date: dt.date | None = None
    """First day in force; None for a first line whose date is not recorded."""
    decision: str | None = None
    """The decision that adopted it (minute or decision notice)."""

    def describe(self) -> str:
        if self.from_date is None:
            return f"'{self.name}' (in force; adoption date not recorded)"
        return f"'{self.name}' (in force from {self.from_date}, {self.decision})"


@dataclass(frozen=True)
class Schedule:
    editions: tuple[Edition, ...]
    """Oldest first; never empty."""
    draft: Policy | None = None
    """An edition under consideration, for what-if comparisons."""
    draft_name: str | None = None
    draft_status: str | None = None

    @classmethod
    def single(cls, policy: Policy) -> Schedule:
        return cls((Edition(policy.edition, policy),))

    def edition_on(self, day: dt.date) -> Edition:
        """The edition in force on ``day``; before the first dated line, the first line."""
        found = self.editions[0]
        for edition in self.editions:
            if edition.from_date is None or edition.from_date <= day:
                found = edition
        return found

    def policy_on(self, day: dt.date) -> Policy:
        return self.edition_on(day).policy

    def until(self, edition: Edition) -> dt.date | None:
        """The last day ``edition`` is in force (None: still in force)."""
        index = self.editions.index(edition)
        if index + 1 < len(self.editions):
            later = self.editions[index + 1].from_date
            assert later is not None  # Settings requires a date on every later line
            # (an edition from the calendar's first day has no day before it)
            return later - dt.timedelta(days=1) if later > dt.date.min else later
        return None

    def adopted(self, policy: Policy) -> bool:
        """Whether an adoption says ``policy``'s edition is (or was) in force: its line of the
        schedule names the decision that adopted it, or its own record says it was adopted
        (or superseded, having been in force). An edition only drafted or noted is applied
        when a schedule names it, but never called in force."""
        line = next((e for e in self.editions if e.policy is policy), None)
        if line is not None and line.decision:
            return True
        return policy.adoption is not None and policy.adoption.status in ("adopted", "superseded")

    def named(self, name: str) -> Policy | None:
        """The schedule's edition or the draft called ``name`` (the draft also as 'draft')."""
        if self.draft is not None and name in ("draft", self.draft_name):
            return self.draft
        for edition in reversed(self.editions):
            if name in (edition.name, edition.policy.edition):
                return edition.policy
        return None
