"""The Interaction Summary of a customer: the facts gathered from the store, and the stored text.

Dates are the desk's own calendar days, as the clerk reads them beside the summary.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import AttemptOutcome, ContactStatus
from contact_desk.domain.history import Cause, Entity, Field, code
from contact_desk.domain.interaction_summary import (
    DealFact,
    InteractionFacts,
    InviteFact,
    NoteFact,
    PrimaryChange,
    StatusChange,
    summarize,
)
from contact_desk.services import audit
from contact_desk.services.activity import best_contact
from contact_desk.services.contact_points import PRIMARY_FIELD
from contact_desk.services.deals import deal_view, open_deal
from contact_desk.services.lookup import get
from contact_desk.services.views import SummaryView
from contact_desk.store.activity import AuditEvent, ContactAttempt, InteractionSummary, Note
from contact_desk.store.base import utc_now
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.people import AccountContact, ContactPerson
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

_KIND_OF_FIELD = {field: kind for kind, field in PRIMARY_FIELD.items()}
_LEFT = (ContactStatus.INACTIVE, ContactStatus.INVALID)


@retried_when_desks_collide
def regenerate_summary(uow: UnitOfWork, actor: Actor, customer_id: int) -> SummaryView:
    """Write the summary afresh from everything on record, and keep it with the time.

    No permission is needed: it changes no fact about the customer, only the text that
    describes them, and anyone reading the card may bring that up to date.
    """
    with uow:
        session = uow.session
        get(session, Customer, customer_id, "customer")
        before = summary_view(session, customer_id)
        stored = write_summary(session, customer_id, utc_now())
        audit.record(session, actor, customer_id, "interaction_summary", customer_id,
                     "generated_at", before.generated_at.isoformat() if before else None,
                     stored.generated_at.isoformat())
        uow.commit()
        return _view(stored)


def write_summary(session: Session, customer_id: int, at: datetime) -> InteractionSummary:
    """Store the summary the facts give now, generated ``at``; shared with the demo."""
    text = summarize(interaction_facts(session, customer_id))
    stored = session.get(InteractionSummary, customer_id)
    if stored is None:
        stored = InteractionSummary(customer_id=customer_id, text=text, generated_at=at)
        session.add(stored)
    else:
        stored.text, stored.generated_at = text, at
    return stored


def summary_view(session: Session, customer_id: int) -> SummaryView | None:
    stored = session.get(InteractionSummary, customer_id)
    return _view(stored) if stored else None


def _view(stored: InteractionSummary) -> SummaryView:
    return SummaryView(text=stored.text, generated_at=stored.generated_at)


def interaction_facts(session: Session, customer_id: int) -> InteractionFacts:
    """Everything the summary tells, read from the store."""
    note_count = session.scalar(
        select(func.count()).select_from(Note).where(Note.customer_id == customer_id,
                                                     Note.withdrawn_at.is_(None))
    ) or 0
    latest = session.scalars(
        select(Note).where(Note.customer_id == customer_id, Note.withdrawn_at.is_(None))
        .order_by(Note.created_at.desc(), Note.id.desc()).limit(1)
    ).first()
    last_attempt = session.scalar(  # of those the summary counts: not one only started
        select(func.max(ContactAttempt.at)).where(
            ContactAttempt.customer_id == customer_id,
            ContactAttempt.outcome != AttemptOutcome.STARTED)
    )
    return InteractionFacts(
        note_count=note_count,
        latest_note=_note_fact(latest) if latest else None,
        attempts=best_contact(session, customer_id).rates,
        last_attempt_on=_day(last_attempt) if last_attempt else None,
        deal=_deal_fact(session, customer_id),
        invites=_invites(session, customer_id),
        primary_changes=_primary_changes(session, customer_id),
        deactivations=_deactivations(session, customer_id),
    )


def _note_fact(note: Note) -> NoteFact:
    return NoteFact(_day(note.created_at), note.author.name if note.author else None, note.body)


def _deal_fact(session: Session, customer_id: int) -> DealFact | None:
    deal = open_deal(session, customer_id)
    if deal is None:
        return None
    view = deal_view(deal)
    return DealFact(stage=view.stage, vehicle=view.interested_vehicle, trade_in=view.trade_in,
                    source=view.source, source_locked=view.source_locked,
                    created_on=_day(view.created_at))


def _invites(session: Session, customer_id: int) -> tuple[InviteFact, ...]:
    people = session.scalars(
        select(ContactPerson)
        .join(AccountContact, AccountContact.person_id == ContactPerson.id)
        .where(AccountContact.customer_id == customer_id,
               ContactPerson.invite_sent_at.is_not(None))
        .order_by(ContactPerson.invite_sent_at.desc(), ContactPerson.id)
    )
    return tuple(
        InviteFact(person.full_name, _day(person.invite_sent_at),
                   person.invite_sent_by.name if person.invite_sent_by else None)
        for person in people
        if person.invite_sent_at is not None
    )


def _primary_changes(session: Session, customer_id: int) -> tuple[PrimaryChange, ...]:
    # A first primary (nothing before it) is where the customer started, not a change.
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.customer_id == customer_id,
               AuditEvent.field.in_(_KIND_OF_FIELD), AuditEvent.old.is_not(None))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    return tuple(
        PrimaryChange(kind=_KIND_OF_FIELD[event.field], old=event.old or "", new=event.new,
                      on=_day(event.at), by_default_rule=event.cause is Cause.DEFAULT_RULE)
        for event in events
    )


def _deactivations(session: Session, customer_id: int) -> tuple[StatusChange, ...]:
    point = aliased(ContactPoint)
    rows = session.execute(
        select(AuditEvent, point.display)
        .outerjoin(point, point.id == AuditEvent.entity_id)
        .where(AuditEvent.customer_id == customer_id, AuditEvent.entity == Entity.CONTACT_POINT,
               AuditEvent.field == Field.STATUS,
               AuditEvent.new.in_([code(status) for status in _LEFT]))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    return tuple(
        StatusChange(value=display or "a phone or email since removed",
                     status=ContactStatus[event.new or ""], on=_day(event.at))
        for event, display in rows
    )


def _day(moment: datetime) -> date:
    return moment.astimezone().date()
