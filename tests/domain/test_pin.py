"""A PIN is kept as a salted scrypt hash and checked against it, never stored as it is."""

from __future__ import annotations

import pytest

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.pin import check_new_pin, hash_pin, pin_matches


def test_a_pin_matches_its_own_hash_only() -> None:
    stored = hash_pin("4711")
    assert stored.startswith("scrypt$16384$8$1$") and "4711" not in stored
    assert pin_matches("4711", stored)
    assert not pin_matches("4712", stored) and not pin_matches("", stored)
    assert hash_pin("4711") != stored, "each hash has its own salt"


@pytest.mark.parametrize("stored", ["", "4711", "scrypt$x$8$1$00$00", "md5$1$1$1$00$00"])
def test_a_damaged_or_foreign_hash_matches_nothing(stored: str) -> None:
    assert not pin_matches("4711", stored)


@pytest.mark.parametrize("pin", ["", "123", "x" * 65, " 1234", "1234 "])
def test_a_new_pin_is_four_to_sixty_four_characters_without_edge_spaces(pin: str) -> None:
    with pytest.raises(InvalidValue):
        check_new_pin(pin)
