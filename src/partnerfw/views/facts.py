"""The governance facts councils record, as the public sees them on an arrangement's page:
statutory basis, Lead Member, a company's form, an outside body's appointments, the overall
budget over the term, external funding, a joint committee, partner authorities' decisions and
audit opinions. Plain view data for the templates; every value goes through the record's
``Redaction`` so nothing listed as confidential is shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from partnerfw.judge.classify import ASSURANCE_LABELS, COMPANY_FORM_LABELS
from partnerfw.record.models import Arrangement, Decision
from partnerfw.record.money import money
from partnerfw.views.common import WITHHELD, Entry, long_date
from partnerfw.views.redaction import Redaction

_DECISIONS = {
    Decision.APPROVED: "Approved",
    Decision.REJECTED: "Rejected",
    Decision.DISCUSSED: "Discussed",
    Decision.INFORMED: "Informed",
}


@dataclass(frozen=True)
class Table:
    """A table for the page: its caption, column headings and rows of text."""

    caption: str
    headings: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


@dataclass(frozen=True)
class FactsView:
    overview: list[Entry] = field(default_factory=list)
    appointments: list[Entry] = field(default_factory=list)
    appointees: Table | None = None
    funding: list[Entry] = field(default_factory=list)
    budget_years: Table | None = None
    external_funding: Table | None = None
    joint_committee: list[Entry] = field(default_factory=list)
    joint_committee_seats: Table | None = None
    partner_decisions: Table | None = None
    audit: Table | None = None


def _day(day: dt.date | None) -> str:
    return long_date(day) if day else ""


def statutory_text(a: Arrangement) -> str | None:
    """'Statutory: Crime and Disorder Act 1998, s5' or 'Not statutory'."""
    basis = a.statutory_basis
    if basis is None:
        return None
    if not basis.statutory:
        return "Not statutory" + (f" (made under {_act(a)})" if basis.act else "")
    return f"Statutory: {_act(a)}"


def _act(a: Arrangement) -> str:
    basis = a.statutory_basis
    assert basis is not None and basis.act is not None
    return f"{basis.act}, {basis.section}" if basis.section else basis.act


def external_funding_secured(a: Arrangement) -> list[int]:
    """Positions of the external funding actually secured (not only potential)."""
    return [i for i, f in enumerate(a.external_funding) if f.secured]


def facts_view(a: Arrangement, r: Redaction) -> FactsView:
    return FactsView(
        overview=_overview(a, r),
        appointments=_appointments(a, r),
        appointees=_appointees(a, r),
        funding=_funding(a, r),
        budget_years=_budget_years(a, r),
        external_funding=_external(a, r),
        joint_committee=_joint_committee(a, r),
        joint_committee_seats=_seats(a, r),
        partner_decisions=_partner_decisions(a, r),
        audit=_audit(a, r),
    )


def _overview(a: Arrangement, r: Redaction) -> list[Entry]:
    entries = []
    if a.company is not None and not r.hidden("company"):
        entries.append(Entry("Legal form", COMPANY_FORM_LABELS[a.company.form]))
        for label, value, name in (
            ("Registered number", a.company.registered_number, "registered_number"),
            ("The council's part", a.company.council_role, "council_role"),
            ("Community interest", a.company.community_interest, "community_interest"),
        ):
            shown = r.text(value, "company", name)
            if shown:
                entries.append(Entry(label, shown))
    if a.statutory_basis is not None and not r.hidden("statutory_basis"):
        entries.append(Entry("Statutory status", statutory_text(a) or ""))
        duty = r.text(a.statutory_basis.duty, "statutory_basis", "duty")
        if duty:
            entries.append(Entry("What the law requires", duty))
    if a.lead_member is not None:
        lead = r.text(a.lead_member.name, "lead_member", "name")
        if lead:
            office = r.text(a.lead_member.title, "lead_member", "title")
            entries.append(Entry("Lead Member", f"{lead}, {office}" if office else lead))
    return entries


def _appointments(a: Arrangement, r: Redaction) -> list[Entry]:
    body = a.outside_body
    if body is None or r.hidden("outside_body"):
        return []
    entries = []
    for label, value, name in (
        ("Outside body", body.organisation, "organisation"),
        ("Registered number", body.registered_number, "registered_number"),
        ("Appointed by", body.appointed_by, "appointed_by"),
        ("Decision", body.reference, "reference"),
        ("Indemnity", body.indemnity, "indemnity"),
        ("Reporting back", body.reports_back, "reports_back"),
    ):
        shown = r.text(value, "outside_body", name)
        if shown:
            entries.append(Entry(label, shown))
    if body.legal_form is not None and not r.hidden("outside_body", "legal_form"):
        entries.insert(1, Entry("Its legal form", COMPANY_FORM_LABELS[body.legal_form]))
    return entries


def _appointees(a: Arrangement, r: Redaction) -> Table | None:
    body = a.outside_body
    if body is None or r.hidden("outside_body"):
        return None
    rows = []
    for i, person in enumerate(body.appointees):
        name = r.text(person.name, "outside_body", "appointees", i, "name")
        if name is None:
            continue
        rows.append(
            (
                name,
                "Councillor" if person.councillor else "Officer",
                person.capacity.value.replace("_", " ").capitalize(),
                _day(person.appointed),
                _day(person.term_ends),
            )
        )
    if not rows:
        return None
    return Table(
        "The council's appointees",
        ("Name", "Councillor or officer", "Capacity", "Appointed", "Term ends"),
        rows,
    )


def _funding(a: Arrangement, r: Redaction) -> list[Entry]:
    entries = []
    if a.overall_budget is not None and not r.hidden("overall_budget"):
        entries.append(Entry("Overall budget (a year)", money(a.overall_budget)))
    term = a.overall_budget_over_term
    if term is not None and not r.hidden("overall_budget_over_term"):
        period = r.text(term.period, "overall_budget_over_term", "period")
        label = (
            f"Overall budget over the term ({period})" if period else "Overall budget over the term"
        )
        entries.append(Entry(label, money(term.total)))
    secured = [
        i for i in external_funding_secured(a) if not r.touched("external_funding", i, "amount")
    ]
    if secured and not r.hidden("external_funding"):
        total = sum((a.external_funding[i].amount for i in secured), Decimal(0))
        entries.append(Entry("External funding secured", money(total)))
    return entries


def _budget_years(a: Arrangement, r: Redaction) -> Table | None:
    term = a.overall_budget_over_term
    if term is None or not term.by_year or r.hidden("overall_budget_over_term"):
        return None
    rows = [
        (year.year, money(year.amount))
        for i, year in enumerate(term.by_year)
        if not r.hidden("overall_budget_over_term", "by_year", i)
    ]
    return Table("Overall budget by financial year", ("Financial year", "Budget"), rows)


def _external(a: Arrangement, r: Redaction) -> Table | None:
    if not a.external_funding or r.hidden("external_funding"):
        return None
    rows = []
    for i, fund in enumerate(a.external_funding):
        if r.hidden("external_funding", i):
            continue
        source = r.text(fund.source, "external_funding", i, "source") or WITHHELD
        scheme = r.text(fund.scheme, "external_funding", i, "scheme")
        amount = "" if r.hidden("external_funding", i, "amount") else money(fund.amount)
        period = " to ".join(d for d in (_day(fund.start), _day(fund.end)) if d)
        rows.append(
            (
                f"{source}: {scheme}" if scheme else source,
                amount,
                "Secured" if fund.secured else "Could be sought",
                r.text(fund.use, "external_funding", i, "use") or "",
                period,
            )
        )
    if not rows:
        return None
    return Table(
        "External funding (not from the partners)",
        ("Source", "Amount", "Secured?", "What it is for", "Period"),
        rows,
    )


def _joint_committee(a: Arrangement, r: Redaction) -> list[Entry]:
    jc = a.joint_committee
    if jc is None or r.hidden("joint_committee"):
        return []
    path = "joint_committee"
    entries = [Entry("Joint committee", jc.name)]
    for label, value, name in (
        ("Legal basis", jc.legal_basis, "legal_basis"),
        ("Administering authority", jc.administering_authority, "administering_authority"),
    ):
        shown = r.text(value, path, name)
        if shown:
            entries.append(Entry(label, shown))
    voting = sum(s.seats for s in jc.membership if s.voting)
    entries.append(Entry("Voting seats", str(voting)))
    quorum = [] if jc.quorum is None else [f"{jc.quorum} voting members"]
    note = r.text(jc.quorum_note, path, "quorum_note")
    quorum += [note] if note else []
    if quorum and not r.hidden(path, "quorum"):
        entries.append(Entry("Quorum", "; ".join(quorum)))
    for label, value, name in (
        ("Chair", jc.chair, "chair"),
        ("Vice-chair", jc.vice_chair, "vice_chair"),
        ("Meetings", jc.meetings, "meetings"),
    ):
        shown = r.text(value, path, name)
        if shown:
            entries.append(Entry(label, shown))
    return entries


def _seats(a: Arrangement, r: Redaction) -> Table | None:
    jc = a.joint_committee
    if jc is None or r.hidden("joint_committee"):
        return None
    rows = []
    for i, seats in enumerate(jc.membership):
        if r.hidden("joint_committee", "membership", i):
            continue
        members = [
            m
            for j, m in enumerate(seats.members)
            if not r.hidden("joint_committee", "membership", i, "members", j)
        ]
        rows.append(
            (
                seats.authority,
                str(seats.seats),
                "Yes" if seats.voting else "No",
                "; ".join(members) or "Not recorded",
            )
        )
    return Table(
        "Membership of the joint committee", ("Authority", "Seats", "Voting", "Members"), rows
    )


def _partner_decisions(a: Arrangement, r: Redaction) -> Table | None:
    if not a.partner_decisions or r.hidden("partner_decisions"):
        return None
    rows = []
    for i, d in enumerate(a.partner_decisions):
        if r.hidden("partner_decisions", i):
            continue
        rows.append(
            (
                d.authority,
                d.body,
                _day(d.date),
                _DECISIONS[d.decision],
                r.text(d.reference, "partner_decisions", i, "reference") or "",
            )
        )
    if not rows:
        return None
    return Table(
        "Decisions by partner authorities",
        ("Authority", "Decided by", "Date", "Decision", "Their reference"),
        rows,
    )


def _audit(a: Arrangement, r: Redaction) -> Table | None:
    opinions = a.monitoring.audit_opinions
    if not opinions or r.hidden("monitoring", "audit_opinions") or r.hidden("monitoring"):
        return None
    rows = []
    for i, opinion in sorted(enumerate(opinions), key=lambda p: (p[1].date, p[0]), reverse=True):
        if r.hidden("monitoring", "audit_opinions", i):
            continue
        rows.append(
            (
                _day(opinion.date),
                ASSURANCE_LABELS[opinion.opinion],
                r.text(opinion.auditor, "monitoring", "audit_opinions", i, "auditor") or "",
                r.text(opinion.scope, "monitoring", "audit_opinions", i, "scope") or "",
                r.text(opinion.reference, "monitoring", "audit_opinions", i, "reference") or "",
            )
        )
    if not rows:
        return None
    return Table(
        "Audit opinions, latest first", ("Date", "Opinion", "Auditor", "Scope", "Report"), rows
    )


def open_facts(a: Arrangement, r: Redaction) -> dict[str, object]:
    """The governance facts' columns of the open data (``opendata.COLUMNS``)."""
    basis = None if r.hidden("statutory_basis") else a.statutory_basis
    term = None if r.hidden("overall_budget_over_term") else a.overall_budget_over_term
    funding = [
        {
            "source": r.text(f.source, "external_funding", i, "source"),
            "scheme": r.text(f.scheme, "external_funding", i, "scheme"),
            "amount": None if r.hidden("external_funding", i, "amount") else f"{f.amount}",
            "secured": f.secured,
        }
        for i, f in enumerate(a.external_funding)
        if not r.hidden("external_funding", i)
    ]
    secured_total = (
        None
        if r.touched("external_funding")
        else f"{sum((f.amount for f in a.external_funding if f.secured), Decimal(0))}"
    )
    audit = None
    if a.monitoring.audit_opinions and not r.touched("monitoring", "audit_opinions"):
        audit = max(a.monitoring.audit_opinions, key=lambda o: o.date)
    lead = a.lead_member
    return {
        "statutory": None if basis is None else basis.statutory,
        "statutory_basis": None if basis is None or not basis.act else _act(a),
        "lead_member": None if lead is None else r.text(lead.name, "lead_member", "name"),
        "overall_budget": None
        if a.overall_budget is None or r.hidden("overall_budget")
        else f"{a.overall_budget}",
        "overall_budget_over_term": None if term is None else f"{term.total}",
        "overall_budget_period": None
        if term is None
        else r.text(term.period, "overall_budget_over_term", "period"),
        "external_funding_secured": secured_total if a.external_funding else None,
        "external_funding": funding,
        "joint_committee": None
        if a.joint_committee is None or r.hidden("joint_committee")
        else a.joint_committee.name,
        "audit_opinion": None if audit is None else audit.opinion.value,
        "audit_opinion_date": None if audit is None else audit.date.isoformat(),
        "company_form": None if a.company is None or r.hidden("company") else a.company.form.value,
        "outside_body": None
        if a.outside_body is None or r.hidden("outside_body")
        else a.outside_body.organisation,
    }
