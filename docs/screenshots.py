"""Regenerate the documentation's screenshots of the published site, at 1280 and 390 px.

    python docs/screenshots.py [--out FOLDER]      (make screenshots)

Builds the bundled register's site as of 23 November 2026 into a temporary folder, serves it
on 127.0.0.1 and photographs its pages in headless Chromium (Debian's /usr/bin/chromium, or
PARTNERFW_CHROMIUM) with Playwright: the register and its search on a desktop and on a phone,
an arrangement's page, and the annual report's chart on a phone. The pictures go to
docs/screenshots/ (or --out), where docs/site.md shows them. Run it after changing the site's
templates or style; tests/test_screenshots.py runs it into a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 23)
CHROMIUM = Path(os.environ.get("PARTNERFW_CHROMIUM", "/usr/bin/chromium"))
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file, the page, the viewport, what to type in the search box and
    which element to scroll to the top first."""

    name: str
    path: str
    viewport: dict[str, int]
    search: str = ""
    scroll_to: str | None = None


SHOTS = (
    Shot("index.png", "index.html", DESKTOP, scroll_to="#find"),
    Shot("search.png", "index.html", DESKTOP, "food bank", "#find"),
    Shot("arrangement.png", "arrangements/community-safety-partnership.html", DESKTOP),
    Shot("index-phone.png", "index.html", PHONE, scroll_to="#register-caption"),
    Shot("search-phone.png", "index.html", PHONE, "food bank", "#filter-q"),
    Shot(
        "arrangement-phone.png",
        "arrangements/community-safety-partnership.html",
        PHONE,
        scroll_to="#overview",
    ),
    Shot("chart-phone.png", "reports/annual.html", PHONE, scroll_to="figure"),
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def served_site() -> Iterator[str]:
    """The bundled register's site, built into a temporary folder and served on 127.0.0.1."""
    from partnerfw.policy.project import open_project
    from partnerfw.publish.build import build_site

    with tempfile.TemporaryDirectory(prefix="partnerfw-screenshots-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "register", root / "register")
        shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
        project = open_project(root)
        build_site(project, [project.register_dir], root / "site", TODAY)
        handler = functools.partial(_Quiet, directory=str(root / "site"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()


def take(out: Path, chromium: Path = CHROMIUM) -> list[Path]:
    """Every screenshot of ``SHOTS``, written into ``out``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served_site() as url, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"]
        )
        for shot in SHOTS:
            context = browser.new_context(viewport=shot.viewport, device_scale_factor=1)
            page = context.new_page()
            page.goto(url + shot.path)
            if shot.search:
                page.fill("#filter-q", shot.search)
            if shot.scroll_to:
                page.eval_on_selector(shot.scroll_to, "e => e.scrollIntoView()")
            target = out / shot.name
            page.screenshot(path=str(target))
            written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is not installed: run `make browser`", file=sys.stderr)
        return 2
    for path in take(args.out):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
