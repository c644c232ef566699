"""One transaction per use case; database refusals become messages a clerk can read."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from contact_desk.domain.errors import ConflictError, DomainError
from contact_desk.store.refusals import known_refusal


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
        if isinstance(exc, OperationalError) and "locked" in str(exc.orig):
            self.session.rollback()
            raise DomainError(
                "The database is busy with another desk's change. Nothing was saved: try again."
            ) from exc
        return False
