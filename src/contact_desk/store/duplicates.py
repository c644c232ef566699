"""Pairs of customers an import found sharing a phone or email without an agreeing name:
kept for a person to decide (the duplicates review queue, and merge, read them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.duplicates import DuplicateReason, DuplicateSource, DuplicateStatus
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now


class PossibleDuplicate(Base):
    """Two customers who may be one person. The pair is stored once, lower id first (the
    customer the import made is the later, higher one); its reasons are rows of their own."""

    __tablename__ = "possible_duplicate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False
    )
    other_customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    source: Mapped[DuplicateSource] = mapped_column(enum_column(DuplicateSource), nullable=False)
    source_file: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    found_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    status: Mapped[DuplicateStatus] = mapped_column(
        enum_column(DuplicateStatus), nullable=False, default=DuplicateStatus.OPEN
    )
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # How alike the two are (domain/duplicate_scan), 0 for a pair an import recorded.
    score: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    # Two people deciding the same pair: the second is refused, not written over.
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    reasons: Mapped[list[PossibleDuplicateReason]] = relationship(
        back_populates="duplicate", cascade="all, delete-orphan",
        order_by="PossibleDuplicateReason.id",
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("customer_id", "other_customer_id"),
        CheckConstraint("customer_id < other_customer_id", name="ordered_pair"),
        # The review queue: the open pairs, oldest first.
        Index("ix_possible_duplicate_status_found_at", "status", "found_at"),
    )


class PossibleDuplicateReason(Base):
    """One value the two customers share: a phone (E.164) or an email."""

    __tablename__ = "possible_duplicate_reason"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    duplicate_id: Mapped[int] = mapped_column(
        ForeignKey("possible_duplicate.id", ondelete="CASCADE"), nullable=False
    )
    reason: Mapped[DuplicateReason] = mapped_column(enum_column(DuplicateReason), nullable=False)
    value: Mapped[str] = mapped_column(String(254), nullable=False)

    duplicate: Mapped[PossibleDuplicate] = relationship(back_populates="reasons")

    __table_args__ = (UniqueConstraint("duplicate_id", "reason", "value"),)
