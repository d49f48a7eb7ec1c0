"""Words for people: counts with the right plural, and long lists cut short."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 arrangement', '2 arrangements'; ``words`` for an irregular plural ('2 bodies')."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


SHOWN = 5
"""How many items of a long list are named before the rest are counted."""


def listed(items: list[str], verbose: bool = False, shown: int = SHOWN) -> str:
    """'a, b, c': all of them when there are few or ``verbose``; else the first ``shown`` and
    'and 138 more (--verbose lists them all)'."""
    if verbose or len(items) <= shown + 1:
        return ", ".join(items)
    rest = len(items) - shown
    return f"{', '.join(items[:shown])} and {rest} more (--verbose lists them all)"
