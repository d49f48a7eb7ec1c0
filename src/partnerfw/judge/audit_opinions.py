"""Internal audit's opinions on an arrangement (6.3, 6.11): the latest one, and which are weak.

The monitoring rules and the governance paper read an arrangement's audit history the same
way: the most recent opinion counts, and limited or no assurance calls for action.
"""

from __future__ import annotations

from partnerfw.record.models import AssuranceLevel, AuditOpinion

WEAK = frozenset({AssuranceLevel.LIMITED, AssuranceLevel.NO_ASSURANCE})
"""The opinions the responsible Director must act on (6.3)."""


def latest_opinion(opinions: list[AuditOpinion]) -> tuple[int, AuditOpinion] | None:
    """The most recent audit opinion and its index (the last written wins a tie)."""
    if not opinions:
        return None
    index = max(range(len(opinions)), key=lambda i: (opinions[i].date, i))
    return index, opinions[index]
