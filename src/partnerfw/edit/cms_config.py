"""``partnerfw cms``: the browser editor's configuration, ``admin/config.yml``.

The published site serves Decap CMS at ``/admin/`` (``partnerfw build`` copies the pinned npm
package's bundle there); this file tells it where the records are and what the form of a
record is. It is generated, never written by hand: from the record's models (``cms_fields``),
the council's master lists and questions, and the ``cms:`` settings of ``partnerfw.yaml``
(the GitHub repository, its branch and the OAuth client officers sign in through). Every save
in the editor is a branch ``cms/arrangements/<id>`` and a pull request (Decap's editorial
workflow), reviewed like any other.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnerfw.edit.cms_fields import COLLECTION, Choices, form_fields, option_label
from partnerfw.edit.schemas import MODELINE_PREFIX, RECORD_SCHEMA, SCHEMA_FOLDER, modeline
from partnerfw.errors import UserError
from partnerfw.files import write_atomic
from partnerfw.policy.project import SETTINGS_FILE, Project
from partnerfw.record.models import Arrangement, Kind

CMS_CONFIG = Path("admin/config.yml")
"""Where the configuration is, from the register repository's root."""
MEDIA_FOLDER = "admin/uploads"
"""Decap needs a media folder; the form has no file fields, so nothing is ever put there."""
HEADER = """\
# The browser editor on the published site (Decap CMS at /admin/). Written by `partnerfw cms`
# from the record's fields and partnerfw.yaml (master lists, record_fields, cms:): do not edit
# it by hand, change partnerfw.yaml and run `partnerfw cms` again (`partnerfw cms --check`
# says when it is out of date). Every save is a branch cms/arrangements/<id> and a pull
# request, checked and reviewed like any other change.
"""
_GITHUB_REMOTE = re.compile(
    r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"(?P<repo>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class ConfigOutcome:
    path: Path
    text: str
    repo: str
    signs_in: bool
    """False when no OAuth client is set (cms: oauth_url:): sign-in cannot work yet."""

    @property
    def current(self) -> bool:
        return self.path.is_file() and self.path.read_text(encoding="utf-8") == self.text


def choices_of(project: Project) -> Choices:
    """The master lists and questions of ``partnerfw.yaml``, as the form offers them. The
    holders of the policy's roles count as listed, as ``check`` counts them."""
    lists = project.settings.master_lists
    holders = [role.holder for role in project.policy.roles.values() if role.holder]
    councillors = lists.councillors
    officers = lists.officers
    if officers is not None:
        extra = [h for h in holders if h not in (councillors or ()) and h not in officers]
        officers = (*officers, *extra)
    return Choices(
        officers=officers,
        councillors=councillors,
        corporate_objectives=lists.corporate_objectives,
        portfolios=None if lists.portfolios is None else tuple(n for n, _ in lists.portfolios),
        record_fields=dict(project.policy.record_fields),
    )


def build_config(project: Project) -> ConfigOutcome:
    """The configuration ``partnerfw cms`` writes, and where."""
    cms = project.settings.cms
    repo = cms.repo or github_repo(project.root)
    if repo is None:
        raise UserError(
            f"{SETTINGS_FILE}: the browser editor needs the register's GitHub repository: set "
            "it under cms: repo: owner/name (or add the GitHub remote 'origin')"
        )
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": cms.branch}
    if cms.oauth_url:
        backend["base_url"] = cms.oauth_url
        backend["auth_endpoint"] = cms.auth_endpoint
    backend["squash_merges"] = True
    backend["commit_messages"] = {
        "create": "Propose {{slug}} (in the browser editor)",
        "update": "Update {{slug}} (in the browser editor)",
        "delete": "Delete {{slug}} (in the browser editor)",
    }
    config: dict[str, Any] = {
        "backend": backend,
        "local_backend": True,
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
    }
    if project.settings.site.url:
        config["site_url"] = project.settings.site.url
        config["display_url"] = project.settings.site.url
    config["show_preview_links"] = False
    config["editor"] = {"preview": False}
    config["collections"] = [_collection(project)]
    text = HEADER + _yaml(config)
    return ConfigOutcome(project.root / CMS_CONFIG, text, repo, bool(cms.oauth_url))


def write_config(outcome: ConfigOutcome) -> bool:
    """Write the configuration; False when it was already current."""
    if outcome.current:
        return False
    write_atomic(outcome.path, outcome.text, overwrite=True)
    return True


def github_repo(root: Path) -> str | None:
    """owner/name of the git remote 'origin', when it is on GitHub."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _GITHUB_REMOTE.match(done.stdout.strip()) if done.returncode == 0 else None
    return match["repo"] if match else None


def _collection(project: Project) -> dict[str, Any]:
    folder = project.register_dir.relative_to(project.root).as_posix()
    fields = form_fields(Arrangement, choices_of(project))
    if (project.root / SCHEMA_FOLDER / RECORD_SCHEMA).is_file():
        # The editor writes the line that points editors at the schema above the first key.
        line = modeline(project.register_dir / "record.yaml", project.root / SCHEMA_FOLDER)
        fields[0]["comment"] = line.removeprefix("# ")
        assert line.startswith(MODELINE_PREFIX)
    return {
        "name": COLLECTION,
        "label": "Arrangements",
        "label_singular": "arrangement",
        "description": (
            f"The register of {project.council_name}: one record per partnership, shared "
            "service or other arrangement. Saving makes a pull request, which is checked and "
            "reviewed before it is merged."
        ),
        "folder": folder,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": False,
        "identifier_field": "name",
        "slug": "{{id}}",
        "summary": "{{name}}",
        "sortable_fields": ["name", "kind", "status"],
        "view_filters": [_filter("kind", kind.value) for kind in Kind],
        "view_groups": [{"label": "Status", "field": "status"}],
        "fields": fields,
    }


def _filter(field: str, value: str) -> dict[str, str]:
    return {"label": option_label(value), "field": field, "pattern": f"^{value}$"}


def _yaml(data: dict[str, Any]) -> str:
    # Loaded here, not at the top: PyYAML is only needed when this runs.
    import yaml

    return str(
        yaml.safe_dump(
            _compact(data), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
        )
    )


def _compact(node: Any) -> Any:
    """A select option whose label is its value is written as the value alone."""
    if isinstance(node, dict):
        return {key: _compact(value) for key, value in node.items()}
    if isinstance(node, list):
        return [
            item["value"]
            if isinstance(item, dict)
            and set(item) == {"label", "value"}
            and item["label"] == item["value"]
            else _compact(item)
            for item in node
        ]
    return node
