"""Who receives a message, read from a real customer: primaries, consent, contacts, no writes."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from contact_desk.domain.enums import (
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactRole,
    ContactStatus,
    TextConsent,
)
from contact_desk.domain.errors import NotFound
from contact_desk.domain.recipients import MessageType
from contact_desk.services import contact_info
from contact_desk.services.additional_contacts import add_contact
from contact_desk.services.forms import ContactForm
from contact_desk.services.recipients import recipients_for
from tests.consent import set_flag

TEXT, EMAIL = Channel.TEXT, Channel.EMAIL
# A Tuesday noon in New York: inside every quiet-hours window, whatever the test's clock says.
NOON = datetime(2026, 3, 3, 17, 0, tzinfo=timezone.utc)


def at_noon(database, key, message, **where):
    return recipients_for(database.unit_of_work(), key, message, at=NOON, **where)
Pref = CommunicationPreference


@pytest.fixture
def ann(database, manager, new_customer) -> dict[str, int]:
    """Ann Lee (C1): a mobile and an email, a bookkeeper for the paperwork, a spouse
    without an email for the car."""
    customer_id = new_customer(customer_number="C1")
    ids = {
        "customer": customer_id,
        "phone": contact_info.add_contact_point(database.unit_of_work(), manager, customer_id,
                                      ContactKind.PHONE, "(212) 555-0142").added_id,
        "email": contact_info.add_contact_point(database.unit_of_work(), manager, customer_id,
                                      ContactKind.EMAIL, "Ann.Lee@Example.com").added_id,
    }
    add_contact(
        database.unit_of_work(),
        manager,
        customer_id,
        ContactForm(
            first_name="Bo",
            last_name="Diaz",
            role=ContactRole.BOOKKEEPER,
            email="bo@example.com",
            preferences=[Pref.INVOICES, Pref.CONTRACTS, Pref.ESTIMATES],
        ),
    )
    add_contact(
        database.unit_of_work(),
        manager,
        customer_id,
        ContactForm(
            first_name="Cy",
            last_name="Lee",
            role=ContactRole.OTHER,
            role_description="Fleet coordinator",
            phone="(212) 555-0199",
            preferences=[Pref.SCHEDULING, Pref.CAR_UPDATES],
        ),
    )
    return ids


def summary(database, message: MessageType, key: str = "C1") -> list[tuple]:
    found = at_noon(database, key, message)
    return [(r.who, r.channel, r.address, r.included) for r in found.recipients]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (MessageType.TEXT_REMINDER, [("Ann Lee", TEXT, "+12125550142", True)]),
        (MessageType.EMAIL_REMINDER, [("Ann Lee", EMAIL, "ann.lee@example.com", True)]),
        (MessageType.REGISTRATION, [("Ann Lee", EMAIL, "ann.lee@example.com", True)]),
        (
            MessageType.PAYMENT_CONFIRMATION,
            [
                ("Ann Lee", EMAIL, "ann.lee@example.com", True),
                ("Ann Lee", TEXT, "+12125550142", True),
            ],
        ),
        (
            MessageType.SCHEDULING,
            [
                ("Ann Lee", TEXT, "+12125550142", True),
                ("Ann Lee", EMAIL, "ann.lee@example.com", True),
            ],
        ),
        (
            MessageType.CAR_UPDATES,
            [
                ("Ann Lee", TEXT, "+12125550142", True),
                ("Ann Lee", EMAIL, "ann.lee@example.com", True),
            ],
        ),
        (MessageType.CONTRACTS, [("Ann Lee", EMAIL, "ann.lee@example.com", True)]),
        (MessageType.INVOICES, [("Ann Lee", EMAIL, "ann.lee@example.com", True)]),
        (MessageType.ESTIMATES, [("Ann Lee", EMAIL, "ann.lee@example.com", True)]),
        # Text consent was never asked: marketing goes by email only.
        (
            MessageType.MARKETING,
            [
                ("Ann Lee", EMAIL, "ann.lee@example.com", True),
                ("Ann Lee", TEXT, "+12125550142", False),
            ],
        ),
    ],
    ids=lambda value: value.cli_name if isinstance(value, MessageType) else "",
)
def test_the_customer_and_the_contacts_each_message_reaches(database, ann, message, expected):
    bo_gets_it = message.preference in {Pref.INVOICES, Pref.CONTRACTS, Pref.ESTIMATES}
    contacts = [("Bo Diaz", EMAIL, "bo@example.com", bo_gets_it), ("Cy Lee", EMAIL, None, False)]

    assert summary(database, message) == expected + contacts


def test_contacts_carry_their_role_and_the_reason_they_are_left_out(database, ann):
    found = at_noon(database, "C1", MessageType.SCHEDULING)

    bo, cy = found.recipients[-2:]
    assert (bo.role, bo.reason) == ("Bookkeeper", "not subscribed to Scheduling")
    assert (cy.role, cy.reason) == (
        "Fleet coordinator",
        "subscribed to Scheduling but has no email address, and contacts are not texted",
    )
    assert [r.who for r in found.left_out] == ["Bo Diaz", "Cy Lee"]
    assert [r.who for r in found.included] == ["Ann Lee", "Ann Lee"]


def test_consent_recorded_at_the_desk_decides_the_texts(database, manager, ann):
    set_flag(
        database.unit_of_work(), manager, ann["phone"], text_consent=TextConsent.OPTED_IN
    )
    assert ("Ann Lee", TEXT, "+12125550142", True) in summary(database, MessageType.MARKETING)

    set_flag(database.unit_of_work(), manager, ann["phone"], do_not_text=True)
    text = at_noon(database, "C1", MessageType.TEXT_REMINDER).recipients[0]
    assert not text.included
    assert text.reason.startswith("(212) 555-0142: Opted out by the customer at the desk on ")


def test_a_marketing_opt_out_stops_marketing_email_and_nothing_else(database, manager, ann):
    set_flag(database.unit_of_work(), manager, ann["email"], marketing_opt_out=True)

    marketing = at_noon(database, "C1", MessageType.MARKETING).recipients[0]
    invoices = at_noon(database, "C1", MessageType.INVOICES).recipients[0]
    assert (marketing.included, marketing.reason) == (
        False,
        f"ann.lee@example.com: Opted out by the customer at the desk on {date.today()} "
        "(marketing emails)",
    )
    assert invoices.included


def test_a_contact_on_an_opted_out_address_gets_no_marketing(database, manager, ann):
    """The opt-out is the address's: a spouse subscribed to marketing on the customer's
    opted-out second email is left out; the customer's primary still gets it."""
    second = contact_info.add_contact_point(
        database.unit_of_work(), manager, ann["customer"], ContactKind.EMAIL, "home@example.com"
    ).added_id
    set_flag(database.unit_of_work(), manager, second, marketing_opt_out=True)
    add_contact(
        database.unit_of_work(),
        manager,
        ann["customer"],
        ContactForm(
            first_name="Di",
            last_name="Lee",
            role=ContactRole.SPOUSE,
            email="Home@Example.com",
            preferences=[Pref.MARKETING, Pref.SCHEDULING],
        ),
    )

    def spouse(message: MessageType) -> tuple[bool, str]:
        found = at_noon(database, "C1", message)
        (recipient,) = [r for r in found.recipients if r.who == "Di Lee"]
        return recipient.included, recipient.reason

    assert spouse(MessageType.MARKETING) == (
        False, f"home@example.com: Opted out by the customer at the desk on {date.today()} "
               "(marketing emails)")
    assert spouse(MessageType.SCHEDULING) == (True, "subscribed to Scheduling")
    assert summary(database, MessageType.MARKETING)[0] == (
        "Ann Lee",
        EMAIL,
        "ann.lee@example.com",
        True,
    )


def test_a_landline_primary_gets_no_texts(database, manager, new_customer):
    customer_id = new_customer(customer_number="C2")
    contact_info.add_contact_point(
        database.unit_of_work(), manager, customer_id, ContactKind.PHONE, "+44 20 7946 0958"
    )

    text = at_noon(database, "C2", MessageType.SCHEDULING).recipients[0]

    assert not text.included
    assert text.reason == "+44 20 7946 0958: landline: cannot receive texts"


def test_deactivating_the_only_phone_and_email_leaves_the_customer_out_with_reasons(
    database, manager, ann
):
    for point in (ann["phone"], ann["email"]):
        contact_info.set_contact_point_status(database.unit_of_work(), manager, point, ContactStatus.INACTIVE)

    found = at_noon(database, "C1", MessageType.PAYMENT_CONFIRMATION)

    assert [(r.channel, r.included, r.reason) for r in found.recipients[:2]] == [
        (EMAIL, False, "no active email address"),
        (TEXT, False, "no active phone number"),
    ]


def test_the_primary_moves_and_the_message_follows_it(database, manager, ann):
    second = contact_info.add_contact_point(
        database.unit_of_work(), manager, ann["customer"], ContactKind.PHONE, "(646) 555-0188"
    ).added_id
    contact_info.set_primary(database.unit_of_work(), manager, second)

    assert summary(database, MessageType.TEXT_REMINDER)[0] == (
        "Ann Lee",
        TEXT,
        "+16465550188",
        True,
    )


def test_the_customer_is_found_by_internal_id_too(database, ann):
    found = at_noon(database, str(ann["customer"]), MessageType.INVOICES)

    assert (found.customer_id, found.customer_number, found.customer_name) == (
        ann["customer"],
        "C1",
        "Ann Lee",
    )


def test_an_unknown_customer_is_named_in_the_error(database):
    with pytest.raises(NotFound, match="'C404'"):
        at_noon(database, "C404", MessageType.INVOICES)


def test_asking_writes_nothing(database, ann, stored):
    before = stored()
    for message in MessageType:
        at_noon(database, "C1", message)
    assert stored() == before


def test_as_dict_is_json_for_scripts(database, ann):
    data = at_noon(database, "C1", MessageType.CAR_UPDATES).as_dict()

    assert json.loads(json.dumps(data)) == data
    assert (
        data["customer_number"],
        data["customer_name"],
        data["message_type"],
        data["message_label"],
    ) == ("C1", "Ann Lee", "car-updates", "Car Updates")
    assert data["recipients"][0] == {
        "who": "Ann Lee",
        "role": "Customer",
        "channel": "Text",
        "address": "+12125550142",
        "shown": "(212) 555-0142",
        "included": True,
        "reason": "primary phone",
        "not_before": None,
    }
    assert data["suppressed"] is None
    assert [r["who"] for r in data["recipients"]] == ["Ann Lee", "Ann Lee", "Bo Diaz", "Cy Lee"]


def test_quiet_hours_hold_a_text_and_say_from_when(database, ann):
    """9:40 PM in New York: the reminder text waits for the morning; the email goes."""
    evening = datetime(2026, 3, 4, 2, 40, tzinfo=timezone.utc)
    found = recipients_for(database.unit_of_work(), "C1", MessageType.PAYMENT_CONFIRMATION,
                           at=evening)
    email, text = found.recipients[:2]
    assert email.included and not text.included
    assert "9:40 PM in New York" in text.reason and "from 8:00 AM" in text.reason
    assert text.not_before == datetime(2026, 3, 4, 13, 0, tzinfo=timezone.utc)


def test_a_suppression_leaves_everyone_out_only_for_its_message_and_vehicle(
        database, manager, ann, vin):
    from contact_desk.services.garage import add_vehicle
    from contact_desk.services.suppressions import (
        SuppressionForm,
        lift_suppression,
        suppress,
    )

    car = add_vehicle(database.unit_of_work(), manager, ann["customer"], vin(1), 2019,
                      "Honda", "Civic").vehicle_id
    saved = suppress(database.unit_of_work(), manager, ann["customer"], SuppressionForm(
        message=MessageType.CAR_UPDATES, reason="car sold", vehicle_id=car))

    about_car = at_noon(database, "C1", MessageType.CAR_UPDATES, vehicle_id=car)
    assert about_car.included == ()
    assert {r.reason for r in about_car.recipients} == {
        "Car Updates suppressed for 2019 Honda Civic: car sold"}
    assert at_noon(database, "C1", MessageType.CAR_UPDATES).included  # another car, or none
    assert at_noon(database, "C1", MessageType.SCHEDULING, vehicle_id=car).included

    lift_suppression(database.unit_of_work(), manager, saved.id)
    assert at_noon(database, "C1", MessageType.CAR_UPDATES, vehicle_id=car).included


def test_a_suppression_ends_after_its_last_day(database, manager, ann):
    from contact_desk.services.suppressions import SuppressionForm, suppress

    last_day = date.today()
    suppress(database.unit_of_work(), manager, ann["customer"], SuppressionForm(
        message=MessageType.SCHEDULING, reason="away until then", ends_on=last_day))
    on_it = datetime.combine(last_day, datetime.min.time(), timezone.utc).replace(hour=17)
    after = on_it + timedelta(days=1)
    assert not recipients_for(database.unit_of_work(), "C1", MessageType.SCHEDULING,
                              at=on_it).included
    assert recipients_for(database.unit_of_work(), "C1", MessageType.SCHEDULING,
                          at=after).included
