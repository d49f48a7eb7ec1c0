"""Time `check` when every record carries approved facts: in git (APR011 reads each record's
history for the decision's commit) against the same register outside git.

    python benchmarks/bench_approvals.py [RECORDS]

Prints the times; the figures go in the README, not in a timed test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parents[1]
PARTNERFW = [sys.executable, "-m", "partnerfw"]
TODAY = "2026-11-23"


def run(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    return subprocess.run(list(args), cwd=root, env=env, capture_output=True, check=False)


def best_of(runs: int, root: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(root, *PARTNERFW, "check", "--today", TODAY)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "in-git"
        generate(root / "register", count)
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
        run(root, "git", "init", "-q", "-b", "main")
        run(root, "git", "add", "-A")
        run(root, "git", "commit", "-q", "-m", "Register")
        done = run(root, *PARTNERFW, "approved-facts", "--all", "--today", TODAY)
        written = done.stdout.decode().count("recorded what")
        run(root, "git", "commit", "-q", "-am", "Record what the decisions approved")
        outside = Path(tmp) / "outside-git"
        shutil.copytree(root, outside, ignore=shutil.ignore_patterns(".git"))
        in_git, no_git = best_of(3, root), best_of(3, outside)
    print(f"{count} records, {written} with approved facts")
    print(f"check in git (APR011 reads the history): {in_git:.2f} s")
    print(f"check outside git:                        {no_git:.2f} s")


if __name__ == "__main__":
    main()
