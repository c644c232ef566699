"""The desk's file dialogs: they list files by name and never read what is in them.

A file dialog that guesses a file's type or icon from its first bytes opens and closes every
file it lists. When it lists the desk's own database, that close releases every POSIX lock
SQLite holds on the file in this process (locks belong to the process, not to a file
descriptor), and another desk can then write over pages this one is using. So on macOS and
Linux the desk uses Qt's own dialog with an icon provider that looks at names only. Windows
locks a file per handle, so there the system's own dialog is safe and is used.
"""

from __future__ import annotations

import sys
from enum import Enum

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget

DIALOG_NAME = "fileDialog"
_NATIVE_IS_SAFE = sys.platform == "win32"
# A scanned form or a photo of one: the documents a clerk attaches as proof.
DOCUMENT_FILTER = (
    "PDF or image (*.pdf *.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.gif *.webp);;"
    "All files (*)"
)


class Choose(Enum):
    """What the dialog asks for."""

    FILE_TO_OPEN = "open"
    FILE_TO_SAVE = "save"
    FOLDER = "folder"


class NameOnlyIcons(QAbstractFileIconProvider):
    """A folder or a file icon, and a type from the name's extension: nothing is opened."""

    def icon(self, what: object) -> QIcon:  # noqa: D102 - Qt's two overloads in one
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            folder = what.isDir()
        else:
            folder = what == QAbstractFileIconProvider.IconType.Folder
        pixmap = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


_ICONS = NameOnlyIcons()


def file_dialog(parent: QWidget | None, title: str, choose: Choose, folder: str = "",
                filters: str = "", suggested: str = "") -> QFileDialog:
    """The dialog, set up but not shown: ``chosen_path`` runs it."""
    dialog = QFileDialog(parent, title, folder)
    dialog.setObjectName(DIALOG_NAME)
    if not _NATIVE_IS_SAFE:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(_ICONS)
    if choose is Choose.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif choose is Choose.FILE_TO_SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if filters:
        dialog.setNameFilter(filters)
    if suggested:
        dialog.selectFile(suggested)
    return dialog


def chosen_path(parent: QWidget | None, title: str, choose: Choose, folder: str = "",
                filters: str = "", suggested: str = "") -> str:
    """Ask for a file or folder; the path chosen, or "" when the clerk cancels."""
    dialog = file_dialog(parent, title, choose, folder, filters, suggested)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return ""
        return dialog.selectedFiles()[0]
    finally:
        dialog.deleteLater()
