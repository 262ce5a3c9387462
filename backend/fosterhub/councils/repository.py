"""Every query of the councils domain."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from fosterhub.councils.models import Council, Postcode, PostcodeCoverage, Region


async def council_by_slug(session: AsyncSession, slug: str) -> Council | None:
    return await session.scalar(
        select(Council).options(selectinload(Council.region)).where(Council.slug == slug)
    )


async def council_by_id(session: AsyncSession, council_id: str) -> Council | None:
    return await session.scalar(
        select(Council).options(selectinload(Council.region)).where(Council.id == council_id)
    )


def councils_query() -> Any:
    # One query: the region comes in the same round trip.
    return select(Council).options(joinedload(Council.region)).where(Council.is_active)


def public_list_query() -> Any:
    """The public list's columns only, as rows: no settings to decode, no entities to track."""
    return _PUBLIC_LIST


# Built once: statements are immutable, and building one costs more than running it here.
_PUBLIC_LIST = (
    select(Council.id, Council.slug, Council.name, Region.slug.label("region"))
    .outerjoin(Region, Council.region_id == Region.id)
    .where(Council.is_active)
)


async def region_by_id(session: AsyncSession, region_id: str) -> Region | None:
    return await session.get(Region, region_id)


async def region_by_slug(session: AsyncSession, slug: str) -> Region | None:
    return await session.scalar(
        select(Region)
        .options(selectinload(Region.councils).selectinload(Council.region))
        .where(Region.slug == slug)
    )


def regions_query() -> Any:
    return select(Region)


async def council_for_prefixes(session: AsyncSession, prefixes: Sequence[str]) -> Council | None:
    rows = (
        await session.execute(
            select(PostcodeCoverage.prefix, Council)
            .join(Council, Council.id == PostcodeCoverage.council_id)
            .where(PostcodeCoverage.prefix.in_(prefixes), Council.is_active)
        )
    ).all()
    by_prefix = {prefix: council for prefix, council in rows}
    for prefix in prefixes:
        if prefix in by_prefix:
            return by_prefix[prefix]
    return None


async def coverage_prefixes(session: AsyncSession) -> list[tuple[str, str]]:
    """(council id, prefix) of every coverage row of an active council."""
    rows = await session.execute(
        select(PostcodeCoverage.council_id, PostcodeCoverage.prefix)
        .join(Council, Council.id == PostcodeCoverage.council_id)
        .where(Council.is_active)
    )
    return [(row[0], row[1]) for row in rows]


async def council_for_postcode(session: AsyncSession, postcode: str) -> Council | None:
    return await session.scalar(
        select(Council)
        .join(Postcode, Postcode.ons_la_code == Council.ons_la_code)
        .where(Postcode.postcode == postcode, Council.is_active)
    )


async def postcode(session: AsyncSession, value: str) -> Postcode | None:
    return await session.get(Postcode, value)


async def upsert_postcodes(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Postcode).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=[Postcode.postcode],
        set_={
            "ons_la_code": stmt.excluded.ons_la_code,
            "latitude": stmt.excluded.latitude,
            "longitude": stmt.excluded.longitude,
        },
    )
    await session.execute(stmt)


async def replace_coverage(
    session: AsyncSession, council: Council, prefixes: Sequence[str]
) -> None:
    existing = set(
        (
            await session.scalars(
                select(PostcodeCoverage.prefix).where(PostcodeCoverage.council_id == council.id)
            )
        ).all()
    )
    for prefix in prefixes:
        if prefix not in existing:
            session.add(PostcodeCoverage(council_id=council.id, prefix=prefix))


async def count_councils(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Council)) or 0)
