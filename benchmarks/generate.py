"""Write a register of N varied, valid records made from the bundled examples.

    python benchmarks/generate.py OUT_DIR N

Each record is one of the bundled examples (``register/*.yaml``) with a new id and name and
its money scaled by a repeatable pseudo-random factor, so classes vary across the threshold.
Self-contained: it needs only PyYAML and partnerfw's record model (to prove each is valid).
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from partnerfw.record.models import Arrangement

EXAMPLES = Path(__file__).resolve().parents[1] / "register"
PLACES = (
    "Northbank",
    "Eastfield",
    "Westmoor",
    "Southgate",
    "Riverside",
    "Hillcrest",
    "Old Town",
    "Marshside",
    "Kingsmead",
    "Abbey Ward",
)
_MONEY_KEYS = ("dedicated_budget", "staff_cost", "in_kind_value", "contribution", "overall_budget")


def _examples() -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]


def _scale(node: Any, factor: Decimal) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                _money(v, factor)
                if k in _MONEY_KEYS and isinstance(v, int | float)
                else _scale(v, factor)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_scale(v, factor) for v in node]
    return node


def _money(value: float, factor: Decimal) -> int:
    return int(Decimal(str(value)) * factor)


def make_record(example: dict[str, Any], index: int) -> dict[str, Any]:
    rng = random.Random(index)
    factor = Decimal(rng.choice(("0.25", "0.5", "0.8", "1", "1.2", "1.5", "2", "3")))
    record = _scale(example, factor)
    place = PLACES[index % len(PLACES)]
    record["id"] = f"{example['id']}-{index:05d}"
    record["name"] = f"{example['name']} ({place} {index})"
    return record


def generate(out_dir: Path, n: int) -> list[Path]:
    """Write ``n`` valid record files into ``out_dir`` (created if needed); return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    examples = _examples()
    written = []
    for index in range(n):
        record = make_record(examples[index % len(examples)], index)
        Arrangement.model_validate(record)  # every generated record is valid
        path = out_dir / f"{record['id']}.yaml"
        path.write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100), "utf-8"
        )
        written.append(path)
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].isdigit():
        sys.exit("usage: python benchmarks/generate.py OUT_DIR N")
    files = generate(Path(sys.argv[1]), int(sys.argv[2]))
    print(f"wrote {len(files)} records into {sys.argv[1]}")
