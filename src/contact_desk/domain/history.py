"""What the history of a customer is made of: which record (entity) and which of its fields
changed, why (the cause), and how a stored value code reads. Events store codes (an enum's
member name, ``true``/``false``, ISO dates), never the labels a screen shows: labels are
rendered when the history is read, and nothing parses a stored sentence."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum, unique

from contact_desk.domain.consent import ConsentState, Purpose
from contact_desk.domain.household import Relation
from contact_desk.domain.enums import (
    AssignmentRole,
    Channel,
    CommunicationPreference,
    ContactPointType,
    ContactRole,
    ContactStatus,
    LabelledEnum,
    PaymentFrequency,
    TextConsent,
)


@unique
class Cause(LabelledEnum):
    """Why a value changed."""

    PERSON = "a person"
    DEFAULT_RULE = "the default rule"
    DMS_CHANGED = "DMS changed it"
    DMS_REMOVED = "DMS removed it"
    MERGED = "merged"
    IMPORTED = "imported"
    # Events written before causes were kept, whose cause their sentence did not say.
    EARLIER = "not recorded"


@unique
class Entity(LabelledEnum):
    """The kind of record an event is about."""

    CUSTOMER = "Customer"
    CONTACT_POINT = "Phone or email"
    ACCOUNT_CONTACT = "Person on the account"
    CONTACT_PERSON = "Details of a person on the account"
    ASSIGNMENT = "Assigned user"
    NOTE = "Note"
    CONTACT_ATTEMPT = "Contact attempt"
    VEHICLE = "Vehicle"
    DEAL = "Deal"
    PROGRAM = "Program"
    INVOICE = "Invoice"
    VERIFICATION_DOCUMENT = "Verification document"
    INTERACTION_SUMMARY = "Interaction summary"
    SETTING = "Setting"
    SUPPRESSION = "Suppressed message"
    CUSTOMER_LINK = "Linked customer"


@unique
class Field(LabelledEnum):
    """Which field of the record changed; an event about a whole record says what
    happened to it (added, removed...)."""

    CREATED = "Created"
    ADDED = "Added"
    REMOVED = "Removed"
    LOGGED = "Logged"
    ATTACHED = "Attached"
    FIRST_NAME = "First name"
    LAST_NAME = "Last name"
    COMPANY = "Company"
    BIRTH_DATE = "Birth date"
    ADDRESS_LINE1 = "Street address"
    CITY = "City"
    STATE = "State"
    POSTAL_CODE = "ZIP code"
    PRIMARY_PHONE = "Primary phone"
    PRIMARY_EMAIL = "Primary email"
    VALUE = "Value"
    TYPE = "Type"
    STATUS = "Status"
    DO_NOT_CALL = "Do not call"
    DO_NOT_TEXT = "Do not text"
    TEXT_CONSENT = "Text consent"
    MARKETING_OPT_OUT = "Marketing opt-out"
    # Consent records (0013): one field per channel and purpose, old and new a ConsentState.
    CALL_TRANSACTIONAL = "Calls: transactional"
    CALL_MARKETING = "Calls: marketing"
    TEXT_TRANSACTIONAL = "Texts: transactional"
    TEXT_MARKETING = "Texts: marketing"
    EMAIL_TRANSACTIONAL = "Emails: transactional"
    EMAIL_MARKETING = "Emails: marketing"
    EMAIL = "Email"
    PHONE = "Phone"
    PHONE_EXTENSION = "Phone extension"
    PHONE_DISPLAY = "Phone as shown"
    PORTAL_ACCESS = "Portal access"
    INVITE_SENT_AT = "Portal invite sent"
    ROLE = "Role"
    ROLE_DESCRIPTION = "Role description"
    PREFERENCES = "Receives"
    PRIMARY_CONTACT = "Primary contact"
    SALES = AssignmentRole.SALES.label
    BDC = AssignmentRole.BDC.label
    SERVICE_BDC = AssignmentRole.SERVICE_BDC.label
    VIN = "VIN"
    YEAR = "Year"
    MAKE = "Make"
    MODEL = "Model"
    OWNED = "Owned"
    WITHDRAWN = "Withdrawn"
    SOURCE = "Source"
    INTERESTED_VEHICLE = "Vehicle of interest"
    TRADE_IN_VEHICLE = "Trade-in"
    CUSTOMER_ID = "Customer"
    CONTACT_PERSON_ID = "Contact"
    BILL_TO_NAME = "Bill-to name"
    BILL_TO_ADDRESS = "Bill-to address"
    REGULAR_AMOUNT = "Regular scheduled amount"
    PAYMENT_FREQUENCY = "Payment frequency"
    CURRENT_DUE_DATE = "Current due date"
    CURRENT_AMOUNT_DUE = "Current amount due"
    GENERATED_AT = "Generated"
    MAIL_HOST = "Mail server"
    MAIL_PORT = "Mail server port"
    MAIL_SECURITY = "Mail security"
    MAIL_USERNAME = "Mail user name"
    MAIL_PASSWORD = "Mail password"
    MAIL_FROM_ADDRESS = "Sender address"
    MAIL_DEALERSHIP_NAME = "Dealership name"
    MAIL_OUTBOX = "Outbox folder"
    # Click-to-contact: a call, text or email begun from the desk (new: the channel), and
    # the dealership's own apps' links (settings contact_app.*).
    STARTED = "Started from the desk"
    # Links between customers: the relation (old and new a Relation) and the contracts.
    RELATION = "Relation"
    RECEIVES_CONTRACTS = "Receives contracts"
    CONTACT_APP_CALL_URL = "Calling app link"
    CONTACT_APP_TEXT_URL = "Texting app link"
    CONTACT_APP_EMAIL_URL = "Email app link"
    # A merge (new: the customer merged in, by number) and its undoing (old: that customer).
    MERGED = "Merged in"
    UNMERGED = "Unmerged"

    @classmethod
    def of(cls, name: str | Field | AssignmentRole) -> Field:
        """The field a record's attribute (``first_name``), a setting key (``mail.host``) or
        an assigned role names."""
        if isinstance(name, Field):
            return name
        if isinstance(name, AssignmentRole):
            return cls[name.name]
        return cls[name.upper().replace(".", "_")]


CONSENT_FIELD_OF: dict[tuple[Channel, Purpose], Field] = {
    (channel, purpose): Field[f"{channel.name}_{purpose.name}"]
    for channel in Channel for purpose in Purpose}

# The fields whose codes are an enum's member names (one, or a comma-separated set).
ENUM_OF_FIELD: dict[Field, type[LabelledEnum]] = {
    Field.TYPE: ContactPointType,
    Field.STATUS: ContactStatus,
    Field.TEXT_CONSENT: TextConsent,
    **{field: ConsentState for field in CONSENT_FIELD_OF.values()},
    Field.ROLE: ContactRole,
    Field.PREFERENCES: CommunicationPreference,
    Field.PAYMENT_FREQUENCY: PaymentFrequency,
    Field.STARTED: Channel,
    Field.RELATION: Relation,
}
YES_NO_FIELDS = frozenset({Field.DO_NOT_CALL, Field.DO_NOT_TEXT, Field.MARKETING_OPT_OUT,
                           Field.PORTAL_ACCESS, Field.PRIMARY_CONTACT, Field.OWNED,
                           Field.WITHDRAWN, Field.RECEIVES_CONTRACTS})


def code(value: object) -> str | None:
    """How ``value`` is stored in an event: None stays None."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (frozenset, set)):
        return ",".join(sorted(code(v) or "" for v in value))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def shown(field: Field, stored: str | None) -> str:
    """How a stored code reads in the history: a label, yes/no, or the value itself."""
    if stored is None:
        return ""
    enum = ENUM_OF_FIELD.get(field)
    if enum is not None:
        parts = {part for part in stored.split(",") if part}
        if parts <= enum.__members__.keys():  # in the enum's own order, as screens list them
            return ", ".join(m.label for m in enum if m.name in parts) or "none"
        return stored  # not a code this desk knows (a newer version wrote it): as it is
    if field in YES_NO_FIELDS:
        return {"true": "yes", "false": "no"}.get(stored, stored)
    return stored
