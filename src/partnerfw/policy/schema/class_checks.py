"""The checks that need the classes and the rest of the policy together: every class but the
last has a test and the last has none, each class has one approval route, and every test of
the classes and the scorecard has a source, asks about what its place allows (a risk inside
``any_risk``, a partner inside ``any_partner``) and names fields that exist. Each problem is
'dotted.path: what is wrong', which ``project`` turns into a finding at that key's line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Protocol

from partnerfw.policy.schema.classes import (
    OTHER_KINDS_CLASSES,
    ClassScheme,
    PartnershipClass,
)
from partnerfw.policy.schema.routes import ApprovalRoute, RouteConflict
from partnerfw.policy.scorecard import Scorecard
from partnerfw.policy.significance_tests import (
    BUILT_IN_FLAGS,
    NO_SOURCE,
    PARTNER_FLAGS,
    AnyPartner,
    AnyRisk,
    Combinator,
    FlagTest,
    Found,
    Leaf,
    PointsTest,
    RecordField,
    Significance,
    children,
    walk,
)
from partnerfw.policy.test_leaves import PARTNER_LEAVES, RISK_LEAVES


class ClassedPolicy(Protocol):
    """The parts of a policy these checks read."""

    @property
    def classes(self) -> dict[str, PartnershipClass] | None: ...
    @property
    def significance(self) -> Significance: ...
    @property
    def scorecard(self) -> Scorecard | None: ...
    @property
    def approval_routes(self) -> dict[str, ApprovalRoute]: ...
    @property
    def route_conflicts(self) -> dict[str, RouteConflict]: ...
    @property
    def record_fields(self) -> dict[str, RecordField]: ...
    @property
    def scheme(self) -> ClassScheme: ...


def class_problems(policy: ClassedPolicy) -> list[str]:
    """The classes' own problems: names, order of tests, routes."""
    classes = policy.classes
    older = policy.significance.root
    if not classes:
        if older is None:
            return [
                "significance: give the significance test under 'test:' (or declare the "
                "council's classes, with the test that reaches each, under 'classes:')"
            ]
        return []
    problems = [
        f"classes.{name}: '{name}' is already the class of another kind of arrangement "
        f"({', '.join(sorted(OTHER_KINDS_CLASSES))}): name the class otherwise"
        for name in classes
        if name in OTHER_KINDS_CLASSES
    ]
    names = list(classes)
    if len(names) < 2:
        problems.append("classes: declare at least two classes, highest first")
    first = classes[names[0]]
    if first.test is not None and older is not None:
        problems.append(
            f"significance.test: the first class, '{names[0]}', has its own test under "
            f"classes.{names[0]}.test: give the test in one place only"
        )
    for name in names[:-1]:
        if classes[name].test is None and not (name == names[0] and older is not None):
            problems.append(
                f"classes.{name}: give the test that reaches this class under 'test:' (only "
                "the last class, which takes every partnership the others do not reach, has "
                "none)"
            )
    last = names[-1]
    if len(names) > 1 and classes[last].test is not None:
        problems.append(
            f"classes.{last}.test: the last class takes every partnership the classes above "
            "do not reach, so it has no test: remove it, or add a class after it"
        )
    return problems + _route_problems(policy, classes)


def _route_problems(policy: ClassedPolicy, classes: dict[str, PartnershipClass]) -> list[str]:
    problems = []
    whole = policy.approval_routes.get("partnership")
    for name, declared in classes.items():
        key = f"partnership.{name}"
        elsewhere = [
            part
            for part, table in (
                ("approval_routes", policy.approval_routes),
                ("route_conflicts", policy.route_conflicts),
            )
            if key in table
        ]
        if declared.route is not None and elsewhere:
            problems.append(
                f"classes.{name}.route: the class's route is also under "
                f"{elsewhere[0]}.{key}: give it in one place only"
            )
        if declared.route is None and not elsewhere and whole is None:
            problems.append(
                f"classes.{name}: no approval route for this class: give it under "
                f"classes.{name}.route (who discusses, signs off, approves, is informed)"
            )
    return problems


def class_routes(policy: ClassedPolicy) -> list[tuple[str, ApprovalRoute]]:
    """Each class's own route with where it is written, for the roles check."""
    return [
        (f"classes.{name}.route", declared.route)
        for name, declared in (policy.classes or {}).items()
        if declared.route is not None
    ]


def test_problems(policy: ClassedPolicy) -> list[str]:
    """Every test of the classes and the scorecard: a source, its place, its fields."""
    problems = []
    known = [*BUILT_IN_FLAGS, *policy.record_fields]
    for where, test, sourced, in_class in _tests(policy):
        prefix = ".".join(map(str, where))
        problems += _scope_problems(test, prefix)
        for found in walk(test, where, sourced=sourced):
            problems += _leaf_problems(policy, found, known, in_class)
    return problems


def _tests(
    policy: ClassedPolicy,
) -> Iterator[tuple[tuple[str | int, ...], Leaf | Combinator, bool, bool]]:
    """(where, test, whether what it sits in gives a source, whether it reaches a class)."""
    older = policy.significance
    for definition in policy.scheme.classes:
        if definition.test is None:
            continue
        if definition.where[0] == "classes":
            yield definition.where, definition.test, True, True
        elif older.triggers is not None:
            for index, trigger in enumerate(older.triggers):
                yield ("significance", "triggers", index), trigger, False, True
        else:
            yield definition.where, definition.test, False, True
    scorecard = policy.scorecard
    if scorecard is not None:
        for name, criterion in scorecard.criteria.items():
            if criterion.test is not None:
                yield ("scorecard", "criteria", name, "test"), criterion.test, True, False


def _scope_problems(test: Leaf | Combinator, where: str, inside: str = "") -> list[str]:
    """An any_risk or any_partner inside another: one risk cannot hold a partner."""
    problems = []
    if isinstance(test, AnyRisk | AnyPartner):
        key = "any_risk" if isinstance(test, AnyRisk) else "any_partner"
        if inside:
            problems.append(
                f"{where}: {key} inside {inside}: a test of one risk or one partner cannot "
                "hold another: write them side by side under all_of"
            )
        inside = key
    for index, child in enumerate(children(test)):
        key = _child_key(test)
        place = f"{where}.{key}" if key in ("any_risk", "any_partner") else f"{where}.{key}.{index}"
        problems += _scope_problems(child, place, inside)
    return problems


def _child_key(test: Leaf | Combinator) -> str:
    for key in ("any_of", "all_of", "any_risk", "any_partner"):
        if hasattr(test, key):
            return key
    return "of"


def _leaf_problems(
    policy: ClassedPolicy, found: Found, known: list[str], in_class: bool
) -> list[str]:
    where, leaf = ".".join(map(str, found.path)), found.leaf
    problems = []
    if not found.sourced:
        problems.append(f"{where}: {NO_SOURCE}")
    if isinstance(leaf, PointsTest):
        if not in_class:
            problems.append(
                f"{where}: a points test compares the scorecard's total, so it reaches a "
                "class: it cannot be a line of the scorecard itself"
            )
        elif policy.scorecard is None:
            problems.append(
                f"{where}: a points test needs the scorecard that gives the points: declare "
                "it under 'scorecard:'"
            )
    if found.scope == "risk" and not isinstance(leaf, RISK_LEAVES):
        problems.append(
            f"{where}: inside any_risk only tests of the risk itself belong "
            "(risk_score_..., risk_financial_impact_...)"
        )
    if found.scope == "partner":
        partner_flag = isinstance(leaf, FlagTest) and leaf.field in PARTNER_FLAGS
        if not (isinstance(leaf, PARTNER_LEAVES) or partner_flag):
            problems.append(
                f"{where}: inside any_partner only tests of the partner itself belong "
                f"(partner_sector, partner_contribution_..., flag on "
                f"{' or '.join(PARTNER_FLAGS)})"
            )
    elif isinstance(leaf, FlagTest) and leaf.field not in known:
        problems.append(
            f"{where}: flag field '{leaf.field}' is neither a field of the record "
            f"({', '.join(BUILT_IN_FLAGS)}) nor declared under record_fields"
            f"{did_you_mean(leaf.field, known)}"
        )
    return problems


def did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else " (add it there, or correct it)"
