"""Training: the course catalogue, bookings on sessions (events of kind training, with the
events' seat logic), completions, each carer's record with expiries, and the TSD standards."""

import calendar
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth.dependencies import Caller
from fosterhub.carers import service as carers_service
from fosterhub.carers.exceptions import HouseholdNotFound
from fosterhub.carers.models import CarerHousehold
from fosterhub.config import Settings
from fosterhub.core import audit
from fosterhub.core.db import new_id, utcnow
from fosterhub.core.errors import FieldError, InvalidInput
from fosterhub.core.pagination import PageParams, paginate
from fosterhub.events import service as events_service
from fosterhub.events.exceptions import AlreadyRegistered, RegistrationNotFound
from fosterhub.events.models import Event, Registration
from fosterhub.events.schemas import LONDON
from fosterhub.training import repository
from fosterhub.training.exceptions import CourseNameTaken, CourseNotFound, NotATrainingSession
from fosterhub.training.models import TrainingCompletion, TrainingCourse
from fosterhub.training.schemas import (
    Booking,
    CompletionCreate,
    CompletionOut,
    CourseCreate,
    CourseOut,
    CoursePatch,
    CourseStanding,
    TrainingRecord,
    TrainingSession,
    TsdBehind,
    TsdProgress,
)
from fosterhub.users import service as users_service
from fosterhub.users.exceptions import UserNotFound

TSD_MONTHS = 12
TSD_MONTHS_FAMILY_AND_FRIENDS = 18
EXPIRING_WITHIN = timedelta(days=90)


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def today() -> date:
    return utcnow().astimezone(LONDON).date()


# Courses


def course_out(course: TrainingCourse) -> CourseOut:
    return CourseOut(
        id=course.id,
        name=course.name,
        description=course.description,
        is_tsd=course.is_tsd,
        valid_for_months=course.valid_for_months,
        is_active=course.is_active,
        created_at=course.created_at,
    )


async def get_course(session: AsyncSession, course_id: str) -> TrainingCourse:
    course = await repository.course_by_id(session, course_id)
    if course is None:
        raise CourseNotFound()
    return course


async def list_courses(
    session: AsyncSession, params: PageParams, *, active: bool | None, tsd: bool | None
) -> tuple[list[TrainingCourse], str | None]:
    return await paginate(
        session,
        repository.courses_query(active, tsd),
        [TrainingCourse.name, TrainingCourse.id],
        params,
    )


async def create_course(session: AsyncSession, body: CourseCreate) -> TrainingCourse:
    if await repository.name_taken(session, body.name):
        raise CourseNameTaken(errors=[FieldError(field="name", message="Already a course")])
    course = TrainingCourse(**body.model_dump())
    session.add(course)
    await session.flush()
    audit.record(session, "create", "training_course", course.id)
    return course


async def update_course(
    session: AsyncSession, course: TrainingCourse, patch: CoursePatch
) -> TrainingCourse:
    changes = patch.model_dump(exclude_unset=True)
    for field in ("name", "is_tsd", "is_active"):
        if field in changes and changes[field] is None:
            raise InvalidInput.field(field, "May not be null")
    if "name" in changes and await repository.name_taken(
        session, changes["name"], other_than=course.id
    ):
        raise CourseNameTaken(errors=[FieldError(field="name", message="Already a course")])
    for field, value in changes.items():
        setattr(course, field, value)
    await session.flush()
    audit.record(
        session, "update", "training_course", course.id, detail={"fields": sorted(changes)}
    )
    return course


async def ensure_course(session: AsyncSession, course_id: str | None) -> None:
    """A new session's course must be one of the council's own, and not retired."""
    if course_id is None:
        return
    course = await repository.course_by_id(session, course_id)
    if course is None:
        raise InvalidInput.field("course_id", "No such course in your council")
    if not course.is_active:
        raise InvalidInput.field("course_id", "This course is retired: it has no new sessions")


# Sessions and bookings


def _may_book(caller: Caller, event: Event) -> bool:
    return events_service.AUDIENCE_ROLE.get(event.audience, "-") in caller.roles


async def training_session(session: AsyncSession, caller: Caller, session_id: str) -> Event:
    """A training session the caller's council hosts or co-hosts, published, for their audience."""
    access = await events_service.for_council(session, caller.council_id, session_id)
    if access is None or access.event.kind != "training" or access.event.status == "draft":
        raise NotATrainingSession()
    if not caller.is_staff and not _may_book(caller, access.event):
        raise NotATrainingSession("This session is not for your audience.")
    return access.event


async def list_sessions(
    session: AsyncSession,
    settings: Settings,
    caller: Caller,
    params: PageParams,
    *,
    course_id: str | None,
) -> tuple[list[TrainingSession], str | None]:
    audiences = None
    if not caller.is_staff:
        audiences = [a for a, role in events_service.AUDIENCE_ROLE.items() if role in caller.roles]
    rows, cursor = await events_service.list_for_council(
        session,
        caller.council_id,
        params,
        kind="training",
        status="published",
        audiences=audiences,
        course_id=course_id,
    )
    presented = await events_service.present(
        session, settings, rows, staff_council_id=caller.council_id if caller.is_staff else None
    )
    names = await repository.course_names(session, {e.course_id for e in rows if e.course_id})
    mine = {
        r.event_id: r.status
        for r, _ in await events_service.bookings_of(session, caller.id, upcoming_only=False)
        if r.status != "cancelled"
    }
    return [
        TrainingSession(
            **out.model_dump(),
            course_name=names.get(out.course_id or ""),
            my_booking=mine.get(out.id),
        )
        for out in presented
    ], cursor


async def book(
    session: AsyncSession, settings: Settings, caller: Caller, session_id: str
) -> events_service.Placed:
    event = await training_session(session, caller, session_id)
    if not _may_book(caller, event):
        raise NotATrainingSession("This session is not for your audience.")
    user = await users_service.get(session, caller.id, audit_read=False)
    existing = await events_service.booking_of(session, event, user.id)
    if existing is not None and existing.status != "cancelled":
        raise AlreadyRegistered("You are already booked on this session.")
    return await events_service.take_place(
        session, settings, event, name=user.display_name, email=user.email, user_id=user.id
    )


async def cancel_booking(
    session: AsyncSession, settings: Settings, caller: Caller, session_id: str
) -> Registration:
    event = await training_session(session, caller, session_id)
    booking = await events_service.booking_of(session, event, caller.id)
    if booking is None or booking.status == "cancelled":
        raise RegistrationNotFound("You have no booking on this session.")
    return await events_service.cancel_registration(session, settings, booking, by="self")


# Completions


def _expires(course: TrainingCourse, completed_on: date) -> date | None:
    if course.valid_for_months is None:
        return None
    return add_months(completed_on, course.valid_for_months)


async def record_completion(
    session: AsyncSession, body: CompletionCreate, actor_id: str
) -> tuple[TrainingCompletion, TrainingCourse]:
    try:
        course = await get_course(session, body.course_id)
    except CourseNotFound as exc:
        raise InvalidInput.field("course_id", "No such course in your council") from exc
    if body.completed_on > today():
        raise InvalidInput.field("completed_on", "Cannot be in the future")
    if body.household_id:
        try:
            await carers_service.get(session, body.household_id, audit_read=False)
        except HouseholdNotFound as exc:
            raise InvalidInput.field("household_id", "No such carer household") from exc
    if body.user_id:
        try:
            await users_service.get(session, body.user_id, audit_read=False)
        except UserNotFound as exc:
            raise InvalidInput.field("user_id", "No such person in your council") from exc
    completion = TrainingCompletion(
        course_id=course.id,
        household_id=body.household_id,
        user_id=body.user_id,
        person_name=body.person_name,
        completed_on=body.completed_on,
        expires_on=_expires(course, body.completed_on),
        source="staff",
        note=body.note,
        recorded_by_id=actor_id,
    )
    session.add(completion)
    await session.flush()
    audit.record(session, "create", "training_completion", completion.id)
    return completion, course


async def completion_from_check_in(
    session: AsyncSession, event: Event, registration: Registration, actor_id: str
) -> bool:
    """A check-in at a training session completes its course for the person who booked.
    Once per registration; nothing for a registration without an account."""
    if event.kind != "training" or event.course_id is None or registration.user_id is None:
        return False
    if await repository.completion_for_registration(session, registration.id):
        return False
    course = await repository.session_course(session, event.course_id)
    if course is None:
        return False
    completed_on = event.starts_at.astimezone(LONDON).date()
    completion_id = new_id()
    await repository.insert_completion(
        session,
        {
            "id": completion_id,
            "council_id": registration.council_id,
            "course_id": event.course_id,
            "user_id": registration.user_id,
            "person_name": registration.name,
            "completed_on": completed_on,
            "expires_on": _expires(course, completed_on),
            "source": "check_in",
            "event_id": event.id,
            "registration_id": registration.id,
            "recorded_by_id": actor_id,
        },
    )
    audit.record(
        session,
        "create",
        "training_completion",
        completion_id,
        council_id=registration.council_id,
        detail={"from": "check_in"},
    )
    return True


async def undo_completion_from_check_in(session: AsyncSession, registration: Registration) -> bool:
    """An undone check-in takes back the completion it recorded (none recorded by staff)."""
    completion_id = await repository.delete_check_in_completion(session, registration.id)
    if completion_id is None:
        return False
    audit.record(
        session,
        "delete",
        "training_completion",
        completion_id,
        council_id=registration.council_id,
        detail={"from": "check_in", "undo": True},
    )
    return True


# Records


def _completion_out(c: TrainingCompletion, course: TrainingCourse, on: date) -> CompletionOut:
    return CompletionOut(
        id=c.id,
        course_id=c.course_id,
        course_name=course.name,
        is_tsd=course.is_tsd,
        household_id=c.household_id,
        user_id=c.user_id,
        person_name=c.person_name,
        completed_on=c.completed_on,
        expires_on=c.expires_on,
        is_expired=c.expires_on is not None and c.expires_on < on,
        source=c.source,
        event_id=c.event_id,
        created_at=c.created_at,
    )


def tsd_due_on(household: CarerHousehold) -> date:
    months = (
        TSD_MONTHS_FAMILY_AND_FRIENDS
        if "family_and_friends" in (household.fostering_types or [])
        else TSD_MONTHS
    )
    return add_months(household.approved_on, months)


async def record(
    session: AsyncSession,
    settings: Settings,
    council_id: str,
    *,
    household: CarerHousehold | None,
    user_id: str | None,
) -> TrainingRecord:
    on = today()
    rows = await repository.record_of(
        session, council_id, household.id if household else None, user_id
    )
    latest: dict[str, TrainingCompletion] = {}
    for completion, _course in rows:  # newest first: the first seen per course is the latest
        latest.setdefault(completion.course_id, completion)
    courses = []
    for course in await repository.active_courses(session):
        done = latest.get(course.id)
        if done is None:
            state = "not_done"
        elif done.expires_on is not None and done.expires_on < on:
            state = "expired"
        elif done.expires_on is not None and done.expires_on <= on + EXPIRING_WITHIN:
            state = "expiring"
        else:
            state = "current"
        courses.append(
            CourseStanding(
                course_id=course.id,
                name=course.name,
                is_tsd=course.is_tsd,
                state=state,
                completed_on=done.completed_on if done else None,
                expires_on=done.expires_on if done else None,
            )
        )
    tsd = None
    if household is not None and household.status == "approved":
        required = [c for c in courses if c.is_tsd]
        missing = [c.name for c in required if c.state == "not_done"]
        due = tsd_due_on(household)
        tsd = TsdProgress(
            due_on=due,
            required=len(required),
            completed=len(required) - len(missing),
            is_complete=not missing,
            is_overdue=bool(missing) and due < on,
            missing=missing,
        )
    upcoming: list[Booking] = []
    if user_id:
        bookings = await events_service.bookings_of(session, user_id)
        presented = await events_service.present(session, settings, [e for _, e in bookings])
        upcoming = [
            Booking(registration_id=r.id, status=r.status, event=out)
            for (r, _), out in zip(bookings, presented, strict=True)
        ]
    return TrainingRecord(
        household_id=household.id if household else None,
        user_id=user_id,
        courses=courses,
        completions=[_completion_out(c, course, on) for c, course in rows],
        upcoming=upcoming,
        tsd=tsd,
    )


async def my_record(session: AsyncSession, settings: Settings, caller: Caller) -> TrainingRecord:
    household = None
    if "carer" in caller.roles:
        try:
            household = await carers_service.for_user(session, caller.id)
        except HouseholdNotFound:
            household = None
    audit.record(session, "read", "training_record", household.id if household else caller.id)
    return await record(
        session, settings, caller.council_id, household=household, user_id=caller.id
    )


async def household_record(
    session: AsyncSession, settings: Settings, caller: Caller, household_id: str
) -> TrainingRecord:
    household = await carers_service.get(session, household_id, audit_read=False)
    audit.record(session, "read", "training_record", household.id)
    return await record(
        session, settings, caller.council_id, household=household, user_id=household.user_id
    )


async def falling_behind(session: AsyncSession, within_days: int) -> list[TsdBehind]:
    """Approved households whose TSD deadline has passed, or falls within `within_days`, and
    who have not completed every TSD course. The counting is one aggregate query."""
    on = today()
    horizon = on + timedelta(days=within_days)
    tsd_courses = [c for c in await repository.active_courses(session) if c.is_tsd]
    if not tsd_courses:
        return []
    rows = await repository.tsd_behind(
        session,
        cutoff_12=add_months(horizon, -TSD_MONTHS),
        cutoff_18=add_months(horizon, -TSD_MONTHS_FAMILY_AND_FRIENDS),
        required=len(tsd_courses),
    )
    completed = dict(rows)
    out = []
    for household in await repository.households(session, list(completed)):
        due = tsd_due_on(household)
        out.append(
            TsdBehind(
                household_id=household.id,
                name=household.name,
                approved_on=household.approved_on,
                is_family_and_friends="family_and_friends" in (household.fostering_types or []),
                due_on=due,
                required=len(tsd_courses),
                completed=completed[household.id],
                is_overdue=due < on,
                days_left=(due - on).days,
            )
        )
    out.sort(key=lambda r: (r.due_on, r.name))
    audit.record(session, "list", "training_record", "*", detail={"tsd_behind": len(out)})
    return out
