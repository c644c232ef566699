"""Where click-to-call, click-to-text and click-to-email go: a tel:, sms: or mailto: link, or
the dealership's own calling, texting or email app through a link template such as
``https://dialer.example.com/call?to={e164}``."""

from __future__ import annotations

import re
from string import Formatter
from urllib.parse import quote

from contact_desk.domain.enums import Channel
from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.phone import PhoneNumber

MAX_TEMPLATE = 500  # what a desk setting holds
# What each channel's template may name: the number as +12125550142 or as the digits dialled
# at home (2125550142), or the email address.
PLACEHOLDERS: dict[Channel, tuple[str, ...]] = {
    Channel.CALL: ("e164", "digits"),
    Channel.TEXT: ("e164", "digits"),
    Channel.EMAIL: ("email",),
}
APP_OF = {Channel.CALL: "calling app", Channel.TEXT: "texting app", Channel.EMAIL: "email app"}
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")  # two letters at least: "C:" is a drive


def _listed(channel: Channel) -> str:
    return " or ".join(f"{{{name}}}" for name in PLACEHOLDERS[channel])


def check_template(channel: Channel, template: str) -> str:
    """The template as kept ("" for the plain tel:, sms: or mailto: link); refused in words
    when it names a placeholder the channel has not, has a brace that closes nothing, says
    nowhere where the number or address goes, or is not a link."""
    text = template.strip()
    if not text:
        return ""
    app = APP_OF[channel]
    if len(text) > MAX_TEMPLATE:
        raise InvalidValue(f"The {app} link is {len(text)} characters; the desk keeps at most "
                           f"{MAX_TEMPLATE}.", field=channel.cli_name)
    if any(character.isspace() for character in text):
        raise InvalidValue(f"The {app} link cannot contain spaces.", field=channel.cli_name)
    try:
        parts = list(Formatter().parse(text))
    except ValueError:
        raise InvalidValue(
            f"The {app} link has a {{ or }} that is not part of a placeholder: write "
            f"{_listed(channel)} where the value goes (a brace of its own is {{{{ or }}}}).",
            field=channel.cli_name) from None
    named = [(name, spec, conversion) for _, name, spec, conversion in parts if name is not None]
    for name, spec, conversion in named:
        if name not in PLACEHOLDERS[channel]:
            shown = f"{{{name}}}" if name else "{}"
            raise InvalidValue(f"{shown} is not a placeholder of the {app} link: it can use "
                               f"{_listed(channel)}.", field=channel.cli_name)
        if spec or conversion:
            raise InvalidValue(f"Write the placeholder plainly, as {{{name}}}: the {app} link "
                               "cannot format it.", field=channel.cli_name)
    if not named:
        raise InvalidValue(f"The {app} link must say where the "
                           f"{'address' if channel is Channel.EMAIL else 'number'} goes: "
                           f"put {_listed(channel)} in it.", field=channel.cli_name)
    if not _SCHEME.match(text):
        raise InvalidValue(f"The {app} link must start with its scheme, like "
                           "https://dialer.example.com/call?to={e164}.", field=channel.cli_name)
    return text


def contact_url(channel: Channel, value: str, extension: str = "", template: str = "") -> str:
    """The link that starts ``channel`` to ``value`` (E.164 for a phone, the address for an
    email): the template's, its placeholders filled and escaped, or the plain one."""
    if channel is Channel.EMAIL:
        filled = {"email": quote(value, safe="@")}
    else:
        digits = PhoneNumber.from_stored(value).national_digits
        filled = {"e164": quote(value, safe=""), "digits": digits}
    if template:
        return check_template(channel, template).format(**filled)
    if channel is Channel.EMAIL:
        return f"mailto:{quote(value, safe='@+')}"  # a "+" is a space only in a query
    if channel is Channel.TEXT:
        return f"sms:{value}"
    return f"tel:{value};ext={quote(extension, safe='')}" if extension else f"tel:{value}"
