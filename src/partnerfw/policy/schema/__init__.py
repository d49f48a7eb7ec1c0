"""The schema of policy as data: an edition of the framework and ``partnerfw.yaml``.

An edition (``policy/editions/<name>.yaml`` inside the package) is a ``Policy`` (``edition``):
the classes of partnership with the test or scorecard that reaches each (``classes``,
checked with the rest of the policy in ``class_checks``; the test language is
``policy.significance_tests``, the scorecard ``policy.scorecard``), approval routes and the
conflicts between the framework's paragraphs (``routes``), the items each kind requires
(``requirements``), review intervals (``intervals``), the roles (``roles``), what is published
(``publication``), the red/amber/green rating (``governance_rating``), the risk scale, heat-map
bands and scrutiny score (``risk_scales``), rule settings (``rule_settings``), the matters the
framework review leaves open (``open_matters``) and where the edition stands (``adoption``),
each setting with its source (``sources``). A register repository's ``partnerfw.yaml``
(``settings``, with the published site's parts in ``site`` and the committee papers' in
``papers``) picks an edition and overrides parts of it (``overrides``); the merged result is
validated here like a record is, and ``setting_list`` lists its settings by dotted path.
Import every name from ``partnerfw.policy.schema``.
"""

from partnerfw.policy.schema.adoption import Adoption, EditionState, Milestone
from partnerfw.policy.schema.base import DEFAULT_EDITION, EDITIONS, PolicyModel
from partnerfw.policy.schema.classes import (
    DEFAULT_CLASSES,
    ClassDefinition,
    ClassIntervals,
    ClassScheme,
    PartnershipClass,
)
from partnerfw.policy.schema.edition import Policy
from partnerfw.policy.schema.governance_rating import GovernanceRating, RatingBand
from partnerfw.policy.schema.intervals import Intervals, SharedServiceReview
from partnerfw.policy.schema.open_matters import OpenMatter
from partnerfw.policy.schema.overrides import deep_merge, edition_text, merge_overrides
from partnerfw.policy.schema.papers import ContactOfficer, Implications, PaperDetails, Papers
from partnerfw.policy.schema.publication import Publication
from partnerfw.policy.schema.requirements import EXIT_FIELDS, KindChecks, Requirements
from partnerfw.policy.schema.risk_scales import RiskBand, RiskScale, ScrutinyScore, band_of
from partnerfw.policy.schema.roles import Role
from partnerfw.policy.schema.routes import ApprovalRoute, RouteConflict, UrgentRoute
from partnerfw.policy.schema.rule_settings import Code, RuleSetting
from partnerfw.policy.schema.setting_list import NOT_SETTINGS, setting_paths
from partnerfw.policy.schema.settings import Council, Draft, InForce, MasterLists, Settings
from partnerfw.policy.schema.site import (
    OGL_V3_URL,
    Accessibility,
    AccessibilityContact,
    CmsSettings,
    Licence,
    OpenData,
    SiteSettings,
    Theme,
)
from partnerfw.policy.schema.sources import Source, source_of_item

__all__ = [
    "DEFAULT_CLASSES",
    "DEFAULT_EDITION",
    "EDITIONS",
    "EXIT_FIELDS",
    "NOT_SETTINGS",
    "OGL_V3_URL",
    "Accessibility",
    "AccessibilityContact",
    "Adoption",
    "ApprovalRoute",
    "ClassDefinition",
    "ClassIntervals",
    "ClassScheme",
    "CmsSettings",
    "Code",
    "ContactOfficer",
    "Council",
    "Draft",
    "EditionState",
    "GovernanceRating",
    "Implications",
    "InForce",
    "Intervals",
    "KindChecks",
    "Licence",
    "MasterLists",
    "Milestone",
    "OpenData",
    "OpenMatter",
    "PaperDetails",
    "Papers",
    "PartnershipClass",
    "Policy",
    "PolicyModel",
    "Publication",
    "RatingBand",
    "Requirements",
    "RiskBand",
    "RiskScale",
    "Role",
    "RouteConflict",
    "RuleSetting",
    "ScrutinyScore",
    "Settings",
    "SharedServiceReview",
    "SiteSettings",
    "Source",
    "Theme",
    "UrgentRoute",
    "band_of",
    "deep_merge",
    "edition_text",
    "merge_overrides",
    "setting_paths",
    "source_of_item",
]
