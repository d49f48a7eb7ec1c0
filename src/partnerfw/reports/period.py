"""What happened in a report's period: arrangements added, ended or ending, and the decisions
taken, from the records' dates and, when the register's history gives a baseline, from what
was added to or removed from the register since."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerfw.policy.schema import Policy
from partnerfw.record.models import Arrangement, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.reports.common import ReportData, date_text, status_label
from partnerfw.rules.engine import CheckedRecord

_ENDED = (Status.ENDING, Status.ENDED)


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    day: dt.date | PartialDate | None
    what: str

    @property
    def first_day(self) -> dt.date:
        """For sorting: the day, or the first day of a month or year; undated last."""
        if isinstance(self.day, PartialDate):
            return self.day.earliest
        return self.day or dt.date.max


@dataclass(frozen=True)
class Period:
    start: dt.date
    """The period runs from the day after this."""
    end: dt.date

    def holds(self, day: dt.date | PartialDate | None) -> bool:
        """In the period; a date known to the month or year counts in the period holding
        its first day, so that successive reports show it once."""
        first = day.earliest if isinstance(day, PartialDate) else day
        return first is not None and self.start < first <= self.end


def events(
    data: ReportData, start: dt.date, baseline: ReportData | None
) -> tuple[list[Event], list[Event], list[Event]]:
    """What was added, ended and decided in the period: from the records' dates, and from
    the baseline when there is one (added to or removed from the register)."""
    period = Period(start, data.as_of)
    before = {r.id: r for r in baseline.records} if baseline is not None else None
    added = [e for r in data.records if (e := _added(r, period, before)) is not None]
    ended = [
        e for r in data.records if (e := _ended(r.record.arrangement, period, before)) is not None
    ]
    if before is not None:
        now = {r.id for r in data.records}
        ended += [
            Event(old_id, old.record.arrangement.name, None, "removed from the register")
            for old_id, old in before.items()
            if old_id not in now
        ]
    decisions = [
        e for r in data.records for e in _decisions(r.record.arrangement, period, data.policy)
    ]
    key = lambda e: (e.first_day, e.name)  # noqa: E731
    return sorted(added, key=key), sorted(ended, key=key), sorted(decisions, key=key)


def _added(
    r: CheckedRecord, period: Period, before: dict[str, CheckedRecord] | None
) -> Event | None:
    a = r.record.arrangement
    if period.holds(a.dates.start):
        urgent = ", urgent route" if a.is_urgent else ""
        what = f"started ({r.classification.label.lower()}{urgent})"
        return Event(a.id, a.name, a.dates.start, what)
    if before is not None and a.id not in before:
        what = f"added to the register ({status_label(a.status).lower()})"
        return Event(a.id, a.name, None, what)
    return None


def _ended(a: Arrangement, period: Period, before: dict[str, CheckedRecord] | None) -> Event | None:
    was = before.get(a.id) if before is not None else None
    was_running = was is not None and was.record.arrangement.status not in _ENDED
    if a.status is Status.ENDING or (
        a.status is Status.ENDED and (period.holds(a.dates.end) or was_running)
    ):
        end = f", end date {date_text(a.dates.end)}" if a.dates.end else ""
        return Event(a.id, a.name, a.dates.end, f"{status_label(a.status).lower()}{end}")
    return None


def _decisions(a: Arrangement, period: Period, policy: Policy) -> list[Event]:
    """Approvals recorded and agreements signed in the period."""
    found = []
    for approval in a.approvals:
        if period.holds(approval.date):
            role = policy.role_title(approval.role)
            who = role if approval.name == role else f"{role} ({approval.name})"
            reference = f" — {approval.reference}" if approval.reference else ""
            what = f"{who}: {approval.decision.value}{reference}"
            found.append(Event(a.id, a.name, approval.date, what))
    if period.holds(a.agreement.signed):
        found.append(Event(a.id, a.name, a.agreement.signed, "agreement signed"))
    return found
