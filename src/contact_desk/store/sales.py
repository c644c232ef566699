"""Vehicles (owned, wanted, traded in) and the deals they belong to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.enums import DealStage, VehicleSource
from contact_desk.domain.limits import MAX_MAKE, MAX_MODEL
from contact_desk.store.base import FIRST_VERSION, Base, UtcDateTime, enum_column, utc_now


class Vehicle(Base):
    __tablename__ = "vehicle"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    vin: Mapped[str] = mapped_column(String(17), nullable=False, default="", index=True)
    # Reversed VIN (search reads its own keys now: store/search_keys).
    vin_reversed: Mapped[str] = mapped_column(String(17), nullable=False, default="")
    year: Mapped[int | None] = mapped_column(Integer)
    make: Mapped[str] = mapped_column(String(MAX_MAKE), nullable=False, default="")
    model: Mapped[str] = mapped_column(String(MAX_MODEL), nullable=False, default="")
    source: Mapped[VehicleSource] = mapped_column(enum_column(VehicleSource), nullable=False)
    owned: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # Vehicles stored before migration 0006 start at 1.
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=FIRST_VERSION,
                                         server_default=str(FIRST_VERSION))

    __mapper_args__ = {"version_id_col": version}

    @property
    def title(self) -> str:
        return " ".join(str(part) for part in (self.year, self.make, self.model) if part)


class Deal(Base):
    __tablename__ = "deal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    stage: Mapped[DealStage] = mapped_column(enum_column(DealStage), nullable=False)
    interested_vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"))
    trade_in_vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"))
    source: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    # A deal made from an ADF lead keeps the lead's source for good.
    source_locked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    interested_vehicle: Mapped[Vehicle | None] = relationship(foreign_keys=[interested_vehicle_id])
    trade_in_vehicle: Mapped[Vehicle | None] = relationship(foreign_keys=[trade_in_vehicle_id])
