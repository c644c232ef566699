"""Vehicle identification numbers: reading one as typed, and the check digit where it is one.

Written here rather than taken from vininfo: its checksum answers only yes or no and says no
for some makers whatever the digit, while the demo needs the digit itself to make VINs.

The 9th character is a check digit only in the VIN systems that make it one: North America's
(49 CFR 565, and Canada's and Mexico's rules after it) and China's (GB 16735). ISO 3779, which
Europe and most of the world follow, leaves it to the maker, and European VINs often carry a
letter there (WVWZZZ1JZ3W386752). The first character says whose system a VIN belongs to.
A car built elsewhere for the American market has a check digit too, but nothing in its VIN
says which market it was built for, so its digit cannot be asked for.
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
# 1-5: North America. 7F-7Z: the United States too, since SAE gave it part of 7 (7A-7E is
# New Zealand's). L: China.
_CHECKED = re.compile(r"[1-5L]|7[F-HJ-NPR-Z]")


def has_check_digit(vin: str) -> bool:
    """Whether the VIN system ``vin`` belongs to makes its 9th character a check digit."""
    return _CHECKED.match(vin.upper()) is not None


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
    if has_check_digit(vin) and vin[CHECK_POSITION] != vin_check_digit(vin):
        raise InvalidValue(
            f"{vin} is not a valid VIN: its check digit (the 9th character) does not match "
            "the others, so a character was probably mistyped.",
            field="vin",
        )
    return vin
