"""The ``partnerfw`` application: its options shared by every command, and the helpers commands
use to fail, print and read dates. The commands are in the sibling modules, one per family.

Exit codes (docs/output.md: 'Exit codes'): 0 no errors; 1 errors found (or warnings with --strict);
2 the command could not run (bad options, no register, unreadable input).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from partnerfw.errors import UserError

if TYPE_CHECKING:
    from partnerfw.policy.project import Project

EXIT_OK, EXIT_FINDINGS, EXIT_CANNOT_RUN = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it


class _Commands(TyperGroup):
    """The one error handler every command runs inside: a problem the user must fix (a
    ``UserError``) is printed as 'partnerfw: <what to do>' on stderr and exits 2, whichever
    command raised it. Anything else is a bug, reported by ``main``."""

    def invoke(self, ctx: Any) -> Any:  # ctx: typer's click Context (vendored in newer typer)
        try:
            return super().invoke(ctx)
        except UserError as exc:
            _fail(str(exc))

    def list_commands(self, ctx: Any) -> list[str]:
        """The commands in the order an officer meets them, whatever module defines them."""
        known = [name for name in _HELP_ORDER if name in self.commands]
        return known + [name for name in self.commands if name not in known]


_HELP_ORDER = (
    "init",
    "new",
    "check",
    "fmt",
    "classify",
    "rules",
    "report",
    "build",
    "export",
    "import",
    "trail",
    "approved-facts",
    "codeowners",
    "schema",
)

_debug = False
"""Set by ``partnerfw --debug``: an internal error then shows its whole traceback."""

app = typer.Typer(
    cls=_Commands,
    name="partnerfw",
    help="Run the council's partnerships and shared services register as YAML files in git.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="The register repository's partnerfw.yaml (default: found in this folder or above).",
        dir_okay=False,
    ),
]
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today",
        help="Judge dates as of this day, e.g. 2026-11-23 or 23/11/2026 (default: today).",
        metavar="DATE",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and check every record afresh, neither using nor updating the check cache "
        "(kept in the user's cache folder, or PARTNERFW_CACHE_DIR).",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output: text, json, github (annotations, and a summary of every finding in "
        "$GITHUB_STEP_SUMMARY) or sarif (code scanning).",
        metavar="FORMAT",
    ),
]


def _show_version(value: bool) -> None:
    if value:
        from partnerfw import __version__  # partnerfw's root: cheap, kept beside its one use

        sys.stdout.write(f"partnerfw {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show partnerfw's version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help="Show the whole traceback of an internal error, to report it "
            "(partnerfw --debug COMMAND ...).",
        ),
    ] = False,
) -> None:
    """Run the council's partnerships and shared services register as YAML files in git."""
    global _debug
    _debug = debug


def _fail(message: str) -> NoReturn:
    # rich is loaded only when there is something to print: it costs --help its start-up.
    from rich.console import Console
    from rich.markup import escape

    Console(stderr=True, highlight=False).print(
        f"[bold red]partnerfw:[/bold red] {escape(message)}", markup=True, soft_wrap=True
    )
    raise typer.Exit(EXIT_CANNOT_RUN)


def _today(value: str | None, option: str = "--today") -> dt.date:
    """The day a command judges as of: the date option ``option`` (--today, --as-of), read by
    the one date parser (2026-11-23, 23/11/2026, 23 November 2026), or today when not given.
    A value that is not a day fails, naming the option and the forms it takes."""
    if value is None:
        return dt.date.today()
    # imported here for start-up speed: the date parser's module loads pydantic
    from partnerfw.record.partial_dates import DAY_FORMS, parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        _fail(f"{option} {exc}; write the day as {DAY_FORMS}")


def _project(config: Path | None) -> Project:
    # The policy and its models load only for a command that reads the register (start-up).
    from partnerfw.policy.project import open_project

    if config is not None and not config.is_file():
        _fail(f"--config {config}: no such file")
    return open_project(Path.cwd(), config)


def _settled_project(config: Path | None) -> Project:
    """The project, for commands that write from the policy: it must be valid."""
    project = _project(config)
    if project.problems:
        first = project.problems[0]
        _fail(
            f"{first.file}:{first.line}: {first.message}; fix the settings first "
            "('partnerfw check' lists every problem)"
        )
    return project


def _paths(project: Project, paths: list[Path] | None) -> list[Path]:
    return list(paths) if paths else [project.register_dir]


def _print(text: str, markup: bool = False) -> None:
    if not markup:
        sys.stdout.write(text + "\n")
        return
    from rich.console import Console  # only for markup, which plain output never needs

    Console(highlight=False, soft_wrap=True).print(text)


def _choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        _fail(f"{option} '{value}' is not one of: {', '.join(allowed)}")
    return value


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def main() -> None:
    """Entry point. Problems the user must fix exit 2 with a plain message (``_Commands``);
    any other exception is a bug: one line saying how to report it, or with ``--debug`` the
    whole traceback."""
    try:
        app(standalone_mode=True)
    except UserError as exc:  # raised outside a command, e.g. by an option's callback
        sys.stderr.write(f"partnerfw: {exc}\n")
        sys.exit(EXIT_CANNOT_RUN)
    except Exception as exc:
        if _debug:
            raise
        again = " ".join(["partnerfw", "--debug", *sys.argv[1:]])
        sys.stderr.write(
            f"partnerfw: internal error: {exc!r}; this is a bug in partnerfw: rerun as "
            f"'{again}' and report the traceback at the project's issue tracker\n"
        )
        sys.exit(EXIT_CANNOT_RUN)
