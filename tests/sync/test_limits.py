"""One limit a field, on every way in: a name too long or an impossible birth date is
refused by the DMS sync, a vCard, an ADF lead and the desk alike, never cut or kept."""

from __future__ import annotations

from datetime import date

import pytest

from contact_desk.domain.errors import InvalidValue
from contact_desk.domain.limits import ADDRESS_LIMITS, MAX_NAME
from contact_desk.services.customers import (
    create_customer,
    customer_count,
    open_customer,
    search_customers,
    update_customer_details,
)
from contact_desk.sync.adf import import_adf
from contact_desk.sync.dms import sync_dms
from contact_desk.sync.vcard import import_vcards
from contact_desk.services.forms import CustomerForm
from tests.sync.test_adf import LEAD

LONG = "A" * 5000
FUTURE = "2999-01-01"


def dms(database, actor, tmp_path, export, first_name: str = "Ann",
        birth_date: str = "1980-05-17") -> str:
    report = sync_dms(database, actor, export([{
        "customer_number": "D1", "first_name": first_name, "last_name": "Lee",
        "email": "ann@example.com", "birth_date": birth_date}]))
    assert report.customers_created == 0
    return " ".join(bad.reason for bad in report.bad_rows)


def vcard(database, actor, tmp_path, export, first_name: str = "Ann",
          birth_date: str = "1980-05-17") -> str:
    path = tmp_path / "cards.vcf"
    path.write_text(f"BEGIN:VCARD\nVERSION:3.0\nN:Lee;{first_name};;;\nBDAY:{birth_date}\n"
                    "EMAIL:ann@example.com\nEND:VCARD\n", encoding="utf-8")
    report = import_vcards(database, actor, path)
    assert report.customers_created == 0
    return " ".join(bad.reason for bad in report.bad_cards)


def adf(database, actor, tmp_path, export, first_name: str = "Ann") -> str:
    path = tmp_path / "lead.xml"
    path.write_text(LEAD.replace('<name part="first">Ann</name>',
                                 f'<name part="first">{first_name}</name>'), encoding="utf-8")
    with pytest.raises(InvalidValue) as refused:
        import_adf(database, actor, path)
    return str(refused.value)


def by_hand(database, actor, tmp_path, export, first_name: str = "Ann",
            birth_date: str = "1980-05-17") -> str:
    with pytest.raises(InvalidValue) as refused:
        create_customer(database.unit_of_work(), actor, first_name=first_name, last_name="Lee",
                        birth_date=date.fromisoformat(birth_date))
    return str(refused.value)


@pytest.mark.parametrize("way_in", [dms, vcard, adf, by_hand])
def test_a_name_too_long_is_refused_on_every_way_in(database, manager, tmp_path, export,
                                                    way_in):
    said = way_in(database, manager, tmp_path, export, first_name=LONG)

    assert str(MAX_NAME) in said and LONG not in said
    assert customer_count(database) == 0  # nothing kept, and nothing cut to 80


@pytest.mark.parametrize("way_in", [dms, vcard, by_hand])
def test_a_birth_date_in_the_future_is_refused_on_every_way_in(database, manager, tmp_path,
                                                               export, way_in):
    said = way_in(database, manager, tmp_path, export, birth_date=FUTURE)

    assert "2999" in said
    assert customer_count(database) == 0


@pytest.mark.parametrize("written", ["1980-02-31", "May 1980", "1980-05-17T10:00:00Z"])
def test_a_vcard_birthday_is_read_whole_or_the_card_is_reported(database, manager, tmp_path,
                                                                export, written):
    path = tmp_path / "cards.vcf"
    path.write_text(f"BEGIN:VCARD\nVERSION:3.0\nN:Lee;Ann;;;\nBDAY:{written}\n"
                    "EMAIL:ann@example.com\nEND:VCARD\n", encoding="utf-8")
    report = import_vcards(database, manager, path)
    if "T" in written:  # a date-time: its day is the birthday
        assert report.customers_created == 1 and not report.bad_cards
        [ann] = search_customers(database.unit_of_work(), "lee")
        assert open_customer(database.unit_of_work(), ann.id).birth_date == date(1980, 5, 17)
    else:
        assert report.customers_created == 0
        assert f"its birthday {written!r} is not a date" in report.bad_cards[0].reason


STREET = "1 Main Street, " * 10  # 150 characters: more than a street address holds


def test_an_address_too_long_is_refused_on_every_way_in_never_cut(database, manager, export):
    """A new customer from the DMS (the bulk path), a customer the DMS already sent (the
    ORM path), a customer typed at the desk and a changed address: refused whole."""
    first = sync_dms(database, manager, export([
        {"customer_number": "D1", "first_name": "Ann", "last_name": "Lee", "city": "Albany"},
        {"customer_number": "D2", "first_name": "Bo", "last_name": "Ray",
         "address_line1": STREET}]))
    [refused] = first.bad_rows
    assert first.customers_created == 1
    assert refused.customer_number == "D2" and "120" in refused.reason

    again = sync_dms(database, manager, export([
        {"customer_number": "D1", "first_name": "Ann", "last_name": "Lee",
         "city": "Albany " * 20}]))
    assert "most kept is 80" in again.bad_rows[0].reason
    [ann] = search_customers(database.unit_of_work(), "lee")
    before = open_customer(database.unit_of_work(), ann.id)
    assert before.city == "Albany"  # kept, not cut

    with pytest.raises(InvalidValue, match="ZIP code is too long"):
        create_customer(database.unit_of_work(), manager, first_name="Cy", last_name="Ng",
                        postal_code="1" * 21)
    with pytest.raises(InvalidValue, match="State is too long"):
        update_customer_details(
            database.unit_of_work(),
            manager,
            ann.id,
            CustomerForm(first_name="Ann", last_name="Lee", state="New York " * 10),
        )
    shown = open_customer(database.unit_of_work(), ann.id)
    assert (shown.city, shown.state, shown.version) == ("Albany", "", before.version)
    assert customer_count(database) == 1


def test_the_longest_address_the_desk_accepts_is_kept_whole(database, manager):
    """Each limit is its column's width: PostgreSQL would refuse one character more."""
    longest = {name: "8" * most for name, (_, most) in ADDRESS_LIMITS.items()}
    customer_id = create_customer(
        database.unit_of_work(), manager, first_name="Ann", last_name="Lee", **longest
    )
    shown = open_customer(database.unit_of_work(), customer_id)
    assert {name: getattr(shown, name) for name in longest} == longest
