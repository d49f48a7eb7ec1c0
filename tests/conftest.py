"""Shared test helpers: build a register repository on disk and run the CLI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_REGISTER = REPO / "register"
TODAY = "2026-11-23"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def example_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled register repository in a temp dir, made the working directory."""
    shutil.copytree(EXAMPLE_REGISTER, tmp_path / "register")
    shutil.copy(REPO / "partnerfw.yaml", tmp_path / "partnerfw.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build_file_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


# Property-based tests explore new examples on every developer's run; in CI (CI=true) they
# replay a fixed sequence, so a submission's result does not depend on the draw.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _check_cache_of_the_session(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check cache in a folder of the test session's, never the user's cache folder."""
    monkeypatch.setenv("PARTNERFW_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
