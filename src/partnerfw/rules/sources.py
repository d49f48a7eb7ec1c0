"""Which rules are the council's own choices rather than the framework's, and which policy
settings each rule uses, so ``partnerfw rules`` can say where every requirement comes from.

A rule not listed in ``LOCAL_RULES`` enforces the framework paragraph it cites (its
``reference``); one listed is a local choice of the council, with why.
"""

from __future__ import annotations

from partnerfw.policy.schema import Source
from partnerfw.rules.base import Rule

_FORMAT = (
    "partnerfw's record format: a record that cannot be read as one cannot be checked (the "
    "framework asks only for a central record, 5.6.1)"
)
LOCAL_RULES: dict[str, str] = {
    "DATA001": _FORMAT,
    "DATA002": _FORMAT,
    "DATA003": _FORMAT,
    "DATA004": _FORMAT,
    "DATA006": "keeping the register's statuses consistent with its dates, so the published "
    "register (6.6) says what is running",
    "DATA010": "values an import could not read exactly are confirmed by an officer before "
    "the central record (5.6.1) relies on them",
    "POL001": "the policy file partnerfw reads the framework from must be valid",
    "DATA020": "the council's own questions (record_fields in its policy) are answered in "
    "each record as the policy declares them",
    "REG001": "one file per arrangement, named by a unique id, is how this register is kept "
    "(5.6.1 asks for a central record)",
    "REG002": "one file per arrangement, named by a unique id, is how this register is kept "
    "(5.6.1 asks for a central record)",
    "APR007": "decisions name the policy's roles so that routes can be checked",
    "APR009": "the framework asks for approval before entering (2.11, 3.10) but not when a "
    "change needs approval again; the council re-approves a material change",
    "CLS002": "an early warning the council chose; the framework has no 'near the threshold' "
    "test (1.9)",
    "LST001": "the master lists of councillors and officers the council keeps in partnerfw.yaml",
    "LST002": "the master list of Corporate Plan objectives the council keeps in partnerfw.yaml",
    "MON009": "a reminder the council chose; the framework asks only for renewal arrangements "
    "(Appendix 3 1.2)",
}

RULE_SETTINGS: dict[str, tuple[str, ...]] = {
    "CLS002": ("significance.near_threshold_margin",),
    "MON001": ("intervals.budget_monitoring_months", "intervals.grace_days"),
    "MON002": ("intervals.performance_report_months", "intervals.grace_days"),
    "MON004": ("intervals.risk_review_months", "intervals.grace_days"),
    "MON005": ("intervals.annual_review_months", "intervals.grace_days"),
    "MON006": (
        "shared_service_review.from_year",
        "shared_service_review.interval_months",
        "intervals.grace_days",
    ),
    "MON009": ("intervals.renewal_notice_days",),
    "APR005": ("urgent_route.approval_within_days",),
    "APR009": ("approval_margin",),
    "EVA007": ("require_equalities_aims",),
    "EVA008": ("require_climate_change",),
    "EVA009": ("do_nothing_customers_and_residents",),
    "EXIT002": (
        "requirements.partnership.exit_strategy_covers",
        "requirements.shared_service.exit_strategy_covers",
    ),
    "AGR001": (
        "requirements.partnership.agreement",
        "requirements.partnership.agreement_if_public_facing",
        "requirements.shared_service.agreement",
        "requirements.shared_service.agreement_if_public_facing",
    ),
    "GOV001": ("requirements.partnership.governance", "requirements.shared_service.governance"),
    "APR003": ("approval_routes",),
    "APR004": ("approval_routes",),
}


def rule_source(rule: Rule) -> Source:
    """The framework paragraph a rule enforces, or why it is the council's own choice."""
    why = LOCAL_RULES.get(rule.code)
    return Source(local=why) if why is not None else Source(framework=rule.reference)
