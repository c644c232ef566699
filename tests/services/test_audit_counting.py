import gc

from contact_desk.services import audit


def test_an_event_flushed_and_let_go_is_still_counted(database, manager, new_customer):
    """A use case moves the customer's version only if its steps recorded an event; an
    event flushed midway (a query autoflushes) that no one holds must still count."""
    ann = new_customer()
    with database.unit_of_work() as uow:
        before = audit.recorded(uow.session)
        audit.record(uow.session, manager, ann, "customer", ann, "city", "Albany", "Troy")
        uow.session.flush()
        gc.collect()
        assert audit.recorded(uow.session) == before + 1
