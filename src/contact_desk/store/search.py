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
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    and_,
    bindparam,
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
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from contact_desk.domain.search_terms import (
    KeyKind,
    Place,
    Rank,
    SearchKey,
    SearchQuery,
    rank_of,
)
from contact_desk.store.base import LARGEST_INTEGER
from contact_desk.store.customer import Customer
from contact_desk.store.search_keys import SearchKeyRow, list_key

LIST_ORDER = (Customer.last_name_key, Customer.name_key, Customer.id)
_BEYOND = "\U0010ffff"  # after every character a key holds: "lee" up to "lee" + this
_FIRST_PLACES = (Place.WHOLE, Place.FIRST)
_ALL_PLACES = tuple(Place)
_PLACES = {Rank.FIRST_WORD: _FIRST_PLACES, Rank.OTHER_WORD: (Place.OTHER,)}  # keys read
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
    """Ids of the customers ``wanted`` finds (everyone for None), a page in rank then list order.

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
        if plan.none_at(rank):
            continue
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
    return session.scalar(_matching_count(_shape(wanted)), _values(wanted)) or 0


@lru_cache(maxsize=64)
def _matching_count(shape: _Shape) -> Select:
    key = aliased(SearchKeyRow)
    matched = select(key.customer_id).where(
        _term_keys(key, shape, 0, _ALL_PLACES),
        *(_has(key.customer_id, shape, term, _ALL_PLACES) for term in range(1, len(shape.terms))))
    if len(shape.terms) > 1 and shape.exact:
        exact = aliased(SearchKeyRow)
        matched = union(matched, select(exact.customer_id).where(
            exact.place == Place.WHOLE, _exact_key(exact, shape)))
    else:
        matched = matched.distinct()
    return select(func.count()).select_from(matched.subquery())


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


@dataclass(frozen=True)
class _Shape:
    """What a query's statements depend on: the kinds of key each word and the exact match
    look for (their values are bound: ``_values``), so each is built and compiled once."""

    terms: tuple[tuple[KeyKind, ...], ...]
    exact: tuple[KeyKind, ...]


def _shape(wanted: SearchQuery) -> _Shape:
    return _Shape(tuple(tuple(alternative.kind for alternative in term.alternatives)
                        for term in wanted.terms),
                  tuple(alternative.kind for alternative in wanted.exact))


def _values(wanted: SearchQuery) -> dict[str, str]:
    values = {}
    for at, term in enumerate(wanted.terms):
        for way, alternative in enumerate(term.alternatives):
            values[f"t{at}_{way}"] = alternative.prefix
            values[f"t{at}_{way}_end"] = alternative.prefix + _BEYOND
    for way, alternative in enumerate(wanted.exact):
        values[f"e{way}"] = alternative.prefix
    return values


class _Plan:
    """One query in one direction: which statement each rank takes, run with its values."""

    def __init__(self, session: Session, wanted: SearchQuery | None, backwards: bool) -> None:
        self.session, self.wanted, self.backwards = session, wanted, backwards
        self.shape = _shape(wanted) if wanted is not None else None
        self.values = _values(wanted) if wanted is not None else {}
        self._counted: dict[tuple[int, tuple[Place, ...]], int] = {}
        self._enough: int | None = None

    def page(self, rank: Rank, cursor: Cursor | None, limit: int, offset: int) -> list[int]:
        statement = self._statement(rank, cursor is not None, True)
        return list(self.session.scalars(statement, {
            **self.values, **_marks(cursor), "limit": limit, "offset": offset,
            "enough": min(limit + offset, LARGEST_INTEGER)}))

    def count(self, rank: Rank, cursor: Cursor | None, most: int) -> int:
        """How many customers of ``rank`` follow ``cursor``, counting up to ``most``."""
        statement = _counted(self._statement(rank, cursor is not None, False))
        return self.session.scalar(statement, {**self.values, **_marks(cursor),
                                               "most": most}) or 0

    def _statement(self, rank: Rank, cursor: bool, ordered: bool) -> Select:
        shape, backwards = self.shape, self.backwards
        if shape is None:
            return _walk(None, None, cursor, backwards, ordered)
        if rank is Rank.EXACT:
            return _exact(shape, cursor, backwards, ordered)
        places = _PLACES[rank]
        # The way in: the first word's keys of this rank's places, or another word's keys.
        ways = [(self._keys(0, places), 0, places),
                *((self._keys(at, _ALL_PLACES), at, _ALL_PLACES)
                  for at in range(1, len(shape.terms)))]
        fewest, term, term_places = min(ways, key=lambda way: way[0])
        if fewest >= self.enough_keys:  # many match: a walk down the list soon finds a page
            return _walk(shape, rank, cursor, backwards, ordered)
        if rank is Rank.FIRST_WORD and len(shape.terms) == 1:
            return _grouped(shape, cursor, backwards, ordered)
        return _driven(shape, rank, term, term_places, cursor, backwards, ordered)

    def none_at(self, rank: Rank) -> bool:
        """Whether no customer can match at ``rank``: a word matches no key there."""
        if self.shape is None:
            return False
        first = self._keys(0, _FIRST_PLACES)
        if rank is Rank.EXACT:
            return first == 0  # an exact key is a whole one, so the first word's too
        others = [self._keys(at, _ALL_PLACES) for at in range(1, len(self.shape.terms))]
        return self._keys(0, _PLACES[rank]) == 0 or 0 in others

    @property
    def enough_keys(self) -> int:
        """Past this many keys, walking the list finds a page sooner than reading them."""
        if self._enough is None:
            self._enough = enough_keys(self.session)
        return self._enough

    def _keys(self, term: int, places: tuple[Place, ...]) -> int:
        """How many keys word ``term`` matches in ``places``, counted up to ``enough_keys``;
        every count the plan may need is taken at once."""
        if not self._counted:
            wanted = [(0, _FIRST_PLACES), (0, (Place.OTHER,)),
                      *((at, _ALL_PLACES) for at in range(1, len(self.shape.terms)))]
            counts = self.session.execute(_key_counts(self.shape, tuple(wanted)),
                                          {**self.values, "most": self.enough_keys + 1}).one()
            self._counted = dict(zip(wanted, counts))
        return self._counted[(term, places)]


_CUSTOMERS_READ_EVERY_S = 60.0
_customers_at: WeakKeyDictionary[Engine, tuple[float, int]] = WeakKeyDictionary()


def enough_keys(session: Session) -> int:
    """Past this many keys, walking the list finds a page sooner than reading them: the
    crossing point of the two costs, which grows as the square root of the customers (read
    again a minute after it was last read, not for every query)."""
    engine = session.get_bind().engine
    read_at, customers = _customers_at.get(engine, (-math.inf, 0))
    if time.monotonic() - read_at > _CUSTOMERS_READ_EVERY_S:
        customers = session.scalar(select(func.max(Customer.id))) or 0
        _customers_at[engine] = (time.monotonic(), customers)
    return max(1000, int(math.sqrt(_WALK_PER_KEY * 100 * customers)))


def _marks(cursor: Cursor | None) -> dict[str, object]:
    if cursor is None:
        return {}
    return {"c_last": cursor.last_name_key, "c_name": cursor.name_key,
            "c_id": cursor.customer_id, "c_list": cursor.list_key}


# The statements, each built once per shape (SQLAlchemy then compiles it once).

@lru_cache(maxsize=256)
def _counted(statement: Select) -> Select:
    counted = statement.limit(bindparam("most")).subquery()
    return select(func.count()).select_from(counted)


@lru_cache(maxsize=256)
def _key_counts(shape: _Shape, wanted: tuple[tuple[int, tuple[Place, ...]], ...]) -> Select:
    """How many keys each (word, places) of ``wanted`` matches, each counted up to :most."""
    counts = []
    for term, places in wanted:
        key = aliased(SearchKeyRow)
        found = (select(literal(1)).where(_term_keys(key, shape, term, places))
                 .limit(bindparam("most")).subquery())
        counts.append(select(func.count()).select_from(found).scalar_subquery())
    return select(*counts)


def _in_order(columns: Sequence[ColumnElement], backwards: bool, ordered: bool,
              statement: Select) -> Select:
    if not ordered:
        return statement
    return (statement.order_by(*(column.desc() if backwards else column for column in columns))
            .limit(bindparam("limit")).offset(bindparam("offset")))


@lru_cache(maxsize=256)
def _walk(shape: _Shape | None, rank: Rank | None, cursor: bool, backwards: bool,
          ordered: bool) -> Select:
    """Down the list's index, asking each customer whether they match at ``rank``."""
    statement = select(Customer.id)
    if shape is not None:
        statement = statement.where(_ranked(shape, rank, Customer.id))
    if cursor:
        at = tuple_(*LIST_ORDER)
        mark = tuple_(bindparam("c_last"), bindparam("c_name"), bindparam("c_id"))
        statement = statement.where(at < mark if backwards else at > mark)
    return _in_order(LIST_ORDER, backwards, ordered, statement)


@lru_cache(maxsize=256)
def _exact(shape: _Shape, cursor: bool, backwards: bool, ordered: bool) -> Select:
    """Each way of matching exactly read in list order and cut to the page, merged."""
    arms = []
    for way, kind in enumerate(shape.exact):
        key = aliased(SearchKeyRow)
        arm = select(key.list_key.label("list_key"), key.customer_id.label("id")).where(
            key.kind == kind, key.place == Place.WHOLE, key.key == bindparam(f"e{way}"),
            _after(key, cursor, backwards))
        if ordered:  # each arm in its own order, cut to the page
            columns = (key.list_key, key.customer_id)
            arm = (arm.order_by(*(column.desc() if backwards else column for column in columns))
                   .limit(bindparam("enough")).subquery())
            arm = select(arm.c.list_key, arm.c.id)
        arms.append(arm)
    if not arms:
        return select(Customer.id).where(false())
    merged = union(*arms).subquery() if len(arms) > 1 else arms[0].subquery()
    return _in_order((merged.c.list_key, merged.c.id), backwards, ordered,
                     select(merged.c.id))


@lru_cache(maxsize=256)
def _grouped(shape: _Shape, cursor: bool, backwards: bool, ordered: bool) -> Select:
    """A one-word query's few first-word keys, by customer: those without an exact one."""
    key = aliased(SearchKeyRow)
    exact_keys = func.max(case((and_(key.place == Place.WHOLE, _exact_key(key, shape)), 1),
                               else_=0))
    grouped = (select(key.customer_id.label("id"), key.list_key.label("list_key"))
               .where(_term_keys(key, shape, 0, _FIRST_PLACES), _after(key, cursor, backwards))
               .group_by(key.customer_id, key.list_key)
               .having(exact_keys == 0).subquery())
    return _in_order((grouped.c.list_key, grouped.c.id), backwards, ordered,
                     select(grouped.c.id))


@lru_cache(maxsize=256)
def _driven(shape: _Shape, rank: Rank, term: int, places: tuple[Place, ...], cursor: bool,
            backwards: bool, ordered: bool) -> Select:
    """The few customers word ``term`` finds in ``places``, each asked the rest."""
    key = aliased(SearchKeyRow)
    found = (select(key.customer_id.label("id"), key.list_key.label("list_key"))
             .where(_term_keys(key, shape, term, places), _after(key, cursor, backwards),
                    _ranked(shape, rank, key.customer_id))
             .distinct().subquery())
    return _in_order((found.c.list_key, found.c.id), backwards, ordered, select(found.c.id))


def _ranked(shape: _Shape, rank: Rank, customer: ColumnElement[int]) -> ColumnElement[bool]:
    """Customer ``customer`` matches at ``rank`` (first or other words; not exactly)."""
    everything = [_has(customer, shape, term, _ALL_PLACES)
                  for term in range(1, len(shape.terms))]
    not_exact = not_(_has_exact(customer, shape))
    if rank is Rank.FIRST_WORD:
        return and_(_has(customer, shape, 0, _FIRST_PLACES), not_exact, *everything)
    return and_(_has(customer, shape, 0, (Place.OTHER,)),
                not_(_has(customer, shape, 0, _FIRST_PLACES)), not_exact, *everything)


def _after(key: type[SearchKeyRow], cursor: bool, backwards: bool) -> ColumnElement[bool]:
    if not cursor:
        return true()
    at = tuple_(key.list_key, key.customer_id)
    mark = tuple_(bindparam("c_list"), bindparam("c_id"))
    return at < mark if backwards else at > mark


def _term_keys(key: type[SearchKeyRow], shape: _Shape, term: int, places: tuple[Place, ...],
               probe: bool = False) -> ColumnElement[bool]:
    """Rows of ``key`` that word ``term`` matches in ``places``: a range of the key index
    each way (or, to ``probe`` one customer's keys, the same test on them)."""
    place = _NotIndexed(key.place) if probe else key.place
    placed = place == places[0] if len(places) == 1 else place.in_(places)
    return or_(*(and_(key.kind == kind, placed, key.key >= bindparam(f"t{term}_{way}"),
                      key.key < bindparam(f"t{term}_{way}_end"))
                 for way, kind in enumerate(shape.terms[term])))


class _NotIndexed(ColumnElement[int]):
    """A column no index of SQLite's may answer for (SQLite's unary +): probing one
    customer's keys, SQLite (which keeps no statistics here) then reads them by the primary
    key, not a whole range of the key index. PostgreSQL chooses by its statistics."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[int]) -> None:
        self.column = column
        self.type = column.type

    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]


@compiles(_NotIndexed)
def _plain(element: _NotIndexed, compiler: SQLCompiler, **kw: object) -> str:
    return compiler.process(element.column, **kw)


@compiles(_NotIndexed, "sqlite")
def _unindexed(element: _NotIndexed, compiler: SQLCompiler, **kw: object) -> str:
    return "+" + compiler.process(element.column, **kw)


def _has(customer: ColumnElement[int], shape: _Shape, term: int,
         places: tuple[Place, ...]) -> ColumnElement[bool]:
    key = aliased(SearchKeyRow)
    return select(literal(1)).where(
        key.customer_id == customer, _term_keys(key, shape, term, places, probe=True)).exists()


def _has_exact(customer: ColumnElement[int], shape: _Shape) -> ColumnElement[bool]:
    if not shape.exact:
        return false()
    key = aliased(SearchKeyRow)
    return select(literal(1)).where(key.customer_id == customer,
                                    _NotIndexed(key.place) == Place.WHOLE,
                                    _exact_key(key, shape)).exists()


def _exact_key(key: type[SearchKeyRow], shape: _Shape) -> ColumnElement[bool]:
    """``key`` is one of the exact match's values (whatever its place)."""
    return or_(false(), *(and_(key.kind == kind, key.key == bindparam(f"e{way}"))
                          for way, kind in enumerate(shape.exact)))
