"""The register as open data: ``register.csv`` and ``register.json``, their dictionary and
``datapackage.json`` (a Frictionless Tabular Data Package describing both).

Both files are made from the public view, so nothing confidential reaches them. The CSV is safe
to open in a spreadsheet: a cell that starts with ``= + - @``, a tab or a carriage return is
prefixed with a single quote so it is shown as text, never run as a formula. It is written as
UTF-8 with a byte order mark, so Excel opens '£' and curly quotes correctly (without the mark
Excel reads a CSV file in the computer's legacy code page); other tools skip the mark.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from partnerfw.policy.schema import DEFAULT_CLASSES, Licence
from partnerfw.record.models import AssuranceLevel, Kind, Status

OPEN_DATA_VERSION = 1
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@dataclass(frozen=True)
class OpenColumn:
    name: str
    type: str
    description: str
    unit: str | None = None
    """e.g. GBP: the currency of a money column (a Table Schema field's custom 'unit')."""
    partial: bool = False
    """A date that may be known only to the month or year (YYYY-MM, YYYY): a Table Schema
    string with a pattern, as no single Table Schema type holds all three."""

    @property
    def table_type(self) -> str:
        """The Frictionless Table Schema type of the column in register.csv."""
        return _TABLE_TYPES[self.type]


_TABLE_TYPES = {
    "text": "string",
    "date": "date",
    "boolean": "boolean",
    "number": "number",
    "integer": "integer",
    "list": "string",
}
_ENUMS = {
    "kind": [k.value for k in Kind],
    "status": [s.value for s in Status],
    "audit_opinion": [a.value for a in AssuranceLevel],
}


COLUMNS = (
    OpenColumn("id", "text", "Short identifier of the arrangement; also its page's name."),
    OpenColumn("name", "text", "Name of the arrangement as the public would know it."),
    OpenColumn(
        "kind",
        "text",
        "partnership, shared_service, informal_network, commissioning, company_or_trust or "
        "outside_body (an appointment to an outside body).",
    ),
    OpenColumn(
        "classification",
        "text",
        "significant or other (partnerships); the kind of "
        "shared service; informal_network, commissioning, out_of_scope (a company or trust "
        "outside the framework), management_contract (a company or trust running council "
        "services under a management agreement) or outside_body.",
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
        partial=True,
    ),
    OpenColumn(
        "end_date",
        "date",
        "Date it is due to end or ended (YYYY-MM-DD, YYYY-MM or YYYY); empty if none.",
        partial=True,
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
        "GBP",
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
        "GBP",
    ),
    OpenColumn(
        "staff_cost",
        "number",
        "Cost of council staff time, pounds a year; empty if not stated.",
        "GBP",
    ),
    OpenColumn(
        "in_kind_value", "number", "Value of resources the council gives in kind, pounds.", "GBP"
    ),
    OpenColumn("next_review", "date", "When the next annual review is due (YYYY-MM-DD)."),
    OpenColumn("open_findings", "integer", "How many governance gaps the register's check found."),
    OpenColumn(
        "page",
        "text",
        "The arrangement's page on this site: its full address when the council gives the "
        "site's address, otherwise relative to the site's home page.",
    ),
    OpenColumn(
        "statutory", "boolean", "true when an Act requires the arrangement; empty if not recorded."
    ),
    OpenColumn(
        "statutory_basis", "text", "The Act and section, e.g. 'Crime and Disorder Act 1998, s5'."
    ),
    OpenColumn("lead_member", "text", "The councillor who leads on it (the Lead Member)."),
    OpenColumn(
        "overall_budget",
        "number",
        "The overall budget, all partners together, pounds a year.",
        "GBP",
    ),
    OpenColumn(
        "overall_budget_over_term",
        "number",
        "The overall budget over several years, pounds in total.",
        "GBP",
    ),
    OpenColumn(
        "overall_budget_period", "text", "The years that total covers, e.g. '2024/25 to 2027/28'."
    ),
    OpenColumn(
        "external_funding_secured",
        "number",
        "External funding secured from outside the partners, pounds over the awards.",
        "GBP",
    ),
    OpenColumn(
        "external_funding",
        "list",
        "Each external fund. CSV: 'source: scheme (amount, secured or sought)' separated by "
        "semicolons; JSON: a list of objects with source, scheme, amount (pounds) and secured.",
    ),
    OpenColumn("joint_committee", "text", "The joint committee that governs it, if any."),
    OpenColumn(
        "audit_opinion",
        "text",
        "The latest audit opinion: substantial, reasonable, limited or no_assurance.",
    ),
    OpenColumn("audit_opinion_date", "date", "The date of that audit report (YYYY-MM-DD)."),
    OpenColumn(
        "company_form",
        "text",
        "For a company or trust, its form, e.g. community_interest_company.",
    ),
    OpenColumn(
        "outside_body", "text", "For an appointment to an outside body, the organisation's name."
    ),
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


def _funding_cell(funds: list[dict[str, Any]]) -> str:
    parts = []
    for f in funds:
        source = f["source"] or "not published"
        name = f"{source}: {f['scheme']}" if f["scheme"] else source
        details = ", ".join(x for x in (f["amount"], "secured" if f["secured"] else "sought") if x)
        parts.append(f"{name} ({details})")
    return "; ".join(parts)


def csv_text(records: list[dict[str, Any]]) -> str:
    """The CSV's text; the site writes it as UTF-8 with a byte order mark (for Excel)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in COLUMNS])
    for record in records:
        cells = []
        for column in COLUMNS:
            value = record[column.name]
            if column.name == "partners":
                value = _partners_cell(value)
            elif column.name == "external_funding":
                value = _funding_cell(value)
            elif column.type == "list":
                value = "; ".join(value)
            cells.append(safe_cell(value))
        writer.writerow(cells)
    return buffer.getvalue()


def columns(classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES) -> tuple[OpenColumn, ...]:
    """The columns, the classification described with the council's classes of partnership
    ('major, moderate or limited (partnerships, ...)')."""
    names = [name for name, _ in classes]
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else "".join(names)
    return tuple(
        replace(c, description=c.description.replace("significant or other", listed, 1))
        if c.name == "classification"
        else c
        for c in COLUMNS
    )


def json_text(
    records: list[dict[str, Any]],
    council: str,
    as_of: str,
    licence: Licence | None = None,
    site_url: str | None = None,
    classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES,
) -> str:
    licence = licence or Licence()
    payload = {
        "version": OPEN_DATA_VERSION,
        "council": council,
        "as_of": as_of,
        "licence": {"name": licence.name, "title": licence.title, "url": licence.url},
        "site": site_url,
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description}
            | ({"unit": c.unit} if c.unit else {})
            for c in columns(classes)
        ],
        "arrangements": [{c.name: record[c.name] for c in COLUMNS} for record in records],
    }
    return indented_json(payload) + "\n"


_SCALAR = json.JSONEncoder(ensure_ascii=False).encode


def indented_json(value: Any, indent: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, the same text, made quicker:
    Python's json writes indented text in pure Python, value by value, where here each text,
    number and constant is written by its C encoder and only the layout is joined here."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(key, str) for key in value):
            return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)
        inner = indent + "  "
        parts = [f"{inner}{_SCALAR(key)}: {indented_json(v, inner)}" for key, v in value.items()]
        return "{\n" + ",\n".join(parts) + "\n" + indent + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = indent + "  "
        parts = [inner + indented_json(v, inner) for v in value]
        return "[\n" + ",\n".join(parts) + "\n" + indent + "]"
    return _SCALAR(value)


def _field(column: OpenColumn) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": column.table_type,
        "description": column.description,
    }
    if column.unit:
        field["unit"] = column.unit
    if column.type == "boolean":
        field["trueValues"] = ["true"]
        field["falseValues"] = ["false"]
    if column.partial:
        field["type"] = "string"
        field["constraints"] = {"pattern": r"\d{4}(-\d{2}(-\d{2})?)?"}
    elif column.type == "date":
        field["format"] = "%Y-%m-%d"
    if column.name == "id":
        field["constraints"] = {"required": True, "unique": True}
    elif column.name in _ENUMS:
        field["constraints"] = {"enum": _ENUMS[column.name]}
    return field


def datapackage_text(
    council: str,
    as_of: str,
    licence: Licence,
    site_url: str | None = None,
    classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES,
) -> str:
    """``datapackage.json``: a Frictionless (Tabular) Data Package describing register.csv by
    its Table Schema (names, types, descriptions, units) and register.json, with the licence."""
    name = re.sub(r"[^a-z0-9]+", "-", council.lower()).strip("-") + "-partnerships-register"
    package: dict[str, Any] = {
        "profile": "data-package",
        "name": name,
        "title": f"{council}: register of partnerships and shared services",
        "description": "Every partnership, shared service and other arrangement on the "
        f"council's register as at {as_of}, as published on its website; parts marked "
        "confidential are left out.",
        "created": f"{as_of}T00:00:00Z",
        "licenses": [{"name": licence.name, "title": licence.title, "path": licence.url}],
        "publisher": council,
        "resources": [
            {
                "profile": "tabular-data-resource",
                "type": "table",
                "name": "register-csv",
                "path": "register.csv",
                "title": "The register, one row per arrangement",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {
                    "fields": [_field(c) for c in columns(classes)],
                    "missingValues": [""],
                    "primaryKey": ["id"],
                },
            },
            {
                "profile": "data-resource",
                "type": "json",
                "name": "register-json",
                "path": "register.json",
                "title": "The register with lists of partners and funds, for programs",
                "description": "One object: version, council, as_of, licence, site, fields (the "
                "same fields as register.csv) and arrangements (a list of objects keyed by "
                "those fields; partners and external_funding are lists of objects).",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
        ],
    }
    if site_url:
        package["homepage"] = site_url
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"
