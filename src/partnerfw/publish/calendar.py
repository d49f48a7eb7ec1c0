"""``due.ics``: every review and report date the register shows as due, as an iCalendar feed
(RFC 5545) that officers and the public can subscribe to.

One all-day event for each date the due report works out (``reports.due.due_items``): the next
budget and performance reports, each risk's review, the annual review, the shared service
review, end dates, exit steps, urgent approvals. Made from the public view only (the one
redaction, through ``reports.common.prepare``): nothing a record marks confidential. The output
is reproducible: events in a fixed order, each UID made from the arrangement, what falls due
and its date, and DTSTAMP the build's date, not the clock.
"""

from __future__ import annotations

import datetime as dt
import re

from partnerfw import __version__
from partnerfw.judge.classify import KIND_LABELS
from partnerfw.judge.dates import plus_days
from partnerfw.record.models import Arrangement
from partnerfw.reports.common import ReportData, date_text
from partnerfw.reports.due import DueItem, due_items

FILE = "due.ics"
_LINE_OCTETS = 75
_NOT_UID = re.compile(r"[^a-z0-9]+")


def text_value(value: str) -> str:
    """TEXT escaped as RFC 5545 3.3.11 asks: backslash, semicolon, comma and newlines."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return escaped.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= _LINE_OCTETS:
        return line
    parts: list[bytes] = []
    start, limit = 0, _LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, _LINE_OCTETS - 1  # each following line starts with a space
    parts.append(data[start:])
    return "\r\n ".join(part.decode("utf-8") for part in parts)


def _uid_part(text: str) -> str:
    return _NOT_UID.sub("-", text.casefold()).strip("-") or "x"


def calendar_text(data: ReportData, site_url: str | None) -> str:
    """The feed for the public register in ``data`` (``prepare(..., public=True)``), dated
    by its as-of day; event links go to the arrangement's page when the site's address is
    known (partnerfw.yaml site.url, ending in '/')."""
    host = _uid_part(data.council) + ".partnerfw"
    stamp = f"{data.as_of:%Y%m%d}T000000Z"
    name = text_value(data.council + ": partnerships register dates due")
    about = text_value(
        "The monitoring reports and reviews, end dates and exit steps the register of "
        f"partnerships and shared services shows as due, as at {date_text(data.as_of)}."
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//partnerfw//partnerfw {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{name}",  # RFC 7986; X-WR-CALNAME for the calendars that read only that
        f"X-WR-CALNAME:{name}",
        f"DESCRIPTION:{about}",
        f"X-WR-CALDESC:{about}",
        "REFRESH-INTERVAL;VALUE=DURATION:P1D",
        "X-PUBLISHED-TTL:P1D",
    ]
    seen: dict[str, int] = {}
    for checked in data.records:
        a = checked.record.arrangement
        page = f"{site_url}arrangements/{a.id}.html" if site_url else None
        items = sorted(due_items(data, checked), key=lambda i: (i.due, i.what, i.detail))
        for item in items:
            uid = f"{_uid_part(a.id)}-{_uid_part(item.what)}-{item.due:%Y%m%d}"
            seen[uid] = seen.get(uid, 0) + 1
            if seen[uid] > 1:
                uid += f"-{seen[uid]}"
            lines += _event(item, f"{uid}@{host}", stamp, KIND_LABELS[a.kind], a, page)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def summary(item: DueItem) -> str:
    """An event's title: what falls due, and for which arrangement."""
    return f"{item.what}: {item.name}"


def _event(
    item: DueItem, uid: str, stamp: str, kind: str, a: Arrangement, page: str | None
) -> list[str]:
    description = [
        f"{item.what}, due {item.due_text}: {item.detail}.",
        f"{item.reference}.",
        f"{kind}; lead officer {a.lead_officer.name}, {a.department}.",
    ]
    if page:
        description.append(page)
    # The day after, except on the calendar's last day: a date with no end lasts one day.
    end = [] if item.due == dt.date.max else [f"DTEND;VALUE=DATE:{plus_days(item.due, 1):%Y%m%d}"]
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
        *end,
        f"SUMMARY:{text_value(summary(item))}",
        f"DESCRIPTION:{text_value(chr(10).join(description))}",
        f"CATEGORIES:{text_value(kind)}",
        "TRANSP:TRANSPARENT",
    ]
    if page:
        lines.append(f"URL;VALUE=URI:{page}")
    lines.append("END:VEVENT")
    return lines
