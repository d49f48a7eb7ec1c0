"""``partnerfw new`` step by step: the answers (from the options, or asked in a terminal), the
record's id, the record written, and what the officer is told about it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import typer

from partnerfw.edit.answers import Answer, Asker, Interrupted, collect_answers, terminal_asker
from partnerfw.edit.council_questions import (
    FIELD,
    council_answers,
    field_options,
    refuse_fields_off_partnerships,
    with_council_questions,
)
from partnerfw.edit.list_questions import with_master_lists
from partnerfw.edit.new_questions import QUESTIONS
from partnerfw.edit.new_record import Answers, Created, assign_id, create_record
from partnerfw.policy.project import Project
from partnerfw.policy.schema import MasterLists
from partnerfw.policy.significance_tests import RecordField


def add_arrangement(
    project: Project, given: dict[str, Any], record_id: str | None, no_input: bool, today: dt.date
) -> list[str]:
    """Collect the answers, write ``register/<id>.yaml`` and return what to tell the officer.

    ``given`` holds the options by answer key. Raises UserError when an answer is missing or
    wrong, and Interrupted (saying whether the record was written) on Ctrl-C."""
    record_file: Path | None = None
    try:
        answers = collect(
            given,
            terminal_asker(no_input),
            project.policy.record_fields,
            project.settings.master_lists,
        )
        assign_id(answers, project.register_dir, record_id)
        record_file = project.register_dir / f"{answers.id}.yaml"
        created = create_record(project, answers, today)
    except (typer.Abort, KeyboardInterrupt):
        done = record_file is not None and record_file.exists()
        raise Interrupted(f"{record_file} was written" if done else "nothing was written") from None
    return created_lines(created)


def collect(
    given: dict[str, Any],
    ask: Asker | None = None,
    council: Mapping[str, RecordField] | None = None,
    lists: MasterLists | None = None,
) -> Answers:
    """Answers from the options given, asking for the rest when ``ask`` is set.

    Without ``ask`` (no terminal, or --no-input) every required question must be answered by
    its option; the error names all the missing ones at once. ``council`` holds the council's
    own questions (the policy's record_fields), asked of a partnership in its words after the
    framework's; from options they are ``--field NAME=yes``. ``lists`` are partnerfw.yaml's
    master lists: people, objectives and the portfolio are chosen from those it keeps.
    """
    declared = dict(council or {})
    fields = field_options(given.get("council_fields") or [], declared)
    options = {**given, **{f"{FIELD}{name}": value for name, value in fields.items()}}

    def refuse(answers: Answer) -> None:
        refuse_fields_off_partnerships(fields, answers)

    questions = with_council_questions(
        with_master_lists(QUESTIONS, lists or MasterLists()), declared, asking=ask is not None
    )
    answers = collect_answers(questions, options, ask, "new", refuse)
    own = council_answers(answers)
    return Answers(**answers, council_fields=own)


def created_lines(created: Created) -> list[str]:
    """What ``new`` wrote, the classification and approval route, and the to-do list."""
    c = created.classification
    lines = [f"Wrote {created.shown}"]
    lines += [f"Wrote {p} (so that editors can check the record)" for p in created.schema_written]
    if created.codeowners:
        lines.append(created.codeowners)
    lines += [
        "",
        f"Classification: {c.label}: {c.reason} ({c.reference})",
        f"Approval route: {created.route}"
        + (f" ({created.route_reference})" if created.route_reference else ""),
        "",
    ]
    if created.findings:
        lines.append(
            f"To do ({len(created.findings)}; partnerfw check {created.shown} lists them again):"
        )
        for number, f in enumerate(created.findings, 1):
            lines.append(
                f"  {number:>2}. {f.severity.value:<7} {f.rule:<7} {f.message} ({f.cited})"
            )
    else:
        lines.append("Nothing is missing yet.")
    lines += [
        "",
        f"Open {created.shown} in your editor: the comments say what the framework "
        "asks for in each section.",
    ]
    return lines
