"""A new record: its id, its text from the commented template of its kind, and the file.

``partnerfw new`` collects the answers (``new_questions``), then this module turns them
into ``register/<id>.yaml``: rendered from ``templates/record/<kind>.yaml.j2``, tidied so
that ``partnerfw fmt`` leaves it alone, validated as a record, and written atomically without
ever replacing a file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from partnerfw.edit import codeowners
from partnerfw.edit.schemas import RECORD_SCHEMA, SCHEMA_FOLDER, modeline, write_schemas
from partnerfw.edit.tidy import tidy_text
from partnerfw.errors import UserError
from partnerfw.files import CannotWrite, UnreadableFile, read_limited, write_atomic
from partnerfw.judge.approval_route import describe_route, first_classify
from partnerfw.judge.classify import classify
from partnerfw.policy.schema import DEFAULT_CLASSES, Policy
from partnerfw.policy.significance_tests import describe
from partnerfw.record.ids import slug as make_slug
from partnerfw.record.loading import RECORD_SUFFIXES, discover, parse_record
from partnerfw.record.models import AgreementItems, ExitCoverage, Governance, Kind, Sector
from partnerfw.record.partial_dates import PartialDate
from partnerfw.record.yamlread import MAX_BYTES, YamlProblem, decode, parse
from partnerfw.rules.base import Context
from partnerfw.rules.engine import run_check
from partnerfw.templating import environment

NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Characters YAML does not allow written as they are."""


@dataclass(frozen=True)
class PartnerAnswer:
    name: str
    sector: Sector


@dataclass
class Answers:
    """Everything the questionnaire asks, already checked one answer at a time."""

    kind: Kind
    name: str
    lead_officer: str
    department: str
    shared_service_type: str | None = None
    legal_form: str | None = None
    company_form: str | None = None
    organisation: str | None = None
    appointed_by: str | None = None
    appointees: list[str] = field(default_factory=list)
    management_services: str | None = None
    """For a company or trust: the council services it runs under a management agreement."""
    payment: str | None = None
    """For commissioning: the_council_is_paid or the_council_pays (1.14)."""
    lead_officer_title: str | None = None
    lead_member: str | None = None
    portfolio: str | None = None
    """The Cabinet portfolio it falls under."""
    statutory: bool = False
    statutory_act: tuple[str, str | None] | None = None
    partners: list[PartnerAnswer] = field(default_factory=list)
    dedicated_budget: Decimal = Decimal(0)
    staff_fte: Decimal = Decimal(0)
    staff_cost: Decimal | None = None
    """None: not known yet (the record then says so, and cannot be classified until it does)."""
    in_kind_value: Decimal | None = None
    in_kind_description: str | None = None
    fundamental: bool = False
    corporate_objectives: list[str] = field(default_factory=list)
    start: PartialDate | None = None
    end: PartialDate | None = None
    indefinite: bool = False
    public_facing: bool = False
    urgent: bool = False
    urgency_justification: str | None = None
    council_fields: dict[str, bool | None] = field(default_factory=dict)
    """Answers to the council's own questions (record_fields); None: not answered."""
    id: str = ""


def slug(name: str) -> str:
    """'Thamesbridge Food Network (2027)' -> 'thamesbridge-food-network-2027'; letters such
    as ø, ß, Ł and Æ are transliterated (``ids.slug``), never dropped."""

    return make_slug(name) or "arrangement"


def taken_ids(register_dir: Path) -> set[str]:
    """Ids already used: every record file's name and every id written inside one."""

    if not register_dir.is_dir():
        return set()
    taken = set()
    for path in discover([register_dir]):
        if path.suffix in RECORD_SUFFIXES:
            taken.add(path.stem)
        try:  # only ordinary files, within the register (a pipe must not block 'new')
            raw = read_limited(path, MAX_BYTES, within=register_dir)
            data = parse(decode(raw)).data
        except (UnreadableFile, YamlProblem):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            taken.add(data["id"])
    return taken


def unique_id(name: str, taken: set[str]) -> str:
    """The id derived from the name, with -2, -3 ... added until no record uses it."""
    base = slug(name)
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def yaml_scalar(value: Any) -> str:
    """A YAML scalar that reads back as exactly ``value``: plain when that is safe, else
    double-quoted (JSON strings are valid YAML)."""
    # Loaded here, not at the top: Jinja2 is only needed when this runs.
    from markupsafe import Markup

    if value is None:
        return Markup("")
    if isinstance(value, bool):
        return Markup("true" if value else "false")
    if isinstance(value, Decimal | int):
        return Markup(str(value))
    if isinstance(value, dt.date | PartialDate):
        return Markup(value.isoformat())
    text = str(value)
    if "\n" not in text and text == text.strip() and "#" not in text:
        try:
            if parse(f"k: {text}\n").data == {"k": text}:
                return Markup(text)
        except YamlProblem:
            pass
    quoted = json.dumps(text, ensure_ascii=False)
    return Markup(NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", quoted))


def comment_text(value: Any, indent: int = 0) -> str:
    """Text for a comment: whitespace collapsed, wrapped to the layout's 100 columns; lines
    after the first carry their own '# ' at ``indent`` (so a newline cannot end a comment)."""
    import textwrap

    from markupsafe import Markup

    width = max(40, 100 - indent - 2)
    lines = textwrap.wrap(" ".join(str(value).split()), width) or [""]
    return Markup(("\n" + " " * indent + "# ").join(lines))


def _items(names: list[str], model: Any) -> list[dict[str, str]]:
    order = list(model.model_fields)
    return [
        {"name": name, "description": model.model_fields[name].description or name}
        for name in sorted(set(names), key=order.index)
    ]


def template_context(answers: Answers, policy: Policy, route: str) -> dict[str, Any]:
    requirements = policy.requirements.get(answers.kind)
    agreement = list(requirements.agreement) if requirements else []
    if requirements and answers.public_facing:
        agreement += requirements.agreement_if_public_facing
    threshold = policy.threshold
    # The highest class's route says whether the statutory officers' opinions are asked.
    policy_route = policy.route_for(answers.kind, policy.scheme.names[0])
    return {
        "a": answers,
        "req": {
            "evaluation": bool(requirements and requirements.evaluation)
            and answers.kind in (Kind.PARTNERSHIP, Kind.SHARED_SERVICE),
            "governance": _items(list(requirements.governance) if requirements else [], Governance),
            "agreement": _items(agreement, AgreementItems),
            "exit_covers": _items(
                list(requirements.exit_strategy_covers) if requirements else [], ExitCoverage
            ),
            "opinions": policy_route is None or policy_route.opinions_required,
        },
        "threshold": f"£{threshold:,.0f} under the {policy.edition} edition"
        if threshold is not None
        else "none in this policy",
        "route": route,
        "classes": [
            {"label": d.label, "test": describe(d.test) if d.test is not None else None}
            for d in policy.scheme.classes
        ],
        "framework_classes": policy.class_labels == DEFAULT_CLASSES,
        "council_questions": [
            {
                "name": name,
                "question": declared.question,
                "answer": answers.council_fields.get(name),
            }
            for name, declared in policy.record_fields.items()
        ]
        if answers.kind is Kind.PARTNERSHIP
        else [],
    }


def render(
    answers: Answers,
    policy: Policy,
    route: str,
    modeline: str,
    file: str,
    register_root: Path | None,
) -> str:
    """The record's text: the kind's template rendered, then tidied as ``fmt`` would."""
    # Loaded here, not at the top: Jinja2 is only needed when this runs.
    from jinja2 import TemplateNotFound

    env = environment(register_root).overlay(
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["comment"] = comment_text
    try:
        template = env.get_template(f"record/{answers.kind.value}.yaml.j2")
    except TemplateNotFound as exc:
        raise UserError(
            f"the record template {exc.name} is missing; reinstall partnerfw or "
            "restore it in your templates/ folder"
        ) from None
    # Loaded here, not at the top: Jinja2 is only needed when this runs.
    from markupsafe import Markup

    context = template_context(answers, policy, route)
    line = Markup(" ".join(modeline.splitlines()))
    return tidy_text(template.render(modeline=line, file=file, **context))


def check_text(text: str, shown: str) -> None:
    """Refuse to write a record that would not load: a template or answer problem."""

    record, problems = parse_record(text.encode("utf-8"), shown)
    if record is None:
        detail = "; ".join(f"line {p.line}: {p.message}" for p in problems)
        raise UserError(f"the new record would not be valid ({detail}); nothing was written")


@dataclass
class Created:
    """What ``new`` wrote and what the user should know straight away."""

    path: Path
    shown: str
    classification: Any
    route: str
    route_reference: str
    findings: list[Any]
    schema_written: list[str]
    codeowners: str | None = None
    """What happened to .github/CODEOWNERS: refreshed for the new record, or why not."""


def create_record(project: Any, answers: Answers, today: dt.date) -> Created:
    """Render, validate and write ``register/<id>.yaml``; never over an existing file."""

    path = project.register_dir / f"{answers.id}.yaml"
    shown = _shown(path, project.root)
    if path.exists():
        raise UserError(
            f"{shown} already exists; partnerfw never overwrites a record: "
            "choose another --id or edit the existing file"
        )
    schema_folder = project.root / SCHEMA_FOLDER
    line = modeline(path, schema_folder)
    policy = project.schedule.policy_on(today)
    draft = render(answers, policy, "", line, shown, project.root)
    record, _ = parse_record(draft.encode("utf-8"), shown)
    if record is None:
        check_text(draft, shown)
    assert record is not None
    classification = classify(record.arrangement, policy, today)
    context = Context(record, classification, policy, today)
    route_ = policy.route_for(record.arrangement.kind, classification.klass)
    if route_ is not None:
        route_text = describe_route(context, route_)
    elif classification.undetermined:
        route_text = "not known until it can be classified: " + first_classify(context)
    else:
        route_text = "no route in this policy"
    text = render(answers, policy, route_text, line, shown, project.root)
    check_text(text, shown)
    written = []
    try:
        if not (schema_folder / RECORD_SCHEMA).is_file():
            written = write_schemas(schema_folder, project.policy)
        write_atomic(path, text)
    except CannotWrite as exc:  # the schema comes first: say the record was not written
        raise CannotWrite(f"{shown} was not written: {exc}") from None
    result = run_check(project, [path], today)
    return Created(
        path,
        shown,
        classification,
        route_text,
        route_.reference if route_ else "",
        result.findings_for(answers.id),
        [_shown(p, project.root) for p in written],
        _refresh_codeowners(project),
    )


def _refresh_codeowners(project: Any) -> str | None:
    """A CODEOWNERS that partnerfw wrote gets the new record's line, so that the commit adding
    the record also asks its reviewers (and ``codeowners --check`` passes)."""

    try:
        outcome = codeowners.build(project)
        if not outcome.target.is_file():
            return None
        if not outcome.target.read_text("utf-8").startswith(codeowners.MARKER):
            return f"{codeowners.CODEOWNERS} was written by hand, so it was left as it is"
        if codeowners.write(outcome):
            return f"Wrote {codeowners.CODEOWNERS} (the new record's reviewers)"
    except UserError as exc:
        return f"{codeowners.CODEOWNERS} was not updated: {exc}"
    return None


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def assign_id(answers: Answers, register_dir: Path, requested: str | None) -> None:
    """The id asked for (checked, never reused), or one derived from the name."""
    taken = taken_ids(register_dir)
    if requested is None:
        answers.id = unique_id(answers.name, taken)
        return
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", requested) or len(requested) > 80:
        raise UserError(
            f"--id '{requested}' is not a valid id: use lower-case letters, digits "
            f"and hyphens, e.g. '{slug(requested)}'"
        )
    if requested in taken:
        raise UserError(
            f"--id '{requested}' is already used in {register_dir.name}/; partnerfw "
            f"never overwrites a record: choose another id, e.g. "
            f"'{unique_id(requested, taken)}'"
        )
    answers.id = requested
