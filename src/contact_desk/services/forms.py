"""What a clerk typed into a form, as the window hands it to a use case: typed and frozen.

The services check every field again (the form's own checks are for the clerk's sake);
nothing crosses from the window to a service as a loose dictionary of fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from contact_desk.domain.enums import CommunicationPreference, ContactRole


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
