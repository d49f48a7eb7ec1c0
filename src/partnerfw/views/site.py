"""Views: the plain data the site's templates and the open data are made from.

Templates never reach into the models or work out governance themselves: everything they show
is decided here, already worded for a resident. The public view (``public=True``, the default)
leaves out every part a record lists under ``confidential:`` (Framework 6.5) and officers'
email and phone unless the policy publishes contact details; the internal view keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from partnerfw.findings import Finding, Severity
from partnerfw.judge.classify import (
    KIND_LABELS,
    STATUS_LABELS,
    counted_resources,
    kind_label,
)
from partnerfw.judge.due_dates import annual_review_due, next_due
from partnerfw.judge.timeline import events, has_started
from partnerfw.policy.project import Project
from partnerfw.policy.schema import Licence, Policy
from partnerfw.policy.significance_tests import ResourcesTest
from partnerfw.record.models import (
    AgreementItems,
    Arrangement,
    Governance,
    Item,
    ItemStatus,
    Kind,
    Status,
)
from partnerfw.record.money import money
from partnerfw.record.partial_dates import PartialDate, in_words
from partnerfw.rules import RULES
from partnerfw.rules.engine import CheckedRecord, CheckResult
from partnerfw.views.accessibility import StatementView, statement_view
from partnerfw.views.facts import FactsView, facts_view, open_facts
from partnerfw.views.redaction import Redaction

if TYPE_CHECKING:
    from partnerfw.git.trail import TrailEntry

WITHHELD = "Not published (confidential)"
NO_REPOSITORY = "No history: this register is not in a git repository."
NOT_COMMITTED = "No history yet: this arrangement's file has not been committed to the register."
_EMAIL = re.compile(r"[^\s<>()@]+@[^\s<>()@]+")
ITEM_LABELS = {
    ItemStatus.IN_PLACE: "In place",
    ItemStatus.DRAFTED: "Drafted",
    ItemStatus.MISSING: "Missing",
    ItemStatus.NOT_APPLICABLE: "Not applicable",
}
SEVERITY_LABELS = {
    Severity.ERROR: "Must be put right",
    Severity.WARNING: "Should be put right",
    Severity.INFO: "Note",
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_REVIEWED = frozenset({Status.APPROVED, Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDING})


def long_date(day: dt.date | PartialDate | None) -> str:
    """23 November 2026 (GOV.UK style), November 2026 or 2026 for a date known only to the
    month or year, or an empty string."""
    return in_words(day)


def safe_url(url: str | None) -> str | None:
    """The address if it is an http(s) or mailto link, else None (shown as plain text)."""
    if not url:
        return None
    cleaned = url.strip()
    if cleaned.lower().startswith(_SAFE_SCHEMES) and not re.search(r"[\s<>\"'`]", cleaned):
        return cleaned
    return None


def text_colour_for(background: str) -> str:
    """White or near-black, whichever contrasts more with ``background`` (WCAG formula)."""

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lum = luminance(background)
    white = 1.05 / (lum + 0.05)
    black = (lum + 0.05) / (luminance("#0b0c0c") + 0.05)
    return "#ffffff" if white >= black else "#0b0c0c"


# -- what the templates get --------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Entry:
    """One row of a summary list: a label and its value (a link when ``href`` is set)."""

    label: str
    value: str
    href: str | None = None
    datetime: str | None = None
    """ISO date for a <time> element when the value is a date."""


@dataclass(frozen=True)
class Theme:
    council: str
    colour: str
    text_colour: str
    website: str | None
    logo: str | None
    """The logo file's name inside the site's assets folder."""
    footer_links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Row:
    """An arrangement as a line of the register table."""

    id: str
    name: str
    href: str
    kind: str
    kind_label: str
    klass: str
    class_label: str
    department: str
    resources: Decimal | None
    resources_text: str
    status: str
    status_label: str
    status_order: int
    next_review: dt.date | None
    next_review_text: str
    review_overdue: bool
    class_note: str = ""
    """'Decided by Cabinet; the policy's test gives an other partnership', or ''."""

    def sort_value(self, key: str) -> tuple[Any, ...]:
        name = (self.name.casefold(), self.id)
        values: dict[str, tuple[Any, ...]] = {
            "name": name,
            "kind": (self.kind_label, *name),
            "class": (self.class_label, *name),
            "department": (self.department.casefold(), *name),
            "resources": (self.resources is None, -(self.resources or 0), *name),
            "status": (self.status_order, *name),
            "review": (self.next_review is None, self.next_review or dt.date.min, *name),
        }
        return values[key]


@dataclass(frozen=True)
class ItemView:
    label: str
    status: str
    status_label: str
    detail: str | None = None
    href: str | None = None


@dataclass(frozen=True)
class PartnerView:
    name: str
    sector: str
    contribution: str
    taking_part: str = ""
    """'Since March 2021', 'Left October 2020', 'March 2019 to 2024', or '' for a founding
    partner still taking part."""
    current: bool = True
    """False once the partner has certainly left."""
    joined: str | None = None
    left: str | None = None
    """ISO spellings (``2020-10``) for the open data, when published."""


@dataclass(frozen=True)
class TimelineRow:
    """One dated event of the arrangement's timeline, as the page and reports list it."""

    date: str
    datetime: str
    what: str
    detail: str | None = None


@dataclass(frozen=True)
class RelatedLink:
    """Another record this one is linked to: its predecessor, successor, parent or part."""

    relation: str
    id: str
    name: str
    href: str | None
    """The linked record's page, relative to the site's root (None when not on the register)."""


@dataclass(frozen=True)
class ApprovalView:
    role: str
    name: str
    date: str
    datetime: str
    decision: str
    reference: str | None


@dataclass(frozen=True)
class StepView:
    step: str
    owner: str
    due: str
    done: str


@dataclass(frozen=True)
class FindingView:
    severity: str
    severity_label: str
    title: str
    message: str
    reference: str


@dataclass(frozen=True)
class HistoryStep:
    """One change to the record's file in git: when, who, what, through which pull request."""

    date: str
    datetime: str
    who: str
    change: str
    pull_request: int | None
    merged_by: str | None


@dataclass(frozen=True)
class Page:
    """Everything on an arrangement's own page."""

    row: Row
    summary: str | None
    overview: list[Entry]
    reason: str
    reason_reference: str
    purpose: list[Entry]
    partners: list[PartnerView]
    resources: list[Entry]
    governance: list[ItemView]
    agreement: list[Entry]
    agreement_items: list[ItemView]
    exit_strategy: list[Entry]
    exit_steps: list[StepView]
    opinions: list[Entry]
    approvals: list[ApprovalView]
    monitoring: list[Entry]
    findings: list[FindingView]
    withheld: bool
    """Some parts of the record were left out because they are confidential."""
    timeline: list[TimelineRow] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    history: list[HistoryStep] = field(default_factory=list)
    history_note: str | None = NO_REPOSITORY
    facts: FactsView = field(default_factory=FactsView)
    """Statutory basis, Lead Member, funding, joint committee, partner decisions, audit."""
    """Why there is no history to show (None when there is)."""


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    href: str


@dataclass(frozen=True)
class Listing:
    """A pre-rendered view of the table: the whole register in one order, or one filter."""

    path: str
    title: str
    rows: list[Row]
    sort: str
    filtered: bool


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class ReportLink:
    """A committee report published with the site, as the reports page lists it."""

    text: str
    href: str
    description: str


REPORT_LINKS = {
    "annual": (
        "Annual register report",
        "to the Cabinet Committee: every arrangement by kind "
        "and class, council resources, what changed in the year and open governance gaps.",
    ),
    "governance": (
        "Governance review",
        "for the Annual Governance Statement: the governance "
        "each arrangement has in place against what its kind requires.",
    ),
    "due": ("Monitoring and reviews due", "what falls due or is overdue, by lead officer."),
    "scrutiny": (
        "Candidates for scrutiny and internal audit",
        "ranked by a published score from council resources, risks and governance gaps.",
    ),
    "reclassification": (
        "Effect of a policy change",
        "how another edition of the framework would classify the register's arrangements.",
    ),
}


def report_links(paths: Sequence[str]) -> list[ReportLink]:
    """Links to the published reports (``reports/<name>.html``), in the order given."""
    links = []
    for path in paths:
        name = path.rsplit("/", 1)[-1].removesuffix(".html")
        text, description = REPORT_LINKS.get(name, (name.capitalize() + " report", ""))
        links.append(ReportLink(text, path, description))
    return links


@dataclass
class SiteView:
    theme: Theme
    today: dt.date
    today_text: str
    policy_title: str
    rows: list[Row]
    pages: list[Page]
    by_kind: list[Count]
    by_class: list[Count]
    by_status: list[Count]
    by_department: list[Count]
    listings: list[Listing]
    columns: list[Column]
    open_data: list[dict[str, Any]] = field(default_factory=list)
    public: bool = True
    reports: list[ReportLink] = field(default_factory=list)
    statement: StatementView | None = None
    """The accessibility statement (accessibility.html), from partnerfw.yaml."""
    licence: Licence = field(default_factory=Licence)
    """The open data's licence (partnerfw.yaml open_data.licence; OGL v3.0 by default)."""
    site_url: str | None = None
    """Where the site is published (partnerfw.yaml site.url), ending in '/'; None if unknown."""


SORTS = (
    Column("name", "Name"),
    Column("kind", "Kind"),
    Column("class", "Classification"),
    Column("department", "Lead department"),
    Column("resources", "Council resources"),
    Column("status", "Status"),
    Column("review", "Next review"),
)


def listing_path(sort: str) -> str:
    return "index.html" if sort == "name" else f"sorted/{sort}.html"


def filter_paths(rows: Sequence[Row]) -> dict[tuple[str, str], str]:
    """The page of each filter value: ``filter/<facet>-<slug>.html``, unique even when two
    values make the same slug (``Housing & Care`` and ``Housing Care``)."""
    paths: dict[tuple[str, str], str] = {}
    for facet, _, label in _FACETS:
        taken: set[str] = set()
        for value in sorted({label(r) for r in rows}):
            base = f"{facet}-{slug(value)}"
            name, number = base, 1
            while name in taken:
                number += 1
                name = f"{base}-{number}"
            taken.add(name)
            paths[facet, value] = f"filter/{name}.html"
    return paths


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "none"


# -- building ------------------------------------------------------------------------------


def build_site_view(
    result: CheckResult,
    project: Project,
    today: dt.date,
    public: bool = True,
    trails: Mapping[str, Sequence[TrailEntry]] | None = None,
) -> SiteView:
    """The whole site's data, sorted, from a check result; ``today`` is injected.
    ``trails`` is each record's git history by id (``trail.histories``), or None when the
    register is not in a git repository."""
    policy = project.schedule.policy_on(today)
    contact = policy.publication.publish_officer_contact_details
    findings: dict[str, list[Finding]] = {}
    for finding in result.findings:
        findings.setdefault(finding.record, []).append(finding)
    checked = sorted(result.records, key=lambda c: (c.record.arrangement.name.casefold(), c.id))
    pages: list[Page] = []
    open_data: list[dict[str, Any]] = []
    for item in checked:
        redaction = Redaction(item.record.arrangement, item.record.document.data, public, contact)
        page = _page(item, policy, today, redaction, findings.get(item.id, []))
        if trails is not None:
            steps = _history(trails.get(item.id, []), redaction)
            page = replace(page, history=steps, history_note=None if steps else NOT_COMMITTED)
        pages.append(page)
    pages = _with_related(pages, checked, public, contact)
    for item, page in zip(checked, pages, strict=True):
        redaction = Redaction(item.record.arrangement, item.record.document.data, public, contact)
        open_data.append(_open_record(item, page, policy, redaction))
    rows = [p.row for p in pages]
    paths = filter_paths(rows)
    site_url = project.settings.site.url
    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"
    if site_url is not None:
        for record in open_data:
            record["page"] = site_url + record["page"]
    return SiteView(
        statement=statement_view(project.settings.accessibility, project.settings.council.name),
        licence=project.settings.open_data.licence,
        site_url=site_url,
        theme=_theme(project),
        today=today,
        today_text=long_date(today),
        policy_title=policy.title,
        rows=rows,
        pages=pages,
        by_kind=_counts(rows, "kind", paths),
        by_class=_counts(rows, "class", paths),
        by_status=_counts(rows, "status", paths, order=lambda r: r.status_order),
        by_department=_counts(rows, "department", paths),
        listings=_listings(rows, paths),
        columns=list(SORTS),
        open_data=open_data,
        public=public,
    )


def _theme(project: Project) -> Theme:
    from partnerfw.errors import UserError

    theme = project.settings.theme
    links = []
    for text, url in sorted(theme.footer_links.items()):
        if " ".join(text.split()).casefold() == "accessibility statement":
            continue  # the site has its own statement (accessibility.html), linked in the footer
        href = safe_url(url)
        if href is None:
            raise UserError(
                f"partnerfw.yaml: theme.footer_links '{text}': '{url}' is not an "
                "http(s) or mailto address; only those are published as links"
            )
        links.append(Link(text, href))
    logo = f"logo{_suffix(theme.logo)}" if theme.logo else None
    return Theme(
        council=project.settings.council.name,
        colour=theme.colour.lower(),
        text_colour=text_colour_for(theme.colour),
        website=safe_url(project.settings.council.website),
        logo=logo,
        footer_links=tuple(links),
    )


def _suffix(name: str) -> str:
    match = re.search(r"\.[A-Za-z0-9]+$", name)
    return match.group(0).lower() if match else ""


def _counts(
    rows: Sequence[Row],
    facet: str,
    paths: dict[tuple[str, str], str],
    order: Callable[[Row], Any] | None = None,
) -> list[Count]:
    label = _FACET_LABEL[facet]
    counted = Counter(label(r) for r in rows)
    first: dict[str, Any] = {}
    for row in rows:
        first.setdefault(label(row), order(row) if order else label(row).casefold())
    return [
        Count(name, counted[name], paths[facet, name])
        for name in sorted(counted, key=lambda n: (first[n], n))
    ]


_FACETS: tuple[tuple[str, str, Callable[[Row], str]], ...] = (
    ("kind", "Kind", lambda r: r.kind_label),
    ("class", "Classification", lambda r: r.class_label),
    ("status", "Status", lambda r: r.status_label),
    ("department", "Lead department", lambda r: r.department),
)


_FACET_LABEL = {facet: label for facet, _, label in _FACETS}


def _listings(rows: list[Row], paths: dict[tuple[str, str], str]) -> list[Listing]:
    listings = []
    for column in SORTS:
        key = column.key
        ordered = sorted(rows, key=lambda r: r.sort_value(key))
        listings.append(Listing(listing_path(key), "All arrangements", ordered, key, False))
    by_name = sorted(rows, key=lambda r: r.sort_value("name"))
    for facet, title, label in _FACETS:
        for value in sorted({label(r) for r in rows}):
            chosen = [r for r in by_name if label(r) == value]
            listings.append(Listing(paths[facet, value], f"{title}: {value}", chosen, "name", True))
    return listings


def _row(item: CheckedRecord, policy: Policy, today: dt.date, r: Redaction) -> Row:
    a = item.record.arrangement
    c = item.classification
    resources = None if r.touched("council_resources") else c.council_resources
    review = _next_review(a, policy, r, today)
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
        resources_text=c.resources_text if resources is not None else WITHHELD,
        status=a.status.value,
        status_label=STATUS_LABELS[a.status],
        status_order=list(Status).index(a.status),
        next_review=review,
        next_review_text=long_date(review) if review else "None due",
        review_overdue=bool(review and review < today),
    )


def _next_review(a: Arrangement, policy: Policy, r: Redaction, today: dt.date) -> dt.date | None:
    if a.status not in _REVIEWED or r.hidden("monitoring", "annual_reviews"):
        return None
    i = policy.intervals
    return annual_review_due(
        a.monitoring.annual_reviews,
        a.dates.start,
        i.annual_review_window,
        i.annual_review_months,
        today,
        i.grace_days,
    )


def _page(
    item: CheckedRecord, policy: Policy, today: dt.date, r: Redaction, findings: list[Finding]
) -> Page:
    a = item.record.arrangement
    row = _row(item, policy, today, r)
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
        governance=_items(a.governance, Governance, "governance", _wanted(a, policy, False), r),
        agreement=_agreement(a, r),
        agreement_items=_items(
            a.agreement.items, AgreementItems, "agreement.items", _wanted(a, policy, True), r
        ),
        exit_strategy=_exit(a, r),
        exit_steps=_steps(a, r),
        opinions=_opinions(a, r),
        approvals=_approvals(a, policy, r),
        monitoring=_monitoring(a, policy, today, r),
        findings=_findings(findings, item, r),
        withheld=bool(r.paths),
        timeline=timeline_rows(a, today, r),
    )


def timeline_rows(a: Arrangement, today: dt.date, r: Redaction) -> list[TimelineRow]:
    """The arrangement's dated events, oldest first, leaving out what is confidential (an
    event about a partner whose name is confidential included)."""
    rows = []
    for event in events(a, today):
        if r.hidden(*event.path) or (
            event.path[0] == "partners" and r.hidden("partners", event.path[1], "name")
        ):
            continue
        detail = r.text(event.detail, *event.detail_path) if event.detail_path else None
        rows.append(TimelineRow(event.when.in_words(), event.when.isoformat(), event.what, detail))
    return rows


_RELATIONS = (
    ("predecessors", "Replaced"),
    ("successors", "Replaced by"),
    ("parent", "Part of"),
)


def related_links(
    a: Arrangement, r: Redaction, names: Mapping[str, str], children: Sequence[str]
) -> list[RelatedLink]:
    """The records linked to ``a``: what it replaced, what replaced it, the umbrella it is
    part of, and (for an umbrella) its parts. ``names`` gives each record's published name."""
    if r.hidden("links"):
        return []
    found = []
    for field_name, relation in _RELATIONS:
        value = getattr(a.links, field_name)
        ids = [value] if isinstance(value, str) else list(value or [])
        for index, other in enumerate(ids):
            path = ("links", field_name) if isinstance(value, str) else ("links", field_name, index)
            if r.hidden(*path):
                continue
            name = names.get(other)
            href = f"arrangements/{other}.html" if name is not None else None
            found.append(RelatedLink(relation, other, name or other, href))
    for child in children:
        found.append(RelatedLink("Includes", child, names[child], f"arrangements/{child}.html"))
    return found


def _with_related(
    pages: list[Page], checked: Sequence[CheckedRecord], public: bool, contact: bool
) -> list[Page]:
    names = {item.id: page.row.name for item, page in zip(checked, pages, strict=True)}
    children: dict[str, list[str]] = {}
    for item in checked:
        a = item.record.arrangement
        r = Redaction(a, item.record.document.data, public, contact)
        if a.links.parent is not None and not r.hidden("links", "parent"):
            children.setdefault(a.links.parent, []).append(item.id)
    out = []
    for item, page in zip(checked, pages, strict=True):
        a = item.record.arrangement
        r = Redaction(a, item.record.document.data, public, contact)
        related = related_links(a, r, names, children.get(item.id, []))
        out.append(replace(page, related=related) if related else page)
    return out


def _entries(r: Redaction, *candidates: tuple[str, object, tuple[str | int, ...]]) -> list[Entry]:
    out = []
    for label, value, path in candidates:
        shown = r.text(value, *path)
        if shown is not None:
            out.append(Entry(label, shown))
    return out


def _overview(a: Arrangement, row: Row, r: Redaction) -> list[Entry]:
    entries = [
        Entry("Kind", kind_label(a)),
        Entry("Classification", row.class_label),
        Entry("Status", row.status_label),
    ]
    if a.shared_service and not r.hidden("shared_service"):
        entries += _entries(
            r,
            (
                "Host authority",
                a.shared_service.host_authority,
                ("shared_service", "host_authority"),
            ),
            ("Legal basis", a.shared_service.legal_basis, ("shared_service", "legal_basis")),
            ("Cost split", a.shared_service.cost_split, ("shared_service", "cost_split")),
        )
    entries += _entries(
        r,
        ("Legal form", a.legal_form, ("legal_form",)),
        ("Lead organisation", a.lead_organisation, ("lead_organisation",)),
        ("Area", a.area, ("area",)),
    )
    entries += _officer(a, r)
    entries += _entries(
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
    entries += _entries(r, ("Renewal", d.renewal, ("dates", "renewal")))
    return entries


def _reason(item: CheckedRecord, policy: Policy, r: Redaction) -> str:
    c = item.classification
    reason = c.reason
    if r.touched("council_resources"):
        resources = item.record.arrangement.council_resources
        amounts = {money(c.council_resources)}
        if resources.total_over_term is not None:
            amounts.add(money(resources.total_over_term))
        for _, test in policy.significance.leaves():
            if isinstance(test, ResourcesTest):
                amounts.add(money(counted_resources(item.record.arrangement, list(test.counts))))
        for amount in sorted(amounts, key=len, reverse=True):
            reason = reason.replace(
                f"{amount} council resources", "the council's resources (amount not published)"
            )
        for text in (*c.uncosted, *c.costing_notes):
            reason = reason.replace(text, "resources not published")
    if r.leaks(reason):
        return f"{c.label} (the reason quotes parts of the record that are confidential)"
    return reason


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
    entries = _entries(r, ("Aims", p.aims, ("purpose", "aims")))
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
    entries += _entries(
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


def _label(model: type[Any], name: str) -> str:
    description = model.model_fields[name].description or name.replace("_", " ")
    return description.rstrip(".")


def _wanted(a: Arrangement, policy: Policy, agreement: bool) -> set[str]:
    """The items the policy requires of this kind (agreement items once it is approved)."""
    required = policy.requirements.get(a.kind)
    if required is None:
        return set()
    if not agreement:
        return set(required.governance)
    if a.status is Status.PROPOSED:
        return set()
    extra = required.agreement_if_public_facing if a.public_facing else []
    return {*required.agreement, *extra}


def _items(
    items: Any, model: type[Any], base: str, wanted: set[str], r: Redaction
) -> list[ItemView]:
    path = tuple(base.split("."))
    if r.hidden(*path):
        return []
    out = []
    for name in model.model_fields:
        item: Item | None = getattr(items, name)
        if r.hidden(*path, name) or (item is None and name not in wanted):
            continue
        if item is None:
            out.append(ItemView(_label(model, name), "missing", "Not recorded"))
            continue
        detail = item.reason if item.status is ItemStatus.NOT_APPLICABLE else item.evidence
        detail_path = "reason" if item.status is ItemStatus.NOT_APPLICABLE else "evidence"
        shown = r.text(detail, *path, name, detail_path)
        out.append(
            ItemView(
                _label(model, name),
                item.status.value,
                ITEM_LABELS[item.status],
                shown,
                safe_url(shown),
            )
        )
    return out


def _agreement(a: Arrangement, r: Redaction) -> list[Entry]:
    if r.hidden("agreement"):
        return []
    ag = a.agreement
    entries = _entries(r, ("Agreement", ag.document, ("agreement", "document")))
    if entries:
        entries = [Entry(e.label, e.value, safe_url(e.value)) for e in entries]
    if ag.signed and not r.hidden("agreement", "signed"):
        entries.append(Entry("Signed", long_date(ag.signed), datetime=ag.signed.isoformat()))
    entries += _entries(
        r, ("Freedom of information officer", ag.foi_officer, ("agreement", "foi_officer"))
    )
    return entries


_COVERS = (
    ("termination", "How it ends"),
    ("partner_withdrawal", "A partner leaving"),
    ("equalities_impact", "Impact on protected characteristics"),
    ("safeguarding_impact", "Impact on safeguarding duties"),
    ("resources", "Council resources on exit"),
    ("liabilities", "Liabilities"),
    ("notice_period", "Notice period"),
)


def _exit(a: Arrangement, r: Redaction) -> list[Entry]:
    e = a.exit_strategy
    if e is None:
        return [Entry("Exit strategy", "Not recorded")]
    if r.hidden("exit_strategy"):
        return [Entry("Exit strategy", WITHHELD)]
    entries = [Entry("Status", ITEM_LABELS[e.status])]
    entries += _entries(r, ("Summary", e.summary, ("exit_strategy", "summary")))
    if not r.hidden("exit_strategy", "in_agreement"):
        entries.append(Entry("Written into the agreement", "Yes" if e.in_agreement else "No"))
    for name, label in _COVERS:
        entries += _entries(r, (label, getattr(e.covers, name), ("exit_strategy", "covers", name)))
    return entries


def _steps(a: Arrangement, r: Redaction) -> list[StepView]:
    e = a.exit_strategy
    if e is None or r.hidden("exit_strategy", "steps"):
        return []
    return [
        StepView(
            s.step,
            r.text(s.owner, "exit_strategy", "steps", i, "owner") or "",
            long_date(s.due),
            long_date(s.done) or "Not yet",
        )
        for i, s in enumerate(e.steps)
        if not r.hidden("exit_strategy", "steps", i)
    ]


def _opinions(a: Arrangement, r: Redaction) -> list[Entry]:
    out = []
    for name, label in (
        ("monitoring_officer", "Monitoring Officer"),
        ("section_151_officer", "Section 151 Officer"),
    ):
        opinion = getattr(a.opinions, name)
        if r.hidden("opinions", name):
            continue
        if opinion is None:
            out.append(Entry(f"{label}'s opinion", "Not recorded"))
            continue
        said = r.text(opinion.opinion, "opinions", name, "opinion")
        endorsed = "endorsed" if opinion.endorsed else "did not endorse"
        value = f"{opinion.name}, {long_date(opinion.date)}: {endorsed}"
        out.append(Entry(f"{label}'s opinion", f"{value}. {said}" if said else value))
    return out


_DECISIONS = {
    "approved": "Approved",
    "rejected": "Rejected",
    "discussed": "Discussed",
    "informed": "Informed",
    "signed_off": "Signed off",
}


def _approvals(a: Arrangement, policy: Policy, r: Redaction) -> list[ApprovalView]:
    if r.hidden("approvals"):
        return []
    return [
        ApprovalView(
            policy.role_title(x.role) if not r.hidden("approvals", i, "role") else "",
            r.text(x.name, "approvals", i, "name") or "",
            long_date(x.date),
            x.date.isoformat(),
            _DECISIONS[x.decision.value],
            r.text(x.reference, "approvals", i, "reference"),
        )
        for i, x in enumerate(a.approvals)
        if not r.hidden("approvals", i)
    ]


def _monitoring(a: Arrangement, policy: Policy, today: dt.date, r: Redaction) -> list[Entry]:
    if r.hidden("monitoring"):
        return [Entry("Monitoring", WITHHELD)]
    m = a.monitoring
    i = policy.intervals
    running = a.status in _REVIEWED
    entries = []
    for label, name, dates, months in (
        ("Budget monitoring", "budget_reports", m.budget_reports, i.budget_monitoring_months),
        (
            "Performance report",
            "performance_reports",
            m.performance_reports,
            i.performance_report_months,
        ),
        ("Annual review", "annual_reviews", m.annual_reviews, i.annual_review_months),
    ):
        if r.hidden("monitoring", name):
            continue
        entries.append(
            _due_entry(
                label,
                [d for d in dates if d <= today],
                a.dates.start,
                months if running else None,
                today,
                i.annual_review_window if name == "annual_reviews" else None,
                i.grace_days,
            )
        )
    if (
        a.kind is Kind.SHARED_SERVICE
        and m.shared_service_reviews
        and not r.hidden("monitoring", "shared_service_reviews")
    ):
        entries.append(
            _due_entry("Shared service review", m.shared_service_reviews, None, None, today)
        )
    reviewed = [
        x.last_reviewed
        for n, x in enumerate(m.risk_register)
        if x.last_reviewed and not r.hidden("monitoring", "risk_register", n)
    ]
    if reviewed:
        entries.append(
            Entry(
                "Risk register last reviewed",
                long_date(max(reviewed)),
                datetime=max(reviewed).isoformat(),
            )
        )
    if m.assurance and not r.hidden("monitoring", "assurance"):
        entries.append(
            Entry("Governance assurance", f"{m.assurance.officer}, {long_date(m.assurance.date)}")
        )
    return entries


def _due_entry(
    label: str,
    dates: list[dt.date],
    start: PartialDate | None,
    months: int | None,
    today: dt.date,
    window: list[int] | None = None,
    grace: int = 0,
) -> Entry:
    """'Last: ... Next due by ...'; with ``window`` (the annual review's months, 6.6) the due
    date is the end of this year's window, or next year's once this year's is recorded."""
    last = max(dates, default=None)
    text = f"Last: {long_date(last)}" if last else "None recorded"
    if months is not None:
        due = (
            annual_review_due(dates, start, window, months, today, grace)
            if window
            else next_due(last, start, months)
        )
        if due is not None:
            late = " (overdue)" if due < today else ""
            text += f". Next due by {long_date(due)}{late}"
    return Entry(label, text)


def _findings(findings: list[Finding], item: CheckedRecord, r: Redaction) -> list[FindingView]:
    hidden_lines = (
        {line for path, line in item.record.document.lines.items() if path and r.hidden(*path)}
        if r.paths or r.as_written_hidden
        else set()
    )
    out = []
    for f in sorted(findings, key=lambda f: (f.severity.rank, f.rule, f.line, f.message)):
        rule = RULES.get(f.rule)
        title = rule.title if rule else f.rule
        message = f.message
        if f.line in hidden_lines or r.leaks(message):
            message = (
                "This concerns a part of the record that is confidential, so the detail "
                "is not published."
            )
        message = plain_language(message)
        out.append(
            FindingView(
                f.severity.value,
                SEVERITY_LABELS[f.severity],
                title,
                message[:1].upper() + message[1:],
                f.reference,
            )
        )
    return out


_FIELD_PATH = re.compile(
    r"\b(?:" + "|".join(sorted(Arrangement.model_fields, key=len, reverse=True)) + r")"
    r"(?:\.[a-z0-9_]+)+\b"
)
_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(0[1-9]|1[0-2])\b(?!-\d)")


def plain_language(message: str) -> str:
    """A finding as a resident reads it: field paths and code words become words ('under
    monitoring.budget_reports' -> 'under budget reports', 'in_place' -> 'in place') and ISO
    dates become '3 November 2025' ('2020-10', a date known to the month, 'October 2020')."""

    def field(match: re.Match[str]) -> str:
        last = [part for part in match.group(0).split(".") if not part.isdigit()][-1]
        return last.replace("_", " ")

    def day(match: re.Match[str]) -> str:
        try:
            return long_date(dt.date(*(int(g) for g in match.groups())))
        except ValueError:
            return match.group(0)

    def month(match: re.Match[str]) -> str:
        return PartialDate(int(match[1]), int(match[2])).in_words()

    text = _FIELD_PATH.sub(field, message)
    text = _SNAKE.sub(lambda m: m.group(0).replace("_", " "), text)
    return _ISO_MONTH.sub(month, _ISO_DAY.sub(day, text))


def _history(entries: Sequence[TrailEntry], r: Redaction) -> list[HistoryStep]:
    """The record's git history for the public: names, never email addresses; the status
    change only when the status is not confidential; no commit messages (free text that
    nobody checked for confidential parts)."""
    steps = []
    previous: TrailEntry | None = None
    for entry in entries:
        steps.append(
            HistoryStep(
                date=long_date(dt.date.fromisoformat(entry.day)),
                datetime=entry.day,
                who=_person(entry.author),
                change=_change(entry, previous, r.hidden("status")),
                pull_request=entry.pr,
                merged_by=_person(entry.merged_by) if entry.merged_by else None,
            )
        )
        previous = entry
    return steps


def _person(name: str) -> str:
    """An author's name as published: an email address in it (some set their name to one)
    is taken out."""
    return " ".join(_EMAIL.sub("", name).split()) or "Name not published"


def _status_text(status: str | None) -> str:
    if status is None:
        return "unreadable"
    try:
        return STATUS_LABELS[Status(status)]
    except ValueError:
        return status


def _change(entry: TrailEntry, previous: TrailEntry | None, status_hidden: bool) -> str:
    if previous is None:
        return "Added" if status_hidden else f"Added, status {_status_text(entry.status_after)}"
    parts = []
    if entry.path != previous.path:
        parts.append("File renamed")
    if entry.status_changed and not status_hidden:
        parts.append(
            f"Status {_status_text(entry.status_before)} → {_status_text(entry.status_after)}"
        )
    return "; ".join(parts) or "Details edited"


def _open_record(item: CheckedRecord, page: Page, policy: Policy, r: Redaction) -> dict[str, Any]:
    """One record of the open data, keyed as ``opendata.COLUMNS`` describes."""
    a = item.record.arrangement
    row = page.row
    c = a.council_resources

    def amount(name: str) -> str | None:
        value = getattr(c, name)
        if value is None or r.hidden("council_resources", name):
            return None
        return f"{value}"

    uncosted = item.classification.uncosted
    hidden_resources = r.touched("council_resources")

    officer = a.lead_officer
    return {
        "id": a.id,
        "name": row.name,
        "kind": row.kind,
        "classification": row.klass,
        "classification_reason": page.reason,
        "status": row.status,
        "summary": page.summary,
        "lead_department": row.department if row.department != WITHHELD else None,
        "lead_officer": r.text(officer.name, "lead_officer", "name"),
        "lead_officer_email": r.text(officer.email, "lead_officer", "email")
        if r.contact_details
        else None,
        "lead_officer_phone": r.text(officer.phone, "lead_officer", "phone")
        if r.contact_details
        else None,
        "portfolio": r.text(a.portfolio, "portfolio"),
        "committee": r.text(a.committee, "committee"),
        "start_date": None
        if r.hidden("dates", "start") or not a.dates.start
        else a.dates.start.isoformat(),
        "end_date": None
        if r.hidden("dates", "end") or not a.dates.end
        else a.dates.end.isoformat(),
        "indefinite": a.dates.indefinite,
        "partners": [
            {
                "name": p.name,
                "sector": p.sector.lower(),
                "contribution": p.contribution,
                "joined": p.joined,
                "left": p.left,
                "current": p.current,
            }
            for p in page.partners
        ],
        "predecessors": [x.id for x in page.related if x.relation == "Replaced"],
        "successors": [x.id for x in page.related if x.relation == "Replaced by"],
        "parent": next((x.id for x in page.related if x.relation == "Part of"), None),
        "council_resources": None if row.resources is None or uncosted else f"{row.resources}",
        "resources_not_valued": None if hidden_resources or not uncosted else "; ".join(uncosted),
        "dedicated_budget": amount("dedicated_budget"),
        "staff_cost": amount("staff_cost"),
        "in_kind_value": amount("in_kind_value"),
        "next_review": row.next_review.isoformat() if row.next_review else None,
        "open_findings": len(page.findings),
        "page": row.href,
        **open_facts(a, r),
    }
