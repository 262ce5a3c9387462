"""Tables the cross-cutting helpers write: the audit log, the outbox, idempotency records."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, utcnow


class AuditEvent(Base):
    """Append-only: a database trigger refuses UPDATE and DELETE (see the first migration)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    council_id: Mapped[str | None] = mapped_column(String(36), index=True)
    actor_type: Mapped[str] = mapped_column(String(16))  # user | client | public | system
    actor_id: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # read | create | update | delete | ...
    record_type: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(64))
    ip_address: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any] | None] = mapped_column()

    __table_args__ = (Index("ix_audit_event_record", "record_type", "record_id"),)


class OutboxMessage(IdMixin, Base):
    """A side effect written in the same transaction as the change that causes it."""

    __tablename__ = "outbox_message"

    council_id: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # email | webhook
    payload: Mapped[dict[str, Any]] = mapped_column()
    # pending -> sending (claimed by a worker until `locked_until`) -> sent | pending | dead
    status: Mapped[str] = mapped_column(String(16), default="pending")
    locked_until: Mapped[datetime | None] = mapped_column()
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (Index("ix_outbox_message_due", "status", "next_attempt_at"),)


class ScheduledJobRun(Base):
    """When each periodic job last ran, shared by every worker so a daily job runs once a day."""

    __tablename__ = "scheduled_job_run"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_run_at: Mapped[datetime | None] = mapped_column()


class IdempotencyRecord(IdMixin, Base):
    """The first answer to a POST carrying an Idempotency-Key, replayed for the same key."""

    __tablename__ = "idempotency_record"

    scope: Mapped[str] = mapped_column(String(128))  # caller identity + route
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column()
    response_body: Mapped[dict[str, Any]] = mapped_column()
    response_headers: Mapped[dict[str, Any]] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("scope", "key"),)
