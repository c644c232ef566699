"""Finding customers by what the clerk types, a page at a time, in rank then list order.

Every match comes from the search keys (store/search_keys): exact matches first, in list
order, then matches on a field's first word, then the rest. No plan sorts every match of a
broad query to show its first hundred:

- exact matches are read from the key index already in list order, each way they can
  match cut to the page, and merged;
- for the other ranks, a query whose keys are few (fewer than ``enough_keys``, a count the
  index stops at) has them read, grouped by customer and sorted; one whose keys are many
  walks the list's own index from the page's start and asks of each customer whether they
  match, which stops at the page's end: the more customers match, the shorter that walk.

A later page starts from the customer the page before ended with (its rank and place in
the list), never by counting rows from the top; going backwards reads the same way in
reverse, so the end of a list is as quick as its start.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
    tuple_,
    union,
)
from sqlalchemy.orm import Session, aliased

from contact_desk.domain.search_terms import (
    Alternative,
    Place,
    Rank,
    SearchKey,
    SearchQuery,
    Term,
    rank_of,
)
from contact_desk.store.base import LARGEST_INTEGER
from contact_desk.store.customer import Customer
from contact_desk.store.search_keys import SearchKeyRow, list_key

LIST_ORDER = (Customer.last_name_key, Customer.name_key, Customer.id)
_BEYOND = "\U0010ffff"  # after every character a key holds: "lee" up to "lee" + this
_FIRST_PLACES = (Place.WHOLE, Place.FIRST)
_ALL_PLACES = tuple(Place)
_PLACES = {Rank.FIRST_WORD: _FIRST_PLACES, Rank.OTHER_WORD: (Place.OTHER,)}
# Reading one key and sorting it costs about this many walked customers' questions; where
# a query's keys are fewer than sqrt(this x page x customers), reading them is the quicker.
_WALK_PER_KEY = 4


@dataclass(frozen=True)
class Cursor:
    """Where a page starts: just past (or, backwards, just before) this customer."""

    rank: Rank
    last_name_key: str
    name_key: str
    customer_id: int

    @property
    def list_key(self) -> str:
        return list_key(self.last_name_key, self.name_key)


def search_customer_ids(session: Session, wanted: SearchQuery | None, limit: int,
                        offset: int = 0, after: int | None = None,
                        backwards: bool = False) -> list[int]:
    """Ids of the customers ``wanted`` finds (everyone for None), a page in list order.

    Forwards: the ``limit`` customers after customer ``after`` (from the start without
    one); backwards: the ``limit`` before it (from the end without one). ``offset``
    customers next to the start are passed over first, for a jump deep into a long list.
    """
    limit, offset = min(limit, LARGEST_INTEGER), min(offset, LARGEST_INTEGER)  # all there is
    if limit <= 0:
        return []
    cursor = _cursor(session, wanted, after) if after is not None else None
    ranks = list(Rank) if wanted is not None else [Rank.EXACT]
    if backwards:
        ranks.reverse()
    if cursor is not None:
        ranks = ranks[ranks.index(cursor.rank):]
    plan = _Plan(session, wanted, backwards)
    found: list[int] = []
    for rank in ranks:
        at = cursor if cursor is not None and cursor.rank is rank else None
        if offset:
            passed = plan.count(rank, at, offset)
            if passed < offset:
                offset -= passed
                continue
        found += plan.page(rank, at, limit - len(found), offset)
        offset = 0
        if len(found) >= limit:
            break
    return found[::-1] if backwards else found


def count_matching(session: Session, wanted: SearchQuery | None) -> int:
    """How many customers ``wanted`` finds (everyone for None): each key of the first word
    typed, its customer counted once if they have the others too; and the exact matches."""
    if wanted is None:
        return session.scalar(select(func.count()).select_from(Customer)) or 0
    first, *others = wanted.terms
    key = aliased(SearchKeyRow)
    matched = select(key.customer_id).where(
        _term_keys(key, first, _ALL_PLACES),
        *(_has(key.customer_id, term, _ALL_PLACES) for term in others))
    if others and wanted.exact:
        exact = aliased(SearchKeyRow)
        matched = union(matched, select(exact.customer_id).where(
            exact.place == Place.WHOLE, or_(*(
                and_(exact.kind == alternative.kind, exact.key == alternative.prefix)
                for alternative in wanted.exact))))
    else:
        matched = matched.distinct()
    return session.scalar(select(func.count()).select_from(matched.subquery())) or 0


def _cursor(session: Session, wanted: SearchQuery | None, after: int) -> Cursor | None:
    """Customer ``after``'s rank and place in the list; a customer who matches no more (a
    desk renamed them) keeps their place among the exact matches, so nothing is skipped."""
    place = session.execute(select(Customer.last_name_key, Customer.name_key)
                            .where(Customer.id == after)).first()
    if place is None:
        return None
    rank = Rank.EXACT
    if wanted is not None:
        keys = [SearchKey(kind, key, Place(key_place)) for kind, key, key_place in
                session.execute(select(SearchKeyRow.kind, SearchKeyRow.key, SearchKeyRow.place)
                                .where(SearchKeyRow.customer_id == after))]
        rank = rank_of(keys, wanted) or Rank.EXACT
    return Cursor(rank, place.last_name_key, place.name_key, after)


class _Plan:
    """The statements for one query in one direction, and which of them each rank takes."""

    def __init__(self, session: Session, wanted: SearchQuery | None, backwards: bool) -> None:
        self.session, self.wanted, self.backwards = session, wanted, backwards
        self._counted: dict[tuple[int, tuple[Place, ...]], int] = {}
        self._enough: int | None = None

    # choosing

    def page(self, rank: Rank, cursor: Cursor | None, limit: int, offset: int) -> list[int]:
        enough = min(limit + offset, LARGEST_INTEGER)
        return list(self.session.scalars(
            self._ids(rank, cursor, enough=enough).limit(limit).offset(offset)))

    def count(self, rank: Rank, cursor: Cursor | None, most: int) -> int:
        """How many customers of ``rank`` follow ``cursor``, counting up to ``most``."""
        counted = self._ids(rank, cursor, ordered=False).limit(most).subquery()
        return self.session.scalar(select(func.count()).select_from(counted)) or 0

    def _ids(self, rank: Rank, cursor: Cursor | None, ordered: bool = True,
             enough: int | None = None) -> Select:
        """The ids of ``rank`` after ``cursor`` (in list order when ``ordered``; the exact
        ones read only ``enough`` of each way they match)."""
        wanted = self.wanted
        if wanted is None:
            return self._walk(true(), cursor, ordered)
        if rank is Rank.EXACT:
            return self._exact(cursor, ordered, enough)
        places = _PLACES[rank]
        first = wanted.terms[0]
        if len(wanted.terms) == 1:
            if self._keys(first, _ALL_PLACES) < self.enough_keys:
                return self._grouped(rank, cursor, ordered)
            return self._walk(self._ranked(rank, Customer.id), cursor, ordered)
        driver = min(((self._keys(first, places), first, places),
                      *((self._keys(term, _ALL_PLACES), term, _ALL_PLACES)
                        for term in wanted.terms[1:])),
                     key=lambda counted: counted[0])
        if driver[0] < self.enough_keys:
            return self._driven(rank, driver[1], driver[2], cursor, ordered)
        return self._walk(self._ranked(rank, Customer.id), cursor, ordered)

    @property
    def enough_keys(self) -> int:
        """Past this many keys, walking the list finds a page sooner than reading them."""
        if self._enough is None:
            customers = self.session.scalar(select(func.max(Customer.id))) or 0
            self._enough = max(1000, int(math.sqrt(_WALK_PER_KEY * 100 * customers)))
        return self._enough

    def _keys(self, term: Term, places: tuple[Place, ...]) -> int:
        """How many keys ``term`` matches in ``places``, counted up to ``enough_keys``."""
        wanted = (id(term), places)
        if wanted not in self._counted:
            key = aliased(SearchKeyRow)
            counted = (select(literal(1)).where(_term_keys(key, term, places))
                       .limit(self.enough_keys).subquery())
            self._counted[wanted] = self.session.scalar(
                select(func.count()).select_from(counted)) or 0
        return self._counted[wanted]

    # the statements

    def _walk(self, condition: ColumnElement[bool], cursor: Cursor | None,
              ordered: bool) -> Select:
        """Down the list's index, asking each customer ``condition``."""
        statement = select(Customer.id).where(condition)
        if cursor is not None:
            at = tuple_(*LIST_ORDER)
            mark = tuple_(literal(cursor.last_name_key), literal(cursor.name_key),
                          literal(cursor.customer_id))
            statement = statement.where(at < mark if self.backwards else at > mark)
        return statement.order_by(*self._in_order(LIST_ORDER)) if ordered else statement

    def _exact(self, cursor: Cursor | None, ordered: bool, enough: int | None) -> Select:
        """Each way of matching exactly read in list order and cut to the page, merged."""
        arms = []
        for alternative in self.wanted.exact:
            key = aliased(SearchKeyRow)
            arm = select(key.list_key.label("list_key"), key.customer_id.label("id")).where(
                key.kind == alternative.kind, key.place == Place.WHOLE,
                key.key == alternative.prefix, self._after(key, cursor))
            if ordered and enough is not None:  # each arm in its own order, to the page
                arm = (arm.order_by(*self._in_order((key.list_key, key.customer_id)))
                       .limit(enough).subquery())
                arm = select(arm.c.list_key, arm.c.id)
            arms.append(arm)
        if not arms:
            return select(Customer.id).where(false())
        merged = union(*arms).subquery() if len(arms) > 1 else arms[0].subquery()
        statement = select(merged.c.id)
        if ordered:
            statement = statement.order_by(*self._in_order((merged.c.list_key, merged.c.id)))
        return statement

    def _grouped(self, rank: Rank, cursor: Cursor | None, ordered: bool) -> Select:
        """A one-word query's few keys, each customer ranked by their best one."""
        key = aliased(SearchKeyRow)
        exact = or_(false(), *(and_(key.kind == alternative.kind, key.key == alternative.prefix)
                               for alternative in self.wanted.exact))
        best = func.min(case((and_(key.place == Place.WHOLE, exact), int(Rank.EXACT)),
                             (key.place == Place.FIRST, int(Rank.FIRST_WORD)),
                             (key.place == Place.WHOLE, int(Rank.FIRST_WORD)),
                             else_=int(Rank.OTHER_WORD)))
        grouped = (select(key.customer_id.label("id"), key.list_key.label("list_key"))
                   .where(_term_keys(key, self.wanted.terms[0], _ALL_PLACES),
                          self._after(key, cursor))
                   .group_by(key.customer_id, key.list_key)
                   .having(best == int(rank)).subquery())
        statement = select(grouped.c.id)
        if ordered:
            statement = statement.order_by(*self._in_order((grouped.c.list_key, grouped.c.id)))
        return statement

    def _driven(self, rank: Rank, term: Term, places: tuple[Place, ...],
                cursor: Cursor | None, ordered: bool) -> Select:
        """The few customers ``term`` finds in ``places``, each asked the rest."""
        key = aliased(SearchKeyRow)
        found = (select(key.customer_id.label("id"), key.list_key.label("list_key"))
                 .where(_term_keys(key, term, places), self._after(key, cursor),
                        self._ranked(rank, key.customer_id))
                 .distinct().subquery())
        statement = select(found.c.id)
        if ordered:
            statement = statement.order_by(*self._in_order((found.c.list_key, found.c.id)))
        return statement

    def _ranked(self, rank: Rank, customer: ColumnElement[int]) -> ColumnElement[bool]:
        """Customer ``customer`` matches ``wanted`` at ``rank`` (not the exact one)."""
        first, *others = self.wanted.terms
        everything = [_has(customer, term, _ALL_PLACES) for term in others]
        not_exact = not_(_has_exact(customer, self.wanted.exact))
        if rank is Rank.FIRST_WORD:
            return and_(_has(customer, first, _FIRST_PLACES), not_exact, *everything)
        return and_(_has(customer, first, (Place.OTHER,)),
                    not_(_has(customer, first, _FIRST_PLACES)), not_exact, *everything)

    def _after(self, key: type[SearchKeyRow], cursor: Cursor | None) -> ColumnElement[bool]:
        if cursor is None:
            return true()
        at = tuple_(key.list_key, key.customer_id)
        mark = tuple_(literal(cursor.list_key), literal(cursor.customer_id))
        return at < mark if self.backwards else at > mark

    def _in_order(self, columns: Sequence[ColumnElement]) -> list[ColumnElement]:
        return [column.desc() for column in columns] if self.backwards else list(columns)


def _term_keys(key: type[SearchKeyRow], term: Term,
               places: tuple[Place, ...]) -> ColumnElement[bool]:
    """Rows of ``key`` that ``term`` matches in ``places``: a range of the key index each."""
    return or_(*(_starts(key, alternative, places) for alternative in term.alternatives))


def _starts(key: type[SearchKeyRow], alternative: Alternative,
            places: tuple[Place, ...]) -> ColumnElement[bool]:
    placed = key.place == places[0] if len(places) == 1 else key.place.in_(places)
    return and_(key.kind == alternative.kind, placed, key.key >= alternative.prefix,
                key.key < alternative.prefix + _BEYOND)


def _has(customer: ColumnElement[int], term: Term,
         places: tuple[Place, ...]) -> ColumnElement[bool]:
    key = aliased(SearchKeyRow)
    return select(literal(1)).where(key.customer_id == customer,
                                    _term_keys(key, term, places)).exists()


def _has_exact(customer: ColumnElement[int],
               exact: tuple[Alternative, ...]) -> ColumnElement[bool]:
    if not exact:
        return false()
    key = aliased(SearchKeyRow)
    return select(literal(1)).where(
        key.customer_id == customer, key.place == Place.WHOLE,
        or_(*(and_(key.kind == alternative.kind, key.key == alternative.prefix)
              for alternative in exact))).exists()
