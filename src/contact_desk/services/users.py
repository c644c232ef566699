"""Users at the desks: who is acting, what they may do, and assignments to customers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AssignmentRole, Permission
from contact_desk.domain.errors import ConflictError, InvalidValue, NotAllowed, NotFound
from contact_desk.services import audit
from contact_desk.services.lookup import get, touch
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide
from contact_desk.store.users import Assignment, User, UserPermission

UNCHECKED = object()  # assign_user without an expected assignee: whoever it is now
MAX_LOGIN = 40
MAX_NAME = 80
MAX_OS_LOGIN = 100


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, name=user.name, permissions=user.permissions)


def actor_for(uow: UnitOfWork, login: str) -> Actor:
    """The active user ``login``, without asking a PIN: for code that already knows who acts
    (a person comes in through services.sign_in)."""
    with uow:
        return actor_of(active_user(uow.session, login))


def active_user(session: Session, login: str) -> User:
    user = session.scalars(select(User).where(User.login == login.strip().lower())).first()
    if user is None or not user.active:
        raise NotFound(f"There is no active user {login!r}.")
    return user


@retried_when_desks_collide
def create_user(
    uow: UnitOfWork, actor: Actor, login: str, name: str, permissions: Iterable[Permission],
    os_login: str | None = None,
) -> int:
    """Add a desk user; ``os_login`` is the computer login that acts as them without a PIN."""
    actor.require(Permission.MANAGE_USERS)
    login = login.strip().lower()
    name = " ".join(name.split())
    os_login = (os_login or "").strip().lower() or None
    if not login or not name:
        raise InvalidValue("A user needs a login and a name.")
    # Checked here so SQLite (which would keep it) and PostgreSQL (which would fail) agree.
    if len(login) > MAX_LOGIN or len(name) > MAX_NAME or len(os_login or "") > MAX_OS_LOGIN:
        raise InvalidValue(
            f"A login can be at most {MAX_LOGIN} characters, a name at most {MAX_NAME} and "
            f"an OS login at most {MAX_OS_LOGIN}."
        )
    with uow:
        session = uow.session
        if session.scalars(select(User.id).where(User.login == login)).first():
            raise NotAllowed(f"The login {login!r} is already taken.")
        if os_login and (owner := session.scalars(
                select(User).where(User.os_login == os_login)).first()):
            raise NotAllowed(f"The OS login {os_login!r} already acts as {owner.name}.")
        user = User(login=login, name=name, os_login=os_login)
        user.permission_rows = [UserPermission(permission=p) for p in set(permissions)]
        session.add(user)
        uow.commit()
        return user.id


@retried_when_desks_collide
def deactivate_user(uow: UnitOfWork, actor: Actor, login: str) -> str:
    """Take a user off the desk (their name stays on what they did); the name. The last
    user who may manage users stays, or nobody could add anyone again."""
    actor.require(Permission.MANAGE_USERS)
    with uow:
        session = uow.session
        user = active_user(session, login)
        if Permission.MANAGE_USERS in user.permissions and _managers(session) == 1:
            raise NotAllowed(f"{user.name} is the only user who may manage users; add another "
                             "manager before taking them off the desk.")
        user.active = False
        user.os_login = None
        uow.commit()
        return user.name


def _managers(session: Session) -> int:
    return len(session.scalars(
        select(UserPermission.user_id).join(User, User.id == UserPermission.user_id)
        .where(User.active, UserPermission.permission == Permission.MANAGE_USERS)).all())


@dataclass(frozen=True)
class UserListing:
    """A desk user as a manager sees them: never their PIN, only whether there is one."""

    login: str
    name: str
    permissions: frozenset[Permission]
    os_login: str | None
    has_pin: bool
    locked: bool

    def as_dict(self) -> dict[str, object]:
        return {"login": self.login, "name": self.name,
                "permissions": [p.cli_name for p in Permission if p in self.permissions],
                "os_login": self.os_login, "has_pin": self.has_pin, "locked": self.locked}


def user_listing(uow: UnitOfWork, actor: Actor) -> list[UserListing]:
    """Every active user, by name, for someone who may manage users."""
    actor.require(Permission.MANAGE_USERS)
    now = utc_now()
    with uow:
        people = uow.session.scalars(select(User).where(User.active).order_by(User.name)
                                     .options(selectinload(User.permission_rows)))
        return [UserListing(user.login, user.name, user.permissions, user.os_login,
                            user.pin_hash is not None,
                            user.locked_until is not None and user.locked_until > now)
                for user in people]


def list_users(uow: UnitOfWork) -> list[Actor]:
    with uow:
        users = uow.session.scalars(select(User).where(User.active).order_by(User.name)
                                    .options(selectinload(User.permission_rows)))
        return [actor_of(user) for user in users]


@retried_when_desks_collide
def assign_user(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    role: AssignmentRole,
    user_id: int | None,
    expected_user_id: int | None | object = UNCHECKED,
) -> None:
    """Assign (or with None, unassign) the Sales, BDC or Service BDC user of a customer.

    ``expected_user_id`` is who the clerk saw in the role (None: nobody); when another desk
    changed it since, nothing is changed and ConflictError says so.
    """
    actor.require(Permission.ASSIGN_USERS)
    with uow:
        session = uow.session
        customer = get(session, Customer, customer_id, "customer")
        current = session.get(Assignment, (customer_id, role))
        if expected_user_id is not UNCHECKED and \
                (current.user_id if current else None) != expected_user_id:
            raise ConflictError(
                f"Another desk changed who is {role.label} for this customer after you looked. "
                "Nothing was changed: the card shows who it is now.")
        new_user = get(session, User, user_id, "user") if user_id is not None else None
        old_name = current.user.name if current else None
        if (current.user_id if current else None) == user_id:
            return
        if new_user is not None and not new_user.active:
            raise NotAllowed(f"{new_user.name} is no longer an active user; pick someone else.")
        if current is not None and new_user is None:
            session.delete(current)
        elif current is not None and new_user is not None:
            current.user_id = new_user.id
        elif new_user is not None:
            session.add(Assignment(customer_id=customer_id, role=role, user_id=new_user.id))
        audit.record(session, actor, customer_id, "assignment", None, role, old_name,
                     new_user.name if new_user else None)
        touch(customer)
        uow.commit()


def assignments(session: Session, customer_id: int) -> dict[AssignmentRole, str]:
    rows = session.scalars(select(Assignment).where(Assignment.customer_id == customer_id))
    return {row.role: row.user.name for row in rows}
