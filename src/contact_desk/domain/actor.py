"""The person at the desk making a change, and what they are allowed to do."""

from __future__ import annotations

from dataclasses import dataclass

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import PermissionDenied


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    name: str
    permissions: frozenset[Permission]

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

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
