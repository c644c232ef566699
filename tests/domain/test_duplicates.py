"""Whether a lead's or a card's name agrees with a customer on file: the check that must go
with a shared phone or email before an import touches that customer."""

from __future__ import annotations

import pytest

from contact_desk.domain.duplicates import Names, folded, names_agree


def person(first: str, last: str, company: str = "") -> Names:
    return Names(first, last, company)


def company(name: str) -> Names:
    return Names(company=name)


@pytest.mark.parametrize(
    ("incoming", "on_file"),
    [
        (person("Ann", "Lee"), person("Ann", "Lee")),
        (person("ANN", "lee"), person("Ann", "Lee")),
        (person("Zoe", "Bronte"), person("Zoë", "Brontë")),
        (person("J.", "Davidson"), person("Jonathan", "Davidson")),
        (person("Jonathan", "Davidson"), person("J", "Davidson")),
        (person("Ann Marie", "Lee"), person("Ann", "Lee")),
        (person("Sean", "O'Brien"), person("Sean", "OBrien")),
        (person("Ida", "Smith-Jones"), person("Ida", "Smith Jones")),
        (person("Ann", "Lee", "Acme Fleet"), person("Ann", "Lee")),
        (company("ACME Fleet, Inc."), company("Acme Fleet Inc")),
    ],
)
def test_names_that_agree(incoming, on_file):
    assert names_agree(incoming, on_file)


@pytest.mark.parametrize(
    ("incoming", "on_file"),
    [
        # The cases: a family's, an office's shared phone or email.
        (person("Quentin", "Lead"), person("Deborah", "Mcintyre")),
        (person("Vera", "Card100"), person("Jonathan", "Davidson")),
        (person("Quentin", "Mcintyre"), person("Deborah", "Mcintyre")),
        (person("", "Mcintyre"), person("Deborah", "Mcintyre")),
        (person("Deborah", ""), person("Deborah", "Mcintyre")),
        (person("Deborah", "Mcintyre"), person("", "Mcintyre")),
        (person("Jon", "Davidson"), person("Jonathan", "Davidson")),
        (person("K.", "Davidson"), person("Jonathan", "Davidson")),
        # A driver of the fleet is not the fleet, nor the fleet its driver.
        (company("Acme Fleet"), person("Ann", "Lee", "Acme Fleet")),
        (person("Ann", "Lee", "Acme Fleet"), company("Acme Fleet")),
        (company("Acme Fleet"), company("Acme Rentals")),
        (Names(), Names()),
    ],
)
def test_names_that_do_not_agree(incoming, on_file):
    assert not names_agree(incoming, on_file)


def test_folding_drops_case_accents_spaces_and_punctuation():
    assert folded("Zoë O'Brien-Smith") == "zoeobriensmith"
    assert folded("STRAẞE") == folded("strasse")
