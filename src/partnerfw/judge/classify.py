"""What an arrangement is, in the framework's terms, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

__all__ = [
    "Classification",
    "a_class",
    "classify",
    "decided",
    "kind_label",
    "resources_text",
]

from partnerfw.judge.significance import Counted, Judge, Missing, count_resources
from partnerfw.judge.timeline import shared_service_type
from partnerfw.policy.schema import Policy
from partnerfw.policy.significance_tests import RESOURCE_FIELDS, ResourcesTest
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


CLASS_LABELS["undetermined"] = "Cannot be classified yet"


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

    @property
    def label(self) -> str:
        return CLASS_LABELS[self.klass]

    @property
    def decided_note(self) -> str:
        """'decided by Cabinet; the policy's test gives an other partnership', or ''."""
        if self.decided is None or self.policy_klass is None:
            return ""
        return f"decided by {self.decided.decided_by}; the policy's test gives " + a_class(
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
    extra = {"uncosted": counted.uncosted, "costing_notes": counted.notes}
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
    for _, test in policy.significance.leaves():
        if isinstance(test, ResourcesTest) and test.over == "year":
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
    significance = policy.significance
    judge = Judge(
        dict(policy.record_fields), significance.staff_costing, significance.near_threshold_margin
    )
    root = significance.root
    outcome = judge.outcome(root, arrangement)
    references = [s for _, leaf in significance.leaves() for s in [leaf.source]]
    overall = (
        root.source if (root.reference or root.local) else ", ".join(dict.fromkeys(references))
    )
    reason, missing = outcome.text, outcome.missing
    if outcome.holds:
        klass, reference = "significant", ", ".join(outcome.references) or overall
    elif outcome.holds is False and not counted.uncosted:
        klass, reference = "other", overall
    elif outcome.holds is False:
        # Never 'other' while resources are given without a £ value: the council has not yet
        # said what it puts in (Appendix 1), whatever its test weighs.
        every = count_resources(
            arrangement.council_resources, RESOURCE_FIELDS, significance.staff_costing
        )
        klass, reference = UNDETERMINED, overall
        reason += (
            f"; but {' and '.join(counted.uncosted)} "
            f"{'has' if len(counted.uncosted) == 1 else 'have'} no £ value yet, and a "
            "partnership is not called 'other' until what the council puts in is valued"
        )
        missing = every.missing
    else:
        klass, reference = UNDETERMINED, overall
    return Classification(
        Kind.PARTNERSHIP,
        klass,
        reason,
        reference,
        counted.amount,
        bool(outcome.near) and klass == "other",
        outcome.near if klass == "other" else "",
        counted.uncosted,
        missing,
        counted.notes,
    )


def a_class(klass: str) -> str:
    """'a significant partnership', 'an other partnership', 'an informal network'."""
    label = CLASS_LABELS[klass].lower()
    return ("an " if label[0] in "aeiou" else "a ") + label


def decided(arrangement: Arrangement, classification: Classification) -> Classification:
    """The class the council decided (``decided_classification``) in place of the policy's
    result when they differ, keeping the policy's result and reason beside it."""
    decision = arrangement.decided_classification
    if decision is None or decision.classification == classification.klass:
        return classification
    reason = f"decided by {decision.decided_by} on {decision.date} ({decision.reference})"
    if decision.reason:
        reason += f": {decision.reason}"
    reason += f"; the policy would class it as {a_class(classification.klass)} "
    reason += f"({classification.reason})"
    return replace(
        classification,
        klass=decision.classification,
        reason=reason,
        decided=decision,
        policy_klass=classification.klass,
        policy_reason=classification.reason,
    )
