"""Checks across the whole register: ids are unique, each file is named after its id, and
no arrangement is entered twice under two names, and the links between records
(predecessors, successors, parent) hold together."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator
from pathlib import PurePosixPath

from partnerfw.findings import Finding, Severity
from partnerfw.judge.duplicates import candidates
from partnerfw.judge.duplicates_known import remembered_duplicates
from partnerfw.record.loading import LoadedRecord
from partnerfw.rules.base import RULES, Rule, register_check

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
        "Two records whose names look alike may be one arrangement entered twice, as a "
        "spreadsheet import often brings: an acronym and its long name ('Thamesbridge CSP', "
        "'HWB' for Health and Wellbeing Board), an acronym with a slip ('LCSB' for 'LSCB'), "
        "'Finance' and 'Financial Services', 'Leisure Ltd' and 'Leisure Limited', 'Legal "
        "Service' and 'Shared Legal Service between Thamesbridge and Medley', a body under its "
        "old and new names ('CDRP' and 'Community Safety Partnership'), or a record named like "
        "another's predecessor or successor. Records linked as predecessor and successor are "
        "one arrangement's history and never reported; different services that share a "
        "partner ('Shared Legal Service with Medley', 'Shared HR Service with Medley') are not "
        "either. Merge the two, or list the other's id under distinct_from in one of them."
    ),
)

RULES["REG003"] = Rule(
    "REG003",
    "register",
    "Linked records exist",
    Severity.ERROR,
    "Framework 5.6.1 (central record)",
    doc="Each id under links (predecessors, successors, parent) is the id of a record on the "
    "register, so that the timeline of a replaced or umbrella arrangement can be followed.",
)
RULES["REG004"] = Rule(
    "REG004",
    "register",
    "Predecessor and successor point both ways",
    Severity.WARNING,
    "Framework 5.6.1 (central record)",
    doc="When a record names another as its successor, that one names it as a predecessor, "
    "and the other way round, so both pages show the change.",
)
RULES["REG005"] = Rule(
    "REG005",
    "register",
    "Links do not loop",
    Severity.ERROR,
    "Framework 5.6.1 (central record)",
    doc="A record is not its own predecessor, successor or parent, and following parents "
    "never comes back to where it began.",
)


@register_check
def check_register(records: list[LoadedRecord], elsewhere: Collection[str] = ()) -> list[Finding]:
    """The checks across records. ``elsewhere`` holds the ids of records on the register that
    were not loaded (a check of some files only): links to them are not called unknown."""
    found = _ids_and_files(records)
    found.extend(_likely_duplicates(records))
    found.extend(check_links(records, elsewhere))
    return found


def _likely_duplicates(records: list[LoadedRecord]) -> list[Finding]:
    """REG006 in both records of each pair, each naming the other's file and line."""
    by_file = {r.file: r for r in records}
    found = []
    pairs = remembered_duplicates(candidates(records))
    for pair in pairs:
        first, second = by_file[pair.first.label], by_file[pair.second.label]
        a, b = first.outline, second.outline
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
                    this.outline.id,
                    f"'{this.outline.name}' may be the same arrangement as "
                    f"'{other.outline.name}' ({other.file}:{other.line_of('name')}, {how}): "
                    "merge the two records into one, or if they are different arrangements "
                    f"add 'distinct_from: [{other.outline.id}]' to this record",
                    RULES["REG006"].reference,
                )
            )
    return found


def _ids_and_files(records: list[LoadedRecord]) -> list[Finding]:
    found: list[Finding] = []
    by_id: dict[str, list[LoadedRecord]] = defaultdict(list)
    for record in records:
        by_id[record.outline.id].append(record)
        stem = PurePosixPath(record.file).stem
        if stem != record.outline.id:
            found.append(
                Finding(
                    record.file,
                    record.line_of("id"),
                    "REG002",
                    Severity.ERROR,
                    record.outline.id,
                    f"the file is named '{stem}' but the id is '{record.outline.id}': "
                    f"rename the file to {record.outline.id}.yaml or correct the id",
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


def check_links(records: list[LoadedRecord], elsewhere: Collection[str] = ()) -> list[Finding]:
    loaded = {r.outline.id: r for r in records}
    known = [*loaded, *elsewhere]
    suggestions: dict[str, str | None] = {}

    def likely(other: str) -> str | None:
        # One search of the register per distinct unknown id: records copied from one another
        # often name the same missing id, and each search compares it with every id.
        if other not in suggestions:
            close = difflib.get_close_matches(other, known, n=1, cutoff=0.6)
            suggestions[other] = close[0] if close else None
        return suggestions[other]

    found: list[Finding] = []
    for record in records:
        found.extend(_links_of(record, loaded, elsewhere, likely))
    return found


def _finding(record: LoadedRecord, path: tuple[str | int, ...], code: str, message: str) -> Finding:
    return Finding(
        record.file,
        record.line_of(*path),
        code,
        RULES[code].severity,
        record.outline.id,
        message,
        RULES[code].reference,
    )


_BACK = {"successors": "predecessors", "predecessors": "successors"}
_ONE = {"successors": "successor", "predecessors": "predecessor", "parent": "parent"}


def _links_of(
    record: LoadedRecord,
    loaded: dict[str, LoadedRecord],
    elsewhere: Collection[str],
    likely: Callable[[str], str | None],
) -> Iterator[Finding]:
    links = record.outline.links
    me = record.outline.id
    named: list[tuple[str, tuple[str | int, ...], str]] = [
        (which, ("links", which, i), other)
        for which in ("predecessors", "successors")
        for i, other in enumerate(getattr(links, which))
    ]
    if links.parent is not None:
        named.append(("parent", ("links", "parent"), links.parent))
    for which, path, other in named:
        if other == me:
            yield _finding(
                record,
                path,
                "REG005",
                f"links.{which} names this record itself ('{me}'): a record cannot be its own "
                f"{_ONE[which]}; remove it",
            )
            continue
        target = loaded.get(other)
        if target is None:
            if other not in elsewhere:
                yield _finding(record, path, "REG003", _unknown(which, other, likely(other)))
            continue
        back = _BACK.get(which)
        if back is not None and me not in getattr(target.outline.links, back):
            yield _finding(
                record,
                path,
                "REG004",
                f"this record names '{other}' as its {_ONE[which]}, but {target.file} does "
                f"not name '{me}' under links.{back}: add it there, or correct this link",
            )
    loop = _parent_loop(me, loaded)
    if loop:
        yield _finding(
            record,
            ("links", "parent"),
            "REG005",
            f"following each record's links.parent comes back here ({' -> '.join(loop)}): an "
            "umbrella programme cannot be part of one of its own parts; correct a parent",
        )


def _unknown(which: str, other: str, close: str | None) -> str:
    message = f"links.{which} names '{other}', which is not the id of any record on the register"
    if close:
        return f"{message}; did you mean '{close}'?"
    return f"{message}: correct the id (the record's file is register/<id>.yaml)"


def _parent_loop(start: str, loaded: dict[str, LoadedRecord]) -> list[str]:
    """The ids from ``start`` round its parents back to ``start``, or [] when there is no
    loop through it."""
    chain = [start]
    current = loaded.get(start)
    while current is not None and current.outline.links.parent is not None:
        parent = current.outline.links.parent
        if parent == start:
            return [*chain, start] if len(chain) > 1 else []  # itself: reported on its own
        if parent in chain:
            return []  # a loop further up, reported by the records on it
        chain.append(parent)
        current = loaded.get(parent)
    return []
