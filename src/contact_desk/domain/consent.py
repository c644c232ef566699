"""Consent: a history of records per phone or email, never a flag overwritten.

Each record says, for one value, one channel (call, text, email) and one purpose
(transactional or marketing), the state (not asked, opted in, opted out, do not contact),
when, who, how (at the desk, signed form, web form, a text reply, the DMS, the portal) and
the evidence. The current state of a channel and purpose is derived from the records:

- the newest record wins, except that an opt-out (opted out, do not contact) is lifted only
  by an explicit opt-in; a "not asked" record (the DMS clearing its flag) never lifts one;
- "do not contact" is the dealership's own block: a START reply does not lift it, only an
  opt-in a person records (at the desk, a signed or web form, the portal).

Whether a message may go out is ``consent_verdict``: marketing texts need an opt-in;
transactional texts, calls and emails are allowed unless opted out (the customer gave the
value for the dealership's business). See also domain/reach for the hours and the line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import unique

from contact_desk.domain.enums import Channel, ContactKind, LabelledEnum
from contact_desk.domain.errors import NotAllowed

MAX_EVIDENCE_NOTE = 2000
MAX_EVIDENCE_FILE = 10 * 1024 * 1024  # a scanned signed form; larger is a mistake


@unique
class Purpose(LabelledEnum):
    """What a message is for: the customer's own business (reminders, payment
    confirmations, scheduling, invoices) or selling to them."""

    TRANSACTIONAL = "Transactional"
    MARKETING = "Marketing"


@unique
class ConsentState(LabelledEnum):
    NOT_ASKED = "Not asked"
    OPTED_IN = "Opted in"
    OPTED_OUT = "Opted out"
    DO_NOT_CONTACT = "Do not contact"

    @property
    def is_opt_out(self) -> bool:
        return self in (ConsentState.OPTED_OUT, ConsentState.DO_NOT_CONTACT)


@unique
class ConsentHow(LabelledEnum):
    """How a consent was given or withdrawn: the proof's kind."""

    DESK = "Verbally at the desk"
    SIGNED_FORM = "Signed form"
    WEB_FORM = "Web form"
    TEXT_REPLY = "Text reply"
    DMS = "DMS"
    PORTAL = "Customer portal"
    IMPORTED = "Imported contact card"
    MIGRATED = "Migrated"

    @property
    def by_a_person(self) -> bool:
        """Recorded by a person who heard or read the customer's own words."""
        return self in (ConsentHow.DESK, ConsentHow.SIGNED_FORM, ConsentHow.WEB_FORM,
                        ConsentHow.PORTAL)


# What a clerk can choose in the window and on the command line; the rest are written by
# the desk itself (a reply import, the DMS sync, a vCard import, the migration).
CHOSEN_HOWS = (ConsentHow.DESK, ConsentHow.SIGNED_FORM, ConsentHow.WEB_FORM,
               ConsentHow.PORTAL)

CHANNELS_OF_KIND: dict[ContactKind, tuple[Channel, ...]] = {
    ContactKind.PHONE: (Channel.CALL, Channel.TEXT),
    ContactKind.EMAIL: (Channel.EMAIL,),
}


def check_channel(kind: ContactKind, channel: Channel) -> None:
    """A consent for a channel the value cannot carry (an email on the text channel) is
    refused, in words."""
    if channel not in CHANNELS_OF_KIND[kind]:
        if kind is ContactKind.EMAIL:
            raise NotAllowed(f"An email address has no {channel.label.lower()} consent: "
                             "choose the email channel.")
        raise NotAllowed("A phone number has no email consent: choose call or text.")


@dataclass(frozen=True)
class ConsentRecord:
    """One record, as the derivation and the screens need it."""

    channel: Channel
    purpose: Purpose
    state: ConsentState
    recorded_at: datetime
    how: ConsentHow
    recorded_by: str = ""
    evidence: str = ""  # the note, the inbound message, or the attached file's name
    id: int = 0  # the store's order among records of the same moment

    def lifts(self, current: ConsentRecord | None) -> bool:
        """Whether this record, newer than ``current``, replaces it."""
        if current is None or not current.state.is_opt_out:
            return True
        if self.state.is_opt_out:
            return True  # a newer opt-out: its date and proof are now the ones to read
        if self.state is not ConsentState.OPTED_IN:
            return False  # "not asked" never lifts an opt-out
        if current.state is ConsentState.DO_NOT_CONTACT:
            return self.how.by_a_person
        return True


def _order(record: ConsentRecord) -> tuple[datetime, int]:
    return record.recorded_at, record.id


@dataclass(frozen=True)
class ConsentSummary:
    """The current state of every channel and purpose of one value, and the record it
    comes from (None: nothing was ever recorded)."""

    current: dict[tuple[Channel, Purpose], ConsentRecord]

    @classmethod
    def of(cls, records: Iterable[ConsentRecord]) -> ConsentSummary:
        current: dict[tuple[Channel, Purpose], ConsentRecord] = {}
        for record in sorted(records, key=_order):
            key = (record.channel, record.purpose)
            if record.lifts(current.get(key)):
                current[key] = record
        return cls(current)

    def record(self, channel: Channel, purpose: Purpose) -> ConsentRecord | None:
        return self.current.get((channel, purpose))

    def state(self, channel: Channel, purpose: Purpose) -> ConsentState:
        record = self.record(channel, purpose)
        return record.state if record else ConsentState.NOT_ASKED

    def opted_out(self, channel: Channel, purpose: Purpose) -> bool:
        return self.state(channel, purpose).is_opt_out


NOTHING_RECORDED = ConsentSummary({})


def describe(record: ConsentRecord) -> str:
    """How a record reads aloud: "opted out by STOP reply on 2026-03-01"."""
    state = record.state.label.lower()
    if record.how is ConsentHow.TEXT_REPLY and _keyword(record.evidence):
        how = f"{_keyword(record.evidence)} reply"
    elif record.how is ConsentHow.DESK:
        how = "the customer at the desk"
    elif record.how is ConsentHow.MIGRATED:
        how = "an earlier version of the desk"
    elif record.how is ConsentHow.IMPORTED:
        how = "an imported contact card"
    elif record.how is ConsentHow.TEXT_REPLY:
        how = "a text reply"
    else:
        how = record.how.label if record.how is ConsentHow.DMS else record.how.label.lower()
    if record.state is ConsentState.DO_NOT_CONTACT:
        state = "marked do not contact"
    return f"{state} by {how} on {record.recorded_at.date().isoformat()}"


def _keyword(message: str) -> str:
    """The reply's keyword as the reply table reads it ("Stop." is STOP); "" for none."""
    from contact_desk.domain.replies import read_reply  # the table builds on this module

    return read_reply(message).keyword.upper() if message else ""


def consent_verdict(summary: ConsentSummary, channel: Channel,
                    purpose: Purpose) -> str | None:
    """None when consent allows the message; else why not, in the words a clerk reads
    aloud. Marketing texts need an opt-in; everything else is allowed unless opted out."""
    record = summary.record(channel, purpose)
    if record is not None and record.state.is_opt_out:
        what = f"{purpose.label.lower()} {_noun(channel)}"
        return f"{describe(record)[0].upper()}{describe(record)[1:]} ({what})"
    if channel is Channel.TEXT and purpose is Purpose.MARKETING and (
            record is None or record.state is not ConsentState.OPTED_IN):
        return "No opt-in to marketing texts on record"
    return None


def _noun(channel: Channel) -> str:
    return {Channel.CALL: "calls", Channel.TEXT: "texts", Channel.EMAIL: "emails"}[channel]
