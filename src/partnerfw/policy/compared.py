"""Which policy a command names: for a what-if comparison, the draft in ``partnerfw.yaml`` when
no other is named, an edition of the schedule, a built-in edition, or a policy file; for
``rules --edition``, an edition of the schedule, the draft or a built-in edition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.findings import Finding
from partnerfw.policy.project import Project, load_edition, load_policy_file
from partnerfw.policy.schedule import Edition
from partnerfw.policy.schema import EDITIONS, Policy


def default_compared(project: Project, day: dt.date) -> str:
    """The draft when partnerfw.yaml holds one, else the other built-in edition."""
    if project.schedule.draft is not None:
        return "draft"
    return "earlier" if project.schedule.policy_on(day).edition == "revised" else "revised"


def compared_policy(
    project: Project, given: str | None, day: dt.date
) -> tuple[Policy | None, str, list[Finding]]:
    """(the policy, how to name it, problems reading it) for ``--compare-policy given``."""
    label = given or default_compared(project, day)
    schedule = project.schedule
    if label == "draft" and schedule.draft is None:
        raise UserError(
            "--compare-policy draft: partnerfw.yaml holds no draft; add one under 'draft:' "
            "(edition: and policy:) or name a policy file"
        )
    # A built-in name means the shipped edition (as it always has); other names may be an
    # edition of the schedule or the draft, with the council's overrides.
    named = None if label in EDITIONS else schedule.named(label)
    if named is not None:
        if label == "draft" and schedule.draft_name:
            label = f"draft ({schedule.draft_name})"
        return named, label, []
    path = Path(label)
    if label not in EDITIONS and not (path if path.is_absolute() else Path.cwd() / path).is_file():
        raise UserError(
            f"--compare-policy {label}: no such file; give a policy file, a partnerfw.yaml, "
            f"'draft' (partnerfw.yaml's draft) or a built-in edition ({', '.join(EDITIONS)})"
        )
    policy, problems = load_policy_file(path)
    return policy, label, problems


def named_edition(
    project: Project, name: str | None, day: dt.date
) -> tuple[Policy, Edition | None]:
    """The policy ``rules --edition name`` lists, and its line of the schedule (None: the
    draft, or a built-in edition the schedule does not hold); without a name, the edition in
    force on ``day``. The schedule's editions and the draft carry the council's overrides."""
    schedule = project.schedule
    if name is None:
        line = schedule.edition_on(day)
        return line.policy, line
    named = schedule.named(name)
    if named is None and name not in EDITIONS:
        known = [e.name for e in schedule.editions] + (["draft"] if schedule.draft else [])
        raise UserError(
            f"--edition '{name}': not in partnerfw.yaml ({', '.join(known)}) nor a "
            f"built-in edition ({', '.join(EDITIONS)})"
        )
    policy = named if named is not None else load_edition(name)
    return policy, next((e for e in schedule.editions if e.policy is policy), None)
