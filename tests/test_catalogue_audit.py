"""The catalogue a Monitoring Officer can sign: every paragraph it cites exists in the
framework's texts, every obligation found in them is checked by a rule (and a test sees the
rule fire) or listed as guidance with why, and what is the council's own choice is marked so.

The framework's paragraph numbers are copied in tests/catalogue/framework_paragraphs.yaml, the
obligations in tests/catalogue/obligations.yaml (tests/catalogue_audit.py reads both).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partnerfw.findings import Basis
from partnerfw.judge.governance_items import paragraph
from partnerfw.policy.project import load_edition
from partnerfw.policy.schema import EDITIONS, Policy
from partnerfw.policy.significance_tests import leaves
from partnerfw.record.models import AgreementItems, Governance
from partnerfw.rules import RULES
from partnerfw.rules.sources import LOCAL_RULES, PARTLY_LOCAL, RULE_SETTINGS, rule_source
from tests.catalogue_audit import (
    Obligation,
    figures,
    fired,
    obligations,
    problems_of,
    verified,
)

OBLIGATIONS = obligations()
CHECKED = {c for c, r in RULES.items() if r.guidance is None}
GUIDANCE = {c for c, r in RULES.items() if r.guidance is not None}


# --- the paragraphs cited exist ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "problem"),
    [
        ("Framework 7.1", "no paragraph 7.1"),
        ("Framework 2.11.3", "no paragraph 2.11.3"),
        ("Framework 4.3(n)", "4.3 has no point (n)"),
        ("Framework 4.4(a)", "4.4 has no point (a)"),
        ("Appendix 1 (Value analysis)", "Appendix 1 has no heading"),
        ("Appendix 1 2.3", "Appendix 1 is not numbered"),
        ("Appendix 2 11.1", "Appendix 2 has no paragraph 11.1"),
        ("Appendix 2 (Business Case History 1.5)", "no 1.5"),
        ("Appendix 3 1.9", "partnership agreement has no paragraph 1.9"),
        ("Appendix 3 (shared service agreement) 1.11", "shared service agreement has no"),
        ("App3 1.8d", "1.8 has no point (d)"),
        ("Framework review minutes (a register of trustees)", "the minutes say nothing"),
        ("Framework", "cites no paragraph"),
    ],
)
def test_a_paragraph_the_texts_do_not_have_is_caught(reference: str, problem: str) -> None:
    assert any(problem in p for p in problems_of(reference)), problems_of(reference)


@pytest.mark.parametrize(
    "reference",
    [
        "Framework 2.11, 3.9",
        "Framework 4.3-4.4, Appendix 1",
        "Framework 4.5(a-b)",
        "Framework 3.4 (Funded fairly)",
        "Appendix 1 (Equalities Analysis), Appendix 2 5.1",
        "Appendix 2 (Business Case History 1.2)",
        "Appendix 3 (shared service agreement) 1.7",
        "App3 1.7; SS 1.8",
        "Framework review minutes (urgent, ad hoc arrangements)",
    ],
)
def test_the_ways_the_catalogue_cites_are_read(reference: str) -> None:
    assert problems_of(reference) == []


def _cited(text: str) -> bool:
    return text.startswith(("Framework", "Appendix"))


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_cites_paragraphs_the_framework_has(code: str) -> None:
    """A framework rule (or guidance entry) cites paragraphs that exist and say what it
    enforces; a local rule cites none as if it were the framework's."""
    rule = RULES[code]
    if code in LOCAL_RULES:
        assert rule_source(rule).framework is None
        assert len(LOCAL_RULES[code]) > 40, "say why it is the council's own choice"
        return
    assert _cited(rule.reference), rule.reference
    assert problems_of(rule.reference) == []


def _edition_references(policy: Policy) -> Iterator[str]:
    for route in policy.approval_routes.values():
        yield route.reference
    for conflict in policy.route_conflicts.values():
        for option in conflict.options.values():
            yield option.reference
    for definition in policy.scheme.classes:
        if definition.reference:
            yield definition.reference
        for _, test in leaves(definition.test) if definition.test is not None else ():
            if test.reference:
                yield test.reference
    for part in (policy.shared_service_review, policy.urgent_route, policy.governance_rating):
        if part is not None:
            yield part.reference
    for source in policy.sources.values():
        if source.framework:
            yield source.framework


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_paragraph_the_shipped_editions_cite_exists(edition: str) -> None:
    wrong = {
        ref: problems_of(ref)
        for ref in _edition_references(load_edition(edition))
        if _cited(ref) and problems_of(ref)
    }
    assert wrong == {}


def test_every_governance_and_agreement_item_cites_a_paragraph_that_exists() -> None:
    for model in (Governance, AgreementItems):
        for name in model.model_fields:
            cited = paragraph(model, name)
            assert cited, (model.__name__, name)
            assert problems_of(cited) == [], (name, cited)


def test_every_finding_the_rule_tests_make_cites_a_paragraph_that_exists() -> None:
    """The references the rules give their findings (a route's, the class's, a hit's own), as
    the tests of every rule make them respond, and the basis each finding is marked with."""
    from tests.test_core_rules import MISSES

    for case in MISSES:
        for finding in case.found():
            if finding.basis is Basis.LOCAL:
                assert finding.local, finding
                assert finding.reference == "" or problems_of(finding.reference) == []
                continue
            assert _cited(finding.reference), (case.id, finding.reference)
            assert problems_of(finding.reference) == [], (case.id, finding.reference)


# --- every obligation is checked, or listed as guidance with why ------------------------------


def test_the_audit_found_the_frameworks_obligations() -> None:
    found = figures()
    assert found.found >= 200
    assert len({o.id for o in OBLIGATIONS}) == found.found, "obligation ids are unique"
    assert found.mapped / found.found >= 0.95
    assert found.verified == found.to_rules, "every obligation a rule checks is seen firing"


@pytest.mark.parametrize("obligation", OBLIGATIONS, ids=lambda o: o.id)
def test_every_obligation_cites_its_paragraph_and_is_checked_or_guidance(
    obligation: Obligation,
) -> None:
    assert problems_of(obligation.cites) == [], obligation.cites
    assert set(obligation.rules) <= CHECKED, "every rule cited exists and checks something"
    assert set(obligation.guidance) <= GUIDANCE, "every guidance entry cited exists"
    assert not set(obligation.rules) & set(LOCAL_RULES), "a local rule is not the framework's"
    if obligation.mapped:
        assert obligation.unmapped is None
    else:
        assert obligation.unmapped and len(obligation.unmapped) > 40, "say why it is not mapped"
    if obligation.rules:
        assert obligation.fires, "give a record that misses it (fires:)"


@pytest.mark.parametrize("obligation", [o for o in OBLIGATIONS if o.rules], ids=lambda o: o.id)
def test_every_checked_obligation_is_seen_firing(obligation: Obligation) -> None:
    found = fired(obligation)
    assert found, f"{obligation.id}: no finding of {obligation.fires}"
    assert verified(obligation), [f.message for f in found]
    expected = (obligation.fires or {}).get("rule", obligation.rules[0])
    assert expected in obligation.rules


def test_every_framework_rule_and_guidance_entry_answers_an_obligation() -> None:
    used = {code for o in OBLIGATIONS for code in (*o.rules, *o.guidance)}
    framework = {c for c in RULES if c not in LOCAL_RULES}
    assert framework - used == set()


def test_the_catalogues_own_tables_name_rules_that_exist() -> None:
    for table in (LOCAL_RULES, PARTLY_LOCAL, RULE_SETTINGS):
        assert set(table) <= set(RULES), set(table) - set(RULES)
    assert not set(PARTLY_LOCAL) & set(LOCAL_RULES)
