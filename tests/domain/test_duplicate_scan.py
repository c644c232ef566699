"""How the scan relates two customers: names (same, nickname, swapped, one edit), what they
share, the score and the words; a shared value with another first name is a household."""

from __future__ import annotations

from datetime import date

import pytest

from contact_desk.domain.duplicate_scan import (
    Candidate,
    Kinship,
    candidate_pairs,
    compare,
    kinship,
    nicknames_agree,
    one_edit,
)

CELL = {"+13125550142": ("(312) 555-0142", True)}


def person(id, first, last, **more) -> Candidate:
    return Candidate(id=id, number=f"C{id}", first_name=first, last_name=last, **more)


@pytest.mark.parametrize(("one", "other", "expected"), [
    ("jon", "john", True), ("smith", "smyth", True), ("anna", "ana", True),
    ("maria", "mairа", False), ("mark", "mike", False), ("al", "el", False),
    ("steven", "stevne", True), ("lee", "lee", False),
])
def test_one_edit(one, other, expected):
    assert one_edit(one, other) is expected


@pytest.mark.parametrize(("one", "other", "expected"), [
    ("bill", "william", True), ("liz", "elizabeth", True), ("bob", "robert", True),
    ("bill", "robert", False), ("ann", "ann", False), ("zed", "william", False),
])
def test_nicknames(one, other, expected):
    assert nicknames_agree(one, other) is expected


@pytest.mark.parametrize(("one", "other", "expected"), [
    (("Mathew", "Smith"), ("Matthew", "Smith"), Kinship.ONE_EDIT),
    (("Jon", "Smith"), ("John", "Smith"), Kinship.NICKNAME),
    (("Ann", "Smith"), ("Ann", "Smyth"), Kinship.ONE_EDIT),
    (("Bill", "Jones"), ("William", "Jones"), Kinship.NICKNAME),
    (("Smith", "Jon"), ("Jon", "Smith"), Kinship.SWAPPED),
    (("Zoë", "O'Brien"), ("zoe", "OBRIEN"), Kinship.SAME),
    (("Mary", "Lee"), ("Tom", "Lee"), Kinship.HOUSEHOLD),
    (("Mary", "Lee"), ("Tom", "Park"), Kinship.OTHER),
])
def test_how_names_relate(one, other, expected):
    assert kinship(person(1, *one), person(2, *other)) is expected


def test_a_close_name_on_the_same_mobile_is_a_duplicate_in_words():
    found = compare(person(2, "John", "Smith", phones=CELL), person(1, "Jon", "Smith",
                                                                    phones=CELL))
    assert (found.low, found.high, found.duplicate) == (1, 2, True)
    assert found.said() == "same mobile (312) 555-0142; names Jon Smith / John Smith"
    assert found.score == 40 + 25  # a nickname (resources/nicknames.json), and the phone


def test_a_shared_phone_with_another_first_name_is_a_household_not_a_duplicate():
    found = compare(person(1, "Mary", "Lee", phones=CELL), person(2, "Tom", "Lee",
                                                                  phones=CELL))
    assert found is not None and not found.duplicate


def test_nothing_shared_is_nothing_to_say_even_with_the_same_name():
    assert compare(person(1, "Ann", "Lee"), person(2, "Ann", "Lee")) is None


def test_the_same_name_and_birth_date_is_a_duplicate_and_more_evidence_scores_higher():
    born = date(1980, 5, 17)
    one = compare(person(1, "Ann", "Lee", birth_date=born), person(2, "Ann", "Lee",
                                                                   birth_date=born))
    more = compare(person(1, "Ann", "Lee", birth_date=born, emails=frozenset({"a@x.com"})),
                   person(2, "Ann", "Lee", birth_date=born, emails=frozenset({"a@x.com"})))
    assert one.duplicate and one.said() == "same birth date 1980-05-17"
    assert more.score > one.score


def test_a_house_is_its_postal_code_and_street_number():
    home = {"postal_code": "60614-1234", "address_line1": "1420 N Clark St"}
    other = {"postal_code": "60614", "address_line1": "1420 North Clark Street Apt 2"}
    found = compare(person(1, "Liz", "Park", **home), person(2, "Elizabeth", "Park", **other))
    assert found.duplicate and found.said().startswith("same address 1420 N Clark St")


def test_pairs_come_from_shared_keys_once_and_never_from_a_crowd():
    shared = [person(n, f"P{n}", "X", phones=CELL) for n in range(1, 4)]
    crowd = [person(n, f"Q{n}", "Y", emails=frozenset({"noemail@dealer.com"}))
             for n in range(10, 30)]
    assert sorted(candidate_pairs([*shared, *crowd])) == [(1, 2), (1, 3), (2, 3)]


def test_a_nickname_two_names_share_does_not_make_them_one():
    assert nicknames_agree("nan", "ann") and nicknames_agree("nan", "nancy")
    assert not nicknames_agree("ann", "nancy")
