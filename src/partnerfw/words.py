"""Words for people: counts with the right plural."""

from __future__ import annotations


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 arrangement', '2 arrangements'; ``words`` for an irregular plural ('2 bodies')."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
