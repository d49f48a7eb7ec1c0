"""The hostile corpus's figures: how long each hostile case ran and how much memory it took.

    python benchmarks/bench_hostile.py               # run tests/test_hostile_*.py, then print
    python benchmarks/bench_hostile.py runs.jsonl    # print the figures of an earlier run

Each run of partnerfw in the corpus (tests/hostile.py) appends one JSON line when
PARTNERFW_HOSTILE_REPORT names a file; this prints the slowest and the largest runs and the
budget each must stay under (10 s of CPU, 200 MB of resident memory).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHOWN = 15


def main(argv: list[str]) -> int:
    if argv:
        runs = _read(Path(argv[0]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder, "hostile.jsonl")
            tests = sorted(str(p) for p in (REPO / "tests").glob("test_hostile_*.py"))
            env = {**os.environ, "PARTNERFW_HOSTILE_REPORT": str(report)}
            command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests]
            subprocess.run(command, cwd=REPO, env=env, check=False)
            runs = _read(report) if report.exists() else []
    if not runs:
        print("no runs recorded")
        return 1
    _table("slowest (wall clock)", sorted(runs, key=lambda r: -r["seconds"])[:SHOWN])
    _table("largest (peak resident memory)", sorted(runs, key=lambda r: -r["peak_mb"])[:SHOWN])
    print(
        f"\n{len(runs)} runs: wall max {max(r['seconds'] for r in runs):.1f} s, "
        f"CPU max {max(r['cpu_seconds'] for r in runs):.1f} s (budget 10 s), "
        f"memory max {max(r['peak_mb'] for r in runs):.0f} MB (budget 200 MB); "
        f"exit codes {sorted({r['exit'] for r in runs})}"
    )
    return 0


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _table(title: str, runs: list[dict[str, Any]]) -> None:
    print(f"\n{title}\n{'wall s':>7} {'CPU s':>6} {'MB':>5} exit  case / command")
    for run in runs:
        print(
            f"{run['seconds']:>7.1f} {run['cpu_seconds']:>6.1f} {run['peak_mb']:>5.0f} "
            f"{run['exit']:>4}  {run['case']} / {run['command'][:60]}"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
