"""The contact card beside the customer page: every section but Contact Information, read once.

Contact Information is the CustomerView of ``services.customers.get_customer``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contact_desk.domain.enums import AssignmentRole
from contact_desk.domain.suppression import Suppression
from contact_desk.services.activity import best_contact
from contact_desk.services.deals import deal_view, open_deal
from contact_desk.services.garage import garage
from contact_desk.services.households import LinkView, links_of
from contact_desk.services.lookup import get
from contact_desk.services.summary import summary_view
from contact_desk.services.suppressions import in_force
from contact_desk.services.views import AssignmentView, CardView, InsightView, NoteView
from contact_desk.store.activity import Note, WebActivity
from contact_desk.store.customer import Customer
from contact_desk.store.unit_of_work import UnitOfWork
from contact_desk.store.users import Assignment, User


@dataclass(frozen=True)
class ContactCardView(CardView):
    """The card's sections, with the message types the customer must not be sent."""

    suppressions: tuple[Suppression, ...] = ()  # in force today, oldest first
    links: tuple[LinkView, ...] = ()  # the customers linked to this one (a household...)


def contact_card(uow: UnitOfWork, customer_id: int) -> ContactCardView:
    """The card's sections for one customer, read in one transaction so they agree."""
    with uow:
        session = uow.session
        customer = get(session, Customer, customer_id, "customer")
        deal = open_deal(session, customer_id)
        return ContactCardView(
            customer_id=customer.id,
            birth_date=customer.birth_date,
            best=best_contact(session, customer_id),
            open_deal=deal_view(deal) if deal else None,
            garage=garage(session, customer_id),
            assignments=_assignments(session, customer_id),
            notes=_notes(session, customer_id),
            insight=_insight(session, customer_id),
            summary=summary_view(session, customer_id),
            suppressions=in_force(session, customer_id),
            links=links_of(session, customer_id),
        )


def _assignments(session: Session, customer_id: int) -> tuple[AssignmentView, ...]:
    rows = session.scalars(select(Assignment).where(Assignment.customer_id == customer_id))
    assigned = {row.role: row.user for row in rows}
    views = []
    for role in AssignmentRole:
        user = assigned.get(role)
        views.append(AssignmentView(role, user.id if user else None, user.name if user else None))
    return tuple(views)


def _notes(session: Session, customer_id: int) -> tuple[NoteView, ...]:
    notes = session.execute(
        select(Note.id, Note.body, User.name, Note.created_at)
        .outerjoin(User, Note.author_id == User.id)
        .where(Note.customer_id == customer_id, Note.withdrawn_at.is_(None))
        .order_by(Note.created_at.desc(), Note.id.desc())
    )
    return tuple(NoteView(id=id_, text=body, author=author, at=at)
                 for id_, body, author, at in notes)


def _insight(session: Session, customer_id: int) -> InsightView | None:
    last = session.scalars(
        select(WebActivity).where(WebActivity.customer_id == customer_id)
        .order_by(WebActivity.visited_at.desc(), WebActivity.id.desc()).limit(1)
    ).first()
    if last is None:
        return None
    seconds = session.scalar(
        select(func.sum(WebActivity.seconds)).where(WebActivity.customer_id == customer_id)
    )
    return InsightView(last_visit=last.visited_at, last_page=last.last_page,
                       total_browsing=timedelta(seconds=int(seconds or 0)))
