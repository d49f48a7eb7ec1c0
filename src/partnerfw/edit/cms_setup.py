"""Setting a register up for the browser editor: what ``partnerfw cms`` writes and what
``init --check`` says about it.

The editor needs, in the register repository: ``admin/config.yml`` (``cms_config``, always
regenerated: it follows the models and ``partnerfw.yaml``), ``package.json`` and
``package-lock.json`` (the pinned decap-cms, which the publish workflow installs with
``npm ci``; copies of this partnerfw's own, so every council runs the editor this release was
tested with) and the workflow that tidies the editor's branches (``init`` writes it too).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from partnerfw.edit.cms_config import CMS_CONFIG, ConfigOutcome, build_config, write_config
from partnerfw.edit.init_repo import (
    TIDY_WORKFLOW,
    FileStatus,
    State,
    installed_from,
    render,
)
from partnerfw.errors import UserError
from partnerfw.files import write_atomic
from partnerfw.policy.project import Project, open_project
from partnerfw.templating import templates_dir

PACKAGE_FILES = (Path("package.json"), Path("package-lock.json"))
"""The browser editor's npm packages, pinned (a register without the editor needs neither)."""


@dataclass
class CmsReport:
    """What ``partnerfw cms`` did."""

    config: ConfigOutcome
    changed: bool
    written: list[Path] = field(default_factory=list)
    """Other files written because they were missing, from the repository's root."""


def set_up_cms(project: Project) -> CmsReport:
    """Write the configuration, and the npm files and tidy workflow where missing."""
    outcome = build_config(project)
    changed = write_config(outcome)
    return CmsReport(outcome, changed, write_support(project.root))


def write_support(root: Path) -> list[Path]:
    """The npm files and the tidy workflow, where missing; returns those written."""
    written = []
    for path in PACKAGE_FILES:
        if not (root / path).exists():
            write_atomic(root / path, (_shipped() / path).read_text(encoding="utf-8"))
            written.append(path)
    if not (root / TIDY_WORKFLOW).exists():
        text = render("workflows/tidy-browser-edits.yml.j2", installed_from(root) or "index")
        write_atomic(root / TIDY_WORKFLOW, text)
        written.append(TIDY_WORKFLOW)
    return written


def cms_status(root: Path) -> list[FileStatus]:
    """For ``init --check``, when the register has the editor (admin/config.yml): the
    configuration is current, and the npm files are there and pin this partnerfw's decap-cms."""
    if not (root / CMS_CONFIG).is_file():
        return []
    project = open_project(root)
    if project.problems:
        return []  # the settings' own line says what is wrong with them
    try:
        current = build_config(project).current
    except UserError as exc:
        found = [FileStatus(str(CMS_CONFIG), State.OUT_OF_DATE, str(exc))]
    else:
        note = "" if current else "run 'partnerfw cms' and commit it"
        found = [FileStatus(str(CMS_CONFIG), State.OK if current else State.OUT_OF_DATE, note)]
    for path in PACKAGE_FILES:
        if not (root / path).is_file():
            found.append(FileStatus(str(path), State.MISSING, "run 'partnerfw cms' to add it"))
    lock = root / PACKAGE_FILES[1]
    wanted = decap_version(_shipped() / PACKAGE_FILES[1])
    pinned = decap_version(lock) if lock.is_file() else wanted
    if lock.is_file():
        found.append(
            FileStatus(str(lock), State.OK)
            if pinned == wanted
            else FileStatus(
                str(lock),
                State.OUT_OF_DATE,
                f"it pins decap-cms {pinned}, this partnerfw {wanted}: delete package.json and "
                "package-lock.json, then run 'partnerfw cms' to write them again",
            )
        )
    return found


def decap_version(lock: Path) -> str | None:
    """The decap-cms version a package-lock.json pins."""
    try:
        packages = json.loads(lock.read_text(encoding="utf-8")).get("packages", {})
    except (OSError, ValueError, AttributeError):
        return None
    found = packages.get("node_modules/decap-cms", {}) if isinstance(packages, dict) else {}
    version = found.get("version") if isinstance(found, dict) else None
    return version if isinstance(version, str) else None


def _shipped() -> Path:
    return templates_dir() / "repository"
