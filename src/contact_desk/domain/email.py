"""Email addresses as values: syntax checked offline, stored normalised."""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from contact_desk.domain.errors import InvalidValue

MAX_EMAIL = 254  # the standard's limit (RFC 5321), and what contact_point.value keeps


@dataclass(frozen=True)
class EmailAddress:
    """A syntactically valid address; ``value`` is normalised and lower-case."""

    value: str

    @classmethod
    def parse(cls, text: str) -> EmailAddress:
        shown = (text or "").strip()
        if not shown:
            raise InvalidValue("Enter an email address.", field="email")
        if len(shown) > MAX_EMAIL:
            raise InvalidValue("That is too long to be an email address.", field="email")
        try:
            checked = validate_email(shown, check_deliverability=False)
        except EmailNotValidError as error:
            raise InvalidValue(
                f"{shown!r} is not a valid email address: {_sentence(str(error))}",
                field="email",
            ) from None
        # Mailboxes are matched without regard to case at every dealership mail
        # system we meet, so one spelling is kept to make duplicates visible.
        return cls(value=checked.normalized.lower())

    def __str__(self) -> str:
        return self.value


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return "check it and try again."
    text = text[0].lower() + text[1:]
    return text if text.endswith(".") else text + "."
