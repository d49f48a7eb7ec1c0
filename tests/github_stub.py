"""A stand-in for GitHub's REST API: a real HTTP server on localhost that keeps issues,
labels and comments in memory and records every call (method, path, query, body).

It answers the calls ``partnerfw reminders`` makes, shaped as GitHub answers them (issue and
label objects with their urls, 201 on create, pagination with a Link header, 401 for a bad
token, 404 for another repository, 403 with the rate limit's headers, 422 for an assignee
without access), so that PyGithub runs unchanged against it.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class GitHubStub:
    repository: str = "thamesbridge/partnerships"
    token: str = "test-token"
    collaborators: set[str] = field(default_factory=set)
    issues: dict[int, dict[str, Any]] = field(default_factory=dict)
    labels: dict[str, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[str]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    rate_limited: bool = False
    forbidden: bool = False
    url: str = ""

    def __enter__(self) -> GitHubStub:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                with stub._lock:
                    stub.calls.append(Call(self.command, parts.path, query, body))
                    status, payload, headers = stub._answer(
                        self.command, parts.path, query, body, self.headers
                    )
                data = b"" if payload is None else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- what the tests read ------------------------------------------------------------

    def writes(self) -> list[Call]:
        return [c for c in self.calls if c.method != "GET"]

    def open_issues(self) -> list[dict[str, Any]]:
        return [i for i in self.issues.values() if i["state"] == "open"]

    def add_issue(self, title: str, body: str, labels: list[str], state: str = "open") -> int:
        """An issue already there (made by a person, or an earlier run)."""
        for name in labels:
            self.labels.setdefault(name, self._label(name, "ededed", ""))
        number = len(self.issues) + 1
        self.issues[number] = self._issue(number, title, body, labels, [], state)
        return number

    # --- the API ------------------------------------------------------------------------

    def _repo_url(self) -> str:
        return f"{self.url}/repos/{self.repository}"

    def _label(self, name: str, color: str, description: str) -> dict[str, Any]:
        return {
            "id": len(self.labels) + 1,
            "name": name,
            "color": color,
            "description": description,
            "url": f"{self._repo_url()}/labels/{name}",
        }

    def _issue(
        self,
        number: int,
        title: str,
        body: str,
        labels: list[str],
        assignees: list[str],
        state: str,
    ) -> dict[str, Any]:
        return {
            "id": 1000 + number,
            "number": number,
            "title": title,
            "body": body,
            "state": state,
            "state_reason": None,
            "labels": [self.labels[name] for name in labels],
            "assignees": [{"login": login, "id": 1} for login in assignees],
            "url": f"{self._repo_url()}/issues/{number}",
            "html_url": f"https://github.example/{self.repository}/issues/{number}",
            "user": {"login": "github-actions[bot]", "id": 2},
        }

    def _answer(
        self, method: str, path: str, query: dict[str, str], body: Any, headers: Any
    ) -> tuple[int, Any, dict[str, str]]:
        if self.rate_limited:
            return (
                403,
                {"message": "API rate limit exceeded for installation ID 1."},
                {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1893456000"},
            )
        auth = headers.get("Authorization", "")
        if auth not in (f"token {self.token}", f"Bearer {self.token}"):
            return 401, {"message": "Bad credentials"}, {}
        prefix = f"/repos/{self.repository}"
        if not path.startswith(prefix + "/"):
            return 404, {"message": "Not Found"}, {}
        if self.forbidden and method != "GET":
            return 403, {"message": "Resource not accessible by integration"}, {}
        rest = path[len(prefix) :].strip("/").split("/")
        return self._route(method, rest, query, body or {})

    def _route(
        self, method: str, rest: list[str], query: dict[str, str], body: dict[str, Any]
    ) -> tuple[int, Any, dict[str, str]]:
        if rest == ["labels"] and method == "GET":
            return self._page(list(self.labels.values()), "labels", query)
        if rest == ["labels"] and method == "POST":
            name = body["name"]
            if name in self.labels:
                return 422, {"message": "Validation Failed"}, {}
            self.labels[name] = self._label(
                name, body.get("color", ""), body.get("description", "")
            )
            return 201, self.labels[name], {}
        if rest[0] == "assignees" and len(rest) == 2 and method == "GET":
            return (
                (204, None, {})
                if rest[1] in self.collaborators
                else (404, {"message": "Not Found"}, {})
            )
        if rest == ["issues"] and method == "GET":
            return self._page(self._listed(query), "issues", query)
        if rest == ["issues"] and method == "POST":
            return self._create(body)
        if rest[0] == "issues" and len(rest) >= 2 and rest[1].isdigit():
            number = int(rest[1])
            if number not in self.issues:
                return 404, {"message": "Not Found"}, {}
            if len(rest) == 2 and method == "GET":
                return 200, self.issues[number], {}
            if len(rest) == 2 and method == "PATCH":
                return self._edit(number, body)
            if rest[2:] == ["comments"] and method == "POST":
                self.comments.setdefault(number, []).append(body["body"])
                return (
                    201,
                    {"id": 1, "body": body["body"], "url": f"{self._repo_url()}/issues/comments/1"},
                    {},
                )
        return 404, {"message": "Not Found"}, {}

    def _listed(self, query: dict[str, str]) -> list[dict[str, Any]]:
        state = query.get("state", "open")
        wanted = [name for name in query.get("labels", "").split(",") if name]
        return [
            issue
            for number, issue in sorted(self.issues.items())
            if (state == "all" or issue["state"] == state)
            and all(name in [lab["name"] for lab in issue["labels"]] for name in wanted)
        ]

    def _page(
        self, items: list[Any], what: str, query: dict[str, str]
    ) -> tuple[int, Any, dict[str, str]]:
        per_page = int(query.get("per_page", "30"))
        page = int(query.get("page", "1"))
        chunk = items[(page - 1) * per_page : page * per_page]
        headers = {}
        if page * per_page < len(items):
            following = urlencode({**query, "page": str(page + 1)})
            headers["Link"] = f'<{self._repo_url()}/{what}?{following}>; rel="next"'
        return 200, chunk, headers

    def _assignees_ok(self, logins: list[str]) -> bool:
        return all(login in self.collaborators for login in logins)

    def _create(self, body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        if not self._assignees_ok(body.get("assignees", [])):
            return 422, {"message": "Validation Failed", "errors": [{"field": "assignees"}]}, {}
        for name in body.get("labels", []):
            self.labels.setdefault(name, self._label(name, "ededed", ""))
        number = len(self.issues) + 1
        self.issues[number] = self._issue(
            number,
            body["title"],
            body.get("body", ""),
            body.get("labels", []),
            body.get("assignees", []),
            "open",
        )
        return 201, self.issues[number], {}

    def _edit(self, number: int, body: dict[str, Any]) -> tuple[int, Any, dict[str, str]]:
        issue = self.issues[number]
        if "assignees" in body and not self._assignees_ok(body["assignees"]):
            return 422, {"message": "Validation Failed"}, {}
        for key in ("title", "body", "state", "state_reason"):
            if key in body:
                issue[key] = body[key]
        if "labels" in body:
            for name in body["labels"]:
                self.labels.setdefault(name, self._label(name, "ededed", ""))
            issue["labels"] = [self.labels[name] for name in body["labels"]]
        if "assignees" in body:
            issue["assignees"] = [{"login": login, "id": 1} for login in body["assignees"]]
        return 200, issue, {}
