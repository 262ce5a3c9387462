"""Every query of the events domain.

Events are tenant data, but several readers look across councils on purpose, and say so with
`skip_tenant_scope` where they do: the public pages (published events of every council), a
co-hosting council's staff (the host's event and its registrations), and a person's own
bookings (which may sit in a co-host's event).
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, case, delete, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.campaigns.models import Campaign
from fosterhub.councils.models import Council, Postcode
from fosterhub.enquiries.models import Enquiry, StageTransition
from fosterhub.events.models import CalendarFeed, Event, EventCohost, Registration
from fosterhub.events.schemas import SEAT_HOLDING

ACROSS_COUNCILS = {"skip_tenant_scope": True}


# Events


async def hosted(session: AsyncSession, event_id: str, *, for_update: bool = False) -> Event | None:
    """The event when the session's council hosts it (tenant-scoped)."""
    stmt = select(Event).where(Event.id == event_id)
    if for_update:
        stmt = stmt.with_for_update()
    return await session.scalar(stmt)


async def cohosted(session: AsyncSession, council_id: str, event_id: str) -> Event | None:
    """The event when `council_id` co-hosts it. The tenant filter would hide the host's row,
    so this one query looks across councils, limited by the join to the co-host's own rows."""
    return await session.scalar(
        select(Event)
        .join(EventCohost, EventCohost.event_id == Event.id)
        .where(Event.id == event_id, EventCohost.council_id == council_id)
        .execution_options(**ACROSS_COUNCILS)
    )


async def hosted_or_cohosted(session: AsyncSession, council_id: str, event_id: str) -> Event | None:
    """The event when `council_id` hosts or co-hosts it (an enquiry attributed to it)."""
    return await session.scalar(
        select(Event)
        .where(Event.id == event_id, _hosted_or_cohosted(council_id))
        .execution_options(**ACROSS_COUNCILS)
    )


async def any_council(session: AsyncSession, event_id: str) -> Event | None:
    """For public pages, which show every council's published events; callers filter by
    status and audience."""
    return await session.scalar(
        select(Event).where(Event.id == event_id).execution_options(**ACROSS_COUNCILS)
    )


async def lock(session: AsyncSession, event_id: str) -> Event:
    """Locks the event row until the transaction ends (`SELECT ... FOR UPDATE` on PostgreSQL;
    SQLite transactions begin IMMEDIATE, so writers already queue). Every change to who holds
    a seat happens under this lock, so the last seat goes to exactly one person."""
    event = await session.scalar(
        select(Event)
        .where(Event.id == event_id)
        .with_for_update()
        .execution_options(populate_existing=True, **ACROSS_COUNCILS)
    )
    if event is None:  # deleted under us: the caller found it a moment ago
        raise LookupError(event_id)
    return event


# A public page of events in one statement: each event's columns as a row, with its host
# council's slug and name, its campaign code, the seats taken and whether it has co-hosts
# (whose names are then looked up for those events alone). Built once.
_PUBLIC_PAGE = (
    select(
        *Event.__table__.columns,
        Council.slug.label("council_slug"),
        Council.name.label("council_name"),
        Campaign.code.label("campaign_code"),
        select(func.count(Registration.id))
        .where(Registration.event_id == Event.id, Registration.status.in_(SEAT_HOLDING))
        .correlate(Event)
        .scalar_subquery()
        .label("seats_taken"),
        select(EventCohost.event_id)
        .where(EventCohost.event_id == Event.id)
        .correlate(Event)
        .exists()
        .label("has_cohosts"),
    )
    .select_from(Event)
    .join(Council, Council.id == Event.council_id)
    .outerjoin(Campaign, Campaign.id == Event.campaign_id)
)


def _hosted_or_cohosted(council_id: str) -> Any:
    cohosted_ids = select(EventCohost.event_id).where(EventCohost.council_id == council_id)
    return or_(Event.council_id == council_id, Event.id.in_(cohosted_ids))


async def titles(
    session: AsyncSession, council_id: str, event_ids: set[str]
) -> dict[str, tuple[str, datetime]]:
    """Title and start of the events among `event_ids` that `council_id` may name in its
    reports: the ones it hosts or co-hosts, and any council's published public events (whose
    titles are on the public pages anyway). Unknown ids are left out."""
    if not event_ids:
        return {}
    rows = await session.execute(
        select(Event.id, Event.title, Event.starts_at)
        .where(
            Event.id.in_(sorted(event_ids)),
            or_(
                _hosted_or_cohosted(council_id),
                and_(Event.status == "published", Event.audience == "public"),
            ),
        )
        .execution_options(**ACROSS_COUNCILS)
    )
    return {row.id: (row.title, row.starts_at) for row in rows}


def public_list_query(
    *,
    now: datetime,
    council_id: str | None,
    kind: str | None,
    starts_from: datetime | None,
    starts_before: datetime | None,
    near: tuple[float, float, float] | None,
) -> Select[Any]:
    """Published public events that have not ended, as rows of everything the public page
    shows (see `_PUBLIC_PAGE`). `near` is (latitude, longitude, km): an equirectangular
    distance, plain arithmetic that SQLite and PostgreSQL both do, and accurate to well
    under a kilometre at these distances."""
    stmt = _PUBLIC_PAGE.where(
        Event.status == "published", Event.audience == "public", Event.ends_at > now
    )
    if council_id:
        stmt = stmt.where(_hosted_or_cohosted(council_id))
    if kind:
        stmt = stmt.where(Event.kind == kind)
    if starts_from is not None:
        stmt = stmt.where(Event.starts_at >= starts_from)
    if starts_before is not None:
        stmt = stmt.where(Event.starts_at < starts_before)
    if near is not None:
        import math

        lat, lng, km = near
        scale = math.cos(math.radians(lat))
        dy = Event.venue_latitude - lat
        dx = (Event.venue_longitude - lng) * scale
        stmt = stmt.where(
            Event.venue_latitude.is_not(None),
            dx * dx + dy * dy <= (km / 111.32) ** 2,
        )
    return stmt.execution_options(**ACROSS_COUNCILS)


async def place_venues(session: AsyncSession) -> int:
    """Gives every event whose venue postcode has a position in the postcode directory that
    position, where it had none or another: events made before the directory was loaded
    (or a postcode the ONS has moved) are found "near" a postcode too. One statement for
    every council's events; `updated_at` stays, as nothing an answer shows has changed."""
    position = select(Postcode).where(
        Postcode.postcode == Event.venue_postcode,
        Postcode.latitude.is_not(None),
        Postcode.longitude.is_not(None),
    )
    stale = position.where(
        or_(
            Event.venue_latitude.is_(None),
            Event.venue_longitude.is_(None),
            Event.venue_latitude != Postcode.latitude,
            Event.venue_longitude != Postcode.longitude,
        )
    )
    result = await session.execute(
        update(Event)
        .where(Event.venue_postcode.is_not(None), stale.exists())
        .values(
            venue_latitude=position.with_only_columns(Postcode.latitude).scalar_subquery(),
            venue_longitude=position.with_only_columns(Postcode.longitude).scalar_subquery(),
            updated_at=Event.updated_at,
        )
        .execution_options(synchronize_session=False, **ACROSS_COUNCILS)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def council_list_query(
    council_id: str,
    *,
    kind: str | None = None,
    status: str | None = None,
    audiences: list[str] | None = None,
    ends_after: datetime | None = None,
    ends_before: datetime | None = None,
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    course_id: str | None = None,
) -> Select[Any]:
    """A council's events: those it hosts and those it co-hosts."""
    stmt = select(Event).where(_hosted_or_cohosted(council_id))
    if kind:
        stmt = stmt.where(Event.kind == kind)
    if status:
        stmt = stmt.where(Event.status == status)
    if audiences:
        stmt = stmt.where(Event.audience.in_(audiences))
    if ends_after is not None:
        stmt = stmt.where(Event.ends_at > ends_after)
    if ends_before is not None:
        stmt = stmt.where(Event.ends_at <= ends_before)
    if starts_from is not None:
        stmt = stmt.where(Event.starts_at >= starts_from)
    if starts_before is not None:
        stmt = stmt.where(Event.starts_at < starts_before)
    if course_id:
        stmt = stmt.where(Event.course_id == course_id)
    return stmt.execution_options(**ACROSS_COUNCILS)


async def council_feed(session: AsyncSession, council_id: str, since: datetime) -> list[Event]:
    stmt = council_list_query(council_id, ends_after=since).where(
        Event.status.in_(["published", "cancelled"]), Event.audience == "public"
    )
    return list((await session.scalars(stmt.order_by(Event.starts_at, Event.id))).all())


# Co-hosts, councils and codes (bulk, for a page of events)


async def cohost_ids(session: AsyncSession, event_ids: list[str]) -> dict[str, list[str]]:
    rows = await session.execute(
        select(EventCohost.event_id, EventCohost.council_id).where(
            EventCohost.event_id.in_(event_ids)
        )
    )
    out: dict[str, list[str]] = {}
    for event_id, council_id in rows:
        out.setdefault(event_id, []).append(council_id)
    return out


async def set_cohosts(session: AsyncSession, event_id: str, council_ids: list[str]) -> None:
    await session.execute(delete(EventCohost).where(EventCohost.event_id == event_id))
    if council_ids:
        await session.execute(
            insert(EventCohost),
            [{"event_id": event_id, "council_id": c} for c in council_ids],
        )


async def council_names(session: AsyncSession, council_ids: set[str]) -> dict[str, tuple[str, str]]:
    rows = await session.execute(
        select(Council.id, Council.slug, Council.name).where(Council.id.in_(council_ids))
    )
    return {row[0]: (row[1], row[2]) for row in rows}


async def campaign_codes(session: AsyncSession, campaign_ids: set[str]) -> dict[str, str]:
    rows = await session.execute(
        select(Campaign.id, Campaign.code)
        .where(Campaign.id.in_(campaign_ids))
        .execution_options(**ACROSS_COUNCILS)  # printed on public pages
    )
    return {row[0]: row[1] for row in rows}


async def campaign_costs(session: AsyncSession, campaign_ids: set[str]) -> dict[str, int | None]:
    """For staff views only (the caller's council hosts or co-hosts the events)."""
    rows = await session.execute(
        select(Campaign.id, Campaign.cost_pence)
        .where(Campaign.id.in_(campaign_ids))
        .execution_options(**ACROSS_COUNCILS)
    )
    return {row[0]: row[1] for row in rows}


async def update_campaign(
    session: AsyncSession, council_id: str, campaign_id: str, values: dict[str, Any]
) -> None:
    """The hosting council's own campaign for the event: its cost, name and dates. A new
    version, as the ORM would make, so the campaign's ETag changes with it."""
    await session.execute(
        update(Campaign)
        .where(Campaign.id == campaign_id, Campaign.council_id == council_id)
        .values(**values, version=Campaign.version + 1)
        .execution_options(synchronize_session=False)
    )


async def campaign_cost(session: AsyncSession, campaign_id: str) -> int | None:
    return await session.scalar(
        select(Campaign.cost_pence)
        .where(Campaign.id == campaign_id)
        .execution_options(**ACROSS_COUNCILS)
    )


# Registrations (always reached through their event, so across councils)


async def registration_counts(
    session: AsyncSession, event_ids: list[str]
) -> dict[str, dict[str, int]]:
    rows = await session.execute(
        select(Registration.event_id, Registration.status, func.count(Registration.id))
        .where(Registration.event_id.in_(event_ids))
        .group_by(Registration.event_id, Registration.status)
        .execution_options(**ACROSS_COUNCILS)
    )
    out: dict[str, dict[str, int]] = {}
    for event_id, status, count in rows:
        out.setdefault(event_id, {})[status] = int(count)
    return out


async def seats_taken(session: AsyncSession, event_id: str) -> int:
    count = await session.scalar(
        select(func.count(Registration.id))
        .where(Registration.event_id == event_id, Registration.status.in_(SEAT_HOLDING))
        .execution_options(**ACROSS_COUNCILS)
    )
    return int(count or 0)


async def waitlist_position(session: AsyncSession, registration: Registration) -> int:
    assert registration.waitlisted_at is not None
    ahead = await session.scalar(
        select(func.count(Registration.id))
        .where(
            Registration.event_id == registration.event_id,
            Registration.status == "waitlisted",
            or_(
                Registration.waitlisted_at < registration.waitlisted_at,
                and_(
                    Registration.waitlisted_at == registration.waitlisted_at,
                    Registration.id < registration.id,
                ),
            ),
        )
        .execution_options(**ACROSS_COUNCILS)
    )
    return int(ahead or 0) + 1


async def first_waitlisted(session: AsyncSession, event_id: str) -> Registration | None:
    return await session.scalar(
        select(Registration)
        .where(Registration.event_id == event_id, Registration.status == "waitlisted")
        .order_by(Registration.waitlisted_at, Registration.id)
        .limit(1)
        .execution_options(**ACROSS_COUNCILS)
    )


async def by_email(session: AsyncSession, event_id: str, email: str) -> Registration | None:
    return await session.scalar(
        select(Registration)
        .where(Registration.event_id == event_id, Registration.email == email)
        .execution_options(populate_existing=True, **ACROSS_COUNCILS)
    )


async def by_token_hash(session: AsyncSession, token_hash: str) -> Registration | None:
    """The cancellation link names its registration, whichever council holds it."""
    return await session.scalar(
        select(Registration)
        .where(Registration.cancel_token_hash == token_hash)
        .execution_options(**ACROSS_COUNCILS)
    )


async def in_event(
    session: AsyncSession, event_id: str, registration_id: str
) -> Registration | None:
    return await session.scalar(
        select(Registration)
        .where(Registration.id == registration_id, Registration.event_id == event_id)
        .execution_options(populate_existing=True, **ACROSS_COUNCILS)
    )


async def by_user(session: AsyncSession, event_id: str, user_id: str) -> Registration | None:
    return await session.scalar(
        select(Registration)
        .where(Registration.event_id == event_id, Registration.user_id == user_id)
        .execution_options(**ACROSS_COUNCILS)
    )


async def ids_in_event(session: AsyncSession, event_id: str, ids: list[str]) -> set[str]:
    rows = await session.scalars(
        select(Registration.id)
        .where(Registration.event_id == event_id, Registration.id.in_(ids))
        .execution_options(**ACROSS_COUNCILS)
    )
    return set(rows.all())


def registrations_query(event_id: str, status: str | None, q: str | None) -> Select[Any]:
    stmt = select(Registration).where(Registration.event_id == event_id)
    if status:
        stmt = stmt.where(Registration.status == status)
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(
            or_(func.lower(Registration.name).like(like), Registration.email.like(like))
        )
    return stmt.execution_options(**ACROSS_COUNCILS)


async def holding_a_place(session: AsyncSession, event_id: str) -> list[Registration]:
    return list(
        (
            await session.scalars(
                select(Registration)
                .where(
                    Registration.event_id == event_id,
                    Registration.status.in_(["confirmed", "waitlisted"]),
                )
                .order_by(Registration.created_at, Registration.id)
                .execution_options(**ACROSS_COUNCILS)
            )
        ).all()
    )


def bookable_query(council_id: str, audiences: list[str], now: datetime) -> Select[Any]:
    """Published events (not training: it has its own calendar) of the caller's council or
    co-hosted by it, for the caller's audiences, that have not ended."""
    return (
        select(Event)
        .where(
            _hosted_or_cohosted(council_id),
            Event.status == "published",
            Event.kind != "training",
            Event.audience.in_(audiences),
            Event.ends_at > now,
        )
        .execution_options(**ACROSS_COUNCILS)
    )


async def clear_reminders(session: AsyncSession, event_id: str) -> None:
    await session.execute(
        update(Registration)
        .where(Registration.event_id == event_id, Registration.reminded_at.is_not(None))
        .values(reminded_at=None)
        .execution_options(synchronize_session=False, **ACROSS_COUNCILS)
    )


async def mark_no_shows(session: AsyncSession, event_id: str, ids: list[str] | None) -> int:
    stmt = update(Registration).where(
        Registration.event_id == event_id, Registration.status == "confirmed"
    )
    if ids is not None:
        stmt = stmt.where(Registration.id.in_(ids))
    result = await session.execute(
        stmt.values(status="no_show").execution_options(
            synchronize_session=False, **ACROSS_COUNCILS
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def due_reminders(
    session: AsyncSession, starts_from: datetime, starts_before: datetime
) -> list[tuple[Registration, Event]]:
    """Confirmed places at published events starting in the window, not yet reminded.
    The worker's session is unscoped: this runs for every council."""
    rows = await session.execute(
        select(Registration, Event)
        .join(Event, Event.id == Registration.event_id)
        .where(
            Event.status == "published",
            Event.starts_at >= starts_from,
            Event.starts_at < starts_before,
            Registration.status == "confirmed",
            Registration.reminded_at.is_(None),
        )
        .order_by(Event.starts_at, Registration.id)
    )
    return [(r, e) for r, e in rows]


async def bookings_of(
    session: AsyncSession, user_id: str, *, since: datetime, statuses: list[str] | None = None
) -> list[tuple[Registration, Event]]:
    """A person's own bookings, in whichever council's event they are."""
    stmt = (
        select(Registration, Event)
        .join(Event, Event.id == Registration.event_id)
        .where(Registration.user_id == user_id, Event.ends_at > since)
    )
    if statuses:
        stmt = stmt.where(Registration.status.in_(statuses), Event.status != "cancelled")
    rows = await session.execute(
        stmt.order_by(Event.starts_at, Event.id).execution_options(**ACROSS_COUNCILS)
    )
    return [(r, e) for r, e in rows]


# Results


async def enquiry_results(
    session: AsyncSession, event_id: str, campaign_id: str | None
) -> dict[str, int]:
    """The session's council's enquiries naming the event or carrying its code, and how far
    they got, in one aggregate query."""
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
    attributed = [Enquiry.event_id == event_id]
    if campaign_id:
        attributed.append(Enquiry.campaign_id == campaign_id)
    row = (
        await session.execute(
            select(
                func.count(Enquiry.id),
                func.coalesce(func.sum(reached.c.iv), 0),
                func.coalesce(func.sum(reached.c.app), 0),
                func.coalesce(func.sum(reached.c.ok), 0),
            )
            .outerjoin(reached, reached.c.enquiry_id == Enquiry.id)
            .where(or_(*attributed), Enquiry.duplicate_of_id.is_(None))
        )
    ).one()
    return {"enquiries": int(row[0]), "iv": int(row[1]), "app": int(row[2]), "ok": int(row[3])}


# Calendar feeds


async def feed_of(session: AsyncSession, user_id: str) -> CalendarFeed | None:
    return await session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user_id))


async def feed_by_token_hash(session: AsyncSession, token_hash: str) -> CalendarFeed | None:
    """The private address names its person, whichever council they belong to."""
    return await session.scalar(
        select(CalendarFeed)
        .where(CalendarFeed.token_hash == token_hash)
        .execution_options(**ACROSS_COUNCILS)
    )
