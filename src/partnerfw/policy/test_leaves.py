"""The leaves of the policy's test language: each compares one fact of a record (or of one of
its risks or partners) with a figure the council sets, or asks a yes/no field.

A comparison is written ``<what>_at_least`` or ``<what>_more_than`` (``resources_at_least``,
``risk_score_more_than``): at least includes the figure, more than does not. A leaf says where
it comes from with ``reference:`` (the framework's paragraph) or ``local:`` (why it is the
council's own choice), or takes the source of the combinator, scorecard criterion or class
around it. ``significance_tests`` combines the leaves; ``judge.significance`` applies them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from partnerfw.record.models import Sector

ResourceField = Literal["dedicated_budget", "staff_cost", "in_kind_value"]
RESOURCE_FIELDS: tuple[ResourceField, ...] = ("dedicated_budget", "staff_cost", "in_kind_value")
BUILT_IN_FLAGS = {
    "fundamental_to_corporate_objective": "fundamental to delivering a Corporate Plan objective",
    "public_facing": "provides services directly to the public",
    "members_on_board": "councillors sit on its board",
    "statutory_basis": "required by law",
    "urgent": "set up urgently, on the urgent (ad hoc) route",
    "joint_committee": "governed by a joint committee",
    "external_funding": "has funding from outside the partners",
}
"""The record's own yes/no fields a flag test may name, with the words used in a reason.
``statutory_basis`` is the record's ``statutory_basis.statutory`` (an Act requires it),
``urgent`` its ``urgency.urgent``, ``joint_committee`` and ``external_funding`` whether it
records one."""
BUILT_IN_FLAGS_NOT = {
    "fundamental_to_corporate_objective": "not fundamental to delivering a Corporate Plan "
    "objective",
    "public_facing": "does not provide services directly to the public",
    "members_on_board": "no councillor sits on its board",
    "statutory_basis": "not required by law",
    "urgent": "not urgent",
    "joint_committee": "no joint committee",
    "external_funding": "no funding from outside the partners",
}
PARTNER_FLAGS = {
    "local_authority": "is a local authority",
    "independent": "is independent of the council",
}
"""A partner's own yes/no fields a flag test inside ``any_partner`` may name."""
PARTNER_FLAGS_NOT = {
    "local_authority": "is not a local authority",
    "independent": "is not independent of the council",
}
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sourced(_Model):
    """Where a test comes from: the framework's paragraph, or the council's own choice."""

    reference: str | None = Field(
        None, min_length=1, description="The framework paragraph, e.g. 'Framework 1.9'."
    )
    local: str | None = Field(
        None,
        min_length=1,
        description="Instead of reference: why this is the council's own choice, not the "
        "framework's (e.g. 'Cabinet decision 2025/14: five years or more').",
    )

    @property
    def source(self) -> str:
        """The reference, or for a local one "the council's own choice: <why>"."""
        return self.reference or f"the council's own choice: {self.local}"

    @property
    def sourced(self) -> bool:
        return self.reference is not None or self.local is not None


NO_SOURCE = (
    "give exactly one of 'reference:' (the framework paragraph that sets this test) or "
    "'local:' (why it is the council's own choice)"
)


class _Leaf(_Sourced):
    """A leaf test: one of reference or local, or neither when the combinator, criterion or
    class around it gives the source (the policy checks that one does)."""

    @model_validator(mode="after")
    def _one_source(self) -> _Leaf:
        if self.reference is not None and self.local is not None:
            raise ValueError(NO_SOURCE)
        return self


class Compared(_Leaf):
    """A leaf that compares a figure: ``..._at_least`` includes it, ``..._more_than`` not."""

    type: str

    @property
    def more_than(self) -> bool:
        return self.type.endswith("_more_than")

    @property
    def sign(self) -> str:
        return ">" if self.more_than else ">="

    @property
    def words(self) -> str:
        """'or more' (at least) or 'more than' in front of the figure."""
        return "more than" if self.more_than else "or more"

    def reaches(self, value: Decimal | int, figure: Decimal | int) -> bool:
        return value > figure if self.more_than else value >= figure


class ResourcesTest(Compared):
    """Council resources at or above (or more than) an amount, a year or over the whole term."""

    type: Literal["resources_at_least", "resources_more_than"] = Field(
        description="Council resources at or above (at_least) or above (more_than) amount."
    )
    amount: Decimal = Field(ge=0, description="The threshold in pounds, e.g. 50000.")
    counts: list[ResourceField] = Field(
        default_factory=lambda: list(RESOURCE_FIELDS),
        min_length=1,
        description="Which council resources a year count towards the threshold (over: year).",
    )
    over: Literal["year", "term"] = Field(
        "year",
        description="year: the resources a year (budget, staff cost, in kind, as counts says); "
        "term: council_resources.total_over_term, the total over the arrangement's life.",
    )

    @model_validator(mode="after")
    def _counts_for_a_year(self) -> ResourcesTest:
        if self.over == "term" and "counts" in self.model_fields_set:
            raise ValueError(
                "'counts' applies to resources a year; over: term compares the record's "
                "council_resources.total_over_term, so leave counts out"
            )
        return self


class FlagTest(_Leaf):
    """A yes/no field of the record is true: one of the record's own or one the council declares
    under ``record_fields``; inside ``any_partner``, one of the partner's own."""

    type: Literal["flag"] = Field(description="A yes/no field of the record is true.")
    field: FieldName = Field(
        description="One of the record's own yes/no fields (fundamental_to_corporate_objective, "
        "public_facing, members_on_board, statutory_basis, urgent, joint_committee, "
        "external_funding), a field the policy declares under record_fields (e.g. "
        "statutory_duty), or inside any_partner a partner's (local_authority, independent)."
    )
    reason: str | None = Field(
        None,
        min_length=1,
        description="The words shown when it holds; default: the field's description.",
    )
    reason_not: str | None = Field(
        None, min_length=1, description="The words shown when it does not; default: 'not ...'."
    )


class DurationTest(Compared):
    """The term, from dates.start to dates.end, is at least (or more than) so many years."""

    type: Literal["duration_at_least", "duration_more_than"] = Field(
        description="The term lasts at least (or more than) this long."
    )
    years: Decimal = Field(
        gt=0, description="The length in years (whole months: 2.5 is 2 years 6 months)."
    )
    indefinite_counts: bool = Field(
        description="Whether an indefinite arrangement (no end date) counts as lasting this long."
    )

    @model_validator(mode="after")
    def _whole_months(self) -> DurationTest:
        if (self.years * 12) != (self.years * 12).to_integral_value():
            raise ValueError(f"years: {self.years} is not a whole number of months")
        return self


class RiskImpactTest(Compared):
    """A risk in the risk register would cost the council at least (more than) an amount;
    inside ``any_risk``, the risk in question would."""

    type: Literal["risk_financial_impact_at_least", "risk_financial_impact_more_than"] = Field(
        description="A risk's financial_impact is at or above (more than) amount."
    )
    amount: Decimal = Field(ge=0, description="The financial impact in pounds, e.g. 250000.")


class RiskScoreTest(Compared):
    """A risk in the risk register scores at least (more than) so much (likelihood × impact,
    1-25); inside ``any_risk``, the risk in question does."""

    type: Literal["risk_score_at_least", "risk_score_more_than"] = Field(
        description="A risk's likelihood × impact is at or above (more than) score."
    )
    score: int = Field(ge=1, le=25, description="Likelihood × impact, e.g. 15 for a high risk.")

    @model_validator(mode="after")
    def _can_hold(self) -> RiskScoreTest:
        if self.more_than and self.score >= 25:
            raise ValueError("no risk scores more than 25 (5 × 5): use risk_score_at_least")
        return self


class PartnersTest(Compared):
    """The arrangement has at least (more than) so many partners (those that have not left)."""

    type: Literal["partners_at_least", "partners_more_than"] = Field(
        description="The number of partners is at or above (more than) count."
    )
    count: int = Field(ge=0, description="How many partners, e.g. 3.")


class PartnerContributionTest(Compared):
    """A partner contributes at least (more than) an amount a year; inside ``any_partner``, the
    partner in question does."""

    type: Literal["partner_contribution_at_least", "partner_contribution_more_than"] = Field(
        description="A partner's contribution is at or above (more than) amount."
    )
    amount: Decimal = Field(ge=0, description="The contribution in pounds, e.g. 25000.")


class PartnerSectorTest(_Leaf):
    """A partner is of one of the sectors listed; inside ``any_partner``, the partner in
    question is."""

    type: Literal["partner_sector"] = Field(description="A partner is in one of these sectors.")
    sectors: list[Sector] = Field(
        min_length=1, description="public, private, voluntary, community, individual, other."
    )


class PointsTest(Compared):
    """The partnership's score on the policy's ``scorecard`` is at least (more than) so many
    points."""

    type: Literal["points_at_least", "points_more_than"] = Field(
        description="The scorecard's total is at or above (more than) points."
    )
    points: int = Field(ge=0, description="The points needed, e.g. 12.")


Leaf = (
    ResourcesTest
    | FlagTest
    | DurationTest
    | RiskImpactTest
    | RiskScoreTest
    | PartnersTest
    | PartnerContributionTest
    | PartnerSectorTest
    | PointsTest
)
LEAF_MODELS: dict[str, type[_Leaf]] = {
    "resources": ResourcesTest,
    "flag": FlagTest,
    "duration": DurationTest,
    "risk_financial_impact": RiskImpactTest,
    "risk_score": RiskScoreTest,
    "partners": PartnersTest,
    "partner_contribution": PartnerContributionTest,
    "partner_sector": PartnerSectorTest,
    "points": PointsTest,
}
"""Each leaf by its family: the type without '_at_least' or '_more_than'."""
LEAF_TYPES = (
    "resources_at_least",
    "resources_more_than",
    "flag",
    "duration_at_least",
    "duration_more_than",
    "risk_financial_impact_at_least",
    "risk_financial_impact_more_than",
    "risk_score_at_least",
    "risk_score_more_than",
    "partners_at_least",
    "partners_more_than",
    "partner_contribution_at_least",
    "partner_contribution_more_than",
    "partner_sector",
    "points_at_least",
    "points_more_than",
)
RISK_LEAVES = (RiskImpactTest, RiskScoreTest)
"""The leaves that ask about one risk (inside ``any_risk``: the same risk)."""
PARTNER_LEAVES = (PartnerContributionTest, PartnerSectorTest)
"""The leaves that ask about one partner (inside ``any_partner``: the same partner), with a
flag on a partner's own field."""


def family(kind: str) -> str:
    """'resources' for 'resources_at_least' or 'resources_more_than'."""
    return kind.removesuffix("_at_least").removesuffix("_more_than")
