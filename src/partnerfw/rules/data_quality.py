"""Data quality of a single record: what the schema alone cannot say."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from partnerfw.findings import Severity
from partnerfw.record.models import Kind, Status
from partnerfw.record.partial_dates import on
from partnerfw.rules.base import RULES, Context, Hit, Rule, rule


def resolve(data: Any, dotted: str) -> bool:
    """True when the dotted path (``partners.1.contribution``) names part of the record."""
    current = data
    for part in dotted.split("."):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return False
    return True


@rule("DATA005", "data quality", "Confidential parts exist", Severity.ERROR, "Framework 6.5")
def confidential_paths(ctx: Context) -> Iterator[Hit]:
    """Each path under ``confidential`` names a part of the record, so nothing meant to be
    confidential is published because of a typo. Paths are dotted, with list positions
    counted from 0: ``partners.1.contribution``."""
    data = ctx.record.document.data
    for index, path in enumerate(ctx.arrangement.confidential):
        if not resolve(data, path):
            yield Hit(
                f"confidential path '{path}' does not name any part of this record, so it "
                "protects nothing; correct it (e.g. 'council_resources', "
                "'partners.0.contribution')",
                ("confidential", index),
            )


@rule("DATA006", "data quality", "Status agrees with the dates", Severity.WARNING, "Framework 6.6")
def status_and_dates(ctx: Context) -> Iterator[Hit]:
    """An ended arrangement has an end date in the past; a running one has started; a proposed
    one whose start date has passed may be running without approval (only urgent arrangements
    may start first)."""
    arrangement = ctx.arrangement
    dates = arrangement.dates
    if arrangement.status is Status.ENDED and dates.end is None:
        yield Hit("the status is ended, so record the date it ended under dates.end", ("dates",))
    elif (
        arrangement.status is Status.ENDED
        and dates.end is not None
        and dates.end.earliest > ctx.today
    ):
        yield Hit(
            f"the status is ended but dates.end is {dates.end}, still to come: use 'ending' "
            "until then, or correct the end date",
            ("dates", "end"),
        )
    if (
        arrangement.status is Status.PROPOSED
        and not arrangement.is_urgent
        and dates.start is not None
        and dates.start.latest < ctx.today
    ):
        if arrangement.kind is Kind.OUTSIDE_BODY:
            yield Hit(
                f"still proposed, but the appointments start on {dates.start}, which has "
                "passed: once they are made, set the status to active, or move the start date",
                ("dates", "start"),
            )
        else:
            yield Hit(
                f"still proposed, but its start date {dates.start} has passed: if it is "
                "running, it is running without approval (Framework 2.11, 3.10); record the "
                "approvals and change the status, or move the start date",
                ("dates", "start"),
            )
    if (
        arrangement.status in (Status.ACTIVE, Status.UNDER_REVIEW)
        and dates.start
        and (dates.start.earliest > ctx.today)
    ):
        yield Hit(
            f"the status is {arrangement.status.value} but it starts {on(dates.start)}: "
            "use 'approved' until it starts",
            ("status",),
        )


def _schema_rule(code: str, title: str, doc: str) -> None:
    RULES[code] = Rule(
        code,
        "data quality",
        title,
        Severity.ERROR,
        "Record format (partnerfw docs)",
        doc=doc,
    )


_schema_rule(
    "DATA001",
    "File readable as UTF-8 text of a sensible size",
    "The file must be UTF-8 text under 1 MB; other bytes are reported with their line.",
)
_schema_rule(
    "DATA002",
    "Valid YAML",
    "Malformed YAML, tabs used for indentation, duplicate "
    "keys, tags such as !!python/object, merge keys and alias bombs are refused.",
)
_schema_rule(
    "DATA003",
    "Known fields only",
    "A misspelt or unknown field is reported with the "
    "closest known field, so nothing typed is silently ignored.",
)
_schema_rule(
    "DATA004",
    "Values of the right type",
    "Dates are ISO dates (2025-04-01), money is "
    "pounds and never negative, lists are lists, and the fields each kind needs exist.",
)
RULES["POL001"] = Rule(
    "POL001",
    "policy",
    "Valid policy and settings",
    Severity.ERROR,
    "Policy file (partnerfw docs)",
    doc="partnerfw.yaml and any policy file it names are checked like records.",
)
