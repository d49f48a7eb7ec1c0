"""Time `trail`, `check --changed-since` and `codeowners --check` on a generated git register.

    python benchmarks/bench_trail.py [RECORDS] [PULL_REQUESTS]

Builds a repository of RECORDS copies of the bundled records in a temp folder, then
PULL_REQUESTS pull requests (alternately merge commits and squash commits) each editing two
records, and times the commands in a fresh process each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )


def build(root: Path, records: int, prs: int) -> list[str]:
    sources = sorted((REPO / "register").glob("*.yaml"))
    (root / "register").mkdir(parents=True)
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    ids = []
    for i in range(records):
        source = sources[i % len(sources)]
        old_id = source.stem
        new_id = f"{old_id}-{i}"
        text = source.read_text("utf-8").replace(f"id: {old_id}", f"id: {new_id}", 1)
        (root / "register" / f"{new_id}.yaml").write_text(text, encoding="utf-8")
        ids.append(new_id)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Start")
    for n in range(1, prs + 1):
        branch = f"pr-{n}"
        git(root, "checkout", "-q", "-b", branch)
        for record_id in (ids[n % records], ids[(n * 7) % records]):
            path = root / "register" / f"{record_id}.yaml"
            path.write_text(path.read_text("utf-8") + f"# edit {n}\n", encoding="utf-8")
        git(root, "commit", "-q", "-am", f"Edit in PR {n}")
        git(root, "checkout", "-q", "main")
        if n % 2:
            git(
                root,
                "merge",
                "-q",
                "--no-ff",
                branch,
                "-m",
                f"Merge pull request #{n} from org/{branch}\n\nEdit {n}",
            )
        else:
            git(root, "merge", "-q", "--squash", branch)
            git(root, "commit", "-q", "-m", f"Edit {n} (#{n})")
    return ids


def timed(root: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "partnerfw", *args], cwd=root, capture_output=True, check=False
    )
    return time.perf_counter() - start


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    prs = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        ids = build(root, records, prs)
        print(f"{records} records, {prs} pull requests")
        print(f"trail {ids[1]}: {timed(root, 'trail', ids[1]):.2f}s")
        print(f"trail (all, json): {timed(root, 'trail', '--format', 'json'):.2f}s")
        print(
            f"check --changed-since HEAD~5: "
            f"{timed(root, 'check', '--changed-since', 'HEAD~5'):.2f}s"
        )
        print(f"check (all): {timed(root, 'check'):.2f}s")
        print(f"codeowners --check: {timed(root, 'codeowners', '--check'):.2f}s")


if __name__ == "__main__":
    main()
