"""partnerfw import never misfiles silently (tests/fixtures/make_misfiling_register.py, as CSV
and as a workbook): every cell of the sheet lands in its right field exactly, or is kept as
written and flagged, or goes to notes from a column that names no field; every value in a
record that no cell gave is a placeholder the preview names, row by row; and ``check`` keeps
saying what is left to confirm, likely duplicates included."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.record.columns import cell_text, flatten, target, unguard
from partnerfw.record.loading import load
from partnerfw.record.yamlread import decode, parse
from tests.conftest import REPO, TODAY
from tests.fixtures.make_misfiling_register import HEADINGS, ROWS, build_csv, build_xlsx

NOTES = "notes"


def _field(path: str, value: str) -> tuple[str, str, str]:
    """The cell lands exactly in ``path``, which exports as ``value``."""
    return ("field", path, value)


def _written(path: str) -> tuple[str, str]:
    """The cell is kept verbatim under imported_as_written.<path> and flagged."""
    return ("as written", path)


def _read(path: str, value: str) -> tuple[str, str, str]:
    """The cell's words give ``value`` for ``path``; the text is kept as written to confirm."""
    return ("read", path, value)


def _split(**paths: str) -> tuple[str, dict[str, str]]:
    """The cell was split across fields (name and title), as the preview says."""
    return ("split", {p.replace("__", "."): v for p, v in paths.items()})


DECIDED = target("decided_classification.classification") is not None
"""The record holds the council's decided class (issue 10): the sheet's 'Significant?'
column and its decision go there. A partnerfw without that field keeps them in notes."""


def _decision(path: str, value: str) -> Any:
    return _field(path, value) if DECIDED else NOTES


def _decision_written(path: str) -> Any:
    return _written(path) if DECIDED else NOTES


# Where every cell of every row goes, by record id and column heading.
CELLS: dict[str, dict[str, Any]] = {
    "riverside-leisure-ltd": {
        "Partnership name": _field("name", "Riverside Leisure Ltd"),
        "Type": _read("kind", "company_or_trust"),
        "Status": _field("status", "active"),
        "Lead officer": _split(
            lead_officer__name="A Person", lead_officer__title="Director (Communities)"
        ),
        "Directorate": _field("department", "Place"),
        "Council contribution (£)": _field("council_resources.dedicated_budget", "12000"),
    },
    "thamesbridge-youth-forum": {
        "Partnership name": _field("name", "Thamesbridge Youth Forum"),
        "Type": _field("kind", "informal_network"),
        "Status": _field("status", "ended"),
        "Lead officer": _split(lead_officer__name="J Smith", lead_officer__title="Head of Housing"),
        "Directorate": _field("department", "Housing"),
    },
    "old-town-traders-network": {
        "Partnership name": _field("name", "Old Town Traders Network"),
        "Type": _field("kind", "informal_network"),
        "Status": _read("status", "ended"),
        "Lead officer": _split(
            lead_officer__name="Jo Bloggs", lead_officer__title="Partnerships Officer"
        ),
        "Directorate": _field("department", "Place"),
    },
    "marshside-regeneration-board": {
        "Partnership name": _field("name", "Marshside Regeneration Board"),
        "Type": _written("kind"),
        "Status": _written("status"),
        "Lead officer": _written("lead_officer.name"),
        "Directorate": _field("department", "Place"),
    },
    "carers-support-network": {
        "Partnership name": _field("name", "Carers Support Network"),
        "Type": _field("kind", "partnership"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Daniel Moss"),
        "Directorate": _field("department", "Adults"),
        "Partner organisations": _field("partners.0.name", "Carers First"),
        "Council contribution (£)": _written("council_resources.dedicated_budget"),
        "RAG": NOTES,
    },
    "gronland-twinning-partnership": {
        "Partnership name": _field("name", "Grønland Twinning Partnership"),
        "Type": _field("kind", "partnership"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Sam Okafor"),
        "Directorate": _field("department", "Communities"),
        "Partner organisations": _field("partners.0.name", "Residents’ “Green” Forum"),
        "Significant?": _decision("decided_classification.classification", "significant"),
        "Classification decided by": _decision("decided_classification.decided_by", "Cabinet"),
        "Classification date": _decision("decided_classification.date", "2024-03-12"),
        "Classification reference": _decision(
            "decided_classification.reference", "Cabinet minute 45/24"
        ),
    },
    "strasse-forum": {
        "Partnership name": _field("name", "Straße Forum"),
        "Type": _field("kind", "informal_network"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Priya Chandran"),
        "Directorate": _field("department", "Carers’ Services"),
    },
    "lodz-twinning-association": {
        "Partnership name": _field("name", "Łódź Twinning Association"),
        "Type": _field("kind", "partnership"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Tom Brennan"),
        "Directorate": _field("department", "Communities"),
        "Significant?": _decision_written("decided_classification.classification"),
    },
    "aethelred-heritage-trust": {
        "Partnership name": _field("name", "Æthelred Heritage Trust"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Mark Ellison"),
        "Directorate": _field("department", "Place"),
    },
    "thamesbridge-csp": {
        "Partnership name": _field("name", "Thamesbridge C.S.P."),
        "Type": _field("kind", "partnership"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Ruth Adeyemi"),
        "Directorate": _field("department", "Communities"),
        "Partner organisations": _field("partners.0.name", "Kent Police"),
    },
    "community-safety-partnership-thamesbridge": {
        "Partnership name": _field("name", "Community Safety Partnership Thamesbridge"),
        "Type": _field("kind", "partnership"),
        "Lead officer": _field("lead_officer.name", "Ruth Adeyemi"),
        "Directorate": _field("department", "Communities"),
        "End date": _field("dates.end", "2020-03-31"),
    },
    "legal-service": {
        "Partnership name": _field("name", "Legal Service"),
        "Type": _field("kind", "shared_service"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Priya Chandran"),
        "Directorate": _field("department", "Corporate Services"),
    },
    "shared-legal-service-between-thamesbridge-and-medley": {
        "Partnership name": _field("name", "Shared Legal Service between Thamesbridge and Medley"),
        "Type": _field("kind", "shared_service"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "Priya Chandran"),
        "Directorate": _field("department", "Corporate Services"),
        "Significant?": _decision_written("decided_classification.classification"),
    },
    "riverside-leisure-limited": {
        "Partnership name": _field("name", "Riverside Leisure Limited"),
        "Type": _field("kind", "company_or_trust"),
        "Status": _field("status", "active"),
        "Lead officer": _field("lead_officer.name", "A Person"),
        "Directorate": _field("department", "Place"),
    },
}
PLACEHOLDERS = {
    "carers-support-network": {"partners.0.sector": "other"},
    "gronland-twinning-partnership": {"partners.0.sector": "other"},
    "aethelred-heritage-trust": {"kind": "company_or_trust"},
    "thamesbridge-csp": {"partners.0.sector": "other"},
    "community-safety-partnership-thamesbridge": {"status": "ended"},
    "legal-service": {"shared_service.type": "full_shared_service"},
    "shared-legal-service-between-thamesbridge-and-medley": {
        "shared_service.type": "full_shared_service"
    },
}
"""Values no cell gave: each must be named in the preview, on its row."""
UNKNOWN = {"marshside-regeneration-board": ("kind", "status")}
"""Required fields left out of the record, because no value could be told from the sheet."""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "register").mkdir()
    shutil.copy(REPO / "partnerfw.yaml", tmp_path / "partnerfw.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(params=["csv", "xlsx"])
def sheet(request: pytest.FixtureRequest, repo: Path) -> Path:
    build = build_csv if request.param == "csv" else build_xlsx
    return build(repo / f"misfiling-register.{request.param}")


def _blocks(report: str) -> dict[str, str]:
    """The preview's lines for each row, by the record id it names."""
    blocks: dict[str, str] = {}
    current = ""
    for line in report.splitlines():
        found = re.match(r"  row \d+ +\S+ +register/([a-z0-9-]+)\.yaml", line)
        if found:
            current = found.group(1)
            blocks[current] = ""
        elif not line.startswith("      "):
            current = ""
        if current:
            blocks[current] += line + "\n"
    return blocks


def _record_data(repo: Path, record_id: str) -> dict[str, Any]:
    """A written record file's data, read as YAML (a record with a kind left to choose does
    not load as a record until an officer chooses it)."""
    path = repo / "register" / f"{record_id}.yaml"
    data = parse(decode(path.read_bytes())).data
    assert isinstance(data, dict)
    return data


def _text(value: Any) -> str:
    """A value as export writes it, without the quote that stops a spreadsheet running it."""
    return unguard(cell_text(value))


def _flat(repo: Path, record_id: str) -> dict[str, str]:
    """The record's values as export writes them, by dotted path."""
    loaded = {r.arrangement.id: r.arrangement for r in load([repo / "register"]).records}
    if record_id in loaded:
        return {path: _text(value) for path, value in flatten(loaded[record_id]).items()}
    data = _record_data(repo, record_id)
    flat: dict[str, str] = {}

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}.{index}")
        else:
            flat[path] = _text(node)

    walk({k: v for k, v in data.items() if k != "imported_as_written"}, "")
    for key, text in data.get("imported_as_written", {}).items():
        flat[f"imported_as_written.{key}"] = text
    return flat


def test_every_cell_of_the_sheet_is_accounted_for() -> None:
    """The table above covers every filled cell of the fixture: none is left unchecked."""
    for row, record_id in zip(ROWS, CELLS, strict=True):
        filled = {h for h in HEADINGS if row.get(h)}
        assert set(CELLS[record_id]) == filled, record_id


def test_zero_silent_misfilings(runner: CliRunner, repo: Path, sheet: Path) -> None:
    result = runner.invoke(app, ["import", sheet.name, "--write"], catch_exceptions=False)
    report = result.stdout
    assert result.exit_code == 1, report  # one record has a kind and status to choose
    blocks = _blocks(report)
    assert sorted(blocks) == sorted(CELLS)
    for row, (record_id, cells) in zip(ROWS, CELLS.items(), strict=True):
        flat = _flat(repo, record_id)
        block = blocks[record_id]
        given: set[str] = set()
        for header, where in cells.items():
            text = row[header]
            if where == NOTES:
                assert f"{header}: {text}" in flat.get("notes", ""), (record_id, header)
                continue
            how = where[0]
            if how == "field":
                _, path, value = where
                assert flat.get(path) == value, (record_id, header, flat.get(path))
                assert f"imported_as_written.{path}" not in flat, (record_id, path)
                given.add(path)
            elif how == "as written":
                path = where[1]
                assert flat.get(f"imported_as_written.{path}") == text, (record_id, header)
                assert f"{path} = '{text}'" in block or f"says '{text}'" in block, block
                if path != "lead_officer.name":  # a name is required: kept whole, flagged
                    assert path not in flat, (record_id, path)
                given.add(path)
            elif how == "read":
                _, path, value = where
                assert flat.get(path) == value, (record_id, path)
                assert flat.get(f"imported_as_written.{path}") == text, (record_id, path)
                assert f"read as '{value}'" in block and f"{path} = '{text}'" in block, block
                given.add(path)
            else:
                assert f"'{header}' '{text}' was split into" in block, block
                for path, value in where[1].items():
                    assert flat.get(path) == value, (record_id, path, flat.get(path))
                    given.add(path)
            assert header not in flat.get("notes", ""), (record_id, header)
        named = PLACEHOLDERS.get(record_id, {})
        for path, value in named.items():
            assert flat.get(path) == value, (record_id, path)
            assert flat.get(f"imported_as_written.{path}") == "", (record_id, path)
            assert re.search(rf"placeholder '{value}'.* to confirm \(DATA010\): {path}\n", block)
        for path in UNKNOWN.get(record_id, ()):
            assert path not in flat, (record_id, path)
            assert f"UNKNOWN, left out of the record: {path}: " in block, block
        placeholder_paths = {p for p in PLACEHOLDERS.get(record_id, {})}
        for path in flat:
            if path in ("id", "notes") or path.startswith("imported_as_written."):
                continue
            assert path in given or path in placeholder_paths, (
                f"{record_id}: {path} = {flat[path]!r} came from no cell and is not a "
                "placeholder named in the preview"
            )
        written = {p[len("imported_as_written.") :] for p in flat if p.startswith("imported_")}
        assert written <= given | placeholder_paths | set(UNKNOWN.get(record_id, ())), record_id


def test_the_preview_names_every_placeholder_and_repair(runner: CliRunner, repo: Path) -> None:
    build_csv(repo / "sheet.csv")
    out = runner.invoke(app, ["import", "sheet.csv"], catch_exceptions=False).stdout
    blocks = _blocks(out)
    assert (
        "not in the sheet, placeholder 'company_or_trust' (from 'trust' in the name "
        "'Æthelred Heritage Trust') to confirm (DATA010): kind"
    ) in blocks["aethelred-heritage-trust"]
    assert (
        "not in the sheet, placeholder 'ended' (from its end date 2020-03-31, which has "
        "passed) to confirm (DATA010): status"
    ) in blocks["community-safety-partnership-thamesbridge"]
    assert (
        "read as 'company_or_trust' from 'company' in 'Type' 'a company, not a partnership', "
        "kept as written too, to confirm (DATA010): kind = 'a company, not a partnership'"
    ) in blocks["riverside-leisure-ltd"]
    assert (
        "repaired mis-encoded text in 'Partnership name': 'GrÃ¸nland Twinning Partnership' -> "
        "'Grønland Twinning Partnership'"
    ) in blocks["gronland-twinning-partnership"]
    assert (
        "repaired mis-encoded text in 'Directorate': 'Carersâ€™ Services' -> 'Carers’ Services'"
    ) in blocks["strasse-forum"]
    assert "repaired" not in blocks["gronland-twinning-partnership"].split("Partnership name")[1]
    assert (
        "'Council contribution (£)' holds the formula '=G2*0.25', and the file does not hold "
        "its result: kept as written (council_resources.dedicated_budget)"
    ) in blocks["carers-support-network"]
    assert (
        "'Lead officer' 'Director of Place' holds a job title, and no comma, dash or brackets "
        "set a name apart from it: kept whole, as written"
    ) in blocks["marshside-regeneration-board"]
    assert "UNKNOWN, left out of the record: kind: the sheet says 'Joint venture'" in out
    assert (
        "row 13 'Legal Service' and row 14 'Shared Legal Service between Thamesbridge and "
        "Medley': score 1.00; leaving out 'shared' and 'between Thamesbridge and Medley'"
    ) in out
    assert (
        "row 11 'Thamesbridge C.S.P.' and row 12 'Community Safety Partnership Thamesbridge': "
        "score 1.00; CSP = community safety partnership"
    ) in out
    assert "row 2 'Riverside Leisure Ltd' and row 15 'Riverside Leisure Limited': score 1.00" in out
    assert "1 without a kind or status partnerfw could tell (choose it in the file)" in out


def test_ids_transliterate_and_the_repairs_are_recorded_in_the_file(
    runner: CliRunner, repo: Path
) -> None:
    build_xlsx(repo / "sheet.xlsx")
    runner.invoke(app, ["import", "sheet.xlsx", "--write"], catch_exceptions=False)
    names = sorted(p.stem for p in (repo / "register").glob("*.yaml"))
    assert {
        "gronland-twinning-partnership",
        "strasse-forum",
        "lodz-twinning-association",
        "aethelred-heritage-trust",
        "thamesbridge-csp",
    } <= set(names)
    text = (repo / "register" / "strasse-forum.yaml").read_text(encoding="utf-8")
    assert (
        "# Repaired mis-encoded text in 'Directorate': 'Carersâ€™ Services' -> "
        "'Carers’ Services'.\n"
    ) in text
    marshside = (repo / "register" / "marshside-regeneration-board.yaml").read_text("utf-8")
    assert "\nkind:" not in marshside and "\nstatus:" not in marshside
    assert "# kind: the sheet says 'Joint venture', and partnerfw cannot tell" in marshside


def test_check_keeps_what_is_left_to_confirm(runner: CliRunner, repo: Path) -> None:
    build_csv(repo / "sheet.csv")
    runner.invoke(app, ["import", "sheet.csv", "--write"], catch_exceptions=False)
    result = runner.invoke(
        app, ["check", "--today", TODAY, "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 1  # a record without a kind is an error until one is chosen
    findings = json.loads(result.stdout)["findings"]
    marshside = "register/marshside-regeneration-board.yaml"
    lines = (repo / marshside).read_text(encoding="utf-8").splitlines()
    missing = [f for f in findings if f["rule"] == "DATA004" and f["file"] == marshside]
    assert [f["message"].split(":")[0] for f in missing] == ["kind", "status"]
    assert lines[missing[0]["line"] - 1].strip() == "kind: Joint venture"
    assert missing[0]["message"] == (
        "kind: is required but missing: it was left out when imported, because the "
        "spreadsheet said 'Joint venture' and partnerfw could not tell which it is; add it (one "
        "of partnership, shared_service, informal_network, commissioning, company_or_trust, "
        "outside_body), then delete kind from imported_as_written"
    )

    pairs = {
        ("register/riverside-leisure-ltd.yaml", "register/riverside-leisure-limited.yaml"),
        (
            "register/thamesbridge-csp.yaml",
            "register/community-safety-partnership-thamesbridge.yaml",
        ),
        (
            "register/legal-service.yaml",
            "register/shared-legal-service-between-thamesbridge-and-medley.yaml",
        ),
    }
    duplicates = [f for f in findings if f["rule"] == "REG006"]
    assert len(duplicates) == 2 * len(pairs)
    for first, second in pairs:
        for this, other in ((first, second), (second, first)):
            (finding,) = [f for f in duplicates if f["file"] == this and other in f["message"]]
            other_lines = (repo / other).read_text(encoding="utf-8").splitlines()
            name_line = 1 + next(i for i, t in enumerate(other_lines) if t.startswith("name:"))
            assert f"({other}:{name_line}, score 1.00" in finding["message"]
            this_lines = (repo / this).read_text(encoding="utf-8").splitlines()
            assert this_lines[finding["line"] - 1].startswith("name: ")

    flagged = [f for f in findings if f["rule"] == "DATA010"]
    carers = [f for f in flagged if f["file"] == "register/carers-support-network.yaml"]
    assert sorted(f["message"].split(" ")[0] for f in carers) == [
        "council_resources.dedicated_budget",
        "partners.0.sector",
    ]
