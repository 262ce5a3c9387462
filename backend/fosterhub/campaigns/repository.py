"""Every query of campaigns and referrals."""

from typing import Any

from sqlalchemy import Select, and_, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.campaigns.models import Campaign, Referral
from fosterhub.carers.models import CarerHousehold
from fosterhub.core.db import utcnow
from fosterhub.enquiries.models import Enquiry, StageTransition


async def by_id(session: AsyncSession, campaign_id: str) -> Campaign | None:
    return await session.scalar(select(Campaign).where(Campaign.id == campaign_id))


async def by_code(session: AsyncSession, code: str) -> Campaign | None:
    return await session.scalar(select(Campaign).where(Campaign.code == code.upper()))


async def by_code_any_council(session: AsyncSession, code: str) -> Campaign | None:
    """Public landing: a printed code names its council; the code is unique everywhere.
    Inactive and ended campaigns too (their leaflets are still about)."""
    return await session.scalar(
        select(Campaign)
        .where(Campaign.code == code.upper())
        .execution_options(skip_tenant_scope=True)
    )


async def code_taken(session: AsyncSession, code: str) -> bool:
    found = await session.execute(
        select(Campaign.id).where(Campaign.code == code).execution_options(skip_tenant_scope=True)
    )
    return found.first() is not None


async def count_scan(session: AsyncSession, campaign_id: str) -> None:
    # One atomic UPDATE: concurrent scans are all counted.
    await session.execute(
        update(Campaign)
        .where(Campaign.id == campaign_id)
        .values(scans=Campaign.scans + 1, last_scanned_at=utcnow())
        .execution_options(synchronize_session=False, skip_tenant_scope=True)
    )


def list_query(kind: str | None, active: bool | None) -> Select[Any]:
    stmt = select(Campaign)
    if kind:
        stmt = stmt.where(Campaign.kind == kind)
    if active is not None:
        stmt = stmt.where(Campaign.is_active.is_(active))
    return stmt


async def results(session: AsyncSession, campaign_ids: list[str]) -> dict[str, dict[str, int]]:
    """Enquiries per campaign and how far they got, in one aggregate query."""
    if not campaign_ids:
        return {}
    reached = (
        select(
            StageTransition.enquiry_id,
            func.max(case((StageTransition.to_stage == "initial_visit", 1), else_=0)).label("iv"),
            func.max(case((StageTransition.to_stage == "application", 1), else_=0)).label("app"),
            func.max(case((StageTransition.to_stage == "approved", 1), else_=0)).label("ok"),
        )
        .group_by(StageTransition.enquiry_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            Enquiry.campaign_id,
            func.count(Enquiry.id),
            func.coalesce(func.sum(reached.c.iv), 0),
            func.coalesce(func.sum(reached.c.app), 0),
            func.coalesce(func.sum(reached.c.ok), 0),
        )
        .outerjoin(reached, reached.c.enquiry_id == Enquiry.id)
        .where(Enquiry.campaign_id.in_(campaign_ids), Enquiry.duplicate_of_id.is_(None))
        .group_by(Enquiry.campaign_id)
    )
    return {
        row[0]: {"enquiries": row[1], "iv": int(row[2]), "app": int(row[3]), "ok": int(row[4])}
        for row in rows
    }


async def referral_by_id(session: AsyncSession, referral_id: str) -> Referral | None:
    return await session.scalar(select(Referral).where(Referral.id == referral_id))


async def referral_for_enquiry(session: AsyncSession, enquiry_id: str) -> Referral | None:
    return await session.scalar(select(Referral).where(Referral.enquiry_id == enquiry_id))


def referrals_query(status: str | None, household_id: str | None) -> Select[Any]:
    stmt = select(Referral)
    if status:
        stmt = stmt.where(Referral.status == status)
    if household_id:
        stmt = stmt.where(Referral.household_id == household_id)
    return stmt


async def referral_totals(session: AsyncSession, household_id: str) -> dict[str, int]:
    row = (
        await session.execute(
            select(
                func.count(Referral.id),
                func.coalesce(
                    func.sum(case((Referral.status.in_(["due", "paid"]), 1), else_=0)), 0
                ),
                func.coalesce(
                    func.sum(case((Referral.status == "due", Referral.reward_pence), else_=0)), 0
                ),
                func.coalesce(
                    func.sum(case((Referral.status == "paid", Referral.reward_pence), else_=0)), 0
                ),
            ).where(and_(Referral.household_id == household_id))
        )
    ).one()
    return {"count": row[0], "approved": int(row[1]), "due": int(row[2]), "paid": int(row[3])}


async def references(session: AsyncSession, enquiry_ids: list[str]) -> dict[str, str]:
    rows = await session.execute(
        select(Enquiry.id, Enquiry.reference).where(Enquiry.id.in_(enquiry_ids))
    )
    return {row[0]: row[1] for row in rows}


async def household_names(session: AsyncSession, household_ids: list[str]) -> dict[str, str]:
    rows = await session.execute(
        select(CarerHousehold.id, CarerHousehold.name).where(CarerHousehold.id.in_(household_ids))
    )
    return {row[0]: row[1] for row in rows}
