"""The open deal on the card: its vehicles and its source, which a lead's deal keeps for good."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.deal import (
    check_can_add_vehicle,
    check_source_change,
    deal_vehicle_kind,
    why_source_locked,
)
from contact_desk.domain.enums import DealStage, DealVehicleKind, Permission, VehicleSource
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.vehicle import check_vehicle
from contact_desk.services import audit
from contact_desk.services.garage import (
    deal_naming,
    described,
    new_vehicle,
    owned_vehicle_with_vin,
)
from contact_desk.services.lookup import get
from contact_desk.services.views import DealView
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

OPEN_STAGES = tuple(stage for stage in DealStage if stage.is_open)
# The Deal attribute (and audit field) each kind of deal vehicle is kept in.
_SLOT = {DealVehicleKind.INTERESTED: "interested_vehicle",
         DealVehicleKind.TRADE_IN: "trade_in_vehicle"}


def open_deal(session: Session, customer_id: int) -> Deal | None:
    """The deal being worked: the newest one neither delivered nor lost."""
    return session.scalars(
        select(Deal)
        .where(Deal.customer_id == customer_id, Deal.stage.in_(OPEN_STAGES))
        .order_by(Deal.created_at.desc(), Deal.id.desc())
        .limit(1)
    ).first()


def deal_view(deal: Deal) -> DealView:
    wanted, trade_in = deal.interested_vehicle, deal.trade_in_vehicle
    return DealView(
        id=deal.id,
        stage=deal.stage,
        interested_vehicle=wanted.title if wanted else None,
        trade_in=trade_in.title if trade_in else None,
        source=deal.source,
        created_at=deal.created_at,
        source_locked=deal.source_locked,
        why_source_locked=why_source_locked(deal.source_locked, deal.source),
    )


@retried_when_desks_collide
def add_deal_vehicle(
    uow: UnitOfWork,
    actor: Actor,
    deal_id: int,
    kind: DealVehicleKind | str,
    vin: str | None,
    year: int | None,
    make: str,
    model: str,
) -> int:
    """Put the vehicle the customer wants (or trades in) on the deal, in place of any before.

    The wanted car's VIN may wait until the customer picks one. A trade-in is theirs, so it
    has a VIN and is in the garage: one already there (same VIN) is used as it is.
    """
    kind = deal_vehicle_kind(kind)
    trade_in = kind is DealVehicleKind.TRADE_IN
    actor.require(Permission.EDIT_CUSTOMERS)
    details = check_vehicle(vin, year, make, model, vin_required=trade_in)
    with uow:
        session = uow.session
        deal = get(session, Deal, deal_id, "deal")
        check_can_add_vehicle(deal.stage)
        slot = _SLOT[kind]
        other = deal.interested_vehicle if trade_in else deal.trade_in_vehicle
        if details.vin and other is not None and other.vin == details.vin:
            raise NotAllowed("The trade-in and the vehicle the customer wants cannot be the same "
                             f"vehicle ({details.vin}).")
        before: Vehicle | None = getattr(deal, slot)
        vehicle = None
        if trade_in:
            vehicle = owned_vehicle_with_vin(session, deal.customer_id, details.vin)
        if vehicle is None:
            vehicle = new_vehicle(session, deal.customer_id, details, owned=trade_in,
                                  source=VehicleSource.MANUAL)
            if trade_in:
                audit.record(session, actor, deal.customer_id, "vehicle", vehicle.id, "added",
                             None, described(vehicle), reason=f"trade-in on deal {deal.id}")
        if before is vehicle:
            return vehicle.id
        setattr(deal, slot, vehicle)
        audit.record(session, actor, deal.customer_id, "deal", deal.id, slot,
                     before.title if before else None, vehicle.title)
        session.flush()
        if before is not None and not before.owned and deal_naming(session, before.id) is None:
            session.delete(before)  # a wanted car no one owns means nothing once replaced
        uow.commit()
        return vehicle.id


@retried_when_desks_collide
def change_deal_source(uow: UnitOfWork, actor: Actor, deal_id: int, source: str) -> None:
    """Say where the deal came from. A deal made from an ADF lead keeps the lead's source."""
    actor.require(Permission.CHANGE_DEAL_SOURCE)
    with uow:
        session = uow.session
        deal = get(session, Deal, deal_id, "deal")
        new_source = check_source_change(deal.source_locked, deal.source, source)
        if new_source == deal.source:
            return
        audit.record(session, actor, deal.customer_id, "deal", deal.id, "source", deal.source,
                     new_source)
        deal.source = new_source
        uow.commit()
