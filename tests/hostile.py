"""The hostile corpus's harness: run partnerfw as a real process with a time and memory budget,
and say how long it ran and how much memory it took.

Each command runs as ``python -m partnerfw`` in a child whose address space is capped
(``RLIMIT_AS``, 1 GB: a command that tries to read /dev/zero to its end dies there rather than
taking the machine) and whose wall-clock time is capped at 10 s, stretched only when the machine
is overloaded (load average over the number of cores); its CPU time must stay under 10 s either
way. The child's peak resident memory comes from ``wait4``. With ``PARTNERFW_HOSTILE_REPORT``
set to a file, every run appends its figures to it as a JSON line
(``benchmarks/bench_hostile.py`` prints them as a table).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

SECONDS = 10.0
"""No command may take longer (wall clock on a machine that is not overloaded, and CPU)."""
MEMORY_MB = 200
"""Nor more resident memory than this."""
ADDRESS_SPACE = 1 << 30
"""The child's address-space cap: what it would take to grow without limit ends in a MemoryError."""

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Hostile Test",
    "GIT_AUTHOR_EMAIL": "hostile@example.org",
    "GIT_COMMITTER_NAME": "Hostile Test",
    "GIT_COMMITTER_EMAIL": "hostile@example.org",
}


@dataclass(frozen=True)
class Outcome:
    """How a command ended: its exit code, what it printed, and what it cost."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    timed_out: bool
    inherited_mb: float = 0.0
    """The test process's own memory when it started the child: Linux counts the memory a
    forked child shares with its parent before it runs partnerfw into the child's peak, so a
    peak no higher than this says nothing about partnerfw."""

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:
        return (
            f"partnerfw {' '.join(self.args)} -> exit {self.code} in {self.seconds:.1f} s "
            f"({self.cpu_seconds:.1f} s CPU, {self.peak_mb:.0f} MB)\n"
            f"--- stdout\n{self.stdout[-3000:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def wall_limit() -> float:
    """10 s, stretched by how overloaded the machine is (never shortened)."""
    cores = os.cpu_count() or 1
    return SECONDS * max(1.0, os.getloadavg()[0] / cores)


def _limit_child() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()  # its own process group, so a timeout ends its children (git, a worker) too


def run(
    cwd: Path, *args: str, wrap: tuple[str, ...] = (), case: str = "", stdout: Path | None = None
) -> Outcome:
    """``partnerfw ARGS`` in ``cwd`` as a budgeted child process (``wrap`` goes before it, e.g.
    ``unshare`` to give it a mount of its own; ``stdout`` sends its output to a file)."""
    command = [*wrap, sys.executable, "-m", "partnerfw", *args]
    # Output to a file is never wrapped (no COLUMNS): each message is one line, as a CI log has it.
    env = {k: v for k, v in {**os.environ, **GIT_ENV, "NO_COLOR": "1"}.items() if k != "COLUMNS"}
    with tempfile.TemporaryDirectory() as scratch:
        out_path = stdout or Path(scratch, "stdout")
        err_path = Path(scratch, "stderr")
        with out_path.open("wb") as out, err_path.open("wb") as err:
            inherited = _own_memory_mb()
            started = time.monotonic()
            child = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                preexec_fn=_limit_child,
            )
            code, usage, timed_out = _wait(child, started + wall_limit())
            seconds = time.monotonic() - started
        text = "" if stdout is not None else out_path.read_text("utf-8", "replace")
        outcome = Outcome(
            tuple(args),
            code,
            text,
            err_path.read_text("utf-8", "replace"),
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,  # KB on Linux
            timed_out,
            inherited,
        )
    _record(case, outcome)
    return outcome


def _own_memory_mb() -> float:
    """This process's resident memory now (VmRSS), in MB; 0 where /proc does not say."""
    try:
        status = Path("/proc/self/status").read_text("utf-8")
    except OSError:
        return 0.0
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def _wait(
    child: subprocess.Popen[bytes], deadline: float
) -> tuple[int, resource.struct_rusage, bool]:
    """Wait for the child with ``wait4`` (which gives its own resource usage), ending its
    whole process group at the deadline."""
    timed_out = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline and not timed_out:
            timed_out = True
            os.killpg(child.pid, signal.SIGKILL)
        time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
    return child.returncode, usage, timed_out


def _record(case: str, outcome: Outcome) -> None:
    report = os.environ.get("PARTNERFW_HOSTILE_REPORT")
    if not report:
        return
    line = {
        "case": case,
        "command": " ".join(outcome.args),
        "exit": outcome.code,
        "seconds": round(outcome.seconds, 3),
        "cpu_seconds": round(outcome.cpu_seconds, 3),
        "peak_mb": round(outcome.peak_mb, 1),
    }
    with open(report, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def assert_handled(outcome: Outcome, *named: str, codes: tuple[int, ...] = (1, 2)) -> None:
    """The command ended by itself within the budget, with one of ``codes``, no internal
    error or traceback, and every text in ``named`` (the file, what to do) in its output."""
    assert not outcome.timed_out, f"killed after {wall_limit():.0f} s: {outcome}"
    assert outcome.code in codes, str(outcome)
    assert "internal error" not in outcome.output, str(outcome)
    assert "Traceback" not in outcome.output, str(outcome)
    assert "Exception ignored" not in outcome.output, str(outcome)
    for text in named:
        assert text in outcome.output, f"{text!r} not said: {outcome}"
    assert outcome.cpu_seconds < SECONDS, str(outcome)
    # A peak at the test process's own size is the memory the fork shared, not partnerfw's.
    assert outcome.peak_mb < max(MEMORY_MB, outcome.inherited_mb + 16), str(outcome)


def register_repository(root: Path, *, git: bool = True) -> Path:
    """The bundled register (17 records) and its settings in ``root``, committed to a new git
    repository unless ``git`` is False; returns ``root``."""
    shutil.copytree(EXAMPLE_REGISTER, root / "register")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    if git:
        commit(root, "The register as it stands", init=True)
    return root


def commit(root: Path, message: str, *, init: bool = False) -> None:
    env = {**os.environ, **GIT_ENV}
    if init:
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, env=env, check=True)


__all__ = ["TODAY", "Outcome", "assert_handled", "commit", "register_repository", "run"]
