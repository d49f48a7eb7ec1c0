"""Whether a folder can be in a git repository at all, found without running git.

A register outside git (a folder of records copied somewhere, a generated one) should cost no
git process: ``surely_outside_git`` looks, as git itself does, in the folder and each folder
above it for a ``.git`` (a repository or a worktree's link to one) or for a bare repository
(a ``HEAD`` file), and answers True only when there is neither anywhere and no ``GIT_DIR``-like
setting points git elsewhere. Whenever it answers False, git is asked as before.
"""

from __future__ import annotations

import os
from pathlib import Path

_SETTINGS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR")
"""Environment variables that tell git where a repository is, wherever the folder is."""


def surely_outside_git(folder: Path) -> bool:
    """True when no git repository can hold ``folder``: git need not be asked."""
    if any(os.environ.get(name) for name in _SETTINGS):
        return False
    try:
        paths = {folder.absolute(), folder.resolve()}
    except (OSError, RuntimeError):  # a link loop: let git say
        return False
    for path in paths:
        for place in (path, *path.parents):
            if os.path.lexists(place / ".git") or os.path.lexists(place / "HEAD"):
                return False
    return True
