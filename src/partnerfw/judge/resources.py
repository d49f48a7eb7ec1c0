"""What the council puts in a year, counted for a test: budget, staff cost and resources in
kind as the test counts them (``count_resources``), never a silent £0 for what is given without
a value, staff time priced at the policy's rate where it sets one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from partnerfw.judge.outcomes import Missing
from partnerfw.policy.significance_tests import RESOURCE_FIELDS, StaffCosting
from partnerfw.record.models import CouncilResources
from partnerfw.record.money import money


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
