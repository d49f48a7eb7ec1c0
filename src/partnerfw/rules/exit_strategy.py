"""The exit strategy (2.10, Appendix 1, Appendix 3 1.8 and SS 1.7) and the exit itself."""

from __future__ import annotations

from collections.abc import Iterator

from partnerfw.findings import Severity
from partnerfw.judge.stages import BEFORE_APPROVAL, EVALUATED, RUNNING
from partnerfw.record.models import ExitCoverage, ItemStatus, Kind, Status
from partnerfw.rules.base import Context, Hit, blank, rule

_ENDING = [Status.ENDING, Status.ENDED]
_SHARED_EXIT = (
    "the council's own rule for shared services (2.10 asks it of partnerships; Appendix 3 "
    "asks a shared service agreement for its termination, 1.7)"
)


@rule(
    "EXIT001",
    "exit",
    "Exit strategy considered before approval",
    Severity.ERROR,
    "Framework 2.10",
    kinds=EVALUATED,
    stages=[*BEFORE_APPROVAL, Status.ENDING],
    before_approval=True,
)
def exit_strategy_considered(ctx: Context) -> Iterator[Hit]:
    """Before a partnership is approved it must be clear how it can end and how partners can
    leave (2.10). An indefinite arrangement needs one too (the review left the wording on
    indefinite arrangements to be revisited; the present wording is enforced). Asking the same
    of a shared service is the council's own rule, and those findings are marked local."""
    exit_strategy = ctx.arrangement.exit_strategy
    if exit_strategy is None or exit_strategy.status is ItemStatus.MISSING:
        indefinite = ctx.arrangement.dates.indefinite
        term = " (an indefinite arrangement needs one too)" if indefinite else ""
        basis = ctx.policy.basis(f"requirements.{ctx.arrangement.kind.value}.exit_strategy_covers")
        open_ = (
            f" (the wording on indefinite arrangements is {basis})" if indefinite and basis else ""
        )
        shared = ctx.arrangement.kind is Kind.SHARED_SERVICE
        yield Hit(
            f"no exit strategy{term}: say how it can be suspended, dissolved or ended and "
            f"how a partner can withdraw, under exit_strategy{open_}",
            ("exit_strategy",),
            local=_SHARED_EXIT if shared else None,
        )


@rule(
    "EXIT002",
    "exit",
    "Exit strategy covers what the framework asks",
    Severity.ERROR,
    "Appendix 3 1.8, Appendix 1",
    kinds=EVALUATED,
    stages=[*BEFORE_APPROVAL, Status.ENDING],
    before_approval=True,
)
def exit_strategy_coverage(ctx: Context) -> Iterator[Hit]:
    """The exit strategy covers termination, withdrawal of a partner, the impact on protected
    characteristics (Equality Act 2010) and on safeguarding duties (Children Act 2004 s11, Care
    Act 2014 s42), the council's resources and any liabilities; for shared services the notice
    period (App3 SS 1.7). The policy lists what each kind's strategy must cover."""
    exit_strategy = ctx.arrangement.exit_strategy
    requirements = ctx.policy.requirements.get(ctx.arrangement.kind)
    if exit_strategy is None or exit_strategy.status is ItemStatus.MISSING or requirements is None:
        return
    missing = [
        n for n in requirements.exit_strategy_covers if blank(getattr(exit_strategy.covers, n))
    ]
    if missing:
        described = "; ".join(
            f"{n.replace('_', ' ')}: {(ExitCoverage.model_fields[n].description or '').lower()}"
            for n in missing
        )
        yield Hit(
            f"the exit strategy does not cover {described} (add under exit_strategy.covers)",
            ("exit_strategy",),
            local=ctx.chosen(f"requirements.{ctx.arrangement.kind.value}.exit_strategy_covers"),
        )


@rule(
    "EXIT003",
    "exit",
    "Exit strategy explicit in the agreement",
    Severity.ERROR,
    "Framework 2.10",
    kinds=EVALUATED,
    stages=RUNNING,
)
def exit_in_agreement(ctx: Context) -> Iterator[Hit]:
    """The exit strategy must be explicit in the partnership agreement (2.10); a shared
    service agreement sets out how the arrangement can be terminated, with the notice period
    (Appendix 3, shared service agreement 1.7)."""
    exit_strategy = ctx.arrangement.exit_strategy
    if (
        exit_strategy is not None
        and exit_strategy.status is not ItemStatus.MISSING
        and (not exit_strategy.in_agreement)
    ):
        yield Hit(
            "the exit strategy must be written into the agreement; set "
            "exit_strategy.in_agreement once it is",
            ("exit_strategy",),
            "Appendix 3 (shared service agreement) 1.7"
            if ctx.arrangement.kind is Kind.SHARED_SERVICE
            else None,
        )


@rule(
    "EXIT004",
    "exit",
    "Exit steps recorded when ending",
    Severity.ERROR,
    "Framework 2.10, Appendix 3 1.8",
    stages=_ENDING,
)
def exit_steps(ctx: Context) -> Iterator[Hit]:
    """An ending arrangement lists its exit steps (notice, resources returned, liabilities
    settled, services to the public handed over), each with an owner and a due date."""
    exit_strategy = ctx.arrangement.exit_strategy
    steps = exit_strategy.steps if exit_strategy else []
    if not steps:
        yield Hit(
            "the arrangement is ending: list the exit steps under exit_strategy.steps "
            "(step, owner, due)",
            ("status",),
        )
    for index, step in enumerate(steps):
        if step.done is None and (step.owner is None or step.due is None):
            yield Hit(
                f"exit step '{step.step}' needs an owner and a due date",
                ("exit_strategy", "steps", index),
            )


@rule(
    "EXIT005", "exit", "Exit steps done on time", Severity.ERROR, "Framework 2.10", stages=_ENDING
)
def exit_steps_overdue(ctx: Context) -> Iterator[Hit]:
    """Each exit step is done by its due date; an ended arrangement has every step done."""
    exit_strategy = ctx.arrangement.exit_strategy
    for index, step in enumerate(exit_strategy.steps if exit_strategy else []):
        if step.done is not None:
            continue
        if ctx.arrangement.status is Status.ENDED:
            yield Hit(
                f"the arrangement has ended but exit step '{step.step}' is not done",
                ("exit_strategy", "steps", index),
            )
        elif step.due is not None and step.due < ctx.today:
            yield Hit(
                f"exit step '{step.step}' was due on {step.due} and is not done "
                f"(owner: {step.owner or 'none named'})",
                ("exit_strategy", "steps", index),
            )
