"""Time `partnerfw build` of a register with a long history against the same register with one
commit (goal: within 2x), and `partnerfw trail` of every record.

    python benchmarks/bench_history.py [N] [--runs R]

Writes N realistic records (``generate.py``) into two git repositories: one holding them in a
single commit, the other adding them one commit each (N commits, made with ``git fast-import``
so that making the history takes seconds), then times each command as a fresh process, R runs
(default 5), and prints medians and the ratio.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import record
from generate import generate_repository
from measure import PARTNERFW, Timing, environment, timed

GOAL = 2.0
TODAY = "2026-11-23"


def _fast_import(root: Path, files: list[Path], one_commit: bool) -> None:
    """A repository of ``root``'s files: in one commit, or one commit per record."""
    env = environment()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
    (root / ".gitignore").write_text("site/\n", "utf-8")
    settings = [root / ".gitignore", root / "partnerfw.yaml"]
    groups = [settings + files] if one_commit else [settings] + [[f] for f in files]
    stream = bytearray()
    for number, group in enumerate(groups, start=1):
        when = 1_700_000_000 + 3600 * number
        message = f"Add {group[-1].stem} (#{number})\n".encode()
        stream += b"commit refs/heads/main\n"
        stream += f"committer Bench <bench@example.org> {when} +0000\n".encode()
        stream += f"data {len(message)}\n".encode() + message
        for path in group:
            data = path.read_bytes()
            name = path.relative_to(root).as_posix()
            stream += f"M 100644 inline {name}\ndata {len(data)}\n".encode() + data + b"\n"
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=root, input=bytes(stream), env=env, check=True
    )
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=root, env=env, check=True)


def measure(n: int, runs: int) -> dict[str, Timing]:
    found = {}
    with tempfile.TemporaryDirectory(prefix="partnerfw-history-") as tmp:
        for label, one_commit in (("one commit", True), (f"{n} commits", False)):
            root = Path(tmp) / label.replace(" ", "-")
            files = generate_repository(root, n)
            _fast_import(root, files, one_commit)
            build = [*PARTNERFW, "build", "--out", "site", "--today", TODAY, "--no-cache"]
            found[f"build, {label}"] = timed(f"build, {label}", build, root, runs, environment())
            trail = [*PARTNERFW, "trail", "--format", "json"]
            found[f"trail, {label}"] = timed(f"trail, {label}", trail, root, runs, environment())
    return found


def main() -> int:
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        runs = int(args.pop(args.index("--runs") + 1))
        args.remove("--runs")
    n = int(args[0]) if args and args[0].isdigit() else 1000
    found = measure(n, runs)
    for timing in found.values():
        print(
            f"{timing.what:<28} median {timing.wall:6.2f} s wall, {timing.cpu:6.2f} s CPU, "
            f"{timing.rss_mb:5.0f} MB  ({timing.command})"
        )
    long, short = found[f"build, {n} commits"], found["build, one commit"]
    ratio = long.wall / short.wall
    verdict = "within" if ratio <= GOAL else "OVER"
    print(
        f"build with {n} commits / build with one commit: {ratio:.2f} wall, "
        f"{long.cpu / short.cpu:.2f} CPU ({verdict} {GOAL:.0f}x)"
    )
    rows = [
        (timing.what, f"{timing.wall:.2f} s ({timing.cpu:.2f} s CPU, {timing.rss_mb:.0f} MB)")
        for timing in found.values()
    ]
    rows.append(
        (
            f"build with {n:,} commits / with one commit",
            f"**{ratio:.2f}x** wall, {long.cpu / short.cpu:.2f}x CPU (goal {GOAL:.0f}x)",
        )
    )
    commands = sorted({t.command for t in found.values()})
    record("history", f"history, {n:,} generated records, medians of {runs} runs", rows, commands)
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
