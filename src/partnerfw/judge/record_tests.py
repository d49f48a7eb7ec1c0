"""The leaf tests that ask about the whole record: council resources, a yes/no field, the
term's length, the risk register's highest score or largest cost, the number of partners.

Each answers yes, no or *cannot tell yet* with its reason; the judge adds where the test comes
from when it holds. ``..._more_than`` tests are the same as ``..._at_least`` ones with the
figure itself left out ('> £50,000', '<= £50,000').
"""

from __future__ import annotations

from decimal import Decimal

from partnerfw.judge.duration import lasts_at_least, term_text
from partnerfw.judge.outcomes import Missing, Outcome
from partnerfw.judge.resources import count_resources
from partnerfw.policy.significance_tests import (
    BUILT_IN_FLAGS,
    BUILT_IN_FLAGS_NOT,
    DurationTest,
    FlagTest,
    PartnersTest,
    RecordField,
    ResourcesTest,
    RiskImpactTest,
    RiskScoreTest,
    StaffCosting,
)
from partnerfw.policy.test_leaves import Compared
from partnerfw.record.models import Arrangement
from partnerfw.record.money import money


def below(test: Compared) -> str:
    """The sign of a value that fails the test: '<' (at least) or '<=' (more than)."""
    return "<=" if test.more_than else "<"


def figure(test: Compared, shown: str) -> str:
    """'£50,000 or more' (at least) or 'more than £50,000'."""
    return f"more than {shown}" if test.more_than else f"{shown} or more"


def resources(
    test: ResourcesTest, record: Arrangement, costing: StaffCosting | None, margin: Decimal
) -> Outcome:
    threshold = money(test.amount)
    if test.over == "term":
        return _over_term(test, record, margin)
    counted = count_resources(
        record.council_resources, test.counts, costing, budget_must_be_stated=True
    )
    priced = f" ({'; '.join(counted.notes)})" if counted.notes else ""
    amount = money(counted.amount)
    if test.reaches(counted.amount, test.amount):
        so_far = " counted so far" if counted.missing else ""
        return Outcome(
            True, f"{amount} council resources{so_far} {test.sign} {threshold} threshold{priced}"
        )
    if counted.missing:
        unknown = list(counted.uncosted)
        if len(unknown) < len(counted.missing):
            unknown.insert(0, "the dedicated budget (not stated)")
        where = "not above" if test.more_than else "below"
        return Outcome(
            None,
            f"{amount} council resources counted, {where} the {threshold} threshold{priced}, "
            f"but {' and '.join(unknown)} {'has' if len(unknown) == 1 else 'have'} no £ "
            "value yet, so it cannot be told",
            missing=counted.missing,
        )
    near = counted.amount >= test.amount - test.amount * margin
    return Outcome(
        False,
        f"{amount} council resources {below(test)} {threshold} threshold{priced}",
        near=f"{amount} council resources is close to the {threshold} threshold" if near else "",
    )


def _over_term(test: ResourcesTest, record: Arrangement, margin: Decimal) -> Outcome:
    threshold = money(test.amount)
    total = record.council_resources.total_over_term
    if total is None:
        return Outcome(
            None,
            f"council resources over the whole term not stated (threshold {threshold})",
            missing=(
                Missing(
                    ("council_resources",),
                    "state the council's total resources over the whole term in pounds "
                    "under council_resources.total_over_term",
                ),
            ),
        )
    if test.reaches(total, test.amount):
        return Outcome(
            True,
            f"{money(total)} council resources over the term {test.sign} {threshold} threshold",
        )
    near = total >= test.amount - test.amount * margin
    return Outcome(
        False,
        f"{money(total)} council resources over the term {below(test)} {threshold} threshold",
        near=f"{money(total)} council resources over the term is close to the {threshold} threshold"
        if near
        else "",
    )


def built_in_flag(field: str, record: Arrangement) -> bool | None:
    """The value of one of the record's own yes/no fields (None: the record does not say)."""
    if field == "members_on_board":
        return any(member.on_board for member in record.members)
    if field == "statutory_basis":
        basis = record.statutory_basis
        return None if basis is None else basis.statutory
    if field == "urgent":
        return record.urgency.urgent
    if field == "joint_committee":
        return record.joint_committee is not None
    if field == "external_funding":
        return bool(record.external_funding)
    return bool(getattr(record, field))


def flag(test: FlagTest, record: Arrangement, record_fields: dict[str, RecordField]) -> Outcome:
    declared = record_fields.get(test.field)
    words = test.reason or (
        declared.description if declared else BUILT_IN_FLAGS.get(test.field, test.field)
    )
    value: bool | None
    if test.field in BUILT_IN_FLAGS:
        value = built_in_flag(test.field, record)
    else:
        value = record.council_fields.get(test.field)
        if value is None and declared is not None:
            value = declared.default
    if value is None:
        return _unanswered(test, declared)
    if value:
        if test.field == "statutory_basis" and test.reason is None:
            words += _act(record)
        return Outcome(True, words)
    if test.reason_not:
        return Outcome(False, test.reason_not)
    if declared is not None:
        return Outcome(False, declared.description_not or f"no to '{declared.question}'")
    if test.reason is None and test.field in BUILT_IN_FLAGS_NOT:
        return Outcome(False, BUILT_IN_FLAGS_NOT[test.field])
    return Outcome(False, f"not {words}")


def _unanswered(test: FlagTest, declared: RecordField | None) -> Outcome:
    if test.field == "statutory_basis":
        return Outcome(
            None,
            "not stated whether the law requires it",
            missing=(
                Missing(
                    ("statutory_basis",),
                    "state under statutory_basis.statutory whether an Act requires the "
                    "arrangement (true or false, with the Act under act:)",
                ),
            ),
        )
    question = declared.question if declared else test.field
    return Outcome(
        None,
        f"not answered yet: {question}",
        missing=(
            Missing(
                ("council_fields",),
                f"answer the council's question '{question}' under "
                f"council_fields.{test.field} (true or false)",
            ),
        ),
    )


def _act(record: Arrangement) -> str:
    basis = record.statutory_basis
    if basis is None or not basis.act:
        return ""
    return f" ({basis.act}{' ' + basis.section if basis.section else ''})"


def duration(test: DurationTest, record: Arrangement) -> Outcome:
    dates = record.dates
    length = years_text(test.years)
    wanted = figure(test, length)
    if dates.indefinite:
        if test.indefinite_counts:
            return Outcome(True, f"indefinite, which counts as {wanted}")
        return Outcome(False, f"indefinite, which this test does not count as {wanted}")
    if dates.start is None or dates.end is None:
        which = "start" if dates.start is None else "end"
        ask = (
            "state when it starts under dates.start"
            if dates.start is None
            else "state when it ends under dates.end, or indefinite: true if it has no end"
        )
        return Outcome(
            None,
            f"the term's length cannot be worked out: no {which} date ({wanted} needed)",
            missing=(Missing(("dates",), ask),),
        )
    term = term_text(dates.start, dates.end)
    result = lasts_at_least(dates.start, dates.end, test.years, strict=test.more_than)
    if result is None:
        return Outcome(
            None,
            f"term {term}: the dates are not precise enough to tell whether it is {wanted}",
            missing=(Missing(("dates",), "give the start and end dates to the day"),),
        )
    if result:
        return Outcome(True, f"term {term} is {wanted}")
    if test.more_than:
        return Outcome(False, f"term {term} is not more than {length}")
    return Outcome(False, f"term {term} is less than {length}")


def years_text(years: Decimal) -> str:
    """'3 years', '2 years 6 months'."""
    whole, months = divmod(int(years * 12), 12)
    text = f"{whole} year{'s' if whole != 1 else ''}" if whole else ""
    if months:
        text = f"{text} {months} month{'s' if months != 1 else ''}".strip()
    return text


def risk_impact(test: RiskImpactTest, record: Arrangement) -> Outcome:
    register = record.monitoring.risk_register
    threshold = money(test.amount)
    for risk in register:
        if risk.financial_impact is not None and test.reaches(risk.financial_impact, test.amount):
            return Outcome(
                True,
                f"a risk could cost the council {money(risk.financial_impact)} {test.sign} "
                f"{threshold} ('{risk.risk}')",
            )
    if not register:
        return Outcome(
            None,
            f"no risk register to judge a financial impact of {figure(test, threshold)} by",
            missing=(
                Missing(
                    ("monitoring",),
                    "record the risk register under monitoring.risk_register, with each "
                    "risk's financial_impact in pounds",
                ),
            ),
        )
    unstated = [i for i, risk in enumerate(register) if risk.financial_impact is None]
    if unstated:
        return Outcome(
            None,
            f"no risk stated to cost {figure(test, threshold)}, but {len(unstated)} of "
            f"{len(register)} risks have no financial impact stated",
            missing=tuple(
                Missing(
                    ("monitoring", "risk_register", i),
                    f"state what the risk '{register[i].risk}' would cost the council, in "
                    "pounds, under its financial_impact",
                )
                for i in unstated
            ),
        )
    largest = max(risk.financial_impact or Decimal(0) for risk in register)
    return Outcome(
        False,
        f"no risk could cost the council {figure(test, threshold)} (largest {money(largest)})",
    )


def risk_score(test: RiskScoreTest, record: Arrangement) -> Outcome:
    register = record.monitoring.risk_register
    wanted = figure(test, str(test.score))
    if not register:
        return Outcome(
            None,
            f"no risk register to judge a risk scoring {wanted} by",
            missing=(
                Missing(
                    ("monitoring",),
                    "record the risk register under monitoring.risk_register",
                ),
            ),
        )
    top = max(register, key=lambda r: r.likelihood * r.impact)
    score = top.likelihood * top.impact
    if test.reaches(score, test.score):
        return Outcome(
            True,
            f"a risk scores {score} (likelihood {top.likelihood} × impact {top.impact}) "
            f"{test.sign} {test.score} ('{top.risk}')",
        )
    return Outcome(False, f"no risk scores {wanted} (highest {score})")


def partners(test: PartnersTest, record: Arrangement) -> Outcome:
    current = [p for p in record.partners if p.left is None]
    if not record.partners:
        return Outcome(
            None,
            f"no partners listed to count ({figure(test, str(test.count))} needed)",
            missing=(Missing(("partners",), "list the partner organisations under partners"),),
        )
    count = len(current)
    words = f"{count} partner{'s' if count != 1 else ''}"
    if test.reaches(count, test.count):
        return Outcome(True, f"{words} {test.sign} {test.count}")
    return Outcome(False, f"{words} {below(test)} {test.count}")
