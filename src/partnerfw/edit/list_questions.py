"""``new``'s questions about people, objectives and the portfolio, chosen from the master lists
of partnerfw.yaml when it keeps them, so that a new record names them as ``check`` expects.

In a terminal each is a numbered menu (a number, the name, or an unambiguous start of it);
'someone else' is allowed, and the officer is told that check will flag it (LST001, LST002,
APR014) as it will. From options a name is taken as given, written as the list writes it when
it is on the list (case and spacing aside); one that is not shows in the to-do list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from partnerfw.edit.answers import (
    OTHER,
    Answer,
    Menu,
    Question,
    ask_from_menu,
    prompt,
    required_text,
)
from partnerfw.judge.names import normal
from partnerfw.policy.schema import MasterLists
from partnerfw.render.terminal import echo

Change = Callable[[Question], Question]


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def with_master_lists(questions: Sequence[Question], lists: MasterLists) -> list[Question]:
    """``questions`` with those a kept master list answers asked from its menu."""
    changes: dict[str, Change] = {}
    if lists.officers is not None:
        changes["lead_officer"] = _lead_officer(
            Menu(lists.officers, "officers", "LST001", compare=normal)
        )
    if lists.councillors is not None:
        councillors = Menu(lists.councillors, "councillors", "LST001", compare=normal)
        changes["lead_member"] = _lead_member(councillors, lists)
        changes["appointees"] = _appointees(councillors)
    if lists.corporate_objectives is not None:
        objectives = Menu(
            lists.corporate_objectives,
            "corporate_objectives",
            "LST002",
            other="another objective",
            compare=_plain,
        )
        changes["corporate_objectives"] = _objective(objectives)
    if lists.portfolios is not None:
        names = tuple(name for name, _ in lists.portfolios)
        portfolios = Menu(names, "portfolios", "APR014", "another portfolio", _plain)
        changes["portfolio"] = _portfolio(portfolios)
    return [changes[q.key](q) if q.key in changes else q for q in questions]


def _as_listed(menu: Menu, parse: Callable[[str, Answer], Any]) -> Callable[[str, Answer], Any]:
    """An answer from an option, written as the list writes it when it is on the list."""

    def parse_listed(text: str, answers: Answer) -> Any:
        value = parse(text, answers)
        return menu.listed(value) or value if isinstance(value, str) else value

    return parse_listed


def _lead_officer(menu: Menu) -> Change:
    def ask(_: Answer) -> str | None:
        return ask_from_menu(
            menu,
            "The council's lead officer",
            "Lead officer (a number, or the start of a name)",
            "The lead officer's full name",
        )

    return lambda q: replace(q, parse=_as_listed(menu, q.parse), ask_here=ask)


def _holder(lists: MasterLists, portfolio: str | None) -> str | None:
    for name, holders in lists.portfolios or ():
        if portfolio and _plain(name) == _plain(portfolio) and holders:
            return holders[0]
    return None


def _lead_member(menu: Menu, lists: MasterLists) -> Change:
    def ask(answers: Answer) -> str | None:
        intro = "The Lead Member, the councillor who signs it off with the Director"
        holder = _holder(lists, answers.get("portfolio"))
        listed = menu.listed(holder) if holder else None
        if listed is not None:
            number = menu.names.index(listed) + 1
            intro += f"; the Portfolio Holder for {answers['portfolio']} is {listed} ({number})"
        return ask_from_menu(
            menu,
            intro,
            "Lead Member (a number, or the start of a name; Enter to skip)",
            "The Lead Member's name",
            optional=True,
        )

    return lambda q: replace(q, parse=_as_listed(menu, q.parse), ask_here=ask)


def _appointees(menu: Menu) -> Change:
    def ask(_: Answer) -> list[str]:
        echo("\n" + menu.text("The councillors appointed"))
        chosen = prompt(
            "Appointed (numbers or names, separated by semicolons)",
            lambda text: _several(menu, text),
        )
        names = []
        for pick in chosen:
            if pick != OTHER:
                names.append(pick)
                continue
            name = prompt("Their name", lambda text: required_text(text, {}))
            listed = menu.listed(name)
            if listed is None:
                echo(menu.flagged(name))
            names.append(listed or name)
        return names

    def from_options(values: list[Any], answers: Answer) -> list[str]:
        return [menu.listed(n) or n for v in values for n in _split(v)]

    return lambda q: replace(q, ask_here=ask, from_options=from_options)


def _split(text: str) -> list[str]:
    return [" ".join(n.split()) for n in re.split(r"[;\n]", text) if n.strip()]


def _several(menu: Menu, text: str) -> list[str]:
    picks = [menu.choose(part) for part in _split(text)]
    if not picks:
        raise ValueError(f"name at least one: a number, or {OTHER} for {menu.other}")
    return picks


def _objective(menu: Menu) -> Change:
    def ask(_: Answer) -> list[str]:
        chosen = ask_from_menu(
            menu,
            "The Corporate Plan objective it contributes to",
            "Objective (a number, or the start of it; Enter to skip)",
            "The objective, as the Corporate Plan words it",
            optional=True,
        )
        return [chosen] if chosen else []

    def from_options(values: list[Any], answers: Answer) -> list[str]:
        return [menu.listed(v) or required_text(v, answers) for v in values]

    return lambda q: replace(q, ask_here=ask, from_options=from_options)


def _portfolio(menu: Menu) -> Change:
    def ask(_: Answer) -> str | None:
        return ask_from_menu(
            menu,
            "The Cabinet portfolio it falls under",
            "Portfolio (a number, or the start of its name; Enter to skip)",
            "The portfolio's name",
            optional=True,
        )

    return lambda q: replace(q, parse=_as_listed(menu, q.parse), ask_here=ask)
