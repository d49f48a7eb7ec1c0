"""Completing a row's record: an id; a kind and a status from its words (``row_kind``);
for each required field the row does not give, a placeholder, flagged; the sections its kind
needs (an outside body's organisation, who appointed its representatives and who they are),
flagged where the row does not give them; and what the row gives for a section its kind does
not have kept as written (or, for a partnership's council representatives, as its members),
never refused.
"""

from __future__ import annotations

import datetime as dt
import re

from partnerfw.record.columns import AS_WRITTEN, plain
from partnerfw.record.ids import is_id, slug
from partnerfw.record.models import Kind, Sector, SharedServiceType
from partnerfw.spreadsheet.cells import as_text, quoted
from partnerfw.spreadsheet.row import PLACEHOLDER, REQUIRED, Row
from partnerfw.spreadsheet.row_kind import SheetWords, kind_and_status


def complete(
    state: Row, name_column: str | None, today: dt.date, sheet: SheetWords | None = None
) -> None:
    """Fill what every record needs: an id, a name, and placeholders flagged for the rest."""
    values, result = state.values, state.result
    name = values.get("name")
    if not isinstance(name, str) or not name:
        result.status = "not imported"
        if "name" in state.formulas:
            result.problems.append(
                f"its name cell holds the formula {quoted(values[AS_WRITTEN + '.name'])}, and "
                "the workbook does not hold its result: open the workbook in Excel or "
                "LibreOffice and save it, then import again"
            )
        elif name_column is not None:
            result.problems.append(
                f"its name cell (column {quoted(name_column)}) is empty: every record needs "
                "the arrangement's name; fill it in, or delete the row if it is not an "
                "arrangement"
            )
        else:
            result.problems.append(
                "it has no name: every record needs the arrangement's name (no column is "
                "mapped to 'name': map one with --mapping, or check the headings row)"
            )
        return
    result.name = name
    given = values.get("id")
    if isinstance(given, str):
        record_id = given if is_id(given) else slug(given, max_length=80)
    else:
        record_id = slug(name)
    if isinstance(given, str) and record_id != given:
        result.tidied.append(("id", given, record_id))
    if not record_id:
        result.status = "not imported"
        result.problems.append(f"no id can be made from the name '{name}'; add an id column")
        return
    values["id"] = result.record_id = record_id
    kind_and_status(state, today, sheet or SheetWords())
    for path, placeholder in REQUIRED:
        state.placeholder(path, placeholder)
    _kind_sections(state, values["kind"])
    for path in [p for p in values if p.startswith("partners.") and p.endswith(".name")]:
        sector = path[: -len("name")] + "sector"
        state.placeholder(sector, Sector.OTHER)


def _kind_sections(state: Row, kind: Kind) -> None:
    """The sections a kind needs, and only it: a shared service's type and an outside
    body's section, flagged where the row does not give them; anything the row gives for
    another kind's section kept (in notes, as written, or as a partnership's members)."""
    values, result = state.values, state.result
    typed_phases = any(re.fullmatch(r"phases\.\d+\.type", p) for p in values)
    if kind is Kind.SHARED_SERVICE and not typed_phases:  # the phases may give the type
        state.placeholder("shared_service.type", SharedServiceType.FULL_SHARED_SERVICE)
    if kind is not Kind.SHARED_SERVICE:
        for path in [p for p in values if p.startswith("shared_service.")]:
            result.in_notes.append((path, state.originals.get(path, str(values.pop(path)))))
    if kind is Kind.OUTSIDE_BODY:
        _outside_body(state)
    else:
        _representatives_as_members(state)
    for section, owner in _KIND_SECTIONS.items():
        if kind is not owner:
            for path in [p for p in values if p.startswith(section + ".")]:
                state.flag(path, state.originals.get(path, as_text(plain(values.pop(path)))))
    decided = [p for p in values if p.startswith("decided_classification.")]
    if decided and kind is not Kind.PARTNERSHIP:
        for path in decided:
            state.flag(path, state.originals.get(path, as_text(plain(values.pop(path)))))
        result.checks.append(
            f"the sheet gives a decided class ({', '.join(decided)}), but only a partnership "
            f"has one and this is a {plain(kind)}: kept as written"
        )


_KIND_SECTIONS = {
    "outside_body": Kind.OUTSIDE_BODY,
    "commissioning": Kind.COMMISSIONING,
    "company": Kind.COMPANY_OR_TRUST,
    "management_agreement": Kind.COMPANY_OR_TRUST,
}
"""Sections of the record that belong to one kind only."""
_APPOINTEE = re.compile(r"outside_body\.appointees\.(\d+)\.name")


def _outside_body(state: Row) -> None:
    """An outside body's section, its parts the row does not give put in and flagged: the
    organisation is the row's name until an officer says otherwise."""
    values, result = state.values, state.result
    if "outside_body.organisation" not in values:
        state.placeholder("outside_body.organisation", values["name"])
        result.read_from["outside_body.organisation"] = "from the row's name"
    state.placeholder("outside_body.appointed_by", PLACEHOLDER)
    if not any(_APPOINTEE.fullmatch(p) for p in values):
        state.placeholder("outside_body.appointees.0.name", PLACEHOLDER)


def _representatives_as_members(state: Row) -> None:
    """The council's representatives on an arrangement that is not an outside body are the
    councillors involved in it: its members, their role the column's heading."""
    values = state.values
    start = 1 + max(
        (int(p.split(".")[1]) for p in values if re.fullmatch(r"members\.\d+\.name", p)),
        default=-1,
    )
    for path in sorted(p for p in values if _APPOINTEE.fullmatch(p)):
        at = f"members.{start}"
        start += 1
        original = state.originals.get(path, str(values[path]))
        state.set(f"{at}.name", values.pop(path), original)
        written = values.pop(f"{AS_WRITTEN}.{path}", None)
        if written is not None:  # flagged as written: the flag goes with it
            inner = path
            state.result.flagged = [f for f in state.result.flagged if f[0] != inner]
            state.flag(f"{at}.name", written)
        role = state.headers.get("outside_body.appointees", "council representative")
        state.set(f"{at}.role", role, original)
        state.result.tidied.append((role, original, f"{at}.name (a member, not an appointee)"))
