"""The transactional outbox: side effects queued with the change, delivered by the worker.

`enqueue_email()` adds a row in the caller's transaction, so an email exists exactly when the
change that caused it committed. `deliver_due()` takes due rows (on PostgreSQL with
`FOR UPDATE SKIP LOCKED`, so two workers never take the same one), sends them, and on failure
schedules a retry with exponential back-off; after `MAX_ATTEMPTS` a message is marked dead.
"""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import aiosmtplib
import structlog
from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from fosterhub.config import Settings
from fosterhub.core import tenancy
from fosterhub.core.db import utcnow
from fosterhub.core.models import OutboxMessage, ScheduledJobRun

log = structlog.get_logger("fosterhub.outbox")

MAX_ATTEMPTS = 10
BASE_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 6 * 3600
LEASE = timedelta(minutes=5)

Sender = Callable[[OutboxMessage, Settings], Awaitable[None]]


def enqueue(
    session: AsyncSession, kind: str, payload: dict[str, Any], *, council_id: str | None = None
) -> OutboxMessage:
    message = OutboxMessage(kind=kind, payload=payload, council_id=council_id)
    session.add(message)
    return message


def enqueue_email(
    session: AsyncSession,
    *,
    to: str,
    subject: str,
    body: str,
    council_id: str | None = None,
    reply_to: str | None = None,
) -> OutboxMessage:
    payload = {"to": to, "subject": subject, "body": body, "reply_to": reply_to}
    return enqueue(session, "email", payload, council_id=council_id)


def email_values(
    *, to: str, subject: str, body: str, council_id: str | None = None, reply_to: str | None = None
) -> dict[str, Any]:
    """The columns of one queued email, for a caller that writes it with a Core statement
    (the rest take their column defaults: pending, due now)."""
    payload = {"to": to, "subject": subject, "body": body, "reply_to": reply_to}
    return {"kind": "email", "payload": payload, "council_id": council_id}


async def send_email(message: OutboxMessage, settings: Settings) -> None:
    email = EmailMessage()
    email["From"] = settings.smtp_from
    email["To"] = message.payload["to"]
    email["Subject"] = message.payload["subject"]
    email["Message-ID"] = f"<{message.id}@fosterhub>"
    if message.payload.get("reply_to"):
        email["Reply-To"] = message.payload["reply_to"]
    email.set_content(message.payload["body"])
    await aiosmtplib.send(
        email, hostname=settings.smtp_host, port=settings.smtp_port, timeout=10, start_tls=False
    )


SENDERS: dict[str, Sender] = {"email": send_email}


def register_sender(kind: str, sender: Sender) -> None:
    """Later domains (webhooks) plug their delivery in here."""
    SENDERS[kind] = sender


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BASE_DELAY_SECONDS * 2 ** max(attempts - 1, 0), MAX_DELAY_SECONDS))


async def _claim(sessionmaker: async_sessionmaker[AsyncSession], batch: int) -> list[OutboxMessage]:
    """Marks up to `batch` due messages as ours for `LEASE`; commits at once so no lock is held
    while talking to SMTP. A worker that dies mid-send lets its lease run out and another retries.
    """
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        now = utcnow()
        due = (
            await session.scalars(
                select(OutboxMessage)
                .where(
                    or_(
                        and_(
                            OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now
                        ),
                        and_(OutboxMessage.status == "sending", OutboxMessage.locked_until < now),
                    )
                )
                .order_by(OutboxMessage.next_attempt_at)
                .limit(batch)
                .with_for_update(skip_locked=True)
            )
        ).all()
        for message in due:
            message.status = "sending"
            message.locked_until = now + LEASE
            message.attempts += 1
        await session.commit()
        return list(due)


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, *, batch: int = 50
) -> int:
    """Delivers up to `batch` due messages; returns how many were sent."""
    claimed = await _claim(sessionmaker, batch)
    if not claimed:
        return 0
    outcomes: dict[str, tuple[str, str | None]] = {}
    for message in claimed:
        sender = SENDERS.get(message.kind)
        try:
            if sender is None:
                raise LookupError(f"no sender for {message.kind}")
            await sender(message, settings)
        except Exception as exc:
            outcomes[message.id] = ("failed", f"{type(exc).__name__}: {exc}"[:1000])
        else:
            outcomes[message.id] = ("sent", None)
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        rows = await session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(outcomes)))
        for message in rows:
            outcome, error = outcomes[message.id]
            message.locked_until = None
            if outcome == "sent":
                message.status, message.sent_at, message.last_error = "sent", utcnow(), None
                log.info("outbox_sent", message_id=message.id, kind=message.kind)
            elif message.attempts >= MAX_ATTEMPTS:
                message.status, message.last_error = "dead", error
                log.warning("outbox_dead", message_id=message.id, kind=message.kind)
            else:
                message.status, message.last_error = "pending", error
                message.next_attempt_at = utcnow() + backoff(message.attempts)
                log.info(
                    "outbox_retry",
                    message_id=message.id,
                    kind=message.kind,
                    attempts=message.attempts,
                )
        await session.commit()
    return sum(1 for outcome, _ in outcomes.values() if outcome == "sent")


SENT_KEPT_FOR = timedelta(days=30)


async def purge_sent(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    """Deletes delivered messages after `SENT_KEPT_FOR`: their payloads hold addresses and
    names, which must not outlive an erasure for long. Dead ones are kept for inspection."""
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        await session.execute(
            delete(OutboxMessage).where(
                OutboxMessage.status == "sent", OutboxMessage.sent_at < utcnow() - SENT_KEPT_FOR
            )
        )
        await session.commit()


Job = Callable[[async_sessionmaker[AsyncSession], Settings], Awaitable[None]]
SCHEDULED_JOBS: list[tuple[str, timedelta, Job]] = [
    ("outbox.purge_sent", timedelta(hours=24), purge_sent),
]


def register_job(name: str, every: timedelta, job: Job) -> None:
    """Later domains add their periodic jobs (daily overdue emails, retention) here."""
    SCHEDULED_JOBS.append((name, every, job))


async def claim_job_run(
    sessionmaker: async_sessionmaker[AsyncSession], name: str, every: timedelta
) -> bool:
    """True when this worker should run `name` now. One atomic UPDATE decides, so however
    many workers run, a daily job runs once a day, and a restart does not run it again."""
    now = utcnow()
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        if await session.get(ScheduledJobRun, name) is None:
            session.add(ScheduledJobRun(name=name, last_run_at=None))
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()
        result = await session.execute(
            update(ScheduledJobRun)
            .where(
                ScheduledJobRun.name == name,
                or_(
                    ScheduledJobRun.last_run_at.is_(None),
                    ScheduledJobRun.last_run_at <= now - every,
                ),
            )
            .values(last_run_at=now)
            .execution_options(synchronize_session=False)
        )
        await session.commit()
        return bool(getattr(result, "rowcount", 0))


async def run_due_jobs(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> None:
    for name, every, job in SCHEDULED_JOBS:
        if await claim_job_run(sessionmaker, name, every):
            log.info("job_started", job=name)
            await job(sessionmaker, settings)


async def run_worker(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    poll_seconds: float = 2.0,
    stop: asyncio.Event | None = None,
) -> None:
    stop = stop or asyncio.Event()
    log.info("worker_started")
    while not stop.is_set():
        try:
            await deliver_due(sessionmaker, settings)
            await run_due_jobs(sessionmaker, settings)
        except Exception as exc:
            log.error("worker_cycle_failed", error_type=type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=poll_seconds)
    log.info("worker_stopped")
