"""Tests of one risk or one partner: ``any_risk`` holds when a single risk of the register
meets its whole test (both high and costly, not one high risk and another costly one), and
``any_partner`` when a single partner does. A risk or partner leaf outside them means "some
risk" or "some partner", asked the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from partnerfw.judge.outcomes import Missing, Outcome, combine
from partnerfw.judge.partners import is_local_authority
from partnerfw.judge.record_tests import below
from partnerfw.policy.significance_tests import (
    PARTNER_FLAGS,
    PARTNER_FLAGS_NOT,
    AllOf,
    AnyOf,
    AnyPartner,
    AnyRisk,
    AtLeast,
    Combinator,
    FlagTest,
    Leaf,
    PartnerContributionTest,
    PartnerSectorTest,
    RiskImpactTest,
    RiskScoreTest,
    children,
    describe,
)
from partnerfw.record.models import Arrangement, Partner, Risk
from partnerfw.record.money import money

Test = Leaf | Combinator


def one_risk(test: Test, risk: Risk, index: int, inherited: str | None, depth: int = 0) -> Outcome:
    """``test`` asked of one risk (``index`` in the register)."""
    source = test.source if test.sourced else inherited
    if isinstance(test, AnyOf | AllOf | AtLeast):
        results = [one_risk(child, risk, index, source, depth + 1) for child in children(test)]
        return _joined(test, results, depth)
    outcome = _risk_leaf(test, risk, index)
    return replace(outcome, references=(source,)) if outcome.holds and source else outcome


def _risk_leaf(test: Test, risk: Risk, index: int) -> Outcome:
    if isinstance(test, RiskScoreTest):
        score = risk.likelihood * risk.impact
        if test.reaches(score, test.score):
            return Outcome(
                True,
                f"scores {score} (likelihood {risk.likelihood} × impact {risk.impact}) "
                f"{test.sign} {test.score}",
            )
        return Outcome(False, f"scores {score} {below(test)} {test.score}")
    assert isinstance(test, RiskImpactTest)
    if risk.financial_impact is None:
        return Outcome(
            None,
            "what it could cost is not stated",
            missing=(
                Missing(
                    ("monitoring", "risk_register", index),
                    f"state what the risk '{risk.risk}' would cost the council, in pounds, "
                    "under its financial_impact",
                ),
            ),
        )
    cost = money(risk.financial_impact)
    if test.reaches(risk.financial_impact, test.amount):
        return Outcome(True, f"could cost the council {cost} {test.sign} {money(test.amount)}")
    return Outcome(False, f"could cost {cost} {below(test)} {money(test.amount)}")


def one_partner(
    test: Test, partner: Partner, index: int, inherited: str | None, depth: int = 0
) -> Outcome:
    """``test`` asked of one partner (``index`` in the record's partners)."""
    source = test.source if test.sourced else inherited
    if isinstance(test, AnyOf | AllOf | AtLeast):
        results = [
            one_partner(child, partner, index, source, depth + 1) for child in children(test)
        ]
        return _joined(test, results, depth)
    outcome = _partner_leaf(test, partner, index)
    return replace(outcome, references=(source,)) if outcome.holds and source else outcome


def _partner_leaf(test: Test, partner: Partner, index: int) -> Outcome:
    if isinstance(test, PartnerSectorTest):
        sector = f"is {partner.sector.value} sector"
        return Outcome(partner.sector in test.sectors, sector)
    if isinstance(test, PartnerContributionTest):
        given = partner.contribution or Decimal(0)
        shown = money(given) if partner.contribution is not None else "nothing in money"
        if test.reaches(given, test.amount):
            return Outcome(True, f"contributes {shown} {test.sign} {money(test.amount)}")
        return Outcome(False, f"contributes {shown} {below(test)} {money(test.amount)}")
    assert isinstance(test, FlagTest)
    value: bool | None = (
        is_local_authority(partner) if test.field == "local_authority" else partner.independent
    )
    if value is None:
        return Outcome(
            None,
            f"not stated whether it {PARTNER_FLAGS[test.field]}",
            missing=(
                Missing(
                    ("partners", index),
                    f"say whether '{partner.name}' is a local authority under its "
                    "local_authority (true or false)",
                ),
            ),
        )
    if value:
        return Outcome(True, test.reason or PARTNER_FLAGS[test.field])
    return Outcome(False, test.reason_not or PARTNER_FLAGS_NOT[test.field])


def _joined(test: AnyOf | AllOf | AtLeast, results: list[Outcome], depth: int) -> Outcome:
    """A combinator of one risk's or partner's tests, read as a sentence: 'scores 16 ... and
    could cost ...'."""
    outcome = combine(test, results, depth + 1)
    if isinstance(test, AtLeast):
        return outcome
    word = " and " if isinstance(test, AllOf) else " or "
    text = word.join(r.text for r in results)
    return replace(outcome, text=f"({text})" if depth else text)


def any_risk(test: Test, record: Arrangement, inherited: str | None) -> Outcome:
    """One risk of the register meets ``test`` (an ``AnyRisk``, or a risk leaf)."""
    source = test.source if test.sourced else inherited
    inner = test.any_risk if isinstance(test, AnyRisk) else test
    register = record.monitoring.risk_register
    wanted = describe(inner, "risk")
    if not register:
        return Outcome(
            None,
            f"no risk register to tell whether a risk {wanted}",
            missing=(
                Missing(("monitoring",), "record the risk register under monitoring.risk_register"),
            ),
        )
    results = [one_risk(inner, risk, i, source) for i, risk in enumerate(register)]
    return _any(results, [r.risk for r in register], "risk", wanted, source)


def any_partner(test: Test, record: Arrangement, inherited: str | None) -> Outcome:
    """One partner meets ``test`` (an ``AnyPartner``, or a partner leaf); partners that have
    left do not count."""
    source = test.source if test.sourced else inherited
    inner = test.any_partner if isinstance(test, AnyPartner) else test
    wanted = describe(inner, "partner")
    partners = [(i, p) for i, p in enumerate(record.partners) if p.left is None]
    if not partners:
        return Outcome(
            None,
            f"no partners listed to tell whether one {wanted}",
            missing=(Missing(("partners",), "list the partner organisations under partners"),),
        )
    results = [one_partner(inner, partner, i, source) for i, partner in partners]
    return _any(results, [p.name for _, p in partners], "partner", wanted, source)


def _any(
    results: list[Outcome], names: Sequence[str], what: str, wanted: str, source: str | None
) -> Outcome:
    count = f"{len(results)} {what}{'s' if len(results) != 1 else ''}"
    for name, result in zip(names, results, strict=True):
        if result.holds:
            own = (source,) if source else ()
            return Outcome(
                True,
                f"the {what} '{name}' {result.text}",
                tuple(dict.fromkeys((*own, *result.references))),
            )
    unknown = [(name, r) for name, r in zip(names, results, strict=True) if r.holds is None]
    if unknown:
        return Outcome(
            None,
            f"no {what} yet known to meet it ({wanted}): {len(unknown)} of {count} cannot be told",
            missing=tuple(m for _, r in unknown for m in r.missing),
        )
    return Outcome(False, f"no single {what} {wanted} ({count})")
