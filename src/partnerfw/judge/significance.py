"""Applying the council's significance test (``significance.py``) to one record.

Every test answers yes, no, or *cannot tell yet* (``None``), and says why in words the reason
shows. A test cannot tell when the record leaves out a fact it needs: staff time without its
£ cost, resources in kind without their value, a date, an answer to one of the council's own
questions. Combinators combine the three answers honestly: ``any_of`` holds when one test holds
even if another cannot tell, and fails only when every test fails; ``at_least: 3`` holds when
three hold, fails when fewer than three could, and otherwise cannot tell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from partnerfw.judge.duration import lasts_at_least, term_text
from partnerfw.policy.significance_tests import (
    BUILT_IN_FLAGS,
    BUILT_IN_FLAGS_NOT,
    RESOURCE_FIELDS,
    AllOf,
    AnyOf,
    AtLeast,
    Combinator,
    DurationTest,
    FlagTest,
    Leaf,
    RecordField,
    ResourcesTest,
    RiskImpactTest,
    RiskScoreTest,
    StaffCosting,
    children,
)
from partnerfw.record.models import Arrangement, CouncilResources
from partnerfw.record.money import money

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Missing:
    """A fact the record must give before a test can be decided."""

    path: Where
    """Where to write it (or the nearest field it belongs with)."""
    ask: str
    """What to do, e.g. 'write the £ cost of the 0.5 FTE of staff time under ...'."""


@dataclass(frozen=True)
class Outcome:
    holds: bool | None
    """True, False, or None when the record does not yet say enough."""
    text: str
    references: tuple[str, ...] = ()
    """Where the tests that held come from."""
    missing: tuple[Missing, ...] = ()
    """What the record must state for this test to be decided (only when ``holds`` is None)."""
    near: str = ""
    """For a money test that failed by less than the policy's margin: what is near what,
    e.g. '£47,500 council resources is close to the £50,000 threshold'."""


@dataclass(frozen=True)
class Counted:
    """Council resources a year that can be counted, and what cannot be, yet."""

    amount: Decimal
    missing: tuple[Missing, ...] = ()
    notes: tuple[str, ...] = ()
    """How staff time was priced by the policy, e.g. '0.5 FTE at £45,000 a year per FTE'."""
    uncosted: tuple[str, ...] = ()
    """What is given without a £ value, e.g. 'staff time (0.5 FTE)'."""


def number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def count_resources(
    resources: CouncilResources,
    counts: Sequence[str] = RESOURCE_FIELDS,
    costing: StaffCosting | None = None,
    budget_must_be_stated: bool = False,
) -> Counted:
    """Add up what the council puts in a year, as ``counts`` says. A figure not stated is not
    £0 when the record shows something was given: staff time without its cost (unless
    ``costing`` prices it), resources in kind without their value."""
    total = Decimal(0)
    missing: list[Missing] = []
    notes: list[str] = []
    uncosted: list[str] = []
    if "dedicated_budget" in counts:
        if resources.dedicated_budget is not None:
            total += resources.dedicated_budget
        elif budget_must_be_stated:
            missing.append(
                Missing(
                    ("council_resources",),
                    "state the council's dedicated budget a year in pounds under "
                    "council_resources.dedicated_budget (0 if there is none)",
                )
            )
    if "staff_cost" in counts:
        if resources.staff_cost is not None:
            total += resources.staff_cost
        elif resources.has_staff_time:
            priced = _priced(resources, costing)
            if priced is not None:
                total += priced[0]
                notes.append(priced[1])
            else:
                time = _staff_time(resources)
                uncosted.append(f"staff time ({time})")
                missing.append(
                    Missing(
                        ("council_resources", _time_field(resources)),
                        f"write the £ cost a year of the council's staff time ({time}) under "
                        "council_resources.staff_cost: time without a cost cannot be counted",
                    )
                )
    if "in_kind_value" in counts:
        if resources.in_kind_value is not None:
            total += resources.in_kind_value
        elif resources.has_in_kind:
            uncosted.append(f"in kind ({resources.in_kind_description})")
            missing.append(
                Missing(
                    ("council_resources", "in_kind_description"),
                    "write the £ value a year of what the council gives in kind "
                    f"('{resources.in_kind_description}') under council_resources.in_kind_value",
                )
            )
    return Counted(total, tuple(missing), tuple(notes), tuple(uncosted))


def _staff_time(resources: CouncilResources) -> str:
    parts = []
    if resources.staff_fte:
        parts.append(f"{number(resources.staff_fte)} FTE")
    if resources.staff_days_per_year:
        parts.append(f"{number(resources.staff_days_per_year)} days a year")
    return ", ".join(parts)


def _time_field(resources: CouncilResources) -> str:
    return "staff_fte" if resources.staff_fte else "staff_days_per_year"


def _priced(
    resources: CouncilResources, costing: StaffCosting | None
) -> tuple[Decimal, str] | None:
    if costing is None:
        return None
    if resources.staff_fte and costing.fte_cost_per_year is not None:
        amount = (resources.staff_fte * costing.fte_cost_per_year).quantize(Decimal("0.01"))
        return amount, (
            f"staff time of {number(resources.staff_fte)} FTE costed at "
            f"{money(costing.fte_cost_per_year)} a year per FTE, the policy's rate: "
            f"{costing.reference or costing.local}"
        )
    if resources.staff_days_per_year and costing.day_rate is not None:
        amount = (resources.staff_days_per_year * costing.day_rate).quantize(Decimal("0.01"))
        return amount, (
            f"staff time of {number(resources.staff_days_per_year)} days a year costed at "
            f"{money(costing.day_rate)} a day, the policy's rate: "
            f"{costing.reference or costing.local}"
        )
    return None


@dataclass(frozen=True)
class Judge:
    """The policy's parts a test needs besides the record."""

    record_fields: dict[str, RecordField]
    costing: StaffCosting | None
    margin: Decimal

    def outcome(self, test: Leaf | Combinator, record: Arrangement, depth: int = 0) -> Outcome:
        if isinstance(test, AnyOf | AllOf | AtLeast):
            return self._combined(test, record, depth)
        if isinstance(test, ResourcesTest):
            return self._resources(test, record)
        if isinstance(test, FlagTest):
            return self._flag(test, record)
        if isinstance(test, DurationTest):
            return _duration(test, record)
        if isinstance(test, RiskImpactTest):
            return _risk_impact(test, record)
        return _risk_score(test, record)

    def _combined(self, test: Combinator, record: Arrangement, depth: int) -> Outcome:
        results = [self.outcome(child, record, depth + 1) for child in children(test)]
        held = sum(1 for r in results if r.holds is True)
        open_ = sum(1 for r in results if r.holds is None)
        total = len(results)
        if isinstance(test, AnyOf):
            needed, label = 1, "any one needed"
        elif isinstance(test, AllOf):
            needed, label = total, f"all {total} needed"
        else:
            needed, label = test.at_least, f"at least {test.at_least} needed"
        holds: bool | None
        if held >= needed:
            holds = True
        elif held + open_ < needed:
            holds = False
        else:
            holds = None
        parts = "; ".join(r.text for r in results)
        if isinstance(test, AnyOf) and depth == 0:
            text = parts  # the framework's own wording: 'X; Y' (any one makes it significant)
        else:
            count = f"{held} of {total} tests hold"
            if open_:
                count += f", {open_} cannot be decided yet"
            text = f"{count} ({label}): {parts}"
            if depth:
                text = f"({text})"
        references: tuple[str, ...] = ()
        if holds:
            own = (test.source,) if test.reference or test.local else ()
            references = own + tuple(ref for r in results if r.holds for ref in r.references)
        missing = tuple(m for r in results for m in r.missing) if holds is None else ()
        # Near: a money test close to its threshold whose passing would make this one hold.
        near = ""
        if holds is False and held + 1 >= needed and open_ == 0:
            near = "; ".join(r.near for r in results if r.near)
        return Outcome(holds, text, tuple(dict.fromkeys(references)), missing, near)

    def _resources(self, test: ResourcesTest, record: Arrangement) -> Outcome:
        threshold = money(test.amount)
        if test.over == "term":
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
            if total >= test.amount:
                return Outcome(
                    True,
                    f"{money(total)} council resources over the term >= {threshold} threshold",
                    (test.source,),
                )
            near = total >= test.amount - test.amount * self.margin
            return Outcome(
                False,
                f"{money(total)} council resources over the term < {threshold} threshold",
                near=f"{money(total)} council resources over the term is close to the "
                f"{threshold} threshold"
                if near
                else "",
            )
        counted = count_resources(
            record.council_resources, test.counts, self.costing, budget_must_be_stated=True
        )
        priced = f" ({'; '.join(counted.notes)})" if counted.notes else ""
        amount = money(counted.amount)
        if counted.amount >= test.amount:
            so_far = " counted so far" if counted.missing else ""
            return Outcome(
                True,
                f"{amount} council resources{so_far} >= {threshold} threshold{priced}",
                (test.source,),
            )
        if counted.missing:
            unknown = list(counted.uncosted)
            if len(unknown) < len(counted.missing):
                unknown.insert(0, "the dedicated budget (not stated)")
            return Outcome(
                None,
                f"{amount} council resources counted, below the {threshold} threshold{priced}, "
                f"but {' and '.join(unknown)} {'has' if len(unknown) == 1 else 'have'} no £ "
                "value yet, so it cannot be told",
                missing=counted.missing,
            )
        near = counted.amount >= test.amount - test.amount * self.margin
        return Outcome(
            False,
            f"{amount} council resources < {threshold} threshold{priced}",
            near=f"{amount} council resources is close to the {threshold} threshold"
            if near
            else "",
        )

    def _flag(self, test: FlagTest, record: Arrangement) -> Outcome:
        declared = self.record_fields.get(test.field)
        words = test.reason or (
            declared.description if declared else BUILT_IN_FLAGS.get(test.field, test.field)
        )
        value: bool | None
        if test.field == "members_on_board":
            value = any(member.on_board for member in record.members)
        elif test.field in BUILT_IN_FLAGS:
            value = bool(getattr(record, test.field))
        else:
            value = record.council_fields.get(test.field)
            if value is None and declared is not None:
                value = declared.default
        if value is None:
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
        if value:
            return Outcome(True, words, (test.source,))
        if test.reason_not:
            return Outcome(False, test.reason_not)
        if declared is not None:
            return Outcome(False, declared.description_not or f"no to '{declared.question}'")
        if test.reason is None and test.field in BUILT_IN_FLAGS_NOT:
            return Outcome(False, BUILT_IN_FLAGS_NOT[test.field])
        return Outcome(False, f"not {words}")


def _duration(test: DurationTest, record: Arrangement) -> Outcome:
    dates = record.dates
    length = _years(test.years)
    if dates.indefinite:
        if test.indefinite_counts:
            return Outcome(True, f"indefinite, which counts as {length} or more", (test.source,))
        return Outcome(False, f"indefinite, which this test does not count as {length} or more")
    if dates.start is None or dates.end is None:
        which = "start" if dates.start is None else "end"
        ask = (
            "state when it starts under dates.start"
            if dates.start is None
            else "state when it ends under dates.end, or indefinite: true if it has no end"
        )
        return Outcome(
            None,
            f"the term's length cannot be worked out: no {which} date ({length} or more needed)",
            missing=(Missing(("dates",), ask),),
        )
    term = term_text(dates.start, dates.end)
    result = lasts_at_least(dates.start, dates.end, test.years)
    if result is None:
        return Outcome(
            None,
            f"term {term}: the dates are not precise enough to tell whether it is {length} or more",
            missing=(Missing(("dates",), "give the start and end dates to the day"),),
        )
    if result:
        return Outcome(True, f"term {term} is {length} or more", (test.source,))
    return Outcome(False, f"term {term} is less than {length}")


def _years(years: Decimal) -> str:
    whole, months = divmod(int(years * 12), 12)
    text = f"{whole} year{'s' if whole != 1 else ''}" if whole else ""
    if months:
        text = f"{text} {months} month{'s' if months != 1 else ''}".strip()
    return text


def _risk_impact(test: RiskImpactTest, record: Arrangement) -> Outcome:
    register = record.monitoring.risk_register
    threshold = money(test.amount)
    for risk in register:
        if risk.financial_impact is not None and risk.financial_impact >= test.amount:
            return Outcome(
                True,
                f"a risk could cost the council {money(risk.financial_impact)} >= {threshold} "
                f"('{risk.risk}')",
                (test.source,),
            )
    if not register:
        return Outcome(
            None,
            f"no risk register to judge a financial impact of {threshold} or more by",
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
            f"no risk stated to cost {threshold} or more, but {len(unstated)} of "
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
        False, f"no risk could cost the council {threshold} or more (largest {money(largest)})"
    )


def _risk_score(test: RiskScoreTest, record: Arrangement) -> Outcome:
    register = record.monitoring.risk_register
    if not register:
        return Outcome(
            None,
            f"no risk register to judge a risk scoring {test.score} or more by",
            missing=(
                Missing(
                    ("monitoring",),
                    "record the risk register under monitoring.risk_register",
                ),
            ),
        )
    top = max(register, key=lambda r: r.likelihood * r.impact)
    score = top.likelihood * top.impact
    if score >= test.score:
        return Outcome(
            True,
            f"a risk scores {score} (likelihood {top.likelihood} × impact {top.impact}) >= "
            f"{test.score} ('{top.risk}')",
            (test.source,),
        )
    return Outcome(False, f"no risk scores {test.score} or more (highest {score})")
