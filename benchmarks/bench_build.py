"""Time `partnerfw build` on a generated register of 1,000 records (target: within 3 s of CPU).

    python benchmarks/bench_build.py [N] [--git] [--council thamesbridge|wexcombe|harrowfield]

Generates the register in a temporary folder with ``generate.py``, then runs the real command
(``python -m partnerfw build``, a fresh process, so start-up counts) five times cold
(``--no-cache``: every record read and checked, every template compiled) and five times warm
(the check cache and the compiled templates kept from a first build, as CI runs it with the
cache restored by actions/cache; the goal is for this one), and prints the best CPU time and
the median wall-clock time of each. The cache is kept in a folder of the benchmark's own
(``PARTNERFW_CACHE_DIR``), never the user's. With ``--git`` the register is first committed
to a git repository (one commit, then a second editing a tenth of the records), so the build
also reads every record's history for its page.
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


def _runs(command: list[str], root: Path, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds (user + system, the child's) of ``RUNS`` runs."""
    times, cpu = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{done.stdout}\n{done.stderr}\nbuild failed")
    return times, cpu


def main(n: int = 1000, git: bool = False, council: str = "thamesbridge") -> int:
    with tempfile.TemporaryDirectory(prefix="partnerfw-bench-") as tmp:
        root = Path(tmp) / "register"
        files = generate_repository(root, n, council)
        if git:
            subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
            (root / ".gitignore").write_text("site/\n", "utf-8")
            _commit(root, "Start the register")
            for path in files[::10]:
                path.write_text(path.read_text("utf-8") + "# reviewed\n", "utf-8")
            _commit(root, "Review a tenth of the records (#2)")
        env = {**os.environ, "PARTNERFW_CACHE_DIR": str(Path(tmp) / "cache")}
        command = [sys.executable, "-m", "partnerfw", "build", "--out", "site"]
        command += ["--today", "2026-11-23"]
        cold_times, cold_cpu = _runs([*command, "--no-cache"], root, env)
        subprocess.run(command, cwd=root, env=env, capture_output=True, check=True)  # the cache
        warm_times, warm_cpu = _runs(command, root, env)
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    warm = min(warm_cpu)
    verdict = "within" if warm <= TARGET_SECONDS else "OVER"
    where = ", in a git repository (history on every page)" if git else ""
    shape = "" if council == "thamesbridge" else f" ({council})"
    print(
        f"partnerfw build: {n} records{shape}{where}, {pages} pages, {size / 1e6:.1f} MB: "
        f"cold (--no-cache) {min(cold_cpu):.2f} s CPU, median {statistics.median(cold_times):.2f}"
        f" s wall; with the cache {warm:.2f} s CPU, median "
        f"{statistics.median(warm_times):.2f} s wall, best of {RUNS} runs each ({verdict} the "
        f"{TARGET_SECONDS:.0f} s target); load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs"
    )
    record(
        "build" + (" in git" if git else "") + ("" if council == "thamesbridge" else f" {council}"),
        f"build, {n:,} generated records{shape}{where}, {RUNS} runs each",
        [
            (
                "`build --no-cache` (cold)",
                f"{min(cold_cpu):.2f} s CPU (best), median {statistics.median(cold_times):.2f} s "
                f"wall; {pages:,} HTML files, {size / 1e6:.1f} MB",
            ),
            (
                "`build` with the cache of a first build (as CI restores it)",
                f"**{warm:.2f} s CPU** (best), median {statistics.median(warm_times):.2f} s wall "
                f"(goal {TARGET_SECONDS:.0f} s CPU)",
            ),
        ],
        [
            "partnerfw build --out site --today 2026-11-23 --no-cache",
            "partnerfw build --out site --today 2026-11-23",
        ],
    )
    return 0 if warm <= TARGET_SECONDS else 1


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    chosen = sys.argv[sys.argv.index("--council") + 1] if "--council" in sys.argv else None
    sys.exit(
        main(
            int(numbers[0]) if numbers else 1000,
            "--git" in sys.argv[1:],
            chosen or "thamesbridge",
        )
    )
