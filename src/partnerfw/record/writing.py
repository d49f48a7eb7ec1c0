"""Writing record files: ruamel round-trip (comments and order survive), atomically, never
over an existing file unless asked. Used by ``new``, ``fmt`` and ``import``."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from partnerfw.errors import UserError


class FileExistsRefusal(UserError):
    """Raised instead of overwriting a file the user did not ask to replace."""


def round_trip_yaml() -> Any:
    """A fresh ruamel YAML object for round-trip reading and writing (never a module global)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump_text(data: Any) -> str:
    buffer = io.StringIO()
    round_trip_yaml().dump(data, buffer)
    return buffer.getvalue()


def quoted_where_needed(node: Any) -> Any:
    """Plain data (new dicts and lists) with text quoted where a YAML 1.1 reader (libyaml,
    which partnerfw reads with) would take it for another type: ruamel writes YAML 1.2, where
    'Yes', 'No', 'on' and 'off' are plain text, so a sheet's 'Yes' would read back as true.
    For new text only (import): a user's own file keeps its spelling."""
    if isinstance(node, dict):
        return {key: quoted_where_needed(value) for key, value in node.items()}
    if isinstance(node, list):
        return [quoted_where_needed(value) for value in node]
    if isinstance(node, str) and _not_text_in_yaml_1_1(node):
        from ruamel.yaml.scalarstring import SingleQuotedScalarString

        return SingleQuotedScalarString(node)
    return node


def _not_text_in_yaml_1_1(text: str) -> bool:
    import yaml

    resolver: Any = yaml.resolver.Resolver()
    return bool(resolver.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str")


def load_round_trip(text: str) -> Any:
    return round_trip_yaml().load(text)


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically; see
    ``write_atomic_bytes``."""
    write_atomic_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def write_atomic_bytes(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Without ``overwrite`` an existing file is never replaced (the check and the link are one
    step, so a file created meanwhile is not clobbered either). An interrupted write leaves
    no partial file behind. An existing file keeps its permissions.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(path))
        if overwrite:
            os.replace(temp, path)
            return
        try:
            os.link(temp, path)
        except FileExistsError:
            raise FileExistsRefusal(
                f"{path} already exists; partnerfw never overwrites a file it was not asked to "
                "replace: choose another name or id, or edit the existing file"
            ) from None
        finally:
            temp.unlink(missing_ok=True)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask),
    not the owner-only ones of a temporary file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
