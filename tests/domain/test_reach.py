"""The card's warnings when a customer would miss texts or emails."""

from __future__ import annotations

from datetime import date

from contact_desk.domain.enums import ContactKind
from contact_desk.domain.reach import ReachFacts, reach_warnings

PHONE = ContactKind.PHONE
EMAIL = ContactKind.EMAIL


def reachable(kind: ContactKind, shown: str) -> ReachFacts:
    return ReachFacts(
        kind=kind, any_active=True, no_active_since=None, primary_shown=shown, primary_blocked=False
    )


def test_a_customer_with_a_usable_primary_phone_and_email_gets_no_warning() -> None:
    facts = [reachable(PHONE, "(212) 555-0142"), reachable(EMAIL, "ann@example.com")]

    assert reach_warnings(facts) == []


def test_no_facts_no_warnings() -> None:
    assert reach_warnings([]) == []


def test_no_active_phone_since_a_date_warns_that_texts_will_not_arrive() -> None:
    facts = [
        ReachFacts(
            kind=PHONE,
            any_active=False,
            no_active_since=date(2026, 3, 1),
            primary_shown=None,
            primary_blocked=False,
        )
    ]

    assert reach_warnings(facts) == [
        "This customer will not receive texts: no active phone number since 2026-03-01."
    ]


def test_no_active_email_without_a_known_date_warns_without_one() -> None:
    facts = [
        ReachFacts(
            kind=EMAIL,
            any_active=False,
            no_active_since=None,
            primary_shown=None,
            primary_blocked=False,
        )
    ]

    assert reach_warnings(facts) == [
        "This customer will not receive emails: no active email address."
    ]


def test_with_nothing_active_only_the_missing_value_is_warned_about() -> None:
    # A stale primary or move is beside the point once nothing is active.
    facts = [
        ReachFacts(
            kind=PHONE,
            any_active=False,
            no_active_since=date(2026, 3, 1),
            primary_shown="(212) 555-0142",
            primary_blocked=True,
            primary_moved_from="(212) 555-0199",
            primary_moved_on=date(2026, 3, 1),
        )
    ]

    assert reach_warnings(facts) == [
        "This customer will not receive texts: no active phone number since 2026-03-01."
    ]


def test_a_do_not_text_primary_phone_is_warned_about() -> None:
    facts = [
        ReachFacts(
            kind=PHONE,
            any_active=True,
            no_active_since=None,
            primary_shown="(212) 555-0142",
            primary_blocked=True,
        )
    ]

    assert reach_warnings(facts) == [
        "The primary phone number (212) 555-0142 is marked do-not-text; "
        "this customer will not receive texts."
    ]


def test_an_opted_out_primary_email_is_warned_about() -> None:
    facts = [
        ReachFacts(
            kind=EMAIL,
            any_active=True,
            no_active_since=None,
            primary_shown="ann@example.com",
            primary_blocked=True,
        )
    ]

    assert reach_warnings(facts) == [
        "The primary email address ann@example.com opted out of marketing email; "
        "this customer will not receive marketing emails."
    ]


def test_a_primary_that_moved_says_from_what_to_what_and_when() -> None:
    facts = [
        ReachFacts(
            kind=PHONE,
            any_active=True,
            no_active_since=None,
            primary_shown="(646) 555-0188",
            primary_blocked=False,
            primary_moved_from="(212) 555-0142",
            primary_moved_on=date(2026, 2, 14),
        )
    ]

    assert reach_warnings(facts) == [
        "The primary phone number moved to (646) 555-0188 on 2026-02-14 because "
        "(212) 555-0142 became inactive."
    ]


def test_a_moved_email_primary_without_a_date_still_says_why() -> None:
    facts = [
        ReachFacts(
            kind=EMAIL,
            any_active=True,
            no_active_since=None,
            primary_shown="ann@work.example.com",
            primary_blocked=False,
            primary_moved_from="ann@example.com",
        )
    ]

    assert reach_warnings(facts) == [
        "The primary email address moved to ann@work.example.com because "
        "ann@example.com became inactive."
    ]


def test_a_blocked_primary_that_also_moved_gives_both_warnings_in_that_order() -> None:
    facts = [
        ReachFacts(
            kind=PHONE,
            any_active=True,
            no_active_since=None,
            primary_shown="(646) 555-0188",
            primary_blocked=True,
            primary_moved_from="(212) 555-0142",
            primary_moved_on=date(2026, 2, 14),
        )
    ]

    warnings = reach_warnings(facts)

    assert len(warnings) == 2
    assert "do-not-text" in warnings[0]
    assert warnings[1].startswith("The primary phone number moved to (646) 555-0188")


def test_warnings_for_phones_and_emails_come_in_the_order_of_the_facts() -> None:
    facts = [
        ReachFacts(
            kind=EMAIL,
            any_active=False,
            no_active_since=None,
            primary_shown=None,
            primary_blocked=False,
        ),
        ReachFacts(
            kind=PHONE,
            any_active=False,
            no_active_since=date(2025, 12, 31),
            primary_shown=None,
            primary_blocked=False,
        ),
    ]

    assert reach_warnings(facts) == [
        "This customer will not receive emails: no active email address.",
        "This customer will not receive texts: no active phone number since 2025-12-31.",
    ]
