"""Errors a rule raises; each message is written to be shown to a clerk as it is."""

from __future__ import annotations


class DomainError(Exception):
    """A rule said no. ``str(error)`` is a sentence a clerk can read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidValue(DomainError):
    """A value typed or imported is not a valid phone, email, name, VIN..."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(DomainError):
    """The value is fine, but the rule forbids this change in this state."""


class PermissionDenied(DomainError):
    """The user at the desk lacks the permission for this change."""


class NotFound(DomainError):
    """The customer, contact point or record asked for does not exist."""


class ConflictError(DomainError):
    """Another desk saved the same record first; nothing was overwritten."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Another desk saved changes to this customer while you were editing. "
            "Nothing was overwritten: reload the customer and make your change again."
        )


USE_EXISTING_CONTACT = "Use the existing contact instead of creating a second one."


class DuplicateEmail(DomainError):
    """An email already belongs to another additional contact; ``advice`` says what to do."""

    def __init__(
        self,
        email: str,
        existing_contact_id: int,
        existing_name: str,
        advice: str = USE_EXISTING_CONTACT,
    ) -> None:
        super().__init__(f"{email} already belongs to {existing_name}. {advice}")
        self.email = email
        self.existing_contact_id = existing_contact_id
        self.existing_name = existing_name
