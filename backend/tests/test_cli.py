"""The `fosterhub` command as an operator runs it: in a process of its own."""

import os
import subprocess
import sys
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth.models import ApiClient
from fosterhub.carers.models import CarerHousehold
from fosterhub.core.db import utcnow
from fosterhub.councils.models import Council, PostcodeCoverage
from fosterhub.enquiries.models import ContactAttempt, Enquiry, StageTransition
from fosterhub.enquiries.vocabulary import FAILED_OUTCOMES
from fosterhub.seed.synthetic import CHANNELS
from fosterhub.users.models import User
from tests.conftest import World


def fosterhub(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "ENVIRONMENT": "development"}
    return subprocess.run(
        [sys.executable, "-m", "fosterhub.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def _count(world: World, model: type) -> int:
    world.db.expire_all()
    count = int(await world.db.scalar(select(func.count()).select_from(model)) or 0)
    await world.db.rollback()  # end the read so the next command may write
    return count


async def test_seed_demo_loads_the_region_once(database_url: str, db: object) -> None:
    first = fosterhub(database_url, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "admin.liverpool@example.org" in first.stdout
    second = fosterhub(database_url, "seed-demo")
    assert second.returncode == 0, second.stderr

    from sqlalchemy.ext.asyncio import AsyncSession

    assert isinstance(db, AsyncSession)
    councils = (await db.scalars(select(Council.slug).order_by(Council.slug))).all()
    assert councils == ["halton", "knowsley", "liverpool", "sefton", "st-helens", "wirral"]
    assert await db.scalar(select(func.count()).select_from(User)) == 6 * 5 + 4 + 1
    coverage = await db.scalar(select(func.count()).select_from(PostcodeCoverage))
    assert coverage == 59  # every outward code of the demo data, once


async def test_seed_demo_makes_synthetic_enquiries_shaped_like_the_national_figures(
    database_url: str, db: AsyncSession
) -> None:
    result = fosterhub(database_url, "seed-demo", "--enquiries", "2000")
    assert result.returncode == 0, result.stderr
    assert "Synthetic enquiries added: 2000" in result.stdout
    again = fosterhub(database_url, "seed-demo", "--enquiries", "2000")
    assert again.returncode == 0 and "already there" in again.stdout

    synthetic = Enquiry.reference.like("DM-%")
    total = await db.scalar(select(func.count()).where(synthetic))
    assert total == 2000

    def reached(stage: str) -> Any:
        return (
            select(StageTransition.id)
            .where(StageTransition.enquiry_id == Enquiry.id, StageTransition.to_stage == stage)
            .exists()
        )

    applied = int(await db.scalar(select(func.count()).where(synthetic, reached("application"))))
    approved = int(await db.scalar(select(func.count()).where(synthetic, reached("approved"))))
    # Decided: approved, or closed after applying (the rest are still being assessed).
    decided = int(
        await db.scalar(
            select(func.count()).where(
                synthetic,
                reached("application"),
                Enquiry.stage.in_(["approved", "withdrawn", "not_progressed"]),
            )
        )
    )
    assert 0.035 <= applied / total <= 0.09, applied  # about 6% apply
    assert 0.3 <= approved / applied <= 0.7, (approved, applied)  # about half of them
    assert 0.35 <= approved / decided <= 0.75, (approved, decided)
    households = await db.scalar(
        select(func.count())
        .select_from(CarerHousehold)
        .where(CarerHousehold.enquiry_id.is_not(None))
    )
    assert households == approved

    # Every channel, and social media's enquirers the least likely to answer.
    rows = (
        await db.execute(
            select(
                Enquiry.channel,
                func.count(),
                func.sum(case((Enquiry.stage == "no_response", 1), else_=0)),
            )
            .where(synthetic)
            .group_by(Enquiry.channel)
        )
    ).all()
    share = {channel: int(silent) / int(count) for channel, count, silent in rows}
    assert set(share) == set(CHANNELS)
    assert max(share, key=share.__getitem__) == "social_media", share

    # Spread over the last three years, each year with its share.
    now = utcnow()
    received = [
        r.replace(tzinfo=UTC) if r.tzinfo is None else r
        for r in (await db.scalars(select(Enquiry.received_at).where(synthetic))).all()
    ]
    assert min(received) >= now - timedelta(days=3 * 365 + 1) and max(received) <= now
    for year in range(3):
        within = [
            r
            for r in received
            if now - timedelta(days=365 * (year + 1)) <= r < now - timedelta(days=365 * year)
        ]
        assert 0.2 <= len(within) / total <= 0.45, (year, len(within))

    # The count of failed attempts on each enquiry is what its contact attempts show.
    failed = (
        select(func.count(ContactAttempt.id))
        .where(
            ContactAttempt.enquiry_id == Enquiry.id,
            ContactAttempt.outcome.in_(sorted(FAILED_OUTCOMES)),
        )
        .scalar_subquery()
    )
    mismatched = await db.scalar(
        select(func.count()).where(synthetic, Enquiry.failed_contact_attempts != failed)
    )
    assert mismatched == 0
    attempts = await db.scalar(select(func.count()).select_from(ContactAttempt))
    assert attempts and attempts > 0.2 * total
    silent_short = await db.scalar(
        select(func.count()).where(
            synthetic, Enquiry.stage == "no_response", Enquiry.failed_contact_attempts < 3
        )
    )
    assert silent_short == 0
    # Each attempt falls between the enquiry arriving and it closing (or now).
    outside = await db.scalar(
        select(func.count())
        .select_from(ContactAttempt)
        .join(Enquiry, Enquiry.id == ContactAttempt.enquiry_id)
        .where(
            (ContactAttempt.attempted_at < Enquiry.received_at)
            | (Enquiry.closed_at.is_not(None) & (ContactAttempt.attempted_at > Enquiry.closed_at))
        )
    )
    assert outside == 0
    await db.rollback()


async def test_create_user_prints_a_generated_password(database_url: str, world: World) -> None:
    result = fosterhub(
        database_url,
        "create-user",
        "--council",
        "alpha",
        "--email",
        "New.Person@example.org",
        "--role",
        "manager",
        "--role",
        "admin",
    )
    assert result.returncode == 0, result.stderr
    assert "Password (shown once):" in result.stdout
    user = await world.db.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user is not None and sorted(user.roles) == ["admin", "manager"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--council", "nowhere", "--email", "a@example.org", "--role", "admin"], "nowhere"),
        (["--council", "alpha", "--email", "not-an-email", "--role", "admin"], "email"),
        (["--council", "alpha", "--email", "a@example.org", "--role", "king"], "roles"),
    ],
)
async def test_create_user_refuses_bad_input_plainly(
    database_url: str, world: World, args: list[str], message: str
) -> None:
    result = fosterhub(database_url, "create-user", *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


async def test_create_client_prints_its_secret_once(database_url: str, world: World) -> None:
    result = fosterhub(
        database_url,
        "create-client",
        "--council",
        "beta",
        "--name",
        "Alpha's partner",
        "--scopes",
        "enquiries:read reports:read",
    )
    assert result.returncode == 0, result.stderr
    assert "client_secret:" in result.stdout
    assert await _count(world, ApiClient) == 1
    refused = fosterhub(
        database_url, "create-client", "--council", "beta", "--name", "x", "--scopes", "root"
    )
    assert refused.returncode == 2 and "root" in refused.stderr


async def test_import_postcodes_from_a_file(
    database_url: str, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "onspd.csv"
    path.write_text(
        "pcds,doterm,oslaua,lat,long\nL1 8JQ,,E08000012,53.4,-2.98\nL2 2DP,201001,E08000012,1,1\n",
        encoding="utf-8",
    )
    result = fosterhub(database_url, "import-postcodes", str(path))
    assert result.returncode == 0, result.stderr
    assert "loaded 1" in result.stdout and "1 terminated" in result.stdout
    missing = fosterhub(database_url, "import-postcodes", str(tmp_path / "none.csv"))
    assert missing.returncode == 2


def test_migrate_on_a_fresh_file(tmp_path: Path) -> None:
    result = fosterhub(f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}", "migrate")
    assert result.returncode == 0, result.stderr


def test_production_refuses_the_default_secret(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "ENVIRONMENT": "production",
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'p.sqlite3'}",
    }
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "fosterhub.cli", "migrate"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
