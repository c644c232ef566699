"""What the desk did with a customer (contact attempts, notes), and the users at the desks:
who they are, what they may do, and who is assigned to a customer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from contact_desk.domain.enums import AssignmentRole, AttemptOutcome, Channel, Permission
from contact_desk.domain.errors import InvalidValue, NotAllowed, NotFound, PermissionDenied
from contact_desk.services import users
from contact_desk.services.activity import MAX_NOTE, add_note, log_contact_attempt
from contact_desk.store.activity import ContactAttempt, Note
from contact_desk.store.base import utc_now
from contact_desk.store.customer import Customer
from contact_desk.store.users import User

SALES, BDC = AssignmentRole.SALES, AssignmentRole.BDC


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer()


@pytest.fixture
def sam(database, manager) -> int:
    return users.create_user(database.unit_of_work(), manager, "sam", "Sam Sales", [])


@pytest.fixture
def bea(database, manager) -> int:
    return users.create_user(database.unit_of_work(), manager, "bea", "Bea BDC", [])


def _assigned(database, customer_id: int) -> dict[AssignmentRole, str]:
    with database.sessions() as session:
        return users.assignments(session, customer_id)


def _deactivate(database, user_id: int) -> None:
    """The user left the dealership (done by an administrator, outside these services)."""
    with database.sessions() as session:
        session.get(User, user_id).active = False
        session.commit()


def _version(database, customer_id: int) -> int:
    with database.sessions() as session:
        return session.get(Customer, customer_id).version


def test_a_contact_attempt_is_logged_with_who_and_when(
    database, clerk, customer_id, audit_trail
):
    called_at = datetime(2026, 3, 2, 15, 30, tzinfo=timezone.utc)
    called = log_contact_attempt(database.unit_of_work(), clerk, customer_id, Channel.CALL,
                                 AttemptOutcome.LEFT_MESSAGE, at=called_at)
    before = utc_now()
    texted = log_contact_attempt(database.unit_of_work(), clerk, customer_id, Channel.TEXT,
                                 AttemptOutcome.NO_ANSWER)
    with database.sessions() as session:
        attempts = session.scalars(select(ContactAttempt).order_by(ContactAttempt.id)).all()
    assert [(a.id, a.customer_id, a.channel, a.outcome, a.user_id) for a in attempts] == [
        (called, customer_id, Channel.CALL, AttemptOutcome.LEFT_MESSAGE, clerk.user_id),
        (texted, customer_id, Channel.TEXT, AttemptOutcome.NO_ANSWER, clerk.user_id),
    ]
    assert attempts[0].at == called_at
    assert before - timedelta(seconds=1) <= attempts[1].at <= utc_now(), "now, by default"
    assert [(e.entity_id, e.new, e.user_id) for e in audit_trail(field="logged")] == [
        (called, "Call: Left message", clerk.user_id), (texted, "Text: No answer", clerk.user_id)]


def test_an_attempt_or_note_for_a_customer_that_is_gone_is_refused(
    database, clerk, customer_id, refused
):
    with refused(NotFound, "That customer no longer exists"):
        log_contact_attempt(database.unit_of_work(), clerk, customer_id + 1, Channel.EMAIL,
                            AttemptOutcome.BOUNCED)
    with refused(NotFound, "That customer no longer exists"):
        add_note(database.unit_of_work(), clerk, customer_id + 1, "Called back")


def test_only_a_user_who_may_edit_customers_logs_attempts_and_adds_notes(
    database, viewer, customer_id, refused
):
    with refused(PermissionDenied, "Val Viewer does not have the permission to edit customers"):
        log_contact_attempt(database.unit_of_work(), viewer, customer_id, Channel.CALL,
                            AttemptOutcome.REACHED)
    with refused(PermissionDenied, "Val Viewer does not have the permission to edit customers"):
        add_note(database.unit_of_work(), viewer, customer_id, "Called back")


def test_a_note_is_kept_as_plain_text_with_its_author(database, clerk, customer_id, audit_trail):
    body = "Wants a call after 5pm.\n@sam <b>not</b> a mention, not markup."
    note_id = add_note(database.unit_of_work(), clerk, customer_id, f"  {body}\n ")
    with database.sessions() as session:
        note = session.get(Note, note_id)
        assert (note.customer_id, note.body, note.author.name) == (
            customer_id, body, "Casey Clerk")
    [added] = audit_trail(entity="note")
    assert (added.entity_id, added.field, added.new, added.user_id) == (
        note_id, "added", body, clerk.user_id)


def test_a_long_note_is_kept_whole_and_its_audit_event_shortened(
    database, clerk, customer_id, audit_trail
):
    body = "x" * MAX_NOTE
    note_id = add_note(database.unit_of_work(), clerk, customer_id, body)
    with database.sessions() as session:
        assert session.get(Note, note_id).body == body
    assert audit_trail(entity="note")[0].new == "x" * 200


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Type the note"), (" \n\t ", "Type the note"), ("x" * (MAX_NOTE + 1), "at most 4000")],
)
def test_an_empty_or_too_long_note_is_refused(
    database, clerk, customer_id, refused, body, message
):
    with refused(InvalidValue, message) as raised:
        add_note(database.unit_of_work(), clerk, customer_id, body)
    assert raised.value.field == "note"


def test_a_user_is_created_with_a_tidy_login_and_their_permissions(database, manager):
    user_id = users.create_user(database.unit_of_work(), manager, "  PNair ", " Priya   Nair ",
                                [Permission.EDIT_CUSTOMERS, Permission.ASSIGN_USERS,
                                 Permission.EDIT_CUSTOMERS])
    priya = users.actor_for(database.unit_of_work(), "pnair")
    assert (priya.user_id, priya.name) == (user_id, "Priya Nair")
    assert priya.permissions == {Permission.EDIT_CUSTOMERS, Permission.ASSIGN_USERS}
    assert priya.can(Permission.ASSIGN_USERS) and not priya.can(Permission.MANAGE_PROGRAMS)


@pytest.mark.parametrize(
    ("login", "name", "error", "message"),
    [
        ("SAM", "Samuel Other", NotAllowed, "The login 'sam' is already taken"),
        ("  ", "Nobody", InvalidValue, "needs a login and a name"),
        ("kim", "   ", InvalidValue, "needs a login and a name"),
        ("k" * 41, "Kim Long", InvalidValue, "at most 40 characters"),
        ("kim", "K" * 81, InvalidValue, "a name at most 80"),
    ],
)
def test_a_user_needs_a_free_login_and_a_name(database, manager, sam, refused, login, name,
                                              error, message):
    with refused(error, message):
        users.create_user(database.unit_of_work(), manager, login, name, [])


def test_only_active_users_are_listed_and_can_act(database, manager, sam, bea):
    _deactivate(database, bea)
    listed = users.list_users(database.unit_of_work())
    assert [u.name for u in listed] == sorted([manager.name, "Sam Sales"])
    assert "Command line" not in [u.name for u in listed], "the built-in user acts no more"
    with pytest.raises(NotFound, match="There is no active user 'bea'"):
        users.actor_for(database.unit_of_work(), "bea")
    with pytest.raises(NotFound, match="There is no active user 'nobody'"):
        users.actor_for(database.unit_of_work(), "nobody")


def test_users_are_assigned_reassigned_and_unassigned_with_an_audit_event_each(
    database, manager, customer_id, sam, bea, audit_trail
):
    uow = database.unit_of_work
    users.assign_user(uow(), manager, customer_id, SALES, sam)
    users.assign_user(uow(), manager, customer_id, BDC, sam)
    assert _assigned(database, customer_id) == {SALES: "Sam Sales", BDC: "Sam Sales"}
    users.assign_user(uow(), manager, customer_id, BDC, bea)
    assert _assigned(database, customer_id) == {SALES: "Sam Sales", BDC: "Bea BDC"}
    users.assign_user(uow(), manager, customer_id, SALES, None)
    assert _assigned(database, customer_id) == {BDC: "Bea BDC"}
    assert [(e.field, e.old, e.new, e.user_id) for e in audit_trail(entity="assignment")] == [
        ("Sales", None, "Sam Sales", manager.user_id),
        ("BDC", None, "Sam Sales", manager.user_id),
        ("BDC", "Sam Sales", "Bea BDC", manager.user_id),
        ("Sales", "Sam Sales", None, manager.user_id),
    ]


def test_an_assignment_makes_older_copies_of_the_customer_stale_and_a_repeat_writes_nothing(
    database, manager, customer_id, sam, stored
):
    seen = _version(database, customer_id)
    users.assign_user(database.unit_of_work(), manager, customer_id, SALES, sam)
    assert _version(database, customer_id) > seen
    before = stored()
    users.assign_user(database.unit_of_work(), manager, customer_id, SALES, sam)
    users.assign_user(database.unit_of_work(), manager, customer_id, BDC, None)
    assert stored() == before


def test_only_an_active_user_who_exists_can_be_assigned(
    database, manager, customer_id, bea, refused
):
    _deactivate(database, bea)
    with refused(NotAllowed, "Bea BDC is no longer an active user"):
        users.assign_user(database.unit_of_work(), manager, customer_id, BDC, bea)
    with refused(NotFound, "That user no longer exists"):
        users.assign_user(database.unit_of_work(), manager, customer_id, BDC, bea + 100)


def test_assigning_needs_the_assign_users_permission(
    database, clerk, manager, customer_id, sam, refused
):
    users.assign_user(database.unit_of_work(), manager, customer_id, SALES, sam)
    with refused(PermissionDenied, "Casey Clerk does not have the permission to change assigned"):
        users.assign_user(database.unit_of_work(), clerk, customer_id, SALES, None)
    with refused(PermissionDenied, "Casey Clerk does not have the permission"):
        users.assign_user(database.unit_of_work(), clerk, customer_id, BDC, clerk.user_id)
