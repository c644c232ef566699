"""Every value the domain accepts fits its column: PostgreSQL refuses what is too long where
SQLite keeps it, so a width too small shows only there (migration 0008)."""

from __future__ import annotations

from contact_desk.domain.enums import ContactRole
from contact_desk.services.additional_contacts import add_contact
from contact_desk.services.customers import create_customer, get_customer
from contact_desk.services.forms import ContactForm


def test_an_additional_contacts_longest_phone_is_kept(database, manager):
    """A Swedish number shown internationally with a 16-digit extension: 42 characters."""
    customer_id = create_customer(database.unit_of_work(), manager, first_name="Ann",
                                  last_name="Lee")
    phone = "+46 254 12 345 67 89 ext. 1234567890123456"

    add_contact(
        database.unit_of_work(),
        manager,
        customer_id,
        ContactForm(first_name="Bo", last_name="Ray", role=ContactRole.SPOUSE, phone=phone),
    )

    (contact,) = get_customer(database.unit_of_work(), customer_id).contacts
    assert contact.phone_display == phone
