"""A customer's history read back from the typed audit columns: newest first, field by field,
with who, the desk, why (a person, the default rule, the DMS), old -> new as labels, filtered
by kind, and exported to CSV whole, with nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import socket

import pytest

from contact_desk.domain.enums import AssignmentRole, ContactKind, ContactStatus
from contact_desk.domain.history import Cause, Field
from contact_desk.services import contact_info, users
from contact_desk.services.activity import add_note
from contact_desk.services.customers import create_customer
from contact_desk.services.history import (
    HistoryGroup,
    customer_history,
    export_history_csv,
)
from contact_desk.sync.dms import sync_dms
from tests.consent import set_flag
from tests.sync.conftest import export  # noqa: F401 - a fixture


@pytest.fixture
def ann(database, manager) -> int:
    return create_customer(database.unit_of_work(), manager, first_name="Ann",
                           last_name="Lee", customer_number="C1")


def test_the_history_is_every_change_newest_first_with_who_where_and_why(
        database, manager, clerk, ann):
    cell = contact_info.add_contact_point(database.unit_of_work(), clerk, ann, ContactKind.PHONE,
                                "(212) 555-0142").added_id
    home = contact_info.add_contact_point(database.unit_of_work(), clerk, ann, ContactKind.PHONE,
                                "(212) 555-0143").added_id
    set_flag(database.unit_of_work(), clerk, cell, do_not_text=True)
    contact_info.set_contact_point_status(database.unit_of_work(), clerk, cell, ContactStatus.INACTIVE)
    users.assign_user(database.unit_of_work(), manager, ann, AssignmentRole.SALES,
                      clerk.user_id)
    add_note(database.unit_of_work(), clerk, ann, "<b>Call</b> after 5pm")

    history = customer_history(database.unit_of_work(), "C1")

    rows = [(e.what, e.field, e.old, e.new, e.who, e.cause) for e in history.entries]
    assert rows == [
        ("Note", Field.ADDED, "", "<b>Call</b> after 5pm", "Casey Clerk", Cause.PERSON),
        ("Assigned user", Field.SALES, "", "Casey Clerk", manager.name, Cause.PERSON),
        ("Customer", Field.PRIMARY_PHONE, "(212) 555-0142", "(212) 555-0143", "Casey Clerk",
         Cause.DEFAULT_RULE),
        ("Phone or email", Field.STATUS, "Active", "Inactive", "Casey Clerk", Cause.PERSON),
        ("Phone or email", Field.TEXT_MARKETING, "Not asked", "Opted out", "Casey Clerk",
         Cause.PERSON),
        ("Phone or email", Field.TEXT_TRANSACTIONAL, "Not asked", "Opted out", "Casey Clerk",
         Cause.PERSON),
        ("Phone or email", Field.ADDED, "", "(212) 555-0143", "Casey Clerk", Cause.PERSON),
        ("Customer", Field.PRIMARY_PHONE, "", "(212) 555-0142", "Casey Clerk",
         Cause.DEFAULT_RULE),
        ("Phone or email", Field.ADDED, "", "(212) 555-0142", "Casey Clerk", Cause.PERSON),
        ("Customer", Field.CREATED, "", "Ann Lee", manager.name, Cause.PERSON),
    ]
    assert {e.desk for e in history.entries} == {socket.gethostname()}
    assert home and history.customer_name == "Ann Lee"
    consent = history.of({HistoryGroup.CONSENT})
    assert [(e.field, e.new) for e in consent] == [(Field.TEXT_MARKETING, "Opted out"),
                                                   (Field.TEXT_TRANSACTIONAL, "Opted out")]
    assert [e.field for e in history.of({HistoryGroup.ASSIGNMENTS})] == [Field.SALES]
    assert len(history.of({HistoryGroup.CONTACT_POINTS})) == 5


def test_what_the_dms_changed_or_removed_says_so(database, manager, ann, export):  # noqa: F811
    sync_dms(database, manager, export([{"customer_number": "C1", "first_name": "Ann",
                                          "last_name": "Lee", "cell_phone": "(212) 555-0142",
                                          "email": "ann@example.com"}]))
    sync_dms(database, manager, export([{"customer_number": "C1", "first_name": "Ann",
                                          "last_name": "Lee", "cell_phone": "(212) 555-0177",
                                          "email": ""}]))

    history = customer_history(database.unit_of_work(), ann)
    causes = {(e.field, e.old, e.new): e.cause for e in history.entries}
    assert causes[(Field.STATUS, "Active", "Inactive")] in (Cause.DMS_CHANGED,
                                                           Cause.DMS_REMOVED)
    by_value = {e.new: e.cause for e in history.entries if e.field is Field.ADDED}
    assert by_value["(212) 555-0177"] is Cause.DMS_CHANGED
    removed = [e for e in history.entries if e.field is Field.STATUS and e.new == "Inactive"]
    assert sorted(e.cause.name for e in removed) == ["DMS_CHANGED", "DMS_REMOVED"]


def test_the_csv_export_is_whole_and_a_formula_stays_text(database, manager, ann, tmp_path):
    add_note(database.unit_of_work(), manager, ann, '=HYPERLINK("http://x.example","hi")')
    history = customer_history(database.unit_of_work(), ann)
    path = tmp_path / "history.csv"

    written = export_history_csv(database, path, history.entries)

    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert written == 2 and len(rows) == 3
    assert rows[0] == ["when", "who", "desk", "why", "what", "field", "old", "new", "detail"]
    assert rows[1][4:8] == ["Note", "Added", "", '\'=HYPERLINK("http://x.example","hi")']



def test_the_account_figures_are_filed_with_programs():
    from contact_desk.domain.history import Entity, Field
    from contact_desk.services.history import HistoryGroup, group_of

    assert group_of(Entity.CUSTOMER, Field.REGULAR_AMOUNT) is HistoryGroup.PROGRAMS
    assert group_of(Entity.CUSTOMER, Field.CITY) is HistoryGroup.OTHER
