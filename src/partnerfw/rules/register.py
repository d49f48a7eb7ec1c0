"""Checks across the whole register: ids are unique and each file is named after its id."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from partnerfw.findings import Finding, Severity
from partnerfw.register import LoadedRecord
from partnerfw.rules.base import RULES, Rule

RULES["REG001"] = Rule(
    "REG001",
    "register",
    "Each id used once",
    Severity.ERROR,
    "Framework 5.6.1 (central record)",
    doc="Two files with the same id make the register ambiguous.",
)
RULES["REG002"] = Rule(
    "REG002",
    "register",
    "File named after the record's id",
    Severity.ERROR,
    "Framework 5.6.1 (central record)",
    doc="register/<id>.yaml, so that links and reviews find the record.",
)


def check_register(records: list[LoadedRecord]) -> list[Finding]:
    found: list[Finding] = []
    by_id: dict[str, list[LoadedRecord]] = defaultdict(list)
    for record in records:
        by_id[record.arrangement.id].append(record)
        stem = PurePosixPath(record.file).stem
        if stem != record.arrangement.id:
            found.append(
                Finding(
                    record.file,
                    record.line_of("id"),
                    "REG002",
                    Severity.ERROR,
                    record.arrangement.id,
                    f"the file is named '{stem}' but the id is '{record.arrangement.id}': "
                    f"rename the file to {record.arrangement.id}.yaml or correct the id",
                    RULES["REG002"].reference,
                )
            )
    for record_id, same in by_id.items():
        if len(same) > 1:
            files = ", ".join(r.file for r in same)
            for record in same:
                found.append(
                    Finding(
                        record.file,
                        record.line_of("id"),
                        "REG001",
                        Severity.ERROR,
                        record_id,
                        f"the id '{record_id}' is used by {len(same)} files ({files}); give each "
                        "arrangement its own id",
                        RULES["REG001"].reference,
                    )
                )
    return found
