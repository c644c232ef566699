"""Figures 1 to 3: the DMS sync against its floors, search as you type, opening a customer.

Each runs the same service the desk and the command line call, on a SQLite file.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from benchmarks.figures import Figure, millis, percentile, timed
from benchmarks.floors import same_work_floor, storage_floor
from benchmarks.search_queries import KINDS, PAGE, Query, raw_sql
from benchmarks.synthetic_export import random_vin
from contact_desk.domain.enums import (
    AttemptOutcome,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactRole,
)
from contact_desk.os_login import os_login
from contact_desk.services import activity, additional_contacts, garage, sign_in
from contact_desk.services.contact_info import add_contact_point
from contact_desk.services.customers import create_customer, get_customer, search_customers
from contact_desk.store.database import Database, open_database
from contact_desk.sync.dms import sync_dms
from contact_desk.ui.desk import Desk
from contact_desk.services.forms import ContactForm

SEARCH_P95_MS = 10
SEARCH_MAX_MS = 30
SEARCH_RATIO = 3
BROAD_PAGE_MS = 10
BROAD_QUERIES = ("", "s", "ma", "+1 312", "gmail", "d1")
BROAD_PAGES = 150
OPEN_TARGET_MS = 30
SYNC_TARGET = 1.5
OPEN_REPEATS = 50
DESK_FILE = "desk.sqlite3"
OPEN_FIGURE = "Open a heavy customer"
HEAVY_NUMBER = "BENCH-HEAVY"
HEAVY_SEED = 11
HEAVY = {"phones": 10, "emails": 5, "contacts": 6, "vehicles": 5, "notes": 50, "attempts": 200}


def _first_manager(database: Database):  # noqa: ANN202 - an Actor
    """The manager the benchmark's new database made of this computer login."""
    return sign_in.act_as(database.unit_of_work(), None, os_login())


def sync_figures(export: Path, folder: Path) -> tuple[list[Figure], Database]:
    """Sync ``export`` into an empty database, then load it into the two floors' files."""
    for name in (DESK_FILE, "same-work.sqlite3", "storage.sqlite3"):
        for path in folder.glob(f"{name}*"):
            path.unlink()
    database = open_database(str(folder / DESK_FILE), create=True)
    actor = _first_manager(database)
    report = None

    def sync() -> None:
        nonlocal report
        report = sync_dms(database, actor, export)

    synced = timed(sync)
    same_work = timed(lambda: same_work_floor(export, folder / "same-work.sqlite3"))
    storage = timed(lambda: storage_floor(export, folder / "storage.sqlite3"))
    assert report is not None
    kept = f"{report.customers_created:,} customers, {report.values_added:,} phones and emails"
    return [
        Figure("DMS sync vs same-work floor (parse, validate, insert)", synced, "s", same_work,
               f"ratio <= {SYNC_TARGET}", synced / same_work <= SYNC_TARGET, kept),
        Figure("DMS sync vs storage floor (insert only)", synced, "s", storage,
               note=f"{len(report.bad_rows)} bad rows reported"),
    ], database


def search_figures(database: Database, queries: list[Query]) -> list[Figure]:
    """p50, p95 and max of the search service over ``queries``, each against the best
    hand-written SQL for its kind (the quicker of its ways, search_queries.raw_sql), and
    p95 kind by kind."""
    path = database.engine.url.database
    raw = sqlite3.connect(path)

    def best_raw(query: Query) -> float:
        return min(timed(lambda: raw.execute(sql, values).fetchall())
                   for sql, values in raw_sql(query))

    for query in queries:  # warm both paths once, as a desk that has been open a while is
        search_customers(database.unit_of_work(), query.text, PAGE)
        best_raw(query)
    service, direct, empty = [], [], []
    for query in queries:
        hits = []
        service.append(timed(lambda: hits.extend(
            search_customers(database.unit_of_work(), query.text, PAGE))))
        direct.append(best_raw(query))
        if not hits:
            empty.append(query.text)
    raw.close()
    service_p50, service_p95 = millis(service)
    direct_p50, direct_p95 = millis(direct)
    worst = max(zip(service, queries), key=lambda pair: pair[0])
    count = len(queries)
    figures = [
        Figure(f"Search as you type p50 ({count} queries)", service_p50, "ms", direct_p50),
        Figure(f"Search as you type p95 ({count} queries)", service_p95, "ms", direct_p95,
               f"<= {SEARCH_P95_MS} ms, ratio <= {SEARCH_RATIO}",
               service_p95 <= SEARCH_P95_MS and service_p95 / direct_p95 <= SEARCH_RATIO,
               f"{len(empty)} queries found nobody"),
        Figure(f"Search as you type max ({count} queries)", max(service) * 1000, "ms",
               max(direct) * 1000, f"<= {SEARCH_MAX_MS} ms", max(service) * 1000 <= SEARCH_MAX_MS,
               f"slowest: {worst[1].kind} {worst[1].text!r}"),
    ]
    for kind in KINDS:
        mine = [at for at, query in enumerate(queries) if query.kind == kind]
        if mine:
            figures.append(Figure(
                f"Search p95, {kind} ({len(mine)})",
                percentile([service[at] for at in mine], 0.95) * 1000, "ms",
                percentile([direct[at] for at in mine], 0.95) * 1000,
                note=", ".join(repr(queries[at].text) for at in mine[:3])))
    return figures


def broad_page_figures(database: Database) -> list[Figure]:
    """Pages deep into broad searches, each read by key from the page before (as the list
    reads them when scrolled): p95 and the slowest page, and the 100th page of "s"."""
    samples, hundredth = [], 0.0
    for query in BROAD_QUERIES:
        after = None
        for page in range(1, BROAD_PAGES + 1):
            hits: list = []
            samples.append(timed(lambda: hits.extend(search_customers(
                database.unit_of_work(), query, PAGE, after=after))))
            if query == "s" and page == 100:
                hundredth = samples[-1] * 1000
            if len(hits) < PAGE:
                break
            after = hits[-1].id
    p50, p95 = millis(samples)
    slowest = max(samples) * 1000
    said = (f"{len(samples)} pages of {', '.join(map(repr, BROAD_QUERIES))}, up to "
            f"{BROAD_PAGES} each, by key; page 100 of 's' {hundredth:.1f} ms")
    return [Figure("Any page of a broad search p95", p95, "ms", note=said),
            Figure("Any page of a broad search max", slowest, "ms",
                   target=f"<= {BROAD_PAGE_MS} ms", met=slowest <= BROAD_PAGE_MS, note=said)]


def add_heavy_customer(database: Database) -> int:
    """A customer with every list of the page and card long: through the services."""
    uow, actor = database.unit_of_work, _first_manager(database)
    customer = create_customer(uow(), actor, first_name="Heavy", last_name="Customer",
                               customer_number=HEAVY_NUMBER)
    for n in range(HEAVY["phones"]):
        add_contact_point(uow(), actor, customer, ContactKind.PHONE, f"(312) 555-{n:04}")
    for n in range(HEAVY["emails"]):
        add_contact_point(uow(), actor, customer, ContactKind.EMAIL, f"heavy{n}@example.com")
    for n in range(HEAVY["contacts"]):
        additional_contacts.add_contact(
            uow(),
            actor,
            customer,
            ContactForm(
                first_name=f"Person{n}",
                last_name="Customer",
                role=ContactRole.ASSISTANT,
                email=f"person{n}.heavy@example.com",
                phone=f"(312) 555-{100 + n:04}",
                primary_contact=n == 0,
                preferences=tuple(CommunicationPreference)[: n % 6 + 1],
            ),
        )
    draw = random.Random(HEAVY_SEED)
    for n in range(HEAVY["vehicles"]):
        garage.add_vehicle(uow(), actor, customer, random_vin(draw), 2010 + n, "Honda", "Accord")
    for n in range(HEAVY["notes"]):
        activity.add_note(uow(), actor, customer, f"Called about the service visit #{n}.")
    channels, outcomes = list(Channel), list(AttemptOutcome)
    for n in range(HEAVY["attempts"]):
        activity.log_contact_attempt(
            uow(), actor, customer, channels[n % len(channels)], outcomes[n % len(outcomes)]
        )
    return customer


def heavy_customer_id(path: Path) -> int:
    database = open_database(str(path))
    try:
        return get_customer(database.unit_of_work(), HEAVY_NUMBER).id
    finally:
        database.dispose()


def ordinary_customer_ids(path: Path, count: int = 10) -> list[int]:
    """``count`` customers of the export spread over the file (not the heavy one)."""
    with sqlite3.connect(path) as raw:
        low, high = raw.execute(
            "SELECT min(id), max(id) FROM customer WHERE customer_number != ?", (HEAVY_NUMBER,)
        ).fetchone()
        step = max(1, (high - low) // count)
        return [
            row[0]
            for row in raw.execute(
                "SELECT id FROM customer WHERE id >= ? AND id % ? = 0 AND customer_number != ?"
                " ORDER BY id LIMIT ?",
                (low, step, HEAVY_NUMBER, count),
            )
        ]


def open_customer_figure(database: Database, customer_id: int) -> Figure:
    """p95 of what the window asks for when a customer is opened: page, card, programs."""
    desk = Desk(database, _first_manager(database))

    def open_customer() -> None:
        desk.customer(customer_id)
        desk.card(customer_id)
        desk.programs_of(customer_id)
        desk.desk_users()

    open_customer()
    samples = [timed(open_customer) for _ in range(OPEN_REPEATS)]
    p95 = percentile(samples, 0.95) * 1000
    shape = ", ".join(f"{count} {name}" for name, count in HEAVY.items())
    return Figure(
        f"{OPEN_FIGURE} p95 (page + card + programs)",
        p95,
        "ms",
        target=f"< {OPEN_TARGET_MS} ms",
        met=p95 < OPEN_TARGET_MS,
        note=shape,
    )
