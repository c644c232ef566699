"""Who is at the desk: a known, active user; and the PIN of anyone who may do more than a
clerk, asked whenever someone other than their own OS login takes their name.

Wrong PINs are counted in the database, so they add up across desks and processes: five in
a row lock the user for a minute, and every one is logged (never the PIN).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import NotFound, PermissionDenied
from contact_desk.domain.pin import (
    LOCKED_FOR,
    TRIES_BEFORE_LOCK,
    check_new_pin,
    hash_pin,
    pin_matches,
)
from contact_desk.services.users import active_user, actor_of
from contact_desk.store.base import utc_now
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide
from contact_desk.store.users import User

log = logging.getLogger(__name__)
ENV_USER = "CONTACT_DESK_USER"

AskPin = Callable[[str], "str | None"]  # asked with the user's name; None: nobody to ask


@dataclass(frozen=True)
class DeskUser:
    """Someone who can be picked at this desk, and what picking them asks."""

    actor: Actor
    login: str
    pin_asked: bool  # picking them here asks their PIN
    has_pin: bool


def act_as(uow: UnitOfWork, login: str | None, os_login: str | None,
           ask_pin: AskPin | None = None, now: datetime | None = None) -> Actor:
    """The user acting: ``login`` when given, else the user mapped to ``os_login``.

    Someone who may do more than a clerk, named from another OS login, needs their PIN:
    ``ask_pin(name)`` is called for it (once the user is known to have one and not to be
    locked). PermissionDenied says why not; NotFound when there is no such active user.
    """
    with uow:
        user = _named(uow.session, login) if login is not None else _mapped(uow.session,
                                                                              os_login)
        actor, login = actor_of(user), user.login
        if not _pin_asked(user, os_login):
            return actor
        _refuse_without_pin(user)
        _refuse_locked(user, now or utc_now())
    pin = ask_pin(actor.name) if ask_pin is not None else None
    if not pin:
        raise PermissionDenied(
            f"{actor.name} may do more than a clerk, so their PIN is needed to act as them "
            "from this login.")
    check_pin(uow, login, pin, now)
    return actor


def login_asked(given: str | None) -> str | None:
    """The login a person named: ``given`` (an empty one too, which names nobody and is
    refused), else $CONTACT_DESK_USER; None when they named nobody."""
    return given if given is not None else os.environ.get(ENV_USER) or None


def sign_in(uow: UnitOfWork, login: str, os_login: str | None, pin: str | None,
            now: datetime | None = None) -> Actor:
    """The window's picker: act as ``login`` with the PIN typed (ignored when none is asked)."""
    return act_as(uow, login, os_login, lambda _: pin, now)


def desk_people(uow: UnitOfWork, os_login: str | None) -> list[DeskUser]:
    """Every active user, by name, with whether picking them from ``os_login`` asks a PIN."""
    with uow:
        people = uow.session.scalars(select(User).where(User.active).order_by(User.name)
                                     .options(selectinload(User.permission_rows)))
        return [DeskUser(actor_of(user), user.login, _pin_asked(user, os_login),
                         user.pin_hash is not None) for user in people]


@retried_when_desks_collide
def check_pin(uow: UnitOfWork, login: str, pin: str, now: datetime | None = None) -> None:
    """PermissionDenied unless ``pin`` is ``login``'s PIN; a wrong one is counted (and
    logged), and the fifth in a row locks the user for a minute."""
    now = now or utc_now()
    with uow:
        user = active_user(uow.session, login)
        user_id, name, stored = user.id, user.name, user.pin_hash
        counted = bool(user.failed_pin_tries) or user.locked_until is not None
        _refuse_locked(user, now)
    if stored is not None and pin_matches(pin, stored):
        if counted:
            with uow:
                uow.session.execute(update(User).where(User.id == user_id)
                                    .values(failed_pin_tries=0, locked_until=None))
                uow.commit()
        return
    with uow:
        # The count is raised in the database, not from what was read: two desks trying at
        # once both count.
        session = uow.session
        session.execute(update(User).where(User.id == user_id)
                        .values(failed_pin_tries=User.failed_pin_tries + 1))
        tries = session.scalar(select(User.failed_pin_tries).where(User.id == user_id))
        locked = tries >= TRIES_BEFORE_LOCK
        if locked:
            session.execute(update(User).where(User.id == user_id)
                            .values(failed_pin_tries=0, locked_until=now + LOCKED_FOR))
        uow.commit()
    if locked:
        log.warning("Wrong PIN for %s (%s), %d in a row: locked until %s", login, name,
                    tries, (now + LOCKED_FOR).isoformat(timespec="seconds"))
        raise PermissionDenied(
            f"Wrong PIN. After {TRIES_BEFORE_LOCK} wrong PINs {name} is locked for a minute.")
    log.warning("Wrong PIN for %s (%s): %d of %d tries before a minute's lock", login, name,
                tries, TRIES_BEFORE_LOCK)
    left = TRIES_BEFORE_LOCK - tries
    raise PermissionDenied(
        f"Wrong PIN for {name}; {left} more {'try' if left == 1 else 'tries'} before "
        "a minute's lock.")


@retried_when_desks_collide
def set_pin(uow: UnitOfWork, actor: Actor, login: str, pin: str) -> str:
    """A manager sets (or resets) ``login``'s PIN, which also lifts a lock; their name."""
    actor.require(Permission.MANAGE_USERS)
    check_new_pin(pin)
    stored = hash_pin(pin)
    with uow:
        user = active_user(uow.session, login)
        user.pin_hash, user.failed_pin_tries, user.locked_until = stored, 0, None
        uow.commit()
        log.info("%s set the PIN of %s", actor.name, user.login)
        return user.name


def _named(session: Session, login: str) -> User:
    if not login.strip():
        raise NotFound("No user was named: give the login of a desk user.")
    return active_user(session, login)


def _mapped(session: Session, os_login: str | None) -> User:
    user = None
    if os_login:
        user = session.scalars(select(User).where(User.os_login == os_login.lower(),
                                                  User.active)).first()
    if user is None:
        who = f"The login {os_login!r} of this computer" if os_login else "This computer's login"
        raise NotFound(f"{who} is not a Contact Desk user of this database. Name a desk user "
                       "(--user LOGIN), or ask a manager to add you.")
    return user


def _pin_asked(user: User, os_login: str | None) -> bool:
    own = os_login is not None and user.os_login == os_login.lower()
    return actor_of(user).needs_pin and not own


def _refuse_without_pin(user: User) -> None:
    if user.pin_hash is None:
        raise PermissionDenied(
            f"{user.name} may do more than a clerk and has no PIN yet, so nobody else can act "
            f"as them: a manager must set one first (contact-desk users set-pin {user.login}).")


def _refuse_locked(user: User, now: datetime) -> None:
    if user.locked_until is not None and user.locked_until > now:
        log.warning("%s (%s) was asked for while locked after wrong PINs", user.login,
                    user.name)
        shown = user.locked_until.astimezone().strftime("%H:%M:%S")
        raise PermissionDenied(
            f"{user.name} is locked for a minute after {TRIES_BEFORE_LOCK} wrong PINs; "
            f"try again after {shown}.")
