"""Which text encoding an exported file is in, and reading it without guessing wrong.

Exports come from a DMS, a lead provider or an address book in UTF-8 (with or without a BOM),
UTF-16 with a BOM (a spreadsheet's "Unicode Text"), or Windows-1252. A file that is none of
them is refused with a sentence saying how to save it, so nothing is read as mojibake: that
includes Shift-JIS, GBK or EUC-KR bytes, which Windows-1252 would read as runs of accented
letters and symbols (see ``_western_text``). A file of rows that is UTF-8 apart from some rows
is read as UTF-8, and those rows are for the reader to report (``row_problem``).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from contact_desk.domain.errors import InvalidValue

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"  # reads either byte order from the BOM, and drops it
WINDOWS_1252 = "cp1252"
_CHUNK = 1 << 20
_SAVE_AS = "save it again as UTF-8 (or Windows-1252) and try again."
# Control characters (C0 but tab, line feed and carriage return; DEL; C1) are in no name,
# address or number, and printed raw they drive the terminal. Lone surrogates are the bytes
# that were not UTF-8, kept by the "surrogateescape" handler so their row can be named.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\udc80-\udcff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_UNDECODED = re.compile("[\udc80-\udcff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\udc80-\udcff]")


@dataclass(frozen=True)
class Decoding:
    """How a file's bytes are read as text."""

    codec: str
    # Bytes that are not UTF-8 are kept as lone surrogates instead of failing the read,
    # so that the rows holding them can be reported and the others read.
    lenient: bool = False
    # The file ends in the middle of a UTF-8 character: it was cut short.
    cut_short: bool = False


@contextmanager
def read_errors(path: Path) -> Iterator[None]:
    """The block reads ``path``: an OSError in it (the file gone or moved since it was
    chosen, a permission, a disk error) becomes InvalidValue naming the file."""
    try:
        yield
    except OSError as error:
        raise InvalidValue(f"{path.name} cannot be read: {error.strerror or error}.") from None


def detect_encoding(path: Path, rows: bool = False) -> Decoding:
    """How to read ``path``; InvalidValue when it is in none of the accepted encodings.

    With ``rows``, a file that is mostly UTF-8 is read as UTF-8 even where some of its rows
    are not: those rows carry undecoded bytes for ``row_problem`` to name. Without, the file
    is read whole and must be in one encoding.
    """
    with read_errors(path):
        return _detect_encoding(path, rows)


def _detect_encoding(path: Path, rows: bool) -> Decoding:
    with path.open("rb") as file:
        head = file.read(4096)
    if not head:
        raise InvalidValue(f"{path.name} is empty.")
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InvalidValue(f"{path.name} is in UTF-32; {_SAVE_AS}")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        if _decodes(path, UTF16) is not None:
            raise InvalidValue(f"{path.name} is marked as UTF-16 but is not valid UTF-16; "
                               f"{_SAVE_AS}")
        return Decoding(UTF16)
    if head.count(b"\x00") * 8 > len(head):  # UTF-16 without its BOM, or not text at all
        raise _neither(path)
    codec = UTF8_BOM if head.startswith(codecs.BOM_UTF8) else UTF8
    problem = _decodes(path, UTF8)
    if problem is None:
        return Decoding(codec, lenient=rows)
    if problem == "end":
        return Decoding(codec, lenient=True, cut_short=True)
    valid, invalid = _utf8_evidence(path)
    if rows and (codec == UTF8_BOM or valid >= invalid):
        return Decoding(codec, lenient=True)
    if codec == UTF8_BOM:
        raise InvalidValue(f"{path.name} is marked as UTF-8 but is not valid UTF-8; {_SAVE_AS}")
    if not _windows_1252(path):
        raise _neither(path)
    if valid and not rows:  # Windows-1252 text with UTF-8 in it: read either way, some is lost
        raise InvalidValue(
            f"{path.name} is partly UTF-8 and partly Windows-1252, so it cannot be read "
            f"as either; {_SAVE_AS}")
    return Decoding(WINDOWS_1252)


def open_text(path: Path, decoding: Decoding) -> TextIO:
    """``path`` opened for reading as text, as ``detect_encoding`` said."""
    errors = "surrogateescape" if decoding.lenient else "strict"
    return path.open(encoding=decoding.codec, errors=errors, newline="")


def read_text(path: Path, limit: int) -> str:
    """The whole of a small file (a lead, an address book) as text; refused past ``limit``
    bytes, or when it cannot be read honestly in one accepted encoding."""
    with read_errors(path):
        size = path.stat().st_size
    if size > limit:
        raise InvalidValue(
            f"{path.name} is {size / 1e6:.1f} MB; the most this import reads is "
            f"{limit / 1e6:.0f} MB."
        )
    decoding = detect_encoding(path)
    with read_errors(path), path.open(encoding=decoding.codec, errors="replace",
                                      newline="") as file:
        text = file.read()  # "replace" reaches only the cut-off tail of a file cut short
    if "\x00" in text:
        raise _neither(path)
    return text


def row_problem(text: str, decoding: Decoding) -> str | None:
    """Why a row's text (its lines as read) cannot be used as it is, or None.

    Says where, by line within the row and column, and shows the character escaped.
    """
    found = _NOT_TEXT.search(text)
    if found is None:
        return None
    before = text[:found.start()]
    line = before.count("\n")
    column = found.start() - (before.rfind("\n") + 1) + 1
    where = f"column {column}" if not line else f"line {line + 1} of the row, column {column}"
    char = found.group()
    if _UNDECODED.match(char):
        if decoding.cut_short:
            return ("the file ends in the middle of a character: it was cut short "
                    "before this line was whole")
        return (f"not valid UTF-8 text (byte 0x{ord(char) - 0xDC00:02X} at {where}); "
                "the row was left as it was")
    return (f"it holds a control character ({escaped(char)} at {where}), which no name, "
            "address or number has; the row was left as it was")


def escaped(text: str) -> str:
    """``text`` safe to print on one line: control characters (line breaks and tabs too)
    and undecoded bytes written as \\x1b."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00 if code >= 0xDC00 else code:02x}"


def misread(text: str) -> str | None:
    """What ``text`` says if it is UTF-8 that was read as Windows-1252 somewhere on its way
    ("CafÃ©" for "Café"), else None. Real names never read so: it takes "Ã" or "Â" followed
    by symbols such as ©, ¼ or «, with no plain letter between them."""
    if text.isascii():
        return None
    try:
        meant = text.encode(WINDOWS_1252).decode(UTF8)
    except UnicodeError:
        return None
    return meant if meant != text else None


def _decodes(path: Path, encoding: str) -> str | None:
    """None when the whole file decodes; "end" when only its last bytes do not; else "middle"."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "middle"
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "end"
    return None


def _utf8_evidence(path: Path) -> tuple[int, int]:
    """How many characters of the file are valid UTF-8 beyond ASCII, and how many bytes are
    not UTF-8: which of the two encodings most of its text is in."""
    decoder = codecs.getincrementaldecoder(UTF8)(errors="surrogateescape")
    valid = invalid = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            text = decoder.decode(chunk)
            bad = len(_UNDECODED.findall(text))
            invalid += bad
            valid += sum(map(len, _NON_ASCII.findall(text))) - bad
    return valid, invalid


def _windows_1252(path: Path) -> bool:
    """Whether the whole file decodes as Windows-1252 and reads as Western text."""
    decoder = codecs.getincrementaldecoder(WINDOWS_1252)()
    foreign = total = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            try:
                text = decoder.decode(chunk)
            except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: no character
                return False
            shares = _western_text(text)
            foreign, total = foreign + shares[0], total + shares[1]
    return _western_share(foreign, total)


# -- Whether text read as Windows-1252 is Western text, or another encoding's bytes.
#
# Western names and addresses have an accented letter or two inside words of plain
# letters (Müller, Þórður, l’Église), symbols alone or by digits (12 €, 25°C, 3º).
# Double-byte encodings (Shift-JIS, GBK, Big5, EUC-KR) give pairs of bytes from 0x81 up,
# which Windows-1252 reads as words of mostly accented letters and symbols (王小明 in GBK
# is "ÍõÐ¡Ã÷", 김민수 in EUC-KR "±è¹Î¼ö"); Cyrillic and Greek code pages do the same.
# tests/sync/test_encodings.py holds real samples of each, made with Python's codecs.
# A single-byte Latin code page (Polish, Turkish) cannot be told from Windows-1252 this way.

_WORD = re.compile(r"[^\s,;:=]*[^\x00-\x7f][^\s,;:=]*")
_FOUR_IN_A_ROW = re.compile(r"[^\x00-\x7f]{4}")
# Marks that open or close a word: quotes, guillemets, ¿ ¡, ellipses, dashes, bullets.
_WORD_EDGES = "\"'()[]{}<>.!?*-–—“”„‘’«»¿¡…•"
_IN_WORDS = frozenset("’‘´·–—°")  # O’Brien, D´Angelo, l·lució, Rolls–Royce, N°5
_NEVER_IN_NAMES = frozenset("ƒ†‡ˆ‹›¦¨¯¸¬¤")
_MOST_FOREIGN = 0.25  # share of the non-ASCII characters in words no Western text has


def _western_text(text: str) -> tuple[int, int]:
    """(non-ASCII characters in words that Western text does not have, all non-ASCII
    characters) of ``text``."""
    foreign = total = 0
    for found in _WORD.finditer(text):
        word = found.group()
        count = sum(map(len, _NON_ASCII.findall(word)))
        total += count
        if not _western_word(word) and misread(word) is None:  # UTF-8 is no other code page
            foreign += count
    return foreign, total


def _western_share(foreign: int, total: int) -> bool:
    """Whether text whose ``_western_text`` counts are these reads as Western text."""
    return foreign <= total * _MOST_FOREIGN


def _western_word(word: str) -> bool:
    if _FOUR_IN_A_ROW.search(word) or not _NEVER_IN_NAMES.isdisjoint(word):
        return False
    core = word.strip(_WORD_EDGES)
    high = 0
    for at, char in enumerate(core):
        if char.isascii():
            continue
        high += 1
        if char.isalpha() or char.isdigit() or char in _IN_WORDS or len(core) == 1:
            continue  # a letter, ² or ½, an apostrophe; a symbol alone (€, ™)
        before = core[at - 1] if at else ""
        after = core[at + 1] if at + 1 < len(core) else ""
        if not (before.isdigit() or after.isdigit()):
            return False  # ± ¡ • inside a word; 12€ and 5‰ are fine
    if len(core) == 2:
        return high < 2  # "Él" is a word; "ÎÓ" is not
    return high * 2 <= len(core) + 1  # Þórður, Žák; not "ŽRŒû"


def _neither(path: Path) -> InvalidValue:
    return InvalidValue(
        f"{path.name} is neither UTF-8 nor Windows-1252 text (it may be another encoding, "
        f"such as Shift-JIS or GBK, or not text at all); {_SAVE_AS}"
    )
