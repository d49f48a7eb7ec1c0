"""The test language: what a council's policy may say puts a partnership in a class.

A test is a *leaf* (``test_leaves``: council resources, a yes/no field, the term's length, the
risk register, the partners, the scorecard's points) or a *combinator* of tests: ``any_of``,
``all_of`` or ``at_least: N`` ``of`` a list, nested as deeply as the council's framework needs.
``any_risk: <test>`` holds when one risk meets the whole test (a risk that is both high and
costly), ``any_partner: <test>`` when one partner does. Every leaf says where it comes from,
``reference:`` (the framework's paragraph) or ``local:`` (why this is the council's own
choice), or takes the source of what it sits in. ``judge.significance`` applies a test to a
record.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from partnerfw.policy.test_leaves import (
    BUILT_IN_FLAGS,
    BUILT_IN_FLAGS_NOT,
    LEAF_TYPES,
    NO_SOURCE,
    PARTNER_FLAGS,
    PARTNER_FLAGS_NOT,
    RESOURCE_FIELDS,
    DurationTest,
    FieldName,
    FlagTest,
    Leaf,
    PartnerContributionTest,
    PartnerSectorTest,
    PartnersTest,
    PointsTest,
    ResourceField,
    ResourcesTest,
    RiskImpactTest,
    RiskScoreTest,
    _Model,
    _Sourced,
    family,
)

__all__ = [
    "BUILT_IN_FLAGS",
    "BUILT_IN_FLAGS_NOT",
    "LEAF_TYPES",
    "NO_SOURCE",
    "PARTNER_FLAGS",
    "PARTNER_FLAGS_NOT",
    "RESOURCE_FIELDS",
    "AllOf",
    "AnyOf",
    "AnyPartner",
    "AnyRisk",
    "AtLeast",
    "Combinator",
    "DurationTest",
    "FieldName",
    "FlagTest",
    "Found",
    "Leaf",
    "PartnerContributionTest",
    "PartnerSectorTest",
    "PartnersTest",
    "PointsTest",
    "RecordField",
    "ResourceField",
    "ResourcesTest",
    "RiskImpactTest",
    "RiskScoreTest",
    "Significance",
    "StaffCosting",
    "Test",
    "children",
    "describe",
    "leaves",
    "merge_significance",
    "walk",
]


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


class AnyRisk(_Sourced):
    """Holds when one risk of the risk register meets the whole test: every risk test inside
    asks about that same risk (a risk that scores 15 or more AND could cost £100,000)."""

    any_risk: Test = Field(
        description="A test of one risk: risk_score_... and risk_financial_impact_... leaves, "
        "combined with any_of / all_of / at_least."
    )


class AnyPartner(_Sourced):
    """Holds when one partner meets the whole test: every partner test inside asks about that
    same partner (a private partner contributing £25,000 or more)."""

    any_partner: Test = Field(
        description="A test of one partner: partner_sector, partner_contribution_... and flag "
        "(local_authority, independent) leaves, combined with any_of / all_of / at_least."
    )


Combinator = AnyOf | AllOf | AtLeast | AnyRisk | AnyPartner
_COMBINATORS = ("any_of", "all_of", "at_least", "any_risk", "any_partner")
_COMBINATOR_TAGS: dict[type[_Sourced], str] = {
    AnyOf: "any_of",
    AllOf: "all_of",
    AtLeast: "at_least",
    AnyRisk: "any_risk",
    AnyPartner: "any_partner",
}


def _tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in _COMBINATORS:
            if key in value:
                return key
        kind = value.get("type")
        return family(kind) if isinstance(kind, str) and kind in LEAF_TYPES else None
    for model, tag in _COMBINATOR_TAGS.items():
        if isinstance(value, model):
            return tag
    kind = getattr(value, "type", None)
    return family(kind) if isinstance(kind, str) else None


Test = Annotated[
    Annotated[AnyOf, Tag("any_of")]
    | Annotated[AllOf, Tag("all_of")]
    | Annotated[AtLeast, Tag("at_least")]
    | Annotated[AnyRisk, Tag("any_risk")]
    | Annotated[AnyPartner, Tag("any_partner")]
    | Annotated[ResourcesTest, Tag("resources")]
    | Annotated[FlagTest, Tag("flag")]
    | Annotated[DurationTest, Tag("duration")]
    | Annotated[RiskImpactTest, Tag("risk_financial_impact")]
    | Annotated[RiskScoreTest, Tag("risk_score")]
    | Annotated[PartnersTest, Tag("partners")]
    | Annotated[PartnerContributionTest, Tag("partner_contribution")]
    | Annotated[PartnerSectorTest, Tag("partner_sector")]
    | Annotated[PointsTest, Tag("points")],
    Discriminator(
        _tag,
        custom_error_type="invalid_test",
        custom_error_message=(
            "a test is 'any_of: [...]', 'all_of: [...]', 'at_least: N' with 'of: [...]', "
            "'any_risk: <test>', 'any_partner: <test>', or has 'type:' one of "
            + ", ".join(LEAF_TYPES)
        ),
    ),
]
for _combinator in (AnyOf, AllOf, AtLeast, AnyRisk, AnyPartner):
    _combinator.model_rebuild()

Scope = Literal["record", "risk", "partner"]


def _parts(test: Leaf | Combinator) -> tuple[str, list[Leaf | Combinator]] | None:
    if isinstance(test, AnyOf):
        return "any_of", list(test.any_of)
    if isinstance(test, AllOf):
        return "all_of", list(test.all_of)
    if isinstance(test, AtLeast):
        return "of", list(test.of)
    if isinstance(test, AnyRisk):
        return "any_risk", [test.any_risk]
    if isinstance(test, AnyPartner):
        return "any_partner", [test.any_partner]
    return None


def children(test: Leaf | Combinator) -> list[Leaf | Combinator]:
    """The tests a combinator combines; none for a leaf."""
    parts = _parts(test)
    return parts[1] if parts else []


@dataclass(frozen=True)
class Found:
    """A leaf test where it sits: its key path, the scope it asks about (the record, one risk
    or one partner) and whether it has a source (its own or from what it sits in)."""

    path: tuple[str | int, ...]
    leaf: Leaf
    scope: Scope
    sourced: bool


def walk(
    test: Leaf | Combinator,
    path: tuple[str | int, ...] = (),
    scope: Scope = "record",
    sourced: bool = False,
) -> Iterator[Found]:
    """Every leaf under ``test`` with where it is, e.g. ``('test', 'any_of', 0)``."""
    sourced = sourced or test.sourced
    parts = _parts(test)
    if parts is None:
        yield Found(path, test, scope, sourced)  # type: ignore[arg-type]
        return
    key, items = parts
    inner: Scope = (
        "risk"
        if isinstance(test, AnyRisk)
        else "partner"
        if isinstance(test, AnyPartner)
        else scope
    )
    if key in ("any_risk", "any_partner"):
        yield from walk(items[0], (*path, key), inner, sourced)
        return
    for index, child in enumerate(items):
        yield from walk(child, (*path, key, index), inner, sourced)


def leaves(
    test: Leaf | Combinator, path: tuple[str | int, ...] = ()
) -> list[tuple[tuple[str | int, ...], Leaf]]:
    """Every leaf test with where it is under ``path``, e.g. ``(('test', 'any_of', 0), ...)``."""
    return [(found.path, found.leaf) for found in walk(test, path)]


def describe(test: Leaf | Combinator, scope: Scope = "record") -> str:
    """The test in words, e.g. 'any of: council resources a year of £50,000 or more;
    fundamental_to_corporate_objective is true'."""
    if isinstance(test, AnyRisk):
        return f"one risk that {describe(test.any_risk, 'risk')}"
    if isinstance(test, AnyPartner):
        return f"one partner that {describe(test.any_partner, 'partner')}"
    if isinstance(test, AnyOf | AllOf) and scope != "record":
        word = " and " if isinstance(test, AllOf) else " or "
        return word.join(describe(child, scope) for child in children(test))
    if isinstance(test, AnyOf | AllOf | AtLeast):
        label = (
            "any of"
            if isinstance(test, AnyOf)
            else "all of"
            if isinstance(test, AllOf)
            else f"at least {test.at_least} of"
        )
        inner = "; ".join(describe(child, scope) for child in children(test))
        return f"{label} ({inner})"
    return _describe_leaf(test, scope)


def _figure(test: Any, shown: str) -> str:
    return f"more than {shown}" if test.more_than else f"{shown} or more"


def _describe_leaf(test: Leaf, scope: Scope) -> str:
    if isinstance(test, ResourcesTest):
        amount = _figure(test, f"£{test.amount:,.0f}")
        if test.over == "term":
            return f"council resources over the term of {amount}"
        return f"council resources a year ({', '.join(test.counts)}) of {amount}"
    if isinstance(test, FlagTest):
        return f"{test.field} is true"
    if isinstance(test, DurationTest):
        counted = "counts" if test.indefinite_counts else "does not count"
        years = f"{test.years.normalize():f} years"
        return f"a term of {_figure(test, years)} (indefinite {counted})"
    if isinstance(test, RiskImpactTest):
        amount = _figure(test, f"£{test.amount:,.0f}")
        return (
            f"could cost {amount}" if scope == "risk" else f"a risk's financial impact of {amount}"
        )
    if isinstance(test, RiskScoreTest):
        score = _figure(test, str(test.score))
        return f"scores {score}" if scope == "risk" else f"a risk scoring {score}"
    if isinstance(test, PartnersTest):
        return f"{_figure(test, str(test.count))} partners"
    if isinstance(test, PartnerContributionTest):
        amount = _figure(test, f"£{test.amount:,.0f}")
        return f"contributes {amount}" if scope == "partner" else f"a partner contributing {amount}"
    if isinstance(test, PartnerSectorTest):
        sectors = " or ".join(s.value for s in test.sectors)
        return f"is {sectors} sector" if scope == "partner" else f"a {sectors} sector partner"
    return f"{_figure(test, str(test.points))} points on the scorecard"


class _OwnSource(_Sourced):
    """A policy item that must say its own source: exactly one of reference or local."""

    @model_validator(mode="after")
    def _one_source(self) -> _OwnSource:
        if (self.reference is None) == (self.local is None):
            raise ValueError(NO_SOURCE.replace("this test", "this"))
        return self


class StaffCosting(_OwnSource):
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


class RecordField(_OwnSource):
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
        description="The older spelling of the first class's test (classes: significant: "
        "test:): one test, or any_of / all_of / at_least of tests. Give the classes' tests "
        "under 'classes:' instead.",
    )
    triggers: list[Test] | None = Field(
        None,
        min_length=1,
        description="Older shorthand for 'test: {any_of: [...]}': significant when any "
        "trigger holds.",
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
        if self.test is not None and self.triggers is not None:
            raise ValueError(
                "give the significance test under 'test:' (or the older 'triggers:' list, "
                "meaning any of them), not both"
            )
        return self

    @cached_property
    def root(self) -> Leaf | Combinator | None:
        """The test written here (older spelling of the first class's test), if any."""
        if self.test is not None:
            return self.test
        if self.triggers is not None:
            return AnyOf(any_of=self.triggers)
        return None

    def walk(self) -> list[Found]:
        """Every leaf of the test written here, with its place in the policy."""
        if self.test is not None:
            return list(walk(self.test, ("significance", "test")))
        if self.triggers is not None:
            return [
                found
                for index, trigger in enumerate(self.triggers)
                for found in walk(trigger, ("significance", "triggers", index))
            ]
        return []


def merge_significance(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A council's ``significance:`` override that gives ``test:`` or ``triggers:`` replaces
    the edition's test in either form (they are two spellings of one setting)."""
    if not isinstance(base, dict) or not isinstance(override, dict):
        return base
    if {"test", "triggers"} & set(override):
        return {k: v for k, v in base.items() if k not in ("test", "triggers")}
    return base
