"""A council's classes of partnership (``PartnershipClass``): their names and labels, their
order, the test (or the scorecard's points) that reaches each, and each class's approval route
and review cycle (``ClassIntervals``). Without ``classes:`` a policy has the framework's two,
significant and other, reached by ``significance.test`` (the older spelling, still read).
``ClassScheme`` is the resolved list, highest first, that classifying walks down.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from pydantic import Field, StringConstraints, create_model, model_validator

from partnerfw.policy.schema.base import PolicyModel
from partnerfw.policy.schema.intervals import Intervals
from partnerfw.policy.schema.routes import ApprovalRoute
from partnerfw.policy.significance_tests import NO_SOURCE, Combinator, Leaf, Test
from partnerfw.record.models import SharedServiceType

ClassName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
DEFAULT_CLASSES = (("significant", "Significant partnership"), ("other", "Other partnership"))
"""The framework's two classes (1.9), in order, with their labels."""
DEFAULT_SOURCE = "Framework 1.9"
OTHER_KINDS_CLASSES = frozenset(
    {t.value for t in SharedServiceType}
    | {
        "informal_network",
        "commissioning",
        "out_of_scope",
        "outside_body",
        "management_contract",
        "undetermined",
    }
)
"""Names the other kinds' classes (and 'cannot be classified yet') already use."""


def _optional(name: str) -> tuple[Any, Any]:
    field = Intervals.model_fields[name]
    annotation: Any = field.annotation
    if field.metadata:
        annotation = Annotated[annotation, *field.metadata]
    return annotation | None, Field(None, description=field.description)


ClassIntervals = create_model(  # type: ignore[call-overload]
    "ClassIntervals",
    __base__=PolicyModel,
    __doc__="The review cycle of one class: any of the policy's intervals, set for this class "
    "alone (the rest as the policy's intervals: say).",
    **{name: _optional(name) for name in Intervals.model_fields},
)


class PartnershipClass(PolicyModel):
    """One class of partnership, as the council's framework names it."""

    label: str = Field(
        min_length=1,
        description="How the register, the reports and the site name it, e.g. 'Major partnership'.",
    )
    description: str | None = Field(
        None, description="What it means, in a sentence, e.g. 'scores 12 points or more'."
    )
    test: Test | None = Field(
        None,
        description="The test that reaches this class; classes are tried in order, highest "
        "first, and a partnership takes the first whose test holds. The last class has no "
        "test: it takes every partnership the classes above do not reach.",
    )
    route: ApprovalRoute | None = Field(
        None,
        description="Its approval route (or give it under approval_routes as "
        "partnership.<class>, or route_conflicts; else the route for every partnership).",
    )
    intervals: ClassIntervals | None = Field(
        None,
        description="Its review cycle: the intervals: settings that differ for this class "
        "(e.g. performance_report_months: 3, annual_review_months: 24).",
    )
    reference: str | None = Field(
        None, min_length=1, description="The framework paragraph that defines the class."
    )
    local: str | None = Field(
        None, min_length=1, description="Instead: why the class is the council's own choice."
    )

    @model_validator(mode="after")
    def _one_source(self) -> PartnershipClass:
        if (self.reference is None) == (self.local is None):
            raise ValueError(NO_SOURCE.replace("this test", "this class"))
        return self

    @property
    def review_cycle(self) -> dict[str, Any]:
        """The intervals this class sets, by name."""
        if self.intervals is None:
            return {}
        return self.intervals.model_dump(exclude_none=True)


@dataclass(frozen=True)
class ClassDefinition:
    """A class as classifying uses it: its test resolved (from ``classes:`` or the older
    ``significance.test``) with where it is written."""

    name: str
    label: str
    test: Leaf | Combinator | None
    where: tuple[str | int, ...]
    """The key path of its test in the policy, e.g. ('classes', 'major', 'test')."""
    declared: PartnershipClass | None
    """As written under ``classes:``; None for the framework's two read from significance."""
    reference: str | None = DEFAULT_SOURCE
    local: str | None = None

    @property
    def source(self) -> str:
        return self.reference or f"the council's own choice: {self.local}"

    @property
    def review_cycle(self) -> dict[str, Any]:
        return self.declared.review_cycle if self.declared is not None else {}


@dataclass(frozen=True)
class ClassScheme:
    """The policy's classes of partnership, highest first."""

    classes: tuple[ClassDefinition, ...]

    @cached_property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.classes)

    @cached_property
    def labels(self) -> tuple[tuple[str, str], ...]:
        """(name, label) of each class, highest first."""
        return tuple((c.name, c.label) for c in self.classes)

    def get(self, name: str) -> ClassDefinition | None:
        return next((c for c in self.classes if c.name == name), None)

    def rank(self, name: str) -> int | None:
        """0 for the highest class; None for a name the scheme does not have."""
        return self.names.index(name) if name in self.names else None


def resolve_scheme(
    classes: dict[str, PartnershipClass] | None, older_test: Leaf | Combinator | None
) -> ClassScheme:
    """The classes in order: those under ``classes:`` (the first taking ``significance.test``
    when it gives no test itself), or the framework's two with ``significance.test``."""
    if not classes:
        source = older_test if older_test is not None and older_test.sourced else None
        first = ClassDefinition(
            DEFAULT_CLASSES[0][0],
            DEFAULT_CLASSES[0][1],
            older_test,
            ("significance", "test"),
            None,
            source.reference if source else DEFAULT_SOURCE,
            source.local if source else None,
        )
        second = ClassDefinition(DEFAULT_CLASSES[1][0], DEFAULT_CLASSES[1][1], None, (), None)
        return ClassScheme((first, second))
    found = []
    for index, (name, declared) in enumerate(classes.items()):
        where: tuple[str | int, ...] = ("classes", name, "test")
        test = declared.test
        if index == 0 and test is None and older_test is not None:
            test, where = older_test, ("significance", "test")
        found.append(
            ClassDefinition(
                name, declared.label, test, where, declared, declared.reference, declared.local
            )
        )
    return ClassScheme(tuple(found))


def merge_classes(edition: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """The edition as a council's ``classes:`` and ``significance:`` overrides leave it before
    they merge: a class or criterion whose ``test:`` is overridden loses the edition's (a test
    is replaced, never merged); ``significance.test`` replaces the first class's test; and
    classes naming one the edition lacks are a new scheme, replacing the edition's classes with
    their routes, route conflicts, sources and the older significance test."""
    classes = overrides.get("classes")
    base_classes = edition.get("classes")
    significance = overrides.get("significance")
    edition = dict(edition)
    if isinstance(classes, dict) and isinstance(base_classes, dict):
        if set(classes) - set(base_classes):
            edition = _without_scheme(edition, set(base_classes) - set(classes))
        else:
            edition["classes"] = {
                name: _without_test(value) if _gives_test(classes.get(name)) else value
                for name, value in base_classes.items()
            }
    elif isinstance(classes, dict) and classes and not base_classes:
        edition = _without_scheme(edition, {name for name, _ in DEFAULT_CLASSES} - set(classes))
    base_classes = edition.get("classes")
    older = isinstance(significance, dict) and {"test", "triggers"} & set(significance)
    if older and isinstance(base_classes, dict) and base_classes:
        first = next(iter(base_classes))
        edition["classes"] = {**base_classes, first: _without_test(base_classes[first])}
    scorecard, base_card = overrides.get("scorecard"), edition.get("scorecard")
    if isinstance(scorecard, dict) and isinstance(base_card, dict):
        criteria, base_criteria = scorecard.get("criteria"), base_card.get("criteria")
        if isinstance(criteria, dict) and isinstance(base_criteria, dict):
            edition["scorecard"] = {
                **base_card,
                "criteria": {
                    name: _without_test(value) if _gives_test(criteria.get(name)) else value
                    for name, value in base_criteria.items()
                },
            }
    return edition


def _gives_test(value: Any) -> bool:
    return isinstance(value, dict) and ("test" in value or "measure" in value)


def _without_test(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {k: v for k, v in value.items() if k not in ("test", "measure", "bands", "points")}


def _without_scheme(edition: dict[str, Any], dropped: set[str]) -> dict[str, Any]:
    """The edition without its classes and what belongs to the classes a new scheme drops."""
    result = {k: v for k, v in edition.items() if k != "classes"}
    significance = result.get("significance")
    if isinstance(significance, dict):
        result["significance"] = {
            k: v for k, v in significance.items() if k not in ("test", "triggers")
        }
    keys = {f"partnership.{name}" for name in dropped}
    for part in ("approval_routes", "route_conflicts"):
        if isinstance(result.get(part), dict):
            result[part] = {k: v for k, v in result[part].items() if k not in keys}
    if isinstance(result.get("sources"), dict):
        prefixes = tuple(
            f"{part}.partnership.{name}"
            for part in ("approval_routes", "route_conflicts")
            for name in dropped
        ) + tuple(f"classes.{name}" for name in dropped)
        result["sources"] = {
            k: v
            for k, v in result["sources"].items()
            if not any(k == p or k.startswith(p + ".") for p in prefixes)
        }
    return result
