"""``check --format sarif``: the findings as a SARIF 2.1.0 log, for GitHub code scanning.

One run, whose tool is partnerfw with its rule catalogue as the policy in force sets it (each
rule's code, title, documentation, basis - the framework paragraph, or the council's own
choice with why - and severity; a rule the policy switches off is listed as disabled), and one
result per finding: its rule, level (error, warning or note), message with what it rests on
(the paragraph, or 'local:' and the council's choice; ``properties.basis`` says which), and its
location - the file, from the git repository's root, and the line. Each result carries a
fingerprint of its rule, record and message, so that code scanning follows a finding when
lines move. The log validates against
the OASIS SARIF 2.1.0 schema (tests/fixtures/sarif/).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from partnerfw import __version__
from partnerfw.findings import Finding, Severity
from partnerfw.rules import RULES, Rule
from partnerfw.rules.engine import CheckResult
from partnerfw.rules.sources import rule_source

if TYPE_CHECKING:
    from partnerfw.policy.schema import Policy

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def render_sarif(
    result: CheckResult, paths: Callable[[str], str], policy: Policy | None = None
) -> str:
    """The SARIF log as JSON text."""
    catalogue = [r for r in RULES.values() if r.guidance is None]
    known = {r.code for r in catalogue}
    extra = sorted({f.rule for f in result.findings} - known)
    descriptors = [_descriptor(r, policy) for r in catalogue] + [_unknown(c) for c in extra]
    index = {d["id"]: n for n, d in enumerate(descriptors)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "partnerfw",
                        "version": __version__,
                        "semanticVersion": __version__,
                        **_information_uri(),
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule], paths) for f in result.findings],
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def _information_uri() -> dict[str, str]:
    """The project's home page, from the installed package's metadata, when it names one."""
    # Read only for a SARIF log: spares every other check the metadata machinery's import.
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("partnerfw").get_all("Project-URL") or []
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return {}
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return {"informationUri": url.strip()}
    return {}


def _descriptor(rule: Rule, policy: Policy | None) -> dict[str, Any]:
    setting = policy.rules.get(rule.code) if policy is not None else None
    severity = Severity(setting.severity) if setting and setting.severity else rule.severity
    doc = " ".join(rule.doc.split()) or rule.title
    source = rule_source(rule)
    cited = rule.reference if source.local is None else f"local: {' '.join(source.local.split())}"
    help_text = f"{doc} ({cited})"
    configuration: dict[str, Any] = {"level": _LEVEL[severity]}
    if setting is not None and not setting.enabled:
        configuration["enabled"] = False
    return {
        "id": rule.code,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": doc},
        "help": {
            "text": help_text,
            "markdown": f"**{rule.code}: {rule.title}** ({cited})\n\n{doc}",
        },
        "defaultConfiguration": configuration,
        "properties": {
            "framework_reference": rule.reference if source.local is None else "",
            "basis": "framework" if source.local is None else "local",
            "local_choice": source.local,
            "area": rule.area,
            "tags": ["partnerfw", rule.area],
            "problem.severity": _PROBLEM[severity],
        },
    }


def _unknown(code: str) -> dict[str, Any]:
    return {"id": code, "shortDescription": {"text": code}}


def _result(finding: Finding, rule_index: int, paths: Callable[[str], str]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(paths(finding.file)),
            "region": {"startLine": finding.line},
        }
    }
    if finding.record:
        location["logicalLocations"] = [{"name": finding.record, "kind": "object"}]
    seal = "\x1f".join((finding.rule, finding.record or finding.file, finding.message))
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": f"{finding.message} ({finding.cited})"},
        "locations": [location],
        "partialFingerprints": {
            "partnerfwFinding/v1": hashlib.sha256(seal.encode("utf-8")).hexdigest()
        },
        "properties": {
            "record": finding.record,
            "framework_reference": finding.reference,
            "basis": finding.basis.value,
            "local_choice": finding.local or None,
        },
    }


def _artifact(path: str) -> dict[str, str]:
    """A relative path becomes a URI reference from the source root; an absolute one (a file
    outside the repository) a file: URI."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return {"uri": "file://" + quote(str(posix))}
    return {"uri": quote(str(posix)), "uriBaseId": "%SRCROOT%"}
