"""The card's Reach Now lines: green with a tick (yes), amber with a clock (quiet hours: from
when, on the recipient's clock), red with a cross (why not), each with its marketing answer;
answered again at each minute (an amber line turns green at 8:00 with the customer left
open) and whenever the card's view changes, from the view alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QPalette

from contact_desk.domain.enums import Channel
from contact_desk.services.contact_info import ConsentChange, ContactInfoChanges
from contact_desk.ui.card.reach import ReachBody
from contact_desk.ui.text_colors import ALLOWED, CAUTION, PROBLEM, colour
from tests.consent import OUT, said
from tests.ui.test_main_window import open_customer
from tests.ui.test_precise_updates import statements

NEW_YORK = ZoneInfo("America/New_York")  # Ann's area code (Cy's is 415); no address on file
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=NEW_YORK)
LATE = datetime(2026, 3, 3, 21, 40, tzinfo=NEW_YORK)


def at(window, moment: datetime) -> None:
    window.desk.clock = lambda: moment


def reach(window) -> ReachBody:
    return window.contact_card.reach


def said_for(window, channel: Channel) -> tuple[str, str]:
    main, marketing = reach(window).lines[channel]
    return main.text(), marketing.text()


def ink(window, channel: Channel):
    label = reach(window).lines[channel][0]
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_at_noon_calls_texts_and_emails_are_green_with_the_marketing_answer(qtbot, window):
    at(window, NOON)
    open_customer(qtbot, window, "ann")
    assert said_for(window, Channel.CALL) == ("✓ Calls: yes, now", "Marketing: yes, now")
    assert said_for(window, Channel.TEXT) == (
        "✓ Texts: yes, now", "Marketing: no — no opt-in to marketing texts on record")
    assert said_for(window, Channel.EMAIL) == ("✓ Emails: yes, now", "Marketing: yes, now")
    assert ink(window, Channel.TEXT) == colour(ALLOWED)
    main = reach(window).lines[Channel.TEXT][0]
    assert main.toolTip().startswith("(212) 555-0142\nFor the customer's own business")
    assert main.accessibleDescription() == main.toolTip()


def test_late_at_night_calls_and_texts_are_amber_with_the_hour_in_the_recipient_s_words(
        qtbot, window):
    at(window, LATE)
    open_customer(qtbot, window, "ann")
    assert said_for(window, Channel.CALL) == ("◷ Calls from 8:00 AM (New York)",
                                              "Marketing from 8:00 AM (New York)")
    assert said_for(window, Channel.TEXT)[0] == "◷ Texts from 8:00 AM (New York)"
    assert said_for(window, Channel.EMAIL)[0] == "✓ Emails: yes, now", "email has no hours"
    assert ink(window, Channel.TEXT) == colour(CAUTION)
    assert "it is 9:40 PM in New York" in reach(window).lines[Channel.TEXT][0].toolTip()


def test_the_amber_line_turns_green_at_eight_with_the_customer_left_open(qtbot, window):
    at(window, datetime(2026, 3, 4, 7, 59, 30, tzinfo=NEW_YORK))
    open_customer(qtbot, window, "ann")
    timer = reach(window).timer
    assert said_for(window, Channel.TEXT)[0] == "◷ Texts from 8:00 AM (New York)"
    assert timer.isActive() and timer.interval() == 30_050, "due just past 8:00"
    at(window, datetime(2026, 3, 4, 8, 0, 0, 50_000, tzinfo=NEW_YORK))
    timer.timeout.emit()  # the minute came: no sleeping in a test
    assert said_for(window, Channel.TEXT)[0] == "✓ Texts: yes, now"
    assert ink(window, Channel.TEXT) == colour(ALLOWED)
    assert timer.isActive() and timer.interval() == 60_000


def test_answering_again_each_minute_reads_nothing(qtbot, window):
    at(window, LATE)
    open_customer(qtbot, window, "ann")
    with statements(window) as ran:
        reach(window).timer.timeout.emit()
    assert ran == []


def test_an_opt_out_is_red_with_its_reason_and_no_phone_says_so(qtbot, window):
    at(window, NOON)
    open_customer(qtbot, window, "cy")  # the primary phone is marked do-not-text
    text, marketing = said_for(window, Channel.TEXT)
    assert text.startswith("✕ Texts: no — opted out by the customer at the desk on ")
    assert text.endswith("(transactional texts)")
    assert marketing.startswith("Marketing: no — opted out by the customer at the desk on ")
    assert ink(window, Channel.TEXT) == colour(PROBLEM)
    assert said_for(window, Channel.CALL)[0] == "✓ Calls: yes, now"
    open_customer(qtbot, window, "bob")  # his only phone is inactive
    assert said_for(window, Channel.CALL) == ("✕ Calls: no — no active phone number",
                                              "Marketing: no, for the same reason")


def test_a_consent_saved_on_the_page_redraws_the_line_without_reading_the_card(
        qtbot, window):
    at(window, NOON)
    open_customer(qtbot, window, "ann")
    page = window.customer_page
    cell = page.view.phones[0]
    changes = ContactInfoChanges(consents=(ConsentChange(cell.id, said(Channel.TEXT, OUT)),))
    assert page._save(changes, "Record an opt-out")
    assert said_for(window, Channel.TEXT)[0].startswith("✕ Texts: no — opted out by ")
    assert said_for(window, Channel.CALL)[0] == "✓ Calls: yes, now"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_lines_read_on_the_card_in_light_and_dark_mode(qtbot, window, qapp, dark):
    from tests.ui.test_text_colors import DARK, DARK_BASE, LIGHT, LIGHT_BASE, contrast, painted

    with painted(qapp, DARK if dark else LIGHT, DARK_BASE if dark else LIGHT_BASE) as ground:
        at(window, datetime(2026, 3, 4, 1, 0, tzinfo=NEW_YORK))  # 10 PM at Cy's 415
        open_customer(qtbot, window, "cy")
        for channel, expected in ((Channel.CALL, CAUTION), (Channel.TEXT, PROBLEM),
                                  (Channel.EMAIL, ALLOWED)):
            shown = ink(window, channel)
            assert shown == colour(expected)
            for behind in ground:
                assert contrast(shown, behind) >= 4.5, (channel, shown.name(), behind.name())


def test_the_lines_take_the_dark_colours_when_the_window_turns_dark(qtbot, window, qapp):
    from tests.ui.test_text_colors import DARK, DARK_BASE, contrast, painted

    at(window, NOON)
    open_customer(qtbot, window, "cy")
    assert ink(window, Channel.TEXT) == colour(PROBLEM)
    with painted(qapp, DARK, DARK_BASE) as ground:
        shown = ink(window, Channel.TEXT)
        assert shown == colour(PROBLEM) and shown.name() == PROBLEM[1]
        assert all(contrast(shown, behind) >= 4.5 for behind in ground)
