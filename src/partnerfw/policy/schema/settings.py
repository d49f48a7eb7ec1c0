"""``partnerfw.yaml``: what a register repository says about itself (``Settings``): the
council (``Council``), the edition in force or the schedule of editions by date (``InForce``),
an edition under consideration (``Draft``), the council's policy and rule overrides, the
published site, and the master lists records are checked against (``MasterLists``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)

from partnerfw.policy.schema.base import DEFAULT_EDITION, EDITIONS, PolicyModel
from partnerfw.policy.schema.papers import Papers
from partnerfw.policy.schema.rule_settings import Code, RuleSetting
from partnerfw.policy.schema.site import (
    Accessibility,
    CmsSettings,
    OpenData,
    SiteSettings,
    Theme,
)


class Council(PolicyModel):
    name: str = Field(
        min_length=1, description="The council's name, e.g. 'Borough of Thamesbridge'."
    )
    website: str | None = Field(None, description="The council's website address.")


class InForce(PolicyModel):
    """One line of the schedule: an edition, the date it is in force from and the decision
    that adopted it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    edition: str = Field(description="'revised', 'earlier' or a policy file path.")
    from_date: dt.date | None = Field(
        None,
        alias="from",
        description="The first day it is in force (the first line may leave it out: in force "
        "before the later lines, from a date not recorded).",
    )
    decision: str | None = Field(
        None, description="The decision that adopted it, e.g. 'Full Council 15 July 2025, min. 41'."
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Overrides for this edition only, same shape."
    )

    @model_validator(mode="after")
    def _dated_with_decision(self) -> InForce:
        if self.from_date is not None and not (self.decision or "").strip():
            raise ValueError(
                f"edition '{self.edition}' in force from {self.from_date}: name the decision "
                "that adopted it under 'decision:' (minute or decision notice)"
            )
        return self


class Draft(PolicyModel):
    """An edition under consideration, for what-if: ``classify --compare-policy draft`` and
    the reclassification report compare the register against it."""

    edition: str = Field(description="'revised', 'earlier' or a policy file path.")
    status: str | None = Field(
        None,
        description="Where it stands, e.g. 'noted by the Performance & Administration "
        "Committee; to Cabinet, then Full Council'.",
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Overrides for the draft only, same shape."
    )


GITHUB_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
"""A GitHub account's login: letters, digits and single hyphens between them, at most 39."""


class ListedPerson(PolicyModel):
    """A person on a master list with more than a name: ``{name: Aisha Bello, github:
    abello}``. A plain name on the list is the same person without a GitHub account."""

    name: str = Field(min_length=1, description="Their name, as records write it.")
    github: str | None = Field(
        None,
        description="Their GitHub account's login (e.g. abello, written with or without '@'): "
        "`partnerfw reminders` assigns them the reminders of the arrangements they lead.",
    )

    @field_validator("github")
    @classmethod
    def _a_github_login(cls, value: str | None) -> str | None:
        if value is None:
            return value
        login = value.strip().removeprefix("@")
        if not GITHUB_LOGIN.match(login):
            raise ValueError(
                f"'{value}' is not a GitHub login: write the account's name as GitHub shows it "
                "(letters, digits and single hyphens, at most 39, e.g. abello), or leave "
                "github: out"
            )
        return login


def _entry_kind(value: Any) -> str:
    return "person" if isinstance(value, dict | ListedPerson) else "name"


Listed = Annotated[
    Annotated[str, Tag("name")] | Annotated[ListedPerson, Tag("person")],
    Discriminator(_entry_kind),
]
"""An entry of the officers or councillors list: a name, or a name with a GitHub login (a
mapping is read as a person, so that a wrong login is reported as such)."""


class Settings(PolicyModel):
    """``partnerfw.yaml``: what a register repository says about itself."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    council: Council
    edition: str | None = Field(
        None,
        description="The one edition in force: 'revised', 'earlier' or a policy file path "
        "(or give the schedule under 'editions:' instead).",
    )
    editions: list[InForce] | None = Field(
        None,
        min_length=1,
        description="Which edition is in force from which date, oldest first, each with the "
        "decision that adopted it.",
    )
    draft: Draft | None = Field(
        None, description="An edition under consideration, for what-if comparisons."
    )
    register_folder: str = Field(
        "register", alias="register", description="Folder holding the record files."
    )
    policy: dict[str, Any] = Field(
        default_factory=dict, description="Parts of the edition to override, same shape."
    )
    rules: dict[Code, RuleSetting] = Field(default_factory=dict, description="Rule overrides.")
    theme: Theme = Field(default_factory=Theme, description="How the published site looks.")
    site: SiteSettings = Field(
        default_factory=SiteSettings, description="Where the register's website is published."
    )
    accessibility: Accessibility = Field(
        default_factory=Accessibility,
        description="What the site's accessibility statement says (accessibility.html).",
    )
    open_data: OpenData = Field(default_factory=OpenData, description="The open data's licence.")
    cms: CmsSettings = Field(
        default_factory=CmsSettings,
        description="The browser editor on the site (/admin/): the repository it saves to and "
        "the OAuth client officers sign in through (`partnerfw cms` reads them).",
    )
    papers: Papers = Field(
        default_factory=Papers,
        description="The committee papers' contact officer, wards, key decision and "
        "implications (`partnerfw report`).",
    )
    councillors: list[Listed] | None = Field(
        None,
        description="Master list of the council's councillors (names as records write them; "
        "each a name, or {name: ..., github: LOGIN}).",
    )
    officers: list[Listed] | None = Field(
        None,
        description="Master list of officers who lead, evaluate, give opinions or approve "
        "(each a name, or {name: ..., github: LOGIN}: reminders are assigned to that account).",
    )
    corporate_objectives: list[str] | None = Field(
        None, description="Master list of the Corporate Plan objectives records may name."
    )
    portfolios: dict[str, str | list[str]] | None = Field(
        None,
        description="Master list of the Cabinet portfolios, each with its Portfolio Holder "
        "(or a list: the current holder first, then past holders whose decisions stand), so "
        "that approvals are checked against the relevant Portfolio Holder (2.11, 3.10.1).",
    )

    @field_validator("editions")
    @classmethod
    def _one_schedule(
        cls, value: list[InForce] | None, info: ValidationInfo
    ) -> list[InForce] | None:
        if value is None:
            return value
        if info.data.get("edition") is not None:
            raise ValueError(
                "give either 'edition:' (one edition in force) or 'editions:' (which edition "
                "is in force from which date), not both"
            )
        for earlier, later in itertools.pairwise(value):
            if later.from_date is None:
                raise ValueError(
                    f"'{later.edition}' needs 'from:' (only the first line may leave out its date)"
                )
            if earlier.from_date is not None and later.from_date <= earlier.from_date:
                raise ValueError(
                    f"list them oldest first ('{later.edition}' from {later.from_date} comes "
                    f"after '{earlier.edition}' from {earlier.from_date})"
                )
        return value

    @property
    def policy_files(self) -> list[str]:
        """The editions of the schedule and the draft that are policy files, not built-in."""
        named = [line.edition for line in self.schedule]
        named += [self.draft.edition] if self.draft is not None else []
        return [name for name in dict.fromkeys(named) if name not in EDITIONS]

    @property
    def schedule(self) -> list[InForce]:
        """The editions in force, oldest first; a single 'edition:' is in force throughout."""
        if self.editions is not None:
            return list(self.editions)
        return [InForce(edition=self.edition or DEFAULT_EDITION)]

    @property
    def master_lists(self) -> MasterLists:
        def kept(names: list[str] | list[Listed] | None) -> tuple[str, ...] | None:
            if names is None:
                return None
            return tuple(n if isinstance(n, str) else n.name for n in names)

        portfolios = None
        if self.portfolios is not None:
            portfolios = tuple(
                (name, (holders,) if isinstance(holders, str) else tuple(holders))
                for name, holders in self.portfolios.items()
            )
        return MasterLists(
            kept(self.councillors),
            kept(self.officers),
            kept(self.corporate_objectives),
            portfolios,
            tuple(
                (person.name, person.github)
                for person in [*(self.officers or []), *(self.councillors or [])]
                if isinstance(person, ListedPerson) and person.github
            ),
        )


@dataclass(frozen=True)
class MasterLists:
    """Who and what a record may name, from partnerfw.yaml; None means that list is not kept."""

    councillors: tuple[str, ...] | None = None
    officers: tuple[str, ...] | None = None
    corporate_objectives: tuple[str, ...] | None = None
    portfolios: tuple[tuple[str, tuple[str, ...]], ...] | None = None
    """Each Cabinet portfolio with its holders, current first."""
    github: tuple[tuple[str, str], ...] = ()
    """(name, GitHub login) of each listed officer or councillor who has one."""

    def github_login(self, name: str) -> str | None:
        """The GitHub login the lists give for ``name`` (spaces and case aside), or None."""
        wanted = " ".join(name.split()).casefold()
        for listed, login in self.github:
            if " ".join(listed.split()).casefold() == wanted:
                return login
        return None
