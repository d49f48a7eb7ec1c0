"""JSON Schemas of a record and of the policy file, for editors and other tools.

Editors that speak the YAML language server protocol (VS Code with the YAML extension, Neovim,
JetBrains IDEs, Helix...) read the first line ``# yaml-language-server: $schema=<path>`` of a
record and then autocomplete field names, show each field's description and mark typos.

The schemas describe what the YAML loader produces, in JSON terms: dates are ISO strings
(``2026-04-01``), amounts of money are numbers (or numeric strings), and every object forbids
keys it does not know, as the models do.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from partnerfw.files import write_atomic
from partnerfw.policy.schema import Policy, Settings
from partnerfw.policy.significance_tests import RecordField
from partnerfw.record.models import Arrangement

SCHEMA_FOLDER = "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "arrangement.schema.json": (
        Arrangement,
        "partnerfw record: one arrangement of the council (register/<id>.yaml)",
    ),
    "policy.schema.json": (
        Policy,
        "partnerfw policy: one edition of the Working in Partnership Framework",
    ),
    "settings.schema.json": (
        Settings,
        "partnerfw.yaml: a register repository's council, edition and policy overrides",
    ),
}
RECORD_SCHEMA = "arrangement.schema.json"
MODELINE_PREFIX = "# yaml-language-server: $schema="


def schema_of(
    model: type[BaseModel], title: str, record_fields: Mapping[str, RecordField] | None = None
) -> dict[str, Any]:
    body = model.model_json_schema(mode="validation")
    if model is Settings:
        body = _with_policy_overrides(body)
    if model is Arrangement:
        body = _with_council_fields(body, record_fields or {})
    return {"$schema": DRAFT, **body, "title": title}


def _with_council_fields(
    record: dict[str, Any], declared: Mapping[str, RecordField]
) -> dict[str, Any]:
    """The register's own questions (the policy's record_fields) as the only keys allowed
    under council_fields, each with the council's question and what a yes means."""
    described = record["properties"]["council_fields"]
    record["properties"]["council_fields"] = {
        "description": described.get("description"),
        "type": "object",
        "properties": {
            name: {
                "type": "boolean",
                "title": field.question,
                "description": f"{field.question} true means: {field.description}."
                + ("" if field.default is None else f" Left out: {str(field.default).lower()}."),
            }
            for name, field in declared.items()
        },
        "additionalProperties": False,
    }
    return record


def _with_policy_overrides(settings: dict[str, Any]) -> dict[str, Any]:
    """partnerfw.yaml's ``policy:`` overrides any part of an edition: the policy schema with
    nothing required (an override may be partial), so editors still complete every key."""
    policy = _partial(Policy.model_json_schema(mode="validation"))
    defs = {f"Partial{name}": body for name, body in policy.pop("$defs", {}).items()}
    description = settings["properties"]["policy"].get("description")
    settings["properties"]["policy"] = {**policy, "description": description}
    settings.setdefault("$defs", {}).update(defs)
    return settings


def _partial(node: Any, names: bool = False) -> Any:
    """The schema with nothing required; ``names`` marks a mapping of property names."""
    if isinstance(node, dict):
        if names:
            return {k: _partial(v) for k, v in node.items()}
        out = {
            k: _partial(v, names=k in ("properties", "$defs"))
            for k, v in node.items()
            if k != "required"
        }
        return out
    if isinstance(node, list):
        return [_partial(v) for v in node]
    if isinstance(node, str) and node.startswith("#/$defs/"):
        return node.replace("#/$defs/", "#/$defs/Partial")  # $ref and discriminator mapping
    return node


def schema_texts(policy: Policy | None = None) -> dict[str, str]:
    """File name -> the JSON text to write, stable so that a regenerated file diffs cleanly.
    The record schema carries the questions ``policy`` declares (its record_fields)."""
    declared = policy.record_fields if policy is not None else {}
    return {
        name: json.dumps(schema_of(model, title, declared), indent=2, ensure_ascii=False) + "\n"
        for name, (model, title) in SCHEMAS.items()
    }


def stale(folder: Path, policy: Policy | None = None) -> list[Path]:
    """The schema files in ``folder`` that are missing or differ from what would be written."""
    out = []
    for name, text in schema_texts(policy).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append(path)
    return out


def write_schemas(folder: Path, policy: Policy | None = None) -> list[Path]:
    """Write (or refresh) every schema file in ``folder``; returns the paths written."""

    written = []
    for name, text in schema_texts(policy).items():
        path = folder / name
        write_atomic(path, text, overwrite=True)
        written.append(path)
    return written


def modeline(record_file: Path, schema_folder: Path) -> str:
    """The first line of a record, pointing an editor at the record schema (relative path)."""
    target = Path(os.path.relpath(schema_folder / RECORD_SCHEMA, record_file.parent))
    return MODELINE_PREFIX + target.as_posix()


def with_modeline(text: str, record_file: Path, schema_folder: Path) -> str:
    """The record's text with the schema line first, when it has none (the browser editor
    and some tools drop it). Only where the schema is: a line pointing nowhere helps no one."""
    if text.startswith(MODELINE_PREFIX) or not (schema_folder / RECORD_SCHEMA).is_file():
        return text
    newline = "\r\n" if text.split("\n", 1)[0].endswith("\r") else "\n"
    return modeline(record_file, schema_folder) + newline + text
