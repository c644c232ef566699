"""Users at the desks: who is acting, what they may do, and assignments to customers."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AssignmentRole, Permission
from contact_desk.domain.errors import ConflictError, InvalidValue, NotAllowed, NotFound
from contact_desk.services import audit
from contact_desk.services.lookup import get, touch
from contact_desk.store.customer import Customer
from contact_desk.store.unit_of_work import UnitOfWork
from contact_desk.store.users import Assignment, User, UserPermission

COMMAND_LINE_LOGIN = "command-line"
UNCHECKED = object()  # assign_user without an expected assignee: whoever it is now
MAX_LOGIN = 40
MAX_NAME = 80


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, name=user.name, permissions=user.permissions)


def actor_for(uow: UnitOfWork, login: str) -> Actor:
    with uow:
        user = uow.session.scalars(select(User).where(User.login == login)).first()
        if user is None or not user.active:
            raise NotFound(f"There is no active user {login!r}.")
        return actor_of(user)


def create_user(
    uow: UnitOfWork, login: str, name: str, permissions: Iterable[Permission]
) -> int:
    login = login.strip().lower()
    name = " ".join(name.split())
    if not login or not name:
        raise InvalidValue("A user needs a login and a name.")
    # Checked here so SQLite (which would keep it) and PostgreSQL (which would fail) agree.
    if len(login) > MAX_LOGIN or len(name) > MAX_NAME:
        raise InvalidValue(
            f"A login can be at most {MAX_LOGIN} characters and a name at most {MAX_NAME}."
        )
    with uow:
        if uow.session.scalars(select(User.id).where(User.login == login)).first():
            raise NotAllowed(f"The login {login!r} is already taken.")
        user = User(login=login, name=name)
        user.permission_rows = [UserPermission(permission=p) for p in set(permissions)]
        uow.session.add(user)
        uow.commit()
        return user.id


def list_users(uow: UnitOfWork) -> list[Actor]:
    with uow:
        users = uow.session.scalars(select(User).where(User.active).order_by(User.name)
                                    .options(selectinload(User.permission_rows)))
        return [actor_of(user) for user in users]


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
        audit.record(session, actor, customer_id, "assignment", None, role.label, old_name,
                     new_user.name if new_user else None)
        touch(customer)
        uow.commit()


def assignments(session: Session, customer_id: int) -> dict[AssignmentRole, str]:
    rows = session.scalars(select(Assignment).where(Assignment.customer_id == customer_id))
    return {row.role: row.user.name for row in rows}


def desk_users(uow: UnitOfWork) -> list[Actor]:
    """The people who can sit at a desk: every active user but the built-in command line."""
    with uow:
        people = uow.session.scalars(
            select(User).where(User.active, User.login != COMMAND_LINE_LOGIN).order_by(User.name)
        )
        return [actor_of(user) for user in people]
