"""The one way ``new`` and ``init`` get their answers: a list of questions, each also an option.

For each question that applies: the option's value when it is given, else the question asked in
the terminal (again, with the reason, after an answer that does not parse), else, without a
terminal or with --no-input, its default; a required question without an answer stops the
command with a message naming every missing option at once. Every answer goes through one
parser that either returns the value or raises ``ValueError`` with the reason in plain words;
from an option the command stops and names the option.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import typer

from partnerfw.edit.new_record import NOT_PRINTABLE
from partnerfw.errors import UserError
from partnerfw.render.terminal import echo

Answer = dict[str, Any]
"""The answers so far, by question key: what later questions' parsers and ``when`` read."""


def _always(_: Answer) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    key: str
    """The answer it fills."""
    option: str
    """The command-line option that answers it."""
    text: str
    parse: Callable[[str, Answer], Any]
    default: str | None = None
    """Shown in brackets and used on Enter; None means an answer is needed."""
    when: Callable[[Answer], bool] = _always
    required: bool = False
    """Needed when there is no terminal to ask in (--no-input)."""
    intro: str | None = None
    not_here: str = ""
    """Why its option is refused when the question does not apply (``when`` is false)."""
    from_options: Callable[[list[Any], Answer], Any] | None = None
    """For an option given once for each item: all its values to one answer."""
    ask_here: Callable[[Answer], Any] | None = None
    """Its own way of asking in a terminal (e.g. one partner at a time, or from a menu of a
    master list), given the answers so far, instead of a prompt."""


Asker = Callable[[Question, Answer], Any]


class Interrupted(Exception):
    """Ctrl-C, or the end of the input, while asking or writing; its text says what was
    written."""


def collect_answers(
    questions: Sequence[Question],
    given: dict[str, Any],
    ask: Asker | None,
    command: str,
    refuse: Callable[[Answer], None] | None = None,
) -> Answer:
    """Answers from the options ``given`` (by question key), asking for the rest when ``ask``
    is set. An option given for a question that does not apply is refused with the question's
    ``not_here`` reason; then ``refuse`` (the command's own checks of the answers) runs; then,
    without ``ask``, the error names every required option missing."""
    answers: Answer = {}
    missing: list[str] = []
    for question in questions:
        if not question.when(answers):
            continue
        value = given.get(question.key)
        if value is not None and value != []:
            answers[question.key] = _from_option(question, value, answers)
        elif ask is not None:
            answers[question.key] = ask(question, answers)
        elif question.required:
            missing.append(question.option)
        elif question.default is not None:
            answers[question.key] = question.parse(question.default, answers)
    for question in questions:
        given_here = given.get(question.key) not in (None, [])
        if question.not_here and given_here and not question.when(answers):
            raise UserError(f"{question.option} does not apply here: {question.not_here}")
    if refuse is not None:
        refuse(answers)
    if missing:
        raise UserError(
            "without a terminal to ask in, these options are needed: "
            + ", ".join(missing)
            + f" (see partnerfw {command} --help)"
        )
    return answers


def _from_option(question: Question, value: Any, answers: Answer) -> Any:
    try:
        if question.from_options is not None:
            return question.from_options(value, answers)
        return question.parse(value, answers)
    except ValueError as exc:
        raise UserError(f"{question.option}: {exc}") from None


# --- in a terminal ------------------------------------------------------------------------


def terminal_asker(no_input: bool) -> Asker | None:
    """Ask in the terminal, unless there is none (input from a file or a pipe) or the command
    was told never to ask (--no-input)."""
    return ask_in_terminal if not no_input and sys.stdin.isatty() else None


def ask_in_terminal(question: Question, answers: Answer) -> Any:
    """The question with typer's prompt; an invalid answer is asked again with why."""
    if question.intro:
        echo("\n" + question.intro)
    if question.ask_here is not None:
        return question.ask_here(answers)
    # An empty answer goes to the parser too, so that it says why one is needed.
    return prompt(
        question.text,
        lambda text: question.parse(text, answers),
        default=question.default if question.default is not None else "",
        show_default=bool(question.default),
    )


def prompt(text: str, parse: Callable[[str], Any], **options: Any) -> Any:
    """One prompt (``options`` as typer's); an answer ``parse`` refuses is asked again, with
    the reason."""

    def convert(answer: str) -> Any:
        try:
            return parse(answer)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None

    return typer.prompt(text, value_proc=convert, **options)


# --- parsers both commands use: value or ValueError(reason) -------------------------------


def choice(values: list[str], what: str) -> Callable[[str, Answer], str]:
    """One of ``values``: by its number, its name, or the start of its name."""

    def parse(text: str, _: Answer) -> str:
        answer = text.strip().lower().replace(" ", "_").replace("-", "_")
        if answer.isdigit() and 1 <= int(answer) <= len(values):
            return values[int(answer) - 1]
        matches = [v for v in values if v == answer] or [v for v in values if v.startswith(answer)]
        if answer and len(matches) == 1:
            return matches[0]
        raise ValueError(
            f"'{text}' is not a {what}; answer with a number or one of: " + ", ".join(values)
        )

    return parse


def required_text(text: str, answers: Answer) -> str:
    cleaned = optional_text(text, answers)
    if not cleaned:
        raise ValueError("an answer is needed here")
    return cleaned


def optional_text(text: str, _: Answer) -> str | None:
    cleaned = " ".join(text.split())
    odd = NOT_PRINTABLE.search(cleaned)
    if odd:
        raise ValueError(
            f"the answer contains a control character (U+{ord(odd[0]):04X}); "
            "type it again without it"
        )
    return cleaned or None


def yes_no(text: str | bool, _: Answer) -> bool:
    if isinstance(text, bool):
        return text
    answer = text.strip().lower()
    if answer in ("y", "yes", "true"):
        return True
    if answer in ("n", "no", "false"):
        return False
    raise ValueError(f"'{text}' is not yes or no; answer y or n")


# --- choosing from a master list of partnerfw.yaml -----------------------------------------


OTHER = "0"
"""The number of 'someone else' (or another objective, another portfolio) in a menu."""


@dataclass(frozen=True)
class Menu:
    """A master list offered as a numbered menu: a name is chosen by its number, by the name
    or by an unambiguous start of it (case and spacing aside, and 'Cllr', as ``check``
    compares names); ``OTHER`` is someone (or something) not on the list, which ``check``'s
    rule ``rule`` will flag."""

    names: tuple[str, ...]
    list_name: str
    """As partnerfw.yaml names it: officers, councillors, corporate_objectives, portfolios."""
    rule: str
    other: str = "someone else"
    compare: Callable[[str], str] = str.casefold

    def text(self, intro: str) -> str:
        width = len(str(len(self.names)))
        lines = [f"{intro} (from the {self.list_name} list in partnerfw.yaml):"]
        lines += [f"  {n:>{width}}  {name}" for n, name in enumerate(self.names, 1)]
        lines.append(
            f"  {OTHER:>{width}}  {self.other}, not on the list (check will flag it: {self.rule})"
        )
        return "\n".join(lines)

    def listed(self, name: str) -> str | None:
        """The list's own spelling of ``name``, when it is on the list."""
        wanted = self.compare(name)
        return next((n for n in self.names if self.compare(n) == wanted), None)

    def choose(self, text: str) -> str:
        """The listed name an answer picks, or ``OTHER``; ValueError saying why not."""
        answer = " ".join(text.split())
        if answer == OTHER or answer.casefold() == self.other.casefold():
            return OTHER
        if answer.isdigit() and 1 <= int(answer) <= len(self.names):
            return self.names[int(answer) - 1]
        exact = self.listed(answer)
        if exact is not None:
            return exact
        start, raw = (self.compare(answer), answer.casefold()) if answer else ("", "")
        matches = [
            n
            for n in self.names
            if raw and (self.compare(n).startswith(start) or n.casefold().startswith(raw))
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(
                f"'{answer}' could be {', '.join(matches[:4])}"
                + (" ..." if len(matches) > 4 else "")
                + ": type more of it, or its number"
            )
        raise ValueError(
            f"'{answer}' is not on the {self.list_name} list: answer with a number, the start "
            f"of a name, or {OTHER} for {self.other}"
        )

    def flagged(self, name: str) -> str:
        return (
            f"'{name}' is not on the {self.list_name} list in partnerfw.yaml: check will flag "
            f"it ({self.rule}) until the list or the record is corrected"
        )


def ask_from_menu(
    menu: Menu, intro: str, text: str, other_text: str, optional: bool = False
) -> str | None:
    """One name from the menu in the terminal; for ``OTHER`` the name is asked and the
    officer told that check will flag it. ``optional``: Enter chooses nobody (None)."""
    echo("\n" + menu.text(intro))

    def parse(answer: str) -> str | None:
        if not answer.strip():
            if optional:
                return None
            raise ValueError(f"an answer is needed here: a number, or {OTHER} for {menu.other}")
        return menu.choose(answer)

    chosen = prompt(text, parse, default="", show_default=False)
    if chosen != OTHER:
        return chosen  # type: ignore[no-any-return]
    name = prompt(other_text, lambda answer: required_text(answer, {}))
    listed = menu.listed(name)
    if listed is not None:
        return listed
    echo(menu.flagged(name))
    return name  # type: ignore[no-any-return]
