"""The card's Reach Now section: may we call, text or email the customer now on the primary
values, for the customer's own business, with the marketing answer beside. Green with a
tick (yes), amber with a clock (quiet hours: from when, on the recipient's clock), red with
a cross (why not). Asked again at each minute and whenever the card's view changes, from
the view alone: nothing is read to draw it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton

from contact_desk.domain.enums import Channel
from contact_desk.domain.reach import ReachAnswer
from contact_desk.services.reach import CARD_CHANNELS, ChannelReach, primary_reach
from contact_desk.services.views import CardView, CustomerView, VehicleView
from contact_desk.ui.card.rows import line, text_label
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.card.sections import SectionBody
from contact_desk.ui.click_to_contact import WHO_RECEIVES
from contact_desk.ui.desk import Desk
from contact_desk.ui.plain_text import tooltip_text
from contact_desk.ui.text_colors import allowed_style, caution_style, note_style, problem_style

HEADS = {Channel.CALL: "Calls", Channel.TEXT: "Texts", Channel.EMAIL: "Emails"}
ALLOWED, LATER, REFUSED = "allowed", "later", "refused"
# The sign beside the colour: a line is read by its words and sign, never by colour alone.
SIGNS = {ALLOWED: "✓", LATER: "◷", REFUSED: "✕"}
STYLES = {ALLOWED: allowed_style, LATER: caution_style, REFUSED: problem_style}
OWN_BUSINESS = "the customer's own business (reminders, payments, scheduling)"


@dataclass(frozen=True)
class ReachLine:
    level: str  # ALLOWED, LATER or REFUSED
    text: str  # "◷ Texts from 8:00 AM (Illinois)"
    marketing: str  # "Marketing: no — no opt-in to marketing texts on record"
    tip: str  # the value and both reasons in full


def level_of(answer: ReachAnswer) -> str:
    return ALLOWED if answer.allowed else LATER if answer.later else REFUSED


def reach_line(reach: ChannelReach) -> ReachLine:
    head, own, marketing = HEADS[reach.channel], reach.transactional, reach.marketing
    level = level_of(own)
    text = f"{SIGNS[level]} {_said(head, own)}"
    if not marketing.allowed and not own.allowed and marketing.reason == own.reason:
        sells = "Marketing: no, for the same reason"
    else:
        sells = _said("Marketing", marketing)
    value = f"{reach.point.display}\n" if reach.point else ""
    tip = (f"{value}For {OWN_BUSINESS}: {own.reason}\n"
           f"For marketing: {marketing.reason}")
    return ReachLine(level, text, sells, tip)


def _said(head: str, answer: ReachAnswer) -> str:
    if answer.allowed:
        return f"{head}: yes, now"
    if answer.later:
        return f"{head} from {answer.opens} ({answer.opens_in})"
    return f"{head}: no — {_lowered(answer.reason)}"


def _lowered(reason: str) -> str:
    """"Opted out by..." reads on after a dash as "opted out by..."; "STOP" stays."""
    if len(reason) > 1 and reason[0].isupper() and reason[1].islower():
        return reason[0].lower() + reason[1:]
    return reason


class ReachBody(SectionBody):
    """One line a channel, its marketing phrase under it, and Who Receives…."""

    def __init__(self, section: CardSection, desk: Desk) -> None:
        super().__init__(section, desk)
        self.customer: CustomerView | None = None
        self.garage: tuple[VehicleView, ...] = ()
        self.lines: dict[Channel, tuple[QLabel, QLabel]] = {}
        self.shown: dict[Channel, ReachLine] = {}
        for channel in CARD_CHANNELS:
            name = f"reach{channel.label}"
            main, marketing = text_label("", name=name), text_label("", name=f"{name}Marketing")
            marketing.setContentsMargins(14, 0, 0, 0)  # under the words, past the sign
            self.rows.addWidget(main)
            self.rows.addWidget(marketing)
            self.lines[channel] = main, marketing
        self.who = QPushButton(WHO_RECEIVES, objectName="whoReceivesButton")
        self.who.setToolTip("Who a message sent now would reach, and who is left out and why "
                            "(Ctrl+Shift+R)")
        self.who.clicked.connect(self.who_receives)
        self.rows.addWidget(line(self.who))
        # At each minute: quiet hours end (or begin) while the customer stays open.
        self.timer = QTimer(self, singleShot=True, objectName="reachTimer")
        self.timer.timeout.connect(self.tick)

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        self.customer, self.garage = customer, card.garage
        self.tick()

    def tick(self) -> None:
        """Answer again at the desk's clock, and wait for the next minute."""
        if self.customer is None:
            return
        at = self.desk.clock()
        for reach in primary_reach(self.customer, at):
            self._show(reach.channel, reach_line(reach))
        self.timer.start(_until_next_minute(at))

    def _show(self, channel: Channel, said: ReachLine) -> None:
        main, marketing = self.lines[channel]
        if self.shown.get(channel) == said:
            return  # each minute, mostly: nothing to lay out again
        self.shown[channel] = said
        main.setText(said.text)
        marketing.setText(said.marketing)
        self._colour(channel)
        for label in (main, marketing):
            label.setToolTip(tooltip_text(said.tip))
            label.setAccessibleDescription(said.tip)

    def _colour(self, channel: Channel) -> None:
        main, marketing = self.lines[channel]
        main.setStyleSheet(STYLES[self.shown[channel].level]())
        marketing.setStyleSheet(note_style())

    def restyle(self) -> None:
        """The window turned dark or light: the lines take the colours that read on it (the
        card tells: a section's style sheet keeps palette changes from its children)."""
        for channel in self.shown:
            self._colour(channel)

    def who_receives(self) -> None:
        from contact_desk.ui.recipients_dialog import show_recipients

        if self.customer is not None:
            show_recipients(self, self.desk, self.customer.id, self.customer.full_name,
                            self.garage)


def _until_next_minute(at: datetime) -> int:
    """Milliseconds to just past the next minute on the clock (a little after, not before)."""
    whole = at.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return int((whole - at).total_seconds() * 1000) + 50
