"""The outbox and the worker: email really reaches an SMTP server, survives it being down,
and two workers never take the same message."""

import asyncio
from datetime import timedelta
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from fosterhub.config import Settings
from fosterhub.core import outbox, tenancy
from fosterhub.core.db import utcnow
from fosterhub.core.models import OutboxMessage
from tests.conftest import Inbox, postgres_only


async def _enqueue(sessionmaker: Any, n: int = 1, **payload: str) -> list[str]:
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        ids = []
        for i in range(n):
            message = outbox.enqueue_email(
                session,
                to=payload.get("to", f"person{i}@example.org"),
                subject=payload.get("subject", "Your enquiry"),
                body="Thank you for asking.",
            )
            ids.append(message.id)
        await session.commit()
        return ids


async def _messages(sessionmaker: Any) -> list[OutboxMessage]:
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        return list((await session.scalars(select(OutboxMessage))).all())


async def test_queued_email_reaches_the_smtp_server(
    sessionmaker: Any, mail_settings: Settings, smtp: Inbox
) -> None:
    await _enqueue(sessionmaker, to="ann@example.org", subject="Ref FH-123")
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 1
    await asyncio.sleep(0.05)
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["To"] == "ann@example.org"
    assert smtp.messages[0]["Subject"] == "Ref FH-123"
    [stored] = await _messages(sessionmaker)
    assert stored.status == "sent" and stored.sent_at is not None and stored.attempts == 1


async def test_email_waits_while_smtp_is_down_and_arrives_when_it_is_back(
    sessionmaker: Any, mail_settings: Settings, smtp_port: int
) -> None:
    await _enqueue(sessionmaker)
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 0  # nothing listens yet
    [waiting] = await _messages(sessionmaker)
    assert waiting.status == "pending" and waiting.attempts == 1
    assert waiting.last_error and waiting.next_attempt_at > utcnow()
    # Not due yet: a second round leaves it alone.
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 0
    assert (await _messages(sessionmaker))[0].attempts == 1

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        async with sessionmaker() as session:  # the back-off has passed
            tenancy.unscoped(session)
            await session.execute(update(OutboxMessage).values(next_attempt_at=utcnow()))
            await session.commit()
        assert await outbox.deliver_due(sessionmaker, mail_settings) == 1
        await asyncio.sleep(0.05)
        assert len(inbox.messages) == 1
        [sent] = await _messages(sessionmaker)
        assert sent.status == "sent" and sent.attempts == 2 and sent.last_error is None
    finally:
        controller.stop()


async def test_message_is_dead_after_the_last_attempt(
    sessionmaker: Any, mail_settings: Settings
) -> None:
    await _enqueue(sessionmaker)
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        await session.execute(update(OutboxMessage).values(attempts=outbox.MAX_ATTEMPTS - 1))
        await session.commit()
    await outbox.deliver_due(sessionmaker, mail_settings)
    [dead] = await _messages(sessionmaker)
    assert dead.status == "dead" and dead.attempts == outbox.MAX_ATTEMPTS


def test_backoff_grows_and_is_capped() -> None:
    delays = [outbox.backoff(n).total_seconds() for n in range(1, 12)]
    assert delays[:3] == [30, 60, 120]
    assert delays == sorted(delays)
    assert max(delays) == outbox.MAX_DELAY_SECONDS


async def test_a_message_left_sending_by_a_dead_worker_is_retried(
    sessionmaker: Any, mail_settings: Settings, smtp: Inbox
) -> None:
    await _enqueue(sessionmaker)
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        await session.execute(
            update(OutboxMessage).values(
                status="sending", attempts=1, locked_until=utcnow() - timedelta(seconds=1)
            )
        )
        await session.commit()
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 1


async def test_two_workers_never_take_the_same_message(
    sessionmaker: Any, mail_settings: Settings, smtp: Inbox
) -> None:
    await _enqueue(sessionmaker, n=30)
    first, second = await asyncio.gather(
        outbox._claim(sessionmaker, 20), outbox._claim(sessionmaker, 20)
    )
    first_ids, second_ids = {m.id for m in first}, {m.id for m in second}
    assert not first_ids & second_ids
    assert len(first_ids | second_ids) == 30


@postgres_only
async def test_skip_locked_lets_a_second_worker_pass_rows_another_holds(
    sessionmaker: Any,
) -> None:
    await _enqueue(sessionmaker, n=10)
    stmt = (
        select(OutboxMessage.id)
        .order_by(OutboxMessage.next_attempt_at)
        .limit(5)
        .with_for_update(skip_locked=True)
    )
    async with sessionmaker() as holder, sessionmaker() as other:
        tenancy.unscoped(holder)
        tenancy.unscoped(other)
        held = set((await holder.scalars(stmt)).all())  # locks stay until holder ends
        taken = set((await asyncio.wait_for(other.scalars(stmt), timeout=5)).all())
        assert len(held) == 5 and len(taken) == 5 and not held & taken
        await holder.rollback()
        await other.rollback()


async def test_worker_loop_delivers_and_stops(
    sessionmaker: Any, mail_settings: Settings, smtp: Inbox
) -> None:
    await _enqueue(sessionmaker, n=3)
    stop = asyncio.Event()
    worker = asyncio.create_task(
        outbox.run_worker(sessionmaker, mail_settings, poll_seconds=0.05, stop=stop)
    )
    for _ in range(100):
        if len(smtp.messages) == 3:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(worker, timeout=5)
    assert len(smtp.messages) == 3


async def test_sent_messages_are_purged_after_thirty_days_but_dead_ones_kept(
    sessionmaker: Any, mail_settings: Settings
) -> None:
    await _enqueue(sessionmaker, n=3)
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        rows = (await session.scalars(select(OutboxMessage))).all()
        old = utcnow() - timedelta(days=31)
        rows[0].status, rows[0].sent_at = "sent", old
        rows[1].status, rows[1].sent_at = "sent", utcnow()
        rows[2].status = "dead"
        await session.commit()
    await outbox.purge_sent(sessionmaker, mail_settings)
    left = await _messages(sessionmaker)
    assert sorted(m.status for m in left) == ["dead", "sent"]
