"""Text that XML 1.0 can hold, for the formats built on it (Excel workbooks, Word papers).

A record may hold characters that YAML accepts when escaped ("\\e", "\\0", "\\uFFFE") but that
XML 1.0 forbids: the C0 control characters other than tab, line feed and carriage return,
U+FFFE, U+FFFF and unpaired surrogates. openpyxl and python-docx refuse them outright, so one
such character would stop the whole export or paper. Each is shown instead as U+FFFD, the
replacement character '\ufffd', so that the reader sees that something was there: nothing is
dropped silently, and the CSV, JSON and Markdown outputs keep the original.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids shown as U+FFFD."""
    return _NOT_IN_XML.sub(REPLACEMENT, text)


def has_forbidden(text: str) -> bool:
    """Whether ``text`` holds a character XML 1.0 forbids."""
    return _NOT_IN_XML.search(text) is not None
