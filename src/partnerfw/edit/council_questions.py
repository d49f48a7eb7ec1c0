"""The council's own questions (``record_fields`` in its policy): yes/no questions asked of a
partnership in the council's words, after the framework's questions about significance; from
options each is ``--field NAME=yes`` (or ``=no``)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence

from partnerfw.edit.answers import Answer, Question, yes_no
from partnerfw.edit.new_questions import is_kind
from partnerfw.errors import UserError
from partnerfw.policy.significance_tests import RecordField
from partnerfw.record.models import Kind

FIELD = "council_fields."
"""The start of a council question's key: ``council_fields.statutory_duty``."""
ASKED_AFTER = "fundamental"


def with_council_questions(
    questions: Sequence[Question], declared: Mapping[str, RecordField], asking: bool
) -> list[Question]:
    """The framework's questions with the council's own after the one on significance.

    Without a terminal (``asking`` false) a question the options leave out stays unanswered,
    and the record says so: the policy's default is offered in a terminal, never taken as the
    officer's answer."""
    after = next(i for i, q in enumerate(questions) if q.key == ASKED_AFTER) + 1
    own = [
        Question(
            f"{FIELD}{name}",
            f"--field {name}=yes|no",
            f"{field.question} (y/n)",
            yes_no,
            default=None
            if field.default is None or not asking
            else ("y" if field.default else "n"),
            when=is_kind(Kind.PARTNERSHIP),
        )
        for name, field in declared.items()
    ]
    return [*questions[:after], *own, *questions[after:]]


def field_options(texts: list[str], declared: Mapping[str, RecordField]) -> dict[str, bool]:
    """``--field statutory_duty=yes`` options, each name one the policy declares."""
    found: dict[str, bool] = {}
    for text in texts:
        name, sep, value = text.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UserError(f"--field {text}: write it as NAME=yes or NAME=no")
        if name not in declared:
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"the policy declares: {', '.join(declared)}"
                if declared
                else "the policy declares no questions (record_fields)"
            )
            raise UserError(
                f"--field {text}: '{name}' is not one of the council's questions; {hint}"
            )
        try:
            found[name] = yes_no(value, {})
        except ValueError as exc:
            raise UserError(f"--field {text}: {exc}") from None
    return found


def refuse_fields_off_partnerships(fields: Mapping[str, bool], answers: Answer) -> None:
    """``--field`` is refused for anything but a partnership."""
    if fields and answers.get("kind") is not Kind.PARTNERSHIP:
        raise UserError(
            "--field does not apply here: the council's own questions are asked of "
            "partnerships (--kind partnership)"
        )


def council_answers(answers: Answer) -> dict[str, bool | None]:
    """The answers to the council's questions, taken out of ``answers``, by field name."""
    return {
        key.removeprefix(FIELD): answers.pop(key) for key in list(answers) if key.startswith(FIELD)
    }
