"""Many new rows into one table by the short way, for the sync's batches.

SQLAlchemy converts each row's values one parameter at a time; for tens of thousands of
rows that costs more than the database's own work. Here the INSERT is compiled once per
table and set of columns, each column's own conversion (its type's bind processor) is
looked up once, and the driver's executemany gets plain tuples or dicts. The values
written are the ones ``session.execute(insert(table), rows)`` would write.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, Enum, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from contact_desk.store.changes import note_inserted_rows

Convert = Callable[[Any], Any] | None


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (each with the same keys) in the session's transaction.

    A column the rows leave out gets its default once for the whole call, so every row of
    one call has the same ``created_at``; a column without a default is left to the database.
    """
    if not rows:
        return
    note_inserted_rows(session, table, rows)
    names = tuple(rows[0])
    defaults = {column.key: column.default.arg(None) if column.default.is_callable
                else column.default.arg
                for column in table.columns
                if column.key not in names and column.default is not None
                and (column.default.is_scalar or column.default.is_callable)}
    connection = session.connection()
    sql, binds, positional = _compiled(table, names + tuple(defaults), connection.dialect)
    fixed = {name: convert(defaults[name]) if convert else defaults[name]
             for name, convert in binds if name in defaults}
    # Column by column: each column's values are taken and converted in one pass, and zip
    # puts the rows back together, so Python does not step through each value itself.
    columns = []
    for name, convert in binds:
        if name in fixed:
            columns.append(repeat(fixed[name], len(rows)))
        else:
            taken = map(itemgetter(name), rows)
            columns.append(map(convert, taken) if convert else taken)
    if positional:
        connection.exec_driver_sql(sql, list(zip(*columns)))
    else:
        names_in_order = [name for name, _ in binds]
        connection.exec_driver_sql(sql, [dict(zip(names_in_order, values))
                                         for values in zip(*columns)])


@lru_cache(maxsize=64)
def _compiled(table: Table, names: tuple[str, ...], dialect: Dialect
              ) -> tuple[str, tuple[tuple[str, Convert], ...], bool]:
    """The INSERT's text, each parameter with its column's conversion (as this database
    stores the type), and whether the driver takes parameters by position."""
    compiled = insert(table).compile(dialect=dialect, column_keys=list(names))
    order = compiled.positiontup
    binds = tuple((name, _conversion(compiled.binds[name].type, dialect))
                  for name in (order if order is not None else compiled.binds))
    return compiled.string, binds, order is not None


def _conversion(type_: TypeEngine, dialect: Dialect) -> Convert:
    """How the column's type stores a value here; remembered per value for a type that has
    few (an enum's members, True and False, the days of a century), the columns most rows
    repeat."""
    convert = type_.dialect_impl(dialect).bind_processor(dialect)
    if convert is not None and isinstance(type_, (Enum, Boolean, Date)):
        return cache(convert)
    return convert
