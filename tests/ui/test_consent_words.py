"""The words of consent on screen: one badge per thing that stands out, the deciding record
read aloud as its reason, and Edit Contact Info's line with what waits for Save."""

from __future__ import annotations

from datetime import datetime, timezone

from contact_desk.domain.consent import (
    NOTHING_RECORDED,
    ConsentHow,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
)
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.forms import ConsentForm
from contact_desk.ui.consent_words import (
    ConsentBadge,
    consent_badges,
    consent_line,
    with_pending,
)

T, M = Purpose.TRANSACTIONAL, Purpose.MARKETING
IN, OUT, DNC, NOT_ASKED = (ConsentState.OPTED_IN, ConsentState.OPTED_OUT,
                           ConsentState.DO_NOT_CONTACT, ConsentState.NOT_ASKED)
MARCH = datetime(2026, 3, 1, 15, tzinfo=timezone.utc)


def summary(*records: tuple[Channel, Purpose, ConsentState, ConsentHow, str]) -> ConsentSummary:
    return ConsentSummary.of(ConsentRecord(channel=c, purpose=p, state=s, how=h, evidence=e,
                                           recorded_at=MARCH, id=n)
                             for n, (c, p, s, h, e) in enumerate(records, 1))


def test_nothing_recorded_shows_no_badge():
    assert consent_badges(ContactKind.PHONE, NOTHING_RECORDED) == []
    assert consent_badges(ContactKind.EMAIL, NOTHING_RECORDED) == []


def test_a_stop_reply_reads_no_texts_with_the_reply_as_its_reason():
    stop = summary(*((Channel.TEXT, p, OUT, ConsentHow.TEXT_REPLY, "stop please")
                     for p in Purpose))
    assert consent_badges(ContactKind.PHONE, stop) == [
        ConsentBadge("No texts", "Texts: opted out by STOP reply on 2026-03-01")]


def test_one_purpose_out_names_it_and_a_marketing_opt_in_is_said_as_allowed():
    said = summary((Channel.CALL, M, OUT, ConsentHow.DESK, ""),
                   (Channel.TEXT, M, IN, ConsentHow.SIGNED_FORM, "credit application"))
    assert consent_badges(ContactKind.PHONE, said) == [
        ConsentBadge("No marketing calls",
                     "Calls: opted out by the customer at the desk on 2026-03-01"),
        ConsentBadge("Marketing texts OK", "Texts: opted in by signed form on 2026-03-01",
                     allows=True)]


def test_two_statements_give_a_reason_line_each():
    said = summary((Channel.EMAIL, T, DNC, ConsentHow.DESK, ""),
                   (Channel.EMAIL, M, OUT, ConsentHow.WEB_FORM, ""))
    [badge] = consent_badges(ContactKind.EMAIL, said)
    assert badge.text == "No email"
    assert badge.tooltip == ("Email, transactional: marked do not contact by the customer at "
                             "the desk on 2026-03-01\n"
                             "Email, marketing: opted out by web form on 2026-03-01")


def test_the_line_says_each_channel_once_and_splits_it_only_when_purposes_differ():
    said = summary((Channel.TEXT, T, IN, ConsentHow.DESK, ""))
    assert consent_line(ContactKind.PHONE, NOTHING_RECORDED) \
        == "Calls: not asked · Texts: not asked"
    assert consent_line(ContactKind.PHONE, said, frozenset({Channel.TEXT})) \
        == "Calls: not asked · Texts: transactional opted in, marketing not asked (pending)"
    assert consent_line(ContactKind.EMAIL, NOTHING_RECORDED) == "Email: not asked"


def test_a_pending_statement_is_derived_by_the_domains_rule():
    stop = summary(*((Channel.TEXT, p, OUT, ConsentHow.TEXT_REPLY, "STOP") for p in Purpose))
    not_asked = ConsentForm(channel=Channel.TEXT, purposes=(T, M), state=NOT_ASKED,
                            how=ConsentHow.DESK)
    assert with_pending(stop, [not_asked]).state(Channel.TEXT, T) is OUT  # lifts no opt-out
    back_in = ConsentForm(channel=Channel.TEXT, purposes=(T,), state=IN,
                          how=ConsentHow.SIGNED_FORM)
    after = with_pending(stop, [back_in])
    assert (after.state(Channel.TEXT, T), after.state(Channel.TEXT, M)) == (IN, OUT)
    assert with_pending(stop, []) is stop
