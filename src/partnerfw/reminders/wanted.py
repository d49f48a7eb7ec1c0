"""The reminder each arrangement should have: its due items, title, labels and assignee.

Computed from the checked register with the due report's own logic (``reports.due``): every
item due within ``within`` days or overdue, end dates from the policy's renewal notice (a
decision on renewal needs that notice). Pure: the date is given, nothing is read or sent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerfw.judge.classify import KIND_LABELS
from partnerfw.policy.schema import MasterLists, Policy
from partnerfw.record.models import Kind
from partnerfw.reports.due import END_DATES, DueItem, items_for
from partnerfw.rules.engine import CheckedRecord

DEFAULT_WITHIN = 30
"""Days ahead a reminder is opened, unless --within says otherwise."""
REMINDER_LABEL = "partnerfw reminder"
"""The label every reminder carries: how the command finds its own issues."""
DUE_LABEL = "due soon"
OVERDUE_LABEL = "overdue"
KIND_LABEL = {kind: f"kind: {label.lower()}" for kind, label in KIND_LABELS.items()}
LABEL_COLOURS = {REMINDER_LABEL: "1d3f6e", DUE_LABEL: "fbca04", OVERDUE_LABEL: "b60205"}
KIND_COLOUR = "c5def5"
LABEL_DESCRIPTIONS = {
    REMINDER_LABEL: "Monitoring or a review due: opened and closed by partnerfw reminders",
    DUE_LABEL: "Falls due soon (partnerfw reminders)",
    OVERDUE_LABEL: "Overdue (partnerfw reminders)",
    **{name: "The kind of arrangement (partnerfw reminders)" for name in KIND_LABEL.values()},
}
_NAME_IN_TITLE = 200
"""GitHub takes titles of up to 256 characters: a longer name is cut in the title."""
MANAGED_LABELS = frozenset(LABEL_COLOURS) | frozenset(KIND_LABEL.values())
"""The labels the command sets and takes off; any other label a person adds is kept."""


@dataclass(frozen=True)
class Reminder:
    """The issue one arrangement should have."""

    record_id: str
    name: str
    kind: Kind
    record_path: str
    """The record file from the git repository's root, e.g. register/food-network.yaml."""
    lead_officer: str
    department: str
    assignee: str | None
    """The lead officer's GitHub login from the master lists, or None."""
    items: tuple[DueItem, ...]
    overdue: tuple[bool, ...]
    """For each item: overdue as at the date of the run."""

    @property
    def any_overdue(self) -> bool:
        return any(self.overdue)

    @property
    def labels(self) -> tuple[str, ...]:
        state = OVERDUE_LABEL if self.any_overdue else DUE_LABEL
        return (REMINDER_LABEL, KIND_LABEL[self.kind], state)

    @property
    def title(self) -> str:
        count = len(self.items)
        late = sum(self.overdue)
        what = f"{count} item{'s' if count != 1 else ''} due"
        name = self.name if len(self.name) <= _NAME_IN_TITLE else self.name[:_NAME_IN_TITLE] + "…"
        return f"{name}: {what}" + (f", {late} overdue" if late else "")


def wanted_reminders(
    records: list[CheckedRecord],
    policy: Policy,
    lists: MasterLists,
    as_of: dt.date,
    within: int,
    repo_path: dict[str, str],
) -> list[Reminder]:
    """One reminder for each arrangement with something due by ``as_of + within`` days (end
    dates by the policy's renewal notice, if longer) or overdue, in the register's order.
    ``repo_path`` gives each record's file from the repository's root, by id."""
    until = as_of + dt.timedelta(days=within)
    notice = as_of + dt.timedelta(days=max(within, policy.intervals.renewal_notice_days))
    found = []
    for checked in records:
        items = [
            item
            for item in items_for(checked, policy, as_of)
            if item.due <= (notice if item.what in END_DATES else until)
        ]
        if not items:
            continue
        items.sort(key=lambda i: (i.due, i.what, i.detail))
        a = checked.record.arrangement
        found.append(
            Reminder(
                a.id,
                a.name,
                a.kind,
                repo_path.get(a.id, checked.record.file),
                a.lead_officer.name,
                a.department,
                lists.github_login(a.lead_officer.name),
                tuple(items),
                tuple(item.is_overdue(as_of) for item in items),
            )
        )
    return found
