"""Another desk, as a process of its own: one change through the services, then it exits.

    python -m tests.other_desk URL rename CUSTOMER FIRST LAST
    python -m tests.other_desk URL move CUSTOMER CITY
    python -m tests.other_desk URL contact-phone CUSTOMER CONTACT NEW_PHONE
    python -m tests.other_desk URL phone CUSTOMER POINT NEW_VALUE
    python -m tests.other_desk URL consent CUSTOMER POINT CHANNEL STATE   (e.g. text opted-out)
    python -m tests.other_desk URL note CUSTOMER TEXT
    python -m tests.other_desk URL suppress CUSTOMER MESSAGE_TYPE REASON   (e.g. CAR_UPDATES)
    python -m tests.other_desk URL failed-rename CUSTOMER   (a change refused: nothing saved)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel
from contact_desk.domain.errors import DomainError
from contact_desk.domain.recipients import MessageType
from contact_desk.os_login import os_login
from contact_desk.services import activity, additional_contacts, sign_in, suppressions
from contact_desk.services.contact_info import (
    ContactInfoChanges,
    PointChange,
    save_contact_info,
    set_consent,
)
from contact_desk.services.customers import get_customer, update_customer_details
from contact_desk.services.forms import ConsentForm, ContactForm, CustomerForm
from contact_desk.store.database import open_database


def change(url: str, what: str, customer_id: int, *args: str) -> None:
    database = open_database(url)
    try:
        actor = sign_in.act_as(database.unit_of_work(), None, os_login())
        shown = get_customer(database.unit_of_work(), customer_id)
        version = shown.version
        details = {name: getattr(shown, name) for name in (
            "first_name", "last_name", "company", "address_line1", "city", "state",
            "postal_code")}
        if what in ("rename", "move"):
            changed = {"first_name": args[0], "last_name": args[1]} if what == "rename" \
                else {"city": args[0]}
            update_customer_details(database.unit_of_work(), actor, customer_id,
                                    CustomerForm(**{**details, **changed}),
                                    expected_version=version)
        elif what == "contact-phone":
            contact = next(c for c in shown.contacts if c.id == int(args[0]))
            additional_contacts.edit_contact(
                database.unit_of_work(), actor, contact.id, ContactForm(
                    first_name=contact.first_name, last_name=contact.last_name,
                    email=contact.email, phone=args[1], role=contact.role,
                    role_description=contact.role_description,
                    primary_contact=contact.primary_contact,
                    portal_access=contact.portal_access, preferences=contact.preferences),
                expected_person_version=contact.person_version)
        elif what == "phone":
            save_contact_info(database.unit_of_work(), actor, customer_id,
                              ContactInfoChanges(edits=(PointChange(int(args[0]), args[1]),)),
                              version)
        elif what == "consent":
            channel = Channel[args[1].upper()]
            state = ConsentState[args[2].upper().replace("-", "_")]
            set_consent(database.unit_of_work(), actor, int(args[0]),
                        ConsentForm(channel=channel, purposes=tuple(Purpose), state=state,
                                    how=ConsentHow.DESK, note="Said so at the other desk"),
                        version)
        elif what == "note":
            activity.add_note(database.unit_of_work(), actor, customer_id, args[0])
        elif what == "suppress":
            suppressions.suppress(database.unit_of_work(), actor, customer_id,
                                  suppressions.SuppressionForm(message=MessageType[args[0]],
                                                               reason=args[1]), version)
        elif what == "failed-rename":
            try:
                update_customer_details(database.unit_of_work(), actor, customer_id,
                                        CustomerForm(first_name="Never", last_name="Saved"),
                                        expected_version=version - 1)
            except DomainError:
                return
            raise SystemExit("the stale save went through")
        else:
            raise SystemExit(f"no such change: {what}")
    finally:
        database.dispose()


def at_other_desk(url: str, what: str, customer_id: int, *args: object) -> None:
    """Run one change in another process and wait for it to end."""
    result = subprocess.run([sys.executable, "-m", "tests.other_desk", url, what,
                             str(customer_id), *map(str, args)],
                            capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 0, result.stderr


if __name__ == "__main__":
    change(sys.argv[1], sys.argv[2], int(sys.argv[3]), *sys.argv[4:])
