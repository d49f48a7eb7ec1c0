"""Findings as a resident reads them on an arrangement's page: the rule's title, how serious it
is in words, and the message in plain language, or a note that it concerns a confidential
part when the message would point at or quote one."""

from __future__ import annotations

import datetime as dt
import functools
import re

from partnerfw.findings import Finding, Severity
from partnerfw.record.models import Arrangement
from partnerfw.record.partial_dates import PartialDate
from partnerfw.rules import RULES
from partnerfw.views.common import long_date
from partnerfw.views.pages import FindingView
from partnerfw.views.redaction import Redaction

SEVERITY_LABELS = {
    Severity.ERROR: "Must be put right",
    Severity.WARNING: "Should be put right",
    Severity.INFO: "Note",
}
CONFIDENTIAL_FINDING = (
    "This concerns a part of the record that is confidential, so the detail is not published."
)


def finding_views(findings: list[Finding], r: Redaction) -> list[FindingView]:
    """The record's findings, most serious first, none quoting what is withheld."""
    out = []
    for f in sorted(findings, key=lambda f: (f.severity.rank, f.rule, f.line, f.message)):
        rule = RULES.get(f.rule)
        title = rule.title if rule else f.rule
        message = plain_language(CONFIDENTIAL_FINDING if r.masks(f) else f.message)
        out.append(
            FindingView(
                f.severity.value,
                SEVERITY_LABELS[f.severity],
                title,
                message[:1].upper() + message[1:],
                f.cited,
            )
        )
    return out


_FIELD_PATH = re.compile(
    r"\b(?:" + "|".join(sorted(Arrangement.model_fields, key=len, reverse=True)) + r")"
    r"(?:\.[a-z0-9_]+)+\b"
)
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b(?!-\d)")


@functools.lru_cache(maxsize=4096)
def plain_language(message: str) -> str:
    """A finding as a resident reads it: field paths and code words become words ('under
    monitoring.budget_reports' -> 'under budget reports', 'in_place' -> 'in place') and ISO
    dates become '3 November 2025' ('2020-10', a date known to the month, 'October 2020').
    Kept for the next finding with the same words (a register repeats its messages)."""

    def field(match: re.Match[str]) -> str:
        last = [part for part in match.group(0).split(".") if not part.isdigit()][-1]
        return last.replace("_", " ")

    def day(match: re.Match[str]) -> str:
        try:
            return long_date(dt.date(*(int(g) for g in match.groups())))
        except ValueError:
            return match.group(0)

    def month(match: re.Match[str]) -> str:
        return PartialDate(int(match[1]), int(match[2])).in_words()

    text = _FIELD_PATH.sub(field, message)
    text = _SNAKE.sub(lambda m: m.group(0).replace("_", " "), text)
    return _ISO_MONTH.sub(month, _ISO_DAY.sub(day, text))
