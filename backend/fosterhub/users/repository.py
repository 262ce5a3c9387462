"""Every query of the users domain."""

from typing import Any

from sqlalchemy import String, cast, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth.roles import STAFF_ROLES
from fosterhub.users.models import User


async def by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email.lower()))


async def by_id(session: AsyncSession, user_id: str) -> User | None:
    return await session.scalar(select(User).where(User.id == user_id))


def list_query(*, q: str | None = None, role: str | None = None, active: bool | None = None) -> Any:
    stmt = select(User)
    if q:
        # `%` and `_` typed by the admin are searched for as themselves, not as wildcards.
        stmt = stmt.where(
            or_(
                User.email.contains(q.lower(), autoescape=True),
                User.display_name.icontains(q, autoescape=True),
            )
        )
    if active is not None:
        stmt = stmt.where(User.is_active.is_(active))
    if role:
        # JSON arrays differ between SQLite and PostgreSQL; the quoted name is unambiguous in both.
        stmt = stmt.where(cast(User.roles, String).contains(f'"{role}"'))
    return stmt


def staff_query(*, active: bool | None = None) -> Any:
    """People of the council with at least one staff role (not carers, applicants or
    regional viewers only)."""
    stmt = select(User).where(
        or_(*(cast(User.roles, String).contains(f'"{role}"') for role in sorted(STAFF_ROLES)))
    )
    if active is not None:
        stmt = stmt.where(User.is_active.is_(active))
    return stmt
