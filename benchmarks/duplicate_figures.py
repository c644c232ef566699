"""Duplicate detection at size: plant 2% duplicates (and 1% households that are not) among
the synthetic export's customers, sync them in, scan, and score the scan against the plan.

    .venv/bin/python -m benchmarks.duplicate_figures --customers 1000000

Each planted copy is a customer of the export arriving again under a new DMS number with
one kind of evidence in common and a varied name, the ways duplicates arrive: a typo or a
nickname on the same mobile, the same email, first and last swapped on the same phone, the
same name and birth date with new numbers, the same name at the same house, the same VIN.
Each household is a spouse: the same last name and home phone, another first name.
Figures: the full scan (limit 60 s), precision and recall against the planted pairs (both
at least 0.95), and one customer's check (p95, limit 20 ms).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.figures import Figure, millis, timed
from benchmarks.store_figures import DESK_FILE, _first_manager
from benchmarks.synthetic_export import write_export
from contact_desk.domain.duplicate_scan import Kinship, _nickname_groups, kinship
from contact_desk.services.duplicate_scan import (
    candidates,
    check_customer,
    scan_for_duplicates,
)
from contact_desk.store.customer import Customer
from contact_desk.store.database import open_database
from contact_desk.store.duplicates import PossibleDuplicate
from contact_desk.sync.dms import sync_dms
from contact_desk.sync.dms_csv import FIELDS

HERE = Path(__file__).parent
SCAN_LIMIT_S = 60.0
CHECK_LIMIT_MS = 20.0
QUALITY = 0.95
DUPLICATE_SHARE, HOUSEHOLD_SHARE = 0.02, 0.01
VALUES = ("cell_phone", "home_phone", "work_phone", "email", "vin", "vehicle_year",
          "vehicle_make", "vehicle_model")


def plant(export: Path, out: Path, seed: int = 7) -> tuple[set[tuple[str, str]], int]:
    """Write the planted rows to ``out``; the planted duplicate pairs (by DMS number) and
    how many households were written."""
    with export.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    draw = random.Random(seed)
    nicknames = _nicknames()
    chosen = draw.sample(range(len(rows)), int(len(rows) * (DUPLICATE_SHARE + HOUSEHOLD_SHARE)))
    cut = int(len(rows) * DUPLICATE_SHARE)
    pairs: set[tuple[str, str]] = set()
    households = 0
    with out.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, FIELDS)
        writer.writeheader()
        for serial, at in enumerate(chosen):
            original = rows[at]
            copy = {**original, "customer_number": f"P{serial:07}",
                    **dict.fromkeys(VALUES, "")}
            if serial < cut:
                if not _duplicate(copy, original, draw, nicknames):
                    continue
                pairs.add((original["customer_number"], copy["customer_number"]))
            else:
                if not original["home_phone"] or original["home_phone"] == "555-12":
                    continue
                copy.update(first_name=_other_first(original["first_name"], rows, draw),
                            home_phone=original["home_phone"], birth_date="",
                            address_line1="", postal_code="")
                households += 1
            writer.writerow(copy)
    return pairs, households


def _duplicate(copy: dict, original: dict, draw: random.Random,
               nicknames: dict[str, list[str]]) -> bool:
    """Vary the copy one of the six ways; False when the original lacks what that needs."""
    way = draw.randrange(6)
    first = original["first_name"]
    copy.update(birth_date="", address_line1="", postal_code="")
    if way == 0 and original["cell_phone"]:
        copy.update(first_name=_typo(first, draw), cell_phone=original["cell_phone"])
    elif way == 1 and original["email"]:
        nick = nicknames.get(first.casefold())
        copy.update(first_name=draw.choice(nick).title() if nick else _typo(first, draw),
                    email=original["email"])
    elif way == 2 and original["cell_phone"]:
        copy.update(first_name=original["last_name"], last_name=first,
                    cell_phone=original["cell_phone"])
    elif way == 3:
        copy.update(birth_date=original["birth_date"])
    elif way == 4:
        copy.update(address_line1=original["address_line1"],
                    postal_code=original["postal_code"])
    elif way == 5 and original["vin"]:
        copy.update({name: original[name] for name in ("vin", "vehicle_year", "vehicle_make",
                                                        "vehicle_model")})
    else:
        copy.update(birth_date=original["birth_date"])  # the evidence every row has
    return True


def _typo(name: str, draw: random.Random) -> str:
    if len(name) < 4:
        return name + name[-1]
    at = draw.randrange(1, len(name) - 1)
    return name[:at] + name[at + 1:] if draw.random() < 0.5 else name[:at] + name[at] * 2 + name[at + 1:]


def _other_first(first: str, rows: list[dict], draw: random.Random) -> str:
    while True:
        other = draw.choice(rows)["first_name"]
        if other[:1].casefold() != first[:1].casefold():
            return other


def _nicknames() -> dict[str, list[str]]:
    by_group: dict[int, list[str]] = {}
    for name, groups in _nickname_groups().items():
        for group in groups:
            by_group.setdefault(group, []).append(name)
    return {name: [n for g in groups for n in by_group[g] if n != name]
            for name, groups in _nickname_groups().items()}


def figures(customers: int, work: Path, say=print) -> list[Figure]:  # noqa: ANN001
    work.mkdir(parents=True, exist_ok=True)
    export = work / f"dms-export-{customers}.csv"
    if not export.exists():
        say(f"writing {export.name}")
        write_export(export, customers)
    planted_file = work / f"planted-{customers}.csv"
    pairs, households = plant(export, planted_file)
    path = work / f"duplicates-{customers}.sqlite3"
    for old in work.glob(f"{path.name}*"):
        old.unlink()
    desk = work / DESK_FILE
    if desk.exists() and _customers_in(desk) == customers:
        say("copying the synced desk database")
        with sqlite3.connect(desk) as source, sqlite3.connect(path) as target:
            source.backup(target)
        database = open_database(str(path))
    else:
        say("syncing the export")
        database = open_database(str(path), create=True)
        sync_dms(database, _first_manager(database), export)
    actor = _first_manager(database)
    say(f"syncing {len(pairs):,} planted duplicates and {households:,} households")
    sync_dms(database, actor, planted_file)
    say("scanning")
    report = None

    def scan() -> None:
        nonlocal report
        report = scan_for_duplicates(database, actor)

    scanned = timed(scan)
    found = _found_pairs(database)
    twins = _twins(database, found - pairs)
    true = len(found & pairs) + len(twins)
    precision = true / len(found) if found else 0.0
    recall = len(found & pairs) / len(pairs) if pairs else 0.0
    say("checking single customers")
    with database.sessions() as session:
        ids = [row for row, in session.execute(
            Customer.__table__.select().with_only_columns(Customer.id)
            .where(Customer.customer_number.like("P%")).limit(200))]
        check_customer(session, ids[0])  # warm
        samples = [timed(lambda: check_customer(session, customer_id)) for customer_id in ids]
    database.dispose()
    p50, p95 = millis(samples)
    assert report is not None
    note = (f"{report.customers:,} customers, {len(pairs):,} planted pairs, {households:,} "
            f"planted households; {len(found):,} pairs found, {len(found & pairs):,} of them "
            f"planted and {len(twins):,} the export's own twins (one name, one email: the "
            "generator gave two rows one mailbox), counted as right")
    return [
        Figure("Duplicate scan, whole file", scanned, "s", SCAN_LIMIT_S,
               f"<= {SCAN_LIMIT_S:.0f} s", scanned <= SCAN_LIMIT_S, note),
        Figure("Duplicate scan precision", precision, "", None, f">= {QUALITY}",
               precision >= QUALITY),
        Figure("Duplicate scan recall", recall, "", None, f">= {QUALITY}", recall >= QUALITY),
        Figure("One customer's duplicate check, p95", p95, "ms", CHECK_LIMIT_MS,
               f"<= {CHECK_LIMIT_MS:.0f} ms", p95 <= CHECK_LIMIT_MS, f"p50 {p50:.1f} ms"),
    ]


def _customers_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM customer").fetchone()[0]


def _twins(database, pairs: set[tuple[str, str]]) -> set[tuple[str, str]]:  # noqa: ANN001
    """Of pairs not planted, those the export itself made: the same folded full name and the
    same email, which any clerk calls one person."""
    if not pairs:
        return set()
    with database.sessions() as session:
        ids = {num: cid for cid, num in session.execute(
            Customer.__table__.select().with_only_columns(Customer.id,
                                                          Customer.customer_number))}
        people = {c.number: c for c in candidates(session, sorted(
            {ids[n] for pair in pairs for n in pair}))}
    return {(a, b) for a, b in pairs
            if kinship(people[a], people[b]) is Kinship.SAME
            and people[a].emails & people[b].emails}


def _found_pairs(database) -> set[tuple[str, str]]:  # noqa: ANN001
    with database.sessions() as session:
        number = {cid: num for cid, num in session.execute(
            Customer.__table__.select().with_only_columns(Customer.id,
                                                          Customer.customer_number))}
        found = session.execute(PossibleDuplicate.__table__.select().with_only_columns(
            PossibleDuplicate.customer_id, PossibleDuplicate.other_customer_id)).all()
    return {tuple(sorted((number[a], number[b]), key=lambda n: n.startswith("P")))
            for a, b in found}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.duplicate_figures",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--work", type=Path, default=HERE / ".work")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def say(text: str) -> None:
        print(f"[{time.perf_counter() - started:7.1f} s] {text}", file=sys.stderr, flush=True)

    for figure in figures(args.customers, args.work, say):
        limit = f" (limit {figure.limit:g} {figure.unit})" if figure.limit is not None else ""
        print(f"{figure.name}: {figure.value:,.3f} {figure.unit}{limit}  target {figure.target}"
              f"  {'met' if figure.met else 'NOT met'}  {figure.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
