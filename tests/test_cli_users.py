"""The command line acts as a known, active user: --user, else $CONTACT_DESK_USER, else the
desk user this computer login is mapped to; anyone else is refused with one line and exit 2,
and nothing is changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contact_desk.cli import main
from contact_desk.domain.enums import Permission
from contact_desk.os_login import os_login
from contact_desk.services import sign_in, users
from contact_desk.services.customers import create_customer, customer_count
from contact_desk.store.database import open_database
from tests.conftest import first_manager
from tests.sync.conftest import write_export

ROW = {"customer_number": "C9", "first_name": "Ann", "last_name": "Lee",
       "cell_phone": "(212) 555-0142"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def shared_desk(path: Path, this_login_is: list[Permission] | None) -> str:
    """A database whose manager is at another computer (morgan-pc); this computer's login
    is mapped to a user holding ``this_login_is``, or to nobody when None."""
    database = open_database(str(path), create=True)
    creator = first_manager(database)
    users.create_user(database.unit_of_work(), creator, "morgan", "Morgan Avery",
                      list(Permission), os_login="morgan-pc")
    morgan = users.actor_for(database.unit_of_work(), "morgan")
    users.deactivate_user(database.unit_of_work(), morgan, os_login())
    if this_login_is is not None:
        users.create_user(database.unit_of_work(), morgan, "casey", "Casey Clerk",
                          this_login_is, os_login=os_login())
    create_customer(database.unit_of_work(), morgan, first_name="Bo", last_name="Ray",
                    customer_number="C1")
    database.dispose()
    return str(path)


@pytest.fixture
def clerk_desk(tmp_path: Path) -> str:
    return shared_desk(tmp_path / "shared.sqlite3", [Permission.EDIT_CUSTOMERS])


def customers_in(url: str) -> int:
    database = open_database(url)
    try:
        return customer_count(database)
    finally:
        database.dispose()


@pytest.mark.parametrize(("user", "says"), [
    (None, "Casey Clerk does not have the permission to run the DMS sync and imports"),
    ("", "No user was named"),
    ("command-line", "There is no active user 'command-line'"),
])
def test_a_clerk_cannot_run_a_dms_sync_in_any_of_three_ways(capsys, clerk_desk, tmp_path,
                                                              user, says):
    export = write_export(tmp_path / "export.csv", [ROW])
    given = [] if user is None else ["--user", user]
    code, out, err = run(capsys, "--database", clerk_desk, *given, "sync", "dms", str(export))
    assert (code, out) == (2, "")
    assert err.startswith(f"contact-desk: {says}") and err.count("\n") == 1
    assert customers_in(clerk_desk) == 1, "nothing was synced"


def test_a_scheduled_sync_runs_as_the_sync_user_its_login_is_mapped_to(capsys, tmp_path):
    """No --user and no PIN: the job's login is the sync user's own."""
    url = shared_desk(tmp_path / "shared.sqlite3", [Permission.RUN_SYNC])
    export = write_export(tmp_path / "export.csv", [ROW])
    code, _, err = run(capsys, "--database", url, "sync", "dms", str(export))
    assert code == 0, err
    assert customers_in(url) == 2


def test_an_empty_environment_user_is_no_user_and_the_mapped_login_acts(
        capsys, clerk_desk, monkeypatch):
    monkeypatch.setenv("CONTACT_DESK_USER", "")
    code, out, _ = run(capsys, "--database", clerk_desk, "show", "C1")
    assert code == 0 and "Bo Ray" in out


@pytest.mark.parametrize("command", [
    ["show", "C1"], ["search", "Ray"], ["recipients", "C1", "--message", "text-reminder"],
    ["export", "vcard", "OUT"],
])
def test_an_unknown_user_is_refused_even_to_read(capsys, clerk_desk, tmp_path, command):
    out_file = tmp_path / "all.vcf"
    command = [str(out_file) if part == "OUT" else part for part in command]
    code, out, err = run(capsys, "--database", clerk_desk, "--user", "nobody", *command)
    assert (code, out) == (2, "")
    assert err == "contact-desk: There is no active user 'nobody'.\n"
    assert not out_file.exists()


def test_the_environment_names_the_user_when_user_is_not_given(capsys, clerk_desk,
                                                              monkeypatch):
    monkeypatch.setenv("CONTACT_DESK_USER", "nobody")
    code, _, err = run(capsys, "--database", clerk_desk, "show", "C1")
    assert code == 2 and "no active user 'nobody'" in err


def test_a_clerk_cannot_export_every_customer(capsys, clerk_desk, tmp_path):
    out_file = tmp_path / "all.vcf"
    code, _, err = run(capsys, "--database", clerk_desk, "export", "vcard", str(out_file))
    assert code == 2
    assert err == ("contact-desk: Casey Clerk does not have the permission to export "
                   "customers. Ask a manager.\n")
    assert not out_file.exists()


def test_on_a_shared_database_a_computer_login_it_does_not_know_is_refused(capsys, tmp_path):
    url = shared_desk(tmp_path / "shared.sqlite3", None)
    code, out, err = run(capsys, "--database", url, "show", "C1")
    assert (code, out) == (2, "")
    assert err.startswith(f"contact-desk: The login {os_login()!r} of this computer is not "
                          "a Contact Desk user of this database.")
    assert err.count("\n") == 1


def test_one_desk_on_its_own_new_database_works_without_user(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("CONTACT_DESK_USER", raising=False)
    url = str(tmp_path / "mine.sqlite3")
    assert run(capsys, "--database", url, "init")[0] == 0
    export = write_export(tmp_path / "export.csv", [ROW])
    code, out, err = run(capsys, "--database", url, "sync", "dms", str(export))
    assert code == 0, err
    code, out, _ = run(capsys, "--database", url, "show", "C9")
    assert code == 0 and "Ann Lee" in out


# PINs, through real processes: the tries count in the database, not in one process

CLI = [sys.executable, "-m", "contact_desk"]
PIN = "4711"


def cli(url: str, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CONTACT_DESK_USER"}
    return subprocess.run([*CLI, "--database", url, *argv], input=stdin, text=True,
                          capture_output=True, env=env, timeout=120, check=False)


@pytest.fixture
def morgan_desk(tmp_path: Path) -> str:
    """A desk whose creator (this computer login) added Morgan, a manager with a PIN."""
    database = open_database(str(tmp_path / "desk.sqlite3"), create=True)
    creator = first_manager(database)
    users.create_user(database.unit_of_work(), creator, "morgan", "Morgan Avery",
                      list(Permission), os_login="morgan-pc")
    sign_in.set_pin(database.unit_of_work(), creator, "morgan", PIN)
    create_customer(database.unit_of_work(), creator, first_name="Bo", last_name="Ray",
                    customer_number="C1")
    database.dispose()
    return str(tmp_path / "desk.sqlite3")


def test_a_manager_named_from_another_login_gives_their_pin_on_stdin(morgan_desk):
    done = cli(morgan_desk, "--user", "morgan", "show", "C1", stdin=f"{PIN}\n")
    assert done.returncode == 0, done.stderr
    assert "Bo Ray" in done.stdout
    refused = cli(morgan_desk, "--user", "morgan", "show", "C1")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == ("contact-desk: Morgan Avery may do more than a clerk, so their "
                              "PIN is needed to act as them from this login.\n")


def test_five_wrong_pins_lock_for_a_minute_across_processes(morgan_desk):
    said = [cli(morgan_desk, "--user", "morgan", "show", "C1", stdin="0000\n").stderr
            for _ in range(5)]
    assert said[0] == ("contact-desk: Wrong PIN for Morgan Avery; 4 more tries before a "
                       "minute's lock.\n")
    assert "1 more try" in said[3]
    assert "locked for a minute" in said[4]
    locked = cli(morgan_desk, "--user", "morgan", "show", "C1", stdin=f"{PIN}\n")
    assert locked.returncode == 2 and locked.stdout == ""
    assert "Morgan Avery is locked for a minute after 5 wrong PINs" in locked.stderr
    assert locked.stderr.count("\n") == 1 and PIN not in locked.stderr


def test_a_manager_sets_a_pin_and_a_clerk_cannot(morgan_desk):
    added = cli(morgan_desk, "users", "add", "casey", "Casey Clerk",
                "--permission", "edit-customers")
    assert added.returncode == 0, added.stderr
    assert cli(morgan_desk, "users", "add", "dana", "Dana Deals", "--permission",
               "edit-customers", "--permission", "run-sync").returncode == 0
    no_pin = cli(morgan_desk, "--user", "dana", "show", "C1", stdin="1234\n")
    assert no_pin.returncode == 2 and "has no PIN yet" in no_pin.stderr
    assert "users set-pin dana" in no_pin.stderr
    set_pin = cli(morgan_desk, "users", "set-pin", "dana", stdin="8642\n")
    assert set_pin.returncode == 0, set_pin.stderr
    assert "8642" not in set_pin.stdout + set_pin.stderr
    assert cli(morgan_desk, "--user", "dana", "show", "C1", stdin="8642\n").returncode == 0
    by_clerk = cli(morgan_desk, "--user", "casey", "users", "set-pin", "dana", stdin="1111\n")
    assert by_clerk.returncode == 2
    assert by_clerk.stderr == ("contact-desk: Casey Clerk does not have the permission to "
                               "manage users, their PINs and the desk's mail server. Ask a "
                               "manager.\n")
    assert cli(morgan_desk, "--user", "dana", "show", "C1", stdin="8642\n").returncode == 0


def test_users_list_shows_who_has_a_pin_never_the_pin(morgan_desk):
    listed = cli(morgan_desk, "users", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    people = {person["login"]: person for person in json.loads(listed.stdout)}
    assert people["morgan"]["has_pin"] and people["morgan"]["os_login"] == "morgan-pc"
    assert people["morgan"]["permissions"] == [p.cli_name for p in Permission]
    assert "command-line" not in people
    assert PIN not in listed.stdout and "scrypt" not in listed.stdout


def test_a_pin_too_short_is_refused_and_nothing_changes(morgan_desk):
    short = cli(morgan_desk, "users", "set-pin", "morgan", stdin="12\n")
    assert short.returncode == 2
    assert short.stderr == "contact-desk: A PIN needs at least 4 digits or characters.\n"
    assert cli(morgan_desk, "--user", "morgan", "show", "C1", stdin=f"{PIN}\n").returncode == 0
