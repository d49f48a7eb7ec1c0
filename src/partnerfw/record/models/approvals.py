"""The decisions on an arrangement: the statutory officers' opinions (``Opinions``), the
council's approvals by role (``Approval``), partner authorities' own decisions
(``PartnerDecision``), the facts as they stood when approved (``ApprovedFacts``, by
``DecisionMaker``) and a partnership's class as the council decided it
(``DecidedClassification``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from partnerfw.record.models.base import Model, Money, Text
from partnerfw.record.models.choices import Decision, Kind
from partnerfw.record.partial_dates import PartialDate


class Opinion(Model):
    name: Text = Field(description="Who gave the opinion.")
    date: dt.date = Field(description="When it was given.")
    opinion: str | None = Field(None, description="What they said, or a summary.")
    endorsed: bool = Field(True, description="False if they did not endorse the arrangement.")
    reference: str | None = Field(None, description="Where it is recorded.")


class Opinions(Model):
    """Statutory officers' opinions, sought and recorded before entering (2.11, 3.9)."""

    monitoring_officer: Opinion | None = Field(None, description="Monitoring Officer (or Deputy).")
    section_151_officer: Opinion | None = Field(None, description="Section 151 Officer.")


class Approval(Model):
    role: Text = Field(
        description="The role as the policy names it, e.g. leader, portfolio_holder."
    )
    name: Text = Field(description="Who holds that role and gave the decision.")
    date: dt.date = Field(description="Date of the decision.")
    decision: Decision = Field(
        Decision.APPROVED,
        description="approved, rejected, discussed (Management Team) or informed.",
    )
    reference: str | None = Field(
        None, description="Pull request, committee minute or decision notice, e.g. 'PR #12'."
    )


class PartnerDecision(Model):
    """A decision a partner authority took through its own body (its Cabinet, a committee, an
    officer under delegation), with its own reference. It is not a decision of this council:
    it needs no role in the policy and is not checked against the master lists."""

    authority: Text = Field(description="The partner that decided, as named under partners.")
    body: Text = Field(
        description="Its body or office that took the decision, e.g. 'Cabinet' or "
        "'Director of Environment (delegated)'."
    )
    date: dt.date = Field(description="Date of the decision.")
    decision: Decision = Field(
        Decision.APPROVED, description="approved, rejected, discussed or informed."
    )
    reference: str | None = Field(
        None, description="The partner's own minute or decision notice, e.g. 'CAB/2024/31'."
    )
    summary: str | None = Field(None, description="What was decided, in a sentence.")


class DecisionMaker(Model):
    """One of those who took the decision that approved facts belong to."""

    role: Text = Field(description="Their role as the policy names it, e.g. leader.")
    name: Text = Field(description="Who took the decision in that role.")


class ApprovedFacts(Model):
    """The material facts of the arrangement as they stood when it was approved, written by
    ``partnerfw approved-facts`` in the approval's pull request. They belong to one decision
    (its date, who took it and its reference) and cannot be rewritten for that decision:
    ``check`` says when the record has since moved past them (APR009), when they were edited
    after they were recorded (APR010) and when they do not match the record as it stood at
    the decision's commit in git (APR011)."""

    approved: dt.date = Field(description="Date of the decision these facts were approved at.")
    reference: str | None = Field(
        None, description="That decision's reference: a committee minute, decision notice or PR."
    )
    decided_by: list[DecisionMaker] = Field(
        default_factory=list,
        description="Who took the decision: each approval of that date, by role and name.",
    )
    kind: Kind = Field(description="The kind then.")
    classification: str = Field(description="The class then, e.g. 'significant' or 'other'.")
    council_resources: Money = Field(
        description="The council resources counted for significance then, in pounds."
    )
    partners: list[str] = Field(default_factory=list, description="The partners' names then.")
    end: PartialDate | None = Field(None, description="The end date then, if it had one.")
    indefinite: bool = Field(False, description="True when it had no end date then.")
    fingerprint: str | None = Field(
        None,
        description=(
            "Written by partnerfw approved-facts: a SHA-256 of the decision and the facts above, "
            "so that check notices when they are edited afterwards. Never edit it by hand."
        ),
    )


class DecidedClassification(Model):
    """The class the council itself decided for a partnership, where it may differ from what
    the policy's significance test gives (Framework 1.9: the council categorises its
    partnerships). ``check`` (CLS011) reports a disagreement with both reasons; the register,
    reports and site show the decided class."""

    classification: str = Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=40,
        description="The class as the council decided it: one of the policy's classes of "
        "partnership (significant or other, or the council's own, e.g. major).",
    )
    decided_by: Text = Field(description="Who decided, e.g. 'Cabinet' or 'Management Team'.")
    date: dt.date = Field(description="Date of the decision.")
    reference: Text = Field(description="The decision's reference: minute or decision notice.")
    reason: str | None = Field(None, description="Why, in the decision's words.")
