"""Governance arrangements (4.2-4.4, 4.11, 5.9, 1.14) and the agreement's contents (App3)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from partnerfw.findings import Severity
from partnerfw.judge.governance_items import label, paragraph
from partnerfw.judge.stages import ALL_KINDS, APPROVED_ONWARDS, BEFORE_APPROVAL, EVALUATED, RUNNING
from partnerfw.record.models import AgreementItems, Governance, Item, ItemStatus, Kind, Status
from partnerfw.rules.base import Context, Hit, blank, rule

_AGREEMENT_KINDS = ALL_KINDS - {Kind.INFORMAL_NETWORK, Kind.OUTSIDE_BODY}


def not_in(items: BaseModel, names: list[str], accepted: set[ItemStatus]) -> list[str]:
    missing = []
    for name in names:
        item: Item | None = getattr(items, name)
        if item is None or item.status not in accepted:
            missing.append(name)
    return missing


def _listing(model: type[BaseModel], names: list[str]) -> str:
    return ", ".join(f"{label(n)} ({paragraph(model, n)})" for n in names)


@rule(
    "GOV001",
    "governance",
    "Governance arrangements considered before entering",
    Severity.ERROR,
    "Framework 4.3-4.4, Appendix 1",
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def governance_items(ctx: Context) -> Iterator[Hit]:
    """Every governance item the policy requires for the kind is in place, or drafted ready for
    formal approval, before entering: 4.3(a-m) and the Appendix 1 list for partnerships; terms
    of reference or a service level agreement for commissioning (1.14)."""
    requirements = ctx.policy.requirements.get(ctx.arrangement.kind)
    if requirements is None or not requirements.governance:
        return
    missing = not_in(
        ctx.arrangement.governance,
        requirements.governance,
        {ItemStatus.IN_PLACE, ItemStatus.DRAFTED, ItemStatus.NOT_APPLICABLE},
    )
    if missing:
        yield Hit(
            f"governance not yet considered: {_listing(Governance, missing)}; record each "
            "under governance with its status and where it is held",
            ("governance",),
            local=ctx.chosen(f"requirements.{ctx.arrangement.kind.value}.governance"),
        )


@rule(
    "GOV002",
    "governance",
    "Drafted governance in place once running",
    Severity.WARNING,
    "Framework 4.1, Appendix 1 (Partnership Governance Arrangements)",
    stages=RUNNING,
)
def governance_drafted(ctx: Context) -> Iterator[Hit]:
    """Governance items may be 'drafted ready for formal approval' before entering (Appendix 1);
    once the arrangement is running, suitable governance arrangements are in place (4.1), so
    drafted items should have been adopted."""
    requirements = ctx.policy.requirements.get(ctx.arrangement.kind)
    if requirements is None:
        return
    drafted = [
        n
        for n in requirements.governance
        if (item := getattr(ctx.arrangement.governance, n)) is not None
        and item.status is ItemStatus.DRAFTED
    ]
    if drafted:
        yield Hit(
            f"still only drafted although the arrangement is running: "
            f"{_listing(Governance, drafted)}; adopt them and mark them in_place",
            ("governance",),
            local=ctx.chosen(f"requirements.{ctx.arrangement.kind.value}.governance"),
        )


@rule(
    "GOV003",
    "governance",
    "Public information and complaints procedure",
    Severity.ERROR,
    "Framework 4.11",
    kinds=[*EVALUATED, Kind.COMMISSIONING],
    stages=APPROVED_ONWARDS,
)
def public_facing(ctx: Context) -> Iterator[Hit]:
    """An arrangement that serves the public gives clear public information and has a written
    complaints procedure (for a shared service, usually the host authority's)."""
    if not ctx.arrangement.public_facing:
        return
    missing = not_in(
        ctx.arrangement.governance, ["public_information", "complaints"], {ItemStatus.IN_PLACE}
    )
    if missing:
        yield Hit(
            "it serves the public, so it needs "
            + " and ".join(
                {
                    "public_information": "clear public information about its services",
                    "complaints": "a written complaints procedure",
                }[m]
                for m in missing
            )
            + " in place (governance.public_information, governance.complaints)",
            ("governance",),
        )


@rule(
    "GOV004",
    "governance",
    "Monitoring Officer involved in the formal agreement",
    Severity.ERROR,
    "Framework 4.2",
    kinds=_AGREEMENT_KINDS,
    stages=APPROVED_ONWARDS,
)
def monitoring_officer_in_agreement(ctx: Context) -> Iterator[Hit]:
    """The Monitoring Officer (or Deputy) is involved in developing any formal agreement."""
    agreement = ctx.arrangement.agreement
    if (agreement.document or agreement.signed) and not agreement.monitoring_officer_involved:
        yield Hit(
            "a formal agreement is recorded but not the Monitoring Officer's involvement in "
            "drawing it up: set agreement.monitoring_officer_involved once confirmed",
            ("agreement",),
        )


@rule(
    "GOV005",
    "governance",
    "Representatives briefed on appointment",
    Severity.WARNING,
    "Framework 5.9",
    kinds=EVALUATED,
    stages=RUNNING,
)
def representatives_briefed(ctx: Context) -> Iterator[Hit]:
    """Members and officers representing the council are told their responsibilities when
    appointed."""
    if not ctx.arrangement.monitoring.representatives_briefed:
        yield Hit(
            "brief the council's representatives on their responsibilities and set "
            "monitoring.representatives_briefed",
            ("monitoring",),
        )


@rule(
    "AGR001",
    "agreement",
    "Agreement recorded and complete",
    Severity.ERROR,
    "Appendix 3",
    kinds=EVALUATED,
    stages=RUNNING,
)
def agreement_items(ctx: Context) -> Iterator[Hit]:
    """A running partnership or shared service has a signed agreement containing every item
    Appendix 3 lists for its kind (more when it serves the public)."""
    arrangement = ctx.arrangement
    requirements = ctx.policy.requirements.get(arrangement.kind)
    if requirements is None:
        return
    names = list(requirements.agreement)
    if arrangement.public_facing:
        names += [n for n in requirements.agreement_if_public_facing if n not in names]
    if not names:
        return
    kind = arrangement.kind.value
    settings = [f"requirements.{kind}.agreement"]
    if arrangement.public_facing:
        settings.append(f"requirements.{kind}.agreement_if_public_facing")
    local = ctx.chosen(*settings)
    if blank(arrangement.agreement.document):
        yield Hit(
            "record where the signed agreement is held under agreement.document",
            ("agreement",),
            local=local,
        )
    missing = not_in(
        arrangement.agreement.items, names, {ItemStatus.IN_PLACE, ItemStatus.NOT_APPLICABLE}
    )
    if missing:
        yield Hit(
            f"the agreement does not (yet) cover: {_listing(AgreementItems, missing)}",
            ("agreement", "items") if "items" in _keys(ctx, "agreement") else ("agreement",),
            local=local,
        )


def _keys(ctx: Context, section: str) -> set[str]:
    data = ctx.record.document.data.get(section)
    return set(data) if isinstance(data, dict) else set()


@rule(
    "AGR002",
    "agreement",
    "FOI officer designated",
    Severity.WARNING,
    "Appendix 3 1.7",
    kinds=[Kind.PARTNERSHIP],
    stages=RUNNING,
)
def foi_officer(ctx: Context) -> Iterator[Hit]:
    """The partnership designates one officer of a public sector partner as its FOI officer."""
    if blank(ctx.arrangement.agreement.foi_officer):
        yield Hit(
            "name the partnership's designated FOI officer under agreement.foi_officer",
            ("agreement",),
        )


@rule(
    "AGR003",
    "agreement",
    "Term stated: fixed or indefinite, with renewal",
    Severity.ERROR,
    "Appendix 3 1.2",
    kinds=_AGREEMENT_KINDS,
    stages=[Status.PROPOSED, *APPROVED_ONWARDS],
    before_approval=True,
)
def term(ctx: Context) -> Iterator[Hit]:
    """The record says when the arrangement starts, and whether it lasts indefinitely or for a
    fixed period, with any renewal arrangements."""
    dates = ctx.arrangement.dates
    if dates.start is None and ctx.arrangement.status is not Status.PROPOSED:
        yield Hit("record the start date under dates.start", ("dates",))
    if dates.end is None and not dates.indefinite:
        yield Hit(
            "say whether it runs for a fixed term (dates.end) or indefinitely "
            "(dates.indefinite: true)",
            ("dates",),
        )
    elif dates.end is not None and blank(dates.renewal) and ctx.arrangement.kind in EVALUATED:
        yield Hit(
            "a fixed-term arrangement should say how it is renewed (dates.renewal), or "
            "'not renewable'",
            ("dates",),
        )
