"""Where templates are, and the one Jinja environment factory.

Shipped templates live in the repository's top-level ``templates/`` folder, installed into the
wheel as ``partnerfw/templates``. A register repository's own ``templates/`` folder is preferred
over the shipped one, template by template.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


def templates_dir() -> Path:
    """The installed ``partnerfw/templates`` if it exists, else the repository's ``templates/``
    (an editable install)."""
    installed = Path(__file__).resolve().parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def environment(repo_root: Path | None = None) -> Environment:
    """A Jinja environment: autoescape on, StrictUndefined, the register repository's own
    ``templates/`` before the shipped ones."""
    # Jinja2 loads only for a command that renders (start-up of the others).
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    loaders = []
    if repo_root is not None and (repo_root / "templates").is_dir():
        loaders.append(FileSystemLoader(repo_root / "templates"))
    loaders.append(FileSystemLoader(templates_dir()))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
