"""A database password never appears on screen, in command output or in the log."""

from __future__ import annotations

import logging
import os

import pytest

from contact_desk.app import create_main_window
from contact_desk.cli import main
from tests.conftest import TEMPLATE, _create_database, _drop_database, _with_database

SECRET = "s3cret-Pa55word"


@pytest.fixture
def url_with_password(postgres_admin_url):
    """A desk database on the test server, named by a URL with a password in it (the test
    server trusts 127.0.0.1, so any password is let in)."""
    name = f"passwords_{os.getpid()}"
    _create_database(postgres_admin_url, name, template=TEMPLATE)
    scheme, rest = _with_database(postgres_admin_url, name).split("://", 1)
    user, host = rest.split("@", 1)
    yield f"{scheme}://{user}:{SECRET}@{host}"
    _drop_database(postgres_admin_url, name)


@pytest.mark.postgres
def test_demo_and_show_never_print_the_password(url_with_password, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    assert main(["--database", url_with_password, "demo", "--customers", "3"]) == 0
    assert main(["--database", url_with_password, "show", "C100001", "--json"]) == 0
    assert main(["--database", url_with_password, "show", "NOBODY"]) == 2
    out, err = capsys.readouterr()
    assert SECRET not in out + err + caplog.text
    assert "***" in out or "postgres@" in out


@pytest.mark.postgres
def test_the_window_never_shows_the_password(qtbot, url_with_password, caplog):
    caplog.set_level(logging.DEBUG)
    window = create_main_window(url_with_password)
    qtbot.addWidget(window)
    window.show()
    shown = [window.statusBar().currentMessage(), window.windowTitle()]
    assert SECRET not in " ".join(shown) + caplog.text
