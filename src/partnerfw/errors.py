"""Conditions the user must fix. The CLI prints these plainly and exits 2; anything else is
a bug: one line saying how to report it, or the whole traceback with ``partnerfw --debug``."""


class UserError(Exception):
    """A problem with the command or its inputs that stops it running at all."""


class NoRegisterError(UserError):
    """No record files where the command was told to look."""
