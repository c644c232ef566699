"""Finance programs: what may change on them and why not, when an address needs proof and
what counts as proof, and what makes an invoice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission, ProgramState
from contact_desk.domain.errors import InvalidValue, NotAllowed

# Programs in these states carry money owed, so the customer's address on them
# may change only with a document that proves the move.
FINANCED_STATES = frozenset({ProgramState.NOT_YET_ACTIVE, ProgramState.ACTIVE})
REPLACEABLE_STATES = frozenset({ProgramState.QUOTE, ProgramState.NOT_YET_ACTIVE})

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_FILE_NAME = 255  # what the store and every desktop file system keep
MAX_INVOICE_NUMBER = 32
MAX_INVOICE_AMOUNT = Decimal("9999999999.99")  # twelve digits, two after the point


class ProgramRole(StrEnum):
    """Who a program names: the customer it bills, and the contact who signs with them."""

    CUSTOMER = "customer"
    CONTACT = "contact"


class RoleActionKind(StrEnum):
    """What the menu of a role offers."""

    UPDATE_DETAILS = "update_details"
    REPLACE = "replace"

    @property
    def permission(self) -> Permission:
        if self is RoleActionKind.REPLACE:
            return Permission.MANAGE_PROGRAMS
        return Permission.EDIT_CUSTOMERS

    def label(self, role: ProgramRole) -> str:
        if self is RoleActionKind.REPLACE:
            return f"Replace {role}"
        return f"Update {role} details"


@dataclass(frozen=True)
class RoleAction:
    """One entry of a role's menu; one that is not allowed carries the reason to show."""

    role: ProgramRole
    action: RoleActionKind
    label: str
    allowed: bool
    reason: str | None


NO_CONTACT = "This program has no contact yet; use Replace contact to choose one."


def why_parties_locked(state: ProgramState, party: str) -> str | None:
    """Why the customer or contact of a program in ``state`` cannot be replaced, or None."""
    if state is ProgramState.ACTIVE:
        return (
            f"The {party} on an active finance agreement cannot change because "
            "that person signed it."
        )
    if state is ProgramState.CLOSED:
        return f"The program is closed; its {party} is kept as it was signed."
    return None


def check_parties_replaceable(state: ProgramState, party: str) -> None:
    reason = why_parties_locked(state, party)
    if reason:
        raise NotAllowed(reason)


def role_actions(
    state: ProgramState, has_contact: bool, actor: Actor | None = None
) -> tuple[RoleAction, ...]:
    """Every action of both role menus of a program in ``state``, each allowed or not and why.

    Details can be updated in every state (they are the person's, not the agreement's);
    replacing follows ``why_parties_locked``. With ``actor``, a missing permission is a
    reason too.
    """
    actions = []
    for role in ProgramRole:
        for kind in RoleActionKind:
            if kind is RoleActionKind.REPLACE:
                reason = why_parties_locked(state, role)
            else:
                reason = NO_CONTACT if role is ProgramRole.CONTACT and not has_contact else None
            if reason is None and actor is not None:
                reason = actor.why_not(kind.permission)
            actions.append(RoleAction(role, kind, kind.label(role), reason is None, reason))
    return tuple(actions)


def address_change_needs_verification(program_states: Iterable[ProgramState]) -> bool:
    return any(state in FINANCED_STATES for state in program_states)


def address_unchanged_with_document(file_name: str) -> str:
    """What to say when a document comes with a save that does not move the customer."""
    return (
        f"The address did not change, so {file_name} is not needed. Remove the document, "
        "or change the address it verifies."
    )


def check_verification_document(file_name: str, content: bytes) -> tuple[str, str]:
    """The document's file name (trimmed) and content type; refuse what cannot be proof.

    Proof is a PDF or a photo or scan of the document, judged by the file's first bytes
    (its name can say anything).
    """
    name = (file_name or "").strip()
    if not name:
        raise InvalidValue("The document has no file name; pick the file again.", field="file")
    if len(name) > MAX_FILE_NAME:
        raise InvalidValue(
            f"The document's file name is too long (at most {MAX_FILE_NAME} characters); "
            "rename the file and attach it again.", field="file")
    if not content:
        raise InvalidValue(f"{name} is empty; pick the scanned document itself.", field="file")
    if len(content) > MAX_DOCUMENT_BYTES:
        raise InvalidValue(
            f"{name} is larger than 20 MB; scan it at a lower resolution.", field="file")
    content_type = document_content_type(content)
    if content_type is None:
        raise InvalidValue(
            f"{name} is not a PDF or an image. Attach the document as a PDF, or as a "
            "photo or scan (JPEG, PNG, HEIC, TIFF, GIF or WebP).", field="file")
    return name, content_type


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"heif", b"mif1", b"msf1", b"hevc")


def document_content_type(content: bytes) -> str | None:
    """The media type that the file's first bytes show, if it is a PDF or an image."""
    # A PDF may carry a few bytes of junk before its header; readers look at the first 1 KB.
    if b"%PDF-" in content[:1024]:
        return "application/pdf"
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            return content_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    if content[4:8] == b"ftyp" and content[8:12] in _HEIF_BRANDS:
        return "image/heic"  # what iPhones save photos as
    return None


def check_invoice(number: str, amount: Decimal | int | str) -> tuple[str, Decimal]:
    """An invoice's number (trimmed) and amount in dollars and cents, or why not."""
    text = " ".join((number or "").split())
    if not text:
        raise InvalidValue("An invoice needs a number.", field="number")
    if len(text) > MAX_INVOICE_NUMBER:
        raise InvalidValue(
            f"The invoice number is too long (at most {MAX_INVOICE_NUMBER} characters).",
            field="number")
    try:
        value = Decimal(str(amount).strip())
    except InvalidOperation:
        raise InvalidValue(f"{amount!r} is not an amount of money.", field="amount") from None
    if not value.is_finite():
        raise InvalidValue(f"{amount!r} is not an amount of money.", field="amount")
    if value < 0:
        raise InvalidValue("An invoice amount cannot be negative.", field="amount")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidValue("An invoice amount has at most two decimals (cents).", field="amount")
    if value > MAX_INVOICE_AMOUNT:
        raise InvalidValue("That invoice amount is too large.", field="amount")
    return text, abs(value).quantize(Decimal("0.01"))  # abs: no "-0.00"


def bill_to_address(address_line1: str, city: str, state: str, postal_code: str) -> str:
    """The address as an invoice prints it: "12 Oak St, Springfield, IL 62701"."""
    town = " ".join(part for part in (state, postal_code) if part)
    return ", ".join(part for part in (address_line1, city, town) if part)
