"""The command line given what a new user or a hostile script gives it: every refusal is one
line and exit code 2, nothing given is silently changed, and no traceback is ever printed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from contact_desk.cli import main
from tests.test_cli import run


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("errors") / "desk.sqlite3"
    assert main(["--database", str(path), "demo", "--customers", "5"]) == 0
    return str(path)


def contact_desk(*argv: str, env: dict[str, str] | None = None,
                 cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command as a new user runs it: a process of its own."""
    return subprocess.run([sys.executable, "-m", "contact_desk", *argv], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120, check=False)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("contact-desk: ") and result.stderr.count("\n") == 1, \
        result.stderr
    return result.stderr


def second_phone(url: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A customer of the demo and an active phone of theirs that is not the primary."""
    for number in range(1, 6):
        _, out, _ = run(capsys, "--database", url, "show", f"C10000{number}", "--json")
        shown = json.loads(out)
        for phone in shown["phones"]:
            if not phone["primary"] and phone["status"] == "Active":
                return shown["customer_number"], phone["value"]
    raise AssertionError("the demo should have a customer with a second active phone")


# ---------------------------------------------------------------- a bug is not "another desk"


@pytest.fixture
def refusing_desk(tmp_path: Path) -> str:
    """A demo desk whose database refuses every change to a phone or email, as a constraint
    the desk does not know of would."""
    path = tmp_path / "desk.sqlite3"
    assert main(["--database", str(path), "demo", "--customers", "5"]) == 0
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TRIGGER refuse BEFORE UPDATE ON contact_point "
                           "BEGIN SELECT RAISE(ABORT, 'a rule nobody told the desk of'); END")
        connection.commit()
    return str(path)


def test_an_unknown_constraint_is_logged_and_shown_as_unexpected(refusing_desk, tmp_path,
                                                                 capsys):
    customer, phone = second_phone(refusing_desk, capsys)
    logs = tmp_path / "logs"
    result = contact_desk("--database", refusing_desk, "set-primary", customer, phone,
                          env=dict(os.environ, CONTACT_DESK_LOG_DIR=str(logs)))
    said = one_line(result)
    assert "another desk" not in said and "same moment" not in said
    assert "unexpected error" in said and str(logs / "contact-desk.log") in said
    logged = (logs / "contact-desk.log").read_text()
    assert "Traceback" in logged and "a rule nobody told the desk of" in logged


# ---------------------------------------------------------------- a log folder that cannot be made


def test_a_log_folder_that_cannot_be_made_gives_a_temporary_one_and_no_traceback(
        refusing_desk, tmp_path, capsys):
    customer, phone = second_phone(refusing_desk, capsys)
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, CONTACT_DESK_LOG_DIR=str(in_the_way / "logs"), TMPDIR=str(temporary))
    said = one_line(contact_desk("--database", refusing_desk, "set-primary", customer, phone,
                                 env=env))
    assert str(in_the_way) not in said  # it names no log file that is not there
    named = Path(said.split("the details are in ", 1)[1].rstrip(".\n"))
    assert named.is_relative_to(temporary) and "Traceback" in named.read_text()


def test_with_no_folder_for_a_log_at_all_nothing_is_named_and_nothing_printed(
        tmp_path, monkeypatch):
    import tempfile

    from contact_desk.log_file import start_logging, where_details_are

    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    monkeypatch.setenv("CONTACT_DESK_LOG_DIR", str(in_the_way / "logs"))
    monkeypatch.setattr(tempfile, "tempdir", str(in_the_way / "tmp"))
    assert start_logging() is None
    assert where_details_are() == "no log file could be written, so the details were not kept"


# ---------------------------------------------------------------- usage mistakes


@pytest.mark.parametrize("argv, says", [
    (["shw"], "invalid choice: 'shw'"),
    (["show"], "the following arguments are required: CUSTOMER"),
    (["search", "x", "--limit", "-5"], "argument --limit: must be at least 1"),
    (["recipients", "C1", "--message", "foo"], "invalid choice: 'foo'"),
    (["sync", "dms"], "the following arguments are required: FILE"),
    (["import"], "the following arguments are required: KIND"),
    (["--bogus", "show", "1"], "unrecognized arguments: --bogus"),
    (["demo", "--customers", "abc"], "'abc' is not a whole number"),
])
def test_a_usage_mistake_is_one_line_and_exit_2(capsys, argv, says):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err.startswith("contact-desk: error: ") and err.count("\n") == 1, err
    assert says in err and "--help)" in err


# ---------------------------------------------------------------- numbers past any limit


def test_an_id_past_what_the_database_holds_is_no_customer(desk):
    for key in ("99999999999999999999999", "#99999999999999999999999", "²"):
        said = one_line(contact_desk("--database", desk, "show", key))
        assert f"No customer has the number or id {key!r}" in said
    said = one_line(contact_desk("--database", desk, "recipients", "99999999999999999999999",
                                 "--message", "marketing"))
    assert "No customer has the number or id" in said


def test_a_search_limit_past_what_the_database_counts_lists_everyone(desk, capsys):
    code, out, err = run(capsys, "--database", desk, "search", "", "--limit", str(10**23),
                         "--json")
    assert (code, err) == (0, "")
    assert len(json.loads(out)) == 5


def test_demo_data_past_the_desks_scale_is_refused_before_anything_is_made(tmp_path, capsys):
    path = tmp_path / "new.sqlite3"
    with pytest.raises(SystemExit) as stopped:
        main(["--database", str(path), "demo", "--customers", str(10**23)])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and "must be at most 1,000,000" in err
    assert not path.exists()


# ---------------------------------------------------------------- the DMS export's layout


def test_an_empty_delimiter_or_a_mapping_that_cannot_read_dates_is_one_line(desk, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("customer_number,first_name,last_name,birth_date\n"
                      "D1,Ann,Lee,11/23/1987\n", encoding="utf-8")
    said = one_line(contact_desk("--database", desk, "sync", "dms", str(export),
                                 "--delimiter", ""))
    assert "'' cannot be a delimiter" in said
    mapping = tmp_path / "mapping.toml"
    mapping.write_text("date_format = '%Q%Q'\n", encoding="utf-8")
    said = one_line(contact_desk("--database", desk, "sync", "dms", str(export),
                                 "--mapping", str(mapping)))
    assert "date_format '%Q%Q', which cannot read a date back" in said


# ---------------------------------------------------------------- a server that cannot be reached


def test_a_postgresql_server_that_cannot_be_reached_is_one_line_naming_it(tmp_path):
    from tests.postgres_server import free_port

    port = free_port()  # nothing listens there
    refused = one_line(contact_desk(
        "--database", f"postgresql://clerk:s3cret@127.0.0.1:{port}/desk", "show", "1"))
    assert f"PostgreSQL server at 127.0.0.1:{port}: the connection was refused" in refused
    unknown = one_line(contact_desk(
        "--database", "postgresql://clerk:s3cret@no-such-host.invalid/desk", "show", "1"))
    assert "at no-such-host.invalid:5432: the host name 'no-such-host.invalid' is not known" \
        in unknown
    for url, says in ((f"postgresql://clerk:s3cret@127.0.0.1:{port}x/desk", "cannot be read"),
                      ("postgresql://clerk:s3cret@127.0.0.1:99999/desk", "has port 99999")):
        said = one_line(contact_desk("--database", url, "show", "1"))
        assert says in said and "s3cret" not in said
    assert "s3cret" not in refused + unknown


# ---------------------------------------------------------------- outputs and odd arguments


def test_an_output_onto_a_device_or_a_pipe_is_refused_and_it_is_left_as_it_was(desk, tmp_path,
                                                                               capsys):
    """`export vcard /dev/null` run as root renamed the export over /dev/null, replacing
    the device with a file of every customer. A pipe stands in for it here."""
    import stat

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "--database", desk, "export", "vcard", str(pipe))
    assert code == 2 and "is not a file but a device or a pipe" in err
    assert err.count("\n") == 1
    assert stat.S_ISFIFO(pipe.stat().st_mode)


@pytest.mark.parametrize("argv", [["show", "a\0b"], ["show", "\udcff"],
                                  ["sync", "dms", "caf\udce9.csv"]])
def test_an_argument_that_is_not_text_is_one_line(desk, capsys, argv):
    """A NUL, or bytes that are not UTF-8 (a terminal in another encoding), broke the
    database's or the log's encoding: an unexpected error, or logging's own traceback."""
    with pytest.raises(SystemExit) as stopped:
        main(["--database", desk, *argv])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and err.count("\n") == 1
    assert "is not text: it holds a NUL byte or bytes that are not UTF-8" in err
