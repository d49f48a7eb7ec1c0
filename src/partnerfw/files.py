"""Writing files safely: the one atomic writer every command uses.

A file is written to a temporary file in the same folder and renamed into place, so an
interrupted write leaves no partial file; an existing file is never replaced unless the caller
asks, and keeps its permissions.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from partnerfw.errors import UserError


class FileExistsRefusal(UserError):
    """Raised instead of overwriting a file the user did not ask to replace."""


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
