"""Arrangements that change over time: phases, partners joining and leaving, agreement terms.

Dates may be known only to the month or year; an ordering is reported only when it is wrong
however each date is read (``partial_dates``)."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.timeline import TYPE_WORDS, phase_in_force
from partnerfw.record.models import Kind
from partnerfw.record.partial_dates import PartialDate, certainly_before
from partnerfw.rules.base import Context, Hit, rule

_RECORD = "Framework 5.6.1 (central record)"


def _overlaps(end: PartialDate, next_start: PartialDate) -> bool:
    """True when a phase ending ``end`` (its last day) certainly overlaps one starting
    ``next_start``: the next one starts on or before the end however both are read."""
    return next_start.latest <= end.earliest


@rule("TML001", "timeline", "Phases in date order, not overlapping", Severity.ERROR, _RECORD)
def phases_in_order(ctx: Context) -> Iterator[Hit]:
    """Phases are listed oldest first; a phase that has an end ends before the next begins;
    none begins before the arrangement starts or after it ends."""
    arrangement = ctx.arrangement
    phases = arrangement.phases
    start, end = arrangement.dates.start, arrangement.dates.end
    for index, phase in enumerate(phases):
        path = ("phases", index, "start")
        number = index + 1
        if start is not None and certainly_before(phase.start, start):
            yield Hit(
                f"phase {number} starts {phase.start}, before the arrangement's start "
                f"({start}, dates.start): correct one of them",
                path,
            )
        if end is not None and certainly_before(end, phase.start):
            yield Hit(
                f"phase {number} starts {phase.start}, after the arrangement's end "
                f"({end}, dates.end): correct one of them",
                path,
            )
        if index == 0:
            continue
        before = phases[index - 1]
        if certainly_before(phase.start, before.start):
            yield Hit(
                f"phase {number} (from {phase.start}) is listed after phase {index} (from "
                f"{before.start}): list the phases oldest first",
                path,
            )
        elif before.end is not None and _overlaps(before.end, phase.start):
            yield Hit(
                f"phase {index} ends {before.end} but phase {number} starts {phase.start}: "
                "phases cannot overlap; end the earlier one before the next begins",
                path,
            )


@rule(
    "TML002",
    "timeline",
    "Partners join and leave within the arrangement's dates",
    Severity.ERROR,
    _RECORD,
)
def partners_within_dates(ctx: Context) -> Iterator[Hit]:
    """A partner does not leave before the arrangement starts, nor join after it ends (that
    a partner cannot leave before joining is checked when the record is read)."""
    start, end = ctx.arrangement.dates.start, ctx.arrangement.dates.end
    for index, partner in enumerate(ctx.arrangement.partners):
        if start is not None and partner.left is not None and certainly_before(partner.left, start):
            yield Hit(
                f"{partner.name} left {partner.left}, before the arrangement started "
                f"({start}): correct the date",
                ("partners", index, "left"),
            )
        if end is not None and partner.joined is not None and certainly_before(end, partner.joined):
            yield Hit(
                f"{partner.name} joined {partner.joined}, after the arrangement's end "
                f"({end}): correct the date",
                ("partners", index, "joined"),
            )


@rule(
    "TML003",
    "timeline",
    "Agreement terms in order, each renewal decided",
    Severity.WARNING,
    "Appendix 3 1.2",
)
def agreement_terms(ctx: Context) -> Iterator[Hit]:
    """The agreement's terms are listed oldest first without overlapping; every term after
    the first names the decision that renewed it; the latest term ends when the arrangement
    does (dates.end)."""
    terms = ctx.arrangement.agreement.terms
    for index, term in enumerate(terms):
        path = ("agreement", "terms", index)
        number = index + 1
        if index and term.decision is None:
            yield Hit(
                f"term {number} (from {term.start}) renewed the agreement: record the decision "
                "that renewed it under decision (minute, decision notice or letter)",
                path,
            )
        if not index:
            continue
        before = terms[index - 1]
        if certainly_before(term.start, before.start):
            yield Hit(
                f"term {number} (from {term.start}) is listed after term {index} (from "
                f"{before.start}): list the terms oldest first",
                (*path, "start"),
                severity=Severity.ERROR,
            )
        elif before.end is not None and _overlaps(before.end, term.start):
            yield Hit(
                f"term {index} ends {before.end} but term {number} starts {term.start}: the "
                "terms overlap; correct the dates",
                (*path, "start"),
                severity=Severity.ERROR,
            )
    end = ctx.arrangement.dates.end
    last = terms[-1] if terms else None
    if (
        last is not None
        and last.end is not None
        and end is not None
        and (certainly_before(last.end, end) or certainly_before(end, last.end))
    ):
        yield Hit(
            f"the latest term ends {last.end} but dates.end is {end}: make dates.end the "
            "end of the current term (or record the renewal as a new term)",
            ("agreement", "terms", len(terms) - 1, "end"),
        )


@rule(
    "TML004",
    "timeline",
    "Shared service type agrees with the phase in force",
    Severity.WARNING,
    "Framework 1.12",
    kinds=[Kind.SHARED_SERVICE],
)
def type_in_force(ctx: Context) -> Iterator[Hit]:
    """When a shared service's phases give its type, ``shared_service.type`` (if kept) says
    the same as the phase in force today; otherwise a reader of the file is misled."""
    shared = ctx.arrangement.shared_service
    phase = phase_in_force(ctx.arrangement, ctx.today)
    if shared is None or shared.type is None or phase is None or phase.type is None:
        return
    if phase.type is not shared.type:
        yield Hit(
            f"shared_service.type is {shared.type.value}, but since {phase.start} the phase in "
            f"force makes it {TYPE_WORDS[phase.type]} ({phase.type.value}), and partnerfw "
            "classes it by the phase: delete shared_service.type or correct it",
            ("shared_service", "type"),
        )
