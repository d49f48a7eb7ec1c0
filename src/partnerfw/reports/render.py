"""Renderers of a :class:`Paper`: HTML and Markdown through Jinja templates
(``templates/reports/``), DOCX through python-docx on the council's Word template
(``docx_paper``), CSV through the csv module."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from partnerfw.reports.common import date_text
from partnerfw.reports.docx_paper import render_docx
from partnerfw.reports.paper import Paper
from partnerfw.templating import environment
from partnerfw.views.open_data import safe_cell
from partnerfw.views.pages import BuildStamp

__all__ = ["markdown_text", "render_csv", "render_docx", "render_html", "render_md"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^([#+=-](?=\s|$)|\d+[.)](?=\s|$))")


def report_environment(root: Path | None):  # type: ignore[no-untyped-def]
    """The environment the papers' templates are written for; one can render many papers."""
    # Jinja loads only when a paper is rendered (start-up speed).

    env = environment(root)
    # The report templates are written for these whitespace settings (set before any load).
    env.trim_blocks = env.lstrip_blocks = env.keep_trailing_newline = True
    env.filters["md"] = markdown_text
    env.filters["date_text"] = date_text
    return env


def markdown_text(value: object) -> Markup:
    """Text safe in Markdown (and in the HTML Markdown becomes): punctuation that Markdown or
    HTML would act on is backslash-escaped; line breaks become spaces."""
    text = " ".join(str(value).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:  # '8.1' or '-20' is a number; '1. ' or '- ' would start a list
        text = text[: match.end(1) - 1] + "\\" + text[match.end(1) - 1 :]
    return Markup(text)


def render_html(
    paper: Paper,
    root: Path | None = None,
    site_nav: bool = False,
    built: BuildStamp | None = None,
    env: Any = None,
) -> str:
    """The paper as an HTML page; with ``site_nav``, as a page of the published site (in its
    ``reports/`` folder), with links back to the register and the list of reports, and in its
    footer when and from which commit the site was built (``built``). ``env`` is a
    ``report_environment`` of ``root`` to render several papers with (templates compiled once)."""
    env = env or report_environment(root)
    template = env.get_template(f"reports/{paper.name}.html.j2")
    return str(template.render(paper=paper, site_nav=site_nav, built=built))


def render_md(paper: Paper, root: Path | None = None) -> str:
    env = report_environment(root)
    return str(env.get_template(f"reports/{paper.name}.md.j2").render(paper=paper))


def render_csv(paper: Paper) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in paper.data.columns])
    for row in paper.data.rows:
        writer.writerow([safe_cell(c) for c in row])
    return buffer.getvalue()
