"""The ``partnerfw`` application: its options shared by every command, and the helpers commands
use to fail, print and read dates. The commands are in the sibling modules, one per family.

Exit codes (docs/output.md: 'Exit codes'): 0 no errors; 1 errors found (or warnings with --strict);
2 the command could not run (bad options, no register, unreadable input).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from partnerfw.cli.help_words import plain_help
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
            _fail(_outside_a_register(exc) or str(exc))
        except OSError as exc:  # the file system refused: a full disk, a read-only folder
            if exc.errno == errno.EPIPE:
                raise  # the reader of the output went away: click ends quietly
            # Loaded only on this error path (start-up speed).
            from partnerfw.files import os_error_message

            # No file named: a write to stdout (> file on a full disk) is the usual cause.
            _fail(os_error_message(exc, None if exc.filename else "the output"))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command, with its help in plain words (``help_words``)."""
        command = super().get_command(ctx, cmd_name)
        return None if command is None else plain_help(command)

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
    "reminders",
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


VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="List everything, not the first few and a count."),
]
OverwriteOption = Annotated[
    bool, typer.Option("--overwrite", help="Replace the --out file if it exists.")
]
ForceOption = Annotated[
    bool, typer.Option("--force", hidden=True, help="The old name of --overwrite.")
]
"""Every command that replaces a file says --overwrite; --force is kept, hidden, for scripts
written before the two names were made one."""


def _overwriting(overwrite: bool, force: bool) -> bool:
    """--overwrite, or its old name --force (with a note to use the new one)."""
    if force:
        _warn("--force is now called --overwrite (as in every command); --force still works")
    return overwrite or force


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


NO_REGISTER_HERE = "no partnerfw.yaml here: run 'partnerfw init', or cd into your register"


def _outside_a_register(exc: UserError) -> str | None:
    """For a register not found where there is no partnerfw.yaml in this folder or above: what
    to do (start one, or go to it), before what was not found."""
    # errors and the project's finder are cheap: only reached when a command has failed.
    from partnerfw.errors import NoRegisterError
    from partnerfw.policy.project import find_root

    if not isinstance(exc, NoRegisterError) or find_root(Path.cwd()) is not None:
        return None
    return f"{NO_REGISTER_HERE} ({exc})"


def _fail(message: str) -> NoReturn:
    # rich is loaded only when there is something to print: it costs --help its start-up.
    from rich.markup import escape

    from partnerfw.render.terminal import echo

    echo(f"[bold red]partnerfw:[/bold red] {escape(message)}", markup=True, err=True)
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

    if config is not None and (not os.path.lexists(config) or config.is_dir()):
        _fail(f"--config {config}: no such file")  # (a pipe or a link: read, and reported)
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


def _print(text: str, markup: bool = False, wrap: bool = True) -> None:
    """Text for people: wrapped at the terminal's width with a hanging indent, coloured only
    on a terminal (``markup``: rich markup). ``wrap=False`` for output for tools (json)."""
    if not wrap:
        sys.stdout.write(text + "\n")
        return
    # rich is loaded only when there is something to print: it costs --help its start-up.
    from partnerfw.render.terminal import echo

    echo(text, markup=markup)


def _warn(message: str, prefix: bool = True) -> None:
    """A warning (or a note) on stderr, 'partnerfw: ...', wrapped like the rest."""
    # rich is loaded only when there is something to print: it costs --help its start-up.
    from partnerfw.render.terminal import echo

    echo(f"partnerfw: {message}" if prefix else message, err=True)


def _choose(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        _fail(f"{option} '{value}' is not one of: {', '.join(allowed)}")
    return value


def _relative(path: Path) -> str:
    """``path`` from the working folder, as named: a symbolic link is shown as itself, not as
    the file it leads to (and one that loops is no error)."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def main() -> None:
    """Entry point. Problems the user must fix exit 2 with a plain message (``_Commands``);
    any other exception is a bug: one line saying how to report it, or with ``--debug`` the
    whole traceback."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        _flush_output()
        raise
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


def _flush_output() -> None:
    """Write out what is still buffered for stdout, so that a full disk or a closed pipe is
    reported here, plainly, rather than by Python as it exits."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        # Nothing more can reach stdout: send what is left nowhere, so exiting cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if exc.errno == errno.EPIPE:
            sys.exit(EXIT_FINDINGS)  # the reader went away (e.g. '| head'), as click does
        from partnerfw.files import os_error_message  # only on this error path (start-up)

        sys.stderr.write(f"partnerfw: {os_error_message(exc, 'the output')}\n")
        sys.exit(EXIT_CANNOT_RUN)
