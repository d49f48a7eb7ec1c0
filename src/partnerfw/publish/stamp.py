"""When and from which commit a site was built, for the footer of every page.

The time is the build's, in UTC, or ``SOURCE_DATE_EPOCH``'s when that is set (so that two
builds of one commit are byte for byte the same). The commit is GitHub Actions' ``GITHUB_SHA``,
linked to ``GITHUB_SERVER_URL``/``GITHUB_REPOSITORY``/commit/<sha>, else ``git rev-parse
HEAD`` (unlinked: the repository's address is not known), else none.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.git.head import head_commit
from partnerfw.record.partial_dates import in_words
from partnerfw.views.pages import BuildStamp

_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


def build_time(environ: Mapping[str, str]) -> dt.datetime:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` (seconds since 1970) when it is set."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC)
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UserError(
            f"SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds since 1970-01-01 UTC "
            "(e.g. git log -1 --format=%ct); set it to one, or unset it"
        ) from None


def build_stamp(root: Path, environ: Mapping[str, str] | None = None) -> BuildStamp:
    env = os.environ if environ is None else environ
    when = build_time(env).replace(second=0, microsecond=0)
    commit, url = _commit(root, env)
    return BuildStamp(
        when.strftime("%Y-%m-%dT%H:%MZ"),
        f"{in_words(when.date())} at {when:%H:%M} UTC",
        commit[:7] if commit else None,
        url,
    )


def _commit(root: Path, env: Mapping[str, str]) -> tuple[str | None, str | None]:
    sha = env.get("GITHUB_SHA", "").strip().lower()
    if _SHA.match(sha):
        server = env.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
        repository = env.get("GITHUB_REPOSITORY", "").strip()
        if server.startswith(("https://", "http://")) and _REPOSITORY.match(repository):
            return sha, f"{server}/{repository}/commit/{sha}"
        return sha, None
    return head_commit(root), None
