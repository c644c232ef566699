"""ADF leads: a customer found or created, an open deal with the provider as locked source,
leads that stray from the spec, and hostile XML refused with nothing created. A lead goes
to a customer on file only when the name agrees, and the same lead is taken only once."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contact_desk.services import contact_info
from contact_desk.domain.duplicates import DuplicateReason, DuplicateSource, DuplicateStatus
from contact_desk.domain.enums import ContactKind, DealStage
from contact_desk.domain.errors import DomainError, InvalidValue, PermissionDenied
from contact_desk.services.customers import create_customer
from contact_desk.services.duplicates import possible_duplicates
from contact_desk.store.imports import AdfLead
from contact_desk.store.sales import Deal, Vehicle
from contact_desk.store.unit_of_work import translate_database_errors
from contact_desk.sync.adf import import_adf
from tests.sync.conftest import customer, points

LEAD = """<?xml version="1.0" encoding="UTF-8"?>
<?ADF VERSION "1.0"?>
<adf>
  <prospect status="new">
    <requestdate>2026-11-20T10:15:00-05:00</requestdate>
    <vehicle interest="buy" status="new">
      <year>2026</year><make>Honda</make><model>CR-V</model>
    </vehicle>
    <vehicle interest="trade-in" status="used">
      <year>2016</year><make>Ford</make><model>Focus</model><vin>1FADP3F23GL000001</vin>
    </vehicle>
    <customer>
      <contact primarycontact="1">
        <name part="first">Ann</name>
        <name part="last">Lee</name>
        <email>ann@example.com</email>
        <phone type="voice" time="day">212-555-0143</phone>
        <phone type="cellphone">(212) 555-0142</phone>
        <phone type="fax">212-555-0199</phone>
      </contact>
      <comments>Call after 5</comments>
    </customer>
    <vendor><vendorname>Albany Honda</vendorname></vendor>
    <provider><name part="full">Cars.com</name><service>Cars.com New</service></provider>
  </prospect>
</adf>
"""


def lead_file(tmp_path, text: str = LEAD, name: str = "lead.xml", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def deal_of(database, deal_id: int) -> tuple[Deal, Vehicle | None, Vehicle | None]:
    with database.sessions() as session:
        deal = session.get(Deal, deal_id)
        return deal, deal.interested_vehicle, deal.trade_in_vehicle


def test_a_lead_creates_the_customer_and_an_open_deal_with_a_locked_source(
    database, manager, tmp_path
):
    report = import_adf(database, manager, lead_file(tmp_path))

    assert report.customer_created and report.source == "Cars.com"
    view = customer(database, report.customer_id)
    assert (view.first_name, view.last_name) == ("Ann", "Lee")
    assert points(view) == [
        ("CUSTOMER_PHONE", "+12125550142", "ACTIVE", True),  # the cell phone comes first
        ("CUSTOMER_PHONE", "+12125550143", "ACTIVE", False),
        ("CUSTOMER_EMAIL", "ann@example.com", "ACTIVE", True),
    ]
    deal, wanted, trade_in = deal_of(database, report.deal_id)
    assert (deal.stage, deal.source, deal.source_locked) == (DealStage.NEW, "Cars.com", True)
    assert (wanted.title, wanted.owned, wanted.source.name) == ("2026 Honda CR-V", False, "LEAD")
    assert (trade_in.vin, trade_in.owned) == ("1FADP3F23GL000001", True)


def test_a_lead_from_a_known_customer_opens_a_deal_on_that_customer(
    database, manager, new_customer, tmp_path
):
    ann = new_customer(customer_number="C1")
    contact_info.add_contact_point(database.unit_of_work(), manager, ann, ContactKind.EMAIL,
                         "ann@example.com")
    contact_info.add_contact_point(database.unit_of_work(), manager, ann, ContactKind.PHONE,
                         "(518) 555-0100")

    report = import_adf(database, manager, lead_file(tmp_path))

    assert (report.customer_id, report.customer_created) == (ann, False)
    phones = customer(database, "C1").phones
    assert [(p.value, p.is_primary) for p in phones] == [
        ("+15185550100", True), ("+12125550142", False), ("+12125550143", False)]


STRAYING = {
    "no XML declaration": LEAD.split("\n", 1)[1],
    "a declaration after the ADF instruction": LEAD.replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n<?ADF VERSION "1.0"?>',
        '<?ADF VERSION "1.0"?>\n<?xml version="1.0" encoding="UTF-8"?>'),
    "a declaration written oddly, after blank lines": "\n\n  " + LEAD.replace(
        '<?xml version="1.0" encoding="UTF-8"?>', "<?XML version='1.0' encoding='UTF-8' ?>"),
    "tags in capitals": LEAD.replace("<prospect", "<PROSPECT").replace(
        "</prospect>", "</PROSPECT>").replace("<customer>", "<Customer>").replace(
        "</customer>", "</Customer>"),
}


@pytest.mark.parametrize("text", STRAYING.values(), ids=STRAYING.keys())
def test_leads_that_stray_from_the_spec_are_still_read(desk, desk_user, tmp_path, text):
    report = import_adf(desk, desk_user, lead_file(tmp_path, text))

    assert report.source == "Cars.com"
    assert customer(desk, report.customer_id).full_name == "Ann Lee"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ('<name part="full">Ann Marie Lee</name>', ("Ann Marie", "Lee", "")),
        ("<name>Lee, Ann</name>", ("Ann", "Lee", "")),
        ('<name type="business">Acme Fleet</name>', ("", "", "Acme Fleet")),
    ],
)
def test_a_full_name_or_a_business_name_is_split_as_a_person_would(
    desk, desk_user, tmp_path, names, expected
):
    text = LEAD.replace('<name part="first">Ann</name>\n        <name part="last">Lee</name>',
                        names)
    report = import_adf(desk, desk_user, lead_file(tmp_path, text))

    view = customer(desk, report.customer_id)
    assert (view.first_name, view.last_name, view.company) == expected


def test_untyped_phones_a_missing_provider_and_a_bad_value_are_taken_in_stride(
    desk, desk_user, tmp_path
):
    text = """<adf><prospect><customer><contact>
        <name part="full">Bo Ray</name>
        <phone>518 555 0100</phone><phone>call me</phone><email>bo@example.com</email>
    </contact></customer></prospect></adf>"""
    report = import_adf(desk, desk_user, lead_file(tmp_path, text))

    assert report.source == "ADF lead"
    assert len(report.skipped_values) == 1 and "call me" in report.skipped_values[0]
    view = customer(desk, report.customer_id)
    assert [p.value for p in view.phones] == ["+15185550100"]
    assert deal_of(desk, report.deal_id)[1] is None


def test_a_windows_1252_lead_is_read(desk, desk_user, tmp_path):
    text = LEAD.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace("Ann", "Zoë")
    report = import_adf(desk, desk_user, lead_file(tmp_path, text, encoding="cp1252"))
    assert customer(desk, report.customer_id).first_name == "Zoë"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE adf [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<adf><prospect><customer><contact><name part="full">&lol4;</name>
<email>x@example.com</email></contact></customer></prospect></adf>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE adf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<adf><prospect><customer><contact><name part="full">&secret;</name>
<email>x@example.com</email></contact></customer></prospect></adf>"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BILLION_LAUGHS, "declares XML entities"),
        (EXTERNAL_ENTITY, "declares XML entities"),
        (LEAD[: len(LEAD) // 2], "not readable XML"),
        ("<adf><vendor/></adf>", "no <prospect>"),
        ("<adf><prospect/><prospect/></adf>", "holds 2 leads"),
        ("<adf><prospect><vehicle/></prospect></adf>", "names no customer"),
        ("Hello, please call Ann at 555-0142", "not readable XML"),
        ("", "is empty"),
    ],
)
def test_a_hostile_or_broken_lead_is_refused_and_nothing_is_created(
    database, manager, tmp_path, refused, text, message
):
    with refused(InvalidValue, message):
        import_adf(database, manager, lead_file(tmp_path, text))


def test_someone_without_the_sync_permission_cannot_import_leads(
    database, clerk, tmp_path, refused
):
    with refused(PermissionDenied):
        import_adf(database, clerk, lead_file(tmp_path))


def test_the_deal_is_audited(database, manager, tmp_path, audit_trail):
    report = import_adf(database, manager, lead_file(tmp_path))
    created = audit_trail(entity="deal")
    assert [(e.entity_id, e.new) for e in created] == [(report.deal_id,
                                                       "Cars.com: 2026 Honda CR-V")]
    with database.sessions() as session:
        assert len(session.scalars(select(Vehicle)).all()) == 2


def test_a_vin_that_fails_its_check_digit_is_left_out_and_the_car_kept(desk, desk_user, tmp_path):
    text = LEAD.replace("1FADP3F23GL000001", "1FADP3F20GL000001")
    report = import_adf(desk, desk_user, lead_file(tmp_path, text))

    assert any("check digit" in note for note in report.skipped_values)
    _, _, trade_in = deal_of(desk, report.deal_id)
    assert (trade_in.title, trade_in.vin) == ("2016 Ford Focus", "")


def test_a_trade_in_already_in_the_garage_is_used_as_it_is(database, manager, tmp_path):
    first = import_adf(database, manager, lead_file(tmp_path))
    second = import_adf(database, manager, lead_file(tmp_path, LEAD.replace(
        "2026-11-20T10:15:00", "2026-12-02T09:00:00"), name="next.xml"))

    assert not second.customer_created and second.deal_id != first.deal_id
    assert deal_of(database, first.deal_id)[2].id == deal_of(database, second.deal_id)[2].id


# ---------------------------------------------------------------- whose lead it is, and once

QUENTIN = LEAD.replace(">Ann<", ">Quentin<").replace(">Lee<", ">Lead<").replace(
    "ann@example.com", "quentin@example.com").replace("(212) 555-0142", "(773) 555-0123")


def deborah(database, manager) -> int:
    """Deborah Mcintyre, C100051, whose family phone is (773) 555-0123."""
    customer_id = create_customer(database.unit_of_work(), manager, first_name="Deborah",
                                  last_name="Mcintyre", customer_number="C100051")
    contact_info.add_contact_point(database.unit_of_work(), manager, customer_id, ContactKind.PHONE,
                         "(773) 555-0123")
    contact_info.add_contact_point(database.unit_of_work(), manager, customer_id, ContactKind.EMAIL,
                         "deborah@example.com")
    return customer_id


def deals_of(database, customer_id: int) -> list[int]:
    with database.sessions() as session:
        return list(session.scalars(select(Deal.id).where(Deal.customer_id == customer_id)))


def test_a_lead_sharing_a_phone_with_someone_else_is_a_new_customer_and_a_possible_duplicate(
    database, manager, tmp_path
):
    deborah_id = deborah(database, manager)
    hers = points(customer(database, "C100051"))

    report = import_adf(database, manager, lead_file(tmp_path, QUENTIN))

    assert points(customer(database, "C100051")) == hers and deals_of(database, deborah_id) == []
    assert report.customer_created and report.customer_id != deborah_id
    quentin = customer(database, report.customer_id)
    assert (quentin.first_name, quentin.last_name) == ("Quentin", "Lead")
    assert {p.value for p in (*quentin.phones, *quentin.emails)} >= {
        "+17735550123", "quentin@example.com"}
    assert deals_of(database, report.customer_id) == [report.deal_id]
    [pair] = possible_duplicates(database.unit_of_work())
    assert (pair.customer.customer_number, pair.other.name) == ("C100051", "Quentin Lead")
    assert pair.reasons == ((DuplicateReason.SAME_PHONE, "+17735550123"),)
    assert (pair.source, pair.source_file, pair.status) == (
        DuplicateSource.ADF, "lead.xml", DuplicateStatus.OPEN)
    assert report.summary() == (
        "Lead from Cars.com: deal #1 opened for a new customer, Quentin Lead (no customer "
        "number). The lead shares a phone or email with a customer whose name does not "
        "agree, so it was kept apart and recorded as a possible duplicate of: C100051 "
        "(Deborah Mcintyre).")
    assert report.details() == [
        "Quentin Lead (no customer number) may be C100051 (Deborah Mcintyre): same phone "
        "(773) 555-0123"]  # as the desk shows phones, not as stored


def test_a_lead_whose_name_agrees_goes_to_the_customer_it_shares_a_phone_with(
    database, manager, tmp_path
):
    deborah_id = deborah(database, manager)
    lead = QUENTIN.replace(">Quentin<", ">D.<").replace(">Lead<", ">McIntyre<")

    report = import_adf(database, manager, lead_file(tmp_path, lead))

    assert (report.customer_id, report.customer_created) == (deborah_id, False)
    assert report.summary() == "Lead from Cars.com: deal #1 opened for C100051 (Deborah Mcintyre)."
    assert possible_duplicates(database.unit_of_work()) == []


def test_the_same_lead_imported_twice_changes_nothing_the_second_time(
    database, manager, tmp_path, stored
):
    first = import_adf(database, manager, lead_file(tmp_path))
    before = stored()

    again = import_adf(database, manager, lead_file(tmp_path, name="lead-copy.xml"))

    assert stored() == before
    assert (again.deal_id, again.customer_id) == (first.deal_id, first.customer_id)
    assert again.already_imported is not None
    day = again.already_imported.imported_at.astimezone()
    assert again.summary() == (
        f"This lead from Cars.com was already imported on {day:%Y-%m-%d} as deal #1 for "
        "Ann Lee (no customer number); nothing was changed.")


def test_a_lead_sent_again_with_its_provider_id_is_recognised_whatever_its_date(
    database, manager, tmp_path, stored
):
    with_id = LEAD.replace("<requestdate>", '<id sequence="1" source="Cars.com">L-1001</id>'
                                            "<requestdate>")
    import_adf(database, manager, lead_file(tmp_path, with_id))
    before = stored()

    again = import_adf(database, manager, lead_file(tmp_path, with_id.replace(
        "2026-11-20T10:15:00", "2026-11-21T08:00:00"), name="resent.xml"))

    assert again.already_imported is not None and stored() == before


def test_a_new_lead_of_the_same_person_opens_a_second_deal_on_the_same_customer(
    database, manager, tmp_path
):
    first = import_adf(database, manager, lead_file(tmp_path))
    later = import_adf(database, manager, lead_file(tmp_path, LEAD.replace(
        "2026-11-20T10:15:00", "2026-12-02T09:00:00"), name="next.xml"))

    assert later.already_imported is None and not later.customer_created
    assert deals_of(database, first.customer_id) == [first.deal_id, later.deal_id]


def test_the_database_itself_refuses_a_lead_recorded_twice(database, manager, tmp_path):
    first = import_adf(database, manager, lead_file(tmp_path))
    with database.sessions() as session:
        recorded = session.scalars(select(AdfLead).where(AdfLead.deal_id == first.deal_id)).one()
        other_deal = Deal(customer_id=first.customer_id, stage=DealStage.NEW)
        session.add(other_deal)
        session.flush()
        session.add(AdfLead(deal_id=other_deal.id, provider=recorded.provider,
                            requested=recorded.requested, prospect_key=recorded.prospect_key))
        with pytest.raises(DomainError, match="imported this lead at the same moment"), \
                translate_database_errors(session):
            session.flush()


def test_two_long_lead_ids_that_differ_only_at_the_end_are_two_leads(database, manager, tmp_path):
    stem = "L" * 299
    with_id = LEAD.replace("<requestdate>", f"<id>{stem}A</id><requestdate>")

    first = import_adf(database, manager, lead_file(tmp_path, with_id))
    second = import_adf(database, manager, lead_file(tmp_path, with_id.replace(
        f"{stem}A", f"{stem}B").replace("2026-11-20", "2026-11-21"), name="other.xml"))
    again = import_adf(database, manager, lead_file(tmp_path, with_id, name="copy.xml"))

    assert second.already_imported is None and second.deal_id != first.deal_id
    assert again.already_imported is not None and again.deal_id == first.deal_id


def test_two_long_request_dates_or_providers_that_differ_only_at_the_end_are_two_leads(
    database, manager, tmp_path
):
    long_date = LEAD.replace("2026-11-20T10:15:00-05:00", "2026-11-20T10:15:00" + " x" * 40)
    long_provider = LEAD.replace("Cars.com</name>", "Cars" + " com" * 40 + "</name>")
    for number, text in enumerate((long_date, long_provider)):
        first = import_adf(database, manager, lead_file(tmp_path, text, name=f"{number}a.xml"))
        ending = " x" if text is long_date else " com"
        second = import_adf(database, manager, lead_file(
            tmp_path, text.replace(ending * 40, ending * 39 + ending.upper()),
            name=f"{number}b.xml"))
        assert second.already_imported is None and second.deal_id != first.deal_id


def smiths(database, manager) -> tuple[int, int]:
    """John Smith Sr. (C10) and Jr. (C11) share the home phone (212) 555-0150."""
    made = []
    for number in ("C10", "C11"):
        made.append(create_customer(database.unit_of_work(), manager, first_name="John",
                                    last_name="Smith", customer_number=number))
        contact_info.add_contact_point(database.unit_of_work(), manager, made[-1], ContactKind.PHONE,
                             "(212) 555-0150")
    return made[0], made[1]


def test_a_lead_whose_name_agrees_with_two_of_a_household_goes_to_neither(
    database, manager, tmp_path
):
    senior, junior = smiths(database, manager)
    lead = LEAD.replace(">Ann<", ">John<").replace(">Lee<", ">Smith<").replace(
        "(212) 555-0142", "(212) 555-0150")

    report = import_adf(database, manager, lead_file(tmp_path, lead))

    assert report.customer_created and report.customer_id not in (senior, junior)
    assert deals_of(database, senior) == deals_of(database, junior) == []
    assert [(pair.customer.customer_number, pair.reasons) for pair in report.possible_duplicates
            ] == [("C10", ((DuplicateReason.SAME_PHONE, "+12125550150"),)),
                  ("C11", ((DuplicateReason.SAME_PHONE, "+12125550150"),))]
    assert report.summary() == (
        "Lead from Cars.com: deal #1 opened for a new customer, John Smith (no customer "
        "number). The lead has a name that agrees with more than one customer it shares a "
        "phone or email with, and none of them alone has the same full name and the same "
        "birth date or email, so it was kept apart and recorded as a possible duplicate of: "
        "C10 (John Smith); C11 (John Smith).")


def test_a_lead_sharing_juniors_own_email_goes_to_junior(database, manager, tmp_path):
    _, junior = smiths(database, manager)
    contact_info.add_contact_point(database.unit_of_work(), manager, junior, ContactKind.EMAIL,
                         "ann@example.com")
    lead = LEAD.replace(">Ann<", ">John<").replace(">Lee<", ">Smith<").replace(
        "(212) 555-0142", "(212) 555-0150")

    report = import_adf(database, manager, lead_file(tmp_path, lead))

    assert (report.customer_id, report.customer_created) == (junior, False)
    assert possible_duplicates(database.unit_of_work()) == []
