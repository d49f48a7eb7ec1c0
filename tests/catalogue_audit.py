"""The audit of the rule catalogue against the framework: the paragraph numbers the framework
texts have (tests/catalogue/framework_paragraphs.yaml), a reader of the references the
catalogue cites, the obligations found in the texts and what checks each
(tests/catalogue/obligations.yaml), and the figures: obligations found, mapped to a rule or a
guidance entry, verified firing by a test.

    python -m tests.catalogue_audit          # prints the figures and any gap
    python -m tests.catalogue_audit --markdown   # the page docs/generated/ publishes

tests/test_catalogue_audit.py holds them to it; docs/figures.py writes the page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from partnerfw.findings import Finding
from partnerfw.policy.schema import MasterLists
from partnerfw.rules import RULES
from tests.records import DELETE, TODAY, findings, policy, yaml_text

HERE = Path(__file__).resolve().parent / "catalogue"
_DELETE = "<delete>"
# The Cabinet portfolios a firing case may need (as partnerfw.yaml lists them).
PORTFOLIOS = MasterLists(
    portfolios=(("Housing and Homelessness", ("Holder of portfolio_holder",)),)
)


# --- the framework's paragraphs and the references that cite them -----------------------------


@cache
def paragraphs() -> dict[str, Any]:
    with (HERE / "framework_paragraphs.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)  # type: ignore[no-any-return]


_MINUTES = re.compile(r"Framework review (?:committee )?minutes(?: \(([^()]*)\))?")
_TOKEN = re.compile(
    r"(?P<doc>Framework|Appendix [123]|App[123])\b"
    r"|(?P<ss>\bSS\b)"
    r"|(?P<par>\b\d+(?:\.\d+)*(?:\([a-z](?:-[a-z])?\)|[a-z](?:-[a-z])?\b)?"
    r"(?:-\d+(?:\.\d+)*)?)"
    r"|(?P<paren>\([^()]*\))"
)
_LETTERS = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\(?(?P<letters>[a-z](?:-[a-z])?)?\)?$")


def problems_of(reference: str) -> list[str]:
    """What in ``reference`` the framework texts do not have: a paragraph number, a lettered
    point, an appendix heading or a matter of the minutes. A reference with no citation at all
    is a problem too (a framework rule must cite something)."""
    problems: list[str] = []
    cited = 0
    for match in _MINUTES.finditer(reference):
        cited += 1
        topic = (match.group(1) or "").casefold()
        if not any(key in topic for key in paragraphs()["minutes"]):
            problems.append(f"the minutes say nothing of '{match.group(1)}'")
    rest = _MINUTES.sub(" ", reference)
    doc: str | None = None
    shared = False
    for token in _TOKEN.finditer(rest):
        if token.group("doc"):
            doc, shared = _document(token.group("doc")), False
        elif token.group("ss"):
            shared = True
        elif token.group("paren"):
            inside = token.group("paren")[1:-1]
            if doc == "appendix_3" and "shared service" in inside:
                shared = True
            cited += _heading(doc, inside, problems)
        elif token.group("par"):
            cited += 1
            text = token.group("par")
            # '4.5(a-b)' and '1.8b' are lettered points; '4.3-4.4' is a range of paragraphs.
            for number in [text] if _LETTERS.match(text) else text.split("-"):
                _paragraph(doc or "framework", shared, number, problems)
        if token.group("doc") and token.group("doc").startswith("Appendix"):
            cited += 1
    if not cited:
        problems.append(f"'{reference}' cites no paragraph")
    return problems


def _document(word: str) -> str:
    if word == "Framework":
        return "framework"
    return f"appendix_{word[-1]}"


def _heading(doc: str | None, inside: str, problems: list[str]) -> int:
    """A bracketed heading: an Appendix 1 section, a Business Case History number of Appendix
    2, a heading of 3.4; other bracketed words are a description, not a citation."""
    texts = paragraphs()
    if doc == "appendix_1":
        sections = [s.casefold() for s in texts["appendix_1"]["sections"]]
        if not any(s in inside.casefold() for s in sections):
            problems.append(f"Appendix 1 has no heading '{inside}'")
        return 1
    if doc == "appendix_2" and inside.startswith("Business Case History"):
        number = inside.removeprefix("Business Case History").strip()
        if number not in texts["appendix_2"]["history"]:
            problems.append(f"Appendix 2's Business Case History has no {number}")
        return 1
    return 0


def _paragraph(doc: str, shared: bool, text: str, problems: list[str]) -> None:
    texts = paragraphs()
    found = _LETTERS.match(text)
    if found is None:
        problems.append(f"cannot read '{text}'")
        return
    number, letters = found.group("number"), found.group("letters")
    if doc == "appendix_3":
        part = texts["appendix_3"]["shared_service" if shared else "partnership"]
    elif doc == "appendix_1":
        problems.append(f"Appendix 1 is not numbered ('{text}'): cite its heading")
        return
    else:
        part = texts[doc]
    name = {"framework": "the framework", "appendix_2": "Appendix 2"}.get(
        doc, "Appendix 3's " + ("shared service" if shared else "partnership") + " agreement"
    )
    if number not in part["numbered"]:
        problems.append(f"{name} has no paragraph {number}")
    elif letters:
        allowed = part.get("lettered", {}).get(number, "")
        for letter in letters.split("-"):
            if letter not in allowed:
                problems.append(f"{name} {number} has no point ({letter})")


# --- the obligations and what checks them ----------------------------------------------------


@dataclass
class Obligation:
    id: str
    cites: str
    says: str
    rules: list[str] = field(default_factory=list)
    guidance: list[str] = field(default_factory=list)
    unmapped: str | None = None
    fires: dict[str, Any] | None = None

    @property
    def mapped(self) -> bool:
        return bool(self.rules or self.guidance)


@cache
def obligations() -> tuple[Obligation, ...]:
    with (HERE / "obligations.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return tuple(Obligation(**item) for item in data["obligations"])


@cache
def principles() -> tuple[dict[str, str], ...]:
    with (HERE / "obligations.yaml").open(encoding="utf-8") as f:
        return tuple(yaml.safe_load(f)["principles"])


def _value(value: Any) -> Any:
    if value == _DELETE:
        return DELETE
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def fired(obligation: Obligation) -> list[Finding]:
    """The findings of the obligation's rule for its firing record (none: not verified)."""
    spec = obligation.fires or {}
    if not spec:
        return []
    changes = {path: _value(v) for path, v in (spec.get("changes") or {}).items()}
    source = yaml_text(
        spec.get("kind", "partnership"), changes, status=spec.get("status", "active")
    )
    today = spec.get("today", TODAY)
    if isinstance(today, str):
        today = dt.date.fromisoformat(today)
    lists = PORTFOLIOS if spec.get("checked_with_lists") == "portfolios" else None
    found = findings(source, today, policy(spec.get("edition", "revised")), lists)
    code = spec.get("rule", obligation.rules[0] if obligation.rules else "")
    return [f for f in found if f.rule == code]


def verified(obligation: Obligation) -> bool:
    """Its rule fires on its firing record, with the words it must say."""
    found = fired(obligation)
    words = (obligation.fires or {}).get("words", [])
    said = " | ".join(f.message for f in found)
    return bool(found) and all(w in said for w in words)


@dataclass(frozen=True)
class Figures:
    found: int
    mapped: int
    to_rules: int
    to_guidance_only: int
    verified: int
    unmapped: tuple[str, ...]

    def percent(self, part: int) -> int:
        return round(100 * part / self.found) if self.found else 0


def figures() -> Figures:
    items = obligations()
    checked = [o for o in items if o.rules]
    return Figures(
        found=len(items),
        mapped=sum(1 for o in items if o.mapped),
        to_rules=len(checked),
        to_guidance_only=sum(1 for o in items if o.guidance and not o.rules),
        verified=sum(1 for o in checked if verified(o)),
        unmapped=tuple(o.id for o in items if not o.mapped),
    )


def markdown() -> str:
    """The audit as a page: the figures, then every obligation with what checks it."""
    f = figures()
    lines = [
        f"The audit of the catalogue found **{f.found} obligations** in the framework, its "
        f"appendices and the review's minutes. **{f.mapped} ({f.percent(f.mapped)}%) are "
        f"mapped** to a rule or a guidance entry: {f.to_rules} ({f.percent(f.to_rules)}%) to "
        f"a rule, {f.to_guidance_only} to guidance only. **{f.verified} "
        f"({f.percent(f.verified)}%) are verified firing**: a test makes a record that misses "
        f"the obligation and sees the rule's finding say so. {len(f.unmapped)} are neither "
        "checked nor guidance, each with why below.",
        "",
        "| Obligation | Paragraph | What it asks | Rule | Guidance | Verified |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for o in obligations():
        check = "yes" if o.rules and verified(o) else ("no" if o.rules else "")
        guidance = ", ".join(o.guidance)
        rules = ", ".join(o.rules) or ("" if o.mapped else f"not mapped: {o.unmapped}")
        cells = [o.id, o.cites, o.says, rules, guidance, check]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    lines += [
        "",
        "Statements of principle, not counted as obligations: "
        + "; ".join(f"{p['cites']} ({p['says'].rstrip('.')})" for p in principles())
        + ".",
    ]
    return "\n".join(lines) + "\n"


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print the page")
    if parser.parse_args().markdown:
        print(markdown(), end="")
        return
    f = figures()
    print(f"obligations found: {f.found}")
    print(f"mapped to a rule or guidance: {f.mapped} ({f.percent(f.mapped)}%)")
    print(f"  to a rule: {f.to_rules} ({f.percent(f.to_rules)}%)")
    print(f"  to guidance only: {f.to_guidance_only}")
    print(f"verified firing by a test: {f.verified} ({f.percent(f.verified)}%)")
    print(f"not mapped: {', '.join(f.unmapped) or 'none'}")
    print(f"rules in the catalogue: {len(RULES)}")


if __name__ == "__main__":
    _main()
