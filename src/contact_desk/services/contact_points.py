"""Phones and emails of a customer: add, correct, deactivate, and choose the primary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    Permission,
    Source,
)
from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.history import Cause, Field
from contact_desk.domain.phone import PhoneNumber
from contact_desk.domain.primary import (
    PrimaryCandidate,
    check_can_be_primary,
    primary_after_change,
)
from contact_desk.services import audit
from contact_desk.services.lookup import find_customer, get, home_region, touch
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

PRIMARY_FIELD = {ContactKind.PHONE: Field.PRIMARY_PHONE, ContactKind.EMAIL: Field.PRIMARY_EMAIL}
CHOSEN = "chosen at the desk"
MOVED = "moved by the default rule"


@dataclass(frozen=True)
class ParsedValue:
    """A typed phone or email as it is stored, shown and searched."""

    value: str
    extension: str = ""
    display: str = ""
    digits: str = ""
    local_digits: str = ""
    can_receive_texts: bool = False

    def columns(self) -> dict[str, str | bool]:
        """The contact point's columns this value fills."""
        return {"value": self.value, "extension": self.extension, "display": self.display,
                "digits": self.digits, "local_digits": self.local_digits,
                "can_receive_texts": self.can_receive_texts}

    def put_on(self, point: ContactPoint) -> None:
        for name, column in self.columns().items():
            setattr(point, name, column)


def parse_value(kind: ContactKind, text: str, region: str,
                home: str | None = None) -> ParsedValue:
    """The stored form of a typed phone or email; InvalidValue says what is wrong.

    A phone is read in ``region`` and shown as the desk of ``home`` (default: the same) shows it.
    """
    if kind is ContactKind.PHONE:
        phone = PhoneNumber.parse(text, region)
        return ParsedValue(
            value=phone.e164,
            extension=phone.extension,
            display=phone.display(home or region),
            digits=phone.national_digits,
            local_digits=phone.local_digits,
            can_receive_texts=phone.can_receive_texts,
        )
    email = EmailAddress.parse(text)
    return ParsedValue(value=email.value, display=email.value)


def new_point_columns(type_: ContactPointType, parsed: ParsedValue,
                      today: date) -> dict[str, Any]:
    """A new value's stored columns, the plan both ways of adding one follow (here, and a
    batch of the sync's in sync/new_customers): active from today, not primary until the
    rule says so; consent is not the value's column but its records (services/consent)."""
    return {"kind": type_.kind, "type": type_, **parsed.columns(),
            "status": ContactStatus.ACTIVE, "status_date": today}


def first_primary_reason(kind: ContactKind) -> str:
    """Why a customer's first active value of ``kind`` became the primary, in the history."""
    return f"{MOVED}: first active {kind.label.lower()}"


def new_contact_point(
    session: Session,
    actor: Actor,
    customer: Customer,
    type_: ContactPointType,
    text: str,
    today: date | None = None,
    parsed: ParsedValue | None = None,
) -> ContactPoint:
    """Add a value of ``type_`` to ``customer`` (no primary decision yet); audited.

    ``parsed`` is ``text`` already read in the home region (a file's checked value).
    """
    kind = type_.kind
    parsed = parsed or parse_value(kind, text, home_region(session))
    for point in customer.points(kind):
        if point.value == parsed.value and point.extension == parsed.extension:
            raise NotAllowed(f"{parsed.display} is already on this customer ({point.type.label}).")
    point = ContactPoint(**new_point_columns(type_, parsed, today or date.today()))
    customer.contact_points.append(point)
    session.flush()
    audit.record(session, actor, customer.id, "contact_point", point.id, "added", None,
                 parsed.display, reason=type_.label)
    return point


def settle_primary(
    session: Session,
    actor: Actor,
    customer: Customer,
    kind: ContactKind,
    successor: ContactPoint | None = None,
) -> None:
    """Apply the primary rule after a change: keep an active primary, else move it by default.

    ``successor`` is the value that replaced the old primary's (the DMS changed the field
    the primary came from); it becomes primary when active.
    """
    points = customer.points(kind)
    current = next((p for p in points if p.is_primary), None)
    chosen_candidate = primary_after_change(
        (PrimaryCandidate(p.id, p.type, p.status, p.is_primary, p.id) for p in points),
        successor=successor.id if successor is not None else None,
    )
    chosen = next((p for p in points if chosen_candidate and p.id == chosen_candidate.id), None)
    if chosen is current:
        return
    if current is not None:
        current.is_primary = False
        session.flush()  # the database allows one primary at a time
        reason = f"{MOVED}: {current.display} became {current.status.label.lower()}"
        if chosen is not None and chosen is successor:
            reason = f"{MOVED}: {current.display} was replaced in the DMS"
    else:
        reason = first_primary_reason(kind)
    if chosen is not None:
        chosen.is_primary = True
    audit.record(
        session,
        actor,
        customer.id,
        "customer",
        customer.id,
        PRIMARY_FIELD[kind],
        current.display if current else None,
        chosen.display if chosen else None,
        reason=reason,
        cause=Cause.DEFAULT_RULE,
    )


def _load_point(uow: UnitOfWork, point_id: int) -> tuple[ContactPoint, Customer]:
    point = get(uow.session, ContactPoint, point_id, "phone or email")
    return point, point.customer


def correct_value(
    session: Session, actor: Actor, customer: Customer, point: ContactPoint, text: str
) -> bool:
    """Put the value typed in place of ``point``'s; audited. False when nothing changed."""
    parsed = parse_value(point.kind, text, home_region(session))
    if (parsed.value, parsed.extension) == (point.value, point.extension):
        return False
    check_may_change(actor, point)
    for other in customer.points(point.kind):
        if other is not point and (other.value, other.extension) == (parsed.value, parsed.extension):
            raise NotAllowed(f"{parsed.display} is already on this customer ({other.type.label}).")
    audit.record(session, actor, customer.id, "contact_point", point.id, "value",
                 point.display, parsed.display)
    parsed.put_on(point)
    return True


def check_may_change(actor: Actor, point: ContactPoint) -> None:
    """A value from the DMS is corrected or deactivated here only by someone allowed to
    (the sync changes it as the DMS says, without asking)."""
    if point.type.source is Source.DMS:
        actor.require(Permission.EDIT_DMS_DATA)


def apply_status(
    session: Session,
    actor: Actor,
    customer: Customer,
    point: ContactPoint,
    status: ContactStatus,
    today: date | None = None,
    successor: ContactPoint | None = None,
    cause: Cause | None = None,
) -> None:
    """Change a value's status (dated today) and settle the primary; shared with the sync.

    A primary leaving Active goes to ``successor`` when given and active, else by the rule.
    """
    audit.record(session, actor, customer.id, "contact_point", point.id, "status",
                 point.status, status, cause=cause)
    point.status = status
    point.status_date = today or date.today()
    settle_primary(session, actor, customer, point.kind, successor)


@retried_when_desks_collide
def set_primary_by_value(uow: UnitOfWork, actor: Actor, customer_key: str, text: str) -> str:
    """The command line's set-primary: find the phone or email typed, make it primary."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        point = point_of(uow.session, customer_key, text)
        make_primary(uow.session, actor, point.customer, point)
        uow.commit()
        return point.display


def point_of(session: Session, customer_key: str, text: str) -> ContactPoint:
    """The customer's phone or email typed on the command line (a phone in any format)."""
    kind = ContactKind.EMAIL if "@" in text else ContactKind.PHONE
    customer = find_customer(session, customer_key)
    parsed = parse_value(kind, text, home_region(session))
    point = next((p for p in customer.points(kind)
                  if (p.value, p.extension) == (parsed.value, parsed.extension)), None)
    if point is None:
        raise InvalidValue(f"{parsed.display} is not one of {customer.full_name}'s "
                           f"{kind.label.lower()}s.")
    return point


def make_primary(session: Session, actor: Actor, customer: Customer, point: ContactPoint) -> None:
    """Check ``point`` as the primary and uncheck the old one; audited as chosen at the desk."""
    if point.is_primary:
        return
    check_can_be_primary(point.status, point.display)
    old = next((p for p in customer.points(point.kind) if p.is_primary), None)
    if old is not None:
        old.is_primary = False
        session.flush()  # the database allows one primary at a time
    point.is_primary = True
    audit.record(session, actor, customer.id, "customer", customer.id,
                 PRIMARY_FIELD[point.kind], old.display if old else None, point.display,
                 reason=CHOSEN)
    touch(customer)
