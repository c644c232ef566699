"""ADF (Auto-lead Data Format) XML leads: a customer, found or new, and an open deal whose
source is the lead's provider, locked.

The customer is found by services.matching: a phone or email shared with someone whose name
does not agree, or with several whose names agree and no one exact match, makes a new
customer and possible duplicates, never a deal on a stranger.
A lead already imported (the same provider and lead id, or provider, request date and
prospect) is said to be so, and changes nothing.

Real lead files stray from ADF 1.0: the XML declaration missing, misplaced or odd, tags in
capitals, a full name instead of name parts, phones without a type. What a person would
read as a valid lead is accepted. The XML is parsed with defusedxml: a file declaring
entities (entity expansion, external entities) is refused before anything is created.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeXml
from defusedxml import DefusedXmlException
from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.customer import split_full_name
from contact_desk.domain.duplicates import DuplicateSource, Names
from contact_desk.domain.enums import (
    ContactKind,
    ContactPointType,
    DealStage,
    Permission,
    VehicleSource,
)
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.history import Cause
from contact_desk.domain.incoming import IncomingKind
from contact_desk.domain.limits import check_name_lengths
from contact_desk.domain.vehicle import VehicleDetails, check_vehicle
from contact_desk.services import audit
from contact_desk.services.contact_points import settle_primary
from contact_desk.services.customers import new_customer
from contact_desk.services.duplicate_scan import check_arrival
from contact_desk.services.duplicates import record_possible_duplicates
from contact_desk.services.garage import described, new_vehicle, owned_vehicle_with_vin
from contact_desk.services.leads import LeadIdentity, earlier_lead, remember_lead
from contact_desk.services.lookup import home_region, touch
from contact_desk.services.matching import Arrival, CustomerRef, find_customer_for
from contact_desk.store.customer import Customer
from contact_desk.store.database import Database
from contact_desk.store.sales import Deal
from contact_desk.sync.contact_values import (
    add_missing_values,
    checked_values,
    stored_keys,
)
from contact_desk.sync.encodings import read_text
from contact_desk.sync.incoming import incoming_run
from contact_desk.sync.report import AdfReport

MAX_LEAD_BYTES = 2_000_000
NO_PROVIDER = "ADF lead"
MAX_SOURCE = 120  # a deal's source, as Deal.source holds it
_DECLARATION = re.compile(r"<\?\s*xml(?=[\s?])[^>]*>", re.IGNORECASE)
_PHONE_ORDER = {"cellphone": 0, "cell": 0, "mobile": 0, "voice": 1, "": 1, "pager": 2}
_CUSTOMER_ADDED = {ContactKind.PHONE: ContactPointType.CUSTOMER_PHONE,
                   ContactKind.EMAIL: ContactPointType.CUSTOMER_EMAIL}


@dataclass(frozen=True)
class Lead:
    first_name: str
    last_name: str
    company: str
    contacts: tuple[tuple[ContactKind, str], ...]  # cell phones first, then other phones, emails
    interested: VehicleDetails | None
    trade_in: VehicleDetails | None
    provider: str  # whole: it is part of what makes a lead the same lead (LeadIdentity)
    left_out: tuple[str, ...]  # what the lead said that could not be kept, and why
    lead_id: str = ""  # the provider's id of the lead (<prospect><id>), if it gives one
    requested: str = ""  # <requestdate> as written

    @property
    def source(self) -> str:
        """The provider as the deal's source shows it."""
        return self.provider[:MAX_SOURCE]


def import_adf(database: Database, actor: Actor, path: Path) -> AdfReport:
    """Find the lead's customer by the matching rule, or create one, and open a deal with the
    provider as locked source; a lead imported before changes nothing."""
    actor.require(Permission.RUN_SYNC)
    actor = actor.acting_for(Cause.IMPORTED)  # the history says why, with their name
    path = Path(path)
    with incoming_run(database, actor, IncomingKind.ADF_IMPORT, path):
        return _import_lead(database, actor, path, read_lead(path))


def _import_lead(database: Database, actor: Actor, path: Path, lead: Lead) -> AdfReport:
    with database.unit_of_work() as uow:
        session = uow.session
        values, skipped = checked_values(lead.contacts, home_region(session))
        names = Names(lead.first_name, lead.last_name, lead.company)
        identity = LeadIdentity.of(lead.provider, lead.lead_id, lead.requested, names,
                                   (value.key[0] for value in values))
        earlier = earlier_lead(session, identity)
        if earlier is not None:
            return AdfReport(customer_id=earlier.customer_id,
                             customer_created=False, deal_id=earlier.deal_id,
                             source=lead.source, customer=earlier.customer,
                             already_imported=earlier)
        found = find_customer_for(session, Arrival(names, stored_keys(values)))
        customer = found.customer
        if customer is None:
            try:
                customer = new_customer(session, actor, first_name=lead.first_name,
                                        last_name=lead.last_name, company=lead.company)
            except InvalidValue as error:
                raise InvalidValue(
                    f"{path.name} is about someone new, who cannot be added: {error.message}"
                ) from None
        add_missing_values(session, actor, customer, _CUSTOMER_ADDED, values)
        for kind in ContactKind:
            settle_primary(session, actor, customer, kind)
        deal = _open_deal(session, actor, customer, lead)
        remember_lead(session, identity, deal, path.name)
        duplicates = record_possible_duplicates(session, customer, found.near,
                                                DuplicateSource.ADF, path.name)
        if found.customer is None:  # one on file that gained values waits for the scan
            # The scan's score (and any pair the lead's values alone did not show) for the
            # queue; the report names the customers the lead was kept apart from.
            check_arrival(session, customer.id, DuplicateSource.ADF)
        touch(customer)
        uow.commit()
        return AdfReport(customer_id=customer.id, customer_created=found.customer is None,
                         deal_id=deal.id, source=deal.source,
                         skipped_values=(*skipped, *lead.left_out),
                         customer=CustomerRef.of(customer, created=found.customer is None),
                         possible_duplicates=duplicates, kept_apart=found.kept_apart)


def read_lead(path: Path) -> Lead:
    """The one lead in an ADF file; InvalidValue with a plain sentence when there is none."""
    text = read_text(path, MAX_LEAD_BYTES)
    # A declaration anywhere but the very start (or written oddly) stops a strict parser;
    # the text is already decoded, so it says nothing we need.
    text = _DECLARATION.sub("", text).strip()
    try:
        root = SafeXml.fromstring(text)
    except DefusedXmlException:
        raise InvalidValue(
            f"{path.name} declares XML entities, which a lead never needs and which can "
            "make a file read other files or grow without end; it was not imported."
        ) from None
    except ParseError as error:
        line, column = error.position
        raise InvalidValue(
            f"{path.name} is not readable XML (line {line}, column {column}); it may be "
            "cut short. Nothing was imported."
        ) from None
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = element.tag.rsplit("}", 1)[-1].casefold()
    prospects = [root] if root.tag == "prospect" else root.findall(".//prospect")
    if not prospects:
        raise InvalidValue(f"{path.name} is not an ADF lead: it has no <prospect>.")
    if len(prospects) > 1:
        raise InvalidValue(
            f"{path.name} holds {len(prospects)} leads; import takes one lead a file."
        )
    return _lead(path, prospects[0])


def _lead(path: Path, prospect: Element) -> Lead:
    contact = prospect.find("customer/contact")
    if contact is None:
        contact = prospect.find(".//contact")
    if contact is None:
        raise InvalidValue(f"{path.name} is not a lead anyone can follow: it names no customer.")
    first, last, company = _names(contact)
    try:  # too long, a name is refused as the DMS sync refuses it, never cut
        check_name_lengths(first, last, company)
    except InvalidValue as error:
        raise InvalidValue(f"{path.name}: the lead's {error.message[0].lower()}"
                           f"{error.message[1:]} Nothing was imported.") from None
    phones = sorted(
        ((_attribute(p, "type"), _text(p)) for p in contact.findall("phone")),
        key=lambda typed: _PHONE_ORDER.get(typed[0], 1),
    )
    contacts = [(ContactKind.PHONE, text) for kind, text in phones if kind != "fax" and text]
    contacts += [(ContactKind.EMAIL, _text(e)) for e in contact.findall("email") if _text(e)]
    if not (first or last or company or contacts):
        raise InvalidValue(f"{path.name} names no customer and gives no phone or email.")
    vehicles: dict[str, VehicleDetails | None] = {"buy": None, "trade-in": None}
    left_out: list[str] = []
    for vehicle in prospect.findall("vehicle"):
        interest = _attribute(vehicle, "interest") or "buy"
        interest = "trade-in" if interest.replace(" ", "-") == "trade-in" else "buy"
        if vehicles[interest] is None:
            vehicles[interest] = _vehicle(vehicle, left_out)
    provider = prospect.find("provider")
    source = ""
    if provider is not None:
        source = next((_text(n) for n in provider.findall("name") if _text(n)), "")
        source = source or _text(provider.find("service"))
    return Lead(first, last, company, tuple(contacts), vehicles["buy"], vehicles["trade-in"],
                source or NO_PROVIDER, tuple(left_out), _lead_id(prospect),
                _text(prospect.find("requestdate")))


def _lead_id(prospect: Element) -> str:
    """The first <id> of the prospect itself (not of its vehicle or vendor), with its source."""
    for element in prospect.findall("id"):
        if text := _text(element):
            source = _attribute(element, "source")
            return f"{source}:{text}" if source else text
    return ""


def _names(contact: Element) -> tuple[str, str, str]:
    parts: dict[str, str] = {}
    company = ""
    for name in contact.findall("name"):
        text = _text(name)
        if _attribute(name, "type") == "business":
            company = company or text
            continue
        part = _attribute(name, "part") or "full"
        parts.setdefault(part, text)
    first, last = parts.get("first", ""), parts.get("last", "")
    if parts.get("full") and not (first or last):
        first, last = split_full_name(parts["full"])
    return first, last, company


def _vehicle(element: Element, left_out: list[str]) -> VehicleDetails | None:
    """The vehicle by the garage's rules; a VIN that fails them is left out, not the car."""
    year_text = _text(element.find("year"))
    year = int(year_text) if year_text.isdigit() else None
    make, model = _text(element.find("make")), _text(element.find("model"))
    vin = _text(element.find("vin"))
    for attempt in (vin, ""):
        try:
            return check_vehicle(attempt, year, make, model, vin_required=False)
        except InvalidValue as error:
            if error.field != "vin":
                left_out.append(f"the vehicle {year_text} {make} {model}: {error.message}")
                return None
            left_out.append(error.message)
    return None


def _open_deal(session: Session, actor: Actor, customer: Customer, lead: Lead) -> Deal:
    wanted = trade_in = None
    if lead.interested is not None:
        wanted = new_vehicle(session, customer.id, lead.interested, owned=False,
                             source=VehicleSource.LEAD)
    if lead.trade_in is not None:
        trade_in = owned_vehicle_with_vin(session, customer.id, lead.trade_in.vin)
        if trade_in is None:
            trade_in = new_vehicle(session, customer.id, lead.trade_in, owned=True,
                                   source=VehicleSource.LEAD)
            audit.record(session, actor, customer.id, "vehicle", trade_in.id, "added", None,
                         described(trade_in), reason=f"trade-in on a lead from {lead.source}")
    deal = Deal(customer_id=customer.id, stage=DealStage.NEW, interested_vehicle=wanted,
                trade_in_vehicle=trade_in, source=lead.source, source_locked=True)
    session.add(deal)
    session.flush()
    shown = f"{lead.source}: {wanted.title}" if wanted is not None else lead.source
    audit.record(session, actor, customer.id, "deal", deal.id, "created", None, shown,
                 reason="ADF lead")
    return deal


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _attribute(element: Element, name: str) -> str:
    for key, value in element.attrib.items():
        if key.casefold() == name:
            return value.strip().casefold()
    return ""
