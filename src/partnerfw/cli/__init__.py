"""The command line: parse options, call the core, print, choose the exit code. Nothing else.

``app.py`` holds the application and what every command shares; each command family is a module
(``checking``, ``records``, ``repository``, ``papers``, ``publishing``, ``reminding``,
``spreadsheet``).
Importing this package registers every command. Imports inside command functions are deliberate:
they keep ``partnerfw --help`` fast by loading a command's machinery only when it runs.

Exit codes (docs: 'Exit codes'): 0 no errors; 1 errors found (or warnings with --strict);
2 the command could not run (bad options, no register, unreadable input).
"""

from partnerfw.cli import (  # noqa: F401  (imported to register their commands)
    checking,
    papers,
    publishing,
    records,
    reminding,
    repository,
    spreadsheet,
)
from partnerfw.cli.app import app, main

__all__ = ["app", "main"]
