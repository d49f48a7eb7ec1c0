"""The codebase stays in layers a newcomer can live in (docs/architecture.md): the import
contracts in pyproject.toml hold, no module or function grows past the agreed size, and every
sub-package says in its docstring where it sits in the flow."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "partnerfw"
MODULE_LINES = 500
FUNCTION_LINES = 80


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(SRC.parent).with_suffix("").as_posix().replace("/", ".")


def test_the_import_contracts_hold() -> None:
    """import-linter's contracts: the layers, independent rule modules that only the
    catalogue imports, and no import circles inside a package."""
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    run = subprocess.run(
        [lint_imports, "--no-cache"],
        cwd=SRC.parents[1],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_module_is_over_500_lines() -> None:
    long = {_name(p): n for p in _modules() if (n := len(p.read_text("utf-8").splitlines())) > 500}
    assert long == {}


def test_no_function_is_over_80_lines() -> None:
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = (node.end_lineno or node.lineno) - first + 1
                if length > FUNCTION_LINES:
                    long[f"{_name(path)}.{node.name}"] = length
    assert long == {}


@pytest.mark.parametrize(
    "package", sorted(p.parent for p in SRC.rglob("__init__.py")), ids=lambda p: p.name
)
def test_every_package_says_what_it_is(package: Path) -> None:
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text("utf-8")))
    if package.name == "editions":  # data: the built-in editions' YAML files
        return
    assert docstring and len(docstring.split()) >= 25, f"{package}: a paragraph, please"
