"""``partnerfw init``: a council's register repository in one step, and what is missing later.

The files come from ``templates/repository/`` (shipped in the wheel), the JSON Schemas from
``schemas.py`` and ``.github/CODEOWNERS`` and the pull request template from ``codeowners.py``,
so a new repository is exactly what the other commands would write. Nothing that exists is
ever replaced: a re-run writes only what is missing and says what is out of date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from partnerfw import PROJECT_URL, __version__
from partnerfw.edit.codeowners import (
    CODEOWNERS,
    MARKER,
    PR_TEMPLATE,
    build,
    stale_diff,
    write,
    write_pr_template,
)
from partnerfw.edit.schemas import SCHEMA_FOLDER, stale, write_schemas
from partnerfw.errors import UserError
from partnerfw.files import FileExistsRefusal, write_atomic
from partnerfw.git.trail import repository_root
from partnerfw.policy.project import SETTINGS_FILE, open_project
from partnerfw.templating import templates_dir

INSTALL_FROM = ("index", "git")
"""Where the generated workflows install partnerfw from: the package index or a git tag."""
WORKFLOWS = Path(".github/workflows")
CHECK_WORKFLOW = WORKFLOWS / "check.yml"
PUBLISH_WORKFLOW = WORKFLOWS / "publish.yml"
REMINDERS_WORKFLOW = WORKFLOWS / "reminders.yml"
TIDY_WORKFLOW = WORKFLOWS / "tidy-browser-edits.yml"
"""Tidies and checks what the browser editor saves on its cms/** branches."""
PRE_COMMIT = Path(".pre-commit-config.yaml")
_PINNED = re.compile(
    r"partnerfw(?:\[[a-z,-]+\])?(?:==|\s*@\s*git\+\S+?@v)(?P<version>[0-9][0-9A-Za-z.+-]*)"
)
FIRST_COMMIT = "Start the register of partnerships and shared services (partnerfw init)"


@dataclass(frozen=True)
class RepoAnswers:
    """What ``init`` asks: the council, its framework and who reviews."""

    council_name: str
    website: str | None
    edition: str
    adopted_on: dt.date
    adoption_decision: str
    monitoring_officer_team: str
    section_151_officer_team: str
    install_from: str = "index"
    code_scanning: bool = False
    """Also upload the findings to GitHub code scanning (SARIF) in check.yml."""


class State(Enum):
    OK = "ok"
    MISSING = "missing"
    OUT_OF_DATE = "out of date"


@dataclass(frozen=True)
class FileStatus:
    path: str
    """From the repository's folder, with a trailing / for a folder."""
    state: State
    note: str = ""


def install_command(install_from: str, version: str = __version__, extra: str = "") -> str:
    """The workflows' install step: a pinned release, from the index or from its git tag,
    with an optional extra (``github`` for the reminders)."""
    name = f"partnerfw[{extra}]" if extra else "partnerfw"
    if install_from == "git":
        return f'python -m pip install "{name} @ git+{PROJECT_URL}@v{version}"'
    return f'python -m pip install "{name}=={version}"'


def template_files(answers: RepoAnswers) -> dict[Path, str]:
    """The files rendered from ``templates/repository/``, by path in the new repository."""
    env = _environment()
    values = {
        "council_name": answers.council_name,
        "website": answers.website,
        "edition": answers.edition,
        "adopted_on": answers.adopted_on.isoformat(),
        "adoption_decision": answers.adoption_decision,
        "monitoring_officer_team": answers.monitoring_officer_team,
        "section_151_officer_team": answers.section_151_officer_team,
        "version": __version__,
        "project_url": PROJECT_URL,
        "install_command": install_command(answers.install_from),
        "reminders_install_command": install_command(answers.install_from, extra="github"),
        "code_scanning": answers.code_scanning,
    }
    names = {
        Path(SETTINGS_FILE): "partnerfw.yaml.j2",
        Path("README.md"): "README.md.j2",
        Path("register/README.md"): "register-README.md.j2",
        Path(".gitignore"): "gitignore.j2",
        PRE_COMMIT: "pre-commit-config.yaml.j2",
        CHECK_WORKFLOW: "workflows/check.yml.j2",
        PUBLISH_WORKFLOW: "workflows/publish.yml.j2",
        REMINDERS_WORKFLOW: "workflows/reminders.yml.j2",
        TIDY_WORKFLOW: "workflows/tidy-browser-edits.yml.j2",
    }
    return {path: env.get_template(name).render(values) for path, name in names.items()}


def answers_from_settings(root: Path, install_from: str | None) -> RepoAnswers:
    """For a re-run: the council's answers as its partnerfw.yaml gives them."""

    if install_from is not None and install_from not in INSTALL_FROM:
        raise UserError(f"--install-from '{install_from}' is not one of: {', '.join(INSTALL_FROM)}")
    project = open_project(root)
    if project.problems:
        first = project.problems[0]
        raise UserError(
            f"{first.file}:{first.line}: {first.message}; fix the settings first "
            "('partnerfw check' lists every problem), then run 'partnerfw init' again"
        )
    reviewers = {
        role: (project.policy.roles[role].reviewers or ["@your-org/" + role.replace("_", "-")])[0]
        for role in ("monitoring_officer", "section_151_officer")
        if role in project.policy.roles
    }
    in_force = project.settings.schedule[-1]
    return RepoAnswers(
        project.settings.council.name,
        project.settings.council.website,
        in_force.edition,
        in_force.from_date or dt.date.today(),
        in_force.decision or "",
        reviewers.get("monitoring_officer", "@your-org/monitoring-officer"),
        reviewers.get("section_151_officer", "@your-org/section-151-officer"),
        install_from or _installed_from(root) or "index",
    )


def write_missing(root: Path, answers: RepoAnswers) -> list[Path]:
    """Write every file of a register repository that ``root`` does not have yet; existing
    files are left as they are. Returns the paths written, from ``root``."""

    written: list[Path] = []
    settings_existed = (root / SETTINGS_FILE).exists()
    for path, text in template_files(answers).items():
        if path == Path("register/README.md") and (root / "register").is_dir():
            continue  # an existing register needs no placeholder
        if (root / path).exists():
            continue
        try:
            write_atomic(root / path, text)
        except FileExistsRefusal:
            continue
        written.append(path)
    if not settings_existed:
        _validate_settings(root)
    written += _write_generated(root)
    return written


def status(root: Path) -> list[FileStatus]:
    """What a register repository has, lacks, or has out of date (``init --check``)."""

    found: list[FileStatus] = []
    settings = root / SETTINGS_FILE
    if not settings.is_file():
        return [FileStatus(SETTINGS_FILE, State.MISSING, "run 'partnerfw init' here")]
    project = open_project(root)
    if project.problems:
        first = project.problems[0]
        found.append(
            FileStatus(
                SETTINGS_FILE,
                State.OUT_OF_DATE,
                f"line {first.line}: {first.message} ('partnerfw check' lists every problem)",
            )
        )
    else:
        found.append(FileStatus(SETTINGS_FILE, State.OK))
    register = project.register_dir
    found.append(
        FileStatus(
            _shown(register, root) + "/",
            State.OK if register.is_dir() else State.MISSING,
            "" if register.is_dir() else "create it (partnerfw new writes records there)",
        )
    )
    outdated = stale(root / SCHEMA_FOLDER)
    found.append(
        FileStatus(
            f"{SCHEMA_FOLDER}/",
            State.OUT_OF_DATE if outdated else State.OK,
            "run 'partnerfw schema' and commit it" if outdated else "",
        )
    )
    for path in (PRE_COMMIT, CHECK_WORKFLOW, PUBLISH_WORKFLOW, REMINDERS_WORKFLOW, TIDY_WORKFLOW):
        found.append(_pinned_status(root, path))
    codeowners = root / CODEOWNERS
    if not codeowners.is_file():
        found.append(FileStatus(str(CODEOWNERS), State.MISSING, "run 'partnerfw codeowners'"))
    elif not project.problems:
        text = codeowners.read_text("utf-8")
        mine = text.startswith(MARKER)
        try:
            current = stale_diff(build(project)) is None
        except UserError as exc:
            found.append(FileStatus(str(CODEOWNERS), State.OUT_OF_DATE, str(exc)))
        else:
            found.append(
                FileStatus(
                    str(CODEOWNERS),
                    State.OK if current else State.OUT_OF_DATE,
                    ""
                    if current
                    else (
                        "run 'partnerfw codeowners' and commit it"
                        if mine
                        else "written by hand: 'partnerfw codeowners --overwrite' replaces it"
                    ),
                )
            )
    for path in (PR_TEMPLATE, Path("README.md")):
        present = (root / path).is_file()
        found.append(
            FileStatus(
                str(path),
                State.OK if present else State.MISSING,
                "" if present else "run 'partnerfw init' to add it",
            )
        )
    return found


def first_commit(root: Path, written: list[Path]) -> str:
    """``git init`` and commit the files written; returns the commit id. Raises UserError
    (with git's own words) when git cannot, e.g. when no author name is set."""
    try:
        _git(root, "init", "-q", "-b", "main")
        _git(root, "add", "--", *[p.as_posix() for p in written])
        _git(root, "commit", "-q", "-m", FIRST_COMMIT)
        return _git(root, "rev-parse", "--short", "HEAD").strip()
    except FileNotFoundError:
        raise UserError(
            "git is not installed, so no first commit was made; install git, then "
            "'git init -b main && git add -A && git commit'"
        ) from None


def in_git_repository(root: Path) -> bool:
    """Whether ``root`` is the top of a git repository already. A folder inside another
    repository is refused: GitHub reads workflows and CODEOWNERS, and pre-commit its
    configuration, only at the top of a repository."""

    folder = root.resolve()
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    top = repository_root(folder)
    if top is not None and top != root.resolve():
        raise UserError(
            f"{root} is inside the git repository {top}, and GitHub reads the workflows and "
            "CODEOWNERS (and pre-commit its hooks) only at the top of a repository: run "
            f"'partnerfw init' in {top} itself, or in a folder outside it"
        )
    return top is not None


def _write_generated(root: Path) -> list[Path]:
    """The JSON Schemas, CODEOWNERS and the pull request template, when missing."""

    written: list[Path] = []
    schema = root / SCHEMA_FOLDER
    if not schema.exists():
        written += [p.relative_to(root) for p in write_schemas(schema)]
    project = open_project(root)
    if not project.problems:
        outcome = build(project)
        top = outcome.target.parent.parent
        if not outcome.target.exists():
            write(outcome)
            written.append(_relative(outcome.target, root))
        template = write_pr_template(top, templates_dir() / "github" / "pull_request_template.md")
        if template is not None:
            written.append(_relative(template, root))
    return written


def _validate_settings(root: Path) -> None:
    """The partnerfw.yaml just written must read back cleanly (a bug otherwise)."""

    problems = open_project(root).problems
    if problems:
        first = problems[0]
        raise UserError(f"{first.file}:{first.line}: {first.message}")


def _pinned_status(root: Path, path: Path) -> FileStatus:
    file = root / path
    if not file.is_file():
        return FileStatus(str(path), State.MISSING, "run 'partnerfw init' to add it")
    text = file.read_text("utf-8")
    if path == PRE_COMMIT:
        pinned = _pre_commit_rev(text)
        what = "rev"
    else:
        match = _PINNED.search(text)
        pinned = match["version"] if match else None
        what = "install step"
    if pinned is None:
        return FileStatus(str(path), State.OK, "partnerfw is not pinned here (kept as written)")
    if pinned != __version__:
        return FileStatus(
            str(path),
            State.OUT_OF_DATE,
            f"its {what} pins partnerfw {pinned}, this is {__version__}: change the version "
            "(or delete the file and run 'partnerfw init' to write it again)",
        )
    return FileStatus(str(path), State.OK)


def _pre_commit_rev(text: str) -> str | None:
    # Loaded here, not at the top: PyYAML is only needed when this runs.
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    repos = data.get("repos", []) if isinstance(data, dict) else []
    for repo in repos if isinstance(repos, list) else []:
        if isinstance(repo, dict) and str(repo.get("repo", "")).rstrip("/") == PROJECT_URL:
            rev = str(repo.get("rev", ""))
            return rev.removeprefix("v") or None
    return None


def render(template: str, install_from: str) -> str:
    """One file of ``templates/repository/`` that needs only the version and install step."""
    return str(
        _environment()
        .get_template(template)
        .render(version=__version__, install_command=install_command(install_from))
    )


def installed_from(root: Path) -> str | None:
    """Where the repository's workflows install partnerfw from (index or git), if they say."""
    return _installed_from(root)


def _installed_from(root: Path) -> str | None:
    for path in (CHECK_WORKFLOW, PUBLISH_WORKFLOW):
        file = root / path
        if file.is_file():
            match = _PINNED.search(file.read_text("utf-8"))
            if match:
                return "git" if "git+" in match[0] else "index"
    return None


def _environment() -> Any:
    """Jinja for YAML and Markdown: no HTML escaping; strings go into YAML through ``yaml``
    (a JSON string is a valid double-quoted YAML scalar)."""
    # Loaded here, not at the top: Jinja2 is only needed when this runs.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(templates_dir() / "repository"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        message = (done.stderr or done.stdout).strip().splitlines()
        raise UserError(
            f"the files are written, but git could not make the first commit: "
            f"{message[-1] if message else 'git failed'}; fix that, then "
            "'git add -A && git commit'"
        )
    return done.stdout


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def _shown(path: Path, root: Path) -> str:
    return _relative(path, root).as_posix()
