"""Compare the likely-duplicates search of this checkout with another's (say main's, before a
change to make it faster), on a register: the same pairs, scores and texts, in the same order.

    python benchmarks/compare_duplicates.py OTHER_SRC ROOT [--new N]

OTHER_SRC is the other checkout's ``src`` folder; ROOT a register repository (one written by
``generate.py``). Each search runs in its own process (with one hash seed, so that both see
sets in one order) over the same candidates (``--new N``: the first N as new rows, the rest as
the register, as `import` compares them; by default all of them, as `check` does). Prints the
CPU time of each and the first difference; exits 1 when they differ.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SEARCH = """
import json, sys, time
from partnerfw.judge.duplicates import Candidate, likely_duplicates
raw = json.load(open(sys.argv[1]))
pool = [Candidate(label, name, tuple(aliases), group, current)
        for label, name, aliases, group, current in raw]
new = int(sys.argv[2])
start = time.process_time()
found = likely_duplicates(pool[:new], pool[new:])
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "pairs": [
    [p.first.label, p.second.label, p.score, p.expanded] for p in found]}))
"""

DUMP = """
import json, sys
from pathlib import Path
import yaml
from partnerfw.judge.duplicates import candidates
from partnerfw.record.loading import load
root = Path(sys.argv[1])
settings = yaml.safe_load((root / "partnerfw.yaml").read_text("utf-8")) or {}
records = load([root / settings.get("register", "register")], root).records
print(json.dumps([[c.label, c.name, list(c.aliases), c.group, c.current]
                  for c in candidates(records)]))
"""


def run(code: str, src: Path | None, *args: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def main() -> int:
    args = sys.argv[1:]
    new = None
    if "--new" in args:
        new = int(args.pop(args.index("--new") + 1))
        args.remove("--new")
    if len(args) != 2:
        sys.exit(__doc__)
    other, root = Path(args[0]).resolve(), Path(args[1])
    with tempfile.TemporaryDirectory(prefix="partnerfw-compare-") as tmp:
        pool = Path(tmp) / "candidates.json"
        pool.write_text(run(DUMP, None, str(root)), "utf-8")
        count = str(new if new is not None else len(json.loads(pool.read_text("utf-8"))))
        theirs = json.loads(run(SEARCH, other, str(pool), count))
        ours = json.loads(run(SEARCH, None, str(pool), count))
    print(f"{other}: {len(theirs['pairs'])} pairs in {theirs['seconds']:.3f} s CPU")
    print(f"this checkout: {len(ours['pairs'])} pairs in {ours['seconds']:.3f} s CPU")
    if ours["pairs"] == theirs["pairs"]:
        print("the same pairs, scores and texts, in the same order")
        return 0
    for index, (a, b) in enumerate(zip(theirs["pairs"], ours["pairs"], strict=False)):
        if a != b:
            print(f"first difference at pair {index}:\n  theirs {a}\n  ours   {b}")
            break
    else:
        print("one list is the other's beginning")
    return 1


if __name__ == "__main__":
    sys.exit(main())
