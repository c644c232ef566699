"""Links between customers (domain/household), one row per pair, lower id first. Never
deleted: unlinking marks the row, so the history keeps what was linked, and Undo (or
linking the two again) takes the same row back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from contact_desk.domain.household import Relation
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now


class CustomerLink(Base):
    __tablename__ = "customer_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False)
    other_customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True)
    # What the other (higher id) customer is to the first.
    relation: Mapped[Relation] = mapped_column(enum_column(Relation), nullable=False)
    # A co-buyer the customer asked to be sent their contracts too.
    receives_contracts: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utc_now)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (
        UniqueConstraint("customer_id", "other_customer_id"),
        CheckConstraint("customer_id < other_customer_id", name="ordered_link"),
        CheckConstraint("receives_contracts = false OR relation = 'CO_BUYER'",
                        name="contracts_only_to_a_co_buyer"),
    )
