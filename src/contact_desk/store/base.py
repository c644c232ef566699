"""The declarative base and the column types every table shares."""

from __future__ import annotations

from datetime import datetime, timezone
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import DateTime, Enum, MetaData, String
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The largest whole numbers the databases hold, as a count (SQLite's integer, PostgreSQL's
# bigint) and as an id (an Integer column, 32 bits on PostgreSQL): one past them names
# nothing, and sent as a parameter it fails (an OverflowError, "integer out of range").
LARGEST_INTEGER = 2**63 - 1
# A versioned row's first version: the ORM's version counter starts here, and the sync's
# batches, which write past the ORM, get it as the column's default.
FIRST_VERSION = 1
LARGEST_ID = 2**31 - 1


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class UtcDateTime(TypeDecorator):
    """Stores UTC without a zone (SQLite has none) and hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware one")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


def enum_column(enum: type[PyEnum], length: int = 32) -> Enum:
    """An enum stored by member name as plain text, the same on every database."""
    return Enum(enum, native_enum=False, length=length, validate_strings=True)


def key_text(length: int) -> String:
    """Text compared by code point on every database: a search column, so that PostgreSQL
    under a language's collation still reads a prefix (and the list's order) from its index,
    in the order SQLite compares."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
