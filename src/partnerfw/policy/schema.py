"""Policy as data: the framework edition in force and the council's own overrides.

An edition (``policy/editions/<name>.yaml`` inside the package) holds the significance test
(``significance.py``), approval routes, the items each kind requires, review intervals, the
urgent route and the roles. A register repository's ``partnerfw.yaml`` picks an edition and
overrides parts of it; the merged result is validated here like a record is.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from partnerfw.policy.significance_tests import (
    BUILT_IN_FLAGS,
    RESOURCE_FIELDS,
    FieldName,
    FlagTest,
    RecordField,
    ResourcesTest,
    Significance,
    _Sourced,
    merge_significance,
)
from partnerfw.record.models import AgreementItems, Governance, Kind, SharedServiceType

EDITIONS = ("revised", "earlier")
DEFAULT_EDITION = "revised"
BOOLEAN_FIELDS = ("fundamental_to_corporate_objective", "public_facing")
__all__ = ["RESOURCE_FIELDS", "RecordField", "Significance"]

Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]{3}$")]


class PolicyModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(PolicyModel):
    """Where a setting comes from: the framework (with its paragraph) or the council's own
    choice (with why), and what the framework review left open, if anything."""

    framework: str | None = Field(
        None, description="The paragraph that says it, e.g. 'Framework 4.5(e)'."
    )
    local: str | None = Field(None, description="Why the council chose it (not the framework's).")
    open: str | None = Field(
        None, description="What the framework review (its minutes) leaves unsettled about it."
    )

    @model_validator(mode="after")
    def _one_basis(self) -> Source:
        if (self.framework is None) == (self.local is None):
            raise ValueError(
                "a source is either 'framework: <paragraph>' or 'local: <why the council "
                "chose it>', exactly one"
            )
        return self


def source_of_item(item: _Sourced) -> Source:
    """The one way to read a significance test's source: its framework paragraph
    (``reference:``) or the council's own reason (``local:``)."""
    if item.reference is not None:
        return Source(framework=item.reference)
    return Source(local=item.local or "")


class ApprovalRoute(PolicyModel):
    """Who decides, in order: discussion, sign-off, approval; and who is only informed. A step
    may accept one of several roles, written 'chief_executive|director'."""

    discussed_at: list[str] = Field(
        default_factory=list, description="Roles or meetings that must discuss it first."
    )
    signed_off_by: list[str] = Field(
        default_factory=list,
        description="Roles that sign it off before the approvers decide (e.g. Appendix 1: "
        "the Chief Executive/Director and the Lead Member, for submission to Cabinet).",
    )
    approvers: list[str] = Field(default_factory=list, description="Roles that must approve.")
    informed: list[str] = Field(
        default_factory=list, description="Roles that must be informed (no approval needed)."
    )
    opinions_required: bool = Field(
        True, description="Monitoring Officer and Section 151 opinions needed first."
    )
    reference: str = Field(description="Framework paragraph, e.g. 'Framework 2.11.1'.")


class RouteConflict(PolicyModel):
    """Two paragraphs of the framework prescribe different routes for the same class: the
    policy names both, follows one, and says whether the council has confirmed that choice."""

    conflict: str = Field(description="What the paragraphs say, in a sentence each.")
    follow: str = Field(description="The option followed, one of 'options'.")
    confirmed: str | None = Field(
        None,
        description="The council's decision confirming the choice (e.g. 'Cabinet, 12 March "
        "2027, minute 45'); none means it is partnerfw's default, still to be confirmed.",
    )
    options: dict[str, ApprovalRoute] = Field(
        min_length=2, description="Each paragraph's route, by a short name."
    )

    @model_validator(mode="after")
    def _follows_an_option(self) -> RouteConflict:
        if self.follow not in self.options:
            raise ValueError(
                f"follow: '{self.follow}' is not one of the options ({', '.join(self.options)})"
            )
        return self

    @property
    def route(self) -> ApprovalRoute:
        return self.options[self.follow]


class KindChecks(PolicyModel):
    """Limits the cross-checks of an arrangement's kind use where the framework gives no
    number: each is the council's own choice (CLS003, CLS006)."""

    informal_network_staff_fte: Decimal = Field(
        Decimal("0.05"),
        ge=0,
        description="Most council staff time an informal network may take, in full-time "
        "equivalents (0.05 is about 11 working days a year: attending meetings and reading "
        "papers). More is council staff given to it. The council's own choice.",
    )
    informal_network_staff_days: Decimal = Field(
        Decimal(11),
        ge=0,
        description="The same limit in working days a year, for records that give days. "
        "The council's own choice.",
    )
    ad_hoc_resilience_months: int = Field(
        12,
        ge=1,
        description="Longest an ad-hoc resilience arrangement may run and still be the "
        "'short term' cover 1.12 describes (e.g. maternity cover). Longer, or open-ended, it "
        "is joint officer working that needs Member approval (3.10.1). The framework gives "
        "no number: the council's own choice.",
    )


class Requirements(PolicyModel):
    governance: list[str] = Field(default_factory=list, description="Governance items required.")
    agreement: list[str] = Field(default_factory=list, description="Agreement items required.")
    agreement_if_public_facing: list[str] = Field(
        default_factory=list, description="Further agreement items when serving the public."
    )
    exit_strategy_covers: list[str] = Field(
        default_factory=list, description="What the exit strategy must cover."
    )
    evaluation: bool = Field(True, description="The evaluation items (2.8-2.9, App1) apply.")


class Intervals(PolicyModel):
    budget_monitoring_months: int = Field(3, ge=1, description="4.5e: at least quarterly.")
    performance_report_months: int = Field(6, ge=1, description="4.5c: regular reports.")
    risk_review_months: int = Field(12, ge=1, description="4.10: risk register reviewed.")
    annual_review_months: int = Field(
        12,
        ge=1,
        description="6.6: annual review; used as a rolling interval when no "
        "annual_review_window is set.",
    )
    annual_review_window: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=lambda: [9, 10, 11],
        description="Months the annual review of the register takes place in: 6.6 says 'during "
        "the Autumn', read as September to November. Empty: any time, every "
        "annual_review_months.",
    )
    governance_review_window: list[Annotated[int, Field(ge=1, le=12)]] = Field(
        default_factory=lambda: [2, 3],
        description="Months of the governance review that gathers the officers' assurance "
        "for the Annual Governance Statement: February/March (6.9).",
    )
    target_review_months: int = Field(
        12,
        ge=1,
        description="How often each target is reviewed and updated (4.5(d) asks for it but "
        "gives no interval: the council's own choice).",
    )
    grace_days: int = Field(14, ge=0, description="Days allowed after a due date before overdue.")
    renewal_notice_days: int = Field(
        90, ge=0, description="Warn this many days before an end date."
    )
    audit_opinion_months: int = Field(
        36,
        ge=1,
        description="An audit opinion older than this many months is mentioned for the annual "
        "audit needs assessment (6.11.1); a local choice, the framework sets no cycle.",
    )


class SharedServiceReview(PolicyModel):
    from_year: int = Field(3, ge=1, description="Year of the arrangement the review starts in.")
    interval_months: int = Field(12, ge=1, description="How often it is then reviewed.")
    reference: str = Field(description="Where the framework says so.")


class UrgentRoute(PolicyModel):
    approval_within_days: int = Field(ge=1, description="Days from start by which approval is due.")
    reference: str = Field(description="Where the framework says so.")


class Role(PolicyModel):
    title: str = Field(description="The role's title in the council's words.")
    holder: str | None = Field(None, description="Who holds it now.")
    reviewers: list[str] = Field(
        default_factory=list, description="GitHub users or teams who review for this role."
    )


class Publication(PolicyModel):
    publish_officer_contact_details: bool = Field(
        False, description="Publish lead officers' email and phone on the site and open data."
    )


class RatingBand(PolicyModel):
    min_complete_percent: Decimal = Field(
        ge=0, le=100, description="Governance items in place, as a share of those required."
    )
    max_errors: int | None = Field(
        None, ge=0, description="Most error findings allowed in this band; none means any number."
    )


class GovernanceRating(PolicyModel):
    """How the governance review (6.9) rates each arrangement red, amber or green."""

    green: RatingBand = Field(
        default_factory=lambda: RatingBand(min_complete_percent=Decimal(90), max_errors=0),
        description="Green when at least this complete with at most this many errors.",
    )
    amber: RatingBand = Field(
        default_factory=lambda: RatingBand(min_complete_percent=Decimal(60)),
        description="Amber when at least this complete (and not green); otherwise red.",
    )
    green_needs_assurance: bool = Field(
        True, description="Green also needs the responsible officer's assurance (6.9) in date."
    )
    assurance_months: int = Field(
        12, ge=1, description="An assurance older than this many months is out of date."
    )
    reference: str = Field("Framework 6.9", description="Where the framework asks for the review.")


class RuleSetting(PolicyModel):
    enabled: bool = Field(True, description="False switches the rule off.")
    severity: Literal["error", "warning", "info"] | None = Field(None, description="New severity.")
    reason: str = Field(min_length=1, description="Why the council changed the rule.")


class Milestone(PolicyModel):
    """One step in an edition's life: when, by whom, and the decision's reference."""

    date: dt.date | None = Field(None, description="When (none when the texts do not say).")
    by: str | None = Field(None, description="Who, e.g. 'Performance & Administration Committee'.")
    reference: str | None = Field(None, description="The minute or decision notice.")


EditionState = Literal["draft", "noted", "approved", "adopted", "superseded"]


class Adoption(PolicyModel):
    """Where an edition stands, as the texts record it: drafted, noted by a committee,
    approved by Cabinet, adopted by Full Council, superseded. Which edition is in force from
    which date is ``partnerfw.yaml``'s ``editions:`` schedule."""

    status: EditionState = Field(description="draft, noted, approved, adopted or superseded.")
    drafted: Milestone | None = Field(None, description="When and by whom it was drafted.")
    noted: Milestone | None = Field(None, description="When a committee noted it.")
    approved: Milestone | None = Field(None, description="When Cabinet approved it.")
    adopted: Milestone | None = Field(None, description="When Full Council adopted it.")
    superseded: Milestone | None = Field(None, description="When a later edition replaced it.")
    note: str | None = Field(None, description="Anything else about its standing.")

    @model_validator(mode="after")
    def _stated(self) -> Adoption:
        if self.status != "draft" and getattr(self, self.status) is None:
            raise ValueError(
                f"status is {self.status}: say when and by whom under '{self.status}:'"
            )
        return self


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
    significance: Significance
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

    @model_validator(mode="after")
    def _consistent(self) -> Policy:
        problems: list[str] = []
        valid_route_keys = {k.value for k in Kind}
        valid_route_keys |= {"partnership.significant", "partnership.other"}
        valid_route_keys |= {f"shared_service.{t.value}" for t in SharedServiceType}
        routes = [(f"approval_routes.{key}", key, r) for key, r in self.approval_routes.items()]
        for key, conflict in self.route_conflicts.items():
            routes += [
                (f"route_conflicts.{key}.options.{name}", key, r)
                for name, r in conflict.options.items()
            ]
        for where, key, route in routes:
            if key not in valid_route_keys:
                problems.append(
                    f"{where.split('.')[0]}: unknown route '{key}'"
                    f"{_did_you_mean(key, valid_route_keys)}"
                )
            for step in (route.discussed_at, route.signed_off_by, route.approvers, route.informed):
                for role in (r for entry in step for r in entry.split("|")):
                    if role not in self.roles:
                        problems.append(
                            f"{where}: role '{role}' is not under roles"
                            f"{_did_you_mean(role, self.roles)}"
                        )
        problems.extend(self._flag_fields())
        for kind, req in self.requirements.items():
            for item in req.governance:
                if item not in Governance.model_fields:
                    problems.append(f"requirements.{kind}.governance: unknown item '{item}'")
            for item in (*req.agreement, *req.agreement_if_public_facing):
                if item not in AgreementItems.model_fields:
                    problems.append(f"requirements.{kind}.agreement: unknown item '{item}'")
            for item in req.exit_strategy_covers:
                if item not in _EXIT_FIELDS:
                    problems.append(f"requirements.{kind}.exit_strategy_covers: unknown '{item}'")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _flag_fields(self) -> list[str]:
        problems = []
        known = [*BUILT_IN_FLAGS, *self.record_fields]
        clash = sorted(set(self.record_fields) & set(BUILT_IN_FLAGS))
        for name in clash:
            problems.append(
                f"record_fields.{name}: '{name}' is already a field of every record; "
                "declare a field under another name"
            )
        for where, test in self.significance.leaves():
            if isinstance(test, FlagTest) and test.field not in known:
                problems.append(
                    f"significance.{'.'.join(map(str, where))}: flag field '{test.field}' is "
                    f"neither a field of the record ({', '.join(BUILT_IN_FLAGS)}) nor declared "
                    f"under record_fields{_did_you_mean(test.field, known)}"
                )
        return problems

    @property
    def threshold(self) -> Decimal | None:
        """The first amount a year the significance test compares council resources with;
        none when the council's test has no money figure a year."""
        for _, test in self.significance.leaves():
            if isinstance(test, ResourcesTest) and test.over == "year":
                return test.amount
        return None

    def route_for(self, kind: Kind, klass: str) -> ApprovalRoute | None:
        """The route a class follows: the policy's own route for it, else the option chosen
        where the framework's paragraphs disagree, else the route for the whole kind; none for
        a partnership that cannot be classified yet (its route depends on the class, so none
        is guessed)."""
        if klass == "undetermined":
            return None
        key = f"{kind.value}.{klass}"
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
        return {**chosen, **self.approval_routes}

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

    def source_of(self, path: str) -> Source | None:
        """Where the setting at dotted ``path`` comes from: the most specific ``sources`` key
        at or above it; for an approval route's parts, the route's own ``reference``."""
        parts = path.split(".")
        for end in range(len(parts), 0, -1):
            found = self.sources.get(".".join(parts[:end]))
            if found is not None:
                return found
        for key, route in self.approval_routes.items():
            if path == f"approval_routes.{key}" or path.startswith(f"approval_routes.{key}."):
                return Source(framework=route.reference)
        return None

    def basis(self, path: str) -> str:
        """For a rule message that uses the setting at ``path``: '' when it is the
        framework's and settled, 'the council's own choice' when it is local, and 'not
        settled: <what the review leaves open>' when the framework review leaves it open."""
        source = self.source_of(path)
        if source is None:
            return ""
        if source.open:
            return f"not settled: {source.open}"
        return "the council's own choice" if source.local is not None else ""


_NOT_SETTINGS = frozenset(
    {"edition", "title", "adoption", "sources", "rules", "roles", "record_fields"}
)


def setting_paths(policy: Policy) -> list[tuple[str, object]]:
    """Every setting of ``policy`` as (dotted path, value): the numbers, yes/no choices and
    lists a rule or report uses. Significance triggers carry their own source, roles are the
    council's organisation and rule settings carry their reasons, so they are not listed."""
    found: list[tuple[str, object]] = []

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name == "reference" or (not prefix and name in _NOT_SETTINGS):
                    continue
                if prefix == "significance" and name in ("test", "triggers"):
                    continue  # each test carries its own reference: or local:
                walk(f"{prefix}.{name}" if prefix else name, getattr(value, name))
        elif isinstance(value, dict) and prefix:
            for key, item in value.items():
                walk(f"{prefix}.{key}", item)
        else:
            found.append((prefix, value))

    walk("", policy)
    return found


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else " (add it there, or correct it)"


_EXIT_FIELDS = (
    "termination",
    "partner_withdrawal",
    "equalities_impact",
    "safeguarding_impact",
    "resources",
    "liabilities",
    "notice_period",
)


class Theme(PolicyModel):
    logo: str | None = Field(None, description="Path of the council's logo, from the repository.")
    colour: str = Field("#1d3f6e", pattern=r"^#[0-9a-fA-F]{6}$", description="Header colour.")
    footer_links: dict[str, str] = Field(default_factory=dict, description="Footer link texts.")


OGL_V3_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class Licence(PolicyModel):
    name: str = Field(
        "OGL-UK-3.0", min_length=1, description="The licence's short identifier, e.g. OGL-UK-3.0."
    )
    title: str = Field(
        "Open Government Licence v3.0", min_length=1, description="The licence's title."
    )
    url: str = Field(
        OGL_V3_URL, pattern=r"^https?://\S+$", description="Where the licence's text is."
    )


class OpenData(PolicyModel):
    licence: Licence = Field(
        default_factory=Licence,
        description="The licence the open data is published under (default: the Open "
        "Government Licence v3.0).",
    )


class SiteSettings(PolicyModel):
    url: str | None = Field(
        None,
        pattern=r"^https?://\S+$",
        description="The address the register's website is published at, e.g. "
        "https://thamesbridge.gov.example/partnerships/; the open data's page links are then "
        "absolute.",
    )


class AccessibilityContact(PolicyModel):
    email: str | None = Field(
        None, description="Where to report an accessibility problem, e.g. web@council.example."
    )
    phone: str | None = Field(None, description="A phone number for accessibility problems.")
    url: str | None = Field(
        None, pattern=r"^https?://\S+$", description="A contact form for accessibility problems."
    )
    response_days: int | None = Field(
        None, ge=1, description="Working days within which the council replies."
    )


class Accessibility(PolicyModel):
    """What the accessibility statement says, under the Public Sector Bodies (Websites and
    Mobile Applications) (No. 2) Accessibility Regulations 2018."""

    contact: AccessibilityContact = Field(
        default_factory=AccessibilityContact,
        description="How to report an accessibility problem or ask for another format.",
    )
    compliance: Literal["fully", "partially", "not"] | None = Field(
        None,
        description="fully, partially or not compliant with WCAG 2.2 AA, as last tested.",
    )
    known_issues: list[str] = Field(
        default_factory=list,
        description="Content that is not accessible, and why (needed unless fully compliant).",
    )
    tested: dt.date | None = Field(None, description="When the site was last tested.")
    how_tested: str | None = Field(
        None,
        description="How and by whom it was tested, e.g. 'automated axe-core checks of every "
        "page type and a manual check with NVDA by the web team'.",
    )
    prepared: dt.date | None = Field(None, description="When this statement was prepared.")
    reviewed: dt.date | None = Field(None, description="When it was last reviewed.")
    northern_ireland: bool = Field(
        False,
        description="True for a council in Northern Ireland: complaints go to the Equality "
        "Commission for Northern Ireland rather than the Equality Advisory and Support Service.",
    )

    def missing(self) -> list[str]:
        """What the statement still lacks, as 'what (where to set it)'."""
        gaps = []
        contact = self.contact
        if not (contact.email or contact.phone or contact.url):
            gaps.append("the contact for accessibility problems (accessibility.contact.email)")
        if self.compliance is None:
            gaps.append("the compliance status (accessibility.compliance)")
        elif self.compliance != "fully" and not self.known_issues:
            gaps.append("the content that is not accessible (accessibility.known_issues)")
        if self.tested is None:
            gaps.append("the date the site was tested (accessibility.tested)")
        if not self.how_tested:
            gaps.append("how it was tested (accessibility.how_tested)")
        return gaps


class Council(PolicyModel):
    name: str = Field(
        min_length=1, description="The council's name, e.g. 'Borough of Thamesbridge'."
    )
    website: str | None = Field(None, description="The council's website address.")


class InForce(PolicyModel):
    """One line of the schedule: an edition, the date it is in force from and the decision
    that adopted it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    edition: str = Field(description="'revised', 'earlier' or a policy file path.")
    from_date: dt.date | None = Field(
        None,
        alias="from",
        description="The first day it is in force (the first line may leave it out: in force "
        "before the later lines, from a date not recorded).",
    )
    decision: str | None = Field(
        None, description="The decision that adopted it, e.g. 'Full Council 15 July 2025, min. 41'."
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Overrides for this edition only, same shape."
    )

    @model_validator(mode="after")
    def _dated_with_decision(self) -> InForce:
        if self.from_date is not None and not (self.decision or "").strip():
            raise ValueError(
                f"edition '{self.edition}' in force from {self.from_date}: name the decision "
                "that adopted it under 'decision:' (minute or decision notice)"
            )
        return self


class Draft(PolicyModel):
    """An edition under consideration, for what-if: ``classify --compare-policy draft`` and
    the reclassification report compare the register against it."""

    edition: str = Field(description="'revised', 'earlier' or a policy file path.")
    status: str | None = Field(
        None,
        description="Where it stands, e.g. 'noted by the Performance & Administration "
        "Committee; to Cabinet, then Full Council'.",
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Overrides for the draft only, same shape."
    )


class Settings(PolicyModel):
    """``partnerfw.yaml``: what a register repository says about itself."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    council: Council
    edition: str | None = Field(
        None,
        description="The one edition in force: 'revised', 'earlier' or a policy file path "
        "(or give the schedule under 'editions:' instead).",
    )
    editions: list[InForce] | None = Field(
        None,
        min_length=1,
        description="Which edition is in force from which date, oldest first, each with the "
        "decision that adopted it.",
    )
    draft: Draft | None = Field(
        None, description="An edition under consideration, for what-if comparisons."
    )
    register_folder: str = Field(
        "register", alias="register", description="Folder holding the record files."
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Parts of the edition to override, same shape."
    )
    rules: dict[Code, RuleSetting] = Field(default_factory=dict, description="Rule overrides.")
    theme: Theme = Field(default_factory=Theme, description="How the published site looks.")
    site: SiteSettings = Field(
        default_factory=SiteSettings, description="Where the register's website is published."
    )
    accessibility: Accessibility = Field(
        default_factory=Accessibility,
        description="What the site's accessibility statement says (accessibility.html).",
    )
    open_data: OpenData = Field(default_factory=OpenData, description="The open data's licence.")
    councillors: list[str] | None = Field(
        None, description="Master list of the council's councillors (names as records write them)."
    )
    officers: list[str] | None = Field(
        None, description="Master list of officers who lead, evaluate, give opinions or approve."
    )
    corporate_objectives: list[str] | None = Field(
        None, description="Master list of the Corporate Plan objectives records may name."
    )
    portfolios: dict[str, str | list[str]] | None = Field(
        None,
        description="Master list of the Cabinet portfolios, each with its Portfolio Holder "
        "(or a list: the current holder first, then past holders whose decisions stand), so "
        "that approvals are checked against the relevant Portfolio Holder (2.11, 3.10.1).",
    )

    @field_validator("editions")
    @classmethod
    def _one_schedule(
        cls, value: list[InForce] | None, info: ValidationInfo
    ) -> list[InForce] | None:
        if value is None:
            return value
        if info.data.get("edition") is not None:
            raise ValueError(
                "give either 'edition:' (one edition in force) or 'editions:' (which edition "
                "is in force from which date), not both"
            )
        for earlier, later in itertools.pairwise(value):
            if later.from_date is None:
                raise ValueError(
                    f"'{later.edition}' needs 'from:' (only the first line may leave out its date)"
                )
            if earlier.from_date is not None and later.from_date <= earlier.from_date:
                raise ValueError(
                    f"list them oldest first ('{later.edition}' from {later.from_date} comes "
                    f"after '{earlier.edition}' from {earlier.from_date})"
                )
        return value

    @property
    def policy_files(self) -> list[str]:
        """The editions of the schedule and the draft that are policy files, not built-in."""
        named = [line.edition for line in self.schedule]
        named += [self.draft.edition] if self.draft is not None else []
        return [name for name in dict.fromkeys(named) if name not in EDITIONS]

    @property
    def schedule(self) -> list[InForce]:
        """The editions in force, oldest first; a single 'edition:' is in force throughout."""
        if self.editions is not None:
            return list(self.editions)
        return [InForce(edition=self.edition or DEFAULT_EDITION)]

    @property
    def master_lists(self) -> MasterLists:
        def kept(names: list[str] | None) -> tuple[str, ...] | None:
            return None if names is None else tuple(names)

        portfolios = None
        if self.portfolios is not None:
            portfolios = tuple(
                (name, (holders,) if isinstance(holders, str) else tuple(holders))
                for name, holders in self.portfolios.items()
            )
        return MasterLists(
            kept(self.councillors),
            kept(self.officers),
            kept(self.corporate_objectives),
            portfolios,
        )


@dataclass(frozen=True)
class MasterLists:
    """Who and what a record may name, from partnerfw.yaml; None means that list is not kept."""

    councillors: tuple[str, ...] | None = None
    officers: tuple[str, ...] | None = None
    corporate_objectives: tuple[str, ...] | None = None
    portfolios: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    """Each Cabinet portfolio with its holders, current first."""


def edition_text(name: str) -> str:
    """The YAML text of a built-in edition."""
    return (
        resources.files("partnerfw.policy").joinpath("editions", f"{name}.yaml").read_text("utf-8")
    )


def merge_overrides(edition: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """An edition with a council's ``policy:`` overrides: parts merge as ``deep_merge`` does,
    except that a significance test given in either spelling (``test:`` or ``triggers:``)
    replaces the edition's."""
    significance = overrides.get("significance")
    if isinstance(significance, dict) and isinstance(edition.get("significance"), dict):
        edition = {
            **edition,
            "significance": merge_significance(edition["significance"], significance),
        }
    return deep_merge(edition, overrides)


def deep_merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Override ``base`` with ``override``; mappings merge, everything else replaces."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
