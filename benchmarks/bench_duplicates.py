"""Time the likely-duplicates search (REG006 in `check`, and `import`) on realistic generated
registers of each council, in-process, as CPU time after the records are loaded.

    python benchmarks/bench_duplicates.py [N ...] [--runs R] [--council NAME ...] [--keep DIR]

For each council (default: all three) and each size N (default 1,000 and 3,000), prints the
least CPU time of R runs (default 5) of ``likely_duplicates(candidates(records), [])`` as
`check` runs it, with every cache of the search emptied before each run (as in a fresh
process), how many pairs it reports, and the time a record; then the same for the largest
register of each council together, as one pool (the generator runs out of names for one
council before 10,000 records). The goal is 0.15 s for 1,000 records. ``--keep DIR`` keeps
the generated registers in DIR (and reuses them next time: generating 3,000 records takes
minutes). The figures go to benchmarks/figures.md (``figures.py``), section "duplicates".
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from councils import COUNCILS
from figures import record
from generate import generate_repository

from partnerfw.judge import duplicate_bounds, duplicate_words, duplicates
from partnerfw.record.loading import LoadedRecord, load

GOAL = 0.15
"""Seconds of CPU for 1,000 records."""


def registered(folder: Path, council: str, n: int) -> list[LoadedRecord]:
    """The records of a generated register of ``n`` records (generated unless kept)."""
    root = folder / f"{council}-{n}"
    register = root / COUNCILS[council].register
    if not register.is_dir():
        generate_repository(root, n, council)
    return load([register], root).records


def _forget() -> None:
    """Empty the search's caches, as a fresh `check` process has them."""
    for module in (duplicates, duplicate_bounds, duplicate_words):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def timed(
    records: list[LoadedRecord], runs: int, label: Callable[[LoadedRecord], str] | None = None
) -> tuple[float, int]:
    """The least CPU seconds of ``runs`` searches, and how many pairs were found."""
    best, found = float("inf"), 0
    for _ in range(runs):
        _forget()
        start = time.process_time()
        pairs = duplicates.likely_duplicates(duplicates.candidates(records, label), [])
        best = min(best, time.process_time() - start)
        found = len(pairs)
    return best, found


def main() -> int:
    args = sys.argv[1:]
    runs, councils, keep = 5, [], None
    while "--runs" in args:
        runs = int(args.pop(args.index("--runs") + 1))
        args.remove("--runs")
    while "--council" in args:
        councils.append(args.pop(args.index("--council") + 1))
        args.remove("--council")
    if "--keep" in args:
        keep = Path(args.pop(args.index("--keep") + 1))
        args.remove("--keep")
    sizes = [int(a) for a in args] or [1000, 3000]
    rows: list[tuple[str, str]] = []
    met = True

    def row(what: str, n: int, seconds: float, found: int) -> None:
        figure = f"{seconds:.3f} s CPU ({seconds / n * 1e6:.0f} µs a record), {found} pairs"
        rows.append((f"likely duplicates, {n:,} records ({what})", figure))
        print(f"{rows[-1][0]}: {rows[-1][1]}", flush=True)

    with tempfile.TemporaryDirectory(prefix="partnerfw-duplicates-") as tmp:
        folder = keep or Path(tmp)
        largest: dict[str, list[LoadedRecord]] = {}
        for council in councils or list(COUNCILS):
            for n in sizes:
                try:
                    records = registered(folder, council, n)
                except RuntimeError as stop:  # the generator ran out of names
                    print(f"{council}, {n:,} records: {stop}", flush=True)
                    continue
                seconds, found = timed(records, runs)
                met = met and (n > 1000 or seconds <= GOAL * n / 1000)
                row(council, n, seconds, found)
                largest[council] = records
        if len(largest) > 1:
            pool = [r for records in largest.values() for r in records]
            owner = {id(r): council for council, records in largest.items() for r in records}
            seconds, found = timed(pool, runs, lambda r: f"{owner[id(r)]}/{r.file}")
            row(
                " + ".join(f"{c} {len(r):,}" for c, r in largest.items()), len(pool), seconds, found
            )
    record(
        "duplicates",
        f"likely duplicates (REG006, import), in-process CPU after loading, least of {runs} runs",
        rows,
        ["python benchmarks/bench_duplicates.py " + " ".join(str(n) for n in sizes)],
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
