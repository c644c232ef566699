"""Portal invites by email: the mail server settings the desks share, and sending an invite
through that server, or saving it as an .eml file in the outbox when there is none."""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import Literal

import keyring
import platformdirs
from keyring.errors import KeyringError, PasswordDeleteError

from contact_desk.domain.actor import Actor
from contact_desk.domain.additional_contact import check_can_send_invite
from contact_desk.domain.email import EmailAddress
from contact_desk.domain.enums import LabelledEnum, Permission
from contact_desk.domain.errors import DomainError, InvalidValue
from contact_desk.services import audit
from contact_desk.services.additional_contacts import record_invite_sent
from contact_desk.services.desk_settings import MAX_VALUE, keep_settings, stored_settings
from contact_desk.services.lookup import get
from contact_desk.store.customer import Customer
from contact_desk.store.location import APP_NAME
from contact_desk.store.people import AccountContact
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

ENV_OUTBOX = "CONTACT_DESK_OUTBOX"
KEYRING_SERVICE = "Contact Desk SMTP"
SMTP_TIMEOUT = 20  # seconds; a clerk waits this long at most before hearing what went wrong
NO_REPLY = "noreply@localhost"
_KEY_PREFIX = "mail."
_UNSAFE_IN_FILE_NAMES = re.compile(r"[^\w-]+")


class Security(LabelledEnum):
    NONE = "None"
    STARTTLS = "STARTTLS"
    SSL = "SSL/TLS"


@dataclass(frozen=True)
class MailSettings:
    """Where invites go out from. The password is not here: it lives in the OS keychain."""

    host: str = ""
    port: int = 587
    security: Security = Security.STARTTLS
    username: str = ""
    from_address: str = ""
    dealership_name: str = ""
    outbox: str = ""  # "" means the default folder

    @property
    def configured(self) -> bool:
        return bool(self.host)

    def outbox_folder(self) -> Path:
        """Where invites are saved as .eml files when no mail server is set up."""
        if self.outbox:
            return Path(self.outbox).expanduser()
        if os.environ.get(ENV_OUTBOX):
            return Path(os.environ[ENV_OUTBOX]).expanduser()
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "outbox"


@dataclass(frozen=True)
class InviteSent:
    to_address: str
    via: Literal["smtp", "outbox"]
    eml_path: Path | None
    person_name: str


def mail_settings(uow: UnitOfWork) -> MailSettings:
    with uow:
        stored = stored_settings(uow.session, _KEY_PREFIX)
    default = MailSettings()
    port = stored.get("port", "")
    return MailSettings(
        host=stored.get("host", default.host),
        port=int(port) if port.isdigit() else default.port,
        security=Security.__members__.get(stored.get("security", ""), default.security),
        username=stored.get("username", default.username),
        from_address=stored.get("from_address", default.from_address),
        dealership_name=stored.get("dealership_name", default.dealership_name),
        outbox=stored.get("outbox", default.outbox),
    )


@retried_when_desks_collide
def save_mail_settings(
    uow: UnitOfWork, actor: Actor, settings: MailSettings, password: str | None = None
) -> None:
    """Check and store the settings; a password given goes to the OS keychain ("" removes it).
    Every desk sends through them, so they are a manager's to change, not a clerk's."""
    actor.require(Permission.MANAGE_USERS)
    checked = _checked(settings)
    if password and not checked.username:
        raise InvalidValue("Enter the user name the password belongs to.", field="username")
    with uow:
        session = uow.session
        keep_settings(session, actor, _KEY_PREFIX, _stored_values(checked))
        if password is not None:
            _keep_password(checked.username, password)
            audit.record(session, actor, None, "setting", None, _KEY_PREFIX + "password", None,
                         "kept in the system keychain" if password else "removed")
        uow.commit()


def _checked(settings: MailSettings) -> MailSettings:
    host = settings.host.strip()
    if any(c.isspace() for c in host):
        raise InvalidValue("The mail server name cannot contain spaces.", field="host")
    if not 1 <= settings.port <= 65535:
        raise InvalidValue("The port is a number from 1 to 65535 (usually 587, 465 or 25).",
                           field="port")
    from_address = settings.from_address.strip()
    if host and not from_address:
        raise InvalidValue("Enter the address invites are sent from.", field="from_address")
    if from_address:
        try:
            from_address = EmailAddress.parse(from_address).value
        except InvalidValue as problem:
            raise InvalidValue(problem.message, field="from_address") from None
    checked = MailSettings(
        host=host,
        port=settings.port,
        security=settings.security,
        username=settings.username.strip(),
        from_address=from_address,
        dealership_name=" ".join(settings.dealership_name.split()),
        outbox=settings.outbox.strip(),
    )
    for name, value in _stored_values(checked).items():
        if len(value) > MAX_VALUE:
            raise InvalidValue(f"That is too long (at most {MAX_VALUE} characters).", field=name)
    return checked


def _stored_values(settings: MailSettings) -> dict[str, str]:
    values = {f.name: getattr(settings, f.name) for f in fields(MailSettings)}
    values["port"] = str(settings.port)
    values["security"] = settings.security.name
    return values


def _keep_password(username: str, password: str) -> None:
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, username, password)
        elif username:
            try:
                keyring.delete_password(KEYRING_SERVICE, username)
            except PasswordDeleteError:
                pass  # there was none to remove
    except KeyringError as error:
        raise DomainError(
            f"The password could not be kept in the system keychain ({_said(error)}). "
            "Nothing was saved."
        ) from None


@dataclass(frozen=True)
class _Invitee:
    name: str
    email: str
    customer_name: str


def send_portal_invite(
    uow_factory: Callable[[], UnitOfWork],
    actor: Actor,
    account_contact_id: int,
    settings: MailSettings | None = None,
) -> InviteSent:
    """Email the person a portal invite (or save it to the outbox), then record who and when.

    Talks to the mail server for up to a few seconds: run it off the GUI thread.
    """
    actor.require(Permission.EDIT_CUSTOMERS)
    invitee = _invitee(uow_factory(), account_contact_id)
    settings = settings if settings is not None else mail_settings(uow_factory())
    message = _invite_message(invitee, settings)
    eml_path = None
    if settings.configured:
        _deliver(message, settings)
    else:
        eml_path = _save_to_outbox(message, settings.outbox_folder(), invitee.name)
    try:
        record_invite_sent(uow_factory(), actor, account_contact_id)
    except DomainError as error:
        # The message is out: say so, rather than a refusal that reads as if nothing went.
        raise DomainError(f"The invite went to {invitee.email}, but it could not be noted on "
                          f"the contact: {error.message}") from error
    return InviteSent(to_address=invitee.email, via="smtp" if settings.configured else "outbox",
                      eml_path=eml_path, person_name=invitee.name)


def _invitee(uow: UnitOfWork, account_contact_id: int) -> _Invitee:
    with uow:
        session = uow.session
        link = get(session, AccountContact, account_contact_id, "contact")
        person = link.person
        check_can_send_invite(person.portal_access, person.email, person.full_name)
        customer = get(session, Customer, link.customer_id, "customer")
        return _Invitee(person.full_name, (person.email or "").strip(), customer.full_name)


def _invite_message(invitee: _Invitee, settings: MailSettings) -> EmailMessage:
    dealership = settings.dealership_name
    sender = settings.from_address or NO_REPLY
    message = EmailMessage()
    message["From"] = formataddr((dealership, sender))
    message["To"] = formataddr((invitee.name, invitee.email))
    message["Subject"] = f"Your invitation to the {dealership or 'dealership'} customer portal"
    message["Date"] = formatdate(localtime=True)
    # Given the domain, make_msgid does not look up this computer's name, which can be slow.
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message.set_content(
        f"Hello {invitee.name},\n\n"
        f"{dealership or 'Your dealership'} has given you access to the customer portal "
        f"for the account of {invitee.customer_name}.\n\n"
        f"Your login for the customer portal is your email address: {invitee.email}\n"
        "\n"
        "If you were not expecting this invitation, you can ignore this email.\n\n"
        f"{dealership or 'Your dealership'}\n"
    )
    return message


def _deliver(message: EmailMessage, settings: MailSettings) -> None:
    where = f"{settings.host}:{settings.port}"
    password = _password(settings.username, where) if settings.username else None
    try:
        if settings.security is Security.SSL:
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=SMTP_TIMEOUT,
                context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=SMTP_TIMEOUT)
        with server:
            if settings.security is Security.STARTTLS:
                server.starttls(context=ssl.create_default_context())
            if password is not None:
                server.login(settings.username, password)
            server.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        raise DomainError(
            f"The invite was not sent: {_what_happened(error, where)} "
            "Check the mail server settings, or try again later."
        ) from None


def _password(username: str, where: str) -> str:
    try:
        password = keyring.get_password(KEYRING_SERVICE, username)
    except KeyringError as error:
        raise DomainError(
            f"The invite was not sent: the password for {username} at {where} could not be "
            f"read from the system keychain ({_said(error)})."
        ) from None
    if password is None:
        raise DomainError(
            f"The invite was not sent: no password for {username} at {where} is kept in the "
            "system keychain. Enter it in the mail server settings."
        )
    return password


def _what_happened(error: Exception, where: str) -> str:
    """One sentence on why the mail server at ``where`` did not take the message."""
    if isinstance(error, ConnectionRefusedError):
        return f"the mail server at {where} refused the connection (is it running on that port?)."
    if isinstance(error, socket.gaierror):
        return f"no mail server called {where.rpartition(':')[0]} could be found ({where})."
    if isinstance(error, TimeoutError):
        return f"the mail server at {where} did not answer within {SMTP_TIMEOUT} seconds."
    if isinstance(error, ssl.SSLError):
        return (f"a secure connection to {where} could not be made ({error.reason or error}); "
                "check the security setting.")
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return f"the mail server at {where} did not accept the user name and password."
    if isinstance(error, smtplib.SMTPNotSupportedError):
        feature = "STARTTLS" if "STARTTLS" in str(error) else "logging in with a user name"
        return f"the mail server at {where} does not offer {feature}."
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"the mail server at {where} refused the recipient's address."
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"the mail server at {where} refused the From address {error.sender}."
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return f"the mail server at {where} closed the connection unexpectedly."
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        if isinstance(reply, bytes):
            reply = reply.decode(errors="replace")
        return f"the mail server at {where} answered {error.smtp_code} {reply}."
    return f"talking to the mail server at {where} failed ({_said(error)})."


def _save_to_outbox(message: EmailMessage, folder: Path, person_name: str) -> Path:
    # Outlook opens a file marked unsent as a draft, ready to send from the clerk's own mailbox.
    message["X-Unsent"] = "1"
    name = _UNSAFE_IN_FILE_NAMES.sub("-", person_name).strip("-")
    stem, number = f"{datetime.now():%Y%m%d-%H%M%S}-{name}", 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        while True:
            path = folder / (f"{stem}.eml" if number == 1 else f"{stem}-{number}.eml")
            try:
                with path.open("xb") as file:
                    file.write(message.as_bytes(policy=SMTP_POLICY))
                return path
            except FileExistsError:
                number += 1  # another invite to the same person within this second
    except OSError as error:
        raise DomainError(
            f"The invite could not be saved in the outbox folder {folder} ({_said(error)})."
        ) from None


def _said(error: Exception) -> str:
    return str(error) or type(error).__name__
