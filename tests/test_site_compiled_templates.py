"""`partnerfw build` keeps its compiled templates between builds, never at the cost of a
template's change being missed, and not at all with --no-cache."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.rules.cache import CACHE_ENV
from partnerfw.templating import CACHE_ENV as TEMPLATES_CACHE_ENV
from partnerfw.templating import templates_dir
from tests.conftest import TODAY


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # two builds, one footer
    return folder


def _build(runner: CliRunner, *args: str) -> None:
    result = runner.invoke(app, ["build", "--today", TODAY, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _site(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from here on."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        compiled.append(name or "")
        return original(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def test_the_check_cache_and_the_templates_share_one_folder_setting() -> None:
    assert TEMPLATES_CACHE_ENV == CACHE_ENV


def test_a_rebuild_compiles_no_template_and_gives_the_same_site(
    example_repo: Path, runner: CliRunner, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(runner, "--out", "first")
    assert list((cache / "templates").rglob("*.cache")), "the compiled templates are kept"

    compiled = _compiles(monkeypatch)
    _build(runner, "--out", "second")
    assert compiled == []
    assert _site(example_repo / "second") == _site(example_repo / "first")


def test_a_changed_template_is_used_at_once(
    example_repo: Path, runner: CliRunner, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = example_repo / "templates" / "site" / "reports.html"
    own.parent.mkdir(parents=True)
    shipped = (templates_dir() / "site" / "reports.html").read_text("utf-8")
    own.write_text(shipped.replace("</h1>", "</h1>\n<p>First wording.</p>", 1), "utf-8")
    _build(runner, "--out", "site")
    assert "First wording." in (example_repo / "site" / "reports.html").read_text("utf-8")

    own.write_text(shipped.replace("</h1>", "</h1>\n<p>Second wording.</p>", 1), "utf-8")
    compiled = _compiles(monkeypatch)
    _build(runner, "--out", "site")
    page = (example_repo / "site" / "reports.html").read_text("utf-8")
    assert "Second wording." in page and "First wording." not in page
    assert compiled == ["site/reports.html"]


def test_no_cache_keeps_no_compiled_template(
    example_repo: Path, runner: CliRunner, cache: Path
) -> None:
    _build(runner, "--out", "site", "--no-cache")
    assert not (cache / "templates").exists()


def test_a_cache_folder_that_cannot_be_made_only_means_compiling_again(
    example_repo: Path, runner: CliRunner, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(runner, "--out", "good")
    blocker = example_repo / "not-a-folder"
    blocker.write_text("a file where the cache folder would be\n", "utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    _build(runner, "--out", "site")
    assert _site(example_repo / "site") == _site(example_repo / "good")
