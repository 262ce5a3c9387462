"""The events domain's hourly job: reminders to everyone with a place at tomorrow's events."""

from datetime import timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.config import Settings
from fosterhub.core import outbox, tenancy
from fosterhub.core.db import utcnow
from fosterhub.events import service

log = structlog.get_logger("fosterhub.jobs")
REMINDERS = "events.reminders"
# Hourly, not daily: a place booked, freed up for someone on the waiting list, or an event
# published after a daily run would miss its reminder, and a daily run drifting past London
# midnight would skip a whole day. `reminded_at` keeps it to one reminder a person.
HOURLY = timedelta(hours=1)


async def reminders(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    async with sessionmaker() as session:
        tenancy.unscoped(session)  # every council's events, in one pass
        queued = await service.send_reminders(session, settings, utcnow())
        await session.commit()
    log.info("event_reminders_queued", emails=queued)


def register() -> None:
    """Adds the job to the worker's schedule, once however often it is called."""
    if not any(name == REMINDERS for name, _, _ in outbox.SCHEDULED_JOBS):
        outbox.register_job(REMINDERS, HOURLY, reminders)
