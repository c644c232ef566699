"""Customers and their contact points (phones and emails)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.customer import MAX_COMPANY, MAX_NAME
from contact_desk.domain.email import MAX_EMAIL
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    ContactStatus,
    PaymentFrequency,
)
from contact_desk.domain.limits import ADDRESS_LIMITS
from contact_desk.domain.phone import MAX_EXTENSION
from contact_desk.store.base import (
    FIRST_VERSION,
    Base,
    UtcDateTime,
    enum_column,
    key_text,
    utc_now,
)

# Casefolding makes up to three characters of one (ß is ss, ﬃ is ffi): a search key is kept
# whole however a name folds (migration 0008).
KEY_GROWTH = 3


class Customer(Base):
    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_number: Mapped[str | None] = mapped_column(String(32), unique=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME), default="")
    last_name: Mapped[str] = mapped_column(String(MAX_NAME), default="")
    company: Mapped[str] = mapped_column(String(MAX_COMPANY), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    address_line1: Mapped[str] = mapped_column(String(ADDRESS_LIMITS["address_line1"][1]), default="")
    city: Mapped[str] = mapped_column(String(ADDRESS_LIMITS["city"][1]), default="")
    state: Mapped[str] = mapped_column(String(ADDRESS_LIMITS["state"][1]), default="")
    postal_code: Mapped[str] = mapped_column(String(ADDRESS_LIMITS["postal_code"][1]), default="")
    # The four account figures of the payment header.
    regular_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    current_due_date: Mapped[date | None] = mapped_column(Date)
    payment_frequency: Mapped[PaymentFrequency | None] = mapped_column(
        enum_column(PaymentFrequency)
    )
    current_amount_due: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # Lower-case copies the list is ordered by (compared by code point everywhere, as the
    # search keys' list_key is: store/search_keys); search itself reads store/search_keys.
    name_key: Mapped[str] = mapped_column(key_text((MAX_NAME * 2 + 1) * KEY_GROWTH), default="")
    last_name_key: Mapped[str] = mapped_column(key_text(MAX_NAME * KEY_GROWTH), default="")
    company_key: Mapped[str] = mapped_column(String(MAX_COMPANY * KEY_GROWTH), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=FIRST_VERSION)

    contact_points: Mapped[list[ContactPoint]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="ContactPoint.id"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        # The list's order (migration 0005): a page, or a last-name prefix, walks this alone.
        Index("ix_customer_list_order", "last_name_key", "name_key", "id"),
        # One house (migration 0015): the duplicate check of one customer looks it up.
        Index("ix_customer_postal_code", "postal_code"),
    )

    @property
    def full_name(self) -> str:
        return shown_name(self.first_name, self.last_name, self.company, self.customer_number,
                          self.id)

    def refresh_search_keys(self) -> None:
        for name, key in search_keys(self.first_name, self.last_name, self.company).items():
            setattr(self, name, key)

    def points(self, kind: ContactKind) -> list[ContactPoint]:
        return [p for p in self.contact_points if p.kind is kind]


def shown_name(first_name: str, last_name: str, company: str, customer_number: str | None,
              customer_id: int | None) -> str:
    """How a customer is named on screen: the person, else the company, else the number."""
    name = f"{first_name} {last_name}".strip()
    return name or company or (customer_number or f"Customer {customer_id}")


def search_keys(first_name: str | None, last_name: str | None,
                company: str | None) -> dict[str, str]:
    """The lower-case copies search compares, for a customer of these names."""
    first, last, firm = first_name or "", last_name or "", company or ""
    return {"name_key": f"{first} {last}".strip().casefold(), "last_name_key": last.casefold(),
            "company_key": firm.casefold()}


@event.listens_for(Customer, "before_insert")
@event.listens_for(Customer, "before_update")
def _keep_search_keys(_mapper: object, _connection: object, customer: Customer) -> None:
    # Whoever writes a customer (desk, sync, demo), search sees the same name.
    customer.refresh_search_keys()


class ContactPoint(Base):
    """One phone or email of a customer, where it came from, and whether we use it."""

    __tablename__ = "contact_point"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[ContactKind] = mapped_column(enum_column(ContactKind), nullable=False)
    type: Mapped[ContactPointType] = mapped_column(enum_column(ContactPointType), nullable=False)
    value: Mapped[str] = mapped_column(String(MAX_EMAIL), nullable=False, index=True)
    extension: Mapped[str] = mapped_column(String(MAX_EXTENSION), nullable=False, default="")
    display: Mapped[str] = mapped_column(String(300), nullable=False)
    # National digits of a phone ("2125550142"); empty for emails.
    digits: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    # The same without the area code ("5550142"), which search finds (store/search_keys).
    local_digits: Mapped[str] = mapped_column(String(20), nullable=False, default="",
                                              server_default="")
    status: Mapped[ContactStatus] = mapped_column(
        enum_column(ContactStatus), nullable=False, default=ContactStatus.ACTIVE
    )
    status_date: Mapped[date] = mapped_column(Date, nullable=False)
    is_primary: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    can_receive_texts: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    # Consent is not a column here: it is the value's records (store/consent, 0013).
    # The vCard TYPE words it came with ("home", "work,cell"), written back when exported
    # (migration 0007); empty for a value typed at the desk, synced or taken from a lead.
    card_types: Mapped[str] = mapped_column(String(40), nullable=False, default="",
                                            server_default="")
    # The DMS customer number the value came from when it is not its customer's own: a
    # customer merged in kept its number as an alias, and the sync of that number touches
    # only these (migration 0016). None: the customer's own number, or not from the DMS.
    dms_number: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=FIRST_VERSION)

    customer: Mapped[Customer] = relationship(back_populates="contact_points")

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("customer_id", "kind", "value", "extension"),
        # At most one primary phone and one primary email per customer.
        Index(
            "uq_contact_point_one_primary",
            "customer_id",
            "kind",
            unique=True,
            sqlite_where=text("is_primary"),
            postgresql_where=text("is_primary"),
        ),
    )
