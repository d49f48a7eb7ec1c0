"""What the published register and open data may show beyond the public record
(``Publication``): whether lead officers' contact details are published.
"""

from __future__ import annotations

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class Publication(PolicyModel):
    publish_officer_contact_details: bool = Field(
        False, description="Publish lead officers' email and phone on the site and open data."
    )
