"""Phones and emails through the services: primaries, statuses, edits, consent, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    Source,
    TextConsent,
)
from contact_desk.domain.errors import (
    ConflictError,
    InvalidValue,
    NotAllowed,
    PermissionDenied,
)
from contact_desk.domain.history import Cause, Field
from contact_desk.services import contact_info
from contact_desk.services import contact_points as cp
from contact_desk.services.customers import create_customer, get_customer
from contact_desk.store.activity import AuditEvent
from contact_desk.store.customer import ContactPoint, Customer
from tests.consent import set_flag

PHONE_A = "(212) 555-0142"
PHONE_B = "(212) 555-0143"
PHONE_C = "(646) 555-0188"


@pytest.fixture
def customer_id(database, manager) -> int:
    return create_customer(
        database.unit_of_work(), manager, first_name="Ann", last_name="Lee", customer_number="C1"
    )


def _add(database, actor, customer_id, kind, text, source=Source.DEALER) -> int:
    return contact_info.add_contact_point(database.unit_of_work(), actor, customer_id, kind, text, source).added_id


def _dms(database, actor, customer_id, type_, text) -> int:
    """A value as the DMS sync puts it there (the sync shares new_contact_point)."""
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        point = cp.new_contact_point(uow.session, actor, customer, type_, text)
        cp.settle_primary(uow.session, actor, customer, type_.kind)
        uow.commit()
        return point.id


def _view(database, customer_id=1):
    return get_customer(database.unit_of_work(), str(customer_id))


def _primaries(database, customer_id, kind):
    with database.sessions() as session:
        return session.scalars(
            select(ContactPoint.id).where(
                ContactPoint.customer_id == customer_id,
                ContactPoint.kind == kind,
                ContactPoint.is_primary,
            )
        ).all()


def _audit_count(database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent))


def test_the_first_active_phone_becomes_primary(database, manager, customer_id):
    first = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    _add(database, manager, customer_id, ContactKind.PHONE, PHONE_B)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [first]


def test_the_dms_cell_is_the_default_primary(database, manager, customer_id):
    _dms(database, manager, customer_id, ContactPointType.DMS_HOME, PHONE_A)
    cell = _dms(database, manager, customer_id, ContactPointType.DMS_CELL, PHONE_B)
    contact_info.set_contact_point_status(database.unit_of_work(), manager, cell, ContactStatus.INACTIVE)
    contact_info.set_contact_point_status(database.unit_of_work(), manager, cell, ContactStatus.ACTIVE)
    # The home phone became primary while the cell was inactive, and a chosen or
    # defaulted primary stays while it is active.
    home = _view(database).phones[0]
    assert home.type is ContactPointType.DMS_HOME and home.is_primary


def test_choosing_a_primary_unchecks_the_old_one_in_the_same_transaction(
    database, manager, customer_id
):
    first = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    second = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_B)
    contact_info.set_primary(database.unit_of_work(), manager, second)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [second]
    contact_info.set_primary(database.unit_of_work(), manager, first)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [first]


def test_an_inactive_or_invalid_value_cannot_be_made_primary(database, manager, customer_id):
    _add(database, manager, customer_id, ContactKind.EMAIL, "ann@example.com")
    other = _add(database, manager, customer_id, ContactKind.EMAIL, "ann.lee@example.org")
    for status, word in ((ContactStatus.INACTIVE, "inactive"), (ContactStatus.INVALID, "invalid")):
        contact_info.set_contact_point_status(database.unit_of_work(), manager, other, status)
        with pytest.raises(NotAllowed, match=word):
            contact_info.set_primary(database.unit_of_work(), manager, other)
    assert other not in _primaries(database, customer_id, ContactKind.EMAIL)
    view = _view(database)
    assert "invalid" in view.emails[1].why_not_primary
    assert view.emails[0].why_not_primary is None


def test_deactivating_the_primary_moves_it_logs_the_move_and_warns(database, manager, customer_id):
    first = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    second = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_B)
    contact_info.set_contact_point_status(database.unit_of_work(), manager, first, ContactStatus.INACTIVE)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [second]
    with database.sessions() as session:
        move = session.scalars(
            select(AuditEvent).where(AuditEvent.field == Field.PRIMARY_PHONE).order_by(AuditEvent.id.desc())
        ).first()
    assert (move.old, move.new) == ("(212) 555-0142", "(212) 555-0143")
    assert move.reason.startswith(cp.MOVED) and move.user_id == manager.user_id
    assert any("moved to (212) 555-0143" in w for w in _view(database).warnings)


def test_with_no_active_value_there_is_no_primary_and_the_card_warns(database, manager, customer_id):
    only = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    contact_info.set_contact_point_status(database.unit_of_work(), manager, only, ContactStatus.INVALID)
    assert _primaries(database, customer_id, ContactKind.PHONE) == []
    view = _view(database)
    status_date = view.phones[0].status_date.isoformat()
    assert (
        f"This customer will not receive texts: no active phone number since {status_date}."
        in view.warnings
    )
    contact_info.set_contact_point_status(database.unit_of_work(), manager, only, ContactStatus.ACTIVE)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [only]


def test_do_not_text_on_the_primary_and_an_email_opt_out_warn(database, manager, customer_id):
    phone = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    email = _add(database, manager, customer_id, ContactKind.EMAIL, "ann@example.com")
    set_flag(database.unit_of_work(), manager, phone, text_consent=TextConsent.OPTED_OUT)
    set_flag(database.unit_of_work(), manager, email, marketing_opt_out=True)
    view = _view(database)
    assert view.phones[0].do_not_text, "a STOP reply means do-not-text"
    assert view.phones[0].status is ContactStatus.ACTIVE, "consent is kept apart from status"
    assert any("do-not-text" in w for w in view.warnings)
    assert any("opted out" in w for w in view.warnings)
    with pytest.raises(NotAllowed):
        set_flag(database.unit_of_work(), manager, email, do_not_call=True)


def test_phones_are_stored_in_e164_and_shown_nationally(database, manager, customer_id):
    _add(database, manager, customer_id, ContactKind.PHONE, "212.555.0142 ext. 7")
    _add(database, manager, customer_id, ContactKind.PHONE, "+44 20 7946 0958")
    _add(database, manager, customer_id, ContactKind.EMAIL, "  Ann.Lee@Example.COM ")
    view = _view(database)
    assert [(p.value, p.extension, p.display) for p in view.phones] == [
        ("+12125550142", "7", "(212) 555-0142 ext. 7"),
        ("+442079460958", "", "+44 20 7946 0958"),
    ]
    assert view.emails[0].value == "ann.lee@example.com"
    assert view.phones[0].can_receive_texts and not view.phones[1].can_receive_texts


def test_bad_input_is_refused_and_nothing_is_written(database, manager, customer_id):
    before = _audit_count(database)
    with pytest.raises(InvalidValue, match="not a valid phone number"):
        _add(database, manager, customer_id, ContactKind.PHONE, "555-12")
    with pytest.raises(InvalidValue, match="not a valid email"):
        _add(database, manager, customer_id, ContactKind.EMAIL, "ann@@example")
    _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    with pytest.raises(NotAllowed, match="already on this customer"):
        _add(database, manager, customer_id, ContactKind.PHONE, "+1 212 555 0142")
    assert len(_view(database).phones) == 1
    assert _audit_count(database) == before + 2  # the one phone added, and it became primary


def test_editing_a_value_keeps_its_type_primary_and_history(database, manager, customer_id):
    dms = _dms(database, manager, customer_id, ContactPointType.DMS_CELL, PHONE_A)
    contact_info.edit_contact_point(database.unit_of_work(), manager, dms, PHONE_C)
    phone = _view(database).phones[0]
    assert (phone.type, phone.display, phone.is_primary) == (
        ContactPointType.DMS_CELL, "(646) 555-0188", True)
    with database.sessions() as session:
        edit = session.scalars(select(AuditEvent).where(AuditEvent.field == Field.VALUE)).one()
    assert (edit.old, edit.new) == ("(212) 555-0142", "(646) 555-0188")


def test_a_stale_copy_of_the_customer_is_refused(database, manager, customer_id):
    first = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    second = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_B)
    seen = _view(database).version
    contact_info.set_primary(database.unit_of_work(), manager, second, expected_version=seen)
    with pytest.raises(ConflictError, match="Another desk"):
        contact_info.set_primary(database.unit_of_work(), manager, first, expected_version=seen)
    assert _primaries(database, customer_id, ContactKind.PHONE) == [second]


def test_changes_need_the_edit_permission(database, customer_id):
    guest = Actor(user_id=None, name="Guest", permissions=frozenset())
    with pytest.raises(PermissionDenied, match="Guest does not have the permission"):
        _add(database, guest, customer_id, ContactKind.PHONE, PHONE_A)


def test_set_primary_by_value_finds_the_number_in_any_format(database, manager, customer_id):
    _add(database, manager, customer_id, ContactKind.PHONE, PHONE_A)
    second = _add(database, manager, customer_id, ContactKind.PHONE, PHONE_B)
    shown = cp.set_primary_by_value(database.unit_of_work(), manager, "C1", "+1 212-555-0143")
    assert shown == "(212) 555-0143"
    assert _primaries(database, customer_id, ContactKind.PHONE) == [second]
    with pytest.raises(InvalidValue, match="is not one of Ann Lee's phones"):
        cp.set_primary_by_value(database.unit_of_work(), manager, "C1", PHONE_C)


def test_every_change_writes_an_audit_event_with_who(database, clerk, customer_id):
    point = _add(database, clerk, customer_id, ContactKind.PHONE, PHONE_A)
    set_flag(database.unit_of_work(), clerk, point, do_not_call=True)
    contact_info.set_contact_point_status(database.unit_of_work(), clerk, point, ContactStatus.INACTIVE)
    with database.sessions() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.user_id == clerk.user_id).order_by(AuditEvent.id)
        ).all()
    assert [(e.field, e.cause) for e in events] == [
        (Field.ADDED, Cause.PERSON), (Field.PRIMARY_PHONE, Cause.DEFAULT_RULE),
        (Field.CALL_TRANSACTIONAL, Cause.PERSON), (Field.CALL_MARKETING, Cause.PERSON),
        (Field.STATUS, Cause.PERSON),
        (Field.PRIMARY_PHONE, Cause.DEFAULT_RULE)]
    assert (events[2].old, events[2].new) == ("NOT_ASKED", "OPTED_OUT")  # codes, never labels
    assert (events[4].old, events[4].new) == ("ACTIVE", "INACTIVE")
