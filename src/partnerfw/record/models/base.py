"""The base every part of a record builds on, and the field types the parts share.

``Model`` forbids unknown keys, so a misspelt field is reported rather than silently ignored,
and freezes a record once read. ``Money`` is an amount in pounds, ``Text`` a string that may
not be empty, ``Identifier`` a record id (lower case with hyphens) and ``WHEN`` says in field
descriptions how a partial date is written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=14, decimal_places=2, description="An amount in pounds, e.g. 12500"),
]
Text = Annotated[str, StringConstraints(min_length=1)]
Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
WHEN = "YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known"
"""How a partial date is written (partial_dates.PartialDate), for the field descriptions."""


class Model(BaseModel):
    """A part of a record: unknown keys are refused, and once read it cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)
