"""Suppressions: a message type the dealership must not send a customer, for a reason,
optionally only about one vehicle (no service reminders for a VIN that was sold), until an
end date. Routing obeys them; the card shows them. A lifted one is kept, as history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.recipients import MessageType

MAX_SUPPRESSION_REASON = 200


@dataclass(frozen=True)
class Suppression:
    id: int
    message: MessageType
    reason: str
    ends_on: date | None
    created_at: datetime
    created_by: str
    vehicle_id: int | None = None
    vehicle: str = ""  # the vehicle as the garage shows it, when it is about one

    def in_force_on(self, day: date) -> bool:
        return self.ends_on is None or day <= self.ends_on

    def applies(self, message: MessageType, vehicle_id: int | None, day: date) -> bool:
        """Whether it stops ``message`` (about ``vehicle_id``, None: about no vehicle) on
        ``day``: one about a vehicle stops only messages about that vehicle."""
        return (self.message is message and self.in_force_on(day)
                and (self.vehicle_id is None or self.vehicle_id == vehicle_id))

    def describe(self) -> str:
        """"Car Updates suppressed until 2027-01-31 for 2019 Honda Civic: car sold"."""
        until = f" until {self.ends_on.isoformat()}" if self.ends_on else ""
        about = f" for {self.vehicle}" if self.vehicle else ""
        return f"{self.message.label} suppressed{until}{about}: {self.reason}"


def check_suppression(reason: str, ends_on: date | None, today: date) -> str:
    """The reason as kept; refused in words when missing, too long, or already over."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidValue("Say why the message is suppressed (the customer asked, the car "
                           "was sold...).", field="reason")
    if len(reason) > MAX_SUPPRESSION_REASON:
        raise InvalidValue(f"The reason is {len(reason)} characters; keep it to "
                           f"{MAX_SUPPRESSION_REASON}.", field="reason")
    if ends_on is not None and ends_on < today:
        raise InvalidValue(f"The end date {ends_on.isoformat()} has passed: choose a later "
                           "day, or none to suppress it until lifted.", field="ends_on")
    return reason
