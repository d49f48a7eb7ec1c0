"""`partnerfw build` and the browser editor: admin/ on the site when the register has
admin/config.yml, with Decap CMS's bundle from node_modules (no CDN), a page for it that says
what to do without JavaScript, and a clear warning when the npm package is not installed."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

CMS = "\ncms:\n  repo: thamesbridge/partnerships-register\n"
BUNDLE = {
    "decap-cms.js": b"/* the editor */",
    "2598.decap-cms.js": b"/* a chunk it loads */",
    "2598.decap-cms.js.map": b"{}",
    "cms.js": b"/* the same editor again */",
    "cms.js.map": b"{}",
    "f728dc876b39e5273411.wasm": b"\0asm",
    "decap-cms.js.LICENSE.txt": b"MIT",
}


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(EXAMPLE_REGISTER, tmp_path / "register")
    settings = (REPO / "partnerfw.yaml").read_text("utf-8")
    settings = settings.replace("name: Thamesbridge Borough Council", "name: Thames & <Bridge>")
    (tmp_path / "partnerfw.yaml").write_text(settings.replace("\npolicy:", CMS + "\npolicy:"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _bundle(root: Path) -> None:
    dist = root / "node_modules/decap-cms/dist"
    dist.mkdir(parents=True)
    for name, content in BUNDLE.items():
        (dist / name).write_bytes(content)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.noscript: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.inside = self.inside or tag == "noscript"

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "noscript"

    def handle_data(self, data: str) -> None:
        if self.inside and data.strip():
            self.noscript.append(" ".join(data.split()))


def test_build_publishes_the_editor_from_node_modules(register: Path, runner: CliRunner) -> None:
    _bundle(register)
    assert runner.invoke(app, ["cms"]).exit_code == 0
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert "The browser editor is at site/admin/" in result.stdout
    admin = register / "site/admin"
    assert sorted(p.name for p in admin.iterdir()) == sorted(
        [
            "index.html",
            "config.yml",
            "decap-cms.js",
            "2598.decap-cms.js",
            "f728dc876b39e5273411.wasm",
            "decap-cms.js.LICENSE.txt",
        ]
    )
    assert (admin / "config.yml").read_bytes() == (register / "admin/config.yml").read_bytes()
    page = _Page()
    html = (admin / "index.html").read_text("utf-8")
    page.feed(html)
    tags = dict(page.tags)
    assert tags["html"]["lang"] == "en-GB"
    assert tags["link"] == {"href": "config.yml", "type": "text/yaml", "rel": "cms-config-url"}
    assert tags["script"] == {"src": "decap-cms.js"}  # this site's copy, never a CDN
    assert (
        "<title>Edit the register - Thames &amp; &lt;Bridge&gt; partnerships register</title>"
        in html
    )
    assert page.noscript[0] == "Edit the register of partnerships and shared services"
    assert "The register's editor needs JavaScript" in " ".join(page.noscript)
    links = [attrs["href"] for tag, attrs in page.tags if tag == "a"]
    assert links == ["https://github.com/thamesbridge/partnerships-register", "../index.html"]


def test_without_the_npm_package_the_site_is_built_without_the_editor(
    register: Path, runner: CliRunner
) -> None:
    assert runner.invoke(app, ["cms"]).exit_code == 0
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert (
        "warning: admin/config.yml is here, but the browser editor's code is not installed "
        "(run 'npm ci'" in result.stdout
    )
    assert not (register / "site/admin").exists()
    assert (register / "site/index.html").is_file()


def test_a_register_without_the_editor_has_no_admin(register: Path, runner: CliRunner) -> None:
    _bundle(register)  # installed, but not configured: nothing to publish
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert not (register / "site/admin").exists()
    assert "browser editor" not in result.stdout
