"""``partnerfw report``'s workflow: check the register, build the paper, render it in the
format asked and write it to a file (atomically) or hand back the text to print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from partnerfw.errors import UserError
from partnerfw.files import write_atomic, write_atomic_bytes
from partnerfw.policy.project import Project
from partnerfw.reports import FORMATS, Options, build_paper
from partnerfw.reports.paper import Paper
from partnerfw.reports.render import render_csv, render_docx, render_html, render_md
from partnerfw.rules.engine import run_check


def render_as(paper: Paper, output: str, root: Path | None = None) -> str | bytes:
    """The paper as text (html, md, csv) or as a Word file's bytes (docx)."""
    if output == "docx":
        return render_docx(paper, root)
    if output == "html":
        return render_html(paper, root)
    if output == "md":
        return render_md(paper, root)
    if output == "csv":
        return render_csv(paper)
    raise UserError(f"--format '{output}' is not one of: {', '.join(FORMATS)}")


def produce(
    name: str,
    project: Project,
    as_of: dt.date,
    output: str,
    options: Options,
    out: Path | None = None,
    *,
    overwrite: bool = False,
    unreadable: list[str] | None = None,
) -> str | None:
    """The paper ``name`` as of the day, checked from the whole register. Written to ``out``
    when given (never over an existing file unless ``overwrite``) and None returned; else its
    text, to print. A Word file (docx) needs ``out``. The register's files that could not be
    read as records, so are not in the paper, are added to ``unreadable`` when given."""
    if output == "docx" and out is None:
        raise UserError(
            f"--format docx writes a Word file: give its name with --out, e.g. --out {name}.docx"
        )
    result = run_check(project, [project.register_dir], as_of)
    if unreadable is not None:
        read = {checked.record.file for checked in result.records}
        unreadable.extend(sorted(set(result.files) - read))
    content = render_as(build_paper(name, project, result, as_of, options), output, project.root)
    if out is None:
        assert isinstance(content, str)  # only docx is bytes, and it needs out
        return content
    if isinstance(content, bytes):
        write_atomic_bytes(out, content, overwrite=overwrite)
    else:
        write_atomic(out, content, overwrite=overwrite)
    return None
