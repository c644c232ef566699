"""Best Contact Method: how often text, call and email reach the customer, and which to use."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from contact_desk.domain.enums import AttemptOutcome, Channel

DEFAULT = Channel.TEXT
_DEFAULT_SAID = f"{DEFAULT.label} is the default."


@dataclass(frozen=True)
class ChannelRate:
    channel: Channel
    attempts: int
    successes: int
    rate: float  # successes / attempts; 0.0 for a channel never tried

    @property
    def percent(self) -> int:
        return round(self.rate * 100)


@dataclass(frozen=True)
class BestContact:
    rates: tuple[ChannelRate, ...]  # Text, Call, Email, in that order
    best: Channel
    reason: str

    @property
    def attempts(self) -> int:
        return sum(rate.attempts for rate in self.rates)


def best_contact_method(attempts: Iterable[tuple[Channel, AttemptOutcome]]) -> BestContact:
    """The channel that succeeds most often; Text when nothing is logged or rates are equal.
    A contact only started from the desk counts for nothing: it says the clerk began."""
    tried = {channel: 0 for channel in Channel}
    reached = {channel: 0 for channel in Channel}
    for channel, outcome in attempts:
        if not outcome.tells_how_it_went:
            continue  # begun from the desk: neither a success nor a failure
        tried[channel] += 1
        reached[channel] += outcome.succeeded
    rates = tuple(
        ChannelRate(c, tried[c], reached[c], reached[c] / tried[c] if tried[c] else 0.0)
        for c in Channel
    )
    # Compared as fractions: 1 of 3 and 2 of 6 are the same rate.
    exact = {r.channel: Fraction(r.successes, r.attempts) if r.attempts else Fraction(0)
             for r in rates}
    top = max(exact.values())
    leaders = [channel for channel in Channel if exact[channel] == top]
    if not any(tried.values()):
        return BestContact(rates, DEFAULT, f"No attempts logged yet: {_DEFAULT_SAID}")
    if top == 0:
        return BestContact(rates, DEFAULT,
                           f"No attempt has reached the customer yet: {_DEFAULT_SAID}")
    if len(leaders) > 1:
        names = ", ".join(channel.label for channel in leaders)
        return BestContact(rates, DEFAULT, f"{names} are equally successful: {_DEFAULT_SAID}")
    best = rates[list(Channel).index(leaders[0])]
    return BestContact(
        rates,
        best.channel,
        f"{best.channel.label} reaches the customer most often: "
        f"{best.successes} of {best.attempts} {_attempts(best.attempts)} ({best.percent}%).",
    )


def _attempts(count: int) -> str:
    return "attempt" if count == 1 else "attempts"
