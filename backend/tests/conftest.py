"""Test fixtures: real migrations, a real database per test, an app and clients per test.

The database is SQLite unless TEST_DATABASE_URL names another (CI sets PostgreSQL). Alembic
migrates it once per run; then every test starts from the migrated, empty schema: SQLite
copies a migrated template file, PostgreSQL truncates every table. Tests commit for real,
because the worker, concurrency and seat-allocation tests need commits across connections.
"""

import asyncio
import os
import shutil
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.auth import passwords, tokens
from fosterhub.auth import service as auth_service
from fosterhub.auth.service import access_claims
from fosterhub.config import Settings
from fosterhub.core import migrate, tenancy
from fosterhub.core.db import create_engine
from fosterhub.councils.models import Council, PostcodeCoverage, Region
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.main import create_app
from fosterhub.models import metadata
from fosterhub.users.models import User

TEST_PASSWORD = "correct-horse-battery"
_PASSWORD_HASH = passwords.hash_password(TEST_PASSWORD)
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")

is_postgres = bool(TEST_DATABASE_URL and TEST_DATABASE_URL.startswith("postgresql"))
postgres_only = pytest.mark.skipif(
    not is_postgres, reason="needs PostgreSQL (CI sets TEST_DATABASE_URL)"
)


@pytest.fixture(scope="session")
async def migrated_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    if TEST_DATABASE_URL:
        engine = create_engine(TEST_DATABASE_URL)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
        await asyncio.to_thread(migrate.upgrade, TEST_DATABASE_URL)
        yield TEST_DATABASE_URL
        return
    template = tmp_path_factory.mktemp("db") / "template.sqlite3"
    url = f"sqlite+aiosqlite:///{template}"
    await asyncio.to_thread(migrate.upgrade, url)
    yield url


# Rows the migrations themselves load (reference data) stay; everything else is emptied.
_SEEDED_BY_MIGRATIONS = {"bank_holiday"}
_TABLES = [t.name for t in reversed(metadata.sorted_tables) if t.name not in _SEEDED_BY_MIGRATIONS]


@pytest.fixture
async def database_url(migrated_url: str, tmp_path: Path) -> AsyncIterator[str]:
    if migrated_url.startswith("sqlite"):
        template = Path(migrated_url.removeprefix("sqlite+aiosqlite:///"))
        copy = tmp_path / "test.sqlite3"
        shutil.copyfile(template, copy)
        yield f"sqlite+aiosqlite:///{copy}"
        return
    engine = create_engine(migrated_url)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {', '.join(_TABLES)} RESTART IDENTITY CASCADE"))
    await engine.dispose()
    yield migrated_url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        secret_key="test-secret-key-0123456789abcdef",
        rate_limit_enquiry="10000/minute",
        rate_limit_login="10000/minute",
        smtp_port=1,  # nothing listens: tests that send mail start their own server
        log_level="WARNING",
    )


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Any]:
    application = create_app(settings)
    yield application
    await application.state.engine.dispose()


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
        yield c


@pytest.fixture
def sessionmaker(app: Any) -> async_sessionmaker[AsyncSession]:
    maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
    return maker


@pytest.fixture
async def db(sessionmaker: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session that sees every council, for arranging and checking data directly."""
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        yield session


@dataclass
class Person:
    user: User
    council: Council
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@dataclass
class World:
    """Two councils in one region, each with people in every role the tests need."""

    db: AsyncSession
    settings: Settings
    region: Region
    a: Council
    b: Council
    make_person: Callable[..., Awaitable[Person]]


def token_for(settings: Settings, user: User) -> str:
    token, _ = tokens.issue(settings, user.id, access_claims(user, None))
    return token


async def partner_headers(
    client: httpx.AsyncClient, world: "World", council: Council, scopes: list[str]
) -> dict[str, str]:
    """The headers of a partner client of `council`: a machine token by client credentials."""
    made, secret = await auth_service.create_client(world.db, council.id, "Partner", scopes)
    await world.db.commit()
    token = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": made.client_id,
            "client_secret": secret,
        },
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


@pytest.fixture
async def world(db: AsyncSession, settings: Settings) -> World:
    region = Region(slug="test-region", name="Test Region")
    db.add(region)
    await db.flush()
    a = Council(
        slug="alpha",
        name="Alpha Council",
        ons_la_code="E08000012",
        region_id=region.id,
        settings=CouncilSettings().model_dump(mode="json"),
    )
    b = Council(
        slug="beta",
        name="Beta Council",
        ons_la_code="E08000015",
        region_id=region.id,
        settings=CouncilSettings().model_dump(mode="json"),
    )
    db.add_all([a, b])
    await db.flush()
    db.add_all(
        [
            PostcodeCoverage(council_id=a.id, prefix="L1"),
            PostcodeCoverage(council_id=a.id, prefix="L2"),
            PostcodeCoverage(council_id=b.id, prefix="CH41"),
            PostcodeCoverage(council_id=b.id, prefix="L2 9"),
        ]
    )
    await db.commit()
    counter = {"n": 0}

    async def make_person(
        council: Council, *roles: str, email: str | None = None, region_id: str | None = None
    ) -> Person:
        counter["n"] += 1
        user = User(
            council_id=council.id,
            email=email or f"person{counter['n']}.{council.slug}@example.org",
            display_name=f"Person {counter['n']}",
            password_hash=_PASSWORD_HASH,
            roles=list(roles) or ["admin"],
            region_id=region_id,
        )
        db.add(user)
        await db.commit()
        return Person(user=user, council=council, token=token_for(settings, user))

    return World(db=db, settings=settings, region=region, a=a, b=b, make_person=make_person)


def assert_problem(
    response: httpx.Response, status: int, field: str | None = None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] and body["title"]
    assert "Traceback" not in response.text
    if field is not None:
        fields = [e["field"] for e in body.get("errors") or []]
        assert field in fields, body
    return body


# A real SMTP server on loopback, for tests that check mail arrives.


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp_port() -> int:
    return _free_port()


@pytest.fixture
def smtp(smtp_port: int) -> Iterator[Inbox]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield inbox
    controller.stop()


@pytest.fixture
def mail_settings(settings: Settings, smtp_port: int) -> Settings:
    return settings.model_copy(update={"smtp_port": smtp_port, "smtp_host": "127.0.0.1"})
