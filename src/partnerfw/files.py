"""Reading and writing files safely: the one atomic writer and the one bounded reader.

A file is written to a temporary file in the same folder and renamed into place, so an
interrupted write leaves no partial file; an existing file is never replaced unless the caller
asks, and keeps its permissions; a symbolic link is never replaced by a file. A write that the
disk or the folder refuses (full, read-only, no permission) is a ``CannotWrite`` naming the
file and what to do.

A file is read only when it is an ordinary file no larger than the caller's limit, checked
before anything is read, and never through a symbolic link that leads out of the folder the
caller names: a named pipe (FIFO) cannot block, a link to ``/dev/zero`` cannot fill the memory,
and a link cannot bring a file from elsewhere into a register (``UnreadableFile``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from partnerfw.errors import UserError


class FileExistsRefusal(UserError):
    """Raised instead of overwriting a file the user did not ask to replace."""


class CannotWrite(UserError):
    """The file system refused a write: the disk is full, the folder read-only, and so on."""


class LinkRefusal(UserError):
    """Raised instead of replacing a symbolic link with a file."""


class UnreadableFile(UserError):
    """A file that is not read: not an ordinary file, too large, a link leading out of its
    folder, or one the system refuses. ``reason`` says why and what to do, without the path."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
_CHUNK = 1 << 20


def read_limited(
    path: Path,
    limit: int,
    *,
    within: Path | None = None,
    whole_path: bool = False,
    too_big: str = "",
) -> bytes:
    """The bytes of the ordinary file at ``path``, at most ``limit`` of them.

    Its size is checked before it is read; a named pipe, a device or a socket is refused
    without blocking (opened non-blocking, then checked). With ``within``, a symbolic link at
    ``path`` must lead to a file inside that folder, or it is refused before it is opened (the
    folders on the way to ``path`` are the caller's to trust: ``os.walk`` does not follow links
    into folders; with ``whole_path`` a link anywhere on the way counts too). ``too_big`` is the
    advice added when the file is over the limit. Raises ``UnreadableFile``."""
    target = str(path)
    try:
        linked = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError as exc:
        raise UnreadableFile(path, _open_problem(path, exc)) from None
    if linked or (whole_path and within is not None):
        target = os.path.realpath(path)
        if within is not None and not is_inside(target, within):
            raise UnreadableFile(
                path,
                f"{'is a symbolic link' if linked else 'is reached through a symbolic link'} "
                f"to {target}, outside the folder {within}: partnerfw does not follow a link "
                "out of the folder it reads; put the file itself there instead of the link, "
                "or remove it",
            )
    try:  # O_NOFOLLOW: the file checked above cannot be swapped for a link before it opens
        fd = os.open(target, _READ_FLAGS | _NONBLOCK | _NOFOLLOW)
    except OSError as exc:
        raise UnreadableFile(path, _open_problem(path, exc)) from None
    try:
        info = os.fstat(fd)
        if linked and stat.S_ISDIR(info.st_mode):
            raise UnreadableFile(
                path,
                f"is a symbolic link to the folder {target}: partnerfw does not read records "
                "through a link to a folder (it could loop, or lead anywhere); move the records "
                "into the register itself, or remove the link",
            )
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(
                path,
                f"is {_kind(info.st_mode)}, not an ordinary file: partnerfw reads only ordinary "
                "files; remove it, or rename it so that it is not taken for one",
            )
        if info.st_size > limit:
            raise UnreadableFile(path, _too_big(info.st_size, limit, too_big))
        return _read_up_to(fd, path, limit, too_big)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def real_path(path: Path) -> Path:
    """``path`` with every symbolic link followed, like ``Path.resolve()``, but a link that
    loops gives a path instead of an exception (``Path.resolve`` raises on Python < 3.13): the
    reader reports such a link, so nothing that only compares paths should stop on it."""
    return Path(os.path.realpath(path))


def named_path(path: Path) -> Path:
    """``path`` absolute, with the links among its folders followed but not a link at its end:
    the file as it is named, which is how git, findings and annotations name it. (Resolving it
    whole would give a link's target instead, and a link out of the register would then slip
    out of a selection of the register's files.)"""
    absolute = Path(os.path.abspath(path))
    return Path(os.path.realpath(absolute.parent), absolute.name)


def is_inside(real: str, folder: Path) -> bool:
    """Whether the resolved path ``real`` is ``folder`` (resolved) or inside it."""
    base = os.path.realpath(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _read_up_to(fd: int, path: Path, limit: int, too_big: str) -> bytes:
    """Read to the end, but never more than ``limit`` bytes: a file can grow while it is read."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise UnreadableFile(path, _too_big(total, limit, too_big, growing=True))


def _too_big(size: int, limit: int, advice: str, growing: bool = False) -> str:
    said = (
        f"is over {limit:,} bytes (it grew while it was read)"
        if growing
        else (f"is {size:,} bytes")
    )
    return f"{said}, over the {limit:,}-byte limit" + (f"; {advice}" if advice else "")


def _open_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return (
            "is a symbolic link that leads round in a loop (or through too many links): "
            "replace it with the file itself, or remove it"
        )
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return (
            f"is a symbolic link to {os.readlink(path)}, which does not exist: replace it "
            "with the file itself, or remove it"
        )
    if exc.errno == errno.ENXIO:  # a socket, or a FIFO no one writes to on some systems
        return "is not an ordinary file (a socket or a pipe): remove it"
    return f"cannot be read: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not an ordinary file"


def os_error_message(exc: OSError, path: Path | str | None = None) -> str:
    """What an operating-system error means for the user: the file, what happened and what
    to do (a full disk, a read-only folder, missing permission)."""
    where = path if path is not None else exc.filename
    name = f"{os.fsdecode(where)}: " if where is not None else ""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"{name}cannot write: the disk is full ({exc.strerror}); free some space or write "
            "somewhere else, then run the command again"
        )
    if code == errno.EROFS:
        return (
            f"{name}cannot write: the folder is on a read-only file system; choose a folder "
            "you can write to"
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"{name}permission denied; check that you may read and write there "
            "(ls -l shows who may), or choose another folder"
        )
    if code == errno.EFBIG:
        return f"{name}cannot write: the file would be larger than this system allows"
    return f"{name}{exc.strerror or exc}"


def write_atomic(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically; see
    ``write_atomic_bytes``."""
    write_atomic_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def write_atomic_bytes(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    Without ``overwrite`` an existing file is never replaced (the check and the link are one
    step, so a file created meanwhile is not clobbered either). An interrupted write leaves
    no partial file behind. An existing file keeps its permissions. A symbolic link is
    refused (``LinkRefusal``), never replaced by a file; a write the file system refuses is a
    ``CannotWrite`` naming the file and what to do.
    """
    if os.path.islink(path):
        raise LinkRefusal(
            f"{path} is a symbolic link (to {os.readlink(path)}); partnerfw does not replace a "
            "link with a file: write to the file it points to, or remove the link first"
        )
    try:
        _write_atomic_bytes(path, data, overwrite)
    except OSError as exc:
        raise CannotWrite(os_error_message(exc, path)) from None


def _write_atomic_bytes(path: Path, data: bytes, overwrite: bool) -> None:
    """The write, in folders made for it if need be; those are removed again when it fails
    (a full disk leaves no empty ``.github/`` or ``site/`` behind)."""
    made = _make_folders(path.parent)
    try:
        _write_through_temporary(path, data, overwrite)
    except BaseException:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and any missing folders above it; those made, outermost first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    for each in reversed(missing):
        try:
            each.mkdir()
        except FileExistsError:
            if not each.is_dir():
                raise
            continue  # made meanwhile by someone else: theirs, not to be removed
        made.append(each)
    return made


def _write_through_temporary(path: Path, data: bytes, overwrite: bool) -> None:
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
