"""``check --format json``: one object, each record and each finding on a line of its own, and
the same values whatever a message holds (quotes, braces, a NUL, the text that joins the lines
while it is written)."""

from __future__ import annotations

import json

from partnerfw.findings import Finding, Severity
from partnerfw.render.formats import render_json
from partnerfw.rules.engine import CheckResult

AWKWARD = [
    "plain",
    '}, "\\u0000", {',
    '}, "\x00", {',
    "\x00",
    'a "quoted" {brace} [list], and a line\nbreak',
    "£ and é, kept as they are",
]


def _result(messages: list[str]) -> CheckResult:
    findings = [
        Finding(
            f"register/r{i}.yaml", i + 1, "GOV001", Severity.ERROR, f"r{i}", m, "Framework 2.10"
        )
        for i, m in enumerate(messages)
    ]
    return CheckResult([], findings, [f.file for f in findings])


def test_each_finding_is_a_line_and_every_message_survives() -> None:
    text = render_json(_result(AWKWARD))
    data = json.loads(text)
    assert [f["message"] for f in data["findings"]] == AWKWARD
    lines = text.splitlines()
    finding_lines = [line for line in lines if line.startswith('    {"rule"')]
    assert len(finding_lines) == len(AWKWARD)
    assert all(json.loads(line.rstrip(",")) for line in finding_lines)
    assert "£ and é" in text  # not escaped


def test_no_findings_and_one_finding() -> None:
    assert json.loads(render_json(_result([])))["findings"] == []
    one = render_json(_result(["only"]))
    assert json.loads(one)["findings"][0]["message"] == "only"
    assert '"findings": [\n    {"rule": "GOV001"' in one
