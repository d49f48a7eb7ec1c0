"""What an arrangement is, in the framework's terms, and why."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from partnerfw.models import Arrangement, DecidedClassification, Kind, Status
from partnerfw.policy import FlagTrigger, Policy, ResourcesTrigger, Sourced, source_of_item

KIND_LABELS = {
    Kind.PARTNERSHIP: "Partnership",
    Kind.SHARED_SERVICE: "Shared service",
    Kind.INFORMAL_NETWORK: "Informal network",
    Kind.COMMISSIONING: "Commissioning arrangement",
    Kind.COMPANY_OR_TRUST: "Company or charitable trust",
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
}
_RESOURCE_LABELS = {
    "dedicated_budget": "budget",
    "staff_cost": "staff",
    "in_kind_value": "in kind",
}


@dataclass(frozen=True)
class Classification:
    kind: Kind
    klass: str
    """significant, other, a shared service type, informal_network, commissioning, out_of_scope."""
    reason: str
    reference: str
    council_resources: Decimal
    """What counts towards significance under this policy, in pounds."""
    near_threshold: bool = False
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


def a_class(klass: str) -> str:
    """'a significant partnership', 'an other partnership', 'an informal network'."""
    label = CLASS_LABELS[klass].lower()
    return ("an " if label[0] in "aeiou" else "a ") + label


def cite(item: Sourced) -> str:
    """A trigger's citation: its framework paragraph, or that it is the council's choice."""
    source = source_of_item(item)
    return source.framework or f"local choice of the council ({source.local})"


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


def money(amount: Decimal) -> str:
    """£62,000 or £1,250.50."""
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def counted_resources(arrangement: Arrangement, counts: list[str]) -> Decimal:
    resources = arrangement.council_resources
    return sum((getattr(resources, name) for name in counts), Decimal(0))


def classify(arrangement: Arrangement, policy: Policy) -> Classification:
    kind = arrangement.kind
    resources = _default_resources(arrangement, policy)
    if kind is Kind.SHARED_SERVICE:
        assert arrangement.shared_service is not None
        kind_of = arrangement.shared_service.type
        return Classification(
            kind,
            kind_of.value,
            f"shared service of the '{CLASS_LABELS[kind_of.value]}' kind",
            "Framework 1.12",
            resources,
        )
    if kind is Kind.INFORMAL_NETWORK:
        return Classification(
            kind,
            "informal_network",
            "an information-sharing network: on the register with light governance",
            "Framework review minutes",
            resources,
        )
    if kind is Kind.COMMISSIONING:
        return Classification(
            kind,
            "commissioning",
            "the council is paid to deliver a service: not a partnership",
            "Framework 1.14",
            resources,
        )
    if kind is Kind.COMPANY_OR_TRUST:
        return Classification(
            kind,
            "out_of_scope",
            "a company or charitable trust needs separate legal and financial arrangements",
            "Framework 1.10",
            resources,
        )
    return _significance(arrangement, policy)


def _default_resources(arrangement: Arrangement, policy: Policy) -> Decimal:
    for trigger in policy.significance.triggers:
        if isinstance(trigger, ResourcesTrigger):
            return counted_resources(arrangement, list(trigger.counts))
    return counted_resources(arrangement, list(_RESOURCE_LABELS))


def _significance(arrangement: Arrangement, policy: Policy) -> Classification:
    reasons: list[str] = []
    references: list[str] = []
    below: list[str] = []
    near = False
    total = _default_resources(arrangement, policy)
    for trigger in policy.significance.triggers:
        if isinstance(trigger, ResourcesTrigger):
            amount = counted_resources(arrangement, list(trigger.counts))
            if amount >= trigger.amount:
                reasons.append(
                    f"{money(amount)} council resources >= {money(trigger.amount)} threshold"
                )
                references.append(cite(trigger))
            else:
                below.append(
                    f"{money(amount)} council resources < {money(trigger.amount)} threshold"
                )
                margin = trigger.amount * policy.significance.near_threshold_margin
                near = near or amount >= trigger.amount - margin
        elif _flag(arrangement, trigger):
            reasons.append(trigger.reason)
            references.append(cite(trigger))
    if reasons:
        return Classification(
            Kind.PARTNERSHIP,
            "significant",
            "; ".join(reasons),
            ", ".join(dict.fromkeys(references)),
            total,
            near,
        )
    reason = "; ".join(below) if below else "no significance trigger applies"
    flags = [t for t in policy.significance.triggers if isinstance(t, FlagTrigger)]
    if flags:
        reason += "; not " + " nor ".join(t.reason for t in flags)
    return Classification(Kind.PARTNERSHIP, "other", reason, "Framework 1.9", total, near)


def _flag(arrangement: Arrangement, trigger: FlagTrigger) -> bool:
    if trigger.field == "members_on_board":
        return any(member.on_board for member in arrangement.members)
    return bool(getattr(arrangement, trigger.field))
