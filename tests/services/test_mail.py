"""Portal invites by email: through a real SMTP server (with and without a login), saved to
the outbox when no server is set up, refused before anything goes out, and the mail settings."""

from __future__ import annotations

from dataclasses import replace
from email import message_from_bytes, policy
from email.utils import parseaddr

import keyring
import pytest
from sqlalchemy import select

from contact_desk.domain.enums import ContactRole
from contact_desk.domain.errors import DomainError, InvalidValue, NotAllowed, PermissionDenied
from contact_desk.domain.history import Field
from contact_desk.services import additional_contacts as ac
from contact_desk.services.customers import get_customer
from contact_desk.services.mail import (
    ENV_OUTBOX,
    KEYRING_SERVICE,
    MailSettings,
    Security,
    mail_settings,
    save_mail_settings,
    send_portal_invite,
)
from contact_desk.store.activity import AuditEvent
from contact_desk.store.people import AccountContact
from contact_desk.store.users import Setting
from contact_desk.services.forms import ContactForm
from tests.mail_server import LOGIN, PASSWORD
from tests.postgres_server import free_port

# The login tests speak plain SMTP on 127.0.0.1, which aiosmtpd rightly warns about.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")



@pytest.fixture(autouse=True)
def outbox(tmp_path, monkeypatch):
    folder = tmp_path / "outbox"
    monkeypatch.setenv(ENV_OUTBOX, str(folder))
    return folder


@pytest.fixture
def bo(database, clerk, new_customer) -> int:
    """Bo Diaz on Ann Lee's account, with portal access; his link id."""
    return ac.add_contact(
        database.unit_of_work(),
        clerk,
        new_customer(),
        ContactForm(
            first_name="Bo",
            last_name="Diaz",
            role=ContactRole.SPOUSE,
            email="bo@example.com",
            portal_access=True,
        ),
    )


def invite_record(database, link: int) -> tuple[object, str | None]:
    with database.unit_of_work() as uow:
        customer_id = uow.session.get(AccountContact, link).customer_id
    contact = next(
        c for c in get_customer(database.unit_of_work(), customer_id).contacts if c.id == link
    )
    return contact.invite_sent_at, contact.invite_sent_by


def test_an_invite_goes_out_through_the_mail_server_and_is_recorded(
    database, clerk, bo, mail_server
):
    inbox, settings = mail_server()
    sent = send_portal_invite(database.unit_of_work, clerk, bo, settings)

    assert (sent.to_address, sent.via, sent.eml_path, sent.person_name) == (
        "bo@example.com",
        "smtp",
        None,
        "Bo Diaz",
    )
    [message] = inbox.messages
    assert parseaddr(message["To"]) == ("Bo Diaz", "bo@example.com")
    assert parseaddr(message["From"]) == ("Lakeside Motors", "desk@lakeside.example")
    assert "Lakeside Motors" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("Hello Bo Diaz,")
    assert "portal is your email address: bo@example.com" in body and "Ann Lee" in body
    sent_at, sent_by = invite_record(database, bo)
    assert sent_at is not None and sent_by == "Casey Clerk"


def test_a_server_that_wants_a_login_gets_the_password_from_the_keychain(
    database, clerk, manager, bo, mail_server
):
    inbox, settings = mail_server(with_login=True)
    save_mail_settings(database.unit_of_work(), manager, settings, password=PASSWORD)

    send_portal_invite(database.unit_of_work, clerk, bo)  # the saved settings

    assert inbox.logins == [LOGIN]
    assert invite_record(database, bo)[1] == "Casey Clerk"


def test_an_invite_that_went_out_but_could_not_be_noted_says_it_went(
    database, clerk, manager, bo, mail_server
):
    inbox, settings = mail_server()
    # Another desk takes Bo's portal access away while the message is on its way.
    inbox.on_arrival = lambda: ac.set_portal_access(database.unit_of_work(), manager, bo, False)
    with pytest.raises(
        DomainError,
        match="The invite went to bo@example.com, but it could not "
        "be noted on the contact: Bo Diaz does not have",
    ):
        send_portal_invite(database.unit_of_work, clerk, bo, settings)
    assert len(inbox.messages) == 1 and invite_record(database, bo) == (None, None)


def test_a_wrong_password_is_said_plainly_and_nothing_is_recorded(
    database, clerk, bo, mail_server, refused
):
    inbox, settings = mail_server(with_login=True)
    keyring.set_password(KEYRING_SERVICE, LOGIN, "not it")
    with refused(DomainError, f"{settings.host}:{settings.port} did not accept the user name"):
        send_portal_invite(database.unit_of_work, clerk, bo, settings)
    assert inbox.messages == []


def test_a_server_that_refuses_the_connection_names_host_and_port_and_nothing_is_recorded(
    database, clerk, bo, refused, outbox
):
    port = free_port()  # nothing listens there
    settings = MailSettings(host="127.0.0.1", port=port, security=Security.STARTTLS)
    with refused(
        DomainError,
        f"The invite was not sent: the mail server at 127.0.0.1:{port} refused the connection",
    ) as raised:
        send_portal_invite(database.unit_of_work, clerk, bo, settings)
    assert type(raised.value) is DomainError
    assert not outbox.exists()


def test_starttls_asked_of_a_server_without_it_is_said_plainly(
    database, clerk, bo, mail_server, refused
):
    inbox, settings = mail_server()
    with refused(DomainError, "127.0.0.1:[0-9]+ does not offer STARTTLS"):
        send_portal_invite(
            database.unit_of_work, clerk, bo, replace(settings, security=Security.STARTTLS)
        )
    assert inbox.messages == []


def test_without_a_mail_server_the_invite_is_saved_in_the_outbox_and_recorded(
    database, clerk, bo, outbox
):
    sent = send_portal_invite(database.unit_of_work, clerk, bo, MailSettings())

    assert sent.via == "outbox" and sent.eml_path is not None
    assert sent.eml_path.parent == outbox and sent.eml_path.name.endswith("-Bo-Diaz.eml")
    message = message_from_bytes(sent.eml_path.read_bytes(), policy=policy.default)
    assert parseaddr(message["To"]) == ("Bo Diaz", "bo@example.com")
    assert parseaddr(message["From"])[1] == "noreply@localhost"
    assert "Hello Bo Diaz," in message.get_body(("plain",)).get_content()
    assert invite_record(database, bo)[1] == "Casey Clerk"

    again = send_portal_invite(database.unit_of_work, clerk, bo, MailSettings())
    assert again.eml_path != sent.eml_path and sent.eml_path.exists()


def test_the_outbox_is_the_settings_folder_else_the_environment_s(tmp_path, outbox):
    assert MailSettings().outbox_folder() == outbox
    assert MailSettings(outbox=str(tmp_path / "mine")).outbox_folder() == tmp_path / "mine"


def test_no_invite_without_portal_access_or_an_email(
    database, clerk, bo, mail_server, refused, outbox
):
    inbox, settings = mail_server()
    ac.set_portal_access(database.unit_of_work(), clerk, bo, False)
    for where in (settings, MailSettings()):
        with refused(NotAllowed, "Bo Diaz does not have portal access"):
            send_portal_invite(database.unit_of_work, clerk, bo, where)
    with database.sessions() as session:  # a blank address left by an older import
        person = session.get(AccountContact, bo).person
        person.email, person.portal_access = " ", True
        session.commit()
    with refused(NotAllowed, "Bo Diaz has no email address"):
        send_portal_invite(database.unit_of_work, clerk, bo, settings)
    assert inbox.messages == [] and not outbox.exists()


def test_a_user_who_may_not_edit_customers_sends_nothing(
    database, viewer, bo, mail_server, refused
):
    inbox, settings = mail_server()
    with refused(PermissionDenied, "Val Viewer does not have the permission"):
        send_portal_invite(database.unit_of_work, viewer, bo, settings)
    with refused(PermissionDenied, "Val Viewer does not have the permission"):
        save_mail_settings(database.unit_of_work(), viewer, settings)
    assert inbox.messages == []


def test_a_clerk_cannot_change_the_mail_server_every_desk_sends_through(
    database, clerk, mail_server, refused
):
    _inbox, settings = mail_server()
    with refused(
        PermissionDenied,
        "Casey Clerk does not have the permission to manage users, "
        "their PINs and the desk's mail server",
    ):
        save_mail_settings(database.unit_of_work(), clerk, settings)


def test_the_settings_are_shared_through_the_database_and_audited(database, manager, audit_trail):
    assert mail_settings(database.unit_of_work()) == MailSettings()
    typed = MailSettings(
        host=" smtp.lakeside.example ",
        port=465,
        security=Security.SSL,
        username="desk",
        from_address="Desk@Lakeside.example",
        dealership_name="Lakeside  Motors",
        outbox="C:/Invites",
    )
    save_mail_settings(database.unit_of_work(), manager, typed)

    assert mail_settings(database.unit_of_work()) == MailSettings(
        host="smtp.lakeside.example",
        port=465,
        security=Security.SSL,
        username="desk",
        from_address="desk@lakeside.example",
        dealership_name="Lakeside Motors",
        outbox="C:/Invites",
    )
    changed = {e.field: (e.old, e.new) for e in audit_trail(entity="setting")}
    assert changed["mail.port"] == (None, "465") and changed["mail.security"] == (None, "SSL")
    save_mail_settings(database.unit_of_work(), manager, typed)  # the same again
    assert len(audit_trail(entity="setting")) == len(changed)


@pytest.mark.parametrize(
    ("typed", "field", "says"),
    [
        (dict(host="smtp lakeside.example"), "host", "cannot contain spaces"),
        (dict(port=0), "port", "from 1 to 65535"),
        (dict(port=65536), "port", "from 1 to 65535"),
        (dict(from_address=""), "from_address", "address invites are sent from"),
        (dict(from_address="desk@@lakeside"), "from_address", "not a valid email address"),
        (dict(host="", from_address="desk@@lakeside"), "from_address", "not a valid email address"),
    ],
)
def test_settings_a_mail_server_cannot_use_are_refused_by_field(
    database, manager, refused, typed, field, says
):
    settings = MailSettings(
        **{"host": "smtp.lakeside.example", "from_address": "desk@lakeside.example", **typed}
    )
    with refused(InvalidValue, says) as raised:
        save_mail_settings(database.unit_of_work(), manager, settings)
    assert raised.value.field == field


def test_the_password_goes_to_the_keychain_and_never_into_the_database(
    database, manager, keychain, stored, audit_trail
):
    settings = MailSettings(
        host="smtp.lakeside.example", username=LOGIN, from_address="desk@lakeside.example"
    )
    save_mail_settings(database.unit_of_work(), manager, settings, password=PASSWORD)

    assert keychain.get_password(KEYRING_SERVICE, LOGIN) == PASSWORD
    assert PASSWORD not in repr(stored())
    with database.sessions() as session:
        assert "mail.password" not in session.scalars(select(Setting.key)).all()
        events = session.scalars(select(AuditEvent).where(AuditEvent.field == Field.MAIL_PASSWORD))
        assert [e.new for e in events] == ["kept in the system keychain"]

    save_mail_settings(database.unit_of_work(), manager, settings)  # None keeps it
    assert keychain.get_password(KEYRING_SERVICE, LOGIN) == PASSWORD
    save_mail_settings(database.unit_of_work(), manager, settings, password="")
    assert keychain.get_password(KEYRING_SERVICE, LOGIN) is None
    assert audit_trail(field="mail.password")[-1].new == "removed"


def test_a_password_needs_the_user_name_it_belongs_to(database, manager, refused):
    with refused(InvalidValue, "user name the password belongs to") as raised:
        save_mail_settings(database.unit_of_work(), manager, MailSettings(), password=PASSWORD)
    assert raised.value.field == "username"
