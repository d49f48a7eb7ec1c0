"""Values brought in by ``partnerfw import`` that an officer still has to confirm."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.rules.base import Context, Hit, rule


@rule(
    "DATA010",
    "data quality",
    "Imported values confirmed",
    Severity.WARNING,
    "Framework 5.6.1 (central record)",
)
def imported_as_written(ctx: Context) -> Iterator[Hit]:
    """``partnerfw import`` keeps every spreadsheet value it could not read exactly (e.g.
    'just under £14,000', 'April 2016', 'in kind') verbatim under ``imported_as_written``
    rather than guess. Each one is reported until an officer enters the exact value in the
    field (or confirms the one there) and deletes the line, so the central record holds only
    figures somebody has checked."""
    for path, text in ctx.arrangement.imported_as_written.items():
        if text:
            said = (
                f"{path} was imported as '{text}', which partnerfw could not read exactly: "
                f"enter the exact value under {path} (or confirm the one there)"
            )
        else:
            said = (
                f"{path} was not in the spreadsheet, so a placeholder was put in: enter the "
                f"right value under {path}"
            )
        yield Hit(
            f"{said}, then delete this line from imported_as_written", ("imported_as_written", path)
        )
