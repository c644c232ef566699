"""A real SMTP server (aiosmtpd) on 127.0.0.1 and a keyring in a file, for the mail tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyrings.alt.file import PlaintextKeyring

from contact_desk.services.mail import MailSettings, Security
from tests.postgres_server import free_port

LOGIN, PASSWORD = "desk@lakeside.example", "correct horse 42"


@pytest.fixture(autouse=True)
def keychain(tmp_path) -> Iterator[PlaintextKeyring]:
    """A real keyring backend in a file of this test, never the keychain of the machine."""
    before = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


class Inbox:
    """An aiosmtpd handler keeping every message that arrives, with the login it came with."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.logins: list[str | None] = []
        self.on_arrival: Callable[[], object] = lambda: None

    async def handle_DATA(self, server, session, envelope) -> str:
        self.on_arrival()
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.logins.append(session.auth_data.login.decode() if session.auth_data else None)
        return "250 OK"


def accept_only_the_desk(server, session, envelope, mechanism, auth_data) -> AuthResult:
    # handled=False: aiosmtpd itself answers 535 to a wrong password.
    return AuthResult(success=auth_data == LoginPassword(LOGIN.encode(), PASSWORD.encode()),
                      handled=False, auth_data=auth_data)


@pytest.fixture
def mail_server() -> Iterator[Callable[..., tuple[Inbox, MailSettings]]]:
    """Start a real SMTP server on 127.0.0.1; returns its inbox and settings that reach it."""
    controllers: list[Controller] = []

    def start(with_login: bool = False) -> tuple[Inbox, MailSettings]:
        inbox, port = Inbox(), free_port()
        login = dict(authenticator=accept_only_the_desk, auth_required=True,
                     auth_require_tls=False) if with_login else {}
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **login)
        controller.start()
        controllers.append(controller)
        return inbox, MailSettings(host="127.0.0.1", port=port, security=Security.NONE,
                                   username=LOGIN if with_login else "",
                                   from_address="desk@lakeside.example",
                                   dealership_name="Lakeside Motors")

    yield start
    for controller in controllers:
        controller.stop()


