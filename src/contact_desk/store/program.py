"""Finance programs, their invoices, and the documents that verify an address change."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from contact_desk.domain.enums import InvoiceStatus, ProgramState
from contact_desk.store.base import Base, UtcDateTime, enum_column, utc_now


class Program(Base):
    __tablename__ = "program"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    description: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    state: Mapped[ProgramState] = mapped_column(enum_column(ProgramState), nullable=False)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), nullable=False, index=True)
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id"), index=True
    )
    financed_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    invoices: Mapped[list[Invoice]] = relationship(back_populates="program", order_by="Invoice.id")

    __mapper_args__ = {"version_id_col": version}


class Invoice(Base):
    __tablename__ = "invoice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), nullable=False, index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), nullable=False, index=True)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2), nullable=False)
    due_date: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[InvoiceStatus] = mapped_column(enum_column(InvoiceStatus), nullable=False)
    # The name and address as billed; an update of the customer's details reaches these.
    bill_to_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    bill_to_address: Mapped[str] = mapped_column(String(300), nullable=False, default="")

    program: Mapped[Program] = relationship(back_populates="invoices")


class VerificationDocument(Base):
    """A third-party document naming the customer and the new address they moved to."""

    __tablename__ = "verification_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"), nullable=False, index=True)
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    # From the file's first bytes, not its name: "application/pdf", "image/jpeg"...
    content_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    verified_address: Mapped[str] = mapped_column(String(300), nullable=False)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
