"""The register's site as a whole: the data every page of the site is made from.

``build_site_view`` turns a check result into a ``SiteView``: the council's theme, the register
table in every order and filter (the listings), the counts by kind, class, status and lead
department, each arrangement's page (``arrangement``), the links to the published reports and
the open data. The public view (``public=True``, the default) goes through each record's
``Redaction``: nothing a record lists under ``confidential:`` (Framework 6.5), and officers'
email and phone only when the policy publishes contact details; the internal view keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from partnerfw.errors import UserError
from partnerfw.findings import Finding
from partnerfw.policy.project import Project
from partnerfw.policy.schema import Policy
from partnerfw.rules.engine import CheckedRecord, CheckResult
from partnerfw.views.accessibility import statement_view
from partnerfw.views.arrangement import arrangement_page
from partnerfw.views.common import WITHHELD, Link, long_date, safe_url, text_colour_for
from partnerfw.views.facts import open_facts
from partnerfw.views.history import NOT_COMMITTED, history_steps, related_links
from partnerfw.views.pages import (
    Column,
    Count,
    Listing,
    Page,
    ReportLink,
    Row,
    SiteView,
    Theme,
)
from partnerfw.views.redaction import Redaction
from partnerfw.views.search import search_index

if TYPE_CHECKING:
    from partnerfw.git.trail import TrailEntry


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
    checked = sorted(result.records, key=lambda c: (c.record.arrangement.name.casefold(), c.id))
    redactions = [Redaction.of(c.record, policy.publication, public) for c in checked]
    pages = _pages(result, checked, redactions, policy, today, trails)
    site_url = project.settings.site.url
    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"
    open_data = [
        _open_record(item, page, r, site_url or "")
        for item, page, r in zip(checked, pages, redactions, strict=True)
    ]
    rows = [p.row for p in pages]
    paths = filter_paths(rows)
    names = [name for name, _ in policy.class_labels]

    def class_order(row: Row) -> tuple[int, str]:
        """A partnership's classes highest first (major, moderate, limited), then the rest."""
        rank = names.index(row.klass) if row.klass in names else len(names)
        return rank, row.class_label.casefold()

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
        by_class=_counts(rows, "class", paths, order=class_order),
        by_status=_counts(rows, "status", paths, order=lambda r: r.status_order),
        by_department=_counts(rows, "department", paths),
        listings=_listings(rows, paths),
        columns=list(SORTS),
        open_data=open_data,
        public=public,
        classes=policy.class_labels,
        search_index=search_index(pages),
    )


def _pages(
    result: CheckResult,
    checked: Sequence[CheckedRecord],
    redactions: Sequence[Redaction],
    policy: Policy,
    today: dt.date,
    trails: Mapping[str, Sequence[TrailEntry]] | None,
) -> list[Page]:
    """Each arrangement's page, with its history when the register is in git."""
    findings: dict[str, list[Finding]] = {}
    for finding in result.findings:
        findings.setdefault(finding.record, []).append(finding)
    pages: list[Page] = []
    for item, redaction in zip(checked, redactions, strict=True):
        page = arrangement_page(item, policy, today, redaction, findings.get(item.id, []))
        if trails is not None:
            steps = history_steps(trails.get(item.id, []), redaction)
            page = replace(page, history=steps, history_note=None if steps else NOT_COMMITTED)
        pages.append(page)
    return _with_related(pages, checked, redactions)


def _theme(project: Project) -> Theme:
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


def _with_related(
    pages: list[Page], checked: Sequence[CheckedRecord], redactions: Sequence[Redaction]
) -> list[Page]:
    names = {item.id: page.row.name for item, page in zip(checked, pages, strict=True)}
    children: dict[str, list[str]] = {}
    for item, r in zip(checked, redactions, strict=True):
        a = item.record.arrangement
        if a.links.parent is not None and not r.hidden("links", "parent"):
            children.setdefault(a.links.parent, []).append(item.id)
    out = []
    for item, page, r in zip(checked, pages, redactions, strict=True):
        related = related_links(item.record.arrangement, r, names, children.get(item.id, []))
        out.append(replace(page, related=related) if related else page)
    return out


def _open_record(item: CheckedRecord, page: Page, r: Redaction, site_url: str) -> dict[str, Any]:
    """One record of the open data, keyed as ``open_data.COLUMNS`` describes; its page's
    address is absolute when the site's address is known."""
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
        "page": site_url + row.href,
        **open_facts(a, r),
    }
