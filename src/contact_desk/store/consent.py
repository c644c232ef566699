"""Consent records: one row per thing a customer said (or the DMS, a form, a reply said)
about one phone or email, one channel and one purpose. Rows are only ever added; the
current state is derived from them (domain/consent). A record belongs to the value, not to
one customer: a STOP from a number is that number's, whoever has it on file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from contact_desk.domain.consent import ConsentHow, ConsentRecord, ConsentState, Purpose
from contact_desk.domain.email import MAX_EMAIL
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now
from contact_desk.store.users import User


class ConsentRow(Base):
    __tablename__ = "consent_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[ContactKind] = mapped_column(enum_column(ContactKind), nullable=False)
    # As contact_point.value holds it: E.164 for a phone, the lower-case address.
    value: Mapped[str] = mapped_column(String(MAX_EMAIL), nullable=False)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), nullable=False)
    purpose: Mapped[Purpose] = mapped_column(enum_column(Purpose), nullable=False)
    state: Mapped[ConsentState] = mapped_column(enum_column(ConsentState), nullable=False)
    how: Mapped[ConsentHow] = mapped_column(enum_column(ConsentHow), nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False,
                                                  default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    desk: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    # The customer it was recorded on (None: no customer had the value, or it was deleted).
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"))
    evidence_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    evidence_file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    evidence_content_type: Mapped[str] = mapped_column(String(100), nullable=False,
                                                       default="")
    evidence_file: Mapped[bytes | None] = mapped_column(LargeBinary)
    # What an import keys a record on, so the same line imported again adds nothing.
    source_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Taken back by Undo at the desk: kept, and no longer counted (never deleted).
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    user: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[user_id])

    __table_args__ = (Index("ix_consent_record_value_kind", "value", "kind"),)

    def as_record(self) -> ConsentRecord:
        return ConsentRecord(
            channel=self.channel, purpose=self.purpose, state=self.state,
            recorded_at=self.recorded_at, how=self.how,
            recorded_by=self.user.name if self.user else "",
            evidence=self.evidence_note or self.evidence_file_name, id=self.id)


def records_of(session: Session,
               values: Iterable[tuple[ContactKind, str]]) -> dict[tuple[ContactKind, str],
                                                                  list[ConsentRecord]]:
    """Every record of these values that counts (not withdrawn), in one query (by the
    value index)."""
    wanted = set(values)
    found: dict[tuple[ContactKind, str], list[ConsentRecord]] = {key: [] for key in wanted}
    if not wanted:
        return found
    rows = session.scalars(select(ConsentRow).where(
        ConsentRow.value.in_(sorted({value for _, value in wanted})),
        ConsentRow.withdrawn_at.is_(None))).all()
    for row in rows:
        key = (row.kind, row.value)
        if key in found:
            found[key].append(row.as_record())
    return found
