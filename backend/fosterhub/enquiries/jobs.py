"""The enquiries domain's daily jobs: overdue digests for officers, and retention."""

from datetime import timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.config import Settings
from fosterhub.core import outbox, tenancy
from fosterhub.councils import repository as councils_repository
from fosterhub.enquiries import service

log = structlog.get_logger("fosterhub.jobs")
DAILY = timedelta(hours=24)


async def overdue_digest(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        queued = await service.overdue_digest(session, settings)
        await session.commit()
    log.info("overdue_digest_queued", emails=queued)


async def retention(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        councils = (await session.scalars(councils_repository.councils_query())).all()
    for council in councils:
        # Batches of at most RETENTION_BATCH, each its own transaction bound to the council
        # (so the erasures are audited as theirs), until a batch comes back short: a council
        # with years of closed enquiries due at once is done in one run, in small steps.
        total = 0
        while True:
            async with sessionmaker() as session:
                tenancy.bind(session, council.id)
                erased = await service.apply_retention(
                    session, council, limit=service.RETENTION_BATCH
                )
                await session.commit()
            total += erased
            if erased < service.RETENTION_BATCH:
                break
        if total:
            log.info("retention_applied", council=council.slug, erased=total)


def register() -> None:
    outbox.register_job("enquiries.overdue_digest", DAILY, overdue_digest)
    outbox.register_job("enquiries.retention", DAILY, retention)
