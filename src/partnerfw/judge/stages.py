"""Which arrangements a requirement concerns: the kinds and the lifecycle stages, as sets.

Rules name them to say what they apply to; views, reports and ``new`` use the same sets, so a
report's 'running arrangements' are the ones the monitoring rules check.
"""

from __future__ import annotations

from partnerfw.record.models import Kind, Status

ALL_KINDS = frozenset(Kind)
EVALUATED = frozenset({Kind.PARTNERSHIP, Kind.SHARED_SERVICE})
"""The kinds evaluated before entering (a partnership, a shared service)."""
ALL_STAGES = frozenset(Status)
BEFORE_APPROVAL = frozenset({Status.PROPOSED, Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW})
"""Stages at which what was due before approval is still checked (proposed: as a to-do)."""
APPROVED_ONWARDS = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
RUNNING = frozenset({Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})
