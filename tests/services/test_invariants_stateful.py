"""Random sequences of desk operations never break an invariant the product promises."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from contact_desk.domain.enums import (
    CommunicationPreference,
    ContactKind,
    ContactPointType,
    ContactRole,
    ContactStatus,
    TextConsent,
)
from contact_desk.domain.errors import DomainError
from contact_desk.services import additional_contacts as contacts
from contact_desk.services import contact_info, customers
from contact_desk.services import contact_points as cp
from contact_desk.services.forms import ContactForm
from contact_desk.store.customer import ContactPoint, Customer
from contact_desk.store.database import Database, open_database
from contact_desk.store.people import AccountContact, ContactPerson
from tests.conftest import first_manager
from tests.consent import set_flag

PHONES = [f"(212) 555-01{n:02d}" for n in range(40, 52)] + ["+44 20 7946 0958", "+44 7400 123456"]
EMAILS = [f"{name}@example.com" for name in ("ann", "bob", "cat", "dan", "eve", "fay")]
DMS_TYPES = [t for t in ContactPointType if t.dms_field]
_copies = itertools.count()


def make_machine(template: Path, workdir: Path):
    class DeskOperations(RuleBasedStateMachine):
        """A desk (and the sync's shared helpers) doing random things to two customers."""

        def __init__(self) -> None:
            super().__init__()
            path = workdir / f"desk-{next(_copies)}.sqlite3"
            shutil.copyfile(template, path)
            self.db: Database = open_database(str(path))
            self.actor = first_manager(self.db)
            self.customer_ids = [
                customers.create_customer(
                    self.db.unit_of_work(),
                    self.actor,
                    first_name="Ann",
                    last_name=f"Lee {n}",
                    customer_number=f"C{n}",
                )
                for n in (1, 2)
            ]

        def teardown(self) -> None:
            self.db.dispose()

        def _points(self) -> list[int]:
            with self.db.sessions() as session:
                return session.scalars(select(ContactPoint.id).order_by(ContactPoint.id)).all()

        def _links(self) -> list[int]:
            with self.db.sessions() as session:
                return session.scalars(select(AccountContact.id).order_by(AccountContact.id)).all()

        def _try(self, operation, *args, **kwargs) -> None:
            # A refusal is an allowed outcome; what matters is that nothing breaks.
            try:
                operation(self.db.unit_of_work(), self.actor, *args, **kwargs)
            except DomainError:
                pass

        @rule(who=st.integers(0, 1), kind=st.sampled_from(ContactKind), pick=st.integers(0, 13))
        def add_value(self, who, kind, pick):
            text = PHONES[pick] if kind is ContactKind.PHONE else EMAILS[pick % len(EMAILS)]
            self._try(contact_info.add_contact_point, self.customer_ids[who], kind, text)

        @rule(who=st.integers(0, 1), type_=st.sampled_from(DMS_TYPES), pick=st.integers(0, 13))
        def dms_adds_value(self, who, type_, pick):
            text = PHONES[pick] if type_.kind is ContactKind.PHONE else EMAILS[pick % len(EMAILS)]
            try:
                with self.db.unit_of_work() as uow:
                    customer = uow.session.get(Customer, self.customer_ids[who])
                    cp.new_contact_point(uow.session, self.actor, customer, type_, text)
                    cp.settle_primary(uow.session, self.actor, customer, type_.kind)
                    uow.commit()
            except DomainError:
                pass

        @precondition(lambda self: self._points())
        @rule(data=st.data(), status=st.sampled_from(ContactStatus))
        def change_status(self, data, status):
            point = data.draw(st.sampled_from(self._points()))
            self._try(contact_info.set_contact_point_status, point, status)

        @precondition(lambda self: self._points())
        @rule(data=st.data())
        def choose_primary(self, data):
            self._try(contact_info.set_primary, data.draw(st.sampled_from(self._points())))

        @precondition(lambda self: self._points())
        @rule(data=st.data(), pick=st.integers(0, 13))
        def correct_value(self, data, pick):
            point = data.draw(st.sampled_from(self._points()))
            with self.db.sessions() as session:
                kind = session.get(ContactPoint, point).kind
            text = PHONES[pick] if kind is ContactKind.PHONE else EMAILS[pick % len(EMAILS)]
            self._try(contact_info.edit_contact_point, point, text)

        @precondition(lambda self: self._points())
        @rule(data=st.data(), consent=st.sampled_from(TextConsent))
        def record_consent(self, data, consent):
            self._try(
                set_flag, data.draw(st.sampled_from(self._points())), text_consent=consent
            )

        @rule(
            who=st.integers(0, 1),
            email=st.sampled_from([None, *EMAILS]),
            primary=st.booleans(),
            portal=st.booleans(),
            role=st.sampled_from(ContactRole),
            prefs=st.sets(st.sampled_from(CommunicationPreference)),
        )
        def add_person(self, who, email, primary, portal, role, prefs):
            self._try(
                contacts.add_contact,
                self.customer_ids[who],
                ContactForm(
                    first_name="Pat",
                    last_name="Doe",
                    role=role,
                    role_description="Fleet",
                    email=email,
                    primary_contact=primary,
                    portal_access=portal,
                    preferences=frozenset(prefs),
                ),
            )

        @precondition(lambda self: self._links())
        @rule(data=st.data())
        def make_primary_contact(self, data):
            self._try(contacts.set_primary_contact, data.draw(st.sampled_from(self._links())))

        @precondition(lambda self: self._links())
        @rule(data=st.data(), who=st.integers(0, 1))
        def link_person_elsewhere(self, data, who):
            link = data.draw(st.sampled_from(self._links()))
            with self.db.sessions() as session:
                person_id = session.get(AccountContact, link).person_id
            self._try(
                contacts.link_existing_contact,
                self.customer_ids[who],
                person_id,
                role=ContactRole.SPOUSE,
                primary_contact=data.draw(st.booleans()),
            )

        @precondition(lambda self: self._links())
        @rule(data=st.data())
        def remove_person(self, data):
            self._try(contacts.remove_contact, data.draw(st.sampled_from(self._links())))

        @invariant()
        def primaries_hold(self):
            with self.db.sessions() as session:
                for point_kind in ContactKind:
                    for customer_id in self.customer_ids:
                        points = session.scalars(
                            select(ContactPoint).where(
                                ContactPoint.customer_id == customer_id,
                                ContactPoint.kind == point_kind,
                            )
                        ).all()
                        primaries = [p for p in points if p.is_primary]
                        active = [p for p in points if p.status is ContactStatus.ACTIVE]
                        assert len(primaries) == (1 if active else 0), (point_kind, points)
                        assert all(p.status is ContactStatus.ACTIVE for p in primaries)
                        values = [(p.value, p.extension) for p in points]
                        assert len(values) == len(set(values))

        @invariant()
        def people_hold(self):
            with self.db.sessions() as session:
                for customer_id in self.customer_ids:
                    count = session.scalar(
                        select(func.count())
                        .select_from(AccountContact)
                        .where(
                            AccountContact.customer_id == customer_id,
                            AccountContact.primary_contact,
                        )
                    )
                    assert count <= 1
                emails = session.scalars(
                    select(ContactPerson.email).where(ContactPerson.email.is_not(None))
                ).all()
                assert len(emails) == len(set(emails))
                assert not session.scalars(
                    select(ContactPerson).where(
                        ContactPerson.portal_access, ContactPerson.email.is_(None)
                    )
                ).all()

    return DeskOperations


def test_random_desk_operations_keep_every_invariant(sqlite_template, tmp_path):
    # 45 sequences of 50 steps: 2,250 steps, each followed by every invariant check.
    machine = make_machine(sqlite_template, tmp_path)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=45,
            stateful_step_count=50,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )
