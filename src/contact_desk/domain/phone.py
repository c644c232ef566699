"""Phone numbers as values: parsed once, stored in E.164, shown the way the desk reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberFormat, PhoneNumberType
# Private to phonenumbers, used so a number's region and line type are worked out once (its
# public functions each work them out again, and a sync reads millions of numbers);
# tests/domain/test_phone.py checks that what is found here is what the public functions
# say, for every region's example numbers.
from phonenumbers.phonenumberutil import (
    _COUNTRIES_WITHOUT_NATIONAL_PREFIX_WITH_AREA_CODES,
    _GEO_MOBILE_COUNTRIES_WITHOUT_MOBILE_AREA_CODES,
    _number_type_helper,
)

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
# phonenumbers reads up to 20 digits after "ext."; no switchboard has extensions that long,
# and the store keeps 16 (contact_point.extension).
MAX_EXTENSION = 16
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
        found, line_type = _region_and_line_type(parsed)
        if line_type == PhoneNumberType.UNKNOWN:
            where = found or region
            raise InvalidValue(
                f"{shown!r} is not a valid phone number for {where}: "
                "check the area code and the number.",
                field="phone",
            )
        extension = parsed.extension or ""
        if len(extension) > MAX_EXTENSION:
            raise InvalidValue(
                f"{shown!r} has an extension of {len(extension)} digits; the most the desk "
                f"keeps is {MAX_EXTENSION}.",
                field="phone",
            )
        parsed.extension = None  # what is stored and shown is the number; the extension apart
        phone = cls(
            e164=phonenumbers.format_number(parsed, PhoneNumberFormat.E164),
            extension=extension,
            region=found,
            line_type=line_type,
        )
        phone.__dict__["_stored"] = parsed  # the cached property, filled: no second parse
        return phone

    @classmethod
    def from_stored(cls, e164: str, extension: str = "") -> PhoneNumber:
        """Rebuild a value read back from the store (it was valid when stored)."""
        parsed = phonenumbers.parse(e164, None)
        found, line_type = _region_and_line_type(parsed)
        phone = cls(e164=e164, extension=extension, region=found or DEFAULT_REGION,
                    line_type=line_type)
        phone.__dict__["_stored"] = parsed
        return phone

    @property
    def can_receive_texts(self) -> bool:
        return self.line_type in _TEXTABLE

    @property
    def line_label(self) -> str:
        return _LINE_LABELS.get(self.line_type, "Other")

    @cached_property
    def _stored(self) -> phonenumbers.PhoneNumber:
        return phonenumbers.parse(self.e164, None)

    @cached_property
    def _international(self) -> str:
        if nanp := self._nanp_groups():
            return "+1 {}-{}-{}".format(*nanp)
        return phonenumbers.format_number(self._stored, PhoneNumberFormat.INTERNATIONAL)

    def _nanp_groups(self) -> tuple[str, str, str] | None:
        """Area code, exchange and line of a number of the North American plan (+1), which
        phonenumbers shows as (NPA) NXX-XXXX or +1 NPA-NXX-XXXX: the numbers a dealership
        reads most, shown without stepping through phonenumbers' list of formats."""
        national = str(self._stored.national_number)
        if self._stored.country_code != 1 or len(national) != 10 or national[0] in "01":
            return None
        return national[:3], national[3:6], national[6:]

    @property
    def national_digits(self) -> str:
        """The digits a person dials at home, e.g. 2125550142; searched by prefix."""
        return phonenumbers.national_significant_number(self._stored)

    @property
    def local_digits(self) -> str:
        """The number without its area code, e.g. 5550142: a clerk often types only that."""
        national = phonenumbers.national_significant_number(self._stored)
        area = self._area_code_length()
        return national[area:] if 0 < area < len(national) else ""

    def display(self, home_region: str = DEFAULT_REGION) -> str:
        """National format for numbers of the home region, international otherwise."""
        if self.region == home_region.upper():  # a valid number's own region
            nanp = self._nanp_groups()
            shown = ("({}) {}-{}".format(*nanp) if nanp
                     else phonenumbers.format_number(self._stored, PhoneNumberFormat.NATIONAL))
        else:
            shown = self._international
        return f"{shown} ext. {self.extension}" if self.extension else shown

    def _area_code_length(self) -> int:
        """phonenumbers.length_of_geographical_area_code, from the region and line type
        already known: the public function works out both again, twice over."""
        number, line_type = self._stored, self.line_type
        country = number.country_code
        metadata = PhoneMetadata.metadata_for_region(self.region, None)
        if metadata is None:
            return 0
        if (metadata.national_prefix is None and not number.italian_leading_zero
                and country not in _COUNTRIES_WITHOUT_NATIONAL_PREFIX_WITH_AREA_CODES):
            return 0  # a closed dialling plan: no area codes
        if line_type == PhoneNumberType.MOBILE and \
                country in _GEO_MOBILE_COUNTRIES_WITHOUT_MOBILE_AREA_CODES:
            return 0
        if not phonenumbers.is_number_type_geographical(line_type, country):
            return 0
        groups = re.split(r"\D+", self._international)  # "+44 20 7946 0958": '', 44, 20, ...
        if len(groups) <= 3:
            return 0
        if line_type == PhoneNumberType.MOBILE and phonenumbers.country_mobile_token(country):
            return len(groups[2]) + len(groups[3])  # e.g. Argentina's +54 9 NDC ...
        return len(groups[2])


def _region_and_line_type(number: phonenumbers.PhoneNumber) -> tuple[str | None, PhoneNumberType]:
    """The region a number belongs to and its line type, UNKNOWN when it is not valid.

    What region_code_for_number, is_valid_number_for_region and number_type say together, in
    one pass: a +1 number is tried against each NANP region by its line type, and the type
    that places it is the one kept.
    """
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(number.country_code, ())
    national = phonenumbers.national_significant_number(number)
    if len(regions) == 1:
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(number.country_code,
                                                                     regions[0])
        return regions[0], (_number_type_helper(national, metadata) if metadata
                            else PhoneNumberType.UNKNOWN)
    for region in regions:
        metadata = PhoneMetadata.metadata_for_region(region, None)
        if metadata is None:
            continue
        if metadata.leading_digits is not None:
            if re.match(metadata.leading_digits, national):
                return region, _number_type_helper(national, metadata)
            continue
        line_type = _number_type_helper(national, metadata)
        if line_type != PhoneNumberType.UNKNOWN:
            return region, line_type
    return None, PhoneNumberType.UNKNOWN


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


def country_code(region: str) -> int:
    """The calling code of a region ("US" -> 1), the default region's for one unknown."""
    return (phonenumbers.country_code_for_region(region.upper())
            or phonenumbers.country_code_for_region(DEFAULT_REGION))


def search_digits(text: str) -> str:
    """The digits of whatever was typed into a search box: '(212) 555-01' -> '21255501'."""
    return re.sub(r"\D", "", text or "")
