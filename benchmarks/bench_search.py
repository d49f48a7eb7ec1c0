"""Measure the site's search: the index's size, the build time it adds, and how fast a search
answers in the browser, for the bundled register and a generated one of N records.

    python benchmarks/bench_search.py [N]          (N defaults to 1,000)

For each register: the site is built in-process; the CPU time to make the index from the pages'
view data (``views.search.search_index`` and writing it as a script) is taken separately, as
is the size of ``assets/search-index.js`` (and gzipped, as a web server sends it). Then the
site is served on 127.0.0.1 and Debian's Chromium (or PARTNERFW_CHROMIUM) opens the index
page: the time to load it, and for each query the median time of the matcher alone and of a
whole search as the reader sees it once the typing pauses (match, hide, order and note the
rows, announce the count, and the layout that follows).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from partnerfw.policy.project import open_project
from partnerfw.publish.build import build_site
from partnerfw.rules.engine import run_check
from partnerfw.views import search
from partnerfw.views.search import search_index, search_index_script
from partnerfw.views.site import build_site_view

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 23)
CHROMIUM = Path(os.environ.get("PARTNERFW_CHROMIUM", "/usr/bin/chromium"))
QUERIES = ("food bank", "partnership", "community safety", "kent", "zzqx", "the council")
REPEATS = 25

SEARCH_TIMES = """([queries, repeats]) => {
  const form = document.querySelector('form[data-filter]');
  const box = form.elements.q;
  const searcher = PartnerfwSearch.searcher(window.PARTNERFW_SEARCH_INDEX);
  const median = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return queries.map(q => {
    const matcher = [], whole = [];
    for (let i = 0; i < repeats; i += 1) {
      let t = performance.now();
      const found = searcher.find(q);
      matcher.push(performance.now() - t);
      box.value = '';
      form.dispatchEvent(new Event('change'));
      box.value = q;
      t = performance.now();
      form.dispatchEvent(new Event('change'));
      document.body.offsetHeight;  // the layout the reader waits for
      whole.push(performance.now() - t);
      if (i === 0) { matcher.found = Object.keys(found).length; }
    }
    return {query: q, found: matcher.found, matcher: median(matcher), whole: median(whole)};
  });
}"""


def _register(root: Path, n: int | None) -> None:
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    if n is None:
        shutil.copytree(REPO / "register", root / "register")
    else:
        generate(root / "register", n)


def _index_cost(root: Path) -> tuple[float, int, int, int]:
    """(CPU seconds to make and write out the index, bytes, gzipped bytes, records), as the
    first time (the words of each text are remembered, so a second time would flatter it)."""
    project = open_project(root)
    view = build_site_view(run_check(project, [project.register_dir], TODAY), project, TODAY)
    search._stems.cache_clear()  # the build above made the index once already
    started = time.process_time()
    script = search_index_script(search_index(view.pages)).encode("utf-8")
    seconds = time.process_time() - started
    return seconds, len(script), len(gzip.compress(script)), len(view.pages)


def _browser(site: Path) -> tuple[float, list[dict[str, Any]]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            loads = []
            for _ in range(3):
                page.goto(url)
                loads.append(
                    page.evaluate(
                        "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                    )
                )
            results = page.evaluate(SEARCH_TIMES, [list(QUERIES), REPEATS])
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return statistics.median(loads), results


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def measure(n: int | None) -> None:
    with tempfile.TemporaryDirectory(prefix="partnerfw-search-bench-") as tmp:
        root = Path(tmp)
        _register(root, n)
        seconds, size, zipped, records = _index_cost(root)
        project = open_project(root)
        started = time.process_time()
        build_site(project, [project.register_dir], root / "site", TODAY)
        build = time.process_time() - started
        what = "the bundled register" if n is None else f"{n} generated records"
        print(
            f"{what}: {records} arrangements; search-index.js {size / 1024:.1f} KiB "
            f"({zipped / 1024:.1f} KiB gzipped), made in {seconds * 1000:.0f} ms "
            f"of a build of {build:.2f} s (CPU time)"
        )
        if not CHROMIUM.exists():
            print(f"  {CHROMIUM} is not installed: no browser timings")
            return
        load, results = _browser(root / "site")
        print(f"  index.html loads (DOMContentLoaded) in {load:.0f} ms")
        for r in results:
            print(
                f"  {r['query']!r:20} finds {r['found']:4}: matcher {r['matcher']:.2f} ms, "
                f"whole search {r['whole']:.1f} ms (median of {REPEATS})"
            )


def main(n: int = 1000) -> int:
    measure(None)
    measure(n)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    sys.exit(main(int(numbers[0]) if numbers else 1000))
