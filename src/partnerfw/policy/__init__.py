"""Policy as data: what the council's framework asks, and which edition is in force when.

The schema of an edition and of ``partnerfw.yaml`` (``schema/``: ``edition`` holds the
``Policy``, built from ``routes``, ``requirements``, ``intervals``, ``roles``, ``publication``,
``governance_rating``, ``rule_settings``, ``adoption`` and ``sources``; ``settings`` and
``site`` hold ``partnerfw.yaml``'s ``Settings``; ``classes`` the classes of partnership and
``class_checks`` their checks; ``overrides`` reads the built-in editions and merges a council's
overrides; import them all from ``partnerfw.policy.schema``), the test language that reaches a
class (``significance_tests``, with its leaves in ``test_leaves``), the points scorecard
(``scorecard``), the built-in editions (``editions/*.yaml``), the one schedule of editions in
force by date (``schedule``), loading a register repository's ``partnerfw.yaml`` (``project``)
and choosing a policy to compare with (``compared``). It reads records' types but never judges
a record.
"""
