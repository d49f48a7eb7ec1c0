"""Time classifying and checking a generated register under the framework's two classes and
under a council's three levels reached by points on a scorecard (tests/policies/three-levels).
Usage: python benchmarks/bench_classes.py [N ...]

Prints a small table; the figures go in the issue's closing note, not in a timed test.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

THREE_LEVELS = Path(__file__).resolve().parents[1] / "tests" / "policies" / "three-levels.yaml"
SCHEMES = {
    "significant/other (revised edition)": (
        "council:\n  name: Benchmark Borough Council\nedition: revised\n"
    ),
    "major/moderate/limited (scorecard)": THREE_LEVELS.read_text("utf-8"),
}


def _timed(root: Path) -> tuple[float, float]:
    """(classify every record, run the whole check), in seconds, best of 3, in process."""
    from partnerfw.judge.classify import classify, decided
    from partnerfw.policy.project import open_project
    from partnerfw.record.loading import load
    from partnerfw.rules.engine import run_check

    today = dt.date(2026, 11, 23)
    project = open_project(root)
    assert not project.problems, project.problems
    register = load([project.register_dir], project.root)
    policy = project.schedule.policy_on(today)
    classify_times, check_times = [], []
    for _ in range(3):
        start = time.perf_counter()
        for record in register.records:
            decided(record.arrangement, classify(record.arrangement, policy, today))
        classify_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        run_check(project, [project.register_dir], today)
        check_times.append(time.perf_counter() - start)
    return min(classify_times), min(check_times)


def main(sizes: list[int]) -> None:
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            generate(root / "register", n)
            for scheme, settings in SCHEMES.items():
                (root / "partnerfw.yaml").write_text(settings, "utf-8")
                classify_s, check_s = _timed(root)
                print(
                    f"{n:>6} records, {scheme}: classify {classify_s:.3f} s "
                    f"({classify_s / n * 1e6:.0f} µs a record); check {check_s:.2f} s"
                )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000])
