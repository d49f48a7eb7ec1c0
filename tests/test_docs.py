"""The documentation: every command explains itself (--help) and is documented, the site
builds strictly, its figures are current, and README.md stays a short front page.

Help text and a mention in the documentation pages (docs/*.md, written by hand) are required
of every command registered on the app; an example (a line of a code block starting with
'partnerfw NAME' or '$ partnerfw NAME', in a page or a console example it includes) of the
commands in DOCUMENTED, which is every command. The pages quote figures of the bundled register
only through docs/generated/, which docs/figures.py writes (`make docs-figures`).
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw import __version__
from partnerfw.cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
DOCS = REPO / "docs"
GENERATED = DOCS / "generated"
REGENERATE = "make docs-figures (or: python docs/figures.py)"
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
BENCHMARK_FIGURES = "benchmarks/figures.md"
"""Written by the benchmarks (benchmarks/figures.py), not by docs/figures.py."""
SNIPPET = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)


def _commands() -> dict[str, object]:
    found = {}
    for command in app.registered_commands:
        name = command.name or (
            command.callback.__name__.replace("_", "-") if command.callback else ""
        )
        found[name] = command
    return found


def _pages() -> dict[str, str]:
    """The documentation pages as written by hand, by file name."""
    return {page.name: page.read_text("utf-8") for page in sorted(DOCS.glob("*.md"))}


def _written() -> str:
    return "\n".join(_pages().values())


def _expanded(text: str) -> str:
    """A page with the generated files it includes put in (not the command reference, nor the
    changelog)."""

    def include(match: re.Match[str]) -> str:
        name = match[1]
        if name in ("cli-help.md", "CHANGELOG.md", BENCHMARK_FIGURES):
            return ""
        return (GENERATED / name).read_text("utf-8")

    return SNIPPET.sub(include, text)


def _mkdocs() -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        """mkdocs.yml names a Python function by tag (the Mermaid fence): read it as None."""

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)
    data = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=Loader)
    assert isinstance(data, dict)
    return data


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    assert isinstance(nav, dict)
    return [page for value in nav.values() for page in _nav_pages(value)]


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
def test_every_command_is_mentioned_in_the_docs(name: str) -> None:
    assert re.search(rf"`partnerfw {re.escape(name)}\b", _written()), (
        f"no page of docs/ mentions 'partnerfw {name}'"
    )


@pytest.mark.parametrize("name", DOCUMENTED)
def test_documented_commands_have_an_example_in_the_docs(name: str) -> None:
    docs = _expanded(_written())
    assert re.search(rf"^\s*(\$ )?partnerfw {re.escape(name)}\b", docs, re.MULTILINE), (
        f"docs/ has no example of 'partnerfw {name}'"
    )


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_is_in_the_command_reference(name: str) -> None:
    reference = (GENERATED / "cli-help.md").read_text("utf-8")
    assert f"## `partnerfw {name}`\n\n```text\nUsage: partnerfw {name} " in reference, (
        f"docs/generated/cli-help.md has no 'partnerfw {name}': run {REGENERATE}"
    )


def _section(docs: str, heading: str) -> str:
    assert docs.count(f"\n{heading}\n") == 1, f"'{heading}' must be documented in one place"
    start = docs.index(f"\n{heading}\n") + len(heading) + 2
    end = docs.find("\n#", start)
    return docs[start:end]


def test_the_output_formats_of_check_are_documented_in_one_place() -> None:
    from partnerfw.render.formats import RENDERERS

    docs = _written()
    table = _section(docs, "## Output formats")
    documented = re.findall(r"^\| `([a-z]+)` \|", table, re.MULTILINE)
    assert documented == list(RENDERERS)
    assert f"`--format {'|'.join(RENDERERS)}`" in docs
    for name in RENDERERS:
        if name != "text":
            assert re.search(rf"^#+ .*\b{name}\b", docs, re.MULTILINE | re.IGNORECASE), name


def test_the_exit_codes_are_documented_in_one_place() -> None:
    from partnerfw.cli.app import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK

    table = _section(_written(), "## Exit codes")
    codes = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert codes == [EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN, EXIT_INTERRUPTED]


def test_the_readme_is_a_short_front_page_with_the_quick_start_first() -> None:
    text = README.read_text("utf-8")
    assert len(text.encode("utf-8")) < 12_000, "README.md is a front page: move detail to docs/"
    first_screen = "\n".join(text.splitlines()[:40])
    assert "make demo   #" in first_screen and "make test   #" in first_screen
    assert "`make test` is\nthe project's test command" in text  # .ci/run calls `make test`
    assert "make test" in (REPO / ".ci" / "run").read_text("utf-8")


def test_the_readme_links_every_documentation_page() -> None:
    config = _mkdocs()
    root = config["site_url"]
    readme = README.read_text("utf-8")
    linked = set(re.findall(rf"\]\({re.escape(root)}([a-z-]*)/?\)", readme))
    pages = {Path(page).stem for page in _nav_pages(config["nav"])} - {"index", "changelog"}
    assert linked == pages | {""}, "README.md's documentation links and mkdocs.yml's nav differ"
    assert set(_pages()) == set(_nav_pages(config["nav"])), "a page is missing from the nav"


def test_pages_pin_this_version() -> None:
    docs = _written()
    assert f"pipx install partnerfw=={__version__}" in docs
    assert set(re.findall(r"partnerfw==([0-9][^\s\"`]*)", docs)) == {__version__}
    assert set(re.findall(r"rev: v([0-9][^\s`]*)", docs)) == {__version__}
    assert set(re.findall(r"partnerfw@v([0-9][^\s\"`]*)", docs)) == {__version__}


FIGURES = [
    r"\b\d[\d,]* (?:arrangements?|arrangement\(s\)|errors?|warnings?|notes|pages|rules|files)\b",
    r"\(\d+-\d+\): ",  # a numbered question's prompt, such as 'Kind (1-6): '
]


@pytest.mark.parametrize("page", ["README.md", *sorted(_pages())])
def test_no_figure_of_the_bundled_register_is_typed_by_hand(page: str) -> None:
    text = (REPO / page if page == "README.md" else DOCS / page).read_text("utf-8")
    typed = [m[0] for pattern in FIGURES for m in re.finditer(pattern, text)]
    assert typed == [], f"{page} types figures by hand: add them to docs/figures.py"


def test_every_included_file_is_generated_and_every_generated_file_included() -> None:
    included = {name for text in _pages().values() for name in SNIPPET.findall(text)}
    generated = {p.name for p in GENERATED.iterdir()}
    assert included - {"CHANGELOG.md", BENCHMARK_FIGURES} == generated


def test_the_generated_pages_are_current(tmp_path: Path) -> None:
    """docs/generated/ is what docs/figures.py writes today: the command reference and every
    figure of the bundled register the pages quote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    done = subprocess.run(
        [sys.executable, str(DOCS / "figures.py"), "--out", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    fresh = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in GENERATED.iterdir())
    _, differ, missing = filecmp.cmpfiles(tmp_path, GENERATED, fresh, shallow=False)
    stale = sorted({*differ, *missing, *(set(committed) - set(fresh))})
    assert stale == [], f"docs/generated/ is out of date ({', '.join(stale)}): run {REGENERATE}"


def test_the_documentation_builds_strictly(tmp_path: Path) -> None:
    """mkdocs build --strict: every page in the nav, every link and anchor resolves, every
    included file exists."""
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "cli" / "index.html").is_file()
    built = (tmp_path / "getting-started" / "index.html").read_text("utf-8")
    assert "--8&lt;--" not in built and "the bundled register of the fictional" in built


def _workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _lines(job: dict[str, Any]) -> list[str]:
    return [x.strip() for s in job["steps"] if "run" in s for x in s["run"].splitlines()]


def test_ci_builds_the_docs_on_pull_requests_and_main_publishes_them() -> None:
    build = "mkdocs build --strict --site-dir site-docs"
    ci = _workflow("ci.yml")
    assert "pull_request" in ci[True]  # YAML 1.1 reads a bare `on` as true
    assert build in _lines(ci["jobs"]["docs"])
    publish = _workflow("publish.yml")
    assert publish[True] == {
        "push": {"branches": ["main"]},
        "schedule": [{"cron": "30 5 * * *"}],  # every morning: the site never goes stale
        "workflow_dispatch": None,
    }
    assert build in _lines(publish["jobs"]["docs"])
    upload = publish["jobs"]["docs"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"] == {"name": "docs", "path": "site-docs"}
    assert publish["jobs"]["build"]["needs"] == "docs"
    (download,) = [
        s for s in publish["jobs"]["build"]["steps"] if "download-artifact" in s.get("uses", "")
    ]
    assert download["with"] == {"name": "docs", "path": "site/docs"}
    assert _mkdocs()["site_url"].endswith("/docs/")
