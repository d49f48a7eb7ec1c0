"""The site's accessibility statement, as the Public Sector Bodies (Websites and Mobile
Applications) (No. 2) Accessibility Regulations 2018 require one, from ``partnerfw.yaml``'s
``accessibility:`` section. Its wording follows the GOV.UK sample accessibility statement."""

from __future__ import annotations

from dataclasses import dataclass, field

from partnerfw.policy.schema import Accessibility
from partnerfw.views.common import long_date, safe_url

REGULATIONS = (
    "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
    "Regulations 2018"
)
STANDARD = "Web Content Accessibility Guidelines version 2.2 AA standard"
ENFORCEMENT = (
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
    f"{REGULATIONS} (the ‘accessibility regulations’). If you’re not happy with how we respond "
    "to your complaint, contact the Equality Advisory and Support Service (EASS)."
)
ENFORCEMENT_NORTHERN_IRELAND = (
    f"The Equality Commission for Northern Ireland (ECNI) is responsible for enforcing "
    f"{REGULATIONS} (the ‘accessibility regulations’) in Northern Ireland. If you’re not happy "
    "with how we respond to your complaint, contact the Equality Commission for Northern Ireland."
)
EASS_URL = "https://www.equalityadvisoryservice.com/"
ECNI_URL = "https://www.equalityni.org/Home"
_COMPLIANCE = {
    "fully": f"This website is fully compliant with the {STANDARD}.",
    "partially": f"This website is partially compliant with the {STANDARD}, due to the "
    "non-compliances listed below.",
    "not": f"This website is not compliant with the {STANDARD}. The non-compliances are listed "
    "below.",
}
NOT_ASSESSED = (
    f"The council has not yet recorded this website’s compliance status with the {STANDARD}."
)


@dataclass(frozen=True)
class ContactLine:
    label: str
    text: str
    href: str | None = None


@dataclass(frozen=True)
class StatementView:
    council: str
    contacts: list[ContactLine]
    response: str | None
    compliance: str
    known_issues: list[str]
    tested: str | None
    tested_iso: str | None
    how_tested: str | None
    prepared: str | None
    reviewed: str | None
    enforcement: str
    enforcement_href: str
    enforcement_body: str
    missing: list[str] = field(default_factory=list)
    """What partnerfw.yaml does not yet say; ``build`` warns about each."""


def statement_view(settings: Accessibility, council: str) -> StatementView:
    contact = settings.contact
    contacts = []
    if contact.email:
        contacts.append(ContactLine("Email", contact.email, safe_url(f"mailto:{contact.email}")))
    if contact.phone:
        contacts.append(ContactLine("Phone", contact.phone))
    if contact.url:
        contacts.append(ContactLine("Contact form", contact.url, safe_url(contact.url)))
    ni = settings.northern_ireland
    return StatementView(
        council=council,
        contacts=contacts,
        response=(
            f"We’ll consider your request and get back to you in {contact.response_days} "
            "working days."
            if contact.response_days
            else None
        ),
        compliance=_COMPLIANCE[settings.compliance] if settings.compliance else NOT_ASSESSED,
        known_issues=list(settings.known_issues),
        tested=long_date(settings.tested) if settings.tested else None,
        tested_iso=settings.tested.isoformat() if settings.tested else None,
        how_tested=settings.how_tested,
        prepared=long_date(settings.prepared) if settings.prepared else None,
        reviewed=long_date(settings.reviewed) if settings.reviewed else None,
        enforcement=ENFORCEMENT_NORTHERN_IRELAND if ni else ENFORCEMENT,
        enforcement_href=ECNI_URL if ni else EASS_URL,
        enforcement_body=(
            "the Equality Commission for Northern Ireland"
            if ni
            else "the Equality Advisory and Support Service"
        ),
        missing=settings.missing(),
    )
