"""A partnership's score on the policy's scorecard, line by line, with the reason explained:
'14 points: resources £120,000 (5), runs 6 years (3), required by law (Care Act 2014) (2),
provides services directly to the public (2), 4 partners (2)'.

A line the record cannot yet tell (staff time without its cost, no end date, a risk without
its cost) scores a range, from the least it could give to the most, and says what to state;
the total is then a range too ('9-12 points'), and a class is decided only when the whole
range falls on one side of its figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from partnerfw.judge.duration import lasts_at_least, term_length
from partnerfw.judge.outcomes import Missing, Outcome
from partnerfw.judge.resources import count_resources
from partnerfw.policy.scorecard import DEFAULT_LABELS, Band, Criterion, Scorecard
from partnerfw.policy.significance_tests import RESOURCE_FIELDS, Combinator, Leaf, StaffCosting
from partnerfw.record.models import Arrangement
from partnerfw.record.money import money

Ask = Callable[[Leaf | Combinator, str | None], Outcome]
"""Answers a test of the policy's language for the record being scored (with the source the
test inherits)."""


@dataclass(frozen=True)
class Line:
    """One criterion scored: what was found and the points, or their range."""

    name: str
    text: str
    low: int
    high: int
    missing: tuple[Missing, ...] = ()

    @property
    def shown(self) -> str:
        points = str(self.low) if self.low == self.high else f"{self.low}-{self.high}"
        return f"{self.text} ({points})"


@dataclass(frozen=True)
class Score:
    lines: tuple[Line, ...]

    @property
    def low(self) -> int:
        return sum(line.low for line in self.lines)

    @property
    def high(self) -> int:
        return sum(line.high for line in self.lines)

    @property
    def missing(self) -> tuple[Missing, ...]:
        return tuple(m for line in self.lines for m in line.missing)

    @property
    def text(self) -> str:
        """'14 points: resources £120,000 (5), runs 6 years (3)'."""
        total = str(self.low) if self.low == self.high else f"{self.low}-{self.high}"
        plural = "" if (self.low, self.high) == (1, 1) else "s"
        return f"{total} point{plural}: " + ", ".join(line.shown for line in self.lines)


def score(
    scorecard: Scorecard, record: Arrangement, ask: Ask, costing: StaffCosting | None
) -> Score:
    """Every criterion of the scorecard scored for ``record``, in the scorecard's order."""
    inherited = scorecard.source
    lines = []
    for name, criterion in scorecard.criteria.items():
        source = criterion.source if criterion.sourced else inherited
        if criterion.test is not None:
            lines.append(_tested(name, criterion, ask(criterion.test, source)))
        else:
            lines.append(_measured(name, criterion, record, costing))
    return Score(tuple(lines))


def _tested(name: str, criterion: Criterion, outcome: Outcome) -> Line:
    points = criterion.points or 0
    if outcome.holds:
        return Line(name, outcome.text, points, points)
    if outcome.holds is False:
        return Line(name, outcome.text, 0, 0)
    return Line(name, outcome.text, 0, points, outcome.missing)


def _points(bands: Sequence[Band], reached: Callable[[Band], bool | None]) -> tuple[int, int]:
    """The least and most points the first band reached can give: a band that cannot be told
    may or may not be the one."""
    possible = []
    for band in bands:
        found = reached(band)
        if found is None:
            possible.append(band.points)
        elif found:
            possible.append(band.points)
            break
    else:
        possible.append(0)
    return min(possible), max(possible)


def _known(bands: Sequence[Band], value: Decimal) -> tuple[int, int]:
    return _points(bands, lambda band: band.reached_by(value))


def _at_least(bands: Sequence[Band], value: Decimal) -> tuple[int, int]:
    """Points for a value known to be at least ``value`` (more may be added when valued)."""
    return _points(bands, lambda band: True if band.reached_by(value) else None)


def _measured(
    name: str, criterion: Criterion, record: Arrangement, costing: StaffCosting | None
) -> Line:
    label = (
        criterion.label if criterion.label is not None else DEFAULT_LABELS[criterion.measure or ""]
    )
    bands = criterion.bands or []
    measure = criterion.measure
    if measure == "council_resources":
        return _resources(name, label, criterion, record, costing)
    if measure == "term_years":
        return _term(name, label, criterion, record)
    if measure == "council_resources_over_term":
        total = record.council_resources.total_over_term
        if total is None:
            return _unknown(
                name,
                f"{label}: not stated",
                criterion,
                Missing(
                    ("council_resources",),
                    "state the council's total resources over the whole term in pounds under "
                    "council_resources.total_over_term",
                ),
            )
        return Line(name, _words(label, money(total)), *_known(bands, total))
    if measure == "partners":
        return _partners(name, label, criterion, record)
    return _risks(name, label, criterion, record)


def _words(label: str, value: str) -> str:
    return f"{label} {value}" if label else value


def _unknown(name: str, text: str, criterion: Criterion, missing: Missing) -> Line:
    return Line(name, text, 0, criterion.most, (missing,))


def _resources(
    name: str, label: str, criterion: Criterion, record: Arrangement, costing: StaffCosting | None
) -> Line:
    counts = list(criterion.counts or RESOURCE_FIELDS)
    counted = count_resources(record.council_resources, counts, costing, budget_must_be_stated=True)
    bands = criterion.bands or []
    if not counted.missing:
        return Line(name, _words(label, money(counted.amount)), *_known(bands, counted.amount))
    unknown = " and ".join(counted.uncosted) or "the dedicated budget"
    text = _words(label, f"{money(counted.amount)} counted so far ({unknown} not valued yet)")
    return Line(name, text, *_at_least(bands, counted.amount), counted.missing)


def _term(name: str, label: str, criterion: Criterion, record: Arrangement) -> Line:
    dates = record.dates
    if dates.indefinite:
        points = criterion.indefinite_points or 0
        return Line(name, _words(label, "indefinitely"), points, points)
    if dates.start is None or dates.end is None:
        ask = (
            "state when it starts under dates.start"
            if dates.start is None
            else "state when it ends under dates.end, or indefinite: true if it has no end"
        )
        which = "start" if dates.start is None else "end"
        return _unknown(name, f"{label}: no {which} date", criterion, Missing(("dates",), ask))
    length = term_length(dates.start, dates.end) or f"from {dates.start} to {dates.end}"
    low, high = _points(
        criterion.bands or [],
        lambda band: lasts_at_least(
            dates.start, dates.end, band.figure, strict=band.more_than is not None
        ),
    )
    missing = (
        () if low == high else (Missing(("dates",), "give the start and end dates to the day"),)
    )
    return Line(name, _words(label, length), low, high, missing)


def _partners(name: str, label: str, criterion: Criterion, record: Arrangement) -> Line:
    if not record.partners:
        return _unknown(
            name,
            _words(label, "no partners listed"),
            criterion,
            Missing(("partners",), "list the partner organisations under partners"),
        )
    count = sum(1 for p in record.partners if p.left is None)
    words = f"{count} partner{'s' if count != 1 else ''}"
    return Line(name, _words(label, words), *_known(criterion.bands or [], Decimal(count)))


def _risks(name: str, label: str, criterion: Criterion, record: Arrangement) -> Line:
    register = record.monitoring.risk_register
    if not register:
        return _unknown(
            name,
            f"{label}: no risk register",
            criterion,
            Missing(("monitoring",), "record the risk register under monitoring.risk_register"),
        )
    bands = criterion.bands or []
    if criterion.measure == "highest_risk_score":
        top = max(risk.likelihood * risk.impact for risk in register)
        return Line(name, _words(label, str(top)), *_known(bands, Decimal(top)))
    known = [r.financial_impact for r in register if r.financial_impact is not None]
    largest = max(known, default=Decimal(0))
    unstated = [i for i, r in enumerate(register) if r.financial_impact is None]
    if not unstated:
        return Line(name, _words(label, money(largest)), *_known(bands, largest))
    missing = tuple(
        Missing(
            ("monitoring", "risk_register", i),
            f"state what the risk '{register[i].risk}' would cost the council, in pounds, "
            "under its financial_impact",
        )
        for i in unstated
    )
    text = _words(label, f"{money(largest)} so far ({len(unstated)} risks not costed)")
    return Line(name, text, *_at_least(bands, largest), missing)
