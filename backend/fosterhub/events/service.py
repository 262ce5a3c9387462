"""Events: the rules for creating and publishing them, seats and the waiting list,
check-in, cancellation, reminders, results and calendar addresses."""

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth.dependencies import Caller
from fosterhub.campaigns import service as campaigns_service
from fosterhub.campaigns.schemas import CampaignCreate
from fosterhub.config import Settings
from fosterhub.core import audit, outbox
from fosterhub.core.db import utcnow
from fosterhub.core.errors import FieldError, InvalidInput
from fosterhub.core.pagination import PageParams, paginate
from fosterhub.councils import service as councils_service
from fosterhub.councils.exceptions import CouncilNotFound
from fosterhub.events import repository
from fosterhub.events.exceptions import (
    AlreadyRegistered,
    CapacityBelowPlaces,
    EventClosed,
    EventNotFound,
    EventStateConflict,
    HostOnly,
    NotYourAudience,
    PositionUnknown,
    RegistrationNotFound,
    RegistrationStateConflict,
)
from fosterhub.events.models import CalendarFeed, Event, Registration
from fosterhub.events.schemas import (
    LONDON,
    SEAT_HOLDING,
    BookableEvent,
    CouncilRef,
    EventCreate,
    EventOut,
    EventPatch,
    EventResults,
    EventStaffView,
    RegistrationCounts,
    RegistrationOut,
    VenueOut,
)
from fosterhub.users import service as users_service

MAX_DURATION = timedelta(days=31)
FEED_HISTORY = timedelta(days=90)
AUDIENCE_ROLE = {"carers": "carer", "applicants": "applicant"}
AUDIENCE_WORDS = {"public": "the public", "carers": "carers", "applicants": "applicants"}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), for showing how far an event is."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def london_day_start(day: date) -> datetime:
    """Midnight in London on `day`, as an aware datetime (23:00 or 00:00 UTC)."""
    return datetime.combine(day, time(0), LONDON)


# Access


@dataclass
class Access:
    event: Event
    is_host: bool


async def for_council(
    session: AsyncSession, council_id: str, event_id: str, *, for_update: bool = False
) -> Access | None:
    """The event when the council hosts or co-hosts it; the session is bound to the council."""
    event = await repository.hosted(session, event_id, for_update=for_update)
    if event is not None:
        return Access(event, True)
    event = await repository.cohosted(session, council_id, event_id)
    return Access(event, False) if event is not None else None


async def for_staff(
    session: AsyncSession, caller: Caller, event_id: str, *, host_only: bool = False
) -> Access:
    """404 for another council's event, 403 when a co-host tries what only the host may."""
    access = await for_council(session, caller.council_id, event_id, for_update=host_only)
    if access is None:
        raise EventNotFound()
    if host_only and not access.is_host:
        raise HostOnly("A co-hosting council sees the event; only the hosting council changes it.")
    return access


async def for_reader(session: AsyncSession, event_id: str, caller: Caller | None) -> Access | None:
    """What a reader may see: staff of the host or a co-host see every status; anyone sees a
    published (or cancelled) public event; carers and applicants of the host or a co-host
    also see the events for their audience. None when it is not theirs to see."""
    if caller is not None:
        access = await for_council(session, caller.council_id, event_id)
        if access is not None:
            if caller.is_staff:
                return access
            if access.event.status != "draft" and AUDIENCE_ROLE.get(access.event.audience, "-") in (
                caller.roles or frozenset()
            ):
                return Access(access.event, False)
    event = await repository.any_council(session, event_id)
    if event is None or event.status == "draft" or event.audience != "public":
        return None
    return Access(event, False)


# Creating and changing


async def _cohost_councils(session: AsyncSession, host_id: str, slugs: list[str]) -> list[str]:
    ids = []
    for slug in slugs:
        try:
            council = await councils_service.get_by_slug(session, slug)
        except CouncilNotFound as exc:
            raise InvalidInput.field("cohosts", f"No council called '{slug}' here") from exc
        if council.id == host_id:
            raise InvalidInput.field("cohosts", "Your own council hosts the event")
        ids.append(council.id)
    return ids


def _check_shape(values: dict[str, Any], *, now: datetime, starts_changed: bool) -> None:
    """The rules that tie fields together, each failure naming its field."""
    errors: list[FieldError] = []
    starts, ends = values["starts_at"], values["ends_at"]
    if ends <= starts:
        errors.append(FieldError(field="ends_at", message="Must be after starts_at"))
    elif ends - starts > MAX_DURATION:
        errors.append(FieldError(field="ends_at", message="An event lasts at most 31 days"))
    if starts_changed and starts <= now:
        errors.append(FieldError(field="starts_at", message="Must be in the future"))
    if not values.get("venue_name") and not values.get("online_url"):
        errors.append(FieldError(field="venue", message="Give a venue, an online_url, or both"))
    if values["kind"] == "webinar" and not values.get("online_url"):
        errors.append(FieldError(field="online_url", message="A webinar needs its online_url"))
    if values["kind"] == "training":
        if not values.get("course_id"):
            errors.append(
                FieldError(field="course_id", message="A training session names its course")
            )
        if values["audience"] not in ("carers", "applicants"):
            errors.append(
                FieldError(field="audience", message="Training is for carers or applicants")
            )
    elif values.get("course_id"):
        errors.append(FieldError(field="course_id", message="Only kind training has a course"))
    if errors:
        raise InvalidInput("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


async def _position(
    session: AsyncSession, postcode: str | None
) -> tuple[float | None, float | None]:
    if not postcode:
        return None, None
    found = await councils_service.position_of(session, postcode)
    return found if found is not None else (None, None)


async def place_venues(session: AsyncSession) -> int:
    """After the postcode directory is loaded: every event's venue gets its postcode's
    position, so events made before it are found by a `near` search. Answers how many moved."""
    return await repository.place_venues(session)


def _campaign_schedule(event: Event | EventCreate) -> dict[str, Any]:
    """The name and London dates of an event's own campaign."""
    return {
        "name": event.title[:200],
        "starts_on": event.starts_at.astimezone(LONDON).date(),
        "ends_on": event.ends_at.astimezone(LONDON).date(),
    }


async def create(session: AsyncSession, caller: Caller, body: EventCreate) -> Event:
    """A new event with its own campaign code, so enquiries from it are attributed."""
    now = utcnow()
    venue = body.venue
    values: dict[str, Any] = {
        "kind": body.kind,
        "title": body.title,
        "description": body.description,
        "venue_name": venue.name if venue else None,
        "venue_address": venue.address if venue else None,
        "venue_postcode": venue.postcode if venue else None,
        "online_url": body.online_url,
        "partner_organisation": body.partner_organisation,
        "starts_at": body.starts_at,
        "ends_at": body.ends_at,
        "capacity": body.capacity,
        "audience": body.audience,
        "course_id": body.course_id,
    }
    _check_shape(values, now=now, starts_changed=True)
    cohosts = await _cohost_councils(session, caller.council_id, body.cohosts)
    campaign = await campaigns_service.create(
        session,
        CampaignCreate(
            **_campaign_schedule(body),
            channel="event",
            cost_pence=body.cost_pence,
            partner_organisation=body.partner_organisation,
        ),
        kind="event",
    )
    latitude, longitude = await _position(session, values["venue_postcode"])
    event = Event(
        **values,
        venue_latitude=latitude,
        venue_longitude=longitude,
        status=body.status,
        published_at=now if body.status == "published" else None,
        campaign_id=campaign.id,
        created_by_id=caller.id,
    )
    session.add(event)
    await session.flush()
    await repository.set_cohosts(session, event.id, cohosts)
    audit.record(session, "create", "event", event.id, detail={"cohosts": len(cohosts)})
    return event


async def update(
    session: AsyncSession, settings: Settings, caller: Caller, event: Event, patch: EventPatch
) -> Event:
    if event.status == "cancelled":
        raise EventStateConflict("A cancelled event cannot be changed.")
    changes = patch.model_dump(exclude_unset=True)
    for field in ("title", "kind", "audience", "starts_at", "ends_at", "cohosts"):
        if field in changes and changes[field] is None:
            raise InvalidInput.field(field, "May not be null")
    values: dict[str, Any] = {
        column: getattr(event, column)
        for column in (
            "kind",
            "title",
            "description",
            "venue_name",
            "venue_address",
            "venue_postcode",
            "online_url",
            "partner_organisation",
            "starts_at",
            "ends_at",
            "capacity",
            "audience",
            "course_id",
        )
    }
    for field, value in changes.items():
        if field == "venue":
            values["venue_name"] = value["name"] if value else None
            values["venue_address"] = value["address"] if value else None
            values["venue_postcode"] = value["postcode"] if value else None
        elif field not in ("cohosts", "cost_pence"):
            values[field] = value
    starts_changed = "starts_at" in changes and changes["starts_at"] != event.starts_at
    _check_shape(values, now=utcnow(), starts_changed=starts_changed)
    cohosts = None
    if "cohosts" in changes:
        cohosts = await _cohost_councils(session, caller.council_id, changes["cohosts"])
    if "capacity" in changes and values["capacity"] is not None:
        taken = await repository.seats_taken(session, event.id)
        if values["capacity"] < taken:
            raise CapacityBelowPlaces(
                f"{taken} people already hold places: the capacity cannot go below that. "
                "Cancel registrations first if fewer people can come.",
                errors=[
                    FieldError(
                        field="capacity",
                        message=f"Must be at least {taken}: that many people already have places",
                    )
                ],
            )
    if "venue" in changes:
        values["venue_latitude"], values["venue_longitude"] = await _position(
            session, values["venue_postcode"]
        )
    original_start = event.starts_at
    moved = event.status == "published" and any(
        getattr(event, field) != values[field] for field in MOVING_FIELDS
    )
    for field, value in values.items():
        if getattr(event, field) != value:
            setattr(event, field, value)
    if "cost_pence" in changes or "cohosts" in changes:
        event.updated_at = utcnow()  # a new version (ETag) for changes kept in other rows
    await session.flush()
    if cohosts is not None:
        await repository.set_cohosts(session, event.id, cohosts)
    if event.campaign_id is not None:
        campaign: dict[str, Any] = {}
        if "cost_pence" in changes:
            campaign["cost_pence"] = changes["cost_pence"]
        if changes.keys() & {"title", "starts_at", "ends_at"}:
            # The event's own campaign keeps its name and London dates, so campaign lists
            # and reports show the event as it now is.
            campaign.update(_campaign_schedule(event))
        if campaign:
            await repository.update_campaign(session, event.council_id, event.campaign_id, campaign)
    if moved and event.starts_at != original_start:
        # A new day: the day-before reminder is due again for it.
        await repository.clear_reminders(session, event.id)
    told = await _tell_of_change(session, settings, event) if moved else 0
    if "capacity" in changes:
        await _promote(session, settings, event)
    audit.record(
        session, "update", "event", event.id, detail={"fields": sorted(changes), "told": told}
    )
    return event


# A change to any of these, once published, is emailed to everyone registered or waiting.
MOVING_FIELDS = (
    "starts_at",
    "ends_at",
    "venue_name",
    "venue_address",
    "venue_postcode",
    "online_url",
)


async def _tell_of_change(session: AsyncSession, settings: Settings, event: Event) -> int:
    """Emails everyone holding a place or waiting for one the event's new time and place."""
    council = await councils_service.get_by_id(session, event.council_id)
    told = 0
    for registration in await repository.holding_a_place(session, event.id):
        outbox.enqueue_email(
            session,
            to=registration.email,
            subject=f"Changed: {event.title}",
            body=_changed_text(settings, council.name, event, registration),
            council_id=event.council_id,
            reply_to=council.contact_email,
        )
        told += 1
    return told


async def publish(session: AsyncSession, event: Event) -> Event:
    if event.status != "draft":
        raise EventStateConflict(f"The event is {event.status}; only a draft is published.")
    if event.starts_at <= utcnow():
        raise EventStateConflict("The event has already started.")
    event.status, event.published_at = "published", utcnow()
    await session.flush()
    audit.record(session, "update", "event", event.id, detail={"status": "published"})
    return event


async def cancel_event(
    session: AsyncSession, settings: Settings, event: Event, reason: str | None
) -> Event:
    """Cancels the event and emails everyone holding a place or waiting for one."""
    if event.status == "cancelled":
        raise EventStateConflict("The event is already cancelled.")
    now = utcnow()
    event.status, event.cancelled_at, event.cancellation_reason = "cancelled", now, reason
    council = await councils_service.get_by_id(session, event.council_id)
    told = 0
    for registration in await repository.holding_a_place(session, event.id):
        registration.status, registration.cancelled_at = "cancelled", now
        registration.cancelled_by = "event"
        outbox.enqueue_email(
            session,
            to=registration.email,
            subject=f"Cancelled: {event.title}",
            body=_cancelled_text(council.name, event, registration, reason),
            council_id=event.council_id,
            reply_to=council.contact_email,
        )
        told += 1
    await session.flush()
    audit.record(session, "update", "event", event.id, detail={"status": "cancelled", "told": told})
    return event


# Seats


@dataclass
class Placed:
    registration: Registration
    waitlist_position: int | None


async def take_place(
    session: AsyncSession,
    settings: Settings,
    event: Event,
    *,
    name: str,
    email: str,
    phone: str | None = None,
    access_needs: str | None = None,
    user_id: str | None = None,
) -> Placed:
    """A place while seats remain, then the waiting list. The event row is locked first, so
    concurrent registrations queue and the last seat goes to exactly one of them."""
    event = await repository.lock(session, event.id)
    now = utcnow()
    if event.status != "published":
        raise EventClosed(f"This event is {event.status}: it is not taking registrations.")
    if event.ends_at <= now:
        raise EventClosed("This event has finished.")
    email = email.lower()
    existing = await repository.by_email(session, event.id, email)
    if existing is not None and existing.status != "cancelled":
        raise AlreadyRegistered(
            "This email address is already registered for this event. Use the link in the "
            "confirmation email to cancel, or contact the council to change the booking.",
            errors=[FieldError(field="email", message="Already registered for this event")],
        )
    taken = await repository.seats_taken(session, event.id)
    confirmed = event.capacity is None or taken < event.capacity
    token = new_token()
    registration = existing or Registration(event_id=event.id, email=email)
    registration.name, registration.phone = name, phone
    registration.access_needs, registration.user_id = access_needs, user_id
    registration.status = "confirmed" if confirmed else "waitlisted"
    registration.confirmed_at = now if confirmed else None
    registration.waitlisted_at = None if confirmed else now
    registration.cancelled_at = registration.cancelled_by = None
    registration.checked_in_at = registration.reminded_at = None
    registration.cancel_token_hash = _hash(token)
    session.add(registration)
    await session.flush()
    position = None if confirmed else await repository.waitlist_position(session, registration)
    council = await councils_service.get_by_id(session, event.council_id)
    outbox.enqueue_email(
        session,
        to=email,
        subject=(f"Your place: {event.title}" if confirmed else f"Waiting list: {event.title}"),
        body=_registered_text(settings, council.name, event, registration, token, position),
        council_id=event.council_id,
        reply_to=council.contact_email,
    )
    audit.record(
        session,
        "create",
        "event_registration",
        registration.id,
        council_id=registration.council_id,
        detail={"event": event.id, "status": registration.status},
    )
    return Placed(registration, position)


async def _promote(session: AsyncSession, settings: Settings, event: Event) -> int:
    """Gives freed seats to the waiting list, first come first served, and emails them.
    Called with the event row locked."""
    if event.status != "published" or event.ends_at <= utcnow():
        return 0
    promoted = 0
    council = None
    while True:
        if (
            event.capacity is not None
            and await repository.seats_taken(session, event.id) >= event.capacity
        ):
            break
        waiting = await repository.first_waitlisted(session, event.id)
        if waiting is None:
            break
        waiting.status, waiting.confirmed_at = "confirmed", utcnow()
        await session.flush()
        council = council or await councils_service.get_by_id(session, event.council_id)
        outbox.enqueue_email(
            session,
            to=waiting.email,
            subject=f"A place has come up: {event.title}",
            body=_promoted_text(settings, council.name, event, waiting),
            council_id=event.council_id,
            reply_to=council.contact_email,
        )
        audit.record(
            session,
            "update",
            "event_registration",
            waiting.id,
            council_id=waiting.council_id,
            detail={"status": "confirmed", "from": "waitlisted"},
        )
        promoted += 1
    return promoted


async def cancel_registration(
    session: AsyncSession, settings: Settings, registration: Registration, *, by: str
) -> Registration:
    """Frees the place; the first on the waiting list takes it (and is emailed)."""
    event = await repository.lock(session, registration.event_id)
    current = await repository.in_event(session, event.id, registration.id)
    if current is None:
        raise RegistrationNotFound()
    if current.status == "cancelled":
        return current
    if current.status in ("attended", "no_show"):
        raise RegistrationStateConflict(f"This registration is already marked {current.status}.")
    held_seat = current.status == "confirmed"
    current.status, current.cancelled_at, current.cancelled_by = "cancelled", utcnow(), by
    await session.flush()
    audit.record(
        session,
        "update",
        "event_registration",
        current.id,
        council_id=current.council_id,
        detail={"status": "cancelled", "by": by},
    )
    if by == "staff":
        council = await councils_service.get_by_id(session, event.council_id)
        outbox.enqueue_email(
            session,
            to=current.email,
            subject=f"Registration cancelled: {event.title}",
            body=_staff_cancelled_text(council.name, event, current),
            council_id=event.council_id,
            reply_to=council.contact_email,
        )
    if held_seat:
        await _promote(session, settings, event)
    return current


async def by_cancel_token(session: AsyncSession, token: str) -> Registration:
    registration = await repository.by_token_hash(session, _hash(token))
    if registration is None:
        raise RegistrationNotFound(
            "This cancellation link is not valid: it may be from an older email."
        )
    return registration


async def event_of(session: AsyncSession, registration: Registration) -> Event:
    event = await repository.any_council(session, registration.event_id)
    if event is None:
        raise EventNotFound()
    return event


async def campaign_code(session: AsyncSession, event: Event) -> str | None:
    if event.campaign_id is None:
        return None
    return (await repository.campaign_codes(session, {event.campaign_id})).get(event.campaign_id)


async def registration_in(
    session: AsyncSession, event: Event, registration_id: str
) -> Registration:
    registration = await repository.in_event(session, event.id, registration_id)
    if registration is None:
        raise RegistrationNotFound()
    return registration


async def booking_of(session: AsyncSession, event: Event, user_id: str) -> Registration | None:
    return await repository.by_user(session, event.id, user_id)


# On the day


async def check_in(
    session: AsyncSession, event: Event, registration_id: str
) -> tuple[Registration, bool]:
    """Marks a person as attended; answers whether this call did it (a repeat is harmless)."""
    if event.status == "cancelled":
        raise EventStateConflict("The event was cancelled.")
    today = utcnow().astimezone(LONDON).date()
    if today < event.starts_at.astimezone(LONDON).date():
        raise EventStateConflict("Check-in opens on the day of the event.")
    registration = await repository.in_event(session, event.id, registration_id)
    if registration is None:
        raise InvalidInput.field("registration_id", "No such registration for this event")
    if registration.status == "attended":
        return registration, False
    if registration.status == "cancelled":
        raise RegistrationStateConflict("This registration was cancelled: register them again.")
    registration.status, registration.checked_in_at = "attended", utcnow()
    await session.flush()
    audit.record(
        session,
        "update",
        "event_registration",
        registration.id,
        council_id=registration.council_id,
        detail={"status": "attended"},
    )
    return registration, True


async def undo_status(
    session: AsyncSession, event: Event, registration_id: str, *, undo: str
) -> Registration:
    """Puts an `attended` (a check-in by mistake) or `no_show` registration back to
    `confirmed`; the place stays theirs. Anything else is a 409."""
    if event.status == "cancelled":
        raise EventStateConflict("The event was cancelled.")
    registration = await registration_in(session, event, registration_id)
    if registration.status != undo:
        name = "checked in" if undo == "attended" else "marked as not coming"
        raise RegistrationStateConflict(
            f"This registration is {registration.status.replace('_', ' ')}, not {name}: "
            "there is nothing to undo."
        )
    registration.status = "confirmed"
    if undo == "attended":
        registration.checked_in_at = None
    await session.flush()
    audit.record(
        session,
        "update",
        "event_registration",
        registration.id,
        council_id=registration.council_id,
        detail={"status": "confirmed", "undo": undo},
    )
    return registration


async def mark_no_shows(session: AsyncSession, event: Event, ids: list[str] | None) -> int:
    """Everyone still `confirmed` (or those named) did not come. Only once it has started."""
    if event.status != "published":
        raise EventStateConflict(f"The event is {event.status}.")
    if utcnow() < event.starts_at:
        raise EventStateConflict("The event has not started yet.")
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        known = await repository.ids_in_event(session, event.id, ids)
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise InvalidInput.field(
                "registration_ids", f"{len(unknown)} are not registrations for this event"
            )
    marked = await repository.mark_no_shows(session, event.id, ids)
    audit.record(session, "update", "event", event.id, detail={"no_shows": marked})
    return marked


# Reading


@dataclass
class PublicFilters:
    council: str | None = None
    kind: str | None = None
    from_day: date | None = None
    to_day: date | None = None
    near: str | None = None
    within_km: float = 25.0


async def list_public(
    session: AsyncSession, filters: PublicFilters, params: PageParams
) -> tuple[list[Any], str | None, dict[str, float]]:
    """Rows for `present_public`, the next cursor, and distances when `near` was given."""
    council_id = None
    if filters.council:
        try:
            council_id = (await councils_service.get_by_slug(session, filters.council)).id
        except CouncilNotFound as exc:
            raise InvalidInput.field("council", "No council on this service has that name") from exc
    near = None
    if filters.near:
        position = await councils_service.position_of(session, filters.near)
        if position is None:
            raise PositionUnknown(
                "We do not know where that postcode is: check it, or search by council.",
                errors=[FieldError(field="near", message="Postcode position unknown")],
            )
        near = (position[0], position[1], filters.within_km)
    stmt = repository.public_list_query(
        now=utcnow(),
        council_id=council_id,
        kind=filters.kind,
        starts_from=london_day_start(filters.from_day) if filters.from_day else None,
        starts_before=london_day_start(filters.to_day + timedelta(days=1))
        if filters.to_day
        else None,
        near=near,
    )
    rows, cursor = await paginate(session, stmt, [Event.starts_at, Event.id], params, rows=True)
    distances: dict[str, float] = {}
    if near is not None:
        for event in rows:
            if event.venue_latitude is not None and event.venue_longitude is not None:
                distances[event.id] = round(
                    distance_km(near[0], near[1], event.venue_latitude, event.venue_longitude), 1
                )
    return rows, cursor, distances


async def list_for_council(
    session: AsyncSession,
    council_id: str,
    params: PageParams,
    *,
    when: str = "upcoming",
    kind: str | None = None,
    status: str | None = None,
    audiences: list[str] | None = None,
    course_id: str | None = None,
    from_day: date | None = None,
    to_day: date | None = None,
) -> tuple[list[Event], str | None]:
    now = utcnow()
    stmt = repository.council_list_query(
        council_id,
        kind=kind,
        status=status,
        audiences=audiences,
        course_id=course_id,
        ends_after=now if when == "upcoming" else None,
        ends_before=now if when == "past" else None,
        starts_from=london_day_start(from_day) if from_day else None,
        starts_before=london_day_start(to_day + timedelta(days=1)) if to_day else None,
    )
    return await paginate(
        session, stmt, [Event.starts_at, Event.id], params, descending=when != "upcoming"
    )


async def list_registrations(
    session: AsyncSession,
    event: Event,
    params: PageParams,
    *,
    status: str | None,
    q: str | None,
) -> tuple[list[Registration], str | None]:
    rows, cursor = await paginate(
        session,
        repository.registrations_query(event.id, status, q),
        [Registration.created_at, Registration.id],
        params,
    )
    audit.record(
        session, "list", "event_registration", "*", detail={"event": event.id, "count": len(rows)}
    )
    return rows, cursor


async def results(session: AsyncSession, event: Event) -> EventResults:
    counts = (await repository.registration_counts(session, [event.id])).get(event.id, {})
    figures = await repository.enquiry_results(session, event.id, event.campaign_id)
    cost = await repository.campaign_cost(session, event.campaign_id) if event.campaign_id else None
    attended, no_shows = counts.get("attended", 0), counts.get("no_show", 0)
    enquiries = figures["enquiries"]
    return EventResults(
        event_id=event.id,
        registrations=sum(n for s, n in counts.items() if s != "cancelled"),
        confirmed=counts.get("confirmed", 0),
        waitlisted=counts.get("waitlisted", 0),
        cancelled=counts.get("cancelled", 0),
        attended=attended,
        no_shows=no_shows,
        attendance_rate=round(attended / (attended + no_shows), 3) if attended + no_shows else None,
        enquiries=enquiries,
        reached_initial_visit=figures["iv"],
        applications=figures["app"],
        approvals=figures["ok"],
        cost_pence=cost,
        cost_per_enquiry_pence=round(cost / enquiries) if cost is not None and enquiries else None,
    )


# Shapes


def event_url(settings: Settings, event: Event) -> str:
    return f"{settings.public_base_url.rstrip('/')}/events/{event.id}"


async def present(
    session: AsyncSession,
    settings: Settings,
    events: list[Event],
    *,
    staff_council_id: str | None = None,
    distances: dict[str, float] | None = None,
) -> list[EventOut]:
    """Events as answered, with their councils, codes and seats in a few bulk queries.
    `staff_council_id` adds the staff view for events that council hosts or co-hosts."""
    if not events:
        return []
    ids = [e.id for e in events]
    cohosts = await repository.cohost_ids(session, ids)
    council_ids = {e.council_id for e in events} | {c for cs in cohosts.values() for c in cs}
    names = await repository.council_names(session, council_ids)
    codes = await repository.campaign_codes(
        session, {e.campaign_id for e in events if e.campaign_id}
    )
    counts = await repository.registration_counts(session, ids)
    costs: dict[str, int | None] = {}
    if staff_council_id is not None:
        costs = await repository.campaign_costs(
            session, {e.campaign_id for e in events if e.campaign_id}
        )
    out = []
    for event in events:
        held = counts.get(event.id, {})
        staff = None
        if staff_council_id is not None and (
            event.council_id == staff_council_id or staff_council_id in cohosts.get(event.id, [])
        ):
            staff = EventStaffView(
                is_host=event.council_id == staff_council_id,
                online_url=event.online_url,
                counts=RegistrationCounts(**held),
                cost_pence=costs.get(event.campaign_id or ""),
                created_at=event.created_at,
                updated_at=event.updated_at,
                published_at=event.published_at,
                cancelled_at=event.cancelled_at,
                cancellation_reason=event.cancellation_reason,
            )
        out.append(
            _event_out(
                settings,
                event,
                council=names.get(event.council_id, ("", "")),
                cohosts=[names[c] for c in cohosts.get(event.id, []) if c in names],
                code=codes.get(event.campaign_id or ""),
                seats_taken=sum(held.get(s, 0) for s in SEAT_HOLDING),
                distance_km=(distances or {}).get(event.id),
                staff=staff,
            )
        )
    return out


async def present_public(
    session: AsyncSession,
    settings: Settings,
    rows: list[Any],
    *,
    distances: dict[str, float] | None = None,
) -> list[EventOut]:
    """The public list's rows (`repository.public_list_query`), which carry their host
    council, code and seats taken: only co-hosts' names are looked up, for those that have."""
    cohosted = [row.id for row in rows if row.has_cohosts]
    cohosts = await repository.cohost_ids(session, cohosted) if cohosted else {}
    names = (
        await repository.council_names(session, {c for cs in cohosts.values() for c in cs})
        if cohosts
        else {}
    )
    return [
        _event_out(
            settings,
            row,
            council=(row.council_slug, row.council_name),
            cohosts=[names[c] for c in cohosts.get(row.id, []) if c in names],
            code=row.campaign_code,
            seats_taken=row.seats_taken,
            distance_km=(distances or {}).get(row.id),
            staff=None,
        )
        for row in rows
    ]


def _event_out(
    settings: Settings,
    event: Any,
    *,
    council: tuple[str, str],
    cohosts: list[tuple[str, str]],
    code: str | None,
    seats_taken: int,
    distance_km: float | None,
    staff: EventStaffView | None,
) -> EventOut:
    """One event as answered; `event` is an `Event` or a row with its columns."""
    seats_left = None if event.capacity is None else max(event.capacity - seats_taken, 0)
    query = f"council={council[0]}&channel=event&event_id={event.id}"
    return EventOut(
        id=event.id,
        council=CouncilRef(slug=council[0], name=council[1]),
        cohosts=[CouncilRef(slug=slug, name=name) for slug, name in cohosts],
        kind=event.kind,
        title=event.title,
        description=event.description,
        venue=VenueOut(
            name=event.venue_name,
            address=event.venue_address,
            postcode=event.venue_postcode,
        )
        if event.venue_name
        else None,
        is_online=event.online_url is not None,
        partner_organisation=event.partner_organisation,
        starts_at=event.starts_at.astimezone(LONDON),
        ends_at=event.ends_at.astimezone(LONDON),
        capacity=event.capacity,
        seats_left=seats_left,
        is_full=seats_left == 0,
        audience=event.audience,
        status=event.status,
        campaign_code=code,
        course_id=event.course_id,
        enquiry_url=f"{settings.public_base_url.rstrip('/')}/enquire?{query}"
        + (f"&campaign={code}" if code else ""),
        distance_km=distance_km,
        staff=staff,
    )


def registration_out(registration: Registration) -> RegistrationOut:
    return RegistrationOut(
        id=registration.id,
        event_id=registration.event_id,
        name=registration.name,
        email=registration.email,
        phone=registration.phone,
        access_needs=registration.access_needs,
        user_id=registration.user_id,
        status=registration.status,
        created_at=registration.created_at,
        confirmed_at=registration.confirmed_at,
        waitlisted_at=registration.waitlisted_at,
        cancelled_at=registration.cancelled_at,
        cancelled_by=registration.cancelled_by,
        checked_in_at=registration.checked_in_at,
    )


# Emails


def when_text(event: Event) -> str:
    """`Wednesday 20 January 2027, 6pm to 8pm (UK time)`, in London's time that day."""
    starts, ends = event.starts_at.astimezone(LONDON), event.ends_at.astimezone(LONDON)

    def clock(moment: datetime) -> str:
        hour = moment.hour % 12 or 12
        suffix = "am" if moment.hour < 12 else "pm"
        return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"

    day = f"{starts:%A} {starts.day} {starts:%B %Y}"
    if ends.date() == starts.date():
        return f"{day}, {clock(starts)} to {clock(ends)} (UK time)"
    return f"{day}, {clock(starts)}, to {ends:%A} {ends.day} {ends:%B %Y}, {clock(ends)} (UK time)"


def where_text(event: Event) -> list[str]:
    lines = []
    if event.venue_name:
        place = ", ".join(
            p for p in (event.venue_name, event.venue_address, event.venue_postcode) if p
        )
        lines.append(f"Where: {place}")
    if event.online_url:
        lines.append(f"Join online: {event.online_url}")
    return lines


def cancel_link(settings: Settings, token: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/events/registrations/cancel?token={token}"


def _registered_text(
    settings: Settings,
    council_name: str,
    event: Event,
    registration: Registration,
    token: str,
    position: int | None,
) -> str:
    if position is None:
        opening = [f"You have a place at {event.title}."]
    else:
        opening = [
            f"{event.title} is full, so you are on the waiting list (number {position}).",
            "If a place comes up we will give it to you and email you straight away.",
        ]
    return "\n".join(
        [
            f"Dear {registration.name},",
            "",
            *opening,
            "",
            f"When: {when_text(event)}",
            *where_text(event),
            f"Details: {event_url(settings, event)}",
            "",
            "If you cannot come, please cancel so someone else can have your place:",
            cancel_link(settings, token),
            "",
            f"{council_name} fostering team",
        ]
    )


def _promoted_text(settings: Settings, council_name: str, event: Event, r: Registration) -> str:
    return "\n".join(
        [
            f"Dear {r.name},",
            "",
            f"A place has come up at {event.title}, and it is yours.",
            "",
            f"When: {when_text(event)}",
            *where_text(event),
            f"Details: {event_url(settings, event)}",
            "",
            "If you can no longer come, please use the cancellation link in your first email.",
            "",
            f"{council_name} fostering team",
        ]
    )


def _changed_text(settings: Settings, council_name: str, event: Event, r: Registration) -> str:
    status = (
        "You still have your place."
        if r.status == "confirmed"
        else "You are still on the waiting list."
    )
    return "\n".join(
        [
            f"Dear {r.name},",
            "",
            f"The time or place of {event.title} has changed. {status}",
            "",
            f"When: {when_text(event)}",
            *where_text(event),
            f"Details: {event_url(settings, event)}",
            "",
            "If you can no longer come, please use the cancellation link in your first email so "
            "someone else can have your place.",
            "",
            f"{council_name} fostering team",
        ]
    )


def _staff_cancelled_text(council_name: str, event: Event, r: Registration) -> str:
    return "\n".join(
        [
            f"Dear {r.name},",
            "",
            f"We have cancelled your registration for {event.title} on {when_text(event)}.",
            "",
            "If you did not ask for this, or would still like to come, please reply to this email.",
            "",
            f"{council_name} fostering team",
        ]
    )


def _cancelled_text(council_name: str, event: Event, r: Registration, reason: str | None) -> str:
    return "\n".join(
        [
            f"Dear {r.name},",
            "",
            f"We are sorry: {event.title} on {when_text(event)} has been cancelled.",
            *([f"Why: {reason}"] if reason else []),
            "",
            "You do not need to do anything. We hope to see you at another event.",
            "",
            f"{council_name} fostering team",
        ]
    )


def _reminder_text(settings: Settings, council_name: str, event: Event, r: Registration) -> str:
    return "\n".join(
        [
            f"Dear {r.name},",
            "",
            f"A reminder that {event.title} is tomorrow.",
            "",
            f"When: {when_text(event)}",
            *where_text(event),
            f"Details: {event_url(settings, event)}",
            "",
            "If you cannot come, please use the cancellation link in your first email so "
            "someone else can have your place.",
            "",
            f"{council_name} fostering team",
        ]
    )


# The day-before reminders go from this London clock time: in the morning, not at midnight.
REMINDERS_FROM = time(8)


async def send_reminders(session: AsyncSession, settings: Settings, now: datetime) -> int:
    """Emails everyone with a place at an event that starts tomorrow, London time (a day of
    23 or 25 hours around the clock changes), from 08:00 London time today. The worker runs
    this hourly, so a place booked, promoted from the waiting list or at an event published
    later in the day is reminded within the hour; each person once, however often it runs."""
    local = now.astimezone(LONDON)
    if local.time() < REMINDERS_FROM:
        return 0
    tomorrow = local.date() + timedelta(days=1)
    start, end = london_day_start(tomorrow), london_day_start(tomorrow + timedelta(days=1))
    councils: dict[str, Any] = {}
    sent = 0
    for registration, event in await repository.due_reminders(session, start, end):
        if event.council_id not in councils:
            councils[event.council_id] = await councils_service.get_by_id(session, event.council_id)
        council = councils[event.council_id]
        outbox.enqueue_email(
            session,
            to=registration.email,
            subject=f"Tomorrow: {event.title}",
            body=_reminder_text(settings, council.name, event, registration),
            council_id=event.council_id,
            reply_to=council.contact_email,
        )
        registration.reminded_at = now
        sent += 1
    await session.flush()
    return sent


# Carers' and applicants' own bookings (events for their audience other than training)


def _booker_audiences(caller: Caller) -> list[str]:
    return [a for a, role in AUDIENCE_ROLE.items() if role in (caller.roles or frozenset())]


async def for_booker(session: AsyncSession, caller: Caller, event_id: str) -> Event:
    """An event of the caller's council (hosted or co-hosted) for their audience: carers' or
    applicants' published events for them, `staff` events for staff. 404 otherwise, as for
    anyone else's event; but staff see every event of their council, so another audience's
    is 403 for them, and a draft or cancelled staff event the seat logic's 409."""
    access = await for_council(session, caller.council_id, event_id)
    if access is None:
        raise EventNotFound()
    event = access.event
    audiences = _booker_audiences(caller) + (["staff"] if caller.is_staff else [])
    if event.audience in audiences and (caller.is_staff or event.status != "draft"):
        return event
    if caller.is_staff:
        raise NotYourAudience(
            f"This event is for {AUDIENCE_WORDS.get(event.audience, event.audience)}: "
            "staff book places only at staff events."
        )
    raise EventNotFound()


async def book_self(
    session: AsyncSession, settings: Settings, caller: Caller, event: Event
) -> Placed:
    """The public seat logic for a signed-in carer or applicant, in their own name."""
    user = await users_service.get(session, caller.id, audit_read=False)
    existing = await repository.by_user(session, event.id, user.id)
    if existing is not None and existing.status != "cancelled":
        raise AlreadyRegistered("You are already booked on this event.")
    return await take_place(
        session, settings, event, name=user.display_name, email=user.email, user_id=user.id
    )


async def cancel_own(
    session: AsyncSession, settings: Settings, caller: Caller, event: Event
) -> Registration:
    booking = await repository.by_user(session, event.id, caller.id)
    if booking is None or booking.status == "cancelled":
        raise RegistrationNotFound("You have no booking on this event.")
    return await cancel_registration(session, settings, booking, by="self")


async def list_bookable(
    session: AsyncSession, settings: Settings, caller: Caller, params: PageParams
) -> tuple[list[BookableEvent], str | None]:
    stmt = repository.bookable_query(
        caller.council_id, _booker_audiences(caller) or ["-"], utcnow()
    )
    rows, cursor = await paginate(session, stmt, [Event.starts_at, Event.id], params)
    presented = await present(session, settings, rows)
    mine = {
        r.event_id: r.status
        for r, _ in await bookings_of(session, caller.id, upcoming_only=False)
        if r.status != "cancelled"
    }
    return [
        BookableEvent(**out.model_dump(), my_booking=mine.get(out.id)) for out in presented
    ], cursor


# Calendar addresses


def feed_url(settings: Settings, token: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/calendar/{token}.ics"


async def reset_feed(session: AsyncSession, user_id: str) -> tuple[CalendarFeed, str]:
    """A new private address; the previous one stops working at once."""
    token = new_token()
    feed = await repository.feed_of(session, user_id)
    if feed is None:
        feed = CalendarFeed(user_id=user_id, token_hash=_hash(token))
        session.add(feed)
    else:
        feed.token_hash, feed.created_at, feed.last_used_at = _hash(token), utcnow(), None
    await session.flush()
    audit.record(session, "update", "calendar_feed", feed.id, detail={"reset": True})
    return feed, token


async def personal_feed(session: AsyncSession, token: str) -> list[tuple[Registration, Event]]:
    feed = await repository.feed_by_token_hash(session, _hash(token))
    if feed is None:
        raise EventNotFound("No calendar at this address: it may have been reset.")
    feed.last_used_at = utcnow()
    return await repository.bookings_of(session, feed.user_id, since=utcnow() - FEED_HISTORY)


async def bookings_of(
    session: AsyncSession, user_id: str, *, upcoming_only: bool = True
) -> list[tuple[Registration, Event]]:
    return await repository.bookings_of(
        session,
        user_id,
        since=utcnow(),
        statuses=["confirmed", "waitlisted"] if upcoming_only else None,
    )


async def council_feed(session: AsyncSession, slug: str) -> tuple[str, list[Event]]:
    council = await councils_service.get_by_slug(session, slug)
    return council.name, await repository.council_feed(session, council.id, utcnow() - FEED_HISTORY)
