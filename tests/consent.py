"""Consent as the tests record it: what the flags of the first version meant, as forms
for ``contact_info.set_consent`` (the one way a desk records consent)."""

from __future__ import annotations

from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import Channel, TextConsent
from contact_desk.services.contact_info import SavedContactInfo, set_consent
from contact_desk.services.forms import ConsentForm

OUT, IN = ConsentState.OPTED_OUT, ConsentState.OPTED_IN


def said(channel: Channel, state: ConsentState, purposes: tuple[Purpose, ...] = tuple(Purpose),
         how: ConsentHow = ConsentHow.DESK, note: str = "") -> ConsentForm:
    return ConsentForm(channel=channel, purposes=purposes, state=state, how=how, note=note)


def form_of_flag(*, do_not_call: bool = False, do_not_text: bool = False,
                 text_consent: TextConsent | None = None,
                 marketing_opt_out: bool = False) -> ConsentForm:
    """The record that says what one flag of the first version said."""
    if do_not_call:
        return said(Channel.CALL, OUT)
    if do_not_text or text_consent is TextConsent.OPTED_OUT:
        return said(Channel.TEXT, OUT)
    if text_consent is TextConsent.OPTED_IN:
        return said(Channel.TEXT, IN)
    if text_consent is TextConsent.NOT_ASKED:
        return said(Channel.TEXT, ConsentState.NOT_ASKED)
    if marketing_opt_out:
        return said(Channel.EMAIL, OUT, (Purpose.MARKETING,))
    raise AssertionError("say which flag")


def set_flag(uow, actor, point_id: int, expected_version: int | None = None,
             **flag) -> SavedContactInfo:
    return set_consent(uow, actor, point_id, form_of_flag(**flag), expected_version)
