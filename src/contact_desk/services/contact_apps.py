"""The dealership's calling, texting and email apps: the link template click-to-contact opens
for each channel, or none for the computer's own tel:, sms: and mailto: handler."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from contact_desk.domain.actor import Actor
from contact_desk.domain.contact_links import check_template
from contact_desk.domain.enums import Channel, Permission
from contact_desk.services.desk_settings import keep_settings, stored_settings
from contact_desk.store.unit_of_work import UnitOfWork, retried_when_desks_collide

_PREFIX = "contact_app."
_KEYS = {Channel.CALL: "call_url", Channel.TEXT: "text_url", Channel.EMAIL: "email_url"}


@dataclass(frozen=True)
class ContactApps:
    """A link template per channel ("https://dialer.example.com/call?to={e164}"); "" opens
    the plain link."""

    call: str = ""
    text: str = ""
    email: str = ""

    def template(self, channel: Channel) -> str:
        return {Channel.CALL: self.call, Channel.TEXT: self.text,
                Channel.EMAIL: self.email}[channel]


def apps_in(session: Session) -> ContactApps:
    stored = stored_settings(session, _PREFIX)
    return ContactApps(**{channel.cli_name: stored.get(key, "")
                          for channel, key in _KEYS.items()})


def contact_apps(uow: UnitOfWork) -> ContactApps:
    with uow:
        return apps_in(uow.session)


@retried_when_desks_collide
def save_contact_apps(uow: UnitOfWork, actor: Actor, apps: ContactApps) -> ContactApps:
    """Check each template (an unknown placeholder is refused in words, naming the field by
    its channel) and keep them; every desk opens them, so they are a manager's to change."""
    actor.require(Permission.MANAGE_USERS)
    checked = ContactApps(**{channel.cli_name: check_template(channel, apps.template(channel))
                             for channel in _KEYS})
    with uow:
        stored = stored_settings(uow.session, _PREFIX)
        keep_settings(uow.session, actor, _PREFIX,  # none kept yet is none asked for
                      {key: checked.template(channel) for channel, key in _KEYS.items()
                       if stored.get(key, "") != checked.template(channel)})
        uow.commit()
    return checked
