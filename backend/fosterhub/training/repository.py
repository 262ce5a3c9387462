"""Every query of the training domain."""

from datetime import date
from typing import Any

from sqlalchemy import Select, String, and_, cast, delete, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.carers.models import CarerHousehold
from fosterhub.training.models import TrainingCompletion, TrainingCourse


async def course_by_id(session: AsyncSession, course_id: str) -> TrainingCourse | None:
    return await session.scalar(select(TrainingCourse).where(TrainingCourse.id == course_id))


async def session_course(session: AsyncSession, course_id: str) -> TrainingCourse | None:
    """The course a session teaches: the hosting council's, which may not be the caller's."""
    return await session.scalar(
        select(TrainingCourse)
        .where(TrainingCourse.id == course_id)
        .execution_options(skip_tenant_scope=True)
    )


async def course_names(session: AsyncSession, course_ids: set[str]) -> dict[str, str]:
    """Names of courses that sessions name: a co-hosted session may teach the host's course."""
    rows = await session.execute(
        select(TrainingCourse.id, TrainingCourse.name)
        .where(TrainingCourse.id.in_(course_ids))
        .execution_options(skip_tenant_scope=True)
    )
    return {row[0]: row[1] for row in rows}


async def name_taken(session: AsyncSession, name: str, *, other_than: str | None = None) -> bool:
    stmt = select(TrainingCourse.id).where(func.lower(TrainingCourse.name) == name.lower())
    if other_than:
        stmt = stmt.where(TrainingCourse.id != other_than)
    return (await session.execute(stmt)).first() is not None


def courses_query(active: bool | None, tsd: bool | None) -> Select[Any]:
    stmt = select(TrainingCourse)
    if active is not None:
        stmt = stmt.where(TrainingCourse.is_active.is_(active))
    if tsd is not None:
        stmt = stmt.where(TrainingCourse.is_tsd.is_(tsd))
    return stmt


async def active_courses(session: AsyncSession) -> list[TrainingCourse]:
    return list(
        (
            await session.scalars(
                select(TrainingCourse)
                .where(TrainingCourse.is_active)
                .order_by(TrainingCourse.name, TrainingCourse.id)
            )
        ).all()
    )


async def completion_for_registration(session: AsyncSession, registration_id: str) -> str | None:
    return await session.scalar(
        select(TrainingCompletion.id)
        .where(TrainingCompletion.registration_id == registration_id)
        .execution_options(skip_tenant_scope=True)
    )


async def delete_check_in_completion(session: AsyncSession, registration_id: str) -> str | None:
    """The completion a check-in recorded (in the carer's council, maybe a co-host's)."""
    completion_id = await session.scalar(
        select(TrainingCompletion.id)
        .where(
            TrainingCompletion.registration_id == registration_id,
            TrainingCompletion.source == "check_in",
        )
        .execution_options(skip_tenant_scope=True)
    )
    if completion_id is not None:
        await session.execute(
            delete(TrainingCompletion)
            .where(TrainingCompletion.id == completion_id)
            .execution_options(skip_tenant_scope=True, synchronize_session=False)
        )
    return completion_id


async def insert_completion(session: AsyncSession, values: dict[str, Any]) -> None:
    """A completion from a check-in belongs to the carer's council, which may be a co-host of
    the session rather than the checking-in staff's own. An INSERT statement names it
    explicitly (the tenancy guard watches new ORM objects, and would refuse it)."""
    await session.execute(insert(TrainingCompletion).values(**values))


async def record_of(
    session: AsyncSession, council_id: str, household_id: str | None, user_id: str | None
) -> list[tuple[TrainingCompletion, TrainingCourse]]:
    """A person's completions, newest first, with their courses. The completions are the
    council's own; their course may be a co-hosting council's (a joint session), so the join
    looks across councils, limited to this council's completions by the explicit filter."""
    who = []
    if household_id:
        who.append(TrainingCompletion.household_id == household_id)
    if user_id:
        who.append(TrainingCompletion.user_id == user_id)
    if not who:
        return []
    rows = await session.execute(
        select(TrainingCompletion, TrainingCourse)
        .join(TrainingCourse, TrainingCourse.id == TrainingCompletion.course_id)
        .where(TrainingCompletion.council_id == council_id, or_(*who))
        .order_by(TrainingCompletion.completed_on.desc(), TrainingCompletion.id)
        .execution_options(skip_tenant_scope=True)
    )
    return [(c, course) for c, course in rows]


def _family_and_friends() -> Any:
    # `fostering_types` is a JSON list; its text form holds the quoted value on both databases.
    return cast(CarerHousehold.fostering_types, String).like('%"family_and_friends"%')


async def tsd_behind(
    session: AsyncSession, *, cutoff_12: date, cutoff_18: date, required: int
) -> list[tuple[str, int]]:
    """(household id, TSD courses completed) for approved households whose deadline falls on or
    before the cut-offs and who have not completed every TSD course: one aggregate query."""
    tsd_courses = select(TrainingCourse.id).where(TrainingCourse.is_tsd, TrainingCourse.is_active)
    completed = func.count(func.distinct(TrainingCompletion.course_id))
    rows = await session.execute(
        select(CarerHousehold.id, completed)
        .outerjoin(
            TrainingCompletion,
            and_(
                or_(
                    TrainingCompletion.household_id == CarerHousehold.id,
                    and_(
                        CarerHousehold.user_id.is_not(None),
                        TrainingCompletion.user_id == CarerHousehold.user_id,
                    ),
                ),
                TrainingCompletion.course_id.in_(tsd_courses),
            ),
        )
        .where(
            CarerHousehold.status == "approved",
            or_(
                and_(_family_and_friends(), CarerHousehold.approved_on <= cutoff_18),
                and_(~_family_and_friends(), CarerHousehold.approved_on <= cutoff_12),
            ),
        )
        .group_by(CarerHousehold.id)
        .having(completed < required)
    )
    return [(row[0], int(row[1])) for row in rows]


async def households(session: AsyncSession, ids: list[str]) -> list[CarerHousehold]:
    return list(
        (await session.scalars(select(CarerHousehold).where(CarerHousehold.id.in_(ids)))).all()
    )
