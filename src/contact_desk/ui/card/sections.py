"""The card's sections about the customer and the desk: contact information, best contact
method, web insight and the interaction summary (the notes have a module of their own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWidget

from contact_desk.domain.enums import ContactKind
from contact_desk.services.views import CardView, CustomerView
from contact_desk.ui.card.dialogs import LogAttemptDialog
from contact_desk.ui.card.rows import clear, line, small_button, text_label
from contact_desk.ui.card.section import CardSection
from contact_desk.ui.desk import Desk
from contact_desk.ui.messages import show_error
from contact_desk.ui.models.columns import local_time

BEST_STYLE = "font-weight: bold;"
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


class ContactInfoBody(SectionBody):
    """Every method with a pencil, "Add" beside each method, and the birthday (read only)."""

    def __init__(self, section: CardSection, desk: Desk, edit: EditContact) -> None:
        super().__init__(section, desk)
        self._edit = edit

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        clear(self.rows)
        for kind, points in ((ContactKind.PHONE, customer.phones),
                             (ContactKind.EMAIL, customer.emails)):
            noun = "Phones" if kind is ContactKind.PHONE else "Emails"
            add = small_button("Add", f"cardAdd{kind.value}", f"Add a {kind.label.lower()}",
                               lambda kind=kind: self._edit(kind, None))
            self.rows.addWidget(line(text_label(noun, muted=True, wrap=False), add,
                                     stretch_after=0))
            for point in points:
                flags = " · primary" if point.is_primary else ""
                if point.status.label != "Active":
                    flags += f" · {point.status.label.lower()}"
                pencil = small_button("✎", f"editPoint_{point.id}", f"Edit {point.display}",
                                      lambda point=point: self._edit(None, point.id))
                self.rows.addWidget(line(text_label(f"{point.display}{flags}", wrap=False),
                                         pencil, stretch_after=0))
        born = card.birth_date.isoformat() if card.birth_date else "not on file"
        birthday = text_label(f"Birthday: {born}", name="cardBirthday")
        birthday.setToolTip("From the DMS; it is not edited here.")
        self.rows.addWidget(birthday)


class BestContactBody(SectionBody):
    """Success rate per channel as bars, the reason for the pick, and Log attempt."""

    def drawn_from(self, customer: CustomerView, card: CardView) -> object:
        return customer.id, card.best

    def show_card(self, customer: CustomerView, card: CardView) -> None:
        clear(self.rows)
        best = card.best
        for rate in best.rates:
            # The words above a thin bar: written on the bar, Fusion paints the part over
            # the filled chunk in another colour, so a word changed colour half way.
            mark = "Best: " if rate.channel is best.best else ""
            said = (f"{mark}{rate.channel.label}: {rate.successes} of {rate.attempts} "
                    f"({round(rate.rate * 100)}%)")
            label = text_label(said, name=f"rateLabel{rate.channel.label}", wrap=False)
            if mark:
                label.setStyleSheet(BEST_STYLE)
            bar = QProgressBar(objectName=f"rate{rate.channel.label}", maximum=100,
                               value=round(rate.rate * 100), textVisible=False,
                               maximumHeight=BAR_HEIGHT)
            bar.setAccessibleName(said)
            self.rows.addWidget(label)
            self.rows.addWidget(bar)
        self.rows.addWidget(text_label(best.reason,
                                       name="bestContactReason"))
        log = QPushButton("Log attempt…", objectName="logAttemptButton")
        log.clicked.connect(lambda: self._log(customer.id))
        self.rows.addWidget(line(log))

    def _log(self, customer_id: int) -> None:
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

