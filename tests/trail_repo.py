"""A real git repository in a temp folder, driven like a council's register repository on
GitHub: branches, pull requests merged with merge commits or squashed, renames."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SETTINGS = """council:
  name: Test Borough Council
edition: revised
register: register
policy:
  roles:
    monitoring_officer: {title: Monitoring Officer, reviewers: ['@tbc/monitoring-officer']}
    section_151_officer: {title: Section 151 Officer, reviewers: ['@tbc/finance']}
    leader: {title: Leader of the Executive, reviewers: ['@tbc/leader-office']}
    portfolio_holder: {title: Cabinet Portfolio Holder, reviewers: ['@tbc/cabinet']}
    director: {title: Director, reviewers: ['@tbc/directors']}
    management_team: {title: Management Team, reviewers: ['@tbc/management-team']}
"""


def record(
    record_id: str,
    status: str = "proposed",
    *,
    budget: int = 5000,
    fundamental: bool = False,
    extra: str = "",
) -> str:
    return f"""id: {record_id}
name: {record_id.replace("-", " ").title()}
kind: partnership
status: {status}
lead_officer:
  name: Tom Brennan
department: Place
council_resources:
  dedicated_budget: {budget}
fundamental_to_corporate_objective: {str(fundamental).lower()}
{extra}"""


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.clock = 0
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, who: str = "Repo Admin") -> str:
        self.clock += 1
        when = f"2026-09-{1 + self.clock // 24:02d}T{self.clock % 24:02d}:00:00+01:00"
        email = who.lower().replace(" ", ".") + "@thamesbridge.gov.example"
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": who,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": who,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_COMMITTER_DATE": when,
        }
        done = subprocess.run(
            ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def write(self, files: dict[str, str]) -> None:
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(
        self, message: str, files: dict[str, str] | None = None, *, who: str = "Repo Admin"
    ) -> str:
        if files:
            self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, who=who)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str) -> None:
        self.git("checkout", "-q", "-b", name)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge_pr(self, number: int, branch: str, title: str, *, who: str) -> str:
        """Merge ``branch`` into main as GitHub's 'Create a merge commit' does."""
        self.checkout("main")
        self.git(
            "merge",
            "-q",
            "--no-ff",
            branch,
            "-m",
            f"Merge pull request #{number} from thamesbridge/{branch}\n\n{title}",
            who=who,
        )
        return self.head()

    def squash_pr(self, number: int, branch: str, title: str, *, who: str) -> str:
        """Merge ``branch`` into main as GitHub's 'Squash and merge' does."""
        self.checkout("main")
        self.git("merge", "-q", "--squash", branch)
        self.git("commit", "-q", "-m", f"{title} (#{number})", who=who)
        return self.head()


def proposal_through_two_prs(root: Path) -> GitRepo:
    """The 'done when' story: PR #1 proposes (two commits, merge commit), PR #2 approves
    (squashed), then PR #3 renames the file (merge commit)."""
    repo = GitRepo(root)
    repo.commit(
        "Start the register",
        {"partnerfw.yaml": SETTINGS, "register/food-bank.yaml": record("food-bank", "active")},
    )
    repo.branch("propose-riverside")
    repo.commit(
        "Propose the riverside partnership",
        {"register/riverside.yaml": record("riverside")},
        who="Tom Brennan",
    )
    repo.commit(
        "Add the evaluation",
        {
            "register/riverside.yaml": record(
                "riverside", extra="summary: Regenerate the riverside quarter.\n"
            )
        },
        who="Tom Brennan",
    )
    repo.merge_pr(
        12,
        "propose-riverside",
        "Propose the Riverside Regeneration Partnership",
        who="Priya Chandran",
    )
    repo.branch("approve-riverside")
    repo.commit(
        "Record the Leader's approval",
        {
            "register/riverside.yaml": record(
                "riverside", "approved", extra="summary: Regenerate the riverside quarter.\n"
            )
        },
        who="Graham Oduya",
    )
    repo.squash_pr(
        13,
        "approve-riverside",
        "Approve the Riverside Regeneration Partnership",
        who="Graham Oduya",
    )
    return repo
