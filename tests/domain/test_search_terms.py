"""The keys a customer is filed under and what a typed query looks for: folded alike."""

from __future__ import annotations

import pytest

from contact_desk.domain.search_terms import (
    Alternative,
    KeyKind,
    Place,
    Rank,
    SearchKey,
    compact,
    customer_keys,
    rank_of,
    search_query,
    words,
)


@pytest.mark.parametrize(("name", "folded"), [
    ("O'Brien-Smith", ["obrien", "smith"]), ("Muñoz", ["munoz"]), ("Mary Ann", ["mary", "ann"]),
    ("STRAßE", ["strasse"]), ("Øre Łukasz", ["ore", "lukasz"]), ("D’Angelo", ["dangelo"]),
    ("A.J. & Sons, Inc.", ["a", "j", "sons", "inc"]), ("", []),
])
def test_words_drop_accents_case_apostrophes_and_break_at_punctuation(name, folded):
    assert words(name) == folded


def test_a_customer_is_filed_under_each_word_and_each_name_whole():
    keys = customer_keys(first_name="Mary Ann", last_name="O'Brien-Smith",
                         company="Lakeside Motors", customer_number="C-100001",
                         emails=["mary@fleetco.com"], phones=[("+12125550142", "5550142")],
                         vins=["1HGCM82633A004352"])
    text = {key.key: key.place for key in keys if key.kind is KeyKind.TEXT}
    assert text["maryann"] == text["obriensmith"] == text["lakesidemotors"] == Place.WHOLE
    assert text["mary"] == text["obrien"] == text["lakeside"] == Place.FIRST
    assert text["ann"] == text["smith"] == text["motors"] == Place.OTHER
    assert text["maryannobriensmith"] == Place.WHOLE
    assert text["c100001"] == text["100001"] == Place.WHOLE
    assert text["mary@fleetco.com"] == Place.WHOLE and text["fleetco.com"] == Place.OTHER
    assert text["1hgcm82633a004352"] == Place.WHOLE
    assert SearchKey(KeyKind.PHONE, "12125550142", Place.WHOLE) in keys
    assert SearchKey(KeyKind.PHONE, "5550142", Place.OTHER) in keys
    assert SearchKey(KeyKind.PHONE_END, "24105552121", Place.OTHER) in keys
    assert SearchKey(KeyKind.VIN_END, "253400a33628mcgh1", Place.OTHER) in keys


def test_a_phone_typed_in_any_format_is_its_digits_under_the_home_country_code():
    for typed in ("(212) 555-01", "212.555.01", "212-555-01"):
        (term,) = search_query(typed, 1).terms
        assert Alternative(KeyKind.PHONE, "121255501") in term.alternatives
        assert Alternative(KeyKind.PHONE_END, "10555212") in term.alternatives
    (term,) = search_query("+44 20 7946", 1).terms
    assert Alternative(KeyKind.PHONE, "44207946") in term.alternatives
    assert Alternative(KeyKind.PHONE, "144207946") not in term.alternatives


def test_endings_need_four_digits_for_a_phone_and_six_characters_for_a_vin():
    kinds = {alternative.kind for alternative in search_query("142", 1).terms[0].alternatives}
    assert KeyKind.PHONE_END not in kinds and KeyKind.VIN_END not in kinds
    kinds = {alternative.kind for alternative in search_query("0142", 1).terms[0].alternatives}
    assert KeyKind.PHONE_END in kinds and KeyKind.VIN_END not in kinds
    kinds = {alternative.kind for alternative in search_query("A04352", 1).terms[0].alternatives}
    assert KeyKind.VIN_END in kinds and KeyKind.PHONE_END not in kinds


def test_nothing_typed_is_the_list_of_everyone():
    assert search_query("", 1) is None and search_query("  - ", 1) is None


@pytest.mark.parametrize(("query", "rank"), [
    ("ann", Rank.EXACT), ("Ann Marie Lee", Rank.EXACT), ("Ann Lee", Rank.FIRST_WORD), ("an", Rank.FIRST_WORD),
    ("lee", Rank.EXACT), ("le", Rank.FIRST_WORD), ("smith", None), ("ann zed", None),
    ("marie", Rank.OTHER_WORD), ("ann mar", Rank.FIRST_WORD), ("c1", Rank.EXACT), ("c", Rank.FIRST_WORD),
])
def test_rank_exact_then_first_word_then_other_words(query, rank):
    keys = customer_keys(first_name="Ann Marie", last_name="Lee", customer_number="C1")
    keys += customer_keys(first_name="Ann")  # "ann" whole as a first name too
    assert rank_of(keys, search_query(query, 1)) == rank


def test_compact_runs_a_number_together():
    assert compact("X-77") == "x77" and compact("  ") == ""
