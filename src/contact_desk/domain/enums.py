"""Every closed set of the product, each member carrying the words the desk sees."""

from __future__ import annotations

from enum import Enum


class LabelledEnum(Enum):
    """An enum whose value is the label shown to people; the name is what is stored."""

    # A member equals only itself, so its identity is its hash: Enum's own hashes the name
    # in Python, and a sync looks members up a few million times (dict keys, caches).
    __hash__ = object.__hash__

    def __reduce_ex__(self, protocol: int) -> str:
        # Pickled by name, as a global: a sync's worker sends millions of members, and each
        # repeat is then a memo lookup when unpickled instead of a call to the class.
        return f"{type(self).__qualname__}.{self._name_}"

    @property
    def label(self) -> str:
        return self.value

    @property
    def cli_name(self) -> str:
        """How the command line names it: the member's name in kebab case (``run-sync``)."""
        return self.name.lower().replace("_", "-")

    @classmethod
    def from_cli_name(cls, name: str):
        by_name = {member.cli_name: member for member in cls}
        if name not in by_name:
            raise ValueError(f"{name!r} is not one of: {', '.join(by_name)}")
        return by_name[name]

    @classmethod
    def from_label(cls, text: str):
        """The member whose label or name is ``text`` (case-insensitive)."""
        wanted = text.strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.name.casefold()):
                return member
        labels = ", ".join(member.value for member in cls)
        raise ValueError(f"{text!r} is not one of: {labels}")


class ContactKind(LabelledEnum):
    PHONE = "Phone"
    EMAIL = "Email"


class Source(LabelledEnum):
    """Where a contact point came from."""

    DMS = "DMS"
    CUSTOMER = "Customer"
    DEALER = "Dealer"


class ContactPointType(LabelledEnum):
    """The Type column: where the value came from, in the product's exact words."""

    DMS_CELL = "Cell Phone Number in DMS"
    DMS_HOME = "Home Phone Number in DMS"
    DMS_WORK = "Work Phone Number in DMS"
    CUSTOMER_PHONE = "Phone Number Customer Added"
    DEALER_PHONE = "Phone Number Dealer Added"
    DMS_EMAIL = "Email in DMS"
    CUSTOMER_EMAIL = "Email Customer Added"
    DEALER_EMAIL = "Email Dealer Added"

    @property
    def kind(self) -> ContactKind:
        return _TYPE_FACTS[self][0]

    @property
    def source(self) -> Source:
        return _TYPE_FACTS[self][1]

    @property
    def dms_field(self) -> str | None:
        """The DMS export column this type mirrors, or None for values added here."""
        return _TYPE_FACTS[self][2]

    @classmethod
    def added_by(cls, source: Source, kind: ContactKind) -> ContactPointType:
        """The type of a value a customer or the dealership adds by hand."""
        if source is Source.DMS:
            raise ValueError("DMS values take the type of their DMS field")
        return {
            (Source.CUSTOMER, ContactKind.PHONE): cls.CUSTOMER_PHONE,
            (Source.DEALER, ContactKind.PHONE): cls.DEALER_PHONE,
            (Source.CUSTOMER, ContactKind.EMAIL): cls.CUSTOMER_EMAIL,
            (Source.DEALER, ContactKind.EMAIL): cls.DEALER_EMAIL,
        }[(source, kind)]

    @classmethod
    def for_dms_field(cls, field: str) -> ContactPointType:
        try:
            return _BY_DMS_FIELD[field]
        except KeyError:
            raise ValueError(f"{field!r} is not a DMS contact field") from None


_TYPE_FACTS: dict[ContactPointType, tuple[ContactKind, Source, str | None]] = {
    ContactPointType.DMS_CELL: (ContactKind.PHONE, Source.DMS, "cell_phone"),
    ContactPointType.DMS_HOME: (ContactKind.PHONE, Source.DMS, "home_phone"),
    ContactPointType.DMS_WORK: (ContactKind.PHONE, Source.DMS, "work_phone"),
    ContactPointType.CUSTOMER_PHONE: (ContactKind.PHONE, Source.CUSTOMER, None),
    ContactPointType.DEALER_PHONE: (ContactKind.PHONE, Source.DEALER, None),
    ContactPointType.DMS_EMAIL: (ContactKind.EMAIL, Source.DMS, "email"),
    ContactPointType.CUSTOMER_EMAIL: (ContactKind.EMAIL, Source.CUSTOMER, None),
    ContactPointType.DEALER_EMAIL: (ContactKind.EMAIL, Source.DEALER, None),
}
_BY_DMS_FIELD = {field: type_ for type_, (_, _, field) in _TYPE_FACTS.items() if field}


class ContactStatus(LabelledEnum):
    ACTIVE = "Active"
    INACTIVE = "Inactive"
    INVALID = "Invalid"


class TextConsent(LabelledEnum):
    """Whether the customer agreed to receive texts on a number."""

    NOT_ASKED = "Not asked"
    OPTED_IN = "Opted in"
    OPTED_OUT = "Opted out"


class ContactRole(LabelledEnum):
    SPOUSE = "Spouse"
    ASSISTANT = "Assistant"
    BOOKKEEPER = "Bookkeeper"
    VEHICLE_MANAGER = "Vehicle manager"
    OTHER = "Other"


class CommunicationPreference(LabelledEnum):
    SCHEDULING = "Scheduling"
    CAR_UPDATES = "Car Updates"
    CONTRACTS = "Contracts"
    INVOICES = "Invoices"
    ESTIMATES = "Estimates"
    MARKETING = "Marketing"


class ProgramState(LabelledEnum):
    QUOTE = "Quote"
    NOT_YET_ACTIVE = "Not yet active"
    ACTIVE = "Active"
    CLOSED = "Closed"


class PaymentFrequency(LabelledEnum):
    WEEKLY = "Weekly"
    BIWEEKLY = "Every two weeks"
    SEMIMONTHLY = "Twice a month"
    MONTHLY = "Monthly"


class InvoiceStatus(LabelledEnum):
    OPEN = "Open"
    PAID = "Paid"
    VOID = "Void"


class DealStage(LabelledEnum):
    NEW = "New lead"
    CONTACTED = "Contacted"
    APPOINTMENT = "Appointment set"
    NEGOTIATION = "Negotiation"
    SOLD = "Sold"
    DELIVERED = "Delivered"
    LOST = "Lost"

    @property
    def is_open(self) -> bool:
        return self not in (DealStage.DELIVERED, DealStage.LOST)


class DealVehicleKind(LabelledEnum):
    """Which vehicle of a deal: the one the customer wants, or the one they trade in."""

    INTERESTED = "Interested vehicle"
    TRADE_IN = "Trade-in"


class VehicleSource(LabelledEnum):
    DMS = "DMS"
    DELIVERED_DEAL = "Delivered deal"
    SERVICE_RO = "Closed service RO"
    MANUAL = "Added by hand"
    LEAD = "Lead"


class Channel(LabelledEnum):
    """A way of reaching the customer, as Best Contact Method counts them."""

    TEXT = "Text"
    CALL = "Call"
    EMAIL = "Email"


class AttemptOutcome(LabelledEnum):
    REACHED = "Reached"
    REPLIED = "Replied"
    NO_ANSWER = "No answer"
    LEFT_MESSAGE = "Left message"
    BOUNCED = "Bounced"
    WRONG_NUMBER = "Wrong number"
    # A call, text or email opened from the desk's click-to-contact: it says only that the
    # clerk began, not how it went, so it is no try that failed (best_contact skips it).
    STARTED = "Started from the desk"

    @property
    def succeeded(self) -> bool:
        return self in (AttemptOutcome.REACHED, AttemptOutcome.REPLIED)

    @property
    def tells_how_it_went(self) -> bool:
        """Whether the outcome says if the customer was reached (what a clerk logs)."""
        return self is not AttemptOutcome.STARTED


class AssignmentRole(LabelledEnum):
    """The users a customer is assigned to, as the Details section lists them."""

    SALES = "Sales"
    BDC = "BDC"
    SERVICE_BDC = "Service BDC"


class Permission(LabelledEnum):
    EDIT_CUSTOMERS = "Edit customers and their contact information"
    ASSIGN_USERS = "Change assigned users"
    CHANGE_DEAL_SOURCE = "Change a deal's source"
    MANAGE_PROGRAMS = "Replace a program's customer or contact"
    RUN_SYNC = "Run the DMS sync and imports"
    EDIT_DMS_DATA = "Correct or deactivate a phone or email that comes from the DMS"
    EXPORT_CUSTOMERS = "Export customers"
    MANAGE_USERS = "Manage users, their PINs and the desk's mail server"
    MERGE_CUSTOMERS = "Merge two customers who are one person, and unmerge them"

