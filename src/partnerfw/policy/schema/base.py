"""The base of every part of a policy and of ``partnerfw.yaml`` (``PolicyModel``: unknown
keys refused, frozen once read), and the built-in editions' names (``EDITIONS``, the default
``DEFAULT_EDITION``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

EDITIONS = ("revised", "earlier")
DEFAULT_EDITION = "revised"


class PolicyModel(BaseModel):
    """A part of a policy or of partnerfw.yaml: unknown keys are refused, and once read it
    cannot be changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)
