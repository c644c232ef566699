"""What happened with a customer: notes, contact attempts, web visits, summaries, audit events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.enums import AttemptOutcome, Channel
from contact_desk.domain.history import Cause, Entity, Field
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now
from contact_desk.store.users import User


class Note(Base):
    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # A note taken back is withdrawn, never deleted: notes are history (migration 0012).
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    author: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[author_id])

    __table_args__ = (Index("ix_note_customer_created", "customer_id", "created_at"),)


class ContactAttempt(Base):
    __tablename__ = "contact_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False
    )
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), nullable=False)
    outcome: Mapped[AttemptOutcome] = mapped_column(enum_column(AttemptOutcome), nullable=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __table_args__ = (Index("ix_contact_attempt_customer_at", "customer_id", "at"),)


class WebActivity(Base):
    """One visit to the dealership's website by a known customer."""

    __tablename__ = "web_activity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    visited_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    last_page: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    seconds: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class InteractionSummary(Base):
    __tablename__ = "interaction_summary"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    generated_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)


class AuditEvent(Base):
    """Who changed what, when, from which value to which."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE")
    )
    entity: Mapped[Entity] = mapped_column(enum_column(Entity, length=40), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    field: Mapped[Field] = mapped_column(enum_column(Field, length=60), nullable=False)
    # Codes (see domain/history), never labels: a label is rendered when the event is read.
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    # Text: a detail may name a value, and an email alone may be 254 characters (0008).
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    cause: Mapped[Cause] = mapped_column(enum_column(Cause), nullable=False,
                                         default=Cause.PERSON, server_default="EARLIER")
    desk: Mapped[str] = mapped_column(String(120), nullable=False, default="",
                                      server_default="")

    user: Mapped[User | None] = relationship(lazy="joined")

    __table_args__ = (Index("ix_audit_event_customer_at", "customer_id", "at"),)
