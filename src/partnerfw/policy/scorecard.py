"""The points scorecard as data: a council that grades its partnerships by points (so many for
the resources, the term, a high risk, a statutory basis, serving the public, the number of
partners ...) declares the scorecard once; a class is reached by a ``points_at_least`` test.

A criterion either measures a fact of the record and gives the points of the first band it
reaches (``measure:`` with ``bands:``), or gives its ``points:`` when a test holds (``test:``,
any test of the policy's language). ``judge.scorecard`` adds them up and explains the total.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from partnerfw.policy.significance_tests import NO_SOURCE, Test, describe
from partnerfw.policy.test_leaves import FieldName, ResourceField, _Model, _Sourced

Measure = Literal[
    "council_resources",
    "council_resources_over_term",
    "term_years",
    "partners",
    "highest_risk_score",
    "largest_risk_impact",
]
MEASURES: dict[str, str] = {
    "council_resources": "council resources a year, in pounds (as counts says)",
    "council_resources_over_term": "council_resources.total_over_term, in pounds",
    "term_years": "the term from dates.start to dates.end, in years",
    "partners": "the number of partners (those that have not left)",
    "highest_risk_score": "the highest likelihood × impact in the risk register",
    "largest_risk_impact": "the largest financial_impact in the risk register, in pounds",
}
"""What each measure measures, for the documentation and the messages."""
DEFAULT_LABELS: dict[str, str] = {
    "council_resources": "resources",
    "council_resources_over_term": "resources over the term",
    "term_years": "runs",
    "partners": "",
    "highest_risk_score": "highest risk score",
    "largest_risk_impact": "largest risk impact",
}
"""The words in front of a measured value in the reason: 'resources £120,000 (5)',
'runs 6 years (3)', '4 partners (2)'."""


class Band(_Model):
    """Points for a measured value at least (or more than) a figure."""

    at_least: Decimal | None = Field(None, ge=0, description="The value reaches this figure.")
    more_than: Decimal | None = Field(None, ge=0, description="The value is above this figure.")
    points: int = Field(ge=0, description="The points the band gives, e.g. 5.")

    @model_validator(mode="after")
    def _one_figure(self) -> Band:
        if (self.at_least is None) == (self.more_than is None):
            raise ValueError("a band gives exactly one of 'at_least:' or 'more_than:'")
        return self

    @property
    def figure(self) -> Decimal:
        return self.at_least if self.at_least is not None else self.more_than  # type: ignore[return-value]

    def reached_by(self, value: Decimal) -> bool:
        return value >= self.figure if self.at_least is not None else value > self.figure

    @property
    def order(self) -> tuple[Decimal, int]:
        """Bands run highest first: 'more than 100,000' comes before 'at least 100,000'."""
        return self.figure, 1 if self.more_than is not None else 0


class Criterion(_Sourced):
    """One line of the scorecard: a measure with bands of points, or a test with its points."""

    label: str | None = Field(
        None,
        min_length=1,
        description="The words in front of the value in the reason, e.g. 'resources' "
        "('resources £120,000 (5)'); a test's reason is its own words.",
    )
    measure: Measure | None = Field(
        None,
        description="What is measured: " + "; ".join(f"{k}: {v}" for k, v in MEASURES.items()),
    )
    counts: list[ResourceField] | None = Field(
        None,
        min_length=1,
        description="For council_resources: which resources a year count (default all three).",
    )
    bands: list[Band] | None = Field(
        None,
        min_length=1,
        description="Highest first: the first band the value reaches gives its points (none "
        "reached: 0).",
    )
    indefinite_points: int | None = Field(
        None, ge=0, description="For term_years: the points an indefinite arrangement scores."
    )
    test: Test | None = Field(None, description="Instead of a measure: a test of the language.")
    points: int | None = Field(None, ge=0, description="With test: the points when it holds.")

    @model_validator(mode="after")
    def _measure_or_test(self) -> Criterion:
        if self.reference is not None and self.local is not None:
            raise ValueError(NO_SOURCE.replace("this test", "this criterion"))
        if (self.measure is None) == (self.test is None):
            raise ValueError(
                "a criterion either measures (measure: with bands:) or tests (test: with "
                "points:), exactly one"
            )
        if self.test is not None:
            return self._for_a_test()
        return self._for_a_measure()

    def _for_a_test(self) -> Criterion:
        if self.points is None:
            raise ValueError("give the points the test is worth under 'points:'")
        if self.bands or self.counts or self.indefinite_points is not None:
            raise ValueError("bands:, counts: and indefinite_points: belong to a measure")
        return self

    def _for_a_measure(self) -> Criterion:
        if not self.bands:
            raise ValueError(f"give the bands of points for {self.measure} under 'bands:'")
        if self.points is not None:
            raise ValueError("points: goes with a test; a measure gives points by its bands")
        if self.counts is not None and self.measure != "council_resources":
            raise ValueError("counts: applies to the council_resources measure only")
        if self.measure == "term_years" and self.indefinite_points is None:
            raise ValueError(
                "say how many points an indefinite arrangement (no end date) scores under "
                "'indefinite_points:'"
            )
        if self.measure != "term_years" and self.indefinite_points is not None:
            raise ValueError("indefinite_points: applies to the term_years measure only")
        for number, (higher, lower) in enumerate(itertools.pairwise(self.bands), 2):
            if lower.order >= higher.order:
                raise ValueError(
                    f"bands run highest first: band {number} ({_band_text(lower)}) can never be "
                    f"reached after band {number - 1} ({_band_text(higher)})"
                )
        return self

    @property
    def most(self) -> int:
        """The most points this criterion can give."""
        if self.points is not None:
            return self.points
        best = max(band.points for band in self.bands or [])
        return max(best, self.indefinite_points or 0)


def _band_text(band: Band) -> str:
    word = "at least" if band.at_least is not None else "more than"
    return f"{word} {band.figure.normalize():f}"


class Scorecard(_Sourced):
    """Points for what makes a partnership weigh more, added up into a score that the classes'
    ``points_at_least`` tests compare."""

    criteria: dict[FieldName, Criterion] = Field(
        min_length=1,
        description="Each criterion by a short name (resources, term, high_risk, statutory, "
        "public, partners ...), in the order the reason lists them.",
    )

    @model_validator(mode="after")
    def _one_source(self) -> Scorecard:
        if (self.reference is None) == (self.local is None):
            raise ValueError(NO_SOURCE.replace("this test", "the scorecard"))
        return self

    @property
    def most(self) -> int:
        """The highest score the scorecard can give."""
        return sum(criterion.most for criterion in self.criteria.values())


def describe_criterion(criterion: Criterion) -> str:
    """A criterion in words: 'council_resources: at least 100000 5 points, at least 50000 3,
    ...' or 'statutory_basis is true: 2 points'."""
    if criterion.test is not None:
        return f"{describe(criterion.test)}: {criterion.points} points"
    bands = ", ".join(f"{_band_text(band)}: {band.points}" for band in criterion.bands or [])
    if criterion.indefinite_points is not None:
        bands += f", indefinite: {criterion.indefinite_points}"
    return f"{criterion.measure} ({bands} points)"


def describe_scorecard(scorecard: Scorecard) -> str:
    """Every criterion in words, then the most it can give."""
    lines = [f"{name}: {describe_criterion(c)}" for name, c in scorecard.criteria.items()]
    return "; ".join(lines) + f" (most {scorecard.most} points)"
