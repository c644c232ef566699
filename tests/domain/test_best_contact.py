"""Best Contact Method: the success rate of text, call and email, and the channel to use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.best_contact import ChannelRate, best_contact_method
from contact_desk.domain.enums import AttemptOutcome, Channel

TEXT, CALL, EMAIL = Channel.TEXT, Channel.CALL, Channel.EMAIL
REACHED, REPLIED = AttemptOutcome.REACHED, AttemptOutcome.REPLIED
NO_ANSWER, LEFT_MESSAGE = AttemptOutcome.NO_ANSWER, AttemptOutcome.LEFT_MESSAGE


def test_with_no_attempts_text_is_the_default_and_every_rate_is_zero():
    best = best_contact_method([])
    assert best.best is TEXT
    assert best.reason == "No attempts logged yet: Text is the default."
    assert best.rates == (ChannelRate(TEXT, 0, 0, 0.0), ChannelRate(CALL, 0, 0, 0.0),
                          ChannelRate(EMAIL, 0, 0, 0.0))
    assert best.attempts == 0


def test_the_channel_that_reaches_the_customer_most_often_is_best():
    best = best_contact_method([
        (TEXT, REPLIED), (TEXT, NO_ANSWER), (TEXT, NO_ANSWER),
        (CALL, REACHED), (CALL, LEFT_MESSAGE),
        (EMAIL, AttemptOutcome.BOUNCED),
    ])
    assert best.best is CALL
    assert best.reason == "Call reaches the customer most often: 1 of 2 attempts (50%)."
    assert [(r.channel, r.attempts, r.successes) for r in best.rates] == [
        (TEXT, 3, 1), (CALL, 2, 1), (EMAIL, 1, 0)]
    assert best.rates[0].rate == pytest.approx(1 / 3)
    assert [r.percent for r in best.rates] == [33, 50, 0]
    assert best.attempts == 6


def test_rates_are_always_listed_text_call_email_whatever_the_order_logged():
    best = best_contact_method([(EMAIL, REPLIED), (CALL, NO_ANSWER), (TEXT, NO_ANSWER)])
    assert [rate.channel for rate in best.rates] == [TEXT, CALL, EMAIL]
    assert best.best is EMAIL
    assert best.reason == "Email reaches the customer most often: 1 of 1 attempt (100%)."


def test_equal_rates_at_the_top_make_text_the_default_and_say_which_tied():
    best = best_contact_method([(TEXT, REPLIED), (TEXT, NO_ANSWER), (CALL, REACHED),
                                (CALL, NO_ANSWER), (EMAIL, NO_ANSWER)])
    assert best.best is TEXT
    assert best.reason == "Text, Call are equally successful: Text is the default."


def test_the_same_rate_from_different_counts_is_a_tie():
    # 1 of 3 and 2 of 6: equal, however the division rounds.
    best = best_contact_method([(CALL, REACHED), (CALL, NO_ANSWER), (CALL, NO_ANSWER)]
                               + [(EMAIL, REPLIED)] * 2 + [(EMAIL, NO_ANSWER)] * 4)
    assert best.best is TEXT
    assert best.reason == "Call, Email are equally successful: Text is the default."


def test_when_nothing_has_reached_the_customer_text_is_the_default():
    best = best_contact_method([(CALL, NO_ANSWER), (EMAIL, AttemptOutcome.BOUNCED)])
    assert best.best is TEXT
    assert best.reason == "No attempt has reached the customer yet: Text is the default."


def test_reached_and_replied_count_as_success_and_nothing_else_does():
    for outcome in AttemptOutcome:
        rate = best_contact_method([(CALL, outcome)]).rates[1]
        assert rate.successes == (1 if outcome in (REACHED, REPLIED) else 0), outcome


attempt = st.tuples(st.sampled_from(Channel), st.sampled_from(AttemptOutcome))


@given(st.lists(attempt, max_size=30))
def test_the_best_channel_has_the_highest_rate_and_any_tie_goes_to_text(attempts):
    best = best_contact_method(attempts)
    rates = {rate.channel: rate for rate in best.rates}
    top = max(rate.rate for rate in best.rates)
    if sum(rate.rate == top for rate in best.rates) > 1:
        assert best.best is TEXT
    else:
        assert rates[best.best].rate == top
    assert sum(rate.attempts for rate in best.rates) == sum(
        outcome.tells_how_it_went for _, outcome in attempts)
    assert best == best_contact_method(list(reversed(attempts))), "order does not matter"


def test_a_contact_started_from_the_desk_is_neither_a_success_nor_a_failure():
    """Click-to-text logs that the clerk began; how it went is logged after, if at all."""
    started = AttemptOutcome.STARTED
    assert not started.tells_how_it_went
    alone = best_contact_method([(CALL, started), (CALL, started)])
    assert alone == best_contact_method([])
    best = best_contact_method([(TEXT, started), (TEXT, REPLIED), (CALL, NO_ANSWER)])
    assert (best.rates[0].attempts, best.rates[0].successes) == (1, 1)
    assert best.reason == "Text reaches the customer most often: 1 of 1 attempt (100%)."
