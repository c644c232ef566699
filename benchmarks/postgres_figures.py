"""Search on PostgreSQL under a language's collation, as most servers are set up: the same
export synced into a database made with ICU's American English (else the C library's
C.UTF-8), then the same queries through the same service.

Run with ``python -m benchmarks.run --postgres ADMIN_URL``: the URL of a server where the
benchmark may create and drop its own database.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text

from benchmarks.figures import Figure, millis, timed
from benchmarks.search_queries import PAGE, Query
from contact_desk.os_login import os_login
from contact_desk.services import sign_in
from contact_desk.services.customers import search_customers
from contact_desk.store.database import open_database
from contact_desk.sync.dms import sync_dms

DATABASE = "contact_desk_benchmark"
POSTGRES_P95_MS = 20


def _collation(admin) -> str:  # noqa: ANN001 - an engine
    with admin.connect() as connection:
        icu = connection.execute(text(
            "SELECT count(*) FROM pg_collation WHERE collprovider = 'i'")).scalar()
    return ("LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'" if icu
            else "LOCALE 'C.UTF-8'")


def postgres_figures(export: Path, admin_url: str, queries: list[Query]) -> list[Figure]:
    """Sync ``export`` into a new database of a language's collation; search p50/p95/max."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    collation = _collation(admin)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{DATABASE}" TEMPLATE template0 '
                                f"ENCODING 'UTF8' {collation}"))
    url = admin_url.rsplit("/", 1)[0] + "/" + DATABASE
    database = open_database(url, create=True)
    try:
        actor = sign_in.act_as(database.unit_of_work(), None, os_login())
        synced = timed(lambda: sync_dms(database, actor, export))
        for query in queries:
            search_customers(database.unit_of_work(), query.text, PAGE)
        samples = [timed(lambda: search_customers(database.unit_of_work(), query.text, PAGE))
                   for query in queries]
    finally:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
        admin.dispose()
    p50, p95 = millis(samples)
    worst = max(zip(samples, queries), key=lambda pair: pair[0])
    said = (f"{len(queries)} queries; database {collation.split(' LOCALE ')[0]}; synced in "
            f"{synced:.0f} s, ANALYZE at its end")
    return [
        Figure("PostgreSQL (language collation): search p50", p50, "ms", note=said),
        Figure("PostgreSQL (language collation): search p95", p95, "ms",
               target=f"<= {POSTGRES_P95_MS} ms", met=p95 <= POSTGRES_P95_MS, note=said),
        Figure("PostgreSQL (language collation): search max", max(samples) * 1000, "ms",
               note=f"slowest: {worst[1].kind} {worst[1].text!r}"),
    ]
