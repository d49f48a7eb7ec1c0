"""Writing an import's records: each new row's record file, atomically, never over a file
that is already there, and not a row likely the same as a record in the register unless asked.
"""

from __future__ import annotations

from pathlib import Path

from partnerfw.files import FileExistsRefusal, write_atomic
from partnerfw.render.terminal import Progress, no_progress
from partnerfw.spreadsheet.plan import ImportPlan


def write_records(
    plan: ImportPlan,
    register_dir: Path,
    allow_duplicates: bool = False,
    progress: Progress = no_progress,
) -> None:
    """Create the new record files; a file that exists (even one made meanwhile) is kept.
    A row that is likely the same as a record already in the register is skipped unless
    ``allow_duplicates``."""
    for done, result in enumerate(plan.rows, 1):
        progress("Writing the records", done, len(plan.rows))
        if result.status != "new":
            continue
        if result.same_as and not allow_duplicates:
            result.status = "skipped"
            continue
        try:
            write_atomic(register_dir / f"{result.record_id}.yaml", result.text)
        except FileExistsRefusal:
            result.status = "exists"
            continue
        result.status = "written"
    plan.written = True
