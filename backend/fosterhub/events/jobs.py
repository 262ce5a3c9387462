"""The events domain's daily job: reminders to everyone with a place at tomorrow's events."""

from datetime import timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.config import Settings
from fosterhub.core import outbox, tenancy
from fosterhub.core.db import utcnow
from fosterhub.events import service

log = structlog.get_logger("fosterhub.jobs")
DAILY = timedelta(hours=24)


async def reminders(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    async with sessionmaker() as session:
        tenancy.unscoped(session)  # every council's events, in one pass
        queued = await service.send_reminders(session, settings, utcnow())
        await session.commit()
    log.info("event_reminders_queued", emails=queued)


def register() -> None:
    outbox.register_job("events.reminders", DAILY, reminders)
