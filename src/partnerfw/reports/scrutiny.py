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
from partnerfw.reports.paper import Paper, Section, Table
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


def paper(report: ScrutinyReport, data: ReportData) -> Paper:
    top = report.candidates[:3]
    summary = [
        f"{plural(len(report.candidates), 'approved or running arrangement')} "
        f"{'is' if len(report.candidates) == 1 else 'are'} ranked by a score of council "
        "resources, risk and governance gaps, to help the Overview and Scrutiny Committee "
        "choose the partnership it will look at this year (Framework 6.8) and internal audit "
        "plan its risk-based work (6.11).",
    ]
    if top:
        summary.append(
            "The highest scores: " + "; ".join(f"{c.name} ({c.score:f} of 30)" for c in top) + "."
        )
    rows = [
        [
            str(c.rank),
            c.name,
            c.classification,
            resources_text(c.resources, c.not_valued),
            f"{c.resources_points:f}",
            str(c.highest_risk) if c.highest_risk else "—",
            f"{c.risk_points:f}",
            f"{c.errors} / {c.warnings}",
            f"{c.gap_points:f}",
            f"{c.score:f}",
        ]
        for c in report.candidates
    ]
    table = Table(
        "Candidates ranked by score",
        [
            "Rank",
            "Arrangement",
            "Class",
            "Council resources",
            "Resources points",
            "Highest risk (L×I)",
            "Risk points",
            "Errors / warnings",
            "Gap points",
            "Score",
        ],
        rows,
        numeric=frozenset({0, 3, 4, 5, 6, 7, 8, 9}),
    )
    data_table = Table(
        "Scrutiny candidates",
        [
            "Rank",
            "Id",
            "Arrangement",
            "Kind",
            "Class",
            "Council resources",
            "Resources points",
            "Highest risk",
            "Risk points",
            "Errors",
            "Warnings",
            "Gap points",
            "Score",
        ],
        [
            [
                str(c.rank),
                c.id,
                c.name,
                c.kind,
                c.classification,
                f"{c.resources:f}",
                f"{c.resources_points:f}",
                str(c.highest_risk),
                f"{c.risk_points:f}",
                str(c.errors),
                str(c.warnings),
                f"{c.gap_points:f}",
                f"{c.score:f}",
            ]
            for c in report.candidates
        ],
    )
    return Paper(
        "scrutiny",
        "Candidates for scrutiny and internal audit",
        data.council,
        "Overview and Scrutiny Committee",
        report.as_of,
        data.policy.title,
        data.scope.describe(),
        data.public,
        summary,
        [
            "That the Committee chooses one partnership from the list for its review this year.",
            "[Further recommendations to be added by the report author.]",
        ],
        [
            Section("How the score is worked out", bullets=SCORE_RULES),
            Section("Ranked candidates", tables=[table]),
            Section(
                "Risks across the candidates",
                [
                    f"Risks recorded on the candidates' risk registers as at "
                    f"{date_text(report.as_of)}."
                ],
                figures=[heat_map(report.risks, "scrutiny-heat-map")],
            ),
        ],
        [],
        data_table,
    )
