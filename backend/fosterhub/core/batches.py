"""One statement that many requests run at the same moment, sent to PostgreSQL together.

When a hundred people submit the public enquiry form in the same second, each request would
otherwise take a pooled connection, send its statement, and wait for its own commit (a flush
of the write-ahead log). A `StatementBatch` lets the requests that arrive while one write is in
flight wait for the next: that write sends all of their parameter sets at once (asyncpg's
`executemany`, one round trip and one commit, all or nothing). One writer per statement and
engine drains the queue, so a batch holds whatever came in while the last one was out, up to
`limit`: a lone request is written at once, a crowd in a few round trips.

The limit is small on purpose. With one big batch, every waiting request is in it: the
process prepares them all, then sits idle while PostgreSQL writes them, then PostgreSQL sits
idle while the answers go out. With batches of 16 there is always a next batch waiting, so
the two work at the same time; measured on two cores at 32 connections this took the public
enquiry from about 1,200 to about 1,450 a second (docs/operations.md).

If a batch fails (a unique code taken by chance, a row that refers to something just deleted),
each of its parameter sets is run again on its own, through SQLAlchemy as any other
statement, so the request at fault gets its own error and the others are written.

The statement is compiled once for the engine's dialect; a request only orders its values.
Only for a statement whose caller needs no rows back and that may commit on its own: the write
is done apart from the request's session, so nothing else in the request may have to commit
or roll back with it."""

import asyncio
import weakref
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

Params = dict[str, Any]
LIMIT = 16
_Waiting = tuple[list[Any], Params, asyncio.Future[None]]


class StatementBatch:
    def __init__(self, engine: AsyncEngine, statement: Executable, *, limit: int = LIMIT) -> None:
        dialect = engine.dialect
        compiled = cast(ClauseElement, statement).compile(dialect=dialect)
        if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
            raise TypeError(f"{dialect.name} does not take positional parameters")
        self.engine = engine
        self.statement = statement
        self.limit = limit
        self._sql = compiled.string
        # Each positional parameter by name, with the value written into the statement for
        # one the caller does not name (`LIMIT 1`); and those whose type converts the value.
        names = compiled.positiontup
        binds = [compiled.binds[name] for name in names]
        self._names = [
            (name, None if bind.required else bind.value)
            for name, bind in zip(names, binds, strict=True)
        ]
        self._converted = [
            (n, process)
            for n, bind in enumerate(binds)
            if (process := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        ]
        self._waiting: list[_Waiting] = []
        self._writer: asyncio.Task[None] | None = None

    async def run(self, params: Params) -> None:
        """Runs the statement with `params`, together with whoever else is waiting. Once
        queued the write happens even if the caller stops waiting for it."""
        values = [params.get(name, fixed) for name, fixed in self._names]
        for n, process in self._converted:
            values[n] = process(values[n])
        done = asyncio.get_running_loop().create_future()
        self._waiting.append((values, params, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._drain())
        await done

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[: self.limit]
                del self._waiting[: self.limit]
                await self._write(batch)
        finally:
            self._writer = None

    async def _write(self, batch: list[_Waiting]) -> None:
        try:
            if len(batch) == 1:
                _, params, _ = batch[0]
                async with self.engine.connect() as conn:
                    conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
                    await conn.execute(self.statement, params)
            else:
                async with self.engine.connect() as conn:
                    driver: Any = (await conn.get_raw_connection()).driver_connection
                    await driver.executemany(self._sql, [values for values, _, _ in batch])
        except Exception as exc:
            if len(batch) > 1:
                for waiting in batch:  # find who it was: each alone, with its own error
                    await self._write([waiting])
                return
            _settle(batch[0][2], exc)
        else:
            for _, _, done in batch:
                _settle(done, None)


def _settle(done: asyncio.Future[None], error: BaseException | None) -> None:
    if done.done():  # the caller was cancelled
        return
    if error is None:
        done.set_result(None)
    else:
        done.set_exception(error)


_batches: weakref.WeakKeyDictionary[Any, dict[object, StatementBatch]] = weakref.WeakKeyDictionary()


def batch_for(
    engine: AsyncEngine, key: object, build: Callable[[], Executable], *, limit: int = LIMIT
) -> StatementBatch:
    """The engine's batch for the statement that `key` names (`build` makes it, once)."""
    known = _batches.setdefault(engine.sync_engine, {})
    batch = known.get(key)
    if batch is None:
        batch = known[key] = StatementBatch(engine, build(), limit=limit)
    return batch
