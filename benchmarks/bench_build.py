"""Time `partnerfw build` on a generated register of 1,000 records (target: within 3 s).

    python benchmarks/bench_build.py [N]

Generates the register in a temporary folder with ``generate.py``, then runs the real command
(``python -m partnerfw build``, a fresh process, so start-up counts) three times and prints
the best and median wall-clock times.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 3.0
RUNS = 3


def main(n: int = 1000) -> int:
    with tempfile.TemporaryDirectory(prefix="partnerfw-bench-") as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
        generate(root / "register", n)
        command = [sys.executable, "-m", "partnerfw", "build", "--out", "site",
                   "--today", "2026-11-23"]
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
    print(f"partnerfw build: {n} records, {pages} pages, {size / 1e6:.1f} MB: "
          f"best {best:.2f} s, median {median:.2f} s of {RUNS} runs "
          f"({verdict} the {TARGET_SECONDS:.0f} s target); CPU time {min(cpu):.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
