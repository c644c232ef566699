"""Replies to the dealership's texts: the STOP-word table, and what one reply means.

A reply's first word decides. An opt-out word (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END,
QUIT, REVOKE, OPT OUT) opts the number out of all texts, whatever follows it ("STOP
please", "Stop."); an opt-in word (START, UNSTOP, YES) opts it back in to transactional
texts only, and only said alone; HELP or INFO is a question for a person, recorded nowhere.

Why the first word, and why alone for an opt-in. Texting providers act on a reply that is
the keyword by itself: Twilio's STOP filtering says "Only single-word messages will trigger
the block ... replying 'STOP PLEASE' or 'PLEASE CANCEL' will not"
(support.twilio.com/hc/en-us/articles/223134027), Sakari the same ("replying 'Please Stop'
or 'CANCEL PLEASE' will not", support.sakari.io/hc/en-us/articles/360040097351). The FCC's
rule (47 CFR 64.1200(a)(10), in force since 2025-04-11) goes further: "stop", "quit",
"end", "revoke", "opt out", "cancel" or "unsubscribe" in reply to a text revokes consent,
and other words must be honoured when a reasonable person would read them so. So the desk
takes an opt-out word followed by more words as the opt-out it plainly is, where the
provider would not. It does not look for the word further in: "I'll stop by Tuesday" and
"by the end of the week" are not opt-outs, and no rule can tell "please stop" from "don't
stop" reliably; such a reply is reported for a person to read (``worth_reading``), who can
record the opt-out at the desk. An opt-in is the other way round: a wrong one sends texts
to someone who said no, so "Yes, but stop texting me" is not one; only the word alone is,
as the providers take it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import unique

from contact_desk.domain.consent import ConsentState, Purpose
from contact_desk.domain.enums import LabelledEnum


@unique
class ReplyMeaning(LabelledEnum):
    """What a reply says about the number's texts."""

    OPT_OUT = "Opted out of all texts"
    OPT_IN = "Opted back in to transactional texts"
    HELP = "Asked for help"
    NOT_A_KEYWORD = "Not a keyword"


KEYWORDS: dict[str, ReplyMeaning] = {
    **dict.fromkeys(("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
                     "OPTOUT"), ReplyMeaning.OPT_OUT),
    **dict.fromkeys(("START", "UNSTOP", "YES"), ReplyMeaning.OPT_IN),
    **dict.fromkeys(("HELP", "INFO"), ReplyMeaning.HELP),
}

# What a reply that means it records on the number's text channel; HELP and the rest
# record nothing. A START lifts an opt-out, never the dealership's "do not contact"
# (domain/consent: only a person lifts that).
RECORDED: dict[ReplyMeaning, tuple[ConsentState, tuple[Purpose, ...]]] = {
    ReplyMeaning.OPT_OUT: (ConsentState.OPTED_OUT, (Purpose.TRANSACTIONAL, Purpose.MARKETING)),
    ReplyMeaning.OPT_IN: (ConsentState.OPTED_IN, (Purpose.TRANSACTIONAL,)),
}

# Letters and digits make words; anything else (spaces, punctuation, emoji) parts them.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Reading:
    """What a reply means; ``keyword`` is the table's word ("" when none), and
    ``worth_reading`` marks a reply that is no keyword but has one among its words."""

    meaning: ReplyMeaning
    keyword: str = ""
    worth_reading: bool = False


def read_reply(text: str) -> Reading:
    """What the reply ``text`` means (see the module for the rule)."""
    # NFKC: full-width and styled letters ("ＳＴＯＰ") are the letters they look like.
    words = [word.upper() for word in _WORD.findall(unicodedata.normalize("NFKC", text))]
    if words[:2] == ["OPT", "OUT"]:
        words[:2] = ["OPTOUT"]
    meaning = KEYWORDS.get(words[0]) if words else None
    if meaning is ReplyMeaning.OPT_IN and len(words) > 1:
        meaning = None
    if meaning is None:
        pairs = zip(words, words[1:])
        mentioned = any(KEYWORDS.get(word, ReplyMeaning.HELP) is not ReplyMeaning.HELP
                        for word in words) or ("OPT", "OUT") in pairs
        return Reading(ReplyMeaning.NOT_A_KEYWORD, worth_reading=mentioned)
    return Reading(meaning, words[0])
