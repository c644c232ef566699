"""The desk's window: find any customer as you type, open them, change their contact info."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contact_desk.domain.enums import Permission
from contact_desk.domain.errors import DomainError
from contact_desk.store.changes import Changes
from contact_desk.ui.background import run_in_background
from contact_desk.ui.card.panel import ContactCard
from contact_desk.ui.customer_page import CustomerPage
from contact_desk.ui.database_menu import new_database, open_other_database
from contact_desk.ui.desk import Desk
from contact_desk.ui.file_dialogs import Choose, chosen_path
from contact_desk.ui.forms import resources_rc  # noqa: F401 - registers the icons
from contact_desk.ui.interop import Interop
from contact_desk.ui.messages import explain, show_error
from contact_desk.ui.models.search_results import SearchResultsModel
from contact_desk.ui.other_desks import (
    OtherDesks,
    rows_in_sight,
    scrolled_as_left,
    tell_open_dialogs,
)
from contact_desk.ui.plain_text import plain, tooltip_text
from contact_desk.ui.undo import CustomerUndo
from contact_desk.ui.watched_folder import WatchedFolder
from contact_desk.ui.wheel_guard import install_wheel_guard

# The typing pause: keys closer together than this are one search. 50 ms still joins a
# burst of keys; a key every 120 ms starts a search each, off the GUI thread, and the
# last one's rows came 100 ms sooner than with 150 (benchmarks/RESULTS.md).
DEBOUNCE_MS = 50
SIGHT_PAUSE_MS = 100
DRIVERS_LICENSE = ":/contact_desk/icons/drivers-license.svg"
EMPTY_HINT = "Find a customer on the left: type a name, company, customer number, email, VIN " \
             "or any part of a phone number."


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        install_wheel_guard()
        self.desk = desk
        self.settings = settings or QSettings()
        self.setWindowTitle("Contact Desk")
        self.undo = CustomerUndo(self)  # a stack per customer, the one on screen active
        self.undo.applied.connect(self._after_undo)
        self.results = SearchResultsModel(desk.search, self, hits=desk.customer_hits,
                                          count=desk.count_search)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._open_first_when_loaded = False
        self._build()
        self._build_menus()
        self._debounce.timeout.connect(self._run_search)
        self.results.pageLoaded.connect(self._page_loaded)
        self.results.searchFailed.connect(
            lambda error: self.search_status.setText(explain(error))
        )
        self.other_desks = OtherDesks(desk.database, self)
        self.other_desks.changed.connect(self._changed_elsewhere)
        self._show_who()
        self.results.set_query("")
        self.resize(1440, 860)
        QTimer.singleShot(0, self._check_database)

    # building

    def _build(self) -> None:
        self.search_box = QLineEdit(objectName="customerSearch")
        self.search_box.setPlaceholderText("Find: name, company, number, email, VIN or phone")
        self.search_box.setAccessibleName("Find a customer")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _: self._debounce.start())
        self.search_box.installEventFilter(self)
        self.search_status = plain(QLabel(objectName="searchStatus"))  # it repeats the query
        self.customer_list = QTableView(objectName="customerList")
        self.customer_list.setModel(self.results)
        self.customer_list.setAccessibleName("Customers found")
        self.customer_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.customer_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.customer_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.customer_list.setShowGrid(False)
        self.customer_list.setWordWrap(False)
        self.customer_list.verticalHeader().hide()
        self.customer_list.horizontalHeader().setStretchLastSection(True)
        self.customer_list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.customer_list.activated.connect(self._open_index)
        self.customer_list.clicked.connect(self._open_index)
        self.customer_list.installEventFilter(self)
        # Rows another desk changed while out of sight are read again as they come into it
        # (once the scrolling pauses).
        self._sight_timer = QTimer(self, singleShot=True, interval=SIGHT_PAUSE_MS)
        self._sight_timer.timeout.connect(
            lambda: self.results.refresh_come_into_sight(rows_in_sight(self.customer_list)))
        self.customer_list.verticalScrollBar().valueChanged.connect(
            lambda _: self._sight_timer.start())
        for column, width in enumerate((90, 170, 120, 130)):
            self.customer_list.setColumnWidth(column, width)

        finder = QWidget(objectName="finder")
        finder_layout = QVBoxLayout(finder)
        finder_layout.setContentsMargins(8, 8, 4, 8)
        finder_layout.addWidget(self.search_box)
        finder_layout.addWidget(self.search_status)
        finder_layout.addWidget(self.customer_list)

        self.customer_page = CustomerPage(self.desk, self.undo)
        self.customer_page.setObjectName("customerPage")
        self.contact_card = ContactCard(self.settings, self.desk,
                                        self.customer_page.edit_contact_info, self.undo)
        self.contact_card.changed.connect(self.customer_page.reload)
        self.customer_page.customerChanged.connect(
            lambda _: self.contact_card.show_customer(self.customer_page.view))
        self.customer_page.contactInfoChanged.connect(self.contact_card.show_contact_info)
        self.customer_page.whoReceivesRequested.connect(self.show_recipients)
        self.customer_page.openCustomerRequested.connect(self.open_customer)
        self.customer_page.reviewDuplicateRequested.connect(self.show_duplicates)
        self.contact_card.suppressions.versionMoved.connect(self.customer_page.follow_version)
        self.contact_card.links.versionMoved.connect(self.customer_page.follow_version)
        self.contact_card.openCustomer.connect(self.open_customer)
        page_scroll = QScrollArea(objectName="customerPageScroll", widgetResizable=True)
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Always there: a bar that came and went with the customer's length made the page
        # lay itself out twice (narrower) on every open of a long customer after a short one.
        page_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        page_scroll.setWidget(self.customer_page)
        self.customer_screen = QSplitter(Qt.Orientation.Horizontal, objectName="customerScreen")
        self.customer_screen.addWidget(page_scroll)
        self.customer_screen.addWidget(self.contact_card)
        self.customer_screen.setStretchFactor(0, 1)
        self.customer_screen.setChildrenCollapsible(False)
        reopen = self.customer_page.form.contactCardReopen
        reopen.setIcon(QIcon(DRIVERS_LICENSE))
        reopen.clicked.connect(lambda: self.contact_card.set_collapsed(False))
        reopen.setVisible(self.contact_card.collapsed)
        self.contact_card.collapsedChanged.connect(reopen.setVisible)
        hint = QLabel(EMPTY_HINT, objectName="emptyHint", wordWrap=True,
                      alignment=Qt.AlignmentFlag.AlignCenter)
        hint.setMargin(40)
        self.pages = QStackedWidget(objectName="pages")
        self.pages.addWidget(hint)
        self.pages.addWidget(self.customer_screen)

        splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        splitter.addWidget(finder)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 1100])
        self.customer_screen.setSizes([700, 380])
        self.setCentralWidget(splitter)
        self.setTabOrder(self.search_box, self.customer_list)
        self.setTabOrder(self.customer_list, self.customer_page.form.editContactInfoButton)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for name, text, run in (
            ("newDatabaseAction", "&New Database…", new_database),
            ("openDatabaseAction", "&Open Database…", open_other_database),
        ):
            action = QAction(text, self, objectName=name)
            action.triggered.connect(lambda _=False, run=run: run(self, self.settings))
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.switch_user_action = QAction("&Who Is at the Desk?…", self,
                                          objectName="switchUserAction",
                                          shortcut=QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        file_menu.addAction(self.switch_user_action)
        self.set_pin_action = QAction("Set a User's &PIN…", self, objectName="setPinAction")
        self.set_pin_action.triggered.connect(self.set_pin)
        file_menu.addAction(self.set_pin_action)
        file_menu.addSeparator()
        self.interop = Interop(self.desk, self, self._after_import, self._consent_changed)
        self.watched_folder = WatchedFolder(self.settings, self.interop.sync_dms, self)
        for name, text, run in (
            ("syncDmsAction", "Sync from &DMS…", self.interop.sync_dms),
            ("importAdfAction", "Import &ADF lead…", self.interop.import_adf),
            ("importVcardAction", "Import &vCard…", self.interop.import_vcards),
            ("importRepliesAction", "Import &Replies…", self.interop.import_replies),
            ("exportVcardAction", "&Export vCard…", self.interop.export_vcards),
        ):
            action = QAction(text, self, objectName=name)
            action.triggered.connect(lambda _=False, run=run: run())
            file_menu.addAction(action)
        self.watch_action = QAction("&Watch a Folder for DMS Exports…", self,
                                    objectName="watchFolderAction")
        self.watch_action.triggered.connect(self.choose_watched_folder)
        file_menu.addAction(self.watch_action)
        file_menu.addSeparator()
        self.mail_settings_action = QAction("&Mail Server Settings…", self)
        self.mail_settings_action.setObjectName("mailSettingsAction")
        self.mail_settings_action.triggered.connect(self.open_mail_settings)
        file_menu.addAction(self.mail_settings_action)
        self.contact_apps_action = QAction("Calling and &Texting Apps…", self,
                                           objectName="contactAppsAction")
        self.contact_apps_action.setToolTip("The dealership's app links that Call, Text and "
                                            "Email open")
        self.contact_apps_action.triggered.connect(self.open_contact_apps)
        file_menu.addAction(self.contact_apps_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo.group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undoAction")
        self.redo_action = self.undo.group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setObjectName("redoAction")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = QAction("&Find Customer", self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.setObjectName("findAction")
        self.find_action.triggered.connect(self.focus_search)
        edit_menu.addAction(self.find_action)
        self.edit_contact_action = QAction("Edit &Contact Info…", self,
                                           shortcut=QKeySequence("Ctrl+E"))
        self.edit_contact_action.triggered.connect(lambda: self.customer_page.edit_contact_info())
        self.edit_contact_action.setEnabled(False)
        edit_menu.addAction(self.edit_contact_action)
        self.history_action = QAction("&History…", self, shortcut=QKeySequence("Ctrl+H"),
                                      objectName="historyAction")
        self.history_action.setToolTip("Every change of the customer on screen, newest first")
        self.history_action.triggered.connect(self.show_history)
        self.history_action.setEnabled(False)
        edit_menu.addAction(self.history_action)
        self.who_receives_action = QAction("&Who Receives…", self,
                                           shortcut=QKeySequence("Ctrl+Shift+R"),
                                           objectName="whoReceivesMenuAction")
        self.who_receives_action.setToolTip("Who a message sent now reaches, and who is left "
                                            "out and why")
        self.who_receives_action.triggered.connect(self.show_recipients)
        self.who_receives_action.setEnabled(False)
        edit_menu.addAction(self.who_receives_action)
        self.duplicates_action = QAction("Possible &Duplicates…", self,
                                         shortcut=QKeySequence("Ctrl+Shift+D"),
                                         objectName="duplicatesAction")
        self.duplicates_action.setToolTip("Customers who may be one person, newest first")
        self.duplicates_action.triggered.connect(lambda: self.show_duplicates())
        edit_menu.addAction(self.duplicates_action)
        self.suppress_action = QAction("Suppress a &Message…", self,
                                       objectName="suppressMessageAction")
        self.suppress_action.setToolTip("Stop a message type going to the customer on screen")
        self.suppress_action.triggered.connect(self.contact_card.suppressions.suppress)
        self.suppress_action.setEnabled(False)
        edit_menu.addAction(self.suppress_action)
        self.merge_action = QAction("Merge &With…", self, objectName="mergeWithAction",
                                    enabled=False)
        self.merge_action.setToolTip("Merge another customer, who is the same person, into "
                                     "the customer on screen")
        self.merge_action.triggered.connect(self.merge_with)
        self.customer_page.customerChanged.connect(
            lambda _: self.merge_action.setEnabled(self.customer_page.view is not None))
        edit_menu.addAction(self.merge_action)

        view_menu = self.menuBar().addMenu("&View")
        self.card_action = QAction("Contact &Card", self, shortcut=QKeySequence("Ctrl+K"),
                                   checkable=True)
        self.card_action.setObjectName("contactCardAction")
        self.card_action.setChecked(not self.contact_card.collapsed)
        self.card_action.toggled.connect(lambda on: self.contact_card.set_collapsed(not on))
        self.contact_card.collapsedChanged.connect(
            lambda collapsed: self.card_action.setChecked(not collapsed))
        view_menu.addAction(self.card_action)

    # behaviour

    def _check_database(self) -> None:
        """SQLite's check of the whole file, off the GUI thread (it reads every page); a
        damaged file is said at once, and from then on nothing more is saved to it."""
        run_in_background(self.desk.database.check_integrity, lambda _: None,
                          lambda error: show_error(self, "The database is damaged", error),
                          owner=self)

    def choose_watched_folder(self) -> None:
        folder = chosen_path(self, "Folder the DMS exports to (Cancel to stop watching)",
                             Choose.FOLDER, self.watched_folder.folder)
        self.watched_folder.set_folder(folder)
        shown = f"Watching {folder} for DMS exports" if folder else "No folder is watched"
        self.statusBar().showMessage(shown, 8000)

    def _after_import(self) -> None:
        """New or changed customers: search again and show the open customer afresh."""
        self.results.set_query(self.search_box.text())
        self.customer_page.reload()

    def _consent_changed(self, customer_ids: frozenset[int]) -> None:
        """An import recorded consent: the customer on screen is shown afresh if it was
        one of those customers."""
        view = self.customer_page.view
        if view is not None and view.id in customer_ids:
            self.customer_page.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.other_desks.close()  # a closed window listens no more
        super().closeEvent(event)

    def _changed_elsewhere(self, changes: Changes) -> None:
        """Other desks changed customers: the open one is shown afresh as the clerk left it
        (scrolled where it was, a half-typed note kept), the rows in sight of the list are
        read again, and a dialog open on a changed customer says so."""
        view = self.customer_page.view
        if view is not None and changes.touches(view.id):
            with scrolled_as_left(self.findChild(QScrollArea, "customerPageScroll"),
                                  self.findChild(QScrollArea, "contactCardScroll")):
                self.customer_page.reload()
            if self.customer_page.view is not None:
                self.setWindowTitle(f"{self.customer_page.view.full_name} — Contact Desk")
        self.results.refresh_rows(rows_in_sight(self.customer_list), changes)
        tell_open_dialogs(self, changes)

    def _show_who(self) -> None:
        self.statusBar().showMessage(
            f"{self.desk.actor.name} at the desk · {self.desk.database.shown}")
        why_not = self.desk.actor.why_not(Permission.MANAGE_USERS)
        self.set_pin_action.setEnabled(why_not is None)
        self.set_pin_action.setToolTip(tooltip_text(why_not or "Set or reset a user's PIN"))

    def switch_user(self) -> None:
        """Another person sits down: they pick their name (and give their PIN); from then
        on the window acts as them. Undo is theirs only, so what came before is dropped."""
        from contact_desk.ui.user_picker import pick_user

        try:
            actor = pick_user(self.desk.database, self.settings, parent=self)
        except DomainError as error:
            show_error(self, "Who is at the desk?", error)
            return
        if actor is False or actor == self.desk.actor:
            return
        self.desk.actor = actor
        self.undo.clear()
        self._show_who()
        if self.customer_page.view is not None:
            self.customer_page.reload()  # what the new person may do shows on the card

    def set_pin(self) -> None:
        from contact_desk.ui.pin_dialog import SetPinDialog

        dialog = SetPinDialog(self.desk, self)
        if dialog.exec():
            self.statusBar().showMessage(f"The PIN of {dialog.saved_for} is set.", 8000)

    def open_mail_settings(self) -> None:
        from contact_desk.ui.mail_settings import MailSettingsDialog

        MailSettingsDialog(self.desk, self).exec()

    def open_contact_apps(self) -> None:
        from contact_desk.ui.contact_apps_dialog import ContactAppsDialog

        ContactAppsDialog(self.desk, self).exec()

    def show_recipients(self) -> None:
        """Who Receives… for the customer on screen (its garage from the card)."""
        from contact_desk.ui.recipients_dialog import show_recipients

        view, card = self.customer_page.view, self.contact_card.reach
        if view is not None:
            garage = card.garage if card.customer is not None and card.customer.id == view.id \
                else ()
            show_recipients(self, self.desk, view.id, view.full_name, garage)

    def show_duplicates(self, pair_id: int | None = None) -> None:
        """The possible duplicates queue, a window of its own (one at a time): the clerk
        opens customers from it while it stays open."""
        from contact_desk.ui.duplicates_dialog import DuplicatesDialog

        dialog = self.findChild(DuplicatesDialog)
        if dialog is None:
            dialog = DuplicatesDialog(self.desk, self.open_customer,
                                      self.customer_page.pair_decided, self)
            dialog.finished.connect(dialog.deleteLater)
        elif pair_id is None:
            dialog.refresh()
        if pair_id is not None:
            dialog.show_pair(pair_id)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_history(self) -> None:
        from contact_desk.ui.history_dialog import HistoryDialog

        if self.customer_page.view is not None:
            HistoryDialog(self.desk, self.customer_page.view.id, self).exec()

    def merge_with(self) -> None:
        """Merge With…: the customer on screen stays; the one picked is merged into it."""
        from contact_desk.ui.merge_dialog import merge_with

        view = self.customer_page.view
        if view is not None:
            merge_with(self, self.desk, self.undo, view.id, lambda done: (
                self._after_import(), self.statusBar().showMessage(
                    f"Merged {done.merged_number} into {done.survivor_number}; Edit > Undo "
                    "unmerges them.", 8000)))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @property
    def undo_stack(self) -> QUndoStack | None:
        """The undo of the customer on screen (each customer keeps theirs while the window
        is open; Edit > Undo acts on this one)."""
        return self.undo.active

    def _after_undo(self, customer_id: int, error: DomainError | None) -> None:
        """An undo or redo was saved (or refused): show what is stored now."""
        if error is not None:
            show_error(self, "Undo", error)
        if self.customer_page.view is not None and self.customer_page.view.id == customer_id:
            self.customer_page.reload()

    def open_customer(self, customer_id: int) -> None:
        self.customer_page.show_customer(customer_id)
        if self.customer_page.view is not None and self.customer_page.view.id == customer_id:
            self.undo.show(customer_id)  # undo acts on the customer on screen
            self.pages.setCurrentWidget(self.customer_screen)
            self.edit_contact_action.setEnabled(True)
            self.history_action.setEnabled(True)
            self.who_receives_action.setEnabled(True)
            self.suppress_action.setEnabled(True)
            self.setWindowTitle(f"{self.customer_page.view.full_name} — Contact Desk")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if watched is self.search_box and key == Qt.Key.Key_Down and self.results.rowCount():
                self.customer_list.setFocus()
                self.customer_list.selectRow(0)
                return True
            if watched is self.search_box and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_first()
                return True
            if watched is self.customer_list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.customer_list.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _run_search(self) -> None:
        query = self.search_box.text()
        if query != self.results.query:
            self.search_status.setText("Searching…")
            self.results.set_query(query)

    def _open_first(self) -> None:
        """Enter in the search box opens the first match, waiting for the answer if needed."""
        if self._debounce.isActive() or self.results.query != self.search_box.text():
            self._debounce.stop()
            self._open_first_when_loaded = True
            self._run_search()
        elif self.results.loading:
            self._open_first_when_loaded = True
        elif self.results.rowCount():
            self._open_row(0)

    def _page_loaded(self, query: str, shown: int) -> None:
        if not query.strip():
            self.search_status.setText("")
        elif shown == 0:
            self.search_status.setText(f"No customer matches “{query.strip()}”.")
        else:
            more = "+" if self.results.canFetchMore() else ""
            noun = "customer" if shown == 1 else "customers"
            self.search_status.setText(f"{shown:,}{more} {noun}")
        if self._open_first_when_loaded:
            self._open_first_when_loaded = False
            if shown:
                self._open_row(0)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        hit = self.results.hit(row)  # None while its page is read: the row shows "…"
        if hit is not None:
            self.open_customer(hit.id)
