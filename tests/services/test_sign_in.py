"""Who acts: a known, active user; the computer login that made the database is its first
manager; nobody built in may do everything; and each use case checks its own permission."""

from __future__ import annotations

import pytest

from contact_desk.services import contact_info
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    Permission,
)
from contact_desk.domain.errors import NotAllowed, NotFound, PermissionDenied
from contact_desk.os_login import os_login
from contact_desk.services import contact_points as cp
from contact_desk.services import sign_in, users
from contact_desk.services.contact_info import (
    ContactInfoChanges,
    PointChange,
    save_contact_info,
)
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.sync.vcard import export_vcards

DMS_DATA = "does not have the permission to correct or deactivate a phone or email that " \
           "comes from the DMS"


def test_the_login_that_created_the_database_is_its_manager_and_needs_no_pin(database):
    me = sign_in.act_as(database.unit_of_work(), None, os_login())
    assert me.name == os_login() and me.permissions == frozenset(Permission)


@pytest.mark.parametrize("login", ["command-line", "", "   ", "nobody"])
def test_nobody_built_in_empty_or_unknown_acts(database, login):
    with pytest.raises(NotFound):
        sign_in.act_as(database.unit_of_work(), login, os_login())


def test_a_computer_login_the_database_does_not_know_is_refused(database):
    with pytest.raises(NotFound, match="'someone-else' of this computer is not a Contact Desk"):
        sign_in.act_as(database.unit_of_work(), None, "someone-else")
    with pytest.raises(NotFound, match="This computer's login is not"):
        sign_in.act_as(database.unit_of_work(), None, None)


def test_a_user_mapped_to_a_computer_login_acts_from_it(database, manager):
    users.create_user(database.unit_of_work(), manager, "casey", "Casey Clerk",
                      [Permission.EDIT_CUSTOMERS], os_login="CASEY-PC")
    casey = sign_in.act_as(database.unit_of_work(), None, "casey-pc")
    assert casey.name == "Casey Clerk" and casey.permissions == {Permission.EDIT_CUSTOMERS}


def test_only_a_user_who_may_manage_users_adds_or_removes_one(database, clerk, refused):
    with refused(PermissionDenied, "Casey Clerk does not have the permission to manage users"):
        users.create_user(database.unit_of_work(), clerk, "sneaky", "Sneaky", list(Permission))
    with refused(PermissionDenied, "Casey Clerk does not have the permission to manage users"):
        users.deactivate_user(database.unit_of_work(), clerk, "clerk")


def test_the_last_manager_stays(database, manager, refused):
    me = sign_in.act_as(database.unit_of_work(), None, os_login())
    with refused(NotAllowed, "the only user who may manage users"):
        users.deactivate_user(database.unit_of_work(), me, os_login())


def test_a_computer_login_acts_as_one_user_only(database, manager, refused):
    with refused(NotAllowed, "already acts as"):
        users.create_user(database.unit_of_work(), manager, "twin", "Twin", [],
                          os_login=os_login())


def test_a_clerk_cannot_export_the_customers(database, clerk, new_customer, tmp_path):
    new_customer()
    with pytest.raises(PermissionDenied, match="Casey Clerk does not have the permission to "
                                               "export customers"):
        export_vcards(database, clerk, tmp_path / "all.vcf")
    assert not (tmp_path / "all.vcf").exists()


@pytest.fixture
def dms_cell(database, manager, new_customer) -> int:
    customer_id = new_customer()
    with database.unit_of_work() as uow:
        customer = uow.session.get(Customer, customer_id)
        point = cp.new_contact_point(uow.session, manager, customer, ContactPointType.DMS_CELL,
                                     "(212) 555-0142")
        cp.settle_primary(uow.session, manager, customer, ContactKind.PHONE)
        uow.commit()
        return point.id


def test_a_clerk_cannot_correct_or_deactivate_a_dms_phone(database, clerk, dms_cell, refused):
    with refused(PermissionDenied, f"Casey Clerk {DMS_DATA}"):
        contact_info.edit_contact_point(database.unit_of_work(), clerk, dms_cell, "(212) 555-0177")
    with refused(PermissionDenied, DMS_DATA):
        contact_info.set_contact_point_status(database.unit_of_work(), clerk, dms_cell,
                                    ContactStatus.INACTIVE)
    with database.unit_of_work() as uow:
        customer_id = uow.session.get(ContactPoint, dms_cell).customer_id
    for change in (PointChange(dms_cell, text="(212) 555-0177"),
                   PointChange(dms_cell, status=ContactStatus.INVALID)):
        with refused(PermissionDenied, DMS_DATA):
            save_contact_info(database.unit_of_work(), clerk, customer_id,
                              ContactInfoChanges(edits=(change,)))


def test_a_clerk_still_corrects_a_dealer_phone_and_a_manager_a_dms_one(
        database, clerk, manager, dms_cell):
    with database.unit_of_work() as uow:
        customer_id = uow.session.get(ContactPoint, dms_cell).customer_id
    dealer = contact_info.add_contact_point(database.unit_of_work(), clerk, customer_id, ContactKind.PHONE,
                                  "(212) 555-0150").added_id
    contact_info.edit_contact_point(database.unit_of_work(), clerk, dealer, "(212) 555-0151")
    contact_info.edit_contact_point(database.unit_of_work(), manager, dms_cell, "(212) 555-0177")
    with database.unit_of_work() as uow:
        values = {uow.session.get(ContactPoint, i).value for i in (dealer, dms_cell)}
    assert values == {"+12125550151", "+12125550177"}
