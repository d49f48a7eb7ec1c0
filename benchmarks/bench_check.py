"""Time `partnerfw check` on a realistic generated register against a bare libyaml parse of the
same files, both as whole processes, and the cached re-check, start-up and memory.

    python benchmarks/bench_check.py [N] [--runs R] [--council NAME]

Prints, for N records (default 1,000), medians of R runs (default 5) of fresh processes:
the bare parse; a cold `check --no-cache` and its ratio to the bare parse (goal 1.5); a re-check
answered from the check cache, as CPU beyond the start-up of a check of an empty register
(goal 0.3 s); `partnerfw --help` and `check --help` (goal 0.1 s); and the memory each record
adds. The figures go to benchmarks/figures.md (``figures.py``), which the docs quote.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import record
from generate import generate_repository
from measure import BARE_PARSE, PARTNERFW, PYTHON, Timing, arguments, environment, timed

TODAY = "2026-11-23"
GOALS = {"ratio": 1.5, "cached": 0.3, "help": 0.1}


def measure(n: int, runs: int, council: str) -> dict[str, Timing]:
    found: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory(prefix="partnerfw-check-") as tmp:
        root, empty = Path(tmp) / "register-repo", Path(tmp) / "empty-repo"
        files = generate_repository(root, n, council)
        register = files[0].parent
        empty.mkdir()
        shutil.copy(root / "partnerfw.yaml", empty / "partnerfw.yaml")
        (empty / register.relative_to(root)).mkdir(parents=True)
        env = environment(PARTNERFW_CACHE_DIR=str(Path(tmp) / "cache"))
        check = [*PARTNERFW, "check", "--today", TODAY, "--format", "json"]
        found["help"] = timed("partnerfw --help", [*PARTNERFW, "--help"], root, runs, env)
        found["check help"] = timed(
            "check --help", [*PARTNERFW, "check", "--help"], root, runs, env
        )
        found["bare"] = timed(
            "bare parse", [PYTHON, "-c", BARE_PARSE, str(register)], root, runs, env
        )
        found["cold"] = timed("check, cold", [*check, "--no-cache"], root, runs, env)
        timed("warm the cache", check, root, 1, env)
        found["cached"] = timed("check, cached", check, root, runs, env)
        timed("warm the empty register's cache", check, empty, 1, env)
        found["start-up"] = timed("check of no records", check, empty, runs, env)
        found["empty cold"] = timed("check of no records", [*check, "--no-cache"], empty, runs, env)
    return found


def report(n: int, found: dict[str, Timing]) -> tuple[list[tuple[str, str]], bool]:
    bare, cold, cached = found["bare"], found["cold"], found["cached"]
    ratio = cold.wall / bare.wall
    beyond = cached.cpu - found["start-up"].cpu
    per_record = (cold.rss_mb - found["empty cold"].rss_mb) * 1024 / n
    rows = [
        (
            f"bare libyaml parse of {n:,} records (a process)",
            f"{bare.wall:.2f} s ({bare.cpu:.2f} s CPU)",
        ),
        (
            f"`check --no-cache`, {n:,} records (cold)",
            f"{cold.wall:.2f} s ({cold.cpu:.2f} s CPU): **{ratio:.2f}x** the bare parse "
            f"(goal {GOALS['ratio']}x; CPU {cold.cpu / bare.cpu:.2f}x)",
        ),
        (
            f"`check`, {n:,} unchanged records (from the cache)",
            f"{cached.wall:.2f} s ({cached.cpu:.2f} s CPU): **{beyond:.2f} s CPU** beyond a "
            f"check of no records ({found['start-up'].cpu:.2f} s; goal {GOALS['cached']} s)",
        ),
        (
            "`partnerfw --help`",
            f"{found['help'].wall:.3f} s ({found['help'].cpu:.3f} s CPU; goal {GOALS['help']} s)",
        ),
        (
            "`partnerfw check --help`",
            f"{found['check help'].wall:.3f} s ({found['check help'].cpu:.3f} s CPU)",
        ),
        (
            "memory",
            f"{cold.rss_mb:.0f} MB peak for {n:,} records, {found['empty cold'].rss_mb:.0f} MB "
            f"for none: about {per_record:.0f} KB a record",
        ),
    ]
    met = (
        ratio <= GOALS["ratio"]
        and beyond <= GOALS["cached"]
        and found["help"].wall <= GOALS["help"]
    )
    return rows, met


def main() -> int:
    n, runs, council = arguments()
    found = measure(n, runs, council)
    rows, met = report(n, found)
    for what, figure in rows:
        print(f"{what}: {figure}".replace("**", ""))
    commands = sorted({t.command for t in found.values() if t is not found["bare"]})
    commands.append("python -c '<load every file with yaml.CSafeLoader>' REGISTER")
    record(
        "check",
        f"check, {n:,} generated records ({council}), medians of {runs} runs",
        rows,
        commands,
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
