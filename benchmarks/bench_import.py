"""Time `partnerfw import` on a large messy sheet (CSV and XLSX), and the cost of ftfy and
python-slugify within it.

    python benchmarks/bench_import.py [--cells-only] [N ...]   (default: 2000 rows)

The sheet repeats the rows of tests/fixtures/make_misfiling_register.py (names with a name
and a title, formulas, kinds in words, mojibake, ø ß Ł Æ) with a place and a number added to
each name. To compare with another checkout, run this script with PYTHONPATH pointing at that
checkout's src/ (the sheet is the same; only the partnerfw that imports it differs).
Prints a small table; the figures go in the closing note and the README, not in a test.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fixtures.make_misfiling_register import HEADINGS, ROWS  # noqa: E402

PLACES = ("Northbank", "Eastfield", "Westmoor", "Southgate", "Hillcrest", "Old Town")


def lines(n: int) -> list[list[str]]:
    out = [HEADINGS]
    for index in range(n):
        row = dict(ROWS[index % len(ROWS)])
        row["Partnership name"] += f" {PLACES[index % len(PLACES)]} {index}"
        out.append([row.get(h, "") for h in HEADINGS])
    return out


def write_sheets(folder: Path, n: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    table = lines(n)
    csv_path = folder / "register.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(table)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Register")
    for line in table:
        sheet.append([cell or None for cell in line])
    xlsx_path = folder / "register.xlsx"
    book.save(xlsx_path)
    return csv_path, xlsx_path


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        env=os.environ.copy(),
    )
    return time.perf_counter() - start


def library_cost(n: int) -> str:
    """Seconds spent in ftfy (encoding repair of every cell) and slugify (an id per name)."""
    from partnerfw.spreadsheet.cells import repair_encoding

    try:
        from partnerfw.record.ids import slug
    except ImportError:  # an older partnerfw: its hand-written slug and mojibake table
        from partnerfw.spreadsheet.cells import slug  # type: ignore[attr-defined,no-redef]
    table = lines(n)[1:]
    texts = [cell for line in table for cell in line if cell]
    start = time.perf_counter()
    for text in texts:
        repair_encoding(text)
    repair = time.perf_counter() - start
    start = time.perf_counter()
    for line in table:
        slug(line[0])
    ids = time.perf_counter() - start
    return f"repair_encoding of {len(texts)} cells {repair:.2f} s, slug of {n} names {ids:.2f} s"


def main(sizes: list[int], cells_only: bool = False) -> None:
    python = [sys.executable, "-m", "partnerfw"]
    for n in sizes:
        if cells_only:
            print(f"{n:>6} rows: {library_cost(n)}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "register").mkdir()
            (root / "partnerfw.yaml").write_text("council:\n  name: Benchmark Council\n", "utf-8")
            csv_path, xlsx_path = write_sheets(root, n)
            for sheet in (csv_path, xlsx_path):
                preview = min(timed([*python, "import", sheet.name], root) for _ in range(3))
                write = timed([*python, "import", sheet.name, "--write"], root)
                for path in (root / "register").glob("*.yaml"):
                    path.unlink()
                print(
                    f"{n:>6} rows {sheet.suffix[1:]:<4}: preview {preview:.2f} s (best of 3), "
                    f"--write {write:.2f} s"
                )
        print(f"{n:>6} rows: {library_cost(n)}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--cells-only"]
    main([int(a) for a in args] or [2000], cells_only="--cells-only" in sys.argv)
