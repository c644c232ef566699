"""Files in and out: the database is never an input or an output, and an output is whole or
not there at all."""

from __future__ import annotations

import os
import shutil

import pytest

from contact_desk.domain.errors import DomainError, InvalidValue
from contact_desk.services.files import check_output, read_input
from contact_desk.store.database import open_database


@pytest.fixture
def desk(sqlite_template, tmp_path):
    """A desk on a SQLite file: a server database has no file of its own to protect."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_an_output_is_never_the_database_or_a_file_sqlite_keeps_beside_it(desk, suffix):
    with pytest.raises(InvalidValue, match="desk's database: an output cannot replace it"):
        check_output(desk, desk.path.with_name(desk.path.name + suffix))


def test_an_output_is_never_the_database_under_another_name(desk, tmp_path):
    link = tmp_path / "shortcut.csv"
    link.symlink_to(desk.path)
    with pytest.raises(InvalidValue, match="desk's database"):
        check_output(desk, link)


def test_an_output_is_never_an_input_of_the_same_command(database, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("customer_number\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match="also what this command reads"):
        check_output(database, tmp_path / "." / "export.csv", [None, export])


@pytest.mark.parametrize(("where", "says"), [
    ("missing/bad.csv", "the folder .*missing does not exist"),
    ("", "is a folder: give a file name in it"),
])
def test_an_output_that_cannot_be_written_is_refused_before_anything_changes(
        database, tmp_path, where, says):
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    with pytest.raises(InvalidValue, match=says):
        check_output(database, outputs / where)
    assert list(outputs.iterdir()) == []


def test_an_output_into_a_read_only_file_is_refused(database, tmp_path, read_only):
    report = tmp_path / "bad.csv"
    report.write_text("kept\n", encoding="utf-8")
    read_only(report)
    with pytest.raises(InvalidValue, match="the file is read-only"):
        check_output(database, report)


def test_an_output_replaces_the_old_file_only_once_it_is_whole(database, tmp_path):
    (tmp_path / "outputs").mkdir()
    report = tmp_path / "outputs" / "bad.csv"
    report.write_text("yesterday's report\n", encoding="utf-8")
    output = check_output(database, report)
    with pytest.raises(RuntimeError), output.open() as file:
        file.write("half of today's")
        raise RuntimeError("the disk filled up")
    assert report.read_text(encoding="utf-8") == "yesterday's report\n"
    with output.open() as file:
        file.write("today's report\n")
    assert report.read_text(encoding="utf-8") == "today's report\n"
    assert os.listdir(tmp_path / "outputs") == ["bad.csv"]


def test_the_database_is_never_read_as_a_chosen_file(desk):
    for path in (desk.path, desk.path.with_name(desk.path.name + "-wal")):
        with pytest.raises(InvalidValue, match="the desk's own database, not a file to import"):
            read_input(desk, path, 1000)


def test_a_chosen_file_is_read_up_to_the_limit(database, tmp_path):
    document = tmp_path / "bill.pdf"
    document.write_bytes(b"%PDF-1.7 " + bytes(100))
    assert read_input(database, document, 5) == b"%PDF-"
    with pytest.raises(InvalidValue, match="is a folder"):
        read_input(database, tmp_path, 5)
    with pytest.raises(InvalidValue, match="cannot be read"):
        read_input(database, tmp_path / "gone.pdf", 5)


# Beside the database: whether the file is there yet or not, however the path is spelled

def test_an_output_beside_the_database_is_refused_through_a_linked_folder(desk, tmp_path):
    alias = tmp_path / "alias"
    alias.symlink_to(tmp_path, target_is_directory=True)
    journal = alias / (desk.path.name + "-journal")
    assert not journal.exists()  # SQLite in WAL keeps none: the name must still be refused
    with pytest.raises(InvalidValue, match="desk's database"):
        check_output(desk, journal)


def test_an_output_beside_the_database_is_refused_in_any_case(desk):
    shouting = desk.path.with_name(desk.path.name.upper() + "-WAL")
    with pytest.raises(InvalidValue, match="desk's database"):
        check_output(desk, shouting)


def test_an_output_is_never_a_side_file_of_another_database(database, tmp_path):
    other = tmp_path / "accounts.db"
    other.write_bytes(b"SQLite format 3\x00")
    with pytest.raises(InvalidValue, match="taken by SQLite for part of the database accounts.db"):
        check_output(database, tmp_path / "accounts.db-journal")
    assert check_output(database, tmp_path / "lonely.db-journal").path.name == "lonely.db-journal"


def test_an_output_keeps_the_permissions_of_the_file_it_replaces_or_gets_the_usual_ones(
        database, tmp_path):
    shared = tmp_path / "shared.csv"
    shared.write_text("old\n", encoding="utf-8")
    shared.chmod(0o664)
    with check_output(database, shared).open() as file:
        file.write("new\n")
    assert shared.stat().st_mode & 0o777 == 0o664
    old_mask = os.umask(0o027)
    try:
        fresh = tmp_path / "fresh.csv"
        with check_output(database, fresh).open() as file:
            file.write("new\n")
    finally:
        os.umask(old_mask)
    assert fresh.stat().st_mode & 0o777 == 0o640  # not mkstemp's 0600


def test_a_name_too_long_or_a_home_that_is_nobodys_is_one_clear_refusal(database, tmp_path):
    with pytest.raises(InvalidValue, match="cannot be written: File name too long"):
        check_output(database, tmp_path / ("x" * 300 + ".csv"))
    with pytest.raises(DomainError, match="there is no user 'nosuchlogin' on this computer"):
        check_output(database, "~nosuchlogin/report.csv")


def test_a_pipe_is_refused_as_a_chosen_file_instead_of_waiting_for_ever(database, tmp_path):
    pipe = tmp_path / "leads.xml"
    os.mkfifo(pipe)
    with pytest.raises(InvalidValue, match="not a file"):
        read_input(database, pipe, 5)
    with pytest.raises(InvalidValue, match="not a file"):
        check_output(database, pipe)
