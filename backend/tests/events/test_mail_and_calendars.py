"""What leaves the building: emails that reach an SMTP server, reminders on the right London
day across the clock changes, and iCalendar feeds that parse back to the same instants."""

import asyncio
from datetime import UTC, datetime, time, timedelta
from email.header import decode_header, make_header
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import icalendar
import pytest
from sqlalchemy import select

from fosterhub.config import Settings
from fosterhub.core import outbox, tenancy
from fosterhub.core.db import utcnow
from fosterhub.core.models import OutboxMessage, ScheduledJobRun
from fosterhub.events import service
from tests import factories
from tests.conftest import Inbox, World, assert_problem
from tests.events.factories import (
    make_event,
    make_registration,
    make_session,
    next_date,
    next_last_sunday,
)

API = "/api/v1"
LONDON = ZoneInfo("Europe/London")


async def test_confirmation_email_with_a_working_cancel_link_reaches_smtp(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: Any,
    mail_settings: Settings,
    smtp: Inbox,
) -> None:
    event = await make_event(
        world, world.a, status="published", capacity=1, title="Drop-in at the café"
    )
    await client.post(
        f"{API}/events/{event.id}/registrations",
        json={"name": "Ann Lee", "email": "ann@example.org"},
    )
    await client.post(
        f"{API}/events/{event.id}/registrations", json={"name": "Bo Wu", "email": "bo@example.org"}
    )
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 2
    await asyncio.sleep(0.05)
    by_to = {m["To"]: m for m in smtp.messages}
    ann = by_to["ann@example.org"]
    assert subject(ann) == "Your place: Drop-in at the café"
    body = text(ann)
    assert "(UK time)" in body and "Community room" in body
    link = next(line for line in body.splitlines() if "registrations/cancel?token=" in line)
    token = link.split("token=")[1].strip()
    assert subject(by_to["bo@example.org"]) == "Waiting list: Drop-in at the café"
    assert "number 1" in text(by_to["bo@example.org"])

    cancelled = await client.post(f"{API}/registrations/cancel", json={"token": token})
    assert cancelled.status_code == 200
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 1
    await asyncio.sleep(0.05)
    promoted = smtp.messages[-1]
    assert promoted["To"] == "bo@example.org"
    assert subject(promoted) == "A place has come up: Drop-in at the café"


async def test_cancelling_an_event_mails_everyone(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: Any,
    mail_settings: Settings,
    smtp: Inbox,
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await make_event(world, world.a, status="published", capacity=1)
    await make_registration(world, event, email="one@example.org")
    await make_registration(world, event, email="two@example.org", status="waitlisted")
    await make_registration(world, event, email="gone@example.org", status="cancelled")
    response = await client.post(
        f"{API}/events/{event.id}/cancel", json={"reason": "Storm warning"}, headers=officer.headers
    )
    assert response.status_code == 200
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 2
    await asyncio.sleep(0.05)
    assert sorted(m["To"] for m in smtp.messages) == ["one@example.org", "two@example.org"]
    assert all("Storm warning" in text(m) for m in smtp.messages)


async def _reminders_at(sessionmaker: Any, settings: Settings, now: datetime) -> list[str]:
    """The reminders sent at `now`: these tests bring their own clock, so their fixed days
    (2027's clock changes) are chosen on purpose and never go stale."""
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        await service.send_reminders(session, settings, now)
        await session.commit()
        rows = (
            await session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "email"))
        ).all()
        await session.commit()
        return sorted(m.payload["to"] for m in rows if m.payload["subject"].startswith("Tomorrow"))


async def test_reminders_go_the_day_before_in_london_across_the_october_change(
    world: World, sessionmaker: Any, settings: Settings
) -> None:
    # Sunday 31 October 2027 is 25 hours long in London (01:00-02:00 happens twice).
    on_the_day_late = await make_event(
        world,
        world.a,
        status="published",
        starts_at=datetime(2027, 10, 31, 23, 30, tzinfo=LONDON),  # 23:30 GMT = 23:30 UTC
    )
    just_after = await make_event(
        world,
        world.a,
        status="published",
        starts_at=datetime(2027, 11, 1, 0, 30, tzinfo=LONDON),
    )
    early = await make_event(
        world,
        world.a,
        status="published",
        starts_at=datetime(2027, 10, 31, 0, 30, tzinfo=LONDON),  # 00:30 BST = 23:30 UTC on the 30th
    )
    await make_registration(world, on_the_day_late, email="late@example.org")
    await make_registration(world, just_after, email="after@example.org")
    await make_registration(world, early, email="early@example.org")
    await make_registration(world, early, email="waiting@example.org", status="waitlisted")
    # Saturday 30 October, 12:00 BST.
    sent = await _reminders_at(sessionmaker, settings, datetime(2027, 10, 30, 11, tzinfo=UTC))
    assert sent == ["early@example.org", "late@example.org"]
    # Running again sends nothing twice.
    again = await _reminders_at(sessionmaker, settings, datetime(2027, 10, 30, 18, tzinfo=UTC))
    assert again == sent


async def test_reminders_across_the_march_change(
    world: World, sessionmaker: Any, settings: Settings
) -> None:
    # Sunday 28 March 2027 is 23 hours long: 00:30 GMT and 23:30 BST (22:30 UTC) are both on it.
    first = await make_event(
        world, world.a, status="published", starts_at=datetime(2027, 3, 28, 0, 30, tzinfo=LONDON)
    )
    last = await make_event(
        world, world.a, status="published", starts_at=datetime(2027, 3, 28, 23, 30, tzinfo=LONDON)
    )
    next_day = await make_event(
        world, world.a, status="published", starts_at=datetime(2027, 3, 29, 0, 15, tzinfo=LONDON)
    )
    for event, email in (
        (first, "first@example.org"),
        (last, "last@example.org"),
        (next_day, "next@example.org"),
    ):
        await make_registration(world, event, email=email)
    # 23:50 GMT on Friday 26th is still Friday in London: nothing for Sunday yet.
    assert (
        await _reminders_at(sessionmaker, settings, datetime(2027, 3, 26, 23, 50, tzinfo=UTC)) == []
    )
    # Saturday has begun, but reminders wait for the morning: none at ten past midnight.
    assert (
        await _reminders_at(sessionmaker, settings, datetime(2027, 3, 27, 0, 10, tzinfo=UTC)) == []
    )
    assert (
        await _reminders_at(sessionmaker, settings, datetime(2027, 3, 27, 7, 59, tzinfo=UTC)) == []
    )
    sent = await _reminders_at(sessionmaker, settings, datetime(2027, 3, 27, 8, 0, tzinfo=UTC))
    assert sent == ["first@example.org", "last@example.org"]


async def test_the_morning_starts_at_eight_on_londons_clock_in_summer(
    world: World, sessionmaker: Any, settings: Settings
) -> None:
    event = await make_event(
        world, world.a, status="published", starts_at=datetime(2027, 7, 2, 19, tzinfo=LONDON)
    )
    await make_registration(world, event, email="summer@example.org")
    # 07:30 UTC on 1 July is 08:30 BST: the morning has started in London.
    assert (
        await _reminders_at(sessionmaker, settings, datetime(2027, 7, 1, 6, 59, tzinfo=UTC)) == []
    )
    assert await _reminders_at(sessionmaker, settings, datetime(2027, 7, 1, 7, 30, tzinfo=UTC)) == [
        "summer@example.org"
    ]


class _ClockedJobs:
    """The worker's scheduled jobs with the reminders' clock set by the test, and "an hour
    later" made by moving the job's last run back an hour (the outbox keeps real time, so
    queued mail is due at once)."""

    def __init__(self, sessionmaker: Any, monkeypatch: pytest.MonkeyPatch, start: datetime):
        from fosterhub.events import jobs

        self.sessionmaker, self.now = sessionmaker, start
        monkeypatch.setattr(jobs, "utcnow", lambda: self.now)

    async def run(self, settings: Settings) -> None:
        await outbox.run_due_jobs(self.sessionmaker, settings)

    async def an_hour_later(self) -> None:
        self.now += timedelta(hours=1)
        async with self.sessionmaker() as session:
            run = await session.get(ScheduledJobRun, "events.reminders")
            assert run is not None and run.last_run_at is not None
            run.last_run_at -= timedelta(hours=1, minutes=1)
            await session.commit()


async def test_the_hourly_reminder_job_reminds_late_bookings_and_promotions_once_each(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: Any,
    mail_settings: Settings,
    smtp: Inbox,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fosterhub.events import jobs

    monkeypatch.setattr(outbox, "SCHEDULED_JOBS", list(outbox.SCHEDULED_JOBS))
    jobs.register()
    jobs.register()  # the worker may be started twice in one process: still one job
    assert [every for name, every, _ in outbox.SCHEDULED_JOBS if name == "events.reminders"] == [
        timedelta(hours=1)
    ]
    # Half past nine this morning in London; the event is at six tomorrow evening.
    today = utcnow().astimezone(LONDON).date()
    tomorrow = today + timedelta(days=1)
    clock = _ClockedJobs(sessionmaker, monkeypatch, datetime.combine(today, time(9, 30), LONDON))
    event = await make_event(
        world,
        world.a,
        status="published",
        capacity=2,
        title="Evening with carers",
        starts_at=datetime.combine(tomorrow, time(18), LONDON),
    )
    later = await make_event(
        world,
        world.a,
        status="published",
        title="Next week",
        starts_at=datetime.combine(tomorrow + timedelta(days=6), time(18), LONDON),
    )
    await make_registration(world, event, email="ann@example.org", name="Ann Lee")
    _, bo_token = await make_registration(world, event, email="bo@example.org")
    await make_registration(world, event, email="cy@example.org", status="waitlisted")
    await make_registration(world, later, email="ann@example.org")

    await clock.run(mail_settings)
    assert await _reminded(sessionmaker) == ["ann@example.org", "bo@example.org"]
    await clock.run(mail_settings)  # within the hour: the job does not run again
    assert await _reminded(sessionmaker) == ["ann@example.org", "bo@example.org"]

    # After the run: Bo frees his place (Cy moves up), Dee books a new event for tomorrow.
    cancelled = await client.post(f"{API}/registrations/cancel", json={"token": bo_token})
    assert cancelled.status_code == 200, cancelled.text
    late = await make_event(
        world,
        world.a,
        status="published",
        title="Added late",
        starts_at=datetime.combine(tomorrow, time(10), LONDON),
    )
    booked = await client.post(
        f"{API}/events/{late.id}/registrations", json={"name": "Dee", "email": "dee@example.org"}
    )
    assert booked.status_code == 201, booked.text
    await clock.an_hour_later()
    await clock.run(mail_settings)
    assert await _reminded(sessionmaker) == [
        "ann@example.org",
        "bo@example.org",
        "cy@example.org",
        "dee@example.org",
    ]
    await clock.an_hour_later()
    await clock.run(mail_settings)
    assert len(await _reminded(sessionmaker)) == 4  # everyone once

    # And the reminders reach the mail server.
    await outbox.deliver_due(sessionmaker, mail_settings)
    await asyncio.sleep(0.05)
    reminders = {m["To"]: m for m in smtp.messages if subject(m).startswith("Tomorrow")}
    assert sorted(reminders) == [
        "ann@example.org",
        "bo@example.org",
        "cy@example.org",
        "dee@example.org",
    ]
    assert subject(reminders["ann@example.org"]) == "Tomorrow: Evening with carers"
    body = text(reminders["ann@example.org"])
    assert body.startswith("Dear Ann Lee,") and "is tomorrow" in body and "6pm to 8pm" in body
    assert f"/events/{event.id}" in body
    assert subject(reminders["dee@example.org"]) == "Tomorrow: Added late"


async def test_no_reminders_before_eight_in_the_morning_nor_for_the_day_after_tomorrow(
    world: World, sessionmaker: Any, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "SCHEDULED_JOBS", list(outbox.SCHEDULED_JOBS))
    from fosterhub.events import jobs

    jobs.register()
    today = utcnow().astimezone(LONDON).date()
    clock = _ClockedJobs(sessionmaker, monkeypatch, datetime.combine(today, time(7), LONDON))
    tomorrow = await make_event(
        world,
        world.a,
        status="published",
        starts_at=datetime.combine(today + timedelta(days=1), time(9), LONDON),
    )
    after = await make_event(
        world,
        world.a,
        status="published",
        starts_at=datetime.combine(today + timedelta(days=2), time(0, 30), LONDON),
    )
    await make_registration(world, tomorrow, email="tomorrow@example.org")
    await make_registration(world, after, email="after@example.org")
    await clock.run(settings)
    assert await _reminded(sessionmaker) == []
    await clock.an_hour_later()  # 08:00
    await clock.run(settings)
    assert await _reminded(sessionmaker) == ["tomorrow@example.org"]


async def _reminded(sessionmaker: Any) -> list[str]:
    async with sessionmaker() as session:
        tenancy.unscoped(session)
        rows = (
            await session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "email"))
        ).all()
        await session.commit()
    return sorted(m.payload["to"] for m in rows if m.payload["subject"].startswith("Tomorrow"))


def subject(message: Any) -> str:
    return str(make_header(decode_header(message["Subject"])))


def text(message: Any) -> str:
    return str(message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8"))


def _parse(response: httpx.Response) -> icalendar.Calendar:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


async def test_the_council_feed_parses_back_with_london_times_either_side_of_the_changes(
    client: httpx.AsyncClient, world: World
) -> None:
    # The last Sunday of October: 01:00-02:00 happens twice in London.
    clocks_go_back = next_last_sunday(10)
    summer = await make_event(
        world,
        world.a,
        status="published",
        title="Summer fair",
        starts_at=datetime.combine(next_date(7, 3), time(11), LONDON),
    )
    winter = await make_event(
        world,
        world.a,
        status="published",
        title="Winter evening",
        starts_at=datetime.combine(next_date(1, 12), time(18, 30), LONDON),
    )
    change = await make_event(
        world,
        world.a,
        status="published",
        title="Across the change",
        starts_at=datetime.combine(clocks_go_back, time(0, 30), LONDON),
        ends_at=datetime.combine(clocks_go_back, time(3, 0), LONDON),
    )
    cancelled = await make_event(world, world.a, status="cancelled", title="Called off")
    await make_event(world, world.a, status="draft", title="Draft")
    await make_event(world, world.a, status="published", audience="carers", title="Carers only")
    await make_event(world, world.b, status="published", title="Beta's")
    calendar = _parse(await client.get(f"{API}/councils/alpha/events.ics"))
    assert str(calendar["version"]) == "2.0"
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/London"
    items = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(items) == {"Summer fair", "Winter evening", "Across the change", "Called off"}
    for event in (summer, winter, change):
        item = items[event.title]
        assert item["dtstart"].params["TZID"] == "Europe/London"
        start, end = item.decoded("dtstart"), item.decoded("dtend")
        assert start == event.starts_at and end == event.ends_at  # the same instants
        assert str(item["uid"]) == f"{event.id}@fosterhub"
    assert items["Summer fair"].decoded("dtstart").utcoffset() == timedelta(hours=1)
    assert items["Winter evening"].decoded("dtstart").utcoffset() == timedelta(0)
    across = items["Across the change"]
    # Starts in BST, ends in GMT: 3.5 hours of real time for 2.5 on the clock.
    elapsed = across.decoded("dtend").astimezone(UTC) - across.decoded("dtstart").astimezone(UTC)
    assert elapsed == timedelta(hours=3, minutes=30)
    assert str(items["Called off"]["status"]) == "CANCELLED" and cancelled.id
    assert str(items["Summer fair"]["status"]) == "CONFIRMED"
    assert_problem(await client.get(f"{API}/councils/nowhere/events.ics"), 404)


async def test_a_carers_private_calendar_has_their_bookings_and_can_be_reset(
    client: httpx.AsyncClient, world: World
) -> None:
    carer = await world.make_person(world.a, "carer")
    await factories.make_household(world, world.a, user_id=carer.user.id)
    june = next_date(6, 1)
    session = await make_session(
        world, world.a, starts_at=datetime.combine(june, time(9, 30), LONDON)
    )
    booked = await client.post(
        f"{API}/training/sessions/{session.id}/bookings", headers=carer.headers
    )
    assert booked.status_code == 201, booked.text
    address = await client.post(f"{API}/carers/me/calendar-token", headers=carer.headers)
    assert address.status_code == 201
    url = address.json()["url"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    calendar = _parse(await client.get(f"/{path}"))
    [item] = calendar.walk("VEVENT")
    assert str(item["summary"]) == session.title
    assert item.decoded("dtstart") == datetime.combine(june, time(8, 30), UTC)  # BST
    assert item["dtstart"].params["TZID"] == "Europe/London"
    # A reset gives a new address and the old one stops working.
    renewed = await client.post(f"{API}/carers/me/calendar-token", headers=carer.headers)
    assert renewed.json()["url"] != url
    assert_problem(await client.get(f"/{path}"), 404)
    new_path = renewed.json()["url"].split("://", 1)[1].split("/", 1)[1]
    # A cancelled booking stays in the feed as cancelled, so calendar apps remove it.
    await client.delete(f"{API}/training/sessions/{session.id}/bookings/me", headers=carer.headers)
    [item] = _parse(await client.get(f"/{new_path}")).walk("VEVENT")
    assert str(item["status"]) == "CANCELLED"
    assert_problem(await client.get(f"{API}/calendar/{'x' * 43}.ics"), 404)
    assert_problem(await client.get(f"{API}/calendar/bad!token.ics"), 422)
    staff = await world.make_person(world.a, "recruitment_officer")
    assert_problem(await client.post(f"{API}/carers/me/calendar-token", headers=staff.headers), 403)
