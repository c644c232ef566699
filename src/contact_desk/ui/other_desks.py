"""Changes made at other desks reach the window: a timer asks the store's watcher, and a
dialog open on a changed customer says so with a bar and a Reload button."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from contact_desk.store.changes import Changes, Watcher
from contact_desk.store.database import Database
from contact_desk.ui.plain_text import plain

log = logging.getLogger(__name__)

# Half a second: a change elsewhere shows well within the 2 s a clerk may wait for it. Each
# look is a PRAGMA on SQLite, or emptying a queue the listening thread fills on a server.
POLL_MS = 500
RELOAD_KEY = "F5"
BAR_STYLE = ("QFrame#changedElsewhereBar { background: #e8f0fe; border: 1px solid #8ab4f8;"
             " border-radius: 4px; } QLabel { color: #174ea6; }")
CHANGED_ELSEWHERE = "Changed at another desk. Reload shows their changes; what you typed stays."
RELOAD_HINT = "Reload shows the other desk's values in every field you have not changed."


class OtherDesks(QObject):
    """``changed(Changes)`` when other desks changed customers; quiet for this desk's own."""

    changed = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher: Watcher | None = None
        try:
            self._watcher = database.watch_other_desks()
        except Exception:  # noqa: BLE001 - the desk works on; it only misses live updates
            log.warning("Cannot watch for other desks' changes", exc_info=True)
            return
        watcher = self._watcher
        self.destroyed.connect(lambda *_: watcher.close())
        self._failing = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def look(self) -> None:
        """Ask the watcher now (the timer does every POLL_MS)."""
        if self._watcher is None:
            return
        try:
            found = self._watcher.changes()
        except Exception:  # noqa: BLE001 - said once in the log, then asked again
            if not self._failing:
                log.warning("Could not ask for other desks' changes", exc_info=True)
            self._failing = True
            return
        self._failing = False
        if found is not None:
            self.changed.emit(found)

    def close(self) -> None:
        if self._watcher is not None:
            self._timer.stop()
            self._watcher.close()
            self._watcher = None


class ChangedElsewhereBar(QFrame):
    """Hidden until another desk changes ``customer_id``; Reload calls ``reload`` and hides
    it. The window finds every bar among its dialogs and tells it of each change."""

    def __init__(self, customer_id: int, reload: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changedElsewhereBar")
        self.setStyleSheet(BAR_STYLE)
        self.customer_id, self._reload = customer_id, reload
        self.message = plain(QLabel(CHANGED_ELSEWHERE, objectName="changedElsewhereText",
                                    wordWrap=True))
        self.message.setToolTip(RELOAD_HINT)
        # F5, not a mnemonic: each dialog's letters are its own fields'.
        self.reload_button = QPushButton("Reload", objectName="reloadChangedButton",
                                         shortcut=QKeySequence(RELOAD_KEY))
        self.reload_button.setToolTip(f"{RELOAD_HINT} ({RELOAD_KEY})")
        self.reload_button.setAccessibleName("Reload what another desk changed")
        self.reload_button.clicked.connect(self.reload)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reload_button)
        self.hide()

    def notice(self, changes: Changes) -> None:
        if changes.touches(self.customer_id):
            self.show()

    def reload(self) -> None:
        self.hide()
        self._reload()


@contextmanager
def scrolled_as_left(*areas: QScrollArea | None) -> Iterator[None]:
    """Whatever is shown afresh inside ``areas``, each stays scrolled where it was (set
    again once the new contents are laid out, too)."""
    bars = [bar for area in areas if area is not None
            for bar in (area.verticalScrollBar(), area.horizontalScrollBar())]
    kept = [(bar, bar.value()) for bar in bars]
    yield
    for bar, value in kept:
        bar.setValue(value)
        QTimer.singleShot(0, bar, lambda bar=bar, value=value: bar.setValue(value))


def rows_in_sight(view: QAbstractItemView) -> range:
    """The rows of ``view`` the clerk can see now (empty when none)."""
    rows = view.model().rowCount()
    first = view.indexAt(view.viewport().rect().topLeft()).row()
    if first < 0:
        return range(0)
    last = view.indexAt(view.viewport().rect().bottomLeft()).row()
    return range(first, (last if last >= 0 else rows - 1) + 1)


def tell_open_dialogs(window: QWidget, changes: Changes) -> None:
    """Every dialog of ``window`` open on a customer ``changes`` names shows its bar."""
    for bar in window.findChildren(ChangedElsewhereBar):
        bar.notice(changes)
