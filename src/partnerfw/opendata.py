"""The register as open data: ``register.csv`` and ``register.json``, and their dictionary.

Both files are made from the public view, so nothing confidential reaches them. The CSV is safe
to open in a spreadsheet: a cell that starts with ``= + - @``, a tab or a carriage return is
prefixed with a single quote so it is shown as text, never run as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

OPEN_DATA_VERSION = 1
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class OpenColumn:
    name: str
    type: str
    description: str


COLUMNS = (
    OpenColumn("id", "text", "Short identifier of the arrangement; also its page's name."),
    OpenColumn("name", "text", "Name of the arrangement as the public would know it."),
    OpenColumn(
        "kind",
        "text",
        "partnership, shared_service, informal_network, commissioning or company_or_trust.",
    ),
    OpenColumn(
        "classification",
        "text",
        "significant or other (partnerships); the kind of "
        "shared service; informal_network, commissioning, out_of_scope (a company or trust "
        "outside the framework) or management_contract (a company or trust running council "
        "services under a management agreement).",
    ),
    OpenColumn(
        "classification_reason",
        "text",
        "Why it has that classification under the council's policy.",
    ),
    OpenColumn("status", "text", "proposed, approved, active, under_review, ending or ended."),
    OpenColumn("summary", "text", "What the arrangement does, in a sentence or two."),
    OpenColumn("lead_department", "text", "The council department that leads it."),
    OpenColumn("lead_officer", "text", "The council's lead officer."),
    OpenColumn(
        "lead_officer_email",
        "text",
        "The lead officer's work email, only if the council "
        "publishes contact details; empty otherwise.",
    ),
    OpenColumn(
        "lead_officer_phone",
        "text",
        "The lead officer's work phone, only if the council "
        "publishes contact details; empty otherwise.",
    ),
    OpenColumn("portfolio", "text", "The Cabinet portfolio it falls under."),
    OpenColumn("committee", "text", "The Cabinet Committee that receives its reports."),
    OpenColumn(
        "start_date",
        "date",
        "Date it started or starts: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or "
        "year is known.",
    ),
    OpenColumn(
        "end_date",
        "date",
        "Date it is due to end or ended (YYYY-MM-DD, YYYY-MM or YYYY); empty if none.",
    ),
    OpenColumn("indefinite", "boolean", "true when it has no end date."),
    OpenColumn(
        "partners",
        "list",
        "The other organisations, including any that have left. CSV: 'name (sector, "
        "contribution, joined YYYY-MM, left YYYY)' separated by semicolons; JSON: a list of "
        "objects with name, sector, contribution, joined, left (YYYY-MM-DD, YYYY-MM or YYYY, "
        "or null) and current (false once it has left).",
    ),
    OpenColumn(
        "predecessors",
        "list",
        "Ids of the arrangements it replaced (CSV: separated by semicolons).",
    ),
    OpenColumn(
        "successors",
        "list",
        "Ids of the arrangements that replaced it (CSV: separated by semicolons).",
    ),
    OpenColumn("parent", "text", "Id of the umbrella programme it is part of; empty if none."),
    OpenColumn(
        "council_resources",
        "number",
        "Council resources counted towards significance, "
        "in pounds a year; empty where confidential or where some are not valued yet "
        "(see resources_not_valued).",
    ),
    OpenColumn(
        "resources_not_valued",
        "text",
        "What the council gives without a value in pounds yet (staff time without its cost, "
        "resources in kind without their value); empty when everything is valued.",
    ),
    OpenColumn(
        "dedicated_budget",
        "number",
        "Dedicated council budget, pounds a year; empty if not stated.",
    ),
    OpenColumn(
        "staff_cost", "number", "Cost of council staff time, pounds a year; empty if not stated."
    ),
    OpenColumn("in_kind_value", "number", "Value of resources the council gives in kind, pounds."),
    OpenColumn("next_review", "date", "When the next annual review is due (YYYY-MM-DD)."),
    OpenColumn("open_findings", "number", "How many governance gaps the register's check found."),
    OpenColumn("page", "text", "The arrangement's page on this site, relative to its home page."),
)


def safe_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet never evaluates as a formula: text starting with
    = + - @, a tab or a carriage return gets a leading single quote. A plain number (-20, 8.1)
    stays a number, so a spreadsheet can sort and add it up."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if _PLAIN_NUMBER.match(text):
        return text
    return "'" + text if text.startswith(_FORMULA_START) else text


def _partners_cell(partners: list[dict[str, Any]]) -> str:
    parts = []
    for p in partners:
        dated = [f"{word} {p[word]}" for word in ("joined", "left") if p.get(word)]
        details = ", ".join(x for x in (p["sector"], p["contribution"], *dated) if x)
        parts.append(f"{p['name']} ({details})" if details else p["name"])
    return "; ".join(parts)


def csv_text(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for record in records:
        cells = []
        for column in COLUMNS:
            value = record[column.name]
            if column.name == "partners":
                value = _partners_cell(value)
            elif column.type == "list":
                value = "; ".join(value)
            cells.append(safe_cell(value))
        writer.writerow(cells)
    return buffer.getvalue()


def json_text(records: list[dict[str, Any]], council: str, as_of: str) -> str:
    payload = {
        "version": OPEN_DATA_VERSION,
        "council": council,
        "as_of": as_of,
        "fields": [{"name": c.name, "type": c.type, "description": c.description} for c in COLUMNS],
        "arrangements": [{c.name: record[c.name] for c in COLUMNS} for record in records],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
