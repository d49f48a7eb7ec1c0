"""The rule catalogue: importing this package registers every rule in ``RULES``."""

from partnerfw.rules import (  # noqa: F401  (imported to register their rules)
    approvals,
    audit,
    data,
    decided,
    evaluation,
    exit,
    governance,
    guidance,
    imported,
    kinds,
    master_lists,
    monitoring,
    outside_bodies,
    partner_decisions,
    purpose,
    register,
    significance,
    timeline,
)
from partnerfw.rules.base import RULES, Context, Hit, Rule

__all__ = ["RULES", "Context", "Hit", "Rule"]
