"""What a reminder says on GitHub: the issue's Markdown body with the hidden marker that
identifies it, and the comments that explain each change.

The body holds nothing that changes by the day (no 'as at' date, no count of days), so an
issue is edited only when its items change or one becomes overdue. Record text goes into
Markdown escaped: a name cannot break the table, inject HTML or mention (notify) anyone.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from partnerfw.reminders.wanted import Reminder
from partnerfw.reports.common import date_text
from partnerfw.reports.due import DueItem

MARKER = "<!-- partnerfw-reminder: {id} -->"
_MARKER = re.compile(r"^<!-- partnerfw-reminder: (?P<id>[^\s>]+) -->", re.MULTILINE)
_ITEMS = re.compile(r"^<!-- partnerfw-reminder-items: (?P<items>.*) -->$", re.MULTILINE)
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


@dataclass(frozen=True)
class Links:
    """Where the record files are on GitHub: ``{server}/{repository}/blob/HEAD/{path}``
    (HEAD is the repository's default branch)."""

    server_url: str
    repository: str

    def record(self, path: str) -> str:
        return f"{self.server_url.rstrip('/')}/{self.repository}/blob/HEAD/{path}"


def md(text: str) -> str:
    """Record text as Markdown that shows it as written: punctuation escaped, '@' kept from
    mentioning anyone, one line."""
    plain = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", plain).replace("@", "@\u200b")


def item_key(item: DueItem, overdue: bool) -> str:
    """One item as the hidden list remembers it (what changed is told from these)."""
    return f"{'OVERDUE ' if overdue else ''}{item.what}: {item.detail}; due {item.due_text}"


def item_line(item: DueItem) -> str:
    return f"{item.what}, due {item.due_text} ({item.detail})"


def record_id_of(body: str | None) -> str | None:
    """The record id of a reminder's hidden marker, or None for any other issue."""
    found = _MARKER.search(body or "")
    return found["id"] if found else None


def items_of(body: str | None) -> list[str]:
    """The items a reminder listed when it was last written (its hidden list)."""
    found = _ITEMS.search(body or "")
    if not found:
        return []
    try:
        items = json.loads(found["items"])
    except ValueError:
        return []
    return [str(i) for i in items] if isinstance(items, list) else []


def keys(reminder: Reminder) -> list[str]:
    return [item_key(i, late) for i, late in zip(reminder.items, reminder.overdue, strict=True)]


def _hidden_items(reminder: Reminder) -> str:
    # Inside an HTML comment: no '--' or '>' may appear, so both are written as JSON escapes.
    listed = json.dumps(keys(reminder), ensure_ascii=True)
    return listed.replace("-", "\\u002d").replace(">", "\\u003e")


def body(reminder: Reminder, links: Links, within: int, note: str | None = None) -> str:
    """The issue's body: the marker, who and what, the table of items, and how it closes."""
    record = links.record(reminder.record_path)
    lead = md(reminder.lead_officer)
    if reminder.assignee:
        lead += f" (@{reminder.assignee})"
    lines = [
        MARKER.format(id=reminder.record_id),
        f"<!-- partnerfw-reminder-items: {_hidden_items(reminder)} -->",
        f"**{md(reminder.name)}** has monitoring or a review due within {within} days, or "
        "overdue, as the register records it.",
        "",
        f"- Lead officer: {lead}, {md(reminder.department)}",
        f"- Record: [{md(reminder.record_path)}]({record})",
    ]
    if note:
        lines.append(f"- Note: {note}")
    lines += [
        "",
        "| What | Due | Status | Details | Framework |",
        "| --- | --- | --- | --- | --- |",
    ]
    for item, late in zip(reminder.items, reminder.overdue, strict=True):
        status = "**Overdue**" if late else "Due"
        lines.append(
            f"| {md(item.what)} | {md(item.due_text)} | {status} | {md(item.detail)} "
            f"| {md(item.reference)} |"
        )
    lines += [
        "",
        "When the work is done, record it in the record file (for example the report's date "
        "under `monitoring:`, or the review's date) through a pull request. Once that is "
        "merged, the next run of `partnerfw reminders` closes this issue. Please do not edit "
        "this description: the reminders rewrite it.",
    ]
    return "\n".join(lines) + "\n"


def changes(before: list[str], reminder: Reminder, markdown: bool = True) -> list[str]:
    """What changed since the issue was last written, one line each (as Markdown list items,
    or as plain text)."""
    md_or_plain = md if markdown else (lambda line: line)
    now = keys(reminder)
    lines = []
    plain_before = {k.removeprefix("OVERDUE ") for k in before}
    for item, late, key in zip(reminder.items, reminder.overdue, now, strict=True):
        if key in before:
            continue
        if late and key.removeprefix("OVERDUE ") in plain_before:
            lines.append(f"- Now overdue: {md_or_plain(item_line(item))}")
        else:
            lines.append(f"- Newly due: {md_or_plain(item_line(item))}")
    plain_now = {k.removeprefix("OVERDUE ") for k in now}
    for key in before:
        if key.removeprefix("OVERDUE ") not in plain_now:
            lines.append(f"- No longer due: {md_or_plain(key.removeprefix('OVERDUE '))}")
    return lines


def update_comment(before: list[str], reminder: Reminder, as_of: dt.date) -> str:
    return "\n".join(
        [f"The register changed (as at {date_text(as_of)}):", "", *changes(before, reminder)]
    )


def reopen_comment(before: list[str], reminder: Reminder, as_of: dt.date) -> str:
    listed = [f"- {md(item_line(i))}" for i in reminder.items]
    return "\n".join(
        [
            f"Reopened: as at {date_text(as_of)} the register shows this due again:",
            "",
            *listed,
        ]
    )


def close_comment(before: list[str], path: str | None, links: Links, as_of: dt.date) -> str:
    """Why the issue closes: the record shows the work done (or the record has gone)."""
    done = [f"- {md(k.removeprefix('OVERDUE '))}" for k in before]
    if path is None:
        lead = (
            f"As at {date_text(as_of)} this arrangement is no longer on the register (or no "
            "longer has anything due): closing."
        )
    else:
        lead = (
            f"As at {date_text(as_of)} the record [{md(path)}]({links.record(path)}) shows "
            "nothing due: closing. Thank you."
        )
    return "\n".join([lead, *(["", "No longer due:", *done] if done else [])])
