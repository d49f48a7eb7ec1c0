"""Checks across the whole register: ids are unique, each file is named after its id, and
no arrangement is entered twice under two names."""

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
RULES["REG006"] = Rule(
    "REG006",
    "register",
    "Each arrangement recorded once",
    Severity.WARNING,
    "Framework 5.6.1 (central record)",
    doc=(
        "Two records whose names look alike ('Thamesbridge CSP' and 'Thamesbridge Community "
        "Safety Partnership', 'Leisure Ltd' and 'Leisure Limited', 'Legal Service' and 'Shared "
        "Legal Service between Thamesbridge and Medley') may be one arrangement entered twice, "
        "as a spreadsheet import often brings. Merge them, or list the other's id under "
        "distinct_from in one of them."
    ),
)


def check_register(records: list[LoadedRecord]) -> list[Finding]:
    found = _ids_and_files(records)
    found.extend(_likely_duplicates(records))
    return found


def _likely_duplicates(records: list[LoadedRecord]) -> list[Finding]:
    """REG006 in both records of each pair, each naming the other's file and line."""
    from partnerfw.duplicates import Candidate, likely_duplicates

    by_file = {r.file: r for r in records}
    found = []
    pairs = likely_duplicates([Candidate(r.file, r.arrangement.name) for r in records], [])
    for pair in pairs:
        first, second = by_file[pair.first.label], by_file[pair.second.label]
        a, b = first.arrangement, second.arrangement
        if a.id == b.id or b.id in a.distinct_from or a.id in b.distinct_from:
            continue
        how = f"score {pair.score:.2f}" + (f"; {pair.expanded}" if pair.expanded else "")
        for this, other in ((first, second), (second, first)):
            found.append(
                Finding(
                    this.file,
                    this.line_of("name"),
                    "REG006",
                    Severity.WARNING,
                    this.arrangement.id,
                    f"'{this.arrangement.name}' may be the same arrangement as "
                    f"'{other.arrangement.name}' ({other.file}:{other.line_of('name')}, {how}): "
                    "merge the two records into one, or if they are different arrangements "
                    f"add 'distinct_from: [{other.arrangement.id}]' to this record",
                    RULES["REG006"].reference,
                )
            )
    return found


def _ids_and_files(records: list[LoadedRecord]) -> list[Finding]:
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
