"""Where templates are, and the one Jinja environment factory.

Shipped templates live in the repository's top-level ``templates/`` folder, installed into the
wheel as ``partnerfw/templates``. A register repository's own ``templates/`` folder is preferred
over the shipped one, template by template.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
    from jinja2.bccache import Bucket


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


CACHE_ENV = "PARTNERFW_CACHE_DIR"
"""The folder for the caches instead of the user's cache folder (as ``rules.cache``'s)."""


def compiled_folder() -> Path:
    """Where compiled templates are kept: ``templates/`` in the folder the check cache uses
    (``PARTNERFW_CACHE_DIR``, else the user's cache folder)."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given) / "templates"
    # Only when a build keeps its templates compiled: spares other commands the import.
    import platformdirs

    return Path(platformdirs.user_cache_dir("partnerfw", appauthor=False)) / "templates"


def keep_compiled(env: Environment, folder: Path | None = None) -> None:
    """Keep ``env``'s compiled templates between runs in ``folder`` (``compiled_folder()``
    unless given; Jinja's bytecode cache),
    so that a rebuild does not compile them again. A template is used from there only while
    its text is the same (Jinja compares a checksum of it); the folder's name is a digest of
    Jinja's and Python's versions and of the environment's settings, so an environment set
    up differently never reads another's. A folder that cannot be made or written only
    means the templates are compiled each time."""
    import hashlib
    import sys

    import jinja2
    from jinja2 import FileSystemBytecodeCache

    class _Quiet(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except OSError:
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    settings = (
        jinja2.__version__,
        sys.version,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        sorted(env.extensions),
        repr(env.autoescape),
        getattr(env.finalize, "__qualname__", None),
        env.is_async,
    )
    digest = hashlib.blake2b(repr(settings).encode(), digest_size=10).hexdigest()
    where = (folder or compiled_folder()) / digest
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _Quiet(str(where))
