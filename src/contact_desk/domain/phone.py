"""Phone numbers as values: parsed once, stored in E.164, shown the way the desk reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from contact_desk.domain.errors import InvalidValue

DEFAULT_REGION = "US"

_TEXTABLE = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.VOIP,
}
_LINE_LABELS = {
    PhoneNumberType.MOBILE: "Mobile",
    PhoneNumberType.FIXED_LINE: "Landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "Mobile or landline",
    PhoneNumberType.VOIP: "Internet phone",
    PhoneNumberType.TOLL_FREE: "Toll-free",
    PhoneNumberType.PAGER: "Pager",
}
_POSSIBLE_REASONS = {
    phonenumbers.ValidationResult.TOO_SHORT: "it has too few digits",
    phonenumbers.ValidationResult.TOO_LONG: "it has too many digits",
    phonenumbers.ValidationResult.INVALID_COUNTRY_CODE: "its country code does not exist",
    phonenumbers.ValidationResult.INVALID_LENGTH: "it has the wrong number of digits",
}
_MAX_INPUT = 64
_NO_DIGITS = "it needs digits, e.g. (212) 555-0142 or +44 20 7946 0958."
_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "after + comes a country code that does not exist.",
    NumberParseException.TOO_SHORT_NSN: "it has too few digits.",
    NumberParseException.TOO_SHORT_AFTER_IDD: "it has too few digits after the country code.",
    NumberParseException.TOO_LONG: "it has too many digits.",
}


def _parse_reason(error: NumberParseException, shown: str) -> str:
    if error.error_type in _PARSE_REASONS:
        return _PARSE_REASONS[error.error_type]
    return "it has too few digits." if search_digits(shown) else _NO_DIGITS


@dataclass(frozen=True)
class PhoneNumber:
    """A valid phone number. ``e164`` is what is stored and compared."""

    e164: str
    extension: str
    region: str
    line_type: PhoneNumberType

    @classmethod
    def parse(cls, text: str, region: str = DEFAULT_REGION) -> PhoneNumber:
        """Read a number typed in any common format; raise InvalidValue saying why not."""
        shown = (text or "").strip()
        if not shown:
            raise InvalidValue("Enter a phone number.", field="phone")
        if len(shown) > _MAX_INPUT:
            raise InvalidValue("That is too long to be a phone number.", field="phone")
        try:
            parsed = phonenumbers.parse(shown, region.upper())
        except NumberParseException as error:
            raise InvalidValue(
                f"{shown!r} is not a phone number: {_parse_reason(error, shown)}",
                field="phone",
            ) from None
        reason = phonenumbers.is_possible_number_with_reason(parsed)
        if reason in _POSSIBLE_REASONS:
            raise InvalidValue(
                f"{shown!r} is not a valid phone number: {_POSSIBLE_REASONS[reason]}.",
                field="phone",
            )
        found = phonenumbers.region_code_for_number(parsed)  # the slow part: asked once
        if found is None or not phonenumbers.is_valid_number_for_region(parsed, found):
            where = found or region
            raise InvalidValue(
                f"{shown!r} is not a valid phone number for {where}: "
                "check the area code and the number.",
                field="phone",
            )
        return cls(
            e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
            extension=parsed.extension or "",
            region=found,
            line_type=phonenumbers.number_type(parsed),
        )

    @classmethod
    def from_stored(cls, e164: str, extension: str = "") -> PhoneNumber:
        """Rebuild a value read back from the store (it was valid when stored)."""
        parsed = phonenumbers.parse(e164, None)
        return cls(
            e164=e164,
            extension=extension,
            region=phonenumbers.region_code_for_number(parsed) or DEFAULT_REGION,
            line_type=phonenumbers.number_type(parsed),
        )

    @property
    def can_receive_texts(self) -> bool:
        return self.line_type in _TEXTABLE

    @property
    def line_label(self) -> str:
        return _LINE_LABELS.get(self.line_type, "Other")

    @cached_property
    def _stored(self) -> phonenumbers.PhoneNumber:
        # Parsed once per value: a sync reads millions, and each format asks for it.
        return phonenumbers.parse(self.e164, None)

    @property
    def national_digits(self) -> str:
        """The digits a person dials at home, e.g. 2125550142; searched by prefix."""
        return phonenumbers.national_significant_number(self._stored)

    @property
    def local_digits(self) -> str:
        """The number without its area code, e.g. 5550142: a clerk often types only that."""
        national = phonenumbers.national_significant_number(self._stored)
        area = phonenumbers.length_of_geographical_area_code(self._stored)
        return national[area:] if 0 < area < len(national) else ""

    def display(self, home_region: str = DEFAULT_REGION) -> str:
        """National format for numbers of the home region, international otherwise."""
        home = self.region == home_region.upper()  # a valid number's own region
        shown = phonenumbers.format_number(
            self._stored, PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL
        )
        return f"{shown} ext. {self.extension}" if self.extension else shown


def format_as_you_type(text: str, region: str = DEFAULT_REGION) -> str:
    """``text`` formatted the way the number is being dialled: '2125550' -> '(212) 555-0'.

    Letters and an extension are left as typed, so nothing the clerk typed is lost.
    """
    if not text or re.search(r"[^\d\s().+\-/]", text):
        return text
    formatter = phonenumbers.AsYouTypeFormatter(region.upper())
    shown = text
    for char in text:
        if char.isdigit() or char == "+":
            shown = formatter.input_digit(char)
    return shown if search_digits(shown) == search_digits(text) else text


def search_digits(text: str) -> str:
    """The digits of whatever was typed into a search box: '(212) 555-01' -> '21255501'."""
    return re.sub(r"\D", "", text or "")
