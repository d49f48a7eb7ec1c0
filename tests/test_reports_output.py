"""The report workflow behind `partnerfw report` (reports/output.py): the paper a file gets
is the paper the screen gets, a Word file needs a file name, and an existing file is kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from partnerfw.errors import UserError
from partnerfw.files import FileExistsRefusal
from partnerfw.policy.project import open_project
from partnerfw.reports import Options
from partnerfw.reports.output import produce
from tests.conftest import TODAY

WHEN = dt.date.fromisoformat(TODAY)


@pytest.mark.parametrize("output", ["html", "md", "csv"])
def test_the_file_holds_what_would_be_printed(example_repo: Path, output: str) -> None:
    project = open_project(example_repo)
    shown = produce("due", project, WHEN, output, Options())
    assert shown is not None and "Annual review" in shown
    target = example_repo / "papers" / f"due.{output}"
    assert produce("due", project, WHEN, output, Options(), target) is None
    assert target.read_bytes() == shown.encode("utf-8")  # CSV keeps its \r\n line ends


def test_a_word_paper_needs_a_file_and_keeps_an_existing_one(example_repo: Path) -> None:
    project = open_project(example_repo)
    with pytest.raises(UserError, match=r"--out governance\.docx"):
        produce("governance", project, WHEN, "docx", Options())
    target = example_repo / "governance.docx"
    assert produce("governance", project, WHEN, "docx", Options(), target) is None
    assert target.read_bytes().startswith(b"PK")  # a Word file is a zip
    target.write_bytes(b"the author's own edits")
    with pytest.raises(FileExistsRefusal):
        produce("governance", project, WHEN, "docx", Options(), target)
    assert target.read_bytes() == b"the author's own edits"
    produce("governance", project, WHEN, "docx", Options(), target, overwrite=True)
    assert target.read_bytes().startswith(b"PK")


def test_an_unknown_format_is_refused(example_repo: Path) -> None:
    with pytest.raises(UserError, match="--format 'pdf' is not one of: html, md, docx, csv"):
        produce("due", open_project(example_repo), WHEN, "pdf", Options())
