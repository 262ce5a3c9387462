"""Events, registrations and courses made straight in the database, for arranging tests."""

import calendar
import hashlib
import secrets
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fosterhub.core.db import utcnow
from fosterhub.councils.models import Council
from fosterhub.events.models import Event, EventCohost, Registration
from fosterhub.training.models import TrainingCourse
from tests.conftest import World

LONDON = ZoneInfo("Europe/London")


def next_date(month: int, day: int) -> date:
    """The next `day` of `month` at least two days ahead in London: a winter or a summer day
    that stays in the future whatever year the tests run in."""
    today = utcnow().astimezone(LONDON).date()
    year = today.year
    while date(year, month, day) < today + timedelta(days=2):
        year += 1
    return date(year, month, day)


def next_last_sunday(month: int) -> date:
    """The next last Sunday of `month` at least two days ahead: in March and October, the day
    the UK's clocks change."""
    today = utcnow().astimezone(LONDON).date()
    year = today.year
    while True:
        last = date(year, month, calendar.monthrange(year, month)[1])
        sunday = last - timedelta(days=(last.weekday() - 6) % 7)
        if sunday >= today + timedelta(days=2):
            return sunday
        year += 1


async def make_event(world: World, council: Council, **fields: Any) -> Event:
    starts = fields.pop("starts_at", utcnow() + timedelta(days=10))
    cohosts = fields.pop("cohosts", [])
    event = Event(
        council_id=council.id,
        kind=fields.pop("kind", "information_evening"),
        title=fields.pop("title", "Information evening"),
        venue_name=fields.pop("venue_name", "Community room"),
        venue_address=fields.pop("venue_address", "1 Church St"),
        venue_postcode=fields.pop("venue_postcode", "L1 1DA"),
        starts_at=starts,
        ends_at=fields.pop("ends_at", starts + timedelta(hours=2)),
        capacity=fields.pop("capacity", 30),
        audience=fields.pop("audience", "public"),
        status=fields.pop("status", "draft"),
        **fields,
    )
    world.db.add(event)
    await world.db.flush()
    for cohost in cohosts:
        world.db.add(EventCohost(event_id=event.id, council_id=cohost.id))
    await world.db.commit()
    return event


async def make_registration(world: World, event: Event, **fields: Any) -> tuple[Registration, str]:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    status = fields.pop("status", "confirmed")
    registration = Registration(
        council_id=fields.pop("council_id", event.council_id),
        event_id=event.id,
        name=fields.pop("name", "Ann Lee"),
        email=fields.pop("email", f"{secrets.token_hex(4)}@example.org"),
        status=status,
        confirmed_at=now if status == "confirmed" else None,
        waitlisted_at=now if status == "waitlisted" else None,
        cancel_token_hash=hashlib.sha256(token.encode()).hexdigest(),
        **fields,
    )
    world.db.add(registration)
    await world.db.commit()
    return registration, token


async def make_course(world: World, council: Council, **fields: Any) -> TrainingCourse:
    course = TrainingCourse(
        council_id=council.id,
        name=fields.pop("name", f"Skills to Foster {secrets.token_hex(3)}"),
        is_tsd=fields.pop("is_tsd", False),
        valid_for_months=fields.pop("valid_for_months", None),
        **fields,
    )
    world.db.add(course)
    await world.db.commit()
    return course


async def make_session(world: World, council: Council, **fields: Any) -> Event:
    course = fields.pop("course", None) or await make_course(world, council)
    return await make_event(
        world,
        council,
        kind="training",
        title=fields.pop("title", "Skills to Foster, day 1"),
        audience=fields.pop("audience", "carers"),
        status=fields.pop("status", "published"),
        course_id=course.id,
        **fields,
    )
