"""On an empty database, offer to fill in demo customers so the desk can be tried at once."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contact_desk.domain.actor import Actor
from contact_desk.domain.enums import Permission
from contact_desk.services.customers import has_customers
from contact_desk.store.database import Database
from contact_desk.ui.long_work import run_with_progress
from contact_desk.ui.messages import ask

DEMO_CUSTOMERS = 200


def offer_demo_data(database: Database, actor: Actor, parent: QWidget | None = None) -> bool:
    """Ask, and fill the demo data when the clerk says yes; True when it was filled. Only
    offered to someone who may fill it (see services.demo)."""
    if not (actor.can(Permission.RUN_SYNC) and actor.can(Permission.MANAGE_USERS)):
        return False
    if has_customers(database):
        return False
    answer = ask(
        parent, "No customers yet",
        "This database has no customers yet.\n\n"
        f"Fill it with {DEMO_CUSTOMERS} demo customers to try Contact Desk? "
        "They are made up, and nothing is sent anywhere.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from contact_desk.services.demo import fill_demo_data  # Faker and the demo's lists: rarely

    summary = run_with_progress(
        parent, "Demo data", f"Adding {DEMO_CUSTOMERS} demo customers…",
        lambda progress: fill_demo_data(database, actor, DEMO_CUSTOMERS, progress=progress),
    )
    return summary is not None
