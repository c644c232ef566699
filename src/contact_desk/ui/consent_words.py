"""How a phone's or an email's consent reads on screen, said in one place: the badges of the
card and of the customer page's tables ("No texts", "Marketing texts OK"), and the line of
Edit Contact Info ("Texts: opted in · Calls: not asked"). The states themselves come from
domain/consent; nothing here decides what a record means."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from contact_desk.domain.consent import (
    CHANNELS_OF_KIND,
    ConsentRecord,
    ConsentState,
    ConsentSummary,
    Purpose,
    describe,
)
from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.forms import ConsentForm

NOUNS = {Channel.CALL: "calls", Channel.TEXT: "texts", Channel.EMAIL: "email"}
NOTHING_RECORDED = "nothing recorded"


@dataclass(frozen=True)
class ConsentBadge:
    """A small flag beside a value; ``allows``: a permission on record, not a refusal."""

    text: str
    tooltip: str
    allows: bool = False


def consent_badges(kind: ContactKind, summary: ConsentSummary) -> list[ConsentBadge]:
    """What stands out about a value's consent: each opt-out, and an opt-in to marketing
    texts (the one message that needs it); nothing when it is as anyone's would be."""
    badges = []
    for channel in CHANNELS_OF_KIND[kind]:
        noun = NOUNS[channel]
        out = tuple(p for p in Purpose if summary.opted_out(channel, p))
        if out:
            what = noun if len(out) == len(Purpose) else f"{out[0].label.lower()} {noun}"
            badges.append(ConsentBadge(f"No {what}", why(summary, channel, out)))
        if channel is Channel.TEXT and Purpose.MARKETING not in out and \
                summary.state(channel, Purpose.MARKETING) is ConsentState.OPTED_IN:
            badges.append(ConsentBadge("Marketing texts OK",
                                       why(summary, channel, (Purpose.MARKETING,)),
                                       allows=True))
    return badges


def why(summary: ConsentSummary, channel: Channel, purposes: Iterable[Purpose]) -> str:
    """The deciding records of ``purposes`` read aloud: one line when one statement
    decides them all, else a line per purpose."""
    said = {p: describe(record) for p in purposes
            if (record := summary.record(channel, p)) is not None}
    noun = NOUNS[channel].capitalize()
    if len(set(said.values())) == 1 and len(said) > 0:
        return f"{noun}: {next(iter(said.values()))}"
    return "\n".join(f"{noun}, {p.label.lower()}: {line}" for p, line in said.items())


def consent_line(kind: ContactKind, summary: ConsentSummary,
                 pending: frozenset[Channel] = frozenset()) -> str:
    """Each channel the value can carry and its state, "(pending)" where a statement is
    waiting for Save: "Texts: opted out (pending) · Calls: not asked"."""
    parts = []
    for channel in CHANNELS_OF_KIND[kind]:
        states = [summary.state(channel, p) for p in Purpose]
        if len(set(states)) == 1:
            said = states[0].label.lower()
        else:
            said = ", ".join(f"{p.label.lower()} {s.label.lower()}"
                             for p, s in zip(Purpose, states, strict=True))
        mark = " (pending)" if channel in pending else ""
        parts.append(f"{NOUNS[channel].capitalize()}: {said}{mark}")
    return " · ".join(parts)


def consent_details(kind: ContactKind, summary: ConsentSummary) -> str:
    """Every channel and purpose with its deciding record, a line each (a tooltip)."""
    lines = []
    for channel in CHANNELS_OF_KIND[kind]:
        for purpose in Purpose:
            record = summary.record(channel, purpose)
            lines.append(f"{NOUNS[channel].capitalize()}, {purpose.label.lower()}: "
                         f"{describe(record) if record else NOTHING_RECORDED}")
    return "\n".join(lines)


def with_pending(summary: ConsentSummary, forms: Iterable[ConsentForm],
                 at: datetime | None = None) -> ConsentSummary:
    """The consent as it will be once ``forms`` are saved: the domain's own derivation of
    the records that decide now and the new ones (so a "not asked" shows it lifts no
    opt-out, before Save as after)."""
    # Later than every record that decides now, even one from a desk whose clock runs ahead.
    later = [r.recorded_at + timedelta(microseconds=1) for r in summary.current.values()]
    at = at or max([datetime.now(timezone.utc), *later])
    new = [ConsentRecord(channel=form.channel, purpose=purpose, state=form.state,
                         recorded_at=at, how=form.how,
                         evidence=form.note or (form.evidence.name if form.evidence else ""))
           for form in forms for purpose in form.purposes]
    return ConsentSummary.of([*summary.current.values(), *new]) if new else summary


def statement(form: ConsentForm) -> str:
    """A statement not saved yet, in words: "Texts (transactional, marketing): opted out —
    Verbally at the desk"."""
    purposes = ", ".join(p.label.lower() for p in form.purposes)
    return (f"{NOUNS[form.channel].capitalize()} ({purposes}): {form.state.label.lower()} — "
            f"{form.how.label}")
