"""How a governance or agreement item is named: its label and the framework paragraph it cites.

The governance rules list missing items this way, and the governance paper prints the same
words: 'terms of reference (4.3(a))'.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

_PARAGRAPH = re.compile(r"\(([^()]*)\)\.?$")


def paragraph(model: type[BaseModel], item: str) -> str:
    """The framework paragraph a governance or agreement item cites, from its description."""
    description = model.model_fields[item].description or ""
    found = _PARAGRAPH.search(description)
    return found.group(1) if found else ""


def label(item: str) -> str:
    """'terms_of_reference' -> 'terms of reference'."""
    return item.replace("_", " ")
