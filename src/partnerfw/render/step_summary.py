"""The Markdown summary of every finding that ``check --format github`` adds to the workflow
run's summary page (``$GITHUB_STEP_SUMMARY``).

GitHub shows at most 10 annotations of each kind per step, so most findings of a real register
would not be seen on the pull request; the step summary has room for all of them (GitHub
accepts up to 1 MiB per step). It says the counts (by rule, with what each rests on: the
framework or a local choice), then one table per severity - errors first and open, warnings
and notes folded - with each finding's file and line (linked to the line when the run's commit
is known), rule, arrangement, message and basis: the framework paragraph, or 'local:' and the
council's own choice. All text is escaped for Markdown, so a record's text cannot become a
link, a table cell or markup. If a very large register's findings would not fit, the least
severe rows are left out and the summary says how many.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from partnerfw.findings import Basis, Finding, Severity
from partnerfw.render.formats import summary_line
from partnerfw.rules import RULES
from partnerfw.rules.engine import CheckResult
from partnerfw.words import plural

SUMMARY_BUDGET = 1_000_000
"""Bytes the summary may take: GitHub refuses a step summary over 1 MiB (1,048,576 bytes)."""

_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Notes"}
_ONE = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# Every ASCII punctuation character Markdown (GitHub's included) can give a meaning to in
# running text or a table cell; CommonMark lets any of them be escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&$@^])")


def md(text: str) -> str:
    """``text`` as literal Markdown on one line: escaped, line breaks as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def render_summary(
    result: CheckResult,
    paths: Callable[[str], str],
    *,
    council: str,
    as_of: dt.date,
    blob_url: str | None = None,
    budget: int = SUMMARY_BUDGET,
) -> str:
    """The summary, Markdown ending with a newline. ``blob_url`` (e.g.
    'https://github.com/OWNER/REPO/blob/SHA/') makes each file a link to its line."""
    head = [
        f"## partnerfw check: {md(council)}",
        "",
        f"{md(summary_line(result.summary, result.register_is_empty))}, as of {as_of.isoformat()}.",
        "",
    ]
    if not result.findings:
        head.append("No findings: every arrangement checked meets the framework as set.")
        return "\n".join(head) + "\n"
    head += _counts(result.findings)
    used = _size(head)
    sections: list[str] = []
    left_out = 0
    for severity in Severity:
        found = [f for f in result.findings if f.severity is severity]
        if not found:
            continue
        rows = [_row(f, paths, blob_url) for f in found]
        title = f"{_HEADINGS[severity]} ({len(found)})"
        opening = [
            f"<details{' open' if severity is Severity.ERROR else ''}>",
            f"<summary>{title}</summary>",
            "",
            "| File | Line | Rule | Arrangement | Finding | Basis |",
            "| --- | ---: | --- | --- | --- | --- |",
        ]
        closing = ["", "</details>", ""]
        used += _size(opening) + _size(closing)
        kept = []
        for row in rows:
            if used + len(row.encode("utf-8")) + 1 > budget - 400:
                break
            kept.append(row)
            used += len(row.encode("utf-8")) + 1
        left_out += len(rows) - len(kept)
        if kept:
            sections += opening + kept + closing
    if left_out:
        sections.append(
            f"{plural(left_out, 'finding')} not listed here: GitHub accepts at most 1 MiB of "
            "summary per step. Run `partnerfw check` or upload `--format sarif` to see every one."
        )
    return "\n".join(head + sections) + "\n"


def _counts(findings: list[Finding]) -> list[str]:
    lines = ["| Severity | Findings |", "| --- | ---: |"]
    by_severity = Counter(f.severity for f in findings)
    lines += [f"| {_HEADINGS[s]} | {by_severity[s]} |" for s in Severity if by_severity[s]]
    lines += [
        "",
        "| Rule | Severity | Findings | What it checks | Basis |",
        "| --- | --- | ---: | --- | --- |",
    ]
    by_rule = Counter((f.rule, f.severity) for f in findings)
    local = Counter(f.rule for f in findings if f.basis is Basis.LOCAL)
    total = Counter(f.rule for f in findings)
    for (code, severity), count in sorted(
        by_rule.items(), key=lambda item: (item[0][1].rank, -item[1], item[0][0])
    ):
        rule = RULES.get(code)
        basis = _basis(local[code], total[code])
        lines.append(
            f"| {md(code)} | {_ONE[severity]} | {count} | {md(rule.title) if rule else ''} "
            f"| {basis} |"
        )
    return [*lines, ""]


def _basis(local: int, total: int) -> str:
    """'framework', 'local', or how many of the rule's findings rest on a local choice."""
    if not local:
        return "framework"
    return "local" if local == total else f"framework; {local} of {total} local"


def _row(finding: Finding, paths: Callable[[str], str], blob_url: str | None) -> str:
    file = paths(finding.file)
    shown = md(file)
    if blob_url:
        shown = f"[{shown}]({blob_url}{quote(file)}#L{finding.line})"
    cells = [
        shown,
        str(finding.line),
        md(finding.rule),
        md(finding.record) if finding.record else "",
        md(finding.message),
        md(finding.cited),
    ]
    return "| " + " | ".join(cells) + " |"


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def append_summary(path: Path, text: str) -> None:
    """Add ``text`` to the step's summary file, after what earlier commands of the step wrote
    (GitHub gives each step its own file and expects it to be appended to)."""
    with path.open("a", encoding="utf-8", newline="\n") as out:
        out.write(text)
