"""Arrangements change over time: the phase in force, the partners on a date, the timeline.

Pure functions of a record and a date, used by ``classify``, the rules, the site and the
reports. Dates may be partial (``partial_dates``); every question here is answered in the
conservative way that module describes:

- a phase is *in force* on a day once it has certainly started (its latest reading is on or
  before the day), until a later phase has certainly started or its own end has certainly
  passed;
- a partner may be a partner on a day (:func:`current_partners`) unless it certainly had not
  joined yet or had certainly left; it is certainly a partner (:func:`certain_partners`) when
  it had certainly joined and had certainly not left. A rule that finds fault with *no* partner
  of some sort ("no independent partner", 1.7) counts the partners who may be current; a rule
  that finds fault with a partner *being* there ("a shared service with a partner that is not a
  local authority", 1.12) counts only the partners certainly there. Either way a partner who
  has left is not counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerfw.record.models import Arrangement, Partner, Phase, SharedServiceType
from partnerfw.record.partial_dates import PartialDate


def phases_in_order(arrangement: Arrangement) -> list[Phase]:
    """The phases by their start (as listed when two start alike)."""
    return sorted(arrangement.phases, key=lambda p: p.start.sort_key)


def has_started(when: PartialDate | None, day: dt.date) -> bool:
    """True when ``when`` is certainly on or before ``day``."""
    return when is not None and when.latest <= day


def has_passed(when: PartialDate | None, day: dt.date) -> bool:
    """True when ``when`` is certainly before ``day``."""
    return when is not None and when.latest < day


def phase_in_force(arrangement: Arrangement, day: dt.date) -> Phase | None:
    """The phase in force on ``day``: the last one certainly started by then, unless its own
    end has certainly passed. None before the first phase, or without phases."""
    started = [p for p in phases_in_order(arrangement) if has_started(p.start, day)]
    if not started or has_passed(started[-1].end, day):
        return None
    return started[-1]


def shared_service_type(arrangement: Arrangement, day: dt.date | None) -> SharedServiceType:
    """A shared service's type on ``day``: the type of the last phase with a type that has
    certainly started by then; before any such phase, ``shared_service.type``, or (when the
    record gives types only in its phases) the first phase's. With no date, the type the
    record states, or else its latest phase's."""
    assert arrangement.shared_service is not None
    typed = [p for p in phases_in_order(arrangement) if p.type is not None]
    stated = arrangement.shared_service.type
    if day is None:
        found = stated or (typed[-1].type if typed else None)
    else:
        started = [p for p in typed if has_started(p.start, day)]
        found = started[-1].type if started else stated or (typed[0].type if typed else None)
    assert found is not None  # the model requires a type somewhere
    return found


def is_partner_on(partner: Partner, day: dt.date) -> bool:
    """True unless the partner had certainly not joined yet, or had certainly left, on ``day``."""
    joined, left = partner.joined, partner.left
    return (joined is None or joined.earliest <= day) and (left is None or left.latest > day)


def is_certainly_partner_on(partner: Partner, day: dt.date) -> bool:
    """True when the partner had certainly joined, and had certainly not left, by ``day``."""
    joined, left = partner.joined, partner.left
    return (joined is None or joined.latest <= day) and (left is None or left.earliest > day)


def current_partners(arrangement: Arrangement, day: dt.date) -> list[Partner]:
    """The partners who may be partners on ``day`` (those who have left are not)."""
    return [p for p in arrangement.partners if is_partner_on(p, day)]


def certain_partners(arrangement: Arrangement, day: dt.date) -> list[Partner]:
    """The partners who are certainly partners on ``day``."""
    return [p for p in arrangement.partners if is_certainly_partner_on(p, day)]


# -- the timeline shown on the site and in the reports ------------------------------------------


@dataclass(frozen=True)
class Event:
    """One dated event in an arrangement's life."""

    when: PartialDate
    what: str
    path: tuple[str | int, ...]
    """The part of the record it comes from (so a confidential part is left out)."""
    detail: str | None = None
    detail_path: tuple[str | int, ...] = ()


TYPE_WORDS = {
    SharedServiceType.FULL_SHARED_SERVICE: "a full shared service",
    SharedServiceType.JOINT_MANAGEMENT: "joint management",
    SharedServiceType.JOINT_OFFICER: "a joint officer",
    SharedServiceType.AD_HOC_RESILIENCE: "ad-hoc resilience",
}


def events(arrangement: Arrangement, today: dt.date) -> list[Event]:
    """Every dated event of the record, oldest first: start, phases, partners joining and
    leaving, the agreement's terms and the end."""
    found: list[Event] = []
    dates = arrangement.dates
    if dates.start is not None:
        word = "Started" if has_started(dates.start, today) else "Due to start"
        found.append(Event(dates.start, word, ("dates", "start")))
    for index, phase in enumerate(arrangement.phases):
        found.extend(_phase_events(phase, index, today))
    for index, partner in enumerate(arrangement.partners):
        path: tuple[str | int, ...] = ("partners", index)
        if partner.joined is not None:
            word = "joined" if has_started(partner.joined, today) else "is due to join"
            found.append(Event(partner.joined, f"{partner.name} {word}", (*path, "joined")))
        if partner.left is not None:
            word = "left" if has_started(partner.left, today) else "is due to leave"
            found.append(Event(partner.left, f"{partner.name} {word}", (*path, "left")))
    terms = arrangement.agreement.terms
    for index, term in enumerate(terms):
        following = terms[index + 1].start if index + 1 < len(terms) else None
        end = None if _runs_on(term.end, following) or term.end == dates.end else term.end
        found.extend(_term_events(term.start, end, term.decision, index, today))
    if dates.end is not None:
        word = "Ended" if has_passed(dates.end, today) else "Due to end"
        found.append(Event(dates.end, word, ("dates", "end")))
    order = {id(e): n for n, e in enumerate(found)}
    return sorted(found, key=lambda e: (e.when.sort_key, order[id(e)]))


_ONE_DAY = dt.timedelta(days=1)


def _runs_on(end: PartialDate | None, following: PartialDate | None) -> bool:
    """True when the next period begins the day after ``end`` (or could): no gap to show."""
    if end is None or following is None:
        return False
    return following.earliest <= end.latest or following.earliest - end.latest == _ONE_DAY


def _phase_events(phase: Phase, index: int, today: dt.date) -> list[Event]:
    path: tuple[str | int, ...] = ("phases", index)
    if phase.type is not None:
        what = f"{'Became' if has_started(phase.start, today) else 'Due to become'} "
        what += TYPE_WORDS[phase.type]
    else:
        what = "New phase began" if has_started(phase.start, today) else "New phase due"
    detail = "; ".join(x for x in (phase.description, phase.decision) if x) or None
    found = [Event(phase.start, what, path, detail, path)]
    if phase.end is not None:
        word = "Phase ended" if has_passed(phase.end, today) else "Phase due to end"
        found.append(Event(phase.end, word, (*path, "end")))
    return found


def _term_events(
    start: PartialDate, end: PartialDate | None, decision: str | None, index: int, today: dt.date
) -> list[Event]:
    path: tuple[str | int, ...] = ("agreement", "terms", index)
    first = "Agreement's first term began" if index == 0 else f"Agreement renewed: term {index + 1}"
    if not has_started(start, today):
        first = "Agreement's first term due" if index == 0 else f"Renewal due: term {index + 1}"
    found = [Event(start, first, path, decision, (*path, "decision"))]
    if end is not None:
        word = "ended" if has_passed(end, today) else "due to end"
        found.append(Event(end, f"Agreement term {index + 1} {word}", (*path, "end")))
    return found
