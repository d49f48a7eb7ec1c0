"""What ``partnerfw.yaml`` says about the published register: how the site looks
(``Theme``), where it is published (``SiteSettings``), the open data's licence (``OpenData``,
``Licence``, the Open Government Licence by default) and what the accessibility statement says
(``Accessibility``, ``AccessibilityContact``), and the repository the site's browser editor
(``/admin/``, Decap CMS) saves to (``CmsSettings``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from partnerfw.policy.schema.base import PolicyModel


class Theme(PolicyModel):
    logo: str | None = Field(None, description="Path of the council's logo, from the repository.")
    colour: str = Field("#1d3f6e", pattern=r"^#[0-9a-fA-F]{6}$", description="Header colour.")
    footer_links: dict[str, str] = Field(default_factory=dict, description="Footer link texts.")


OGL_V3_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class Licence(PolicyModel):
    name: str = Field(
        "OGL-UK-3.0", min_length=1, description="The licence's short identifier, e.g. OGL-UK-3.0."
    )
    title: str = Field(
        "Open Government Licence v3.0", min_length=1, description="The licence's title."
    )
    url: str = Field(
        OGL_V3_URL, pattern=r"^https?://\S+$", description="Where the licence's text is."
    )


class OpenData(PolicyModel):
    licence: Licence = Field(
        default_factory=Licence,
        description="The licence the open data is published under (default: the Open "
        "Government Licence v3.0).",
    )


class SiteSettings(PolicyModel):
    url: str | None = Field(
        None,
        pattern=r"^https?://\S+$",
        description="The address the register's website is published at, e.g. "
        "https://thamesbridge.gov.example/partnerships/; the open data's page links are then "
        "absolute.",
    )


class CmsSettings(PolicyModel):
    """Where the browser editor on the published site (``/admin/``) saves: ``partnerfw cms``
    writes them into ``admin/config.yml``."""

    repo: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$",
        description="The register's GitHub repository, owner/name (default: the git remote "
        "'origin' when it is on GitHub).",
    )
    branch: str = Field(
        "main", min_length=1, description="The branch pull requests are merged into."
    )
    oauth_url: str | None = Field(
        None,
        pattern=r"^https://\S+[^/]$",
        description="The address of the council's OAuth client for GitHub sign-in, e.g. "
        "https://register-sign-in.thamesbridge.gov.example (no trailing /); without it the "
        "editor offers Netlify's sign-in, which works only on a site Netlify hosts.",
    )
    auth_endpoint: str = Field(
        "auth",
        pattern=r"^[A-Za-z0-9_./-]+$",
        description="The OAuth client's path that starts the sign-in (default 'auth').",
    )


class AccessibilityContact(PolicyModel):
    email: str | None = Field(
        None, description="Where to report an accessibility problem, e.g. web@council.example."
    )
    phone: str | None = Field(None, description="A phone number for accessibility problems.")
    url: str | None = Field(
        None, pattern=r"^https?://\S+$", description="A contact form for accessibility problems."
    )
    response_days: int | None = Field(
        None, ge=1, description="Working days within which the council replies."
    )


class Accessibility(PolicyModel):
    """What the accessibility statement says, under the Public Sector Bodies (Websites and
    Mobile Applications) (No. 2) Accessibility Regulations 2018."""

    contact: AccessibilityContact = Field(
        default_factory=AccessibilityContact,
        description="How to report an accessibility problem or ask for another format.",
    )
    compliance: Literal["fully", "partially", "not"] | None = Field(
        None,
        description="fully, partially or not compliant with WCAG 2.2 AA, as last tested.",
    )
    known_issues: list[str] = Field(
        default_factory=list,
        description="Content that is not accessible, and why (needed unless fully compliant).",
    )
    tested: dt.date | None = Field(None, description="When the site was last tested.")
    how_tested: str | None = Field(
        None,
        description="How and by whom it was tested, e.g. 'automated axe-core checks of every "
        "page type and a manual check with NVDA by the web team'.",
    )
    prepared: dt.date | None = Field(None, description="When this statement was prepared.")
    reviewed: dt.date | None = Field(None, description="When it was last reviewed.")
    northern_ireland: bool = Field(
        False,
        description="True for a council in Northern Ireland: complaints go to the Equality "
        "Commission for Northern Ireland rather than the Equality Advisory and Support Service.",
    )

    def missing(self) -> list[str]:
        """What the statement still lacks, as 'what (where to set it)'."""
        gaps = []
        contact = self.contact
        if not (contact.email or contact.phone or contact.url):
            gaps.append("the contact for accessibility problems (accessibility.contact.email)")
        if self.compliance is None:
            gaps.append("the compliance status (accessibility.compliance)")
        elif self.compliance != "fully" and not self.known_issues:
            gaps.append("the content that is not accessible (accessibility.known_issues)")
        if self.tested is None:
            gaps.append("the date the site was tested (accessibility.tested)")
        if not self.how_tested:
            gaps.append("how it was tested (accessibility.how_tested)")
        return gaps
