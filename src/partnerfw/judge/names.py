"""People's names as the master lists compare them: 'Cllr  David Marsh, Leader' is David Marsh.

The master-list rules and the Portfolio Holder check (APR014) match a name the record gives
against partnerfw.yaml's lists this way.
"""

from __future__ import annotations

import re

_TITLE = re.compile(r"^(cllr\.?|councillor)\s+", re.IGNORECASE)


def normal(name: str) -> str:
    """'Cllr  David Marsh, Leader' -> 'david marsh': case, spacing, 'Cllr' and a trailing
    ', job title' do not matter."""
    name = name.split(",")[0]
    return _TITLE.sub("", " ".join(name.split())).casefold()
