"""Training: courses, booking sessions with the events' seat logic, completions from staff and
from check-in, each carer's record with expiries, and the TSD standards."""

from datetime import date, timedelta

import httpx
from sqlalchemy import func, select

from fosterhub.core.db import utcnow
from fosterhub.events.models import Registration
from fosterhub.training.models import TrainingCompletion, TrainingCourse
from tests import factories
from tests.conftest import World, assert_problem
from tests.events.factories import make_course, make_event, make_registration, make_session

API = "/api/v1"


def months_ago(months: int, days: int = 0) -> date:
    today = utcnow().date()
    index = today.month - 1 - months
    year, month = today.year + index // 12, index % 12 + 1
    return date(year, month, min(today.day, 28)) - timedelta(days=days)


async def test_staff_keep_the_course_catalogue(client: httpx.AsyncClient, world: World) -> None:
    officer = await world.make_person(world.a, "social_worker")
    created = await client.post(
        f"{API}/training/courses",
        json={"name": "First aid", "is_tsd": False, "valid_for_months": 36},
        headers=officer.headers,
    )
    assert created.status_code == 201, created.text
    course = created.json()
    assert course["valid_for_months"] == 36 and created.headers["etag"]
    duplicate = await client.post(
        f"{API}/training/courses", json={"name": "FIRST AID"}, headers=officer.headers
    )
    assert_problem(duplicate, 409, "name")
    for body, field in [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "X", "valid_for_months": 0}, "valid_for_months"),
        ({"name": "X", "is_tsd": "maybe"}, "is_tsd"),
        ({"name": "X", "cost": 1}, "cost"),
    ]:
        assert_problem(
            await client.post(f"{API}/training/courses", json=body, headers=officer.headers),
            422,
            field,
        )
    assert await world.db.scalar(select(func.count(TrainingCourse.id))) == 1
    await world.db.commit()
    url = f"{API}/training/courses/{course['id']}"
    assert_problem(await client.patch(url, json={"is_active": False}, headers=officer.headers), 428)
    etag = (await client.get(url, headers=officer.headers)).headers["etag"]
    retired = await client.patch(
        url, json={"is_active": False}, headers={**officer.headers, "If-Match": etag}
    )
    assert retired.status_code == 200 and retired.json()["is_active"] is False
    carer = await world.make_person(world.a, "carer")
    listed = await client.get(f"{API}/training/courses", headers=carer.headers)
    assert [c["name"] for c in listed.json()["items"]] == ["First aid"]
    assert_problem(
        await client.post(f"{API}/training/courses", json={"name": "Y"}, headers=carer.headers), 403
    )
    other = await world.make_person(world.b, "social_worker")
    assert (await client.get(f"{API}/training/courses", headers=other.headers)).json()[
        "items"
    ] == []


async def test_a_training_session_is_an_event_with_a_course(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    course = await make_course(world, world.a, name="Skills to Foster")
    theirs = await make_course(world, world.b)
    starts = (utcnow() + timedelta(days=20)).replace(microsecond=0)
    body = {
        "title": "Skills to Foster, day 1",
        "kind": "training",
        "audience": "applicants",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=6)).isoformat(),
        "capacity": 12,
        "venue": {"name": "Training room", "address": "Town hall", "postcode": "L1 1DA"},
        "status": "published",
        "course_id": course.id,
    }
    created = await client.post(f"{API}/events", json=body, headers=officer.headers)
    assert created.status_code == 201 and created.json()["course_id"] == course.id
    for overrides, field in [
        ({"course_id": theirs.id}, "course_id"),
        ({"audience": "public"}, "audience"),
        ({"kind": "drop_in"}, "course_id"),
    ]:
        assert_problem(
            await client.post(f"{API}/events", json={**body, **overrides}, headers=officer.headers),
            422,
            field,
        )
    # Not on the public list: it is for applicants.
    assert (await client.get(f"{API}/events")).json()["items"] == []


async def test_carers_book_sessions_for_carers_with_the_same_seat_logic(
    client: httpx.AsyncClient, world: World
) -> None:
    session = await make_session(world, world.a, capacity=1)
    first = await world.make_person(world.a, "carer")
    second = await world.make_person(world.a, "carer")
    applicant = await world.make_person(world.a, "applicant")
    url = f"{API}/training/sessions/{session.id}/bookings"
    booked = await client.post(url, headers=first.headers)
    assert booked.status_code == 201 and booked.json()["status"] == "confirmed"
    waiting = await client.post(url, headers=second.headers)
    assert waiting.json()["status"] == "waitlisted" and waiting.json()["waitlist_position"] == 1
    assert_problem(await client.post(url, headers=first.headers), 409)
    assert_problem(await client.post(url, headers=applicant.headers), 404)
    listed = await client.get(f"{API}/training/sessions", headers=second.headers)
    [item] = listed.json()["items"]
    assert item["my_booking"] == "waitlisted" and item["course_name"] and item["seats_left"] == 0
    assert (await client.get(f"{API}/training/sessions", headers=applicant.headers)).json()[
        "items"
    ] == []
    cancelled = await client.delete(f"{url}/me", headers=first.headers)
    assert cancelled.status_code == 204
    listed = await client.get(f"{API}/training/sessions", headers=second.headers)
    assert listed.json()["items"][0]["my_booking"] == "confirmed"
    assert_problem(await client.delete(f"{url}/me", headers=first.headers), 404)
    draft = await make_session(world, world.a, status="draft")
    assert_problem(
        await client.post(f"{API}/training/sessions/{draft.id}/bookings", headers=first.headers),
        404,
    )
    not_training = await make_event(world, world.a, status="published", audience="carers")
    assert_problem(
        await client.post(
            f"{API}/training/sessions/{not_training.id}/bookings", headers=first.headers
        ),
        404,
    )
    staff = await world.make_person(world.a, "recruitment_officer")
    assert_problem(await client.post(url, headers=staff.headers), 403)


async def test_carers_of_a_cohosting_council_book_a_joint_session(
    client: httpx.AsyncClient, world: World
) -> None:
    course = await make_course(world, world.a, name="Therapeutic parenting", valid_for_months=24)
    session = await make_session(
        world,
        world.a,
        course=course,
        cohosts=[world.b],
        starts_at=utcnow() - timedelta(minutes=1),
    )
    carer_b = await world.make_person(world.b, "carer")
    household_b = await factories.make_household(world, world.b, user_id=carer_b.user.id)
    booked = await client.post(
        f"{API}/training/sessions/{session.id}/bookings", headers=carer_b.headers
    )
    assert booked.status_code == 201, booked.text
    host = await world.make_person(world.a, "recruitment_officer")
    checked = await client.post(
        f"{API}/events/{session.id}/check-ins",
        json={"registration_id": booked.json()["id"]},
        headers=host.headers,
    )
    assert checked.status_code == 201, checked.text
    # The completion is the carer's council's, visible to them and to their council's staff.
    mine = await client.get(f"{API}/carers/me/training", headers=carer_b.headers)
    [done] = mine.json()["completions"]
    assert done["course_name"] == "Therapeutic parenting" and done["source"] == "check_in"
    assert done["expires_on"] is not None
    staff_b = await world.make_person(world.b, "social_worker")
    record = await client.get(f"{API}/carers/{household_b.id}/training", headers=staff_b.headers)
    assert [c["course_id"] for c in record.json()["completions"]] == [course.id]


async def test_check_in_at_a_training_session_records_the_completion_once(
    client: httpx.AsyncClient, world: World
) -> None:
    course = await make_course(world, world.a, name="Safer caring", valid_for_months=12)
    session = await make_session(
        world, world.a, course=course, starts_at=utcnow() - timedelta(minutes=1)
    )
    carer = await world.make_person(world.a, "carer")
    household = await factories.make_household(world, world.a, user_id=carer.user.id)
    booking = await client.post(
        f"{API}/training/sessions/{session.id}/bookings", headers=carer.headers
    )
    officer = await world.make_person(world.a, "recruitment_officer")
    for _ in range(2):
        await client.post(
            f"{API}/events/{session.id}/check-ins",
            json={"registration_id": booking.json()["id"]},
            headers=officer.headers,
        )
    assert await world.db.scalar(select(func.count(TrainingCompletion.id))) == 1
    await world.db.commit()
    record = (
        await client.get(f"{API}/carers/{household.id}/training", headers=officer.headers)
    ).json()
    [standing] = [c for c in record["courses"] if c["course_id"] == course.id]
    assert standing["state"] == "current"
    # A public registration (no account) at an ordinary event records nothing.
    event = await make_event(
        world, world.a, status="published", starts_at=utcnow() - timedelta(minutes=1)
    )
    registration, _ = await make_registration(world, event)
    await client.post(
        f"{API}/events/{event.id}/check-ins",
        json={"registration_id": registration.id},
        headers=officer.headers,
    )
    assert await world.db.scalar(select(func.count(TrainingCompletion.id))) == 1
    await world.db.commit()


async def test_staff_record_completions_and_the_record_shows_expiries(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    first_aid = await make_course(world, world.a, name="First aid", valid_for_months=36)
    safer = await make_course(world, world.a, name="Safer caring", valid_for_months=12)
    await make_course(world, world.a, name="Skills to Foster", is_tsd=True)
    household = await factories.make_household(world, world.a)
    url = f"{API}/training/completions"
    old = (utcnow() - timedelta(days=400)).date()
    recent = (utcnow() - timedelta(days=300)).date()
    done = await client.post(
        url,
        json={
            "course_id": first_aid.id,
            "household_id": household.id,
            "completed_on": old.isoformat(),
        },
        headers=officer.headers,
    )
    assert done.status_code == 201, done.text
    assert done.json()["expires_on"] is not None and done.json()["is_expired"] is False
    await client.post(
        url,
        json={"course_id": safer.id, "household_id": household.id, "completed_on": old.isoformat()},
        headers=officer.headers,
    )
    await client.post(
        url,
        json={
            "course_id": safer.id,
            "household_id": household.id,
            "completed_on": recent.isoformat(),
            "person_name": "Jo Jones",
        },
        headers=officer.headers,
    )
    tomorrow = (utcnow() + timedelta(days=2)).date().isoformat()
    other_household = await factories.make_household(world, world.b)
    for body, field in [
        ({"course_id": safer.id, "completed_on": old.isoformat()}, "body"),
        (
            {
                "course_id": safer.id,
                "household_id": household.id,
                "user_id": officer.user.id,
                "completed_on": old.isoformat(),
            },
            "body",
        ),
        (
            {"course_id": safer.id, "household_id": household.id, "completed_on": tomorrow},
            "completed_on",
        ),
        (
            {"course_id": "nope", "household_id": household.id, "completed_on": old.isoformat()},
            "course_id",
        ),
        (
            {
                "course_id": safer.id,
                "household_id": other_household.id,
                "completed_on": old.isoformat(),
            },
            "household_id",
        ),
        (
            {"course_id": safer.id, "household_id": household.id, "completed_on": "last week"},
            "completed_on",
        ),
    ]:
        assert_problem(await client.post(url, json=body, headers=officer.headers), 422, field)
    assert await world.db.scalar(select(func.count(TrainingCompletion.id))) == 3
    await world.db.commit()
    record = (
        await client.get(f"{API}/carers/{household.id}/training", headers=officer.headers)
    ).json()
    states = {c["name"]: c["state"] for c in record["courses"]}
    assert states == {
        "First aid": "current",
        "Safer caring": "expiring",
        "Skills to Foster": "not_done",
    }
    assert record["tsd"]["missing"] == ["Skills to Foster"] and record["tsd"]["is_overdue"]
    assert len(record["completions"]) == 3
    assert_problem(
        await client.get(f"{API}/carers/{other_household.id}/training", headers=officer.headers),
        404,
    )


async def test_my_training_record_has_upcoming_bookings(
    client: httpx.AsyncClient, world: World
) -> None:
    applicant = await world.make_person(world.a, "applicant")
    session = await make_session(world, world.a, audience="applicants")
    await client.post(f"{API}/training/sessions/{session.id}/bookings", headers=applicant.headers)
    record = await client.get(f"{API}/carers/me/training", headers=applicant.headers)
    assert record.status_code == 200, record.text
    body = record.json()
    assert body["household_id"] is None and body["tsd"] is None
    assert [b["event"]["id"] for b in body["upcoming"]] == [session.id]
    assert body["upcoming"][0]["status"] == "confirmed"
    staff = await world.make_person(world.a, "manager")
    assert_problem(await client.get(f"{API}/carers/me/training", headers=staff.headers), 403)


async def test_carers_falling_behind_the_tsd_standards(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "manager")
    stf = await make_course(world, world.a, name="TSD workbook", is_tsd=True)
    await make_course(world, world.a, name="TSD portfolio", is_tsd=True)
    overdue = await factories.make_household(
        world, world.a, name="Overdue", approved_on=months_ago(13)
    )
    soon = await factories.make_household(
        world, world.a, name="Due soon", approved_on=months_ago(11)
    )
    await factories.make_household(world, world.a, name="New", approved_on=months_ago(2))
    kinship = await factories.make_household(
        world, world.a, name="Kinship", approved_on=months_ago(13)
    )
    kinship.fostering_types = ["family_and_friends"]
    done = await factories.make_household(world, world.a, name="Done", approved_on=months_ago(14))
    await factories.make_household(world, world.b, name="Theirs", approved_on=months_ago(20))
    await world.db.commit()
    for course in await world.db.scalars(select(TrainingCourse).where(TrainingCourse.is_tsd)):
        world.db.add(
            TrainingCompletion(
                council_id=world.a.id,
                course_id=course.id,
                household_id=done.id,
                completed_on=months_ago(3),
                source="staff",
            )
        )
    world.db.add(
        TrainingCompletion(
            council_id=world.a.id,
            course_id=stf.id,
            household_id=overdue.id,
            completed_on=months_ago(6),
            source="staff",
        )
    )
    await world.db.commit()
    behind = await client.get(f"{API}/training/tsd-behind", headers=officer.headers)
    assert behind.status_code == 200
    rows = behind.json()
    assert [r["name"] for r in rows] == ["Overdue", "Due soon"]
    assert rows[0]["is_overdue"] is True and rows[0]["completed"] == 1 and rows[0]["required"] == 2
    assert rows[1]["is_overdue"] is False and rows[1]["days_left"] > 0
    assert soon.id == rows[1]["household_id"]
    # Family and friends carers have 18 months: looking a year ahead catches them.
    ahead = await client.get(
        f"{API}/training/tsd-behind", params={"within_days": 365}, headers=officer.headers
    )
    kin = [r for r in ahead.json() if r["household_id"] == kinship.id]
    assert kin and kin[0]["is_family_and_friends"] and not kin[0]["is_overdue"]
    assert "New" in [r["name"] for r in ahead.json()]
    assert_problem(
        await client.get(
            f"{API}/training/tsd-behind", params={"within_days": -1}, headers=officer.headers
        ),
        422,
        "within_days",
    )
    carer = await world.make_person(world.a, "carer")
    assert_problem(await client.get(f"{API}/training/tsd-behind", headers=carer.headers), 403)


async def test_a_retired_course_gets_no_new_sessions_but_keeps_its_old_ones(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    course = await make_course(world, world.a, name="Old first aid")
    session = await make_session(world, world.a, course=course)
    course_url = f"{API}/training/courses/{course.id}"
    etag = (await client.get(course_url, headers=officer.headers)).headers["etag"]
    retired = await client.patch(
        course_url,
        json={"is_active": False, "valid_for_months": None, "name": "First aid (old)"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert retired.status_code == 200, retired.text
    assert (
        retired.json()["valid_for_months"] is None and retired.json()["name"] == "First aid (old)"
    )
    starts = (utcnow() + timedelta(days=20)).replace(microsecond=0)
    body = {
        "title": "First aid",
        "kind": "training",
        "audience": "carers",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=3)).isoformat(),
        "venue": {"name": "Training room", "address": "Town hall", "postcode": "L1 1DA"},
        "course_id": course.id,
    }
    refused = await client.post(f"{API}/events", json=body, headers=officer.headers)
    assert_problem(refused, 422, "course_id")
    # The existing session still changes, naming its (retired) course as before.
    event_url = f"{API}/events/{session.id}"
    etag = (await client.get(event_url, headers=officer.headers)).headers["etag"]
    changed = await client.patch(
        event_url,
        json={"title": "First aid, last run", "course_id": course.id},
        headers={**officer.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    other = await world.make_person(world.b, "recruitment_officer")
    assert_problem(
        await client.patch(
            course_url, json={"is_active": True}, headers={**other.headers, "If-Match": "*"}
        ),
        404,
    )


async def test_another_councils_people_neither_see_nor_book_nor_use_our_training(
    client: httpx.AsyncClient, world: World
) -> None:
    course = await make_course(world, world.a, name="Safer caring", valid_for_months=12)
    ours = await make_session(world, world.a, course=course, title="Alpha's own session")
    joint = await make_session(
        world, world.a, course=course, cohosts=[world.b], title="Joint session"
    )
    carer_b = await world.make_person(world.b, "carer")
    staff_b = await world.make_person(world.b, "social_worker")
    household_b = await factories.make_household(world, world.b, user_id=carer_b.user.id)

    # Booking a session Alpha runs alone: there is no such session for Beta's carer.
    url = f"{API}/training/sessions/{ours.id}/bookings"
    problem = assert_problem(await client.post(url, headers=carer_b.headers), 404)
    assert problem["type"].endswith("training-session-not-found")
    assert_problem(await client.delete(f"{url}/me", headers=carer_b.headers), 404)
    assert (
        await world.db.scalar(
            select(func.count(Registration.id)).where(Registration.event_id == ours.id)
        )
        == 0
    )
    await world.db.commit()
    # The joint one is theirs to book: the 404 was the council's, not the session's.
    joint_booking = await client.post(
        f"{API}/training/sessions/{joint.id}/bookings", headers=carer_b.headers
    )
    assert joint_booking.status_code == 201, joint_booking.text

    # Lists show Beta only what it hosts or co-hosts, filtered by Alpha's course or not.
    for person in (carer_b, staff_b):
        listed = await client.get(f"{API}/training/sessions", headers=person.headers)
        assert listed.status_code == 200, listed.text
        assert [s["title"] for s in listed.json()["items"]] == ["Joint session"]
        by_course = await client.get(
            f"{API}/training/sessions", params={"course_id": course.id}, headers=person.headers
        )
        assert [s["title"] for s in by_course.json()["items"]] == ["Joint session"]
    staff_a = await world.make_person(world.a, "social_worker")
    mine = await client.get(f"{API}/training/sessions", headers=staff_a.headers)
    assert sorted(s["title"] for s in mine.json()["items"]) == [
        "Alpha's own session",
        "Joint session",
    ]

    # Alpha's course is not Beta's to read or to record completions of.
    for person in (staff_b, carer_b):
        problem = assert_problem(
            await client.get(f"{API}/training/courses/{course.id}", headers=person.headers), 404
        )
        assert problem["type"].endswith("course-not-found")
    yesterday = (utcnow() - timedelta(days=1)).date().isoformat()
    refused = await client.post(
        f"{API}/training/completions",
        json={"course_id": course.id, "household_id": household_b.id, "completed_on": yesterday},
        headers=staff_b.headers,
    )
    assert_problem(refused, 422, "course_id")
    assert await world.db.scalar(select(func.count(TrainingCompletion.id))) == 0
    await world.db.commit()
    # Their own course works, so it was the course that was refused.
    theirs = await make_course(world, world.b, name="Beta's first aid")
    recorded = await client.post(
        f"{API}/training/completions",
        json={"course_id": theirs.id, "household_id": household_b.id, "completed_on": yesterday},
        headers=staff_b.headers,
    )
    assert recorded.status_code == 201, recorded.text
