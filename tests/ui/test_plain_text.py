"""Text from outside is shown as it is, never as HTML: a name, a note or a lead's source that
holds markup reads literally everywhere the window and its dialogs show it, in labels,
tooltips, table cells, buttons and message boxes, and nothing grows to a banner."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction, QFontMetrics, Qt  # QtGui's Qt also has mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QWidget,
)
from sqlalchemy import select

from contact_desk.app import create_main_window
from contact_desk.domain.actor import Actor
from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose
from contact_desk.domain.enums import (
    AssignmentRole,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    DealStage,
    DealVehicleKind,
    InvoiceStatus,
    Permission,
    ProgramState,
)
from contact_desk.domain.program import ProgramRole, bill_to_address
from contact_desk.services import activity, consent, deals, garage, summary, users
from contact_desk.services.contact_info import set_consent
from contact_desk.services.sign_in import DeskUser
from contact_desk.domain.errors import PermissionDenied
from contact_desk.services.additional_contacts import add_contact
from contact_desk.services.customers import create_customer, get_customer, update_customer_details
from contact_desk.store.activity import WebActivity
from contact_desk.store.customer import Customer
from contact_desk.store.people import ContactPerson
from contact_desk.store.program import Invoice, Program
from contact_desk.store.sales import Deal
from contact_desk.sync.adf import import_adf
from contact_desk.ui.card.suppressions import SuppressDialog
from contact_desk.ui.consent_dialog import ConsentDialog
from contact_desk.ui.contact_dialog import ContactDialog
from contact_desk.ui.edit_contact_info import EditContactInfoDialog
from contact_desk.ui.interop import ResultDialog
from contact_desk.ui.mail_settings import MailSettingsDialog
from contact_desk.ui.program_contact_dialogs import ReplaceContactDialog, UpdateContactDialog
from contact_desk.ui.program_customer_dialogs import ReplaceCustomerDialog, UpdateCustomerDialog
from contact_desk.ui.user_picker import UserPickerDialog
from contact_desk.services.forms import ConsentForm, ContactForm, CustomerForm
from tests.ui.conftest import _points
from tests.ui.modal import when_open
from tests.conftest import first_manager

BANNER = '<span style="font-size:60px;color:red">URGENT: call 900-555-0000</span><!--'
# Each field gets markup of its own, so a failure names the field that leaked.
LAST = "<b>Lee</b>"
COMPANY = "<h1>Acme</h1> & Sons"
STREET = "<h1>12 Oak St</h1>"
CITY = "<i>Springfield</i>"
CONTACT_FIRST, CONTACT_LAST = "<u>Mel</u> & Co", '<span style="font-size:60px">Lee</span>'
ROLE_DESCRIPTION = "<h1>Fleet</h1> boss"
NOTE = BANNER + "\n<h1>Second line</h1>"
SOURCE = "<h1>Cars.com</h1>"
MAKE, MODEL = "<b>Honda</b>", "<i>Civic</i> R&D"
PROGRAM_DESCRIPTION = "<h1>Lease</h1> & more"
PAGE = "/<h1>inventory</h1>"
USER = '<span style="font-size:60px">Dana</span> Whitfield'
RAW_MARKUP = ("<span", "<h1>", "<b>", "<i>", "<u>")  # in any case: "<B>STOP</B> reply"
REPLY = "<i>stop</i> texting me"  # a STOP reply whose message holds markup
CONSENT_NOTE = "<b>x</b>"
VIN = "1HGCM82633A004352"
LEAD = f"""<?xml version="1.0" encoding="UTF-8"?>
<adf><prospect status="new">
  <requestdate>2026-11-20T10:15:00-05:00</requestdate>
  <vehicle interest="buy" status="new"><year>2026</year>
    <make>{escape(MAKE)}</make><model>{escape("<i>CR-V</i>")}</model></vehicle>
  <customer><contact primarycontact="1">
    <name part="first">{escape(BANNER)}</name>
    <name part="last">{escape("<b>Ray</b>")}</name>
    <email>ray@example.com</email>
  </contact></customer>
  <provider><name part="full">{escape(SOURCE)}</name></provider>
</prospect></adf>
"""


@dataclass(frozen=True)
class Marked:
    customer: int
    lead_customer: int
    program: int
    dana: Actor  # the desk user, whose name holds markup


def interprets(text_format: Qt.TextFormat, text: str) -> bool:
    """Whether Qt reads ``text`` as HTML in a widget with this format (as QLabel, QMessageBox
    and QToolTip decide)."""
    return text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))


def leaks(text_format: Qt.TextFormat, text: str) -> bool:
    """Stored markup that would be drawn as markup, not read as the characters it is."""
    return interprets(text_format, text) and any(mark in text.lower() for mark in RAW_MARKUP)


def cells(root: QWidget, role: Qt.ItemDataRole) -> Iterator[tuple[str, str]]:
    """(view's name, text) of every cell's ``role`` in the item views under ``root``."""
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView):  # a header shows its own words
            continue
        # A list has one column (its model keeps columnCount to itself).
        columns = 1 if isinstance(view, QListView) else model.columnCount(QModelIndex())
        for row in range(model.rowCount(QModelIndex())):
            for column in range(columns):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    yield view.objectName(), value


def markup_drawn_in(root: QWidget) -> list[str]:
    """Every place under ``root`` where stored markup would be rendered as HTML: labels,
    tooltips of widgets and actions, and the tooltips of every item view's cells."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for label in (w for w in widgets if isinstance(w, QLabel)):
        if leaks(label.textFormat(), label.text()):
            found.append(f"label {label.objectName() or '?'}: {label.text()!r}")
    for widget in widgets:
        if leaks(Qt.TextFormat.AutoText, widget.toolTip()):
            found.append(f"tooltip of {widget.objectName() or type(widget).__name__}: "
                         f"{widget.toolTip()!r}")
    for action in root.findChildren(QAction):
        if leaks(Qt.TextFormat.AutoText, action.toolTip()):
            found.append(f"tooltip of action {action.objectName()}: {action.toolTip()!r}")
    for view, tip in cells(root, Qt.ItemDataRole.ToolTipRole):
        if leaks(Qt.TextFormat.AutoText, tip):
            found.append(f"cell tooltip in {view}: {tip!r}")
    return found


def shown_on_button(text: str) -> str:
    """What a button draws of its text: "&&" is an ampersand, "&x" underlines x."""
    shown, rest = [], text
    while rest:
        if rest.startswith("&&"):
            shown.append("&")
            rest = rest[2:]
        elif rest.startswith("&"):
            rest = rest[1:]
        else:
            shown.append(rest[0])
            rest = rest[1:]
    return "".join(shown)


def cell_texts(root: QWidget) -> set[str]:
    return {text for _, text in cells(root, Qt.ItemDataRole.DisplayRole)}


@pytest.fixture
def marked(database, manager, customers, tmp_path) -> Marked:
    """A customer whose every stored field holds markup, made through the services, and a
    lead whose name, vehicle and source hold markup, imported from an ADF file."""
    customer = create_customer(database.unit_of_work(), manager, first_name=BANNER,
                               last_name=LAST, company=COMPANY, customer_number="C9")
    update_customer_details(
        database.unit_of_work(),
        manager,
        customer,
        CustomerForm(
            first_name=BANNER,
            last_name=LAST,
            company=COMPANY,
            address_line1=STREET,
            city=CITY,
            state="IL",
            postal_code="62701",
        ),
    )
    _points(
        database,
        manager,
        customer,
        (ContactPointType.DMS_CELL, "(212) 555-0101", ContactStatus.ACTIVE),
        (ContactPointType.DMS_EMAIL, "tom&jerry@example.com", ContactStatus.ACTIVE),
    )
    with database.unit_of_work() as uow:  # as a reply import records it
        consent.add_records(uow.session, manager, ContactKind.PHONE, "+12125550101",
                            ConsentForm(channel=Channel.TEXT, purposes=tuple(Purpose),
                                        state=ConsentState.OPTED_OUT,
                                        how=ConsentHow.TEXT_REPLY, note=REPLY))
        uow.commit()
    set_consent(database.unit_of_work(), manager,
                get_customer(database.unit_of_work(), customer).emails[0].id,
                ConsentForm(channel=Channel.EMAIL, purposes=(Purpose.MARKETING,),
                            state=ConsentState.OPTED_OUT, how=ConsentHow.DESK,
                            note=CONSENT_NOTE))
    link = add_contact(
        database.unit_of_work(),
        manager,
        customer,
        ContactForm(
            first_name=CONTACT_FIRST,
            last_name=CONTACT_LAST,
            role=ContactRole.OTHER,
            role_description=ROLE_DESCRIPTION,
            email="mel@example.com",
            portal_access=True,
            preferences={CommunicationPreference.INVOICES},
        ),
    ).account_contact_id
    dana_id = users.create_user(database.unit_of_work(), manager, "dana", USER, list(Permission))
    dana = users.actor_for(database.unit_of_work(), "dana")
    users.assign_user(database.unit_of_work(), manager, customer, AssignmentRole.SALES, dana_id)
    activity.add_note(database.unit_of_work(), dana, customer, NOTE)
    garage.add_vehicle(database.unit_of_work(), manager, customer, VIN, 2020, MAKE, MODEL)
    with database.unit_of_work() as uow:
        deal = Deal(
            customer_id=customer,
            stage=DealStage.CONTACTED,
            source=SOURCE,
            source_locked=False,
            created_at=datetime(2026, 11, 1, tzinfo=UTC),
        )
        uow.session.add(deal)
        uow.session.add(
            WebActivity(
                customer_id=customer,
                last_page=PAGE,
                seconds=900,
                visited_at=datetime(2026, 11, 20, 18, 0, tzinfo=UTC),
            )
        )
        uow.commit()
        deal_id = deal.id
    deals.add_deal_vehicle(
        database.unit_of_work(),
        manager,
        deal_id,
        DealVehicleKind.INTERESTED,
        None,
        2026,
        MAKE,
        MODEL,
    )
    summary.regenerate_summary(database.unit_of_work(), manager, customer)
    with database.sessions() as session:
        person = session.scalars(
            select(ContactPerson.id).where(ContactPerson.links.any(id=link))
        ).one()
        row = session.get(Customer, customer)
        program = Program(
            number="FP1",
            description=PROGRAM_DESCRIPTION,
            state=ProgramState.QUOTE,
            customer_id=customer,
            contact_person_id=person,
            financed_amount=Decimal("20000.00"),
        )
        program.invoices = [
            Invoice(
                number="INV-1",
                customer_id=customer,
                amount=Decimal("450.00"),
                due_date=date(2026, 12, 1),
                status=InvoiceStatus.OPEN,
                bill_to_name=row.full_name,
                bill_to_address=bill_to_address(
                    row.address_line1, row.city, row.state, row.postal_code
                ),
            )
        ]
        session.add(program)
        session.commit()
        program_id = program.id
    lead = tmp_path / "lead.xml"
    lead.write_text(LEAD, encoding="utf-8")
    report = import_adf(database, manager, lead)
    return Marked(customer, report.customer_id, program_id, dana)


@pytest.fixture
def marked_window(qtbot, database_url, marked):
    main = create_main_window(database_url, actor=marked.dana)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.results.rowCount() == 5)
    main.open_customer(marked.customer)
    return main


def test_the_header_reads_a_markup_name_literally_in_one_normal_line(marked_window):
    name = marked_window.customer_page.form.customerName
    shot = Path("/tmp/plain_text_header.png")  # to look at: it reads "<span style=..."
    assert marked_window.customer_page.form.customerHeader.grab().save(str(shot))
    assert name.text().startswith(BANNER)
    assert name.textFormat() == Qt.TextFormat.PlainText
    one_line = QFontMetrics(name.font()).height()
    assert name.sizeHint().height() <= one_line + 4  # not 60 px of red banner


def test_no_stored_markup_is_drawn_as_html_anywhere_in_the_window(qtbot, marked_window):
    window = marked_window
    assert markup_drawn_in(window) == []
    cells = cell_texts(window)
    # The markup reached every table as text: the search list, phones and emails, the
    # people on the account, the program's invoices and the card's notes.
    for shown in (
        f"{BANNER} {LAST}",
        "tom&jerry@example.com",
        ROLE_DESCRIPTION,
        f"{CONTACT_FIRST} {CONTACT_LAST}",
        f"{STREET}, {CITY}, IL 62701",
        NOTE,
    ):
        assert any(shown in cell for cell in cells), shown
    labels = {label.text() for label in window.findChildren(QLabel)}
    for shown in (PAGE, f"2020 {MAKE} {MODEL}", PROGRAM_DESCRIPTION, SOURCE):
        assert any(shown in text for text in labels), shown
    assert BANNER in window.windowTitle()
    assert USER in window.statusBar().currentMessage()
    vehicle = next(
        b
        for b in window.contact_card.findChildren(QAbstractButton)
        if b.objectName().startswith("vehicle_")
    )
    assert shown_on_button(vehicle.text()) == f"2020 {MAKE} {MODEL}"  # R&D keeps its "&"


def test_the_lead_customer_reads_literally_too(qtbot, marked_window, marked):
    marked_window.open_customer(marked.lead_customer)
    assert markup_drawn_in(marked_window) == []
    assert marked_window.customer_page.form.customerName.text().startswith(BANNER)


def test_a_search_that_finds_nothing_says_the_typed_markup_as_it_is(qtbot, marked_window):
    marked_window.search_box.setText("<h1>nobody</h1>")
    status = marked_window.search_status
    qtbot.waitUntil(lambda: "nobody" in status.text())
    assert not leaks(status.textFormat(), status.text())


def test_the_search_list_shows_the_names_as_they_are(qtbot, marked_window):
    marked_window.search_box.setText("C9")
    qtbot.waitUntil(
        lambda: marked_window.results.rowCount() == 1 and not marked_window.results.loading
    )
    hit = marked_window.results.hit(0)
    assert hit.name == f"{BANNER} {LAST}" and COMPANY in cell_texts(marked_window)


def test_the_import_result_reads_the_lead_name_literally(qtbot, marked_window, tmp_path):
    again = tmp_path / "again.xml"
    again.write_text(
        LEAD.replace("ray@example.com", "ray2@example.com").replace("10:15", "11:15"),
        encoding="utf-8",
    )
    seen = []

    def look(dialog: ResultDialog) -> None:
        seen.append((markup_drawn_in(dialog), dialog.summary.text()))
        dialog.accept()

    when_open(ResultDialog, look)
    marked_window.interop.import_adf(str(again))
    [(problems, said)] = seen
    assert problems == [] and "<b>Ray</b>" in said


def _message_box_text(box: QMessageBox, seen: list, press: str) -> None:
    seen.append((box.textFormat(), box.text()))
    next(b for b in box.buttons() if shown_on_button(b.text()) == press).click()


def test_removing_a_contact_asks_with_the_name_as_it_is(qtbot, marked_window):
    seen: list = []
    when_open(QMessageBox, lambda box: _message_box_text(box, seen, "Cancel"))
    from tests.ui.test_contacts import click

    click(qtbot, marked_window.customer_page, 0, "deleteContactButton")
    [(text_format, text)] = seen
    assert CONTACT_LAST in text and not leaks(text_format, text)


def test_removing_a_vehicle_asks_with_its_make_and_model_as_they_are(qtbot, marked_window):
    from tests.ui.test_card_sections import _choose_from_menu

    seen: list = []
    when_open(QMessageBox, lambda box: _message_box_text(box, seen, "Cancel"))
    _choose_from_menu("Remove…")
    vehicle = next(
        b
        for b in marked_window.contact_card.findChildren(QAbstractButton)
        if b.objectName().startswith("vehicle_")
    )
    qtbot.mouseClick(vehicle, Qt.MouseButton.LeftButton)
    [(text_format, text)] = seen
    assert MAKE in text and not leaks(text_format, text)


def test_a_suppression_reads_its_typed_reason_and_the_vehicle_as_they_are(qtbot,
                                                                         marked_window):
    """Typed into Suppress a message…, "<b>x</b>" is what the card, the tooltips, the Lift
    question and the Edit menu show: never bold."""
    card = marked_window.contact_card
    seen: list = []

    def hostile(dialog: SuppressDialog) -> None:
        dialog.form.reasonEdit.setText("<b>x</b>")
        dialog.form.vehicleCombo.setCurrentIndex(1)  # the garage's vehicle, markup and all
        seen.append((markup_drawn_in(dialog), dialog.form.vehicleCombo.currentText(),
                     dialog.windowTitle()))
        dialog.save()

    when_open(SuppressDialog, hostile)
    card.suppressions.suppress()
    [(problems, vehicle, title)] = seen
    assert problems == [] and vehicle == f"2020 {MAKE} {MODEL} · {VIN}" and BANNER in title
    [row] = [row for row in card.suppressions.listed.rows if not row.isHidden()]
    said = f"Text reminder suppressed for 2020 {MAKE} {MODEL}: <b>x</b>"
    assert row.label.text() == said and markup_drawn_in(card) == []
    from PySide6.QtGui import QTextDocument

    tooltip = QTextDocument()
    tooltip.setHtml(row.label.toolTip())
    assert f"Suppressed by {USER} on " in tooltip.toPlainText()  # her name as it is
    assert shown_on_button(marked_window.undo_action.text()) == \
        f"Undo Suppress Text reminder for 2020 {MAKE} {MODEL}"
    asked: list = []
    when_open(QMessageBox, lambda box: _message_box_text(box, asked, "Cancel"))
    qtbot.mouseClick(row.lift, Qt.MouseButton.LeftButton)
    [(text_format, text)] = asked
    assert said in text and not leaks(text_format, text)


def _walk_dialog(kind: type, seen: list, act=lambda dialog: None) -> None:
    """Once ``kind`` is open: ``act`` on it, note where markup is drawn and the title, close."""

    def look(dialog) -> None:
        act(dialog)
        seen.append((markup_drawn_in(dialog), dialog.windowTitle()))
        dialog.done(0)

    when_open(kind, look)


def test_the_contact_dialogs_read_the_names_and_the_typed_text_literally(qtbot, marked_window):
    page = marked_window.customer_page
    seen: list = []
    _walk_dialog(ContactDialog, seen)
    page.contacts.edit(0)

    def type_a_bad_phone(dialog: EditContactInfoDialog) -> None:
        row = dialog.add_row(ContactKind.PHONE)
        qtbot.keyClicks(row.form.valueEdit, "<b>12</b>")  # the problem quotes what was typed
        assert "<b>12</b>" in row.form.problemLabel.text()

    _walk_dialog(EditContactInfoDialog, seen, type_a_bad_phone)
    page.edit_contact_info()
    [(contact_problems, contact_title), (info_problems, info_title)] = seen
    assert contact_problems == [] and CONTACT_LAST in contact_title
    assert info_problems == [] and BANNER in info_title


def test_the_consent_dialogs_read_the_values_and_the_evidence_literally(qtbot, marked_window):
    """A STOP reply's message and a clerk's note hold markup: the consent line's tooltip in
    Edit Contact Info and the consent dialog of each value show them as they are."""
    page = marked_window.customer_page
    seen: list = []
    shown: list[set[str]] = []

    def open_consent(dialog: EditContactInfoDialog) -> None:
        for kind in (ContactKind.PHONE, ContactKind.EMAIL):
            _walk_dialog(ConsentDialog, seen, lambda consent: shown.append(
                {label.text() for label in consent.findChildren(QLabel)}))
            dialog.rows_of(kind)[0].form.consentButton.click()

    _walk_dialog(EditContactInfoDialog, seen, open_consent)
    page.edit_contact_info()
    [(phone_problems, _), (email_problems, email_title), (edit_problems, _)] = seen
    assert phone_problems == email_problems == edit_problems == []
    assert email_title == "Consent — tom&jerry@example.com"
    phone_labels, email_labels = shown
    # The keyword is read as the reply table reads it; the message itself is shown as sent.
    assert any("by a text reply" in text and REPLY in text for text in phone_labels)
    assert any(f"“{CONSENT_NOTE}”" in text for text in email_labels)


def test_an_email_of_another_contact_names_them_as_they_are(qtbot, marked_window):
    """The refusal and the way out both say the name: in a label and on a button."""
    seen = []

    def give_mels_email(dialog: ContactDialog) -> None:
        form = dialog.form
        for edit, text in (
            (form.firstNameEdit, "Ann"),
            (form.lastNameEdit, "Other"),
            (form.emailEdit, "mel@example.com"),
        ):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.append(
            (
                markup_drawn_in(dialog),
                form.saveError.text(),
                shown_on_button(form.useExistingButton.text()),
            )
        )
        dialog.done(0)

    when_open(ContactDialog, give_mels_email)
    marked_window.customer_page.contacts.add()
    [(problems, refusal, button)] = seen
    assert CONTACT_LAST in refusal and problems == []
    assert f"{CONTACT_FIRST} {CONTACT_LAST}" in button  # the "&" of "Mel & Co" is kept


def test_the_reasons_a_user_may_not_act_say_their_name_as_text(
    qtbot, database, database_url, marked
):
    """A reason names the user ("... does not have the permission"): in a tooltip too."""
    users.create_user(
        database.unit_of_work(), first_manager(database), "vic", USER.replace("Dana", "Vic"), []
    )
    vic = users.actor_for(database.unit_of_work(), "vic")
    main = create_main_window(database_url, actor=vic)
    qtbot.addWidget(main)
    main.show()
    main.open_customer(marked.customer)
    reasons = [
        w.toolTip()
        for w in main.contact_card.findChildren(QWidget)
        if "does not have the permission" in w.toolTip()
    ]
    assert reasons and markup_drawn_in(main) == []


@pytest.mark.parametrize(
    "role, action, kind",
    [
        (ProgramRole.CUSTOMER, "update_details", UpdateCustomerDialog),
        (ProgramRole.CUSTOMER, "replace", ReplaceCustomerDialog),
        (ProgramRole.CONTACT, "update_details", UpdateContactDialog),
        (ProgramRole.CONTACT, "replace", ReplaceContactDialog),
    ],
)
def test_the_program_dialogs_read_the_names_literally(
    qtbot, marked_window, marked, role, action, kind
):
    seen: list = []
    _walk_dialog(kind, seen)
    section = marked_window.customer_page.programs
    menu = section.frame(marked.program).menu_of(role)
    next(a for a in menu.actions() if a.objectName() == f"{action}_{role}").trigger()
    [(problems, _)] = seen
    assert problems == []


def test_the_mail_settings_error_is_plain_text(qtbot, marked_window):
    dialog = MailSettingsDialog(marked_window.desk, marked_window)
    qtbot.addWidget(dialog)
    dialog.form.hostEdit.setText("mail.example.com")
    dialog.form.fromAddressEdit.setText("<b>desk</b>")  # the refusal quotes it
    dialog.save()
    error = dialog.form.saveError
    assert "'<b>desk</b>' is not a valid email address" in error.text()
    assert not leaks(error.textFormat(), error.text())


def test_every_label_of_every_form_is_plain_text():
    """The Designer forms: a label filled from the store must never be read as HTML, and a
    caption gains nothing from it either."""
    from contact_desk.ui.forms.compile import forms
    import xml.etree.ElementTree as ET

    rich = []
    for form in forms():
        for widget in ET.parse(form).iter("widget"):
            if widget.get("class") != "QLabel":
                continue
            formats = [
                p.findtext("enum")
                for p in widget.findall("property")
                if p.get("name") == "textFormat"
            ]
            if formats != ["Qt::TextFormat::PlainText"]:
                rich.append(f"{form.name}: {widget.get('name')}")
    assert rich == []


def test_the_user_picker_lists_the_names_as_they_are(qtbot, settings_in_tmp, marked):
    from PySide6.QtCore import QSettings

    def refuse(_login: str, _pin: str | None) -> None:
        raise PermissionDenied(f"{USER} may do more than a clerk and has no PIN yet.")

    dana = DeskUser(marked.dana, "dana", pin_asked=True, has_pin=False)
    picker = UserPickerDialog([dana], QSettings(), refuse)
    qtbot.addWidget(picker)
    picker.accept()  # the refusal names the user too
    assert markup_drawn_in(picker) == []
    assert picker.list.item(0).text().startswith(USER)


def test_a_tooltip_with_markup_is_escaped_and_kept_whole():
    from contact_desk.ui.plain_text import tooltip_text

    shown = tooltip_text(f"Edit {BANNER}\n  second  line")
    assert not leaks(Qt.TextFormat.AutoText, shown)
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(shown)
    assert document.toPlainText() == f"Edit {BANNER}\n  second  line"
    assert tooltip_text("Edit Ann Lee") == "Edit Ann Lee"  # plain text stays as it is
