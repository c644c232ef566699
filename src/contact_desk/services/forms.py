"""What a clerk typed into a form, as the window hands it to a use case: typed and frozen.

The services check every field again (the form's own checks are for the clerk's sake);
nothing crosses from the window to a service as a loose dictionary of fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, CommunicationPreference, ContactRole

if TYPE_CHECKING:
    from contact_desk.services.views import AdditionalContactView, CustomerView


@dataclass(frozen=True, kw_only=True)
class PersonForm:
    """A person's own name, email and phone, wherever they appear."""

    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, kw_only=True)
class ContactForm(PersonForm):
    """A person on a customer's account and their place on it (the Add Contact dialog)."""

    role: ContactRole
    role_description: str = ""
    primary_contact: bool = False
    portal_access: bool = False
    preferences: frozenset[CommunicationPreference] = field(default_factory=frozenset)

    def __post_init__(self) -> None:  # a list given stays the caller's: the form keeps a set
        object.__setattr__(self, "preferences", frozenset(self.preferences))

    @classmethod
    def of(cls, contact: AdditionalContactView) -> ContactForm:
        """The form as ``contact`` shows it, to save it back (Undo of an edit)."""
        return cls(first_name=contact.first_name, last_name=contact.last_name,
                   role=contact.role, role_description=contact.role_description,
                   email=contact.email, phone=contact.phone_display or None,
                   primary_contact=contact.primary_contact,
                   portal_access=contact.portal_access, preferences=contact.preferences)


@dataclass(frozen=True, kw_only=True)
class CustomerForm:
    """A customer's names and address (Update Customer Details, a new program customer)."""

    first_name: str = ""
    last_name: str = ""
    company: str = ""
    address_line1: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def of(cls, customer: CustomerView) -> CustomerForm:
        """The form as ``customer`` shows it, to put it back (Undo)."""
        return cls(**{name: getattr(customer, name) for name in cls.names()})


@dataclass(frozen=True, kw_only=True)
class EvidenceFile:
    """A file that proves a consent (a scanned signed form), as read from disk."""

    name: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True, kw_only=True)
class ConsentForm:
    """What the consent dialog (or ``contact-desk consent``) records for one value."""

    channel: Channel
    purposes: tuple[Purpose, ...]
    state: ConsentState
    how: ConsentHow
    note: str = ""
    evidence: EvidenceFile | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "purposes", tuple(dict.fromkeys(self.purposes)))
