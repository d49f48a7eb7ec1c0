"""What an arrangement is, in the framework's terms, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

__all__ = [
    "Classification",
    "a_class",
    "class_label",
    "classify",
    "decided",
    "kind_label",
    "resources_text",
]

from partnerfw.judge.significance import Counted, Judge, Missing, Outcome, count_resources
from partnerfw.judge.timeline import shared_service_type
from partnerfw.policy.schema import DEFAULT_CLASSES, ClassDefinition, Policy
from partnerfw.policy.significance_tests import RESOURCE_FIELDS, PointsTest, ResourcesTest, walk
from partnerfw.record.models import (
    Arrangement,
    AssuranceLevel,
    CompanyForm,
    DecidedClassification,
    Kind,
    Status,
)
from partnerfw.record.money import money

KIND_LABELS = {
    Kind.PARTNERSHIP: "Partnership",
    Kind.SHARED_SERVICE: "Shared service",
    Kind.INFORMAL_NETWORK: "Informal network",
    Kind.COMMISSIONING: "Commissioning arrangement",
    Kind.COMPANY_OR_TRUST: "Company or charitable trust",
    Kind.OUTSIDE_BODY: "Outside body appointment",
}
COMPANY_FORM_LABELS = {
    CompanyForm.COMPANY_LIMITED_BY_GUARANTEE: "Company limited by guarantee",
    CompanyForm.COMPANY_LIMITED_BY_SHARES: "Company limited by shares",
    CompanyForm.COMMUNITY_INTEREST_COMPANY: "Community interest company",
    CompanyForm.CHARITABLE_COMPANY: "Charitable company",
    CompanyForm.CHARITABLE_INCORPORATED_ORGANISATION: "Charitable incorporated organisation",
    CompanyForm.CHARITABLE_TRUST: "Charitable trust",
    CompanyForm.COMMUNITY_BENEFIT_SOCIETY: "Community benefit society",
    CompanyForm.OTHER: "Other legal form",
}
ASSURANCE_LABELS = {
    AssuranceLevel.SUBSTANTIAL: "Substantial assurance",
    AssuranceLevel.REASONABLE: "Reasonable assurance",
    AssuranceLevel.LIMITED: "Limited assurance",
    AssuranceLevel.NO_ASSURANCE: "No assurance",
}
STATUS_LABELS = {
    Status.PROPOSED: "Proposed",
    Status.APPROVED: "Approved",
    Status.ACTIVE: "Active",
    Status.UNDER_REVIEW: "Under review",
    Status.ENDING: "Ending",
    Status.ENDED: "Ended",
}
CLASS_LABELS = {
    "significant": "Significant partnership",
    "other": "Other partnership",
    "full_shared_service": "Full shared service",
    "joint_management": "Joint management",
    "joint_officer": "Joint officer",
    "ad_hoc_resilience": "Ad-hoc resilience",
    "informal_network": "Informal network",
    "commissioning": "Commissioning (not a partnership)",
    "out_of_scope": "Out of scope (company or trust)",
    "outside_body": "Out of scope (appointment to an outside body)",
    "management_contract": "Contract (management agreement)",
    "undetermined": "Cannot be classified yet",
}

"""The labels of the classes of kinds other than partnership, and of the framework's two
classes of partnership (a policy's own classes carry their labels in ``Classification``)."""


@dataclass(frozen=True)
class Classification:
    kind: Kind
    klass: str
    """significant, other, undetermined (the record does not yet say enough), a shared
    service type, informal_network, commissioning, out_of_scope."""
    reason: str
    reference: str
    council_resources: Decimal
    """What can be counted a year under this policy, in pounds (see ``uncosted``)."""
    near_threshold: bool = False
    near_text: str = ""
    """What is close to which threshold, e.g. '£47,500 council resources is close to ...'."""
    uncosted: tuple[str, ...] = ()
    """What the council gives without a £ value (staff time, in kind): not in the figure."""
    missing: tuple[Missing, ...] = ()
    """What the record must state before its significance can be decided (undetermined)."""
    costing_notes: tuple[str, ...] = ()
    """How the policy priced staff time given without its cost."""
    decided: DecidedClassification | None = None
    """The council's own decision, when it differs from the policy's result (then ``klass``
    and ``reason`` are the decision's and ``policy_klass``/``policy_reason`` the policy's)."""
    policy_klass: str | None = None
    policy_reason: str | None = None
    labels: tuple[tuple[str, str], ...] = DEFAULT_CLASSES
    """The policy's classes of partnership, highest first, each with its label."""
    near_class: str = ""
    """With ``near_threshold``: the class a small rise would move it into."""

    @property
    def label(self) -> str:
        return class_label(self.klass, self.labels)

    def a_class(self, klass: str) -> str:
        """'a significant partnership', 'a major partnership': a class of this scheme."""
        return a_class(klass, self.labels)

    @property
    def rank(self) -> int | None:
        """0 for the highest class of partnership; None for another kind or undetermined."""
        names = [name for name, _ in self.labels]
        return names.index(self.klass) if self.klass in names else None

    @property
    def decided_note(self) -> str:
        """'decided by Cabinet; the policy's test gives an other partnership', or ''."""
        if self.decided is None or self.policy_klass is None:
            return ""
        return f"decided by {self.decided.decided_by}; the policy's test gives " + self.a_class(
            self.policy_klass
        )

    @property
    def shown_label(self) -> str:
        """The label, with the decision noted when the council decided the class."""
        note = self.decided_note
        return f"{self.label} ({note})" if note else self.label

    @property
    def undetermined(self) -> bool:
        return self.klass == UNDETERMINED

    @property
    def resources_text(self) -> str:
        """The counted figure, never a silent £0: '£20,000 plus staff time (0.5 FTE), not
        valued yet', or 'not valued yet: ...' when nothing is costed."""
        return resources_text(self.council_resources, self.uncosted)


UNDETERMINED = "undetermined"


def resources_text(amount: Decimal | None, uncosted: tuple[str, ...] = ()) -> str:
    if amount is None:
        return "not stated"
    if not uncosted:
        return money(amount)
    listed = " and ".join(uncosted)
    if amount == 0:
        return f"not valued yet: {listed}"
    return f"{money(amount)} plus {listed}, not valued yet"


def class_label(klass: str, labels: tuple[tuple[str, str], ...] = DEFAULT_CLASSES) -> str:
    """The label of a class: the policy's for a class of partnership, else the kind's own."""
    return dict(labels).get(klass) or CLASS_LABELS.get(klass) or klass.replace("_", " ")


def kind_label(arrangement: Arrangement) -> str:
    """The kind as the public reads it, with a company's form when recorded:
    'Company or charitable trust (community interest company)'."""
    label = KIND_LABELS[arrangement.kind]
    if arrangement.company is not None and arrangement.company.form is not CompanyForm.OTHER:
        label += f" ({COMPANY_FORM_LABELS[arrangement.company.form].lower()})"
    return label


def counted_resources(arrangement: Arrangement, counts: list[str]) -> Decimal:
    """What counts of ``counts`` can be added up (figures not stated add nothing)."""
    return count_resources(arrangement.council_resources, counts).amount


def classify(arrangement: Arrangement, policy: Policy, on: dt.date | None = None) -> Classification:
    """The class of ``arrangement`` under ``policy``; a shared service's type is the one in
    force ``on`` that date (its phases), or the type the record states when no date is given."""
    kind = arrangement.kind
    counted = _default_resources(arrangement, policy)
    resources = counted.amount
    extra = {
        "uncosted": counted.uncosted,
        "costing_notes": counted.notes,
        "labels": policy.scheme.labels,
    }
    if kind is Kind.SHARED_SERVICE:
        kind_of = shared_service_type(arrangement, on)
        return Classification(
            kind,
            kind_of.value,
            f"shared service of the '{CLASS_LABELS[kind_of.value]}' kind",
            "Framework 1.12",
            resources,
            **extra,  # type: ignore[arg-type]
        )
    if kind is Kind.INFORMAL_NETWORK:
        return Classification(
            kind,
            "informal_network",
            "an information-sharing network: on the register with light governance",
            "Framework review minutes",
            resources,
            **extra,  # type: ignore[arg-type]
        )
    if kind is Kind.COMMISSIONING:
        return Classification(
            kind,
            "commissioning",
            "the council is paid to deliver a service: not a partnership",
            "Framework 1.14",
            resources,
            **extra,  # type: ignore[arg-type]
        )
    if kind is Kind.COMPANY_OR_TRUST and arrangement.management_agreement is not None:
        return Classification(
            kind,
            "management_contract",
            f"runs council services ({arrangement.management_agreement.services}) under a "
            "management agreement: a contract, managed as such",
            "Framework 1.10",
            resources,
        )
    if kind is Kind.COMPANY_OR_TRUST:
        what = "a company or charitable trust"
        company = arrangement.company
        if company is not None and company.form is CompanyForm.COMMUNITY_INTEREST_COMPANY:
            what = "a community interest company is a company: it"
        return Classification(
            kind,
            "out_of_scope",
            f"{what} needs separate legal and financial arrangements",
            "Framework 1.10",
            resources,
            **extra,  # type: ignore[arg-type]
        )
    if kind is Kind.OUTSIDE_BODY:
        return Classification(
            kind,
            "outside_body",
            "the council appoints representatives to another organisation: not an agreement "
            "to work together, so not a partnership under this framework",
            "Framework 1.7",
            resources,
            **extra,  # type: ignore[arg-type]
        )
    return _significance(arrangement, policy, counted)


def _default_resources(arrangement: Arrangement, policy: Policy) -> Counted:
    """The resources a year as the policy's first money test counts them (all three when it
    has none), staff time priced by the policy's staff costing if it sets one."""
    counts: list[str] = list(RESOURCE_FIELDS)
    for found in policy.class_tests():
        test = found.leaf
        if isinstance(test, ResourcesTest) and test.over == "year" and found.scope == "record":
            counts = list(test.counts)
            break
    costing = policy.significance.staff_costing
    counted = count_resources(arrangement.council_resources, counts, costing)
    if counts != list(RESOURCE_FIELDS):
        # What is not counted towards significance is still given without a value.
        every = count_resources(arrangement.council_resources, RESOURCE_FIELDS, costing)
        counted = Counted(counted.amount, counted.missing, counted.notes, every.uncosted)
    return counted


def _significance(arrangement: Arrangement, policy: Policy, counted: Counted) -> Classification:
    """The first of the policy's classes whose test holds, highest first; the last class when
    none does (never while what the council gives is not valued); undetermined as soon as a
    test cannot tell."""
    scheme = policy.scheme
    judge = Judge.of(policy)
    labels = scheme.labels
    miss: tuple[ClassDefinition, Outcome] | None = None
    for definition in scheme.classes[:-1]:
        assert definition.test is not None  # the policy's checks: every class but the last
        outcome = judge.outcome(definition.test, arrangement)
        if outcome.holds is None:
            return Classification(
                Kind.PARTNERSHIP,
                UNDETERMINED,
                outcome.text,
                _overall(definition),
                counted.amount,
                uncosted=counted.uncosted,
                missing=outcome.missing,
                costing_notes=counted.notes,
                labels=labels,
            )
        if outcome.holds:
            near = miss[1].near if miss is not None else ""
            return Classification(
                Kind.PARTNERSHIP,
                definition.name,
                _reason(definition, outcome),
                ", ".join(outcome.references) or _overall(definition),
                counted.amount,
                bool(near),
                near,
                counted.uncosted,
                (),
                counted.notes,
                labels=labels,
                near_class=miss[0].name if near and miss is not None else "",
            )
        miss = (definition, outcome)
    assert miss is not None
    return _last_class(arrangement, policy, counted, miss)


def _last_class(
    arrangement: Arrangement,
    policy: Policy,
    counted: Counted,
    miss: tuple[ClassDefinition, Outcome],
) -> Classification:
    """The last class, reached when every test above fails; undetermined while resources are
    given without a £ value: the council has not yet said what it puts in (Appendix 1),
    whatever its tests weigh."""
    last = policy.scheme.classes[-1]
    above, outcome = miss
    reason, klass = _reason(above, outcome, last.name), last.name
    missing: tuple[Missing, ...] = ()
    if counted.uncosted:
        every = count_resources(
            arrangement.council_resources, RESOURCE_FIELDS, policy.significance.staff_costing
        )
        klass, missing = UNDETERMINED, every.missing
        reason = (
            f"{outcome.text}; but {' and '.join(counted.uncosted)} "
            f"{'has' if len(counted.uncosted) == 1 else 'have'} no £ value yet, and a "
            f"partnership is not called '{last.name}' until what the council puts in is valued"
        )
    near = outcome.near if klass == last.name else ""
    return Classification(
        Kind.PARTNERSHIP,
        klass,
        reason,
        _overall(above),
        counted.amount,
        bool(near),
        near,
        counted.uncosted,
        missing,
        counted.notes,
        labels=policy.scheme.labels,
        near_class=above.name if near else "",
    )


def _reason(definition: ClassDefinition, outcome: Outcome, reached: str = "") -> str:
    """The test's reason; a class reached by points ends with it: '... >= 12 = major'."""
    if isinstance(definition.test, PointsTest):
        return f"{outcome.text} = {reached or definition.name}"
    return outcome.text


def _overall(definition: ClassDefinition) -> str:
    """Where a class's test comes from: its own source, else its tests' sources, else the
    class's."""
    test = definition.test
    if test is not None and test.sourced:
        return test.source
    if test is not None:
        sources = [found.leaf.source for found in walk(test) if found.leaf.sourced]
        if sources:
            return ", ".join(dict.fromkeys(sources))
    return definition.source


def a_class(klass: str, labels: tuple[tuple[str, str], ...] = DEFAULT_CLASSES) -> str:
    """'a significant partnership', 'an other partnership', 'an informal network'."""
    label = class_label(klass, labels).lower()
    return ("an " if label[0] in "aeiou" else "a ") + label


def decided(arrangement: Arrangement, classification: Classification) -> Classification:
    """The class the council decided (``decided_classification``) in place of the policy's
    result when they differ, keeping the policy's result and reason beside it."""
    decision = arrangement.decided_classification
    if decision is None or decision.classification == classification.klass:
        return classification
    if decision.classification not in dict(classification.labels):
        return classification  # not one of the policy's classes: CLS011 says so
    reason = f"decided by {decision.decided_by} on {decision.date} ({decision.reference})"
    if decision.reason:
        reason += f": {decision.reason}"
    reason += f"; the policy would class it as {classification.a_class(classification.klass)} "
    reason += f"({classification.reason})"
    return replace(
        classification,
        klass=decision.classification,
        reason=reason,
        decided=decision,
        policy_klass=classification.klass,
        policy_reason=classification.reason,
    )
