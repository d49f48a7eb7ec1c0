"""A person's cell in a row: 'Jane Smith <jane.smith@council.gov.uk>' or 'A Person, Director
(Communities)' is split into name, email and job title only when each part is plainly what it
is (``people.split``, ``same_person``); otherwise it is kept whole, as written, and the report
says why.
"""

from __future__ import annotations

import re

from partnerfw.record.columns import target
from partnerfw.record.models import Person
from partnerfw.spreadsheet import people
from partnerfw.spreadsheet.cells import EMAIL, quoted
from partnerfw.spreadsheet.row import Row


def is_person(path: str) -> bool:
    """True when the field ``path`` holds a person (a name, a title, an email)."""
    found = target(path)
    return found is not None and found.type is Person


_ANY_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*")
"""Anything that looks like an email address, complete or not ('joanna@x')."""


def person_name(state: Row, path: str, value: str, header: str) -> str:
    """'Jane Smith <jane.smith@council.gov.uk>': the name, and the email for the email field.
    Split only when the email is clearly that person's; always said in the report."""
    match = EMAIL.search(value) or _ANY_EMAIL.search(value)
    if match is None:
        return value
    email = match.group(0)
    complete = EMAIL.fullmatch(email) is not None
    person = path.rsplit(".", 1)[0]
    rest = (value[: match.start()] + value[match.end() :]).strip(" <>()[],;:-\t")
    rest = " ".join(rest.split())
    checks = state.result.checks
    if not rest:
        if complete:
            state.soft[f"{person}.email"] = email
        state.flag(path, value)
        checks.append(
            f"{quoted(header)} holds only an email address ({email}), not a name: kept as "
            "written; put the person's name in"
        )
        return value
    if complete and same_person(rest, email):
        state.soft[f"{person}.email"] = email
        checks.append(
            f"{quoted(header)} {quoted(value)} was split into name {quoted(rest)} and "
            f"email {email}: confirm the email is theirs"
        )
        return rest
    state.flag(path, value)
    why = "does not look like this person's" if complete else "is incomplete"
    checks.append(
        f"{quoted(header)} {quoted(value)} holds an email address that {why}: kept whole, as "
        "written; check it, and give the name and the email their own columns"
    )
    return value


def person_title(state: Row, path: str, value: str, header: str) -> str:
    """'A Person, Director (Communities)': the name, and the title for the title field.
    Split only when one part is plainly a name and the other plainly a title; a cell with a
    title that cannot be cut that clearly is kept whole, as written, and flagged."""
    found = people.split(value)
    if found is None:
        return value
    person = path.rsplit(".", 1)[0]
    checks = state.result.checks
    if isinstance(found, people.Unsure):
        state.flag(path, value)
        checks.append(
            f"{quoted(header)} {quoted(value)} {found.why}: kept whole, as written; give the "
            f"name and the job title their own columns ({person}.name, {person}.title)"
        )
        return value
    state.soft[f"{person}.title"] = found.title
    checks.append(
        f"{quoted(header)} {quoted(value)} was split into name {quoted(found.name)} and "
        f"title {quoted(found.title)}"
    )
    return found.name


def same_person(name: str, email: str) -> bool:
    """True when the email's local part clearly names the person: it holds their surname
    ('jo.bloggs', 'jbloggs' for 'Jo Bloggs') or is just their first name ('sam@')."""
    local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if len(w) >= 2]
    if not words or not local:
        return False
    return words[-1] in local or local == words[0]
