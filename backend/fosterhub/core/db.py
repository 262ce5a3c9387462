"""Engine, sessions, the declarative base with its naming convention, and shared column mixins."""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import JSON, DateTime, MetaData, String, event
from sqlalchemy.engine import Engine
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.pool import NullPool
from sqlalchemy.types import TypeDecorator

from fosterhub.core.entropy import random_bytes

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """A time-ordered (version 7, RFC 9562) UUID: 48 bits of Unix time in milliseconds, then
    74 random bits. Rows made one after another get neighbouring keys, so a primary key index
    grows at its end instead of at random pages: after each checkpoint PostgreSQL writes a
    whole page to its log the first time it changes it, and random keys touch a new page
    with nearly every insert. Spelt as `str(uuid.UUID(...))` spells it. The time it holds
    is the row's creation, which every record also shows in its own timestamps."""
    raw = bytearray((time.time_ns() // 1_000_000).to_bytes(6, "big") + random_bytes(10))
    raw[6] = (raw[6] & 0x0F) | 0x70
    raw[8] = (raw[8] & 0x3F) | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on both databases; SQLite stores them naive in UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        list[dict[str, Any]]: JSON(),
    }


class IdMixin:
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class VersionedMixin:
    """Optimistic concurrency: SQLAlchemy bumps `version` on every UPDATE and refuses a stale one.

    The version is what the ETag of a record is made from.
    """

    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def create_engine(
    url: str, *, echo: bool = False, pool_size: int = 5, max_overflow: int = 10
) -> AsyncEngine:
    kwargs: dict[str, Any] = {"echo": echo}
    if url.startswith("sqlite"):
        _ensure_sqlite_folder(url)
        # One file, many connections: wait on locks instead of failing at once.
        kwargs["connect_args"] = {"timeout": 30}
        if ":memory:" in url:
            raise ValueError(
                "use a SQLite file, not :memory:, so every connection sees one database"
            )
        kwargs["poolclass"] = NullPool
    else:
        # No pre-ping: it costs a round trip per request. Stale connections are recycled instead,
        # and /readyz tells an orchestrator when the database has gone away.
        kwargs.update(pool_size=pool_size, max_overflow=max_overflow, pool_recycle=1800)
    engine = create_async_engine(url, **kwargs)
    if url.startswith("sqlite"):
        _configure_sqlite(engine.sync_engine)
    return engine


def _ensure_sqlite_folder(url: str) -> None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if database:
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy issue BEGIN itself so SELECT ... then UPDATE is one transaction,
        # and take the write lock at BEGIN (IMMEDIATE) so two writers queue instead of deadlocking.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


@asynccontextmanager
async def request_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request: committed when the handler returns, rolled back if it raises.

    Routes take it as the `DbSession` dependency; the public enquiry, the busiest route, opens
    it itself (FastAPI's dependency machinery costs more per request than its database work).
    """
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    session = sessionmaker()
    request.state.db = session
    try:
        yield session
    except Exception as exc:
        if session.in_transaction():
            # A few errors must still record what led to them (a failed sign-in counts).
            if getattr(exc, "keep_changes", False):
                await session.commit()
            else:
                await session.rollback()
        raise
    else:
        # A request that read and wrote nothing (adding an object begins a transaction too)
        # has nothing to commit: skip the round into SQLAlchemy's greenlet.
        if session.in_transaction():
            await session.commit()
    finally:
        # Nor to close, if it never began a transaction nor holds a row: no connection
        # was taken and there is nothing to let go of.
        if session.in_transaction() or session.identity_map:
            await session.close()


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    # `scope="function"` below makes the commit happen before the response is sent, so a
    # client never sees a success for a write that then failed to commit.
    async with request_session(request) as session:
        yield session


DbSession = Annotated[AsyncSession, Depends(_request_session, scope="function")]


async def _read_session(request: Request) -> AsyncIterator[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.read_sessionmaker
    session = sessionmaker()
    try:
        yield session
    finally:
        await session.close()


# For public pages that only read what is not personal (councils, published events): no
# transaction, so no BEGIN and COMMIT round trips; each statement reads the latest committed
# data on its own. Nothing is written through it (it would commit at once).
ReadSession = Annotated[AsyncSession, Depends(_read_session, scope="function")]


def create_read_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"))
