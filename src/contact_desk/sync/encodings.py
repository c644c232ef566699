"""Which text encoding an exported file is in: UTF-8 (with or without BOM) or Windows-1252.

Exports come from a DMS, a lead provider or an address book; any other encoding is refused
with a sentence saying how to save the file, so nothing is read as mojibake.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from contact_desk.domain.errors import InvalidValue

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
WINDOWS_1252 = "cp1252"
# A file cut off in the middle of a character is still UTF-8: its tail is replaced, not misread.
CUT_SHORT_UTF8 = "utf-8 cut short"
_CHUNK = 1 << 20
_SAVE_AS = "save it again as UTF-8 (or Windows-1252) and try again."


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with; InvalidValue when it is none of the accepted ones."""
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except OSError as error:
        raise InvalidValue(f"{path.name} cannot be read: {error.strerror or error}.") from None
    if not head:
        raise InvalidValue(f"{path.name} is empty.")
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InvalidValue(f"{path.name} is in UTF-32; {_SAVE_AS}")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InvalidValue(f"{path.name} is in UTF-16; {_SAVE_AS}")
    if head.startswith(codecs.BOM_UTF8):
        return UTF8_BOM if _decodes(path, UTF8) is None else _refuse(path, UTF8)
    problem = _decodes(path, UTF8)
    if problem is None:
        return UTF8
    if problem == "end":
        return CUT_SHORT_UTF8
    if _decodes(path, WINDOWS_1252) is None:
        return WINDOWS_1252
    return _refuse(path, WINDOWS_1252)


def open_text(path: Path, encoding: str):
    """``path`` opened for reading as text in an encoding detect_encoding gave."""
    if encoding == CUT_SHORT_UTF8:
        return path.open(encoding=UTF8, errors="replace", newline="")
    return path.open(encoding=encoding, newline="")


def read_text(path: Path, limit: int) -> str:
    """The whole of a small file (a lead, an address book) as text; refused past ``limit`` bytes."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InvalidValue(f"{path.name} cannot be read: {error.strerror or error}.") from None
    if size > limit:
        raise InvalidValue(
            f"{path.name} is {size / 1e6:.1f} MB; the most this import reads is "
            f"{limit / 1e6:.0f} MB."
        )
    with open_text(path, detect_encoding(path)) as file:
        return file.read()


def _decodes(path: Path, encoding: str) -> str | None:
    """None when the whole file decodes; "end" when only its last bytes do not; else "middle"."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            if b"\x00" in chunk:
                return "middle"  # NUL bytes: UTF-16 without a BOM, or not text at all
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "middle"
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "end"
    return None


def _refuse(path: Path, tried: str) -> str:
    if tried == UTF8:
        raise InvalidValue(f"{path.name} is marked as UTF-8 but is not valid UTF-8; {_SAVE_AS}")
    raise InvalidValue(
        f"{path.name} is neither UTF-8 nor Windows-1252 text (it may be another encoding, "
        f"or not text at all); {_SAVE_AS}"
    )
