"""Who the partners are: whether a partner is a local authority (1.12).

A shared service is joint working between local authorities; the kind checks and the shared
service's business case approvals both ask whether a partner is one.
"""

from __future__ import annotations

import re

from partnerfw.record.models import Partner, Sector

_COUNCIL_NAME = re.compile(r"\b(council|borough|district|county)\b", re.IGNORECASE)


def is_local_authority(partner: Partner) -> bool | None:
    """True or False when the record says or the sector decides; None when unsure."""
    if partner.local_authority is not None:
        return partner.local_authority
    if partner.sector is not Sector.PUBLIC:
        return False
    return True if _COUNCIL_NAME.search(partner.name) else None
