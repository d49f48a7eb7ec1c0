"""``partnerfw import``: a register kept in a spreadsheet (.csv or .xlsx) becomes one record
file per row, losing nothing.

Columns are matched to record fields (``headings.guess``, or a mapping file); each cell is read
by the reader for its field (``cells``). A value read exactly goes into its field; a value that
cannot be read exactly is kept verbatim under ``imported_as_written`` (and ``check`` flags it,
DATA010); a cell in a column that names no field is kept in ``notes``. Every one of those is in
the report, with likely duplicates and rows that cannot become a record.

Nothing is misfiled without a word: a person cell with a name and a title is split
(``people``) or kept as written; a formula whose result the file does not hold is kept as
written; a kind or status is read from its words (``evidence``) or left unknown, never given
a placeholder that contradicts the sheet; every placeholder is named in the report.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnerfw.errors import NoRegisterError, UserError
from partnerfw.judge.duplicates import Candidate, LikelyDuplicate, likely_duplicates
from partnerfw.record.columns import (
    AS_WRITTEN,
    EMPTY_PART,
    Target,
    plain,
    target,
    unflatten,
    unguard,
)
from partnerfw.record.ids import is_id, slug
from partnerfw.record.models import Arrangement, Kind, Person, Sector, SharedServiceType, Status
from partnerfw.record.partial_dates import PartialDate
from partnerfw.spreadsheet import cells, evidence, people
from partnerfw.spreadsheet.headings import ENUM_WORDS, guess

PLACEHOLDER = "(to be confirmed)"
NAME_FIELDS = frozenset(
    {
        "name",
        "department",
        "title",
        "host_authority",
        "lead_organisation",
        "portfolio",
        "committee",
        "area",
        "role",
        "owner",
        "officer",
        "foi_officer",
    }
)
_REQUIRED: tuple[tuple[str, Any], ...] = (
    ("kind", Kind.PARTNERSHIP),
    ("status", Status.ACTIVE),
    ("lead_officer.name", PLACEHOLDER),
    ("department", PLACEHOLDER),
)


@dataclass
class Table:
    source: str
    headers: list[str]
    rows: list[tuple[int, list[Any]]]
    """(spreadsheet row number, cell values) for each row below the headings."""
    notes: list[str] = field(default_factory=list)
    header_row: int = 1
    """The spreadsheet row number of the column headings."""


@dataclass(frozen=True)
class Formula:
    """A workbook cell holding a formula whose result was not saved with it (openpyxl reads
    such a cell's value as empty): the formula as written, e.g. '=B2*0.25'."""

    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    path: str | None
    how: str
    left_out: bool = False


@dataclass
class RowResult:
    row: int
    name: str = ""
    record_id: str = ""
    file: str = ""
    status: str = "new"
    """new, exists, written, skipped (a likely duplicate), not imported."""
    problems: list[str] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    """(field path, text as written) kept verbatim for an officer to confirm."""
    repaired: list[tuple[str, str, str]] = field(default_factory=list)
    tidied: list[tuple[str, str, str]] = field(default_factory=list)
    in_notes: list[tuple[str, str]] = field(default_factory=list)
    placeholders: dict[str, str] = field(default_factory=dict)
    """Field path -> the value put in because the spreadsheet had none (flagged too)."""
    text: str = ""
    checks: list[str] = field(default_factory=list)
    """Things an officer should look at, e.g. an email address found in a name cell."""
    same_as: list[tuple[str, float]] = field(default_factory=list)
    """(existing record file, score) this row likely duplicates, best first."""
    read_from: dict[str, str] = field(default_factory=dict)
    """Field path -> how its value was read from the row's words, not its own cell exactly
    (e.g. "from 'company' in 'a company, not a partnership'"); flagged too."""
    read_as: dict[str, str] = field(default_factory=dict)
    """Field path -> the value read from a cell's words (see ``read_from``)."""
    unknown: dict[str, str] = field(default_factory=dict)
    """Required field path -> the sheet's text, when no value can be told from it: the field
    is left out of the record (check reports it until an officer chooses)."""


@dataclass
class ImportPlan:
    table: Table
    columns: list[Column]
    rows: list[RowResult]
    duplicates: list[LikelyDuplicate]
    register_dir: str
    written: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def has_problems(self) -> bool:
        return any(
            r.status in ("exists", "skipped", "not imported") or r.unknown for r in self.rows
        )


# Reading the file ------------------------------------------------------------------------


def read_table(
    path: Path,
    sheet: str | None = None,
    header_row: int | None = None,
    known: frozenset[str] = frozenset(),
) -> Table:
    """The spreadsheet's rows below its headings. ``header_row`` (1-based) says which row
    holds the headings; by default the row among the first few that best matches known
    headings (and the headings of a mapping file, ``known``) is taken: a title row or two
    above the headings is common."""
    if not path.is_file():
        raise UserError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if sheet is not None:
            raise UserError("--sheet only applies to .xlsx files")
        return _read_csv(path, header_row, known)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet, header_row, known)
    raise UserError(
        f"{path}: partnerfw imports .csv or .xlsx files; save the spreadsheet as "
        "one of those (in Excel: File > Save As > Excel Workbook or CSV UTF-8)"
    )


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (from its byte order mark)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 little-endian (from its byte order mark)"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 big-endian (from its byte order mark)"),
)
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
SNIFF_LINES = 20


def decode_csv(path: Path, raw: bytes) -> tuple[str, str, list[str]]:
    """The text of a CSV file, how it was read (for the report), and any warning."""
    for bom, codec, how in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), how, []
            except UnicodeDecodeError as exc:
                raise UserError(
                    f"{path}: it starts with a {how.split(' (')[0]} byte order mark but is not "
                    f"valid {how.split(' (')[0]} ({exc.reason} at byte {exc.start}); save it "
                    "again as 'CSV UTF-8'"
                ) from None
    head = raw[:400]
    if b"\x00" in head:  # UTF-16 without a byte order mark: every other byte is zero
        odd, even = head[1::2].count(0), head[0::2].count(0)
        codec = "utf-16-le" if odd > even else "utf-16-be"
        if max(odd, even) >= len(head) // 4 and min(odd, even) == 0:
            try:
                side = "little" if odd > even else "big"
                return raw.decode(codec), f"UTF-16 {side}-endian (no byte order mark)", []
            except UnicodeDecodeError:
                pass
        raise UserError(
            f"{path}: it holds zero bytes, so it is not a text CSV file partnerfw can read; "
            "save it again as 'CSV UTF-8'"
        )
    try:
        return raw.decode("utf-8"), "UTF-8", []
    except UnicodeDecodeError:
        return (
            raw.decode("cp1252", errors="replace"),
            "Windows-1252",
            [
                "the file is not UTF-8; it was read as Windows-1252 (what Excel saves as "
                "'CSV'); check the accented letters and pound signs"
            ],
        )


def sniff_delimiter(text: str) -> str:
    """The delimiter of CSV text: , ; tab or |, sniffed from its first lines (comma when
    nothing else is clear)."""
    lines = [line for line in text.splitlines() if line.strip()][:SNIFF_LINES]
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        # A title row above the headings can defeat the sniffer: take the delimiter that
        # splits the most lines into the same number (more than one) of cells.
        sniffed, most = ",", 0
        for delimiter in DELIMITERS:
            widths = [n for n in map(len, csv.reader(lines, delimiter=delimiter)) if n > 1]
            common = max(set(widths), key=widths.count, default=0)
            if widths.count(common) > most:
                sniffed, most = delimiter, widths.count(common)
    # A comma in a title row ('Register, as at 1 January') can fool both: when another
    # delimiter splits a row into clearly better headings, that one is right.
    scores = {
        delimiter: max(
            (heading_score(row) for row in csv.reader(lines[:HEADING_SEARCH], delimiter=delimiter)),
            default=0.0,
        )
        for delimiter in DELIMITERS
    }
    best = max(scores, key=lambda d: scores[d])
    return best if scores[best] > scores[sniffed] else sniffed


def _read_csv(path: Path, header_row: int | None, known: frozenset[str]) -> Table:
    text, how, notes = decode_csv(path, path.read_bytes())
    delimiter = sniff_delimiter(text)
    notes.insert(0, f"read as {how}, {DELIMITERS[delimiter]}-separated")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UserError(f"{path}: cannot read it as CSV: {exc}") from None
    return _table(path.name, [list(line) for line in lines], notes, header_row, known)


def _read_xlsx(
    path: Path, sheet: str | None, header_row: int | None, known: frozenset[str]
) -> Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise UserError(
            f"{path}: cannot open it as an Excel workbook ({exc}); save it again as .xlsx"
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UserError(
                f"{path}: no sheet named '{sheet}'; its sheets are: {', '.join(book.sheetnames)}"
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        lines = [list(values) for values in worksheet.iter_rows(values_only=True)]
        title = worksheet.title
    finally:
        book.close()
    if _has_formulas(path):
        _uncached_formulas(path, title, lines)
    return _table(f"{path.name} (sheet '{title}')", lines, [], header_row, known)


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """True when some sheet of the workbook holds a formula (a cheap look at its XML, so
    that a workbook without formulas is read once)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            sheets = [m for m in names if m.startswith("xl/worksheets/") and m.endswith(".xml")]
            return any(_FORMULA_TAG.search(archive.read(member)) for member in sheets)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    return False


def _uncached_formulas(path: Path, title: str, lines: list[list[Any]]) -> None:
    """Put the formula text (as a ``Formula``) in each cell whose saved value is empty but
    which holds a formula: a workbook written by a program that does not calculate."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        for row, written in enumerate(book[title].iter_rows(values_only=True)):
            if row >= len(lines):
                break
            for column, value in enumerate(written):
                text = getattr(value, "text", value)  # an ArrayFormula keeps it in .text
                if (
                    isinstance(text, str)
                    and text.startswith("=")
                    and column < len(lines[row])
                    and lines[row][column] is None
                ):
                    lines[row][column] = Formula(text)
    finally:
        book.close()


HEADING_SEARCH = 10
"""How many filled rows at the top are looked at for the row of column headings."""


def _table(
    source: str,
    lines: list[list[Any]],
    notes: list[str],
    header_row: int | None = None,
    known: frozenset[str] = frozenset(),
) -> Table:
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if any(_filled(c) for c in line)]
    if not numbered:
        raise UserError(
            f"{source}: the sheet is empty; it needs a row of column headings and "
            "a row per arrangement"
        )
    if header_row is not None:
        chosen = next((i for i, (n, _) in enumerate(numbered) if n == header_row), None)
        if chosen is None:
            raise UserError(
                f"{source}: --header-row {header_row}: "
                + (
                    f"the sheet has only {len(lines)} rows"
                    if header_row > len(lines)
                    else f"row {header_row} is blank"
                )
                + "; give the number of the row that holds the column headings"
            )
        why = "as --header-row says"
    else:
        chosen = heading_row(numbered[:HEADING_SEARCH], known)
        why = "it best matches known column headings; use --header-row N to choose another"
    header_number, headers_raw = numbered[chosen]
    if header_number != 1 or header_row is not None:
        above = [_row_gist(n, lines[n - 1]) for n in range(1, header_number)]
        skipped = f"; skipped above it: {', '.join(above)}" if above else ""
        notes.append(f"row {header_number} was taken as the headings ({why}){skipped}")
    width = max(len(line) for _, line in numbered[chosen:])
    headers = []
    for index in range(width):
        value = headers_raw[index] if index < len(headers_raw) else None
        raw = cells.as_text(value).strip()
        text, repaired = cells.repair_encoding(raw)
        if repaired:
            notes.append(f"repaired mis-encoded heading '{raw}' -> '{text}'")
        headers.append(text or f"(column {_letter(index)}, no heading)")
    rows = [(n, line + [None] * (width - len(line))) for n, line in numbered[chosen + 1 :]]
    return Table(source, headers, rows, notes, header_number)


def heading_row(numbered: list[tuple[int, list[Any]]], known: frozenset[str] = frozenset()) -> int:
    """Index (into ``numbered``) of the row of column headings: the first row, unless a
    later one matches known headings clearly better (at least two of them, and more than the
    first row does), as below a title row. The first of equally good rows wins."""
    first = best_score = heading_score(numbered[0][1], known) if numbered else 0.0
    best = 0
    for index, (_, line) in enumerate(numbered[1:], start=1):
        score = heading_score(line, known)
        if score >= 2 and score > max(best_score, first):
            best, best_score = index, score
    return best


def heading_score(line: list[Any], known: frozenset[str] = frozenset()) -> float:
    """How much a row looks like column headings: 1 for each heading the importer knows
    (a field name, or a heading in ``known``), a half for each it can only guess."""
    score = 0.0
    for value in line:
        if isinstance(value, str) and value.strip():
            if value.strip() in known:
                score += 1
                continue
            how = guess(value).how
            if how in ("field name", "known heading"):
                score += 1
            elif how.startswith("guessed"):
                score += 0.5
    return score


def _row_gist(number: int, line: list[Any]) -> str:
    texts = [cells.as_text(c).strip() for c in line if _filled(c)]
    if not texts:
        return f"row {number} (blank)"
    gist = " | ".join(texts)
    return f"row {number} {_quote(gist if len(gist) <= 60 else gist[:57] + '...')}"


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Matching columns to fields --------------------------------------------------------------


def read_mapping(path: Path) -> dict[str, str | None]:
    """A mapping file: ``columns: {heading: dotted.field.path, other heading: ~}``."""
    from partnerfw.record.yamlread import YamlProblem, decode, parse

    try:
        doc = parse(decode(path.read_bytes()))
    except OSError as exc:
        raise UserError(f"{path}: cannot read the mapping file: {exc.strerror}") from None
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
    from partnerfw.record.writing import dump_text

    lines = [
        f"# partnerfw import mapping for {source}: spreadsheet column -> record field.",
        "# Correct a field (a dotted path, e.g. dates.start or partners.0.sector), or put ~ to",
        "# leave a column out; then run: partnerfw import FILE --mapping THIS-FILE",
    ]
    unmapped = [c.header for c in columns if c.path is None and not c.left_out]
    lines += [f"# not mapped (kept in notes): {h}" for h in unmapped]
    body = {c.header: c.path for c in columns if c.path is not None or c.left_out}
    return "\n".join(lines) + "\n" + dump_text({"columns": body})


# Building records ------------------------------------------------------------------------


class _Row:
    """What one spreadsheet row says, field by field, while it is being read."""

    def __init__(self, result: RowResult) -> None:
        self.result = result
        self.values: dict[str, Any] = {}
        self.originals: dict[str, str] = {}
        self.soft: dict[str, Any] = {}
        self.formulas: set[str] = set()

    def set(self, path: str, value: Any, original: str) -> None:
        self.values[path] = value
        self.originals[path] = original

    def flag(self, path: str, text: str) -> None:
        self.values[f"{AS_WRITTEN}.{path}"] = text
        self.result.flagged.append((path, text))


def build_row(
    number: int, row: list[Any], columns: list[Column], today: dt.date | None = None
) -> RowResult:
    result = RowResult(number)
    state = _Row(result)
    for column in columns:
        if not column.left_out:
            _read_cell(state, column, row[column.index])
    for path, value in state.soft.items():
        if path not in state.values:
            state.values[path] = value
        elif state.values[path] != value and f"{AS_WRITTEN}.{path}" not in state.values:
            state.flag(path, str(value))  # the column's own value is kept; this one too
    name_column = next((c.header for c in columns if c.path == "name" and not c.left_out), None)
    _complete(state, name_column, today or dt.date.today())
    if result.status != "not imported":
        _validate(state)
    return result


def _read_cell(state: _Row, column: Column, raw: Any) -> None:
    if not _filled(raw):
        return
    if isinstance(raw, Formula) or (isinstance(raw, str) and raw.startswith("=")):
        _read_formula(state, column, raw.text if isinstance(raw, Formula) else raw)
        return
    unreadable = False
    if isinstance(raw, str):
        raw = unguard(raw)
        fixed, repaired = cells.repair_encoding(raw)
        if repaired:
            state.result.repaired.append((column.header, raw, fixed))
        unreadable = repaired is False
        raw = fixed
    text = cells.as_text(raw)
    found = target(column.path) if column.path else None
    if found is None:
        state.result.in_notes.append((column.header, text))
        return
    _read_value(state, found, raw, text, column.header, unreadable)


def _read_formula(state: _Row, column: Column, formula: str) -> None:
    """A formula whose result the file does not hold (a workbook saved by a program that
    does not calculate, or a CSV cell starting '='): kept as written, never dropped."""
    where = column.path or "notes"
    state.result.checks.append(
        f"{_quote(column.header)} holds the formula {_quote(formula)}, and the file does not "
        f"hold its result: kept as written ({where}); open the workbook in Excel or LibreOffice "
        "and save it, then import again, or enter the value"
    )
    if column.path is None:
        state.result.in_notes.append((column.header, formula))
    else:
        state.formulas.add(column.path)
        state.flag(column.path, formula)


def _read_value(
    state: _Row, found: Target, raw: Any, text: str, header: str, unreadable: bool
) -> None:
    path, kind = found.path, found.kind
    if path == DECIDED:
        _read_decided(state, text.strip(), header)
        return
    if kind == "text":
        value = cells.tidy(text, collapse=found.name in NAME_FIELDS)
        if value != text.strip() or (value != text and found.name in NAME_FIELDS):
            state.result.tidied.append((header, text, value))
        if _is_person(path.rsplit(".", 1)[0]) and found.name == "name":
            value = _person_name(state, path, value, header)
            if f"{AS_WRITTEN}.{path}" not in state.values:
                value = _person_title(state, path, value, header)
        elif path == "name" and (match := cells.EMAIL.search(value)):
            state.result.checks.append(
                f"the name in {_quote(header)} holds an email address ({match.group(0)}): "
                "kept as written; check it is the arrangement's name"
            )
        state.set(path, value, value)
        if unreadable:
            state.flag(path, value)
        return
    if kind == "list":
        _read_list(state, found, raw, text, header)
        return
    if kind == "model":
        if text.strip() == EMPTY_PART:
            state.set(path, EMPTY_PART, text)
        elif _is_person(path):
            _read_value(
                state, typing.cast(Target, target(f"{path}.name")), raw, text, header, unreadable
            )
        else:
            state.flag(path, text)
        return
    if path == "dates.end" and text.strip().lower() in cells.INDEFINITE:
        state.set("dates.indefinite", True, text)
        return
    reading = _reader(found)(raw)
    if not reading.exact and path in EVIDENCED:
        _read_evidence(state, found, text.strip(), header)
    elif not reading.exact:
        state.flag(path, text.strip())
    elif reading.value is not None:
        state.set(path, reading.value, text)


DECIDED = "decided_classification.classification"
_SIGNIFICANT = frozenset({"yes", "y", "true", "significant", "significant partnership"})
_OTHER = frozenset({"no", "n", "false", "other", "not significant", "non significant"})


def _read_decided(state: _Row, text: str, header: str) -> None:
    """A sheet's own 'Significant?' column: the class the council decided (significant or
    other), never a note. The record needs the decision too (who, when, its reference);
    without it the value is kept as written (see ``_decision_needed``)."""
    key = " ".join(re.findall(r"[a-z]+", text.lower()))
    if key in _SIGNIFICANT:
        state.set(DECIDED, "significant", text)
    elif key in _OTHER:
        state.set(DECIDED, "other", text)
    else:
        state.flag(DECIDED, text)
        state.result.checks.append(
            f"{_quote(header)} {_quote(text)} is not a clear yes or no: kept as written; the "
            "council's decided class is significant or other"
        )


EVIDENCED = ("kind", "status")
"""Required fields whose words are read for evidence ('a company, not a partnership') rather
than given a placeholder that could contradict them."""


def _read_evidence(state: _Row, found: Target, text: str, header: str) -> None:
    """A kind or status cell that is not one of the words read exactly: its value when its
    words give clear evidence of one (flagged to confirm), else left unknown (flagged)."""
    state.flag(found.path, text)
    seen = evidence.read(text, found.type)
    if seen is None:
        state.result.unknown[found.path] = text
        return
    state.set(found.path, seen.value, text)
    state.result.read_as[found.path] = str(plain(seen.value))
    state.result.read_from[found.path] = (
        f"from {_quote(seen.phrase)} in {_quote(header)} {_quote(text)}"
    )


def _reader(found: Target) -> typing.Callable[[Any], cells.Reading]:
    if found.kind == "enum":
        words = ENUM_WORDS.get(found.type, {})
        return lambda raw: cells.read_enum(raw, found.type, words)
    return {
        "money": cells.read_money,
        "number": cells.read_number,
        "int": cells.read_int,
        "bool": cells.read_bool,
        "date": cells.read_date,
        "partial_date": cells.read_partial_date,
    }[found.kind]


def _read_list(state: _Row, found: Target, raw: Any, text: str, header: str) -> None:
    item = typing.cast(Target, found.item)
    pieces = cells.split_list(text) if isinstance(raw, str) else [raw]
    start = 1 + max(
        (
            int(p.split(".")[found.path.count(".") + 1])
            for p in state.values
            if p.startswith(found.path + ".")
        ),
        default=-1,
    )
    for offset, piece in enumerate(pieces):
        position = f"{found.path}.{start + offset}"
        if item.kind == "model":
            inner = target(f"{position}.name")
            if inner is None:
                state.flag(found.path, text)
                return
            _read_value(state, inner, piece, cells.as_text(piece), header, False)
            if "," in cells.as_text(piece):  # one organisation, or several? an officer says
                state.flag(inner.path, state.values[inner.path])
        else:
            _read_value(
                state,
                Target(position, item.type, item.kind, item.name),
                piece,
                cells.as_text(piece),
                header,
                False,
            )


def _is_person(path: str) -> bool:
    found = target(path)
    return found is not None and found.type is Person


_ANY_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*")
"""Anything that looks like an email address, complete or not ('joanna@x')."""


def _person_name(state: _Row, path: str, value: str, header: str) -> str:
    """'Jane Smith <jane.smith@council.gov.uk>': the name, and the email for the email field.
    Split only when the email is clearly that person's; always said in the report."""
    match = cells.EMAIL.search(value) or _ANY_EMAIL.search(value)
    if match is None:
        return value
    email = match.group(0)
    complete = cells.EMAIL.fullmatch(email) is not None
    person = path.rsplit(".", 1)[0]
    rest = (value[: match.start()] + value[match.end() :]).strip(" <>()[],;:-\t")
    rest = " ".join(rest.split())
    checks = state.result.checks
    if not rest:
        if complete:
            state.soft[f"{person}.email"] = email
        state.flag(path, value)
        checks.append(
            f"{_quote(header)} holds only an email address ({email}), not a name: kept as "
            "written; put the person's name in"
        )
        return value
    if complete and same_person(rest, email):
        state.soft[f"{person}.email"] = email
        checks.append(
            f"{_quote(header)} {_quote(value)} was split into name {_quote(rest)} and "
            f"email {email}: confirm the email is theirs"
        )
        return rest
    state.flag(path, value)
    why = "does not look like this person's" if complete else "is incomplete"
    checks.append(
        f"{_quote(header)} {_quote(value)} holds an email address that {why}: kept whole, as "
        "written; check it, and give the name and the email their own columns"
    )
    return value


def _person_title(state: _Row, path: str, value: str, header: str) -> str:
    """'A Person, Director (Communities)': the name, and the title for the title field.
    Split only when one part is plainly a name and the other plainly a title; a cell with a
    title that cannot be cut that clearly is kept whole, as written, and flagged."""
    found = people.split(value)
    if found is None:
        return value
    person = path.rsplit(".", 1)[0]
    checks = state.result.checks
    if isinstance(found, people.Unsure):
        state.flag(path, value)
        checks.append(
            f"{_quote(header)} {_quote(value)} {found.why}: kept whole, as written; give the "
            f"name and the job title their own columns ({person}.name, {person}.title)"
        )
        return value
    state.soft[f"{person}.title"] = found.title
    checks.append(
        f"{_quote(header)} {_quote(value)} was split into name {_quote(found.name)} and "
        f"title {_quote(found.title)}"
    )
    return found.name


def same_person(name: str, email: str) -> bool:
    """True when the email's local part clearly names the person: it holds their surname
    ('jo.bloggs', 'jbloggs' for 'Jo Bloggs') or is just their first name ('sam@')."""
    local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if len(w) >= 2]
    if not words or not local:
        return False
    return words[-1] in local or local == words[0]


def _complete(state: _Row, name_column: str | None, today: dt.date) -> None:
    """Fill what every record needs: an id, a name, and placeholders flagged for the rest."""
    values, result = state.values, state.result
    name = values.get("name")
    if not isinstance(name, str) or not name:
        result.status = "not imported"
        if "name" in state.formulas:
            result.problems.append(
                f"its name cell holds the formula {_quote(values[AS_WRITTEN + '.name'])}, and "
                "the workbook does not hold its result: open the workbook in Excel or "
                "LibreOffice and save it, then import again"
            )
        elif name_column is not None:
            result.problems.append(
                f"its name cell (column {_quote(name_column)}) is empty: every record needs "
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
    _kind_and_status(state, today)
    for path, placeholder in _REQUIRED:
        _placeholder(state, path, placeholder)
    kind = values["kind"]
    typed_phases = any(re.fullmatch(r"phases\.\d+\.type", p) for p in values)
    if kind is Kind.SHARED_SERVICE and not typed_phases:  # the phases may give the type
        _placeholder(state, "shared_service.type", SharedServiceType.FULL_SHARED_SERVICE)
    if kind is not Kind.SHARED_SERVICE:
        for path in [p for p in values if p.startswith("shared_service.")]:
            result.in_notes.append((path, state.originals.get(path, str(values.pop(path)))))
    decided = [p for p in values if p.startswith("decided_classification.")]
    if decided and kind is not Kind.PARTNERSHIP:
        for path in decided:
            state.flag(path, state.originals.get(path, cells.as_text(plain(values.pop(path)))))
        result.checks.append(
            f"the sheet gives a decided class ({', '.join(decided)}), but only a partnership "
            f"has one and this is a {plain(kind)}: kept as written"
        )
    for path in [p for p in values if p.startswith("partners.") and p.endswith(".name")]:
        sector = path[: -len("name")] + "sector"
        _placeholder(state, sector, Sector.OTHER)


def _kind_and_status(state: _Row, today: dt.date) -> None:
    """A kind or status the row has no cell for: what its other words say (a name such as
    'Riverside Heritage Trust', shared service columns, '(closed 2019)' after the name, an
    end date that has passed), so that no placeholder contradicts them. When they point two
    ways, neither the placeholder's, the field is left unknown. A field left unknown gets a
    stand-in only while the record is validated: it is not written."""
    values, result = state.values, state.result
    name = str(values.get("name", ""))
    defaults = dict(_REQUIRED)
    for path in EVIDENCED:
        if path in values or path in result.unknown:
            continue
        seen: dict[Any, str] = {}
        if path == "kind":
            named = evidence.read(name, Kind)
            if any(p.startswith("shared_service.") for p in values):
                seen[Kind.SHARED_SERVICE] = "from its shared service columns"
        else:
            named = evidence.read(" ".join(re.findall(r"\(([^()]*)\)", name)), Status)
            end = values.get("dates.end")
            if isinstance(end, PartialDate) and end.latest < today:  # passed at its latest
                seen[Status.ENDED] = f"from its end date {end.isoformat()}, which has passed"
        if named is not None:
            seen.setdefault(named.value, f"from {_quote(named.phrase)} in the name {_quote(name)}")
        if not seen:
            continue
        said = "; ".join(f"{plain(value)} {why}" for value, why in seen.items())
        if len(seen) == 1 or defaults[path] in seen:
            value = next(iter(seen)) if len(seen) == 1 else defaults[path]
            _placeholder(state, path, value)
            result.read_from[path] = said if len(seen) > 1 else seen[value]
        else:
            result.unknown[path] = ""
            result.read_from[path] = said
            state.flag(path, "")
    for path in result.unknown:
        if path == "kind":
            shared = any(p.startswith("shared_service.") for p in values)
            values[path] = Kind.SHARED_SERVICE if shared else Kind.PARTNERSHIP
        else:
            values[path] = Status.ACTIVE


def _choices(path: str) -> str:
    enum = Kind if path == "kind" else Status
    return ", ".join(str(member.value) for member in enum)


def _placeholder(state: _Row, path: str, value: Any) -> None:
    """Put in ``value`` for a required field the row does not give, and flag it."""
    if path in state.values or path in state.result.unknown:
        return
    state.values[path] = value
    state.result.placeholders[path] = cells.as_text(plain(value))
    if f"{AS_WRITTEN}.{path}" not in state.values:
        state.flag(path, "")


def _validate(state: _Row) -> None:
    result = state.result
    for _ in range(20):
        data = unflatten(state.values)
        if result.in_notes:
            extra = "\n".join(f"{header}: {text}" for header, text in result.in_notes)
            data["notes"] = f"{data['notes']}\n{extra}" if data.get("notes") else extra
        try:
            arrangement = Arrangement.model_validate(data)
        except ValidationError as exc:
            if not _set_aside(state, exc):
                result.status = "not imported"
                result.problems.extend(_plain_errors(exc))
                return
            continue
        result.text = record_text(arrangement, leave_out=tuple(result.unknown))
        _decision_needed(state, arrangement)
        return
    result.status = "not imported"  # pragma: no cover - every pass sets a value aside
    result.problems.append("its values could not be made into a valid record")


def _decision_needed(state: _Row, arrangement: Arrangement) -> None:
    """Say why a 'Significant?' answer was kept as written: the record's decided class needs
    the decision that made it (who decided, when, and its reference)."""
    written = state.values.get(f"{AS_WRITTEN}.{DECIDED}")
    if (
        written
        and DECIDED in state.originals
        and getattr(arrangement, "decided_classification", None) is None
        and not any(DECIDED in text for text in state.result.checks)
    ):
        state.result.checks.append(
            f"the sheet says {_quote(str(written))} for {DECIDED}, but a decided class "
            "needs the decision too (decided_classification.decided_by, .date and "
            ".reference, e.g. the Cabinet minute): kept as written; add the decision"
        )


def _set_aside(state: _Row, exc: ValidationError) -> bool:
    """Move values the record refuses (and their original text) under imported_as_written."""
    moved = False
    for error in exc.errors(include_url=False):
        loc = ".".join(str(part) for part in error["loc"])
        while loc:
            inside = [
                p
                for p in state.values
                if (p == loc or p.startswith(loc + ".")) and not p.startswith(AS_WRITTEN)
            ]
            if inside and not any(p in ("id", "name") for p in inside):
                for path in inside:
                    value = state.values.pop(path)
                    text = state.originals.get(path, cells.as_text(plain(value)))
                    state.flag(path, text)
                moved = True
                break
            loc = loc.rpartition(".")[0]
    return moved


def _plain_errors(exc: ValidationError) -> list[str]:
    return [
        f"{'.'.join(str(p) for p in e['loc']) or 'the record'}: {e['msg']}"
        for e in exc.errors(include_url=False)
    ]


def record_text(arrangement: Arrangement, leave_out: tuple[str, ...] = ()) -> str:
    """The record file's YAML: only what differs from the defaults, in the model's order;
    without the top-level fields ``leave_out`` (a kind or status no one can tell yet)."""
    from partnerfw.record.writing import dump_text, quoted_where_needed

    data = plain(arrangement.model_dump(mode="python", exclude_defaults=True))
    for path in leave_out:
        data.pop(path, None)
    return dump_text(quoted_where_needed(data))


# The whole import ------------------------------------------------------------------------


def plan_import(
    table: Table,
    columns: list[Column],
    register_dir: Path,
    shown_dir: str,
    today: dt.date | None = None,
) -> ImportPlan:
    rows = [build_row(number, line, columns, today) for number, line in table.rows]
    seen: dict[str, int] = {}
    for result in rows:
        if result.status == "not imported":
            continue
        result.file = f"{shown_dir}/{result.record_id}.yaml"
        if result.record_id in seen:
            result.status = "not imported"
            result.problems.append(
                f"its id '{result.record_id}' is also row "
                f"{seen[result.record_id]}'s; add an id column to tell "
                "them apart"
            )
        elif (register_dir / f"{result.record_id}.yaml").exists():
            result.status = "exists"
        seen.setdefault(result.record_id, result.row)
        header = f"# Imported by 'partnerfw import' from {table.source}, row {result.row}.\n"
        for path, text in result.unknown.items():
            said = f"the sheet says {_quote(text)}" if text else "the sheet does not say"
            header += (
                f"# {path}: {said}, and partnerfw cannot tell which it is"
                + (f" ({result.read_from[path]})" if path in result.read_from else "")
                + f". Add a line '{path}: ...' ({_choices(path)}).\n"
            )
        for where, before, after in result.repaired:
            header += f"# Repaired mis-encoded text in {_quote(where)}: {_quote(before)} -> "
            header += f"{_quote(after)}.\n"
        if result.flagged:
            header += "# Confirm each value under imported_as_written, then delete its line.\n"
        result.text = header + result.text
    new = [Candidate(f"row {r.row}", r.name) for r in rows if r.name]
    existing = _existing(register_dir, shown_dir)
    duplicates = likely_duplicates(new, existing)
    by_label = {f"row {r.row}": r for r in rows}
    in_register = {c.label for c in existing}
    for dup in duplicates:
        if dup.second.label in in_register and dup.first.label in by_label:
            by_label[dup.first.label].same_as.append((dup.second.label, dup.score))
    for result in rows:
        result.same_as.sort(key=lambda pair: -pair[1])
    return ImportPlan(table, columns, rows, duplicates, shown_dir)


def _existing(register_dir: Path, shown_dir: str) -> list[Candidate]:
    from partnerfw.record.loading import load

    if not register_dir.is_dir():
        return []
    try:
        register = load([register_dir])
    except NoRegisterError:
        return []
    return [
        Candidate(f"{shown_dir}/{Path(r.file).name}", r.arrangement.name) for r in register.records
    ]


def write_records(plan: ImportPlan, register_dir: Path, allow_duplicates: bool = False) -> None:
    """Create the new record files; a file that exists (even one made meanwhile) is kept.
    A row that is likely the same as a record already in the register is skipped unless
    ``allow_duplicates``."""
    from partnerfw.files import FileExistsRefusal, write_atomic

    for result in plan.rows:
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


# The report ------------------------------------------------------------------------------


def render_report(plan: ImportPlan) -> str:
    table = plan.table
    out = [
        f"Importing {table.source}: {len(plan.rows)} rows, {len(table.headers)} columns "
        f"(headings in row {table.header_row})."
    ]
    out += [f"Note: {note}" for note in table.notes]
    out += ["", "Columns (heading -> record field):"]
    exact = [c for c in plan.columns if c.how == "field name"]
    others = [c for c in plan.columns if c.how != "field name"]
    if exact:
        names = ", ".join(c.header for c in exact[:6]) + (", ..." if len(exact) > 6 else "")
        out.append(f"  {len(exact)} columns are named by their record field ({names})")
    width = min(max((len(c.header) for c in others), default=0) + 2, 40)
    for column in others:
        where = column.path or "-"
        out.append(f"  {_quote(column.header):<{width}} -> {where}  ({column.how})")
    out += ["", "Rows:"]
    for result in plan.rows:
        out.extend(_row_lines(result))
    if plan.duplicates:
        out += [
            "",
            "Likely duplicates (the same arrangement under two names? check, and merge or rename):",
        ]
        for dup in plan.duplicates:
            spelt = f"; {dup.expanded}" if dup.expanded else ""
            out.append(
                f"  {dup.first.label} {_quote(dup.first.name)} and {dup.second.label} "
                f"{_quote(dup.second.name)}: score {dup.score:.2f}{spelt}"
            )
    out += ["", _summary(plan)]
    if not plan.written:
        out.append(
            "This was a preview: nothing was written. Check the columns and values above, "
            "then run again with --write (and --mapping FILE to correct a column)."
        )
    return "\n".join(out)


def _row_lines(result: RowResult) -> list[str]:
    label = f"  row {result.row:<4}"
    states = {
        "new": f"new      {result.file}",
        "written": f"written  {result.file}",
        "exists": f"EXISTS   {result.file} is already there: not written (partnerfw never "
        "overwrites; edit that file, or give this row another id)",
        "not imported": "NOT IMPORTED: " + "; ".join(result.problems),
    }
    if result.same_as:
        file, score = result.same_as[0]
        states["skipped"] = (
            f"SKIPPED: likely the same as {file} (score {score:.2f}); rerun with "
            "--allow-duplicates to create it anyway"
        )
        if result.status == "new":
            states["new"] += (
                f"  (likely the same as {file}, score {score:.2f}: --write will skip it "
                "unless --allow-duplicates)"
            )
    if result.unknown and result.status in ("new", "written"):
        states[result.status] += f"  ({' and '.join(result.unknown)} to choose: see below)"
    lines = [f"{label}  {states[result.status]}"]
    lines += [f"      check: {text}" for text in result.checks]
    for path, text in result.flagged:
        why = result.read_from.get(path, "")
        if path in result.unknown:
            said = f"the sheet says {_quote(text)}" if text else "not in the sheet"
            lines.append(
                f"      UNKNOWN, left out of the record: {path}: {said}"
                + (f" ({why})" if why else "")
                + f", and partnerfw cannot tell which it is; choose one of {_choices(path)} "
                "in the file (check reports it, DATA004, until you do)"
            )
        elif text and why:
            lines.append(
                f"      read as {_quote(result.read_as.get(path, ''))} {why}, "
                f"kept as written too, to confirm (DATA010): {path} = {_quote(text)}"
            )
        elif text:
            lines.append(f"      kept as written, to confirm (DATA010): {path} = {_quote(text)}")
        else:
            shown = _quote(result.placeholders.get(path, ""))
            if why:
                shown += f" ({why})"
            lines.append(
                f"      not in the sheet, placeholder {shown} to confirm (DATA010): {path}"
            )
    for header, before, after in result.repaired:
        lines.append(
            f"      repaired mis-encoded text in {_quote(header)}: {_quote(before)} -> "
            f"{_quote(after)}"
        )
    for header, before, after in result.tidied:
        lines.append(f"      tidied {_quote(header)}: {_quote(before)} -> {_quote(after)}")
    for header, text in result.in_notes:
        lines.append(f"      not mapped, kept in notes: {_quote(header)} = {_quote(text)}")
    return lines


def _summary(plan: ImportPlan) -> str:
    flagged = sum(len(r.flagged) for r in plan.rows)
    repaired = sum(len(r.repaired) for r in plan.rows)
    in_notes = sum(len(r.in_notes) for r in plan.rows)
    done = "written" if plan.written else "to create"
    made = plan.count("written") if plan.written else plan.count("new")
    skips = plan.count("skipped")
    skipped = f", {skips} skipped as likely duplicates" if skips else ""
    unknown = sum(1 for r in plan.rows if r.unknown and r.status in ("new", "written"))
    if unknown:
        skipped += (
            f", {unknown} without a kind or status partnerfw could tell (choose it in the file)"
        )
    return (
        f"Summary: {len(plan.rows)} rows: {made} {done}, {plan.count('exists')} already "
        f"in the register, {plan.count('not imported')} not imported{skipped}; {flagged} "
        f"values kept as written for an officer to confirm; {repaired} mis-encoded texts repaired; "
        f"{in_notes} cells kept in notes; {len(plan.duplicates)} likely duplicates."
    )


def _quote(text: str) -> str:
    return "'" + text.replace("\n", "\\n") + "'"
