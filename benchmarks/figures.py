"""The benchmarks' figures, kept where the documentation quotes them.

Each benchmark script records its section (``record``): the figures go into
``benchmarks/figures.json`` (for tools) and the table ``benchmarks/figures.md``, which the
Development page of the documentation includes. A section is replaced whole on each run, with
the date, the machine's load and the commands that produced it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
from pathlib import Path

HERE = Path(__file__).resolve().parent
JSON = HERE / "figures.json"
MARKDOWN = HERE / "figures.md"
ORDER = ("goals", "check", "history", "build")


def record(section: str, title: str, rows: list[tuple[str, str]], commands: list[str]) -> None:
    """Replace ``section``: its ``rows`` (what, figure) and the ``commands`` measured."""
    known = json.loads(JSON.read_text("utf-8")) if JSON.is_file() else {}
    known[section] = {
        "title": title,
        "measured": dt.date.today().isoformat(),
        "machine": f"{os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at the end",
        "rows": [list(row) for row in rows],
        "commands": commands,
    }
    JSON.write_text(json.dumps(known, indent=2, ensure_ascii=False) + "\n", "utf-8")
    MARKDOWN.write_text(render(known), "utf-8")


def render(known: dict[str, dict[str, object]]) -> str:
    lines = ["<!-- written by the benchmarks (benchmarks/figures.py): do not edit -->", ""]
    for name in sorted(known, key=lambda n: (ORDER.index(n) if n in ORDER else 99, n)):
        section = known[name]
        lines += [
            f"**{section['title']}** (measured {section['measured']}; {section['machine']})",
            "",
        ]
        lines += ["| what | figure |", "| --- | --- |"]
        lines += [f"| {what} | {figure} |" for what, figure in section["rows"]]  # type: ignore[attr-defined]
        commands = section["commands"]
        lines += ["", "Measured with: " + ", ".join(f"`{c}`" for c in commands), ""]  # type: ignore[attr-defined]
    return "\n".join(lines)
