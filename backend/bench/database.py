"""The benchmark's own PostgreSQL database: created when missing, migrated, demo region loaded."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import create_async_engine

from fosterhub.core import migrate

from .servers import BACKEND_DIR

DEFAULT_DATABASE_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/fosterhub_bench"
# The test suite truncates `test`; the maintenance databases belong to PostgreSQL.
_NOT_OURS = frozenset({"test", "postgres", "template0", "template1"})


class DatabaseError(RuntimeError):
    pass


async def ensure_database(url: str, *, fresh: bool = False) -> bool:
    """Creates the database if it is missing (dropping it first when `fresh`); True if created."""
    parsed = make_url(url)
    name = parsed.database
    if parsed.get_backend_name() != "postgresql" or not name:
        raise DatabaseError(f"benchmarks run on PostgreSQL; {parsed.render_as_string()} is not")
    if name in _NOT_OURS:
        raise DatabaseError(f"refusing to benchmark in the {name!r} database: it is not ours")
    engine = create_async_engine(
        parsed.set(database="postgres"), isolation_level="AUTOCOMMIT", pool_pre_ping=False
    )
    try:
        async with engine.connect() as conn:
            quoted = conn.dialect.identifier_preparer.quote(name)
            query = text("SELECT 1 FROM pg_database WHERE datname = :name")
            exists = await conn.scalar(query, {"name": name}) is not None
            if exists and fresh:
                await conn.execute(text(f"DROP DATABASE {quoted} WITH (FORCE)"))
                exists = False
            if not exists:
                await conn.execute(text(f"CREATE DATABASE {quoted}"))
            return not exists
    except (OSError, SQLAlchemyError) as exc:
        raise DatabaseError(
            f"could not prepare {name!r} on PostgreSQL at {parsed.host}:{parsed.port or 5432}: "
            f"{exc}\nIs PostgreSQL running? Another server can be named with --database-url."
        ) from exc
    finally:
        await engine.dispose()


def migrate_and_seed(url: str, env: Mapping[str, str]) -> None:
    """Brings the schema to head and loads the demo region (both are safe to repeat)."""
    migrate.upgrade(url)
    # The same command an operator runs, so the benchmark's data is the demo everyone knows.
    seeded = subprocess.run(
        [sys.executable, "-m", "fosterhub.cli", "seed-demo"],
        cwd=BACKEND_DIR,
        env={**env, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if seeded.returncode != 0:
        raise DatabaseError(f"fosterhub seed-demo failed:\n{seeded.stdout}{seeded.stderr}")


async def analyze(url: str) -> None:
    """Fresh planner statistics for the whole database, as autovacuum keeps one in service: a
    database just seeded has none, and PostgreSQL then plans by guesswork (it read the public
    enquiry's repeat look-up through an index of the council's due dates)."""
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT", pool_pre_ping=False)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
