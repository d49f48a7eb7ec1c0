"""Measure `partnerfw reminders` against a stand-in for GitHub's REST API (tests/github_stub.py,
a real HTTP server on localhost): the requests made and the time taken, on a generated register.

    python benchmarks/bench_reminders.py [N]

Generates N records (default 500) from the bundled examples with ``generate.py``, gives every
officer on the master list a GitHub login, then runs the reminders three times as the daily
workflow would: the first morning (every issue opened), the same morning again (nothing
changed), and a month later (issues updated, closed or opened). Each run is in-process, with
no pause between writes; the time GitHub's asked-for second between writes would add is
printed beside it.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generate import generate
from tests.github_stub import GitHubStub

from partnerfw.policy.project import open_project
from partnerfw.reminders.github import WRITE_PAUSE_SECONDS
from partnerfw.reminders.run import Options, run_reminders

REPO = Path(__file__).resolve().parents[1]
DAYS = (dt.date(2026, 11, 23), dt.date(2026, 11, 23), dt.date(2026, 12, 23))


def _with_logins(text: str) -> tuple[str, set[str]]:
    """partnerfw.yaml with a GitHub login for every officer on the list."""
    logins: set[str] = set()
    lines = text.splitlines()
    start = lines.index("officers:")
    for i in range(start + 1, len(lines)):
        match = re.fullmatch(r"  - (.+)", lines[i])
        if not match:
            break
        login = match[1].lower().replace(" ", "-")
        logins.add(login)
        lines[i] = f"  - {{name: {match[1]}, github: {login}}}"
    return "\n".join(lines) + "\n", logins


def main(n: int = 500) -> int:
    with tempfile.TemporaryDirectory(prefix="partnerfw-bench-") as tmp:
        root = Path(tmp)
        settings, logins = _with_logins((REPO / "partnerfw.yaml").read_text("utf-8"))
        (root / "partnerfw.yaml").write_text(settings, "utf-8")
        generate(root / "register", n)
        project = open_project(root)
        with GitHubStub(collaborators=logins) as stub:
            options = Options(stub.repository, stub.token, stub.url, apply=True, write_pause=0.0)
            print(f"{n} records; reminders run three times against the stub")
            for label, day in zip(
                ("first morning", "same day again", "a month later"), DAYS, strict=True
            ):
                before = len(stub.calls)
                started = time.perf_counter()
                outcome = run_reminders(project, options, day)
                seconds = time.perf_counter() - started
                calls = stub.calls[before:]
                counts = Counter(c.method for c in calls)
                writes = sum(v for k, v in counts.items() if k != "GET")
                shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
                print(
                    f"  {label} ({day}): {len(calls)} requests ({shown}) in {seconds:.2f} s; "
                    f"with GitHub's {WRITE_PAUSE_SECONDS:.0f} s between writes about "
                    f"{seconds + writes * WRITE_PAUSE_SECONDS:.0f} s; {outcome.lines[-1]}"
                )
            issues = len(stub.issues)
            still_open = len(stub.open_issues())
            print(f"  issues: {issues} opened in all, {still_open} open, none doubled")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
