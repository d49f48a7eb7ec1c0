"""Whether the record says enough to be classified, and the council's own questions answered
as the policy declares them."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.significance import count_resources
from partnerfw.policy.schema import Policy
from partnerfw.policy.significance_tests import leaves
from partnerfw.record.models import Kind, Status
from partnerfw.rules.base import Context, Hit, rule

_LIVE = frozenset(Status) - {Status.ENDED}


@rule(
    "CLS010",
    "classification",
    "Significance can be decided: resources valued in pounds",
    Severity.ERROR,
    "Framework 1.9, Appendix 1",
    stages=_LIVE,
    before_approval=True,
)
def significance_decidable(ctx: Context) -> Iterator[Hit]:
    """A partnership's significance must be decidable from its record: staff time given as
    FTE or days needs its £ cost (unless the policy's ``staff_costing`` prices it), resources
    in kind need their £ value, and whatever else the council's test asks (a date, the total
    over the term, an answer to one of its own questions) must be stated. Until then it
    "cannot be classified yet" and its approval route is not known. For other kinds, staff
    time or resources in kind without a £ value are asked for as a warning, since the
    reports add council resources up."""
    c = ctx.classification
    asked: set[tuple[tuple[str | int, ...], str]] = set()
    reference = c.reference if c.undetermined else "Framework 1.9, Appendix 1"
    test_chosen = None
    local_tests = _local_reasons(ctx.policy)
    if c.undetermined and any(why in c.reference for why in local_tests):
        # The council's own test waits on it: cite the framework's paragraph, marked local.
        reference = "Framework 1.9"
        test_chosen = "the council's own significance test (a trigger marked local:)"
    for missing in c.missing:
        key = (missing.path, missing.ask)
        if key in asked:
            continue
        asked.add(key)
        yield Hit(
            f"{missing.ask}; until then the partnership cannot be classified, so its "
            "approval route is not known",
            missing.path,
            reference,
            local=_question(missing.path) or test_chosen,
        )
    counted = count_resources(
        ctx.arrangement.council_resources, costing=ctx.policy.significance.staff_costing
    )
    for missing in counted.missing:
        if (missing.path, missing.ask) in asked:
            continue
        yield Hit(missing.ask, missing.path, "Appendix 1", Severity.WARNING)


def _question(path: tuple[str | int, ...]) -> str | None:
    """What the council chose, when what is missing is the answer to one of its own questions
    (its significance test asks it, not the framework)."""
    if path[:1] == ("council_fields",) and len(path) > 1:
        return f"the council's own question {path[1]} (record_fields)"
    return None


@rule(
    "DATA020",
    "data quality",
    "The council's own questions as its policy declares them",
    Severity.ERROR,
    "Policy file (partnerfw docs)",
)
def council_fields(ctx: Context) -> Iterator[Hit]:
    """Each name under ``council_fields`` is a question the policy declares under
    ``record_fields`` (a misspelt one is reported with the closest declared name), and a
    partnership answers every declared question that has no default."""
    declared = ctx.policy.record_fields
    for name in ctx.arrangement.council_fields:
        if name in declared:
            continue
        close = difflib.get_close_matches(name, list(declared), n=1, cutoff=0.6)
        if close:
            hint = f"did you mean '{close[0]}'?"
        elif declared:
            hint = f"the policy declares: {', '.join(sorted(declared))}"
        else:
            hint = "the policy declares no questions (record_fields in partnerfw.yaml)"
        yield Hit(
            f"unknown field '{name}' under 'council_fields'; {hint}",
            ("council_fields", name),
        )
    if ctx.arrangement.kind is not Kind.PARTNERSHIP:
        return
    asked = " ".join(m.ask for m in ctx.classification.missing)
    for name, field in declared.items():
        if f"council_fields.{name} " in asked:
            continue  # CLS010 asks for it: the classification waits on it
        if field.default is None and name not in ctx.arrangement.council_fields:
            yield Hit(
                f"answer the council's question '{field.question}' under "
                f"council_fields.{name} (true or false)",
                ("council_fields",),
                field.source,
                Severity.WARNING,
            )


def _local_reasons(policy: Policy) -> list[str]:
    """Why each of the council's own tests of class (classes, their tests' leaves, the
    scorecard) is its choice: a classification waiting on one of them is waiting on a local
    choice."""
    reasons = [d.local for d in policy.scheme.classes if d.local]
    for definition in policy.scheme.classes:
        if definition.test is not None:
            reasons += [leaf.local for _, leaf in leaves(definition.test) if leaf.local]
    if policy.scorecard is not None and policy.scorecard.local:
        reasons.append(policy.scorecard.local)
    return reasons
