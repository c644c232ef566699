"""What the service tests share: customers to work on, a user who may change nothing,
the audit trail, and a check that a refused change left the database as it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from sqlalchemy import select

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AssignmentRole
from contact_desk.domain.history import Entity, Field
from contact_desk.domain.vin import vin_check_digit
from contact_desk.services import users
from contact_desk.services.customers import create_customer, update_customer_details
from contact_desk.store.activity import AuditEvent
from contact_desk.store.models import Base
from contact_desk.store.database import Database
from contact_desk.services.forms import CustomerForm

Snapshot = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def viewer(database: Database, manager: Actor) -> Actor:
    """A desk user without any permission: may look at customers, may change nothing."""
    uow = database.unit_of_work()
    users.create_user(uow, manager, "viewer", "Val Viewer", [])
    return users.actor_for(uow, "viewer")


@pytest.fixture
def vin() -> Callable[[int], str]:
    """A valid VIN (a Honda's), different for each serial number."""

    def make(serial: int) -> str:
        draft = f"1HGCM82603A{serial:06d}"
        return draft[:8] + vin_check_digit(draft) + draft[9:]

    return make


@pytest.fixture
def new_customer(database: Database, manager: Actor) -> Callable[..., int]:
    """Create a customer (Ann Lee unless told otherwise), living at ``address`` if given."""

    def create(
        first_name: str = "Ann",
        last_name: str = "Lee",
        address: dict[str, str] | None = None,
        **fields: Any,
    ) -> int:
        customer_id = create_customer(
            database.unit_of_work(), manager, first_name=first_name, last_name=last_name, **fields
        )
        if address:
            update_customer_details(
                database.unit_of_work(),
                manager,
                customer_id,
                CustomerForm(first_name=first_name, last_name=last_name, **address),
            )
        return customer_id

    return create


def as_named(event: AuditEvent) -> AuditEvent:
    """The event with its entity and field as the code that wrote it names them
    ("contact_point", "status", "Sales", "mail.host"), so a test reads like the service;
    its old and new values stay the codes stored."""
    entity, field = event.entity, event.field
    if entity is Entity.ASSIGNMENT:
        named = AssignmentRole[field.name].label
    elif entity is Entity.SETTING:
        named = field.name.lower().replace("mail_", "mail.", 1)
    else:
        named = field.name.lower()
    return replace_event(event, entity=entity.name.lower(), field=named)


def replace_event(event: AuditEvent, **changes: Any) -> AuditEvent:
    columns = {c.key: getattr(event, c.key) for c in AuditEvent.__table__.columns}
    copy = AuditEvent(**(columns | changes))
    copy.user = event.user
    return copy


@pytest.fixture
def audit_trail(database: Database) -> Callable[..., list[AuditEvent]]:
    """The audit events written so far, oldest first; keyword arguments filter them."""

    def read(**where: Any) -> list[AuditEvent]:
        """``entity`` and ``field`` may be named as the code names them ("contact_point",
        "status"); the events' values are the codes stored."""
        if isinstance(where.get("entity"), str):
            where["entity"] = Entity[where["entity"].upper()]
        if isinstance(where.get("field"), str):
            where["field"] = Field.of(where["field"])
        with database.sessions() as session:
            events = select(AuditEvent).filter_by(**where).order_by(AuditEvent.id)
            return [as_named(event) for event in session.scalars(events)]

    return read


@pytest.fixture
def stored(database: Database) -> Callable[[], Snapshot]:
    """Every row of every table, read afresh from the database."""

    def read() -> Snapshot:
        with database.engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in Base.metadata.sorted_tables
            }

    return read


@pytest.fixture
def refused(
    stored: Callable[[], Snapshot],
) -> Callable[..., AbstractContextManager[pytest.ExceptionInfo[Exception]]]:
    """``with refused(NotAllowed, "reason"):`` — the change raises and writes nothing at all."""

    @contextmanager
    def check(
        error: type[Exception], match: str | None = None
    ) -> Iterator[pytest.ExceptionInfo[Exception]]:
        before = stored()
        with pytest.raises(error, match=match) as raised:
            yield raised
        assert stored() == before, "the refused change wrote to the database"

    return check
