"""People on a customer's account: what makes their details valid."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import CommunicationPreference, ContactRole
from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.limits import MAX_NAME, MAX_ROLE_DESCRIPTION, check_length
from contact_desk.domain.phone import DEFAULT_REGION, PhoneNumber


@dataclass(frozen=True)
class ContactDetails:
    """Validated details of one additional contact."""

    first_name: str
    last_name: str
    role: ContactRole
    role_description: str
    email: EmailAddress | None
    phone: PhoneNumber | None
    primary_contact: bool
    portal_access: bool
    preferences: frozenset[CommunicationPreference]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class PersonDetails:
    """Validated name, email and phone of a person, apart from their place on any account."""

    first_name: str
    last_name: str
    email: EmailAddress | None
    phone: PhoneNumber | None


def check_person_details(
    first_name: str,
    last_name: str,
    email: str | None = None,
    phone: str | None = None,
    region: str = DEFAULT_REGION,
) -> PersonDetails:
    """Validate a person's own details, as a program's contact is updated."""
    return PersonDetails(
        first_name=check_name(first_name, "First name"),
        last_name=check_name(last_name, "Last name"),
        email=EmailAddress.parse(email) if email and email.strip() else None,
        phone=PhoneNumber.parse(phone, region) if phone and phone.strip() else None,
    )


def check_name(text: str, what: str) -> str:
    name = " ".join((text or "").split())
    field = what.lower().replace(" ", "_")
    if not name:
        raise InvalidValue(f"{what} is required.", field=field)
    return check_length(name, what, MAX_NAME)


def check_role_description(role: ContactRole, text: str) -> str:
    """Other needs a description (kept tidy); any other role keeps none."""
    description = " ".join((text or "").split())
    if role is not ContactRole.OTHER:
        return ""
    if not description:
        raise InvalidValue(
            "Describe the role when it is Other (e.g. Fleet coordinator).",
            field="role_description",
        )
    if len(description) > MAX_ROLE_DESCRIPTION:
        raise InvalidValue(
            f"The role description is too long (at most {MAX_ROLE_DESCRIPTION} characters).",
            field="role_description",
        )
    return description


def check_portal_access(portal_access: bool, email: EmailAddress | None) -> None:
    if portal_access and email is None:
        raise NotAllowed(
            "Portal access needs an email address: the contact logs in with it. "
            "Add an email first."
        )


def check_contact_details(
    first_name: str,
    last_name: str,
    role: ContactRole,
    role_description: str = "",
    email: str | None = None,
    phone: str | None = None,
    primary_contact: bool = False,
    portal_access: bool = False,
    preferences: Iterable[CommunicationPreference] = (),
    region: str = DEFAULT_REGION,
) -> ContactDetails:
    """Validate what was typed in the Add Contact form; raise the first problem found."""
    description = check_role_description(role, role_description)
    checked_email = EmailAddress.parse(email) if email and email.strip() else None
    checked_phone = PhoneNumber.parse(phone, region) if phone and phone.strip() else None
    check_portal_access(portal_access, checked_email)
    return ContactDetails(
        first_name=check_name(first_name, "First name"),
        last_name=check_name(last_name, "Last name"),
        role=role,
        role_description=description,
        email=checked_email,
        phone=checked_phone,
        primary_contact=primary_contact,
        portal_access=portal_access,
        preferences=frozenset(preferences),
    )


def why_no_portal_access(email: str | None) -> str | None:
    """Why portal access cannot be turned on with this email, or None when it can."""
    try:
        check_portal_access(True, EmailAddress.parse(email) if email and email.strip() else None)
    except (InvalidValue, NotAllowed) as refusal:
        return refusal.message
    return None


def contact_problems(
    first_name: str,
    last_name: str,
    role: ContactRole,
    role_description: str = "",
    email: str | None = None,
    phone: str | None = None,
    portal_access: bool = False,
    region: str = DEFAULT_REGION,
) -> dict[str, str]:
    """Every problem of the Add Contact form at once, by field, for the dialog to mark.

    The same checks as ``check_contact_details``, run one field at a time.
    """
    checks = {
        "first_name": lambda: check_name(first_name, "First name"),
        "last_name": lambda: check_name(last_name, "Last name"),
        "role_description": lambda: check_role_description(role, role_description),
        "email": lambda: EmailAddress.parse(email) if email and email.strip() else None,
        "phone": lambda: PhoneNumber.parse(phone, region) if phone and phone.strip() else None,
        "portal_access": lambda: check_portal_access(
            portal_access, EmailAddress.parse(email) if email and email.strip() else None),
    }
    problems: dict[str, str] = {}
    for field, check in checks.items():
        try:
            check()
        except (InvalidValue, NotAllowed) as problem:
            if field == "portal_access" and "email" in problems:
                continue  # the email's own problem says enough
            problems[field] = problem.message
    return problems


def check_can_send_invite(portal_access: bool, email: str | None, name: str) -> None:
    if not portal_access:
        raise NotAllowed(f"{name} does not have portal access, so no invite can be sent.")
    if not (email or "").strip():
        raise NotAllowed(f"{name} has no email address to send the invite to.")
