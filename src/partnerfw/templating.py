"""Where templates come from, and the one Jinja environment every renderer uses.

Templates live in the repository's top-level ``templates/`` folder, shipped inside the wheel as
``partnerfw/templates``. A register repository may carry its own ``templates/`` folder: a file
there with the same name is preferred over the shipped one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The shipped templates: ``partnerfw/templates`` when installed, else the repository's."""
    installed = _PACKAGE / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / "templates"


def environment(register_root: Path | None = None) -> Environment:
    """Autoescaping, StrictUndefined; the register repository's own templates come first."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    loaders = []
    if register_root is not None and (register_root / "templates").is_dir():
        loaders.append(FileSystemLoader(register_root / "templates"))
    loaders.append(FileSystemLoader(templates_dir()))
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
