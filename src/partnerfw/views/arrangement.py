"""An arrangement's own page, as the public sees it: its line of the register table, the
overview (kind, class, officer, dates), why it is classed as it is, its purpose and the
council's own questions, its partners and the council's resources; the governance sections
(``governance``), its findings (``public_findings``), timeline and links (``history``) and the
governance facts (``facts``) complete it. Everything goes through the record's ``Redaction``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from partnerfw.findings import Finding
from partnerfw.judge.classify import (
    KIND_LABELS,
    STATUS_LABELS,
    counted_resources,
    kind_label,
)
from partnerfw.judge.timeline import has_started
from partnerfw.policy.schema import Policy
from partnerfw.policy.significance_tests import RESOURCE_FIELDS, ResourcesTest
from partnerfw.record.models import (
    AgreementItems,
    Arrangement,
    CouncilResources,
    Governance,
    Kind,
    Status,
)
from partnerfw.record.money import money
from partnerfw.record.partial_dates import PartialDate
from partnerfw.rules.engine import CheckedRecord
from partnerfw.views.common import WITHHELD, Entry, long_date, safe_url, shown_entries
from partnerfw.views.facts import facts_view
from partnerfw.views.governance import (
    agreement_entries,
    approval_views,
    exit_entries,
    exit_steps,
    item_views,
    monitoring_entries,
    next_review,
    opinion_entries,
    wanted_items,
)
from partnerfw.views.history import timeline_rows
from partnerfw.views.pages import Page, PartnerView, Row
from partnerfw.views.public_findings import finding_views
from partnerfw.views.redaction import Redaction

NOT_STATED = "Not stated"
"""The council's resources when the record gives none: not known, which is not £0."""
RESOURCES_AT_A_GLANCE = "Council resources (a year)"


def arrangement_page(
    item: CheckedRecord, policy: Policy, today: dt.date, r: Redaction, findings: list[Finding]
) -> Page:
    """Everything on the arrangement's page but its links and history (``site`` adds them)."""
    a = item.record.arrangement
    row = register_row(item, policy, today, r)
    return Page(
        facts=facts_view(a, r),
        row=row,
        summary=r.text(a.summary, "summary"),
        overview=_overview(a, row, r),
        reason=_reason(item, policy, r),
        reason_reference=item.classification.reference,
        purpose=_purpose(a, r) + _council_fields(a, policy, r),
        partners=_partners(a, r, today),
        resources=_resources(a, item, r),
        governance=item_views(
            a.governance, Governance, "governance", wanted_items(a, policy, False), r
        ),
        agreement=agreement_entries(a, r),
        agreement_items=item_views(
            a.agreement.items, AgreementItems, "agreement.items", wanted_items(a, policy, True), r
        ),
        exit_strategy=exit_entries(a, r),
        exit_steps=exit_steps(a, r),
        opinions=opinion_entries(a, r),
        approvals=approval_views(a, policy, r),
        monitoring=monitoring_entries(a, policy, today, r, item.classification.klass),
        findings=finding_views(findings, r),
        withheld=bool(r.confidential),
        timeline=timeline_rows(a, today, r),
    )


def register_row(item: CheckedRecord, policy: Policy, today: dt.date, r: Redaction) -> Row:
    a = item.record.arrangement
    c = r.classification(item.classification)
    withheld = r.touched("council_resources")
    stated = resources_stated(a.council_resources)
    resources = c.council_resources if stated and not withheld else None
    review = next_review(a, policy, r, today, item.classification.klass)
    return Row(
        id=a.id,
        name=r.text(a.name, "name") or "Name not published",
        href=f"arrangements/{a.id}.html",
        kind=a.kind.value,
        kind_label=KIND_LABELS[a.kind],
        klass=c.klass,
        class_label=c.label,
        class_note=c.decided_note,
        department=r.text(a.department, "department") or WITHHELD,
        resources=resources,
        resources_text=WITHHELD if withheld else c.resources_text if stated else NOT_STATED,
        status=a.status.value,
        status_label=STATUS_LABELS[a.status],
        status_order=list(Status).index(a.status),
        next_review=review,
        next_review_text=long_date(review) if review else "None due",
        review_overdue=bool(review and review < today),
    )


def resources_stated(c: CouncilResources) -> bool:
    """True when the record gives any of the council's resources a year: an amount, staff
    time or something in kind (none at all is 'not stated', never £0)."""
    amounts = (c.dedicated_budget, c.staff_cost, c.in_kind_value)
    return any(v is not None for v in amounts) or c.has_staff_time or c.has_in_kind


def _money_at_a_glance(a: Arrangement, row: Row) -> str:
    """The council's resources a year, as the register's table shows them, with the total
    over the term when the record gives it."""
    total = a.council_resources.total_over_term
    if row.resources_text == WITHHELD or total is None:
        return row.resources_text
    return f"{row.resources_text}; {money(total)} over the whole term"


def _overview(a: Arrangement, row: Row, r: Redaction) -> list[Entry]:
    entries = [
        Entry("Kind", kind_label(a)),
        Entry("Classification", row.class_label),
        Entry("Status", row.status_label),
        Entry(RESOURCES_AT_A_GLANCE, _money_at_a_glance(a, row)),
    ]
    if a.shared_service and not r.hidden("shared_service"):
        entries += shown_entries(
            r,
            (
                "Host authority",
                a.shared_service.host_authority,
                ("shared_service", "host_authority"),
            ),
            ("Legal basis", a.shared_service.legal_basis, ("shared_service", "legal_basis")),
            ("Cost split", a.shared_service.cost_split, ("shared_service", "cost_split")),
        )
    entries += shown_entries(
        r,
        ("Legal form", a.legal_form, ("legal_form",)),
        ("Lead organisation", a.lead_organisation, ("lead_organisation",)),
        ("Area", a.area, ("area",)),
    )
    entries += _officer(a, r)
    entries += shown_entries(
        r,
        ("Lead department", a.department, ("department",)),
        ("Cabinet portfolio", a.portfolio, ("portfolio",)),
        ("Cabinet Committee", a.committee, ("committee",)),
    )
    entries += _dates(a, r)
    if a.urgency.urgent and not r.hidden("urgency"):
        entries.append(
            Entry(
                "Urgent arrangement",
                r.text(a.urgency.justification, "urgency", "justification") or "Yes",
            )
        )
    return entries


def _officer(a: Arrangement, r: Redaction) -> list[Entry]:
    officer = a.lead_officer
    name = r.text(officer.name, "lead_officer", "name")
    if name is None:
        return []
    title = r.text(officer.title, "lead_officer", "title")
    entries = [Entry("Lead officer", f"{name}, {title}" if title else name)]
    if r.contact_details:
        email = r.text(officer.email, "lead_officer", "email")
        if email:
            entries.append(Entry("Email", email, safe_url(f"mailto:{email}")))
        phone = r.text(officer.phone, "lead_officer", "phone")
        if phone:
            entries.append(Entry("Phone", phone))
    return entries


def _dates(a: Arrangement, r: Redaction) -> list[Entry]:
    if r.hidden("dates"):
        return []
    d = a.dates
    entries = []
    if d.start and not r.hidden("dates", "start"):
        entries.append(Entry("Start date", long_date(d.start), datetime=d.start.isoformat()))
    if d.end and not r.hidden("dates", "end"):
        entries.append(Entry("End date", long_date(d.end), datetime=d.end.isoformat()))
    elif d.indefinite:
        entries.append(Entry("End date", "No end date (indefinite)"))
    entries += shown_entries(r, ("Renewal", d.renewal, ("dates", "renewal")))
    return entries


def _reason(item: CheckedRecord, policy: Policy, r: Redaction) -> str:
    c = r.classification(item.classification)
    reason = c.reason
    if r.touched("council_resources"):
        resources = item.record.arrangement.council_resources
        amounts = {money(c.council_resources)}
        if resources.total_over_term is not None:
            amounts.add(money(resources.total_over_term))
        for found in policy.class_tests():
            if isinstance(found.leaf, ResourcesTest):
                counts: list[str] = list(found.leaf.counts)
                amounts.add(money(counted_resources(item.record.arrangement, counts)))
        scored = _scored_amounts(item, policy)
        amounts |= scored
        for amount in sorted(amounts, key=len, reverse=True):
            reason = reason.replace(
                f"{amount} council resources", "the council's resources (amount not published)"
            )
        for amount in sorted(scored, key=len, reverse=True):  # 'resources £120,000 (5)'
            reason = reason.replace(amount, "(amount not published)")
        for text in (*c.uncosted, *c.costing_notes):
            reason = reason.replace(text, "resources not published")
    if r.leaks(reason):
        return f"{c.label} (the reason quotes parts of the record that are confidential)"
    return reason


def _scored_amounts(item: CheckedRecord, policy: Policy) -> set[str]:
    """The council's resources as the scorecard's criteria quote them."""
    if policy.scorecard is None:
        return set()
    a = item.record.arrangement
    amounts = set()
    for criterion in policy.scorecard.criteria.values():
        if criterion.measure == "council_resources":
            amounts.add(money(counted_resources(a, list(criterion.counts or RESOURCE_FIELDS))))
        elif criterion.measure == "council_resources_over_term":
            total = a.council_resources.total_over_term
            if total is not None:
                amounts.add(money(total))
    return amounts


_ANSWERS = {True: "Yes", False: "No", None: "Not answered yet"}


def _council_fields(a: Arrangement, policy: Policy, r: Redaction) -> list[Entry]:
    """The answers to the council's own questions (the policy's record_fields)."""
    if a.kind is not Kind.PARTNERSHIP and not a.council_fields:
        return []
    entries = []
    for name, declared in policy.record_fields.items():
        if r.hidden("council_fields", name):
            continue
        answer = a.council_fields.get(name, declared.default)
        entries.append(Entry(declared.question, _ANSWERS[answer]))
    return entries


_CONDITION_TEXT = {
    "statutory_duty_or_policy_objective": "It helps the council meet a statutory duty or "
    "policy objective (2.2a)",
    "cannot_achieve_alone": "The council cannot achieve its objectives alone (2.2b)",
    "resilience_efficiency_savings": "It brings resilience, efficiency or savings (2.2c)",
    "saving_or_income": "It makes a saving or brings income while keeping a good service (3.2a)",
    "resilience_and_efficiency": "It brings resilience and efficiency (3.2b)",
}


def _purpose(a: Arrangement, r: Redaction) -> list[Entry]:
    p = a.purpose
    entries = shown_entries(r, ("Aims", p.aims, ("purpose", "aims")))
    conditions = [
        _CONDITION_TEXT[c.value]
        for i, c in enumerate(p.conditions)
        if not r.hidden("purpose", "conditions", i)
    ] + [
        _CONDITION_TEXT[c.value]
        for i, c in enumerate(p.shared_service_conditions)
        if not r.hidden("purpose", "shared_service_conditions", i)
    ]
    if conditions:
        entries.append(Entry("Why the council takes part", "; ".join(conditions)))
    entries += shown_entries(
        r,
        ("Safeguarding", p.safeguarding, ("purpose", "safeguarding")),
        ("Outcomes for the council", p.outcomes_for_council, ("purpose", "outcomes_for_council")),
        (
            "Outcomes for the community",
            p.outcomes_for_community,
            ("purpose", "outcomes_for_community"),
        ),
    )
    objectives = [
        o for i, o in enumerate(a.corporate_objectives) if not r.hidden("corporate_objectives", i)
    ]
    if objectives:
        entries.append(Entry("Corporate Plan objectives", "; ".join(objectives)))
    return entries


def _partners(a: Arrangement, r: Redaction, today: dt.date) -> list[PartnerView]:
    out = []
    for i, partner in enumerate(a.partners):
        name = r.text(partner.name, "partners", i, "name")
        if name is None:
            continue
        amount = None if r.hidden("partners", i, "contribution") else partner.contribution
        note = r.text(partner.contribution_note, "partners", i, "contribution_note")
        parts = [money(amount)] if amount is not None else []
        parts += [note] if note else []
        sector = "" if r.hidden("partners", i, "sector") else partner.sector.value.capitalize()
        joined = None if r.hidden("partners", i, "joined") else partner.joined
        left = None if r.hidden("partners", i, "left") else partner.left
        out.append(
            PartnerView(
                name,
                sector,
                "; ".join(parts) or "None recorded",
                _taking_part(joined, left, today),
                not has_started(left, today),
                joined.isoformat() if joined else None,
                left.isoformat() if left else None,
            )
        )
    return out


def _taking_part(joined: PartialDate | None, left: PartialDate | None, today: dt.date) -> str:
    if joined and left:
        return f"{joined.in_words()} to {left.in_words()}"
    if left:
        return f"{'Left' if has_started(left, today) else 'Leaving'} {left.in_words()}"
    if joined:
        return f"{'Since' if has_started(joined, today) else 'Joining'} {joined.in_words()}"
    return ""


def _resources(a: Arrangement, item: CheckedRecord, r: Redaction) -> list[Entry]:
    if r.hidden("council_resources"):
        return [Entry("Council resources", WITHHELD)]
    c = a.council_resources
    path = "council_resources"
    entries = []
    for label, name, value in (
        ("Dedicated budget (a year)", "dedicated_budget", _stated(c.dedicated_budget)),
        ("Staff time (full-time equivalent)", "staff_fte", _count(c.staff_fte)),
        ("Staff time (days a year)", "staff_days_per_year", _count(c.staff_days_per_year)),
        (
            "Staff cost (a year)",
            "staff_cost",
            "Not valued yet"
            if c.staff_cost is None and c.has_staff_time
            else _stated(c.staff_cost),
        ),
        (
            "Value of resources in kind",
            "in_kind_value",
            "Not valued yet"
            if c.in_kind_value is None and c.has_in_kind
            else _stated(c.in_kind_value),
        ),
        ("Given in kind", "in_kind_description", c.in_kind_description),
        ("Over the whole term", "total_over_term", _stated(c.total_over_term, None)),
        ("Note", "note", c.note),
    ):
        shown = r.text(value, path, name)
        if shown is not None:
            entries.append(Entry(label, shown))
    if not r.touched(path):
        entries.append(Entry("Counted towards significance", item.classification.resources_text))
    return entries


def _stated(amount: Decimal | None, otherwise: str | None = "Not stated") -> str | None:
    return otherwise if amount is None else money(amount)


def _count(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"
