"""Users at the desks, what each may do, who is assigned to a customer, and shared settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.enums import AssignmentRole, Permission
from contact_desk.store.base import Base, UtcDateTime, enum_column


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # The operating-system login that acts as this user without a PIN (lower-cased).
    os_login: Mapped[str | None] = mapped_column(String(100), unique=True, index=True)
    # domain.pin.hash_pin's text; never the PIN itself.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    # Wrong PINs in a row, and the lock they bring: kept here so they hold across desks.
    failed_pin_tries: Mapped[int] = mapped_column(Integer, nullable=False, default=0,
                                                  server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)

    # Read when asked (who is acting), not with every note author or assigned user shown.
    permission_rows: Mapped[list[UserPermission]] = relationship(cascade="all, delete-orphan")

    @property
    def permissions(self) -> frozenset[Permission]:
        return frozenset(row.permission for row in self.permission_rows)


class UserPermission(Base):
    __tablename__ = "user_permission"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    permission: Mapped[Permission] = mapped_column(enum_column(Permission), primary_key=True)


class Assignment(Base):
    """The Sales, BDC or Service BDC user assigned to a customer."""

    __tablename__ = "assignment"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[AssignmentRole] = mapped_column(enum_column(AssignmentRole), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)

    user: Mapped[User] = relationship(lazy="joined")


class Setting(Base):
    """Settings every desk on the same database shares, such as the home region."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(500), nullable=False)
