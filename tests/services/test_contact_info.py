"""The edit dialog's Save: every change in one transaction, and undo as its inverse."""

from __future__ import annotations

import pytest

from contact_desk.domain.enums import ContactKind, ContactPointType, ContactStatus, Source
from contact_desk.domain.errors import ConflictError, InvalidValue, NotAllowed, PermissionDenied
from contact_desk.services import contact_points as cp
from contact_desk.services.contact_info import (
    ContactInfoChanges,
    NewPoint,
    PointChange,
    save_contact_info,
    undo_changes,
)
from contact_desk.services.customers import get_customer
from contact_desk.store.customer import Customer

PHONE, EMAIL = ContactKind.PHONE, ContactKind.EMAIL


@pytest.fixture
def ann(database, manager, new_customer) -> int:
    customer = new_customer(customer_number="C1")
    with database.unit_of_work() as uow:
        row = uow.session.get(Customer, customer)
        for type_, text in ((ContactPointType.DMS_CELL, "(212) 555-0142"),
                            (ContactPointType.DMS_HOME, "(212) 555-0143"),
                            (ContactPointType.DMS_EMAIL, "ann@example.com")):
            cp.new_contact_point(uow.session, manager, row, type_, text)
        for kind in ContactKind:
            cp.settle_primary(uow.session, manager, row, kind)
        uow.commit()
    return customer


def view(database, customer_id):
    return get_customer(database.unit_of_work(), customer_id)


def save(database, actor, customer_id, changes, version=None):
    version = view(database, customer_id).version if version is None else version
    return save_contact_info(database.unit_of_work(), actor, customer_id, changes, version)


def by_display(points):
    return {p.display: p for p in points}


def test_corrections_additions_and_deactivations_are_saved_together(database, manager, ann,
                                                                   audit_trail):
    before = view(database, ann)
    cell, home = before.phones
    saved = save(database, manager, ann, ContactInfoChanges(
        edits=(PointChange(home.id, text="212 555 0144"),
               PointChange(cell.id, status=ContactStatus.INACTIVE)),
        additions=(NewPoint(EMAIL, "Ann.Work@Example.com"),),
    ))
    after = view(database, ann)
    phones = by_display(after.phones)
    assert phones["(212) 555-0142"].status is ContactStatus.INACTIVE
    assert phones["(212) 555-0144"].is_primary  # the primary moved off the inactive cell
    added = by_display(after.emails)["ann.work@example.com"]
    assert added.type is ContactPointType.DEALER_EMAIL and saved.added_ids == (added.id,)
    fields = [event.field for event in audit_trail(customer_id=ann)]
    assert {"value", "status", "added", "primary_phone"} <= set(fields)


def test_one_bad_value_keeps_every_other_change_out(database, manager, ann, refused):
    home = view(database, ann).phones[1]
    with refused(InvalidValue, "not a valid phone number"):
        save(database, manager, ann, ContactInfoChanges(
            edits=(PointChange(home.id, status=ContactStatus.INVALID),),
            additions=(NewPoint(PHONE, "555-01"),),
        ))


def test_a_value_already_on_the_customer_is_refused(database, manager, ann, refused):
    home = view(database, ann).phones[1]
    with refused(NotAllowed, "already on this customer"):
        save(database, manager, ann, ContactInfoChanges(
            edits=(PointChange(home.id, text="+1 212 555 0142"),)))


def test_a_stale_copy_is_refused_and_nothing_is_overwritten(database, manager, ann, refused):
    stale = view(database, ann)
    save(database, manager, ann, ContactInfoChanges(primaries=(stale.phones[1].id,)))
    with refused(ConflictError, "Another desk"):
        save(database, manager, ann, ContactInfoChanges(
            edits=(PointChange(stale.phones[0].id, text="(212) 555-0199"),)), stale.version)


def test_a_user_without_the_permission_changes_nothing(database, viewer, ann, refused):
    with refused(PermissionDenied):
        save(database, viewer, ann, ContactInfoChanges(additions=(NewPoint(PHONE, "2125550150"),)))


def test_a_dms_value_cannot_be_removed_only_deactivated(database, manager, ann, refused):
    cell = view(database, ann).phones[0]
    with refused(NotAllowed, "comes from the DMS"):
        save(database, manager, ann, ContactInfoChanges(removals=(cell.id,)))


def test_an_inactive_value_cannot_be_chosen_as_primary(database, manager, ann, refused):
    home = view(database, ann).phones[1]
    save(database, manager, ann, ContactInfoChanges(
        edits=(PointChange(home.id, status=ContactStatus.INACTIVE),)))
    with refused(NotAllowed):
        save(database, manager, ann, ContactInfoChanges(primaries=(home.id,)))


def test_undo_takes_the_customer_back_exactly(database, manager, ann):
    before = view(database, ann)
    cell, home = before.phones
    changes = ContactInfoChanges(
        edits=(PointChange(home.id, text="(212) 555-0144"),
               PointChange(cell.id, status=ContactStatus.INACTIVE)),
        additions=(NewPoint(PHONE, "(646) 555-0188"),),
    )
    saved = save(database, manager, ann, changes)
    save(database, manager, ann, undo_changes(before, changes, saved))
    after = view(database, ann)
    shape = [(p.id, p.value, p.status, p.is_primary) for p in (*after.phones, *after.emails)]
    assert shape == [(p.id, p.value, p.status, p.is_primary)
                     for p in (*before.phones, *before.emails)]


def test_undo_of_a_primary_choice_rechecks_the_old_primary(database, manager, ann):
    before = view(database, ann)
    changes = ContactInfoChanges(primaries=(before.phones[1].id,))
    saved = save(database, manager, ann, changes)
    assert view(database, ann).phones[1].is_primary
    save(database, manager, ann, undo_changes(before, changes, saved))
    assert [p.is_primary for p in view(database, ann).phones] == [True, False]


def test_a_customer_added_value_can_be_taken_back(database, manager, ann):
    added = save(database, manager, ann, ContactInfoChanges(
        additions=(NewPoint(PHONE, "(646) 555-0188", Source.CUSTOMER),))).added_ids
    save(database, manager, ann, ContactInfoChanges(removals=added))
    assert "(646) 555-0188" not in by_display(view(database, ann).phones)
