"""``partnerfw classify``: the register's classes, and what another policy would change."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.markup import escape

from partnerfw.errors import UserError
from partnerfw.findings import Finding
from partnerfw.judge.classify import KIND_LABELS, Classification, classify, decided
from partnerfw.policy.compared import compared_policy
from partnerfw.policy.project import Project
from partnerfw.record.loading import load
from partnerfw.words import plural


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    kind: str
    classification: Classification
    compared: Classification | None = None

    def as_dict(self) -> dict[str, str]:
        row = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "classification": self.classification.klass,
            "label": self.classification.label,
            "reason": self.classification.reason,
        }
        if self.compared is not None:
            row |= {
                "compared_classification": self.compared.klass,
                "compared_label": self.compared.label,
                "compared_reason": self.compared.reason,
            }
        return row


def classify_register(
    project: Project, paths: Sequence[Path], day: dt.date
) -> tuple[list[Row], list[Finding]]:
    register = load(paths, project.root)
    policy = project.schedule.policy_on(day)
    rows = [
        Row(
            r.arrangement.id,
            r.arrangement.name,
            r.arrangement.kind.value,
            decided(r.arrangement, classify(r.arrangement, policy, day)),
        )
        for r in register.records
    ]
    return rows, project.problems + register.problems


def compare(
    project: Project, paths: Sequence[Path], other: str | None, day: dt.date
) -> tuple[list[Row], list[Finding], str]:
    """Rows whose class differs between the policy in force on ``day`` and ``other`` (default:
    partnerfw.yaml's draft, else the other built-in edition), and how ``other`` is named."""
    policy, label, problems = compared_policy(project, other, day)
    if policy is None:
        if not problems:
            raise UserError(f"--compare-policy {label}: cannot read the policy")
        return [], problems, label
    register = load(paths, project.root)
    in_force = project.schedule.policy_on(day)
    rows = []
    for record in register.records:
        now = decided(record.arrangement, classify(record.arrangement, in_force, day))
        then = decided(record.arrangement, classify(record.arrangement, policy, day))
        if now.klass != then.klass:
            rows.append(
                Row(
                    record.arrangement.id,
                    record.arrangement.name,
                    record.arrangement.kind.value,
                    now,
                    then,
                )
            )
    return rows, project.problems + register.problems + problems, label


def render(
    rows: list[Row],
    problems: list[Finding],
    output: str,
    edition: str,
    compared_with: str | None = None,
    width: int | None = None,
) -> str:
    """The classes as text (rich markup) or json; ``width``: the terminal's, to lay the rows
    out in columns only where the reasons still have room beside them."""
    if output == "json":
        payload: dict[str, object] = {
            "policy": edition,
            "records": [r.as_dict() for r in rows],
            "problems": [p.as_dict() for p in problems],
        }
        if compared_with is not None:
            payload["compared_with"] = compared_with
        return json.dumps(payload, indent=2, ensure_ascii=False)
    lines = [f"[red]{escape(p.file)}:{p.line}: {escape(p.message)}[/red]" for p in problems]
    if compared_with is None:
        lines.append(f"[bold]Classification under the '{escape(edition)}' policy[/bold]")
        lines += _class_rows(rows, width)
        lines.append("  " + _counts(rows))
        return "\n".join(lines)
    if any(p.file == Path(compared_with).as_posix() for p in problems):
        lines.append(
            f"Cannot compare with '{escape(compared_with)}' until the problems above are fixed."
        )
        return "\n".join(lines)
    if not rows:
        lines.append(
            f"No arrangement changes class between '{escape(edition)}' and "
            f"'{escape(compared_with)}'."
        )
        return "\n".join(lines)
    lines.append(
        f"[bold]{plural(len(rows), 'arrangement')} {'changes' if len(rows) == 1 else 'change'} "
        f"class between '{escape(edition)}' "
        f"(now) and '{escape(compared_with)}':[/bold]"
    )
    for row in rows:
        assert row.compared is not None
        lines.append(
            f"  {row.id} ({KIND_LABELS[row.classification.kind]}): "
            f"{row.classification.label} -> {row.compared.label}"
        )
        lines.append(f"      now:      {escape(row.classification.reason)}")
        lines.append(f"      compared: {escape(row.compared.reason)}")
    return "\n".join(lines)


def _counts(rows: list[Row]) -> str:
    """'Major partnership: 3, Moderate partnership: 2, ..., Full shared service: 1': the
    policy's classes of partnership highest first, then what cannot be classified yet, then the
    other kinds A to Z; each label as the council wrote it."""
    counts: dict[tuple[int, str], int] = {}
    for row in rows:
        c = row.classification
        order = c.rank if c.rank is not None else len(c.labels) + (0 if c.undetermined else 1)
        key = (order, c.label)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "no arrangements yet: add the first with 'partnerfw new'"
    return ", ".join(f"{label}: {n}" for (_, label), n in sorted(counts.items()))


_REASON_ROOM = 30
"""Beside the id and the class, the reasons need at least this much room for the columns."""


def _class_rows(rows: list[Row], width: int | None) -> list[str]:
    """A row per arrangement: id, class and reason in columns as wide as their longest entry,
    or, where a terminal is too narrow for that, the reason on the line below."""
    id_width = max((len(row.id) for row in rows), default=0)
    label_width = max((len(row.classification.label) for row in rows), default=0)
    in_columns = width is None or 2 + id_width + 2 + label_width + 2 + _REASON_ROOM <= width
    lines = []
    for row in rows:
        c = row.classification
        if in_columns:
            lines.append(f"  {row.id:<{id_width}}  {c.label:<{label_width}}  {escape(c.reason)}")
        else:
            lines += [f"  {row.id}  {c.label}", f"      {escape(c.reason)}"]
    return lines
