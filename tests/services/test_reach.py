"""customer_reach: every phone and email of a customer, by each channel it can carry and for
each purpose, answered from the customer's address, the value's status and its consent."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from contact_desk.domain.consent import ConsentHow, Purpose
from contact_desk.domain.enums import Channel, ContactKind, ContactStatus
from contact_desk.services import contact_info
from contact_desk.services.reach import customer_reach
from tests.consent import IN, OUT, said

CHICAGO = ZoneInfo("America/Chicago")
ILLINOIS = {"address_line1": "1 Main St", "city": "Chicago", "state": "IL",
            "postal_code": "60601"}


@pytest.fixture
def ann(database, manager, new_customer):
    customer = new_customer(customer_number="C1", address=ILLINOIS)
    add = contact_info.add_contact_point
    miami = add(database.unit_of_work(), manager, customer, ContactKind.PHONE,
                "(305) 555-0142").added_id
    chicago = add(database.unit_of_work(), manager, customer, ContactKind.PHONE,
                  "(312) 555-0142").added_id
    email = add(database.unit_of_work(), manager, customer, ContactKind.EMAIL,
                "ann@example.com").added_id
    for point in (miami, chicago):
        contact_info.set_consent(database.unit_of_work(), manager, point,
                                 said(Channel.TEXT, IN, how=ConsentHow.SIGNED_FORM))
    contact_info.set_consent(database.unit_of_work(), manager, email,
                             said(Channel.EMAIL, OUT, (Purpose.MARKETING,)))
    return {"customer": customer, "chicago": chicago}


def answers(database, key, at):
    found = customer_reach(database.unit_of_work(), key, at)
    return {(value.display, value.channel, value.purpose): value.answer
            for value in found.answers}


def test_each_value_is_answered_for_each_channel_it_carries_and_each_purpose(database, ann):
    found = answers(database, "C1", datetime(2026, 3, 3, 12, 0, tzinfo=CHICAGO))
    assert set(found) == {
        (shown, channel, purpose)
        for shown, channels in (("(305) 555-0142", (Channel.CALL, Channel.TEXT)),
                                ("(312) 555-0142", (Channel.CALL, Channel.TEXT)),
                                ("ann@example.com", (Channel.EMAIL,)))
        for channel in channels for purpose in Purpose}
    assert all(answer.allowed for key, answer in found.items()
               if key != ("ann@example.com", Channel.EMAIL, Purpose.MARKETING))
    assert found[("ann@example.com", Channel.EMAIL, Purpose.MARKETING)].reason.startswith(
        "Opted out by the customer at the desk on ")


def test_the_customer_s_address_meets_the_number_s_area_code(database, ann):
    evening = datetime(2026, 3, 3, 20, 30, tzinfo=CHICAGO)
    found = answers(database, "C1", evening)
    assert found[("(312) 555-0142", Channel.TEXT, Purpose.MARKETING)].allowed
    miami = found[("(305) 555-0142", Channel.TEXT, Purpose.MARKETING)]
    assert not miami.allowed and "area code in Florida" in miami.reason
    assert miami.next_allowed_at == datetime(2026, 3, 4, 8, 0, tzinfo=CHICAGO)


def test_an_inactive_number_says_so(database, manager, ann):
    contact_info.set_contact_point_status(database.unit_of_work(), manager, ann["chicago"],
                                          ContactStatus.INACTIVE)
    found = answers(database, "C1", datetime(2026, 3, 3, 12, 0, tzinfo=CHICAGO))
    assert found[("(312) 555-0142", Channel.CALL, Purpose.TRANSACTIONAL)].reason == (
        "(312) 555-0142 is marked inactive")


def test_a_moment_without_an_offset_is_refused(database, ann):
    with pytest.raises(ValueError, match="UTC offset"):
        customer_reach(database.unit_of_work(), "C1", datetime(2026, 3, 3, 12, 0))


def test_the_card_s_lines_answer_call_text_and_email_for_the_primary_values(database, ann):
    """From the customer's view alone (no read): the first phone added is the primary."""
    from contact_desk.services.customers import get_customer
    from contact_desk.services.reach import primary_reach

    view = get_customer(database.unit_of_work(), "C1")
    late = primary_reach(view, datetime(2026, 3, 3, 21, 40, tzinfo=CHICAGO))
    assert [(line.channel, line.point.display if line.point else None) for line in late] == [
        (Channel.CALL, "(305) 555-0142"), (Channel.TEXT, "(305) 555-0142"),
        (Channel.EMAIL, "ann@example.com")]
    call, text, email = late
    assert call.transactional.later and text.marketing.later
    assert (text.transactional.opens, text.transactional.opens_in) == ("8:00 AM", "Illinois")
    assert email.transactional.allowed and not email.marketing.allowed
    assert email.marketing.reason.startswith("Opted out by the customer at the desk on ")


def test_without_an_active_phone_the_call_and_text_lines_say_so(database, manager,
                                                                new_customer):
    from contact_desk.services.customers import get_customer
    from contact_desk.services.reach import primary_reach

    new_customer(customer_number="C9")
    lines = primary_reach(get_customer(database.unit_of_work(), "C9"),
                          datetime(2026, 3, 3, 12, 0, tzinfo=CHICAGO))
    assert [(line.transactional.reason, line.marketing.reason) for line in lines] == [
        ("no active phone number",) * 2, ("no active phone number",) * 2,
        ("no active email address",) * 2]
