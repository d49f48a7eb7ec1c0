"""Time `partnerfw build` on a generated register of 1,000 records (target: within 3 s).

    python benchmarks/bench_build.py [N] [--git]

Generates the register in a temporary folder with ``generate.py``, then runs the real command
(``python -m partnerfw build``, a fresh process, so start-up counts) five times and prints
the best and median wall-clock times. With ``--git`` the register is first committed to a git
repository (one commit, then a second editing a tenth of the records), so the build also
reads every record's history for its page.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import record
from generate import generate_repository

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 3.0
RUNS = 5


def _commit(root: Path, message: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=root,
            env=env,
            check=True,
            capture_output=True,
        )


def main(n: int = 1000, git: bool = False) -> int:
    with tempfile.TemporaryDirectory(prefix="partnerfw-bench-") as tmp:
        root = Path(tmp)
        files = generate_repository(root, n)
        if git:
            subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
            (root / ".gitignore").write_text("site/\n", "utf-8")
            _commit(root, "Start the register")
            for path in files[::10]:
                path.write_text(path.read_text("utf-8") + "# reviewed\n", "utf-8")
            _commit(root, "Review a tenth of the records (#2)")
        command = [
            sys.executable,
            "-m",
            "partnerfw",
            "build",
            "--out",
            "site",
            "--today",
            "2026-11-23",
            "--no-cache",  # every record read and checked: the cold build
        ]
        times, cpu = [], []
        for _ in range(RUNS):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, cwd=root, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if done.returncode != 0:
                print(done.stdout, done.stderr, sep="\n")
                return 2
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    best, median = min(times), statistics.median(times)
    verdict = "within" if median <= TARGET_SECONDS else "OVER"
    where = ", in a git repository (history on every page)" if git else ""
    print(
        f"partnerfw build: {n} records{where}, {pages} pages, {size / 1e6:.1f} MB: "
        f"best {best:.2f} s, median {median:.2f} s of {RUNS} runs "
        f"({verdict} the {TARGET_SECONDS:.0f} s target); CPU time {min(cpu):.2f} s; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    record(
        "build" + (" in git" if git else ""),
        f"build, {n:,} generated records{where}, {RUNS} runs",
        [
            (
                "`build --no-cache`",
                f"median {median:.2f} s wall, {min(cpu):.2f} s CPU (best); {pages:,} HTML files, "
                f"{size / 1e6:.1f} MB (goal {TARGET_SECONDS:.0f} s)",
            )
        ],
        ["partnerfw build --out site --today 2026-11-23 --no-cache"],
    )
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    sys.exit(main(int(numbers[0]) if numbers else 1000, "--git" in sys.argv[1:]))
