"""HTTP for training: courses, sessions and bookings, completions, records and the TSD list."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings
from fosterhub.core.errors import problem_responses
from fosterhub.core.etags import etag_for, require_if_match, set_etag
from fosterhub.core.idempotency import IdempotencyDep
from fosterhub.core.pagination import Page, PageParams, page_params
from fosterhub.events.schemas import RegistrationReceipt
from fosterhub.training import service
from fosterhub.training.dependencies import (
    Booker,
    CourseId,
    HouseholdId,
    Member,
    SessionId,
    StaffOnly,
)
from fosterhub.training.schemas import (
    CompletionCreate,
    CompletionOut,
    CourseCreate,
    CourseOut,
    CoursePatch,
    TrainingRecord,
    TrainingSession,
    TsdBehind,
)

router = APIRouter(tags=["training"])


@router.get(
    "/training/courses",
    operation_id="training:list_courses",
    summary="The council's training courses, by name (staff, carers, applicants)",
    response_model=Page[CourseOut],
    responses=problem_responses(401, 403, 422),
)
async def list_courses(
    session: DbSession,
    _caller: Member,
    page: Annotated[PageParams, Depends(page_params)],
    active: bool | None = None,
    tsd: bool | None = None,
) -> Page[CourseOut]:
    rows, cursor = await service.list_courses(session, page, active=active, tsd=tsd)
    return Page(items=[service.course_out(c) for c in rows], next_cursor=cursor)


@router.post(
    "/training/courses",
    operation_id="training:create_course",
    summary="Add a training course (staff)",
    description="A name used by another of your courses is 409 naming `name`. "
    "Honours `Idempotency-Key`.",
    status_code=status.HTTP_201_CREATED,
    response_model=CourseOut,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_course(
    body: CourseCreate, session: DbSession, _caller: StaffOnly, idempotency: IdempotencyDep
) -> Response:
    if replay := await idempotency.replay():
        return replay
    course = await service.create_course(session, body)
    return idempotency.remember(
        201,
        service.course_out(course),
        {"Location": f"/api/v1/training/courses/{course.id}", "ETag": etag_for(course)},
    )


@router.get(
    "/training/courses/{course_id}",
    operation_id="training:get_course",
    summary="One training course (staff, carers, applicants)",
    response_model=CourseOut,
    responses=problem_responses(401, 403, 404),
)
async def get_course(
    course_id: CourseId, session: DbSession, _caller: Member, response: Response
) -> CourseOut:
    course = await service.get_course(session, course_id)
    set_etag(response, course)
    return service.course_out(course)


@router.patch(
    "/training/courses/{course_id}",
    operation_id="training:update_course",
    summary="Change a course, or retire it with `is_active: false` (staff)",
    description="Needs `If-Match`. A changed `valid_for_months` applies to later completions.",
    response_model=CourseOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_course(
    course_id: CourseId,
    body: CoursePatch,
    session: DbSession,
    _caller: StaffOnly,
    request: Request,
    response: Response,
) -> CourseOut:
    course = await service.get_course(session, course_id)
    require_if_match(request, course)
    course = await service.update_course(session, course, body)
    set_etag(response, course)
    return service.course_out(course)


@router.get(
    "/training/sessions",
    operation_id="training:list_sessions",
    summary="Upcoming published training sessions for you (staff, carers, applicants)",
    description=(
        "Sessions your council hosts or co-hosts; carers see those for carers, applicants "
        "those for applicants, staff all. `my_booking` is your own booking's status."
    ),
    response_model=Page[TrainingSession],
    responses=problem_responses(401, 403, 422),
)
async def list_sessions(
    session: DbSession,
    settings: AppSettings,
    caller: Member,
    page: Annotated[PageParams, Depends(page_params)],
    course_id: Annotated[str | None, Query(max_length=36)] = None,
) -> Page[TrainingSession]:
    items, cursor = await service.list_sessions(
        session, settings, caller, page, course_id=course_id
    )
    return Page(items=items, next_cursor=cursor)


@router.post(
    "/training/sessions/{session_id}/bookings",
    operation_id="training:book",
    summary="Book yourself on a training session (carers, applicants)",
    description=(
        "The events' seat logic: a place while seats remain, then the waiting list; emailed "
        "like any registration. Booking twice is 409."
    ),
    status_code=status.HTTP_201_CREATED,
    response_model=RegistrationReceipt,
    responses=problem_responses(401, 403, 404, 409),
)
async def book(
    session_id: SessionId, session: DbSession, settings: AppSettings, caller: Booker
) -> RegistrationReceipt:
    placed = await service.book(session, settings, caller, session_id)
    return RegistrationReceipt(
        id=placed.registration.id,
        event_id=session_id,
        status=placed.registration.status,
        waitlist_position=placed.waitlist_position,
    )


@router.delete(
    "/training/sessions/{session_id}/bookings/me",
    operation_id="training:cancel_booking",
    summary="Cancel your booking on a session (carers, applicants)",
    description="The place goes to the first on the waiting list, who is emailed.",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409),
)
async def cancel_booking(
    session_id: SessionId, session: DbSession, settings: AppSettings, caller: Booker
) -> Response:
    await service.cancel_booking(session, settings, caller, session_id)
    return Response(status_code=204)


@router.post(
    "/training/completions",
    operation_id="training:record_completion",
    summary="Record a completed course for a carer household or an applicant (staff)",
    description="Check-in at a training session records completions by itself.",
    status_code=status.HTTP_201_CREATED,
    response_model=CompletionOut,
    responses=problem_responses(401, 403, 422),
)
async def record_completion(
    body: CompletionCreate, session: DbSession, caller: StaffOnly
) -> CompletionOut:
    completion, course = await service.record_completion(session, body, caller.id)
    return service._completion_out(completion, course, service.today())


@router.get(
    "/training/tsd-behind",
    operation_id="training:tsd_behind",
    summary="Carers falling behind the TSD standards (staff)",
    description=(
        "Approved households that have not completed every active TSD course and whose "
        "deadline (12 months from approval, 18 for family and friends carers) has passed or "
        "falls within `within_days` (default 90). Soonest deadline first."
    ),
    response_model=list[TsdBehind],
    responses=problem_responses(401, 403, 422),
)
async def tsd_behind(
    session: DbSession,
    _caller: StaffOnly,
    within_days: Annotated[int, Query(ge=0, le=730)] = 90,
) -> list[TsdBehind]:
    return await service.falling_behind(session, within_days)


@router.get(
    "/carers/me/training",
    operation_id="training:my_record",
    summary="Your training record, expiries and upcoming bookings (carers, applicants)",
    response_model=TrainingRecord,
    responses=problem_responses(401, 403),
)
async def my_record(session: DbSession, settings: AppSettings, caller: Booker) -> TrainingRecord:
    return await service.my_record(session, settings, caller)


@router.get(
    "/carers/{household_id}/training",
    operation_id="training:household_record",
    summary="A carer household's training record (staff; the read is audited)",
    response_model=TrainingRecord,
    responses=problem_responses(401, 403, 404),
)
async def household_record(
    household_id: HouseholdId, session: DbSession, settings: AppSettings, caller: StaffOnly
) -> TrainingRecord:
    return await service.household_record(session, settings, caller, household_id)
