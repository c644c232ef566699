"""Every table, imported in one place so the metadata is complete for migrations."""

from __future__ import annotations

from contact_desk.store.activity import (
    AuditEvent,
    ContactAttempt,
    InteractionSummary,
    Note,
    WebActivity,
)
from contact_desk.store.base import Base
from contact_desk.store.consent import ConsentRow
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.duplicates import PossibleDuplicate, PossibleDuplicateReason
from contact_desk.store.household import CustomerLink
from contact_desk.store.imports import AdfLead, CardUid
from contact_desk.store.merges import CustomerMerge
from contact_desk.store.people import AccountContact, ContactPerson, ContactPreference
from contact_desk.store.program import Invoice, Program, VerificationDocument
from contact_desk.store.runs import IncomingRun
from contact_desk.store.search_keys import SearchKeyRow
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.suppression import SuppressionRow
from contact_desk.store.users import Assignment, Setting, User, UserPermission

__all__ = [
    "AccountContact",
    "AdfLead",
    "Assignment",
    "AuditEvent",
    "Base",
    "CardUid",
    "ConsentRow",
    "ContactAttempt",
    "ContactPerson",
    "ContactPoint",
    "ContactPreference",
    "Customer",
    "CustomerLink",
    "CustomerMerge",
    "Deal",
    "InteractionSummary",
    "IncomingRun",
    "Invoice",
    "Note",
    "PossibleDuplicate",
    "PossibleDuplicateReason",
    "Program",
    "SearchKeyRow",
    "Setting",
    "SuppressionRow",
    "User",
    "UserPermission",
    "Vehicle",
    "VerificationDocument",
    "WebActivity",
]
