"""What a test answers: yes, no or *cannot tell yet* (``Outcome``), with its reason, the
sources of the tests that held, what the record must state before it can tell (``Missing``)
and, for a money test that just failed, what is near its threshold. ``combine`` joins the
answers of a combinator's tests honestly: ``any_of`` holds when one test holds even if another
cannot tell, and fails only when every test fails; ``at_least: 3`` holds when three hold,
fails when fewer than three could, and otherwise cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnerfw.policy.significance_tests import AllOf, AnyOf, AtLeast, Combinator

Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Missing:
    """A fact the record must give before a test can be decided."""

    path: Where
    """Where to write it (or the nearest field it belongs with)."""
    ask: str
    """What to do, e.g. 'write the £ cost of the 0.5 FTE of staff time under ...'."""


@dataclass(frozen=True)
class Outcome:
    holds: bool | None
    """True, False, or None when the record does not yet say enough."""
    text: str
    references: tuple[str, ...] = ()
    """Where the tests that held come from."""
    missing: tuple[Missing, ...] = ()
    """What the record must state for this test to be decided (only when ``holds`` is None)."""
    near: str = ""
    """For a money test that failed by less than the policy's margin: what is near what,
    e.g. '£47,500 council resources is close to the £50,000 threshold'."""


def needed(test: AnyOf | AllOf | AtLeast, total: int) -> tuple[int, str]:
    """How many of a combinator's ``total`` tests must hold, and that in words."""
    if isinstance(test, AnyOf):
        return 1, "any one needed"
    if isinstance(test, AllOf):
        return total, f"all {total} needed"
    return test.at_least, f"at least {test.at_least} needed"


def combine(test: Combinator, results: list[Outcome], depth: int) -> Outcome:
    """A combinator's answer from its tests' answers, with the reason listing every test."""
    assert isinstance(test, AnyOf | AllOf | AtLeast)
    held = sum(1 for r in results if r.holds is True)
    open_ = sum(1 for r in results if r.holds is None)
    total = len(results)
    need, label = needed(test, total)
    holds: bool | None
    if held >= need:
        holds = True
    elif held + open_ < need:
        holds = False
    else:
        holds = None
    parts = "; ".join(r.text for r in results)
    if isinstance(test, AnyOf) and depth == 0:
        text = parts  # the framework's own wording: 'X; Y' (any one makes it significant)
    else:
        count = f"{held} of {total} tests hold"
        if open_:
            count += f", {open_} cannot be decided yet"
        text = f"{count} ({label}): {parts}"
        if depth:
            text = f"({text})"
    references: tuple[str, ...] = ()
    if holds:
        own = (test.source,) if test.reference or test.local else ()
        references = own + tuple(ref for r in results if r.holds for ref in r.references)
    missing = tuple(m for r in results for m in r.missing) if holds is None else ()
    # Near: a money test close to its threshold whose passing would make this one hold.
    near = ""
    if holds is False and held + 1 >= need and open_ == 0:
        near = "; ".join(r.near for r in results if r.near)
    return Outcome(holds, text, tuple(dict.fromkeys(references)), missing, near)
