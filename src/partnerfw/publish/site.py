"""The register website: render every page to a string, then write them in a separate step.

``render_site`` returns ``{relative path: text or bytes}`` and does no I/O beyond reading
templates and the logo; ``write_site`` replaces the output folder's contents with it. Output
is deterministic (sorted, dated by the injected ``today``), so a rebuild diffs cleanly.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from partnerfw.errors import UserError
from partnerfw.files import CannotWrite, UnreadableFile, os_error_message, read_limited
from partnerfw.views.open_data import columns, csv_text, datapackage_text, json_text
from partnerfw.views.pages import Row, SiteView
from partnerfw.views.search import search_index_script

if TYPE_CHECKING:
    from jinja2 import Environment

MARKER = ".partnerfw-site"
"""Written into every built site, so a rebuild knows the folder is its own to replace."""
ASSETS = ("style.css", "register.js", "search.js")
_LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
LOGO_BYTES = 2_000_000
"""A logo is loaded on every page: a larger file is refused (a council logo is a few KB)."""
_SMALLER = "save a smaller version (a logo is usually a few kilobytes)"

Files = dict[str, str | bytes]


def _root(path: str) -> str:
    """The relative way back to the site's root from a page at ``path``."""
    return "../" * path.count("/")


def page_jobs(view: SiteView) -> Iterator[tuple[str, str, dict[str, object]]]:
    """Each HTML page to render: (path, template, context)."""
    for listing in view.listings:
        yield listing.path, "site/index.html", {"listing": listing}
    for page in view.pages:
        yield page.row.href, "site/arrangement.html", {"page": page}
    yield "open-data.html", "site/open-data.html", {"columns": columns(view.classes)}
    yield "reports.html", "site/reports.html", {}
    yield "accessibility.html", "site/accessibility.html", {}


def render_site(
    view: SiteView,
    env: Environment,
    logo: bytes | None = None,
    progress: Callable[[int], None] | None = None,
    reports: dict[str, str] | None = None,
) -> Files:
    """Every file of the site, rendered in memory; ``reports`` are the committee reports'
    pages (``reports.build_reports``), listed on ``reports.html``."""
    files: Files = dict(reports or {})
    row_macro = env.get_template("site/_row.html").module.register_row  # type: ignore[attr-defined]
    rows: dict[tuple[str, str], str] = {}

    for path, template_name, context in page_jobs(view):
        root = _root(path)

        def rendered_row(row: Row, root: str = root) -> str:
            """A table row is rendered once per folder depth, then reused by every listing."""
            key = (root, row.id)
            if key not in rows:
                rows[key] = row_macro(row, root)
            return rows[key]

        template = env.get_template(template_name)
        files[path] = template.render(
            site=view, root=root, path=path, rendered_row=rendered_row, **context
        )
        if progress is not None:
            progress(1)
    for asset in ASSETS:
        files[f"assets/{asset}"] = env.get_template(f"site/assets/{asset}").render(site=view)
    files["assets/search-index.js"] = search_index_script(view.search_index)
    if view.theme.logo and logo is not None:
        files[f"assets/{view.theme.logo}"] = logo
    files["register.csv"] = csv_text(view.open_data).encode("utf-8-sig")
    files["register.json"] = json_text(
        view.open_data,
        view.theme.council,
        view.today.isoformat(),
        view.licence,
        view.site_url,
        view.classes,
    )
    files["datapackage.json"] = datapackage_text(
        view.theme.council, view.today.isoformat(), view.licence, view.site_url, view.classes
    )
    files[MARKER] = "Built by partnerfw build; the whole folder is replaced on each build.\n"
    return dict(sorted(files.items()))


def page_count(view: SiteView) -> int:
    return len(view.listings) + len(view.pages) + 3


def read_logo(root: Path, logo: str | None) -> bytes | None:
    """The council's logo (``theme.logo``, a path from the register repository's root)."""
    if not logo:
        return None
    if Path(logo).suffix.lower() not in _LOGO_TYPES:
        raise UserError(
            f"partnerfw.yaml: theme.logo '{logo}' must be an image file ({', '.join(_LOGO_TYPES)})"
        )
    try:  # published on every page: never a file a link brings from outside the repository
        return read_limited(root / logo, LOGO_BYTES, within=root, whole_path=True, too_big=_SMALLER)
    except UnreadableFile as exc:
        raise UserError(
            f"partnerfw.yaml: theme.logo '{logo}' {exc.reason}; give the path of an image file "
            "in the register repository, from its root"
        ) from None


def write_site(out: Path, files: Files) -> None:
    """Replace ``out`` with ``files``; refuse a non-empty folder that partnerfw did not build."""
    if out.is_symlink():
        raise UserError(f"--out {out} is a symbolic link; give the folder itself for the site")
    if out.exists():
        if not out.is_dir():
            raise UserError(f"--out {out} is a file; give a folder for the site")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise UserError(
                f"--out {out} is not empty and was not built by partnerfw; "
                "choose a new folder or empty this one first"
            )
        shutil.rmtree(out)
    # The marker first: a build stopped part-way (a full disk) leaves a folder the next build
    # still recognises as its own to replace.
    made: set[Path] = set()  # each folder made once, not asked for again for every page
    for name in sorted(files, key=lambda name: name != MARKER):
        path = out / name
        try:
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            content = files[name]
            with open(path, "wb") as file:  # text as UTF-8, its newlines as they are
                file.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        except OSError as exc:
            raise CannotWrite(
                os_error_message(exc, path) + f" (the site in {out}/ is incomplete)"
            ) from None
