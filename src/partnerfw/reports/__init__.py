"""Reports for the committees and the review cycle: ``partnerfw report NAME``.

Each report is computed from the checked register and the policy (``reports/<name>.py``,
pure: the as-of date is given), turned into a :class:`~partnerfw.reports.paper.Paper` from
the shared section builders (``reports/sections.py``), given its front sheet and implications
(``reports/front_sheet.py``), and rendered as HTML, Markdown, DOCX (``reports/docx_paper.py``,
on the council's Word template) or CSV (``reports/render.py``). ``reports/output.py`` is the
command's workflow: check, build, render, and write the file or hand back the text to print.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from partnerfw.errors import UserError
from partnerfw.git.past_register import load_baseline, parse_since, revision_at
from partnerfw.judge.classify import Classification, classify, decided
from partnerfw.judge.dates import add_months
from partnerfw.policy.compared import compared_policy
from partnerfw.policy.project import Project
from partnerfw.reports import annual, due, governance, reclassification, scrutiny
from partnerfw.reports.common import ReportData, Scope, prepare
from partnerfw.reports.front_sheet import with_front_sheet
from partnerfw.reports.paper import Paper
from partnerfw.reports.render import render_html, report_environment
from partnerfw.rules.engine import CheckResult
from partnerfw.templating import keep_compiled
from partnerfw.views.pages import BuildStamp

REPORTS = ("annual", "governance", "due", "scrutiny", "reclassification")
FORMATS = ("html", "md", "docx", "csv")


@dataclass(frozen=True)
class Options:
    scope: Scope = field(default_factory=Scope)
    since: str | None = None
    """annual: a date (YYYY-MM-DD) or a git revision; only what changed since is shown."""
    within: int | None = None
    """due: days ahead to look (default: the policy's renewal notice days)."""
    compare_policy: str | None = None
    """reclassification: a policy file or a built-in edition (default: the other edition)."""
    public: bool = True
    """Leave out confidential parts and officers' contact details (as the site does)."""


def build_paper(
    name: str, project: Project, result: CheckResult, as_of: dt.date, options: Options | None = None
) -> Paper:
    options = options or Options()
    if name not in REPORTS:
        raise UserError(f"no report called '{name}'; choose one of: {', '.join(REPORTS)}")
    data = prepare(
        project.council_name,
        project.schedule.policy_on(as_of),
        result,
        as_of,
        options.scope,
        options.public,
    )
    return _paper(name, project, result, data, options)


def _paper(
    name: str, project: Project, result: CheckResult, data: ReportData, options: Options
) -> Paper:
    """The report's paper with the council's front sheet and implications."""
    paper = _report_paper(name, project, result, data, options)
    return with_front_sheet(paper, project.settings.papers, data)


def _report_paper(
    name: str, project: Project, result: CheckResult, data: ReportData, options: Options
) -> Paper:
    if not data.records and result.records:
        raise UserError(
            f"no arrangement matches {options.scope.describe()}; " + _known(result, options.scope)
        )
    if name == "annual":
        return _annual(project, data, options)
    if name == "governance":
        return governance.paper(governance.compute(data), data)
    if name == "due":
        if options.within is not None and options.within < 0:
            raise UserError("--within must be a number of days, 0 or more")
        return due.paper(due.compute(data, options.within), data)
    if name == "scrutiny":
        return scrutiny.paper(scrutiny.compute(data), data)
    return _reclassification(project, result, data, options)


def _known(result: CheckResult, scope: Scope) -> str:
    """The values the register uses for the options given, to correct a typo."""
    parts = []
    for option, value, field_ in (
        ("--portfolio", scope.portfolio, "portfolio"),
        ("--committee", scope.committee, "committee"),
        ("--department", scope.department, "department"),
    ):
        if value is not None:
            known = sorted(
                {getattr(r.record.arrangement, field_) or "" for r in result.records} - {""}
            )
            parts.append(f"{option} is one of: {', '.join(known)}")
    return "; ".join(parts)


def _annual(project: Project, data: ReportData, options: Options) -> Paper:
    since = parse_since(options.since) if options.since else None
    period_start = since if isinstance(since, dt.date) else None
    if period_start is not None and period_start >= data.as_of:
        raise UserError(f"--since {period_start} is not before the report date {data.as_of}")
    revision: str | None
    label: str | None = None
    if isinstance(since, str):
        revision = since
    else:
        start = period_start or add_months(data.as_of, -12)
        revision = revision_at(project.root, start)
        if revision:
            label = (
                f"the register as committed on or before {start.isoformat()} "
                f"(revision {revision[:7]})"
            )
    baseline_data: ReportData | None = None
    if revision:
        baseline = load_baseline(
            project.root, project.settings.register_folder, revision, data.policy, label
        )
        baseline_data = prepare(
            data.council,
            data.policy,
            CheckResult(baseline.records, baseline.findings),
            period_start or baseline.day,
            data.scope,
            data.public,
        )
        label = baseline.label
        if period_start is None and isinstance(since, str):
            period_start = baseline.day
    report = annual.compute(
        data, period_start, baseline_data, label, changes_only=since is not None
    )
    return annual.paper(report, data)


def _reclassification(
    project: Project, result: CheckResult, data: ReportData, options: Options
) -> Paper:
    other, label, problems = compared_policy(project, options.compare_policy, data.as_of)
    if other is None:
        shown = "; ".join(f"{p.file}:{p.line}: {p.message}" for p in problems)
        raise UserError(f"--compare-policy {label}: not a valid policy: {shown}")
    classes: dict[str, Classification] = {}
    public_ids = {r.id: r for r in data.records}
    for checked in result.records:
        if checked.id not in public_ids:
            continue
        then = decided(
            checked.record.arrangement, classify(checked.record.arrangement, other, data.as_of)
        )
        shown_now = public_ids[checked.id].classification
        if shown_now.reason != checked.classification.reason:  # figures withheld
            then = replace(then, reason=f"{then.label} (the figures are confidential)")
        classes[checked.id] = then
    report = reclassification.compute(data, other, label, classes)
    return reclassification.paper(report, data)


def public_data(project: Project, result: CheckResult, as_of: dt.date) -> ReportData:
    """The whole register's public view as of ``as_of``, as the site's reports (and its
    calendar) are made from it."""
    return prepare(
        project.council_name, project.schedule.policy_on(as_of), result, as_of, Scope(), True
    )


def build_reports(
    project: Project,
    result: CheckResult,
    as_of: dt.date,
    built: BuildStamp | None = None,
    data: ReportData | None = None,
    *,
    cache: bool = False,
) -> dict[str, str]:
    """Every report as a public HTML page for the site: ``{'reports/annual.html': html, ...}``,
    with the site's build stamp (``built``) in the footer. ``data`` is the public view
    (``public_data``) when the caller has made it already; with ``cache``, the templates are
    kept compiled between builds (``templating.keep_compiled``).

    Built from the public view only: nothing a record marks confidential, and no officer's
    email or phone unless the policy publishes contact details.
    """
    options = Options(public=True)
    data = data or public_data(project, result, as_of)
    pages = {}
    env = report_environment(project.root)  # and the templates compiled once for all of them
    if cache:
        keep_compiled(env)
    for name in REPORTS:  # the public view is made once for all of them
        paper = _paper(name, project, result, data, options)
        pages[f"reports/{name}.html"] = render_html(
            paper, project.root, site_nav=True, built=built, env=env
        )
    return pages
