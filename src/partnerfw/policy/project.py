"""The register repository: its ``partnerfw.yaml``, the policy in force and where records are."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnerfw.files import UnreadableFile, read_limited
from partnerfw.findings import Finding, Severity
from partnerfw.policy.schedule import Edition, Schedule
from partnerfw.policy.schema import (
    DEFAULT_EDITION,
    EDITIONS,
    NOT_SETTINGS,
    Council,
    Policy,
    Settings,
    deep_merge,
    edition_text,
    merge_overrides,
)
from partnerfw.record.schema_errors import findings_from
from partnerfw.record.yamlread import MAX_BYTES, Document, YamlProblem, decode, parse

SETTINGS_FILE = "partnerfw.yaml"
POLICY_INVALID = "POL001"
_POLICY_REF = "Policy file (partnerfw docs)"


@dataclass
class Project:
    root: Path
    settings: Settings
    policy: Policy
    """The edition in force on the real date (for commands without --today)."""
    schedule: Schedule
    """Which edition is in force on which date (``policy_on``), and the draft."""
    problems: list[Finding] = field(default_factory=list)

    @property
    def register_dir(self) -> Path:
        return self.root / self.settings.register_folder

    @property
    def council_name(self) -> str:
        return self.settings.council.name


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` holding ``partnerfw.yaml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if os.path.lexists(folder / SETTINGS_FILE):  # even a broken one: check then says so
            return folder
    return None


def open_project(start: Path, config: Path | None = None) -> Project:
    """Read the settings and policy; problems come back as findings, never exceptions."""
    settings_path = config or ((find_root(start) or start.resolve()) / SETTINGS_FILE)
    # The folder holding partnerfw.yaml, not the folder a link named so leads to.
    root = Path(os.path.realpath(settings_path.absolute().parent))
    problems: list[Finding] = []
    settings, settings_doc = _read_settings(settings_path, root, problems)
    schedule = _build_schedule(settings, root, problems, settings_path, settings_doc)
    return Project(root, settings, schedule.policy_on(dt.date.today()), schedule, problems)


def _build_schedule(
    settings: Settings,
    root: Path,
    problems: list[Finding],
    settings_path: Path,
    settings_doc: Document | None,
) -> Schedule:
    explicit = settings.editions is not None
    editions = []
    for index, line in enumerate(settings.schedule):
        at: tuple[str | int, ...] = ("editions", index) if explicit else ()
        policy = _build_policy(
            settings, root, problems, settings_path, settings_doc, line.edition, line.policy, at
        )
        editions.append(Edition(line.edition, policy, line.from_date, line.decision))
    draft = None
    if settings.draft is not None:
        draft = _build_policy(
            settings,
            root,
            problems,
            settings_path,
            settings_doc,
            settings.draft.edition,
            settings.draft.policy,
            ("draft",),
        )
    return Schedule(
        tuple(editions),
        draft,
        settings.draft.edition if settings.draft else None,
        settings.draft.status if settings.draft else None,
    )


def _read_settings(
    path: Path, root: Path, problems: list[Finding]
) -> tuple[Settings, Document | None]:
    fallback = Settings(council=Council(name="The Council"))
    if not os.path.lexists(path) or path.is_dir():
        return fallback, None
    shown = _shown(path, root)
    doc = _read_yaml(path, shown, problems)
    if doc is None:
        return fallback, None
    if not isinstance(doc.data, dict):
        problems.append(
            Finding(
                shown,
                1,
                POLICY_INVALID,
                Severity.ERROR,
                "",
                "the settings must be a mapping (council:, edition:, register:, "
                f"policy:, rules:), not a {type(doc.data).__name__}",
                _POLICY_REF,
            )
        )
        return fallback, None
    try:
        return Settings.model_validate(doc.data), doc
    except ValidationError as exc:
        problems.extend(_as_policy(findings_from(exc, Settings, doc, shown, "")))
        return fallback, None


def _build_policy(
    settings: Settings,
    root: Path,
    problems: list[Finding],
    settings_path: Path,
    settings_doc: Document | None,
    edition: str | None = None,
    own: dict[str, Any] | None = None,
    at: tuple[str | int, ...] = (),
) -> Policy:
    """The edition ``edition`` (default: the one 'edition:' names) with the council's
    overrides: 'policy:' for every edition, then ``own`` (the schedule line's or the draft's
    'policy:', at key path ``at`` of partnerfw.yaml). Every setting an override changes
    becomes a local choice unless the override cites its source."""
    edition = edition or settings.edition or DEFAULT_EDITION
    own = own or {}
    edition_at = (
        _shown(settings_path, root),
        settings_doc.line_of((*at, "edition") if at else ("edition",)) if settings_doc else 1,
    )
    base, base_file, base_doc = _edition_data(edition, root, problems, edition_at)
    merged = merge_overrides(merge_overrides(base, settings.policy), own)
    if isinstance(merged.get("sources", {}), dict):
        merged["sources"] = mark_local(merged.get("sources", {}), [settings.policy, own])
    # A 'rules:' that is not a mapping stays as written, for validation to report.
    if settings.rules and isinstance(merged.get("rules", {}), dict):
        merged["rules"] = deep_merge(
            merged.get("rules", {}),
            {
                code: setting.model_dump(exclude_none=True)
                for code, setting in settings.rules.items()
            },
        )
    try:
        return Policy.model_validate(merged)
    except ValidationError as exc:
        shown, lines = base_file, dict(base_doc.lines)
        if settings_doc is not None and (settings.policy or settings.rules or own):
            # Built-in editions are valid, so the council's overrides caused this: point there.
            shown = _shown(settings_path, root)
            lines = {path: settings_doc.line_of(("policy",)) for path in lines}
            lines.update({p[1:]: n for p, n in settings_doc.lines.items() if p[0] == "policy"})
            lines.update({p: n for p, n in settings_doc.lines.items() if p[0] == "rules"})
            depth = len(at) + 1
            lines.update(
                {
                    p[depth:]: n
                    for p, n in settings_doc.lines.items()
                    if at and p[:depth] == (*at, "policy")
                }
            )
        merged_doc = Document(merged, lines)
        found = findings_from(exc, Policy, merged_doc, shown, "")
        problems.extend(_as_policy(_split_consistency(found, merged_doc)))
        return load_edition(DEFAULT_EDITION)


def mark_local(sources: dict[str, Any], overrides: list[dict[str, Any]]) -> dict[str, Any]:
    """``sources`` with every setting an override changes marked as the council's own choice
    (``{local: ...}``), unless the override gives that setting's source itself."""
    given: dict[str, Any] = {}
    for override in overrides:
        own = override.get("sources")
        if isinstance(own, dict):
            given.update(own)
    result = dict(sources)
    for override in overrides:
        for path in _leaf_paths(override):
            if path in given:
                continue
            for key in [k for k in result if k.startswith(path + ".")]:
                if key not in given:
                    del result[key]
            result[path] = {"local": "set in partnerfw.yaml (no reason recorded)"}
    result.update(given)
    return result


def _leaf_paths(override: dict[str, Any], prefix: str = "") -> list[str]:
    paths = []
    for key, value in override.items():
        if not prefix and key in NOT_SETTINGS:
            continue
        if key == "reference":
            continue
        path = f"{prefix}.{key}" if prefix else str(key)
        if path in ("significance.triggers", "significance.test"):
            continue  # each trigger carries its own reference: or local:
        if isinstance(value, dict) and value:
            paths.extend(_leaf_paths(value, path))
        else:
            paths.append(path)
    return paths


def _split_consistency(found: list[Finding], doc: Document) -> list[Finding]:
    """The policy's cross-checks (an unknown role in a route, ...) come as one message about
    the whole policy, 'part.path: problem; ...': one finding each, at the line of its part."""
    result = []
    for finding in found:
        if not finding.message.startswith(_WHOLE):
            result.append(finding)
            continue
        for part in finding.message.removeprefix(_WHOLE).split("; "):
            where = part.split(":", 1)[0]
            keys = [
                k
                for k in doc.lines
                if where == ".".join(map(str, k)) or where.startswith(".".join(map(str, k)) + ".")
            ]
            line = doc.lines[max(keys, key=len)] if keys else finding.line
            result.append(
                Finding(
                    finding.file,
                    line,
                    finding.rule,
                    finding.severity,
                    finding.record,
                    part,
                    finding.reference,
                )
            )
    return result


_WHOLE = "the record: "


def _edition_data(
    edition: str, root: Path, problems: list[Finding], edition_at: tuple[str, int]
) -> tuple[dict[str, Any], str, Document]:
    if edition in EDITIONS:
        doc = parse(edition_text(edition))
        return doc.data, f"<built-in edition '{edition}'>", doc
    try:
        path = (root / edition).resolve()
        is_file = path.is_file()
    except (OSError, ValueError):  # e.g. a NUL character in the name
        path, is_file = root / edition.replace("\0", ""), False
    shown = _shown(path, root)
    if not is_file:
        problems.append(
            Finding(
                edition_at[0],
                edition_at[1],
                POLICY_INVALID,
                Severity.ERROR,
                "",
                f"edition '{edition}' is neither a built-in edition ({', '.join(EDITIONS)}) "
                "nor a policy file; using the revised edition",
                _POLICY_REF,
            )
        )
        doc = parse(edition_text(DEFAULT_EDITION))
        return doc.data, shown, doc
    read = _read_yaml(path, shown, problems)
    if read is not None and not isinstance(read.data, dict):
        problems.append(
            Finding(
                shown,
                1,
                POLICY_INVALID,
                Severity.ERROR,
                "",
                f"a policy file must be a mapping (edition:, title:, significance:, ...), not a "
                f"{type(read.data).__name__}; using the revised edition",
                _POLICY_REF,
            )
        )
    if read is None or not isinstance(read.data, dict):
        fallback = parse(edition_text(DEFAULT_EDITION))
        return fallback.data, shown, fallback
    return read.data, shown, read


def load_edition(name: str) -> Policy:
    return Policy.model_validate(parse(edition_text(name)).data)


def load_policy_file(path: Path) -> tuple[Policy | None, list[Finding]]:
    """A policy from a file: a built-in edition name, a full policy or a partnerfw.yaml."""
    problems: list[Finding] = []
    if str(path) in EDITIONS:
        return load_edition(str(path)), problems
    doc = _read_yaml(path, path.as_posix(), problems)
    if doc is None:
        return None, problems
    if isinstance(doc.data, dict) and "council" in doc.data:
        project = open_project(path.parent, path)
        return (None if project.problems else project.policy), project.problems
    if (
        isinstance(doc.data, dict)
        and "title" not in doc.data
        and ({"edition", "policy", "rules"} & set(doc.data))
    ):
        return _draft_policy(path, doc)
    try:
        return Policy.model_validate(doc.data), problems
    except ValidationError as exc:
        return None, _as_policy(findings_from(exc, Policy, doc, path.as_posix(), ""))


def _draft_policy(path: Path, doc: Document) -> tuple[Policy | None, list[Finding]]:
    """A draft in partnerfw.yaml's shape without the council's name: an edition, and the
    overrides under ``policy:`` and ``rules:`` that the council is considering."""
    problems: list[Finding] = []
    try:
        settings = Settings.model_validate({**doc.data, "council": {"name": "(draft)"}})
    except ValidationError as exc:
        return None, _as_policy(findings_from(exc, Settings, doc, path.as_posix(), ""))
    last = settings.schedule[-1]
    policy = _build_policy(
        settings,
        path.resolve().parent,
        problems,
        path,
        doc,
        last.edition,
        last.policy,
        ("editions", len(settings.schedule) - 1) if settings.editions else (),
    )
    return (None if problems else policy), problems


def _read_yaml(path: Path, shown: str, problems: list[Finding]) -> Document | None:
    """The settings or a policy file, read as records are: an ordinary file only (a pipe
    cannot block, a link to a device cannot fill the memory), its size checked first."""
    try:
        return parse(decode(read_limited(path, MAX_BYTES)))
    except UnreadableFile as exc:
        problems.append(
            Finding(
                shown,
                1,
                POLICY_INVALID,
                Severity.ERROR,
                "",
                f"the file {exc.reason}",
                _POLICY_REF,
            )
        )
    except YamlProblem as problem:
        problems.append(
            Finding(
                shown,
                problem.line,
                POLICY_INVALID,
                Severity.ERROR,
                "",
                problem.message,
                _POLICY_REF,
            )
        )
    return None


def _as_policy(found: list[Finding]) -> list[Finding]:
    return [
        Finding(f.file, f.line, POLICY_INVALID, f.severity, f.record, f.message, _POLICY_REF)
        for f in found
    ]


def _shown(path: Path, root: Path) -> str:
    """``path`` from the repository's root, as named (a link is shown as itself)."""
    try:
        return (
            Path(os.path.realpath(path.absolute().parent), path.name).relative_to(root).as_posix()
        )
    except ValueError:
        return path.as_posix()
