"""Consent is derived from records: the newest wins, an opt-out is lifted only by an opt-in,
"do not contact" only by an opt-in a person recorded, and marketing texts need an opt-in."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.consent import (
    ConsentHow,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
    check_channel,
    consent_verdict,
)
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.domain.errors import NotAllowed

T0 = datetime(2026, 3, 1, 15, 0, tzinfo=timezone.utc)
TEXT, MKT, TRX = Channel.TEXT, Purpose.MARKETING, Purpose.TRANSACTIONAL


def rec(state, days=0, how=ConsentHow.DESK, purpose=MKT, channel=TEXT, evidence="", id=0):
    return ConsentRecord(channel, purpose, state, T0 + timedelta(days=days), how,
                         evidence=evidence, id=id)


def test_nothing_recorded_is_not_asked_and_refuses_marketing_texts_only():
    summary = ConsentSummary.of([])
    assert summary.state(TEXT, MKT) is ConsentState.NOT_ASKED
    assert consent_verdict(summary, TEXT, MKT) == "No opt-in to marketing texts on record"
    assert consent_verdict(summary, TEXT, TRX) is None
    assert consent_verdict(summary, Channel.EMAIL, MKT) is None
    assert consent_verdict(summary, Channel.CALL, MKT) is None


def test_opt_out_beats_an_older_opt_in():
    summary = ConsentSummary.of([rec(ConsentState.OPTED_IN, 0), rec(ConsentState.OPTED_OUT, 1,
                                                                    ConsentHow.TEXT_REPLY,
                                                                    evidence="stop please")])
    assert summary.state(TEXT, MKT) is ConsentState.OPTED_OUT
    assert consent_verdict(summary, TEXT, MKT) == (
        "Opted out by STOP reply on 2026-03-02 (marketing texts)")


def test_a_newer_opt_in_lifts_an_opt_out_but_not_asked_never_does():
    out_then_in = ConsentSummary.of([rec(ConsentState.OPTED_OUT, 0),
                                     rec(ConsentState.OPTED_IN, 1, ConsentHow.SIGNED_FORM)])
    assert out_then_in.state(TEXT, MKT) is ConsentState.OPTED_IN
    assert consent_verdict(out_then_in, TEXT, MKT) is None
    out_then_cleared = ConsentSummary.of([rec(ConsentState.OPTED_OUT, 0, ConsentHow.DMS),
                                          rec(ConsentState.NOT_ASKED, 1, ConsentHow.DMS)])
    assert out_then_cleared.state(TEXT, MKT) is ConsentState.OPTED_OUT


def test_do_not_contact_is_lifted_by_a_person_not_by_a_start_reply():
    dnc = rec(ConsentState.DO_NOT_CONTACT, 0, purpose=TRX)
    start = rec(ConsentState.OPTED_IN, 1, ConsentHow.TEXT_REPLY, purpose=TRX, evidence="START")
    assert ConsentSummary.of([dnc, start]).state(TEXT, TRX) is ConsentState.DO_NOT_CONTACT
    signed = rec(ConsentState.OPTED_IN, 2, ConsentHow.SIGNED_FORM, purpose=TRX)
    assert ConsentSummary.of([dnc, start, signed]).state(TEXT, TRX) is ConsentState.OPTED_IN


def test_records_of_the_same_moment_count_in_the_order_they_were_stored():
    both = [rec(ConsentState.OPTED_OUT, 0, id=2), rec(ConsentState.OPTED_IN, 0, id=1)]
    assert ConsentSummary.of(both).state(TEXT, MKT) is ConsentState.OPTED_OUT


def test_each_channel_and_purpose_is_its_own():
    summary = ConsentSummary.of([rec(ConsentState.OPTED_OUT, purpose=TRX)])
    assert summary.state(TEXT, TRX) is ConsentState.OPTED_OUT
    assert summary.state(TEXT, MKT) is ConsentState.NOT_ASKED
    assert summary.state(Channel.CALL, TRX) is ConsentState.NOT_ASKED


@pytest.mark.parametrize(("kind", "channel"), [(ContactKind.EMAIL, Channel.TEXT),
                                               (ContactKind.EMAIL, Channel.CALL),
                                               (ContactKind.PHONE, Channel.EMAIL)])
def test_a_channel_the_value_cannot_carry_is_refused(kind, channel):
    with pytest.raises(NotAllowed):
        check_channel(kind, channel)


states = st.sampled_from(list(ConsentState))
hows = st.sampled_from(list(ConsentHow))


@given(st.lists(st.tuples(states, hows), max_size=8))
def test_the_newest_opt_out_is_never_lifted_except_by_a_later_opt_in(history):
    records = [rec(state, day, how) for day, (state, how) in enumerate(history)]
    current = ConsentSummary.of(records).state(TEXT, MKT)
    outs = [i for i, (state, _) in enumerate(history) if state.is_opt_out]
    if outs and not any(state is ConsentState.OPTED_IN for state, _ in history[outs[-1]:]):
        assert current.is_opt_out
    if current is ConsentState.OPTED_IN or current is ConsentState.NOT_ASKED:
        assert consent_verdict(ConsentSummary.of(records), TEXT, TRX) is None


@pytest.mark.parametrize(("evidence", "said"), [
    ("Stop.", "opted out by STOP reply on 2026-03-01"),
    ("opt out", "opted out by OPTOUT reply on 2026-03-01"),
    ("stop please", "opted out by STOP reply on 2026-03-01"),
])
def test_a_reply_is_described_by_its_keyword_as_the_reply_table_reads_it(evidence, said):
    from contact_desk.domain.consent import describe
    record = rec(ConsentState.OPTED_OUT, 0, ConsentHow.TEXT_REPLY, evidence=evidence)
    assert describe(record) == said
