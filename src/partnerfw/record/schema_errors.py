"""Turn pydantic validation errors into findings an officer can act on."""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from partnerfw.findings import Finding, Severity
from partnerfw.record.yamlread import Document, Path

UNKNOWN_FIELD = "DATA003"
INVALID_VALUE = "DATA004"
_REFERENCE = "Record format (partnerfw docs)"


def findings_from(
    exc: ValidationError, model: type[BaseModel], doc: Document, file: str, record: str
) -> list[Finding]:
    found = []
    for error in exc.errors(include_url=False):
        raw: Path = tuple(error["loc"])
        loc = written_path(doc.data, raw)
        line = doc.line_of(loc)
        where = dotted(loc) or "the record"
        if error["type"] == "extra_forbidden":
            found.append(
                Finding(
                    file,
                    line,
                    UNKNOWN_FIELD,
                    Severity.ERROR,
                    record,
                    _unknown_field_message(model, raw, loc),
                    _REFERENCE,
                )
            )
            continue
        message = _plain(error)
        written = _as_written(doc, where) if error["type"] == "missing" else None
        if written is not None:
            said = f"the spreadsheet said '{written}'" if written else "the spreadsheet did not say"
            message = (
                f"is required but missing: it was left out when imported, because {said} and "
                f"partnerfw could not tell which it is; add it{_choices(model, loc)}, then delete "
                f"{where} from imported_as_written"
            )
            line = doc.line_of(("imported_as_written", where))
        found.append(
            Finding(
                file, line, INVALID_VALUE, Severity.ERROR, record, f"{where}: {message}", _REFERENCE
            )
        )
    return found


def _as_written(doc: Document, where: str) -> str | None:
    """What ``partnerfw import`` kept under imported_as_written for a field it left out."""
    data = doc.data if isinstance(doc.data, dict) else {}
    written = data.get("imported_as_written")
    if isinstance(written, dict) and where in written:
        value = written[where]
        return value if isinstance(value, str) else ""
    return None


def _choices(model: type[BaseModel], loc: Path) -> str:
    """' (one of a, b, c)' for a field that takes one of a fixed set of words."""

    if len(loc) != 1 or not isinstance(loc[0], str) or loc[0] not in model.model_fields:
        return ""
    annotation = model.model_fields[loc[0]].annotation
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return f" (one of {', '.join(str(m.value) for m in annotation)})"
    return ""


def dotted(loc: Path) -> str:
    return ".".join(str(part) for part in loc)


def written_path(data: Any, loc: Path) -> Path:
    """The error's location as the file has it: without the tags pydantic adds for a tagged
    union (``test.any_of.any_of.0.resources_at_least.amount`` is ``test.any_of.0.amount``)."""
    kept: list[str | int] = []
    current = data
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        in_dict = isinstance(current, dict) and part in current
        if in_dict and not last and not isinstance(current[part], dict | list):
            continue  # a tag that is also a key of the file ('points: 7', 'at_least: 2')
        if in_list or in_dict:
            kept.append(part)
            current = current[part]
        elif isinstance(part, str) and not last and isinstance(current, dict | list):
            continue  # a union's tag, not a key of the file
        else:
            kept.append(part)
            current = None
    return tuple(kept)


def _unknown_field_message(model: type[BaseModel], raw: Path, loc: Path) -> str:
    allowed = _fields_at(model, raw[:-1])
    name = str(loc[-1])
    where = dotted(loc[:-1])
    message = f"unknown field '{name}'" + (f" under '{where}'" if where else "")
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    if close:
        return f"{message}; did you mean '{close[0]}'?"
    return f"{message}; allowed here: {', '.join(sorted(allowed))}"


def _fields_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The fields allowed at ``loc`` (pydantic's location, tags of tagged unions included)."""
    candidates: list[Any] = [model]
    tags: dict[str, Any] = {}
    keyed = False  # the last field was a mapping: the next part is one of its keys
    for part in loc:
        if isinstance(part, int):
            continue
        if keyed:
            keyed = False
            continue
        if len(candidates) > 1 and part in tags:
            candidates, tags = [tags[part]], {}
            continue
        having = [c for c in candidates if part in c.model_fields]
        if having:
            annotation = having[0].model_fields[part].annotation
            candidates, tags = _models_in(annotation), _tags_in(annotation)
            keyed = _is_mapping(annotation)
            continue
        tagged = [c for c in candidates if _tag_of(c) == part]
        if not tagged:
            return []
        candidates = tagged
    return list(candidates[0].model_fields) if len(candidates) == 1 else []


def _tags_in(annotation: Any) -> dict[str, Any]:
    """The models of a tagged union under ``annotation``, by their pydantic ``Tag``."""
    found: dict[str, Any] = {}
    for meta in getattr(annotation, "__metadata__", ()):
        tag = getattr(meta, "tag", None)
        if isinstance(tag, str) and _is_model(getattr(annotation, "__origin__", None)):
            found[tag] = annotation.__origin__
    for arg in getattr(annotation, "__args__", ()):
        found |= {t: m for t, m in _tags_in(arg).items() if t not in found}
    return found


def _is_mapping(annotation: Any) -> bool:
    if get_origin(annotation) is dict:
        return True
    return any(_is_mapping(arg) for arg in get_args(annotation) if get_origin(arg) is not None)


def _tag_of(model: Any) -> Any:
    field = model.model_fields.get("type")
    args: tuple[Any, ...] = getattr(field.annotation, "__args__", ()) if field else ()
    return args[0] if len(args) == 1 else None


def _models_in(annotation: Any) -> list[Any]:
    if _is_model(annotation):
        return [annotation]
    found: list[Any] = []
    for arg in getattr(annotation, "__args__", ()):
        found.extend(m for m in _models_in(arg) if m not in found)
    return found


def _is_model(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, BaseModel)


def _plain(error: Any) -> str:
    kind = error["type"]
    message = str(error["msg"])
    value = error.get("input")
    if kind == "missing":
        return "is required but missing; add it"
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    if kind in {"greater_than_equal", "greater_than"} and value is not None:
        return f"{message.lower()}, got {value!r} (money and counts cannot be negative)"
    if kind == "decimal_max_places":
        return "use at most 2 decimal places for pounds and pence"
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not one of {expected}"
    if kind.startswith(("date_", "datetime_")) and isinstance(value, str):
        return (
            f"{value!r} is not a date partnerfw can read: write it as YYYY-MM-DD, e.g. 2026-03-31"
        )
    if kind.startswith("decimal_") and kind != "decimal_max_digits" and isinstance(value, str):
        return (
            f"{value!r} is not an amount partnerfw can read: write pounds as a plain number, "
            "e.g. 12000 or 12500.50 (no £ sign or commas)"
        )
    shown = repr(value) if not isinstance(value, dict | list) else type(value).__name__
    return f"{message[0].lower()}{message[1:]} (got {shown})"
