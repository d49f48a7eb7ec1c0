"""Time `partnerfw check` on generated registers, against bare libyaml parsing of the same
files, and time `partnerfw --help`. Usage: python benchmarks/bench_check.py [N ...]

Prints a small table; the figures go in the issue's closing note, not in a timed test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

PARTNERFW = [sys.executable, "-m", "partnerfw"]


def best_of(runs: int, command: list[str], cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def main(sizes: list[int]) -> None:
    helps = [best_of(1, [*PARTNERFW, "--help"], Path.cwd()) for _ in range(7)]
    print(f"partnerfw --help: median {statistics.median(helps):.3f} s over 7 runs")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            files = generate(root / "register", n)
            (root / "partnerfw.yaml").write_text(
                "council:\n  name: Benchmark Borough Council\nedition: revised\n", "utf-8"
            )
            parse = min(bare_parse(files) for _ in range(3))
            check = best_of(
                3, [*PARTNERFW, "check", "--today", "2026-11-23", "--format", "json"], root
            )
            in_process = _in_process(root)
            print(
                f"{n:>6} records: check {check:.2f} s (process, best of 3); "
                f"in-process {in_process:.2f} s; bare libyaml parse {parse:.2f} s; "
                f"ratio in-process/parse {in_process / parse:.2f}"
            )


def _in_process(root: Path) -> float:
    import datetime as dt

    from partnerfw.policy.project import open_project
    from partnerfw.rules.engine import run_check

    project = open_project(root)
    start = time.perf_counter()
    run_check(project, [project.register_dir], dt.date(2026, 11, 23))
    return time.perf_counter() - start


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
