"""The rule catalogue: importing this package registers every rule in ``RULES``."""

from partnerfw.rules import (  # noqa: F401  (imported to register their rules)
    apr_approvals,
    cls_decided,
    cls_kinds,
    cls_outside_bodies,
    cls_significance,
    data_imported,
    data_quality,
    eva_evaluation,
    exit_strategy,
    gov_governance,
    gov_partner_decisions,
    guide_guidance,
    lst_master_lists,
    mon_audit,
    mon_monitoring,
    pur_purpose,
    reg_register,
    tml_timeline,
)
from partnerfw.rules.base import RULES, Context, Hit, Rule

__all__ = ["RULES", "Context", "Hit", "Rule"]
