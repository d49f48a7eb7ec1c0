"""Which record field each column of a spreadsheet fills: guessed from its heading
(``headings.guess``), or said by a mapping file (``--mapping``), which ``--save-mapping``
writes for an officer to correct.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.files import UnreadableFile, read_limited
from partnerfw.record.columns import ERRORS, target
from partnerfw.record.writing import dump_text
from partnerfw.record.yamlread import MAX_BYTES, YamlProblem, decode, parse
from partnerfw.spreadsheet.headings import guess


@dataclass(frozen=True)
class Column:
    """A column of the sheet, and the record field it fills (None: kept in notes)."""

    index: int
    header: str
    path: str | None
    how: str
    left_out: bool = False


def read_mapping(path: Path) -> dict[str, str | None]:
    """A mapping file: ``columns: {heading: dotted.field.path, other heading: ~}``."""
    try:  # an ordinary file of a sane size only: a pipe or a link to /dev/zero must not hang
        doc = parse(decode(read_limited(path, MAX_BYTES)))
    except UnreadableFile as exc:
        raise UserError(f"{path}: cannot read the mapping file: it {exc.reason}") from None
    except YamlProblem as problem:
        raise UserError(f"{path}, line {problem.line}: {problem.message}") from None
    columns = doc.data.get("columns") if isinstance(doc.data, dict) else None
    if not isinstance(columns, dict):
        raise UserError(
            f"{path}: a mapping file needs 'columns:' with one line per column, "
            "e.g.  Partnership name: name"
        )
    mapping: dict[str, str | None] = {}
    for heading, value in columns.items():
        line = doc.line_of(("columns", heading))
        if value is not None and (not isinstance(value, str) or target(value) is None):
            raise UserError(
                f"{path}, line {line}: '{value}' is not a field of a record; use a "
                "dotted path such as name, dates.start, partners, partners.0.sector "
                "or council_resources.dedicated_budget, or ~ to leave it out"
            )
        mapping[str(heading)] = value
    return mapping


def check_headings(
    mapping: dict[str, str | None], headers: list[str], path: Path, source: str
) -> None:
    """Refuse a mapping file that names a column the sheet does not have."""
    for heading in mapping:
        if heading not in headers:
            raise UserError(
                f"{path}: the column '{heading}' is not in {source}; "
                f"its columns are: {', '.join(headers)}"
            )


_ERRORS_LEFT_OUT = (
    "left out: the errors partnerfw export listed for the record ('partnerfw check' finds "
    "what is still wrong)"
)


def match_columns(headers: list[str], mapping: dict[str, str | None] | None = None) -> list[Column]:
    mapping = mapping or {}
    columns: list[Column] = []
    taken: dict[str, str] = {}
    for index, header in enumerate(headers):
        if header in mapping:
            path = mapping[header]
            if path is None:
                columns.append(Column(index, header, None, "left out (mapping file)", True))
                continue
            how = "mapping file"
        elif header == ERRORS:
            columns.append(Column(index, header, None, _ERRORS_LEFT_OUT, True))
            continue
        else:
            found = guess(header)
            path, how = found.path, found.how
        if path is not None and path in taken:
            how = f"not mapped: '{taken[path]}' already fills {path}; kept in notes"
            path = None
        if path is not None:
            taken[path] = header
        columns.append(
            Column(
                index,
                header,
                path,
                how
                if path
                else (how if how.startswith("not mapped:") else "not mapped: kept in notes"),
            )
        )
    return columns


def mapping_text(source: str, columns: list[Column]) -> str:
    """The mapping in use, as a file to edit and pass back with ``--mapping``."""
    lines = [
        f"# partnerfw import mapping for {source}: spreadsheet column -> record field.",
        "# Correct a field (a dotted path, e.g. dates.start or partners.0.sector), or put ~ to",
        "# leave a column out; then run: partnerfw import FILE --mapping THIS-FILE",
    ]
    unmapped = [c.header for c in columns if c.path is None and not c.left_out]
    lines += [f"# not mapped (kept in notes): {h}" for h in unmapped]
    body = {c.header: c.path for c in columns if c.path is not None or c.left_out}
    return "\n".join(lines) + "\n" + dump_text({"columns": body})
