"""A message type suppressed for one customer (domain/suppression); never deleted: lifting
one marks it, so the history keeps what was suppressed and when."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.recipients import MessageType
from contact_desk.domain.suppression import Suppression
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now
from contact_desk.store.sales import Vehicle
from contact_desk.store.users import User


class SuppressionRow(Base):
    __tablename__ = "suppression"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True)
    message: Mapped[MessageType] = mapped_column(enum_column(MessageType), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    vehicle_id: Mapped[int | None] = mapped_column(
        ForeignKey("vehicle.id", ondelete="CASCADE"))
    ends_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    lifted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    user: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[user_id])
    vehicle: Mapped[Vehicle | None] = relationship(lazy="joined")

    def as_suppression(self) -> Suppression:
        return Suppression(
            id=self.id, message=self.message, reason=self.reason, ends_on=self.ends_on,
            created_at=self.created_at, created_by=self.user.name if self.user else "",
            vehicle_id=self.vehicle_id, vehicle=self.vehicle.title if self.vehicle else "")
