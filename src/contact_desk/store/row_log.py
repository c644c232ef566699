"""Changes to rows written down as they are made, so that they can be put back exactly: the
old values of each column changed, the whole of each row removed, the key of each row
added, the ids of rows moved to another customer. Kept as JSON (a merge keeps its log for
Unmerge); putting back runs the log backwards.

A row that has a version is given a new one by every change and every putting back: a
desk holding the copy from before is refused, as for any other save.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Enum,
    LargeBinary,
    Numeric,
    Table,
    and_,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from contact_desk.domain.errors import ConflictError
from contact_desk.store.base import Base, UtcDateTime

CHUNK = 500  # ids per statement: well under every database's limit on parameters
Step = dict[str, Any]


class RowLog:
    """Makes changes through ``session`` and writes each down (``steps``)."""

    def __init__(self, session: Session, steps: list[Step] | None = None) -> None:
        self._session = session
        self.steps: list[Step] = steps if steps is not None else []

    def update(self, table: Table, key: Mapping[str, Any], **values: Any) -> dict[str, Any]:
        """Set ``values`` on the row ``key`` names; returns the old values of the columns
        that changed (nothing is written, or logged, when none did)."""
        row = self._session.execute(select(table).where(_match(table, key))).one()._mapping
        old = {name: row[name] for name, value in values.items() if row[name] != value}
        if not old:
            return {}
        new = {name: values[name] for name in old}
        self._session.execute(update(table).where(_match(table, key))
                              .values(**new, **_next_version(table)))
        moved_key = {**key, **{name: new[name] for name in new if name in _key_names(table)}}
        self.steps.append({"op": "update", "table": table.name,
                           "key": _encoded(table, moved_key), "old": _encoded(table, old),
                           "new": _encoded(table, new)})
        return old

    def delete(self, table: Table, key: Mapping[str, Any]) -> None:
        row = self._session.execute(select(table).where(_match(table, key))).one()._mapping
        self._session.execute(delete(table).where(_match(table, key)))
        self.steps.append({"op": "delete", "table": table.name,
                           "row": _encoded(table, dict(row))})

    def insert(self, table: Table, **values: Any) -> None:
        """A new row; ``values`` give its whole key."""
        self._session.execute(insert(table).values(**values))
        key = {name: values[name] for name in _key_names(table)}
        self.steps.append({"op": "insert", "table": table.name, "key": _encoded(table, key)})

    def move(self, table: Table, column: str, ids: Sequence[int], from_id: int,
             to_id: int) -> None:
        """Rows ``ids`` (by their id) from ``from_id`` to ``to_id`` in ``column``."""
        if not ids:
            return
        target = table.c[column]
        for chunk in _chunks(ids):
            self._session.execute(update(table).where(table.c.id.in_(chunk),
                                                      target == from_id)
                                  .values({column: to_id, **_next_version(table)}))
        self.steps.append({"op": "move", "table": table.name, "column": column,
                           "ids": list(ids), "from": from_id, "to": to_id})

    def as_json(self) -> str:
        return json.dumps(self.steps, separators=(",", ":"), ensure_ascii=False)


def put_back(session: Session, steps: Iterable[Step]) -> None:
    """Undo ``steps`` (a RowLog's), last first. A row changed again since (its values are
    not those the log left) is refused: ConflictError, to be rolled back."""
    for step in reversed(list(steps)):
        table = _table(step["table"])
        op = step["op"]
        if op == "update":
            key = _decoded(table, step["key"])
            new, old = _decoded(table, step["new"]), _decoded(table, step["old"])
            done = session.execute(update(table).where(_match(table, key), _match(table, new))
                                   .values(**old, **_next_version(table)))
            if done.rowcount != 1:
                raise ConflictError()
        elif op == "delete":
            session.execute(insert(table).values(**_decoded(table, step["row"])))
        elif op == "insert":
            done = session.execute(delete(table).where(_match(table,
                                                              _decoded(table, step["key"]))))
            if done.rowcount != 1:
                raise ConflictError()
        elif op == "move":
            target = table.c[step["column"]]
            for chunk in _chunks(step["ids"]):
                session.execute(update(table).where(table.c.id.in_(chunk),
                                                    target == step["to"])
                                .values({step["column"]: step["from"],
                                         **_next_version(table)}))
        else:
            raise ValueError(f"not a step of a row log: {op!r}")


def steps_of(text: str) -> list[Step]:
    return json.loads(text)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _key_names(table: Table) -> tuple[str, ...]:
    return tuple(column.name for column in table.primary_key.columns)


def _match(table: Table, values: Mapping[str, Any]) -> ColumnElement[bool]:
    return and_(*(table.c[name].is_(None) if value is None else table.c[name] == value
                  for name, value in values.items()))


def _next_version(table: Table) -> dict[str, Any]:
    return {"version": table.c.version + 1} if "version" in table.c else {}


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


def _encoded(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _encode(table.c[name], value) for name, value in values.items()}


def _decoded(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: _decode(table.c[name], value) for name, value in values.items()}


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return value.name
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class[value]
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Numeric):
        return Decimal(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    return value
