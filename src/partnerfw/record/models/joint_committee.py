"""A joint committee of several authorities that governs an arrangement (Local
Government Act 1972 ss101(5), 102): each authority's seats and members, the quorum and how the
chair is chosen (Framework 4.3(b), 4.3(d)).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from partnerfw.record.models.base import Model, Text


class JointCommitteeSeats(Model):
    """One authority's places on a joint committee."""

    authority: Text = Field(description="The authority, e.g. 'Kent County Council'.")
    seats: int = Field(ge=1, description="How many members it appoints.")
    voting: bool = Field(True, description="False when its members attend without a vote.")
    this_council: bool = Field(
        False,
        description="True for this council's own places: their names are checked against the "
        "councillors list.",
    )
    members: list[str] = Field(
        default_factory=list, description="The members it has appointed, by name."
    )

    @model_validator(mode="after")
    def _not_over_seats(self) -> JointCommitteeSeats:
        if len(self.members) > self.seats:
            raise ValueError(
                f"{self.authority} has {self.seats} seat(s) but {len(self.members)} members "
                "are named: correct seats or the members"
            )
        return self


class JointCommittee(Model):
    """A joint committee of several authorities (Local Government Act 1972 ss101(5), 102): its
    membership, quorum and chair arrangements (Framework 4.3(b), 4.3(d))."""

    name: Text = Field(description="The committee's name, e.g. 'Mid Kent Joint Waste Committee'.")
    legal_basis: str | None = Field(
        None, description="Usually 'Local Government Act 1972 ss101(5) and 102'."
    )
    administering_authority: str | None = Field(
        None, description="The authority that clerks the committee and publishes its papers."
    )
    membership: list[JointCommitteeSeats] = Field(
        min_length=1, description="Each authority's seats and members."
    )
    quorum: int | None = Field(
        None, ge=1, description="How many voting members must be present to make a decision."
    )
    quorum_note: str | None = Field(
        None,
        description="Any further quorum rule, e.g. 'including members from three authorities'.",
    )
    chair: str | None = Field(
        None,
        description="How the chair is chosen, e.g. 'elected annually; rotates between the "
        "authorities'.",
    )
    vice_chair: str | None = Field(None, description="How the vice-chair is chosen.")
    meetings: str | None = Field(None, description="How often it meets, e.g. 'quarterly'.")

    @model_validator(mode="after")
    def _quorum_possible(self) -> JointCommittee:
        voting = sum(s.seats for s in self.membership if s.voting)
        if self.quorum is not None and self.quorum > voting:
            raise ValueError(
                f"the quorum of {self.quorum} is more than the {voting} voting seats: "
                "the committee could never decide anything; correct quorum or membership"
            )
        return self
