"""What an arrangement is, in the framework's terms, and why."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from partnerfw.models import Arrangement, Kind, Status
from partnerfw.policy import FlagTrigger, Policy, ResourcesTrigger

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
    "management_contract": "Contract (management agreement)",
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

    @property
    def label(self) -> str:
        return CLASS_LABELS[self.klass]


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
                references.append(trigger.reference)
            else:
                below.append(
                    f"{money(amount)} council resources < {money(trigger.amount)} threshold"
                )
                margin = trigger.amount * policy.significance.near_threshold_margin
                near = near or amount >= trigger.amount - margin
        elif _flag(arrangement, trigger):
            reasons.append(trigger.reason)
            references.append(trigger.reference)
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
