"""The questions ``partnerfw init`` asks, each also a command-line option (as for ``new``)."""

from __future__ import annotations

import re
from typing import Any

from partnerfw.edit.amounts_and_dates import date
from partnerfw.edit.answers import (
    Answer,
    Asker,
    Question,
    choice,
    collect_answers,
    optional_text,
    required_text,
)
from partnerfw.edit.codeowners import STATUTORY
from partnerfw.edit.init_repo import INSTALL_FROM, RepoAnswers
from partnerfw.errors import UserError
from partnerfw.policy.schema import EDITIONS

_TEAM = re.compile(r"^@[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$")

EDITION_HELP = """\
Which edition of the Working in Partnership Framework is in force?
  1  revised  significance threshold £50,000, urgent route, equalities aims, climate change
  2  earlier  significance threshold £10,000"""

TEAMS_HELP = (
    "The GitHub teams (or users) who review for the statutory officers: they are asked to "
    "review every record, partnerfw.yaml and the workflows (.github/CODEOWNERS). Write "
    "@org/team or @user."
)


def _website(text: str, answers: Answer) -> str | None:
    value = optional_text(text, answers)
    if value is None:
        return None
    if not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", value):
        raise ValueError(f"'{text}' is not a web address; write it as https://www.example.gov.uk")
    return value


def _adopted_on(text: str, answers: Answer) -> Any:
    value = date(text, answers)
    if value is None:
        raise ValueError("the date the council adopted the framework is needed, e.g. 2026-04-01")
    return value


def _team(text: str, _: Answer) -> str:
    value = text.strip()
    if not _TEAM.match(value):
        raise ValueError(
            f"'{text}' is not a GitHub team or user; write @org/team (e.g. "
            "@thamesbridge/monitoring-officer) or @user"
        )
    return value


QUESTIONS = [
    Question("council_name", "--council-name", "The council's name", required_text, required=True),
    Question(
        "website",
        "--website",
        "The council's website, e.g. https://www.example.gov.uk (Enter to skip)",
        _website,
        default="",
    ),
    Question(
        "edition",
        "--edition",
        "Edition (1-2)",
        choice(list(EDITIONS), "built-in edition"),
        default="1",
        intro=EDITION_HELP,
    ),
    Question(
        "adopted_on",
        "--adopted-on",
        "The date the council adopted it, e.g. 2026-04-01",
        _adopted_on,
        required=True,
    ),
    Question(
        "adoption_decision",
        "--adoption-decision",
        "The decision that adopted it, e.g. Full Council 15 July 2025, minute 41",
        required_text,
        required=True,
    ),
    Question(
        "monitoring_officer_team",
        "--monitoring-officer-team",
        "The Monitoring Officer's GitHub team",
        _team,
        required=True,
        intro=TEAMS_HELP,
    ),
    Question(
        "section_151_officer_team",
        "--section-151-officer-team",
        "The Section 151 Officer's GitHub team",
        _team,
        required=True,
    ),
]
assert {q.key.removesuffix("_team") for q in QUESTIONS if q.key.endswith("_team")} == set(STATUTORY)


def collect(
    given: dict[str, Any], install_from: str, ask: Asker | None = None, code_scanning: bool = False
) -> RepoAnswers:
    """Answers from the options given, asking for the rest when ``ask`` is set; without it,
    every required option must be given, and the error names all the missing ones."""
    if install_from not in INSTALL_FROM:
        raise UserError(f"--install-from '{install_from}' is not one of: {', '.join(INSTALL_FROM)}")
    answers = collect_answers(QUESTIONS, given, ask, "init")
    return RepoAnswers(**answers, install_from=install_from, code_scanning=code_scanning)
