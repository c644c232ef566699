"""`contact-desk merge KEEP OTHER` and `unmerge`: the same merge as the desk's, from a
terminal; after it `show OTHER` finds the survivor; every refusal one line, exit 2, nothing
written."""

from __future__ import annotations

import json

import pytest

from contact_desk.cli import main
from contact_desk.domain.enums import ContactKind, Permission
from contact_desk.services import activity, contact_info, users
from contact_desk.services.customers import create_customer
from contact_desk.store.database import open_database
from tests.conftest import first_manager
from tests.services.merging import values_of


@pytest.fixture
def desk(tmp_path) -> str:
    """Ann Lee as C1 and again as C2 (a phone of her own, the same email, a note)."""
    path = str(tmp_path / "desk.sqlite3")
    database = open_database(path, create=True)
    manager = first_manager(database)
    uow = database.unit_of_work
    ann = create_customer(uow(), manager, first_name="Ann", last_name="Lee",
                          customer_number="C1")
    anne = create_customer(uow(), manager, first_name="Anne", last_name="Lee",
                           customer_number="C2")
    create_customer(uow(), manager, first_name="Bo", last_name="Ray", customer_number="C3")
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.PHONE, "(312) 555-0142")
    contact_info.add_contact_point(uow(), manager, ann, ContactKind.EMAIL, "ann@example.com")
    contact_info.add_contact_point(uow(), manager, anne, ContactKind.PHONE, "(312) 555-0199")
    contact_info.add_contact_point(uow(), manager, anne, ContactKind.EMAIL, "ANN@example.com")
    activity.add_note(uow(), manager, anne, "Walked in.")
    users.create_user(uow(), manager, "clerk", "Casey Clerk", [Permission.EDIT_CUSTOMERS])
    database.dispose()
    return path


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as stopped:  # argparse's own refusal
        code = stopped.code
    out, err = capsys.readouterr()
    return code, out, err


def stored(path: str):
    database = open_database(path)
    try:
        return values_of(database)
    finally:
        database.dispose()


def test_merge_prints_what_moved_and_show_other_finds_the_survivor(desk, capsys):
    code, out, err = run(capsys, "--database", desk, "merge", "C1", "C2", "--json")
    assert code == 0, err
    done = json.loads(out)
    assert (done["survivor"], done["merged"]) == ("C1", "C2")
    assert done["moved"] == ["(312) 555-0199", "1 note", "6 history entries"]
    assert done["kept_once"] == ["ann@example.com"]
    assert done["fields"]["first-name"] == "keep"
    assert done["primary_phone"] == "(312) 555-0142"

    code, out, err = run(capsys, "--database", desk, "show", "C2", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["customer_number"] == "C1" and shown["first_name"] == "Ann"
    assert sorted(p["value"] for p in shown["phones"]) == ["+13125550142", "+13125550199"]
    assert [e["value"] for e in shown["emails"]] == ["ann@example.com"]


def test_merge_says_it_in_words_and_how_to_undo_it(desk, capsys):
    code, out, err = run(capsys, "--database", desk, "merge", "C1", "C2")
    assert code == 0, err
    assert out.splitlines() == [
        "Merged C2 into C1.",
        "Moved: (312) 555-0199, 1 note, 6 history entries.",
        "On both, kept once: ann@example.com.",
        "Undo it with: contact-desk unmerge C1 (until either customer is next changed)."]


def test_unmerge_puts_both_back(desk, capsys):
    before = stored(desk)
    run(capsys, "--database", desk, "merge", "C1", "C2")
    code, out, err = run(capsys, "--database", desk, "unmerge", "C2", "--json")
    assert code == 0, err
    assert json.loads(out)["restored"] == "C2"
    assert stored(desk) == before
    code, out, _ = run(capsys, "--database", desk, "show", "C2", "--json")
    assert json.loads(out)["first_name"] == "Anne"


def test_the_duplicates_list_names_both_customers_then_forgets_the_merged_pair(desk, capsys):
    code, out, err = run(capsys, "--database", desk, "duplicates", "--json")
    assert code == 0, err
    [pair] = json.loads(out)
    assert pair["customers"] == ["C1", "C2"] and pair["score"] > 0 and pair["reasons"]
    run(capsys, "--database", desk, "merge", *pair["customers"])
    code, out, _ = run(capsys, "--database", desk, "duplicates", "--no-scan", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--database", desk, "duplicates", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(("argv", "said"), [
    (("merge", "C1", "C1"), "cannot be merged with itself"),
    (("merge", "C1", "C9"), "No customer has the number or id 'C9'"),
    (("merge", "C1", "#999"), "No customer has the number or id '#999'"),
    (("--user", "clerk", "merge", "C1", "C2"), "Casey Clerk does not have the permission"),
    (("merge", "C1"), "the following arguments are required: OTHER"),
    (("unmerge", "C1"), "has no merge to undo"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(desk, capsys, argv, said):
    before = stored(desk)
    code, out, err = run(capsys, "--database", desk, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and said in err
    assert stored(desk) == before


def test_a_customer_merged_away_is_refused_as_either_side(desk, capsys):
    run(capsys, "--database", desk, "merge", "C1", "C2")
    before = stored(desk)
    for argv in (("merge", "C3", "C2"), ("merge", "C2", "C3")):
        code, out, err = run(capsys, "--database", desk, *argv)
        assert code == 2 and err.strip() == (
            "contact-desk: Anne Lee (C2) was merged into Ann Lee (C1) already; open that "
            "customer instead.")
    assert stored(desk) == before
