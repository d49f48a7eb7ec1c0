"""The Partnership Evaluation Form's other questions (Appendix 1), where a record can show the
answer: the evidence of need and consultation (Benefits analysis), the impact on other services
and value for money (Costs analysis), risks not covered by insurance (Risk analysis), and the
action on a negative equalities impact (Equalities Analysis; Appendix 2 5.1 for shared
services). Using the form is 'strongly recommended' (2.7), not required, and it 'does cover all
of the issues that need to be considered': an unanswered question is a warning, a negative
equalities impact with no action an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.stages import BEFORE_APPROVAL, EVALUATED
from partnerfw.record.models import Kind
from partnerfw.rules.base import Context, Hit, blank, rule

_PARTNERSHIP = [Kind.PARTNERSHIP]


def _evaluated(ctx: Context) -> bool:
    requirements = ctx.policy.requirements.get(ctx.arrangement.kind)
    return requirements is not None and requirements.evaluation


def _ask(ctx: Context, field: str, question: str) -> Iterator[Hit]:
    if _evaluated(ctx) and blank(getattr(ctx.arrangement.evaluation, field)):
        yield Hit(f"{question} under evaluation.{field}", ("evaluation",))


@rule(
    "EVA011",
    "evaluation",
    "Evidence of need and consultation",
    Severity.WARNING,
    "Appendix 1 (Benefits analysis)",
    kinds=_PARTNERSHIP,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def evidence_of_need(ctx: Context) -> Iterator[Hit]:
    """The evaluation says what evidence there is that the partnership is needed (research and
    analysis, or experience elsewhere), and whether the public or stakeholders were consulted
    and what they said (Appendix 1, Benefits analysis)."""
    if not _evaluated(ctx):
        return
    evaluation = ctx.arrangement.evaluation
    asks = [
        question
        for field, question in (
            (
                "evidence_of_need",
                "what evidence there is that the partnership is needed (research and "
                "analysis, or experience elsewhere) under evaluation.evidence_of_need",
            ),
            (
                "consultation",
                "whether the public or stakeholders were consulted and what their response "
                "was ('none, because ...' is an answer) under evaluation.consultation",
            ),
        )
        if blank(getattr(evaluation, field))
    ]
    if asks:
        yield Hit("say " + "; and ".join(asks), ("evaluation",))


@rule(
    "EVA012",
    "evaluation",
    "Impact on the council's other services",
    Severity.WARNING,
    "Appendix 1 (Costs analysis)",
    kinds=_PARTNERSHIP,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def impact_on_other_services(ctx: Context) -> Iterator[Hit]:
    """The evaluation says whether creating the partnership affects the council's ability to
    deliver any other services or objectives: whether resources have to be taken from one
    task and re-allocated (Appendix 1, Costs analysis)."""
    yield from _ask(
        ctx,
        "impact_on_other_services",
        "say whether the partnership affects the council's ability to deliver its other "
        "services or objectives (resources taken from another task)",
    )


@rule(
    "EVA013",
    "evaluation",
    "Value for money can be shown",
    Severity.WARNING,
    "Appendix 1 (Costs analysis)",
    kinds=_PARTNERSHIP,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def value_for_money(ctx: Context) -> Iterator[Hit]:
    """The evaluation says how the partnership will demonstrate value for money: the measures,
    such as VfM indicators of cost, partnership or service performance and customer
    satisfaction (Appendix 1, Costs analysis; the council's aim of 'good value for the time,
    effort and money', 2.1)."""
    yield from _ask(
        ctx,
        "value_for_money",
        "say how the partnership will demonstrate value for money (e.g. VfM indicators of "
        "cost, performance and customer satisfaction)",
    )


@rule(
    "EVA014",
    "evaluation",
    "Risks not covered by insurance",
    Severity.WARNING,
    "Appendix 1 (Risk analysis)",
    kinds=_PARTNERSHIP,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def uninsured_risks(ctx: Context) -> Iterator[Hit]:
    """Where there are risks the insurance does not cover, the evaluation says whether any of
    them can be insured against (Appendix 1, Risk analysis); 'none identified' is an answer.
    That the insurance itself was checked with the Finance Team is EVA010."""
    yield from _ask(
        ctx,
        "uninsured_risks",
        "say which risks insurance does not cover and whether any can be insured against "
        "('none identified' is an answer)",
    )


@rule(
    "EVA015",
    "evaluation",
    "Action on a negative equalities impact",
    Severity.ERROR,
    "Appendix 1 (Equalities Analysis), Appendix 2 5.1",
    kinds=EVALUATED,
    stages=BEFORE_APPROVAL,
    before_approval=True,
)
def negative_equalities_impact(ctx: Context) -> Iterator[Hit]:
    """When the equalities analysis finds a 'negative impact' on any of the protected
    characteristics (``evaluation.equalities_negative_impact: true``), the evaluation says
    what action will be taken to mitigate it (Appendix 1, Equalities Analysis), or for a
    shared service how it will be resolved 'in order for the initiative to be progressed'
    (Appendix 2 5.1)."""
    evaluation = ctx.arrangement.evaluation
    if (
        _evaluated(ctx)
        and evaluation.equalities_negative_impact
        and blank(evaluation.equalities_mitigation)
    ):
        yield Hit(
            "the equalities analysis found a negative impact on a protected characteristic: "
            "say what action will be taken to mitigate it under "
            "evaluation.equalities_mitigation",
            ("evaluation", "equalities_negative_impact"),
        )
