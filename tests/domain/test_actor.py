"""The person at the desk: what they may do, and the reason when they may not."""

from __future__ import annotations

import pytest

from contact_desk.domain.actor import CLERK_PERMISSIONS, Actor, needs_pin
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError, PermissionDenied


def clerk() -> Actor:
    return Actor(user_id=7, name="Casey Clerk", permissions=frozenset({Permission.EDIT_CUSTOMERS}))


def test_a_person_can_do_what_they_were_given_permission_for() -> None:
    casey = clerk()

    assert casey.can(Permission.EDIT_CUSTOMERS)
    assert casey.why_not(Permission.EDIT_CUSTOMERS) is None
    casey.require(Permission.EDIT_CUSTOMERS)


@pytest.mark.parametrize(
    ("permission", "action"),
    [
        (Permission.ASSIGN_USERS, "change assigned users"),
        (Permission.CHANGE_DEAL_SOURCE, "change a deal's source"),
        (Permission.MANAGE_PROGRAMS, "replace a program's customer or contact"),
        (Permission.RUN_SYNC, "run the DMS sync and imports"),
    ],
)
def test_the_reason_names_the_person_and_the_action(permission: Permission, action: str) -> None:
    casey = clerk()

    assert not casey.can(permission)
    assert casey.why_not(permission) == (
        f"Casey Clerk does not have the permission to {action}. Ask a manager."
    )


def test_require_refuses_with_the_same_reason() -> None:
    casey = clerk()

    with pytest.raises(PermissionDenied) as raised:
        casey.require(Permission.RUN_SYNC)

    assert isinstance(raised.value, DomainError)
    assert str(raised.value) == casey.why_not(Permission.RUN_SYNC)
    assert raised.value.message == str(raised.value)


def test_someone_without_permissions_may_do_nothing() -> None:
    guest = Actor(user_id=None, name="Guest", permissions=frozenset())

    for permission in Permission:
        assert not guest.can(permission)
        with pytest.raises(PermissionDenied):
            guest.require(permission)


def test_someone_with_every_permission_may_do_everything() -> None:
    manager = Actor(user_id=1, name="Morgan", permissions=frozenset(Permission))

    for permission in Permission:
        assert manager.can(permission)
        assert manager.why_not(permission) is None
        manager.require(permission)


def test_only_someone_who_may_do_more_than_a_clerk_needs_a_pin() -> None:
    assert not needs_pin(CLERK_PERMISSIONS) and not needs_pin([])
    assert needs_pin([Permission.EDIT_CUSTOMERS, Permission.RUN_SYNC])
    assert needs_pin([Permission.EXPORT_CUSTOMERS])
