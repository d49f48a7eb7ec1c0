"""Bring GitHub's reminder issues in line with the register: what to open, update, reopen and
close (``plan``, pure), then do it or say what it would do (``apply``).

An arrangement has at most one reminder issue, ever: found by its hidden marker among the
issues carrying the reminder label, reopened when something falls due again, so nothing is
opened twice. An open reminder whose arrangement has nothing due any more is closed with a
comment saying what the record now shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from partnerfw.reminders import text
from partnerfw.reminders.github import Issue, Repository
from partnerfw.reminders.wanted import (
    KIND_COLOUR,
    LABEL_COLOURS,
    LABEL_DESCRIPTIONS,
    MANAGED_LABELS,
    REMINDER_LABEL,
    Reminder,
)


@dataclass(frozen=True)
class Change:
    """One thing to do on GitHub: open an issue (``number`` None), or edit one and/or
    comment on it."""

    action: str
    """'open', 'update', 'reopen' or 'close'."""
    record_id: str
    number: int | None
    fields: dict[str, Any]
    comment: str | None = None
    why: str = ""

    def describe(self, done: bool) -> str:
        verb = {
            "open": ("Opened", "Would open"),
            "update": ("Updated", "Would update"),
            "reopen": ("Reopened", "Would reopen"),
            "close": ("Closed", "Would close"),
        }[self.action][0 if done else 1]
        what = "an issue" if self.number is None else f"#{self.number}"
        return f"{verb} {what} for {self.record_id}" + (f": {self.why}" if self.why else "")


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    up_to_date: list[int] = field(default_factory=list)
    """Open reminders already as the register has them."""
    labels: list[str] = field(default_factory=list)
    """Labels to create first."""


def assignee_and_note(
    reminder: Reminder, assignable: dict[str, bool]
) -> tuple[str | None, str | None]:
    """Who is assigned, or None with a note saying why nobody is."""
    lead = text.md(reminder.lead_officer)
    if not reminder.assignee:
        return None, (
            f"no GitHub account is recorded for {lead}, so this issue is not assigned: add "
            "`github:` to their entry in the officers list in partnerfw.yaml"
        )
    if not assignable.get(reminder.assignee, True):
        return None, (
            f"the GitHub account `{reminder.assignee}` recorded for {lead} cannot be assigned "
            "in this repository: give it access, or correct `github:` in partnerfw.yaml"
        )
    return reminder.assignee, None


def plan(
    wanted: list[Reminder],
    existing: list[Issue],
    assignable: dict[str, bool],
    links: text.Links,
    within: int,
    as_of: dt.date,
    record_paths: dict[str, str] | None = None,
    known_labels: set[str] | None = None,
    unreadable: frozenset[str] = frozenset(),
) -> Plan:
    """What to do so that each arrangement in ``wanted`` has its one open, current reminder
    and no other reminder stays open. ``record_paths`` gives every record's file (for the
    closing comment's link); ``known_labels`` the repository's labels (None: not read);
    ``unreadable`` the ids whose record files could not be read: their reminders stay open."""
    found = _by_record(existing)
    result = Plan()
    for reminder in wanted:
        assignee, note = assignee_and_note(reminder, assignable)
        desired = {
            "title": reminder.title,
            "body": text.body(reminder, links, within, note),
            "assignees": [assignee] if assignee else [],
        }
        issue = found.pop(reminder.record_id, None)
        if issue is None:
            result.changes.append(
                Change(
                    "open",
                    reminder.record_id,
                    None,
                    {**desired, "labels": list(reminder.labels)},
                    why=_summary(reminder, assignee),
                )
            )
            continue
        edit = _edit(issue, reminder, desired, as_of)
        if edit is None:
            result.up_to_date.append(issue.number)
        else:
            result.changes.append(edit)
    for record_id, issue in sorted(found.items()):
        if issue.state != "open" or record_id in unreadable:
            continue  # a record that could not be read this time may still have work due
        path = (record_paths or {}).get(record_id)
        comment = text.close_comment(text.items_of(issue.body), path, links, as_of)
        result.changes.append(
            Change(
                "close",
                record_id,
                issue.number,
                {"state": "closed", "state_reason": "completed"},
                comment,
                "the register shows nothing due",
            )
        )
    used = {label for c in result.changes for label in c.fields.get("labels", [])}
    if known_labels is not None:
        result.labels = sorted(used - known_labels)
    return result


def _by_record(existing: list[Issue]) -> dict[str, Issue]:
    """Each arrangement's reminder: its open one (the oldest if several), else its latest."""
    found: dict[str, Issue] = {}
    for issue in sorted(existing, key=lambda i: i.number):
        record_id = text.record_id_of(issue.body)
        if record_id is None:
            continue
        held = found.get(record_id)
        if held is None or (held.state != "open" and issue.state == "open"):
            found[record_id] = issue
        elif held.state != "open" and issue.state != "open":
            found[record_id] = issue  # the latest closed one
    return found


def _edit(
    issue: Issue, reminder: Reminder, desired: dict[str, Any], as_of: dt.date
) -> Change | None:
    fields: dict[str, Any] = {}
    if issue.title != desired["title"]:
        fields["title"] = desired["title"]
    if issue.body.replace("\r\n", "\n") != desired["body"]:
        fields["body"] = desired["body"]
    labels = [lab for lab in issue.labels if lab not in MANAGED_LABELS] + list(reminder.labels)
    if set(labels) != set(issue.labels):
        fields["labels"] = labels
    if desired["assignees"] and desired["assignees"][0] not in issue.assignees:
        fields["assignees"] = desired["assignees"]
    before = text.items_of(issue.body)
    if issue.state != "open":
        fields.update(state="open", title=desired["title"], body=desired["body"], labels=labels)
        return Change(
            "reopen",
            reminder.record_id,
            issue.number,
            fields,
            text.reopen_comment(before, reminder, as_of),
            _summary(reminder, desired["assignees"][0] if desired["assignees"] else None),
        )
    if not fields:
        return None
    changed = text.changes(before, reminder, markdown=False)
    comment = text.update_comment(before, reminder, as_of) if changed else None
    why = "; ".join(line.removeprefix("- ") for line in changed) or "its description or labels"
    return Change("update", reminder.record_id, issue.number, fields, comment, why)


def _summary(reminder: Reminder, assignee: str | None) -> str:
    who = f"assigned to @{assignee}" if assignee else "not assigned"
    return f"'{reminder.title}', {who}, labelled {', '.join(reminder.labels)}"


def apply(repo: Repository, planned: Plan, report: list[str]) -> None:
    """Do the plan on GitHub, one request at a time; each line of what was done is added to
    ``report`` as it is done (so that an error part-way still says what was)."""
    for label in planned.labels:
        colour = LABEL_COLOURS.get(label, KIND_COLOUR)
        repo.create_label(label, colour, LABEL_DESCRIPTIONS.get(label, ""))
        report.append(f"Created the label '{label}'")
    for change in planned.changes:
        if change.number is None:
            issue = repo.open_issue(
                change.fields["title"],
                change.fields["body"],
                change.fields["labels"],
                change.fields["assignees"],
            )
            report.append(change.describe(True).replace("an issue", f"#{issue.number}", 1))
            continue
        if change.action == "close":
            if change.comment:
                repo.comment(change.number, change.comment)
            repo.edit_issue(change.number, **change.fields)
        else:
            repo.edit_issue(change.number, **change.fields)
            if change.comment:
                repo.comment(change.number, change.comment)
        report.append(change.describe(True))


__all__ = ["REMINDER_LABEL", "Change", "Plan", "apply", "plan"]
