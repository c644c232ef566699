"""Who is at the desk and which database: the one door from the window to the services."""

from __future__ import annotations

from dataclasses import dataclass

from contact_desk.domain.actor import Actor
from contact_desk.services import customers
from contact_desk.services.contact_info import ContactInfoChanges, SavedContactInfo, save_contact_info
from contact_desk.services.views import CustomerHit, CustomerView
from contact_desk.store.database import Database


@dataclass
class Desk:
    """The window calls these; each is one service call with its own transaction."""

    database: Database
    actor: Actor

    def search(self, query: str, limit: int, offset: int) -> list[CustomerHit]:
        return customers.search_customers(self.database.unit_of_work(), query, limit, offset)

    def customer(self, customer_id: int) -> CustomerView:
        return customers.get_customer(self.database.unit_of_work(), customer_id)

    def save_contact_info(
        self, customer_id: int, changes: ContactInfoChanges, expected_version: int
    ) -> SavedContactInfo:
        return save_contact_info(
            self.database.unit_of_work(), self.actor, customer_id, changes, expected_version
        )

    def home_region(self) -> str:
        return customers.home_region_of(self.database.unit_of_work())
