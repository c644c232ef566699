"""Whether a customer will actually receive texts and emails: the warnings the card shows,
and the one answer to "may we reach this value, by this channel, for this purpose, now?"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from contact_desk.domain.consent import (
    ConsentState,
    ConsentSummary,
    Purpose,
    check_channel,
    consent_verdict,
    describe,
)
from contact_desk.domain.enums import Channel, ContactKind, ContactStatus
from contact_desk.domain.errors import NotAllowed
from contact_desk.domain.quiet_hours import (
    QUIET_CHANNELS,
    Opening,
    QuietHours,
    default_quiet_hours,
    zone,
)
from contact_desk.domain.time_zones import Place, RecipientPlaces, recipient_places, state_name


@dataclass(frozen=True)
class ReachFacts:
    """The facts of one kind (phones or emails) that the warnings depend on."""

    kind: ContactKind
    any_active: bool
    no_active_since: date | None
    primary_shown: str | None
    primary_blocked: bool
    primary_moved_from: str | None = None
    primary_moved_on: date | None = None


def reach_warnings(facts: Sequence[ReachFacts]) -> list[str]:
    """One sentence per reason the customer would miss a message, in the desk's words."""
    warnings: list[str] = []
    for fact in facts:
        what = "texts" if fact.kind is ContactKind.PHONE else "emails"
        noun = "phone number" if fact.kind is ContactKind.PHONE else "email address"
        if not fact.any_active:
            since = f" since {fact.no_active_since.isoformat()}" if fact.no_active_since else ""
            warnings.append(f"This customer will not receive {what}: no active {noun}{since}.")
            continue
        if fact.primary_blocked:
            block = "is marked do-not-text" if fact.kind is ContactKind.PHONE else "opted out of marketing email"
            warnings.append(
                f"The primary {noun} {fact.primary_shown} {block}; "
                f"this customer will not receive {'texts' if fact.kind is ContactKind.PHONE else 'marketing emails'}."
            )
        if fact.primary_moved_from:
            on = f" on {fact.primary_moved_on.isoformat()}" if fact.primary_moved_on else ""
            warnings.append(
                f"The primary {noun} moved to {fact.primary_shown}{on} because "
                f"{fact.primary_moved_from} became inactive."
            )
    return warnings



@dataclass(frozen=True)
class ReachTarget:
    """One phone or email as the reach question needs it."""

    kind: ContactKind
    display: str
    value: str  # E.164 for phones, the address for emails
    status: ContactStatus
    can_receive_texts: bool
    consent: ConsentSummary
    address_state: str | None = None  # the customer's address, where the recipient may be
    postal_code: str | None = None  # not read: every zone of a state counts, not the ZIP's


@dataclass(frozen=True)
class ReachAnswer:
    """Yes, or no with the reason a clerk reads aloud and the moment it may go out."""

    allowed: bool
    reason: str
    next_allowed_at: datetime | None  # aware; None when allowed, or when no later time helps
    # When held for the hour: that time in the recipient's words ("8:00 AM tomorrow") and
    # the place whose clock it is read on ("Illinois"), for a line shorter than the reason.
    opens: str | None = None
    opens_in: str | None = None

    @property
    def later(self) -> bool:
        """Not now, but at a time the answer gives (quiet hours)."""
        return not self.allowed and self.next_allowed_at is not None


_NOUNS = {Channel.TEXT: "texts", Channel.CALL: "calls", Channel.EMAIL: "emails"}
_VERBS = {Channel.TEXT: "text", Channel.CALL: "call", Channel.EMAIL: "email"}


def can_reach(target: ReachTarget, channel: Channel, purpose: Purpose, at: datetime,
              quiet_hours: QuietHours | None = None) -> ReachAnswer:
    """May we reach this value, by this channel, for this purpose, at this moment? The
    checks run in the order a clerk would give the reasons: what the value can carry, its
    status, consent, then the recipient's quiet hours (``quiet_hours`` defaults to the
    rules of resources/quiet_hours.json)."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("The moment to check needs its UTC offset, e.g. "
                         "2026-03-01T21:40:00-06:00.")
    try:
        check_channel(target.kind, channel)
    except NotAllowed as refusal:
        return ReachAnswer(False, refusal.message, None)
    if target.status is not ContactStatus.ACTIVE:
        return ReachAnswer(False, f"{target.display} is marked {target.status.label.lower()}",
                           None)
    if channel is Channel.TEXT and not target.can_receive_texts:
        return ReachAnswer(False, "landline: cannot receive texts", None)
    refusal = consent_verdict(target.consent, channel, purpose)
    if refusal:
        return ReachAnswer(False, refusal, None)
    if channel in QUIET_CHANNELS:
        places = recipient_places(target.address_state, target.value)
        rules = quiet_hours or default_quiet_hours()
        opening = rules.opening(places.places, channel, purpose, at)
        if not opening.allowed:
            return _held(opening, places, channel, purpose)
    record = target.consent.record(channel, purpose)
    if record is not None and record.state is ConsentState.OPTED_IN:
        return ReachAnswer(True, describe(record), None)
    return ReachAnswer(True, f"may {_VERBS[channel]} now", None)


def _held(opening: Opening, places: RecipientPlaces, channel: Channel,
          purpose: Purpose) -> ReachAnswer:
    """The quiet-hours refusal in words: the local time where the longest-holding rule
    holds, and when the message may go out there."""
    hold = opening.held_by
    assert hold is not None
    what = f"{purpose.label.lower()} {_NOUNS[channel]}"
    place = _place_name(hold.place)
    opened_in = opening.opened_by or hold.place
    # The clock's zone is named where the place has several, or two places' clocks are read.
    zoned = (places.unknown or len(places.state_zones(hold.place.state)) > 1
             or opened_in.zone != hold.place.zone)
    closure = hold.closure
    if closure is None:
        situation, subject = f"it is {_clock(hold.local, zoned)} in {place}", what
    elif closure.kind == "year":
        years = " and ".join(str(year) for year in sorted(hold.rule.holiday_years))
        situation = (f"the quiet-hours file lists {place}'s holidays for {years} only, "
                     f"not {closure.name}")
        subject = what
    else:
        holiday = ", a holiday" if closure.kind == "holiday" else ","
        situation = f"it is {closure.name} in {place}{holiday} when no {what} may go out"
        subject = "they"
    when: str | None = None
    if opening.next_allowed_at is None and closure is not None and closure.kind == "year":
        reason, next_at = f"{situation}: {what} wait until the file is brought up to date", None
    elif opening.next_allowed_at is None:
        reason = f"{situation}, and no time in the coming year suits every place they may be"
        next_at = None
    else:
        next_at = opening.next_allowed_at.astimezone(zone(opened_in.zone))
        when = _when(next_at, hold.local.astimezone(next_at.tzinfo), zoned,
                     whole_day=closure is not None)
        reason = f"{situation}: {subject} may go out from {when}"
    if places.unknown:
        reason += (" (time zone unknown: no address, and the number names no state; "
                   "read for every US zone)")
    elif places.disagree:
        phone = " and ".join(state_name(state) for state in places.phone_states)
        reason += (f" (the address is in {state_name(places.address_state or '')} and the "
                   f"area code in {phone}: the stricter reading)")
    return ReachAnswer(False, reason, next_at, when, _place_name(opened_in) if when else None)


def _place_name(place: Place) -> str:
    if place.state:
        return state_name(place.state)
    return place.zone.rsplit("/", 1)[-1].replace("_", " ")


def _clock(moment: datetime, zoned: bool) -> str:
    shown = f"{moment.hour % 12 or 12}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"
    return f"{shown} {moment.tzname()}" if zoned else shown


def _when(moment: datetime, now: datetime, zoned: bool, whole_day: bool) -> str:
    """8:00 AM (the next one); 8:00 AM tomorrow where "8:00 AM" could be read as today's;
    8:00 AM on Monday within the week; with the date later."""
    days = (moment.date() - now.date()).days
    clock = _clock(moment, zoned)
    if days == 1 and (whole_day or moment.time() > now.time()):
        return f"{clock} tomorrow"
    if days <= 1:
        return clock
    if days < 7:
        return f"{clock} on {moment:%A}"
    return f"{clock} on {moment:%A, %B} {moment.day}"
