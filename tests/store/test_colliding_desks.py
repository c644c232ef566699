"""Two transactions that want the same rows in another order: PostgreSQL ends one of them
(a deadlock). The desk's change is run again inside its use case, and goes through; only a
change that keeps colliding is refused, in plain words and with nothing saved."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import threading

import pytest
from sqlalchemy import create_engine, text

import contact_desk.services
from contact_desk.services import contact_info
from contact_desk.domain.enums import ContactKind
from contact_desk.domain.errors import DomainError
from contact_desk.services.customers import create_customer, get_customer
from contact_desk.store import unit_of_work
from contact_desk.store.database import open_database
from contact_desk.store.unit_of_work import COLLISION_TRIES
from tests.conftest import first_manager, new_server_database

WAIT_S = 20


def two_phones(database, manager) -> tuple[int, int, int]:
    """Ann with her cell (primary) and her home phone: (customer, cell, home)."""
    ann = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee")
    cell = contact_info.add_contact_point(database.unit_of_work(), manager, ann,
                                ContactKind.PHONE, "(212) 555-0142").added_id
    home = contact_info.add_contact_point(database.unit_of_work(), manager, ann,
                                ContactKind.PHONE, "(212) 555-0143").added_id
    shown = get_customer(database.unit_of_work(), ann)
    assert [p.is_primary for p in shown.phones] == [True, False]
    return ann, cell, home


class OtherDesk(threading.Thread):
    """Another desk's transaction: it holds Ann's customer row; each time the desk's
    ``set_primary`` has unchecked the cell and waits for that row, it asks for the cell, so
    each waits for the other. Its own deadlock check is put off, so the server ends the
    desk's try, never this one; a savepoint lets go of the cell for the desk's next try.
    ``times`` deadlocks, then it commits and lets the desk through."""

    def __init__(self, url: str, customer_id: int, cell_id: int, times: int) -> None:
        super().__init__(daemon=True)
        self.engine = create_engine(url)
        self.customer_id, self.cell_id, self.times = customer_id, cell_id, times
        self.holding = threading.Event()
        self.deadlocks_made = 0
        self.error: BaseException | None = None

    def __enter__(self) -> OtherDesk:
        self.start()
        assert self.holding.wait(WAIT_S), self.error
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.join(WAIT_S)
        assert not self.is_alive(), "the other desk is still waiting"

    def run(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SET deadlock_timeout = '60s'"))
                connection.execute(text("SELECT id FROM customer WHERE id = :id FOR UPDATE"),
                                   {"id": self.customer_id})
                self.holding.set()
                for _ in range(self.times):
                    self._wait_for_the_desk_waiting(connection)
                    connection.execute(text("SAVEPOINT cell"))
                    connection.execute(
                        text("SELECT id FROM contact_point WHERE id = :id FOR UPDATE"),
                        {"id": self.cell_id})
                    self.deadlocks_made += 1
                    connection.execute(text("ROLLBACK TO SAVEPOINT cell"))
                connection.commit()
        except BaseException as error:  # noqa: BLE001 - reported to the test
            self.error = error
        finally:
            self.holding.set()
            self.engine.dispose()

    @staticmethod
    def _wait_for_the_desk_waiting(connection) -> None:
        for _ in range(WAIT_S * 100):
            connection.execute(text("SELECT pg_stat_clear_snapshot()"))  # a fresh look
            waiting = connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND pid <> pg_backend_pid() AND datname = current_database()")).scalar()
            if waiting:
                return
            threading.Event().wait(0.01)
        raise TimeoutError("the desk never waited for the customer row")


@pytest.fixture
def server_url(postgres_admin_url):
    """A fresh desk database on PostgreSQL only: SQLite has one writer at a time, so its
    desks wait for each other and never deadlock."""
    with new_server_database(postgres_admin_url) as url:
        yield url


@pytest.fixture
def server(server_url):
    database = open_database(server_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def boss(server):
    return first_manager(server)


def test_a_primary_click_that_deadlocks_with_another_desk_is_run_again_and_saved(
        server, server_url, boss):
    database, database_url, manager = server, server_url, boss
    ann, cell, home = two_phones(database, manager)
    with OtherDesk(database_url, ann, cell, times=1) as other:
        contact_info.set_primary(database.unit_of_work(), manager, home)  # no error: it was run again
    assert other.error is None and other.deadlocks_made == 1
    shown = get_customer(database.unit_of_work(), ann)
    assert [(p.id, p.is_primary) for p in shown.phones if p.is_primary] == [(home, True)]


def test_a_change_that_keeps_colliding_is_refused_in_plain_words_with_nothing_saved(
        server, server_url, boss):
    database, database_url, manager = server, server_url, boss
    ann, cell, home = two_phones(database, manager)
    with OtherDesk(database_url, ann, cell, times=COLLISION_TRIES) as other, \
            pytest.raises(DomainError) as refused:
        contact_info.set_primary(database.unit_of_work(), manager, home)
    assert other.error is None and other.deadlocks_made == COLLISION_TRIES
    assert str(refused.value).startswith("Another desk or a sync kept changing the same")
    assert "Nothing was saved" in str(refused.value)
    shown = get_customer(database.unit_of_work(), ann)
    assert [p.id for p in shown.phones if p.is_primary] == [cell]


def _writing_use_cases():
    """Each public service function that commits, itself or through the module's private
    helpers (one transaction body shared by several use cases)."""
    for info in pkgutil.iter_modules(contact_desk.services.__path__):
        module = importlib.import_module(f"contact_desk.services.{info.name}")
        own = {name: function for name, function in vars(module).items()
               if inspect.isfunction(function) and function.__module__ == module.__name__}
        source = {name: inspect.getsource(inspect.unwrap(f)) for name, f in own.items()}
        writes = {name for name, text in source.items() if "uow.commit()" in text}
        while True:  # a function calling a private helper that writes (unwrapped) writes too
            more = {name for name, text in source.items() if name not in writes
                    and any(re.search(rf"\b{helper}\(", text) for helper in writes
                            if helper.startswith("_")
                            and not getattr(own[helper], "retried_when_desks_collide", False))}
            if not more:
                break
            writes |= more
        for name in sorted(writes):
            if not name.startswith("_"):
                yield f"{info.name}.{name}", own[name]


def test_every_use_case_that_writes_is_run_again_when_desks_collide():
    found = dict(_writing_use_cases())
    assert len(found) > 30 and "contact_info.set_primary" in found
    bare = [name for name, function in found.items()
            if not getattr(function, "retried_when_desks_collide", False)]
    assert bare == [], f"wrap these in {unit_of_work.__name__}.retried_when_desks_collide"
