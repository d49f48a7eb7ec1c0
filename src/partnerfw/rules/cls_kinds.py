"""The kind cross-checked against the record: a kind is declared, but the framework defines
each one (1.7, 1.10, 1.12, 1.14, the review minutes), and a record whose facts do not fit its
kind would escape the evaluation or the approval that the right kind needs."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from partnerfw.findings import Severity
from partnerfw.judge.dates import add_months
from partnerfw.judge.partners import is_local_authority
from partnerfw.record.models import Kind, Payment, SharedServiceType, Status
from partnerfw.record.money import money
from partnerfw.rules.base import Context, Hit, blank, rule

_LIVE = frozenset(Status) - {Status.ENDED}


@rule(
    "CLS003",
    "classification",
    "Informal network with no council budget or staff",
    Severity.WARNING,
    "Framework review minutes (informal networks)",
    kinds=[Kind.INFORMAL_NETWORK],
    stages=_LIVE,
)
def informal_network_resources(ctx: Context) -> Iterator[Hit]:
    """An informal network is an information-sharing group that is 'not formal' (the review
    minutes' example: the county's finance officers' group), so it has light governance and no
    Member approval. A council budget for it, or council staff time beyond attending (the
    policy's ``kind_checks`` limit, the council's own choice), means the council is resourcing
    it: it is then likely a partnership (1.7) to classify (1.9), evaluate (2.4) and approve
    (2.11)."""
    resources = ctx.arrangement.council_resources
    limits = ctx.policy.kind_checks
    then = (
        "so it is more than an informal network: if the council works with the other bodies "
        "towards shared objectives it is a partnership (Framework 1.7), to record as kind "
        "partnership and approve (2.11); otherwise remove the council's "
    )
    budget = resources.dedicated_budget or Decimal(0)
    fte = resources.staff_fte or Decimal(0)
    cost = resources.staff_cost or Decimal(0)
    if budget > 0:
        yield Hit(
            f"the council gives it a budget of {money(budget)}, {then}budget from the record",
            ("council_resources", "dedicated_budget"),
        )
    days = resources.staff_days_per_year
    if fte > limits.informal_network_staff_fte:
        staff = (
            f"{fte} FTE of council staff time, more than the "
            f"{limits.informal_network_staff_fte} FTE of attending meetings the policy allows"
        )
        yield Hit(f"it takes {staff}, {then}staff time", ("council_resources", "staff_fte"))
    elif days is not None and days > limits.informal_network_staff_days:
        staff = (
            f"{days} days a year of council staff time, more than the "
            f"{limits.informal_network_staff_days} days of attending meetings the policy allows"
        )
        yield Hit(
            f"it takes {staff}, {then}staff time", ("council_resources", "staff_days_per_year")
        )
    elif cost > 0 and fte == 0 and days is None:
        yield Hit(
            f"a council staff cost of {money(cost)} is recorded but not the "
            "time: give it under council_resources.staff_fte or staff_days_per_year, so it can "
            "be seen whether this is attending meetings or council staff given to it",
            ("council_resources", "staff_cost"),
        )


@rule(
    "CLS004",
    "classification",
    "Commissioning: the council is paid",
    Severity.ERROR,
    "Framework 1.14",
    kinds=[Kind.COMMISSIONING],
    stages=_LIVE,
)
def commissioning_payment(ctx: Context) -> Iterator[Hit]:
    """A commissioning arrangement is one 'whereby the council is paid to deliver a service on
    behalf of another organisation' (1.14). The record says who pays under
    ``commissioning.payment``; when the council pays, it is not commissioning in the
    framework's sense but a contract for services (or, working towards shared objectives, a
    partnership, 1.7), with the approval that needs."""
    terms = ctx.arrangement.commissioning
    if terms is None or terms.payment is None:
        yield Hit(
            "say who pays under commissioning.payment: the_council_is_paid (a commissioning "
            "arrangement) or the_council_pays, and who pays the council under "
            "commissioning.paid_by",
            ("commissioning",) if terms is not None else ("kind",),
            severity=Severity.WARNING,
        )
    elif terms.payment is Payment.THE_COUNCIL_PAYS:
        yield Hit(
            "the council pays for this service rather than being paid to deliver it, so it is "
            "not a commissioning arrangement (Framework 1.14): a contract for a service the "
            "council buys follows the contract procedure rules; if the council and the other "
            "body work together towards shared objectives it is a partnership (1.7): record it "
            "as that kind",
            ("commissioning", "payment"),
        )
    elif blank(terms.paid_by):
        yield Hit(
            "name the organisation that pays the council under commissioning.paid_by",
            ("commissioning",),
            severity=Severity.WARNING,
        )


@rule(
    "CLS005",
    "classification",
    "Shared service with local authorities only",
    Severity.ERROR,
    "Framework 1.12",
    kinds=[Kind.SHARED_SERVICE],
    stages=_LIVE,
)
def shared_with_local_authorities(ctx: Context) -> Iterator[Hit]:
    """Shared services are 'joint-working between local authorities' (1.12), with their own
    route (3.10) and agreement (Appendix 3). A partner that is not a local authority (a
    private, voluntary or community body, the police, the NHS) makes it a partnership (1.7)
    or a contract instead. A public body whose name does not say it is a council is asked to
    be confirmed with ``local_authority: true``."""
    partners = ctx.arrangement.partners
    if not partners:
        yield Hit(
            "a shared service is joint working with one or more other local authorities "
            "(Framework 1.12): name them under partners",
            ("partners",) if "partners" in ctx.record.document.data else ("kind",),
        )
    for index, partner in enumerate(partners):
        verdict = is_local_authority(partner)
        if verdict is False:
            yield Hit(
                f"{partner.name} is not a local authority ({partner.sector.value} sector), but "
                "a shared service is joint working between local authorities (Framework 1.12): "
                "working with it is a partnership (1.7) or a contract; record it as that kind, "
                "or correct the partner",
                ("partners", index),
            )
        elif verdict is None:
            yield Hit(
                f"is {partner.name} a local authority? A shared service is between local "
                f"authorities (Framework 1.12): set partners.{index}.local_authority to true "
                "if it is; if not, it is a partnership (1.7) or a contract",
                ("partners", index),
                severity=Severity.WARNING,
            )


@rule(
    "CLS006",
    "classification",
    "Ad-hoc resilience is short-term",
    Severity.ERROR,
    "Framework 1.12, 3.10",
    kinds=[Kind.SHARED_SERVICE],
    stages=_LIVE,
    before_approval=True,
)
def ad_hoc_short_term(ctx: Context) -> Iterator[Hit]:
    """Ad-hoc resilience is extra capacity 'on a short term basis', a short-term 'fix' such as
    maternity cover (1.12), and so needs no Member approval, only the Leader and the Portfolio
    Holder kept informed (3.10.2). Open-ended, or longer than the policy's
    ``kind_checks.ad_hoc_resilience_months`` (the framework gives no number: the council's own
    choice), it is joint officer resilience 'on a long-term or permanent basis' (1.12), which
    the Leader approves with the relevant Portfolio Holder (3.10.1)."""
    shared = ctx.arrangement.shared_service
    if shared is None or shared.type is not SharedServiceType.AD_HOC_RESILIENCE:
        return
    dates = ctx.arrangement.dates
    limit = ctx.policy.kind_checks.ad_hoc_resilience_months
    local: str | None = None
    if dates.indefinite or dates.end is None:
        how = "it is open-ended (indefinite)" if dates.indefinite else "it has no end date"
        path: tuple[str | int, ...] = ("dates",)
    elif dates.start is not None and dates.end.earliest > add_months(dates.start.latest, limit):
        how = f"it runs from {dates.start} to {dates.end}, longer than {limit} months"
        path = ("dates", "end")
        local = ctx.chosen("kind_checks.ad_hoc_resilience_months")
    else:
        return
    yield Hit(
        f"ad-hoc resilience is short-term cover (Framework 1.12) and so needs no Member "
        f"approval (3.10.2), but {how} (the council's limit: policy "
        "kind_checks.ad_hoc_resilience_months): long-term or permanent cover is joint officer "
        "working (1.12), approved by the Leader with the relevant Portfolio Holder (3.10.1). "
        "Record it as shared_service.type joint_officer and seek that approval, or record "
        "when the cover ends under dates.end",
        path,
        local=local,
    )


@rule(
    "CLS007",
    "classification",
    "Partnership with an independent partner",
    Severity.ERROR,
    "Framework 1.7",
    kinds=[Kind.PARTNERSHIP],
    stages=_LIVE,
    before_approval=True,
)
def independent_partner(ctx: Context) -> Iterator[Hit]:
    """A partnership is 'an agreement between the Council and one or more independent bodies'
    (1.7). With no partner, or only bodies that are not independent of the council (its own
    company, marked ``independent: false``), it is not a partnership: it is the council's own
    service or its company (1.10)."""
    partners = ctx.arrangement.partners
    if not partners:
        yield Hit(
            "a partnership is between the council and one or more independent bodies "
            "(Framework 1.7): name them under partners, or, if there are none, it is not a "
            "partnership",
            ("partners",) if "partners" in ctx.record.document.data else ("kind",),
        )
    elif not any(p.independent for p in partners):
        names = ", ".join(p.name for p in partners)
        yield Hit(
            f"no partner is independent of the council ({names}), but a partnership is with "
            "one or more independent bodies (Framework 1.7): record the independent partners, "
            "or record it as what it is (a company or trust of the council, 1.10)",
            ("partners",),
        )


@rule(
    "CLS008",
    "classification",
    "Company or trust under a management agreement managed as a contract",
    Severity.WARNING,
    "Framework 1.10",
    kinds=[Kind.COMPANY_OR_TRUST],
    stages=_LIVE,
)
def management_contract(ctx: Context) -> Iterator[Hit]:
    """1.10 leaves out of the framework a company or trust the partners create for their
    purposes. A company or trust that runs council services under a management agreement
    (a leisure trust running the council's centres) is different: a contract the council lets,
    to manage as a contract. The record says so under ``management_agreement`` and names where
    the contract is held, the officer who manages it and how its performance is monitored."""
    agreement = ctx.arrangement.management_agreement
    if agreement is None:
        return
    missing = [
        what
        for what, value in (
            (
                "where the signed contract is held (management_agreement.document)",
                agreement.document,
            ),
            (
                "the officer who manages the contract (management_agreement.contract_manager)",
                agreement.contract_manager,
            ),
            (
                "how its performance against the contract is monitored "
                "(management_agreement.performance_monitoring)",
                agreement.performance_monitoring,
            ),
        )
        if blank(value)
    ]
    if missing:
        yield Hit(
            f"it runs council services ({agreement.services}) under a management agreement: "
            "that is a contract, not a body outside the framework (1.10), and is managed as a "
            "contract; record " + "; ".join(missing),
            ("management_agreement",),
        )
