"""The questions ``partnerfw new`` asks, each also a command-line option, in the order a
terminal asks them (``answers`` asks them; ``council_questions`` adds the council's own)."""

from __future__ import annotations

import re
from collections.abc import Callable

from partnerfw.edit.amounts_and_dates import date, end_date, money, money_or_not_known, number
from partnerfw.edit.answers import (
    Answer,
    Question,
    choice,
    optional_text,
    prompt,
    required_text,
    yes_no,
)
from partnerfw.edit.new_record import PartnerAnswer
from partnerfw.record.models import CompanyForm, Kind, Payment, Sector, SharedServiceType

# One line per entry: the terminal wraps each at its width, under the entry's description
# (render/terminal.py), so the menus read at 80 columns as at 200.
KIND_HELP = """\
What kind of arrangement is it?
  1  partnership       the council and one or more independent bodies working together \
towards shared objectives (Framework 1.7)
  2  shared_service    councils sharing a team, a manager or an officer, or covering for each \
other at short notice (1.12)
  3  informal_network  an information-sharing group, e.g. a finance officers' group; not a \
formal partnership but kept on the register
  4  commissioning     the council is paid to deliver a service for another body: NOT a \
partnership (1.14)
  5  company_or_trust  a separate company or charitable trust, including a community interest \
company: outside this framework, it needs its own legal and financial arrangements (1.10)
  6  outside_body      councillors or officers appointed to another organisation's board or \
committee: not a partnership (1.7), but on the register"""

COMPANY_HELP = """\
Which legal form (Enter to skip)?
  1  company_limited_by_guarantee
  2  company_limited_by_shares
  3  community_interest_company
  4  charitable_company
  5  charitable_incorporated_organisation
  6  charitable_trust
  7  community_benefit_society
  8  other"""

TYPE_HELP = """\
Which kind of shared service (1.12)?
  1  full_shared_service  teams of two or more councils joined into one, hosted by one
  2  joint_management     one council's manager also manages another council's team
  3  joint_officer        officers (not managers) giving another council long-term cover
  4  ad_hoc_resilience    short-term cover, e.g. maternity cover or 'as and when'"""

URGENT_HELP = (
    "Urgent (ad hoc) arrangements are those needed within days to keep services running. "
    "They may start before approval, but approval must follow within the period the policy "
    "sets."
)

MANAGEMENT_HELP = (
    "A company or trust the partners create for their own purposes is outside this framework "
    "(1.10). One that runs council services under a management agreement (e.g. a leisure "
    "trust running the council's leisure centres) is a contract, which the council manages "
    "as a contract."
)

PAYMENT_HELP = """\
In a commissioning arrangement the council is paid to deliver a service on behalf of \
another organisation (1.14).
  1  the_council_is_paid  the other body pays the council for the service
  2  the_council_pays     the council pays the other body: then it is not commissioning but \
a contract (or, working towards shared objectives, a partnership)"""

_ACT_AND_SECTION = re.compile(
    r"^(?P<act>.*?\b\d{4})\s*,?\s*(?P<section>(?:s\.?|ss\.?|sections?)\s*\d.*)?$",
    re.IGNORECASE,
)


# --- parsers: value or ValueError(reason) ----------------------------------------------


def _payment(text: str, answers: Answer) -> str | None:
    if not text.strip():
        return None
    return choice([p.value for p in Payment], "payment")(text, answers)


def _justification(text: str, answers: Answer) -> str:
    try:
        return required_text(text, answers)
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
    return choice([f.value for f in CompanyForm], "legal form")(text, answers)


def _act_and_section(text: str, answers: Answer) -> tuple[str, str | None]:
    """'Crime and Disorder Act 1998 s5' -> ('Crime and Disorder Act 1998', 's5')."""
    cleaned = required_text(text, answers)
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


_sector = choice([s.value for s in Sector], "sector")
_kinds = [k.value for k in Kind]
_types = [t.value for t in SharedServiceType]


def _ask_partners(_: Answer) -> list[PartnerAnswer]:
    """The partners in a terminal, one at a time until an empty name."""
    partners: list[PartnerAnswer] = []
    while True:
        name = prompt(
            f"Partner {len(partners) + 1} name", str.strip, default="", show_default=False
        )
        if not name:
            return partners
        chosen = prompt(
            f"Sector of {name} (public, private, voluntary, community, individual, other)",
            lambda text: _sector(text, {}),
        )
        partners.append(PartnerAnswer(" ".join(name.split()), Sector(chosen)))


_STATUTORY_KINDS = (Kind.PARTNERSHIP, Kind.SHARED_SERVICE, Kind.COMMISSIONING)


def is_kind(kind: Kind) -> Callable[[Answer], bool]:
    """For ``when``: the question applies to this kind of arrangement."""
    return lambda answers: answers.get("kind") is kind


QUESTIONS = [
    Question(
        "kind",
        "--kind",
        "Kind (1-6)",
        lambda t, a: Kind(choice(_kinds, "kind")(t, a)),
        required=True,
        intro=KIND_HELP,
    ),
    Question(
        "shared_service_type",
        "--shared-service-type",
        "Type (1-4)",
        choice(_types, "shared service type"),
        when=is_kind(Kind.SHARED_SERVICE),
        required=True,
        intro=TYPE_HELP,
        not_here="only a shared service has a type (--kind shared_service)",
    ),
    Question(
        "legal_form",
        "--legal-form",
        "Its legal form, e.g. company limited by guarantee (Enter to skip)",
        optional_text,
        default="",
        when=is_kind(Kind.COMPANY_OR_TRUST),
        not_here="only a company or trust has a legal form (--kind company_or_trust)",
    ),
    Question(
        "company_form",
        "--company-form",
        "Form (1-8)",
        _company_form,
        default="",
        when=is_kind(Kind.COMPANY_OR_TRUST),
        intro=COMPANY_HELP,
        not_here="only a company or trust has a form (--kind company_or_trust)",
    ),
    Question(
        "organisation",
        "--organisation",
        "The outside body the council appoints to, e.g. Citizens Advice Thamesbridge",
        required_text,
        when=is_kind(Kind.OUTSIDE_BODY),
        required=True,
        not_here="it names the body of an appointment (--kind outside_body)",
    ),
    Question(
        "appointed_by",
        "--appointed-by",
        "Who made the appointments, e.g. Annual Council or the Leader",
        required_text,
        when=is_kind(Kind.OUTSIDE_BODY),
        required=True,
        not_here="it says who appointed to an outside body (--kind outside_body)",
    ),
    Question(
        "appointees",
        "--appointee",
        "The councillors appointed, separated by semicolons",
        _names,
        when=is_kind(Kind.OUTSIDE_BODY),
        required=True,
        from_options=lambda values, a: [n for v in values for n in _names(v, a)],
        not_here="it names who was appointed to an outside body (--kind outside_body)",
    ),
    Question(
        "management_services",
        "--management-agreement",
        "If it runs council services under a management agreement, which ones? (Enter if not)",
        optional_text,
        default="",
        when=is_kind(Kind.COMPANY_OR_TRUST),
        intro=MANAGEMENT_HELP,
        not_here="only a company or trust runs services under a management "
        "agreement (--kind company_or_trust)",
    ),
    Question(
        "payment",
        "--payment",
        "Who pays (1-2, Enter if not yet known)",
        _payment,
        default="",
        when=is_kind(Kind.COMMISSIONING),
        intro=PAYMENT_HELP,
        not_here="who pays is asked of a commissioning arrangement (--kind commissioning)",
    ),
    Question(
        "name",
        "--name",
        "Name of the arrangement, as the public would know it",
        required_text,
        required=True,
    ),
    Question(
        "lead_officer",
        "--lead-officer",
        "The council's lead officer (full name)",
        required_text,
        required=True,
    ),
    Question(
        "lead_officer_title",
        "--lead-officer-title",
        "Their job title (Enter to skip)",
        optional_text,
        default="",
    ),
    Question(
        "department", "--department", "The lead officer's department", required_text, required=True
    ),
    Question(
        "partners",
        "--partner",
        "The other organisations taking part",
        lambda t, a: [_partner(t, a)],
        intro="The other organisations taking part (Enter on an empty line when done).",
        from_options=lambda values, a: [_partner(v, a) for v in values],
        ask_here=_ask_partners,
    ),
    Question(
        "portfolio",
        "--portfolio",
        "The Cabinet portfolio it falls under (Enter to skip)",
        optional_text,
        default="",
    ),
    Question(
        "lead_member",
        "--lead-member",
        "The Lead Member, the councillor who signs it off with the Director (Enter to skip)",
        optional_text,
        default="",
        when=lambda a: a.get("kind") is not Kind.OUTSIDE_BODY,
        not_here="an appointment to an outside body names its appointees instead",
    ),
    Question(
        "statutory",
        "--statutory",
        "Is it required by law, a statutory partnership (Appendix 1 'Statutory Status')? (y/n)",
        yes_no,
        default="n",
        when=lambda a: a.get("kind") in _STATUTORY_KINDS,
        not_here="only a partnership, shared service or commissioning arrangement is statutory",
    ),
    Question(
        "statutory_act",
        "--statutory-act",
        "Which Act and section, e.g. Crime and Disorder Act 1998 s5",
        _act_and_section,
        when=lambda a: bool(a.get("statutory")),
        required=True,
        not_here="it names the Act of a statutory arrangement: give --statutory too",
    ),
    Question(
        "dedicated_budget",
        "--budget",
        "Dedicated council budget, £ a year",
        money,
        default="0",
        intro="What the council puts in (Appendix 1); 0 if none.",
    ),
    Question(
        "staff_fte",
        "--staff-fte",
        "Council staff time, full-time equivalents",
        number,
        default="0",
    ),
    Question(
        "staff_cost",
        "--staff-cost",
        "Cost of that staff time, £ a year (Enter if none, or not known yet: staff time "
        "without a cost cannot be counted, so it cannot be classified until it is written in)",
        money_or_not_known,
        default="",
    ),
    Question(
        "in_kind_value",
        "--in-kind-value",
        "Value of resources given in kind, £ a year (Enter if none, or not known yet)",
        money_or_not_known,
        default="",
    ),
    Question(
        "in_kind_description",
        "--in-kind-description",
        "What is given in kind, e.g. meeting rooms (Enter if nothing is)",
        optional_text,
        default="",
    ),
    Question(
        "fundamental",
        "--fundamental",
        "Is it fundamental to delivering a Corporate Plan objective, so that without it "
        "the objective would not be delivered (1.9)? (y/n)",
        yes_no,
        default="n",
        when=is_kind(Kind.PARTNERSHIP),
        not_here="significance is for partnerships (--kind partnership)",
    ),
    Question(
        "corporate_objectives",
        "--corporate-objective",
        "Which Corporate Plan objective does it contribute to? (Enter to skip)",
        lambda t, a: [x] if (x := optional_text(t, a)) else [],
        default="",
        from_options=lambda values, a: [required_text(v, a) for v in values],
    ),
    Question(
        "start",
        "--start",
        "Start date, e.g. 2027-04-01, or 2027-04 if only the month is known (Enter if not "
        "known yet)",
        date,
        default="",
    ),
    Question(
        "indefinite",
        "--indefinite",
        "Does it run indefinitely, with no end date? (y/n)",
        yes_no,
        default="n",
    ),
    Question(
        "end",
        "--end",
        "End date, if it has a fixed term (Enter if not known yet)",
        end_date,
        default="",
        when=lambda a: not a.get("indefinite"),
        not_here="an indefinite arrangement has no end date; leave out --indefinite or --end",
    ),
    Question(
        "public_facing",
        "--public-facing",
        "Does it provide services directly to the public (4.11)? (y/n)",
        yes_no,
        default="n",
    ),
    Question(
        "urgent",
        "--urgent",
        "Is it urgent, needed within days? (y/n)",
        yes_no,
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
        not_here="it explains an urgent arrangement: give --urgent too",
    ),
]
