"""One redaction for every public output (Framework 6.5; issue 15).

A register whose records hide a distinctive value in every part a ``confidential:`` path can
name (every top-level section, list items, amounts, ``imported_as_written`` entries) and in
officers' email and phone (the policy does not publish contact details). Then every public
output is searched for every planted value: the site with its open data and reports, every
report in every format, and the export in every format. None may appear. The internal report
and export (``--include-confidential``) show the same values, so the search can find them.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.columns import target
from partnerfw.record.models import Arrangement
from partnerfw.reports import FORMATS, REPORTS
from tests.conftest import EXAMPLE_REGISTER, REPO, TODAY

FIXTURES = REPO / "tests" / "fixtures" / "governance_facts" / "register"
NOTHING_TO_PLANT = {
    "id": "the record's key: its page's address and every finding name it",
    "kind": "one of a few kinds every register shares: nothing distinctive to plant",
    "status": "one of a few statuses every register shares: nothing distinctive to plant",
    "fundamental_to_corporate_objective": "a yes or no",
    "public_facing": "a yes or no",
    "council_fields": "yes or no answers to the council's own questions",
    "confidential": "the list of confidential parts itself (withheld: no marker to plant)",
}
"""Top-level parts of a record with no distinctive value to plant, and why."""

ITEMS = {
    "community-safety-partnership": [
        "partners.1",
        "monitoring.risk_register.1",
        "council_resources.dedicated_budget",
        "council_resources.staff_cost",
        "approvals.1",
    ],
    "active-downsmere": ["external_funding.0", "overall_budget_over_term.by_year.1"],
    "mid-kent-joint-waste-committee": ["partner_decisions.0", "joint_committee.membership.1"],
    "youth-sports-partnership": ["partners.0.contribution", "monitoring.risk_register.0"],
}
"""Parts inside a section: list items and single amounts, next to parts that are public."""

ADDED: dict[str, dict[str, Any]] = {
    "climate-action-partnership": {
        "decided_classification": {
            "classification": "significant",
            "decided_by": "Cabinet",
            "date": "2024-05-01",
            "reference": "CAB 2024/17",
            "reason": "It is central to the climate plan.",
        },
        "approved_facts": {
            "approved": "2024-05-01",
            "reference": "CAB 2024/17",
            "decided_by": [{"role": "leader", "name": "Cllr Example"}],
            "kind": "partnership",
            "classification": "significant",
            "council_resources": 25000,
            "partners": ["Environment Agency"],
            "indefinite": True,
        },
        "distinct_from": ["climate-emergency-board"],
        "notes": "Anything else the register should say.",
        "lead_organisation": "Medley Borough Council",
        "legal_form": "Unincorporated partnership",
    },
    "community-safety-partnership": {
        "imported_as_written": {
            "partners.1.name": "the county police, as the sheet had it",
            "council_resources.dedicated_budget": "just under fourteen thousand",
        },
    },
    "food-bank-partnership": {
        "imported_as_written": {"lead_officer.phone": "ring the front desk"},
    },
}
"""Parts no record of the bundled register or the fixtures has, added to be planted in."""
COPIED = {
    "riverside-regeneration-partnership": (
        "mid-kent-joint-waste-committee",
        ("partner_decisions", "joint_committee", "overall_budget_over_term"),
    ),
}
"""Sections only a record with parts inside them confidential has: copied to another record
to be confidential there as a whole."""
CONTACTS = ("lead_officer.email", "lead_officer.phone")


def _records(root: Path) -> dict[str, dict[str, Any]]:
    return {
        path.stem: yaml.safe_load(path.read_text("utf-8"))
        for path in sorted((root / "register").glob("*.yaml"))
    }


def _leaves(node: Any, path: str) -> Iterator[tuple[str, Any, Any, Any]]:
    """(dotted path, container, key, value) of each scalar under ``node``."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        dotted = f"{path}.{key}"
        if isinstance(value, dict | list):
            yield from _leaves(value, dotted)
        else:
            yield dotted, node, key, value


class Planter:
    """Puts a distinctive value in each text and amount under a path of a record, where the
    record stays valid with it (not in a financial year, '2025/26', a class, or a year's
    budget that must add up to the total)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.amounts: list[int] = []

    def plant(self, data: dict[str, Any], dotted: str) -> None:
        node: Any = data
        parts = dotted.split(".")
        for part in parts[:-1]:
            node = node[int(part) if isinstance(node, list) else part]
        last: Any = int(parts[-1]) if isinstance(node, list) else parts[-1]
        value = node[last]
        leaves = (
            [(dotted, node, last)]
            if not isinstance(value, dict | list)
            else [(leaf, container, key) for leaf, container, key, _ in _leaves(value, dotted)]
        )
        for leaf, container, key in leaves:
            found = target(leaf)
            if found is not None and found.kind == "money":
                self._try(data, container, key, 8642000 + len(self.amounts) + 1)
            elif found is not None and found.kind == "text":
                self._try(data, container, key, f"qxsecret{len(self.texts) + 1:03d}")

    def _try(self, data: dict[str, Any], container: Any, key: Any, new: Any) -> None:
        if str(container[key]).startswith("qxsecret"):
            return  # planted already
        old, container[key] = container[key], new
        try:
            Arrangement.model_validate(data)
        except ValidationError:  # the record was valid: this value does not fit here
            container[key] = old
            return
        (self.amounts if isinstance(new, int) else self.texts).append(new)

    def text(self, container: dict[str, Any], key: str) -> None:
        """Plant in a free-text field that takes any text (an email, a phone)."""
        if not str(container.get(key)).startswith("qxsecret"):
            self.texts.append(f"qxsecret{len(self.texts) + 1:03d}")
            container[key] = self.texts[-1]

    def forms(self) -> list[str]:
        """Every planted value as it could be written out."""
        return self.texts + [f for a in self.amounts for f in (str(a), f"{a:,}")]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Planter]:
    root = tmp_path_factory.mktemp("planted")
    shutil.copytree(EXAMPLE_REGISTER, root / "register")
    for path in FIXTURES.glob("*.yaml"):
        shutil.copy(path, root / "register" / path.name)
    settings = yaml.safe_load((REPO / "partnerfw.yaml").read_text("utf-8"))
    settings.setdefault("publication", {})["publish_officer_contact_details"] = False
    (root / "partnerfw.yaml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    records = _records(root)
    for record_id, parts in ADDED.items():
        records[record_id].update(parts)
    for record_id, (source, names) in COPIED.items():
        records[record_id].update({name: records[source][name] for name in names})
    confidential = _choose_confidential(records)
    planter = Planter()
    for record_id, data in records.items():
        data["confidential"] = confidential.get(record_id, [])
        for dotted in data["confidential"]:
            planter.plant(data, dotted)
        written = data.get("imported_as_written", {})
        for key in written:
            if any(key == p or key.startswith(p + ".") for p in [*data["confidential"], *CONTACTS]):
                planter.text(written, key)
        for person in (
            data.get("lead_officer"),
            (data.get("evaluation") or {}).get("completed_by"),
        ):
            if person:
                planter.text(person, "email")
                planter.text(person, "phone")
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        (root / "register" / f"{record_id}.yaml").write_text(text, "utf-8")
    return root, planter


def _choose_confidential(records: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Each top-level part confidential in a record that has it (a different one each time,
    so each record stays valid and is still reported), and the parts inside sections."""
    chosen = {record_id: list(paths) for record_id, paths in ITEMS.items()}
    ids = sorted(records)
    turn = 0
    for name in Arrangement.model_fields:
        if name in NOTHING_TO_PLANT:
            continue
        having = [i for i in ids if name in records[i] and i not in ITEMS]
        assert having, f"no record has '{name}': add one under ADDED"
        record_id = having[turn % len(having)]
        turn += 1
        chosen.setdefault(record_id, []).append(name)
    return chosen


def _text_of_files(files: dict[str, bytes]) -> str:
    return "\n".join(data.decode("utf-8", "replace") for data in files.values()).casefold()


def _unzipped(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return _text_of_files({name: book.read(name) for name in book.namelist()})


def _run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout.casefold()


def _reports(runner: CliRunner, out: Path, *extra: str) -> dict[str, str]:
    found = {}
    for name in REPORTS:
        for output in FORMATS:
            args = ["report", name, "--as-of", TODAY, "--format", output, *extra]
            if output == "docx":
                path = out / f"{name}{'-'.join(extra)}.docx"
                _run(runner, *args, "--out", str(path), "--overwrite")
                found[f"{name}.{output}"] = _unzipped(path.read_bytes())
            else:
                found[f"{name}.{output}"] = _run(runner, *args)
    return found


def _exports(runner: CliRunner, out: Path, *extra: str) -> dict[str, str]:
    found = {f: _run(runner, "export", "--format", f, *extra) for f in ("csv", "json")}
    path = out / f"register{'-'.join(extra)}.xlsx"
    _run(runner, "export", "--out", str(path), "--force", *extra)
    found["xlsx"] = _unzipped(path.read_bytes())
    return found


def _site(runner: CliRunner, out: Path) -> dict[str, str]:
    _run(runner, "build", "--out", str(out), "--today", TODAY)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return {name: _text_of_files({name: data}) for name, data in files.items()}


def _leaks(outputs: dict[str, str], forms: list[str]) -> dict[str, list[str]]:
    return {
        name: found
        for name, text in outputs.items()
        if (found := [form for form in forms if form.casefold() in text])
    }


def test_every_markable_part_is_planted(planted: tuple[Path, Planter]) -> None:
    root, planter = planted
    records = _records(root)
    marked = {p.split(".")[0] for data in records.values() for p in data["confidential"]}
    assert marked == set(Arrangement.model_fields) - set(NOTHING_TO_PLANT)
    assert len(planter.texts) > 200 and len(planter.amounts) > 10


def test_no_public_output_shows_a_confidential_value(
    planted: tuple[Path, Planter], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root, planter = planted
    monkeypatch.chdir(root)
    runner = CliRunner()
    site = _site(runner, tmp_path / "site")
    assert {
        "register.csv",
        "register.json",
        "datapackage.json",
        "reports/annual.html",
        "assets/search-index.js",
    } <= set(site)
    assert any(name.startswith("arrangements/") for name in site)
    outputs = {
        **{f"site/{name}": text for name, text in site.items()},
        **{f"report {name}": text for name, text in _reports(runner, tmp_path).items()},
        **{f"export {name}": text for name, text in _exports(runner, tmp_path).items()},
    }
    assert _leaks(outputs, planter.forms()) == {}


def test_the_internal_report_and_export_show_them(
    planted: tuple[Path, Planter], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The search finds what is planted: without the public view it is there."""
    root, planter = planted
    monkeypatch.chdir(root)
    runner = CliRunner()
    exports = _exports(runner, tmp_path, "--include-confidential")
    for name, text in exports.items():
        missing = [form for form in planter.texts if form not in text]
        assert missing == [], name
    reports = _reports(runner, tmp_path, "--include-confidential")
    shown = _leaks(reports, planter.forms())
    # the reclassification report lists only the arrangements whose class would change
    expected = {f"{n}.{f}" for n in REPORTS if n != "reclassification" for f in FORMATS}
    assert set(shown) >= expected
    assert len({form for found in shown.values() for form in found}) > 20
