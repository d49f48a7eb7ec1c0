"""What the site's templates get: plain data for the register's table and its listings, and for
each arrangement's own page. Built by ``site`` (the register) and ``arrangement`` (a page);
nothing here reaches into the models or works out governance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from partnerfw.policy.schema import DEFAULT_CLASSES, Licence
from partnerfw.views.accessibility import StatementView
from partnerfw.views.common import Entry, Link
from partnerfw.views.facts import FactsView

NO_REPOSITORY = "No history: this register is not in a git repository."


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
    """Why there is no history to show (None when there is)."""
    facts: FactsView = field(default_factory=FactsView)
    """Statutory basis, Lead Member, funding, joint committee, partner decisions, audit."""


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


@dataclass(frozen=True)
class BuildStamp:
    """When and from which commit the site was built (``publish.stamp``), for the footer."""

    iso: str
    """UTC, to the minute: 2026-11-23T06:02Z."""
    text: str
    """23 November 2026 at 06:02 UTC."""
    commit: str | None = None
    """The commit's short id, or None when it is not known."""
    commit_url: str | None = None
    """The commit's page on GitHub, when the repository is known."""


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
    built: BuildStamp | None = None
    """When and from which commit it was built, shown in every page's footer."""
    classes: tuple[tuple[str, str], ...] = DEFAULT_CLASSES
    """The policy's classes of partnership, highest first, with their labels."""
    search_index: dict[str, Any] = field(default_factory=dict)
    """What the site's search looks in (``search.search_index``), from the public pages."""
