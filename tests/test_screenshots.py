"""docs/screenshots.py, which regenerates the documentation's screenshots of the site at 1280
and 390 px, runs (into a temporary folder) and gives every picture the documentation shows.
The pictures themselves are not compared: a change of style is meant to change them."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_site_browser import require_browser

pytestmark = pytest.mark.browser

SCRIPT = REPO / "docs" / "screenshots.py"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_screenshot_script_writes_every_picture_the_docs_show(tmp_path: Path) -> None:
    require_browser()
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(tmp_path / "shots")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.name for p in (tmp_path / "shots").glob("*.png"))
    assert len(written) == 7
    assert done.stdout.count(f"wrote {tmp_path / 'shots'}") == 7
    widths = {name: _png_size(tmp_path / "shots" / name)[0] for name in written}
    assert {w for n, w in widths.items() if n.endswith("-phone.png")} == {390}
    assert {w for n, w in widths.items() if not n.endswith("-phone.png")} == {1280}
    docs = (REPO / "docs" / "site.md").read_text("utf-8")
    for name in written:
        assert f"screenshots/{name}" in docs, f"docs/site.md does not show {name}"
        assert (REPO / "docs" / "screenshots" / name).is_file(), f"run make screenshots: {name}"
