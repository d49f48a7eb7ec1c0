"""Time `partnerfw fmt --check` on a generated register of tidy records, against `check`.

    python benchmarks/bench_fmt.py [N ...]        (default: 1000)

The generated records are not in fmt's layout, so the register is tidied once with
`partnerfw fmt` first; then `fmt --check` (every file already tidy: the common case in CI and
pre-commit) and `check` are timed as separate processes, best of 3. The figures go in the
README and the changelog, not in a timed test.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

PARTNERFW = [sys.executable, "-m", "partnerfw"]


def timed(command: list[str], cwd: Path, runs: int = 3) -> tuple[float, int]:
    best, code = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
        )
        best, code = min(best, time.perf_counter() - start), done.returncode
    return best, code


def main(sizes: list[int]) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            generate(root / "register", n)
            (root / "partnerfw.yaml").write_text(
                "council:\n  name: Benchmark Borough Council\nedition: revised\n", "utf-8"
            )
            first, _ = timed([*PARTNERFW, "fmt"], root, runs=1)
            fmt_check, code = timed([*PARTNERFW, "fmt", "--check"], root)
            check, _ = timed(
                [*PARTNERFW, "check", "--today", "2026-11-23", "--format", "json"], root
            )
            print(
                f"{n:>6} records: first fmt {first:.2f} s; fmt --check {fmt_check:.2f} s "
                f"(exit {code}, best of 3); check {check:.2f} s (best of 3)"
            )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
