"""Which customers other desks changed: every write announces its customers, and a desk's
watcher hears of the ones changed elsewhere, cheaply and without blocking the window.

A customer changed when a transaction wrote an audit event about them (every change does,
services/audit). On PostgreSQL the transaction sends NOTIFY with those customers' ids, so the
word goes out only if it commits; a desk LISTENs on a connection of its own. On SQLite a desk
asks ``PRAGMA data_version`` of a connection that never holds a transaction open, and only
when it moved reads the audit events after the last one it saw. A desk's own writes are
known by this process (its audit events' ids, its NOTIFY's sender) and not reported.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, text
from sqlalchemy.orm import Session, sessionmaker

from contact_desk.store import sqlite_file
from contact_desk.store.activity import AuditEvent

log = logging.getLogger(__name__)

CHANNEL = "contact_desk_changes"
# More customers than this in one transaction (a sync batch) are announced as "many": a
# NOTIFY payload must stay under 8000 bytes, and a desk then refreshes all it shows.
MOST_NAMED = 200
# The audit events a SQLite desk reads at once after data_version moved; past that, "many".
MOST_READ = 1000
RECONNECT_S = 5.0
LISTEN_WAIT_S = 0.25  # how long the listening thread waits at a time before it checks for close
# This process, as its NOTIFYs name it: two desks on one computer are two senders.
SENDER = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
_CUSTOMERS = "contact_desk_changed_customers"
_AUDITED = "contact_desk_audit_ids"


@dataclass(frozen=True)
class Changes:
    """Customers another desk (or a sync elsewhere) changed; ``many``: too many to name, so
    whatever is on screen may have changed."""

    customer_ids: frozenset[int] = frozenset()
    many: bool = False

    def touches(self, customer_id: int) -> bool:
        return self.many or customer_id in self.customer_ids

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.customer_ids | other.customer_ids, self.many or other.many)


class _OwnWrites:
    """The ids of the audit events this process wrote (flushed, perhaps not yet committed,
    or committed), kept only while a SQLite watcher is open here and only until every
    watcher has read past them. Rolled-back ids are dropped at once: SQLite may give them
    to another desk's next event."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: set[int] = set()
        self._seen: dict[int, int] = {}  # each open watcher (by id()): the last event it read

    def watching(self, watcher: object, seen: int) -> None:
        with self._lock:
            self._seen[id(watcher)] = seen

    def closed(self, watcher: object) -> None:
        with self._lock:
            self._seen.pop(id(watcher), None)
            if not self._seen:
                self._ids.clear()

    def add(self, ids: Iterable[int]) -> None:
        with self._lock:
            if self._seen:
                self._ids.update(ids)

    def drop(self, ids: Iterable[int]) -> None:
        with self._lock:
            self._ids.difference_update(ids)

    def others(self, watcher: object, rows: Sequence[tuple[int, int | None]]) -> set[int]:
        """The customers of ``rows`` (audit id, customer id) this process did not write."""
        with self._lock:
            found = {customer for event, customer in rows
                     if event not in self._ids and customer is not None}
            self._seen[id(watcher)] = rows[-1][0]
            oldest = min(self._seen.values())
            self._ids = {event for event in self._ids if event > oldest}
        return found


_own = _OwnWrites()


def announcing_sessions(bind: Engine | Connection, on_server: bool) -> sessionmaker[Session]:
    """Sessions on ``bind`` whose every transaction notes the customers it changes, and on
    a server (``on_server``) tells the other desks when it commits."""
    sessions = sessionmaker(bind, expire_on_commit=False)
    event.listen(sessions, "after_flush", _noted_flush)
    event.listen(sessions, "after_commit", _committed)
    event.listen(sessions, "after_rollback", _rolled_back)
    if on_server:
        event.listen(sessions, "before_commit", _notify)
    return sessions


def note_inserted_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]
                       ) -> None:
    """Rows inserted without the ORM (store/bulk): audit events among them name customers.
    Their ids are not known here; a SQLite desk that wrote them refreshes once, needlessly."""
    if table.name == AuditEvent.__tablename__:
        _customers(session).update(row["customer_id"] for row in rows
                                   if row.get("customer_id") is not None)


def _customers(session: Session) -> set[int]:
    return session.info.setdefault(_CUSTOMERS, set())


def _noted_flush(session: Session, _context: object) -> None:
    events = [item for item in session.new if isinstance(item, AuditEvent)]
    if not events:
        return
    _customers(session).update(e.customer_id for e in events if e.customer_id is not None)
    ids = [e.id for e in events]
    session.info.setdefault(_AUDITED, []).extend(ids)
    _own.add(ids)


def _notify(session: Session) -> None:
    """Inside the transaction, so the other desks hear of it only once it commits."""
    if session.in_nested_transaction():
        return
    session.flush()  # what commit would flush still names its customers
    customers = session.info.pop(_CUSTOMERS, None)
    if not customers:
        return
    said: dict[str, Any] = {"from": SENDER}
    if len(customers) > MOST_NAMED:
        said["many"] = True
    else:
        said["customers"] = sorted(customers)
    session.connection().execute(text("SELECT pg_notify(:channel, :payload)"),
                                 {"channel": CHANNEL, "payload": json.dumps(said)})


def _committed(session: Session) -> None:
    session.info.pop(_CUSTOMERS, None)
    session.info.pop(_AUDITED, None)  # kept by _own until a watcher has read past them


def _rolled_back(session: Session) -> None:
    session.info.pop(_CUSTOMERS, None)
    _own.drop(session.info.pop(_AUDITED, ()))


def heard(payload: str) -> Changes | None:
    """What a NOTIFY says; None for this process's own, or for a payload not the desks'."""
    try:
        said = json.loads(payload)
        if said.get("from") == SENDER:
            return None
        if said.get("many"):
            return Changes(many=True)
        return Changes(frozenset(int(c) for c in said.get("customers", ())))
    except (ValueError, TypeError, AttributeError):
        log.warning("Ignored a notification on %s that is not a desk's: %.80r", CHANNEL,
                    payload)
        return None


class SqliteWatcher:
    """Asks ``PRAGMA data_version`` (a look at the file's header, no read transaction); only
    when another connection committed does it read the audit events after the last seen,
    each statement run to its end so no transaction stays open."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite_file.connect(path, "rw", timeout=1.0)
        self._connection.isolation_level = None  # never BEGIN: each statement stands alone
        self._version = self._data_version()
        self._seen = self._one("SELECT coalesce(max(id), 0) FROM audit_event")
        _own.watching(self, self._seen)

    def changes(self) -> Changes | None:
        version = self._data_version()
        if version == self._version:
            return None
        self._version = version
        with closing(self._connection.execute(
                "SELECT id, customer_id FROM audit_event WHERE id > ? ORDER BY id LIMIT ?",
                (self._seen, MOST_READ + 1))) as cursor:
            rows = cursor.fetchall()
        if not rows:
            return None
        if len(rows) > MOST_READ:
            self._seen = self._one("SELECT coalesce(max(id), 0) FROM audit_event")
            _own.watching(self, self._seen)
            return Changes(many=True)
        self._seen = rows[-1][0]
        customers = _own.others(self, rows)
        return Changes(frozenset(customers)) if customers else None

    def close(self) -> None:
        _own.closed(self)
        self._connection.close()

    def _data_version(self) -> int:
        return self._one("PRAGMA data_version")

    def _one(self, sql: str) -> int:
        with closing(self._connection.execute(sql)) as cursor:
            return int(cursor.fetchone()[0])


class ServerWatcher:
    """A thread LISTENs on a connection of its own and queues what it hears; ``changes``
    only empties the queue, so the window never waits on the network. After a lost
    connection it connects again and reports ``many``: something may have been missed."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._heard: queue.SimpleQueue[Changes] = queue.SimpleQueue()
        self._closing = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="contact-desk-listen",
                                        daemon=True)
        self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        """Whether the LISTEN is in place (tests wait for it before another desk writes)."""
        return self._listening.wait(timeout)

    def changes(self) -> Changes | None:
        found: Changes | None = None
        while True:
            try:
                heard_now = self._heard.get_nowait()
            except queue.Empty:
                return found
            found = heard_now if found is None else found | heard_now

    def close(self) -> None:
        self._closing.set()
        self._thread.join(LISTEN_WAIT_S * 8)

    def _listen(self) -> None:
        listened = False  # once it listened, a new connection may have missed something
        failing = False  # said in full once, then briefly at each try
        while not self._closing.is_set():
            try:
                with closing(self._connect()) as connection:
                    if listened:
                        self._heard.put(Changes(many=True))
                    listened, failing = True, False
                    self._listening.set()
                    while not self._closing.is_set():
                        for note in connection.notifies(timeout=LISTEN_WAIT_S):
                            found = heard(note.payload)
                            if found is not None:
                                self._heard.put(found)
            except Exception as error:  # noqa: BLE001 - a lost server: try again, go on
                self._listening.clear()
                if self._closing.is_set():
                    return
                if failing:
                    log.info("Still cannot listen for other desks' changes: %s", error)
                else:
                    log.warning("Listening for other desks' changes failed; trying again "
                                "every %.0f s", RECONNECT_S, exc_info=True)
                failing = True
                self._closing.wait(RECONNECT_S)

    def _connect(self) -> Any:
        """A psycopg connection of the engine's settings, out of its pool, in autocommit."""
        raw = self._engine.raw_connection()
        connection = raw.driver_connection
        raw.detach()
        connection.rollback()
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")
        return connection


Watcher = SqliteWatcher | ServerWatcher


def watch_other_desks(engine: Engine, path: Path | None) -> Watcher:
    """The watcher for the database of ``engine``: its SQLite file ``path``, or its server."""
    if path is not None:
        return SqliteWatcher(path)
    return ServerWatcher(engine)


