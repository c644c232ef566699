"""The Interaction Summary: plain English from the facts alone; the same facts, the same text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from contact_desk.domain.best_contact import best_contact_method
from contact_desk.domain.enums import (
    AttemptOutcome,
    Channel,
    ContactKind,
    ContactStatus,
    DealStage,
)
from contact_desk.domain.interaction_summary import (
    DealFact,
    InteractionFacts,
    InviteFact,
    NoteFact,
    PrimaryChange,
    StatusChange,
    summarize,
)

TEXT, CALL, EMAIL = Channel.TEXT, Channel.CALL, Channel.EMAIL
REPLIED, NO_ANSWER = AttemptOutcome.REPLIED, AttemptOutcome.NO_ANSWER


def _rates(*attempts: tuple[Channel, AttemptOutcome]):
    return best_contact_method(attempts).rates


LATEST = NoteFact(date(2026, 11, 20), "Morgan Avery", "Prefers texts after 5 pm.")
DEAL = DealFact(DealStage.NEGOTIATION, "2027 Honda CR-V", "2015 Ford F-150", "Cars.com", True,
                date(2026, 10, 1))


def test_nothing_on_record_says_so_plainly():
    assert summarize(InteractionFacts()) == "No notes. No contact attempts logged. No open deal."


def test_notes_attempts_and_the_deal_read_as_one_paragraph():
    facts = InteractionFacts(
        note_count=3,
        latest_note=LATEST,
        attempts=_rates((TEXT, REPLIED), (TEXT, REPLIED), (TEXT, NO_ANSWER), (CALL, NO_ANSWER),
                        (CALL, NO_ANSWER)),
        last_attempt_on=date(2026, 11, 22),
        deal=DEAL,
    )
    assert summarize(facts) == (
        "3 notes, the latest on 2026-11-20 by Morgan Avery: 'Prefers texts after 5 pm.' "
        "5 contact attempts: 3 texts (2 reached), 2 calls (none reached); "
        "the latest on 2026-11-22. "
        "Open deal (Negotiation) for the 2027 Honda CR-V, trading in the 2015 Ford F-150, "
        "created 2026-10-01 from an ADF lead (Cars.com)."
    )


def test_one_of_each_is_said_in_the_singular():
    facts = InteractionFacts(
        note_count=1, latest_note=NoteFact(date(2026, 1, 5), None, "Called back."),
        attempts=_rates((EMAIL, REPLIED)),
    )
    assert summarize(facts) == (
        "1 note, on 2026-01-05: 'Called back.' "
        "1 contact attempt: 1 email (1 reached). No open deal."
    )


def test_a_long_note_is_quoted_short_on_one_line():
    long = NoteFact(date(2026, 1, 5), "Dana", "Line one.\n\nLine two " + "x" * 300)
    text = summarize(InteractionFacts(note_count=1, latest_note=long))
    quoted = text.split("'")[1]
    assert quoted.startswith("Line one. Line two x") and quoted.endswith("…")
    assert len(quoted) <= 120 and "\n" not in text


def test_a_deal_not_from_a_lead_names_its_source_and_may_lack_vehicles():
    deal = DealFact(DealStage.NEW, None, None, "Walk-in", False, date(2026, 2, 3))
    assert summarize(InteractionFacts(deal=deal)).endswith(
        "Open deal (New lead), created 2026-02-03 from Walk-in.")


def test_invites_sent_are_the_messages_listed_newest_first_up_to_three():
    invites = tuple(InviteFact(name, date(2026, 5, day), "Dana Whitfield" if day > 2 else None)
                    for name, day in (("Jo Lee", 4), ("Al Lee", 3), ("Bo Lee", 2), ("Cy Lee", 1)))
    text = summarize(InteractionFacts(invites=invites))
    assert text.endswith(
        "4 portal invites sent: to Jo Lee on 2026-05-04 by Dana Whitfield, "
        "to Al Lee on 2026-05-03 by Dana Whitfield, to Bo Lee on 2026-05-02 and 1 more."
    )


def test_contact_changes_tell_primary_moves_and_values_that_left():
    facts = InteractionFacts(
        primary_changes=(
            PrimaryChange(ContactKind.PHONE, "(312) 555-0100", "(312) 555-0101",
                          date(2026, 11, 1), by_default_rule=True),
            PrimaryChange(ContactKind.EMAIL, "ann@example.com", "ann@example.org",
                          date(2026, 10, 2), by_default_rule=False),
            PrimaryChange(ContactKind.EMAIL, "old@example.com", None, date(2026, 9, 2), True),
        ),
        deactivations=(
            StatusChange("(312) 555-0100", ContactStatus.INACTIVE, date(2026, 11, 1)),
            StatusChange("old@example.com", ContactStatus.INVALID, date(2026, 9, 2)),
        ),
    )
    assert summarize(facts).endswith(
        "Contact changes: the primary phone moved from (312) 555-0100 to (312) 555-0101 on "
        "2026-11-01 (by the default rule); the primary email moved from ann@example.com to "
        "ann@example.org on 2026-10-02 (chosen at the desk); the primary email moved from "
        "old@example.com to nothing (no active value left) on 2026-09-02 (by the default rule); "
        "(312) 555-0100 became inactive on 2026-11-01; old@example.com became invalid on "
        "2026-09-02."
    )


def test_many_contact_changes_are_counted_beyond_the_latest_three():
    moves = tuple(PrimaryChange(ContactKind.PHONE, f"old {n}", f"new {n}", date(2026, 1, n + 1),
                                True) for n in range(5))
    left = tuple(StatusChange(f"gone {n}", ContactStatus.INACTIVE, date(2026, 2, n + 1))
                 for n in range(4))
    text = summarize(InteractionFacts(primary_changes=moves, deactivations=left))
    assert "new 2" in text and "new 3" not in text
    assert "2 earlier primary changes" in text
    assert "gone 2" in text and "gone 3" not in text
    assert text.endswith("1 earlier deactivation.")


facts_strategy = st.builds(
    InteractionFacts,
    note_count=st.integers(0, 50),
    latest_note=st.none() | st.builds(NoteFact, st.dates(), st.none() | st.text(max_size=20),
                                      st.text(max_size=300)),
    attempts=st.lists(st.tuples(st.sampled_from(Channel), st.sampled_from(AttemptOutcome)),
                      max_size=20).map(lambda attempts: best_contact_method(attempts).rates),
    last_attempt_on=st.none() | st.dates(),
    deal=st.none() | st.builds(DealFact, st.sampled_from(DealStage), st.none() | st.text(),
                               st.none() | st.text(), st.text(max_size=30), st.booleans(),
                               st.dates()),
)


@given(facts_strategy)
def test_the_same_facts_always_give_the_same_text(facts):
    text = summarize(facts)
    assert text.strip()
    assert summarize(replace(facts)) == text, "an equal copy of the facts, the same words"
