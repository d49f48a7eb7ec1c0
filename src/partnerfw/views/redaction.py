"""The one redaction: what of a record may be published (Framework 6.5).

Every public output goes through ``Redaction``: the site and its open data, the committee
reports and ``export``. Withheld are the parts a record lists under ``confidential:`` (dotted
paths, list positions counted from 0: ``partners.2``, ``monitoring.risk_register.1``, as DATA005
checks them), that list itself, and officers' email and phone unless the policy publishes
contact details. A part is hidden when it or a part containing it is withheld; an
``imported_as_written`` entry (the text as a spreadsheet had it) is hidden when the part it
stands for is, since it is the same fact. An aggregate (a total, a reason quoting an amount) is
held back when anything inside it is (``touched``). Findings are dropped or reworded when they
point at a hidden line or quote a withheld value (``masks``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from typing import Any

from pydantic import ValidationError

from partnerfw.findings import Finding
from partnerfw.judge.classify import Classification
from partnerfw.policy.schema import Publication
from partnerfw.record.columns import AS_WRITTEN
from partnerfw.record.loading import LoadedRecord
from partnerfw.record.models import Arrangement
from partnerfw.record.money import money

CONFIDENTIAL = "confidential"
"""The record's own list of its confidential parts: never published either."""
CONTACT_PATHS = (
    "lead_officer.email",
    "lead_officer.phone",
    "evaluation.completed_by.email",
    "evaluation.completed_by.phone",
)
"""Officers' contact details: published only when the policy says so."""
PLACEHOLDER = "Withheld"
"""Stands in the public copy of a record for a required part that is withheld (its name)."""
_SHORTEST_SECRET = 3
"""Shorter text (a '1', 'No') is everywhere: looking for it in findings would hide them all."""
_MISSING = object()


def withheld_paths(confidential: Iterable[str], contacts: bool) -> list[str]:
    """The dotted paths a public view leaves out: what the record lists as confidential,
    the list itself, and officers' email and phone unless ``contacts`` is true."""
    withheld = [*confidential, CONFIDENTIAL]
    if not contacts:
        withheld.extend(CONTACT_PATHS)
    return withheld


def is_withheld(path: str, withheld: Iterable[str]) -> bool:
    """True when the dotted ``path`` is one of ``withheld`` or lies inside one. An
    ``imported_as_written.<path>`` entry is withheld when ``<path>`` itself is: the text as
    the spreadsheet had it is the same confidential fact."""
    paths = withheld if isinstance(withheld, frozenset | set) else frozenset(withheld)
    inner = path[len(AS_WRITTEN) + 1 :] if path.startswith(AS_WRITTEN + ".") else path
    return _inside(path, paths) or _inside(inner, paths)


def _inside(path: str, paths: Collection[str]) -> bool:
    """True when ``path`` is one of ``paths`` or starts with one and a dot: each of its
    dotted beginnings is looked up, rather than every withheld path compared."""
    if path in paths:
        return True
    at = path.find(".")
    while at != -1:
        if path[:at] in paths:
            return True
        at = path.find(".", at + 1)
    return False


def public_columns(
    flat: Mapping[str, Any], confidential: list[str], contacts: bool
) -> dict[str, Any]:
    """The columns of a flattened record (``columns.flatten``) that may be published."""
    withheld = withheld_paths(confidential, contacts)
    return {path: value for path, value in flat.items() if not is_withheld(path, withheld)}


class Redaction:
    """What of one record may be published, for a public view (``public``) or an internal
    one (everything shown). ``document_data`` is the record as read (``Document.data``) and
    ``lines`` the line of each of its keys, for the findings that must be dropped."""

    def __init__(
        self,
        arrangement: Arrangement,
        document_data: Any,
        public: bool = True,
        contact_details: bool = False,
        lines: Mapping[tuple[str | int, ...], int] | None = None,
    ) -> None:
        self.arrangement = arrangement
        self.public = public
        self.contact_details = contact_details or not public
        self.confidential = (
            [tuple(p.split(".")) for p in arrangement.confidential] if public else []
        )
        """The record's confidential parts, as path tuples (empty in an internal view)."""
        self.withheld = (
            withheld_paths(arrangement.confidential, self.contact_details) if public else []
        )
        """Every dotted path left out (empty in an internal view)."""
        self._withheld = frozenset(self.withheld)
        self._heads = {path.split(".")[0] for path in self.withheld} | {AS_WRITTEN}
        self._tree = _tree(self.withheld)
        self._data = document_data
        self._lines = lines or {}

    @classmethod
    def of(cls, record: LoadedRecord, publication: Publication, public: bool = True) -> Redaction:
        """The redaction of a record as read, under the policy's publication settings."""
        return cls(
            record.arrangement,
            record.document.data,
            public,
            publication.publish_officer_contact_details,
            record.document.lines,
        )

    def hidden(self, *path: str | int) -> bool:
        """True when this part, or a part containing it, may not be published. An
        ``imported_as_written`` entry (``hidden('imported_as_written', 'partners.0.name')``)
        is hidden when the part it stands for is."""
        if not self.withheld or str(path[0]) not in self._heads:
            return False
        if path[0] == AS_WRITTEN:
            return is_withheld(".".join(str(p) for p in path), self._withheld)
        names = [p if isinstance(p, str) else str(p) for p in path]
        if any("." in name for name in names):  # a key with a dot in it: as dotted text
            return is_withheld(".".join(names), self._withheld)
        # The quick way for the many parts of a record (every line of it, for the findings).
        return self._descend(names) is True

    def touched(self, *path: str | int) -> bool:
        """True when this part or anything inside it may not be published."""
        if not self.withheld:
            return False
        names = [p if isinstance(p, str) else str(p) for p in path]
        if names[0] == AS_WRITTEN or any("." in name for name in names):
            dotted = ".".join(names)
            return any(w.startswith(dotted + ".") for w in self.withheld) or self.hidden(*path)
        reached = self._descend(names)  # the quick way
        return reached is True or bool(reached)  # withheld, or a withheld part lies inside it

    def _descend(self, names: list[str]) -> bool | dict[str | None, Any]:
        """Down the tree of withheld paths, one part at a time: True where a withheld part is
        reached on the way, False where the path leaves the tree, else the node it ends at."""
        node = self._tree
        for name in names:
            found = node.get(name)
            if found is None:
                return False
            if _END in found:
                return True
            node = found
        return node

    def text(self, value: object, *path: str | int) -> str | None:
        """``value`` as text when it is given and may be published, else None."""
        if value is None or value == "" or self.hidden(*path):
            return None
        return str(value)

    def columns(self, flat: Mapping[str, Any]) -> dict[str, Any]:
        """The columns of the flattened record (``columns.flatten``) that may be published."""
        if not self.withheld:
            return dict(flat)
        return {
            path: value for path, value in flat.items() if not is_withheld(path, self._withheld)
        }

    @cached_property
    def as_written_hidden(self) -> list[str]:
        """The keys of the ``imported_as_written`` entries that are hidden."""
        return [key for key in self.arrangement.imported_as_written if self.hidden(AS_WRITTEN, key)]

    @cached_property
    def strings(self) -> list[str]:
        """Every way a withheld value could show in text (amounts also as pounds), longest
        first: a finding or a reason that quotes one is not published as it stands."""
        found = {
            s
            for path in self.withheld
            if path != CONFIDENTIAL
            for s in secret_strings(_at(self._data, tuple(path.split("."))))
        }
        written = self.arrangement.imported_as_written
        found.update(written[key] for key in self.as_written_hidden)
        return sorted((s for s in found if len(s) >= _SHORTEST_SECRET), key=len, reverse=True)

    def leaks(self, text: str) -> bool:
        """True when ``text`` quotes a withheld value."""
        return any(s in text for s in self.strings)

    @cached_property
    def hidden_lines(self) -> frozenset[int]:
        """The lines of the record file that hold withheld parts."""
        if not self.withheld:
            return frozenset()
        heads = self._heads  # most lines are outside every withheld part: skipped at once
        return frozenset(
            line
            for path, line in self._lines.items()
            if path and str(path[0]) in heads and self.hidden(*path)
        )

    def masks(self, finding: Finding) -> bool:
        """True when a finding may not be published as it stands: it points at a line
        holding a withheld part, or quotes a withheld value."""
        return bool(self.withheld) and (
            finding.line in self.hidden_lines or self.leaks(finding.message)
        )

    def classification(self, classification: Classification) -> Classification:
        """The classification as published: the policy's own result when the council's
        decision on the class (``decided_classification``) is withheld."""
        c = classification
        if c.decided is None or c.policy_klass is None or not self.hidden("decided_classification"):
            return c
        return replace(
            c,
            klass=c.policy_klass,
            reason=c.policy_reason or c.reason,
            decided=None,
            policy_klass=None,
            policy_reason=None,
        )

    @cached_property
    def record(self) -> Arrangement | None:
        """The public copy of the record: without its withheld parts, with ``PLACEHOLDER``
        for a required one; None when no valid record is left without them."""
        if not self.withheld:
            return self.arrangement
        if not self.arrangement.confidential and not self.as_written_hidden:
            return self._without_contacts()
        data = _copy(self._data)
        for parts in sorted((_parts(p) for p in self.withheld), key=_list_order, reverse=True):
            _pop(data, parts)
        written = data.get(AS_WRITTEN)
        if isinstance(written, dict):
            for key in self.as_written_hidden:
                written.pop(key, None)
        return _validated(data)

    def _without_contacts(self) -> Arrangement:
        """The quick way for a record with nothing confidential: at most contact details to
        drop, without copying and validating the record again."""
        a = self.arrangement
        if self.contact_details:
            return a
        update: dict[str, object] = {}
        no_contact = {"email": None, "phone": None}
        if a.lead_officer.email or a.lead_officer.phone:
            update["lead_officer"] = a.lead_officer.model_copy(update=no_contact)
        completed = a.evaluation.completed_by
        if completed is not None and (completed.email or completed.phone):
            update["evaluation"] = a.evaluation.model_copy(
                update={"completed_by": completed.model_copy(update=no_contact)}
            )
        return a.model_copy(update=update) if update else a


_END = None
"""Marks the end of a withheld path in ``_tree`` (never a part's name, which is text)."""


def _tree(withheld: Iterable[str]) -> dict[str | None, Any]:
    """The withheld dotted paths as a tree of their parts, ``_END`` where one ends."""
    root: dict[str | None, Any] = {}
    for path in withheld:
        node = root
        for part in path.split("."):
            node = node.setdefault(part, {})
        node[_END] = {}
    return root


def secret_strings(data: Any) -> Iterable[str]:
    """Every way a confidential value could show in text: strings, and amounts as written,
    as money (£12,000) and with thousands separators."""
    if isinstance(data, dict):
        for value in data.values():
            yield from secret_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from secret_strings(value)
    elif isinstance(data, int | float | Decimal) and not isinstance(data, bool):
        amount = Decimal(str(data))
        yield from (str(data), money(amount), f"{amount:,}")
    elif data is not None and not isinstance(data, bool):
        yield str(data)


def _at(data: Any, path: tuple[str, ...]) -> Any:
    current = data
    for part in path:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


def _validated(data: dict[str, Any]) -> Arrangement | None:
    """The record from ``data``; a required part left missing gets ``PLACEHOLDER``."""
    try:
        return Arrangement.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            if error["type"] == "missing":
                at = error["loc"]
                _put(data, at, {"name": PLACEHOLDER} if at[-1] in _PEOPLE else PLACEHOLDER)
    try:
        return Arrangement.model_validate(data)
    except ValidationError:
        return None


_PEOPLE = ("lead_officer", "completed_by")


def _copy(data: Any) -> Any:
    """A copy of parsed YAML (dicts, lists and immutable scalars), much faster than deepcopy."""
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _parts(dotted: str) -> tuple[str | int, ...]:
    return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))


def _list_order(parts: tuple[str | int, ...]) -> tuple[tuple[int, str], ...]:
    """Sort key: later list positions first once reversed, so popping keeps the others."""
    return tuple((p, "") if isinstance(p, int) else (-1, p) for p in parts)


def _pop(data: Any, parts: tuple[str | int, ...]) -> Any:
    current = data
    for part in parts[:-1]:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    try:
        return current.pop(parts[-1])
    except (KeyError, IndexError, TypeError, AttributeError):
        return _MISSING


def _put(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    current = data
    for part in loc[:-1]:
        current = current.setdefault(part, {}) if isinstance(current, dict) else current[part]
    current[loc[-1]] = value
