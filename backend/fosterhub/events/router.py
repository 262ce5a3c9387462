"""HTTP for events: the public list, page and registration; cancellation links; staff
administration, check-in and results; iCalendar feeds and private calendar addresses."""

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from pydantic import ValidationError

from fosterhub.core import tenancy
from fosterhub.core.db import DbSession, ReadSession
from fosterhub.core.deps import AppSettings, client_ip
from fosterhub.core.errors import problem_responses
from fosterhub.core.etags import require_if_match, set_etag
from fosterhub.core.idempotency import IdempotencyDep
from fosterhub.core.pagecache import PageCache
from fosterhub.core.pagination import Page, PageParams, page_params
from fosterhub.councils import service as councils_service
from fosterhub.enquiries import service as enquiries_service
from fosterhub.enquiries.schemas import EnquiryCreate, EnquiryReceipt
from fosterhub.events import ical, service
from fosterhub.events.dependencies import (
    Booker,
    EventId,
    HostEvent,
    OptionalCaller,
    PeopleEvent,
    SelfBooker,
    StaffEvent,
    StaffOnly,
    StaffReader,
)
from fosterhub.events.exceptions import EventNotFound
from fosterhub.events.schemas import (
    BookableEvent,
    CalendarAddress,
    CancelPreview,
    CancelToken,
    CheckInCreate,
    EventCancel,
    EventCreate,
    EventKind,
    EventOut,
    EventPatch,
    EventResults,
    EventStatus,
    NoShowsCreate,
    NoShowsOut,
    RegistrationCreate,
    RegistrationOut,
    RegistrationReceipt,
    RegistrationStatus,
    StallEnquiry,
)
from fosterhub.training import service as training_service

router = APIRouter(tags=["events"])

RegistrationId = Annotated[str, Path(max_length=36, description="The registration's id")]
CALENDAR_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/calendar": {}}, "description": "An iCalendar (RFC 5545) feed"}
}


async def _one(
    session: Any, settings: Any, access: service.Access, council_id: str | None
) -> EventOut:
    [out] = await service.present(session, settings, [access.event], staff_council_id=council_id)
    return out


# Public


@router.get(
    "/events",
    operation_id="events:list",
    summary="Published public events that have not ended, soonest first (public)",
    description=(
        "Filters: `council` (slug; its own and co-hosted events), `kind`, `from` and `to` "
        "(dates, London time, inclusive), and `near` (a postcode) with `within_km` (default "
        "25), which needs the postcode data loaded: a postcode whose position is unknown is a "
        "422 naming `near`. Online-only events have no distance and are left out by `near`. "
        "Each page is kept for a few seconds (`PUBLIC_LIST_CACHE_SECONDS`, default 5): a change "
        "shows at once on the server that made it, and within those seconds on the others; "
        "`seats_left` of `GET /events/{id}` is always read afresh."
    ),
    response_model=Page[EventOut],
    responses=problem_responses(422),
)
async def list_events(
    request: Request,
    session: ReadSession,
    settings: AppSettings,
    page: Annotated[PageParams, Depends(page_params)],
    council: Annotated[str | None, Query(max_length=64)] = None,
    kind: EventKind | None = None,
    from_day: Annotated[date | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    to_day: Annotated[date | None, Query(alias="to", description="YYYY-MM-DD")] = None,
    near: Annotated[
        str | None, Query(min_length=2, max_length=10, description="A postcode")
    ] = None,
    within_km: Annotated[float, Query(gt=0, le=200)] = 25.0,
) -> Response:
    filters = service.PublicFilters(
        council=council, kind=kind, from_day=from_day, to_day=to_day, near=near, within_km=within_km
    )

    async def build() -> Page[EventOut]:
        rows, cursor, distances = await service.list_public(session, filters, page)
        items = await service.present_public(session, settings, rows, distances=distances)
        return Page(items=items, next_cursor=cursor)

    # The same for everyone: kept a few seconds, dropped when an event changes (core.pagecache).
    pages: PageCache = request.app.state.event_pages
    return await pages.answer(request.url.query, build)


@router.get(
    "/events/manage",
    operation_id="events:list_managed",
    summary="Your council's events, hosted and co-hosted, in every status (staff)",
    description=(
        "`when=upcoming` (default: not yet ended, soonest first), `past` (latest first) or "
        "`all` (latest first). Each item carries the `staff` block with registration counts."
    ),
    response_model=Page[EventOut],
    responses=problem_responses(401, 403, 422),
)
async def list_managed_events(
    session: DbSession,
    settings: AppSettings,
    caller: StaffReader,
    page: Annotated[PageParams, Depends(page_params)],
    when: Literal["upcoming", "past", "all"] = "upcoming",
    kind: EventKind | None = None,
    status: EventStatus | None = None,
    from_day: Annotated[date | None, Query(alias="from")] = None,
    to_day: Annotated[date | None, Query(alias="to")] = None,
) -> Page[EventOut]:
    rows, cursor = await service.list_for_council(
        session,
        caller.council_id,
        page,
        when=when,
        kind=kind,
        status=status,
        from_day=from_day,
        to_day=to_day,
    )
    items = await service.present(session, settings, rows, staff_council_id=caller.council_id)
    return Page(items=items, next_cursor=cursor)


@router.get(
    "/events/{event_id}",
    operation_id="events:get",
    summary="One event with seats_left (public; staff see drafts)",
    description=(
        "Anyone sees a published or cancelled public event. With a token, staff of the hosting "
        "or a co-hosting council see every status and the `staff` block (including the online "
        "link), and carers or applicants of those councils see the events for their audience. "
        "Answers an `ETag` for `PATCH`."
    ),
    response_model=EventOut,
    responses=problem_responses(401, 404),
)
async def get_event(
    event_id: EventId,
    session: DbSession,
    settings: AppSettings,
    caller: OptionalCaller,
    response: Response,
) -> EventOut:
    access = await service.for_reader(session, event_id, caller)
    if access is None:
        raise EventNotFound()
    set_etag(response, access.event)
    staff_council = caller.council_id if caller is not None and caller.is_staff else None
    return await _one(session, settings, access, staff_council)


@router.post(
    "/events/{event_id}/registrations",
    operation_id="events:register",
    summary="Register for an event: a place while seats remain, then the waiting list (public)",
    description=(
        "Answers 201 `{id, event_id, status: confirmed | waitlisted, waitlist_position}` and "
        "emails a confirmation with a cancellation link. The same email twice for one event is "
        "a 409 (`already-registered`, naming `email`); a draft or another audience's event is "
        "404; a cancelled or finished event is 409 (`event-closed`). Rate-limited per address "
        "(`RATE_LIMIT_ENQUIRY`); honours `Idempotency-Key`."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=RegistrationReceipt,
    responses=problem_responses(400, 404, 409, 413, 422, 429),
)
async def register(
    event_id: EventId,
    body: RegistrationCreate,
    request: Request,
    session: DbSession,
    settings: AppSettings,
    idempotency: IdempotencyDep,
) -> Response:
    await request.app.state.rate_limiter.hit(
        "event_registration", settings.rate_limit_enquiry, client_ip(request) or "-"
    )
    if replay := await idempotency.replay():
        return replay
    access = await service.for_reader(session, event_id, None)
    if access is None:
        raise EventNotFound()
    # A public registration is the hosting council's record.
    tenancy.bind(session, access.event.council_id)
    placed = await service.take_place(
        session,
        settings,
        access.event,
        name=body.name,
        email=str(body.email),
        phone=body.phone,
        access_needs=body.access_needs,
    )
    receipt = RegistrationReceipt(
        id=placed.registration.id,
        event_id=access.event.id,
        status=placed.registration.status,
        waitlist_position=placed.waitlist_position,
    )
    return idempotency.remember(201, receipt)


async def _preview(session: Any, settings: Any, token: str) -> CancelPreview:
    registration = await service.by_cancel_token(session, token)
    event = await service.event_of(session, registration)
    [out] = await service.present(session, settings, [event])
    return CancelPreview(
        registration_id=registration.id,
        status=registration.status,
        name=registration.name,
        event=out,
    )


@router.get(
    "/registrations/cancel",
    operation_id="events:cancel_preview",
    summary="What a cancellation link would cancel (public; changes nothing)",
    description=(
        "The confirmation email links to the web page `/events/registrations/cancel?token=...`, "
        "which shows this and asks the person to confirm with `POST /registrations/cancel`. "
        "The link itself never cancels: email scanners open links."
    ),
    response_model=CancelPreview,
    responses=problem_responses(404, 422),
)
async def cancel_preview(
    token: Annotated[str, Query(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")],
    session: DbSession,
    settings: AppSettings,
) -> CancelPreview:
    return await _preview(session, settings, token)


@router.post(
    "/registrations/cancel",
    operation_id="events:cancel_registration",
    summary="Cancel a registration with the token from its email (public)",
    description=(
        "Frees the place; the first person on the waiting list takes it and is emailed. "
        "Cancelling twice is harmless. An attended or no-show registration is 409."
    ),
    response_model=CancelPreview,
    responses=problem_responses(404, 409, 422),
)
async def cancel_by_token(
    body: CancelToken, session: DbSession, settings: AppSettings
) -> CancelPreview:
    registration = await service.by_cancel_token(session, body.token)
    await service.cancel_registration(session, settings, registration, by="self")
    return await _preview(session, settings, body.token)


@router.get(
    "/councils/{slug}/events.ics",
    operation_id="events:council_calendar",
    summary="The council's public events as an iCalendar feed (public)",
    description="RFC 5545, times in Europe/London with its VTIMEZONE; cancelled events stay "
    "in the feed as `STATUS:CANCELLED` so subscribed calendars drop them.",
    response_class=Response,
    responses={**CALENDAR_RESPONSE, **problem_responses(404)},
)
async def council_calendar(
    slug: Annotated[str, Path(max_length=64)], session: DbSession, settings: AppSettings
) -> Response:
    name, events = await service.council_feed(session, slug)
    return Response(
        ical.council_calendar(settings, name, events),
        media_type=ical.MEDIA_TYPE,
        headers={
            "Content-Disposition": f'inline; filename="{slug}-events.ics"',
            "Cache-Control": "public, max-age=300",
        },
    )


@router.get(
    "/calendar/{token}.ics",
    operation_id="events:personal_calendar",
    summary="A person's own bookings as an iCalendar feed, at their private address",
    description="The address comes from `POST /carers/me/calendar-token`; a reset ends it.",
    response_class=Response,
    responses={**CALENDAR_RESPONSE, **problem_responses(404)},
)
async def personal_calendar(
    token: Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")],
    session: DbSession,
    settings: AppSettings,
) -> Response:
    bookings = await service.personal_feed(session, token)
    return Response(
        ical.personal_calendar(settings, bookings),
        media_type=ical.MEDIA_TYPE,
        headers={"Cache-Control": "private, max-age=300"},
    )


@router.get(
    "/carers/me/events",
    operation_id="events:list_bookable",
    summary="Events for carers or applicants you can book, soonest first (carers, applicants)",
    description=(
        "Published events that have not ended, hosted or co-hosted by your council, for your "
        "audience, other than training sessions (those are in `GET /training/sessions`). "
        "`my_booking` is your own booking's status."
    ),
    response_model=Page[BookableEvent],
    responses=problem_responses(401, 403, 422),
)
async def list_bookable(
    session: DbSession,
    settings: AppSettings,
    caller: Booker,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[BookableEvent]:
    items, cursor = await service.list_bookable(session, settings, caller, page)
    return Page(items=items, next_cursor=cursor)


@router.post(
    "/events/{event_id}/bookings",
    operation_id="events:book",
    summary="Book yourself a place at an event for your audience (carers, applicants, staff)",
    description=(
        "Carers and applicants book the events for their audience, staff the events for "
        "`staff`, of a council that hosts or co-hosts them. The same seat logic as a public "
        "registration: a place while seats remain, then the waiting list; emailed with a "
        "cancellation link. Booking twice is 409 (`already-registered`); an event not for "
        "your audience or council is 404, except that staff, who see all their council's "
        "events, get 403 (`not-your-audience`) for another audience's, and 409 "
        "(`event-closed`) for a draft or cancelled staff event."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=RegistrationReceipt,
    responses=problem_responses(401, 403, 404, 409),
)
async def book(
    event_id: EventId, session: DbSession, settings: AppSettings, caller: SelfBooker
) -> RegistrationReceipt:
    event = await service.for_booker(session, caller, event_id)
    placed = await service.book_self(session, settings, caller, event)
    return RegistrationReceipt(
        id=placed.registration.id,
        event_id=event.id,
        status=placed.registration.status,
        waitlist_position=placed.waitlist_position,
    )


@router.delete(
    "/events/{event_id}/bookings/me",
    operation_id="events:cancel_booking",
    summary="Cancel your own booking (carers, applicants, staff)",
    description="The place goes to the first on the waiting list, who is emailed.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
)
async def cancel_booking(
    event_id: EventId, session: DbSession, settings: AppSettings, caller: SelfBooker
) -> Response:
    event = await service.for_booker(session, caller, event_id)
    await service.cancel_own(session, settings, caller, event)
    return Response(status_code=204)


@router.post(
    "/carers/me/calendar-token",
    operation_id="events:reset_calendar_address",
    summary="A new private calendar address for your bookings (carers, applicants)",
    description=(
        "Answers the address once (only a hash is kept): show it, and call again to replace "
        "it if it leaks; the previous address then stops working."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=CalendarAddress,
    responses=problem_responses(401, 403),
)
async def reset_calendar_address(
    session: DbSession, settings: AppSettings, caller: Booker
) -> CalendarAddress:
    feed, token = await service.reset_feed(session, caller.id)
    return CalendarAddress(url=service.feed_url(settings, token), created_at=feed.created_at)


# Staff


@router.post(
    "/events",
    operation_id="events:create",
    summary="Create an event (staff); it gets its own campaign code",
    description=(
        "`status` is `draft` (default) or `published`. Kind `training` needs a `course_id` "
        "of your council and audience `carers` or `applicants`. `cohosts` are council slugs. "
        "Honours `Idempotency-Key`."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=EventOut,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_event(
    body: EventCreate,
    session: DbSession,
    settings: AppSettings,
    caller: StaffOnly,
    idempotency: IdempotencyDep,
) -> Response:
    if replay := await idempotency.replay():
        return replay
    await training_service.ensure_course(session, body.course_id)
    event = await service.create(session, caller, body)
    out = await _one(session, settings, service.Access(event, True), caller.council_id)
    from fosterhub.core.etags import etag_for

    return idempotency.remember(
        201, out, {"Location": f"/api/v1/events/{event.id}", "ETag": etag_for(event)}
    )


@router.patch(
    "/events/{event_id}",
    operation_id="events:update",
    summary="Change an event (the hosting council's staff)",
    description=(
        "Needs `If-Match`; the `ETag` comes from `GET /events/{id}`. Raising the capacity gives "
        "the new places to the waiting list in order (each emailed); it cannot go below the "
        "places already held (409 `capacity-below-places` naming `capacity`: cancel "
        "registrations first). Once published, a change of `starts_at`, `ends_at`, `venue` or "
        "`online_url` is emailed to everyone with a place or on the waiting list. "
        "`cost_pence` sets the event's campaign cost (results' cost per enquiry)."
    ),
    response_model=EventOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_event(
    body: EventPatch,
    access: HostEvent,
    caller: StaffOnly,
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
) -> EventOut:
    require_if_match(request, access.event)
    if "course_id" in body.model_fields_set and body.course_id != access.event.course_id:
        await training_service.ensure_course(session, body.course_id)
    event = await service.update(session, settings, caller, access.event, body)
    set_etag(response, event)
    return await _one(session, settings, access, caller.council_id)


@router.post(
    "/events/{event_id}/publish",
    operation_id="events:publish",
    summary="Publish a draft event (the hosting council's staff)",
    response_model=EventOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def publish_event(
    access: HostEvent,
    caller: StaffOnly,
    session: DbSession,
    settings: AppSettings,
    response: Response,
) -> EventOut:
    event = await service.publish(session, access.event)
    set_etag(response, event)
    return await _one(session, settings, access, caller.council_id)


@router.post(
    "/events/{event_id}/cancel",
    operation_id="events:cancel",
    summary="Cancel an event; everyone registered or waiting is emailed (host's staff)",
    response_model=EventOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def cancel_event(
    body: EventCancel,
    access: HostEvent,
    caller: StaffOnly,
    session: DbSession,
    settings: AppSettings,
    response: Response,
) -> EventOut:
    event = await service.cancel_event(session, settings, access.event, body.reason)
    set_etag(response, event)
    return await _one(session, settings, access, caller.council_id)


@router.get(
    "/events/{event_id}/registrations",
    operation_id="events:list_registrations",
    summary="Who registered, oldest first (staff of the host and co-hosts)",
    description="`q` matches part of a name or an email: the check-in search on the day.",
    response_model=Page[RegistrationOut],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_registrations(
    access: StaffEvent,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    status: RegistrationStatus | None = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[RegistrationOut]:
    rows, cursor = await service.list_registrations(session, access.event, page, status=status, q=q)
    return Page(items=[service.registration_out(r) for r in rows], next_cursor=cursor)


@router.post(
    "/events/{event_id}/registrations/{registration_id}/cancel",
    operation_id="events:staff_cancel_registration",
    summary="Cancel someone's registration for them (staff of the host and co-hosts)",
    response_model=RegistrationOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def staff_cancel_registration(
    registration_id: RegistrationId, access: PeopleEvent, session: DbSession, settings: AppSettings
) -> RegistrationOut:
    registration = await service.registration_in(session, access.event, registration_id)
    registration = await service.cancel_registration(session, settings, registration, by="staff")
    return service.registration_out(registration)


@router.post(
    "/events/{event_id}/check-ins",
    operation_id="events:check_in",
    summary="Check a person in on the day (staff of the host and co-hosts)",
    description=(
        "Marks the registration `attended` (201; a repeat answers 200). From the day of the "
        "event only. At a training session it also records the course as completed for the "
        "person who booked."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=RegistrationOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def check_in(
    body: CheckInCreate,
    access: PeopleEvent,
    caller: StaffOnly,
    session: DbSession,
    response: Response,
) -> RegistrationOut:
    registration, created = await service.check_in(session, access.event, body.registration_id)
    if not created:
        response.status_code = status.HTTP_200_OK
    await training_service.completion_from_check_in(session, access.event, registration, caller.id)
    return service.registration_out(registration)


@router.delete(
    "/events/{event_id}/check-ins/{registration_id}",
    operation_id="events:undo_check_in",
    summary="Undo a check-in made by mistake (staff of the host and co-hosts)",
    description=(
        "The registration goes back to `confirmed` (the place stays theirs); at a training "
        "session the completion the check-in recorded is taken back. Only an `attended` "
        "registration can be undone (409 otherwise)."
    ),
    response_model=RegistrationOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def undo_check_in(
    registration_id: RegistrationId, access: PeopleEvent, session: DbSession
) -> RegistrationOut:
    registration = await service.undo_status(
        session, access.event, registration_id, undo="attended"
    )
    await training_service.undo_completion_from_check_in(session, registration)
    return service.registration_out(registration)


@router.delete(
    "/events/{event_id}/no-shows/{registration_id}",
    operation_id="events:undo_no_show",
    summary="Undo marking someone as not coming (staff of the host and co-hosts)",
    description="A `no_show` registration goes back to `confirmed`; anything else is 409.",
    response_model=RegistrationOut,
    responses=problem_responses(401, 403, 404, 409),
)
async def undo_no_show(
    registration_id: RegistrationId, access: PeopleEvent, session: DbSession
) -> RegistrationOut:
    registration = await service.undo_status(session, access.event, registration_id, undo="no_show")
    return service.registration_out(registration)


@router.post(
    "/events/{event_id}/no-shows",
    operation_id="events:mark_no_shows",
    summary="Mark who did not come (staff of the host and co-hosts)",
    description="Everyone still `confirmed`, or only `registration_ids`, once the event started.",
    response_model=NoShowsOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def mark_no_shows(body: NoShowsCreate, access: PeopleEvent, session: DbSession) -> NoShowsOut:
    return NoShowsOut(
        marked=await service.mark_no_shows(session, access.event, body.registration_ids)
    )


@router.post(
    "/events/{event_id}/enquiries",
    operation_id="events:record_enquiry",
    summary="Record an enquiry taken at the event (staff of the host and co-hosts)",
    description=(
        "The public enquiry's `contact`, `interests`, `household` and `consent`; it is recorded "
        "in your council with channel `event`, the event's id and (for the host) its campaign "
        "code, and the person gets the usual acknowledgement. Honours `Idempotency-Key`."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=EnquiryReceipt,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def record_enquiry(
    body: StallEnquiry,
    access: PeopleEvent,
    caller: StaffOnly,
    session: DbSession,
    settings: AppSettings,
    idempotency: IdempotencyDep,
) -> Response:
    if replay := await idempotency.replay():
        return replay
    council = await councils_service.get_by_id(session, caller.council_id)
    source: dict[str, Any] = {"channel": "event", "event_id": access.event.id}
    code = await service.campaign_code(session, access.event)
    if access.is_host and code:
        # The code is the host's campaign: a co-host's enquiry names the event only.
        source["campaign_code"] = code
    try:
        enquiry = EnquiryCreate.model_validate(
            {**body.model_dump(mode="json"), "council": council.slug, "source": source}
        )
    except ValidationError as exc:  # pragma: no cover - the parts were validated already
        from fastapi.exceptions import RequestValidationError

        raise RequestValidationError(exc.errors()) from exc
    received = await enquiries_service.receive(session, settings, enquiry)
    return idempotency.remember(
        201, received.receipt, {"Location": f"/api/v1/enquiries/{received.receipt.id}"}
    )


@router.get(
    "/events/{event_id}/results",
    operation_id="events:results",
    summary="What the event achieved (staff of the host and co-hosts)",
    description=(
        "Registrations and attendance (all councils' registrations), then your council's "
        "enquiries naming the event or carrying its code, the applications and approvals that "
        "followed, and cost per enquiry when the event's campaign has a cost."
    ),
    response_model=EventResults,
    responses=problem_responses(401, 403, 404),
)
async def event_results(access: StaffEvent, session: DbSession) -> EventResults:
    return await service.results(session, access.event)
