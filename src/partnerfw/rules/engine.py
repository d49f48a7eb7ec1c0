"""Running the rules over a register: the core of ``partnerfw check``.

It runs what the catalogue holds (``RULES`` for each record, ``REGISTER_CHECKS`` across the
register) and returns a ``CheckResult``. It reads no git history: a command that wants the
decisions' commits compared adds that step (``git.decision_commit.with_decision_commits``),
its findings put through the same rule settings (``with_findings``).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from partnerfw.files import named_path, real_path
from partnerfw.findings import Finding, Severity, count_by_severity
from partnerfw.judge.approved_facts import covering_decision
from partnerfw.judge.classify import Classification, classify, decided
from partnerfw.policy.project import Project
from partnerfw.policy.schedule import Schedule
from partnerfw.policy.schema import MasterLists, Policy
from partnerfw.record.loading import LoadedRecord, Register, discover, parse_record, raw_files
from partnerfw.record.models import Kind, Status
from partnerfw.rules import REGISTER_CHECKS, RULES, Context, Hit, Rule
from partnerfw.rules.cache import CheckCache, Checked
from partnerfw.rules.sources import local_label, with_basis


@dataclass(frozen=True)
class CheckedRecord:
    record: LoadedRecord
    classification: Classification

    @property
    def id(self) -> str:
        return self.record.outline.id


@dataclass
class CheckResult:
    records: list[CheckedRecord]
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    register_files: int | None = None
    """How many record files the whole register has, when only some were checked."""

    @property
    def register_is_empty(self) -> bool:
        """No arrangements yet (a new register repository), not just none selected."""
        return not self.files and not self.register_files

    @property
    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "records": len(self.records),
            **count_by_severity(self.findings),
        }

    def has_errors(self, strict: bool = False) -> bool:
        counts = count_by_severity(self.findings)
        return counts["error"] > 0 or (strict and counts["warning"] > 0)

    def findings_for(self, record_id: str) -> list[Finding]:
        return [f for f in self.findings if f.record == record_id]


def run_check(
    project: Project,
    paths: Sequence[Path],
    today: dt.date,
    only: Collection[Path] | None = None,
    *,
    cache: bool = False,
) -> CheckResult:
    """Check the records under ``paths``; with ``only`` (resolved file paths), just those files,
    though the checks across records (REG) still see the whole register. With ``cache``, each
    file's result is taken from the check cache when its bytes, the policy, the settings, the
    date and partnerfw are all as they were (``rules.cache``); the checks across records run
    every time. Reading git history (APR011) is a step the command adds
    (``git.decision_commit.with_decision_commits``)."""
    policy = project.schedule.policy_on(today)
    kept = CheckCache.for_check(project, today) if cache else CheckCache(None)
    lists = project.settings.master_lists  # worked out once, not once per record

    def chosen(file: str) -> bool:
        return only is None or _resolved(project.root, file) in only

    def judged(entry: Checked) -> Checked:
        record = entry.record
        assert record is not None
        classification = decided(record.arrangement, classify(record.arrangement, policy, today))
        found = check_record(record, classification, policy, today, lists, project.schedule)
        return replace(entry, classification=classification, findings=tuple(found))

    register = Register()
    findings = with_basis(project.problems)
    checked = []
    for shown, raw, entry in _read_quickly(paths, project.root, kept):
        register.files.append(shown)
        register.problems.extend(entry.problems)
        if entry.record is not None:
            register.records.append(entry.record)
        if not chosen(shown):
            continue
        findings.extend(with_basis(entry.problems))
        if entry.record is None:
            continue
        record = entry.record
        if entry.findings is None:
            entry = judged(entry)
            if raw is not None:
                kept.put(raw, shown, entry)
        assert entry.classification is not None and entry.findings is not None
        checked.append(CheckedRecord(record, entry.classification))
        findings.extend(entry.findings)
    elsewhere = _elsewhere(project, paths, register)
    kept.recall()
    across = [f for check in REGISTER_CHECKS for f in check(register.records, elsewhere)]
    kept.save()
    findings.extend(apply_rule_settings(with_basis(across), policy))
    return CheckResult(
        checked,
        sorted(set(findings), key=Finding.order),
        [f for f in register.files if chosen(f)],
        None if only is None else len(register.files),
    )


def with_findings(result: CheckResult, found: Iterable[Finding], policy: Policy) -> CheckResult:
    """``result`` with ``found`` added as ``run_check`` adds the checks across records: the
    policy's rule settings applied, then sorted in with the rest (a step such as reading git
    history adds its findings this way)."""
    found = list(found)
    if not found:
        return result
    added = set(result.findings) | set(apply_rule_settings(with_basis(found), policy))
    return replace(result, findings=sorted(added, key=Finding.order))


def _elsewhere(project: Project, paths: Sequence[Path], register: Register) -> set[str]:
    """Ids of the register's records that were not loaded (when only some files are checked),
    from their file names: links to them are not reported as unknown."""
    folder = project.register_dir
    if not folder.is_dir() or any(real_path(p) == real_path(folder) for p in paths):
        return set()
    loaded = {r.arrangement.id for r in register.records}
    return {p.stem for p in discover([folder])} - loaded


def _resolved(root: Path, file: str) -> Path:
    path = Path(file)
    return named_path(path if path.is_absolute() else root / path)


def _read_quickly(
    paths: Sequence[Path], root: Path, kept: CheckCache
) -> Iterator[tuple[str, bytes | None, Checked]]:
    """Each record file under ``paths``: its path as shown, its bytes (None when it
    cannot be read) and what the cache holds for it or reading it gives. The cyclic garbage
    collector is paused meanwhile, and what was read is then set aside from its collections
    (``gc.freeze``): thousands of live records otherwise make it scan them all, again and
    again, finding nothing to free (a fifth of a second for 1,000 records). They are still
    freed as usual when nothing refers to them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        for shown, raw, problems in raw_files(paths, root):
            if raw is None:
                yield shown, None, Checked(None, tuple(problems))
                continue
            entry = kept.get(raw, shown)
            if entry is None:
                record, problems = parse_record(raw, shown)
                entry = Checked(record, tuple(problems))
                kept.put(raw, shown, entry)  # read once, checked once it is chosen
            yield shown, raw, entry
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def check_record(
    record: LoadedRecord,
    classification: Classification,
    policy: Policy,
    today: dt.date,
    lists: MasterLists | None = None,
    schedule: Schedule | None = None,
) -> list[Finding]:
    """The findings for one record; with ``schedule``, how it was approved is judged against
    the edition in force on its approval's date, the rest against ``policy`` (today's)."""
    ctx = Context(record, classification, policy, today, lists or MasterLists(), schedule)
    then = approval_context(ctx)
    arrangement = record.arrangement
    proposed = arrangement.status is Status.PROPOSED
    found = []
    for rule, severity in _rules_for(policy, arrangement.kind, arrangement.status):
        judged = then if (rule.before_approval or rule.judges_approval) else ctx
        assert rule.check is not None
        hits = list(rule.check(judged))
        # Say which edition judged it where today's edition would not say the same.
        same_today = {h.message for h in rule.check(ctx)} if judged is not ctx and hits else set()
        for hit in hits:
            message = hit.message
            if rule.before_approval and proposed:
                message = f"before approval: {message}"
            if (
                judged is not ctx
                and hit.message not in same_today
                and hit.severity is not Severity.INFO
            ):
                message += (
                    f" (judged under the '{judged.policy.edition}' edition, "
                    + (
                        "in force when it"
                        if ctx.schedule.adopted(judged.policy)
                        else "which applied when it (no adoption of that edition is recorded)"
                    )
                    + f" was approved on {judged.decided_on})"
                )
            found.append(
                Finding(
                    record.file,
                    record.line_of(*hit.path),
                    rule.code,
                    hit.severity or severity,
                    arrangement.id,
                    message,
                    *_basis(rule, hit),
                )
            )
    return found


def _basis(rule: Rule, hit: Hit) -> tuple[str, str]:
    """(reference, local) of a hit's finding: a local rule's findings cite no framework
    paragraph; a framework rule's finding is local when the hit rests on a local choice."""
    label = local_label(rule.code)
    if label:
        return "", label
    return hit.reference or rule.reference, hit.local or ""


_PLANS: dict[tuple[int, Kind, Status], tuple[Policy, list[tuple[Rule, Severity]]]] = {}


def _rules_for(policy: Policy, kind: Kind, status: Status) -> list[tuple[Rule, Severity]]:
    """The rules that judge a record of this kind and stage under ``policy``, each with its
    severity: worked out once per policy, kind and stage, not once per record."""
    key = (id(policy), kind, status)
    known = _PLANS.get(key)
    if known is not None and known[0] is policy:
        return known[1]
    chosen = []
    for rule in RULES.values():
        if rule.check is None or kind not in rule.kinds or status not in rule.stages:
            continue
        setting = policy.rules.get(rule.code)
        if setting is not None and not setting.enabled:
            continue
        chosen.append((rule, _severity(rule, policy, status)))
    if len(_PLANS) > 256:
        _PLANS.clear()
    _PLANS[key] = (policy, chosen)
    return chosen


def approval_context(ctx: Context) -> Context:
    """The context that judges how an approved record was approved: the edition in force on
    its approval's date (the latest decision that let it go ahead), when that is not today's.
    A change of edition therefore never re-judges a past approval."""
    arrangement = ctx.arrangement
    if arrangement.status is Status.PROPOSED:
        return ctx
    approval = covering_decision(arrangement)
    if approval is None:
        return ctx
    then = ctx.schedule.policy_on(approval.date)
    if then is ctx.policy:
        return ctx
    classification = decided(arrangement, classify(arrangement, then, approval.date))
    return replace(ctx, policy=then, classification=classification, decided_on=approval.date)


def _severity(rule: Rule, policy: Policy, status: Status) -> Severity:
    setting = policy.rules.get(rule.code)
    severity = Severity(setting.severity) if setting and setting.severity else rule.severity
    if rule.before_approval and status is Status.PROPOSED and severity is Severity.ERROR:
        return Severity.WARNING
    return severity


def apply_rule_settings(found: Iterable[Finding], policy: Policy) -> list[Finding]:
    """``found`` as the policy's rule settings have them: a rule switched off drops its
    findings, a severity set replaces the rule's (for findings made outside ``check_record``,
    which applies them itself)."""
    applied = []
    for finding in found:
        setting = policy.rules.get(finding.rule)
        if setting is not None and not setting.enabled:
            continue
        if setting is not None and setting.severity:
            finding = replace(finding, severity=Severity(setting.severity))
        applied.append(finding)
    return applied
