"""What the desk remembers of its imports: each ADF lead it took (so the same lead is never
taken twice) and the vCard UIDs it knows customers by (so its own export comes back home).

A key longer than its column is kept as a digest of the whole key (``stored_key``), never cut
short: two ids that differ only past the column's length must stay two ids.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from contact_desk.store.base import Base, UtcDateTime, utc_now

MAX_PROVIDER = 120
MAX_LEAD_ID = 120
MAX_REQUESTED = 64
MAX_UID = 255
_DIGEST = "sha256:"


def stored_key(key: str, limit: int) -> str:
    """``key`` as a column of ``limit`` characters holds it and compares it exactly: as it
    is when it fits, else "sha256:" and the URL-safe base64 of its digest (50 characters)."""
    if len(key) <= limit:
        return key
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()
    return _DIGEST + base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


class AdfLead(Base):
    """A lead imported, and the deal it opened.

    The database refuses a second lead with the same provider and lead id, or with the same
    provider, request date and prospect (a lead without an id). A NULL never clashes, so a
    lead giving neither an id nor a request date is not recognised when it comes again.
    """

    __tablename__ = "adf_lead"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deal.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    provider: Mapped[str] = mapped_column(String(MAX_PROVIDER), nullable=False)
    provider_lead_id: Mapped[str | None] = mapped_column(String(MAX_LEAD_ID))
    # <requestdate> as the lead wrote it: compared, never parsed. Provider, lead id and
    # request date are each kept by stored_key.
    requested: Mapped[str | None] = mapped_column(String(MAX_REQUESTED))
    # SHA-256 of the prospect's folded name and normalised phones and emails.
    prospect_key: Mapped[str] = mapped_column(String(64), nullable=False)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    __table_args__ = (
        UniqueConstraint("provider", "provider_lead_id"),
        UniqueConstraint("provider", "requested", "prospect_key"),
    )


class CardUid(Base):
    """A vCard UID that names a customer: the desk's own (every customer without a DMS number
    gets one) or the UID of the card the customer was made from. The first is exported."""

    __tablename__ = "card_uid"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(MAX_UID), nullable=False, unique=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
