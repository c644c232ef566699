"""One transaction per use case; database refusals become messages a clerk can read."""

from __future__ import annotations

import functools
import logging
import random
import sqlite3
import time
from collections.abc import Callable
from types import TracebackType
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.store.refusals import known_refusal

log = logging.getLogger(__name__)

# PostgreSQL's "serialization_failure" and "deadlock_detected": two transactions wanted the
# same rows in another order, and the server ended one so the other could go on. Run again,
# the loser almost always goes through: that is a retry, not a clerk's problem.
COLLISION_STATES = frozenset({"40001", "40P01"})
COLLISION_TRIES = 4
COLLIDED = ("Another desk or a sync kept changing the same records at the same moment, so "
            "this change could not be saved after {tries} tries. Nothing was saved: try "
            "again in a moment.")
P = ParamSpec("P")
R = TypeVar("R")


def desks_collided(error: BaseException) -> bool:
    """Whether ``error`` is the server ending a transaction that collided with another."""
    return (isinstance(error, DBAPIError)
            and getattr(error.orig, "sqlstate", None) in COLLISION_STATES)


def retried_when_desks_collide(use_case: Callable[P, R]) -> Callable[P, R]:
    """Run ``use_case`` (one transaction of its own, via ``with uow``) again when the server
    ended it for colliding with another desk's, a few times with a short random pause; only
    then refuse it, in plain words. Nothing outside the database may happen inside it."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, COLLISION_TRIES + 1):
            try:
                return use_case(*args, **kwargs)
            except DBAPIError as error:
                if not desks_collided(error):
                    raise
                if attempt == COLLISION_TRIES:
                    log.warning("%s collided %d times; refused", use_case.__qualname__,
                                attempt, exc_info=error)
                    raise DomainError(COLLIDED.format(tries=attempt)) from error
                log.info("%s collided with another transaction (%s); trying again",
                         use_case.__qualname__, error.orig.sqlstate)  # type: ignore[union-attr]
                time.sleep(random.uniform(0.01, 0.05) * attempt)
        raise AssertionError("unreachable")

    run.retried_when_desks_collide = True  # type: ignore[attr-defined]
    return run


class UnitOfWork:
    """``with uow: ...; uow.commit()`` — leaving the block without commit rolls back."""

    session: Session

    def __init__(self, sessions: sessionmaker[Session], refuse_commit: str | None = None) -> None:
        self._sessions = sessions
        self._refusal = refuse_commit  # why nothing may be saved (a damaged file), if so

    def __enter__(self) -> UnitOfWork:
        self.session = self._sessions()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def flush(self) -> None:
        """Send pending changes now, so a refusal surfaces as a clear error."""
        with translate_database_errors(self.session):
            self.session.flush()

    def commit(self) -> None:
        if self._refusal is not None:
            raise DomainError(self._refusal)
        with translate_database_errors(self.session):
            self.session.commit()


class translate_database_errors:
    """Turn a stale version or a violated constraint the desk knows into a DomainError,
    rolling back; any other constraint's refusal goes on as it is (see store/refusals)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if exc is None:
            return False
        if isinstance(exc, StaleDataError):
            self.session.rollback()
            raise ConflictError() from None
        if isinstance(exc, IntegrityError):
            self.session.rollback()
            known = known_refusal(exc)
            if known is None:
                return False  # a bug, not a clerk's mistake: logged and shown as one above
            raise known from exc
        if desks_collided(exc):
            return False  # not the clerk's to solve: retried_when_desks_collide runs it again
        if (isinstance(exc, OperationalError) and isinstance(exc.orig, sqlite3.OperationalError)
                and "locked" in str(exc.orig)):  # SQLite waited its busy timeout for a writer
            self.session.rollback()
            raise DomainError(
                "The database is busy with another desk's change. Nothing was saved: try again."
            ) from exc
        return False
