"""A synthetic DMS export: N customers with about four phones and emails each, the same for a seed.

Faker fills pools of names, streets and companies once; a seeded random draws from them, so a
million rows take seconds per hundred thousand and every run writes the same file.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from contact_desk.domain.vin import LETTERS, vin_check_digit
from contact_desk.sync.dms_csv import FIELDS

SEED = 2026
# Real area codes, so every number parses as a valid US number in any format below.
AREA_CODES = (
    201, 202, 205, 206, 210, 212, 213, 214, 215, 216, 224, 303, 305, 312, 313, 314, 317, 331,
    404, 407, 414, 415, 469, 480, 502, 503, 512, 513, 602, 612, 615, 617, 619, 630, 646, 702,
    704, 708, 713, 718, 720, 773, 801, 813, 815, 832, 847, 872, 901, 913, 919,
)
PHONE_FORMATS = (
    "({a}) {e}-{s}", "{a}-{e}-{s}", "{a}.{e}.{s}", "{a}{e}{s}", "+1 {a} {e} {s}", "1-{a}-{e}-{s}",
)
# How often a row has each value: about four contact points per customer.
SHARE = {"cell_phone": 1.0, "home_phone": 0.95, "work_phone": 0.85, "email": 0.95}
COMPANY_SHARE = 0.08
VEHICLE_SHARE = 0.7
BAD_ROW_EVERY = 2000  # a phone the DMS clerk cut short: the row is reported, not kept
MODELS = (
    ("Honda", "Civic"), ("Honda", "Accord"), ("Honda", "CR-V"), ("Toyota", "Camry"),
    ("Toyota", "RAV4"), ("Ford", "F-150"), ("Ford", "Explorer"), ("Chevrolet", "Tahoe"),
    ("Chevrolet", "Equinox"), ("Nissan", "Rogue"), ("Hyundai", "Tucson"), ("Subaru", "Outback"),
    ("Jeep", "Grand Cherokee"), ("Ram", "1500"), ("Kia", "Sorento"), ("Tesla", "Model Y"),
)
_VIN_CHARS = LETTERS + "0123456789"


@dataclass(frozen=True)
class ExportFacts:
    path: Path
    customers: int
    contact_points: int
    vehicles: int


class _Pools:
    """What Faker knows, drawn once: sampling these is a hundred times faster than Faker."""

    def __init__(self, seed: int) -> None:
        fake = Faker("en_US")
        fake.seed_instance(seed)
        self.first = sorted({fake.first_name() for _ in range(5000)})
        self.last = sorted({fake.last_name() for _ in range(20000)})
        self.companies = [fake.company() for _ in range(3000)]
        self.streets = [fake.street_address() for _ in range(5000)]
        self.places = [(fake.city(), fake.state_abbr(), fake.postcode()) for _ in range(2000)]
        self.domains = sorted({fake.free_email_domain() for _ in range(200)}
                              | {"example.com", "example.net", "example.org"})


def write_export(path: Path, customers: int, seed: int = SEED) -> ExportFacts:
    """Write ``customers`` DMS rows (every column of dms_csv.FIELDS) to ``path``."""
    pools = _Pools(seed)
    draw = random.Random(seed)
    points = vehicles = 0
    with Path(path).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(FIELDS)
        for index in range(customers):
            row = _row(index, pools, draw)
            points += sum(1 for name in SHARE if row.get(name))
            vehicles += "vin" in row
            writer.writerow([row.get(name, "") for name in FIELDS])
    return ExportFacts(Path(path), customers, points, vehicles)


def _row(index: int, pools: _Pools, draw: random.Random) -> dict[str, str]:
    first, last = draw.choice(pools.first), draw.choice(pools.last)
    city, state, postal = draw.choice(pools.places)
    row = {
        "customer_number": f"D{1_000_000 + index * 7}",  # DMS numbers leave gaps
        "first_name": first,
        "last_name": last,
        "birth_date": f"{draw.randint(1940, 2004)}-{draw.randint(1, 12):02}-{draw.randint(1, 28):02}",
        "address_line1": draw.choice(pools.streets),
        "city": city,
        "state": state,
        "postal_code": postal,
        "do_not_call": "Y" if draw.random() < 0.03 else "N",
        "do_not_text": "Y" if draw.random() < 0.05 else "N",
        "do_not_email": "Y" if draw.random() < 0.04 else "N",
    }
    if draw.random() < COMPANY_SHARE:
        row["company"] = draw.choice(pools.companies)
    for name in ("cell_phone", "home_phone", "work_phone"):
        if draw.random() < SHARE[name]:
            row[name] = _phone(draw)
    if draw.random() < SHARE["email"]:
        mailbox = draw.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[:1]}"))
        number = draw.randint(1, 999) if draw.random() < 0.6 else ""
        email = f"{mailbox}{number}@{draw.choice(pools.domains)}"
        row["email"] = email if draw.random() < 0.8 else email.upper()
    if draw.random() < VEHICLE_SHARE:
        make, model = draw.choice(MODELS)
        row.update(vin=random_vin(draw), vehicle_year=str(draw.randint(2005, 2025)),
                   vehicle_make=make, vehicle_model=model)
    if index % BAD_ROW_EVERY == BAD_ROW_EVERY - 1:
        row["home_phone"] = "555-12"
    return row


def _phone(draw: random.Random) -> str:
    exchange = draw.randint(200, 999)
    return draw.choice(PHONE_FORMATS).format(
        a=draw.choice(AREA_CODES), e=exchange, s=f"{draw.randint(0, 9999):04}"
    )


def random_vin(draw: random.Random) -> str:
    """A VIN whose check digit is right, so the garage takes it."""
    chars = [draw.choice(_VIN_CHARS) for _ in range(17)]
    chars[8] = "0"
    vin = "".join(chars)
    return vin[:8] + vin_check_digit(vin) + vin[9:]
