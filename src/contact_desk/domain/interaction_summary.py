"""The Interaction Summary: plain English written from the facts alone, the same every time.

Generated here, on the desk, without any network service: the same facts give the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from contact_desk.domain.best_contact import ChannelRate
from contact_desk.domain.enums import ContactKind, ContactStatus, DealStage

QUOTE_LENGTH = 120  # the latest note is quoted up to this many characters
LISTED = 3  # invites and contact changes beyond this many are counted, not listed


@dataclass(frozen=True)
class NoteFact:
    on: date
    author: str | None
    text: str


@dataclass(frozen=True)
class DealFact:
    stage: DealStage
    vehicle: str | None
    trade_in: str | None
    source: str
    source_locked: bool
    created_on: date


@dataclass(frozen=True)
class InviteFact:
    """A portal invite (the messages the desk sends) that went to a person on the account."""

    person: str
    on: date
    by: str | None


@dataclass(frozen=True)
class PrimaryChange:
    kind: ContactKind
    old: str
    new: str | None
    on: date
    by_default_rule: bool


@dataclass(frozen=True)
class StatusChange:
    """A phone or email that stopped being active."""

    value: str
    status: ContactStatus
    on: date


@dataclass(frozen=True)
class InteractionFacts:
    note_count: int = 0
    latest_note: NoteFact | None = None
    attempts: tuple[ChannelRate, ...] = ()
    last_attempt_on: date | None = None
    deal: DealFact | None = None
    invites: tuple[InviteFact, ...] = ()  # newest first
    primary_changes: tuple[PrimaryChange, ...] = ()  # newest first
    deactivations: tuple[StatusChange, ...] = ()  # newest first


def summarize(facts: InteractionFacts) -> str:
    """One short paragraph: notes, contact attempts, the open deal, messages, contact changes."""
    sentences = [_notes(facts), _attempts(facts), _deal(facts.deal)]
    if facts.invites:
        sentences.append(_invites(facts.invites))
    if facts.primary_changes or facts.deactivations:
        sentences.append(_contact_changes(facts.primary_changes, facts.deactivations))
    return " ".join(sentences)


def _notes(facts: InteractionFacts) -> str:
    note = facts.latest_note
    if not facts.note_count:
        return "No notes."
    if note is None:
        return f"{_count(facts.note_count, 'note')}."
    text = " ".join(note.text.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: QUOTE_LENGTH - 1].rstrip() + "…"
    by = f" by {note.author}" if note.author else ""
    if facts.note_count == 1:
        return f"1 note, on {note.on.isoformat()}{by}: '{text}'"
    return f"{facts.note_count} notes, the latest on {note.on.isoformat()}{by}: '{text}'"


def _attempts(facts: InteractionFacts) -> str:
    tried = [rate for rate in facts.attempts if rate.attempts]
    total = sum(rate.attempts for rate in tried)
    if not total:
        return "No contact attempts logged."
    parts = []
    for rate in tried:
        reached = "none" if not rate.successes else str(rate.successes)
        parts.append(f"{_count(rate.attempts, rate.channel.label.lower())} "
                     f"({reached} reached)")
    latest = f"; the latest on {facts.last_attempt_on.isoformat()}" if facts.last_attempt_on else ""
    return f"{_count(total, 'contact attempt')}: {', '.join(parts)}{latest}."


def _deal(deal: DealFact | None) -> str:
    if deal is None:
        return "No open deal."
    wants = f" for the {deal.vehicle}" if deal.vehicle else ""
    trade = f", trading in the {deal.trade_in}" if deal.trade_in else ""
    if deal.source_locked:
        source = " from an ADF lead" + (f" ({deal.source})" if deal.source else "")
    else:
        source = f" from {deal.source}" if deal.source else ""
    return (f"Open deal ({deal.stage.label}){wants}{trade}, "
            f"created {deal.created_on.isoformat()}{source}.")


def _invites(invites: Sequence[InviteFact]) -> str:
    listed = [
        f"to {invite.person} on {invite.on.isoformat()}" + (f" by {invite.by}" if invite.by else "")
        for invite in invites[:LISTED]
    ]
    return f"{_count(len(invites), 'portal invite')} sent: {_listing(listed, len(invites))}."


def _contact_changes(
    primaries: Sequence[PrimaryChange], deactivations: Sequence[StatusChange]
) -> str:
    said = []
    for change in primaries[:LISTED]:
        noun = "phone" if change.kind is ContactKind.PHONE else "email"
        to = f"to {change.new}" if change.new else "to nothing (no active value left)"
        how = "by the default rule" if change.by_default_rule else "chosen at the desk"
        said.append(f"the primary {noun} moved from {change.old} {to} on "
                    f"{change.on.isoformat()} ({how})")
    if len(primaries) > LISTED:
        said.append(f"{_count(len(primaries) - LISTED, 'earlier primary change')}")
    for status in deactivations[:LISTED]:
        said.append(f"{status.value} became {status.status.label.lower()} on "
                    f"{status.on.isoformat()}")
    if len(deactivations) > LISTED:
        said.append(f"{_count(len(deactivations) - LISTED, 'earlier deactivation')}")
    return f"Contact changes: {'; '.join(said)}."


def _listing(listed: list[str], total: int) -> str:
    more = total - len(listed)
    return ", ".join(listed) + (f" and {more} more" if more else "")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
