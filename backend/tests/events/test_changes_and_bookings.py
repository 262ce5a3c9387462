"""What staff fix on the day and afterwards: undoing a check-in or a no-show, editing a
published event (cost, capacity, time and place, emailed to everyone registered), and
carers booking carers-only events that are not training sessions."""

import asyncio
from datetime import timedelta
from typing import Any

import httpx
from sqlalchemy import func, select

from fosterhub.campaigns.models import Campaign
from fosterhub.config import Settings
from fosterhub.core import outbox
from fosterhub.core.db import utcnow
from fosterhub.events.models import Event, Registration
from fosterhub.training.models import TrainingCompletion
from tests.conftest import Inbox, World, assert_problem
from tests.events.factories import make_event, make_registration, make_session, next_date
from tests.events.test_mail_and_calendars import subject, text
from tests.events.test_router import create, emails, fetch, register

API = "/api/v1"


# Undoing a check-in and a no-show


async def test_staff_undo_a_check_in_and_a_no_show(client: httpx.AsyncClient, world: World) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await make_event(
        world, world.a, status="published", starts_at=utcnow() - timedelta(minutes=5)
    )
    came, _ = await make_registration(world, event, name="Came")
    absent, _ = await make_registration(world, event, name="Absent")
    waiting, _ = await make_registration(world, event, status="waitlisted")
    base = f"{API}/events/{event.id}"
    await client.post(
        f"{base}/check-ins", json={"registration_id": came.id}, headers=officer.headers
    )
    await client.post(
        f"{base}/no-shows", json={"registration_ids": [absent.id]}, headers=officer.headers
    )

    undone = await client.delete(f"{base}/check-ins/{came.id}", headers=officer.headers)
    assert undone.status_code == 200, undone.text
    assert undone.json()["status"] == "confirmed" and undone.json()["checked_in_at"] is None
    stored = await fetch(world, Registration, came.id)
    assert stored.status == "confirmed" and stored.checked_in_at is None
    # Twice is a 409: it is no longer checked in. A no-show is not a check-in either.
    assert_problem(await client.delete(f"{base}/check-ins/{came.id}", headers=officer.headers), 409)
    assert_problem(
        await client.delete(f"{base}/check-ins/{absent.id}", headers=officer.headers), 409
    )
    assert_problem(
        await client.delete(f"{base}/no-shows/{waiting.id}", headers=officer.headers), 409
    )
    back = await client.delete(f"{base}/no-shows/{absent.id}", headers=officer.headers)
    assert back.status_code == 200 and back.json()["status"] == "confirmed"
    assert (await fetch(world, Registration, absent.id)).status == "confirmed"
    assert_problem(
        await client.delete(f"{base}/no-shows/{absent.id}", headers=officer.headers), 409
    )
    # Unknown ids, and a registration of another event, are 404.
    assert_problem(
        await client.delete(f"{base}/check-ins/{'0' * 36}", headers=officer.headers), 404
    )
    other = await make_event(world, world.a, status="published")
    assert_problem(
        await client.delete(
            f"{API}/events/{other.id}/check-ins/{came.id}", headers=officer.headers
        ),
        404,
    )
    # Only staff people: a carer is refused.
    carer = await world.make_person(world.a, "carer")
    assert_problem(await client.delete(f"{base}/no-shows/{came.id}", headers=carer.headers), 403)


async def test_undoing_a_check_in_at_a_training_session_takes_back_the_completion(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    carer = await world.make_person(world.a, "carer")
    session = await make_session(world, world.a, starts_at=utcnow() - timedelta(minutes=5))
    booking, _ = await make_registration(world, session, user_id=carer.user.id)
    base = f"{API}/events/{session.id}"
    checked = await client.post(
        f"{base}/check-ins", json={"registration_id": booking.id}, headers=officer.headers
    )
    assert checked.status_code == 201

    async def completions() -> int:
        count = await world.db.scalar(
            select(func.count(TrainingCompletion.id)).where(
                TrainingCompletion.registration_id == booking.id
            )
        )
        await world.db.commit()
        return int(count or 0)

    assert await completions() == 1
    undone = await client.delete(f"{base}/check-ins/{booking.id}", headers=officer.headers)
    assert undone.status_code == 200
    assert await completions() == 0
    # Checked in again, the completion comes back once.
    await client.post(
        f"{base}/check-ins", json={"registration_id": booking.id}, headers=officer.headers
    )
    assert await completions() == 1


async def test_another_council_gets_404_undoing_and_booking(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin", "recruitment_officer")
    carer_b = await world.make_person(world.b, "carer")
    event = await make_event(
        world, world.a, status="published", starts_at=utcnow() - timedelta(minutes=5)
    )
    attended, _ = await make_registration(world, event, status="attended")
    no_show, _ = await make_registration(world, event, status="no_show")
    base = f"{API}/events/{event.id}"
    for url in (f"{base}/check-ins/{attended.id}", f"{base}/no-shows/{no_show.id}"):
        assert_problem(await client.delete(url, headers=intruder.headers), 404)
    assert (await fetch(world, Registration, attended.id)).status == "attended"
    assert (await fetch(world, Registration, no_show.id)).status == "no_show"
    carers_only = await make_event(
        world, world.a, status="published", audience="carers", kind="celebration"
    )
    assert_problem(
        await client.post(f"{API}/events/{carers_only.id}/bookings", headers=carer_b.headers), 404
    )
    assert_problem(
        await client.delete(f"{API}/events/{carers_only.id}/bookings/me", headers=carer_b.headers),
        404,
    )
    listed = await client.get(f"{API}/carers/me/events", headers=carer_b.headers)
    assert listed.status_code == 200 and listed.json()["items"] == []


# Editing an event


async def _etag(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> str:
    response = await client.get(url, headers=headers)
    assert response.status_code == 200
    return str(response.headers["etag"])


async def test_cost_is_editable_and_feeds_cost_per_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, cost_pence=5000)
    url = f"{API}/events/{event['id']}"
    assert event["staff"]["cost_pence"] == 5000
    etag = await _etag(client, url, officer.headers)
    changed = await client.patch(
        url, json={"cost_pence": 12000}, headers={**officer.headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["staff"]["cost_pence"] == 12000
    campaign = await world.db.scalar(
        select(Campaign).where(Campaign.code == event["campaign_code"])
    )
    assert campaign is not None and campaign.cost_pence == 12000
    await world.db.commit()
    results = await client.get(f"{url}/results", headers=officer.headers)
    assert results.json()["cost_pence"] == 12000
    fresh = {**officer.headers, "If-Match": changed.headers["etag"]}
    for bad in (-1, "lots", 100_000_001):
        assert_problem(await client.patch(url, json={"cost_pence": bad}, headers=fresh), 422)
    cleared = await client.patch(url, json={"cost_pence": None}, headers=fresh)
    assert cleared.status_code == 200 and cleared.json()["staff"]["cost_pence"] is None
    # The public never sees the cost.
    assert (await client.get(url)).json()["staff"] is None


async def test_a_new_time_or_place_is_emailed_to_everyone_registered_or_waiting(
    client: httpx.AsyncClient,
    world: World,
    sessionmaker: Any,
    mail_settings: Settings,
    smtp: Inbox,
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, capacity=1, title="Open evening")
    url = f"{API}/events/{event['id']}"
    await register(client, event["id"], "held@example.org")
    await register(client, event["id"], "waits@example.org")
    gone = await register(client, event["id"], "gone@example.org", name="Gone Away")
    assert gone.status_code == 201
    await world.db.execute(
        Registration.__table__.update()
        .where(Registration.email == "gone@example.org")
        .values(status="cancelled")
    )
    await world.db.commit()
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 3
    before = len(smtp.messages)

    # A title change alone tells no one.
    etag = await _etag(client, url, officer.headers)
    retitled = await client.patch(
        url, json={"title": "Open evening!"}, headers={**officer.headers, "If-Match": etag}
    )
    assert retitled.status_code == 200
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 0

    new_start = utcnow().replace(microsecond=0) + timedelta(days=40)
    moved = await client.patch(
        url,
        json={
            "starts_at": new_start.isoformat(),
            "ends_at": (new_start + timedelta(hours=2)).isoformat(),
            "venue": {"name": "Town Hall", "address": "2 High St", "postcode": "L2 2AA"},
        },
        headers={**officer.headers, "If-Match": retitled.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert await outbox.deliver_due(sessionmaker, mail_settings) == 2
    await asyncio.sleep(0.05)
    by_to = {m["To"]: m for m in smtp.messages[before:]}
    assert set(by_to) == {"held@example.org", "waits@example.org"}
    held = by_to["held@example.org"]
    assert subject(held) == "Changed: Open evening!"
    assert "Town Hall" in text(held) and "You still have your place." in text(held)
    assert "still on the waiting list" in text(by_to["waits@example.org"])


async def test_a_draft_changes_quietly_and_lowering_capacity_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, capacity=3)
    url = f"{API}/events/{event['id']}"
    for n in range(3):
        await register(client, event["id"], f"p{n}@example.org")
    sent = len(await emails(world))
    etag = await _etag(client, url, officer.headers)
    refused = await client.patch(
        url, json={"capacity": 2}, headers={**officer.headers, "If-Match": etag}
    )
    problem = assert_problem(refused, 409, "capacity")
    assert problem["type"].endswith("capacity-below-places")
    stored = await fetch(world, Event, event["id"])
    assert stored.capacity == 3
    draft = await create(client, officer, status="draft")
    draft_url = f"{API}/events/{draft['id']}"
    etag = await _etag(client, draft_url, officer.headers)
    moved = await client.patch(
        draft_url,
        json={"online_url": "https://meet.example.org/x"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert moved.status_code == 200
    assert len(await emails(world)) == sent


async def test_every_event_time_has_a_numeric_london_offset(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    january = next_date(1, 5).isoformat()
    winter = await create(
        client, officer, starts_at=f"{january}T18:00:00Z", ends_at=f"{january}T20:00:00Z"
    )
    assert winter["starts_at"] == f"{january}T18:00:00+00:00"
    assert winter["ends_at"] == f"{january}T20:00:00+00:00"
    for field in ("created_at", "updated_at", "published_at"):
        assert winter["staff"][field][-6:] in ("+00:00", "+01:00"), winter["staff"][field]
    await register(client, winter["id"], "t@example.org")
    listed = await client.get(f"{API}/events/{winter['id']}/registrations", headers=officer.headers)
    [row] = listed.json()["items"]
    assert row["created_at"][-6:] in ("+00:00", "+01:00")
    assert row["confirmed_at"][-6:] in ("+00:00", "+01:00")
    public = await client.get(f"{API}/events", params={"council": "alpha"})
    assert all(not e["starts_at"].endswith("Z") for e in public.json()["items"])


# Carers booking events for carers


async def test_carers_book_a_carers_celebration_with_the_seat_logic(
    client: httpx.AsyncClient, world: World
) -> None:
    first = await world.make_person(world.a, "carer")
    second = await world.make_person(world.a, "carer")
    applicant = await world.make_person(world.a, "applicant")
    party = await make_event(
        world,
        world.a,
        status="published",
        audience="carers",
        kind="celebration",
        title="Summer party",
        capacity=1,
    )
    await make_event(world, world.a, status="draft", audience="carers", kind="celebration")
    await make_session(world, world.a)  # training: in the training calendar instead
    listed = await client.get(f"{API}/carers/me/events", headers=first.headers)
    assert listed.status_code == 200
    assert [(e["title"], e["my_booking"]) for e in listed.json()["items"]] == [
        ("Summer party", None)
    ]
    url = f"{API}/events/{party.id}/bookings"
    booked = await client.post(url, headers=first.headers)
    assert booked.status_code == 201, booked.text
    assert booked.json()["status"] == "confirmed"
    assert_problem(await client.post(url, headers=first.headers), 409)
    waiting = await client.post(url, headers=second.headers)
    assert waiting.json()["status"] == "waitlisted" and waiting.json()["waitlist_position"] == 1
    # Not for applicants; not for staff; not a draft.
    assert_problem(await client.post(url, headers=applicant.headers), 404)
    officer = await world.make_person(world.a, "recruitment_officer")
    assert_problem(await client.post(url, headers=officer.headers), 403)
    mine = await client.get(f"{API}/carers/me/events", headers=first.headers)
    assert mine.json()["items"][0]["my_booking"] == "confirmed"
    assert mine.json()["items"][0]["starts_at"][-6:] in ("+00:00", "+01:00")

    cancelled = await client.delete(f"{url}/me", headers=first.headers)
    assert cancelled.status_code == 204
    stored = await world.db.scalar(
        select(Registration).where(
            Registration.event_id == party.id, Registration.user_id == second.user.id
        )
    )
    assert stored is not None and stored.status == "confirmed"
    await world.db.commit()
    promoted = await emails(world, second.user.email)
    assert promoted[-1]["subject"].startswith("A place has come up")
    assert_problem(await client.delete(f"{url}/me", headers=first.headers), 404)
    assert_problem(
        await client.post(f"{API}/events/{'0' * 36}/bookings", headers=first.headers), 404
    )
    assert_problem(await client.post(url), 401)


async def test_staff_cancelling_a_registration_emails_the_person_and_the_promoted(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await make_event(world, world.a, status="published", capacity=1)
    holder, _ = await make_registration(world, event, email="holder@example.org")
    await make_registration(world, event, status="waitlisted", email="next@example.org")
    url = f"{API}/events/{event.id}/registrations/{holder.id}/cancel"
    done = await client.post(url, headers=officer.headers)
    assert done.status_code == 200
    [told] = await emails(world, "holder@example.org")
    assert told["subject"] == "Registration cancelled: Information evening"
    [promoted] = await emails(world, "next@example.org")
    assert promoted["subject"].startswith("A place has come up")
    # Twice changes nothing and tells no one again.
    assert (await client.post(url, headers=officer.headers)).status_code == 200
    assert len(await emails(world, "holder@example.org")) == 1
    intruder = await world.make_person(world.b, "recruitment_officer")
    assert_problem(await client.post(url, headers=intruder.headers), 404)


async def test_a_new_day_makes_the_reminder_due_again(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await make_event(
        world, world.a, status="published", starts_at=utcnow() + timedelta(hours=30)
    )
    reminded, _ = await make_registration(world, event, reminded_at=utcnow())
    url = f"{API}/events/{event.id}"
    etag = await _etag(client, url, officer.headers)
    retitled = await client.patch(
        url, json={"title": "Renamed"}, headers={**officer.headers, "If-Match": etag}
    )
    assert (await fetch(world, Registration, reminded.id)).reminded_at is not None
    later = (utcnow() + timedelta(days=9)).replace(microsecond=0)
    moved = await client.patch(
        url,
        json={
            "starts_at": later.isoformat(),
            "ends_at": (later + timedelta(hours=2)).isoformat(),
        },
        headers={**officer.headers, "If-Match": retitled.headers["etag"]},
    )
    assert moved.status_code == 200, moved.text
    assert (await fetch(world, Registration, reminded.id)).reminded_at is None
    [changed] = [
        m for m in await emails(world, reminded.email) if m["subject"].startswith("Changed")
    ]
    assert "Renamed" in changed["subject"]


async def test_carers_of_a_cohosting_council_book_a_joint_carers_event(
    client: httpx.AsyncClient, world: World
) -> None:
    joint = await make_event(
        world,
        world.a,
        status="published",
        audience="carers",
        kind="celebration",
        title="Joint celebration",
        cohosts=[world.b],
    )
    carer_b = await world.make_person(world.b, "carer")
    listed = await client.get(f"{API}/carers/me/events", headers=carer_b.headers)
    assert [e["title"] for e in listed.json()["items"]] == ["Joint celebration"]
    booked = await client.post(f"{API}/events/{joint.id}/bookings", headers=carer_b.headers)
    assert booked.status_code == 201, booked.text
    stored = await fetch(world, Registration, booked.json()["id"])
    assert stored.council_id == world.b.id and stored.user_id == carer_b.user.id
    host = await world.make_person(world.a, "recruitment_officer")
    seen = await client.get(f"{API}/events/{joint.id}/registrations", headers=host.headers)
    assert [r["id"] for r in seen.json()["items"]] == [booked.json()["id"]]


# Staff booking staff events


async def test_staff_book_their_councils_staff_events_with_the_seat_logic(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    manager = await world.make_person(world.a, "manager")
    theirs = await world.make_person(world.b, "social_worker")
    carer = await world.make_person(world.a, "carer")
    briefing = await make_event(
        world, world.a, status="published", audience="staff", title="Team briefing", capacity=1
    )
    url = f"{API}/events/{briefing.id}/bookings"
    booked = await client.post(url, headers=officer.headers)
    assert booked.status_code == 201, booked.text
    assert booked.json()["status"] == "confirmed" and booked.json()["waitlist_position"] is None
    problem = assert_problem(await client.post(url, headers=officer.headers), 409)
    assert problem["type"].endswith("already-registered")
    waiting = await client.post(url, headers=manager.headers)
    assert waiting.status_code == 201, waiting.text
    assert waiting.json()["status"] == "waitlisted" and waiting.json()["waitlist_position"] == 1
    [confirmation] = await emails(world, officer.user.email)
    assert confirmation["subject"] == "Your place: Team briefing"
    assert "registrations/cancel?token=" in confirmation["body"]

    # Another council's staff, carers and the public: there is no such event for them.
    assert_problem(await client.post(url, headers=theirs.headers), 404)
    assert_problem(await client.delete(f"{url}/me", headers=theirs.headers), 404)
    assert_problem(await client.post(url, headers=carer.headers), 404)
    assert_problem(await register(client, briefing.id, "someone@example.org"), 404)
    assert_problem(await client.get(f"{API}/events/{briefing.id}"), 404)
    assert_problem(await client.post(url), 401)

    # The host's staff see who is coming, as for any event.
    listed = await client.get(f"{API}/events/{briefing.id}/registrations", headers=officer.headers)
    assert [(r["email"], r["status"], r["user_id"]) for r in listed.json()["items"]] == [
        (officer.user.email, "confirmed", officer.user.id),
        (manager.user.email, "waitlisted", manager.user.id),
    ]

    # Cancelling gives the place to the first on the waiting list, who is emailed.
    assert (await client.delete(f"{url}/me", headers=officer.headers)).status_code == 204
    stored = await world.db.scalar(
        select(Registration).where(
            Registration.event_id == briefing.id, Registration.user_id == manager.user.id
        )
    )
    assert stored is not None and stored.status == "confirmed"
    await world.db.commit()
    promoted = await emails(world, manager.user.email)
    assert promoted[-1]["subject"] == "A place has come up: Team briefing"
    assert_problem(await client.delete(f"{url}/me", headers=officer.headers), 404)
    again = await client.post(url, headers=officer.headers)
    assert again.status_code == 201 and again.json()["status"] == "waitlisted"


async def test_staff_book_only_staff_events_and_only_open_ones(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    public = await make_event(world, world.a, status="published", title="Open evening")
    carers = await make_event(world, world.a, status="published", audience="carers")
    draft = await make_event(world, world.a, status="draft", audience="staff")
    cancelled = await make_event(world, world.a, status="cancelled", audience="staff")
    # Staff see these events, so they are told why rather than that they do not exist.
    for event in (public, carers):
        problem = assert_problem(
            await client.post(f"{API}/events/{event.id}/bookings", headers=officer.headers), 403
        )
        assert problem["type"].endswith("not-your-audience")
    assert "the public" in problem_detail(
        await client.post(f"{API}/events/{public.id}/bookings", headers=officer.headers)
    )
    for event in (draft, cancelled):
        problem = assert_problem(
            await client.post(f"{API}/events/{event.id}/bookings", headers=officer.headers), 409
        )
        assert problem["type"].endswith("event-closed")
    assert await world.db.scalar(select(func.count(Registration.id))) == 0
    await world.db.commit()


async def test_staff_of_a_cohosting_council_book_a_joint_staff_event(
    client: httpx.AsyncClient, world: World
) -> None:
    joint = await make_event(
        world,
        world.a,
        status="published",
        audience="staff",
        title="Joint staff training day",
        cohosts=[world.b],
    )
    staff_b = await world.make_person(world.b, "social_worker")
    booked = await client.post(f"{API}/events/{joint.id}/bookings", headers=staff_b.headers)
    assert booked.status_code == 201, booked.text
    stored = await fetch(world, Registration, booked.json()["id"])
    assert stored.council_id == world.b.id and stored.user_id == staff_b.user.id
    host = await world.make_person(world.a, "recruitment_officer")
    seen = await client.get(f"{API}/events/{joint.id}/registrations", headers=host.headers)
    assert [r["id"] for r in seen.json()["items"]] == [booked.json()["id"]]


def problem_detail(response: httpx.Response) -> str:
    return str(response.json()["detail"])


# The event's campaign follows it


async def _campaign(world: World, code: str) -> Campaign:
    campaign = await world.db.scalar(
        select(Campaign).where(Campaign.code == code).execution_options(populate_existing=True)
    )
    await world.db.commit()
    assert campaign is not None
    return campaign


async def test_a_moved_or_renamed_event_keeps_its_campaign_in_step(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    july = next_date(7, 1)
    event = await create(
        client,
        officer,
        title="Information evening",
        starts_at=f"{july}T17:00:00Z",
        ends_at=f"{july}T19:00:00Z",
        cost_pence=5000,
    )
    url = f"{API}/events/{event['id']}"
    campaign = await _campaign(world, event["campaign_code"])
    assert (campaign.name, campaign.starts_on, campaign.ends_on) == (
        "Information evening",
        july,
        july,
    )
    campaign_url = f"{API}/campaigns/{campaign.id}"
    campaign_etag = (await client.get(campaign_url, headers=officer.headers)).headers["etag"]
    # 23:30 UTC in July is 00:30 the next day in London: the campaign's dates are London's.
    etag = await _etag(client, url, officer.headers)
    moved = await client.patch(
        url,
        json={
            "title": "Late-night information evening",
            "starts_at": f"{july}T23:30:00Z",
            "ends_at": f"{july + timedelta(days=2)}T01:00:00Z",
        },
        headers={**officer.headers, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text
    campaign = await _campaign(world, event["campaign_code"])
    assert (campaign.name, campaign.starts_on, campaign.ends_on) == (
        "Late-night information evening",
        july + timedelta(days=1),
        july + timedelta(days=2),
    )
    assert campaign.cost_pence == 5000 and campaign.kind == "event"
    # The campaign is a new version, so its ETag says it changed.
    shown = await client.get(campaign_url, headers=officer.headers)
    assert shown.status_code == 200, shown.text
    assert shown.headers["etag"] != campaign_etag
    assert (shown.json()["name"], shown.json()["starts_on"]) == (
        "Late-night information evening",
        (july + timedelta(days=1)).isoformat(),
    )
    # A change of title alone renames it; a change of cost alone leaves the rest.
    renamed = await client.patch(
        url,
        json={"title": "Open evening"},
        headers={**officer.headers, "If-Match": moved.headers["etag"]},
    )
    assert renamed.status_code == 200, renamed.text
    priced = await client.patch(
        url,
        json={"cost_pence": 9000},
        headers={**officer.headers, "If-Match": renamed.headers["etag"]},
    )
    assert priced.status_code == 200, priced.text
    campaign = await _campaign(world, event["campaign_code"])
    assert (campaign.name, campaign.starts_on, campaign.cost_pence) == (
        "Open evening",
        july + timedelta(days=1),
        9000,
    )
    # A draft's campaign moves with it too.
    draft = await create(client, officer, status="draft", title="Draft")
    draft_url = f"{API}/events/{draft['id']}"
    later = next_date(1, 12)
    changed = await client.patch(
        draft_url,
        json={"starts_at": f"{later}T18:00:00Z", "ends_at": f"{later}T20:00:00Z"},
        headers={**officer.headers, "If-Match": await _etag(client, draft_url, officer.headers)},
    )
    assert changed.status_code == 200, changed.text
    campaign = await _campaign(world, draft["campaign_code"])
    assert (campaign.name, campaign.starts_on, campaign.ends_on) == ("Draft", later, later)
    # Another council's staff change nothing.
    other = await world.make_person(world.b, "recruitment_officer")
    assert_problem(
        await client.patch(url, json={"title": "Mine"}, headers={**other.headers, "If-Match": "*"}),
        404,
    )
    assert (await _campaign(world, event["campaign_code"])).name == "Open evening"
