"""Every query of carer households."""

from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.carers.models import CarerHousehold


async def by_id(session: AsyncSession, household_id: str) -> CarerHousehold | None:
    return await session.scalar(select(CarerHousehold).where(CarerHousehold.id == household_id))


async def by_user(session: AsyncSession, user_id: str) -> CarerHousehold | None:
    return await session.scalar(select(CarerHousehold).where(CarerHousehold.user_id == user_id))


async def by_enquiry(session: AsyncSession, enquiry_id: str) -> CarerHousehold | None:
    return await session.scalar(
        select(CarerHousehold).where(CarerHousehold.enquiry_id == enquiry_id)
    )


async def by_referral_code(session: AsyncSession, code: str) -> CarerHousehold | None:
    return await session.scalar(
        select(CarerHousehold).where(CarerHousehold.referral_code == code.upper())
    )


async def code_taken(session: AsyncSession, code: str) -> bool:
    found = await session.execute(
        select(CarerHousehold.id)
        .where(CarerHousehold.referral_code == code)
        .execution_options(skip_tenant_scope=True)
    )
    return found.first() is not None


def list_query(status: str | None, q: str | None, champion: bool | None) -> Select[Any]:
    stmt = select(CarerHousehold)
    if status:
        stmt = stmt.where(CarerHousehold.status == status)
    if champion is not None:
        stmt = stmt.where(CarerHousehold.is_champion.is_(champion))
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(CarerHousehold.name).like(like),
                CarerHousehold.referral_code == q.upper(),
            )
        )
    return stmt
