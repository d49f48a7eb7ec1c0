"""The site's search index (issue 16): what a resident's words find, made from the public view.

The matcher here (``views.search.matches``) is the reference the browser's ``search.js``
follows; ``test_site_search_browser.py`` checks that the two agree and that the page finds
what these tests find.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from partnerfw.cli import app
from partnerfw.views.search import (
    FIELDS,
    NOT_SEARCHED,
    OVERVIEW_FIELDS,
    PURPOSE_FIELDS,
    matches,
    relevance,
    search_index,
    search_index_script,
    stem,
    terms,
    words,
)
from tests.bundled_register import ARRANGEMENTS
from tests.conftest import REPO, TODAY
from tests.test_site_views import edit, view_of

FACTS = REPO / "tests" / "fixtures" / "governance_facts"


def found(index: dict[str, Any], query: str) -> list[str]:
    return [r["id"] for r in index["records"] if matches(r, query) is not None]


@pytest.fixture(scope="module")
def bundled_index(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("bundled")
    shutil.copytree(REPO / "register", root / "register")
    shutil.copy(REPO / "partnerfw.yaml", root / "partnerfw.yaml")
    return view_of(root).search_index


def test_words_fold_case_accents_and_apostrophes() -> None:
    assert words("Children’s Services — Équipe d'Été, KENT & Medway!") == [
        "childrens",
        "services",
        "equipe",
        "dete",
        "kent",
        "medway",
    ]
    assert words("s113 agreement (2024/25)") == ["s113", "agreement", "2024", "25"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("banks", "bank"),
        ("policies", "policy"),
        ("churches", "churche"),
        ("services", "service"),
        ("bus", "bus"),
        ("business", "business"),
        ("status", "status"),
        ("trees", "tree"),
        ("has", "has"),
        ("food", "food"),
    ],
)
def test_plurals_are_folded(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_a_query_is_its_words_in_any_order_without_the_small_ones() -> None:
    assert terms("The Food Banks of Thamesbridge") == ["food", "bank", "thamesbridge"]
    assert terms("  food   FOOD food ") == ["food"]
    assert terms("the") == ["the"], "a query of only small words still looks for them"
    assert terms("") == []


def test_the_issue_example_food_bank_finds_the_food_network(
    bundled_index: dict[str, Any],
) -> None:
    """Issue 16: "food bank" found nothing when the record is "Thamesbridge Food Network"."""
    assert found(bundled_index, "food bank") == ["food-bank-partnership"]
    assert found(bundled_index, "BANK food") == ["food-bank-partnership"]
    assert found(bundled_index, "food banks") == ["food-bank-partnership"]


@pytest.mark.parametrize(
    ("query", "record", "field"),
    [
        ("churches together", "food-bank-partnership", "partners"),  # a partner's name
        ("coordinate emergency", "food-bank-partnership", "summary"),
        ("referral route", "food-bank-partnership", "aims"),
        ("Daniel Moss", "food-bank-partnership", "officer"),
        ("financial inclusion", "food-bank-partnership", "officer"),
        ("cost of living", "food-bank-partnership", "objectives"),
        ("customer services housing", "food-bank-partnership", "department"),
        ("proposed", "food-bank-partnership", "kind"),
        ("communities cabinet committee", "food-bank-partnership", "other"),
        ("alzheimer's society", "dementia-friendly-thamesbridge", "partners"),
    ],
)
def test_every_public_text_field_is_searched(
    bundled_index: dict[str, Any], query: str, record: str, field: str
) -> None:
    entry = next(r for r in bundled_index["records"] if r["id"] == record)
    where = matches(entry, query)
    assert where is not None and field in where, (query, where)
    assert record in found(bundled_index, query.upper())


def test_words_begin_words_and_must_all_be_found(bundled_index: dict[str, Any]) -> None:
    assert "food-bank-partnership" in found(bundled_index, "foo")  # as you type
    assert found(bundled_index, "ood") == [], "a word is found from its beginning"
    assert found(bundled_index, "food zebra") == [], "every word must be found"
    assert len(found(bundled_index, "")) == ARRANGEMENTS


def test_a_word_in_the_name_counts_more_than_elsewhere(bundled_index: dict[str, Any]) -> None:
    def ranked(query: str) -> list[str]:
        hits = [r for r in bundled_index["records"] if matches(r, query) is not None]
        return [r["id"] for r in sorted(hits, key=lambda r: -relevance(r, query))]

    assert ranked("community safety")[:2] == [
        "community-safety-partnership",  # both words in its name
        "thamesbridge-safer-neighbourhoods-partnership",  # in its summary and department
    ]
    entry = next(r for r in bundled_index["records"] if r["id"] == "food-bank-partnership")
    assert relevance(entry, "zebra") == 0
    assert relevance(entry, "food network") > relevance(entry, "food bank") > 0


def test_every_at_a_glance_and_purpose_entry_is_searched_or_deliberately_not() -> None:
    """A new entry on the page must be given a search field (or a reason not to be)."""
    labels: set[str] = set()
    purposes: set[str] = set()
    for root in (REPO, FACTS, REPO / "tests" / "fixtures" / "timeline"):
        view = view_of(root)
        for page in view.pages:
            labels |= {e.label for e in [*page.overview, *page.facts.overview]}
            purposes |= {e.label for e in page.purpose}
    assert labels - set(OVERVIEW_FIELDS) - NOT_SEARCHED == set()
    known = {"Why the council takes part", "Safeguarding"}
    council_questions = {label for label in purposes if label.endswith("?")}
    assert purposes - set(PURPOSE_FIELDS) - known - council_questions == set()
    assert {field for _, field in FIELDS} >= {"partners", "summary", "lead officer"}


def test_nothing_confidential_reaches_the_index(tmp_path: Path) -> None:
    """A partner, the summary, the aims, the lead officer and the department marked
    confidential are not in the index; the same values are when nothing is confidential."""
    for name in ("register", "partnerfw.yaml"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy(source, tmp_path / name)
    path = tmp_path / "register" / "food-bank-partnership.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["summary"] = "Qxsummary pantry scheme."
    data["partners"][1]["name"] = "Qxpartner Trust"
    data["purpose"]["aims"] = "Qxaimz for everyone."
    data["lead_officer"]["name"] = "Qxofficer Person"
    data["department"] = "Qxdepartment"
    data["area"] = "Qxarea"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    planted = ["qxsummary", "qxpartner", "qxaimz", "qxofficer", "qxdepartment", "qxarea"]

    shown = search_index_script(view_of(tmp_path).search_index).casefold()
    assert [p for p in planted if p not in shown] == [], "the search would miss public text"

    data["confidential"] = [
        "summary",
        "partners.1",
        "purpose.aims",
        "lead_officer",
        "department",
        "area",
    ]
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    index = view_of(tmp_path).search_index
    assert [p for p in planted if p in search_index_script(index).casefold()] == []
    assert found(index, "qxpartner") == []
    assert found(index, "pantry") == [], "a word of the withheld summary"
    assert found(index, "food bank") == ["food-bank-partnership"], "its public partner"
    assert found(index, "thamesbridge food network") == ["food-bank-partnership"]


def test_withheld_names_and_placeholders_are_not_searched(example_repo: Path) -> None:
    edit(example_repo, "food-bank-partnership", confidential=["name", "department"])
    index = view_of(example_repo).search_index
    entry = next(r for r in index["records"] if r["id"] == "food-bank-partnership")
    assert "name" not in entry["fields"] and "department" not in entry["fields"]
    assert found(index, "not published") == []
    assert found(index, "confidential") == []


def test_build_writes_the_index_and_only_the_full_listings_load_it(
    example_repo: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["build", "--out", "site", "--today", TODAY])
    assert result.exit_code == 0, result.output
    site = example_repo / "site"
    script = (site / "assets" / "search-index.js").read_text("utf-8")
    prefix = "window.PARTNERFW_SEARCH_INDEX = "
    assert script.startswith(prefix) and script.endswith(";\n")
    index = json.loads(script[len(prefix) : -2])
    assert len(index["records"]) == ARRANGEMENTS
    assert found(index, "food bank") == ["food-bank-partnership"]
    for page in ("index.html", "sorted/resources.html"):
        html = (site / page).read_text("utf-8")
        assert "assets/search-index.js" in html and "assets/search.js" in html
        assert 'role="search"' in html and "Search the register" in html
    filtered = (site / "filter" / "kind-partnership.html").read_text("utf-8")
    assert "search-index.js" not in filtered
    assert "search-index.js" not in (site / "accessibility.html").read_text("utf-8")


def test_the_index_is_the_same_on_every_build(example_repo: Path) -> None:
    first = search_index_script(view_of(example_repo).search_index)
    assert search_index_script(view_of(example_repo).search_index) == first
    assert search_index_script(search_index([])).startswith("window.PARTNERFW_SEARCH_INDEX")


def test_another_councils_register_is_searched_too() -> None:
    index = view_of(FACTS).search_index
    assert found(index, "waste joint committee") != []
    assert found(index, "sport england") != [], "an external funder is searched"
    ids = {r["id"] for r in index["records"]}
    assert set(found(index, "")) == ids
