"""Paging by key gives every match exactly once, in rank then list order, forwards and
backwards, whichever plan reads a rank: checked against a plain Python filter of the same
customers (their keys by the domain's rule, sorted in Python)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from contact_desk.domain.search_terms import customer_keys, rank_of, search_query
from contact_desk.store import search
from contact_desk.store.customer import Customer
from contact_desk.store.search import count_matching, search_customer_ids

WORDS = ["Ann", "Anna", "Lee", "Leeds", "Ma", "Mar", "Marsh", "Muñoz", "O'Brien", "Mary Ann",
         "Smith-Lee", "Lee Ann", "Bo"]
names = st.sampled_from(WORDS)
customer = st.tuples(names, names, st.sampled_from(["", "", "Lee Motors", "Ann Fleet"]),
                     st.one_of(st.none(), st.sampled_from(["C1", "C12", "L-7", "A100"])))
queries = st.sampled_from(["", "a", "an", "ann", "lee", "le", "ma", "mar", "ann lee", "lee a",
                           "munoz", "obrien", "smith", "c1", "12", "motors", "l7", "zz"])


@pytest.fixture(params=["read the keys", "walk the list"])
def plan(request, monkeypatch) -> str:
    enough = 10**9 if request.param == "read the keys" else 0
    monkeypatch.setattr(search._Plan, "enough_keys", property(lambda self: enough))
    return request.param


def expected(rows: list[Customer], query: str) -> list[int]:
    wanted = search_query(query, 1)
    ranked = []
    for row in rows:
        rank = 0 if wanted is None else rank_of(customer_keys(
            first_name=row.first_name, last_name=row.last_name, company=row.company,
            customer_number=row.customer_number), wanted)
        if rank is not None:
            ranked.append((rank, row.last_name_key, row.name_key, row.id))
    return [row[-1] for row in sorted(ranked)]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(made=st.lists(customer, min_size=0, max_size=14), query=queries,
       limit=st.integers(1, 4))
def test_paging_by_key_gives_every_match_once(database, plan, made, query, limit):
    with database.unit_of_work() as work:
        work.session.execute(delete(Customer))
        numbers = set()
        for first, last, company, number in made:
            number = None if number in numbers else number
            numbers.add(number)
            work.session.add(Customer(first_name=first, last_name=last, company=company,
                                      customer_number=number))
        work.commit()
    with database.sessions() as session:
        rows = list(session.scalars(select(Customer)))
        want = expected(rows, query)
        wanted = search_query(query, 1)

        forwards, after = [], None
        while page := search_customer_ids(session, wanted, limit, after=after):
            forwards += page
            after = page[-1]
        backwards, before = [], None
        while page := search_customer_ids(session, wanted, limit, after=before,
                                          backwards=True):
            backwards = page + backwards
            before = page[0]
        jumped = [search_customer_ids(session, wanted, 1, offset=at) for at in range(len(want))]
        counted = count_matching(session, wanted)

    assert forwards == want
    assert backwards == want
    assert jumped == [[customer_id] for customer_id in want]
    assert counted == len(want)
