"""The Interaction Summary through the services: gathered from the store, stored with its time."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from contact_desk.services import contact_info
from contact_desk.domain.enums import (
    AttemptOutcome,
    Channel,
    ContactKind,
    ContactRole,
    ContactStatus,
    DealStage,
)
from contact_desk.domain.errors import NotFound
from contact_desk.services.activity import add_note, log_contact_attempt
from contact_desk.services.additional_contacts import add_contact, record_invite_sent
from contact_desk.services.deals import add_deal_vehicle
from contact_desk.services.summary import regenerate_summary
from contact_desk.store.activity import InteractionSummary
from contact_desk.store.base import utc_now
from contact_desk.store.sales import Deal
from contact_desk.services.forms import ContactForm

PHONE_A, PHONE_B = "(212) 555-0142", "(212) 555-0143"


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer()


def _phones(database, actor, customer_id) -> list[int]:
    return [contact_info.add_contact_point(database.unit_of_work(), actor, customer_id, ContactKind.PHONE,
                                 text).added_id for text in (PHONE_A, PHONE_B)]


def test_the_summary_tells_notes_attempts_deal_invites_and_contact_changes(
    database, manager, clerk, customer_id
):
    today = date.today().isoformat()  # the desk's calendar day, as the summary says it
    add_note(database.unit_of_work(), clerk, customer_id, "Asked about the recall.")
    add_note(database.unit_of_work(), clerk, customer_id, "Prefers texts after 5 pm.")
    log_contact_attempt(database.unit_of_work(), clerk, customer_id, Channel.TEXT,
                        AttemptOutcome.REPLIED)
    log_contact_attempt(database.unit_of_work(), clerk, customer_id, Channel.CALL,
                        AttemptOutcome.NO_ANSWER, at=utc_now() - timedelta(days=40))
    with database.sessions() as session:
        deal = Deal(customer_id=customer_id, stage=DealStage.NEGOTIATION, source="Cars.com",
                    source_locked=True, created_at=datetime(2026, 3, 5, 12, tzinfo=timezone.utc))
        session.add(deal)
        session.commit()
        deal_id = deal.id
    add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested", None, 2026, "Honda",
                     "CR-V")
    link = add_contact(
        database.unit_of_work(),
        manager,
        customer_id,
        ContactForm(
            first_name="Jo",
            last_name="Lee",
            role=ContactRole.SPOUSE,
            email="jo@example.com",
            portal_access=True,
        ),
    )
    record_invite_sent(database.unit_of_work(), clerk, link)
    first, _ = _phones(database, clerk, customer_id)
    contact_info.set_contact_point_status(database.unit_of_work(), clerk, first, ContactStatus.INACTIVE)

    summary = regenerate_summary(database.unit_of_work(), clerk, customer_id)

    assert summary.text == (
        f"2 notes, the latest on {today} by Casey Clerk: 'Prefers texts after 5 pm.' "
        f"2 contact attempts: 1 text (1 reached), 1 call (none reached); the latest on {today}. "
        "Open deal (Negotiation) for the 2026 Honda CR-V, created 2026-03-05 "
        "from an ADF lead (Cars.com). "
        f"1 portal invite sent: to Jo Lee on {today} by Casey Clerk. "
        f"Contact changes: the primary phone moved from {PHONE_A} to {PHONE_B} on {today} "
        f"(by the default rule); {PHONE_A} became inactive on {today}."
    )


def test_the_first_primary_is_no_change_and_one_chosen_at_the_desk_says_so(
    database, clerk, customer_id
):
    _, second = _phones(database, clerk, customer_id)
    assert (
        "Contact changes"
        not in regenerate_summary(database.unit_of_work(), clerk, customer_id).text
    )
    contact_info.set_primary(database.unit_of_work(), clerk, second)
    assert regenerate_summary(database.unit_of_work(), clerk, customer_id).text.endswith(
        f"Contact changes: the primary phone moved from {PHONE_A} to {PHONE_B} on "
        f"{date.today().isoformat()} (chosen at the desk)."
    )


def test_the_summary_is_stored_with_its_time_and_regenerating_replaces_it(
    database, clerk, customer_id, audit_trail
):
    before = utc_now()
    first = regenerate_summary(database.unit_of_work(), clerk, customer_id)
    assert before <= first.generated_at <= utc_now()
    assert first.text == "No notes. No contact attempts logged. No open deal."
    again = regenerate_summary(database.unit_of_work(), clerk, customer_id)
    assert again.text == first.text, "the same facts give the same words"
    assert again.generated_at >= first.generated_at
    with database.sessions() as session:
        [stored] = session.scalars(select(InteractionSummary)).all()
    assert (stored.customer_id, stored.text, stored.generated_at) == (
        customer_id,
        again.text,
        again.generated_at,
    )
    assert [(e.field, e.old, e.new) for e in audit_trail(entity="interaction_summary")] == [
        ("generated_at", None, first.generated_at.isoformat()),
        ("generated_at", first.generated_at.isoformat(), again.generated_at.isoformat()),
    ]


def test_anyone_at_the_desk_may_regenerate_it(database, viewer, customer_id):
    summary = regenerate_summary(database.unit_of_work(), viewer, customer_id)
    assert summary.text.startswith("No notes.")


def test_the_summary_of_a_customer_that_is_gone_is_refused(database, clerk, customer_id, refused):
    with refused(NotFound, "That customer no longer exists"):
        regenerate_summary(database.unit_of_work(), clerk, customer_id + 1)
