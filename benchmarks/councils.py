"""The councils the benchmark generator writes registers for: differently shaped, as real
registers are. Each has its own places, people, departments, portfolios and Corporate Plan,
its own mix of arrangements, and its own ``partnerfw.yaml`` (which editions are in force,
which master lists it keeps, where its register lives)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from vocabulary import FIRST_NAMES, PLACE_ENDS, PLACE_STARTS, SURNAMES


@dataclass(frozen=True)
class Council:
    key: str
    name: str
    short: str
    """How its own papers name it: 'Thamesbridge'."""
    domain: str
    county: str
    neighbours: tuple[str, ...]
    departments: tuple[str, ...]
    portfolios: tuple[str, ...]
    committees: tuple[str, ...]
    objectives: tuple[str, ...]
    editions: str
    """The partnerfw.yaml lines saying which editions are in force."""
    lists: tuple[str, ...]
    """The master lists it keeps: councillors, officers, corporate_objectives."""
    register: str = "register"
    mix: dict[str, int] = field(default_factory=dict)
    """How often each bundled example is the shape of a record (by the example's id)."""
    seed: int = 0


@dataclass(frozen=True)
class People:
    officers: tuple[str, ...]
    councillors: tuple[str, ...]
    leader: str
    chief_executive: str
    monitoring_officer: str
    section_151_officer: str
    directors: dict[str, str]
    """Department -> its director."""
    holders: dict[str, str]
    """Portfolio -> its Portfolio Holder."""
    places: tuple[str, ...]


def people_of(council: Council) -> People:
    """The council's people and places, the same for every register written for it."""
    rng = random.Random(f"people-{council.key}")
    names = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES]
    rng.shuffle(names)
    officers, councillors = tuple(sorted(names[:90])), tuple(f"Cllr {n}" for n in names[90:140])
    cabinet = list(councillors[:: max(1, len(councillors) // 9)])
    places = sorted({a + b for a in PLACE_STARTS for b in PLACE_ENDS} - {"Westminster"})
    rng.shuffle(places)
    return People(
        officers=officers,
        councillors=councillors,
        leader=cabinet[0],
        chief_executive=officers[3],
        monitoring_officer=officers[7],
        section_151_officer=officers[11],
        directors={d: officers[20 + 3 * i] for i, d in enumerate(council.departments)},
        holders={p: cabinet[1 + i % (len(cabinet) - 1)] for i, p in enumerate(council.portfolios)},
        places=tuple(places[:120]),
    )


THAMESBRIDGE = Council(
    key="thamesbridge",
    name="Thamesbridge Borough Council",
    short="Thamesbridge",
    domain="thamesbridge.gov.example",
    county="Kent",
    neighbours=("Medley District Council", "Downsmere Borough Council", "Kent County Council"),
    departments=("Communities", "Place", "Corporate Services", "Housing and Customer Services"),
    portfolios=(
        "Community Safety and Enforcement",
        "Environment and Climate",
        "Health and Wellbeing",
        "Leisure and Culture",
        "Finance and Corporate Services",
        "Housing and Customer Services",
        "Planning and Development",
        "Regeneration and Housing",
    ),
    committees=(
        "Communities Cabinet Committee",
        "Corporate Services Cabinet Committee",
        "Place Cabinet Committee",
    ),
    objectives=(
        "A green borough: net zero by 2040",
        "A safe and clean borough",
        "Healthy and active communities",
        "Tackling poverty and the cost of living",
        "Regeneration of the riverside and town centre",
        "A well-run council",
    ),
    editions=(
        "editions:\n"
        "  - edition: earlier\n"
        "    decision: the framework in the council's Policy Framework before the 2025 revision\n"
        "  - edition: revised\n"
        "    from: 2025-04-01\n"
        "    decision: Full Council 26 March 2025, minute FC/2025/31\n"
    ),
    lists=("councillors", "officers", "corporate_objectives"),
    mix={  # mostly partnerships, each of the other shapes now and then
        "climate-action-partnership": 4,
        "community-safety-partnership": 4,
        "dementia-friendly-thamesbridge": 4,
        "emergency-rest-centre-partnership": 4,
        "food-bank-partnership": 3,
        "heritage-quarter-project": 4,
        "homelessness-prevention-partnership": 4,
        "riverside-regeneration-partnership": 4,
        "youth-sports-partnership": 4,
        "thamesbridge-safer-neighbourhoods-partnership": 2,
    },
)

WEXCOMBE = Council(
    key="wexcombe",
    name="Wexcombe County Council",
    short="Wexcombe",
    domain="wexcombe.gov.example",
    county="Wexcombe",
    neighbours=(
        "Harnford District Council",
        "Lowmere Borough Council",
        "Stanbury District Council",
        "Wexcombe Fire Authority",
    ),
    departments=(
        "Adult Social Care",
        "Children, Young People and Education",
        "Growth, Environment and Transport",
        "Chief Executive's Department",
        "Public Health",
    ),
    portfolios=(
        "Adult Social Care and Public Health",
        "Children and Families",
        "Highways and Transport",
        "Environment",
        "Finance, Corporate and Traded Services",
        "Economic Development",
        "Community and Regulatory Services",
    ),
    committees=("Cabinet", "Scrutiny Committee", "Governance and Audit Committee"),
    objectives=(
        "Levelling up Wexcombe",
        "Infrastructure for communities",
        "Environmental step change",
        "New models of care and support",
        "An enabling council",
    ),
    editions="edition: earlier\n",
    lists=("councillors", "corporate_objectives"),
    register="arrangements",
    mix={
        "community-safety-partnership": 5,
        "homelessness-prevention-partnership": 4,
        "climate-action-partnership": 3,
        "emergency-rest-centre-partnership": 3,
        "youth-sports-partnership": 3,
        "riverside-regeneration-partnership": 3,
    },
    seed=1,
)

HARROWFIELD = Council(
    key="harrowfield",
    name="Harrowfield City Council",
    short="Harrowfield",
    domain="harrowfield.gov.example",
    county="Harrowfield",
    neighbours=("Ashcombe Borough Council", "Fenmouth District Council"),
    departments=("Neighbourhoods", "Resources", "City Development", "People"),
    portfolios=(
        "Neighbourhoods and Communities",
        "Resources",
        "City Development and Climate",
        "Adults and Health",
        "Children and Young People",
    ),
    committees=("Executive", "Overview and Scrutiny Management Board"),
    objectives=(
        "A fairer Harrowfield",
        "A zero carbon city by 2038",
        "Thriving neighbourhoods",
        "A well-run city council",
    ),
    editions="edition: revised\n",
    lists=(),
    mix={
        "youth-sports-partnership": 3,
        "climate-action-partnership": 3,
        "dementia-friendly-thamesbridge": 3,
        "riverside-regeneration-partnership": 2,
        "heritage-quarter-project": 2,
        "food-bank-partnership": 2,
        "thamesbridge-leisure-trust": 2,
    },
    seed=2,
)

COUNCILS = {c.key: c for c in (THAMESBRIDGE, WEXCOMBE, HARROWFIELD)}


def settings_text(council: Council) -> str:
    """The council's partnerfw.yaml: its editions, roles and the master lists it keeps."""
    people = people_of(council)
    lines = [
        f"# Settings of {council.name}'s register (written by benchmarks/generate.py).",
        "council:",
        f"  name: {council.name}",
        f"  website: https://{council.domain}",
        council.editions.rstrip("\n"),
        f"register: {council.register}",
        "site:",
        f"  url: https://{council.domain}/partnerships/",
    ]
    if "councillors" in council.lists:
        lines += ["councillors:", *(f"  - {n}" for n in people.councillors)]
    if "officers" in council.lists:
        lines += ["officers:", *(f"  - {n}" for n in people.officers)]
    if "corporate_objectives" in council.lists:
        lines += ["corporate_objectives:", *(f"  - '{o}'" for o in council.objectives)]
    lines += ["portfolios:", *(f"  {p}: {h}" for p, h in people.holders.items())]
    lines += [
        "policy:",
        "  roles:",
        f"    leader: {{title: Leader of the Council, holder: {people.leader}}}",
        f"    chief_executive: {{title: Chief Executive, holder: {people.chief_executive}}}",
        "    monitoring_officer: {title: Monitoring Officer, "
        f"holder: {people.monitoring_officer}}}",
        "    section_151_officer: {title: Section 151 Officer, "
        f"holder: {people.section_151_officer}}}",
    ]
    return "\n".join(lines) + "\n"
