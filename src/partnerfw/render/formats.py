"""Renderers of a check result: text for people, json for tools, github for pull requests,
sarif for code scanning (``sarif.py``). Each says what every finding rests on: the framework's
paragraph, or 'local:' and the council's own choice (``Finding.cited``).

The formats are documented in one place, docs/output.md (tested). The json
format is a contract: an object with ``records``, ``findings`` and ``summary``; fields are only
ever added, never renamed or removed. github and sarif name files from the git repository's
root (``repo_paths.py``), as GitHub expects.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.markup import escape

from partnerfw.findings import Finding, Severity
from partnerfw.git.repo_paths import as_given
from partnerfw.render.sarif import render_sarif as sarif_log
from partnerfw.rules.engine import CheckedRecord, CheckResult
from partnerfw.words import plural

if TYPE_CHECKING:
    from partnerfw.policy.schema import Policy

JSON_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Context:
    """What the renderers for tools need besides the result."""

    paths: Callable[[str], str] = field(default=as_given)
    """A finding's file as the tool names it (github, sarif: from the git repository's root)."""
    policy: Policy | None = None
    """The policy in force, for the rule catalogue sarif lists."""


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(result: CheckResult, context: Context | None = None) -> str:
    """Findings grouped by file, then a one-line summary; rich markup for colour."""
    lines: list[str] = []
    current = None
    for finding in result.findings:
        if finding.file != current:
            current = finding.file
            if lines:
                lines.append("")
            lines.append(f"[bold]{escape(finding.file)}[/bold]")
        style = _STYLE[finding.severity]
        lines.append(
            f"  {finding.line:>4}  [{style}]{finding.severity.value:<7}[/{style}] "
            f"{finding.rule:<8} {escape(finding.message)} [dim]({escape(finding.cited)})[/dim]"
        )
    summary = result.summary
    if lines:
        lines.append("")
    lines.append(summary_line(summary, result.register_is_empty))
    return "\n".join(lines)


def summary_line(summary: dict[str, int], empty_register: bool = False) -> str:
    """'16 arrangements in 16 files: 6 errors, 26 warnings, 3 notes', with singulars."""
    if empty_register and not any(summary[s] for s in ("error", "warning", "info")):
        return "no arrangements yet: add the first with 'partnerfw new'"
    return (
        f"{plural(summary['records'], 'arrangement')} in {plural(summary['files'], 'file')}: "
        f"{plural(summary['error'], 'error')}, {plural(summary['warning'], 'warning')}, "
        f"{plural(summary['info'], 'note')}"
    )


def _record(checked: CheckedRecord) -> dict[str, object]:
    arrangement = checked.record.outline
    c = checked.classification
    return {
        "id": arrangement.id,
        "file": checked.record.file,
        "name": arrangement.name,
        "kind": arrangement.kind.value,
        "classification": c.klass,
        "reason": c.reason,
        "status": arrangement.status.value,
    }


def render_json(result: CheckResult, context: Context | None = None) -> str:
    """The result as one JSON object, each record and each finding on a line of its own (easy
    to read, to diff and to grep, and written by json's C encoder: a pretty-printed object is
    written in Python, a tenth of a second for a large register's findings)."""
    records = [_record(r) for r in result.records]
    findings = [f.as_dict() for f in result.findings]
    summary = _json(result.summary)
    return (
        f'{{\n  "version": {JSON_FORMAT_VERSION},\n'
        f'  "records": {_json_lines(records)},\n'
        f'  "findings": {_json_lines(findings)},\n'
        f'  "summary": {summary}\n}}'
    )


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


_BETWEEN = "\u0000"
"""Put between the items, encoded once, then replaced by a line break: a string that is only
NUL is encoded as ``"\\u0000"`` and, between two objects (``}, "\\u0000", {``), can be
nothing else, since an unescaped quote only ever delimits a string and the items hold no lists
of objects."""


def _json_lines(items: list[dict[str, object]]) -> str:
    """A JSON list with each item (a flat object) on a line of its own, encoded in one call."""
    if not items:
        return "[]"
    between = [_BETWEEN] * len(items)
    spaced = [x for pair in zip(items, between, strict=True) for x in pair][:-1]
    marker = "}, " + _json(_BETWEEN) + ", {"
    return "[\n    " + _json(spaced)[1:-1].replace(marker, "},\n    {") + "\n  ]"


def _github_escape(text: str, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github_line(finding: Finding, paths: Callable[[str], str] = as_given) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
    title = _github_escape(f"{finding.rule} ({finding.cited})", property_=True)
    file = _github_escape(paths(finding.file), property_=True)
    return (
        f"::{level} file={file},line={finding.line},title={title}::"
        f"{_github_escape(finding.message)}"
    )


def render_github(result: CheckResult, context: Context | None = None) -> str:
    """A workflow command per finding (GitHub shows them as annotations, at most 10 of each
    kind per step: the step summary, ``step_summary.py``, lists them all), then the counts."""
    paths = (context or Context()).paths
    lines = [github_line(f, paths) for f in result.findings]
    lines.append(summary_line(result.summary, result.register_is_empty))
    return "\n".join(lines)


def render_sarif(result: CheckResult, context: Context | None = None) -> str:
    context = context or Context()
    return sarif_log(result, context.paths, context.policy)


RENDERERS: dict[str, Callable[[CheckResult, Context | None], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
}
FOR_TOOLS = ("github", "sarif")
"""The formats whose file paths are from the git repository's root."""
