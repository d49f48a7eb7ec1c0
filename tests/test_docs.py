"""Every command explains itself (--help) and is mentioned in the README.

Help text and a README mention are required of every command registered on the app; an
example (a line of a code block starting with 'partnerfw NAME' or '$ partnerfw NAME') of the
commands in DOCUMENTED, which is every command.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
DOCUMENTED = [
    "check",
    "classify",
    "rules",
    "report",
    "trail",
    "codeowners",
    "approved-facts",
    "build",
    "import",
    "export",
    "new",
    "fmt",
    "schema",
]


def _commands() -> dict[str, object]:
    found = {}
    for command in app.registered_commands:
        name = command.name or (
            command.callback.__name__.replace("_", "-") if command.callback else ""
        )
        found[name] = command
    return found


def test_the_documented_commands_exist() -> None:
    assert set(DOCUMENTED) <= set(_commands())


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help_text(runner: CliRunner, name: str) -> None:
    result = runner.invoke(app, [name, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert f"Usage: partnerfw {name}" in " ".join(usage.split()) or name in usage
    description = rest.strip().split("\n\n")[0]
    assert len(description.split()) >= 4, f"'{name}' has no help text: {result.stdout}"
    main_help = runner.invoke(app, ["--help"], catch_exceptions=False).stdout
    assert re.search(rf"\b{re.escape(name)}\b", main_help)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_is_mentioned_in_the_readme(name: str) -> None:
    readme = README.read_text(encoding="utf-8")
    assert re.search(rf"`partnerfw {re.escape(name)}\b", readme), (
        f"README.md does not mention 'partnerfw {name}'"
    )


@pytest.mark.parametrize("name", DOCUMENTED)
def test_documented_commands_have_a_readme_example(name: str) -> None:
    readme = README.read_text(encoding="utf-8")
    assert re.search(rf"^\s*(\$ )?partnerfw {re.escape(name)}\b", readme, re.MULTILINE), (
        f"README.md has no example of 'partnerfw {name}'"
    )


def _section(readme: str, heading: str) -> str:
    assert readme.count(f"\n{heading}\n") == 1, f"'{heading}' must be documented in one place"
    start = readme.index(f"\n{heading}\n") + len(heading) + 2
    end = readme.find("\n#", start)
    return readme[start:end]


def test_the_output_formats_of_check_are_documented_in_one_place() -> None:
    from partnerfw.render.formats import RENDERERS

    readme = README.read_text(encoding="utf-8")
    table = _section(readme, "#### Output formats")
    documented = re.findall(r"^\| `([a-z]+)` \|", table, re.MULTILINE)
    assert documented == list(RENDERERS)
    assert f"`--format {'|'.join(RENDERERS)}`" in readme
    for name in RENDERERS:
        if name != "text":
            assert re.search(rf"^#### .*\b{name}\b", readme, re.MULTILINE | re.IGNORECASE), name


def test_the_exit_codes_are_documented_in_one_place() -> None:
    from partnerfw.cli.app import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK

    table = _section(README.read_text(encoding="utf-8"), "#### Exit codes")
    codes = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert codes == [EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN, EXIT_INTERRUPTED]
