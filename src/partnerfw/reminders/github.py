"""The one place that calls the GitHub REST API, through PyGithub (the ``github`` extra).

``Repository`` lists the reminder issues and the labels, checks who can be assigned, and
opens, edits, comments on and closes issues. Every failure comes back as a ``GitHubProblem``
saying what to do (a missing or refused token, a repository not found, the rate limit, GitHub
unreachable), never a traceback. Requests are made one at a time, with a pause between writes
as GitHub asks of integrations (its secondary rate limits).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from partnerfw import __version__
from partnerfw.errors import UserError

if TYPE_CHECKING:
    from github.Repository import Repository as GhRepository

WRITE_PAUSE_SECONDS = 1.0
"""GitHub asks integrations to wait a second between requests that change something."""
READ_PAUSE_SECONDS = 0.0
TIMEOUT_SECONDS = 30
INSTALL_HINT = "pip install 'partnerfw[github]'"
T = TypeVar("T")


class GitHubProblem(UserError):
    """GitHub could not be asked, or refused: the message says why and what to do."""


@dataclass(frozen=True)
class Issue:
    """A reminder issue as GitHub has it."""

    number: int
    state: str
    title: str
    body: str
    labels: tuple[str, ...]
    assignees: tuple[str, ...]
    url: str


def client_module() -> Any:
    """PyGithub, or a GitHubProblem saying how to install it."""
    try:
        # Loaded here, not at the top: PyGithub is an optional extra, needed only by reminders.
        import github
    except ImportError:
        raise GitHubProblem(
            f"partnerfw reminders needs PyGithub, which is not installed: {INSTALL_HINT} "
            "(the workflow 'partnerfw init' writes installs it)"
        ) from None
    return github


class Repository:
    """One repository's issues and labels, through the API at ``api_url``."""

    def __init__(
        self,
        api_url: str,
        repository: str,
        token: str,
        write_pause: float | None = None,
    ) -> None:
        github = client_module()
        self.name = repository
        self.api_url = api_url
        client = github.Github(
            auth=github.Auth.Token(token),
            base_url=api_url.rstrip("/"),
            timeout=TIMEOUT_SECONDS,
            user_agent=f"partnerfw/{__version__}",
            per_page=100,
            retry=None,
            seconds_between_requests=READ_PAUSE_SECONDS,
            seconds_between_writes=WRITE_PAUSE_SECONDS if write_pause is None else write_pause,
            lazy=True,  # no request until one is needed: the repository is not fetched
        )
        self._repo: GhRepository = self._call(
            "open the repository", lambda: client.get_repo(repository)
        )

    def labels(self) -> set[str]:
        return self._call(
            "list the repository's labels", lambda: {lab.name for lab in self._repo.get_labels()}
        )

    def create_label(self, name: str, colour: str, description: str) -> None:
        self._call(
            f"create the label '{name}'", lambda: self._repo.create_label(name, colour, description)
        )

    def issues(self, label: str) -> list[Issue]:
        """Every issue (open or closed, not pull requests) carrying ``label``."""

        def listed() -> list[Issue]:
            found = self._repo.get_issues(state="all", labels=[label])
            # A pull request is an issue too; its page is .../pull/N. (Reading pull_request
            # would fetch each issue again: the listing leaves it out for issues.)
            return [_issue(i) for i in found if "/pull/" not in (i.html_url or "")]

        return self._call(f"list the issues labelled '{label}'", listed)

    def assignable(self, login: str) -> bool:
        return self._call(
            f"check whether @{login} can be assigned",
            lambda: bool(self._repo.has_in_assignees(login)),
        )

    def open_issue(self, title: str, body: str, labels: list[str], assignees: list[str]) -> Issue:
        return self._call(
            "open an issue",
            lambda: _issue(
                self._repo.create_issue(title=title, body=body, labels=labels, assignees=assignees)
            ),
        )

    def edit_issue(self, number: int, **changes: Any) -> None:
        """PATCH the issue: title, body, labels, assignees, state, state_reason."""
        self._call(
            f"update issue #{number}",
            lambda: self._repo.get_issue(number).edit(**changes),
        )

    def comment(self, number: int, text: str) -> None:
        self._call(
            f"comment on issue #{number}",
            lambda: self._repo.get_issue(number).create_comment(text),
        )

    def _call(self, what: str, call: Callable[[], T]) -> T:
        with translated(what, self.name, self.api_url):
            return call()


def _issue(issue: Any) -> Issue:
    return Issue(
        issue.number,
        issue.state,
        issue.title or "",
        issue.body or "",
        tuple(label.name for label in issue.labels),
        tuple(user.login for user in issue.assignees),
        issue.html_url or "",
    )


@contextmanager
def translated(what: str, repository: str, api_url: str) -> Iterator[None]:
    """PyGithub's and the network's exceptions as a GitHubProblem saying what to do."""
    github = client_module()
    # Loaded here, not at the top: requests comes with PyGithub, an optional extra.
    import requests

    try:
        yield
    except github.GithubException as exc:
        raise GitHubProblem(_refusal(what, repository, exc)) from None
    except requests.RequestException as exc:
        raise GitHubProblem(
            f"could not {what}: GitHub's API at {api_url} cannot be reached "
            f"({type(exc).__name__}); check the address (--api-url, GITHUB_API_URL) and the "
            "network, then run again"
        ) from None


def _refusal(what: str, repository: str, exc: Any) -> str:
    status = int(getattr(exc, "status", 0) or 0)
    headers = {k.lower(): v for k, v in (getattr(exc, "headers", None) or {}).items()}
    data = getattr(exc, "data", None)
    said = data.get("message") if isinstance(data, dict) else None
    quoted = f" ('{said}')" if said else ""
    if status == 429 or (
        status == 403
        and (headers.get("x-ratelimit-remaining") == "0" or "rate limit" in (said or "").lower())
    ):
        return f"could not {what}: GitHub's rate limit is reached{_reset(headers)}; run again later"
    if status == 401:
        return (
            f"could not {what}: GitHub refused the token (401{quoted}); check GITHUB_TOKEN "
            "(in a workflow: ${{ secrets.GITHUB_TOKEN }}) or --token"
        )
    if status == 403:
        return (
            f"could not {what}: GitHub refused (403{quoted}); the token needs permission to "
            "write issues: in the workflow, 'permissions: issues: write'"
        )
    if status == 404:
        return (
            f"could not {what}: GitHub found no repository '{repository}' (404{quoted}), or "
            "the token cannot see it; check GITHUB_REPOSITORY or --repository (owner/name)"
        )
    if status == 410:
        return (
            f"could not {what}: issues are turned off for {repository} (410); turn them on "
            "in the repository's settings"
        )
    return f"could not {what}: GitHub answered {status}{quoted}"


def _reset(headers: dict[str, str]) -> str:
    reset = headers.get("x-ratelimit-reset", "")
    if not reset.isdigit():
        retry = headers.get("retry-after", "")
        return f" (retry after {retry} seconds)" if retry.isdigit() else ""
    when = dt.datetime.fromtimestamp(int(reset), dt.UTC)
    return f" until {when:%H:%M} UTC"
