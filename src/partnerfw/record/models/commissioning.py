"""The terms of a commissioning arrangement (Framework 1.14), in which the council is
paid to deliver a service for another organisation: who pays whom, the fee and the service.
"""

from __future__ import annotations

from pydantic import Field

from partnerfw.record.models.base import Model, Money
from partnerfw.record.models.choices import Payment


class CommissioningTerms(Model):
    """A commissioning arrangement (1.14): the council is paid to deliver a service on behalf
    of another organisation."""

    payment: Payment | None = Field(
        None,
        description="the_council_is_paid (a commissioning arrangement, 1.14) or "
        "the_council_pays (then it is not commissioning: a contract or a partnership).",
    )
    paid_by: str | None = Field(
        None, description="The organisation that pays the council for the service."
    )
    fee: Money | None = Field(None, description="What the council is paid, pounds a year.")
    service: str | None = Field(None, description="The service the council delivers for them.")
