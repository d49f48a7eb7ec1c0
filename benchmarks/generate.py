"""Write a realistic register of N records for a council, for the benchmarks.

    python benchmarks/generate.py ROOT N [--council thamesbridge|wexcombe|harrowfield]

writes ROOT/partnerfw.yaml and N record files into the council's register folder. Each record
takes the shape of one of the bundled examples (``register/*.yaml``: every kind and stage,
complete or with gaps, as a real register has), and everything an officer would write in it is
new: its name (a place and a service, never a number), its people (from the council's own
officers and councillors, a few misspelt), its partners, its free text (composed from phrase
banks, so no two records share their text), its money (scaled across the significance
threshold) and its dates (moved by up to a few months, so some monitoring falls overdue).
Records link to each other validly (an ended arrangement names its successor, which names it
back; some sit under an umbrella programme), and about one in thirty is a near-duplicate of
another's name, as a spreadsheet import brings. Repeatable: the same arguments write the same
bytes. Every record is valid (it is read through partnerfw's record model as it is made).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vocabulary as words
from councils import COUNCILS, Council, People, people_of, settings_text

from partnerfw.record.models import Arrangement

EXAMPLES = Path(__file__).resolve().parents[1] / "register"
_MONEY_KEYS = ("dedicated_budget", "staff_cost", "in_kind_value", "contribution", "overall_budget")
_ENUM_LIKE = re.compile(r"[a-z][a-z0-9_.-]*\Z|[0-9]{4}(-[0-9]{2})?\Z")
"""Kept as they are: choices (``in_place``), ids, dotted paths and dates known to the month."""
_KEEP = {"act", "section", "legal_basis", "legal_form", "role", "note", "reason", "cost_split"}
_PEOPLE_KEYS = {"owner", "officer", "contract_manager"}
_LIST_BANKS = {
    "benefits": words.BENEFITS,
    "costs": words.COSTS,
    "risks": words.POINTS,
    "equalities_issues": words.POINTS,
    "outcomes": words.OUTCOME_ITEMS,
}
NEAR_DUPLICATES = 30
"""One record in this many is named like another (an arrangement entered twice)."""
MISSPELT = 0.005
"""The share of people's names written wrongly (not as the master lists have them)."""


def _examples() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        found[data["id"]] = data
    return found


class _Record:
    """What one record is about, and the rewriting of its example into it."""

    def __init__(self, council: Council, people: People, index: int, example: dict[str, Any]):
        self.rng = random.Random(f"{council.key}-{council.seed}-{index}")
        self.council, self.people, self.example = council, people, example
        rng = self.rng
        self.place = rng.choice(people.places)
        kind = example["kind"]
        bank = words.SHARED_SERVICES if kind in ("shared_service", "commissioning") else None
        self.service = rng.choice(bank or words.COMMUNITY_SERVICES)
        self.department = rng.choice(council.departments)
        self.portfolio = rng.choice(council.portfolios)
        self.lead = rng.choice(people.officers)
        self.money = Decimal(rng.choice(("0.25", "0.5", "0.8", "1", "1.2", "1.5", "2", "3")))
        councils = [c for c in council.neighbours if c.endswith("Council")]
        self.partner_council = rng.choice(councils)
        late = rng.random() < 0.12  # a record not kept up to date
        self.shift = dt.timedelta(days=-rng.randrange(0, 120 if late else 21))

    def fill(self, text: str) -> str:
        rng = self.rng
        values = {
            "place": self.place,
            "service": self.service,
            "service_lower": self.service.lower(),
            "council": self.council.short,
            "improve": rng.choice(words.IMPROVE),
            "outcome": rng.choice(words.OUTCOMES),
            "means": rng.choice(words.MEANS),
            "offer": rng.choice(words.OFFERS),
            "group": rng.choice(words.GROUPS),
            "gains": rng.choice(words.GAINS),
            "bodies": rng.choice(words.BODIES),
            "month": rng.choice(words.MONTHS),
            "months": rng.choice(("three", "six", "twelve")),
            "thousands": rng.randrange(2, 90),
            "hundreds": rng.randrange(1, 20) * 100,
            "fte": rng.choice(("0.2", "0.5", "1.0", "1.5")),
            "doc": rng.choice(words.DOCUMENTS),
            "year": rng.randrange(2012, 2027),
            "yy": rng.randrange(12, 27),
            "n": rng.randrange(1, 240),
        }
        # Outcome phrases have their own slots; fill them first.
        values["outcome"] = values["outcome"].format(**values)
        filled = text.format(**values, **{k.capitalize(): str(v) for k, v in values.items()})
        return filled[0].upper() + filled[1:]

    def person(self, name: str) -> str:
        if self.rng.random() >= MISSPELT:
            return name
        first, _, last = name.rpartition(" ")
        at = self.rng.randrange(1, len(last) - 1)
        return f"{first} {last[:at]}{last[at + 1]}{last[at]}{last[at + 2 :]}"  # two letters swapped

    def officer(self) -> str:
        return self.person(self.rng.choice([self.lead, *self.people.officers[:40]]))

    def director(self) -> str:
        name = self.people.directors[self.department]
        return f"{self.person(name)}, Director ({self.department})"

    def text(self, key: str, original: str) -> str:
        if key in ("aims", "summary", "description", "service", "services", "justification"):
            return self.fill(self.rng.choice(words.AIMS))
        if key == "evidence":
            return self.fill(self.rng.choice(words.EVIDENCE))
        if key == "reference":
            return self.fill(self.rng.choice(words.REFERENCES))
        if key == "document":
            return self.fill("{doc} for the {place} {service_lower} work, {year}")
        sentences = [self.fill(self.rng.choice(words.SENTENCES))]
        while len(" ".join(sentences)) < len(original) * 0.8:
            sentences.append(self.fill(self.rng.choice(words.SENTENCES)))
        return " ".join(sentences)


class _Names:
    """Names for records, each of a service and a kind of body not used together before
    (while any are left), so that two records rarely share more than a word or two, as in a
    real register; the place varies too."""

    def __init__(self, council: Council) -> None:
        self.council = council
        self.rng = random.Random(f"names-{council.key}")
        self.taken: set[str] = set()
        self.slugs: set[str] = set()
        self.combos: dict[str, list[tuple[str, str]]] = {}
        self.places_of: set[tuple[str, str]] = set()
        """(place, service) of each partnership so far: one place has one of each."""

    def _combo(self, group: str, services: tuple[str, ...], forms: tuple[str, ...]) -> tuple:
        if not self.combos.get(group):
            fresh = [(s, f) for s in services for f in forms]
            self.rng.shuffle(fresh)
            self.combos[group] = fresh
        return self.combos[group].pop()

    def new(self, record: _Record) -> str:
        for _ in range(50):
            name = self._candidate(record)
            if self.free(name):
                return name
            record.place = self.rng.choice(record.people.places)
        raise RuntimeError("no free name left: use fewer records")

    def free(self, name: str) -> bool:
        return name not in self.taken and _slug(name) not in self.slugs

    def take(self, name: str) -> None:
        self.taken.add(name)
        self.slugs.add(_slug(name))

    def _candidate(self, record: _Record) -> str:
        council, rng, place = self.council, self.rng, record.place
        kind = record.example["kind"]
        kind_type = (record.example.get("shared_service") or {}).get("type") or ""
        neighbour = record.partner_council.split(" ")[0]
        if kind in ("shared_service", "commissioning"):
            service = record.service = self._combo("shared", words.SHARED_SERVICES, ("",))[0]
            forms = {
                "full_shared_service": ("Shared {s} Service with {n}", "{s} Partnership with {n}"),
                "joint_management": ("Joint {s} Management with {n}", "Joint Head of {s}"),
                "joint_officer": ("Joint {s} Officer for {p}", "Shared {s} Post in {p}"),
                "": ("{s} Service for {n}",),
            }.get(kind_type, ("{p} {s} Resilience Cover", "{s} Mutual Aid in {p}"))
            return rng.choice(forms).format(s=service, n=neighbour, p=place)
        if kind == "informal_network":
            role, form = self._combo(kind, words.NETWORK_ROLES, words.NETWORK_WORDS)
            return f"{rng.choice((place, council.county))} {role} {form}"
        if kind == "company_or_trust":
            suffix = rng.choice(words.COMPANY_SUFFIXES)
            return f"{place} {rng.choice(words.TRUST_FORMS)} {suffix}".strip()
        service, form = self._combo(kind, words.COMMUNITY_SERVICES, words.PARTNERSHIP_WORDS)
        record.service = service
        while (place, service) in self.places_of and len(self.places_of) < 20 * len(
            words.COMMUNITY_SERVICES
        ):
            place = record.place = rng.choice(record.people.places)
        self.places_of.add((place, service))
        return f"{place} {service} {form}"


def _near_duplicate(name: str, rng: random.Random) -> str:
    """A name as the same arrangement is often entered a second time."""
    parts = name.split()
    ways = [
        lambda: f"The {name}",
        lambda: name.replace(" and ", " & "),
        lambda: name.replace("Limited", "Ltd") if "Limited" in name else f"{name} Board",
        lambda: (
            " ".join([*parts[:-1], "".join(w[0] for w in parts[-1:]) + "P"])
            if len(parts) > 2
            else f"{name} Group"
        ),
        lambda: " ".join(parts[:-1]) if parts[-1] in words.PARTNERSHIP_WORDS else f"{name} Board",
    ]
    return rng.choice(ways)()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("&", "and")).strip("-")[:80]


def _rewrite(record: _Record, node: Any, path: tuple[str | int, ...]) -> Any:
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if isinstance(node, dict):
        return {k: _rewrite(record, v, (*path, k)) for k, v in node.items()}
    if isinstance(node, list):
        return [_rewrite(record, v, (*path, i)) for i, v in enumerate(node)]
    if isinstance(node, dt.date):
        return node + record.shift if node + record.shift <= dt.date(2026, 11, 23) else node
    if key in _MONEY_KEYS and isinstance(node, int | float) and not isinstance(node, bool):
        return int(Decimal(str(node)) * record.money)
    if not isinstance(node, str) or _ENUM_LIKE.match(node):
        return node
    if key in _KEEP:
        return node.replace("Thamesbridge", record.council.short).replace(
            "Medley", record.partner_council.split(" ")[0]
        )
    return _text(record, path, key, node)


def _text(record: _Record, path: tuple[str | int, ...], key: str, node: str) -> Any:
    people, council, rng = record.people, record.council, record.rng
    where = path[0]
    if key == "name":
        return _named(record, path)
    if key in _PEOPLE_KEYS:
        return record.director() if "," in node else record.officer()
    if key == "senior_officers":
        return record.director()
    if key == "title":
        if where in ("lead_member", "members"):
            return f"Cabinet Portfolio Holder for {record.portfolio}"
        return rng.choice(words.OFFICER_TITLES).format(service=record.service)
    if key == "email":
        return record.lead.lower().replace(" ", ".") + f"@{council.domain}"
    if key == "phone":
        return f"01632 96{rng.randrange(0, 10000):04d}"
    if key == "department":
        return record.department
    if key == "portfolio":
        return record.portfolio
    if key == "committee":
        return rng.choice(council.committees)
    if key == "corporate_objectives":
        return rng.choice(council.objectives)
    if key == "area":
        return rng.choice((f"Borough of {council.short}", f"{council.county}-wide", record.place))
    if key in ("authority", "paid_by", "host_authority"):
        return council.name if node.startswith("Thamesbridge") else record.partner_council
    if key == "foi_officer":
        return f"Information Governance Officer, {council.name}"
    if key in _LIST_BANKS and isinstance(path[-1], int):
        return record.fill(rng.choice(_LIST_BANKS[key]))
    if key in ("risk", "target", "action", "mitigation", "step"):
        return record.fill(rng.choice(words.POINTS if key == "risk" else words.OUTCOME_ITEMS))
    _ = people
    return record.text(key, node)


def _named(record: _Record, path: tuple[str | int, ...]) -> str:
    people, rng, where = record.people, record.rng, path[0]
    if where == "partners":
        sector = record.example["partners"][path[1]].get("sector", "public")
        return _organisation(record, sector)
    if where == "approvals":
        role = record.example["approvals"][path[1]].get("role")
        return {
            "leader": record.person(people.leader),
            "portfolio_holder": record.person(people.holders[record.portfolio]),
            "management_team": "Management Team",
            "director": record.person(people.directors[record.department]),
            "chief_executive": record.person(people.chief_executive),
            "monitoring_officer": people.monitoring_officer,
            "section_151_officer": people.section_151_officer,
        }.get(role or "", record.person(people.leader))
    if where == "shared_service":  # the business case's approvals, in either council
        said = record.example["shared_service"][path[1]][path[2]]
        if not said.get("authority", "").startswith("Thamesbridge"):
            return f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.SURNAMES)}"
        return (
            people.monitoring_officer
            if said.get("role") == "monitoring_officer"
            else (people.section_151_officer)
        )
    if where == "opinions":
        return (
            people.monitoring_officer
            if path[1] == "monitoring_officer"
            else (people.section_151_officer)
        )
    if where in ("lead_member", "members"):
        return record.person(people.holders[record.portfolio])
    if where in ("lead_officer", "evaluation"):
        return record.person(record.lead)
    return record.person(rng.choice(people.officers))


def _organisation(record: _Record, sector: str) -> str:
    council, place, rng = record.council, record.place, record.rng
    if sector == "public" and record.example["kind"] in ("shared_service", "commissioning"):
        return record.partner_council
    surname = rng.choice(words.SURNAMES)
    choices = {
        "public": (
            f"{council.county} Police",
            f"{council.county} Fire and Rescue Service",
            f"NHS {council.county} Integrated Care Board",
            *council.neighbours,
        ),
        "voluntary": (
            f"{place} Citizens Advice",
            f"{place} Food Bank",
            f"Age UK {place}",
            f"{place} Community Voluntary Service",
            f"{place} Mind",
        ),
        "community": (
            f"Friends of {place} Park",
            f"{place} Residents' Association",
            f"Churches Together in {place}",
        ),
        "private": (f"{surname} and Partners Ltd", f"{place} Chamber of Commerce"),
    }
    return rng.choice(choices.get(sector, (f"{place} Community Trust",)))


def _choose_examples(council: Council, n: int) -> list[dict[str, Any]]:
    examples = _examples()
    ids = sorted(examples)
    weights = [council.mix.get(i, 1) for i in ids]
    rng = random.Random(f"mix-{council.key}")
    return [examples[i] for i in rng.choices(ids, weights=weights, k=n)]


def make_records(n: int, council: Council) -> list[dict[str, Any]]:
    """``n`` records for ``council``, linked and named; not yet written."""
    people = people_of(council)
    names = _Names(council)
    made: list[dict[str, Any]] = []
    for index, example in enumerate(_choose_examples(council, n)):
        record = _Record(council, people, index, example)
        twin = None
        if made and index % NEAR_DUPLICATES == NEAR_DUPLICATES - 1:
            twin = made[record.rng.randrange(len(made))]
            name = _near_duplicate(twin["name"], record.rng)
            record.place, record.service = twin["_place"], twin["_service"]
        if twin is None or not names.free(name):
            twin, name = None, names.new(record)
        names.take(name)
        data = _rewrite(record, {k: v for k, v in example.items() if k != "links"}, ())
        if twin is not None and index % (2 * NEAR_DUPLICATES) == NEAR_DUPLICATES - 1:
            data["distinct_from"] = [twin["id"]]  # checked: a different arrangement
        data["name"], data["id"] = name, _slug(name)
        made.append({"id": data["id"], **{k: v for k, v in data.items() if k != "id"}})
        made[-1].update(_place=record.place, _service=record.service)
    for data in made:
        del data["_place"], data["_service"]
    _link(made, random.Random(f"links-{council.key}"))
    return made


def _link(records: list[dict[str, Any]], rng: random.Random) -> None:
    """Each ended arrangement names a later one of its kind as its successor, which names it
    back; about one partnership in twelve sits under an umbrella programme."""
    open_ = [r for r in records if r["status"] in ("active", "approved", "under_review")]
    for ended in (r for r in records if r["status"] == "ended"):
        later = [r for r in open_ if r["kind"] == ended["kind"] and "links" not in r]
        if later:
            successor = rng.choice(later)
            ended["links"] = {"successors": [successor["id"]]}
            successor["links"] = {"predecessors": [ended["id"]]}
    programmes = [r for r in open_ if r["kind"] == "partnership"][:: max(1, len(open_) // 8)]
    for record in records:
        if record["kind"] == "partnership" and "links" not in record and rng.random() < 0.08:
            parent = rng.choice(programmes) if programmes else None
            if (
                parent is not None
                and parent is not record
                and "parent" not in parent.get("links", {})
            ):
                record["links"] = {"parent": parent["id"]}


def generate(out_dir: Path, n: int, council: str = "thamesbridge") -> list[Path]:
    """Write ``n`` valid record files for ``council`` into ``out_dir`` (created if needed);
    return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for record in make_records(n, COUNCILS[council]):
        Arrangement.model_validate(record)  # every generated record is valid
        path = out_dir / f"{record['id']}.yaml"
        text = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, "utf-8")
        written.append(path)
    return written


def generate_repository(root: Path, n: int, council: str = "thamesbridge") -> list[Path]:
    """A register repository: ``root/partnerfw.yaml`` and ``n`` records in its register."""
    shape = COUNCILS[council]
    root.mkdir(parents=True, exist_ok=True)
    (root / "partnerfw.yaml").write_text(settings_text(shape), "utf-8")
    return generate(root / shape.register, n, council)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen = sys.argv[sys.argv.index("--council") + 1] if "--council" in sys.argv else None
    if chosen is not None:
        args.remove(chosen)
    if len(args) != 2 or not args[1].isdigit() or (chosen and chosen not in COUNCILS):
        sys.exit(f"usage: python benchmarks/generate.py ROOT N [--council {'|'.join(COUNCILS)}]")
    files = generate_repository(Path(args[0]), int(args[1]), chosen or "thamesbridge")
    print(f"wrote partnerfw.yaml and {len(files)} records into {args[0]}")
