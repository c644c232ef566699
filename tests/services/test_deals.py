"""The open deal: its interested and trade-in vehicles, and a source that a lead's deal keeps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import DealStage, DealVehicleKind, VehicleSource
from contact_desk.domain.errors import InvalidValue, NotAllowed, NotFound, PermissionDenied
from contact_desk.services.deals import add_deal_vehicle, change_deal_source
from contact_desk.services.garage import add_vehicle, garage
from contact_desk.store.sales import Deal, Vehicle

LOCKED = "This deal came from an ADF lead from Cars.com: its source cannot change."


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer()


@pytest.fixture
def new_deal(database, customer_id) -> Callable[..., int]:
    """A deal as the ADF import or the DMS would leave it (no service creates deals yet)."""

    def create(stage: DealStage = DealStage.CONTACTED, source: str = "Walk-in",
               source_locked: bool = False) -> int:
        with database.sessions() as session:
            deal = Deal(customer_id=customer_id, stage=stage, source=source,
                        source_locked=source_locked)
            session.add(deal)
            session.commit()
            return deal.id

    return create


def _deal(database, deal_id: int) -> Deal:
    with database.sessions() as session:
        deal = session.get(Deal, deal_id)
        session.expunge(deal)
        return deal


def _vehicle(database, vehicle_id: int) -> Vehicle | None:
    with database.sessions() as session:
        return session.get(Vehicle, vehicle_id)


# ---------------------------------------------------------------- the source


def test_a_user_with_the_permission_changes_the_source_and_it_is_audited(
    database, manager, new_deal, audit_trail
):
    deal_id = new_deal(source="Walk-in")
    change_deal_source(database.unit_of_work(), manager, deal_id, "  Phone-up ")
    assert _deal(database, deal_id).source == "Phone-up"
    [event] = audit_trail(entity="deal")
    assert (event.entity_id, event.field, event.old, event.new, event.user_id) == (
        deal_id, "source", "Walk-in", "Phone-up", manager.user_id)


def test_the_same_source_again_writes_nothing(database, manager, new_deal, audit_trail):
    deal_id = new_deal(source="Walk-in")
    change_deal_source(database.unit_of_work(), manager, deal_id, "Walk-in")
    assert audit_trail(entity="deal") == []


def test_nobody_changes_the_source_of_a_deal_from_an_adf_lead(database, manager, new_deal, refused):
    deal_id = new_deal(source="Cars.com", source_locked=True)
    with refused(NotAllowed, LOCKED):
        change_deal_source(database.unit_of_work(), manager, deal_id, "Walk-in")


def test_a_user_without_the_permission_may_not_change_the_source(
    database, clerk, new_deal, refused
):
    deal_id = new_deal()
    with refused(PermissionDenied, "Casey Clerk does not have the permission to change a deal's"):
        change_deal_source(database.unit_of_work(), clerk, deal_id, "Phone-up")


@pytest.mark.parametrize(("source", "message"), [
    ("   ", "Choose where the deal came from"), ("x" * 121, "at most 120 characters"),
])
def test_an_empty_or_too_long_source_is_refused(
    database, manager, new_deal, refused, source, message
):
    deal_id = new_deal()
    with refused(InvalidValue, message) as raised:
        change_deal_source(database.unit_of_work(), manager, deal_id, source)
    assert raised.value.field == "source"


def test_a_deal_that_is_gone_is_refused(database, manager, clerk, refused):
    with refused(NotFound, "That deal no longer exists"):
        change_deal_source(database.unit_of_work(), manager, 999, "Walk-in")
    with refused(NotFound, "That deal no longer exists"):
        add_deal_vehicle(database.unit_of_work(), clerk, 999, "interested", None, 2026, "Honda",
                         "CR-V")


# ---------------------------------------------------------------- interested and trade-in


def test_the_vehicle_the_customer_wants_goes_on_the_deal_without_a_vin_and_not_in_the_garage(
    database, clerk, customer_id, new_deal, audit_trail
):
    deal_id = new_deal()
    vehicle_id = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested", "",
                                  2026, "Honda", "CR-V")
    assert _deal(database, deal_id).interested_vehicle_id == vehicle_id
    wanted = _vehicle(database, vehicle_id)
    assert (wanted.title, wanted.vin, wanted.owned, wanted.source) == (
        "2026 Honda CR-V", "", False, VehicleSource.MANUAL)
    with database.sessions() as session:
        assert garage(session, customer_id) == ()
    [event] = audit_trail(entity="deal")
    assert (event.field, event.old, event.new) == ("interested_vehicle", None, "2026 Honda CR-V")


def test_a_new_interested_vehicle_replaces_the_old_which_no_one_owns(
    database, clerk, new_deal, vin, audit_trail
):
    deal_id = new_deal()
    first = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, DealVehicleKind.INTERESTED,
                             None, 2026, "Honda", "CR-V")
    second = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "Interested vehicle",
                              vin(1), 2026, "Honda", "Pilot")
    assert _deal(database, deal_id).interested_vehicle_id == second
    assert _vehicle(database, first) is None
    assert _vehicle(database, second).vin == vin(1)
    assert [(e.old, e.new) for e in audit_trail(entity="deal")] == [
        (None, "2026 Honda CR-V"), ("2026 Honda CR-V", "2026 Honda Pilot")]


def test_a_trade_in_needs_a_vin_and_joins_the_garage(
    database, clerk, customer_id, new_deal, vin, refused, audit_trail
):
    deal_id = new_deal()
    with refused(InvalidValue, "Type the VIN"):
        add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", "", 2015, "Ford",
                         "F-150")
    vehicle_id = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", vin(1),
                                  2015, "Ford", "F-150")
    assert _deal(database, deal_id).trade_in_vehicle_id == vehicle_id
    with database.sessions() as session:
        assert [v.id for v in garage(session, customer_id)] == [vehicle_id]
    [added] = audit_trail(entity="vehicle")
    assert (added.field, added.new, added.reason) == (
        "added", f"2015 Ford F-150 ({vin(1)})", f"trade-in on deal {deal_id}")
    [event] = audit_trail(entity="deal")
    assert (event.field, event.new) == ("trade_in_vehicle", "2015 Ford F-150")


def test_a_trade_in_already_in_the_garage_is_used_as_it_is(
    database, clerk, customer_id, new_deal, vin
):
    owned = add_vehicle(database.unit_of_work(), clerk, customer_id, vin(1), 2015, "Ford",
                        "F-150").vehicle_id
    deal_id = new_deal()
    assert add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", vin(1), 2015,
                            "Ford", "F-150") == owned
    with database.sessions() as session:
        assert len(session.scalars(select(Vehicle)).all()) == 1
    assert _deal(database, deal_id).trade_in_vehicle_id == owned


def test_a_replaced_trade_in_stays_in_the_garage(database, clerk, customer_id, new_deal, vin):
    deal_id = new_deal()
    first = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", vin(1), 2015,
                             "Ford", "F-150")
    second = add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", vin(2), 2017,
                              "Ford", "Escape")
    assert _deal(database, deal_id).trade_in_vehicle_id == second
    with database.sessions() as session:
        assert [v.id for v in garage(session, customer_id)] == [second, first]


def test_the_trade_in_cannot_be_the_vehicle_the_customer_wants(
    database, clerk, new_deal, vin, refused
):
    deal_id = new_deal()
    add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested", vin(1), 2026, "Honda",
                     "CR-V")
    with refused(NotAllowed, "cannot be the same vehicle"):
        add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "trade-in", vin(1), 2026,
                         "Honda", "CR-V")


@pytest.mark.parametrize("stage", [DealStage.DELIVERED, DealStage.LOST])
def test_vehicles_are_added_only_to_an_open_deal(database, clerk, new_deal, vin, refused, stage):
    deal_id = new_deal(stage=stage)
    with refused(NotAllowed, f"This deal is {stage.label.lower()}; vehicles can be added only"):
        add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested", None, 2026,
                         "Honda", "CR-V")


def test_a_wrong_kind_or_vin_is_refused(database, clerk, new_deal, refused):
    deal_id = new_deal()
    with refused(InvalidValue, "'lease' is not a deal vehicle: say interested or trade-in"):
        add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "lease", None, 2026, "Honda",
                         "CR-V")
    with refused(InvalidValue, "check digit"):
        add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested",
                         "1HGCM82643A004352", 2026, "Honda", "CR-V")


def test_only_a_user_who_may_edit_customers_adds_deal_vehicles(
    database, viewer, new_deal, vin, refused
):
    deal_id = new_deal()
    with refused(PermissionDenied, "Val Viewer does not have the permission to edit customers"):
        add_deal_vehicle(database.unit_of_work(), viewer, deal_id, "trade-in", vin(1), 2015,
                         "Ford", "F-150")


def test_a_locked_source_does_not_stop_vehicles_being_added(
    database, clerk, new_deal, vin
):
    deal_id = new_deal(source="Cars.com", source_locked=True)
    add_deal_vehicle(database.unit_of_work(), clerk, deal_id, "interested", None, 2026, "Honda",
                     "CR-V")
    deal = _deal(database, deal_id)
    assert deal.interested_vehicle_id and (deal.source, deal.source_locked) == ("Cars.com", True)
