"""The garage: vehicles a customer owns, added by hand with a checked VIN, corrected, removed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import DealStage, VehicleSource
from contact_desk.domain.errors import (
    ConflictError,
    InvalidValue,
    NotAllowed,
    NotFound,
    PermissionDenied,
)
from contact_desk.services.garage import add_vehicle, edit_vehicle, garage, remove_vehicle
from contact_desk.store.sales import Deal, Vehicle

NO_EDIT = "Val Viewer does not have the permission to edit customers"


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer()


def _garage(database, customer_id: int):
    with database.sessions() as session:
        return garage(session, customer_id)


def _vehicle(database, vehicle_id: int) -> Vehicle | None:
    with database.sessions() as session:
        return session.get(Vehicle, vehicle_id)


def test_a_vehicle_added_by_hand_is_in_the_garage_with_its_vin_checked_and_audited(
    database, clerk, customer_id, vin, audit_trail
):
    typed = vin(1).lower()[:5] + "-" + vin(1)[5:]
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, typed, 2019,
                             " Honda ", "Civic").vehicle_id
    [view] = _garage(database, customer_id)
    assert (view.id, view.vin, view.year, view.make, view.model, view.title) == (
        vehicle_id, vin(1), 2019, "Honda", "Civic", "2019 Honda Civic")
    assert view.source is VehicleSource.MANUAL and view.source_label == "Added by hand"
    stored = _vehicle(database, vehicle_id)
    assert stored.owned and stored.vin_reversed == vin(1)[::-1]
    [added] = audit_trail(entity="vehicle")
    assert (added.entity_id, added.field, added.new, added.reason, added.user_id) == (
        vehicle_id, "added", f"2019 Honda Civic ({vin(1)})", "Added by hand", clerk.user_id)


def test_the_garage_lists_owned_vehicles_newest_model_year_first(
    database, clerk, customer_id, vin
):
    years = (2012, 2024, None, 2018, 2024)
    ids = [add_vehicle(database.unit_of_work(), clerk, customer_id, vin(n), year, "Ford",
                       f"Model {n}").vehicle_id for n, year in enumerate(years)]
    other = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(9), 2025, "Kia",
                        "EV9").vehicle_id
    with database.sessions() as session:
        session.get(Vehicle, other).owned = False  # traded in long ago
        session.commit()
    listed = [view.id for view in _garage(database, customer_id)]
    assert listed == [ids[4], ids[1], ids[3], ids[0], ids[2]]


# Every reason is tested in tests/domain/test_vehicle.py and test_vin.py; here, nothing is written.
@pytest.mark.parametrize(("vin_typed", "year", "make", "model", "message"), [
    ("1HGCM82643A004352", 2019, "Honda", "Civic", "check digit"),
    ("", 2019, "Honda", "Civic", "Type the VIN"),
    (None, 2019, "", "Civic", "make"),
])
def test_a_vehicle_with_a_wrong_vin_or_missing_details_is_refused(
    database, clerk, customer_id, vin, refused, vin_typed, year, make, model, message
):
    with refused(InvalidValue, message):
        add_vehicle(database.unit_of_work(), clerk, customer_id,
                    vin(1) if vin_typed is None else vin_typed, year, make, model)


def test_the_same_vin_twice_in_one_garage_is_refused_but_another_customer_may_own_it(
    database, clerk, customer_id, new_customer, vin, refused
):
    add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019, "Honda", "Civic")
    with refused(NotAllowed, f"{vin(1)} is already in this customer's garage: the 2019 Honda"):
        add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2020, "Honda", "Civic")
    buyer = new_customer("Bo", "Park")
    add_vehicle(database.unit_of_work(), clerk, buyer, vin(1), 2019, "Honda", "Civic")
    assert [v.vin for v in _garage(database, buyer)] == [vin(1)]


def test_a_vehicle_is_corrected_field_by_field_each_change_audited(
    database, clerk, customer_id, vin, audit_trail
):
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019,
                             "Honda", "Civic").vehicle_id
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(2), 2019, "Honda", "Civic Si")
    stored = _vehicle(database, vehicle_id)
    assert (stored.vin, stored.vin_reversed, stored.model) == (vin(2), vin(2)[::-1], "Civic Si")
    changes = [(e.field, e.old, e.new) for e in audit_trail(entity="vehicle")][1:]
    assert changes == [("vin", vin(1), vin(2)), ("model", "Civic", "Civic Si")]
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(2), 2019, "Honda", "Civic Si")
    assert len(audit_trail(entity="vehicle")) == 3, "saving without a change records nothing"


def test_a_correction_is_refused_for_a_wrong_vin_or_one_already_in_the_garage(
    database, clerk, customer_id, vin, refused
):
    first = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019, "Honda",
                        "Civic").vehicle_id
    add_vehicle(database.unit_of_work(), clerk, customer_id, vin(2), 2021, "Honda", "Pilot")
    with refused(NotAllowed, "already in this customer's garage: the 2021 Honda Pilot"):
        edit_vehicle(database.unit_of_work(), clerk, first, vin(2), 2019, "Honda", "Civic")
    with refused(InvalidValue, "check digit"):
        edit_vehicle(database.unit_of_work(), clerk, first, "1HGCM82643A004352", 2019, "Honda",
                     "Civic")
    with refused(InvalidValue, "Type the VIN"):
        edit_vehicle(database.unit_of_work(), clerk, first, "", 2019, "Honda", "Civic")


def test_a_vehicle_that_came_without_a_vin_may_be_corrected_before_the_vin_is_known(
    database, clerk, customer_id, vin, refused
):
    with database.sessions() as session:
        lead_trade_in = Vehicle(customer_id=customer_id, vin="", vin_reversed="", year=2015,
                                make="Ford", model="F150", source=VehicleSource.LEAD, owned=True)
        session.add(lead_trade_in)
        session.commit()
        vehicle_id = lead_trade_in.id
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, "", 2015, "Ford", "F-150")
    assert _vehicle(database, vehicle_id).model == "F-150"
    with refused(InvalidValue, "check digit"):
        edit_vehicle(database.unit_of_work(), clerk, vehicle_id, "1HGCM82643A004352", 2015,
                     "Ford", "F-150")
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(1), 2015, "Ford", "F-150")
    with refused(InvalidValue, "Type the VIN"):
        edit_vehicle(database.unit_of_work(), clerk, vehicle_id, "", 2015, "Ford", "F-150")


def test_an_edit_or_removal_on_a_stale_copy_is_refused_and_nothing_is_written(
    database, clerk, customer_id, vin, audit_trail
):
    """Two desks open the same customer; the first to save wins, the second is told so."""
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019,
                             "Honda", "Civic").vehicle_id
    [here] = _garage(database, customer_id)
    [there] = _garage(database, customer_id)
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(1), 2020, "Honda", "Civic",
                 expected_version=there.version)

    with pytest.raises(ConflictError, match="Another desk changed the 2020 Honda Civic"):
        edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(1), 2019, "Honda",
                     "Civic Si", expected_version=here.version)
    with pytest.raises(ConflictError, match="Nothing was saved"):
        remove_vehicle(database.unit_of_work(), clerk, vehicle_id, expected_version=here.version)

    stored = _vehicle(database, vehicle_id)
    assert (stored.year, stored.model, stored.owned) == (2020, "Civic", True)
    assert [e.field for e in audit_trail(entity="vehicle")] == ["added", "year"]
    [now] = _garage(database, customer_id)
    assert now.version == here.version + 1
    edit_vehicle(database.unit_of_work(), clerk, vehicle_id, vin(1), 2020, "Honda", "Civic Si",
                 expected_version=now.version)
    remove_vehicle(database.unit_of_work(), clerk, vehicle_id,
                   expected_version=now.version + 1)
    assert _vehicle(database, vehicle_id) is None


def test_a_vehicle_no_deal_names_is_removed_for_good(
    database, clerk, customer_id, vin, audit_trail
):
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019, "Honda",
                             "Civic").vehicle_id
    remove_vehicle(database.unit_of_work(), clerk, vehicle_id)
    assert _vehicle(database, vehicle_id) is None
    assert _garage(database, customer_id) == ()
    removed = audit_trail(entity="vehicle", field="removed")
    assert [(e.entity_id, e.old, e.new) for e in removed] == [
        (vehicle_id, f"2019 Honda Civic ({vin(1)})", None)]


def test_a_vehicle_a_deal_names_leaves_the_garage_but_stays_on_the_deal(
    database, clerk, customer_id, vin, audit_trail
):
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2015, "Ford",
                             "F-150").vehicle_id
    with database.sessions() as session:
        deal = Deal(customer_id=customer_id, stage=DealStage.DELIVERED, source="Walk-in",
                    trade_in_vehicle_id=vehicle_id)
        session.add(deal)
        session.commit()
        deal_id = deal.id
    remove_vehicle(database.unit_of_work(), clerk, vehicle_id)
    assert _garage(database, customer_id) == ()
    assert not _vehicle(database, vehicle_id).owned
    with database.sessions() as session:
        assert session.get(Deal, deal_id).trade_in_vehicle_id == vehicle_id
    [event] = audit_trail(entity="vehicle", field="owned")
    assert (event.old, event.new, event.reason) == (
        "true", "false", f"removed from the garage; kept on deal {deal_id}")


def test_a_vehicle_not_in_the_garage_cannot_be_removed_from_it(
    database, clerk, customer_id, vin, refused
):
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2015, "Ford",
                             "F-150").vehicle_id
    with database.sessions() as session:
        session.get(Vehicle, vehicle_id).owned = False
        session.commit()
    with refused(NotAllowed, "The 2015 Ford F-150 is not in the garage"):
        remove_vehicle(database.unit_of_work(), clerk, vehicle_id)


def test_only_a_user_who_may_edit_customers_changes_the_garage(
    database, clerk, viewer, customer_id, vin, refused
):
    vehicle_id = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2019,
                             "Honda", "Civic").vehicle_id
    with refused(PermissionDenied, NO_EDIT):
        add_vehicle(database.unit_of_work(), viewer, customer_id, vin(2), 2019, "Honda", "Civic")
    with refused(PermissionDenied, NO_EDIT):
        edit_vehicle(database.unit_of_work(), viewer, vehicle_id, vin(2), 2019, "Honda", "Civic")
    with refused(PermissionDenied, NO_EDIT):
        remove_vehicle(database.unit_of_work(), viewer, vehicle_id)


def test_a_customer_or_vehicle_that_is_gone_is_refused(
    database, clerk, customer_id, vin, refused
):
    with refused(NotFound, "That customer no longer exists"):
        add_vehicle(database.unit_of_work(), clerk, customer_id + 1, vin(1), 2019, "Honda",
                    "Civic")
    with refused(NotFound, "That vehicle no longer exists"):
        edit_vehicle(database.unit_of_work(), clerk, 999, vin(1), 2019, "Honda", "Civic")
    with refused(NotFound, "That vehicle no longer exists"):
        remove_vehicle(database.unit_of_work(), clerk, 999)
    with database.sessions() as session:
        assert session.scalars(select(Vehicle)).all() == []
