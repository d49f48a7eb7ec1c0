"""``partnerfw rules``: the rule catalogue, as the policy in force sets it."""

from __future__ import annotations

import json

from rich.markup import escape

from partnerfw.policy import Policy
from partnerfw.rules import RULES, Rule
from partnerfw.rules.base import ALL_KINDS, ALL_STAGES


def rule_entry(rule: Rule, policy: Policy) -> dict[str, object]:
    setting = policy.rules.get(rule.code)
    return {
        "code": rule.code,
        "area": rule.area,
        "title": rule.title,
        "severity": (setting.severity if setting and setting.severity else rule.severity.value),
        "enabled": setting.enabled if setting else True,
        "policy_reason": setting.reason if setting else None,
        "reference": rule.reference,
        "kinds": "all" if rule.kinds == ALL_KINDS else sorted(k.value for k in rule.kinds),
        "stages": "all" if rule.stages == ALL_STAGES else sorted(s.value for s in rule.stages),
        "checked": rule.guidance is None,
        "description": rule.guidance or rule.doc,
    }


def render_rules(policy: Policy, output: str) -> str:
    entries = [rule_entry(r, policy) for r in sorted(RULES.values(), key=lambda r: r.code)]
    if output == "json":
        return json.dumps({"policy": policy.edition, "rules": entries}, indent=2)
    lines = []
    for e in entries:
        state = "" if e["enabled"] else " [dim](switched off by policy)[/dim]"
        if not e["checked"]:
            lines.append(
                f"[bold]{e['code']}[/bold] guidance  {escape(str(e['title']))} "
                f"({escape(str(e['reference']))}){state}"
            )
            lines.append(f"    not checked: {escape(str(e['description']))}")
            continue
        kinds = e["kinds"] if e["kinds"] == "all" else ", ".join(e["kinds"])  # type: ignore[arg-type]
        stages = e["stages"] if e["stages"] == "all" else ", ".join(e["stages"])  # type: ignore[arg-type]
        lines.append(
            f"[bold]{e['code']}[/bold] {e['severity']:<8} {escape(str(e['title']))} "
            f"({escape(str(e['reference']))}){state}"
        )
        lines.append(f"    kinds: {kinds}; stages: {stages}")
        if e["description"]:
            lines.append(f"    {escape(' '.join(str(e['description']).split()))}")
    return "\n".join(lines)
