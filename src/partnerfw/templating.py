"""Where the Jinja templates are, and the one Jinja environment every renderer uses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


def templates_dir() -> Path:
    """The installed ``partnerfw/templates``, else the repository's top-level ``templates/``."""
    installed = Path(__file__).resolve().parent / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def environment(register_root: Path | None = None) -> Environment:
    """Autoescaping, strict Jinja environment; a register repository's own ``templates/``
    folder is preferred over the shipped templates."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    folders = []
    if register_root is not None and (register_root / "templates").is_dir():
        folders.append(FileSystemLoader(register_root / "templates"))
    folders.append(FileSystemLoader(templates_dir()))
    return Environment(
        loader=ChoiceLoader(folders),
        autoescape=True,
        undefined=StrictUndefined,
    )
