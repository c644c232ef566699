"""Both DMS numbers of a merge stay known: the sync of either updates the survivor, never
makes the merged-in customer again, and the two DMS records never take turns at the
survivor's values (re-running the same file changes nothing)."""

from __future__ import annotations

from sqlalchemy import func, select

from contact_desk.domain.merge import MergeChoices
from contact_desk.services.customers import create_customer, open_customer
from contact_desk.services.merge import merge_customers, unmerge
from contact_desk.store.customer import Customer
from contact_desk.sync.dms import sync_dms
from tests.sync.conftest import customer, points

ANN = {"customer_number": "C1", "first_name": "Ann", "last_name": "Lee",
       "cell_phone": "+13125550100", "email": "ann@example.com", "city": "Springfield"}
ANNE = {"customer_number": "C2", "first_name": "Anne", "last_name": "Lee",
        "cell_phone": "+13125550142", "home_phone": "+13125550100",
        "email": "anne@example.com", "city": "Chicago", "vin": "1HGCM82633A004352",
        "vehicle_year": "2019", "vehicle_make": "Honda", "vehicle_model": "Civic"}


def customers(database) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(Customer))


def _two_dms_customers_merged(database, manager, export):
    sync_dms(database, manager, export([ANN, ANNE]))
    keep, other = customer(database, "C1"), customer(database, "C2")
    done = merge_customers(database.unit_of_work(), manager, keep.id, other.id)
    return keep.id, other.id, done


def test_the_same_file_again_changes_nothing_and_makes_nobody(database, manager, export):
    keep, other, _ = _two_dms_customers_merged(database, manager, export)
    merged = points(customer(database, "C1"))
    assert sorted(value for _, value, _, _ in merged) == [
        "+13125550100", "+13125550142", "ann@example.com", "anne@example.com"]

    again = sync_dms(database, manager, export([ANN, ANNE]))

    assert (again.customers_created, again.customers_updated, again.unchanged) == (0, 0, 2)
    assert (again.values_added, again.values_deactivated) == (0, 0)
    assert customers(database) == 2
    assert points(customer(database, "C1")) == merged
    assert customer(database, "C2").id == keep
    survivor = customer(database, "C1")
    assert (survivor.first_name, survivor.city) == ("Ann", "Springfield")


def test_a_change_under_the_merged_in_number_updates_the_survivor(database, manager, export):
    keep, other, _ = _two_dms_customers_merged(database, manager, export)
    moved = dict(ANNE, cell_phone="+13125550199", vehicle_year="2023", vin="",
                 vehicle_make="Toyota", vehicle_model="RAV4", city="Evanston")

    report = sync_dms(database, manager, export([ANN, moved]))

    assert (report.customers_created, report.customers_updated) == (0, 1)
    survivor = customer(database, "C1")
    status = {value: (state, primary) for _, value, state, primary in points(survivor)}
    assert status == {"+13125550100": ("ACTIVE", True), "+13125550142": ("INACTIVE", False),
                      "+13125550199": ("ACTIVE", False), "ann@example.com": ("ACTIVE", True),
                      "anne@example.com": ("ACTIVE", False)}
    assert survivor.city == "Springfield"  # the survivor's own record says where she lives
    assert customers(database) == 2
    assert open_customer(database.unit_of_work(), other).phones == ()
    with database.sessions() as session:
        from contact_desk.store.sales import Vehicle

        assert sorted(v.make for v in session.scalars(
            select(Vehicle).where(Vehicle.customer_id == keep))) == ["Honda", "Toyota"]
    again = sync_dms(database, manager, export([ANN, moved]))
    assert (again.customers_updated, again.unchanged) == (0, 2)


def test_a_change_under_the_survivor_number_leaves_the_merged_in_values(
        database, manager, export):
    _two_dms_customers_merged(database, manager, export)
    report = sync_dms(database, manager, export([dict(ANN, email="", city="Peoria")]))

    survivor = customer(database, "C1")
    status = {value: state for _, value, state, _ in points(survivor)}
    assert status["ann@example.com"] == "INACTIVE" and status["anne@example.com"] == "ACTIVE"
    assert [e.value for e in survivor.emails if e.is_primary] == ["anne@example.com"]
    assert survivor.city == "Peoria" and report.customers_updated == 1


def test_a_survivor_with_no_number_is_synced_under_the_number_it_took(
        database, manager, export):
    sync_dms(database, manager, export([ANNE]))
    walk_in = create_customer(database.unit_of_work(), manager, first_name="Anne",
                              last_name="Lee")
    merge_customers(database.unit_of_work(), manager, walk_in, customer(database, "C2").id,
                    MergeChoices())
    report = sync_dms(database, manager, export([dict(ANNE, city="Evanston")]))
    survivor = customer(database, "C2")
    assert survivor.id == walk_in and survivor.city == "Evanston"
    assert (report.customers_created, report.customers_updated) == (0, 1)
    assert customers(database) == 2


def test_after_unmerge_each_number_syncs_its_own_customer_again(database, manager, export):
    keep, other, done = _two_dms_customers_merged(database, manager, export)
    unmerge(database.unit_of_work(), manager, done.merge_id)
    again = sync_dms(database, manager, export([ANN, ANNE]))
    assert (again.customers_created, again.customers_updated, again.unchanged) == (0, 0, 2)
    assert customer(database, "C2").id == other
    assert [p.value for p in customer(database, "C2").phones] == ["+13125550142",
                                                                 "+13125550100"]


CARD = """BEGIN:VCARD
VERSION:3.0
N:Davidson;Jonathan;;;
FN:Jonathan Davidson
TEL;TYPE=WORK:(312) 555-0177
X-CONTACT-DESK-CUSTOMER-NUMBER:C2
END:VCARD
"""


def test_a_card_carrying_the_merged_in_number_goes_to_the_survivor(database, manager,
                                                                   tmp_path):
    from contact_desk.sync.vcard import import_vcards

    keep = create_customer(database.unit_of_work(), manager, first_name="Jonathan",
                           last_name="Davidson", customer_number="C1")
    other = create_customer(database.unit_of_work(), manager, first_name="Jon",
                            last_name="Davidson", customer_number="C2")
    merge_customers(database.unit_of_work(), manager, keep, other)
    path = tmp_path / "card.vcf"
    path.write_text(CARD, encoding="utf-8")

    report = import_vcards(database, manager, path)

    assert (report.customers_created, report.customers_matched) == (0, 1)
    assert [p.value for p in customer(database, "C1").phones] == ["+13125550177"]
    assert customers(database) == 2
