"""The contact card: every section beside the customer page, read in one go."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from contact_desk.domain.enums import AssignmentRole, AttemptOutcome, Channel, DealStage
from contact_desk.domain.errors import NotFound
from contact_desk.services import users
from contact_desk.services.activity import add_note, log_contact_attempt
from contact_desk.services.card import contact_card
from contact_desk.services.deals import add_deal_vehicle
from contact_desk.services.garage import add_vehicle
from contact_desk.services.summary import regenerate_summary
from contact_desk.store.activity import Note, WebActivity
from contact_desk.store.sales import Deal


def _at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=timezone.utc)


@pytest.fixture
def customer_id(new_customer) -> int:
    return new_customer(birth_date=date(1980, 7, 14))


def _add(database, *rows) -> list[int]:
    with database.sessions() as session:
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def test_a_new_customers_card_is_empty_but_for_the_defaults(database, customer_id):
    card = contact_card(database.unit_of_work(), customer_id)
    assert card.customer_id == customer_id
    assert card.birth_date == date(1980, 7, 14)
    assert card.best.best is Channel.TEXT
    assert card.best.reason == "No attempts logged yet: Text is the default."
    assert card.open_deal is None
    assert card.garage == ()
    assert [tuple(a) for a in card.assignments] == [
        (AssignmentRole.SALES, None, None), (AssignmentRole.BDC, None, None),
        (AssignmentRole.SERVICE_BDC, None, None)]
    assert card.notes == () and card.note_count == 0
    assert card.insight is None, "no web activity: the section shows its empty state"
    assert card.summary is None


def test_best_contact_method_counts_the_logged_attempts(database, clerk, customer_id):
    for channel, outcome in [(Channel.TEXT, AttemptOutcome.NO_ANSWER),
                             (Channel.CALL, AttemptOutcome.REACHED),
                             (Channel.CALL, AttemptOutcome.NO_ANSWER),
                             (Channel.EMAIL, AttemptOutcome.BOUNCED)]:
        log_contact_attempt(database.unit_of_work(), clerk, customer_id, channel, outcome)
    best = contact_card(database.unit_of_work(), customer_id).best
    assert best.best is Channel.CALL
    assert [(r.attempts, r.successes) for r in best.rates] == [(1, 0), (2, 1), (1, 0)]


def test_the_open_deal_is_the_newest_one_neither_delivered_nor_lost(
    database, clerk, customer_id, vin
):
    older, newer, _, _ = _add(
        database,
        Deal(customer_id=customer_id, stage=DealStage.NEW, source="Walk-in", created_at=_at(1)),
        Deal(customer_id=customer_id, stage=DealStage.NEGOTIATION, source="Cars.com",
             source_locked=True, created_at=_at(5)),
        Deal(customer_id=customer_id, stage=DealStage.DELIVERED, source="Walk-in",
             created_at=_at(9)),
        Deal(customer_id=customer_id, stage=DealStage.LOST, source="Walk-in", created_at=_at(9)),
    )
    add_deal_vehicle(database.unit_of_work(), clerk, newer, "interested", None, 2026, "Honda",
                     "CR-V")
    add_deal_vehicle(database.unit_of_work(), clerk, newer, "trade-in", vin(1), 2015, "Ford",
                     "F-150")
    deal = contact_card(database.unit_of_work(), customer_id).open_deal
    assert (deal.id, deal.stage, deal.stage_label) == (newer, DealStage.NEGOTIATION, "Negotiation")
    assert (deal.interested_vehicle, deal.trade_in) == ("2026 Honda CR-V", "2015 Ford F-150")
    assert (deal.source, deal.created_at) == ("Cars.com", _at(5))
    assert deal.source_locked
    assert deal.why_source_locked == (
        "This deal came from an ADF lead from Cars.com: its source cannot change.")


def test_a_deal_made_at_the_desk_has_no_lock_and_may_lack_vehicles(database, customer_id):
    [deal_id] = _add(database, Deal(customer_id=customer_id, stage=DealStage.APPOINTMENT,
                                    source="Phone-up"))
    deal = contact_card(database.unit_of_work(), customer_id).open_deal
    assert deal.id == deal_id
    assert (deal.interested_vehicle, deal.trade_in) == (None, None)
    assert not deal.source_locked and deal.why_source_locked is None


def test_the_garage_shows_every_owned_vehicle_newest_first(database, clerk, customer_id, vin):
    for n, year in enumerate((2011, 2023, 2019, 2016, 2021)):
        add_vehicle(database.unit_of_work(), clerk, customer_id, vin(n), year, "Toyota",
                    f"Model {n}")
    garage = contact_card(database.unit_of_work(), customer_id).garage
    assert [v.year for v in garage] == [2023, 2021, 2019, 2016, 2011]
    assert garage[0].title == "2023 Toyota Model 1" and garage[0].vin == vin(1)


def test_details_list_each_role_with_the_user_assigned(database, manager, customer_id):
    sam = users.create_user(database.unit_of_work(), manager, "sam", "Sam Sales", [])
    users.assign_user(database.unit_of_work(), manager, customer_id, AssignmentRole.SALES, sam)
    users.assign_user(database.unit_of_work(), manager, customer_id, AssignmentRole.SERVICE_BDC,
                      sam)
    card = contact_card(database.unit_of_work(), customer_id)
    assert [(a.role, a.user_id, a.user_name) for a in card.assignments] == [
        (AssignmentRole.SALES, sam, "Sam Sales"), (AssignmentRole.BDC, None, None),
        (AssignmentRole.SERVICE_BDC, sam, "Sam Sales")]


def test_notes_are_listed_newest_first_with_author_and_time(database, clerk, customer_id):
    first = add_note(database.unit_of_work(), clerk, customer_id, "Asked about the recall.")
    [older] = _add(database, Note(customer_id=customer_id, author_id=None, body="From the DMS.",
                                  created_at=_at(1)))
    second = add_note(database.unit_of_work(), clerk, customer_id, "Prefers texts after 5 pm.")
    card = contact_card(database.unit_of_work(), customer_id)
    assert [(n.id, n.text, n.author) for n in card.notes] == [
        (second, "Prefers texts after 5 pm.", "Casey Clerk"),
        (first, "Asked about the recall.", "Casey Clerk"),
        (older, "From the DMS.", None)]
    assert card.note_count == 3
    assert card.notes[-1].at == _at(1)


def test_insight_shows_the_last_visit_its_page_and_the_total_time_browsing(
    database, customer_id, new_customer
):
    stranger = new_customer("Bo", "Park")
    _add(database,
         WebActivity(customer_id=customer_id, visited_at=_at(3), last_page="/specials",
                     seconds=90),
         WebActivity(customer_id=customer_id, visited_at=_at(7), last_page="/finance/apply",
                     seconds=400),
         WebActivity(customer_id=customer_id, visited_at=_at(5), last_page="/service",
                     seconds=10),
         WebActivity(customer_id=stranger, visited_at=_at(9), last_page="/parts", seconds=5))
    insight = contact_card(database.unit_of_work(), customer_id).insight
    assert (insight.last_visit, insight.last_page) == (_at(7), "/finance/apply")
    assert insight.total_browsing == timedelta(seconds=500)


def test_the_summary_is_shown_once_generated(database, clerk, customer_id):
    add_note(database.unit_of_work(), clerk, customer_id, "Prefers texts.")
    generated = regenerate_summary(database.unit_of_work(), clerk, customer_id)
    summary = contact_card(database.unit_of_work(), customer_id).summary
    assert summary == generated
    assert summary.text.startswith("1 note, on ")


def test_the_card_of_a_customer_that_is_gone_is_refused(database, customer_id):
    with pytest.raises(NotFound, match="That customer no longer exists"):
        contact_card(database.unit_of_work(), customer_id + 1)
