"""Names checked against the master lists of partnerfw.yaml: councillors, officers, Corporate
Plan objectives (and the holders of the policy's roles). A wrong Lead Member or a misspelt
officer in the published register is a real and embarrassing error; each list is checked only
when partnerfw.yaml keeps it."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator

from partnerfw.findings import Severity
from partnerfw.judge.names import normal
from partnerfw.rules.base import Context, Hit, rule

_WHERE = "partnerfw.yaml"


def _suggest(name: str, choices: Iterable[str], prefer: str | None = None) -> str:
    options = {normal(c): c for c in choices}
    if prefer and difflib.SequenceMatcher(None, normal(name), normal(prefer)).ratio() >= 0.6:
        return f" (did you mean '{prefer}'?)"
    close = difflib.get_close_matches(normal(name), list(options), n=1, cutoff=0.6)
    return f" (did you mean '{options[close[0]]}'?)" if close else ""


@functools.lru_cache(maxsize=32)
def _normalised(names: tuple[str, ...]) -> frozenset[str]:
    """The names of a master list as ``normal`` compares them, worked out once per list
    rather than once for every name a record gives."""
    return frozenset(normal(n) for n in names)


def _holders(ctx: Context) -> list[str]:
    return [r.holder for r in ctx.policy.roles.values() if r.holder]


def _people(ctx: Context) -> Iterator[tuple[str, str, tuple[str | int, ...], tuple[str, ...]]]:
    """(what, name, path, list name) for each person the record names."""
    a = ctx.arrangement
    yield "the lead officer", a.lead_officer.name, ("lead_officer", "name"), ("officers",)
    if a.evaluation.completed_by is not None:
        yield (
            "the officer completing the evaluation",
            a.evaluation.completed_by.name,
            ("evaluation", "completed_by", "name"),
            ("officers",),
        )
    for i, officer in enumerate(a.evaluation.senior_officers):
        yield "the senior officer", officer, ("evaluation", "senior_officers", i), ("officers",)
    for which in ("monitoring_officer", "section_151_officer"):
        opinion = getattr(a.opinions, which)
        if opinion is not None:
            yield (
                f"the {which.replace('_', ' ')} giving the opinion",
                opinion.name,
                ("opinions", which, "name"),
                ("officers",),
            )
    if a.monitoring.assurance is not None:
        yield (
            "the officer giving assurance",
            a.monitoring.assurance.officer,
            ("monitoring", "assurance", "officer"),
            ("officers",),
        )
    if a.lead_member is not None:
        yield "the Lead Member", a.lead_member.name, ("lead_member", "name"), ("councillors",)
    for i, member in enumerate(a.members):
        yield "the councillor", member.name, ("members", i, "name"), ("councillors",)
    if a.joint_committee is not None:
        for i, seats in enumerate(a.joint_committee.membership):
            if not seats.this_council:
                continue  # another authority's members are not on this council's lists
            for j, name in enumerate(seats.members):
                yield (
                    "the joint committee member",
                    name,
                    ("joint_committee", "membership", i, "members", j),
                    ("councillors",),
                )
    if a.outside_body is not None:
        for i, person in enumerate(a.outside_body.appointees):
            yield (
                "the councillor appointed" if person.councillor else "the officer appointed",
                person.name,
                ("outside_body", "appointees", i, "name"),
                ("councillors",) if person.councillor else ("officers",),
            )
    for i, approval in enumerate(a.approvals):
        yield (
            f"the {ctx.policy.role_title(approval.role)} decision's",
            approval.name,
            ("approvals", i, "name"),
            ("councillors", "officers"),
        )


@rule(
    "LST001",
    "master lists",
    "People named are on the master lists",
    Severity.ERROR,
    "Framework 5.6 (the published register)",
)
def people_on_lists(ctx: Context) -> Iterator[Hit]:
    """Each lead officer, evaluating officer, statutory officer, officer giving assurance,
    Lead Member, councillor, this council's joint committee members, appointee to an outside
    body and decision-maker the record names is on the ``officers`` or ``councillors`` list of
    partnerfw.yaml (or holds a role there). A decision may also name the body that took it, by
    its role title (e.g. 'Management Team'). Partner authorities' decisions and other
    authorities' joint committee members are not this council's people and are not checked.
    Checked only for the lists partnerfw.yaml keeps."""
    holders = tuple(_holders(ctx))
    titles = _normalised(tuple(role.title for role in ctx.policy.roles.values()))
    for what, name, path, lists in _people(ctx):
        kept = [getattr(ctx.lists, which) for which in lists]
        if any(k is None for k in kept):
            continue
        allowed = [_normalised(k or ()) for k in kept] + [_normalised(holders)]
        if path[0] == "approvals":
            allowed.append(titles)
        said = normal(name)
        if any(said in names for names in allowed):
            continue
        known = [n for k in kept for n in (k or ())] + list(holders)
        prefer = None
        if path[0] == "approvals":
            role = ctx.policy.roles.get(ctx.arrangement.approvals[int(path[1])].role)
            prefer = role.holder if role else None
        listed = " or ".join(lists)
        yield Hit(
            f"{what} '{name}' is not on the {listed} list in {_WHERE}"
            f"{_suggest(name, known, prefer)}: correct the name, or add them to the list",
            path,
        )


@rule(
    "LST002",
    "master lists",
    "Corporate Plan objectives are on the list",
    Severity.ERROR,
    "Framework 1.9 (Corporate Plan objectives)",
)
def objectives_on_list(ctx: Context) -> Iterator[Hit]:
    """Each Corporate Plan objective the record names is one of the ``corporate_objectives``
    of partnerfw.yaml, written the same way, so significance (1.9) and reports group them."""
    objectives = ctx.lists.corporate_objectives
    if objectives is None:
        return
    allowed = {" ".join(o.split()).casefold() for o in objectives}
    for i, objective in enumerate(ctx.arrangement.corporate_objectives):
        if " ".join(objective.split()).casefold() in allowed:
            continue
        close = difflib.get_close_matches(objective, list(objectives), n=1, cutoff=0.5)
        if not close:
            close = [o for o in objectives if objective.casefold() in o.casefold()][:1]
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        yield Hit(
            f"the Corporate Plan objective '{objective}' is not on the corporate_objectives "
            f"list in {_WHERE}{hint}: correct it, or add it to the list",
            ("corporate_objectives", i),
        )
