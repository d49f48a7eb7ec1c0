"""Generate a register of N varied, valid records from the bundled examples."""

from __future__ import annotations

import re
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "register"


def generate(out_dir: Path, n: int) -> list[Path]:
    """Write ``n`` records to ``out_dir/register`` (ids made unique, amounts varied)."""
    sources = sorted(EXAMPLES.glob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    register = out_dir / "register"
    register.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        text = texts[i % len(texts)]
        original = re.search(r"^id: (\S+)$", text, re.M)
        assert original is not None
        new_id = f"{original.group(1)}-{i:05d}"
        varied = text.replace(f"id: {original.group(1)}", f"id: {new_id}", 1)
        varied = re.sub(r"^(  dedicated_budget: )(\d+)$",
                        lambda m: f"{m.group(1)}{int(m.group(2)) + (i * 37) % 20000}", varied,
                        flags=re.M)
        path = register / f"{new_id}.yaml"
        path.write_text(varied, encoding="utf-8")
        written.append(path)
    (out_dir / "partnerfw.yaml").write_text(
        "council:\n  name: Benchmark Borough Council\nedition: revised\n", encoding="utf-8"
    )
    return written


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
