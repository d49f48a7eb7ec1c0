"""What of a record may be published: the parts it lists under ``confidential:`` (Framework 6.5).

Paths are dotted, with list positions counted from 0 (``partners.2``,
``monitoring.risk_register.1``), as ``rules/data.py`` checks them. A part is hidden when it or
a part containing it is listed; an aggregate (a total, a reason quoting an amount) is held back
when anything inside it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from partnerfw.record.columns import AS_WRITTEN, withheld, withheld_paths
from partnerfw.record.models import Arrangement
from partnerfw.record.money import money


class Redaction:
    """Which parts of one record may be shown: its ``confidential`` dotted paths, if public."""

    def __init__(
        self, arrangement: Arrangement, document_data: Any, public: bool, contact_details: bool
    ) -> None:
        self.public = public
        self.contact_details = contact_details or not public
        self.paths = [tuple(p.split(".")) for p in arrangement.confidential] if public else []
        self.withheld = (
            withheld_paths(arrangement.confidential, self.contact_details) if public else []
        )
        """As ``export`` withholds columns: also the ``imported_as_written`` entries of them."""
        as_written = [
            text
            for key, text in arrangement.imported_as_written.items()
            if public and withheld(f"{AS_WRITTEN}.{key}", self.withheld)
        ]
        self.as_written_hidden = bool(as_written)
        self.strings = sorted(
            {s for p in self.paths for s in secret_strings(_at(document_data, p)) if len(s) >= 3}
            | {s for s in as_written if len(s) >= 3},
            key=len,
            reverse=True,
        )
        """Text of the confidential parts (and numbers as pounds), to keep out of findings."""

    def hidden(self, *path: str | int) -> bool:
        """True when this part, or a part containing it, is confidential. An
        ``imported_as_written`` entry (``hidden('imported_as_written', 'partners.0.name')``)
        is hidden when the part it stands for is, as ``export`` decides it."""
        if len(path) > 1 and path[0] == AS_WRITTEN and self.withheld:
            return withheld(".".join(str(p) for p in path), self.withheld)
        if not self.paths:
            return False
        parts = tuple(str(p) for p in path)
        return any(parts[: len(p)] == p for p in self.paths)

    def touched(self, *path: str | int) -> bool:
        """True when this part or anything inside it is confidential."""
        parts = tuple(str(p) for p in path)
        return any(p[: len(parts)] == parts or parts[: len(p)] == p for p in self.paths)

    def text(self, value: object, *path: str | int) -> str | None:
        if value is None or value == "" or self.hidden(*path):
            return None
        return str(value)

    def leaks(self, text: str) -> bool:
        return any(s in text for s in self.strings)


def _at(data: Any, path: tuple[str, ...]) -> Any:
    current = data
    for part in path:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def secret_strings(data: Any) -> Iterable[str]:
    """Every way a confidential value could show in text: strings, and amounts as written,
    as money (£12,000) and with thousands separators."""
    if isinstance(data, dict):
        for value in data.values():
            yield from secret_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from secret_strings(value)
    elif isinstance(data, int | float | Decimal) and not isinstance(data, bool):
        amount = Decimal(str(data))
        yield from (str(data), money(amount), f"{amount:,}")
    elif data is not None and not isinstance(data, bool):
        yield str(data)
