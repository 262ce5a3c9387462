"""Alembic is the only way the schema changes: upgrade to head and down to base on each
database, and the models match what the migrations build."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from fosterhub.core import migrate
from fosterhub.core.db import create_engine
from fosterhub.models import metadata
from tests.conftest import TEST_DATABASE_URL, is_postgres


@pytest.fixture
async def empty_url(tmp_path: Path) -> AsyncIterator[str]:
    """A database of its own, so going down to base disturbs no other test."""
    if not is_postgres:
        yield f"sqlite+aiosqlite:///{tmp_path / 'roundtrip.sqlite3'}"
        return
    assert TEST_DATABASE_URL
    name = f"fosterhub_mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine(TEST_DATABASE_URL)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    await engine.dispose()
    return names - {"alembic_version"}


async def test_upgrade_to_head_then_downgrade_to_base_and_up_again(empty_url: str) -> None:
    await asyncio.to_thread(migrate.upgrade, empty_url)
    assert await _tables(empty_url) == set(metadata.tables)
    await asyncio.to_thread(migrate.downgrade, empty_url, "base")
    assert await _tables(empty_url) == set()
    await asyncio.to_thread(migrate.upgrade, empty_url)
    assert await _tables(empty_url) == set(metadata.tables)


async def test_models_and_migrations_agree(empty_url: str) -> None:
    await asyncio.to_thread(migrate.upgrade, empty_url)
    engine = create_engine(empty_url)
    async with engine.connect() as conn:
        diff = await conn.run_sync(
            lambda c: compare_metadata(
                MigrationContext.configure(c, opts={"compare_type": True}), metadata
            )
        )
    await engine.dispose()
    assert diff == [], f"models differ from migrations; write a migration: {diff}"


def test_migration_files_are_dated_and_one_tree() -> None:
    config = migrate.alembic_config("sqlite+aiosqlite:///unused.sqlite3")
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(config)
    assert len(scripts.get_heads()) == 1, "branches in the migration tree: merge them"
    for script in scripts.walk_revisions():
        name = Path(script.path).name
        assert name[:4].isdigit() and name[4] == "-", f"{name} should start with its date"


async def test_audit_log_is_append_only(empty_url: str) -> None:
    await asyncio.to_thread(migrate.upgrade, empty_url)
    engine = create_engine(empty_url)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO audit_event (occurred_at, actor_type, action, record_type, "
                "record_id) VALUES (CURRENT_TIMESTAMP, 'system', 'read', 'user', 'x')"
            )
        )
    for statement in ("UPDATE audit_event SET action = 'create'", "DELETE FROM audit_event"):
        with pytest.raises(Exception, match="append-only"):
            async with engine.begin() as conn:
                await conn.execute(text(statement))
    await engine.dispose()
