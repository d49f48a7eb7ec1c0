"""The bundled example register's figures, pinned in one place.

The register of the fictional Thamesbridge Borough Council (register/, partnerfw.yaml) as
`partnerfw check --today 2026-11-23` (``tests.conftest.TODAY``) judges it, outside git. The
tests that count its arrangements or findings read them from here, so a new record or a
changed rule is one edit here, not a hunt through the suite. The documentation quotes the same
figures from docs/generated/, which docs/figures.py computes (`make docs-figures`).
"""

from __future__ import annotations

ARRANGEMENTS = 17
"""Arrangements in the register, one record file each."""
ERRORS = 10
WARNINGS = 58
NOTES = 8
"""Findings of severity info."""
SHARED_SERVICES = 4
"""Arrangements of the kind shared service."""

SUMMARY = {
    "files": ARRANGEMENTS,
    "records": ARRANGEMENTS,
    "error": ERRORS,
    "warning": WARNINGS,
    "info": NOTES,
}
"""The ``summary`` of `partnerfw check --format json --today 2026-11-23`."""
