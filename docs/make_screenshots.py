"""Redraw the README's screenshots from the real window on demo data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QRect  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from contact_desk.app import create_main_window  # noqa: E402
from contact_desk.domain.consent import ConsentHow, ConsentState, Purpose  # noqa: E402
from contact_desk.domain.enums import Channel, ContactKind, ContactStatus, Source  # noqa: E402
from contact_desk.domain.recipients import MessageType  # noqa: E402
from contact_desk.os_login import os_login  # noqa: E402
from contact_desk.services import contact_info, customers, sign_in  # noqa: E402
from contact_desk.services.demo import fill_demo_data  # noqa: E402
from contact_desk.services.forms import ConsentForm  # noqa: E402
from contact_desk.services.suppressions import SuppressionForm  # noqa: E402
from contact_desk.store.database import open_database  # noqa: E402
from contact_desk.ui.card.suppressions import SuppressDialog  # noqa: E402
from contact_desk.ui.consent_dialog import ConsentDialog  # noqa: E402
from contact_desk.ui.contact_dialog import ContactDialog  # noqa: E402
from contact_desk.ui.edit_contact_info import EditContactInfoDialog  # noqa: E402
from contact_desk.ui.history_dialog import HistoryDialog  # noqa: E402
from contact_desk.ui.mail_settings import MailSettingsDialog  # noqa: E402
from contact_desk.ui.merge_dialog import MergeDialog  # noqa: E402
from contact_desk.ui.program_customer_dialogs import ReplaceCustomerDialog  # noqa: E402

DOCS = Path(__file__).resolve().parent
CHICAGO = ZoneInfo("America/Chicago")  # the demo's dealership
NOON = datetime(2026, 3, 3, 12, 0, tzinfo=CHICAGO)  # the reach answers the shots show
EVENING = datetime(2026, 3, 3, 21, 40, tzinfo=CHICAGO)


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)


def open_number(window, number: str) -> None:
    window.search_box.setText(number)
    while window.results.query != number or window.results.loading:
        settle(50)
    window.open_customer(window.results.hit(0).id)
    settle()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="contact-desk-shots-"))
    url = str(folder / "demo.sqlite3")
    database = open_database(url, create=True)
    # The computer login that made the database is its first manager, who fills it.
    me = sign_in.act_as(database.unit_of_work(), None, os_login())
    examples = dict(fill_demo_data(database, me, customers=200).examples)
    user_picker(database)
    database.dispose()

    window = create_main_window(url, actor=me)
    window.desk.clock = lambda: NOON  # the same shots whenever they are drawn
    window.resize(1440, 900)
    window.show()
    settle()
    open_number(window, "C100003")  # a primary that just moved, and a consent badge
    window.grab().save(str(DOCS / "main-window.png"))
    open_number(window, "C100001")  # every section of the contact card has something
    suppress_two(window)
    window.resize(1440, 2100)  # tall enough to show every section at once
    settle()
    window.contact_card.grab().save(str(DOCS / "contact-card.png"))
    suppress_dialog(window)
    window.resize(1440, 900)
    reach_lines(window, examples["primary phone do-not-text, primary email opted out"], url, me)
    recipients(window, examples["contact on two accounts"])
    open_number(window, "C100010")  # people on the account, one shared with another customer
    window.grab().save(str(DOCS / "contacts.png"))
    contact = ContactDialog("US", lambda form: None, lambda person, form: None,
                            window.customer_page.contacts.model.contact(0), window)
    contact.show()
    settle()
    contact.grab().save(str(DOCS / "contact-dialog.png"))
    contact.done(0)
    settings = MailSettingsDialog(window.desk, window)
    settings.show()
    settle()
    settings.grab().save(str(DOCS / "mail-settings.png"))
    settings.done(0)
    open_number(window, examples["programs in every state"])
    programs = window.customer_page.programs
    programs.container.grab().save(str(DOCS / "programs.png"))
    replace = ReplaceCustomerDialog(window.desk, programs.programs[0], programs.programs, window)
    replace.show()
    settle()
    while replace.results.loading or not replace.results.rowCount():  # the list of everyone
        settle(50)
    replace.grab().save(str(DOCS / "replace-customer.png"))
    replace.done(0)
    open_number(window, "C100003")

    page = window.customer_page
    dialog = EditContactInfoDialog(page.view, "US", page._save_from_dialog, window)
    dialog.resize(760, 620)
    dialog.show()
    row = dialog.rows_of(ContactKind.PHONE)[1]
    row.form.valueEdit.setText("(779) 555-01")
    row.form.valueEdit.textEdited.emit("(779) 555-01")
    new = dialog.add_row(ContactKind.PHONE)
    new.form.valueEdit.setText("(212) 555-0199")
    new.form.valueEdit.textEdited.emit("(212) 555-0199")
    dialog.rows_of(ContactKind.PHONE)[2].add_consent(said(Channel.CALL, ConsentState.OPTED_OUT))
    settle()
    dialog.grab().save(str(DOCS / "edit-contact-info.png"))
    dialog.done(0)
    consent(window)
    history = HistoryDialog(window.desk, window.customer_page.view.id, window)
    history.show()
    settle()
    history.grab().save(str(DOCS / "history.png"))
    history.done(0)
    import_result(window, folder)
    duplicates(window)
    links(window)
    merge_dialog(window)
    window.close()
    print(f"Saved the screenshots in {DOCS}")
    return 0


def reach_lines(window, number: str, url: str, me) -> None:
    """The card's Contact Information and Reach Now late in the evening (calls held for
    the hour, texts opted out, email allowed), on a light window and, in a window opened
    in dark mode, on a dark one."""
    grab_reach(window, number, "reach-lines.png")
    app = QApplication.instance()
    light = app.palette()
    app.setPalette(dark_palette())
    dark = create_main_window(url, actor=me)
    dark.resize(1440, 900)
    dark.show()
    settle()
    grab_reach(dark, number, "reach-lines-dark.png")
    dark.close()
    app.setPalette(light)
    settle()


def grab_reach(window, number: str, name: str) -> None:
    from PySide6.QtCore import QRect  # noqa: F811

    window.desk.clock = lambda: EVENING
    open_number(window, number)
    card = window.contact_card
    reach = card.sections["reach"]
    bottom = reach.mapTo(card, reach.rect().bottomLeft()).y() + 6
    card.grab(QRect(0, 0, card.width(), bottom)).save(str(DOCS / name))
    window.desk.clock = lambda: NOON


def dark_palette():
    """A dark window as a desk in dark mode shows it."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8"),
                         (QPalette.ColorRole.Mid, "#5a5a5a"),
                         (QPalette.ColorRole.Highlight, "#3d6fb4"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff")):
        palette.setColor(role, QColor(colour))
    return palette


def recipients(window, number: str) -> None:
    """Who Receives… a marketing message: who gets it by email, who is left out and why."""
    from contact_desk.domain.recipients import MessageType
    from contact_desk.ui.recipients_dialog import RecipientsDialog

    open_number(window, number)
    view = window.customer_page.view
    dialog = RecipientsDialog(window.desk, view.id, view.full_name,
                              window.contact_card.reach.garage, window,
                              message=MessageType.MARKETING)
    dialog.show()
    settle()
    dialog.grab().save(str(DOCS / "recipients.png"))
    dialog.done(0)


def suppress_two(window) -> None:
    """Car updates no more for a car the customer sold, and no marketing until a date."""
    page = window.customer_page
    sold = window.contact_card.suppressions.garage[-1]
    saved = window.desk.suppress(page.view.id, SuppressionForm(
        message=MessageType.CAR_UPDATES, reason="car sold to a private buyer",
        vehicle_id=sold.id), page.view.version)
    window.desk.suppress(page.view.id, SuppressionForm(
        message=MessageType.MARKETING, reason="asked at the desk: no offers this year",
        ends_on=date.today().replace(month=12, day=31)), saved.version)
    page.reload()
    settle()


def suppress_dialog(window) -> None:
    """Suppress a message…, filled in: one vehicle of the garage, until a date."""
    body = window.contact_card.suppressions
    dialog = SuppressDialog(body.customer_name, body.garage, lambda form: None, window)
    form = dialog.form
    form.messageCombo.setCurrentIndex(form.messageCombo.findData(MessageType.SCHEDULING))
    form.reasonEdit.setText("services the car at another dealer")
    form.vehicleCombo.setCurrentIndex(1)
    form.noEndCheck.setChecked(False)
    form.endDateEdit.setDate(QDate.currentDate().addMonths(6))
    dialog.show()
    settle()
    dialog.grab().save(str(DOCS / "suppress-dialog.png"))
    dialog.done(0)


def merge_dialog(window) -> None:
    """Merge With…: a walk-in typed again (another phone, the same email, a birth date, a
    note) side by side with the DMS customer they are."""
    desk = window.desk
    open_number(window, "C100003")
    dms = window.customer_page.view
    walk_in = customers.create_customer(
        desk.database.unit_of_work(), desk.actor, first_name=dms.first_name,
        last_name=dms.last_name, birth_date=date(1984, 7, 12), city="Evanston", state="IL")
    for kind, text in ((ContactKind.PHONE, "(847) 555-0163"),
                       (ContactKind.EMAIL, dms.emails[0].display)):
        contact_info.add_contact_point(desk.database.unit_of_work(), desk.actor, walk_in,
                                       kind, text, Source.CUSTOMER)
    desk.add_note(walk_in, "Walked in on Saturday about a trade-in.")
    preview = desk.merge_preview(dms.id, walk_in)
    dialog = MergeDialog(preview, lambda choices: None, window)
    dialog.show()
    settle()
    dialog.grab().save(str(DOCS / "merge-dialog.png"))
    dialog.done(0)


def said(channel: Channel, state: ConsentState, purposes: tuple[Purpose, ...] = tuple(Purpose),
         note: str = "") -> ConsentForm:
    return ConsentForm(channel=channel, purposes=purposes, state=state, how=ConsentHow.DESK,
                       note=note)


def consent(window) -> None:
    """The consent dialog on a number with a history, a statement half recorded; then
    statements saved from Edit Contact Info, as the card's badges show them."""
    page = window.customer_page
    phones = page.view.phones
    known = next((p for p in phones if p.consent.current), phones[0])
    dialog = ConsentDialog(known, (), window.desk.read_chosen_file, window)
    form = dialog.form
    for combo, wanted in ((form.channelCombo, Channel.TEXT),
                          (form.purposeCombo, (Purpose.MARKETING,)),
                          (form.stateCombo, ConsentState.OPTED_OUT)):
        combo.setCurrentIndex(next(i for i in range(combo.count())
                                   if combo.itemData(i) == wanted))
    form.noteEdit.setText("Asked at the service desk for no more offers by text")
    dialog.show()
    settle()
    dialog.grab().save(str(DOCS / "consent-dialog.png"))
    dialog.done(0)
    edit = EditContactInfoDialog(page.view, "US", page._save_from_dialog, window)
    edit.rows_of(ContactKind.PHONE)[1].add_consent(said(Channel.CALL, ConsentState.OPTED_OUT))
    edit.rows_of(ContactKind.PHONE)[2].add_consent(said(Channel.TEXT, ConsentState.OPTED_OUT))
    edit.rows_of(ContactKind.EMAIL)[0].add_consent(
        said(Channel.EMAIL, ConsentState.OPTED_OUT, (Purpose.MARKETING,)))
    edit.save()
    settle()
    window.contact_card.sections["contactInfo"].grab().save(str(DOCS / "card-consent.png"))


def user_picker(database) -> None:
    """Who is at the desk: a manager picked, so the PIN is asked."""
    from PySide6.QtCore import QSettings

    from contact_desk.ui.user_picker import UserPickerDialog

    people = sign_in.desk_people(database.unit_of_work(), None)
    picker = UserPickerDialog(people, QSettings(), lambda login, pin: None)
    managers = [row for row in range(picker.list.count())
                if picker.list.item(row).data(0x0100).pin_asked]
    if managers:
        picker.list.setCurrentRow(managers[0])
    picker.show()
    settle()
    picker.grab().save(str(DOCS / "user-picker.png"))
    picker.done(0)


def import_result(window, folder: Path) -> None:
    """What a vCard import says: where each card went, a possible duplicate, a photo left out."""
    from contact_desk.services.customers import get_customer
    from contact_desk.ui.interop import ResultDialog

    known = get_customer(window.desk.database.unit_of_work(), "C100002")
    phone = known.phones[0].display
    photo = "PHOTO;ENCODING=b;TYPE=JPEG:" + "A" * 1_400_000
    cards = folder / "address-book.vcf"
    cards.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:{known.last_name};{known.first_name}\r\n"
        f"FN:{known.full_name}\r\nTEL;TYPE=cell:{phone}\r\n"
        "EMAIL:new.address@example.com\r\nEND:VCARD\r\n"
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Card;Vera\r\nFN:Vera Card\r\n"
        f"TEL;TYPE=cell:{phone}\r\n{photo}\r\nEND:VCARD\r\n", encoding="utf-8")
    report = window.desk.import_vcards(cards)
    result = ResultDialog("Import vCard", report, window)
    result.show()
    settle()
    result.grab().save(str(DOCS / "import-result.png"))
    result.done(0)


def duplicates(window) -> None:
    """A walk-in typed at the desk with a letter more in the first name, sharing a known
    customer's mobile: after a scan, the banner on the customer and the queue."""
    from contact_desk.services import contact_info
    from contact_desk.services.customers import create_customer, get_customer
    from contact_desk.ui.duplicates_dialog import DuplicatesDialog

    uow = window.desk.database.unit_of_work
    known = get_customer(uow(), "C100004")
    twin = create_customer(uow(), window.desk.actor, first_name=known.first_name + "e",
                           last_name=known.last_name)
    for point in (*known.phones, *known.emails):
        if point.status is ContactStatus.ACTIVE:
            contact_info.add_contact_point(uow(), window.desk.actor, twin, point.kind,
                                           point.display)
            break
    window.desk.scan_for_duplicates()
    open_number(window, "C100004")
    page = window.customer_page
    banner = page.duplicate_banner
    bottom = banner.geometry().bottom() + 12
    page.grab(QRect(0, 0, page.width(), bottom)).save(str(DOCS / "duplicate-banner.png"))
    window.show_duplicates()
    dialog = window.findChild(DuplicatesDialog)
    settle()
    dialog.grab().save(str(DOCS / "duplicates-queue.png"))
    dialog.done(0)


def links(window) -> None:
    """Household and Relationships on the card: a spouse, a co-buyer sent the contracts and
    a child, each a click away."""
    from contact_desk.domain.household import Relation
    from contact_desk.services.customers import get_customer
    from contact_desk.services.households import link_customers

    uow = window.desk.database.unit_of_work
    me, spouse, child = (get_customer(uow(), number).id
                         for number in ("C100001", "C100005", "C100006"))
    co_buyer = get_customer(uow(), "C100007").id
    for other, relation, contracts in ((spouse, Relation.SPOUSE, False),
                                       (co_buyer, Relation.CO_BUYER, True),
                                       (child, Relation.CHILD, False)):
        link_customers(uow(), window.desk.actor, me, other, relation, contracts)
    open_number(window, "C100001")
    window.contact_card.sections["links"].grab().save(str(DOCS / "card-links.png"))


if __name__ == "__main__":
    sys.exit(main())
