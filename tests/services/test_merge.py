"""Merging two customers who are one person, and unmerging them, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import select

from contact_desk.domain.consent import ConsentState, Purpose
from contact_desk.domain.duplicates import DuplicateSource, DuplicateStatus
from contact_desk.domain.enums import (
    AssignmentRole,
    Channel,
    CommunicationPreference,
    ContactKind,
    ContactStatus,
    Permission,
)
from contact_desk.domain.errors import (
    ConflictError,
    InvalidValue,
    NotAllowed,
    NotFound,
    PermissionDenied,
)
from contact_desk.domain.history import Cause, Field
from contact_desk.domain.merge import MergeChoices, MergeField, Side
from contact_desk.services import activity, contact_info, users
from contact_desk.services.customers import (
    create_customer,
    get_customer,
    open_customer,
    update_customer_details,
)
from contact_desk.services.duplicates import possible_duplicates
from contact_desk.services.forms import CustomerForm
from contact_desk.services.history import customer_history
from contact_desk.services.merge import (
    merge_customers,
    merge_preview,
    merge_to_undo,
    unmerge,
)
from contact_desk.store.duplicates import PossibleDuplicate, PossibleDuplicateReason
from tests.services.merging import ann_twice, email, kept_values, phone, values_of, version_of


def _merge(database, actor, pair, choices=None):
    return merge_customers(database.unit_of_work(), actor, pair.keep, pair.other, choices,
                           version_of(database, pair.keep), version_of(database, pair.other))


def test_every_value_and_record_of_the_other_moves_to_the_survivor(database, manager, vin):
    pair = ann_twice(database, manager, vin)
    before = kept_values(database, pair.keep) + kept_values(database, pair.other)

    done = _merge(database, manager, pair)

    after = kept_values(database, pair.keep)
    shared_once = Counter({("point", "EMAIL", "ann@example.com", ""): 1,
                           ("person", "Bo", "Lee"): 1})
    assert after == before - shared_once
    assert kept_values(database, pair.other) == {}
    survivor = get_customer(database.unit_of_work(), f"#{pair.keep}")
    assert sorted(p.display for p in survivor.phones) == ["(312) 555-0100", "(312) 555-0142"]
    assert [e.value for e in survivor.emails] == ["ann@example.com"]
    assert survivor.birth_date == date(1980, 5, 1)  # the kept customer had none
    assert survivor.address_line1 == "1 Oak St"
    assert done.kept_once == ("ann@example.com", "Bo Lee")
    spouse = next(c for c in survivor.contacts if c.first_name == "Bo")
    assert set(spouse.preferences) == {CommunicationPreference.SCHEDULING,
                                       CommunicationPreference.INVOICES}
    assert [c.first_name for c in survivor.contacts if c.primary_contact] == ["Cy"]


def test_the_other_number_and_id_lead_to_the_survivor(database, manager):
    keep = create_customer(database.unit_of_work(), manager, first_name="Ann",
                           last_name="Lee", customer_number="C1")
    other = create_customer(database.unit_of_work(), manager, first_name="Ann",
                            last_name="Lee", customer_number="C2")
    merge_customers(database.unit_of_work(), manager, keep, other)

    for key in ("C2", f"#{other}", "C1"):
        assert get_customer(database.unit_of_work(), key).id == keep
    assert customer_history(database.unit_of_work(), "C2").customer_id == keep
    # the desk opening the row it was shown still gets that row, by id
    assert open_customer(database.unit_of_work(), other).id == other


def test_a_survivor_without_a_number_takes_the_other_number(database, manager):
    keep = create_customer(database.unit_of_work(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(database.unit_of_work(), manager, first_name="Anne",
                            last_name="Lee", customer_number="C9")
    done = merge_customers(database.unit_of_work(), manager, keep, other)

    survivor = get_customer(database.unit_of_work(), "C9")
    assert survivor.id == keep and survivor.customer_number == "C9"
    assert survivor.first_name == "Anne"  # the DMS customer's name is the default
    assert done.survivor_number == "C9" and done.merged_number == "C9"
    assert done.sides[MergeField.FIRST_NAME] is Side.OTHER


def test_the_merge_is_one_history_entry_saying_what_moved(database, manager, vin):
    pair = ann_twice(database, manager, vin)
    _merge(database, manager, pair)
    history = customer_history(database.unit_of_work(), pair.keep)
    merges = [e for e in history.entries if e.field is Field.MERGED]
    assert len(merges) == 1
    entry = merges[0]
    assert entry.cause is Cause.MERGED and entry.new == f"#{pair.other}"
    for said in ("(312) 555-0142", "Cy Books (bookkeeper)", "Honda Civic", "1 note",
                 "1 contact attempt", "1 suppressed message", "kept once: ann@example.com",
                 "birth date"):
        assert said in entry.detail
    # the other customer's own history came along
    assert any(e.field is Field.CREATED and e.new == "Ann Lee" for e in history.entries
               if e.at and e.entity.name == "CUSTOMER")
    assert customer_history(database.unit_of_work(), f"#{pair.other}").customer_id == pair.keep


def test_equal_values_are_kept_once_with_the_earliest_date_and_the_strictest_consent(
        database, manager):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    mine = phone(database, manager, keep, "(312) 555-0142")
    theirs = phone(database, manager, other, "312.555.0142")
    contact_info.set_consent(uow(), manager, theirs, _said(Channel.TEXT,
                                                           ConsentState.OPTED_OUT))
    with database.sessions() as session:  # the other desk had it first, a year ago
        from contact_desk.store.customer import ContactPoint

        session.get(ContactPoint, theirs).status_date = date(2025, 1, 2)
        session.commit()

    merge_customers(uow(), manager, keep, other)

    [kept] = get_customer(uow(), f"#{keep}").phones
    assert kept.id == mine and kept.status_date == date(2025, 1, 2)
    assert kept.do_not_text and kept.consent.opted_out(Channel.TEXT, Purpose.MARKETING)
    assert kept.is_primary


def _said(channel, state):
    from tests.consent import said

    return said(channel, state)


def test_the_kept_customer_primary_stays_unless_the_clerk_picks(database, manager):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    mine = phone(database, manager, keep, "(312) 555-0100")
    theirs = phone(database, manager, other, "(312) 555-0142")
    their_email = email(database, manager, other, "ann@example.com")
    preview = merge_preview(uow(), manager, keep, other)
    assert preview.primary == {ContactKind.PHONE: mine, ContactKind.EMAIL: their_email}

    merge_customers(uow(), manager, keep, other,
                    MergeChoices(primary={ContactKind.PHONE: theirs}))
    survivor = get_customer(uow(), f"#{keep}")
    assert [p.id for p in survivor.phones if p.is_primary] == [theirs]
    assert [e.id for e in survivor.emails if e.is_primary] == [their_email]


def test_a_picked_primary_that_is_not_active_is_refused(database, manager, refused):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    phone(database, manager, keep, "(312) 555-0100")
    theirs = phone(database, manager, other, "(312) 555-0142")
    phone(database, manager, other, "(312) 555-0143")
    contact_info.set_contact_point_status(uow(), manager, theirs, ContactStatus.INVALID)
    with refused(NotAllowed, "invalid"):
        merge_customers(uow(), manager, keep, other,
                        MergeChoices(primary={ContactKind.PHONE: theirs}))


def test_the_clerk_picks_the_surviving_value_of_each_field(database, manager):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Jon", last_name="Smith",
                           address_line1="1 Oak St", city="Springfield")
    other = create_customer(uow(), manager, first_name="John", last_name="Smith",
                            address_line1="9 Elm Ave", city="Chicago")
    users.assign_user(uow(), manager, other, AssignmentRole.BDC, manager.user_id)
    merge_customers(uow(), manager, keep, other, MergeChoices(fields={
        MergeField.FIRST_NAME: Side.OTHER, MergeField.ADDRESS: Side.OTHER}))
    survivor = get_customer(uow(), f"#{keep}")
    assert (survivor.first_name, survivor.address_line1, survivor.city) == (
        "John", "9 Elm Ave", "Chicago")
    from contact_desk.services.customers import search_customers

    assert keep in [hit.id for hit in search_customers(uow(), "john smith")]
    with database.sessions() as session:
        assert users.assignments(session, keep) == {AssignmentRole.BDC: manager.name}


def test_names_that_make_no_customer_are_refused(database, manager, refused):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, company="Acme Fleet")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    with refused(InvalidValue):
        merge_customers(uow(), manager, keep, other, MergeChoices(fields={
            MergeField.FIRST_NAME: Side.KEEP, MergeField.COMPANY: Side.OTHER}))


def test_merging_a_customer_with_itself_is_refused(database, manager, refused):
    keep = create_customer(database.unit_of_work(), manager, first_name="Ann",
                           last_name="Lee")
    with refused(NotAllowed, "itself"):
        merge_customers(database.unit_of_work(), manager, keep, keep)
    with pytest.raises(NotAllowed, match="itself"):
        merge_preview(database.unit_of_work(), manager, keep, keep)


def test_merging_a_customer_gone_or_merged_away_is_refused(database, manager, refused):
    uow = database.unit_of_work
    ann = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    anne = create_customer(uow(), manager, first_name="Anne", last_name="Lee")
    third = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    with refused(NotFound, "no longer exists"):
        merge_customers(uow(), manager, ann, 10**6)
    merge_customers(uow(), manager, ann, anne)
    with refused(NotFound, "merged into Ann Lee"):
        merge_customers(uow(), manager, third, anne)
    with refused(NotFound, "merged into Ann Lee"):
        merge_customers(uow(), manager, anne, third)


def test_a_merge_after_another_desk_changed_either_customer_is_refused(
        database, manager, refused):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    seen = merge_preview(uow(), manager, keep, other)
    update_customer_details(uow(), manager, other, CustomerForm(first_name="Anne",
                                                                last_name="Lee"))
    with refused(ConflictError, "Another desk changed Anne Lee"):
        merge_customers(uow(), manager, keep, other, None, seen.keep.version,
                        seen.other.version)


def test_merging_needs_the_merge_permission(database, manager, clerk, refused):
    keep = create_customer(database.unit_of_work(), manager, first_name="Ann",
                           last_name="Lee")
    other = create_customer(database.unit_of_work(), manager, first_name="Ann",
                            last_name="Lee")
    assert not clerk.can(Permission.MERGE_CUSTOMERS) and manager.can(
        Permission.MERGE_CUSTOMERS)
    preview = merge_preview(database.unit_of_work(), clerk, keep, other)
    assert preview.why_not == clerk.why_not(Permission.MERGE_CUSTOMERS)
    with refused(PermissionDenied, "Ask a manager"):
        merge_customers(database.unit_of_work(), clerk, keep, other)


def test_unmerge_puts_both_back_exactly(database, manager, vin):
    pair = ann_twice(database, manager, vin)
    before = values_of(database)
    done = _merge(database, manager, pair)
    assert values_of(database) != before

    back = unmerge(database.unit_of_work(), manager, done.merge_id)

    assert values_of(database) == before
    assert back.survivor_version > done.survivor_version
    assert get_customer(database.unit_of_work(), f"#{pair.other}").id == pair.other
    history = customer_history(database.unit_of_work(), pair.other)
    assert history.entries[0].field is Field.UNMERGED


def test_unmerge_is_refused_once_either_customer_changed(database, manager, refused):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    done = merge_customers(uow(), manager, keep, other)
    phone(database, manager, keep, "(312) 555-0100")
    with refused(ConflictError, "changed after the merge"):
        unmerge(uow(), manager, done.merge_id)


def test_a_note_added_after_the_merge_stays_with_the_survivor(database, manager):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    activity.add_note(uow(), manager, other, "Before.")
    done = merge_customers(uow(), manager, keep, other)
    activity.add_note(uow(), manager, keep, "After.")
    unmerge(uow(), manager, done.merge_id)
    assert set(kept_values(database, keep)) == {("note", "After.")}
    assert set(kept_values(database, other)) == {("note", "Before.")}


def test_an_unmerge_twice_is_refused_and_the_merge_can_be_made_again(database, manager,
                                                                       refused):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee",
                            customer_number="C2")
    done = merge_customers(uow(), manager, keep, other)
    assert merge_to_undo(uow(), "C2") == merge_to_undo(uow(), f"#{other}") == done.merge_id
    back = unmerge(uow(), manager, done.merge_id)
    with refused(NotAllowed, "undone already"):
        unmerge(uow(), manager, done.merge_id)
    with pytest.raises(NotFound, match="no merge to undo"):
        merge_to_undo(uow(), "C2")
    again = merge_customers(uow(), manager, keep, other, None, back.survivor_version,
                            back.merged_version)
    assert again.merge_id != done.merge_id


def test_possible_duplicates_follow_the_survivor(database, manager):
    uow = database.unit_of_work
    keep = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    other = create_customer(uow(), manager, first_name="Ann", last_name="Lee")
    third = create_customer(uow(), manager, first_name="Ann", last_name="Leigh")
    fourth = create_customer(uow(), manager, first_name="A", last_name="Lee")
    with database.sessions() as session:
        for low, high, value in ((keep, other, "a"), (other, third, "b"), (keep, fourth, "c"),
                                 (other, fourth, "d"), (keep, fourth, "d")):
            pair = session.scalars(select(PossibleDuplicate).where(
                PossibleDuplicate.customer_id == low,
                PossibleDuplicate.other_customer_id == high)).first()
            if pair is None:
                pair = PossibleDuplicate(customer_id=low, other_customer_id=high,
                                         source=DuplicateSource.SCAN, score=len(value))
                session.add(pair)
            from contact_desk.domain.duplicates import DuplicateReason

            pair.reasons.append(PossibleDuplicateReason(reason=DuplicateReason.SAME_PHONE,
                                                        value=value))
        session.commit()
    merge_customers(uow(), manager, keep, other)
    pairs = {(p.customer.name, p.other.name): ({v for _, v in p.reasons}, p.status)
             for p in possible_duplicates(uow(), None)}
    with database.sessions() as session:
        found = {(p.customer_id, p.other_customer_id): (p.status, {r.value for r in p.reasons})
                 for p in session.scalars(select(PossibleDuplicate))}
    assert found == {(keep, other): (DuplicateStatus.MERGED, {"a"}),
                     (keep, third): (DuplicateStatus.OPEN, {"b"}),
                     (keep, fourth): (DuplicateStatus.OPEN, {"c", "d"})}
    assert len(pairs) == 3


def test_the_duplicate_scan_never_pairs_a_customer_merged_away(database, manager):
    from contact_desk.services.duplicate_scan import check_customer, scan_for_duplicates

    uow = database.unit_of_work
    born = date(1980, 5, 1)
    keep, other, third = (create_customer(uow(), manager, first_name="Ann", last_name="Lee",
                                          birth_date=born) for _ in range(3))
    merge_customers(uow(), manager, keep, other)

    scan_for_duplicates(database, manager)

    found = {(p.customer_id, p.other_customer_id) for p in _pairs(database)
             if p.status is DuplicateStatus.OPEN}
    assert found == {(keep, third)}
    with database.sessions() as session:
        assert check_customer(session, other) == []


def _pairs(database):
    with database.sessions() as session:
        return session.scalars(select(PossibleDuplicate)).all()


def test_links_to_other_customers_follow_the_survivor_and_come_back_on_unmerge(
        database, manager):
    from contact_desk.domain.household import Relation, seen_from
    from contact_desk.services.households import link_customers
    from contact_desk.store.household import CustomerLink

    uow = database.unit_of_work
    keep, other, parent, spouse = (create_customer(uow(), manager, first_name=name,
                                                   last_name="Lee")
                                   for name in ("Ann", "Anne", "Mae", "Bo"))
    link_customers(uow(), manager, other, parent, Relation.PARENT)
    link_customers(uow(), manager, other, spouse, Relation.SPOUSE)
    link_customers(uow(), manager, keep, spouse, Relation.SPOUSE)
    before = values_of(database)

    done = merge_customers(uow(), manager, keep, other)

    with database.sessions() as session:
        linked = {seen_from(keep, link.customer_id, link.other_customer_id, link.relation)
                  for link in session.scalars(select(CustomerLink).where(
                      CustomerLink.removed_at.is_(None)))}
    assert linked == {(parent, Relation.PARENT), (spouse, Relation.SPOUSE)}
    assert "2 linked customers" in done.moved
    unmerge(uow(), manager, done.merge_id)
    assert values_of(database) == before


def test_search_finds_the_survivor_by_what_moved_and_never_the_merged_away(
        database, manager, new_customer):
    from contact_desk.services import contact_info as info
    from contact_desk.services.customers import search_customers
    from contact_desk.services.merge import merge_customers as merge_them
    from contact_desk.services.merge import unmerge as unmerge_them

    keep = new_customer("Ann", "Lee", customer_number="C1")
    other = new_customer("Annie", "Leigh")
    info.add_contact_point(database.unit_of_work(), manager, other, ContactKind.PHONE,
                           "(312) 555-0177")

    def found(query):
        return [hit.id for hit in search_customers(database.unit_of_work(), query)]

    assert found("Leigh") == [other]
    done = merge_them(database.unit_of_work(), manager, keep, other)
    assert found("Leigh") == [] and found("0177") == [keep]  # the phone moved to Ann
    unmerge_them(database.unit_of_work(), manager, done.merge_id)
    assert found("Leigh") == [other] and found("0177") == [other]
