"""Vehicle identification numbers: reading one as typed, and the North American check digit.

Written here rather than taken from vininfo: its checksum answers only yes or no and says no
for some makers whatever the digit, while the demo needs the digit itself to make VINs.
"""

from __future__ import annotations

import re

from contact_desk.domain.errors import InvalidValue

VIN_LENGTH = 17
CHECK_POSITION = 8  # the 9th character
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"  # I, O and Q are never used: they read as 1 and 0
_VALUES = {str(d): d for d in range(10)} | dict(
    zip(LETTERS, (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9))
)
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_SEPARATORS = re.compile(r"[\s-]+")


def vin_check_digit(vin: str) -> str:
    """The North American check digit (position 9) of a 17-character VIN."""
    remainder = sum(_VALUES[c] * w for c, w in zip(vin.upper(), _WEIGHTS)) % 11
    return "X" if remainder == 10 else str(remainder)


def check_vin(text: str) -> str:
    """The VIN as stored (upper case, without spaces or dashes); InvalidValue says what is wrong."""
    typed = _SEPARATORS.sub("", text or "")
    if not typed:
        raise InvalidValue("Type the VIN: 17 letters and digits.", field="vin")
    odd = sorted({c for c in typed if not c.isascii() or not c.isalnum()})
    if odd:
        raise InvalidValue(
            f"A VIN has only letters and digits; {' '.join(odd)} cannot be part of one.",
            field="vin",
        )
    vin = typed.upper()
    misread = sorted(set(vin) & set("IOQ"))
    if misread:
        raise InvalidValue(
            f"A VIN never contains the letters I, O or Q, and this one has {', '.join(misread)}: "
            "it is probably a 1 or a 0.",
            field="vin",
        )
    if len(vin) != VIN_LENGTH:
        raise InvalidValue(
            f"A VIN has {VIN_LENGTH} characters; this one has {len(vin)}.", field="vin"
        )
    if vin[CHECK_POSITION] != vin_check_digit(vin):
        raise InvalidValue(
            f"{vin} is not a valid VIN: its check digit (the 9th character) does not match "
            "the others, so a character was probably mistyped.",
            field="vin",
        )
    return vin
