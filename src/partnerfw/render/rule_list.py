"""``partnerfw rules``: the rule catalogue as the policy in force sets it, and where each rule
and setting comes from (``--local``: the council's own choices, for a committee to confirm)."""

from __future__ import annotations

import json

from rich.markup import escape

from partnerfw.judge.stages import ALL_KINDS, ALL_STAGES
from partnerfw.policy.schedule import Edition, Schedule
from partnerfw.policy.schema import ApprovalRoute, Policy, Source, setting_paths, source_of_item
from partnerfw.policy.scorecard import describe_scorecard
from partnerfw.policy.significance_tests import describe
from partnerfw.record.models import Kind
from partnerfw.rules import RULES, Rule
from partnerfw.rules.base import setting_value, shown
from partnerfw.rules.sources import PARTLY_LOCAL, RULE_SETTINGS, rule_source


def rule_entry(rule: Rule, policy: Policy) -> dict[str, object]:
    setting = policy.rules.get(rule.code)
    source = rule_source(rule)
    return {
        "code": rule.code,
        "area": rule.area,
        "title": rule.title,
        "severity": (setting.severity if setting and setting.severity else rule.severity.value),
        "enabled": setting.enabled if setting else True,
        "policy_reason": setting.reason if setting else None,
        "basis": "framework" if source.local is None else "local",
        "reference": rule.reference if source.local is None else "",
        "partly_local": PARTLY_LOCAL.get(rule.code),
        "source": _source_dict(source),
        "settings": [_setting_entry(policy, path) for path in _used(rule, policy)],
        "kinds": "all" if rule.kinds == ALL_KINDS else sorted(k.value for k in rule.kinds),
        "stages": "all" if rule.stages == ALL_STAGES else sorted(s.value for s in rule.stages),
        "checked": rule.guidance is None,
        "description": rule.guidance or rule.doc,
    }


def _used(rule: Rule, policy: Policy) -> list[str]:
    """The settings a rule uses that are not plainly the framework's (routes: only those)."""
    paths = []
    for wanted in RULE_SETTINGS.get(rule.code, ()):
        for path, _value in setting_paths(policy):
            if path == wanted or path.startswith(wanted + "."):
                source = policy.source_of(path)
                if wanted != "approval_routes" or source is None or source.local or source.open:
                    paths.append(path)
    return paths


def _value(policy: Policy, path: str) -> object:
    return dict(setting_paths(policy)).get(path)


def _setting_entry(policy: Policy, path: str) -> dict[str, object]:
    return {
        "setting": path,
        "value": shown(_value(policy, path)),
        "source": _source_dict(policy.source_of(path)),
    }


def _source_dict(source: Source | None) -> dict[str, str | None]:
    if source is None:
        return {"framework": None, "local": None, "open": None}
    return {"framework": source.framework, "local": source.local, "open": source.open}


def _settings_text(used: list[dict[str, object]]) -> str:
    """'intervals.grace_days = 14, approval_routes.commissioning' (a route named once)."""
    shown: list[str] = []
    for item in used:
        path = str(item["setting"])
        if path.startswith("approval_routes."):
            key = path.rsplit(".", 1)[0]
            if key not in shown:
                shown.append(key)
        else:
            shown.append(f"{path} = {item['value']}")
    return ", ".join(shown)


def render_rules(
    policy: Policy,
    output: str,
    heading: str | None = None,
    edition: dict[str, object] | None = None,
) -> str:
    entries = [rule_entry(r, policy) for r in sorted(RULES.values(), key=lambda r: r.code)]
    if output == "json":
        payload: dict[str, object] = {"policy": policy.edition, "rules": entries}
        if edition is not None:
            payload["edition"] = edition
        return json.dumps(payload, indent=2, ensure_ascii=False)
    lines = [escape(heading)] if heading else []
    for e in entries:
        state = "" if e["enabled"] else " [dim](switched off by policy)[/dim]"
        local = e["source"]["local"]  # type: ignore[index]
        cited = "the council's own rule" if local else str(e["reference"])
        if not e["checked"]:
            lines.append(
                f"[bold]{e['code']}[/bold] guidance {e['basis']:<9} {escape(str(e['title']))} "
                f"({escape(cited)}){state}"
            )
            lines.append(f"    not checked: {escape(str(e['description']))}")
            continue
        kinds = e["kinds"] if e["kinds"] == "all" else ", ".join(e["kinds"])  # type: ignore[arg-type]
        stages = e["stages"] if e["stages"] == "all" else ", ".join(e["stages"])  # type: ignore[arg-type]
        lines.append(
            f"[bold]{e['code']}[/bold] {e['severity']:<8} {e['basis']:<9} "
            f"{escape(str(e['title']))} ({escape(cited)}){state}"
        )
        lines.append(f"    kinds: {kinds}; stages: {stages}")
        if local:
            lines.append(f"    local choice: {escape(str(local))}")
        if e["partly_local"]:
            lines.append(f"    some findings local: {escape(str(e['partly_local']))}")
        used = e["settings"]
        chosen = [u for u in used if u["source"]["local"]]  # type: ignore[attr-defined]
        unsettled = [u for u in used if u["source"]["open"]]  # type: ignore[attr-defined]
        if chosen:
            lines.append(
                "    local choices it uses: "
                + escape(_settings_text(chosen))
                + " ('partnerfw rules --local' says why)"
            )
        if unsettled:
            lines.append("    not settled: " + escape(_settings_text(unsettled)))
        if e["description"]:
            lines.append(f"    {escape(' '.join(str(e['description']).split()))}")
    return "\n".join(lines)


def standing(
    schedule: Schedule, edition: Edition | None, policy: Policy, named: bool = True
) -> list[str]:
    """Where the edition stands: the schedule's line for it, and its own adoption record. An
    edition is called in force only when an adoption says so (the decision on its line of
    ``partnerfw.yaml``, or its own record); otherwise it is the edition checks follow, named in
    ``partnerfw.yaml`` (``named``) or partnerfw's default."""
    lines = []
    if edition is not None and schedule.adopted(policy):
        until = schedule.until(edition)
        lines.append(
            f"Edition {edition.describe()}" + (f", until {until}" if until else ", in force now")
        )
    elif edition is not None:
        how = "as partnerfw.yaml names it" if named else "partnerfw's default (no partnerfw.yaml)"
        until = schedule.until(edition)
        lines.append(
            f"Edition '{edition.name}', {how}: not in force, since no decision adopting it is "
            "recorded; checks follow it"
            + (f" until {until}" if until else "")
            + ". Once it is adopted, record the decision in partnerfw.yaml (editions: with "
            "from: and decision:)"
        )
    adoption = policy.adoption
    if adoption is not None:
        told: list[str] = [adoption.status]
        for step in ("drafted", "noted", "approved", "adopted", "superseded"):
            milestone = getattr(adoption, step)
            if milestone is not None:
                parts = [
                    p for p in (str(milestone.date or ""), milestone.by, milestone.reference) if p
                ]
                told.append(f"{step}: {', '.join(parts)}")
        lines.append("The edition's own record: " + "; ".join(told))
        if adoption.note:
            lines.append(f"  {adoption.note}")
    return lines


def standing_entry(
    schedule: Schedule, edition: Edition | None, policy: Policy, named: bool = True
) -> dict[str, object]:
    """Where the edition stands, for ``rules --format json``."""
    until = schedule.until(edition) if edition is not None else None
    return {
        "name": policy.edition,
        "in_force": schedule.adopted(policy),
        "from": str(edition.from_date) if edition and edition.from_date else None,
        "until": str(until) if until else None,
        "decision": edition.decision if edition else None,
        "status": policy.adoption.status if policy.adoption else None,
        "named_in_settings": named,
        "standing": standing(schedule, edition, policy, named),
    }


def local_choices(
    policy: Policy,
    schedule: Schedule,
    edition: Edition | None,
    council_rules: dict[str, str],
    named: bool = True,
) -> dict[str, object]:
    """Every choice the council made itself in ``policy``, and what the review leaves open."""
    settings = []
    unsettled = []
    matters = {m.setting for m in policy.open_matters.values() if m.setting}
    for path, value in setting_paths(policy):
        source = policy.source_of(path)
        item = {"setting": path, "value": shown(value), **_source_dict(source)}
        if path in matters:
            continue  # listed with its open matter
        if source is None or source.local is not None:
            settings.append(item)
        elif source.open:
            unsettled.append(item)
    triggers = []
    for found in policy.class_tests():
        test = found.leaf
        if not test.sourced:
            continue  # it takes the source of its class or criterion, listed under classes
        source = source_of_item(test)
        if source.local is not None:
            triggers.append(
                {
                    "trigger": ".".join(map(str, found.path)),
                    "type": test.type,
                    "local": source.local,
                }
            )
    for name, declared in policy.record_fields.items():
        source = source_of_item(declared)
        if source.local is not None:
            triggers.append(
                {"trigger": f"record_fields.{name}", "type": "record field", "local": source.local}
            )
    rules = [
        {"code": r.code, "title": r.title, "local": rule_source(r).local}
        for r in sorted(RULES.values(), key=lambda r: r.code)
        if rule_source(r).local is not None
    ]
    partly = [
        {"code": code, "title": RULES[code].title, "local": why}
        for code, why in sorted(PARTLY_LOCAL.items())
    ]
    overrides = []
    for code, setting in sorted(policy.rules.items()):
        change = "switched off" if not setting.enabled else f"severity {setting.severity}"
        overrides.append(
            {
                "code": code,
                "change": change,
                "reason": setting.reason,
                "set_in": council_rules.get(code, "the edition"),
            }
        )
    return {
        "edition": policy.edition,
        "standing": standing(schedule, edition, policy, named),
        "settings": settings,
        "open": unsettled,
        "triggers": triggers,
        "classes": class_choices(policy),
        "rules": rules,
        "partly_local": partly,
        "open_matters": open_matters(policy),
        "rule_settings": overrides,
    }


def open_matters(policy: Policy) -> list[dict[str, object]]:
    """The matters the framework review leaves open, each with whether the council turned it
    on (its setting) and what partnerfw checks meanwhile."""
    found: list[dict[str, object]] = []
    for name, matter in policy.open_matters.items():
        value = setting_value(policy, matter.setting) if matter.setting else None
        source = policy.source_of(matter.setting) if matter.setting else None
        found.append(
            {
                "matter": name,
                "minutes": " ".join(matter.matter.split()),
                "setting": matter.setting,
                "enforced": bool(value),
                "set_by": None
                if not matter.setting
                else ("the council" if value else "the edition (off)"),
                "why": source.local if source is not None and value else None,
                "rules": list(matter.rules),
                "meanwhile": " ".join(matter.meanwhile.split()),
            }
        )
    return found


def class_choices(policy: Policy) -> list[dict[str, object]]:
    """The classes of partnership, highest first, each as the council chose it (or as the
    framework sets it): its label, the test that reaches it, its route and review cycle, and
    the scorecard the tests count points on."""
    found: list[dict[str, object]] = []
    for definition in policy.scheme.classes:
        route = policy.route_for(Kind.PARTNERSHIP, definition.name)
        found.append(
            {
                "class": definition.name,
                "label": definition.label,
                "test": describe(definition.test) if definition.test is not None else None,
                "route": _route_words(policy, route) if route is not None else None,
                "review_cycle": {k: shown(v) for k, v in definition.review_cycle.items()},
                "framework": definition.reference,
                "local": definition.local,
            }
        )
    card = policy.scorecard
    if card is not None:
        found.append(
            {
                "class": "scorecard",
                "label": "Scorecard",
                "test": describe_scorecard(card),
                "route": None,
                "review_cycle": {},
                "framework": card.reference,
                "local": card.local,
            }
        )
    return found


def _route_words(policy: Policy, route: ApprovalRoute) -> str:
    parts = []
    for step, verb in (
        ("discussed_at", "discussed at"),
        ("signed_off_by", "signed off by"),
        ("approvers", "approved by"),
        ("informed", "informed"),
    ):
        roles = [policy.role_title(r) for r in getattr(route, step)]
        if roles:
            parts.append(f"{verb} {', '.join(roles)}")
    return "; ".join(parts) or "no approval step"


def _grouped(items: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    """Consecutive settings with the same source, so each reason is given once."""
    groups: list[list[dict[str, str]]] = []
    for item in items:
        if groups and (groups[-1][0]["local"], groups[-1][0]["open"]) == (
            item["local"],
            item["open"],
        ):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _classes_text(classes: list[dict[str, object]]) -> list[str]:
    """The classes of partnership, the council's own choices marked as such."""
    lines = ["[bold]Classes of partnership[/bold] (highest first)"]
    for item in classes:
        why = f"local: {item['local']}" if item["local"] else f"framework: {item['framework']}"
        lines.append(
            f"  {escape(str(item['class']))}: {escape(str(item['label']))} ({escape(why)})"
        )
        if item["class"] == "scorecard":
            lines.append(f"      points: {escape(str(item['test']))}")
        elif item["test"]:
            lines.append(f"      reached by: {escape(str(item['test']))}")
        elif item["class"] != "scorecard":
            lines.append("      reached by: every partnership the classes above do not reach")
        if item["route"]:
            lines.append(f"      route: {escape(str(item['route']))}")
        cycle = item["review_cycle"]
        if cycle:
            shown = ", ".join(f"{k} = {v}" for k, v in cycle.items())  # type: ignore[attr-defined]
            lines.append(f"      review cycle: {escape(shown)}")
    return lines


def render_local(choices: dict[str, object], output: str) -> str:
    if output == "json":
        return json.dumps(choices, indent=2, ensure_ascii=False)
    lines = [
        f"[bold]The council's own choices in the '{escape(str(choices['edition']))}' "
        "edition[/bold] (not the framework's: for the committee to confirm)"
    ]
    lines += [f"  {escape(s)}" for s in choices["standing"]]  # type: ignore[attr-defined]
    lines.append("")
    lines.append("[bold]Settings[/bold]")
    for group in _grouped(choices["settings"]):  # type: ignore[arg-type]
        for item in group:
            lines.append(f"  {escape(item['setting'])} = {escape(item['value'])}")
        why = group[0]["local"] or "NO SOURCE RECORDED: say where it comes from under sources:"
        lines.append(f"      local: {escape(' '.join(str(why).split()))}")
        if group[0]["open"]:
            lines.append(f"      not settled: {escape(' '.join(group[0]['open'].split()))}")
    lines.append("")
    lines.append("[bold]Significance triggers[/bold]")
    triggers = choices["triggers"]
    if not triggers:
        lines.append("  none: every trigger cites the framework")
    for item in triggers:  # type: ignore[attr-defined]
        lines.append(
            f"  {escape(item['trigger'])} ({item['type']}): local: {escape(item['local'])}"
        )
    lines.append("")
    lines += _classes_text(choices["classes"])  # type: ignore[arg-type]
    lines.append("")
    lines.append("[bold]Rules that are local choices[/bold]")
    for item in choices["rules"]:  # type: ignore[attr-defined]
        lines.append(f"  {item['code']} {escape(item['title'])}: {escape(item['local'])}")
    lines.append("")
    lines.append("[bold]Rules of the framework with some findings of the council's own[/bold]")
    for item in choices["partly_local"]:  # type: ignore[attr-defined]
        lines.append(f"  {item['code']} {escape(item['title'])}: {escape(item['local'])}")
    lines.append("")
    lines.append("[bold]Rule settings[/bold]")
    overrides = choices["rule_settings"]
    if not overrides:
        lines.append("  none")
    for item in overrides:  # type: ignore[attr-defined]
        lines.append(
            f"  {item['code']} {escape(item['change'])} ({escape(item['set_in'])}): "
            f"{escape(item['reason'])}"
        )
    lines.append("")
    lines += _open_matters_text(choices["open_matters"])  # type: ignore[arg-type]
    lines.append("")
    lines.append("[bold]Settled by the framework but left open by its review[/bold]")
    unsettled = choices["open"]
    if not unsettled:
        lines.append("  none")
    for item in unsettled:  # type: ignore[attr-defined]
        lines.append(
            f"  {escape(item['setting'])} = {escape(item['value'])} ({escape(item['framework'])})"
        )
        lines.append(f"      not settled: {escape(' '.join(item['open'].split()))}")
    return "\n".join(lines)


def _open_matters_text(matters: list[dict[str, object]]) -> list[str]:
    lines = [
        "[bold]Matters the framework review leaves open[/bold] (not enforced unless the "
        "council turns them on)"
    ]
    if not matters:
        lines.append("  none")
    for item in matters:
        rules = ", ".join(map(str, item["rules"]))  # type: ignore[call-overload]
        if not item["setting"]:
            state = "no setting to turn on; what is checked meanwhile is below"
        elif item["enforced"]:
            state = (
                f"turned on by the council ({item['setting']} = yes): enforced, as its own choice"
            )
        else:
            state = f"not enforced ({item['setting']} = no; the council may turn it on)"
        lines.append(f"  {escape(str(item['matter']))} ({rules}): {escape(state)}")
        lines.append(f"      minutes: {escape(str(item['minutes']))}")
        lines.append(f"      meanwhile: {escape(str(item['meanwhile']))}")
        if item["why"]:
            lines.append(
                f"      the council's reason: {escape(' '.join(str(item['why']).split()))}"
            )
    return lines
