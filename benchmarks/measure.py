"""Timing whole processes, as a user meets them: each command runs as a fresh process, and
its wall-clock time, its CPU time (user + system, of it and anything it starts) and its
peak memory are read from the operating system when it ends (``os.wait4``)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
PARTNERFW = [PYTHON, "-m", "partnerfw"]
BARE_PARSE = (
    "import sys, pathlib, yaml\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')):\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
"""The bare libyaml parse the check is measured against: read and parse every file."""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float
    """Peak resident memory of the process, MB."""
    code: int


@dataclass(frozen=True)
class Timing:
    what: str
    command: str
    runs: tuple[Run, ...]

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss_mb(self) -> float:
        return statistics.median(r.rss_mb for r in self.runs)


def run_once(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> Run:
    started = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode)


def timed(
    what: str,
    command: Sequence[str],
    cwd: Path,
    runs: int,
    env: Mapping[str, str] | None = None,
    before: Callable[[int], Mapping[str, str] | None] | None = None,
) -> Timing:
    """``runs`` runs of ``command`` (``before(n)`` prepares run n and may give its
    environment); the command as a user would type it is kept for the report."""
    found = []
    for n in range(runs):
        run_env = before(n) if before is not None else None
        found.append(run_once(command, cwd, run_env or env))
    return Timing(what, shown(command), tuple(found))


def shown(command: Sequence[str]) -> str:
    """The command as a user would type it: ``partnerfw ...`` rather than Python's path."""
    if list(command[: len(PARTNERFW)]) == PARTNERFW:
        return " ".join(["partnerfw", *command[len(PARTNERFW) :]])
    return " ".join(command)


def arguments(default_runs: int = 5) -> tuple[int, int, str]:
    """``[N] [--runs R] [--council NAME]`` from the command line: records (1,000), runs and
    council (thamesbridge)."""
    args = sys.argv[1:]
    runs, council = default_runs, "thamesbridge"
    if "--runs" in args:
        runs = int(args.pop(args.index("--runs") + 1))
        args.remove("--runs")
    if "--council" in args:
        council = args.pop(args.index("--council") + 1)
        args.remove("--council")
    return (int(args[0]) if args else 1000), runs, council


def environment(**extra: str) -> dict[str, str]:
    """The environment of a measured command: git quiet and reproducible, no colour."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "NO_COLOR": "1",
        **extra,
    }
