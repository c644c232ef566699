"""Who receives which message: the customer on the primary phone and email, contacts by
email for what they subscribed to, and a reason for everyone left out."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from contact_desk.domain.consent import (
    NOTHING_RECORDED,
    ConsentHow,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
)
from contact_desk.domain.enums import Channel, CommunicationPreference, ContactKind, ContactStatus
from contact_desk.domain.reach import ReachTarget
from contact_desk.domain.recipients import ContactFacts, MessageType, Recipient, who_receives

TEXT, EMAIL = Channel.TEXT, Channel.EMAIL
Pref = CommunicationPreference

# A Tuesday noon in New York: no quiet hours hold anything (tests/domain/test_can_reach
# has the hours); routing asks the same question the card does.
NOON = datetime(2026, 3, 3, 17, 0, tzinfo=timezone.utc)
ON = datetime(2026, 3, 1, 15, 0, tzinfo=timezone.utc)


def stated(channel: Channel, state: ConsentState, *purposes: Purpose) -> ConsentSummary:
    return ConsentSummary.of(ConsentRecord(channel, p, state, ON, ConsentHow.DESK, id=n)
                             for n, p in enumerate(purposes or tuple(Purpose)))


OPTED_IN_TEXTS = stated(TEXT, ConsentState.OPTED_IN)
NO_TEXTS = stated(TEXT, ConsentState.OPTED_OUT)
NO_MARKETING_EMAIL = stated(EMAIL, ConsentState.OPTED_OUT, Purpose.MARKETING)
PHONE = ReachTarget(kind=ContactKind.PHONE, display="(212) 555-0142", value="+12125550142",
                    status=ContactStatus.ACTIVE, can_receive_texts=True, consent=OPTED_IN_TEXTS)
MAIL = ReachTarget(kind=ContactKind.EMAIL, display="ann@example.com", value="ann@example.com",
                   status=ContactStatus.ACTIVE, can_receive_texts=False,
                   consent=NOTHING_RECORDED)
OUT_BY_DESK = "Opted out by the customer at the desk on 2026-03-01"


def receives(*args, **kwargs) -> list[Recipient]:
    return who_receives(*args, at=NOON, **kwargs)

# The routing table as the product asks for it, written out once more so a change to
# the module's table is a change someone meant.
EXPECTED_ROUTES = {
    "text-reminder": ((TEXT,), None),
    "email-reminder": ((EMAIL,), None),
    "registration": ((EMAIL,), None),
    "payment-confirmation": ((EMAIL, TEXT), None),
    "scheduling": ((TEXT, EMAIL), Pref.SCHEDULING),
    "car-updates": ((TEXT, EMAIL), Pref.CAR_UPDATES),
    "contracts": ((EMAIL,), Pref.CONTRACTS),
    "invoices": ((EMAIL,), Pref.INVOICES),
    "estimates": ((EMAIL,), Pref.ESTIMATES),
    "marketing": ((EMAIL, TEXT), Pref.MARKETING),
}
ALL = list(MessageType)
BY_TEXT = [m for m in MessageType if TEXT in m.channels]
FOR_CONTACTS = [m for m in MessageType if m.preference is not None]
CUSTOMER_ONLY = [m for m in MessageType if m.preference is None]


def contact(
    name: str = "Bo Diaz",
    email: str | None = "bo@example.com",
    phone: str | None = None,
    preferences: frozenset[CommunicationPreference] = frozenset(Pref),
    role: str = "Bookkeeper",
    consent: ConsentSummary = NOTHING_RECORDED,
) -> ContactFacts:
    return ContactFacts(name=name, role=role, email=email, phone=phone, preferences=preferences,
                        consent=consent)


def customer_on(
    message: MessageType, channel: Channel, phone: ReachTarget | None = PHONE,
    email: ReachTarget | None = MAIL,
) -> Recipient:
    found = receives(message, "Ann Lee", phone, email)
    (recipient,) = [r for r in found if r.channel is channel]
    return recipient


def ids(messages: list[MessageType]) -> list[str]:
    return [m.cli_name for m in messages]


def test_the_command_line_names_of_the_message_types() -> None:
    assert [m.cli_name for m in MessageType] == list(EXPECTED_ROUTES)


@pytest.mark.parametrize("name", list(EXPECTED_ROUTES))
def test_a_message_type_is_found_by_its_command_line_name(name: str) -> None:
    assert MessageType.from_cli_name(name).cli_name == name


def test_an_unknown_command_line_name_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="car-updates"):
        MessageType.from_cli_name("carupdates")


@pytest.mark.parametrize("message", ALL, ids=ids(ALL))
def test_each_message_type_has_its_channels_and_preference(message: MessageType) -> None:
    assert (message.channels, message.preference) == EXPECTED_ROUTES[message.cli_name]


def test_the_six_preference_types_carry_the_preferences_label() -> None:
    assert {m.preference: m.label for m in FOR_CONTACTS} == {p: p.label for p in Pref}


@pytest.mark.parametrize("message", ALL, ids=ids(ALL))
def test_a_reachable_customer_gets_the_message_on_each_of_its_channels(
    message: MessageType,
) -> None:
    found = receives(message, "Ann Lee", PHONE, MAIL)

    assert [(r.who, r.role, r.channel, r.included) for r in found] == [
        ("Ann Lee", "Customer", channel, True) for channel in message.channels
    ]
    addresses = {TEXT: "+12125550142", EMAIL: "ann@example.com"}
    shown = {TEXT: "(212) 555-0142", EMAIL: "ann@example.com"}
    assert [(r.address, r.shown) for r in found] == [
        (addresses[r.channel], shown[r.channel]) for r in found
    ]
    assert all(r.reason for r in found)


# Each way a primary stops every message on its channel, and the words the desk sees.
BLOCKS = [
    (TEXT, {"phone": None}, "no active phone number"),
    (TEXT, {"phone": replace(PHONE, status=ContactStatus.INACTIVE)},
     "(212) 555-0142 is marked inactive"),
    (TEXT, {"phone": replace(PHONE, status=ContactStatus.INVALID)},
     "(212) 555-0142 is marked invalid"),
    (TEXT, {"phone": replace(PHONE, consent=NO_TEXTS)}, f"(212) 555-0142: {OUT_BY_DESK}"),
    (TEXT, {"phone": replace(PHONE, can_receive_texts=False)},
     "(212) 555-0142: landline: cannot receive texts"),
    (TEXT, {"phone": replace(PHONE, consent=stated(TEXT, ConsentState.DO_NOT_CONTACT))},
     "(212) 555-0142: Marked do not contact by the customer at the desk"),
    (EMAIL, {"email": None}, "no active email address"),
    (EMAIL, {"email": replace(MAIL, status=ContactStatus.INACTIVE)},
     "ann@example.com is marked inactive"),
    (EMAIL, {"email": replace(MAIL, status=ContactStatus.INVALID)},
     "ann@example.com is marked invalid"),
]
# What stops marketing on a channel and lets every other message through.
MARKETING_BLOCKS = [
    (TEXT, {"phone": replace(PHONE, consent=NOTHING_RECORDED)},
     "(212) 555-0142: No opt-in to marketing texts on record"),
    (EMAIL, {"email": replace(MAIL, consent=NO_MARKETING_EMAIL)},
     f"ann@example.com: {OUT_BY_DESK} (marketing emails)"),
]


def on_their_channels(blocks: list) -> list:
    """Each block paired with every message type that goes out on its channel."""
    return [
        pytest.param(message, channel, facts, reason, id=f"{message.cli_name}: {reason}")
        for channel, facts, reason in blocks
        for message in MessageType
        if channel in message.channels
    ]


@pytest.mark.parametrize(("message", "channel", "facts", "reason"), on_their_channels(BLOCKS))
def test_nothing_goes_on_a_channel_whose_primary_cannot_take_it(
    message: MessageType, channel: Channel, facts: dict, reason: str
) -> None:
    recipient = customer_on(message, channel, **facts)

    assert not recipient.included
    assert reason in recipient.reason


@pytest.mark.parametrize(("message", "channel", "facts", "reason"),
                         on_their_channels(MARKETING_BLOCKS))
def test_marketing_needs_more_consent_than_any_other_message(
    message: MessageType, channel: Channel, facts: dict, reason: str
) -> None:
    recipient = customer_on(message, channel, **facts)

    if message is MessageType.MARKETING:
        assert (recipient.included, recipient.reason) == (False, reason)
    else:
        assert recipient.included


@pytest.mark.parametrize("message", BY_TEXT, ids=ids(BY_TEXT))
def test_a_left_out_phone_is_still_named_so_the_clerk_knows_which_one(
    message: MessageType,
) -> None:
    recipient = customer_on(message, TEXT, phone=replace(PHONE, consent=NO_TEXTS))

    assert (recipient.address, recipient.shown) == ("+12125550142", "(212) 555-0142")


@pytest.mark.parametrize("message", ALL, ids=ids(ALL))
def test_a_blocked_phone_does_not_stop_the_email_nor_the_other_way_round(
    message: MessageType,
) -> None:
    found = receives(message, "Ann Lee", replace(PHONE, consent=NO_TEXTS), None)

    assert [r.included for r in found] == [False] * len(message.channels)
    assert [r.channel for r in found] == list(message.channels)


@pytest.mark.parametrize("message", FOR_CONTACTS, ids=ids(FOR_CONTACTS))
def test_a_subscribed_contact_gets_it_by_email(message: MessageType) -> None:
    bo = contact(preferences=frozenset({message.preference}))

    recipient = receives(message, "Ann Lee", PHONE, MAIL, [bo])[-1]

    assert recipient == Recipient(
        who="Bo Diaz", role="Bookkeeper", channel=EMAIL, address="bo@example.com",
        shown="bo@example.com", included=True, reason=f"subscribed to {message.preference.label}",
    )


@pytest.mark.parametrize("message", FOR_CONTACTS, ids=ids(FOR_CONTACTS))
def test_a_contact_not_subscribed_is_left_out(message: MessageType) -> None:
    others = frozenset(Pref) - {message.preference}

    recipient = receives(message, "Ann Lee", PHONE, MAIL, [contact(preferences=others)])[-1]

    assert not recipient.included
    assert recipient.reason == f"not subscribed to {message.preference.label}"


@pytest.mark.parametrize("message", FOR_CONTACTS, ids=ids(FOR_CONTACTS))
def test_a_subscribed_contact_without_an_email_is_left_out_even_with_a_phone(
    message: MessageType,
) -> None:
    no_email = contact(email=None)
    with_phone = contact(email=None, phone="(212) 555-0199")

    found = receives(message, "Ann Lee", PHONE, MAIL, [no_email, with_phone])[-2:]

    assert [(r.included, r.address) for r in found] == [(False, None), (False, None)]
    label = message.preference.label
    assert found[0].reason == f"subscribed to {label} but has no email address"
    assert found[1].reason == (
        f"subscribed to {label} but has no email address, and contacts are not texted")


@pytest.mark.parametrize("message", CUSTOMER_ONLY, ids=ids(CUSTOMER_ONLY))
def test_messages_that_are_not_preferences_go_to_the_customer_only(message: MessageType) -> None:
    found = receives(message, "Ann Lee", PHONE, MAIL, [contact()])

    assert [r.who for r in found if r.included] == ["Ann Lee"] * len(message.channels)
    bo = found[-1]
    assert (bo.who, bo.included) == ("Bo Diaz", False)
    assert bo.reason == f"{message.label.lower()} messages go to the customer only"


@pytest.mark.parametrize("message", ALL, ids=ids(ALL))
def test_everyone_considered_appears_once_per_channel_customer_first(message: MessageType) -> None:
    people = [contact("Bo Diaz"), contact("Cy Lee", email=None, role="Spouse"),
              contact("Di Fox", email="di@example.com", preferences=frozenset(), role="Other")]

    found = receives(message, "Ann Lee", None, None, people)

    assert [(r.who, r.role) for r in found] == (
        [("Ann Lee", "Customer")] * len(message.channels)
        + [("Bo Diaz", "Bookkeeper"), ("Cy Lee", "Spouse"), ("Di Fox", "Other")]
    )
    assert all(r.reason for r in found)
    assert [r.channel for r in found[len(message.channels):]] == [EMAIL] * 3


def test_a_customer_with_nothing_active_and_no_contacts_gets_nothing_and_is_told_why() -> None:
    found = receives(MessageType.PAYMENT_CONFIRMATION, "Ann Lee", None, None)

    assert [(r.channel, r.included, r.reason) for r in found] == [
        (EMAIL, False, "no active email address"),
        (TEXT, False, "no active phone number"),
    ]


@pytest.mark.parametrize("message", FOR_CONTACTS, ids=ids(FOR_CONTACTS))
def test_an_address_gets_the_message_once_whoever_else_has_it(message: MessageType) -> None:
    """A spouse on the household email, and two contacts on one office address: the
    address gets one message, and the clerk sees whose it was."""
    spouse = contact("Cy Lee", email="Ann@Example.com", role="Spouse")
    office = contact("Bo Diaz", email="office@example.com")
    partner = contact("Di Fox", email="office@example.com", role="Other")

    found = receives(message, "Ann Lee", PHONE, MAIL, [spouse, office, partner])

    by_email = [(r.who, r.included, r.reason) for r in found if r.channel is EMAIL]
    label = message.preference.label
    customer = [(who, included) for who, included, _ in by_email if who == "Ann Lee"]
    assert customer == [("Ann Lee", True)]
    assert by_email[-3:] == [
        ("Cy Lee", False, "same address as Ann Lee, who gets it already"),
        ("Bo Diaz", True, f"subscribed to {label}"),
        ("Di Fox", False, "same address as Bo Diaz, who gets it already"),
    ]


def test_someone_left_out_for_another_reason_keeps_that_reason() -> None:
    """Sharing an address matters only to someone who would have got the message."""
    not_subscribed = contact("Cy Lee", email="ann@example.com", preferences=frozenset())
    blocked = replace(MAIL, status=ContactStatus.INACTIVE)

    found = receives(MessageType.SCHEDULING, "Ann Lee", PHONE, blocked,
                         [not_subscribed, contact("Bo Diaz", email="ann@example.com")])

    assert [(r.who, r.included, r.reason) for r in found if r.channel is EMAIL] == [
        ("Ann Lee", False, "ann@example.com is marked inactive"),
        ("Cy Lee", False, "not subscribed to Scheduling"),
        ("Bo Diaz", True, "subscribed to Scheduling"),
    ]


def test_a_marketing_opt_out_covers_its_address_whoever_it_is_sent_for() -> None:
    """The household email opted out of marketing: the spouse subscribed to marketing on
    that same address gets none either (consent is the address's, so the spouse's address
    carries the same records); another address still does."""
    spouse = contact("Cy Lee", email="ann@example.com", role="Spouse",
                     consent=NO_MARKETING_EMAIL)
    office = contact("Bo Diaz", email="office@example.com")
    opted_out = replace(MAIL, consent=NO_MARKETING_EMAIL)

    marketing = receives(MessageType.MARKETING, "Ann Lee", PHONE, opted_out, [spouse, office])
    scheduling = receives(MessageType.SCHEDULING, "Ann Lee", PHONE, opted_out, [office])

    said = f"{OUT_BY_DESK} (marketing emails)"
    assert [(r.who, r.included, r.reason) for r in marketing if r.channel is EMAIL] == [
        ("Ann Lee", False, f"ann@example.com: {said}"),
        ("Cy Lee", False, f"ann@example.com: {said}"),
        ("Bo Diaz", True, "subscribed to Marketing"),
    ]
    assert [r.who for r in scheduling if r.channel is EMAIL and r.included] == [
        "Ann Lee", "Bo Diaz"]


def test_a_contacts_own_opt_out_stops_marketing_and_nothing_else() -> None:
    office = contact("Bo Diaz", email="office@example.com", consent=NO_MARKETING_EMAIL)

    found = receives(MessageType.MARKETING, "Ann Lee", PHONE, MAIL, [office])
    invoices = receives(MessageType.INVOICES, "Ann Lee", PHONE, MAIL, [office])

    assert [(r.who, r.included, r.reason) for r in found if r.channel is EMAIL] == [
        ("Ann Lee", True, "primary email"),
        ("Bo Diaz", False, f"office@example.com: {OUT_BY_DESK} (marketing emails)"),
    ]
    assert [r.included for r in invoices if r.who == "Bo Diaz"] == [True]


def test_quiet_hours_hold_a_text_with_its_time_and_let_the_email_go() -> None:
    evening = datetime(2026, 3, 4, 2, 40, tzinfo=timezone.utc)  # 9:40 PM in New York
    email, text = who_receives(MessageType.PAYMENT_CONFIRMATION, "Ann Lee", PHONE, MAIL,
                               at=evening)
    assert email.included and not text.included
    assert text.not_before == datetime(2026, 3, 4, 13, 0, tzinfo=timezone.utc)
