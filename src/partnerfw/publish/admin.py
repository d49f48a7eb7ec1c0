"""The browser editor on the published site: ``admin/`` (Decap CMS), when the register
repository has ``admin/config.yml`` (written by ``partnerfw cms``).

No CDN: the editor's code is the pinned npm package ``decap-cms`` that the repository's
``package-lock.json`` names, installed with ``npm ci`` (the publish workflow does it before
``partnerfw build``). This copies its bundle from ``node_modules/decap-cms/dist/`` (the main
script, the chunks it loads on demand, its WebAssembly and its licence notice; not the source
maps or the second, identical ``cms.js`` build), with the configuration and a page for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from partnerfw.errors import UserError

if TYPE_CHECKING:
    from jinja2 import Environment

CONFIG = Path("admin/config.yml")
DIST = Path("node_modules/decap-cms/dist")
BUNDLE = "decap-cms.js"
_SHIPPED = re.compile(
    r"^(?:[0-9]+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|^[0-9a-f]+\.wasm$"
)


@dataclass
class Admin:
    """What the editor adds to the site, and why it may be missing."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    warning: str | None = None

    @property
    def size(self) -> int:
        """The bytes the editor adds to the site."""
        return sum(len(c.encode("utf-8") if isinstance(c, str) else c) for c in self.files.values())


def admin_files(root: Path, env: Environment, council: str) -> Admin:
    """The ``admin/`` folder of the site: nothing when the repository has no configuration."""
    config = root / CONFIG
    if not config.is_file():
        return Admin()
    dist = root / DIST
    if not (dist / BUNDLE).is_file():
        return Admin(
            warning=f"{CONFIG} is here, but the browser editor's code is not installed (run "
            "'npm ci' in the repository: it installs the decap-cms package-lock.json pins): "
            "the site was built without /admin/"
        )
    text = config.read_text(encoding="utf-8")
    files: dict[str, str | bytes] = {
        "admin/config.yml": text,
        "admin/index.html": env.get_template("site/admin.html").render(
            council=council, repo=_repo(text)
        ),
    }
    for path in sorted(dist.iterdir()):
        if _SHIPPED.match(path.name):
            files[f"admin/{path.name}"] = path.read_bytes()
    return Admin(files)


def _repo(config_text: str) -> str | None:
    # Loaded here, not at the top: PyYAML is only needed when this runs.
    import yaml

    try:
        config: Any = yaml.safe_load(config_text)
    except yaml.YAMLError as exc:
        raise UserError(
            f"{CONFIG} is not valid YAML ({exc}); run 'partnerfw cms' to write it again"
        ) from None
    backend = config.get("backend") if isinstance(config, dict) else None
    repo = backend.get("repo") if isinstance(backend, dict) else None
    return repo if isinstance(repo, str) else None
