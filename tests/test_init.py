"""`partnerfw init`: a council's register repository from an empty folder, whose generated
workflow commands and pre-commit hooks pass as generated, run for real.

The generated `.pre-commit-config.yaml` names this project's git repository, which cannot be
fetched here, so its hooks run as `repo: local` hooks built from this checkout's
`.pre-commit-hooks.yaml` (same ids, entries, file patterns and pass_filenames), with the
partnerfw under test on PATH. The workflows' `run:` steps run in the repository as GitHub's
`bash -e` would, every step but the install step, which is only checked for its pin.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw import PROJECT_URL, __version__
from partnerfw.cli import app
from tests.conftest import REPO
from tests.github_stub import GitHubStub

BIN = Path(sys.executable).parent
OPTIONS = [
    "--council-name",
    "Downsmere District Council",
    "--website",
    "https://www.downsmere.gov.example",
    "--adopted-on",
    "2025-07-01",
    "--adoption-decision",
    "Full Council 15 July 2025, minute 41",
    "--monitoring-officer-team",
    "@downsmere/monitoring-officer",
    "--section-151-officer-team",
    "@downsmere/finance",
]
NEW_RECORD = [
    "new",
    "--no-input",
    "--kind",
    "partnership",
    "--name",
    "Downsmere Food Partnership",
    "--lead-officer",
    "Rhea Patel",
    "--department",
    "Communities",
    "--partner",
    "Downsmere Food Bank:voluntary",
    "--budget",
    "12000",
]


def _env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Rhea Patel",
        "GIT_AUTHOR_EMAIL": "rhea.patel@downsmere.gov.example",
        "GIT_COMMITTER_NAME": "Rhea Patel",
        "GIT_COMMITTER_EMAIL": "rhea.patel@downsmere.gov.example",
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-cache"),
    }


def _run(
    args: list[str], cwd: Path, env: dict[str, str], ok: bool = True
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if ok:
        assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def _local_hooks(repo: Path, out: Path) -> list[str]:
    """The generated config's hooks as `repo: local` hooks, from this checkout's definitions."""
    generated = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text("utf-8"))
    (entry,) = generated["repos"]
    assert entry["repo"] == PROJECT_URL and entry["rev"] == f"v{__version__}"
    offered = {
        hook["id"]: hook
        for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    }
    ids = [hook["id"] for hook in entry["hooks"]]
    local = []
    for hook_id in ids:
        hook = dict(offered[hook_id])
        assert hook.pop("language") == "python"
        local.append({**hook, "language": "unsupported"})  # partnerfw from PATH
    out.write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}), "utf-8")
    return ids


def _workflow_steps(path: Path, event: str) -> tuple[list[str], str]:
    """The `run:` commands of every job for this event, and the install command skipped."""
    workflow = yaml.safe_load(path.read_text("utf-8"))
    repo = path.parent.parent.parent
    commands, installs = [], []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if "run" not in step or not _applies(step.get("if"), event, repo):
                continue
            if step.get("name", "").startswith("Install partnerfw"):
                installs.append(step["run"])
            else:
                commands.append(step["run"])
    (install,) = installs
    return commands, install


def _applies(condition: Any, event: str, repo: Path) -> bool:
    """A step's `if:` as GitHub evaluates it, for the expressions the workflows use: terms
    joined by `||` or `&&` (not both), each `a == b` or `a != b` over the event's name, the
    ref's name (the default branch on a push), string literals and `hashFiles('path')`."""
    if condition is None or condition == "always()":
        return True
    context = {
        "github.event_name": event,
        "github.ref_name": "main" if event == "push" else "1/merge",
        "github.event.repository.default_branch": "main",
    }

    def value(term: str) -> str:
        found = re.fullmatch(r"hashFiles\('([^']+)'\)", term)
        if found:
            return "a-hash" if (repo / found[1]).exists() else ""
        return term.strip("'") if term.startswith("'") else context[term]

    def holds(term: str) -> bool:
        left, op, right = term.strip().split(" ", 2)
        assert op in ("==", "!="), condition
        return (value(left) == value(right)) == (op == "==")

    text = str(condition)
    assert not ("||" in text and "&&" in text), condition
    if "||" in text:
        return any(holds(term) for term in text.split("||"))
    return all(holds(term) for term in text.split("&&"))


def test_code_scanning_uploads_the_sarif_of_the_whole_register(
    tmp_path: Path, runner: CliRunner
) -> None:
    repo = tmp_path / "r"
    assert _init(runner, repo, "--code-scanning").exit_code == 0
    workflow = yaml.safe_load((repo / ".github/workflows/check.yml").read_text("utf-8"))
    assert workflow["permissions"] == {"contents": "read", "security-events": "write"}
    steps = workflow["jobs"]["check"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action"))
    assert upload == {
        "uses": "github/codeql-action/upload-sarif@v4",
        "if": "always()",
        "with": {"sarif_file": "partnerfw.sarif", "category": "partnerfw"},
    }
    env = _env(tmp_path)
    _run_workflow(repo, "check.yml", "push", env)
    sarif = json.loads((repo / "partnerfw.sarif").read_text("utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []
    plain = tmp_path / "plain"
    assert _init(runner, plain).exit_code == 0
    assert "sarif" not in (plain / ".github/workflows/check.yml").read_text("utf-8")


def _run_workflow(repo: Path, name: str, event: str, env: dict[str, str]) -> list[str]:
    commands, install = _workflow_steps(repo / ".github/workflows" / name, event)
    package = "partnerfw[github]" if name == "reminders.yml" else "partnerfw"
    assert install == f'python -m pip install "{package}=={__version__}"'
    step_env = {**env, "GITHUB_EVENT_NAME": event, "GITHUB_ACTIONS": "true"}
    if event == "pull_request":
        step_env["GITHUB_BASE_REF"] = "main"
    for command in commands:
        _run(["bash", "-e", "-c", command], repo, step_env)
    return commands


def test_init_new_commit_then_hooks_and_workflows_pass_as_generated(tmp_path: Path) -> None:
    env = _env(tmp_path)
    done = _run(
        [str(BIN / "partnerfw"), "init", "downsmere", "--no-input", *OPTIONS], tmp_path, env
    )
    repo = tmp_path / "downsmere"
    assert "made the first commit" in done.stdout
    tracked = _run(["git", "ls-files"], repo, env).stdout.split()
    assert set(tracked) >= {
        "partnerfw.yaml",
        "README.md",
        "register/README.md",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/check.yml",
        ".github/workflows/publish.yml",
        ".github/workflows/reminders.yml",
        ".github/CODEOWNERS",
        ".github/pull_request_template.md",
        "schema/arrangement.schema.json",
    }
    assert _run(["git", "status", "--porcelain"], repo, env).stdout == ""

    # CI is green before the first record: the empty register checks clean and builds.
    _run_workflow(repo, "check.yml", "push", env)
    _run_workflow(repo, "publish.yml", "push", env)
    assert (repo / "site" / "index.html").is_file()
    assert "no arrangements yet" in _run(["partnerfw", "check"], repo, env).stdout

    # The council's GitHub repository, and the hooks installed in this clone.
    _run(["git", "init", "-q", "--bare", str(tmp_path / "origin.git")], tmp_path, env)
    _run(["git", "remote", "add", "origin", str(tmp_path / "origin.git")], repo, env)
    _run(["git", "push", "-q", "origin", "main"], repo, env)
    hooks = tmp_path / "hooks.yaml"
    ids = _local_hooks(repo, hooks)
    assert ids == ["partnerfw-fmt", "partnerfw-check", "partnerfw-schema", "partnerfw-codeowners"]
    _run(["pre-commit", "install", "-c", str(hooks)], repo, env)

    # An officer proposes an arrangement on a branch: new, add, commit - the hooks pass.
    _run(["git", "switch", "-q", "-c", "propose-food-partnership"], repo, env)
    created = _run(["partnerfw", *NEW_RECORD], repo, env)
    assert "Wrote .github/CODEOWNERS" in created.stdout
    _run(["git", "add", "-A"], repo, env)
    commit = _run(["git", "commit", "-m", "Propose the Downsmere Food Partnership"], repo, env)
    hook_output = commit.stdout + commit.stderr
    for name in ("partnerfw fmt", "partnerfw check", "partnerfw codeowners"):
        assert any(name in line and "Passed" in line for line in hook_output.splitlines()), (
            name,
            hook_output,
        )
    owners = (repo / ".github/CODEOWNERS").read_text("utf-8")
    assert "/register/downsmere-food-partnership.yaml @downsmere/monitoring-officer" in owners

    # The pull request's workflow, and the push to main after the merge.
    assert "--changed-since" in " ".join(_run_workflow(repo, "check.yml", "pull_request", env))
    _run(["git", "switch", "-q", "main"], repo, env)
    _run(
        [
            "git",
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge pull request #1",
            "propose-food-partnership",
        ],
        repo,
        env,
    )
    _run_workflow(repo, "check.yml", "push", env)
    _run_workflow(repo, "publish.yml", "push", env)
    page = repo / "site" / "arrangements" / "downsmere-food-partnership.html"
    assert "Downsmere Food Partnership" in page.read_text("utf-8")
    # The morning's reminders, against a stand-in for GitHub's API: a proposal has nothing due.
    with GitHubStub(repository="downsmere/register") as stub:
        github_env = {
            "GITHUB_REPOSITORY": stub.repository,
            "GITHUB_API_URL": stub.url,
            "GITHUB_TOKEN": stub.token,
        }
        _run_workflow(repo, "reminders.yml", "schedule", {**env, **github_env})
        assert [(c.method, c.path) for c in stub.calls] == [
            ("GET", "/repos/downsmere/register/labels")
        ]

    # The hooks do stop what they should: a staged record with errors fails the commit ...
    approved = (repo / "register/downsmere-food-partnership.yaml").read_text("utf-8")
    (repo / "register/downsmere-food-partnership.yaml").write_text(
        approved.replace("status: proposed", "status: approved", 1), "utf-8"
    )
    _run(["git", "add", "-A"], repo, env)
    refused = _run(["git", "commit", "-m", "Approve it (too early)"], repo, env, ok=False)
    assert refused.returncode != 0
    assert "APR001" in refused.stdout + refused.stderr
    # ... but does not block unrelated work: that gap committed anyway (--no-verify), a
    # second proposal commits cleanly, since only the staged records are judged.
    _run(["git", "commit", "-q", "--no-verify", "-m", "Approve it (gaps known)"], repo, env)
    _run(
        ["partnerfw", *NEW_RECORD[:5], "Downsmere Warm Spaces Network", *NEW_RECORD[6:]], repo, env
    )
    _run(["git", "add", "-A"], repo, env)
    _run(["git", "commit", "-q", "-m", "Propose the Warm Spaces Network"], repo, env)

    # And init on the finished repository: nothing missing, nothing out of date.
    assert _run(["partnerfw", "init", "--check"], repo, env).returncode == 0


def _init(runner: CliRunner, folder: Path, *extra: str) -> Any:
    return runner.invoke(app, ["init", str(folder), "--no-input", *OPTIONS, *extra])


def test_no_input_names_every_missing_option(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "r"), "--no-input", "--council-name", "X"])
    assert result.exit_code == 2
    assert (
        "these options are needed: --adopted-on, --adoption-decision, "
        "--monitoring-officer-team, --section-151-officer-team" in result.stderr
    )
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--website", "thamesbridge.gov.uk", "is not a web address"),
        ("--adopted-on", "31/13/2025", "is not a date"),
        ("--monitoring-officer-team", "Monitoring Officer", "is not a GitHub team or user"),
        ("--edition", "2019", "is not a built-in edition"),
        ("--install-from", "ftp", "is not one of: index, git"),
    ],
)
def test_bad_answers_are_named(
    tmp_path: Path, runner: CliRunner, option: str, value: str, message: str
) -> None:
    args = list(OPTIONS)
    if option in args:
        args[args.index(option) + 1] = value
    else:
        args += [option, value]
    result = runner.invoke(app, ["init", str(tmp_path / "r"), "--no-input", *args])
    assert result.exit_code == 2, result.output
    assert option in result.stderr or "--install-from" in result.stderr
    assert message in result.stderr
    assert not (tmp_path / "r").exists()


def test_settings_hold_the_answers_and_read_back(tmp_path: Path, runner: CliRunner) -> None:
    from partnerfw.policy.project import open_project

    name = 'St. Aldhelm\'s "Borough" Council: #1'
    args = list(OPTIONS)
    args[1] = name
    result = runner.invoke(
        app, ["init", str(tmp_path / "r"), "--no-input", *args, "--edition", "earlier"]
    )
    assert result.exit_code == 0, result.output
    project = open_project(tmp_path / "r")
    assert project.problems == []
    assert project.settings.council.name == name
    assert project.settings.council.website == "https://www.downsmere.gov.example"
    [in_force] = project.settings.schedule
    assert (in_force.edition, in_force.from_date, in_force.decision) == (
        "earlier",
        dt.date(2025, 7, 1),
        "Full Council 15 July 2025, minute 41",
    )
    assert project.policy.roles["monitoring_officer"].reviewers == ["@downsmere/monitoring-officer"]
    assert project.policy.roles["section_151_officer"].reviewers == ["@downsmere/finance"]
    settings = (tmp_path / "r/partnerfw.yaml").read_text()
    assert "Adopted by the council on 2025-07-01: Full Council 15 July 2025, minute 41" in settings


def test_git_install_pins_the_release_tag(tmp_path: Path, runner: CliRunner) -> None:
    assert _init(runner, tmp_path / "r", "--install-from", "git").exit_code == 0
    for name in ("check.yml", "publish.yml"):
        text = (tmp_path / "r/.github/workflows" / name).read_text("utf-8")
        assert f'pip install "partnerfw @ git+{PROJECT_URL}@v{__version__}"' in text
    text = (tmp_path / "r/.github/workflows/reminders.yml").read_text("utf-8")
    assert f'pip install "partnerfw[github] @ git+{PROJECT_URL}@v{__version__}"' in text
    assert runner.invoke(app, ["init", "--check", str(tmp_path / "r")]).exit_code == 0


def test_the_readme_tells_a_council_how_to_sign_in_to_the_editor_and_protect_main(
    tmp_path: Path, runner: CliRunner
) -> None:
    assert _init(runner, tmp_path / "r").exit_code == 0
    readme = " ".join((tmp_path / "r/README.md").read_text("utf-8").split())
    # The officer's view, and the administrator's: who can sign in, the OAuth client, where
    # its address goes (the Client ID stays with the OAuth client), and branch protection.
    assert "## Or edit in the browser" in readme
    assert "you need write access to this repository" in readme
    assert "Settings → Developer settings → OAuth Apps → New OAuth App" in readme
    assert "put the app's **Client ID** and client secret in the OAuth client's settings" in readme
    assert "under `cms: oauth_url:`" in readme
    for setting in (
        "require review from Code Owners",
        "Dismiss stale pull request approvals when new commits are pushed",
        "Require approval of the most recent reviewable push",
        "Do not allow bypassing the above settings",
    ):
        assert setting in readme, setting
    assert "**Publish** (which asks GitHub to merge the pull request) is refused" in readme


def test_generated_workflows_never_call_make_and_use_current_actions(
    tmp_path: Path, runner: CliRunner
) -> None:
    assert _init(runner, tmp_path / "r").exit_code == 0
    for name in ("check.yml", "publish.yml", "reminders.yml", "tidy-browser-edits.yml"):
        workflow = yaml.safe_load((tmp_path / "r/.github/workflows" / name).read_text("utf-8"))
        steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
        assert not any("make" in str(s.get("run", "")).split() for s in steps)
        assert not any("${{" in str(s.get("run", "")) for s in steps)  # env vars, not templating
        if name != "tidy-browser-edits.yml":  # that one runs on the browser editor's pushes only
            assert "workflow_dispatch" in workflow[True]  # 'on:' reads as True in YAML 1.1
        uses = {s["uses"] for s in steps if "uses" in s}
        assert uses <= {
            "actions/checkout@v6",
            "actions/setup-python@v6",
            "actions/setup-node@v6",
            "actions/cache@v5",
            "actions/upload-pages-artifact@v5",
            "actions/deploy-pages@v5",
            "github/codeql-action/upload-sarif@v4",
        }


def test_rerun_never_overwrites_and_reports_what_is_out_of_date(
    tmp_path: Path, runner: CliRunner
) -> None:
    repo = tmp_path / "r"
    assert _init(runner, repo).exit_code == 0
    readme = repo / "README.md"
    readme.write_text("Our own words.\n", "utf-8")
    (repo / ".github/pull_request_template.md").unlink()
    check = repo / ".github/workflows/check.yml"
    check.write_text(check.read_text("utf-8").replace(__version__, "0.0.9"), "utf-8")
    schema = repo / "schema/arrangement.schema.json"
    schema.write_text("{}\n", "utf-8")

    result = runner.invoke(app, ["init", "--check", str(repo)])
    assert result.exit_code == 1
    out = result.stdout
    assert "missing     .github/pull_request_template.md" in out
    assert (
        "out of date .github/workflows/check.yml: its install step pins partnerfw 0.0.9, "
        f"this is {__version__}" in out
    )
    assert "out of date schema/: run 'partnerfw schema'" in out
    assert "ok          README.md" in out
    assert "3 missing or out of date" in out
    assert not (repo / ".github/pull_request_template.md").exists()  # --check writes nothing

    # A plain re-run adds only what is missing; what is out of date is reported, not replaced.
    result = runner.invoke(app, ["init", str(repo), "--council-name", "Other"])
    assert result.exit_code == 1
    assert "wrote " in result.stdout and "pull_request_template.md" in result.stdout
    assert "--council-name changed nothing" in result.stderr
    assert readme.read_text("utf-8") == "Our own words.\n"
    assert "0.0.9" in check.read_text("utf-8")
    assert schema.read_text("utf-8") == "{}\n"
    assert "made the first commit" not in result.stdout  # already a repository

    # Out of date CODEOWNERS (a record added by hand) is reported with its fix.
    (repo / "register/extra.yaml").write_text(
        (REPO / "register/food-bank-partnership.yaml")
        .read_text("utf-8")
        .replace("id: food-bank-partnership", "id: extra"),
        "utf-8",
    )
    result = runner.invoke(app, ["init", "--check", str(repo)])
    assert "out of date .github/CODEOWNERS: run 'partnerfw codeowners'" in result.stdout


def test_check_on_a_folder_that_is_not_a_register(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["init", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert "missing     partnerfw.yaml: run 'partnerfw init' here" in result.stdout


def test_init_inside_an_existing_repository_does_not_commit(
    tmp_path: Path, runner: CliRunner
) -> None:
    env = _env(tmp_path)
    _run(["git", "init", "-q", "-b", "main", str(tmp_path / "clone")], tmp_path, env)
    result = _init(runner, tmp_path / "clone")
    assert result.exit_code == 0, result.output
    assert "already in a git repository: review the files, then commit them" in result.stdout
    log = _run(["git", "log"], tmp_path / "clone", env, ok=False)
    assert log.returncode != 0  # still no commit


def test_version_option_prints_the_one_version() -> None:
    done = subprocess.run(
        [str(BIN / "partnerfw"), "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"partnerfw {__version__}\n"
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    assert (
        'dynamic = ["version"]' in pyproject and 'path = "src/partnerfw/__init__.py"' in pyproject
    )


def test_readme_sets_up_a_council_in_the_six_steps_with_this_version() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Set up a council's register", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^\d\. \*\*(.+?)\*\*", section, re.MULTILINE)
    assert steps == ["Install", "Init", "New", "Commit", "Push", "Branch protection"]
    assert "require review from Code\n   Owners" in section
    # The README's pins are this version's, as init writes them.
    assert f"pipx install partnerfw=={__version__}" in readme
    assert f"uv tool install partnerfw=={__version__}" in readme
    pinned = set(re.findall(r"rev: (v[0-9][^\s`]*)", readme))
    assert pinned == {f"v{__version__}"}
    assert set(re.findall(r"partnerfw==([0-9][^\s\"`]*)", readme)) == {__version__}


def _spawn_init(tmp_path: Path) -> Any:
    import signal

    import pexpect

    env = _env(tmp_path)
    return pexpect.spawn(
        str(BIN / "partnerfw"),
        ["init", "thamesmead"],
        cwd=str(tmp_path),
        env={**env, "TERM": "dumb", "COLUMNS": "200", "LANG": "C.UTF-8"},
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_ctrl_c_while_asking_writes_nothing(tmp_path: Path) -> None:
    import pexpect

    child = _spawn_init(tmp_path)
    child.expect_exact("The council's name:")
    child.sendline("Thamesmead Borough Council")
    child.expect_exact("(Enter to skip):")
    child.sendintr()
    child.expect_exact("interrupted; nothing was written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (tmp_path / "thamesmead").exists()


def test_init_asks_in_a_terminal_and_asks_again_with_the_reason(tmp_path: Path) -> None:
    import pexpect

    child = _spawn_init(tmp_path)

    def answer(prompt: str, text: str) -> None:
        child.expect_exact(prompt)
        child.sendline(text)

    answer("The council's name:", "Thamesmead Borough Council")
    answer("(Enter to skip):", "www.thamesmead")  # not a web address: asked again
    child.expect_exact("is not a web address")
    answer("(Enter to skip):", "")
    child.expect_exact("1  revised")
    answer("Edition (1-2) [1]:", "2")
    answer("The date the council adopted it, e.g. 2026-04-01:", "1/4/2024")
    answer("minute 41:", "Full Council 28 March 2024, minute 17")
    answer("The Monitoring Officer's GitHub team:", "monitoring officer")
    child.expect_exact("is not a GitHub team or user")
    answer("The Monitoring Officer's GitHub team:", "@thamesmead/mo")
    answer("The Section 151 Officer's GitHub team:", "@thamesmead/finance")
    child.expect_exact("made the first commit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    settings = (tmp_path / "thamesmead/partnerfw.yaml").read_text("utf-8")
    assert 'name: "Thamesmead Borough Council"' in settings
    assert "website" not in settings.split("# The Working")[0]
    assert 'edition: "earlier"' in settings
    assert "Adopted by the council on 2024-04-01: Full Council 28 March 2024, minute 17" in settings
    assert 'reviewers: ["@thamesmead/mo"]' in settings


def test_a_folder_inside_another_repository_is_refused(tmp_path: Path, runner: CliRunner) -> None:
    env = _env(tmp_path)
    _run(["git", "init", "-q", "-b", "main", str(tmp_path / "council")], tmp_path, env)
    result = _init(runner, tmp_path / "council" / "registers" / "partnerships")
    assert result.exit_code == 2
    assert "is inside the git repository" in result.stderr
    assert "only at the top of a repository" in result.stderr
    assert not (tmp_path / "council/registers").exists()


def test_rerun_with_broken_settings_says_fix_them_first(tmp_path: Path, runner: CliRunner) -> None:
    repo = tmp_path / "r"
    assert _init(runner, repo).exit_code == 0
    (repo / "README.md").unlink()
    (repo / "partnerfw.yaml").write_text("council: {name: X}\nedition: nonsense\n", "utf-8")
    result = runner.invoke(app, ["init", str(repo)])
    assert result.exit_code == 2
    assert "edition 'nonsense'" in result.stderr and "fix the settings first" in result.stderr
    assert not (repo / "README.md").exists()
    check = runner.invoke(app, ["init", "--check", str(repo)])
    assert check.exit_code == 1
    assert "out of date partnerfw.yaml: line 2: edition 'nonsense'" in check.stdout


def test_reminders_and_publishing_run_every_morning(tmp_path: Path, runner: CliRunner) -> None:
    assert _init(runner, tmp_path / "r").exit_code == 0
    folder = tmp_path / "r/.github/workflows"
    reminders = yaml.safe_load((folder / "reminders.yml").read_text("utf-8"))
    assert reminders[True]["schedule"] == [{"cron": "0 6 * * *"}]
    assert reminders["permissions"] == {"contents": "read", "issues": "write"}
    steps = reminders["jobs"]["reminders"]["steps"]
    run = next(s for s in steps if s.get("run", "").startswith("partnerfw reminders"))
    assert run["run"] == "partnerfw reminders --apply"
    assert run["env"] == {"GITHUB_TOKEN": "${{ secrets.GITHUB_TOKEN }}"}
    publish = yaml.safe_load((folder / "publish.yml").read_text("utf-8"))
    assert publish[True]["schedule"] == [{"cron": "30 5 * * *"}]
    assert set(publish[True]) == {"push", "schedule", "workflow_dispatch"}

    # init --check knows the reminders workflow: missing, or pinned to another release.
    (folder / "reminders.yml").unlink()
    result = runner.invoke(app, ["init", "--check", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "missing     .github/workflows/reminders.yml: run 'partnerfw init'" in result.stdout
    assert runner.invoke(app, ["init", str(tmp_path / "r")]).exit_code == 0
    text = (folder / "reminders.yml").read_text("utf-8")
    (folder / "reminders.yml").write_text(text.replace(f"=={__version__}", "==0.0.9"), "utf-8")
    result = runner.invoke(app, ["init", "--check", str(tmp_path / "r")])
    assert (
        "out of date .github/workflows/reminders.yml: its install step pins partnerfw 0.0.9"
        in result.stdout
    )


def test_the_check_workflow_keeps_the_check_cache_between_runs(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check.yml restores the folder where `check` keeps its cache on GitHub's runners (the
    user's cache folder: ~/.cache/partnerfw on Linux), keyed by the run and restored from the
    latest run's."""
    import platformdirs

    assert _init(runner, tmp_path / "r").exit_code == 0
    workflow = yaml.safe_load((tmp_path / "r/.github/workflows/check.yml").read_text("utf-8"))
    (cache,) = [s for s in workflow["jobs"]["check"]["steps"] if "cache" in s.get("uses", "")]
    assert cache["with"]["key"] == "partnerfw-check-${{ github.run_id }}"
    assert cache["with"]["restore-keys"] == "partnerfw-check-"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    where = platformdirs.user_cache_dir("partnerfw", appauthor=False)
    assert Path(cache["with"]["path"]).expanduser() == Path(where)
