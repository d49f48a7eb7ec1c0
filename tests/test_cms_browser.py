"""The browser editor end to end, offline: an officer edits a record and creates one at
/admin/ in a real headless Chromium, and gets a branch whose files are tidy and check.

The register is a real git repository made here (the bundled Thamesbridge register, with the
files `partnerfw init` and `partnerfw cms` write), with a bare repository as its GitHub. The
site is built by `partnerfw build` with Decap CMS from this checkout's node_modules (`make cms`
installs it from package-lock.json) and served on 127.0.0.1. In place of GitHub the editor
saves through decap-server in MODE=git, which works on the repository's own folder and keeps
Decap's editorial workflow as GitHub does: every save is a commit on a branch
cms/arrangements/<id> (on GitHub, with a pull request; here the branch's status is kept in git
config). The generated config's `local_backend: true` points the editor at decap-server on
localhost:8081; the test points it at a free port instead, the one difference from a council's
config. Then the tidy workflow's own steps run on each branch, as GitHub would run them, with
a stand-in `gh` that records the check it starts.

Without Chromium, Playwright, Node.js or the npm packages the test skips with a loud notice,
unless PARTNERFW_REQUIRE_BROWSER=1 (CI), when it fails instead.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY
from tests.test_site_browser import ARGS, CHROMIUM, _axe_violations, require_browser

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent
NODE_MODULES = REPO / "node_modules"
DECAP = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
EDITED = "food-bank-partnership"
CREATED = "riverside-warm-spaces-network"
SETTINGS_CMS = """
cms:
  repo: thamesbridge/partnerships-register
  oauth_url: https://register-sign-in.thamesbridge.gov.example
"""


def _require_editor() -> str:
    """Node.js and the npm packages, or a loud skip (a failure with PARTNERFW_REQUIRE_BROWSER)."""
    require_browser()
    node = shutil.which("node")
    missing = (
        "node is not installed"
        if node is None
        else None
        if DECAP.is_file() and DECAP_SERVER.is_file()
        else "the npm packages are not installed (run `make cms`)"
    )
    if missing:
        if os.environ.get("PARTNERFW_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PARTNERFW_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(f"!!! BROWSER EDITOR TEST SKIPPED: {missing} !!!")
    assert node is not None
    return node


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{home / 'bin'}{os.pathsep}{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Daniel Moss",
        "GIT_AUTHOR_EMAIL": "daniel.moss@thamesbridge.gov.example",
        "GIT_COMMITTER_NAME": "Daniel Moss",
        "GIT_COMMITTER_EMAIL": "daniel.moss@thamesbridge.gov.example",
    }


def _run(args: list[str], cwd: Path, env: dict[str, str], ok: bool = True) -> str:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if ok:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _register(home: Path, env: dict[str, str]) -> Path:
    """The council's repository: the bundled register, `init`, `schema` and `cms`, pushed."""
    repo = home / "register-repo"
    shutil.copytree(EXAMPLE_REGISTER, repo / "register")
    settings = (REPO / "partnerfw.yaml").read_text("utf-8")
    (repo / "partnerfw.yaml").write_text(
        settings.replace("\npolicy:", SETTINGS_CMS + "\npolicy:", 1)
    )
    _run(["git", "init", "-q", "-b", "main"], repo, env)
    for command in (["schema"], ["init", "--no-input"], ["codeowners"], ["cms"]):
        _run(["partnerfw", *command], repo, env)
    _run(["git", "add", "-A"], repo, env)
    _run(["git", "commit", "-q", "-m", "The register, with the browser editor"], repo, env)
    _run(["git", "init", "-q", "--bare", str(home / "github.git")], home, env)
    _run(["git", "remote", "add", "origin", str(home / "github.git")], repo, env)
    _run(["git", "push", "-q", "-u", "origin", "main"], repo, env)
    return repo


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The built site with the editor, served, and decap-server on the register's folder."""
    node = _require_editor()
    env = _env(tmp_path)
    (tmp_path / "bin").mkdir()
    gh = tmp_path / "bin" / "gh"  # records the workflow the tidy step starts
    gh.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "gh-calls"}\n', "utf-8")
    gh.chmod(0o755)
    repo = _register(tmp_path, env)
    (repo / "node_modules").symlink_to(NODE_MODULES)  # as `npm ci` would install it
    site = tmp_path / "site"
    _run(["partnerfw", "build", "--out", str(site), "--today", TODAY], repo, env)
    port = _free_port()
    config = site / "admin" / "config.yml"
    text = config.read_text("utf-8")
    assert "\nlocal_backend: true\n" in text
    config.write_text(
        text.replace(
            "local_backend: true", f"local_backend:\n  url: http://localhost:{port}/api/v1"
        )
    )
    log = (tmp_path / "decap-server.log").open("wb")
    server = subprocess.Popen(
        [node, str(DECAP_SERVER)],
        cwd=tmp_path,
        env={**env, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    http_server = _serve(site)
    try:
        _wait_for(port, server, tmp_path / "decap-server.log")
        yield {
            "repo": repo,
            "env": env,
            "home": tmp_path,
            "url": f"http://localhost:{http_server.server_address[1]}/admin/",
        }
    finally:
        http_server.shutdown()
        http_server.server_close()
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _serve(folder: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _wait_for(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    import urllib.request

    request = urllib.request.Request(
        f"http://localhost:{port}/api/v1",
        data=json.dumps({"action": "info"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(
                f"decap-server stopped: {server.stderr.read() if server.stderr else ''}"
            )
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                info = json.load(answer)
                assert "editorial_workflow" in info["publish_modes"]
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("decap-server did not start within 60 s")


# --- the officer's steps in the browser -------------------------------------------------------


def _field(page: Any, *path: str) -> Any:
    """A control by its field names: Decap gives each control the id '<name>-field-<n>'."""
    found = page
    for name in path:
        found = found.locator(f"[id^='{name}-field-']").first
    return found


def _open_section(page: Any, name: str) -> None:
    section = _field(page, name)
    button = section.locator("button[data-testid=expand-button]").first
    if button.get_attribute("aria-label") == "Expand":
        button.click()


def _choose(page: Any, path: tuple[str, ...], option: str) -> None:
    _field(page, *path).click()
    page.get_by_role("option", name=option, exact=True).click()


def _save(page: Any, repo: Path, branch: str, env: dict[str, str]) -> None:
    page.get_by_role("button", name="Save", exact=True).click()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if _run(["git", "branch", "--list", branch], repo, env).strip():
            page.get_by_text("Unsaved changes").wait_for(state="hidden", timeout=30_000)
            return
        errors = page.locator("[class*=ControlErrorsList] li").all_inner_texts()
        assert not errors, errors
        time.sleep(0.3)
    raise AssertionError(f"the editor did not save a branch {branch}")


def _edit_and_create(browser_page: Any, url: str, repo: Path, env: dict[str, str]) -> None:
    page = browser_page
    page.goto(url)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Thamesbridge Food Network").first.wait_for()

    # Edit a record: a new summary, the start known only to the month, the budget emptied.
    page.goto(f"{url}#/collections/arrangements/entries/{EDITED}")
    summary = _field(page, "summary")
    summary.wait_for()
    summary.fill("A network of food banks, advice agencies and the council: one referral route.")
    _open_section(page, "dates")
    _field(page, "dates", "start").fill("2027-04")
    _open_section(page, "council_resources")
    _field(page, "council_resources", "dedicated_budget").fill("")
    _save(page, repo, f"cms/arrangements/{EDITED}", env)

    # Create a record: only what the form requires, a lead officer from the master list.
    page.goto(f"{url}#/collections/arrangements/new")
    _field(page, "id").fill(CREATED)
    _field(page, "name").fill("Riverside Warm Spaces Network")
    _choose(page, ("kind",), "informal network")
    _choose(page, ("status",), "proposed")
    _choose(page, ("lead_officer", "name"), "Rebecca Lowe")
    _field(page, "department").fill("Housing and Customer Services")
    _choose(page, ("portfolio",), "Housing and Customer Services")
    _save(page, repo, f"cms/arrangements/{CREATED}", env)


def _only_this_machine(page: Any) -> list[str]:
    """Refuse, and list, every request the editor makes beyond this machine."""
    refused: list[str] = []

    def route(found: Any) -> None:
        address = urllib.parse.urlsplit(found.request.url)
        if address.scheme in ("data", "blob") or address.hostname in ("localhost", "127.0.0.1"):
            found.continue_()
        else:
            refused.append(found.request.url)
            found.abort()

    page.route("**/*", route)
    return refused


# --- what the branches hold --------------------------------------------------------------------


def _tidy_as_the_workflow_does(repo: Path, branch: str, env: dict[str, str]) -> None:
    """The tidy workflow's two steps on the branch, as GitHub runs them (the checkout first)."""
    workflow = yaml.safe_load((repo / ".github/workflows/tidy-browser-edits.yml").read_text())
    assert workflow[True] == {"push": {"branches": ["cms/**"]}}  # 'on:', a YAML 1.1 true
    steps = {step.get("name"): step for step in workflow["jobs"]["tidy"]["steps"]}
    _run(["git", "push", "-q", "origin", branch], repo, env)  # on GitHub the editor saves there
    _run(["git", "fetch", "-q", "origin"], repo, env)
    _run(["git", "switch", "-q", branch], repo, env)
    step_env = {**env, "GITHUB_REF_NAME": branch, "DEFAULT_BRANCH": "main"}
    for name in ("Tidy the records the editor saved", "Commit the tidied records, and check them"):
        _run(["bash", "-e", "-c", steps[name]["run"]], repo, step_env)


def _check_as_the_workflow_does(repo: Path, branch: str, env: dict[str, str]) -> None:
    """The check the tidy step starts on the branch (a workflow_dispatch run): the records
    the branch changes, as on its pull request."""
    workflow = yaml.safe_load((repo / ".github/workflows/check.yml").read_text())
    steps = {step.get("name"): step for step in workflow["jobs"]["check"]["steps"]}
    step = steps["The records this pull request changes (and the checks across records)"]
    assert "github.ref_name != github.event.repository.default_branch" in step["if"]
    step_env = {**env, "GITHUB_REF_NAME": branch, "DEFAULT_BRANCH": "main"}
    _run(["bash", "-e", "-c", step["run"]], repo, step_env)


def _diff_lines(repo: Path, env: dict[str, str], path: str) -> list[str]:
    diff = _run(["git", "diff", "-U0", "main", "--", path], repo, env)
    return [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_an_officer_edits_and_creates_records_in_the_browser(editor: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    repo, env, home = editor["repo"], editor["env"], editor["home"]
    original = (repo / "register" / f"{EDITED}.yaml").read_text("utf-8")
    started = time.monotonic()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        elsewhere = _only_this_machine(page)
        try:
            _edit_and_create(page, editor["url"], repo, env)
        finally:
            browser.close()
    seconds = time.monotonic() - started
    assert elsewhere == []  # no CDN, no font or script from anywhere but the council's site
    _run(["git", "switch", "-q", "main"], repo, env)  # decap-server leaves main checked out

    # The editorial workflow: one branch per record, each with the officer's one commit.
    branches = _run(["git", "branch", "--format=%(refname:short)"], repo, env).split()
    assert sorted(branches) == sorted(
        ["main", f"cms/arrangements/{EDITED}", f"cms/arrangements/{CREATED}"]
    )
    assert (repo / "register" / f"{EDITED}.yaml").read_text("utf-8") == original

    # What the editor saved changes only the intended values ("" for the emptied budget).
    def saved(branch: str, name: str) -> Any:
        text = _run(["git", "show", f"{branch}:register/{name}.yaml"], repo, env)
        return yaml.safe_load(text)

    before = yaml.safe_load(original)
    after = saved(f"cms/arrangements/{EDITED}", EDITED)
    changed = {
        key: (before.get(key), after.get(key))
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
    }
    assert set(changed) == {"summary", "dates", "council_resources"}
    assert after["dates"] == {**before["dates"], "start": "2027-04"}
    assert after["council_resources"] == {**before["council_resources"], "dedicated_budget": ""}

    # The tidy workflow on each branch: comments and layout back, the emptied budget removed,
    # committed and pushed to the branch, and the check started on the tidied commit.
    # (The new record was written tidy by the editor already: nothing to commit, and its pull
    # request's own check run stands.)
    for name, message in (
        (EDITED, "Tidy the records saved in the browser editor (partnerfw fmt)"),
        (CREATED, f"Propose {CREATED} (in the browser editor)"),
    ):
        _tidy_as_the_workflow_does(repo, f"cms/arrangements/{name}", env)
        pushed = _run(
            ["git", "log", "-1", "--format=%s", f"origin/cms/arrangements/{name}"], repo, env
        )
        assert pushed.strip() == message
        _run(["partnerfw", "fmt", "--check"], repo, env)
        _check_as_the_workflow_does(repo, f"cms/arrangements/{name}", env)
        result = subprocess.run(
            ["partnerfw", "check", "--format", "json", "--today", TODAY],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode in (0, 1), result.stderr
        findings = json.loads(result.stdout)["findings"]
        unreadable = [
            f for f in findings if f["rule"] in ("DATA001", "DATA002", "DATA003", "DATA004")
        ]
        assert unreadable == []  # every record still loads
        if name == EDITED:
            assert _diff_lines(repo, env, f"register/{EDITED}.yaml") == [
                "-summary: Proposed network of food banks, the council and faith groups to "
                "coordinate emergency food ",
                "-  and advice.",
                "+summary: 'A network of food banks, advice agencies and the council: one referral "
                "route.'",  # quoted for its ': ', as partnerfw quotes
                "-  start: 2027-04-01",
                "+  start: 2027-04",
                "-  dedicated_budget: 12000",
            ]
        _run(["git", "switch", "-q", "main"], repo, env)
    calls = (home / "gh-calls").read_text("utf-8").splitlines()
    assert calls == [f"workflow run check.yml --ref cms/arrangements/{EDITED}"]
    created = _run(
        ["git", "show", f"cms/arrangements/{CREATED}:register/{CREATED}.yaml"], repo, env
    )
    assert created == (
        "# yaml-language-server: $schema=../schema/arrangement.schema.json\n"
        f"id: {CREATED}\n"
        "name: Riverside Warm Spaces Network\n"
        "kind: informal_network\n"
        "status: proposed\n"
        "lead_officer:\n"
        "  name: Rebecca Lowe\n"
        "department: Housing and Customer Services\n"
        "portfolio: Housing and Customer Services\n"
    )
    print(f"\nbrowser editing (edit a record, create one, both saved): {seconds:.1f} s")


def test_the_editor_page_says_what_to_do_without_javascript(tmp_path: Path) -> None:
    """What a browser without JavaScript shows at admin/ (the <noscript> part, shown as such a
    browser shows it): axe-clean, with the way back to the register."""
    _require_editor()
    env = _env(tmp_path)
    repo = _register(tmp_path, env)
    (repo / "node_modules").symlink_to(NODE_MODULES)
    site = tmp_path / "site"
    _run(["partnerfw", "build", "--out", str(site), "--today", TODAY], repo, env)
    html = (site / "admin" / "index.html").read_text("utf-8")
    without_script = (
        html.replace('<script src="decap-cms.js"></script>', "")
        .replace("<noscript>", "")
        .replace("</noscript>", "")
    )
    assert without_script != html
    server = _serve(site)
    url = f"http://localhost:{server.server_address[1]}/admin/"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            page.route(
                url, lambda route: route.fulfill(body=without_script, content_type="text/html")
            )
            page.goto(url)
            heading = page.get_by_role("heading", level=1)
            assert heading.inner_text() == "Edit the register of partnerships and shared services"
            assert _axe_violations(page) == []
            page.get_by_role(
                "link", name="Back to the register of Thamesbridge Borough Council"
            ).click()
            page.wait_for_url("**/index.html")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
