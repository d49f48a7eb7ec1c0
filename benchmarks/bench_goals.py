"""Issue 17's goals, measured in one run on one generated register and printed side by side.

    python benchmarks/bench_goals.py [N] [--runs R] [--council NAME]

For N records (default 1,000) of a realistic generated register (``generate.py``), each command
run as a fresh process R times (default 5; medians), as a user meets it; the check and the
bare parse, and the cached and the empty check, run in pairs back to back, and their ratio or
difference is the median over the pairs:

- ``check --no-cache`` (cold) against a bare libyaml parse of the same files as a process
  (goal: at most 1.5x);
- ``check`` of the unchanged register from the check cache, as CPU beyond the start-up of a
  check of a register with no records (goal: at most 0.3 s);
- ``partnerfw --help`` (goal: at most 0.1 s);
- ``build`` outside git, with the check cache as CI restores it (goal: at most 3 s), and cold
  (``--no-cache``) for comparison;
- ``build --no-cache`` in a git repository with one commit per record against the same build
  with one commit (goal: at most 2x);
- the peak memory of the cold check, and what each record adds to it.

Ratios and goals are judged on CPU time (user + system, the process and anything it starts),
which another program on the machine does not inflate; wall-clock times are shown beside them.
The figures go to benchmarks/figures.md (section "goals"), which the docs quote. Exits 0 when
every goal is met.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_history import _fast_import
from figures import record
from generate import generate_repository
from measure import (
    BARE_PARSE,
    PARTNERFW,
    PYTHON,
    Run,
    Timing,
    arguments,
    environment,
    run_once,
    shown,
    timed,
)

TODAY = "2026-11-23"


@dataclass(frozen=True)
class Goal:
    what: str
    figure: float
    limit: float
    unit: str
    detail: str

    @property
    def met(self) -> bool:
        return self.figure <= self.limit

    def row(self) -> tuple[str, str]:
        verdict = "met" if self.met else "NOT met"
        return (
            self.what,
            f"**{self.figure:.2f}{self.unit}** (goal {self.limit:g}{self.unit}: {verdict}); "
            f"{self.detail}",
        )


def _check_and_build(n: int, runs: int, council: str, tmp: Path) -> dict[str, Timing]:
    root, empty = tmp / "register-repo", tmp / "empty-repo"
    files = generate_repository(root, n, council)
    register = files[0].parent
    empty.mkdir()
    shutil.copy(root / "partnerfw.yaml", empty / "partnerfw.yaml")
    (empty / register.relative_to(root)).mkdir(parents=True)
    env = environment(PARTNERFW_CACHE_DIR=str(tmp / "cache"))
    check = [*PARTNERFW, "check", "--today", TODAY, "--format", "json"]
    build = [*PARTNERFW, "build", "--out", "site", "--today", TODAY]
    found = {"help": timed("partnerfw --help", [*PARTNERFW, "--help"], root, runs, env)}
    # Each pair run back to back, so a change in the machine's speed meets both alike.
    bare = [PYTHON, "-c", BARE_PARSE, str(register)]
    found["bare"], found["cold"] = _paired(
        ("bare parse", bare, root), ("check, cold", [*check, "--no-cache"], root), runs, env
    )
    timed("warm the cache", check, root, 1, env)
    timed("warm the empty register's cache", check, empty, 1, env)
    found["start-up"], found["cached"] = _paired(
        ("check of no records", check, empty), ("check, cached", check, root), runs, env
    )
    found["empty cold"] = timed("check of no records, cold", [*check, "--no-cache"], empty, 1, env)
    found["build cold"] = timed("build, cold", [*build, "--no-cache"], root, runs, env)
    timed("warm the build's cache", build, root, 1, env)
    found["build"] = timed("build, cached", build, root, runs, env)
    return found


def _paired(
    first: tuple[str, list[str], Path],
    second: tuple[str, list[str], Path],
    runs: int,
    env: dict[str, str],
) -> tuple[Timing, Timing]:
    """``runs`` runs of each of two commands, alternating."""
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(runs):
        a.append(run_once(first[1], first[2], env))
        b.append(run_once(second[1], second[2], env))
    return (
        Timing(first[0], shown(first[1]), tuple(a)),
        Timing(second[0], shown(second[1]), tuple(b)),
    )


def _ratio(a: Timing, b: Timing) -> float:
    """The median of the pairs' CPU ratios, b over a."""
    return statistics.median(y.cpu / x.cpu for x, y in zip(a.runs, b.runs, strict=True))


def _beyond(a: Timing, b: Timing) -> float:
    """The median of the pairs' CPU differences, b minus a."""
    return statistics.median(y.cpu - x.cpu for x, y in zip(a.runs, b.runs, strict=True))


def _history(n: int, runs: int, council: str, tmp: Path) -> dict[str, Timing]:
    found = {}
    for label, one_commit in (("one commit", True), ("a commit per record", False)):
        root = tmp / label.replace(" ", "-")
        files = generate_repository(root, n, council)
        _fast_import(root, files, one_commit)
        build = [*PARTNERFW, "build", "--out", "site", "--today", TODAY, "--no-cache"]
        found[label] = timed(f"build in git, {label}", build, root, runs, environment())
    return found


def goals(n: int, found: dict[str, Timing], history: dict[str, Timing]) -> list[Goal]:
    bare, cold, cached = found["bare"], found["cold"], found["cached"]
    start_up = found["start-up"]
    long, short = history["a commit per record"], history["one commit"]
    per_record = (cold.rss_mb - found["empty cold"].rss_mb) * 1024 / n
    return [
        Goal(
            f"cold `check --no-cache` / bare libyaml parse, {n:,} records",
            _ratio(bare, cold),
            1.5,
            "x",
            f"{cold.cpu:.2f} s against {bare.cpu:.2f} s of CPU (wall {cold.wall:.2f} s against "
            f"{bare.wall:.2f} s, {cold.wall / bare.wall:.2f}x); {cold.rss_mb:.0f} MB peak, "
            f"about {per_record:.0f} KB a record",
        ),
        Goal(
            f"`check` of {n:,} unchanged records, CPU beyond start-up",
            _beyond(start_up, cached),
            0.3,
            " s",
            f"{cached.cpu:.2f} s against {start_up.cpu:.2f} s for a register of no records",
        ),
        Goal(
            "`partnerfw --help`",
            found["help"].cpu,
            0.1,
            " s",
            f"CPU; wall {found['help'].wall:.3f} s",
        ),
        Goal(
            f"`build` of {n:,} records outside git, the check cache restored",
            found["build"].cpu,
            3.0,
            " s",
            f"CPU (wall {found['build'].wall:.2f} s); cold with `--no-cache`: "
            f"{found['build cold'].cpu:.2f} s of CPU",
        ),
        Goal(
            f"`build --no-cache` in git, {n:,} commits / one commit",
            long.cpu / short.cpu,
            2.0,
            "x",
            f"{long.cpu:.2f} s against {short.cpu:.2f} s of CPU "
            f"(wall {long.wall:.2f} s against {short.wall:.2f} s)",
        ),
    ]


def main() -> int:
    n, runs, council = arguments()
    with tempfile.TemporaryDirectory(prefix="partnerfw-goals-") as folder:
        found = _check_and_build(n, runs, council, Path(folder))
        history = _history(n, runs, council, Path(folder))
    reached = goals(n, found, history)
    for goal in reached:
        what, figure = goal.row()
        print(f"{what}: {figure}".replace("**", "").replace("`", ""))
    timings = [*found.values(), *history.values()]
    commands = sorted({t.command for t in timings if t is not found["bare"]})
    commands.append("python -c '<load every file with yaml.CSafeLoader>' REGISTER")
    record(
        "goals",
        f"issue 17's goals, {n:,} generated records ({council}), medians of {runs} runs",
        [goal.row() for goal in reached],
        commands,
    )
    return 0 if all(goal.met for goal in reached) else 1


if __name__ == "__main__":
    sys.exit(main())
