"""The card's sections about the customer and the desk: contact information, best contact
method, web insight and the interaction summary (the notes have a module of their own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.enums import Channel, ContactKind
from contact_desk.services.views import CardView, ContactPointView, CustomerView
from contact_desk.ui.badges import badge_label, show_badge
from contact_desk.ui.card.dialogs import LogAttemptDialog
from contact_desk.ui.card.rows import (
    ElidedLabel,
    ReusedRows,
    clear,
    line,
    small_button,
    text_label,
)
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.click_to_contact import PointContacts
from contact_desk.ui.consent_words import ConsentBadge, consent_badges
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import show_error
from contact_desk.ui.models.columns import local_time
from contact_desk.ui.plain_text import tooltip_text

BAR_HEIGHT = 8
EditContact = Callable[[ContactKind | None, int | None], None]


class SectionBody(QWidget):
    """Base of a section's content: ``changed`` asks the panel to load the card again."""

    changed = Signal()

    def __init__(self, section: CardSection, desk: Desk) -> None:
        super().__init__(section.body)
        self.section, self.desk = section, desk
        section.body_layout.addWidget(self)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        self._shown: object = None

    def refresh(self, customer: CustomerView, card: CardView) -> None:
        """Fill the section, unless what it is drawn from is what it shows already: a
        Primary click reloads the card, and fifty notes need not be laid out again."""
        drawn_from = self.drawn_from(customer, card)
        if drawn_from is not None and drawn_from == self._shown:
            return
        self._shown = drawn_from
        self.show_card(customer, card)

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        """The part of the customer and card this section shows; None: fill it every time."""
        return None

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        raise NotImplementedError

    def _fail(self, title: str, error: Exception) -> None:
        show_error(self, title, error)


class PointRow(QWidget):
    """A phone or an email on the card, with its click-to-contact buttons and its pencil,
    and its consent at a glance below it (the badges of the customer page's tables, the
    deciding record as each one's tip)."""

    def __init__(self, edit: Callable[[int], None],
                 contacts: PointContacts | None = None) -> None:
        super().__init__()
        self.point_id: int | None = None
        self.label = ElidedLabel()  # a long email gives way to its buttons, not the card
        self.pencil = small_button("✎", "", "", lambda: edit(self.point_id))
        self.contacts = contacts
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.label, 1)
        if contacts is not None:
            top.addWidget(contacts)
            contacts.attach(self)
        top.addWidget(self.pencil)
        self.badges: list[QLabel] = []  # made when more are needed, then kept
        self.badge_line = QWidget()
        self._badge_layout = QHBoxLayout(self.badge_line)
        self._badge_layout.setContentsMargins(0, 0, 0, 2)
        self._badge_layout.setSpacing(4)
        self._badge_layout.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.badge_line)

    def show_point(self, point: ContactPointView) -> None:
        flags = " · primary" if point.is_primary else ""
        if point.status.label != "Active":
            flags += f" · {point.status.label.lower()}"
        self.point_id = point.id
        self.label.setText(f"{point.display}{flags}")
        self.pencil.setObjectName(f"editPoint_{point.id}")
        self.pencil.setToolTip(tooltip_text(f"Edit {point.display}"))
        self.pencil.setAccessibleName(f"Edit {point.display}")
        self._show_badges(point.id, consent_badges(point.kind, point.consent))
        if self.contacts is not None:
            self.contacts.show_point(point)

    def blank(self) -> None:
        self.point_id = None
        self.pencil.setObjectName("")
        self._show_badges(None, [])
        if self.contacts is not None:
            self.contacts.blank()

    def _show_badges(self, point_id: int | None, badges: list[ConsentBadge]) -> None:
        while len(self.badges) < len(badges):
            self.badges.append(badge_label(badges[len(self.badges)]))
            self._badge_layout.insertWidget(len(self.badges) - 1, self.badges[-1])
        for number, (label, badge) in enumerate(zip(self.badges, badges)):
            show_badge(label, badge)
            label.setObjectName(f"consentBadge_{point_id}_{number}")
            label.show()
        for label in self.badges[len(badges):]:
            label.setObjectName("")
            label.hide()
        self.badge_line.setVisible(bool(badges))


class ContactInfoBody(SectionBody):
    """Every method with a pencil, "Add" beside each method, and the birthday (read only);
    ``whoReceives`` is asked from a value's context menu."""

    whoReceives = Signal()

    def __init__(self, section: CardSection, desk: Desk, edit: EditContact) -> None:
        super().__init__(section, desk)
        self.points: dict[ContactKind, ReusedRows[PointRow]] = {}
        for kind in (ContactKind.PHONE, ContactKind.EMAIL):
            noun = "Phones" if kind is ContactKind.PHONE else "Emails"
            add = small_button("Add", f"cardAdd{kind.value}", f"Add a {kind.label.lower()}",
                               lambda kind=kind: edit(kind, None))
            self.rows.addWidget(line(text_label(noun, muted=True, wrap=False), add,
                                     stretch_after=0))
            self.points[kind] = ReusedRows(lambda: PointRow(
                lambda id_: edit(None, id_), PointContacts(desk, self.whoReceives.emit)))
            self.rows.addWidget(self.points[kind].holder)
        self.birthday = text_label("", name="cardBirthday")
        self.birthday.setToolTip("From the DMS; it is not edited here.")
        self.rows.addWidget(self.birthday)

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.phones, customer.emails, card.birth_date

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        for kind, points in ((ContactKind.PHONE, customer.phones),
                             (ContactKind.EMAIL, customer.emails)):
            self.points[kind].show(points, PointRow.show_point, PointRow.blank)
        born = card.birth_date.isoformat() if card.birth_date else "not on file"
        self.birthday.setText(f"Birthday: {born}")


class BestContactBody(SectionBody):
    """Success rate per channel as bars, the reason for the pick, and Log attempt."""

    def __init__(self, section: CardSection, desk: Desk) -> None:
        super().__init__(section, desk)
        self.rates = QVBoxLayout()
        self.rates.setSpacing(4)
        self.rows.addLayout(self.rates)
        self.shown: dict[Channel, tuple[QLabel, QProgressBar]] = {}  # made once a channel
        self.reason = text_label("", name="bestContactReason")
        self.rows.addWidget(self.reason)
        log = QPushButton("Log attempt…", objectName="logAttemptButton")
        log.clicked.connect(lambda: self._log(self.customer_id))
        self.rows.addWidget(line(log))
        self.customer_id: int | None = None

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.best

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        self.customer_id = customer.id
        best = card.best
        for rate in best.rates:
            # The words above a thin bar: written on the bar, Fusion paints the part over
            # the filled chunk in another colour, so a word changed colour half way.
            mark = "Best: " if rate.channel is best.best else ""
            said = (f"{mark}{rate.channel.label}: {rate.successes} of {rate.attempts} "
                    f"({round(rate.rate * 100)}%)")
            label, bar = self.shown.get(rate.channel) or self._rate(rate.channel)
            label.setText(said)
            bold = label.font()
            bold.setBold(bool(mark))
            label.setFont(bold)
            bar.setUpdatesEnabled(False)  # else setValue repaints it at once, mid-layout
            bar.setValue(round(rate.rate * 100))
            bar.setUpdatesEnabled(True)
            bar.setAccessibleName(said)
        self.reason.setText(best.reason)

    def _rate(self, channel: Channel) -> tuple[QLabel, QProgressBar]:
        label = text_label("", name=f"rateLabel{channel.label}", wrap=False)
        bar = QProgressBar(objectName=f"rate{channel.label}", maximum=100, textVisible=False,
                           maximumHeight=BAR_HEIGHT)
        self.rates.addWidget(label)
        self.rates.addWidget(bar)
        self.shown[channel] = label, bar
        return label, bar

    def _log(self, customer_id: int | None) -> None:
        if customer_id is None:
            return
        dialog = LogAttemptDialog(
            lambda channel, outcome: self.desk.log_attempt(customer_id, channel, outcome), self)
        if dialog.exec():
            self.changed.emit()


class InsightBody(SectionBody):
    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.insight

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        clear(self.rows)
        insight = card.insight
        if insight is None:
            self.rows.addWidget(text_label("No web activity for this customer yet.",
                                           name="insightEmpty", muted=True))
            return
        minutes = int(insight.total_browsing.total_seconds() // 60)
        for label, value in (("Last on-site visit", local_time(insight.last_visit)),
                             ("Last page viewed", insight.last_page),
                             ("Total browsing time", f"{minutes // 60} h {minutes % 60} min"
                              if minutes >= 60 else f"{minutes} min")):
            self.rows.addWidget(line(text_label(f"{label}:", muted=True, wrap=False),
                                     text_label(value)))


class SummaryBody(SectionBody):
    def __init__(self, section: CardSection, desk: Desk) -> None:
        super().__init__(section, desk)
        self.text = text_label("", name="summaryText")
        self.when = text_label("", name="summaryGeneratedAt", muted=True)
        self.regenerate = QPushButton("Regenerate", objectName="regenerateSummaryButton")
        self.regenerate.setToolTip("Write the summary again from everything on file "
                                   "(made here, nothing is sent anywhere)")
        for widget in (self.text, self.when, line(self.regenerate)):
            self.rows.addWidget(widget)
        self.customer_id: int | None = None
        self.regenerate.clicked.connect(self._regenerate)

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.summary

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        self.customer_id = customer.id
        if card.summary is None:
            self.text.setText("No summary yet: press Regenerate to write one.")
            self.when.setText("")
        else:
            self.text.setText(card.summary.text)
            self.when.setText(f"Generated {local_time(card.summary.generated_at)}")

    def _regenerate(self) -> None:
        if self.customer_id is None:
            return
        try:
            self.desk.regenerate_summary(self.customer_id)
        except Exception as error:
            self._fail("Interaction Summary", error)
            return
        self.changed.emit()

