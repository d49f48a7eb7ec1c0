"""The questions ``partnerfw new`` asks, each also a command-line option.

Every answer goes through one parser that either returns the value or raises ``ValueError``
with the reason in plain words; in a terminal the question is asked again with that reason,
from options the command stops and names the option.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from partnerfw.edit.new_record import NOT_PRINTABLE, Answers, PartnerAnswer
from partnerfw.errors import UserError
from partnerfw.policy.significance_tests import RecordField
from partnerfw.record.models import CompanyForm, Kind, Payment, Sector, SharedServiceType
from partnerfw.record.partial_dates import PartialDate, certainly_before, from_words

KIND_HELP = """\
What kind of arrangement is it?
  1  partnership       the council and one or more independent bodies working together
                       towards shared objectives (Framework 1.7)
  2  shared_service    councils sharing a team, a manager or an officer, or covering for
                       each other at short notice (1.12)
  3  informal_network  an information-sharing group, e.g. a finance officers' group; not a
                       formal partnership but kept on the register
  4  commissioning     the council is paid to deliver a service for another body: NOT a
                       partnership (1.14)
  5  company_or_trust  a separate company or charitable trust, including a community
                       interest company: outside this framework, it needs its own legal
                       and financial arrangements (1.10)
  6  outside_body      councillors or officers appointed to another organisation's board
                       or committee: not a partnership (1.7), but on the register"""

COMPANY_HELP = """\
Which legal form (Enter to skip)?
  1  company_limited_by_guarantee          5  charitable_incorporated_organisation
  2  company_limited_by_shares             6  charitable_trust
  3  community_interest_company            7  community_benefit_society
  4  charitable_company                    8  other"""

_ACT_AND_SECTION = re.compile(
    r"^(?P<act>.*?\b\d{4})\s*,?\s*(?P<section>(?:s\.?|ss\.?|sections?)\s*\d.*)?$",
    re.IGNORECASE,
)

TYPE_HELP = """\
Which kind of shared service (1.12)?
  1  full_shared_service  teams of two or more councils joined into one, hosted by one
  2  joint_management     one council's manager also manages another council's team
  3  joint_officer        officers (not managers) giving another council long-term cover
  4  ad_hoc_resilience    short-term cover, e.g. maternity cover or 'as and when'"""

URGENT_HELP = """\
Urgent (ad hoc) arrangements are those needed within days to keep services running. They may
start before approval, but approval must follow within the period the policy sets."""

MANAGEMENT_HELP = """\
A company or trust the partners create for their own purposes is outside this framework (1.10).
One that runs council services under a management agreement (e.g. a leisure trust running the
council's leisure centres) is a contract, which the council manages as a contract."""

PAYMENT_HELP = """\
In a commissioning arrangement the council is paid to deliver a service on behalf of another
organisation (1.14).
  1  the_council_is_paid  the other body pays the council for the service
  2  the_council_pays     the council pays the other body: then it is not commissioning but a
                          contract (or, working towards shared objectives, a partnership)"""

Answer = dict[str, Any]


@dataclass(frozen=True)
class Question:
    key: str
    """The attribute of Answers it fills."""
    option: str
    """The command-line option that answers it."""
    text: str
    parse: Callable[[str, Answer], Any]
    default: str | None = None
    """Shown in brackets and used on Enter; None means an answer is needed."""
    when: Callable[[Answer], bool] = lambda _: True
    required: bool = False
    """Needed when there is no terminal to ask in (--no-input)."""
    intro: str | None = None


# --- parsers: value or ValueError(reason) ----------------------------------------------


def _choice(values: list[str], what: str) -> Callable[[str, Answer], str]:
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


def _text(text: str, answers: Answer) -> str:
    cleaned = _optional_text(text, answers)
    if not cleaned:
        raise ValueError("an answer is needed here")
    return cleaned


def _optional_text(text: str, _: Answer) -> str | None:
    cleaned = " ".join(text.split())
    odd = NOT_PRINTABLE.search(cleaned)
    if odd:
        raise ValueError(
            f"the answer contains a control character (U+{ord(odd[0]):04X}); "
            "type it again without it"
        )
    return cleaned or None


def _payment(text: str, answers: Answer) -> str | None:
    if not text.strip():
        return None
    return _choice([p.value for p in Payment], "payment")(text, answers)


def _yes_no(text: str | bool, _: Answer) -> bool:
    if isinstance(text, bool):
        return text
    answer = text.strip().lower()
    if answer in ("y", "yes", "true"):
        return True
    if answer in ("n", "no", "false"):
        return False
    raise ValueError(f"'{text}' is not yes or no; answer y or n")


def _money(text: str, _: Answer) -> Decimal:
    cleaned = text.strip().replace("£", "").replace(",", "").replace(" ", "")
    try:
        amount = Decimal(cleaned or "0")
    except InvalidOperation:
        raise ValueError(
            f"'{text}' is not an amount; write pounds as a number, e.g. 12500"
        ) from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"'{text}' is not an amount of money; it must be 0 or more")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"'{text}' has more than two decimal places (pence)")
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _money_or_not_known(text: str, answers: Answer) -> Decimal | None:
    """An amount, or None for an empty answer: not known yet (never taken as £0)."""
    return None if not text.strip() else _money(text, answers)


def _number(text: str, _: Answer) -> Decimal:
    try:
        value = Decimal(text.strip() or "0")
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number; e.g. 0.5 for half a post") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"'{text}' must be 0 or more")
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _date(text: str, _: Answer) -> PartialDate | None:
    """A day (2027-04-01, 01/04/2027, 1 April 2027), or only the month or year when that is
    all that is known (2027-04, April 2027, 2027): never an invented day."""
    cleaned = text.strip()
    if not cleaned:
        return None
    found = from_words(cleaned)
    if found is None:
        raise ValueError(
            f"'{text}' is not a date; write it as 2027-04-01 (or 01/04/2027), or 2027-04 or "
            "2027 when only the month or year is known"
        )
    return found


def _end(text: str, answers: Answer) -> PartialDate | None:
    end = _date(text, answers)
    start = answers.get("start")
    if end is not None and isinstance(start, PartialDate) and certainly_before(end, start):
        raise ValueError(f"the end date {end} is before the start date {start}")
    return end


def _justification(text: str, answers: Answer) -> str:
    try:
        return _text(text, answers)
    except ValueError:
        raise ValueError(
            "the revised framework asks why it could not wait for the normal "
            "approval; say why it is needed within days"
        ) from None


def _partner(text: str, _: Answer) -> PartnerAnswer:
    name, sep, sector = text.rpartition(":")
    if not sep or not name.strip():
        raise ValueError(f"'{text}' should be NAME:SECTOR, e.g. 'Thamesbridge Food Bank:voluntary'")
    return PartnerAnswer(" ".join(name.split()), Sector(_sector(sector, {})))


def _company_form(text: str, answers: Answer) -> str | None:
    if not text.strip():
        return None
    return _choice([f.value for f in CompanyForm], "legal form")(text, answers)


def _act_and_section(text: str, answers: Answer) -> tuple[str, str | None]:
    """'Crime and Disorder Act 1998 s5' -> ('Crime and Disorder Act 1998', 's5')."""
    cleaned = _text(text, answers)
    match = _ACT_AND_SECTION.match(cleaned)
    if match is None:
        raise ValueError(
            f"'{cleaned}' does not name an Act with its year; write e.g. "
            "'Crime and Disorder Act 1998 s5'"
        )
    return match["act"].strip(" ,"), match["section"]


def _names(text: str, answers: Answer) -> list[str]:
    names = [" ".join(n.split()) for n in re.split(r"[;\n]", text) if n.strip()]
    if not names:
        raise ValueError("name at least one person, separated by semicolons")
    return names


_sector = _choice([s.value for s in Sector], "sector")
_kinds = [k.value for k in Kind]
_types = [t.value for t in SharedServiceType]


_STATUTORY_KINDS = (Kind.PARTNERSHIP, Kind.SHARED_SERVICE, Kind.COMMISSIONING)


def _is(kind: Kind) -> Callable[[Answer], bool]:
    return lambda answers: answers.get("kind") is kind


QUESTIONS = [
    Question(
        "kind",
        "--kind",
        "Kind (1-6)",
        lambda t, a: Kind(_choice(_kinds, "kind")(t, a)),
        required=True,
        intro=KIND_HELP,
    ),
    Question(
        "shared_service_type",
        "--shared-service-type",
        "Type (1-4)",
        _choice(_types, "shared service type"),
        when=_is(Kind.SHARED_SERVICE),
        required=True,
        intro=TYPE_HELP,
    ),
    Question(
        "legal_form",
        "--legal-form",
        "Its legal form, e.g. company limited by guarantee (Enter to skip)",
        _optional_text,
        default="",
        when=_is(Kind.COMPANY_OR_TRUST),
    ),
    Question(
        "company_form",
        "--company-form",
        "Form (1-8)",
        _company_form,
        default="",
        when=_is(Kind.COMPANY_OR_TRUST),
        intro=COMPANY_HELP,
    ),
    Question(
        "organisation",
        "--organisation",
        "The outside body the council appoints to, e.g. Citizens Advice Thamesbridge",
        _text,
        when=_is(Kind.OUTSIDE_BODY),
        required=True,
    ),
    Question(
        "appointed_by",
        "--appointed-by",
        "Who made the appointments, e.g. Annual Council or the Leader",
        _text,
        when=_is(Kind.OUTSIDE_BODY),
        required=True,
    ),
    Question(
        "appointees",
        "--appointee",
        "The councillors appointed, separated by semicolons",
        _names,
        when=_is(Kind.OUTSIDE_BODY),
        required=True,
    ),
    Question(
        "management_services",
        "--management-agreement",
        "If it runs council services under a management agreement, which ones? (Enter if not)",
        _optional_text,
        default="",
        when=_is(Kind.COMPANY_OR_TRUST),
        intro=MANAGEMENT_HELP,
    ),
    Question(
        "payment",
        "--payment",
        "Who pays (1-2, Enter if not yet known)",
        _payment,
        default="",
        when=_is(Kind.COMMISSIONING),
        intro=PAYMENT_HELP,
    ),
    Question(
        "name",
        "--name",
        "Name of the arrangement, as the public would know it",
        _text,
        required=True,
    ),
    Question(
        "lead_officer",
        "--lead-officer",
        "The council's lead officer (full name)",
        _text,
        required=True,
    ),
    Question(
        "lead_officer_title",
        "--lead-officer-title",
        "Their job title (Enter to skip)",
        _optional_text,
        default="",
    ),
    Question("department", "--department", "The lead officer's department", _text, required=True),
    Question(
        "lead_member",
        "--lead-member",
        "The Lead Member, the councillor who signs it off with the Director (Enter to skip)",
        _optional_text,
        default="",
        when=lambda a: a.get("kind") is not Kind.OUTSIDE_BODY,
    ),
    Question(
        "statutory",
        "--statutory",
        "Is it required by law, a statutory partnership (Appendix 1 'Statutory Status')? (y/n)",
        _yes_no,
        default="n",
        when=lambda a: a.get("kind") in _STATUTORY_KINDS,
    ),
    Question(
        "statutory_act",
        "--statutory-act",
        "Which Act and section, e.g. Crime and Disorder Act 1998 s5",
        _act_and_section,
        when=lambda a: bool(a.get("statutory")),
        required=True,
    ),
    Question(
        "dedicated_budget",
        "--budget",
        "Dedicated council budget, £ a year",
        _money,
        default="0",
        intro="What the council puts in (Appendix 1); 0 if none.",
    ),
    Question(
        "staff_fte",
        "--staff-fte",
        "Council staff time, full-time equivalents",
        _number,
        default="0",
    ),
    Question(
        "staff_cost",
        "--staff-cost",
        "Cost of that staff time, £ a year (Enter if none, or not known yet: staff time "
        "without a cost cannot be counted, so it cannot be classified until it is written in)",
        _money_or_not_known,
        default="",
    ),
    Question(
        "in_kind_value",
        "--in-kind-value",
        "Value of resources given in kind, £ a year (Enter if none, or not known yet)",
        _money_or_not_known,
        default="",
    ),
    Question(
        "in_kind_description",
        "--in-kind-description",
        "What is given in kind, e.g. meeting rooms (Enter if nothing is)",
        _optional_text,
        default="",
    ),
    Question(
        "fundamental",
        "--fundamental",
        "Is it fundamental to delivering a Corporate Plan objective, so that without it "
        "the objective would not be delivered (1.9)? (y/n)",
        _yes_no,
        default="n",
        when=_is(Kind.PARTNERSHIP),
    ),
    Question(
        "corporate_objectives",
        "--corporate-objective",
        "Which Corporate Plan objective does it contribute to? (Enter to skip)",
        lambda t, a: [x] if (x := _optional_text(t, a)) else [],
        default="",
    ),
    Question(
        "start",
        "--start",
        "Start date, e.g. 2027-04-01, or 2027-04 if only the month is known (Enter if not "
        "known yet)",
        _date,
        default="",
    ),
    Question(
        "indefinite",
        "--indefinite",
        "Does it run indefinitely, with no end date? (y/n)",
        _yes_no,
        default="n",
    ),
    Question(
        "end",
        "--end",
        "End date, if it has a fixed term (Enter if not known yet)",
        _end,
        default="",
        when=lambda a: not a.get("indefinite"),
    ),
    Question(
        "public_facing",
        "--public-facing",
        "Does it provide services directly to the public (4.11)? (y/n)",
        _yes_no,
        default="n",
    ),
    Question(
        "urgent",
        "--urgent",
        "Is it urgent, needed within days? (y/n)",
        _yes_no,
        default="n",
        intro=URGENT_HELP,
    ),
    Question(
        "urgency_justification",
        "--urgency-justification",
        "Why could it not wait for the normal approval?",
        _justification,
        when=lambda a: bool(a.get("urgent")),
        required=True,
    ),
]
PARTNERS_OPTION = "--partner"
_NOT_HERE = {
    "shared_service_type": "only a shared service has a type (--kind shared_service)",
    "legal_form": "only a company or trust has a legal form (--kind company_or_trust)",
    "company_form": "only a company or trust has a form (--kind company_or_trust)",
    "organisation": "it names the body of an appointment (--kind outside_body)",
    "appointed_by": "it says who appointed to an outside body (--kind outside_body)",
    "appointees": "it names who was appointed to an outside body (--kind outside_body)",
    "lead_member": "an appointment to an outside body names its appointees instead",
    "statutory": "only a partnership, shared service or commissioning arrangement is statutory",
    "statutory_act": "it names the Act of a statutory arrangement: give --statutory too",
    "management_services": "only a company or trust runs services under a management "
    "agreement (--kind company_or_trust)",
    "payment": "who pays is asked of a commissioning arrangement (--kind commissioning)",
    "fundamental": "significance is for partnerships (--kind partnership)",
    "end": "an indefinite arrangement has no end date; leave out --indefinite or --end",
    "urgency_justification": "it explains an urgent arrangement: give --urgent too",
}

Asker = Callable[[Question, Answer], Any]
PartnerAsker = Callable[[], list[PartnerAnswer]]


def collect(
    given: dict[str, Any],
    ask: Asker | None = None,
    ask_partners: PartnerAsker | None = None,
    council: Mapping[str, RecordField] | None = None,
) -> Answers:
    """Answers from the options given, asking for the rest when ``ask`` is set.

    Without ``ask`` (no terminal, or --no-input) every required question must be answered by
    its option; the error names all the missing ones at once. ``council`` holds the council's
    own questions (the policy's record_fields), asked of a partnership in its words after the
    framework's; from options they are ``--field NAME=yes``.
    """
    answers: Answer = {}
    missing: list[str] = []
    declared = dict(council or {})
    fields_given = _field_options(given.get("council_fields") or [], declared)
    for question in [
        *QUESTIONS[:_AFTER_FUNDAMENTAL],
        *_council_questions(declared),
        *QUESTIONS[_AFTER_FUNDAMENTAL:],
    ]:
        if question.key.startswith(_FIELD):
            if not question.when(answers):
                continue
            name = question.key.removeprefix(_FIELD)
            if name in fields_given:
                answers.setdefault("council_fields", {})[name] = fields_given[name]
            elif ask is not None:
                answers.setdefault("council_fields", {})[name] = ask(question, answers)
            continue

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
        if question.key == "department":
            answers["partners"] = _partners(given, ask_partners)
    for question in QUESTIONS:
        if given.get(question.key) not in (None, []) and not question.when(answers):
            raise UserError(f"{question.option} does not apply here: {_NOT_HERE[question.key]}")
    if fields_given and answers.get("kind") is not Kind.PARTNERSHIP:
        raise UserError(
            "--field does not apply here: the council's own questions are asked of "
            "partnerships (--kind partnership)"
        )
    if missing:
        raise UserError(
            "without a terminal to ask in, these options are needed: "
            + ", ".join(missing)
            + " (see partnerfw new --help)"
        )
    return Answers(**answers)


_FIELD = "council_fields."
_AFTER_FUNDAMENTAL = next(i for i, q in enumerate(QUESTIONS) if q.key == "fundamental") + 1


def _council_questions(declared: Mapping[str, RecordField]) -> list[Question]:
    """The council's own yes/no questions, in its words, for a partnership."""
    return [
        Question(
            f"{_FIELD}{name}",
            f"--field {name}=yes|no",
            f"{field.question} (y/n)",
            _yes_no,
            default=None if field.default is None else ("y" if field.default else "n"),
            when=_is(Kind.PARTNERSHIP),
        )
        for name, field in declared.items()
    ]


def _field_options(texts: list[str], declared: Mapping[str, RecordField]) -> dict[str, bool]:
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
            found[name] = _yes_no(value, {})
        except ValueError as exc:
            raise UserError(f"--field {text}: {exc}") from None
    return found


def _partners(given: dict[str, Any], ask_partners: PartnerAsker | None) -> list[PartnerAnswer]:
    options = given.get("partners") or []
    if options:
        found = []
        for text in options:
            try:
                found.append(_partner(text, {}))
            except ValueError as exc:
                raise UserError(f"{PARTNERS_OPTION}: {exc}") from None
        return found
    return ask_partners() if ask_partners is not None else []


def _from_option(question: Question, value: Any, answers: Answer) -> Any:
    try:
        if question.key == "corporate_objectives":
            return [_text(v, answers) for v in value]
        if question.key == "appointees":
            return [n for v in value for n in _names(v, answers)]
        return question.parse(value, answers)
    except ValueError as exc:
        raise UserError(f"{question.option}: {exc}") from None


def terminal_asker() -> tuple[Asker, PartnerAsker]:
    """Ask in the terminal with typer's prompts; an invalid answer is asked again with why."""
    import typer

    def ask(question: Question, answers: Answer) -> Any:
        if question.intro:
            typer.echo("\n" + question.intro)

        def convert(text: str) -> Any:
            try:
                return question.parse(text, answers)
            except ValueError as exc:
                raise typer.BadParameter(str(exc)) from None

        # An empty answer goes to the parser too, so that it says why one is needed.
        return typer.prompt(
            question.text,
            default=question.default if question.default is not None else "",
            value_proc=convert,
            show_default=bool(question.default),
        )

    def ask_partners() -> list[PartnerAnswer]:
        typer.echo("\nThe other organisations taking part (Enter on an empty line when done).")
        partners: list[PartnerAnswer] = []
        while True:
            name = typer.prompt(
                f"Partner {len(partners) + 1} name", default="", show_default=False
            ).strip()
            if not name:
                return partners

            def sector(text: str) -> str:
                try:
                    return _sector(text, {})
                except ValueError as exc:
                    raise typer.BadParameter(str(exc)) from None

            chosen = typer.prompt(
                f"Sector of {name} (public, private, voluntary, community, individual, other)",
                value_proc=sector,
            )
            partners.append(PartnerAnswer(" ".join(name.split()), Sector(chosen)))

    return ask, ask_partners
