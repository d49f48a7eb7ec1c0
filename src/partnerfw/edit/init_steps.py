"""``partnerfw init`` step by step: the answers (from the options, asked in a terminal, or on a
re-run from the existing partnerfw.yaml), the files written, the first commit, and what is
still missing or out of date, with the next steps, as lines for the command to print."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from partnerfw.edit.answers import Interrupted, terminal_asker
from partnerfw.edit.cms_setup import cms_status
from partnerfw.edit.init_questions import QUESTIONS, collect
from partnerfw.edit.init_repo import (
    FileStatus,
    State,
    answers_from_settings,
    first_commit,
    in_git_repository,
    status,
    write_missing,
)
from partnerfw.errors import UserError
from partnerfw.policy.project import SETTINGS_FILE


@dataclass
class InitReport:
    """What ``init`` has to say: lines to print, and how it ends."""

    lines: list[str] = field(default_factory=list)
    failure: str | None = None
    """Said after the lines, when the command could not finish (the first commit failed)."""
    incomplete: bool = False
    """Something is still missing or out of date."""


def check_repository(root: Path) -> InitReport:
    """``init --check``: what the repository has, lacks or has out of date; nothing written."""
    _refuse_a_file(root)
    if not root.is_dir():
        raise UserError(f"{root}: no such folder")
    found = status(root) + cms_status(root)
    problems = sum(1 for item in found if item.state is not State.OK)
    summary = (
        "everything a register repository needs is there"
        if not problems
        else f"{problems} missing or out of date in {root.as_posix()}"
    )
    return InitReport([*status_lines(found), summary], incomplete=bool(problems))


def set_up(
    root: Path,
    given: dict[str, Any],
    install_from: str | None,
    code_scanning: bool,
    no_input: bool,
    warn: Callable[[str], None],
) -> InitReport:
    """Create or complete the register repository in ``root``: write what is missing, make
    the first commit of a new repository, and say what is left to do.

    ``given`` holds the options by answer key; on a re-run they change nothing, and ``warn``
    says so at once. Raises UserError when an answer is missing or wrong, and Interrupted on
    Ctrl-C."""
    _refuse_a_file(root)
    existing = (root / SETTINGS_FILE).is_file()
    try:
        was_repository = in_git_repository(root)
        if existing:
            ignored = [q.option for q in QUESTIONS if given.get(q.key) is not None]
            if ignored:
                warn(
                    f"{root / SETTINGS_FILE} exists, so {', '.join(ignored)} changed nothing; "
                    "edit partnerfw.yaml itself"
                )
            answers = answers_from_settings(root, install_from)
        else:
            options = {q.key: given.get(q.key) for q in QUESTIONS}
            ask = terminal_asker(no_input)
            answers = collect(options, install_from or "index", ask, code_scanning)
        root.mkdir(parents=True, exist_ok=True)
        written = write_missing(root, answers)
    except (typer.Abort, KeyboardInterrupt):
        raise Interrupted("nothing was written") from None
    report = InitReport([_wrote(root, path) for path in written])
    if not written:
        report.lines.append("nothing to add: every file is there")
    if written and not existing and not was_repository:
        try:
            commit = first_commit(root, written)
        except UserError as exc:
            report.failure = str(exc)
            return report
        report.lines.append(f"\nmade the first commit {commit} on branch main")
    elif written and not existing:
        report.lines.append(
            f"\n{root} is already in a git repository: review the files, then commit them"
        )
    remaining = [s for s in status(root) if s.state is not State.OK]
    if remaining:
        report.lines += ["", *status_lines(remaining)]
    if not existing:
        report.lines.append(next_steps(root))
    report.incomplete = bool(remaining)
    return report


def status_lines(found: Sequence[FileStatus]) -> list[str]:
    return [
        f"{item.state.value:<11} {item.path}" + (f": {item.note}" if item.note else "")
        for item in found
    ]


def next_steps(root: Path) -> str:
    steps = [f"cd {root.as_posix()}"] if root != Path(".") else []
    steps += [
        "pre-commit install             (the checks before each commit)",
        "partnerfw new                  (the first arrangement)",
        "git add -A && git commit -m 'Propose ...'",
        "git remote add origin <the GitHub repository> && git push -u origin main",
        "protect main and require code-owner review (README.md: 'Settings for the "
        "repository's administrators')",
    ]
    return "\nNext:\n" + "\n".join(f"  {step}" for step in steps)


def _refuse_a_file(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise UserError(f"{root} is a file, not a folder")


def _wrote(root: Path, path: Path) -> str:
    return f"wrote {(root / path).as_posix() if root != Path('.') else path.as_posix()}"
