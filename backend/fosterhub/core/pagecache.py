"""Public list pages kept for a few seconds, and dropped as soon as what they show changes.

The public lists (councils, events) are the same for everyone who calls them, change rarely
and are read far more often than anything else: a page is built from PostgreSQL once and then
answered from memory for `ttl_s` seconds. Any commit in this process that writes one of the
tables a cache watches (through the ORM or a statement run on a session) empties it at once,
so a change is seen by the next request here; other replicas see it within `ttl_s`. Nothing
personal is ever kept: only answers that need no sign-in.
"""

import time
import weakref
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

_STALE = "fosterhub.pagecache.stale"  # table names written in the session's transaction


class PageCache:
    """Answers (JSON bytes) by key, each kept `ttl_s` seconds; at most `max_entries`."""

    def __init__(self, watches: Iterable[type[Any]], *, ttl_s: float = 5.0, max_entries: int = 256):
        # The models whose tables the pages show.
        self.watches = frozenset(model.__tablename__ for model in watches)
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._pages: dict[str, tuple[float, bytes]] = {}
        # Bumped on every change: a page read from the database before a change committed is
        # not kept after it (`put` with the generation its reading started in).
        self.generation = 0
        _caches.add(self)

    def get(self, key: str) -> bytes | None:
        found = self._pages.get(key)
        if found is None:
            return None
        if found[0] <= time.monotonic():
            del self._pages[key]
            return None
        return found[1]

    def put(self, key: str, body: bytes, generation: int) -> None:
        if generation != self.generation or self.ttl_s <= 0:
            return
        if len(self._pages) >= self.max_entries:
            self._pages.clear()  # many different queries: start again rather than track ages
        self._pages[key] = (time.monotonic() + self.ttl_s, body)

    async def answer(self, key: str, build: Callable[[], Awaitable[BaseModel]]) -> Response:
        """The kept page for `key`, or the one `build` makes (kept if nothing changed while
        it was built). Sent as JSON bytes: FastAPI does not validate the model again."""
        body = self.get(key)
        if body is None:
            generation = self.generation
            body = (await build()).model_dump_json(by_alias=True).encode()
            self.put(key, body, generation)
        return Response(body, media_type="application/json")

    def clear(self) -> None:
        self.generation += 1
        self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)


_caches: "weakref.WeakSet[PageCache]" = weakref.WeakSet()


def _written(session: Session, tables: Iterable[str]) -> None:
    session.info.setdefault(_STALE, set()).update(tables)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _flush: UOWTransaction) -> None:
    written = {
        getattr(obj, "__tablename__", "")
        for obj in (*session.new, *session.dirty, *session.deleted)
    }
    _written(session, written)


@event.listens_for(Session, "do_orm_execute")
def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table: Any = getattr(state.statement, "table", None)
        if table is not None:
            _written(state.session, [table.name])


@event.listens_for(Session, "after_commit")
def _drop_stale(session: Session) -> None:
    written = session.info.pop(_STALE, None)
    if written:
        for cache in list(_caches):
            if cache.watches & written:
                cache.clear()


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous: Any) -> None:
    if not session.in_transaction():
        session.info.pop(_STALE, None)
