"""Which rules are the council's own choices rather than the framework's, and which policy
settings each rule uses, so ``partnerfw rules`` and every finding can say what they rest on.

A rule not listed in ``LOCAL_RULES`` enforces the framework paragraph it cites (its
``reference``, which tests/test_catalogue_audit.py checks against the framework's own
paragraph numbers); one listed is a local choice of the council, with why, and cites no
paragraph as if it were the framework's. A rule of the framework may still rest a finding on a
local setting (a period the framework leaves open): that finding is marked local
(``Context.chosen``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from partnerfw.findings import Finding
from partnerfw.policy.schema import Source
from partnerfw.rules.base import Rule

_FORMAT = (
    "partnerfw's record format: a record that cannot be read as one cannot be checked (the "
    "framework asks only for a central record, 5.6.1)"
)
_REGISTER = (
    "keeping the register's records consistent with each other and over time (links, "
    "phases, partners' dates), so that the central record the framework asks for (5.6.1) can "
    "be relied on; the framework says nothing of how the record is kept"
)
_FACTS = (
    "the framework asks for approval before entering (2.11, 3.10) but says nothing of "
    "recording what a decision approved; sealing the approved facts to their decision is how "
    "this register shows what an approval covered"
)
_EXIT_STEPS = (
    "the framework asks for an exit strategy before approval and in the agreement (2.10, "
    "Appendix 3 1.8) but not for exit steps with owners and due dates once an arrangement "
    "ends; tracking them is how the council makes sure the strategy is carried out"
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
    "REG003": _REGISTER,
    "REG004": _REGISTER,
    "REG005": _REGISTER,
    "REG006": "one record per arrangement keeps the central record (5.6.1) countable; the "
    "framework does not say how a duplicate is found",
    "TML001": _REGISTER,
    "TML002": _REGISTER,
    "TML003": "Appendix 3 1.2 asks the agreement to say how it is renewed, not that each "
    "renewal names its decision; the council records the decision behind every term",
    "TML004": _REGISTER,
    "APR007": "decisions name the policy's roles so that routes can be checked",
    "APR009": "the framework asks for approval before entering (2.11, 3.10) but not when a "
    "change needs approval again; the council re-approves a material change",
    "APR010": _FACTS,
    "APR011": _FACTS,
    "CLS002": "an early warning the council chose; the framework has no 'near the threshold' "
    "test (1.9)",
    "CLS003": "the minutes put informal networks on the register as information-sharing "
    "groups that are 'not formal', but set no test; treating a council budget or staff time "
    "beyond attending as the sign of a partnership is the council's test",
    "CLS008": "1.10 leaves companies and trusts the partners create outside the framework and "
    "says nothing of contracts; managing a company or trust that runs council services under "
    "a management agreement as a contract, with its monitoring recorded, is the council's "
    "choice",
    "CLS020": "the framework does not cover appointments to outside bodies (1.7: an "
    "appointment is not an agreement to work together; 5.6.3's register is of partnerships "
    "and shared working); the council keeps its appointees current on its register",
    "EXIT004": _EXIT_STEPS,
    "EXIT005": _EXIT_STEPS,
    "GOV020": "4.3(e) asks a partnership to have rules for recording its decisions and "
    "reporting them; recording the partner authorities' own decisions, with their "
    "references, on this council's register is the council's choice",
    "LST001": "the master lists of councillors and officers the council keeps in partnerfw.yaml",
    "LST002": "the master list of Corporate Plan objectives the council keeps in partnerfw.yaml",
    "MON009": "a reminder the council chose; the framework asks only for renewal arrangements "
    "(Appendix 3 1.2)",
    "MON012": "4.10 says the risk register's format is not prescribed; the scale of likelihood "
    "and impact (risk_scale in the policy) is the council's",
    "MON021": "6.11.1 has internal audit choose audits on a risk basis in its annual needs "
    "assessment and sets no audit cycle; noting an old audit opinion for it is the council's "
    "choice",
}
"""Why each local rule is the council's own."""

PARTLY_LOCAL: dict[str, str] = {
    "APR001": "for an informal network or a commissioning arrangement, whose route "
    "(approval_routes) is the council's own, when the council asks for the opinions",
    "APR003": "for an informal network or a commissioning arrangement, whose route "
    "(approval_routes) is the council's own",
    "APR004": "for an informal network or a commissioning arrangement, whose route "
    "(approval_routes) is the council's own",
    "APR006": "how decisions are kept (each with its reference, none dated after today, "
    "listed in date order) is the council's own choice; the order of opinions, discussion "
    "and approval is the framework's (2.11, 2.11.1, 3.9)",
    "APR014": "a portfolio missing from the portfolios list the council keeps in partnerfw.yaml",
    "CLS006": "how long ad-hoc resilience stays 'short term' "
    "(kind_checks.ad_hoc_resilience_months; the framework gives no number)",
    "CLS010": "an answer the council's own significance test asks for (a trigger or "
    "question marked local)",
    "EXIT001": "asking a shared service for its exit strategy before approval (2.10 asks it "
    "of partnerships)",
    "EXIT002": "what a shared service's exit strategy must cover "
    "(requirements.shared_service.exit_strategy_covers)",
    "EVA009": "the 'do nothing' risks to customers and residents, a matter the review left "
    "open, once the council turns it on",
    "MON002": "the period of performance reports (intervals.performance_report_months)",
    "MON004": "the period of risk reviews (intervals.risk_review_months)",
    "MON006": "the period of the shared service review from year three "
    "(shared_service_review.interval_months)",
    "MON011": "the period of target reviews (intervals.target_review_months)",
    "APR005": "the approval deadline of an urgent arrangement (urgent_route.approval_within_days)",
}
"""Rules of the framework some of whose findings rest on a choice of the council's: those
findings are marked local (``Hit.local``); the rest cite the framework."""

_LABELS = {
    "DATA001": "partnerfw's record format",
    "DATA002": "partnerfw's record format",
    "DATA003": "partnerfw's record format",
    "DATA004": "partnerfw's record format",
    "POL001": "partnerfw's policy format",
}

RULE_SETTINGS: dict[str, tuple[str, ...]] = {
    "CLS002": ("significance.near_threshold_margin",),
    "CLS003": ("kind_checks.informal_network_staff_fte", "kind_checks.informal_network_staff_days"),
    "CLS006": ("kind_checks.ad_hoc_resilience_months",),
    "MON001": ("intervals.budget_monitoring_months", "intervals.grace_days"),
    "MON002": ("intervals.performance_report_months", "intervals.grace_days"),
    "MON004": ("intervals.risk_review_months", "intervals.grace_days"),
    "MON005": (
        "intervals.annual_review_window",
        "intervals.annual_review_months",
        "intervals.grace_days",
    ),
    "MON006": (
        "shared_service_review.from_year",
        "shared_service_review.interval_months",
        "intervals.grace_days",
    ),
    "MON009": ("intervals.renewal_notice_days",),
    "MON010": ("intervals.governance_review_window", "intervals.grace_days"),
    "MON011": ("intervals.target_review_months", "intervals.grace_days"),
    "MON012": ("risk_scale",),
    "MON021": ("intervals.audit_opinion_months",),
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


def local_label(code: str) -> str:
    """What a finding of the local rule ``code`` rests on, in a few words; '' for a rule of
    the framework (and for a code the catalogue does not know)."""
    if code not in LOCAL_RULES:
        return ""
    return _LABELS.get(code, "the council's own rule")


def with_basis(found: Iterable[Finding]) -> list[Finding]:
    """``found`` with each finding of a local rule marked local and its framework paragraph
    dropped: the findings made outside the rule functions (a record that cannot be read, the
    policy file, the checks across records, git) get their basis here, as the engine gives
    the rules' their own."""
    marked = []
    for finding in found:
        label = local_label(finding.rule)
        if label and not finding.local:
            finding = replace(finding, local=label, reference="")
        marked.append(finding)
    return marked
