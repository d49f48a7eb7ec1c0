"""The money and time in an arrangement: what the council puts in, which counts towards
significance (``CouncilResources``), the overall budget over several years (``BudgetOverTerm``
by ``FinancialYear``) and funding from outside the partners (``ExternalFunding``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from partnerfw.record.models.base import Model, Money, Text


class CouncilResources(Model):
    """What the council puts in: these count towards significance as the policy says.

    A figure left out is *not stated*, which is not the same as £0: staff time given as FTE or
    days without its cost, or resources in kind described without their value, cannot be
    counted, and significance stays undetermined until the £ value is written in (or the
    policy sets a day rate or FTE cost that converts the time)."""

    dedicated_budget: Money | None = Field(
        None, description="Dedicated council budget, pounds a year (write 0 if there is none)."
    )
    staff_fte: Decimal | None = Field(
        None, ge=0, description="Council staff time, full-time equivalents."
    )
    staff_days_per_year: Decimal | None = Field(
        None, ge=0, description="Council staff time in working days a year (Appendix 1)."
    )
    staff_cost: Money | None = Field(
        None,
        description="Cost of that staff time, pounds a year. Needed whenever staff time is "
        "given: time without a cost cannot count towards significance.",
    )
    in_kind_value: Money | None = Field(
        None,
        description="Value of resources given in kind, pounds a year. Needed whenever "
        "in_kind_description says something is given.",
    )
    in_kind_description: str | None = Field(
        None, description="What is given in kind, e.g. 'meeting rooms at the Civic Centre'."
    )
    total_over_term: Money | None = Field(
        None,
        description="Total council resources over the whole term, all years together, pounds "
        "(for a policy whose threshold is over the life of the arrangement).",
    )
    note: str | None = Field(None, description="Anything that explains the figures.")

    @property
    def has_staff_time(self) -> bool:
        return bool(self.staff_fte) or bool(self.staff_days_per_year)

    @property
    def has_in_kind(self) -> bool:
        return bool(self.in_kind_description and self.in_kind_description.strip())


class ExternalFunding(Model):
    """Funding from outside the partners, e.g. a government grant (Appendix 1: 'Has external
    funding been secured? If so, how much and what will it be used for?'). It is not a
    partner's contribution and does not count as council resources."""

    source: Text = Field(description="Who gives it, e.g. 'Home Office' or 'Sport England'.")
    scheme: str | None = Field(
        None, description="The fund or programme, e.g. 'Safer Streets Fund, round 5'."
    )
    amount: Money = Field(description="How much, in pounds, over the whole award.")
    secured: bool = Field(
        True, description="False for potential funding that could be sought (Appendix 1)."
    )
    use: str | None = Field(None, description="What it will be used for.")
    start: dt.date | None = Field(None, description="When the award starts.")
    end: dt.date | None = Field(None, description="When it ends.")
    reference: str | None = Field(
        None, description="The grant agreement or offer letter, e.g. 'HO grant offer 2024-117'."
    )

    @model_validator(mode="after")
    def _in_order(self) -> ExternalFunding:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"the funding's end {self.end} is before its start {self.start}")
        return self


FinancialYear = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}/\d{2}$"),
    Field(description="A financial year, e.g. '2025/26'."),
]


class BudgetYear(Model):
    year: FinancialYear
    amount: Money = Field(description="The overall budget for that year, pounds.")


class BudgetOverTerm(Model):
    """The overall budget over several years, beside the annual figure in overall_budget."""

    total: Money = Field(description="The overall budget over the whole term, pounds.")
    period: str | None = Field(None, description="The years it covers, e.g. '2024/25 to 2027/28'.")
    by_year: list[BudgetYear] = Field(
        default_factory=list, description="The budget year by year; they add up to the total."
    )

    @model_validator(mode="after")
    def _adds_up(self) -> BudgetOverTerm:
        years = [b.year for b in self.by_year]
        for year in years:
            first, second = int(year[:4]), int(year[5:])
            if (first + 1) % 100 != second:
                raise ValueError(
                    f"'{year}' is not a financial year: write it as {first}/{(first + 1) % 100:02d}"
                )
        if len(set(years)) != len(years):
            raise ValueError("a financial year is listed twice under by_year")
        if years:
            added = sum((b.amount for b in self.by_year), Decimal(0))
            if added != self.total:
                raise ValueError(
                    f"the years under by_year add up to {added}, not the total {self.total}: "
                    "correct the total or a year's amount"
                )
        return self
