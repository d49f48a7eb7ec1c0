"""A record's fields as the browser editor's form: each field of the pydantic models turned
into a Decap CMS widget, for ``cms_config``.

- the label is the field's title, or its name in words (``dpia_required``: "DPIA required");
  the hint is its description;
- a fixed choice (an enum, a ``Literal``) is a select of its values; a name the council keeps
  a master list of (officers, councillors, Corporate Plan objectives, portfolios) is a select
  of that list; the council's own yes/no questions (the policy's ``record_fields``) are
  switches under ``council_fields``;
- a date is text with a pattern, never a date picker: a picker turns ``2004`` into 1970 and
  cannot say "known only to the month";
- only the record's own required fields (and those of an item added to a list) are required:
  a required field inside an optional section would stop an officer saving a record that does
  not have that section;
- ``approved_facts`` (written by ``partnerfw approved-facts``, never by hand) and
  ``imported_as_written`` (cleared by putting the value in its field) are not on the form; the
  editor keeps them as they are.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from annotated_types import Ge, Le
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from partnerfw.edit.key_order import unwrap
from partnerfw.policy.significance_tests import RecordField
from partnerfw.record.partial_dates import PATTERN as PARTIAL_DATE_PATTERN
from partnerfw.record.partial_dates import PartialDate

Widget = dict[str, Any]

COLLECTION = "arrangements"
"""The editor's one collection: the record files of the register folder."""

NOT_ON_THE_FORM = ("approved_facts", "imported_as_written")
"""Top-level fields the editor leaves as they are (see the module's docstring)."""
LONG_TEXT = frozenset(
    {
        "actions",
        "aims",
        "alternatives",
        "community_interest",
        "consequences",
        "customers_and_residents",
        "climate_change_contribution",
        "duty",
        "equalities_aims_contribution",
        "equalities_impact",
        "issues",
        "justification",
        "liabilities",
        "mitigation",
        "notes",
        "opinion",
        "outcomes_for_community",
        "outcomes_for_council",
        "partner_withdrawal",
        "performance_monitoring",
        "resilience",
        "resources",
        "safeguarding",
        "safeguarding_impact",
        "savings_or_income",
        "scope",
        "staff_communication",
        "statement",
        "summary",
        "termination",
    }
)
"""Text fields written as a paragraph rather than a line (a larger box on the form)."""
_WORDS = {
    "gdpr": "GDPR",
    "dpia": "DPIA",
    "foi": "FOI",
    "hr": "HR",
    "fte": "FTE",
    "sla": "SLA",
    "id": "Id",
}
_YES_UNLESS_SET = "Shown off until it is set: a record that leaves it out counts as yes."
_DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
_DAY_HINT = "Written YYYY-MM-DD, e.g. 2026-03-31."
_PARTIAL_HINT = "Written YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known."


@dataclass(frozen=True)
class Choices:
    """The council's master lists and questions, as the form offers them. A list that
    ``partnerfw.yaml`` does not keep is None: the field is then free text."""

    officers: tuple[str, ...] | None = None
    councillors: tuple[str, ...] | None = None
    corporate_objectives: tuple[str, ...] | None = None
    portfolios: tuple[str, ...] | None = None
    record_fields: Mapping[str, RecordField] = field(default_factory=dict)

    @property
    def people(self) -> tuple[str, ...] | None:
        """Officers and councillors together (an approval is given by either)."""
        if self.officers is None or self.councillors is None:
            return None
        return tuple(dict.fromkeys([*self.councillors, *self.officers]))


_MASTER_LISTS: dict[tuple[str, ...], str] = {
    ("lead_officer", "name"): "officers",
    ("evaluation", "completed_by", "name"): "officers",
    ("opinions", "monitoring_officer", "name"): "officers",
    ("opinions", "section_151_officer", "name"): "officers",
    ("monitoring", "assurance", "officer"): "officers",
    ("lead_member", "name"): "councillors",
    ("members", "name"): "councillors",
    ("approvals", "name"): "people",
    ("portfolio",): "portfolios",
    ("corporate_objectives",): "corporate_objectives",
}
"""Which field takes its value from which master list (a list item's fields are named by the
list's path and the field, without an index)."""
_OTHER_RECORDS = {
    ("links", "predecessors"),
    ("links", "successors"),
    ("links", "parent"),
    ("distinct_from",),
}
"""Fields that name other records of the register by their ids."""


def form_fields(model: type[BaseModel], choices: Choices) -> list[Widget]:
    """The form of a whole record: one widget per field, in the model's order."""
    return [
        _widget(name, info, choices, (name,), required_here=True)
        for name, info in model.model_fields.items()
        if name not in NOT_ON_THE_FORM and (name != "council_fields" or choices.record_fields)
    ]


def label(name: str, info: FieldInfo | None = None) -> str:
    """A field's label: its title, or its name in words ('dpia_required': 'DPIA required')."""
    if info is not None and info.title:
        return info.title
    words = [_WORDS.get(word, word) for word in name.split("_")]
    first = words[0]
    return " ".join([first[:1].upper() + first[1:], *words[1:]])


def option_label(value: str) -> str:
    """A fixed choice in words: 'under_review' is shown as 'under review'."""
    return value.replace("_", " ")


def _widget(
    name: str,
    info: FieldInfo,
    choices: Choices,
    path: tuple[str, ...],
    *,
    required_here: bool,
) -> Widget:
    kind, constraints, optional = _unwrap(info.annotation, list(info.metadata))
    required = required_here and info.is_required() and not optional
    widget: Widget = {"name": name, "label": label(name, info), "required": required}
    if info.description:
        widget["hint"] = info.description
    listed = _listed(path, choices)
    if path == ("council_fields",):
        widget.update(_council_questions(choices.record_fields))
    elif listed is not None:
        widget.update(_select(listed, multiple=typing.get_origin(kind) is list))
    elif path in _OTHER_RECORDS:
        widget.update(_relation(multiple=typing.get_origin(kind) is list))
    elif typing.get_origin(kind) is list:
        widget.update(_list(name, kind, choices, path))
    elif isinstance(kind, type) and issubclass(kind, BaseModel):
        # A required section's own required fields are required; an optional one's are not.
        widget.update(_object(kind, choices, path, required_here=required))
        if not required:
            widget["collapsed"] = True
    else:
        widget.update(_scalar(name, kind, constraints, widget.get("hint")))
    if info.default is True and widget.get("widget") == "boolean":
        # No 'default:' here: Decap would then write the section into every new record.
        widget["hint"] = f"{widget.get('hint', '')} {_YES_UNLESS_SET}".strip()
    return widget


def _object(
    model: type[BaseModel], choices: Choices, path: tuple[str, ...], *, required_here: bool
) -> Widget:
    return {
        "widget": "object",
        "fields": [
            _widget(name, info, choices, (*path, name), required_here=required_here)
            for name, info in model.model_fields.items()
        ],
    }


def _list(name: str, kind: Any, choices: Choices, path: tuple[str, ...]) -> Widget:
    (item,) = typing.get_args(kind)
    item_kind, constraints, _ = _unwrap(item, [])
    if isinstance(item_kind, type) and issubclass(item_kind, BaseModel):
        # An item is added on purpose: its own required fields are required.
        inner = _object(item_kind, choices, path, required_here=True)
        return {"widget": "list", "collapsed": True, "fields": inner["fields"]}
    if isinstance(item_kind, type) and issubclass(item_kind, Enum):
        return _select([member.value for member in item_kind], multiple=True)
    single = {"name": "item", "label": label(name).rstrip("s") or "Item", "required": True}
    single.update(_scalar(name, item_kind, constraints, None))
    single.pop("hint", None)
    return {"widget": "list", "field": single}


def _scalar(name: str, kind: Any, constraints: dict[str, Any], hint: str | None) -> Widget:
    if kind is bool:
        return {"widget": "boolean"}
    if kind is PartialDate:
        return _patterned(PARTIAL_DATE_PATTERN, _PARTIAL_HINT, hint, "a date such as 2026-03-31")
    if kind is dt.date:
        return _patterned(_DAY_PATTERN, _DAY_HINT, hint, "a date written YYYY-MM-DD")
    if kind in (int, Decimal):
        number: Widget = {"widget": "number", "value_type": "int" if kind is int else "float"}
        if "ge" in constraints:
            number["min"] = constraints["ge"]
        if "le" in constraints:
            number["max"] = constraints["le"]
        return number
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _select([member.value for member in kind])
    if typing.get_origin(kind) is Literal:
        return _select([str(value) for value in typing.get_args(kind)])
    if kind is str:
        text: Widget = {"widget": "text" if name in LONG_TEXT else "string"}
        if constraints.get("pattern"):
            text["pattern"] = [constraints["pattern"], f"{hint or 'see the hint'}"]
        return text
    raise TypeError(f"no widget for the field '{name}' ({kind!r}): add one to cms_fields")


def _patterned(pattern: str, how: str, hint: str | None, what: str) -> Widget:
    widget: Widget = {"widget": "string", "pattern": [pattern, f"Write {what}. {how}"]}
    if not hint or "YYYY" not in hint:
        widget["hint"] = f"{hint} {how}" if hint else how
    return widget


def _select(options: Sequence[str], *, multiple: bool = False) -> Widget:
    widget: Widget = {
        "widget": "select",
        "options": [{"label": option_label(value), "value": value} for value in options],
    }
    if multiple:
        widget["multiple"] = True
    return widget


def _council_questions(declared: Mapping[str, RecordField]) -> Widget:
    """The council's own yes/no questions (the policy's ``record_fields``)."""
    return {
        "widget": "object",
        "collapsed": True,
        "fields": [
            {
                "name": name,
                "label": question.question,
                "hint": f"Yes means: {question.description}.",
                "required": False,
                "widget": "boolean",
            }
            for name, question in declared.items()
        ],
    }


def _listed(path: tuple[str, ...], choices: Choices) -> list[str] | None:
    which = _MASTER_LISTS.get(path)
    names: tuple[str, ...] | None = getattr(choices, which) if which else None
    return None if names is None else list(names)


def _relation(multiple: bool) -> Widget:
    """A choice of the register's other records, shown by name, written as their ids."""
    widget: Widget = {
        "widget": "relation",
        "collection": COLLECTION,
        "value_field": "id",
        "search_fields": ["name", "id"],
        "display_fields": ["name"],
    }
    if multiple:
        widget["multiple"] = True
    return widget


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, dict[str, Any], bool]:
    """The type under Optional and Annotated, its constraints, and whether None is allowed."""
    kind, found, optional = unwrap(annotation)
    return kind, _constraints([*metadata, *found]), optional


def _constraints(found: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in found:
        if isinstance(item, FieldInfo):
            out.update(_constraints(list(item.metadata)))
        elif isinstance(item, StringConstraints) and item.pattern:
            out["pattern"] = str(item.pattern)
        elif isinstance(item, Ge):
            out["ge"] = item.ge
        elif isinstance(item, Le):
            out["le"] = item.le
    return out
