"""The significance test as data: what a council's policy may say makes a partnership
significant.

A test is one of the *leaf* tests (council resources at or above an amount, a yes/no field of
the record, the term's length, the risk register) or a *combinator* of tests: ``any_of``,
``all_of`` or ``at_least: N`` ``of`` a list, nested as deeply as the council's framework needs.
Every leaf says where it comes from: ``reference:`` (the framework's paragraph) or ``local:``
(why this is the council's own choice), exactly one of the two. ``judge.py`` applies a test to
a record.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)

ResourceField = Literal["dedicated_budget", "staff_cost", "in_kind_value"]
RESOURCE_FIELDS: tuple[ResourceField, ...] = ("dedicated_budget", "staff_cost", "in_kind_value")
BUILT_IN_FLAGS = {
    "fundamental_to_corporate_objective": "fundamental to delivering a Corporate Plan objective",
    "public_facing": "provides services directly to the public",
    "members_on_board": "councillors sit on its board",
}
"""The record's own yes/no fields a flag test may name, with the words used in a reason."""
BUILT_IN_FLAGS_NOT = {
    "fundamental_to_corporate_objective": "not fundamental to delivering a Corporate Plan "
    "objective",
    "public_facing": "does not provide services directly to the public",
    "members_on_board": "no councillor sits on its board",
}
FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
LEAF_TYPES = (
    "resources_at_least",
    "flag",
    "duration_at_least",
    "risk_financial_impact_at_least",
    "risk_score_at_least",
)


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


class _Leaf(_Sourced):
    @model_validator(mode="after")
    def _one_source(self) -> _Leaf:
        if (self.reference is None) == (self.local is None):
            raise ValueError(
                "give exactly one of 'reference:' (the framework paragraph that sets this "
                "test) or 'local:' (why it is the council's own choice)"
            )
        return self


class ResourcesTest(_Leaf):
    """Council resources at or above an amount, a year or over the whole term."""

    type: Literal["resources_at_least"] = Field(description="Council resources at or above amount.")
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
    under ``record_fields``."""

    type: Literal["flag"] = Field(description="A yes/no field of the record is true.")
    field: FieldName = Field(
        description="fundamental_to_corporate_objective, public_facing, members_on_board, or a "
        "field the policy declares under record_fields (e.g. statutory_duty)."
    )
    reason: str | None = Field(
        None,
        min_length=1,
        description="The words shown when it holds; default: the field's description.",
    )
    reason_not: str | None = Field(
        None, min_length=1, description="The words shown when it does not; default: 'not ...'."
    )


class DurationTest(_Leaf):
    """The term, from dates.start to dates.end, is at least so many years."""

    type: Literal["duration_at_least"] = Field(description="The term lasts at least this long.")
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


class RiskImpactTest(_Leaf):
    """A risk in the risk register would cost the council at least an amount."""

    type: Literal["risk_financial_impact_at_least"] = Field(
        description="A risk's financial_impact is at or above amount."
    )
    amount: Decimal = Field(ge=0, description="The financial impact in pounds, e.g. 250000.")


class RiskScoreTest(_Leaf):
    """A risk in the risk register scores at least so much (likelihood × impact, 1-25)."""

    type: Literal["risk_score_at_least"] = Field(
        description="A risk's likelihood × impact is at or above score."
    )
    score: int = Field(ge=1, le=25, description="Likelihood × impact, e.g. 15 for a high risk.")


class AnyOf(_Sourced):
    """Holds when any of its tests holds."""

    any_of: list[Test] = Field(min_length=1, description="Holds when any of these holds.")


class AllOf(_Sourced):
    """Holds when every one of its tests holds."""

    all_of: list[Test] = Field(min_length=1, description="Holds when all of these hold.")


class AtLeast(_Sourced):
    """Holds when at least ``at_least`` of its tests hold."""

    at_least: int = Field(ge=1, description="How many of the tests must hold, e.g. 3.")
    of: list[Test] = Field(min_length=1, description="The tests.")

    @model_validator(mode="after")
    def _enough(self) -> AtLeast:
        if self.at_least > len(self.of):
            raise ValueError(
                f"at_least: {self.at_least} but only {len(self.of)} tests are listed under 'of'"
            )
        return self


Leaf = ResourcesTest | FlagTest | DurationTest | RiskImpactTest | RiskScoreTest
Combinator = AnyOf | AllOf | AtLeast
_COMBINATORS = ("any_of", "all_of", "at_least")


def _tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in _COMBINATORS:
            if key in value:
                return key
        kind = value.get("type")
        return kind if isinstance(kind, str) else None
    if isinstance(value, AnyOf):
        return "any_of"
    if isinstance(value, AllOf):
        return "all_of"
    if isinstance(value, AtLeast):
        return "at_least"
    kind = getattr(value, "type", None)
    return kind if isinstance(kind, str) else None


Test = Annotated[
    Annotated[AnyOf, Tag("any_of")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AtLeast, Tag("at_least")]
    | Annotated[ResourcesTest, Tag("resources_at_least")]
    | Annotated[FlagTest, Tag("flag")]
    | Annotated[DurationTest, Tag("duration_at_least")]
    | Annotated[RiskImpactTest, Tag("risk_financial_impact_at_least")]
    | Annotated[RiskScoreTest, Tag("risk_score_at_least")],
    Discriminator(
        _tag,
        custom_error_type="invalid_test",
        custom_error_message=(
            "a test is 'any_of: [...]', 'all_of: [...]', 'at_least: N' with 'of: [...]', or "
            "has 'type:' one of " + ", ".join(LEAF_TYPES)
        ),
    ),
]
for _combinator in (AnyOf, AllOf, AtLeast):
    _combinator.model_rebuild()


def _parts(test: Leaf | Combinator) -> tuple[str, list[Leaf | Combinator]] | None:
    if isinstance(test, AnyOf):
        return "any_of", list(test.any_of)
    if isinstance(test, AllOf):
        return "all_of", list(test.all_of)
    if isinstance(test, AtLeast):
        return "of", list(test.of)
    return None


def children(test: Leaf | Combinator) -> list[Leaf | Combinator]:
    """The tests a combinator combines; none for a leaf."""
    parts = _parts(test)
    return parts[1] if parts else []


def leaves(
    test: Leaf | Combinator, path: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], Leaf]]:
    """Every leaf test with where it is under ``path``, e.g. ``(('test', 'any_of', 0), ...)``."""
    parts = _parts(test)
    if parts is None:
        return [(path, test)]  # type: ignore[list-item]
    key, items = parts
    found = []
    for index, child in enumerate(items):
        found.extend(leaves(child, (*path, key, index)))
    return found


def describe(test: Leaf | Combinator) -> str:
    """The test in words, e.g. 'any of: council resources a year of £50,000 or more;
    fundamental_to_corporate_objective is true'."""
    if isinstance(test, AnyOf | AllOf | AtLeast):
        label = (
            "any of"
            if isinstance(test, AnyOf)
            else "all of"
            if isinstance(test, AllOf)
            else f"at least {test.at_least} of"
        )
        inner = "; ".join(describe(child) for child in children(test))
        return f"{label} ({inner})"
    if isinstance(test, ResourcesTest):
        amount = f"£{test.amount:,.0f}"
        if test.over == "term":
            return f"council resources over the term of {amount} or more"
        return f"council resources a year ({', '.join(test.counts)}) of {amount} or more"
    if isinstance(test, FlagTest):
        return f"{test.field} is true"
    if isinstance(test, DurationTest):
        counted = "counts" if test.indefinite_counts else "does not count"
        return f"a term of {test.years.normalize():f} years or more (indefinite {counted})"
    if isinstance(test, RiskImpactTest):
        return f"a risk's financial impact of £{test.amount:,.0f} or more"
    return f"a risk scoring {test.score} or more"


class StaffCosting(_Leaf):
    """How the council prices staff time that a record gives without its cost."""

    fte_cost_per_year: Decimal | None = Field(
        None, gt=0, description="Pounds a year for one full-time equivalent, e.g. 45000."
    )
    day_rate: Decimal | None = Field(
        None, gt=0, description="Pounds for one working day of staff time, e.g. 250."
    )

    @model_validator(mode="after")
    def _a_rate(self) -> StaffCosting:
        if self.fte_cost_per_year is None and self.day_rate is None:
            raise ValueError("give fte_cost_per_year, day_rate or both")
        return self


class RecordField(_Leaf):
    """A yes/no question the council asks of every partnership, answered in the record under
    ``council_fields:``."""

    question: str = Field(
        min_length=1,
        description="The question `partnerfw new` asks, e.g. 'Does it exist to discharge a "
        "statutory duty?'",
    )
    description: str = Field(
        min_length=1,
        description="What a yes means, e.g. 'exists to discharge a statutory duty': shown in "
        "the editor, on the site and in the classification's reason.",
    )
    description_not: str | None = Field(
        None,
        min_length=1,
        description="What a no means, e.g. 'does not discharge a statutory duty'; default: "
        "\"no to '<question>'\".",
    )
    default: bool | None = Field(
        None,
        description="The answer when a record leaves it out; none (the default): a record "
        "must answer it, and a test on it cannot be decided until it does.",
    )


class Significance(_Model):
    test: Test | None = Field(
        None,
        description="The significance test: one test, or any_of / all_of / at_least of tests.",
    )
    triggers: list[Test] | None = Field(
        None,
        min_length=1,
        description="Shorthand for 'test: {any_of: [...]}': significant when any trigger holds.",
    )
    near_threshold_margin: Decimal = Field(
        Decimal("0.1"), ge=0, le=1, description="Share of the threshold counted as 'near' it."
    )
    staff_costing: StaffCosting | None = Field(
        None,
        description="Converts staff time given without its cost (FTE or days) into pounds; "
        "without it such a record cannot be classified until the cost is written in.",
    )

    @model_validator(mode="after")
    def _one_test(self) -> Significance:
        if (self.test is None) == (self.triggers is None):
            raise ValueError(
                "give the significance test under 'test:' (or the older 'triggers:' list, "
                "meaning any of them), not both or neither"
            )
        return self

    @cached_property
    def root(self) -> Leaf | Combinator:
        if self.test is not None:
            return self.test
        assert self.triggers is not None
        return AnyOf(any_of=self.triggers)

    def leaves(self) -> list[tuple[tuple[str | int, ...], Leaf]]:
        """Every leaf test with its place under ``significance``."""
        return list(self._leaves)

    @cached_property
    def _leaves(self) -> tuple[tuple[tuple[str | int, ...], Leaf], ...]:
        if self.test is not None:
            return tuple(leaves(self.test, ("test",)))
        assert self.triggers is not None
        return tuple(
            found
            for index, trigger in enumerate(self.triggers)
            for found in leaves(trigger, ("triggers", index))
        )


def merge_significance(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A council's ``significance:`` override that gives ``test:`` or ``triggers:`` replaces
    the edition's test in either form (they are two spellings of one setting)."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return base
    if {"test", "triggers"} & set(override):
        return {k: v for k, v in base.items() if k not in ("test", "triggers")}
    return base
