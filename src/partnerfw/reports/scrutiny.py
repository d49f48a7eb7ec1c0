"""Candidates for the Overview and Scrutiny Committee's annual pick (Framework 6.8) and for
internal audit's risk-based selection (6.11), ranked by a score whose parts are shown.

The framework sets no score: it is the council's own choice, the policy's ``scrutiny_score``
(with the risk scale, ``risk_scale``), and the paper says so. The score adds three parts of
up to ``part_points`` each (by default 10, so out of 30):

* **Resources**: a point for each ``resources_per_point`` a year of council resources (budget,
  staff cost and in kind, as the policy counts them; by default £10,000).
* **Risk**: the highest risk rating on the arrangement's risk register (likelihood × impact)
  as a share of the scale's top rating, times ``part_points`` (by default a 5 × 5 risk scores
  10); 0 with no risk register.
* **Gaps**: ``error_points`` for each error and ``warning_points`` for each warning that
  ``partnerfw check`` finds (by default 2 and 1).

Only approved and running arrangements are candidates. Ties are ranked by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from partnerfw.findings import Severity
from partnerfw.judge.classify import resources_text
from partnerfw.policy.schema import Policy
from partnerfw.record.money import money
from partnerfw.reports.common import LIVE, ReportData, date_text, highest_risk, kind_label
from partnerfw.reports.figures import heat_map, risk_counts, scale_note
from partnerfw.reports.paper import Paper
from partnerfw.reports.sections import (
    Column,
    Front,
    committee_paper,
    plain,
    recommendations,
    section,
    table,
)
from partnerfw.words import plural

_TENTH = Decimal("0.1")


def score_rules(policy: Policy) -> list[str]:
    """How the score is worked out, in the council's numbers, saying they are its choice."""
    score, scale = policy.scrutiny_score, policy.risk_scale
    cap = plain(score.part_points)
    return [
        "The score is the council's own choice (its policy's scrutiny_score): the framework "
        "asks Overview and Scrutiny to choose one partnership a year (6.8) and lets internal "
        "audit select on a risk basis (6.11), but sets no score.",
        f"Resources: 1 point for each {money(score.resources_per_point)} a year of council "
        f"resources, up to {cap}.",
        f"Risk: the highest likelihood × impact on the risk register (1 to {scale.top} on the "
        f"council's scales) as a share of {scale.top}, times {cap} (0 when there is no risk "
        "register).",
        f"Gaps: {plain(score.error_points)} points for each error and "
        f"{plain(score.warning_points)} for each warning found by the register check, up to "
        f"{cap}.",
        f"Score: the three parts added, out of {plain(score.part_points * 3)}. Only approved "
        "and running arrangements are ranked; equal scores are ranked by name.",
    ]


@dataclass(frozen=True)
class Candidate:
    rank: int
    id: str
    name: str
    kind: str
    classification: str
    resources: Decimal
    highest_risk: int
    """Likelihood × impact of the highest risk, 0 when none."""
    errors: int
    warnings: int
    resources_points: Decimal
    risk_points: Decimal
    gap_points: Decimal
    score: Decimal
    not_valued: tuple[str, ...] = ()
    """Council resources given without a £ value yet: they score nothing until valued."""


@dataclass(frozen=True)
class ScrutinyReport:
    as_of: dt.date
    candidates: list[Candidate]
    risks: dict[tuple[int, int], int]


def _points(value: Decimal, cap: Decimal) -> Decimal:
    return min(value, cap).quantize(_TENTH, rounding=ROUND_HALF_UP)


def compute(data: ReportData) -> ScrutinyReport:
    scored = []
    score, cap = data.policy.scrutiny_score, data.policy.scrutiny_score.part_points
    top_rating = Decimal(data.policy.risk_scale.top)
    live = [r for r in data.records if r.record.arrangement.status in LIVE]
    for r in live:
        findings = data.findings_for(r.id)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        top = highest_risk(r.record.arrangement)
        resources = r.classification.council_resources
        gaps = score.error_points * errors + score.warning_points * warnings
        parts = (
            _points(resources / score.resources_per_point, cap),
            _points(Decimal(top) / top_rating * cap, cap),
            _points(gaps, cap),
        )
        scored.append((sum(parts, Decimal(0)), r, top, errors, warnings, parts))
    scored.sort(key=lambda s: (-s[0], s[1].record.arrangement.name.casefold()))
    candidates = [
        Candidate(
            rank,
            r.id,
            r.record.arrangement.name,
            kind_label(r),
            r.classification.shown_label,
            r.classification.council_resources,
            top,
            errors,
            warnings,
            *parts,
            score,
            r.classification.uncosted,
        )
        for rank, (score, r, top, errors, warnings, parts) in enumerate(scored, start=1)
    ]
    return ScrutinyReport(data.as_of, candidates, risk_counts(r.record.arrangement for r in live))


_COLUMNS: tuple[Column[Candidate], ...] = (
    Column("Rank", lambda c: str(c.rank), numeric=True),
    Column("Arrangement", lambda c: c.name),
    Column("Class", lambda c: c.classification),
    Column("Council resources", lambda c: resources_text(c.resources, c.not_valued), numeric=True),
    Column("Resources points", lambda c: plain(c.resources_points), numeric=True),
    Column(
        "Highest risk (L×I)",
        lambda c: str(c.highest_risk) if c.highest_risk else "—",
        numeric=True,
    ),
    Column("Risk points", lambda c: plain(c.risk_points), numeric=True),
    Column("Errors / warnings", lambda c: f"{c.errors} / {c.warnings}", numeric=True),
    Column("Gap points", lambda c: plain(c.gap_points), numeric=True),
    Column("Score", lambda c: plain(c.score), numeric=True),
)
_DATA_COLUMNS: tuple[Column[Candidate], ...] = (
    Column("Rank", lambda c: str(c.rank)),
    Column("Id", lambda c: c.id),
    Column("Arrangement", lambda c: c.name),
    Column("Kind", lambda c: c.kind),
    Column("Class", lambda c: c.classification),
    Column("Council resources", lambda c: plain(c.resources)),
    Column("Resources points", lambda c: plain(c.resources_points)),
    Column("Highest risk", lambda c: str(c.highest_risk)),
    Column("Risk points", lambda c: plain(c.risk_points)),
    Column("Errors", lambda c: str(c.errors)),
    Column("Warnings", lambda c: str(c.warnings)),
    Column("Gap points", lambda c: plain(c.gap_points)),
    Column("Score", lambda c: plain(c.score)),
)
_FRONT = Front(
    "scrutiny", "Candidates for scrutiny and internal audit", "Overview and Scrutiny Committee"
)


def _summary(report: ScrutinyReport, out_of: Decimal) -> list[str]:
    ranked = len(report.candidates)
    summary = [
        f"{plural(ranked, 'approved or running arrangement')} "
        f"{'is' if ranked == 1 else 'are'} ranked by a score of council "
        "resources, risk and governance gaps (the council's own score: the framework sets "
        "none), to help the Overview and Scrutiny Committee choose the partnership it will "
        "look at this year (Framework 6.8) and internal audit plan its risk-based work (6.11).",
    ]
    if top := report.candidates[:3]:
        summary.append(
            "The highest scores: "
            + "; ".join(f"{c.name} ({c.score:f} of {plain(out_of)})" for c in top)
            + "."
        )
    return summary


def paper(report: ScrutinyReport, data: ReportData) -> Paper:
    policy = data.policy
    return committee_paper(
        _FRONT,
        data,
        _summary(report, policy.scrutiny_score.part_points * 3),
        recommendations(
            "That the Committee chooses one partnership from the list for its review this year.",
            author_adds=True,
        ),
        [
            section("How the score is worked out", bullets=score_rules(policy)),
            section(
                "Ranked candidates",
                table("Candidates ranked by score", _COLUMNS, report.candidates),
            ),
            section(
                "Risks across the candidates",
                paragraphs=[
                    f"Risks recorded on the candidates' risk registers as at "
                    f"{date_text(report.as_of)}.",
                    scale_note(policy.risk_scale, policy.risk_bands),
                ],
                figures=[
                    heat_map(
                        report.risks, policy.risk_scale, policy.risk_bands, "scrutiny-heat-map"
                    )
                ],
            ),
        ],
        [],
        table("Scrutiny candidates", _DATA_COLUMNS, report.candidates),
    )
