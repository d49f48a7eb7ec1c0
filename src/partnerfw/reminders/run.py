"""``partnerfw reminders``: check the register, work out the reminders, and bring GitHub's
issues in line, or say what it would do (a dry run, the default)."""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass, field
from pathlib import PurePath

from partnerfw.errors import UserError
from partnerfw.git.repo_paths import RepoPaths
from partnerfw.policy.project import Project
from partnerfw.reminders import sync, text
from partnerfw.reminders.github import Repository
from partnerfw.reminders.wanted import DEFAULT_WITHIN, REMINDER_LABEL, Reminder, wanted_reminders
from partnerfw.rules.engine import run_check
from partnerfw.words import listed, plural

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_SERVER_URL = "https://github.com"
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_UNREADABLE = ("DATA001", "DATA002", "DATA003", "DATA004")


@dataclass(frozen=True)
class Options:
    repository: str | None = None
    """owner/name (GITHUB_REPOSITORY)."""
    token: str | None = None
    """GITHUB_TOKEN."""
    api_url: str = DEFAULT_API_URL
    server_url: str = DEFAULT_SERVER_URL
    within: int | None = None
    apply: bool = False
    write_pause: float | None = None
    """Seconds between writes (None: the one GitHub asks for, ``github.WRITE_PAUSE_SECONDS``)."""
    verbose: bool = False
    """Name every file of a long list, not the first few and a count."""


@dataclass
class Outcome:
    lines: list[str] = field(default_factory=list)
    """What was done (or would be), one line each, then the summary."""
    seconds: float = 0.0


def run_reminders(project: Project, options: Options, today: dt.date) -> Outcome:
    """Raises UserError (a GitHubProblem for GitHub's refusals) with what to do; with
    ``apply``, what was done before a failure is in the error's message."""
    started = time.perf_counter()
    within = DEFAULT_WITHIN if options.within is None else options.within
    if within < 0:
        raise UserError("--within must be a number of days, 0 or more")
    repository = _repository(options)
    if options.apply and not options.token:
        raise UserError(
            "no GitHub token: set GITHUB_TOKEN (a workflow gives it as "
            "${{ secrets.GITHUB_TOKEN }}) or give --token; without --apply, reminders only "
            "says what it would do"
        )
    result = run_check(project, [project.register_dir], today)
    paths = RepoPaths.find(project.root)
    record_paths = {c.id: paths(c.record.file) for c in reversed(result.records)}
    wanted = _unique(
        wanted_reminders(
            result.records,
            project.schedule.policy_on(today),
            project.settings.master_lists,
            today,
            within,
            record_paths,
        )
    )
    links = text.Links(options.server_url, repository or "OWNER/REPOSITORY")
    outcome = Outcome()
    unreadable = sorted({f.file for f in result.findings if f.rule in _UNREADABLE})
    kept_open = frozenset(PurePath(file).stem for file in unreadable)
    if unreadable:
        outcome.lines.append(
            f"warning: {plural(len(unreadable), 'record file')} could not be read, so no "
            f"reminder is worked out for them ('partnerfw check' says why): "
            f"{listed(unreadable, options.verbose)}"
        )
    if repository is None or not options.token:
        planned = sync.plan(wanted, [], {}, links, within, today, record_paths)
        outcome.lines += [c.describe(False) for c in planned.changes]
        outcome.lines.append(
            "Without "
            + (
                "a repository (GITHUB_REPOSITORY or --repository)"
                if repository is None
                else "a token (GITHUB_TOKEN)"
            )
            + ", the existing issues were not read: each would be opened unless one exists."
        )
    else:
        repo = Repository(options.api_url, repository, options.token, options.write_pause)
        planned = _plan_with(repo, wanted, links, within, today, record_paths, kept_open)
        if options.apply:
            done: list[str] = []
            try:
                sync.apply(repo, planned, done)
            except UserError as exc:
                shown = "; ".join(done) if done else "nothing"
                raise type(exc)(f"{exc} (done before it: {shown})") from None
            outcome.lines += done
        else:
            outcome.lines += [f"Would create the label '{label}'" for label in planned.labels]
            outcome.lines += [c.describe(False) for c in planned.changes]
        if planned.up_to_date:
            outcome.lines.append(
                f"{plural(len(planned.up_to_date), 'reminder')} already up to date: "
                + ", ".join(f"#{n}" for n in planned.up_to_date)
            )
    outcome.lines.append(_summary(wanted, within, today))
    if not options.apply:
        outcome.lines.append("Dry run: nothing was changed on GitHub; add --apply to do it.")
    outcome.seconds = time.perf_counter() - started
    return outcome


def _plan_with(
    repo: Repository,
    wanted: list[Reminder],
    links: text.Links,
    within: int,
    today: dt.date,
    record_paths: dict[str, str],
    unreadable: frozenset[str],
) -> sync.Plan:
    """Read what GitHub has (labels, reminder issues, who can be assigned) and plan."""
    labels = repo.labels()
    existing = repo.issues(REMINDER_LABEL) if REMINDER_LABEL in labels else []
    logins = sorted({r.assignee for r in wanted if r.assignee})
    assignable = {login: repo.assignable(login) for login in logins}
    return sync.plan(
        wanted, existing, assignable, links, within, today, record_paths, labels, unreadable
    )


def _repository(options: Options) -> str | None:
    repository = (options.repository or "").strip() or None
    if repository is not None and not _REPOSITORY.match(repository):
        raise UserError(
            f"--repository '{repository}' is not owner/name, e.g. thamesbridge/partnerships"
        )
    return repository


def _unique(wanted: list[Reminder]) -> list[Reminder]:
    """One reminder per id (two files with one id, REG001, get one: the first)."""
    seen: set[str] = set()
    kept = []
    for reminder in wanted:
        if reminder.record_id not in seen:
            seen.add(reminder.record_id)
            kept.append(reminder)
    return kept


def _summary(wanted: list[Reminder], within: int, today: dt.date) -> str:
    late = sum(1 for r in wanted if r.any_overdue)
    return (
        f"{plural(len(wanted), 'arrangement')} with something due within "
        f"{plural(within, 'day')} of {today.isoformat()} or overdue ({late} overdue)."
    )
