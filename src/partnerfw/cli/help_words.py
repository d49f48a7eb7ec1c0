"""Help in plain words: what each option and argument takes ('FILE', 'FOLDER', 'DATE', 'KIND')
instead of the Python types typer would show ('<list[Path]>', '<str>'), and the exit codes at
the foot of every command's help. Applied to each command as the application looks it up
(``app._Commands``), so a new command needs nothing more than its options."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, get_args, get_origin

EXIT_CODES = (
    "Exit codes: 0 done, no errors; 1 errors found (warnings too with --strict), or with "
    "--check something out of date; 2 the command could not run (a bad option, no register, "
    "unreadable input); 130 interrupted with Ctrl-C."
)


def plain_help(command: Any) -> Any:
    """``command`` (typer's) with a plain metavar for every option and argument that takes a
    value, and the exit codes after its help (once)."""
    for param in command.params:
        if getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        if param.metavar is None:
            param.metavar = _metavar(param)
        if param.param_type_name == "argument":
            # typer adds '<list[Path]>' after an argument's name: the metavar says it already.
            setattr(param, "display_type_rich", _no_type)  # noqa: B010 (the instance's own)
    if command.epilog is None and not hasattr(command, "commands"):
        command.epilog = EXIT_CODES
    return command


def _no_type(ctx: Any) -> str:
    return ""


def _metavar(param: Any) -> str:
    """FILE, FOLDER or FILE_OR_FOLDER for a path; NUMBER for a number; else the parameter's
    own last word in capitals (--council-name: NAME, --kind: KIND)."""
    annotation = param.type_descriptor.annotation
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, PurePath):
        return {"file": "FILE", "dir": "FOLDER"}.get(
            param.type_descriptor.path_type, "FILE_OR_FOLDER"
        )
    if annotation in (int, float):
        return "NUMBER"
    if param.param_type_name == "option" and param.opts:
        words = str(max(param.opts, key=len)).lstrip("-").split("-")
        # the last word names the value ('--council-name NAME'), unless it is too short to
        # ('--appointed-by APPOINTED_BY')
        return ("_".join(words) if len(words[-1]) < 3 else words[-1]).upper()
    return str(param.name or "value").upper()
