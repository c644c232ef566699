"""The rules of a deal on the card: a lead's source stays, and vehicles join open deals only."""

from __future__ import annotations

from contact_desk.domain.enums import DealStage, DealVehicleKind
from contact_desk.domain.errors import InvalidValue, NotAllowed

MAX_SOURCE = 120


def why_source_locked(source_locked: bool, source: str) -> str | None:
    """Why nobody may change this deal's source, or None when it may change."""
    if not source_locked:
        return None
    provider = f" from {source}" if source else ""
    return f"This deal came from an ADF lead{provider}: its source cannot change."


def check_source_change(source_locked: bool, current: str, wanted: str) -> str:
    """The new source as stored; refused for a deal made from a lead."""
    reason = why_source_locked(source_locked, current)
    if reason:
        raise NotAllowed(reason)
    source = " ".join((wanted or "").split())
    if not source:
        raise InvalidValue("Choose where the deal came from (Walk-in, Phone-up...).",
                           field="source")
    if len(source) > MAX_SOURCE:
        raise InvalidValue(f"A source can be at most {MAX_SOURCE} characters.", field="source")
    return source


def check_can_add_vehicle(stage: DealStage) -> None:
    """Vehicles are added to a deal still being worked, not to a delivered or lost one."""
    if not stage.is_open:
        raise NotAllowed(
            f"This deal is {stage.label.lower()}; vehicles can be added only to an open deal."
        )


def deal_vehicle_kind(kind: DealVehicleKind | str) -> DealVehicleKind:
    """``"interested"`` or ``"trade-in"`` (or the enum itself) as the enum."""
    if isinstance(kind, DealVehicleKind):
        return kind
    try:
        return DealVehicleKind.from_label(kind)
    except ValueError:
        raise InvalidValue(
            f"{kind!r} is not a deal vehicle: say interested or trade-in.", field="kind"
        ) from None
