"""The rules: the framework's requirements as small named checks, and the engine that runs them.

``base`` says what a rule is; each rule module is named by its code prefix (``apr_`` approvals
and what an approval covers, ``cls_`` classification, ``data_`` data quality, ``eva_``
evaluation, with the Appendix 1 form and the Appendix 2 business case, ``exit_``, ``gov_``
governance, ``guide_`` guidance, ``lst_`` master lists, ``mon_`` monitoring, ``pur_``
purpose, ``reg_`` the register as a whole, ``tml_`` timelines); ``sources`` says which rules
and findings are the council's own choices rather than the framework's; importing
this package registers them all in the catalogue (``RULES``, and ``REGISTER_CHECKS`` for the
checks across records), and only this package imports the rule modules: what other code shares
with them lives in ``judge``. ``engine`` runs the catalogue over a register and returns a
``CheckResult`` of findings. No git (a step the command adds), no printing, no clock.
"""

from partnerfw.rules import (  # noqa: F401  (imported to register their rules)
    apr_approvals,
    apr_approved_facts,
    apr_route_followed,
    cls_decided,
    cls_kinds,
    cls_outside_bodies,
    cls_significance,
    data_imported,
    data_quality,
    eva_business_case,
    eva_evaluation,
    eva_form,
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
from partnerfw.rules.base import REGISTER_CHECKS, RULES, Context, Hit, Rule

__all__ = ["REGISTER_CHECKS", "RULES", "Context", "Hit", "Rule"]
