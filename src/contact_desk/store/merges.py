"""Merges of two customers: the record of each (who, when, the versions it left, the log
Unmerge puts back), and the customer a merged-away one now is.

A customer merged into another stays, as a row with nothing left on it but its own single
fields and its DMS number: looked up by that number or its id, it leads to the survivor
(through each later merge too), and the DMS sync of its number updates the survivor.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, Select, String, Text, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from contact_desk.store.base import Base, UtcDateTime, utc_now
from contact_desk.store.users import User

# A chain longer than this is not one the desk made (each merge needs both customers
# in force): it is read no further rather than looped round for ever.
LONGEST_CHAIN = 1000


class CustomerMerge(Base):
    __tablename__ = "customer_merge"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), nullable=False,
                                             index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), nullable=False)
    merged_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utc_now)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    desk: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    # The versions the merge left the two customers at: Unmerge is possible while both
    # still have them (nobody changed either since).
    survivor_version: Mapped[int] = mapped_column(Integer, nullable=False)
    merged_version: Mapped[int] = mapped_column(Integer, nullable=False)
    # What the merge did, row by row (store/row_log), for Unmerge to put back.
    undo: Mapped[str] = mapped_column(Text, nullable=False)
    unmerged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    unmerged_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    user: Mapped[User | None] = relationship(lazy="joined", foreign_keys=[user_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # A customer is merged away into one survivor at a time.
        Index("uq_customer_merge_merged_id_in_force", "merged_id", unique=True,
              sqlite_where=text("unmerged_at IS NULL"),
              postgresql_where=text("unmerged_at IS NULL")),
    )


def merged_away() -> Select[tuple[int]]:
    """The ids of the customers merged into another (for ``Customer.id.not_in(...)``)."""
    return select(CustomerMerge.merged_id).where(CustomerMerge.unmerged_at.is_(None))


def merge_in_force(session: Session, merged_id: int) -> CustomerMerge | None:
    """The merge that took customer ``merged_id`` away, if it is in force."""
    return session.scalars(select(CustomerMerge).where(
        CustomerMerge.merged_id == merged_id, CustomerMerge.unmerged_at.is_(None))).first()


def survivors(session: Session, customer_ids: Iterable[int]) -> dict[int, int]:
    """Each customer asked, and the customer it now is: itself, or the survivor at the end
    of its merges. One query a step of the chains (a customer merged twice is rare)."""
    now = {customer_id: customer_id for customer_id in customer_ids}
    pending = set(now.values())
    for _ in range(LONGEST_CHAIN):
        if not pending:
            break
        into = dict(session.execute(
            select(CustomerMerge.merged_id, CustomerMerge.survivor_id).where(
                CustomerMerge.merged_id.in_(sorted(pending)),
                CustomerMerge.unmerged_at.is_(None))).all())
        for asked, current in now.items():
            if current in into:
                now[asked] = into[current]
        pending = set(into.values())
    return now


def survivor_of(session: Session, customer_id: int) -> int:
    return survivors(session, [customer_id])[customer_id]
