"""What the desk did with a customer: contact attempts and notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.best_contact import BestContact, best_contact_method
from contact_desk.domain.enums import AttemptOutcome, Channel, Permission
from contact_desk.domain.errors import ConflictError, InvalidValue
from contact_desk.domain.history import Field
from contact_desk.services import audit
from contact_desk.services.lookup import get
from contact_desk.store.activity import ContactAttempt, Note
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

MAX_NOTE = 4000


@retried_when_desks_collide
def log_contact_attempt(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    channel: Channel,
    outcome: AttemptOutcome,
    at: datetime | None = None,
) -> int:
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        get(uow.session, Customer, customer_id, "customer")
        attempt = add_attempt(uow.session, actor, customer_id, channel, outcome, at)
        audit.record(uow.session, actor, customer_id, "contact_attempt", attempt.id, "logged",
                     None, f"{channel.label}: {outcome.label}")
        uow.commit()
        return attempt.id


def add_attempt(session: Session, actor: Actor, customer_id: int, channel: Channel,
                outcome: AttemptOutcome, at: datetime | None = None) -> ContactAttempt:
    """The attempt's row, flushed (its id is known); the caller audits it and commits."""
    attempt = ContactAttempt(customer_id=customer_id, channel=channel, outcome=outcome,
                             at=at or utc_now(), user_id=actor.user_id)
    session.add(attempt)
    session.flush()
    return attempt


@retried_when_desks_collide
def add_note(uow: UnitOfWork, actor: Actor, customer_id: int, body: str) -> int:
    """Add a plain-text note; it is kept exactly as typed, without markup or mentions."""
    actor.require(Permission.EDIT_CUSTOMERS)
    text = (body or "").strip()
    if not text:
        raise InvalidValue("Type the note before saving it.", field="note")
    if len(text) > MAX_NOTE:
        raise InvalidValue(f"A note can be at most {MAX_NOTE} characters; split it in two.",
                           field="note")
    with uow:
        get(uow.session, Customer, customer_id, "customer")
        note = Note(customer_id=customer_id, author_id=actor.user_id, body=text)
        uow.session.add(note)
        uow.flush()
        audit.record(uow.session, actor, customer_id, "note", note.id, "added", None,
                     text[:200])
        uow.commit()
        return note.id


@retried_when_desks_collide
def withdraw_note(uow: UnitOfWork, actor: Actor, note_id: int) -> None:
    """Take a note back (Undo of Add note). Notes are history: it stays, marked withdrawn
    with who and when, and leaves the card and the summary. One withdrawn already (at
    another desk) is refused: the clerk's undo expected it shown."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        note = get(uow.session, Note, note_id, "note")
        if note.withdrawn_at is not None:
            raise ConflictError("Another desk withdrew that note already. Nothing was changed.")
        note.withdrawn_at, note.withdrawn_by_id = utc_now(), actor.user_id
        audit.record(uow.session, actor, note.customer_id, "note", note.id, Field.WITHDRAWN,
                     False, True)
        uow.commit()


@retried_when_desks_collide
def restore_note(uow: UnitOfWork, actor: Actor, note_id: int) -> None:
    """Show a withdrawn note again as it was written (Redo of Add note). One shown already
    (put back at another desk) is refused: the clerk's redo expected it withdrawn."""
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        note = get(uow.session, Note, note_id, "note")
        if note.withdrawn_at is None:
            raise ConflictError("Another desk put that note back already. Nothing was changed.")
        note.withdrawn_at = note.withdrawn_by_id = None
        audit.record(uow.session, actor, note.customer_id, "note", note.id, Field.WITHDRAWN,
                     True, False)
        uow.commit()


def best_contact(session: Session, customer_id: int) -> BestContact:
    """Best Contact Method from every attempt logged for the customer."""
    attempts = session.execute(
        select(ContactAttempt.channel, ContactAttempt.outcome)
        .where(ContactAttempt.customer_id == customer_id)
    )
    return best_contact_method(attempts)
