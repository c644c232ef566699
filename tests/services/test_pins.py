"""Anyone who may do more than a clerk has a PIN, kept salted and slow-hashed, asked when
someone else takes their name; five wrong tries lock them for a minute, across desks."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import InvalidValue, PermissionDenied
from contact_desk.os_login import os_login
from contact_desk.services import sign_in, users
from contact_desk.store.base import utc_now
from contact_desk.store.users import User

PIN = "4711"


@pytest.fixture
def morgan(database, manager) -> str:
    """A second manager, at another computer, with a PIN."""
    users.create_user(database.unit_of_work(), manager, "morgan", "Morgan Avery",
                      list(Permission), os_login="morgan-pc")
    sign_in.set_pin(database.unit_of_work(), manager, "morgan", PIN)
    return "morgan"


def act_as_morgan(database, pin: str | None, now=None):
    asked: list[str] = []

    def ask(name: str) -> str | None:
        asked.append(name)
        return pin

    actor = sign_in.act_as(database.unit_of_work(), "morgan", os_login(), ask, now)
    assert asked == ["Morgan Avery"]
    return actor


def stored_user(database, login: str) -> User:
    with database.sessions() as session:
        return session.scalars(select(User).where(User.login == login)).one()


def test_the_pin_is_kept_salted_and_hashed_never_as_it_is(database, manager, morgan):
    stored = stored_user(database, "morgan").pin_hash
    assert stored.startswith("scrypt$") and PIN not in stored
    sign_in.set_pin(database.unit_of_work(), manager, "morgan", PIN)
    assert stored_user(database, "morgan").pin_hash != stored, "a new salt each time"


def test_someone_else_taking_a_managers_name_gives_their_pin(database, morgan):
    assert act_as_morgan(database, PIN).permissions == frozenset(Permission)
    with pytest.raises(PermissionDenied, match="Wrong PIN for Morgan Avery; 4 more tries"):
        act_as_morgan(database, "0000")
    with pytest.raises(PermissionDenied, match="their PIN is needed"):
        act_as_morgan(database, None)


def test_from_their_own_computer_login_a_manager_gives_no_pin(database, manager, morgan):
    morgan_at_home = sign_in.act_as(database.unit_of_work(), "morgan", "morgan-pc",
                                    lambda _: pytest.fail("no PIN is asked"))
    assert morgan_at_home.name == "Morgan Avery"


def test_a_clerk_is_never_asked_a_pin(database, clerk):
    casey = sign_in.act_as(database.unit_of_work(), "clerk", "someone-else",
                           lambda _: pytest.fail("no PIN is asked"))
    assert casey == clerk


def test_a_manager_without_a_pin_cannot_be_taken_by_anyone_else(database, manager):
    users.create_user(database.unit_of_work(), manager, "morgan", "Morgan Avery",
                      [Permission.EDIT_CUSTOMERS, Permission.RUN_SYNC])
    with pytest.raises(PermissionDenied, match="has no PIN yet.*users set-pin morgan"):
        sign_in.act_as(database.unit_of_work(), "morgan", os_login(),
                       lambda _: pytest.fail("there is no PIN to ask"))


def test_five_wrong_pins_lock_for_a_minute_and_are_logged(database, morgan, caplog):
    caplog.set_level(logging.INFO, logger="contact_desk.services.sign_in")
    now = utc_now()
    for _ in range(4):
        with pytest.raises(PermissionDenied, match="Wrong PIN"):
            act_as_morgan(database, "0000", now)
    with pytest.raises(PermissionDenied, match="is locked for a minute"):
        act_as_morgan(database, "0000", now)
    with pytest.raises(PermissionDenied, match="Morgan Avery is locked for a minute after 5 "
                                               "wrong PINs; try again after"):
        sign_in.act_as(database.unit_of_work(), "morgan", os_login(), lambda _: PIN, now)
    later = now + timedelta(minutes=1, seconds=1)
    assert act_as_morgan(database, PIN, later).name == "Morgan Avery"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert sum("Wrong PIN for morgan" in line for line in warnings) == 5
    assert any("locked until" in line for line in warnings)
    assert not any("0000" in r.getMessage() or PIN in r.getMessage() for r in caplog.records)


def test_a_right_pin_starts_the_count_again(database, morgan):
    now = utc_now()
    for _ in range(4):
        with pytest.raises(PermissionDenied):
            act_as_morgan(database, "0000", now)
    act_as_morgan(database, PIN, now)
    with pytest.raises(PermissionDenied, match="4 more tries"):
        act_as_morgan(database, "0000", now)


def test_a_manager_resets_a_pin_and_lifts_the_lock(database, manager, morgan):
    now = utc_now()
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            act_as_morgan(database, "0000", now)
    sign_in.set_pin(database.unit_of_work(), manager, "morgan", "2468")
    assert act_as_morgan(database, "2468", now).name == "Morgan Avery"


def test_only_a_user_who_may_manage_users_sets_a_pin(database, clerk, morgan, refused):
    with refused(PermissionDenied, "Casey Clerk does not have the permission to manage users"):
        sign_in.set_pin(database.unit_of_work(), clerk, "morgan", "9999")


@pytest.mark.parametrize(("pin", "says"), [
    ("123", "at least 4"), ("", "at least 4"), ("x" * 65, "at most 64"), (" 1234", "space"),
])
def test_a_pin_too_short_or_too_long_is_refused(database, manager, morgan, refused, pin, says):
    with refused(InvalidValue, says):
        sign_in.set_pin(database.unit_of_work(), manager, "morgan", pin)


def test_the_picker_knows_whom_it_must_ask_a_pin(database, manager, clerk, morgan):
    people = {person.login: person for person in
              sign_in.desk_people(database.unit_of_work(), os_login())}
    assert not people[os_login()].pin_asked, "the manager at their own computer"
    assert not people["clerk"].pin_asked
    assert people["morgan"].pin_asked and people["morgan"].has_pin
