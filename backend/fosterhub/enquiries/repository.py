"""Every query of the enquiries domain."""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.enquiries.models import ContactAttempt, Enquiry, EnquiryNote, StageTransition
from fosterhub.enquiries.vocabulary import OPEN_STAGES


async def by_id(
    session: AsyncSession, enquiry_id: str, *, for_update: bool = False
) -> Enquiry | None:
    stmt = select(Enquiry).where(Enquiry.id == enquiry_id)
    if for_update:
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def reference_taken(session: AsyncSession, reference: str) -> bool:
    found = await session.execute(
        select(Enquiry.id)
        .where(Enquiry.reference == reference)
        .execution_options(skip_tenant_scope=True)
    )
    return found.first() is not None


async def earlier_from_same_person(
    session: AsyncSession, email: str, phone: str | None, since: datetime
) -> Enquiry | None:
    """The person's first enquiry in this council since `since` (matched by email or phone)
    that can still be worked: open, or waiting for an answer (`no_response` reopens). After a
    withdrawal or a decision the person asking again starts a new enquiry; linked to the closed
    one it could never be moved."""
    same = [Enquiry.email == email]
    if phone:
        same.append(Enquiry.phone == phone)
    return await session.scalar(
        select(Enquiry)
        .where(
            or_(*same),
            Enquiry.received_at >= since,
            Enquiry.duplicate_of_id.is_(None),
            Enquiry.stage.in_([*OPEN_STAGES, "no_response"]),
        )
        .order_by(Enquiry.received_at)
        .limit(1)
    )


def list_query(
    *,
    stages: list[str] | None,
    channel: str | None,
    campaign_id: str | None,
    assigned_to: str | None,
    q: str | None,
    overdue_at: datetime | None,
    recontact_before: datetime | None,
    failed_attempts_at_least: int | None,
    include_repeats: bool,
    received_from: datetime | None,
    received_to: datetime | None,
) -> Select[Any]:
    stmt = select(Enquiry)
    if stages:
        stmt = stmt.where(Enquiry.stage.in_(stages))
    if channel:
        stmt = stmt.where(Enquiry.channel == channel)
    if campaign_id:
        stmt = stmt.where(Enquiry.campaign_id == campaign_id)
    if assigned_to == "none":
        stmt = stmt.where(Enquiry.assigned_to_id.is_(None))
    elif assigned_to:
        stmt = stmt.where(Enquiry.assigned_to_id == assigned_to)
    if overdue_at is not None:
        stmt = stmt.where(Enquiry.stage.in_(OPEN_STAGES), Enquiry.due_at < overdue_at)
    if recontact_before is not None:
        stmt = stmt.where(
            Enquiry.stage.in_(["withdrawn", "no_response"]),
            Enquiry.contact_ok.is_(True),
            Enquiry.erased_at.is_(None),
            Enquiry.closed_at <= recontact_before,
        )
    if failed_attempts_at_least is not None:
        stmt = stmt.where(
            Enquiry.stage.in_(OPEN_STAGES),
            Enquiry.failed_contact_attempts >= failed_attempts_at_least,
        )
    if not include_repeats:
        stmt = stmt.where(Enquiry.duplicate_of_id.is_(None))
    if received_from is not None:
        stmt = stmt.where(Enquiry.received_at >= received_from)
    if received_to is not None:
        stmt = stmt.where(Enquiry.received_at < received_to)
    if q:
        text = q.strip()
        name = Enquiry.first_name + " " + Enquiry.last_name
        compact = text.replace(" ", "").upper()
        matches = [
            # Wildcards typed by the user are literal. SQLite's lower() folds only ASCII, so a
            # name in another script is also matched as typed.
            func.lower(name).contains(text.lower(), autoescape=True),
            name.contains(text, autoescape=True),
            Enquiry.reference == text.upper(),
            func.replace(Enquiry.postcode, " ", "") == compact,
            Enquiry.email == text.lower(),
        ]
        if len(compact) <= 4:  # an outward code: everyone in that district
            matches.append(Enquiry.postcode.startswith(f"{compact} ", autoescape=True))
        stmt = stmt.where(or_(*matches))
    return stmt


async def transitions(session: AsyncSession, enquiry_id: str) -> list[StageTransition]:
    return list(
        (
            await session.scalars(
                select(StageTransition)
                .where(StageTransition.enquiry_id == enquiry_id)
                .order_by(StageTransition.occurred_at, StageTransition.id)
            )
        ).all()
    )


async def contact_attempts(session: AsyncSession, enquiry_id: str) -> list[ContactAttempt]:
    return list(
        (
            await session.scalars(
                select(ContactAttempt)
                .where(ContactAttempt.enquiry_id == enquiry_id)
                .order_by(ContactAttempt.attempted_at, ContactAttempt.id)
            )
        ).all()
    )


async def notes(session: AsyncSession, enquiry_id: str) -> list[EnquiryNote]:
    return list(
        (
            await session.scalars(
                select(EnquiryNote)
                .where(EnquiryNote.enquiry_id == enquiry_id)
                .order_by(EnquiryNote.created_at, EnquiryNote.id)
            )
        ).all()
    )


async def repeats(session: AsyncSession, enquiry_id: str) -> list[Enquiry]:
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(Enquiry.duplicate_of_id == enquiry_id)
                .order_by(Enquiry.received_at)
            )
        ).all()
    )


async def overdue_by_officer(session: AsyncSession, now: datetime) -> list[tuple[str, str, int]]:
    """(council_id, officer id, how many overdue) for every officer with overdue work."""
    rows = await session.execute(
        select(Enquiry.council_id, Enquiry.assigned_to_id, func.count(Enquiry.id))
        .where(
            Enquiry.stage.in_(OPEN_STAGES),
            Enquiry.due_at < now,
            Enquiry.assigned_to_id.is_not(None),
            Enquiry.duplicate_of_id.is_(None),
        )
        .group_by(Enquiry.council_id, Enquiry.assigned_to_id)
    )
    return [(r[0], str(r[1]), int(r[2])) for r in rows]


async def overdue_for(
    session: AsyncSession, officer_id: str, now: datetime, limit: int
) -> list[Enquiry]:
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(
                    Enquiry.assigned_to_id == officer_id,
                    Enquiry.stage.in_(OPEN_STAGES),
                    Enquiry.due_at < now,
                    Enquiry.duplicate_of_id.is_(None),
                )
                .order_by(Enquiry.due_at)
                .limit(limit)
            )
        ).all()
    )


async def past_retention(
    session: AsyncSession, council_id: str, closed_before: datetime
) -> list[Enquiry]:
    """Closed enquiries that never reached application, closed before the cut-off."""
    applied = select(StageTransition.enquiry_id).where(StageTransition.to_stage == "application")
    return list(
        (
            await session.scalars(
                select(Enquiry)
                .where(
                    Enquiry.council_id == council_id,
                    Enquiry.stage.in_(
                        ["withdrawn", "not_progressed", "no_response", "transferred"]
                    ),
                    Enquiry.closed_at < closed_before,
                    Enquiry.erased_at.is_(None),
                    Enquiry.id.not_in(applied),
                )
                .limit(500)
            )
        ).all()
    )


async def stage_counts(session: AsyncSession, now: datetime) -> list[tuple[str, int, int]]:
    rows = await session.execute(
        select(
            Enquiry.stage,
            func.count(Enquiry.id),
            # Only open work can be late: a closed enquiry's old due date means nothing.
            func.coalesce(
                func.sum(
                    case((and_(Enquiry.stage.in_(OPEN_STAGES), Enquiry.due_at < now), 1), else_=0)
                ),
                0,
            ),
        )
        .where(Enquiry.duplicate_of_id.is_(None))
        .group_by(Enquiry.stage)
    )
    return [(r[0], int(r[1]), int(r[2])) for r in rows]
