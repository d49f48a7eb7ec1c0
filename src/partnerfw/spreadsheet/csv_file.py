"""Reading a CSV file as councils save them: its encoding (UTF-8, UTF-16 or Excel's
Windows-1252, with or without a byte order mark) and its delimiter (comma, semicolon, tab or
pipe, sniffed from its first lines even below a title row), into rows of cell texts.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.spreadsheet.headings import HEADING_SEARCH, heading_score

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


def read_csv(path: Path) -> tuple[list[list[str]], list[str]]:
    """The rows of a CSV file, and notes for the report: how it was read, and any warning."""
    text, how, notes = decode_csv(path, path.read_bytes())
    delimiter = sniff_delimiter(text)
    notes.insert(0, f"read as {how}, {DELIMITERS[delimiter]}-separated")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UserError(f"{path}: cannot read it as CSV: {exc}") from None
    return [list(line) for line in lines], notes
