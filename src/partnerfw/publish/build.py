"""``partnerfw build``: check the register, make the public view, render the site, write it."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from partnerfw.errors import NoRegisterError
from partnerfw.git.trail import histories, repository_root
from partnerfw.policy.project import Project
from partnerfw.publish.site import page_count, read_logo, render_site, write_site
from partnerfw.record.loading import discover
from partnerfw.reports import build_reports
from partnerfw.rules.engine import CheckResult, run_check
from partnerfw.templating import environment
from partnerfw.views.site import build_site_view, report_links
from partnerfw.words import plural

if TYPE_CHECKING:
    from jinja2 import Environment

    from partnerfw.git.trail import TrailEntry

PROGRESS_FROM_PAGES = 150
"""Below this many pages a build takes well under a second: no progress bar."""
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

    @property
    def has_problems(self) -> bool:
        return bool(self.unreadable or self.shared_ids)

    def message(self) -> str:
        lines = [
            f"Built {self.pages} pages for {self.records} arrangements into {self.out}/ "
            f"in {self.seconds:.1f} s.",
            f"Open {self.out / 'index.html'} in a browser, or preview it with:",
            f"  python3 -m http.server -d {self.out}   (then visit http://localhost:8000/)",
        ]
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
                + ", ".join(self.unreadable),
            )
        if self.shared_ids:
            lines.insert(
                0,
                f"warning: {plural(len(self.shared_ids), 'id')} "
                f"{'is' if len(self.shared_ids) == 1 else 'are'} used by more than one file, so "
                "the site has one page for several records; give each arrangement its own id "
                "('partnerfw check' lists the files): " + ", ".join(self.shared_ids),
            )
        return "\n".join(lines)


def site_environment(root: Path) -> Environment:
    """The shared environment, with block tags trimmed as the site templates expect."""
    env = environment(root)
    env.trim_blocks = True
    env.lstrip_blocks = True
    return env


def build_site(
    project: Project, paths: Sequence[Path], out: Path, today: dt.date, *, cache: bool = False
) -> BuildReport:
    """Build the site of the records under ``paths`` into ``out``; with ``cache``, the records
    checked as ``check`` does, through the check cache."""
    started = time.perf_counter()

    if repository_root(project.root) is None:
        result = run_check(project, paths, today, cache=cache)
        reports = build_reports(project, result, today)
        trails = None
    else:
        # Another process has git read the records' history while this one checks the
        # register and makes the reports (threads would wait on each other for Python's lock).
        with ProcessPoolExecutor(max_workers=1) as background:
            history = background.submit(_histories, project.root, list(paths))
            result = run_check(project, paths, today, cache=cache)
            reports = build_reports(project, result, today)
            trails = _by_record(project, result, history.result())
    view = build_site_view(result, project, today, trails=trails)
    view.reports = report_links(sorted(reports))
    logo = read_logo(project.root, project.settings.theme.logo)
    total = page_count(view)
    with _progress(total) as advance:
        files = render_site(view, site_environment(project.root), logo, advance, reports)
    write_site(out, files)
    unreadable = sorted({f.file for f in result.findings if f.rule in _UNREADABLE_RULES})
    return BuildReport(
        out,
        sum(1 for name in files if name.endswith(".html")),
        len(view.pages),
        time.perf_counter() - started,
        unreadable,
        sorted({f.record for f in result.findings if f.rule == "REG001"}),
        view.statement.missing if view.statement else [],
    )


def _histories(root: Path, paths: list[Path]) -> dict[Path, list[TrailEntry]]:
    """The git history of every record file under ``paths``, by resolved path, read in one
    parallel pass (``trail.histories``)."""

    try:
        files = [path.resolve() for path in discover(paths)]
    except NoRegisterError:
        return {}
    return histories(root, files)


def _by_record(
    project: Project, result: CheckResult, found: dict[Path, list[TrailEntry]]
) -> dict[str, list[TrailEntry]]:
    return {c.id: found.get((project.root / c.record.file).resolve(), []) for c in result.records}


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A rich progress bar on a terminal when there are enough pages to take a moment."""
    # Loaded here, not at the top: rich is only needed when this runs.
    from rich.console import Console

    console = Console(stderr=True)
    if total < PROGRESS_FROM_PAGES or not console.is_terminal:
        yield None
        return
    # Loaded here, not at the top: rich is only needed when this runs.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("Rendering pages"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("pages", total=total)
        yield lambda n: progress.advance(task, n)
