"""One edition of the Working in Partnership Framework as data (``Policy``): the classes of
partnership and the tests or scorecard that reach them, the approval routes, what each kind
requires, the review intervals, the roles and the rest of the parts the other modules define,
checked for consistency as a whole (the classes in order with their tests and routes, every
route's roles declared, every required item known), with where each setting comes from.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Any

from pydantic import Field, model_validator

from partnerfw.policy.schema.adoption import Adoption
from partnerfw.policy.schema.base import PolicyModel
from partnerfw.policy.schema.class_checks import (
    class_problems,
    class_routes,
    did_you_mean,
    test_problems,
)
from partnerfw.policy.schema.classes import ClassName, ClassScheme, PartnershipClass, resolve_scheme
from partnerfw.policy.schema.governance_rating import GovernanceRating
from partnerfw.policy.schema.intervals import Intervals, SharedServiceReview
from partnerfw.policy.schema.open_matters import OpenMatter, open_matter_problems
from partnerfw.policy.schema.publication import Publication
from partnerfw.policy.schema.requirements import EXIT_FIELDS, KindChecks, Requirements
from partnerfw.policy.schema.risk_scales import RiskBands, RiskScale, ScrutinyScore, default_bands
from partnerfw.policy.schema.roles import Role
from partnerfw.policy.schema.routes import ApprovalRoute, RouteConflict, UrgentRoute
from partnerfw.policy.schema.rule_settings import Code, RuleSetting
from partnerfw.policy.schema.sources import Source
from partnerfw.policy.scorecard import Scorecard
from partnerfw.policy.significance_tests import (
    BUILT_IN_FLAGS,
    FieldName,
    Found,
    RecordField,
    ResourcesTest,
    Significance,
    walk,
)
from partnerfw.record.models import AgreementItems, Governance, Kind, SharedServiceType


class Policy(PolicyModel):
    edition: str = Field(description="Short name of this edition, e.g. 'revised'.")
    title: str = Field(description="The framework's title and date.")
    adoption: Adoption | None = Field(
        None, description="Where this edition stands: draft, noted, approved, adopted."
    )
    sources: dict[str, Source] = Field(
        default_factory=dict,
        description="Where each setting comes from, keyed by its dotted path (e.g. "
        "'intervals.grace_days'): {framework: paragraph} or {local: why}, with 'open:' for "
        "what the framework review leaves unsettled. A key covers the settings under it.",
    )
    significance: Significance = Field(
        description="How council resources are counted (staff_costing) and what is near a "
        "threshold; older policies give the significance test here (test:)."
    )
    classes: dict[ClassName, PartnershipClass] | None = Field(
        None,
        description="The council's classes of partnership, highest first, each with its "
        "label, the test that reaches it (none for the last), its approval route and review "
        "cycle. Without it: significant (significance.test) and other.",
    )
    scorecard: Scorecard | None = Field(
        None,
        description="Points for what makes a partnership weigh more, which the classes' "
        "points_at_least tests compare.",
    )
    record_fields: dict[FieldName, RecordField] = Field(
        default_factory=dict,
        description=(
            "The council's own yes/no questions, answered in each record under council_fields "
            "(e.g. statutory_duty), which a flag test may name."
        ),
    )
    approval_routes: dict[str, ApprovalRoute] = Field(
        description=(
            "Key: kind, or kind.class (partnership.significant, shared_service.joint_officer)."
        )
    )
    route_conflicts: dict[str, RouteConflict] = Field(
        default_factory=dict,
        description="Routes the framework's paragraphs disagree on (key as approval_routes): "
        "the option followed, unless approval_routes sets the route itself.",
    )
    kind_checks: KindChecks = Field(
        default_factory=KindChecks, description="Limits of the kind cross-checks (local)."
    )
    requirements: dict[Kind, Requirements] = Field(description="What each kind requires.")
    intervals: Intervals = Field(default_factory=Intervals)
    shared_service_review: SharedServiceReview | None = Field(
        None, description="The revised approach from year three; none in the earlier edition."
    )
    urgent_route: UrgentRoute | None = Field(
        None, description="The urgent (ad hoc) route; none in the earlier edition."
    )
    require_equalities_aims: bool = Field(
        False, description="Show the contribution to the Equalities Aims and Objectives."
    )
    require_climate_change: bool = Field(
        False, description="Show the contribution to the Climate Change commitment."
    )
    do_nothing_customers_and_residents: bool = Field(
        False, description="'Do nothing' risks must consider customers and residents."
    )
    roles: dict[str, Role] = Field(description="Every role a route or rule names.")
    publication: Publication = Field(default_factory=Publication)
    governance_rating: GovernanceRating = Field(
        default_factory=GovernanceRating, description="Red/amber/green rules of the 6.9 review."
    )
    rules: dict[Code, RuleSetting] = Field(default_factory=dict, description="Rule overrides.")
    approval_margin: Decimal = Field(
        Decimal("0.1"),
        ge=0,
        description="Share by which council resources may grow after approval (0.1 = 10%) "
        "before the approval no longer covers the record (APR009).",
    )
    risk_scale: RiskScale = Field(
        default_factory=RiskScale,
        description="The likelihood and impact scales risks are rated on (local: 4.10 leaves "
        "the risk register's format to the council).",
    )
    risk_bands: RiskBands = Field(
        default_factory=default_bands,
        description="The heat map's bands of likelihood × impact, highest first (local).",
    )
    scrutiny_score: ScrutinyScore = Field(
        default_factory=ScrutinyScore,
        description="The score ranking candidates for scrutiny (6.8) and audit (6.11) (local).",
    )
    open_matters: dict[str, OpenMatter] = Field(
        default_factory=dict,
        description="Matters the framework review leaves open, with the setting that enforces "
        "each when the council turns it on.",
    )

    @model_validator(mode="before")
    @classmethod
    def _classes_need_no_significance(cls, data: Any) -> Any:
        """A policy that declares its classes may leave out 'significance:' (its settings all
        have defaults); one that does not still needs it, for the test."""
        if isinstance(data, dict) and data.get("classes") and "significance" not in data:
            return {**data, "significance": {}}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        """The parts agree: the classes are in order with their tests and routes, every
        route is for a known kind or class and names declared roles, every test has a source
        and names fields that exist, every required item is known, every open matter's
        setting exists."""
        problems = class_problems(self)
        if not problems:
            problems = [
                *_route_problems(self),
                *_flag_field_problems(self),
                *test_problems(self),
                *_requirement_problems(self),
                *open_matter_problems(self),
            ]
        if problems:
            raise ValueError("; ".join(dict.fromkeys(problems)))
        return self

    @cached_property
    def scheme(self) -> ClassScheme:
        """The classes of partnership, highest first, with the test that reaches each."""
        return resolve_scheme(self.classes, self.significance.root)

    @property
    def class_labels(self) -> tuple[tuple[str, str], ...]:
        """(name, label) of each class of partnership, highest first."""
        return self.scheme.labels

    def class_tests(self) -> list[Found]:
        """Every leaf test that reaches a class or scores on the scorecard, where it is."""
        return list(self._class_tests)

    @cached_property
    def _class_tests(self) -> tuple[Found, ...]:
        found: list[Found] = []
        for definition in self.scheme.classes:
            if definition.where[:1] == ("significance",):
                found += self.significance.walk()
            elif definition.test is not None:
                found += walk(definition.test, definition.where)
        if self.scorecard is not None:
            for name, criterion in self.scorecard.criteria.items():
                if criterion.test is not None:
                    found += walk(criterion.test, ("scorecard", "criteria", name, "test"))
        return tuple(found)

    @property
    def threshold(self) -> Decimal | None:
        """The first amount a year the classes' tests compare council resources with; none
        when the council's tests have no money figure a year."""
        for found in self.class_tests():
            test = found.leaf
            if isinstance(test, ResourcesTest) and test.over == "year" and found.scope == "record":
                return test.amount
        return None

    def intervals_for(self, klass: str) -> Intervals:
        """The review cycle of a class: the policy's intervals with what the class sets."""
        definition = self.scheme.get(klass)
        cycle = definition.review_cycle if definition is not None else {}
        if not cycle:
            return self.intervals
        return self.intervals.model_copy(update=cycle)

    def route_for(self, kind: Kind, klass: str) -> ApprovalRoute | None:
        """The route a class follows: the policy's own route for it, else the option chosen
        where the framework's paragraphs disagree, else the route for the whole kind; none for
        a partnership that cannot be classified yet (its route depends on the class, so none
        is guessed)."""
        if klass == "undetermined":
            return None
        key = f"{kind.value}.{klass}"
        definition = self.scheme.get(klass) if kind is Kind.PARTNERSHIP else None
        if definition is not None and definition.declared and definition.declared.route:
            return definition.declared.route
        if key in self.approval_routes:
            return self.approval_routes[key]
        if key in self.route_conflicts:
            return self.route_conflicts[key].route
        return self.approval_routes.get(kind.value)

    @property
    def routes(self) -> dict[str, ApprovalRoute]:
        """Every route in force by key: approval_routes, and the option followed for each
        conflict approval_routes does not settle."""
        chosen = {k: c.route for k, c in self.route_conflicts.items()}
        own = {f"partnership.{name}": route for name, route in self._class_routes()}
        return {**chosen, **self.approval_routes, **own}

    def _class_routes(self) -> list[tuple[str, ApprovalRoute]]:
        return [
            (name, declared.route)
            for name, declared in (self.classes or {}).items()
            if declared.route is not None
        ]

    def conflict_for(self, kind: Kind, klass: str) -> RouteConflict | None:
        """The framework's conflict over this class's route, when the policy follows one of
        its options (not when approval_routes sets the route itself)."""
        key = f"{kind.value}.{klass}"
        return None if key in self.approval_routes else self.route_conflicts.get(key)

    def role_title(self, role: str) -> str:
        """The role's title; for a step any of several roles meets ('chief_executive|director'),
        'Chief Executive or Director'."""
        if "|" in role:
            return " or ".join(self.role_title(r) for r in role.split("|"))
        found = self.roles.get(role)
        return found.title if found else role.replace("_", " ")

    def source_of(self, path: str, klass: str | None = None) -> Source | None:
        """Where the setting at dotted ``path`` comes from: the most specific ``sources`` key
        at or above it; for an approval route's parts, the route's own ``reference``; for a
        class, the scorecard or what they set, their own ``reference`` or ``local``. With
        ``klass``, an interval that class sets comes from the class."""
        definition = self.scheme.get(klass) if klass else None
        interval = path.split(".")[1] if path.startswith("intervals.") else ""
        if definition is not None and interval in definition.review_cycle:
            path = f"classes.{klass}.{path}"
        parts = path.split(".")
        for end in range(len(parts), 0, -1):
            found = self.sources.get(".".join(parts[:end]))
            if found is not None:
                return found
        for key, route in self.approval_routes.items():
            if path == f"approval_routes.{key}" or path.startswith(f"approval_routes.{key}."):
                return Source(framework=route.reference)
        return self._own_source(parts)

    def _own_source(self, parts: list[str]) -> Source | None:
        """A class's or the scorecard's own reference: or local:."""
        item: Any = None
        if parts[0] == "classes" and len(parts) > 1 and self.classes:
            item = self.classes.get(parts[1])
        elif parts[0] == "scorecard":
            item = self.scorecard
        if item is None:
            return None
        if item.reference is not None:
            return Source(framework=item.reference)
        return Source(local=item.local)

    def basis(self, path: str, klass: str | None = None) -> str:
        """For a rule message that uses the setting at ``path``: '' when it is the
        framework's and settled, 'the council's own choice' when it is local, and 'not
        settled: <what the review leaves open>' when the framework review leaves it open.
        With ``klass``, an interval that class sets is judged by the class's source."""
        source = self.source_of(path, klass)
        if source is None:
            return ""
        if source.open:
            return f"not settled: {source.open}"
        return "the council's own choice" if source.local is not None else ""


def _route_problems(policy: Policy) -> list[str]:
    """Routes (and conflicts' options) for a kind or class that does not exist, or naming a
    role the policy does not declare."""
    problems: list[str] = []
    valid_route_keys = {k.value for k in Kind}
    valid_route_keys |= {f"partnership.{name}" for name in policy.scheme.names}
    valid_route_keys |= {f"shared_service.{t.value}" for t in SharedServiceType}
    routes = [(f"approval_routes.{key}", key, r) for key, r in policy.approval_routes.items()]
    routes += [(where, "partnership", r) for where, r in class_routes(policy)]
    for key, conflict in policy.route_conflicts.items():
        routes += [
            (f"route_conflicts.{key}.options.{name}", key, r)
            for name, r in conflict.options.items()
        ]
    for where, key, route in routes:
        if key not in valid_route_keys:
            problems.append(
                f"{where.split('.')[0]}: unknown route '{key}'{did_you_mean(key, valid_route_keys)}"
            )
        for step in (route.discussed_at, route.signed_off_by, route.approvers, route.informed):
            for role in (r for entry in step for r in entry.split("|")):
                if role not in policy.roles:
                    problems.append(
                        f"{where}: role '{role}' is not under roles"
                        f"{did_you_mean(role, policy.roles)}"
                    )
    return problems


def _flag_field_problems(policy: Policy) -> list[str]:
    """Council questions declared under a name every record already has (flag tests naming
    an unknown field are the tests' checks)."""
    problems = []
    clash = sorted(set(policy.record_fields) & set(BUILT_IN_FLAGS))
    for name in clash:
        problems.append(
            f"record_fields.{name}: '{name}' is already a field of every record; "
            "declare a field under another name"
        )
    return problems


def _requirement_problems(policy: Policy) -> list[str]:
    """Required governance items, agreement items or exit strategy parts a record has not."""
    problems = []
    for kind, req in policy.requirements.items():
        for item in req.governance:
            if item not in Governance.model_fields:
                problems.append(f"requirements.{kind}.governance: unknown item '{item}'")
        for item in (*req.agreement, *req.agreement_if_public_facing):
            if item not in AgreementItems.model_fields:
                problems.append(f"requirements.{kind}.agreement: unknown item '{item}'")
        for item in req.exit_strategy_covers:
            if item not in EXIT_FIELDS:
                problems.append(f"requirements.{kind}.exit_strategy_covers: unknown '{item}'")
    return problems
