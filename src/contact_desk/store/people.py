"""People on customers' accounts: one person, linked to one or more customers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.email import MAX_EMAIL
from contact_desk.domain.enums import CommunicationPreference, ContactRole
from contact_desk.domain.limits import MAX_NAME, MAX_ROLE_DESCRIPTION
from contact_desk.domain.phone import MAX_EXTENSION
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now
from contact_desk.store.users import User


class ContactPerson(Base):
    """A person (spouse, bookkeeper...). Their email is theirs alone across all customers."""

    __tablename__ = "contact_person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME), nullable=False)
    last_name: Mapped[str] = mapped_column(String(MAX_NAME), nullable=False)
    email: Mapped[str | None] = mapped_column(String(MAX_EMAIL), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    phone_extension: Mapped[str] = mapped_column(String(MAX_EXTENSION), nullable=False,
                                                 default="")
    # The longest number shown (about 22) with a 16-digit extension (0008).
    phone_display: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    portal_access: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    invite_sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    invite_sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    links: Mapped[list[AccountContact]] = relationship(back_populates="person")
    invite_sent_by: Mapped[User | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class AccountContact(Base):
    """A person's place on one customer's account: role, primary contact, what they receive."""

    __tablename__ = "account_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), nullable=False
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("contact_person.id"), nullable=False)
    role: Mapped[ContactRole] = mapped_column(enum_column(ContactRole), nullable=False)
    role_description: Mapped[str] = mapped_column(String(MAX_ROLE_DESCRIPTION), nullable=False, default="")
    primary_contact: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    person: Mapped[ContactPerson] = relationship(back_populates="links", lazy="joined")
    preference_rows: Mapped[list[ContactPreference]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (
        UniqueConstraint("customer_id", "person_id"),
        # At most one primary contact per customer.
        Index(
            "uq_account_contact_one_primary",
            "customer_id",
            unique=True,
            sqlite_where=text("primary_contact"),
            postgresql_where=text("primary_contact"),
        ),
    )

    @property
    def preferences(self) -> frozenset[CommunicationPreference]:
        return frozenset(row.preference for row in self.preference_rows)

    def set_preferences(self, wanted: frozenset[CommunicationPreference]) -> None:
        self.preference_rows = [row for row in self.preference_rows if row.preference in wanted]
        have = self.preferences
        for preference in sorted(wanted - have, key=lambda p: p.name):
            self.preference_rows.append(ContactPreference(preference=preference))


class ContactPreference(Base):
    __tablename__ = "contact_preference"

    account_contact_id: Mapped[int] = mapped_column(
        ForeignKey("account_contact.id", ondelete="CASCADE"), primary_key=True
    )
    preference: Mapped[CommunicationPreference] = mapped_column(
        enum_column(CommunicationPreference), primary_key=True
    )
