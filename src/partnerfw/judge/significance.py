"""Applying a test of the council's policy (``policy.significance_tests``) to one record.

Every test answers yes, no, or *cannot tell yet* (``None``), and says why in words the reason
shows (``outcomes``). A test cannot tell when the record leaves out a fact it needs: staff time
without its £ cost, resources in kind without their value, a date, an answer to one of the
council's own questions. The ``Judge`` sends each leaf to what answers it: the record's own
facts (``record_tests``), one risk or one partner (``scoped_tests``), the scorecard's points
(``scorecard``); combinators combine the answers (``outcomes.combine``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from partnerfw.judge import record_tests, scoped_tests
from partnerfw.judge.outcomes import Missing, Outcome, Where, combine
from partnerfw.judge.resources import Counted, count_resources, number
from partnerfw.judge.scorecard import Score, score
from partnerfw.policy.schema import Policy
from partnerfw.policy.scorecard import Scorecard
from partnerfw.policy.significance_tests import (
    AllOf,
    AnyOf,
    AnyPartner,
    AnyRisk,
    AtLeast,
    Combinator,
    DurationTest,
    FlagTest,
    Leaf,
    PartnerContributionTest,
    PartnerSectorTest,
    PartnersTest,
    PointsTest,
    RecordField,
    ResourcesTest,
    RiskImpactTest,
    RiskScoreTest,
    StaffCosting,
)
from partnerfw.record.models import Arrangement

__all__ = ["Counted", "Judge", "Missing", "Outcome", "Where", "count_resources", "number"]


@dataclass(frozen=True)
class Judge:
    """The policy's parts a test needs besides the record."""

    record_fields: dict[str, RecordField]
    costing: StaffCosting | None
    margin: Decimal
    scorecard: Scorecard | None = None
    _scores: dict[int, tuple[Arrangement, Score]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """Each record's score, kept while this judge lives: every class's points test (major at
    12, moderate at 7) asks for the same score."""

    @classmethod
    def of(cls, policy: Policy) -> Judge:
        significance = policy.significance
        return cls(
            dict(policy.record_fields),
            significance.staff_costing,
            significance.near_threshold_margin,
            policy.scorecard,
        )

    def outcome(
        self,
        test: Leaf | Combinator,
        record: Arrangement,
        depth: int = 0,
        inherited: str | None = None,
    ) -> Outcome:
        """What ``test`` answers for ``record``; a leaf without a source of its own takes
        ``inherited``, the source of what it sits in."""
        source = test.source if test.sourced else inherited
        if isinstance(test, AnyRisk):
            return scoped_tests.any_risk(test, record, source)
        if isinstance(test, AnyPartner | PartnerContributionTest | PartnerSectorTest):
            return scoped_tests.any_partner(test, record, source)
        if isinstance(test, AnyOf | AllOf | AtLeast):
            results = [self.outcome(c, record, depth + 1, source) for c in _children(test)]
            return combine(test, results, depth)
        outcome = self._leaf(test, record)
        if outcome.holds and source:
            return Outcome(True, outcome.text, (source,), outcome.missing, outcome.near)
        return outcome

    def _leaf(self, test: Leaf, record: Arrangement) -> Outcome:
        if isinstance(test, ResourcesTest):
            return record_tests.resources(test, record, self.costing, self.margin)
        if isinstance(test, FlagTest):
            return record_tests.flag(test, record, self.record_fields)
        if isinstance(test, DurationTest):
            return record_tests.duration(test, record)
        if isinstance(test, RiskImpactTest):
            return record_tests.risk_impact(test, record)
        if isinstance(test, RiskScoreTest):
            return record_tests.risk_score(test, record)
        if isinstance(test, PartnersTest):
            return record_tests.partners(test, record)
        assert isinstance(test, PointsTest)
        return self._points(test, record)

    def score(self, record: Arrangement) -> Score | None:
        """The record's score on the policy's scorecard (None: the policy has none)."""
        if self.scorecard is None:
            return None
        kept = self._scores.get(id(record))
        if kept is not None and kept[0] is record:
            return kept[1]
        scored = score(
            self.scorecard,
            record,
            lambda test, source: self.outcome(test, record, 1, source),
            self.costing,
        )
        self._scores[id(record)] = (record, scored)
        return scored

    def _points(self, test: PointsTest, record: Arrangement) -> Outcome:
        scored = self.score(record)
        if scored is None:  # the policy's checks refuse a points test without a scorecard
            return Outcome(None, "no scorecard to count points by")
        met = test.sign
        if test.reaches(scored.low, test.points):
            return Outcome(True, f"{scored.text} {met} {test.points}")
        if not test.reaches(scored.high, test.points):
            return Outcome(False, f"{scored.text} {record_tests.below(test)} {test.points}")
        return Outcome(
            None,
            f"{scored.text}: cannot tell yet whether {met} {test.points}",
            missing=scored.missing,
        )


def _children(test: AnyOf | AllOf | AtLeast) -> list[Leaf | Combinator]:
    if isinstance(test, AnyOf):
        return list(test.any_of)
    if isinstance(test, AllOf):
        return list(test.all_of)
    return list(test.of)
