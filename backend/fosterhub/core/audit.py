"""The audit log: who read or changed which personal record, when, from where.

Every domain calls `record()` in the same session as the read or change, so the audit row
commits or rolls back with it. The actor is what the auth dependency put on the session.
"""

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core.db import utcnow
from fosterhub.core.models import AuditEvent

Action = Literal["read", "create", "update", "delete", "export", "erase", "login", "list"]
_KEY = "fosterhub.actor"


@dataclass(frozen=True)
class Actor:
    type: Literal["user", "client", "public", "system"]
    id: str | None
    council_id: str | None
    ip_address: str | None = None
    request_id: str | None = None


SYSTEM = Actor(type="system", id=None, council_id=None)


def set_actor(session: AsyncSession, actor: Actor) -> None:
    session.sync_session.info[_KEY] = actor


def current_actor(session: AsyncSession) -> Actor:
    actor = session.sync_session.info.get(_KEY)
    return actor if isinstance(actor, Actor) else SYSTEM


def record(
    session: AsyncSession,
    action: Action,
    record_type: str,
    record_id: str,
    *,
    council_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Adds one audit row. `detail` must never hold personal data: ids and field names only."""
    session.add(
        AuditEvent(
            **values(session, action, record_type, record_id, council_id=council_id, detail=detail)
        )
    )


def values(
    session: AsyncSession,
    action: Action,
    record_type: str,
    record_id: str,
    *,
    council_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The columns of one audit row, for a caller that writes it with a Core statement."""
    actor = current_actor(session)
    return {
        "occurred_at": utcnow(),
        "council_id": council_id or actor.council_id,
        "actor_type": actor.type,
        "actor_id": actor.id,
        "action": action,
        "record_type": record_type,
        "record_id": record_id,
        "ip_address": actor.ip_address,
        "request_id": actor.request_id,
        "detail": detail,
    }
