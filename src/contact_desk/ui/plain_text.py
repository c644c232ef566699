"""Text from the store or from a file is shown as the characters it is, never read as HTML.

Qt reads the text of a label, a message box or a tooltip as HTML as soon as it looks like
HTML (Qt.mightBeRichText), and a name from a DMS export or a web lead can be made to look
like that on purpose: a "name" drawn as a 60-pixel red banner hides the real one. So every
widget showing such text goes through here: labels and message boxes are set to plain text,
tooltips (which have no format of their own) are escaped, and button or menu texts keep an
ampersand as an ampersand instead of reading it as a shortcut.
"""

from __future__ import annotations

import html
from typing import Protocol, TypeVar

from PySide6.QtGui import Qt


class _HasTextFormat(Protocol):
    def setTextFormat(self, format: Qt.TextFormat) -> None: ...  # noqa: A002 - Qt's name


Shown = TypeVar("Shown", bound=_HasTextFormat)


def plain(widget: Shown) -> Shown:
    """``widget`` (a QLabel or a QMessageBox) shows its text as plain text from now on."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def tooltip_text(text: str | None) -> str:
    """``text`` as a tooltip shows it, character for character.

    Text Qt would not read as HTML is returned as it is; other text is escaped inside a
    paragraph that keeps its spaces and line breaks (and still wraps).
    """
    text = text or ""
    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def no_mnemonic(text: str) -> str:
    """``text`` for a button or a menu item, where "&" would underline the next letter."""
    return text.replace("&", "&&")
