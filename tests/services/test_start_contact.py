"""start_contact: click-to-call, -text and -email ask can_reach first; a refusal says why and
writes nothing; an allowed contact logs a started attempt and its history entry in one
transaction and gives the link to open (the plain one, or the dealership's app's)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from contact_desk.domain.consent import ConsentHow, Purpose
from contact_desk.domain.enums import AttemptOutcome, Channel, ContactKind
from contact_desk.domain.errors import InvalidValue, NotFound, PermissionDenied
from contact_desk.domain.history import Field
from contact_desk.services import contact_info
from contact_desk.services.activity import best_contact
from contact_desk.services.consent import add_records
from contact_desk.services.contact_apps import ContactApps, contact_apps, save_contact_apps
from contact_desk.services.history import customer_history
from contact_desk.services.reach import ContactRefused, start_contact
from contact_desk.store.activity import ContactAttempt
from tests.consent import IN, OUT, said

CHICAGO = ZoneInfo("America/Chicago")
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=CHICAGO)
LATE = datetime(2026, 3, 3, 21, 40, tzinfo=CHICAGO)
ILLINOIS = {"address_line1": "1 Main St", "city": "Chicago", "state": "IL",
            "postal_code": "60601"}
TRX, MKT = Purpose.TRANSACTIONAL, Purpose.MARKETING


@pytest.fixture
def ann(database, manager, new_customer):
    customer = new_customer(customer_number="C1", address=ILLINOIS)
    add = contact_info.add_contact_point
    cell = add(database.unit_of_work(), manager, customer, ContactKind.PHONE,
               "(312) 555-0142").added_id
    email = add(database.unit_of_work(), manager, customer, ContactKind.EMAIL,
                "ann@example.com").added_id
    return {"customer": customer, "cell": cell, "email": email}


def stop_reply(database, actor, e164: str, on: datetime) -> None:
    """A STOP texted back, as File > Import Replies records it."""
    with database.unit_of_work() as uow:
        add_records(uow.session, actor, ContactKind.PHONE, e164,
                    said(Channel.TEXT, OUT, how=ConsentHow.TEXT_REPLY, note="STOP"), at=on)
        uow.commit()


def attempts(database) -> list[tuple]:
    with database.sessions() as session:
        return [tuple(row) for row in session.execute(
            select(ContactAttempt.customer_id, ContactAttempt.channel, ContactAttempt.outcome,
                   ContactAttempt.at, ContactAttempt.user_id).order_by(ContactAttempt.id))]


def test_an_allowed_text_logs_a_started_attempt_and_its_history_and_gives_the_sms_link(
        database, clerk, ann, audit_trail):
    started = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.TEXT, TRX,
                            NOON)
    assert started.url == "sms:+13125550142"
    assert started.answer.allowed
    assert attempts(database) == [(ann["customer"], Channel.TEXT, AttemptOutcome.STARTED,
                                   NOON.astimezone(UTC), clerk.user_id)]
    [event] = audit_trail(field=Field.STARTED)
    assert (event.entity, event.entity_id, event.old, event.new, event.user_id) == (
        "contact_attempt", started.attempt_id, None, "TEXT", clerk.user_id)
    assert event.reason == "Transactional text to (312) 555-0142: may text now"
    [entry] = [e for e in customer_history(database.unit_of_work(), ann["customer"]).entries
               if e.field is Field.STARTED]
    assert (entry.what, entry.field.label, entry.new) == (
        "Contact attempt", "Started from the desk", "Text")


def test_a_started_contact_leaves_best_contact_method_as_it_was(database, clerk, ann):
    start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX, NOON)
    with database.sessions() as session:
        best = best_contact(session, ann["customer"])
    assert best.attempts == 0 and best.reason.startswith("No attempts logged yet")


def test_a_call_and_an_email_get_their_own_links(database, clerk, ann):
    call = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX, NOON)
    email = start_contact(database.unit_of_work(), clerk, ann["email"], Channel.EMAIL, MKT,
                          LATE)
    assert (call.url, email.url) == ("tel:+13125550142", "mailto:ann@example.com")
    assert [row[1:3] for row in attempts(database)] == [
        (Channel.CALL, AttemptOutcome.STARTED), (Channel.EMAIL, AttemptOutcome.STARTED)]


def test_an_opted_out_number_is_refused_with_the_reason_and_nothing_is_written(
        database, manager, clerk, ann, refused):
    stop_reply(database, manager, "+13125550142", datetime(2026, 3, 1, 18, 0, tzinfo=UTC))
    with refused(ContactRefused) as raised:
        start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.TEXT, TRX, NOON)
    assert raised.value.message == (
        "(312) 555-0142 was not texted; nothing was opened or logged.\n"
        "Opted out by STOP reply on 2026-03-01 (transactional texts).")
    assert not raised.value.answer.allowed and not raised.value.answer.later


def test_quiet_hours_refuse_with_the_time_it_may_go_out(database, clerk, ann, refused):
    with refused(ContactRefused) as raised:
        start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX, LATE)
    assert raised.value.message.endswith(
        "\nIt is 9:40 PM in Illinois: transactional calls may go out from 8:00 AM.")
    assert raised.value.answer.next_allowed_at == datetime(2026, 3, 4, 8, 0, tzinfo=CHICAGO)


def test_a_marketing_text_needs_its_opt_in(database, manager, clerk, ann, refused):
    with refused(ContactRefused, "No opt-in to marketing texts on record"):
        start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.TEXT, MKT, NOON)
    contact_info.set_consent(database.unit_of_work(), manager, ann["cell"],
                             said(Channel.TEXT, IN, (MKT,), how=ConsentHow.SIGNED_FORM))
    started = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.TEXT, MKT,
                            NOON)
    assert started.answer.reason.startswith("opted in by signed form on ")


def test_a_channel_the_value_cannot_carry_is_refused(database, clerk, ann, refused):
    with refused(ContactRefused, "An email address has no text consent"):
        start_contact(database.unit_of_work(), clerk, ann["email"], Channel.TEXT, TRX, NOON)


def test_the_dealership_s_app_is_used_once_set(database, manager, clerk, ann):
    save_contact_apps(database.unit_of_work(), manager,
                      ContactApps(call="https://dialer.example.com/call?to={e164}",
                                  text="texter://new?to={digits}"))
    call = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX, NOON)
    text = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.TEXT, TRX, NOON)
    email = start_contact(database.unit_of_work(), clerk, ann["email"], Channel.EMAIL, TRX,
                          NOON)
    assert call.url == "https://dialer.example.com/call?to=%2B13125550142"
    assert text.url == "texter://new?to=3125550142"
    assert email.url == "mailto:ann@example.com"
    given = start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX, NOON,
                          template="")
    assert given.url == "tel:+13125550142", "a template given is used instead of the setting"


def test_the_apps_are_kept_checked_audited_once_and_read_back(database, manager, audit_trail):
    assert contact_apps(database.unit_of_work()) == ContactApps()
    save_contact_apps(database.unit_of_work(), manager, ContactApps())
    assert audit_trail(entity="setting") == [], "nothing set, nothing changed"
    kept = save_contact_apps(database.unit_of_work(), manager,
                             ContactApps(text="  https://t.example.com/{e164} "))
    assert kept == ContactApps(text="https://t.example.com/{e164}")
    assert contact_apps(database.unit_of_work()) == kept
    [event] = audit_trail(entity="setting")
    assert (event.field, event.old, event.new) == (
        "contact_app_text_url", None, "https://t.example.com/{e164}")
    assert Field.CONTACT_APP_TEXT_URL.label == "Texting app link"


def test_an_unknown_placeholder_is_refused_in_words_and_nothing_is_kept(database, manager,
                                                                         refused):
    with refused(InvalidValue) as raised:
        save_contact_apps(database.unit_of_work(), manager,
                          ContactApps(call="https://dialer.example.com/call?to={phone}"))
    assert raised.value.message == ("{phone} is not a placeholder of the calling app link: "
                                    "it can use {e164} or {digits}.")
    assert raised.value.field == "call"


def test_only_a_manager_sets_the_apps_and_only_an_editor_starts_a_contact(
        database, clerk, viewer, ann, refused):
    with refused(PermissionDenied):
        save_contact_apps(database.unit_of_work(), clerk, ContactApps(call="tel:{e164}"))
    with refused(PermissionDenied):
        start_contact(database.unit_of_work(), viewer, ann["cell"], Channel.CALL, TRX, NOON)


def test_a_value_gone_or_a_moment_without_offset_is_refused(database, clerk, ann, refused):
    with refused(NotFound):
        start_contact(database.unit_of_work(), clerk, 999_999, Channel.CALL, TRX, NOON)
    with refused(ValueError, "UTC offset"):
        start_contact(database.unit_of_work(), clerk, ann["cell"], Channel.CALL, TRX,
                      datetime(2026, 3, 3, 12, 0))
