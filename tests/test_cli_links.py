"""`contact-desk link CUSTOMER OTHER --as RELATION [--contracts] [--json]`, `unlink` and
`links`: what is linked, from both sides; every mistake one line and exit 2, nothing
written."""

from __future__ import annotations

import json

import pytest

from contact_desk.cli import main
from contact_desk.services.customers import create_customer
from contact_desk.store.database import open_database
from tests.conftest import first_manager


@pytest.fixture
def url(tmp_path) -> str:
    path = tmp_path / "desk.sqlite3"
    database = open_database(str(path), create=True)
    manager = first_manager(database)
    for first, number in (("Mary", "C1"), ("Tom", "C2")):
        create_customer(database.unit_of_work(), manager, first_name=first, last_name="Lee",
                        customer_number=number)
    database.dispose()
    return str(path)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # a usage error: argparse's own line and exit code
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def test_link_links_and_unlink_from_either_side(url, capsys):
    code, out, err = run(capsys, "--database", url, "link", "C1", "C2", "--as", "co-buyer",
                         "--contracts", "--json")
    assert code == 0, err
    assert json.loads(out) | {"id": 0} == {
        "id": 0, "customer_number": "C2", "name": "Tom Lee", "relation": "co-buyer",
        "relation_label": "Co-buyer", "receives_contracts": True}

    code, out, _ = run(capsys, "--database", url, "links", "C2")
    assert (code, out) == (0, "Co-buyer: C1 (Mary Lee); receives contracts\n")

    code, out, _ = run(capsys, "--database", url, "unlink", "C2", "C1")
    assert (code, out) == (0, "Unlinked: Co-buyer: C1 (Mary Lee); receives contracts.\n")
    code, out, _ = run(capsys, "--database", url, "links", "C1", "--json")
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize("argv, said", [
    (("link", "C1", "C1", "--as", "spouse"), "A customer cannot be linked to themselves."),
    (("link", "C1", "C2", "--as", "child", "--contracts"),
     "Only a co-buyer can receive the customer's contracts."),
    (("link", "C1", "C9", "--as", "spouse"), "C9"),
    (("unlink", "C1", "C2"), "C1 and C2 are not linked."),
    (("link", "C1", "C2", "--as", "cousin"), "invalid choice: 'cousin'"),
], ids=["itself", "contracts to a child", "nobody", "not linked", "no such relation"])
def test_a_mistake_is_one_line_exit_2_and_writes_nothing(url, capsys, argv, said):
    code, out, err = run(capsys, "--database", url, *argv)
    assert code == 2 and out == ""
    assert said in err and "Traceback" not in err
    code, out, _ = run(capsys, "--database", url, "links", "C1", "--json")
    assert json.loads(out) == []
