"""`partnerfw --help` is answered from cli/help.txt without loading typer: the stored text is
the application's own help, and the command prints it with its own name; anything else (and
`--help` on a narrow terminal) goes through the application."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import REPO

STORED = REPO / "src" / "partnerfw" / "cli" / "help.txt"
SCRIPT = Path(sys.executable).parent / "partnerfw"


def _run(*args: str, columns: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    return subprocess.run(
        [*args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_the_stored_help_is_the_applications_help() -> None:
    made = CliRunner().invoke(app, ["--help"], prog_name="{prog}", terminal_width=80)
    assert made.exit_code == 0
    assert STORED.read_text("utf-8") == made.stdout, "cli/help.txt is stale: make docs-figures"


def test_help_is_printed_without_loading_typer() -> None:
    probe = (
        "import sys\nsys.argv = ['partnerfw', '--help']\nfrom partnerfw.entry import main\n"
        "main()\nassert 'typer' not in sys.modules and 'pydantic' not in sys.modules\n"
    )
    done = _run(sys.executable, "-c", probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: partnerfw [OPTIONS] COMMAND [ARGS]...")
    assert "check " in done.stdout and "build " in done.stdout


def test_the_command_and_the_module_name_themselves() -> None:
    as_module = _run(sys.executable, "-m", "partnerfw", "--help")
    assert as_module.returncode == 0
    assert as_module.stdout.startswith("Usage: python -m partnerfw [OPTIONS]")
    if SCRIPT.exists():
        script = _run(str(SCRIPT), "--help")
        assert script.stdout.startswith("Usage: partnerfw [OPTIONS]")


def test_a_narrow_terminal_and_other_commands_go_through_the_application() -> None:
    narrow = _run(sys.executable, "-m", "partnerfw", "--help", columns="60")
    assert narrow.returncode == 0 and narrow.stdout != STORED.read_text("utf-8")
    assert "Usage: python -m partnerfw" in narrow.stdout
    version = _run(sys.executable, "-m", "partnerfw", "--version")
    assert version.returncode == 0 and version.stdout.strip()
    unknown = _run(sys.executable, "-m", "partnerfw", "--help", "--no-such-option")
    assert unknown.returncode == 2
