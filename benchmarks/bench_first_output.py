"""How soon `build` and `import` show something in a terminal, and how long they take: the
first progress line, the page bar, the end; and how many lines each prints at the end.

    python benchmarks/bench_first_output.py [RECORDS] [ROWS]

Runs partnerfw in a pseudo-terminal (as a person sees it) on a generated register of RECORDS
records (default 500) and a CSV sheet of ROWS rows (default 2000). Prints the times.
"""

from __future__ import annotations

import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pexpect

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parents[1]
PARTNERFW = str(Path(sys.executable).with_name("partnerfw"))
TODAY = "2026-11-23"
ENV = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"}


def timed(root: Path, args: list[str], marks: list[str]) -> tuple[list[float], int]:
    """Seconds until each of ``marks`` appears, then until the end; the lines printed after
    the progress display is gone."""
    started = time.perf_counter()
    child = pexpect.spawn(
        PARTNERFW, args, cwd=str(root), env=ENV, encoding="utf-8", timeout=600,
        dimensions=(40, 100),
    )  # fmt: skip
    times = []
    for mark in marks:
        child.expect_exact(mark)
        times.append(time.perf_counter() - started)
    child.expect(pexpect.EOF)
    times.append(time.perf_counter() - started)
    tail = str(child.before).rsplit("\x1b[2K", 1)[-1]
    return times, len(tail.strip().splitlines())


def sheet(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as file:
        out = csv.writer(file)
        out.writerow(["Partnership name", "Type", "Lead officer", "Council contribution (£)"])
        for n in range(1, rows + 1):
            out.writerow([f"Partnership number {n}", "Partnership", "Sam Okafor", "about £5k"])
    return path


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
        generate(root / "register", records)
        marks = ["Reading the settings", "Checking the register", "Rendering pages"]
        (first, checking, pages, end), lines = timed(root, ["build", "--today", TODAY], marks)
        print(
            f"build, {records} records: first progress {first:.1f} s, checking {checking:.1f} s, "
            f"page bar {pages:.1f} s, done {end:.1f} s; {lines} lines printed at the end"
        )
        big = sheet(root / "big.csv", rows)
        marks = ["Reading the settings", "Reading the rows"]
        (first, reading, end), lines = timed(root, ["import", str(big)], marks)
        print(
            f"import, {rows} rows: first progress {first:.1f} s, rows {reading:.1f} s, "
            f"done {end:.1f} s; {lines} lines printed at the end"
        )


if __name__ == "__main__":
    main()
