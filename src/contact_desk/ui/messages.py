"""What the clerk sees when something goes wrong: a rule's sentence, or a short note and the log."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from contact_desk.domain.errors import DomainError
from contact_desk.log_file import where_details_are
from contact_desk.ui.plain_text import plain

log = logging.getLogger(__name__)


def unexpected() -> str:
    return f"Something went wrong that is not your fault; {where_details_are()}."


def explain(error: BaseException) -> str:
    """A sentence for the clerk; an unexpected error is logged with its traceback."""
    if isinstance(error, DomainError):
        return error.message
    said = unexpected()  # first: it opens the log file the traceback then goes to
    log.error("Unexpected error", exc_info=(type(error), error, error.__traceback__))
    return said


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
                name: str = "") -> QMessageBox:
    """A message box whose text is plain: a name or a path in it is never read as markup."""
    box = plain(QMessageBox(icon, title, text, buttons, parent))
    box.setObjectName(name)
    return box


def show_error(parent: QWidget | None, title: str, error: BaseException | str) -> None:
    """A modal warning: the rule's sentence, or (for a str) the text as it is."""
    text = error if isinstance(error, str) else explain(error)
    message_box(parent, QMessageBox.Icon.Warning, title, text, name="errorMessage").exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Information, title, text, name="infoMessage")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str, buttons: QMessageBox.StandardButton,
        default: QMessageBox.StandardButton) -> QMessageBox.StandardButton:
    """A question (QMessageBox.question, with the text kept plain); the button pressed."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, buttons,
                      name="questionMessage")
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or Cancel, Cancel the default (removing, lifting): True when the clerk says yes."""
    answer = ask(parent, title, text,
                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                 QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def confirm_discard(parent: QWidget) -> bool:
    """Ask before typed changes are thrown away; True when the clerk says discard them."""
    answer = ask(parent, "Discard changes?",
                 "You have changes that are not saved. Close and discard them?",
                 QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                 QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard
