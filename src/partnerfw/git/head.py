"""The commit the working tree is at (``git rev-parse HEAD``): what a site was built from."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from partnerfw.git.discovery import surely_outside_git
from partnerfw.git.trail import GIT_TIMEOUT_SECONDS

_COMMIT = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


def head_commit(folder: Path) -> str | None:
    """The full id of the commit checked out in the repository holding ``folder``; None outside
    git, in a repository without commits, or without git."""
    if not folder.is_dir() or surely_outside_git(folder):
        return None
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):  # no git, or it hung
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and _COMMIT.match(commit) else None
