"""The garage: the vehicles a customer owns, added by hand, corrected or removed at the desk."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission, VehicleSource
from contact_desk.domain.errors import ConflictError, NotAllowed
from contact_desk.domain.vehicle import VehicleDetails, check_vehicle
from contact_desk.services import audit
from contact_desk.services.lookup import check_version, get
from contact_desk.services.views import VehicleView
from contact_desk.store.customer import Customer
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide


@dataclass(frozen=True)
class GarageEntry:
    """A vehicle in the garage as a change left it: the version its next change expects."""

    vehicle_id: int
    version: int


@dataclass(frozen=True)
class RemovedVehicle:
    """What Remove took out of a garage, enough to put it back (Undo)."""

    customer_id: int
    vehicle_id: int
    details: VehicleDetails
    source: VehicleSource
    kept: bool  # still stored, no longer owned: a deal names it
    version: int  # its version after the removal, when kept


def garage(session: Session, customer_id: int) -> tuple[VehicleView, ...]:
    """The vehicles the customer owns, the newest model year first."""
    vehicles = session.scalars(
        select(Vehicle)
        .where(Vehicle.customer_id == customer_id, Vehicle.owned)
        .order_by(Vehicle.year.desc().nulls_last(), Vehicle.id.desc())
    )
    return tuple(vehicle_view(vehicle) for vehicle in vehicles)


def vehicle_view(vehicle: Vehicle) -> VehicleView:
    return VehicleView(id=vehicle.id, year=vehicle.year, make=vehicle.make, model=vehicle.model,
                       vin=vehicle.vin, title=vehicle.title, source=vehicle.source,
                       version=vehicle.version)


@retried_when_desks_collide
def add_vehicle(
    uow: UnitOfWork,
    actor: Actor,
    customer_id: int,
    vin: str,
    year: int | None,
    make: str,
    model: str,
) -> GarageEntry:
    """Add a vehicle the customer owns to the garage, by hand; its VIN must be valid."""
    actor.require(Permission.EDIT_CUSTOMERS)
    details = check_vehicle(vin, year, make, model)
    with uow:
        session = uow.session
        get(session, Customer, customer_id, "customer")
        vehicle = new_vehicle(session, customer_id, details, owned=True,
                              source=VehicleSource.MANUAL)
        audit.record(session, actor, customer_id, "vehicle", vehicle.id, "added", None,
                     described(details), reason=VehicleSource.MANUAL.label)
        uow.commit()
        return GarageEntry(vehicle.id, vehicle.version)


@retried_when_desks_collide
def edit_vehicle(
    uow: UnitOfWork,
    actor: Actor,
    vehicle_id: int,
    vin: str,
    year: int | None,
    make: str,
    model: str,
    expected_version: int | None = None,
) -> int:
    """Correct a vehicle's VIN, year, make or model; each changed field is audited.

    ``expected_version`` is the version the clerk saw: if another desk has changed the
    vehicle since, ConflictError, and nothing is written. Returns the version it left.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        vehicle = get(session, Vehicle, vehicle_id, "vehicle")
        check_version(vehicle, expected_version, _changed_elsewhere(vehicle))
        # A VIN once known stays; one that came without (a lead's trade-in) may wait.
        details = check_vehicle(vin, year, make, model,
                                vin_required=vehicle.owned and bool(vehicle.vin))
        if vehicle.owned and details.vin != vehicle.vin:
            refuse_vin_in_garage(session, vehicle.customer_id, details.vin)
        changed = audit.record_changes(
            session, actor, vehicle.customer_id, "vehicle", vehicle.id, vehicle,
            {"vin": details.vin, "year": details.year, "make": details.make,
             "model": details.model},
        )
        if changed:
            vehicle.vin_reversed = vehicle.vin[::-1]
            uow.commit()
        return vehicle.version


@retried_when_desks_collide
def remove_vehicle(uow: UnitOfWork, actor: Actor, vehicle_id: int,
                   expected_version: int | None = None) -> RemovedVehicle:
    """Take a vehicle out of the garage. One a deal names stays on the deal, no longer owned.

    Refused with ConflictError when another desk changed it after ``expected_version``.
    Returns what was removed, for ``put_back_vehicle``.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        vehicle = get(session, Vehicle, vehicle_id, "vehicle")
        check_version(vehicle, expected_version, _changed_elsewhere(vehicle))
        if not vehicle.owned:
            raise NotAllowed(f"The {vehicle.title} is not in the garage, so it cannot be removed.")
        deal_id = deal_naming(session, vehicle.id)
        if deal_id is None:
            session.delete(vehicle)
            audit.record(session, actor, vehicle.customer_id, "vehicle", vehicle.id, "removed",
                         described(vehicle), None)
        else:
            audit.record(session, actor, vehicle.customer_id, "vehicle", vehicle.id, "owned",
                         True, False, reason=f"removed from the garage; kept on deal {deal_id}")
            vehicle.owned = False
        uow.commit()
        return RemovedVehicle(  # read after the commit: a kept vehicle's version is the new one
            customer_id=vehicle.customer_id, vehicle_id=vehicle.id,
            details=VehicleDetails(vin=vehicle.vin, year=vehicle.year, make=vehicle.make,
                                   model=vehicle.model),
            source=vehicle.source, kept=deal_id is not None, version=vehicle.version)


@retried_when_desks_collide
def put_back_vehicle(uow: UnitOfWork, actor: Actor, removed: RemovedVehicle) -> GarageEntry:
    """Put a removed vehicle back in its garage (Undo of Remove), as it was.

    One kept for a deal must be as the removal left it, else ConflictError; one deleted
    comes back as a new record, unless the garage has its VIN again (another desk added
    it), which is refused.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    with uow:
        session = uow.session
        get(session, Customer, removed.customer_id, "customer")
        if removed.kept:
            vehicle = get(session, Vehicle, removed.vehicle_id, "vehicle")
            check_version(vehicle, removed.version, _changed_elsewhere(vehicle))
            if vehicle.owned:
                raise ConflictError(_changed_elsewhere(vehicle))
            refuse_vin_in_garage(session, vehicle.customer_id, vehicle.vin)
            audit.record(session, actor, vehicle.customer_id, "vehicle", vehicle.id, "owned",
                         False, True, reason="put back in the garage")
            vehicle.owned = True
        else:
            vehicle = new_vehicle(session, removed.customer_id, removed.details, owned=True,
                                  source=removed.source)
            audit.record(session, actor, removed.customer_id, "vehicle", vehicle.id, "added",
                         None, described(removed.details), reason="put back in the garage")
        uow.commit()
        return GarageEntry(vehicle.id, vehicle.version)


def _changed_elsewhere(vehicle: Vehicle) -> str:
    return (f"Another desk changed the {vehicle.title or 'vehicle'} while you were looking at "
            "it. Nothing was saved: look at the vehicle as it is now, then make your change "
            "again.")


def new_vehicle(
    session: Session,
    customer_id: int,
    details: VehicleDetails,
    owned: bool,
    source: VehicleSource,
) -> Vehicle:
    """Store a checked vehicle for the customer; an owned one may not repeat a garage VIN."""
    if owned:
        refuse_vin_in_garage(session, customer_id, details.vin)
    vehicle = Vehicle(customer_id=customer_id, vin=details.vin, vin_reversed=details.vin[::-1],
                      year=details.year, make=details.make, model=details.model, source=source,
                      owned=owned)
    session.add(vehicle)
    session.flush()
    return vehicle


def owned_vehicle_with_vin(session: Session, customer_id: int, vin: str) -> Vehicle | None:
    if not vin:
        return None
    return session.scalars(
        select(Vehicle).where(Vehicle.customer_id == customer_id, Vehicle.owned,
                              Vehicle.vin == vin)
    ).first()


def refuse_vin_in_garage(session: Session, customer_id: int, vin: str) -> None:
    same = owned_vehicle_with_vin(session, customer_id, vin)
    if same is not None:
        raise NotAllowed(f"{vin} is already in this customer's garage: the {same.title}.")


def deal_naming(session: Session, vehicle_id: int) -> int | None:
    """The id of a deal that names this vehicle as wanted or traded in, if any."""
    return session.scalars(
        select(Deal.id).where(or_(Deal.interested_vehicle_id == vehicle_id,
                                  Deal.trade_in_vehicle_id == vehicle_id))
    ).first()


def described(vehicle: VehicleDetails | Vehicle) -> str:
    """A vehicle as the audit trail names it: title and VIN."""
    return f"{vehicle.title} ({vehicle.vin})" if vehicle.vin else vehicle.title
