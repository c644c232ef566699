"""The run bringing data in right now (a DMS sync, an import): who started it, where, when.

It is how a second desk learns whom it is waiting for. The row lives as long as the run:
written once the run has the incoming lock, deleted as it ends, so a refused or finished
command leaves the database as it found it (a run that was killed leaves its row, which the
next run to take the lock clears).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from contact_desk.domain.incoming import IncomingKind
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now


class IncomingRun(Base):
    __tablename__ = "incoming_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[IncomingKind] = mapped_column(enum_column(IncomingKind), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    user_name: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    host: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    pid: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (Index("ix_incoming_run_started_at", "started_at"),)
