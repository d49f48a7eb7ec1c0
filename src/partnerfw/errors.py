"""Conditions the user must fix. The CLI prints these plainly and exits 2; anything else is
a bug and shows a traceback only with ``--debug``."""


class UserError(Exception):
    """A problem with the command or its inputs that stops it running at all."""


class NoRegisterError(UserError):
    """No record files where the command was told to look."""
