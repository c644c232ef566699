"""The cards of a .vcf file, read a card at a time, holding only what the import reads.

vobject needs about 150 times a property's size to read it: a 45 MB photo took 6.5 GB.
The desk keeps names, phones, emails, the birthday and the card's identity, so every other
property (a photo, a logo, a sound, a key, a note, an address) is left out before vobject
sees the card, and never held whole in memory: one past MAX_PROPERTY is reported, since a
person may wonder where it went. A card whose kept part is still bigger than MAX_CARD is
refused; what the file holds in memory at any time is a card, not the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from contact_desk.domain.errors import InvalidValue
from contact_desk.sync.encodings import detect_encoding, open_text, read_errors

MAX_VCARD_BYTES = 50_000_000
MAX_PROPERTY = 1_000_000  # characters of a property as encoded in the file (1 MB)
MAX_CARD = 1_000_000  # characters of what the import reads of one card
# What _read_card reads, and what frames a card; an X-CONTACT-DESK- property is the desk's own.
KEPT = frozenset({"BEGIN", "END", "VERSION", "N", "FN", "ORG", "BDAY", "TEL", "EMAIL", "UID"})
DESK_PROPERTY = "X-CONTACT-DESK-"
_SHOWN_AS = {"PHOTO": "photo", "LOGO": "logo", "SOUND": "sound", "KEY": "key"}
_PIECE = 65_536  # a physical line is read in pieces of this many characters
_NAME = re.compile(r"(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_HEAD = 512  # characters of a line kept to know its property whatever its length


@dataclass(frozen=True)
class LeftOut:
    """A property too big to keep: where it starts, what it is, and its size."""

    line: int
    name: str
    size: int

    def reason(self, owner: str) -> str:
        what = _SHOWN_AS.get(self.name, self.name)
        return (f"the {what} of {owner} was left out: {self.size / 1e6:.1f} MB is more than "
                f"{MAX_PROPERTY / 1e6:.0f} MB")


@dataclass(frozen=True)
class CardText:
    """One BEGIN:VCARD ... END:VCARD as vobject is to read it; ``too_big`` is the size of
    what would have been kept when that is past MAX_CARD (the text is then empty)."""

    line: int
    text: str
    left_out: tuple[LeftOut, ...] = ()
    too_big: int = 0


class CardFile:
    """A .vcf file to import: its size checked and its encoding found once, then read as
    often as needed (once to count the cards, once to import them)."""

    def __init__(self, path: Path) -> None:
        with read_errors(path):
            size = path.stat().st_size
        if size > MAX_VCARD_BYTES:
            raise InvalidValue(f"{path.name} is {size / 1e6:.1f} MB; the most this import "
                               f"reads is {MAX_VCARD_BYTES / 1e6:.0f} MB.")
        self.path = path
        self._encoding = detect_encoding(path)

    def count(self) -> int:
        """How many cards the file holds; InvalidValue when it holds none."""
        count = sum(1 for _, name, text, _ in self._properties(counting=True)
                    if _begins(name, text))
        if not count:
            raise InvalidValue(f"{self.path.name} holds no vCard (no BEGIN:VCARD line).")
        return count

    def __iter__(self) -> Iterator[CardText]:
        """Each card in order. A card left open (the file cut short, an END line missing)
        is handed on as it is, for vobject to refuse."""
        lines: list[str] = []
        left_out: list[LeftOut] = []
        start = size = 0
        for number, name, text, length in self._properties():
            if _begins(name, text):
                if lines:
                    yield _card(start, lines, left_out, size)
                lines, left_out, start, size = [], [], number, 0
            if not start:
                continue  # before the first card
            if not _kept(name):
                if length > MAX_PROPERTY:
                    left_out.append(LeftOut(number, name, length))
                continue
            size += length
            if size <= MAX_CARD:
                lines.append(text)
            if name == "END" and text.strip().upper() == "END:VCARD":
                yield _card(start, lines, left_out, size)
                lines, left_out, start, size = [], [], 0, 0
        if start:
            yield _card(start, lines, left_out, size)

    def _properties(self, counting: bool = False) -> Iterator[tuple[int, str, str, int]]:
        with read_errors(self.path), open_text(self.path, self._encoding) as file:
            yield from _property_lines(file, counting)


def _begins(name: str, text: str) -> bool:
    return name == "BEGIN" and text.strip().upper() == "BEGIN:VCARD"


def _card(start: int, lines: list[str], left_out: list[LeftOut], size: int) -> CardText:
    if size > MAX_CARD:
        return CardText(start, "", tuple(left_out), too_big=size)
    return CardText(start, "\r\n".join(lines) + "\r\n", tuple(left_out))


def _kept(name: str) -> bool:
    # A line that names no property is kept, so that vobject refuses the card it is in.
    return not name or name in KEPT or name.startswith(DESK_PROPERTY)


def _property_lines(file: TextIO, counting: bool = False) -> Iterator[tuple[int, str, str, int]]:
    """(first line, property name, text, size) of each property, its folded lines and
    Outlook's quoted-printable soft breaks joined as the card had them. The text of one
    longer than MAX_PROPERTY is not kept (it is ""); ``counting`` keeps only BEGIN lines."""
    number, name = 0, ""
    parts: list[str] = []
    length = 0
    soft_break = False
    for line_number, line, head, line_length in _physical_lines(file):
        if (line_length and head[:1] in (" ", "\t")) or soft_break:
            if number:  # a folded line, or the rest of a quoted-printable one
                length += line_length - (0 if soft_break else 1)  # the fold is not the value
                if line is not None and length <= MAX_PROPERTY and not counting:
                    if soft_break:
                        parts[-1] = parts[-1][:-1] + line
                    else:
                        parts.append(line)
                soft_break = soft_break and line is not None and line.endswith("=")
                continue
        if number:
            yield number, name, _joined(parts, length), length
        match = _NAME.match(head)
        number, length = line_number, line_length
        name = match.group(1).upper() if match else ""
        keep = line is not None and (not counting or name == "BEGIN")
        parts = [line] if keep else []
        soft_break = (line is not None and line.endswith("=") and ":" in line
                      and "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper())
    if number:
        yield number, name, _joined(parts, length), length


def _joined(parts: list[str], length: int) -> str:
    return "\r\n".join(parts) if length <= MAX_PROPERTY else ""


def _physical_lines(file: TextIO) -> Iterator[tuple[int, str | None, str, int]]:
    """(number, text, head, length) of each line, without its line break. A line longer
    than MAX_PROPERTY arrives as None (with its head, to know what it was): it is read in
    pieces and never held whole."""
    number = 0
    after_cr = False
    while piece := file.readline(_PIECE):
        if after_cr and piece == "\n":
            after_cr = False  # the \n of a \r\n the piece limit split
            continue
        number += 1
        head, parts, length = piece[:_HEAD], [piece], len(piece)
        while not piece.endswith(("\n", "\r")):
            piece = file.readline(_PIECE)
            if not piece:
                break
            length += len(piece)
            if len(head) < _HEAD:
                head += piece[:_HEAD - len(head)]
            if length > MAX_PROPERTY + 2:
                parts = []
            elif parts:
                parts.append(piece)
        after_cr = piece.endswith("\r")
        text = "".join(parts).rstrip("\r\n") if parts else None
        ending = len(piece) - len(piece.rstrip("\r\n"))
        yield number, text, head.rstrip("\r\n"), length - ending
