"""`contact-desk reach CUSTOMER [--at TIME] [--json]`: each value, channel and purpose, yes or
no with the reason and the next allowed time; a time without its offset is a usage error."""

from __future__ import annotations

import json

import pytest

from contact_desk.cli import main
from contact_desk.domain.consent import ConsentHow
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services import contact_info
from contact_desk.services.customers import create_customer, update_customer_details
from contact_desk.services.forms import CustomerForm
from contact_desk.store.database import open_database
from tests.conftest import first_manager
from tests.consent import IN, said

REACH_KEYS = {"value", "channel", "purpose", "allowed", "reason", "next_allowed_at"}
EVENING = "2026-03-03T20:30:00-06:00"  # a Tuesday, 8:30 PM in Chicago


@pytest.fixture(scope="module")
def ann_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Ann Lee (C1) of Chicago: a Miami cell and a Chicago cell, both opted in to texts on
    a signed form, and an email."""
    path = tmp_path_factory.mktemp("reach") / "desk.sqlite3"
    database = open_database(str(path), create=True)
    manager = first_manager(database)
    ann = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee",
                          customer_number="C1")
    update_customer_details(database.unit_of_work(), manager, ann, CustomerForm(
        first_name="Ann", last_name="Lee", address_line1="1 Main St", city="Chicago",
        state="IL", postal_code="60601"))
    for kind, value in ((ContactKind.PHONE, "(305) 555-0142"),
                        (ContactKind.PHONE, "(312) 555-0142"),
                        (ContactKind.EMAIL, "ann@example.com")):
        point = contact_info.add_contact_point(database.unit_of_work(), manager, ann, kind,
                                               value).added_id
        if kind is ContactKind.PHONE:
            contact_info.set_consent(database.unit_of_work(), manager, point,
                                     said(Channel.TEXT, IN, how=ConsentHow.SIGNED_FORM))
    database.dispose()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_reach_json_answers_each_value_channel_and_purpose(ann_url, capsys):
    code, out, err = run(capsys, "--database", ann_url, "reach", "C1", "--at", EVENING,
                         "--json")
    assert code == 0, err
    data = json.loads(out)
    assert all(set(answer) == REACH_KEYS for answer in data)
    assert [(a["value"], a["channel"], a["purpose"]) for a in data] == [
        (value, channel, purpose)
        for value, channels in (("+13055550142", ("call", "text")),
                                ("+13125550142", ("call", "text")),
                                ("ann@example.com", ("email",)))
        for channel in channels for purpose in ("transactional", "marketing")]
    by_key = {(a["value"], a["channel"], a["purpose"]): a for a in data}
    miami = by_key[("+13055550142", "text", "marketing")]
    assert miami["allowed"] is False
    assert miami["reason"].startswith("it is 8:30 PM CST in Florida: marketing texts may go "
                                      "out from 8:00 AM CST")
    assert miami["next_allowed_at"] == "2026-03-04T08:00:00-06:00"
    chicago = by_key[("+13125550142", "text", "marketing")]
    assert chicago["allowed"] is True and chicago["next_allowed_at"] is None
    assert chicago["reason"].startswith("opted in by signed form on ")
    assert by_key[("ann@example.com", "email", "marketing")] == {
        "value": "ann@example.com", "channel": "email", "purpose": "marketing",
        "allowed": True, "reason": "may email now", "next_allowed_at": None}


def test_reach_prints_a_line_for_each_answer(ann_url, capsys):
    code, out, _ = run(capsys, "--database", ann_url, "reach", "C1", "--at", EVENING)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Reach for Ann Lee (C1) at 2026-03-03T20:30-06:00:"
    assert len(lines) == 1 + 10
    assert lines[2].split() == ["(305)", "555-0142", "call", "marketing", "no:", "it", "is",
                                "8:30", "PM", "CST", "in", "Florida:", "marketing", "calls",
                                "may", "go", "out", "from", "8:00", "AM", "CST", "(the",
                                "address", "is", "in", "Illinois", "and", "the", "area",
                                "code", "in", "Florida:", "the", "stricter", "reading)"]
    assert lines[-1].split() == ["ann@example.com", "email", "marketing", "yes:", "may",
                                 "email", "now"]


def test_reach_without_at_answers_for_now(ann_url, capsys):
    code, out, err = run(capsys, "--database", ann_url, "reach", "C1", "--json")
    assert code == 0, err
    assert {type(answer["allowed"]) for answer in json.loads(out)} == {bool}


@pytest.mark.parametrize("given, says", [
    ("2026-03-03T20:30", "argument --at: '2026-03-03T20:30' has no UTC offset: add one, "
                         "e.g. 2026-03-01T21:40:00-06:00"),
    ("2026-03-03", "argument --at: '2026-03-03' has no UTC offset"),
    ("tonight", "argument --at: 'tonight' is not an ISO-8601 time, "
                "e.g. 2026-03-01T21:40:00-06:00"),
])
def test_a_time_without_an_offset_or_unreadable_is_one_line_and_exit_2(ann_url, capsys, given,
                                                                        says):
    with pytest.raises(SystemExit) as stopped:
        main(["--database", ann_url, "reach", "C1", "--at", given])
    out, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"contact-desk: error: {says}")


def test_an_unknown_customer_is_one_line_and_exit_2(ann_url, capsys):
    code, out, err = run(capsys, "--database", ann_url, "reach", "C404", "--at", EVENING)
    assert (code, out) == (2, "")
    assert err == "contact-desk: No customer has the number or id 'C404'.\n"
