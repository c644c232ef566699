"""Leads the desk has taken: a lead is the same lead when its provider and lead id are, or
(a lead without an id) its provider, request date and prospect; such a lead is never
imported twice. The database holds the rule too (unique constraints on adf_lead)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contact_desk.domain.duplicates import Names, folded
from contact_desk.services.matching import CustomerRef
from contact_desk.store.customer import Customer
from contact_desk.store.imports import (
    MAX_LEAD_ID,
    MAX_PROVIDER,
    MAX_REQUESTED,
    AdfLead,
    stored_key,
)
from contact_desk.store.sales import Deal


@dataclass(frozen=True)
class LeadIdentity:
    """What makes a lead the same lead when it comes again."""

    provider: str
    lead_id: str | None
    requested: str | None
    prospect: str

    @classmethod
    def of(cls, provider: str, lead_id: str, requested: str, names: Names,
           values: Iterable[str]) -> LeadIdentity:
        """``values`` are the lead's phones and emails as stored (E.164, normalised email);
        a provider, id or date too long for its column is kept whole, as a digest."""
        return cls(stored_key(provider, MAX_PROVIDER),
                   stored_key(lead_id, MAX_LEAD_ID) or None,
                   stored_key(requested, MAX_REQUESTED) or None, prospect_key(names, values))


@dataclass(frozen=True)
class EarlierLead:
    """The same lead, imported before: when, the deal it opened, and for whom."""

    imported_at: datetime
    deal_id: int
    customer_id: int
    customer: CustomerRef
    file_name: str


def prospect_key(names: Names, values: Iterable[str]) -> str:
    """The prospect a lead is about, as a fixed-length key: its folded names and its
    phones and emails, in any order and however they were written."""
    parts = [folded(names.first_name), folded(names.last_name), folded(names.company),
             *sorted(set(values))]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def earlier_lead(session: Session, lead: LeadIdentity) -> EarlierLead | None:
    """The same lead imported before, if it was."""
    query = select(AdfLead).where(AdfLead.provider == lead.provider)
    found = None
    if lead.lead_id is not None:
        found = session.scalars(query.where(AdfLead.provider_lead_id == lead.lead_id)).first()
    if found is None and lead.requested is not None:
        found = session.scalars(query.where(AdfLead.requested == lead.requested,
                                            AdfLead.prospect_key == lead.prospect)).first()
    if found is None:
        return None
    deal = session.get(Deal, found.deal_id)
    customer = session.get(Customer, deal.customer_id)
    return EarlierLead(found.imported_at, deal.id, customer.id, CustomerRef.of(customer),
                       found.file_name)


def remember_lead(session: Session, lead: LeadIdentity, deal: Deal, file_name: str) -> None:
    session.add(AdfLead(deal_id=deal.id, provider=lead.provider,
                        provider_lead_id=lead.lead_id, requested=lead.requested,
                        prospect_key=lead.prospect, file_name=file_name[:255]))
