"""Candidates for the Overview and Scrutiny Committee's annual pick (Framework 6.8) and for
internal audit's risk-based selection (6.11), ranked by a score whose parts are shown.

The score, out of 30, adds three parts of up to 10 points each:

* **Resources**: 1 point for each £10,000 a year of council resources (budget, staff cost
  and in kind, as the policy counts them), up to 10.
* **Risk**: the highest risk rating on the arrangement's risk register (likelihood × impact,
  1 to 25) divided by 2.5, so a 5 × 5 risk scores 10; 0 with no risk register.
* **Gaps**: 2 points for each error and 1 for each warning that ``partnerfw check`` finds,
  up to 10.

Only approved and running arrangements are candidates. Ties are ranked by name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from partnerfw.findings import Severity
from partnerfw.judge.classify import resources_text
from partnerfw.reports.common import LIVE, ReportData, date_text, highest_risk, kind_label
from partnerfw.reports.figures import heat_map, risk_counts
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

RESOURCES_STEP = Decimal(10000)
RISK_DIVISOR = Decimal("2.5")
CAP = Decimal(10)
SCORE_RULES = [
    "Resources: 1 point for each £10,000 a year of council resources, up to 10.",
    "Risk: the highest likelihood × impact on the risk register (1 to 25) divided by 2.5, up "
    "to 10 (0 when there is no risk register).",
    "Gaps: 2 points for each error and 1 for each warning found by the register check, up to 10.",
    "Score: the three parts added, out of 30. Only approved and running arrangements are "
    "ranked; equal scores are ranked by name.",
]
_TENTH = Decimal("0.1")


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


def _points(value: Decimal) -> Decimal:
    return min(value, CAP).quantize(_TENTH, rounding=ROUND_HALF_UP)


def compute(data: ReportData) -> ScrutinyReport:
    scored = []
    live = [r for r in data.records if r.record.arrangement.status in LIVE]
    for r in live:
        findings = data.findings_for(r.id)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
        top = highest_risk(r.record.arrangement)
        resources = r.classification.council_resources
        parts = (
            _points(resources / RESOURCES_STEP),
            _points(Decimal(top) / RISK_DIVISOR),
            _points(Decimal(2 * errors + warnings)),
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


def _summary(report: ScrutinyReport) -> list[str]:
    ranked = len(report.candidates)
    summary = [
        f"{plural(ranked, 'approved or running arrangement')} "
        f"{'is' if ranked == 1 else 'are'} ranked by a score of council "
        "resources, risk and governance gaps, to help the Overview and Scrutiny Committee "
        "choose the partnership it will look at this year (Framework 6.8) and internal audit "
        "plan its risk-based work (6.11).",
    ]
    if top := report.candidates[:3]:
        summary.append(
            "The highest scores: " + "; ".join(f"{c.name} ({c.score:f} of 30)" for c in top) + "."
        )
    return summary


def paper(report: ScrutinyReport, data: ReportData) -> Paper:
    return committee_paper(
        _FRONT,
        data,
        _summary(report),
        recommendations(
            "That the Committee chooses one partnership from the list for its review this year.",
            author_adds=True,
        ),
        [
            section("How the score is worked out", bullets=SCORE_RULES),
            section(
                "Ranked candidates",
                table("Candidates ranked by score", _COLUMNS, report.candidates),
            ),
            section(
                "Risks across the candidates",
                paragraphs=[
                    f"Risks recorded on the candidates' risk registers as at "
                    f"{date_text(report.as_of)}."
                ],
                figures=[heat_map(report.risks, "scrutiny-heat-map")],
            ),
        ],
        [],
        table("Scrutiny candidates", _DATA_COLUMNS, report.candidates),
    )
