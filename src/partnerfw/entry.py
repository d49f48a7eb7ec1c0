"""The ``partnerfw`` command's entry point: ``partnerfw --help`` answered without loading typer.

Loading typer and every command's options takes longer than a person waits for ``--help``
(about 0.1 s of CPU before the first line), so the application's own help is written
beforehand into ``cli/help.txt`` (``make docs-figures``; tests/test_start_up.py fails when it
differs from what the application prints) and printed from there. Anything else, including
``--help`` on a terminal narrower than click's 80 columns, goes to ``partnerfw.cli``.
"""

from __future__ import annotations

import gc
import os
import sys

HELP_WIDTH = 80
"""click wraps help to the terminal's width up to 80 columns: help.txt is written at 80."""


def main(prog: str | None = None) -> None:
    """Run ``partnerfw`` (``python -m partnerfw`` gives its ``prog``)."""
    if sys.argv[1:] == ["--help"]:
        text = stored_help(prog or os.path.basename(sys.argv[0]))
        if text is not None:
            sys.stdout.write(text)
            return
    # partnerfw uses no pydantic plugins: looking for them reads every installed package's
    # metadata (about 0.04 s of every command).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A command makes many objects that live until it ends (its modules, the pydantic models,
    # the register): the cyclic collector runs less often than Python's default, and what the
    # modules made is set aside from its rounds, which otherwise take a fifth of start-up.
    gc.set_threshold(10_000, 50, 100)
    # typer and every command's options: loaded here, not for the `--help` answered above.
    from partnerfw.cli import main as run

    gc.freeze()

    try:
        run()
    except SystemExit as done:
        end(done.code)


def end(code: object) -> None:
    """End the process as Python's own exit would (exit handlers run, output flushed, the same
    exit status), without first freeing every object one by one: after a check of a large
    register that alone is a tenth of the command's time. Where another thread still runs,
    Python's own exit waits for it."""
    import atexit  # built in: no start-up cost
    import contextlib
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if any(t.is_alive() and not t.daemon for t in others):
        raise SystemExit(code)
    atexit._run_exitfuncs()
    status = 0
    if isinstance(code, int):
        status = code
    elif code is not None:
        sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # already reported by the command
            stream.flush()
    os._exit(status)


def stored_help(prog: str) -> str | None:
    """The application's ``--help`` as written beforehand, for a terminal (or none) at least
    HELP_WIDTH wide; None when it must be made afresh (a narrower terminal, no help.txt)."""
    if _columns() < HELP_WIDTH:
        return None
    # Beside partnerfw.cli, not through it (importing that package loads typer); os.path, not
    # pathlib, whose import alone is a tenth of this path's time.
    try:
        help_file = os.path.join(os.path.dirname(__file__), "cli", "help.txt")
        with open(help_file, encoding="utf-8") as stored:
            text = stored.read()
    except OSError:
        return None
    return text.replace("{prog}", prog)


def _columns() -> int:
    """The terminal's width as click finds it (``shutil.get_terminal_size``, whose import
    this spares): COLUMNS when set, else the terminal's, else 80."""
    try:
        given = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        given = 0
    if given > 0:
        return given
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or HELP_WIDTH  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return HELP_WIDTH
