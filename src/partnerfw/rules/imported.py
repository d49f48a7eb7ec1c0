"""Values brought in by ``partnerfw import`` that an officer still has to confirm."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.rules.base import Context, Hit, rule


@rule("DATA010", "data quality", "Imported values confirmed", Severity.WARNING,
      "Framework 5.6.1 (central record)")
def imported_as_written(ctx: Context) -> Iterator[Hit]:
    """``partnerfw import`` keeps every spreadsheet value it could not read exactly (e.g.
    'just under £14,000', 'April 2016', 'in kind') verbatim under ``imported_as_written``
    rather than guess. Each one is reported until an officer enters the exact value in the
    field (or confirms the one there) and deletes the line, so the central record holds only
    figures somebody has checked."""
    for path, text in ctx.arrangement.imported_as_written.items():
        original = f"'{text}'" if text else "nothing (a placeholder was put in)"
        yield Hit(f"{path} was imported from the spreadsheet as {original}, which could not be "
                  f"read exactly; enter the exact value in {path} (or confirm the one there), "
                  "then delete this line from imported_as_written", ("imported_as_written", path))
