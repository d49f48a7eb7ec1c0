"""``partnerfw build``: check the register, make the public view, render the site, write it."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from partnerfw.errors import NoRegisterError
from partnerfw.files import named_path
from partnerfw.git.trail import histories, repository_root
from partnerfw.policy.project import Project
from partnerfw.publish import calendar
from partnerfw.publish.admin import admin_files
from partnerfw.publish.site import page_count, read_logo, render_site, write_site
from partnerfw.publish.stamp import build_stamp
from partnerfw.record.loading import discover
from partnerfw.render.terminal import Progress, no_progress
from partnerfw.reports import build_reports, public_data
from partnerfw.rules.engine import CheckResult, run_check
from partnerfw.templating import environment, keep_compiled
from partnerfw.views.site import build_site_view, report_links
from partnerfw.words import listed, plural

if TYPE_CHECKING:
    from jinja2 import Environment

    from partnerfw.git.trail import TrailEntry

_UNREADABLE_RULES = ("DATA001", "DATA002", "DATA003", "DATA004", "POL001")


@dataclass
class BuildReport:
    out: Path
    pages: int
    records: int
    seconds: float
    unreadable: list[str] = field(default_factory=list)
    """Files left out of the site because they could not be read as records."""
    shared_ids: list[str] = field(default_factory=list)
    """Ids used by more than one file: the site shows only one page for each (REG001)."""
    statement_missing: list[str] = field(default_factory=list)
    """What the accessibility statement lacks (partnerfw.yaml accessibility:); a warning."""
    admin_bytes: int = 0
    """What the browser editor (admin/) adds to the site, in bytes; 0 without it."""
    admin_warning: str | None = None
    """Why the site has no browser editor although the repository configures one."""

    @property
    def has_problems(self) -> bool:
        return bool(self.unreadable or self.shared_ids)

    def message(self, verbose: bool = False) -> str:
        """What was built and where, with a warning for each problem; a long list of files
        names the first few and counts the rest unless ``verbose``."""
        lines = [
            f"Built {plural(self.pages, 'page')} for {plural(self.records, 'arrangement')} "
            f"into {self.out}/ in {self.seconds:.1f} s.",
            f"Open {self.out / 'index.html'} in a browser, or preview it with:",
            f"  python3 -m http.server -d {self.out}   (then visit http://localhost:8000/)",
        ]
        if self.admin_bytes:
            lines.insert(
                1,
                f"The browser editor is at {self.out / 'admin'}/ "
                f"({self.admin_bytes / 1_000_000:.1f} MB of Decap CMS).",
            )
        if self.admin_warning:
            lines.insert(0, f"warning: {self.admin_warning}")
        if self.statement_missing:
            lines.insert(
                0,
                "warning: the accessibility statement (accessibility.html) the Public Sector "
                "Bodies Accessibility Regulations 2018 require does not yet give "
                + "; ".join(self.statement_missing)
                + ": set them under accessibility: in partnerfw.yaml",
            )
        if self.unreadable:
            lines.insert(
                0,
                f"warning: {plural(len(self.unreadable), 'file')} "
                f"{'is' if len(self.unreadable) == 1 else 'are'} not on the site because "
                "they could not be read; run 'partnerfw check' to see why: "
                + listed(self.unreadable, verbose),
            )
        if self.shared_ids:
            lines.insert(
                0,
                f"warning: {plural(len(self.shared_ids), 'id')} "
                f"{'is' if len(self.shared_ids) == 1 else 'are'} used by more than one file, so "
                "the site has one page for several records; give each arrangement its own id "
                "('partnerfw check' lists the files): " + listed(self.shared_ids, verbose),
            )
        return "\n".join(lines)


def site_environment(root: Path, cache: bool = False) -> Environment:
    """The shared environment, with block tags trimmed as the site templates expect; its
    templates are read once for the build (not checked for changes on every page), and with
    ``cache`` kept compiled between builds (``templating.keep_compiled``)."""
    env = environment(root)
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.auto_reload = False
    if cache:
        keep_compiled(env)
    return env


def build_site(
    project: Project,
    paths: Sequence[Path],
    out: Path,
    today: dt.date,
    progress: Progress = no_progress,
    *,
    cache: bool = False,
) -> BuildReport:
    """Check the register, make the public view and write the site into ``out``; ``progress``
    is told each step from the first (checking, the reports, each page, writing); with
    ``cache``, the records checked as ``check`` does, through the check cache."""
    with _records_kept():
        return _build(project, paths, out, today, progress, cache)


def _build(
    project: Project,
    paths: Sequence[Path],
    out: Path,
    today: dt.date,
    progress: Progress,
    cache: bool,
) -> BuildReport:
    started = time.perf_counter()
    progress("Checking the register", 0, 0)
    built = build_stamp(project.root)

    if repository_root(project.root) is None:
        result = _check(project, paths, today, cache)
        progress("Making the reports and the open data", 0, 0)
        public = public_data(project, result, today)
        reports = build_reports(project, result, today, built, public, cache=cache)
        trails = None
    else:
        # Another process has git read the records' history while this one checks the
        # register and makes the reports (threads would wait on each other for Python's lock).
        with ProcessPoolExecutor(max_workers=1) as background:
            history = background.submit(_histories, project.root, list(paths))
            result = _check(project, paths, today, cache)
            progress("Making the reports and the open data", 0, 0)
            public = public_data(project, result, today)
            reports = build_reports(project, result, today, built, public, cache=cache)
            progress("Reading the records' history in git", 0, 0)
            trails = _by_record(project, result, history.result())
    view = build_site_view(result, project, today, trails=trails)
    view.reports = report_links(sorted(reports))
    view.built = built
    logo = read_logo(project.root, project.settings.theme.logo)
    total, done = page_count(view), 0
    env = site_environment(project.root, cache)
    progress("Rendering pages", 0, total)

    def advance(pages: int) -> None:
        nonlocal done
        done += pages
        progress("Rendering pages", done, total)

    files = render_site(view, env, logo, advance, reports)
    progress("Writing the site", 0, 0)
    files[calendar.FILE] = calendar.calendar_text(public, view.site_url)
    admin = admin_files(project.root, env, project.council_name)
    write_site(out, {**files, **admin.files})
    unreadable = sorted({f.file for f in result.findings if f.rule in _UNREADABLE_RULES})
    return BuildReport(
        out,
        sum(1 for name in files if name.endswith(".html")),
        len(view.pages),
        time.perf_counter() - started,
        unreadable,
        sorted({f.record for f in result.findings if f.rule == "REG001"}),
        view.statement.missing if view.statement else [],
        admin.size,
        admin.warning,
    )


_GC_THRESHOLDS = (10_000, 20, 100)
"""The garbage collector's rounds while a build runs: far fewer than Python's (700, 10, 10).
The site's pages, reports and open data are millions of short-lived objects that counting
frees; almost none are in cycles (a build with the collector off holds 2% more memory)."""


@contextmanager
def _records_kept() -> Iterator[None]:
    """While a build runs, the records it checked are kept out of the garbage collector's
    rounds (``_check`` freezes them), and the rounds are rarer (``_GC_THRESHOLDS``): the
    site, its reports and open data make hundreds of thousands of small objects, and each
    round would otherwise walk every record again (a fifth of the build's time at 1,000
    records). Nothing is frozen for longer than the build, nor when a caller has already
    frozen objects of its own; the collector's settings are put back after it."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLDS)
    frozen_before = gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()
        gc.set_threshold(*thresholds)


def _check(project: Project, paths: Sequence[Path], today: dt.date, cache: bool) -> CheckResult:
    """The check of the register (``run_check``), its records then frozen (``_records_kept``)."""
    result = run_check(project, paths, today, cache=cache)
    if not gc.get_freeze_count():
        gc.freeze()
    return result


def _histories(root: Path, paths: list[Path]) -> dict[Path, list[TrailEntry]]:
    """The git history of every record file under ``paths``, by path as named, read in one
    parallel pass (``trail.histories``)."""

    try:
        files = [named_path(path) for path in discover(paths)]
    except NoRegisterError:
        return {}
    return histories(root, files)


def _by_record(
    project: Project, result: CheckResult, found: dict[Path, list[TrailEntry]]
) -> dict[str, list[TrailEntry]]:
    return {c.id: found.get(named_path(project.root / c.record.file), []) for c in result.records}
