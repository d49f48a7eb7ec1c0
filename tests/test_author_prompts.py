"""Nothing written for a report's author is ever published (issue 19).

The site showed "[Further recommendations to be added by the report author.]" on three report
pages. Author prompts now live only in internal papers (``--include-confidential``): the site
is built from two councils' registers and every file under it is searched for every prompt the
code can produce, and for anything shaped like one.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.reports import FORMATS, REPORTS
from partnerfw.reports.sections import AUTHOR_ADDS, AUTHOR_PROMPTS, is_author_prompt
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

PAPERS = REPO / "src" / "partnerfw" / "reports"
"""The code that writes the papers, the only place a prompt is made."""
SHAPE = re.compile(
    r"\[[^\]\n]{0,200}\b(report author|the author|to be (added|completed|confirmed))\b"
    r"[^\]\n]{0,200}\]",
    re.IGNORECASE,
)
"""Any bracketed text addressed to an author, whatever its words."""


def prompts_in_the_code() -> set[str]:
    """Every author prompt the code can produce: the declared ones and every string in the
    papers' code or in the templates that is shaped like one."""
    found = set(AUTHOR_PROMPTS)
    for path in sorted(PAPERS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.strip()
                if text and "\n" not in text and (is_author_prompt(text) or SHAPE.search(text)):
                    found.add(text)
    for path in sorted((REPO / "templates").rglob("*.j2")):
        found.update(m.group(0) for m in SHAPE.finditer(path.read_text("utf-8")))
    return found


def test_the_prompts_are_found_in_the_code() -> None:
    """The search below is only as good as this list: it must hold the known prompt."""
    found = prompts_in_the_code()
    assert AUTHOR_ADDS in found
    assert all(len(prompt) > 10 for prompt in found)


def _texts(root: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data.startswith(b"PK"):
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                data = b"".join(book.read(name) for name in book.namelist())
        texts[path.relative_to(root).as_posix()] = data.decode("utf-8", "replace")
    return texts


def _prompts_in(texts: dict[str, str]) -> dict[str, list[str]]:
    prompts = prompts_in_the_code()
    found = {}
    for name, text in texts.items():
        hits = [p for p in prompts if p in text] + [m.group(0) for m in SHAPE.finditer(text)]
        if hits:
            found[name] = hits
    return found


@pytest.mark.parametrize("register", ["bundled", "governance_facts"])
def test_no_author_prompt_anywhere_under_the_built_site(
    register: str, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    if register == "bundled":
        shutil.copytree(EXAMPLE_REGISTER, tmp_path / "register")
        shutil.copy(REPO / "partnerfw.yaml", tmp_path / "partnerfw.yaml")
    else:
        shutil.copytree(REPO / "tests" / "fixtures" / register, tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code in (0, 1), result.output
    texts = _texts(tmp_path / "site")
    assert {f"reports/{name}.html" for name in REPORTS} <= set(texts)
    assert '<ol class="recommendations"><li>' in texts["reports/annual.html"]
    assert _prompts_in(texts) == {}


def _paper(runner: CliRunner, tmp_path: Path, name: str, output: str, *extra: str) -> str:
    args = ["report", name, "--as-of", TODAY, "--format", output, *extra]
    if output == "docx":
        out = tmp_path / f"{name}{len(extra)}.docx"
        result = runner.invoke(app, [*args, "--out", str(out), "--overwrite"])
        assert result.exit_code == 0, result.output
        return _texts(out.parent)[out.name]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("output", FORMATS)
def test_a_public_paper_has_no_prompt_and_an_internal_one_keeps_it(
    example_repo: Path, runner: CliRunner, output: str
) -> None:
    for name in ("annual", "scrutiny", "reclassification"):
        public = _paper(runner, example_repo, name, output)
        assert _prompts_in({name: public}) == {}, name
        if output == "csv":
            continue  # a paper's table only: no recommendations
        internal = _paper(runner, example_repo, name, output, "--include-confidential")
        assert AUTHOR_ADDS in internal.replace("\\", ""), name
