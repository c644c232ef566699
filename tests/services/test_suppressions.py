"""Suppressing a message type: refused in words when it makes no sense (writing nothing),
kept when lifted, put back by Undo, in the history under consent, seen by other desks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contact_desk.domain.errors import InvalidValue, NotAllowed
from contact_desk.domain.history import Entity, Field
from contact_desk.domain.recipients import MessageType
from contact_desk.services.customers import get_customer
from contact_desk.services.garage import add_vehicle
from contact_desk.services.history import HistoryGroup, customer_history
from contact_desk.services.suppressions import (
    SuppressionForm,
    lift_suppression,
    put_back_suppression,
    suppress,
)

REMINDERS = MessageType.TEXT_REMINDER


@pytest.fixture
def ann(new_customer):
    return new_customer(customer_number="C1")


def form(**changes) -> SuppressionForm:
    return SuppressionForm(**{"message": REMINDERS, "reason": "asked for no reminders",
                              **changes})


def test_suppress_lift_and_put_back_each_say_what_is_in_force(database, manager, ann):
    version = get_customer(database.unit_of_work(), ann).version
    made = suppress(database.unit_of_work(), manager, ann,
                    form(reason="  asked   for no reminders "), version)
    assert [s.describe() for s in made.suppressions] == [
        "Text reminder suppressed: asked for no reminders"]
    assert made.version > version
    lifted = lift_suppression(database.unit_of_work(), manager, made.id, made.version)
    assert lifted.suppressions == ()
    back = put_back_suppression(database.unit_of_work(), manager, made.id, lifted.version)
    assert [s.id for s in back.suppressions] == [made.id]

    history = customer_history(database.unit_of_work(), "C1").of({HistoryGroup.CONSENT})
    assert [(e.what, e.field) for e in history] == [
        (Entity.SUPPRESSION.label, Field.ADDED), (Entity.SUPPRESSION.label, Field.REMOVED),
        (Entity.SUPPRESSION.label, Field.ADDED)]


@pytest.mark.parametrize(("changes", "error", "said"), [
    ({"reason": "   "}, InvalidValue, "Say why"),
    ({"reason": "x" * 201}, InvalidValue, "keep it to 200"),
    ({"ends_on": date.today() - timedelta(days=1)}, InvalidValue, "has passed"),
])
def test_a_suppression_that_makes_no_sense_is_refused(database, manager, ann, refused,
                                                      changes, error, said):
    with refused(error, said):
        suppress(database.unit_of_work(), manager, ann, form(**changes))


def test_another_customers_vehicle_is_refused(database, manager, ann, new_customer, vin,
                                              refused):
    bob = new_customer("Bob", "Stone", customer_number="C2")
    car = add_vehicle(database.unit_of_work(), manager, bob, vin(7), 2020, "Ford",
                      "Focus").vehicle_id
    with refused(NotAllowed, "not in this customer's garage"):
        suppress(database.unit_of_work(), manager, ann, form(vehicle_id=car))


def test_lifting_twice_is_refused_and_a_viewer_may_not(database, manager, viewer, ann,
                                                       refused):
    made = suppress(database.unit_of_work(), manager, ann, form())
    lift_suppression(database.unit_of_work(), manager, made.id)
    with refused(NotAllowed, "lifted already"):
        lift_suppression(database.unit_of_work(), manager, made.id)
    with refused(Exception, "permission"):
        suppress(database.unit_of_work(), viewer, ann, form())
