"""The person at the desk making a change, and what they are allowed to do."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import PermissionDenied
from contact_desk.domain.history import Cause

# What a desk clerk may do. Anyone who may do more has a PIN, asked when someone else
# takes their name (see services.sign_in).
CLERK_PERMISSIONS = frozenset({Permission.EDIT_CUSTOMERS})


def needs_pin(permissions: Iterable[Permission]) -> bool:
    """Whether a user holding ``permissions`` may do more than a clerk."""
    return not frozenset(permissions) <= CLERK_PERMISSIONS


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    name: str
    permissions: frozenset[Permission]
    # Why what this actor changes changed: a person at the desk, or the sync or import
    # they run (the history says "the DMS changed it" then, with their name).
    cause: Cause = Cause.PERSON

    def acting_for(self, cause: Cause) -> Actor:
        return replace(self, cause=cause)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def needs_pin(self) -> bool:
        return needs_pin(self.permissions)

    def why_not(self, permission: Permission) -> str | None:
        """The reason this person may not do it, or None when they may."""
        if self.can(permission):
            return None
        return (
            f"{self.name} does not have the permission to "
            f"{permission.label[0].lower()}{permission.label[1:]}. Ask a manager."
        )

    def require(self, permission: Permission) -> None:
        reason = self.why_not(permission)
        if reason:
            raise PermissionDenied(reason)
