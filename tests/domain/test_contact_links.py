"""Click-to-contact links: tel:, sms: and mailto: by default, or the dealership's app by a
template whose placeholders are checked when it is saved and escaped when filled."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.contact_links import MAX_TEMPLATE, check_template, contact_url
from contact_desk.domain.enums import Channel
from contact_desk.domain.errors import InvalidValue

CALL, TEXT, EMAIL = Channel.CALL, Channel.TEXT, Channel.EMAIL
CELL = "+12125550142"


def test_the_plain_links_need_no_setting():
    assert contact_url(CALL, CELL) == "tel:+12125550142"
    assert contact_url(CALL, CELL, extension="12") == "tel:+12125550142;ext=12"
    assert contact_url(TEXT, CELL, extension="12") == "sms:+12125550142"
    assert contact_url(EMAIL, "ann+cars@example.com") == "mailto:ann+cars@example.com"


def test_a_template_gets_the_number_escaped_for_a_query_and_the_digits_dialled_at_home():
    template = "https://dialer.example.com/call?to={e164}&local={digits}"
    assert contact_url(CALL, CELL, template=template) == (
        "https://dialer.example.com/call?to=%2B12125550142&local=2125550142")
    assert contact_url(EMAIL, "ann+cars@example.com",
                       template="https://mail.example.com/new?to={email}") == (
        "https://mail.example.com/new?to=ann%2Bcars@example.com")


def test_a_brace_of_its_own_is_written_twice():
    assert contact_url(TEXT, CELL, template="app:{{x}}/{digits}") == "app:{x}/2125550142"


@pytest.mark.parametrize("template, said", [
    ("https://dialer.example.com/call?to={phone}",
     "{phone} is not a placeholder of the calling app link: it can use {e164} or {digits}."),
    ("https://dialer.example.com/call?to={email}",
     "{email} is not a placeholder of the calling app link: it can use {e164} or {digits}."),
    ("https://dialer.example.com/call?to={}",
     "{} is not a placeholder of the calling app link: it can use {e164} or {digits}."),
    ("https://dialer.example.com/call?to={e164!r}",
     "Write the placeholder plainly, as {e164}: the calling app link cannot format it."),
    ("https://dialer.example.com/call?to={e164",
     "The calling app link has a { or } that is not part of a placeholder: write {e164} or "
     "{digits} where the value goes (a brace of its own is {{ or }})."),
    ("https://dialer.example.com/call",
     "The calling app link must say where the number goes: put {e164} or {digits} in it."),
    ("dialer.example.com/call?to={e164}",
     "The calling app link must start with its scheme, like "
     "https://dialer.example.com/call?to={e164}."),
    ("https://dialer.example.com/call?to= {e164}", "The calling app link cannot contain spaces."),
])
def test_a_bad_template_is_refused_in_words(template, said):
    with pytest.raises(InvalidValue) as refused:
        check_template(CALL, template)
    assert refused.value.message == said
    assert refused.value.field == "call"


def test_an_email_template_names_the_address():
    with pytest.raises(InvalidValue, match=r"\{e164\} is not a placeholder of the email app"):
        check_template(EMAIL, "https://mail.example.com/new?to={e164}")
    with pytest.raises(InvalidValue, match="where the address goes"):
        check_template(EMAIL, "https://mail.example.com/new")


def test_empty_means_the_plain_link_and_too_long_is_refused():
    assert check_template(TEXT, "   ") == ""
    assert check_template(TEXT, " sms-app:{e164} ") == "sms-app:{e164}"
    with pytest.raises(InvalidValue, match=f"at most {MAX_TEMPLATE}"):
        check_template(TEXT, "https://t.example.com/" + "x" * MAX_TEMPLATE + "{e164}")


@given(st.text())
def test_any_template_is_kept_as_given_or_refused_in_words_never_a_crash(template):
    try:
        kept = check_template(TEXT, template)
    except InvalidValue as refusal:
        assert refusal.message
        return
    if kept:
        assert contact_url(TEXT, CELL, template=kept)
