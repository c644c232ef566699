"""Demo data: a dealership's worth of realistic customers, written through the desk's own rules.

The same seed and count give the same people, phones, emails and vehicles; dates and model
years are placed relative to the day of filling, so due dates lie ahead and status dates behind.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.additional_contact import (
    check_can_send_invite,
    check_contact_details,
    check_name,
)
from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import (
    AssignmentRole,
    AttemptOutcome,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    DealStage,
    InvoiceStatus,
    PaymentFrequency,
    Permission,
    ProgramState,
    Source,
    TextConsent,
    VehicleSource,
)
from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.history import Cause
from contact_desk.domain.incoming import IncomingKind
from contact_desk.domain.phone import PhoneNumber
from contact_desk.domain.vin import LETTERS as VIN_LETTERS
from contact_desk.domain.vin import vin_check_digit
from contact_desk.services import audit
from contact_desk.services import consent as consent_records

# The demo calls the services' own helpers so it follows their rules instead of copying them.
from contact_desk.services.additional_contacts import link_person, person_fields, refuse_taken_email
from contact_desk.services.contact_points import (
    apply_status,
    make_primary,
    new_contact_point,
    settle_primary,
)
from contact_desk.services.customers import address_of, count_customers
from contact_desk.services.forms import ConsentForm
from contact_desk.services.lookup import home_region
from contact_desk.services.summary import write_summary
from contact_desk.services.users import actor_of
from contact_desk.store.activity import AuditEvent, ContactAttempt, Note, WebActivity
from contact_desk.store.base import utc_now
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.database import Database
from contact_desk.store.incoming_lock import one_at_a_time
from contact_desk.store.people import ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide
from contact_desk.store.users import Assignment, Setting, User, UserPermission

BATCH = 250
FIRST_CUSTOMER_NUMBER = 100001

_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # 1980, 1981... and again from 2010

# ---------------------------------------------------------------- what the dealership looks like

# (make, model, world manufacturer identifier)
_MODELS = (
    ("Honda", "Civic", "2HG"), ("Honda", "Accord", "1HG"), ("Honda", "CR-V", "5J6"),
    ("Honda", "Pilot", "5FN"), ("Toyota", "Camry", "4T1"), ("Toyota", "RAV4", "2T3"),
    ("Toyota", "Highlander", "5TD"), ("Toyota", "Tacoma", "3TM"), ("Ford", "F-150", "1FT"),
    ("Ford", "Explorer", "1FM"), ("Ford", "Transit", "1FT"), ("Chevrolet", "Tahoe", "1GN"),
    ("Chevrolet", "Silverado 1500", "1GC"), ("Chevrolet", "Equinox", "3GN"),
    ("Nissan", "Rogue", "5N1"), ("Nissan", "Altima", "1N4"), ("Hyundai", "Tucson", "KM8"),
    ("Hyundai", "Elantra", "5NP"), ("Subaru", "Outback", "4S4"), ("Subaru", "Forester", "JF2"),
    ("Jeep", "Grand Cherokee", "1C4"), ("Ram", "1500", "1C6"), ("Kia", "Sorento", "5XY"),
    ("Tesla", "Model Y", "7SA"), ("BMW", "X5", "5UX"),
)
# Every number made is in the fictional 555-0100..0199 range, valid in these area codes.
_LOCAL_AREA_CODES = (312, 773, 872, 630, 331, 708, 847, 224, 815, 779)
_AREA_CODES = (
    201, 202, 205, 206, 210, 212, 213, 214, 215, 216, 303, 305, 313, 314, 317, 404, 407, 414,
    415, 469, 480, 502, 503, 512, 513, 602, 612, 615, 617, 619, 702, 704, 713, 720, 801, 813,
    832, 901, 913, 919,
)
_TOWNS = (
    ("Chicago", "IL", ("60601", "60614", "60618", "60625", "60640", "60657")),
    ("Evanston", "IL", ("60201", "60202")), ("Naperville", "IL", ("60540", "60563", "60565")),
    ("Oak Park", "IL", ("60302", "60304")), ("Schaumburg", "IL", ("60173", "60193")),
    ("Aurora", "IL", ("60502", "60505")), ("Joliet", "IL", ("60431", "60435")),
    ("Skokie", "IL", ("60076", "60077")), ("Elgin", "IL", ("60120", "60123")),
    ("Wheaton", "IL", ("60187",)), ("Arlington Heights", "IL", ("60004", "60005")),
    ("Orland Park", "IL", ("60462", "60467")), ("Des Plaines", "IL", ("60016", "60018")),
    ("Hammond", "IN", ("46320", "46324")), ("Kenosha", "WI", ("53140", "53144")),
)
_MAIL_DOMAINS = ("example.com", "example.net", "example.org")  # reserved: no mail ever arrives
_LEAD_SOURCES = ("Cars.com", "Autotrader", "CarGurus", "TrueCar", "Edmunds", "Dealer website")
_DESK_SOURCES = ("Walk-in", "Phone-up", "Referral", "Service drive", "Repeat customer")
_OTHER_ROLES = {
    True: ("Fleet coordinator", "Office manager", "Controller"),
    False: ("Co-signer", "Adult child", "Parent", "Caregiver"),
}
_ROLE_PREFERENCES = {
    ContactRole.SPOUSE: (CommunicationPreference.SCHEDULING, CommunicationPreference.CAR_UPDATES),
    ContactRole.ASSISTANT: (CommunicationPreference.SCHEDULING,),
    ContactRole.BOOKKEEPER: (CommunicationPreference.INVOICES, CommunicationPreference.CONTRACTS),
    ContactRole.VEHICLE_MANAGER: (CommunicationPreference.SCHEDULING,
                                  CommunicationPreference.ESTIMATES),
    ContactRole.OTHER: (),
}
# What happens on each channel, with weights: a call is not "bounced", an email gets no message.
_OUTCOMES = {
    Channel.TEXT: ((AttemptOutcome.REPLIED, 5), (AttemptOutcome.NO_ANSWER, 4),
                   (AttemptOutcome.BOUNCED, 1), (AttemptOutcome.WRONG_NUMBER, 1)),
    Channel.CALL: ((AttemptOutcome.REACHED, 4), (AttemptOutcome.NO_ANSWER, 4),
                   (AttemptOutcome.LEFT_MESSAGE, 4), (AttemptOutcome.WRONG_NUMBER, 1)),
    Channel.EMAIL: ((AttemptOutcome.REPLIED, 3), (AttemptOutcome.NO_ANSWER, 6),
                    (AttemptOutcome.BOUNCED, 1)),
}
# Once through every channel and outcome, and a text begun from the desk's click-to-text.
_EVERY_ATTEMPT = (*((channel, outcome) for channel, pairs in _OUTCOMES.items()
                    for outcome, _ in pairs), (Channel.TEXT, AttemptOutcome.STARTED))
_NOTES = (
    "Called about the {vehicle} recall; will book it after the holidays.",
    "Prefers texts after 5 pm. Works nights on weekends.",
    "Asked for a payoff quote on the current loan.",
    "Spouse handles the service appointments.",
    "Thinking about trading in the {vehicle} next spring.",
    "Left the spare key for the {vehicle} at the service desk.",
    "Wants the window sticker emailed before coming in.",
    "Follow up on the extended warranty quote in two weeks.",
    "Asked us not to call before 10 am.",
    "Paid the deposit by card; receipt sent by email.",
)
_PAGES = (
    "/inventory/new/honda/cr-v", "/inventory/used?make=Toyota", "/service/schedule",
    "/finance/apply", "/specials", "/trade-in-value", "/inventory/new/ford/f-150",
    "/parts/order", "/about/hours",
)


@dataclass(frozen=True)
class _StaffMember:
    login: str
    name: str
    permissions: tuple[Permission, ...]
    role: AssignmentRole | None


_EDIT = (Permission.EDIT_CUSTOMERS,)
_STAFF = (
    _StaffMember("manager", "Morgan Avery", tuple(Permission), None),
    _StaffMember("clerk", "Casey Clerk", _EDIT, None),
    _StaffMember("dwhitfield", "Dana Whitfield", _EDIT, AssignmentRole.SALES),
    _StaffMember("mreyes", "Marcus Reyes", _EDIT, AssignmentRole.SALES),
    _StaffMember("pnair", "Priya Nair", (*_EDIT, Permission.ASSIGN_USERS), AssignmentRole.BDC),
    _StaffMember("jokafor", "Jordan Okafor", _EDIT, AssignmentRole.BDC),
    _StaffMember("tkowalski", "Tom Kowalski", _EDIT, AssignmentRole.SERVICE_BDC),
)

# ---------------------------------------------------------------- the result

CHOSEN_PRIMARY = "primary phone chosen at the desk"
MOVED_PRIMARY = "primary moved by the default rule"
NO_ACTIVE_PHONE = "no active phone"
NO_ACTIVE_EMAIL = "no active email"
BLOCKED_PRIMARY = "primary phone do-not-text, primary email opted out"
FLEET = "company with more than three vehicles"
FOREIGN = "foreign phone numbers"
SHARED_CONTACT = "contact on two accounts"
LOCKED_LEAD = "deal from a lead, source locked"
FULL_CARD = "every section of the contact card"
EVERY_PROGRAM_STATE = "programs in every state"
_EXAMPLE_ORDER = (CHOSEN_PRIMARY, MOVED_PRIMARY, NO_ACTIVE_PHONE, NO_ACTIVE_EMAIL,
                  BLOCKED_PRIMARY, FLEET, FOREIGN, SHARED_CONTACT, LOCKED_LEAD,
                  EVERY_PROGRAM_STATE, FULL_CARD)


@dataclass(frozen=True)
class DemoSummary:
    """How much was written, and customers worth opening first as (what it shows, number)."""

    customers: int
    phones: int
    emails: int
    contacts: int
    people: int
    programs: int
    invoices: int
    vehicles: int
    deals: int
    notes: int
    contact_attempts: int
    web_visits: int
    users_created: int
    summaries: int = 0
    examples: tuple[tuple[str, str], ...] = ()

    @property
    def contact_points(self) -> int:
        return self.phones + self.emails

    @property
    def example_numbers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(number for _, number in self.examples))


def fill_demo_data(
    database: Database,
    actor: Actor,
    customers: int = 200,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo customers; refuse one that has customers already.

    Everything goes in one transaction, written in batches: stopped half-way, nothing is
    kept. ``progress(done, total)`` is called after each batch.
    """
    # Demo data is an import that also adds the demo's staff.
    actor.require(Permission.RUN_SYNC)
    actor.require(Permission.MANAGE_USERS)
    if customers < 1:
        raise InvalidValue("Ask for at least one demo customer.")
    with one_at_a_time(database, actor, IncomingKind.DEMO_DATA):
        return _fill(database, actor, customers, seed, progress)


@retried_when_desks_collide
def _fill(database: Database, actor: Actor, customers: int, seed: int,
          progress: Callable[[int, int], None] | None) -> DemoSummary:
    uow = database.unit_of_work()
    with uow:
        existing = count_customers(uow.session)
        if existing:
            noun = "customer" if existing == 1 else "customers"
            raise NotAllowed(
                f"This database already has {existing:,} {noun}; "
                "demo data goes into an empty one."
            )
        dealership = _Dealership(uow, seed, actor)
        for start in range(0, customers, BATCH):
            end = min(start + BATCH, customers)
            for index in range(start, end):
                dealership.add_customer(index)
            dealership.end_batch()
            if progress is not None:
                progress(end, customers)
        uow.commit()
        return dealership.summary()


# ---------------------------------------------------------------- one customer's plan


@dataclass(frozen=True)
class _Plan:
    """What one customer will have, drawn before anything of theirs is written."""

    company: bool
    phone_types: tuple[ContactPointType, ...]
    email_types: tuple[ContactPointType, ...]
    foreign: int
    chosen_primary: bool
    moved_primary: bool
    no_active_phone: bool
    no_active_email: bool
    blocked_primary: bool
    roles: tuple[ContactRole, ...]
    shares_contact: bool
    vehicles: int
    programs: tuple[ProgramState, ...]
    deal: DealStage | None
    lead_source: str | None
    busy: bool = False  # notes, attempts on every channel, visits, all three assignments


_PHONE_TYPES = tuple(t for t in ContactPointType if t.kind is ContactKind.PHONE)
_EMAIL_TYPES = tuple(t for t in ContactPointType if t.kind is ContactKind.EMAIL)
_COMPANY_ROLES = (ContactRole.BOOKKEEPER, ContactRole.VEHICLE_MANAGER, ContactRole.ASSISTANT,
                  ContactRole.OTHER)

# The first customers each show one thing off, so even a small demo has every case.
_PLAIN: dict[str, object] = {
    "foreign": 0, "chosen_primary": False, "moved_primary": False, "no_active_phone": False,
    "no_active_email": False, "blocked_primary": False, "shares_contact": False, "busy": False,
}
_SHOWCASE: dict[int, dict[str, object]] = {
    0: {"phone_types": _PHONE_TYPES, "email_types": _EMAIL_TYPES, "roles": (ContactRole.SPOUSE,),
        "deal": DealStage.NEGOTIATION, "lead_source": "Cars.com", "vehicles": 4, "busy": True,
        "company": False},
    1: {"chosen_primary": True},
    2: {"moved_primary": True},
    3: {"no_active_phone": True},
    4: {"no_active_email": True,
        "email_types": (ContactPointType.DMS_EMAIL, ContactPointType.CUSTOMER_EMAIL)},
    5: {"company": True, "vehicles": 6, "roles": _COMPANY_ROLES, "shares_contact": True},
    6: {"foreign": 4},
    7: {"blocked_primary": True},
    8: {"programs": tuple(ProgramState), "roles": (ContactRole.SPOUSE,)},
    9: {"company": True, "roles": (ContactRole.BOOKKEEPER,), "shares_contact": True},
}


def _fit(plan: _Plan) -> _Plan:
    """Make the flags agree, and give each case the values it needs to show."""
    phones, emails = set(plan.phone_types), set(plan.email_types)
    if plan.chosen_primary and plan.moved_primary:
        plan = replace(plan, chosen_primary=False)
    if plan.company:
        phones.add(ContactPointType.DMS_WORK)
    if plan.no_active_phone:
        plan = replace(plan, chosen_primary=False, moved_primary=False, blocked_primary=False)
        phones.add(ContactPointType.DMS_CELL)
    if plan.chosen_primary or plan.moved_primary:
        phones |= {ContactPointType.DMS_CELL, ContactPointType.CUSTOMER_PHONE}
    if plan.no_active_email:
        plan = replace(plan, blocked_primary=False)
    if plan.blocked_primary:
        phones.add(ContactPointType.DMS_CELL)
        emails.add(ContactPointType.DMS_EMAIL)
    if plan.shares_contact and ContactRole.BOOKKEEPER not in plan.roles:
        plan = replace(plan, roles=(ContactRole.BOOKKEEPER, *plan.roles))
    return replace(
        plan,
        phone_types=tuple(t for t in _PHONE_TYPES if t in phones),
        email_types=tuple(t for t in _EMAIL_TYPES if t in emails),
    )


# ---------------------------------------------------------------- the generator


class _Dealership:
    """Makes customers one at a time, remembering what must stay unique across them.

    Every random choice comes from ``rng`` or ``fake`` (both seeded) with ranges that do
    not depend on the date, so the same seed draws the same sequence on any day.
    """

    def __init__(self, uow: UnitOfWork, seed: int, filler: Actor) -> None:
        from faker import Faker  # here, not at the top: the desk imports this module at start

        self.uow = uow
        self.session: Session = uow.session
        self.rng = random.Random(seed)
        self.fake = Faker("en_US")
        self.fake.seed_instance(seed)
        self.today = date.today()
        self.now = utc_now()
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, str] = {}
        self.used_phones: set[str] = set()
        self.used_emails = {e for e in self.session.scalars(select(ContactPerson.email)) if e}
        self.vins: set[str] = set()
        self.attempt_tour = iter(_EVERY_ATTEMPT)
        self.shared_person_id: int | None = None
        self.staff, self.counts["users_created"] = _ensure_staff(self.session)
        self.teams = {
            role: [self.staff[m.login] for m in _STAFF if m.role is role] for role in AssignmentRole
        }
        # DMS values arrive as the sync writes them: as the user running it.
        self.system = filler
        self.region = home_region(self.session)
        self._hold_settings()

    def _hold_settings(self) -> None:
        # The identity map holds rows weakly; keeping the settings here spares
        # home_region(), called for every phone and email, a query each time.
        self._settings = self.session.scalars(select(Setting)).all()

    def end_batch(self) -> None:
        """Write the batch and let go of it, so memory stays flat however many are made."""
        self.uow.flush()
        self.session.expunge_all()
        self._hold_settings()

    def summary(self) -> DemoSummary:
        c = self.counts
        return DemoSummary(
            customers=c["customers"], phones=c["phones"], emails=c["emails"],
            contacts=c["contacts"], people=c["people"], programs=c["programs"],
            invoices=c["invoices"], vehicles=c["vehicles"], deals=c["deals"], notes=c["notes"],
            contact_attempts=c["contact_attempts"], web_visits=c["web_visits"],
            users_created=c["users_created"], summaries=c["summaries"],
            examples=tuple((label, self.examples[label]) for label in _EXAMPLE_ORDER
                           if label in self.examples),
        )

    # -------------------------------------------------------- plan and customer row

    def _plan(self, index: int) -> _Plan:
        r = self.rng
        company = r.random() < 0.12
        phone_odds = (0.85, 0.45, 0.9 if company else 0.25, 0.2, 0.1)
        if company:
            role_odds = tuple(zip(_COMPANY_ROLES, (0.8, 0.6, 0.35, 0.25)))
            vehicles = r.randint(2, 8)
        else:
            role_odds = ((ContactRole.SPOUSE, 0.35), (ContactRole.OTHER, 0.06))
            vehicles = r.choices(range(6), (18, 42, 25, 9, 4, 2))[0]
        program_count = r.choices((0, 1, 2), (50, 40, 10))[0]
        stage = r.choices(list(DealStage), (20, 20, 15, 10, 5, 15, 15))[0]
        plan = _Plan(
            company=company,
            phone_types=tuple(t for t, odds in zip(_PHONE_TYPES, phone_odds) if r.random() < odds),
            email_types=tuple(t for t, odds in zip(_EMAIL_TYPES, (0.75, 0.25, 0.1))
                              if r.random() < odds),
            foreign=int(r.random() < 0.04),
            chosen_primary=r.random() < 0.08,
            moved_primary=r.random() < 0.04,
            no_active_phone=r.random() < 0.03,
            no_active_email=r.random() < 0.04,
            blocked_primary=r.random() < 0.05,
            roles=tuple(role for role, odds in role_odds if r.random() < odds),
            shares_contact=r.random() < 0.3 and company,
            vehicles=vehicles,
            programs=tuple(r.choices(list(ProgramState), (15, 10, 50, 25), k=program_count)),
            deal=stage if r.random() < 0.35 else None,
            lead_source=r.choice(_LEAD_SOURCES) if r.random() < 0.5 else None,
        )
        if index in _SHOWCASE:
            plan = replace(plan, **(_PLAIN | _SHOWCASE[index]))  # type: ignore[arg-type]
        return _fit(plan)

    def add_customer(self, index: int) -> None:
        plan = self._plan(index)
        customer = self._customer_row(index, plan)
        self._contact_points(customer, plan)
        self._primaries_consent_and_statuses(customer, plan)
        people = self._contacts(customer, plan)
        garage = self._garage(customer, plan)
        self._programs(customer, plan, people, garage)
        self._deal(customer, plan, garage)
        self._activity(customer, plan, garage)
        if plan.busy or self.rng.random() < 0.25:  # the others show the Generate button
            write_summary(self.session, customer.id, self.now)
            self.counts["summaries"] += 1
        self.counts["customers"] += 1
        for label, shown in (
            (CHOSEN_PRIMARY, plan.chosen_primary), (MOVED_PRIMARY, plan.moved_primary),
            (NO_ACTIVE_PHONE, plan.no_active_phone), (NO_ACTIVE_EMAIL, plan.no_active_email),
            (BLOCKED_PRIMARY, plan.blocked_primary), (FOREIGN, plan.foreign > 0),
            (FLEET, plan.company and plan.vehicles > 3),
            (LOCKED_LEAD, plan.deal is not None and plan.lead_source is not None),
            (EVERY_PROGRAM_STATE, set(plan.programs) == set(ProgramState)),
            (FULL_CARD, plan.busy),
        ):
            if shown:
                self.examples.setdefault(label, customer.customer_number or "")

    def _customer_row(self, index: int, plan: _Plan) -> Customer:
        r, fake = self.rng, self.fake
        if r.random() < 0.92:
            city, state, zips = r.choice(_TOWNS)
            postal = r.choice(zips)
        else:
            state = fake.state_abbr(include_territories=False,
                                    include_freely_associated_states=False)
            city, postal = fake.city(), fake.zipcode_in_state(state)
        born = date(1940, 1, 1) + timedelta(days=r.randrange(24_000))
        customer = Customer(
            customer_number=f"C{FIRST_CUSTOMER_NUMBER + index}",
            first_name=check_name(fake.first_name(), "First name"),
            last_name=check_name(fake.last_name(), "Last name"),
            company=" ".join(fake.company().split()) if plan.company else "",
            birth_date=None if plan.company else born,
            address_line1=fake.street_address(),
            city=city,
            state=state,
            postal_code=postal,
            created_at=self.now - timedelta(days=r.randint(30, 3650)),
        )
        self.session.add(customer)
        self.session.flush()
        return customer

    # -------------------------------------------------------- phones and emails

    def _someone(self) -> Actor:
        return self.staff[self.rng.choice(tuple(self.staff))]

    def _actor_for(self, type_: ContactPointType) -> Actor:
        # A value from the DMS came by its sync, and its history says so.
        if type_.source is Source.DMS:
            return self.system.acting_for(Cause.DMS_CHANGED)
        return self._someone()

    def _past(self, days_min: int, days_max: int) -> date:
        return self.today - timedelta(days=self.rng.randint(days_min, days_max))

    def _contact_points(self, customer: Customer, plan: _Plan) -> None:
        wanted: list[tuple[ContactPointType, str]] = []
        for type_ in plan.phone_types:
            text = self._us_phone()
            if type_ is ContactPointType.DMS_WORK and self.rng.random() < 0.5:
                text += self.rng.choice((" ext. ", " x", " ext ")) + str(self.rng.randint(2, 4999))
            wanted.append((type_, text))
        for n in range(plan.foreign):
            added_by = (ContactPointType.CUSTOMER_PHONE, ContactPointType.DEALER_PHONE)[n % 2]
            wanted.append((added_by, self._foreign_phone(n if plan.foreign > 1 else None)))
        wanted += [(type_, self._email(customer, type_)) for type_ in plan.email_types]
        for type_, text in wanted:
            try:
                new_contact_point(self.session, self._actor_for(type_), customer, type_, text,
                                  today=self._past(200, 2500))
            except NotAllowed:
                continue  # the same value twice on one customer: the rule refuses it
            self.counts["phones" if type_.kind is ContactKind.PHONE else "emails"] += 1

    def _us_phone(self) -> str:
        """A fictional 555-01XX number as people type it; unique while the range lasts."""
        r = self.rng
        for attempt in itertools.count():
            local = attempt < 6 and r.random() < 0.85
            digits = f"{r.choice(_LOCAL_AREA_CODES if local else _AREA_CODES)}55501"
            digits += f"{r.randint(0, 99):02d}"
            # Past a dozen tries the range is running short: let a number repeat across customers.
            if (digits not in self.used_phones or attempt >= 12) and _is_valid_phone(digits):
                break
        self.used_phones.add(digits)
        shape = r.choice(("({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "+1 {} {} {}", "1{}{}{}"))
        return shape.format(digits[:3], digits[3:6], digits[6:])

    def _foreign_phone(self, which: int | None) -> str:
        r = self.rng
        makers = (
            lambda: f"+44 20 7946 0{r.randint(0, 999):03d}",  # London, Ofcom's drama range
            lambda: f"+44 7{r.randint(400, 999)} {r.randint(100000, 999999)}",
            lambda: f"+1 {r.choice((416, 604, 514, 403, 613))} 555 01{r.randint(0, 99):02d}",
            lambda: f"+52 55 {r.randint(1000, 9999)} {r.randint(1000, 9999)}",
        )
        make = makers[which % len(makers)] if which is not None else r.choice(makers)
        text = make()
        while not _is_valid_phone(text):
            text = make()
        return text

    def _email(self, customer: Customer, type_: ContactPointType) -> str:
        r = self.rng
        first, last = _mailbox(customer.first_name), _mailbox(customer.last_name)
        if customer.company and type_ is ContactPointType.DMS_EMAIL:
            slug = re.sub(r"[^a-z0-9]+", "-", customer.company.lower()).strip("-")[:40]
            local, domain = r.choice(("ap", "fleet", "office")), f"{slug or 'fleet'}.example.com"
        else:
            local = r.choice((f"{first}.{last}", f"{first[:1]}{last}", f"{last}.{first}",
                              f"{first}{r.randint(1, 99)}"))
            domain = r.choice(_MAIL_DOMAINS)
        return self._unique_email(local, domain, as_typed=r.random() < 0.2)

    def _unique_email(self, local: str, domain: str, as_typed: bool = False) -> str:
        address, n = f"{local}@{domain}", 1
        while address in self.used_emails:
            n += 1
            address = f"{local}{n}@{domain}"
        self.used_emails.add(address)
        # Some arrive capitalised, as typed; the value object stores them lower-case.
        return address.title() if as_typed else address

    def _primaries_consent_and_statuses(self, customer: Customer, plan: _Plan) -> None:
        for kind in ContactKind:
            settle_primary(self.session, self.system, customer, kind)
        phones = customer.points(ContactKind.PHONE)
        emails = customer.points(ContactKind.EMAIL)
        added = next((p for p in phones if p.type is ContactPointType.CUSTOMER_PHONE), None)
        if plan.chosen_primary and added is not None:
            make_primary(self.uow.session, self._someone(), customer, added)
        self._consent(customer, plan, phones, emails)
        leaving: list[tuple[ContactPoint, ContactStatus, date]] = []
        primary = next((p for p in phones if p.is_primary), None)
        if plan.moved_primary and primary is not None:
            leaving.append((primary, ContactStatus.INACTIVE, self._past(1, 20)))
        for points, none_left, keep in (
            (phones, plan.no_active_phone, plan.moved_primary),  # the move needs somewhere to go
            (emails, plan.no_active_email, False),
        ):
            for n, point in enumerate(points):
                if none_left:
                    status = (ContactStatus.INVALID, ContactStatus.INACTIVE)[n % 2]
                elif point.is_primary or keep:
                    continue
                else:
                    draw = self.rng.random()
                    if draw >= 0.13:
                        continue
                    status = ContactStatus.INACTIVE if draw < 0.08 else ContactStatus.INVALID
                age = (self.today - point.status_date).days
                leaving.append((point, status, self._past(1, max(2, age - 1))))
        for point, status, on in leaving:
            if point.status is ContactStatus.ACTIVE:
                mark = self._last_audit_event()
                apply_status(self.session, self._actor_for(point.type), customer, point, status,
                             today=on)
                self._date_audit_events_since(mark, on)

    def _last_audit_event(self) -> int:
        self.uow.flush()
        return self.session.scalar(select(func.max(AuditEvent.id))) or 0

    def _date_audit_events_since(self, mark: int, on: date) -> None:
        """Date the events written after ``mark`` on the day the change is said to happen.

        The status date says a value left on ``on``; the trail (and the summary read from it)
        must say the same, not the day the demo was filled.
        """
        self.uow.flush()
        at = datetime.combine(on, time(15), tzinfo=timezone.utc)
        self.session.execute(update(AuditEvent).where(AuditEvent.id > mark).values(at=at))

    def _consent(
        self,
        customer: Customer,
        plan: _Plan,
        phones: list[ContactPoint],
        emails: list[ContactPoint],
    ) -> None:
        r = self.rng
        for point in phones:
            said: list[ConsentForm] = []
            if point.can_receive_texts:
                consent = r.choices(list(TextConsent), (55, 35, 10))[0]
                if plan.blocked_primary and point.is_primary:
                    consent = TextConsent.OPTED_OUT
                if consent is TextConsent.OPTED_IN:
                    said.append(_said(Channel.TEXT, ConsentState.OPTED_IN, ConsentHow.SIGNED_FORM,
                                      "Ticked the texting box on the credit application"))
                if consent is TextConsent.OPTED_OUT:
                    said.append(_said(Channel.TEXT, ConsentState.OPTED_OUT,
                                      ConsentHow.TEXT_REPLY, "STOP"))
                # A STOP reply opts out of texts; a request on the phone is noted at the desk.
                elif r.random() < 0.03:
                    said.append(_said(Channel.TEXT, ConsentState.OPTED_OUT, ConsentHow.DESK,
                                      "Asked on the phone not to be texted"))
            if r.random() < 0.06:
                said.append(_said(Channel.CALL, ConsentState.OPTED_OUT, ConsentHow.DESK,
                                  "Asked not to be called"))
            self._record(customer, point, said)
        for point in emails:
            if r.random() < 0.1 or (plan.blocked_primary and point.is_primary):
                self._record(customer, point, [ConsentForm(
                    channel=Channel.EMAIL, purposes=(Purpose.MARKETING,),
                    state=ConsentState.OPTED_OUT, how=ConsentHow.WEB_FORM,
                    note="Unsubscribed from the newsletter")])

    def _record(self, customer: Customer, point: ContactPoint, said: list[ConsentForm]) -> None:
        at = datetime.combine(point.status_date, time(15), tzinfo=timezone.utc)
        for form in said:
            consent_records.add_records(self.session, self._someone(), point.kind, point.value,
                                        form, on=[point], at=at)

    # -------------------------------------------------------- people on the account

    def _contacts(self, customer: Customer, plan: _Plan) -> list[ContactPerson]:
        r = self.rng
        primary_at = r.randrange(len(plan.roles)) if plan.roles and r.random() < 0.6 else None
        people: list[ContactPerson] = []
        for n, role in enumerate(plan.roles):
            wanted = set(_ROLE_PREFERENCES[role])
            wanted |= set(r.sample(list(CommunicationPreference), r.randint(0, 3)))
            preferences = [p for p in CommunicationPreference if p in wanted]
            shared = role is ContactRole.BOOKKEEPER and plan.shares_contact
            person = None
            if shared and self.shared_person_id is not None:
                person = self.session.get(ContactPerson, self.shared_person_id)
            if person is not None:
                # The same outside bookkeeper keeps the books of several companies.
                link_person(self.session, self._someone(), customer, person, role, "", n == primary_at,
                      preferences)
                self.examples.setdefault(SHARED_CONTACT, customer.customer_number or "")
            else:
                person = self._new_person(customer, plan, role, n == primary_at, preferences)
                if shared:
                    self.shared_person_id = person.id
            self.counts["contacts"] += 1
            people.append(person)
        return people

    def _new_person(
        self,
        customer: Customer,
        plan: _Plan,
        role: ContactRole,
        primary_contact: bool,
        preferences: list[CommunicationPreference],
    ) -> ContactPerson:
        r, fake = self.rng, self.fake
        first = fake.first_name()
        same_name = role is ContactRole.SPOUSE and r.random() < 0.7
        last = customer.last_name if same_name else fake.last_name()
        email = None
        if r.random() < 0.7:
            email = self._unique_email(f"{_mailbox(first)}.{_mailbox(last)}",
                                       r.choice(_MAIL_DOMAINS))
        details = check_contact_details(
            first, last, role,
            r.choice(_OTHER_ROLES[plan.company]) if role is ContactRole.OTHER else "",
            email=email,
            phone=self._us_phone() if r.random() < 0.55 else None,
            primary_contact=primary_contact,
            portal_access=email is not None and r.random() < 0.5,
            preferences=preferences,
            region=self.region,
        )
        refuse_taken_email(self.session, details.email, None)
        person = ContactPerson(**person_fields(details, self.region))
        self.session.add(person)
        link_person(self.session, self._someone(), customer, person, details.role,
              details.role_description, details.primary_contact, details.preferences)
        if person.portal_access and r.random() < 0.5:
            self._invite(customer, person)
        self.counts["people"] += 1
        return person

    def _invite(self, customer: Customer, person: ContactPerson) -> None:
        check_can_send_invite(person.portal_access, person.email, person.full_name)
        sender = self._someone()
        sent_at = self.now - timedelta(days=self.rng.randint(1, 400),
                                       minutes=self.rng.randint(0, 600))
        audit.record(self.session, sender, customer.id, "contact_person", person.id,
                     "invite_sent_at", None, sent_at.isoformat())
        person.invite_sent_at = sent_at
        person.invite_sent_by_id = sender.user_id

    # -------------------------------------------------------- garage, programs, deals

    def _vehicle(self, customer: Customer, age: int, owned: bool, source: VehicleSource) -> Vehicle:
        """A vehicle ``age`` model years older than this year's."""
        make, model, wmi = self.rng.choice(_MODELS)
        year = self.today.year - age
        vin = self._vin(wmi, year)
        vehicle = Vehicle(customer_id=customer.id, vin=vin, vin_reversed=vin[::-1], year=year,
                          make=make, model=model, source=source, owned=owned,
                          created_at=self.now - timedelta(days=self.rng.randint(1, 2000)))
        self.session.add(vehicle)
        self.counts["vehicles"] += 1
        return vehicle

    def _vin(self, wmi: str, year: int) -> str:
        r = self.rng
        while True:
            body = "".join(r.choice(VIN_LETTERS + "0123456789") for _ in range(5))
            serial = f"{r.choice(VIN_LETTERS)}{r.randint(0, 999999):06d}"
            draft = f"{wmi}{body}0{_YEAR_CODES[(year - 1980) % 30]}{serial}"
            vin = draft[:8] + vin_check_digit(draft) + draft[9:]
            if vin not in self.vins:
                self.vins.add(vin)
                return vin

    def _garage(self, customer: Customer, plan: _Plan) -> list[Vehicle]:
        sources = (VehicleSource.DMS, VehicleSource.DELIVERED_DEAL, VehicleSource.SERVICE_RO,
                   VehicleSource.MANUAL)
        return [
            self._vehicle(customer, self.rng.randint(0, 18), True,
                          self.rng.choices(sources, (40, 20, 25, 15))[0])
            for _ in range(plan.vehicles)
        ]

    def _programs(
        self,
        customer: Customer,
        plan: _Plan,
        people: list[ContactPerson],
        garage: list[Vehicle],
    ) -> None:
        r = self.rng
        # The customer showing every state has the same contact on each, so the Programs
        # section shows what may change on a program in each state.
        every_state = set(plan.programs) == set(ProgramState)
        for state in plan.programs:
            self.counts["programs"] += 1
            vehicle = r.choice(garage) if garage else None
            kind = r.choice(("Retail installment", "Lease", "Balloon finance"))
            financed = Decimal(r.randrange(8_000, 65_000, 50))
            frequency = r.choices(list(PaymentFrequency), (5, 15, 10, 70))[0]
            per_year = {PaymentFrequency.WEEKLY: 52, PaymentFrequency.BIWEEKLY: 26,
                        PaymentFrequency.SEMIMONTHLY: 24, PaymentFrequency.MONTHLY: 12}[frequency]
            years = Decimal(r.choice((3, 4, 5, 6)))
            payment = (financed * Decimal("1.07") / years / per_year).quantize(Decimal("0.01"))
            program = Program(
                number=f"FP{400000 + self.counts['programs']}",
                description=f"{kind} - {vehicle.title}" if vehicle else kind,
                state=state,
                customer_id=customer.id,
                contact_person_id=(people[0].id if every_state and people else
                                   r.choice(people).id if people and r.random() < 0.4 else None),
                financed_amount=financed,
                created_at=self.now - timedelta(days=r.randint(10, 1500)),
            )
            self.session.add(program)
            due = self.today + timedelta(days=r.randint(1, 27))
            if state is ProgramState.ACTIVE and r.random() < 0.1:
                due = self._past(1, 20)  # behind on payments
            for due_date, status in self._schedule(state, due, timedelta(days=365 // per_year)):
                self.counts["invoices"] += 1
                program.invoices.append(Invoice(
                    number=f"INV-{700000 + self.counts['invoices']}", customer_id=customer.id,
                    amount=payment, due_date=due_date, status=status,
                    bill_to_name=customer.full_name, bill_to_address=address_of(customer),
                ))
            financed_now = state in (ProgramState.ACTIVE, ProgramState.NOT_YET_ACTIVE)
            if financed_now and customer.regular_amount is None:
                customer.regular_amount = payment
                customer.payment_frequency = frequency
                customer.current_due_date = due
                settled = Decimal("0.00") if r.random() < 0.15 else payment
                customer.current_amount_due = payment * 2 if due < self.today else settled

    def _schedule(
        self, state: ProgramState, due: date, period: timedelta
    ) -> list[tuple[date, InvoiceStatus]]:
        """The invoices of a program: paid ones behind, the open one due next."""
        r = self.rng
        if state is ProgramState.QUOTE:
            return []
        if state is ProgramState.NOT_YET_ACTIVE:
            return [(due, InvoiceStatus.OPEN)]
        if state is ProgramState.ACTIVE:
            paid = r.randint(1, 4)
            return [(due - period * (paid - n), InvoiceStatus.PAID) for n in range(paid)] + [
                (due, InvoiceStatus.OPEN)
            ]
        last = due - timedelta(days=400)
        schedule = [(last - period * n, InvoiceStatus.PAID) for n in range(r.randint(2, 3))]
        if r.random() < 0.3:
            schedule.append((last, InvoiceStatus.VOID))  # issued twice by mistake
        return schedule

    def _deal(self, customer: Customer, plan: _Plan, garage: list[Vehicle]) -> None:
        if plan.deal is None:
            return
        r = self.rng
        delivered = plan.deal is DealStage.DELIVERED
        if delivered:
            source = VehicleSource.DELIVERED_DEAL
        else:
            source = VehicleSource.LEAD if plan.lead_source else VehicleSource.MANUAL
        age = r.choice((0, 0, -1)) if r.random() < 0.7 else r.randint(1, 10)  # -1: next year's
        wanted = self._vehicle(customer, age, delivered, source)
        trade_in = None
        if r.random() < 0.45 or plan.lead_source == "Cars.com":
            if garage:
                trade_in = r.choice(garage)
            else:
                trade_in = self._vehicle(customer, r.randint(4, 18), True, VehicleSource.MANUAL)
            if delivered:
                trade_in.owned = False  # it stayed on the lot
        self.session.add(Deal(
            customer_id=customer.id, stage=plan.deal, interested_vehicle=wanted,
            trade_in_vehicle=trade_in, source=plan.lead_source or r.choice(_DESK_SOURCES),
            source_locked=plan.lead_source is not None,  # as if it came from an ADF lead
            created_at=self.now - timedelta(days=r.randint(1, 180), hours=r.randint(0, 23)),
        ))
        self.counts["deals"] += 1

    # -------------------------------------------------------- who works it, and what happened

    def _ago(self, days: int) -> timedelta:
        return timedelta(days=self.rng.randint(0, days), minutes=self.rng.randint(0, 1440))

    def _activity(self, customer: Customer, plan: _Plan, garage: list[Vehicle]) -> None:
        r, add = self.rng, self.session.add
        for role, odds in ((AssignmentRole.SALES, 0.85), (AssignmentRole.BDC, 0.6),
                           (AssignmentRole.SERVICE_BDC, 0.35)):
            if r.random() < odds or plan.busy:
                user = r.choice(self.teams[role])
                add(Assignment(customer_id=customer.id, role=role, user_id=user.user_id))
        vehicle = garage[0].title if garage else "car"
        notes = r.choices(range(5), (35, 30, 20, 10, 5))[0]
        for _ in range(3 if plan.busy else notes):
            add(Note(customer_id=customer.id, author_id=self._someone().user_id,
                     body=r.choice(_NOTES).format(vehicle=vehicle),
                     created_at=self.now - self._ago(700)))
            self.counts["notes"] += 1
        attempts = r.choices(range(9), (25, 15, 15, 12, 10, 8, 7, 5, 3))[0]
        for _ in range(len(_EVERY_ATTEMPT) if plan.busy else attempts):
            # The first attempts go once through every channel and outcome, then by odds.
            channel, outcome = next(self.attempt_tour, (None, None))
            if channel is None or outcome is None:
                channel = r.choices(list(Channel), (4, 4, 2))[0]
                outcomes, weights = zip(*_OUTCOMES[channel])
                outcome = r.choices(outcomes, weights)[0]
            add(ContactAttempt(customer_id=customer.id, channel=channel, outcome=outcome,
                               user_id=self._someone().user_id, at=self.now - self._ago(120)))
            self.counts["contact_attempts"] += 1
        if r.random() < 0.55 or plan.busy:
            for _ in range(r.randint(1, 6)):
                add(WebActivity(customer_id=customer.id, last_page=r.choice(_PAGES),
                                seconds=r.randint(15, 1500), visited_at=self.now - self._ago(60)))
                self.counts["web_visits"] += 1


def _ensure_staff(session: Session) -> tuple[dict[str, Actor], int]:
    """The demo's desk staff, created where missing: by login, and how many were new."""
    created = 0
    users: dict[str, User] = {}
    for member in _STAFF:
        user = session.scalars(select(User).where(User.login == member.login)).first()
        if user is None:
            user = User(login=member.login, name=member.name)
            user.permission_rows = [UserPermission(permission=p) for p in member.permissions]
            session.add(user)
            created += 1
        users[member.login] = user
    session.flush()
    return {login: actor_of(user) for login, user in users.items()}, created


def _is_valid_phone(text: str) -> bool:
    try:
        PhoneNumber.parse(text)
    except InvalidValue:
        return False
    return True


def _mailbox(name: str) -> str:
    """A name as the part of an email address before the @."""
    return re.sub(r"[^a-z0-9]", "", name.lower()) or "customer"


def _said(channel: Channel, state: ConsentState, how: ConsentHow, note: str) -> ConsentForm:
    """Something a demo customer said about one channel, for every purpose."""
    return ConsentForm(channel=channel, purposes=tuple(Purpose), state=state, how=how,
                       note=note)
