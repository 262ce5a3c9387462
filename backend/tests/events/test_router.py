"""Events over HTTP: staff create and run them, the public finds them and registers, the
waiting list moves, and another council sees nothing."""

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import func, select

from fosterhub.auth import service as auth_service
from fosterhub.campaigns.models import Campaign
from fosterhub.core.db import utcnow
from fosterhub.core.models import OutboxMessage
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Postcode
from fosterhub.enquiries.models import Enquiry
from fosterhub.events.models import Event, EventCohost, Registration
from tests import factories
from tests.conftest import Person, World, assert_problem
from tests.events.factories import make_event, make_registration, next_date

API = "/api/v1"


def when(days: float, hour: int = 18) -> datetime:
    base = (utcnow() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return base


def event_body(**overrides: Any) -> dict[str, Any]:
    """The smallest staff event of API.md, moved into the future."""
    starts = when(30)
    body: dict[str, Any] = {
        "title": "Information evening",
        "kind": "information_evening",
        "audience": "public",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
        "capacity": 30,
        "venue": {"name": "Community room", "address": "1 Church St", "postcode": "L1 1DA"},
        "status": "published",
    }
    body.update(overrides)
    return body


async def create(client: httpx.AsyncClient, person: Person, **overrides: Any) -> dict[str, Any]:
    response = await client.post(
        f"{API}/events", json=event_body(**overrides), headers=person.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def register(
    client: httpx.AsyncClient, event_id: str, email: str, name: str = "Ann Lee"
) -> httpx.Response:
    return await client.post(
        f"{API}/events/{event_id}/registrations", json={"name": name, "email": email}
    )


async def emails(world: World, to: str | None = None) -> list[dict[str, Any]]:
    stmt = select(OutboxMessage).where(OutboxMessage.kind == "email")
    rows = (await world.db.scalars(stmt.order_by(OutboxMessage.created_at))).all()
    await world.db.commit()  # end the read: SQLite writers wait for open transactions
    return [m.payload for m in rows if to is None or m.payload["to"] == to]


async def fetch(world: World, model: Any, record_id: str) -> Any:
    found = await world.db.get(model, record_id, populate_existing=True)
    await world.db.commit()
    return found


# Creating


async def test_staff_create_the_smallest_event_of_the_api_and_it_gets_a_campaign_code(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    response = await client.post(f"{API}/events", json=event_body(), headers=officer.headers)
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["location"] == f"/api/v1/events/{body['id']}"
    assert response.headers["etag"]
    assert body["campaign_code"] and body["status"] == "published"
    assert body["seats_left"] == 30 and body["is_full"] is False
    assert body["council"] == {"slug": "alpha", "name": "Alpha Council"}
    assert body["staff"]["is_host"] is True
    assert body["enquiry_url"].endswith(f"campaign={body['campaign_code']}")
    campaign = await world.db.scalar(select(Campaign).where(Campaign.code == body["campaign_code"]))
    assert campaign is not None and campaign.kind == "event" and campaign.channel == "event"
    await world.db.commit()


# The staff event of API.md, character for character.
API_MD_EVENT = (
    '{"title": "Information evening", "kind": "information_evening", "audience": "public",\n'
    ' "starts_at": "2027-01-20T18:00:00+00:00", "ends_at": "2027-01-20T20:00:00+00:00",\n'
    ' "capacity": 30, "venue": {"name": "Community room", "address": "1 Church St", '
    '"postcode": "L1 1DA"},\n'
    ' "status": "published"}'
)


async def test_the_exact_body_of_api_md_is_accepted(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    # API.md's event is on 20 January 2027. Once that is past, the same text on the next 20
    # January still to come: only the year differs, and it is still a winter evening.
    on = next_date(1, 20).isoformat()
    text = API_MD_EVENT.replace("2027-01-20", on)
    assert text == API_MD_EVENT or on > "2027-01-20"
    response = await client.post(
        f"{API}/events",
        content=text.encode(),
        headers={**officer.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["starts_at"] == f"{on}T18:00:00+00:00"
    assert body["ends_at"] == f"{on}T20:00:00+00:00"
    assert body["title"] == "Information evening" and body["kind"] == "information_evening"
    assert body["audience"] == "public" and body["status"] == "published"
    assert body["capacity"] == 30 and body["seats_left"] == 30
    assert body["venue"] == {
        "name": "Community room",
        "address": "1 Church St",
        "postcode": "L1 1DA",
    }


async def test_times_are_stored_in_utc_and_answered_with_the_london_offset_of_the_day(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    # 18:00 in London on a summer day is 17:00 UTC; the answer says +01:00.
    july, january = next_date(7, 1).isoformat(), next_date(1, 5).isoformat()
    summer = await create(
        client, officer, starts_at=f"{july}T17:00:00Z", ends_at=f"{july}T19:00:00Z"
    )
    assert summer["starts_at"] == f"{july}T18:00:00+01:00"
    assert summer["time_zone"] == "Europe/London"
    winter = await create(
        client,
        officer,
        starts_at=f"{january}T18:00:00+00:00",
        ends_at=f"{january}T20:00:00+00:00",
    )
    assert winter["starts_at"] == f"{january}T18:00:00+00:00"
    stored = await fetch(world, Event, summer["id"])
    assert stored is not None
    assert stored.starts_at == datetime.fromisoformat(f"{july}T17:00:00+00:00")
    assert stored.starts_at.tzinfo is not None and stored.starts_at.utcoffset() == timedelta(0)


async def test_bad_events_are_refused_naming_the_field_and_nothing_is_written(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    starts = when(20)
    cases: list[tuple[dict[str, Any], str]] = [
        (
            {"ends_at": (starts - timedelta(hours=1)).isoformat(), "starts_at": starts.isoformat()},
            "ends_at",
        ),
        ({"starts_at": when(-2).isoformat(), "ends_at": when(-1).isoformat()}, "starts_at"),
        ({"starts_at": "2027-01-20T18:00:00", "ends_at": "2027-01-20T20:00:00+00:00"}, "starts_at"),
        ({"kind": "webinar"}, "online_url"),
        ({"venue": None}, "venue"),
        ({"kind": "training"}, "course_id"),
        ({"online_url": "http://insecure.example.org/join"}, "online_url"),
        ({"capacity": 0}, "capacity"),
        ({"kind": "party"}, "kind"),
        ({"audience": "everyone"}, "audience"),
        ({"cohosts": ["nowhere"]}, "cohosts"),
        ({"cohosts": ["alpha"]}, "cohosts"),
        ({"cohosts": ["Not A Slug!"]}, "cohosts"),
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"colour": "red"}, "colour"),
        ({"capacity": "thirty"}, "capacity"),
        ({"title": "Evening \x00"}, "title"),
        (
            {"venue": {"name": "Hall", "address": "1 St", "postcode": "NOT A CODE"}},
            "venue.postcode",
        ),
    ]
    for overrides, field in cases:
        response = await client.post(
            f"{API}/events", json=event_body(**overrides), headers=officer.headers
        )
        assert_problem(response, 422, field)
    assert await world.db.scalar(select(func.count(Event.id))) == 0
    assert await world.db.scalar(select(func.count(Campaign.id))) == 0


async def test_unicode_and_injection_strings_are_ordinary_titles(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    title = "Noson wybodaeth — Siân's ☕ '; DROP TABLE event; --"
    event = await create(client, officer, title=title)
    assert event["title"] == title
    public = await client.get(f"{API}/events/{event['id']}")
    assert public.json()["title"] == title


async def test_only_staff_people_create_events(client: httpx.AsyncClient, world: World) -> None:
    carer = await world.make_person(world.a, "carer")
    assert_problem(
        await client.post(f"{API}/events", json=event_body(), headers=carer.headers), 403
    )
    assert_problem(await client.post(f"{API}/events", json=event_body()), 401)


# The public list and page


async def test_the_public_list_shows_published_public_future_events_only(
    client: httpx.AsyncClient, world: World
) -> None:
    shown = await make_event(world, world.a, status="published", title="Shown")
    await make_event(world, world.a, status="draft", title="Draft")
    await make_event(world, world.a, status="published", audience="carers", title="Carers")
    await make_event(world, world.a, status="cancelled", title="Cancelled")
    await make_event(
        world,
        world.a,
        status="published",
        title="Over",
        starts_at=utcnow() - timedelta(days=2),
        ends_at=utcnow() - timedelta(days=1),
    )
    await make_event(world, world.b, status="published", title="Beta's")
    response = await client.get(f"{API}/events")
    assert response.status_code == 200
    titles = [e["title"] for e in response.json()["items"]]
    assert sorted(titles) == ["Beta's", "Shown"]
    only_a = await client.get(f"{API}/events", params={"council": "alpha"})
    assert [e["id"] for e in only_a.json()["items"]] == [shown.id]
    assert_problem(await client.get(f"{API}/events", params={"council": "nowhere"}), 422, "council")


async def test_the_public_list_filters_by_kind_and_dates_and_pages(
    client: httpx.AsyncClient, world: World
) -> None:
    day = utcnow().date() + timedelta(days=40)
    start = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    for n in range(5):
        await make_event(
            world,
            world.a,
            status="published",
            kind="drop_in" if n % 2 else "stall",
            starts_at=start + timedelta(days=n),
            title=f"E{n}",
        )
    stalls = await client.get(f"{API}/events", params={"kind": "stall"})
    assert [e["title"] for e in stalls.json()["items"]] == ["E0", "E2", "E4"]
    window = await client.get(
        f"{API}/events",
        params={
            "from": (day + timedelta(days=1)).isoformat(),
            "to": (day + timedelta(days=2)).isoformat(),
        },
    )
    assert [e["title"] for e in window.json()["items"]] == ["E1", "E2"]
    first = (await client.get(f"{API}/events", params={"limit": 2})).json()
    assert [e["title"] for e in first["items"]] == ["E0", "E1"] and first["next_cursor"]
    second = (
        await client.get(f"{API}/events", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    assert [e["title"] for e in second["items"]] == ["E2", "E3"]
    assert_problem(await client.get(f"{API}/events", params={"kind": "rave"}), 422, "kind")
    assert_problem(await client.get(f"{API}/events", params={"from": "tomorrow"}), 422, "from")
    assert_problem(await client.get(f"{API}/events", params={"cursor": "junk"}), 422, "cursor")


async def test_events_near_a_postcode_need_its_position(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get(f"{API}/events", params={"near": "L1 8JQ"})
    body = assert_problem(response, 422, "near")
    assert "postcode" in body["detail"]
    world.db.add_all(
        [
            Postcode(postcode="L1 8JQ", ons_la_code="E08000012", latitude=53.4, longitude=-2.98),
            Postcode(postcode="L1 1DA", ons_la_code="E08000012", latitude=53.405, longitude=-2.98),
            Postcode(postcode="M1 1AA", ons_la_code="E08000003", latitude=53.48, longitude=-2.24),
        ]
    )
    await world.db.commit()
    officer = await world.make_person(world.a, "recruitment_officer")
    near = await create(client, officer, title="Near")
    await create(
        client,
        officer,
        title="Far",
        venue={"name": "Hall", "address": "Manchester", "postcode": "M1 1AA"},
    )
    found = (await client.get(f"{API}/events", params={"near": "l18jq", "within_km": 5})).json()
    assert [e["id"] for e in found["items"]] == [near["id"]]
    assert 0.4 < found["items"][0]["distance_km"] < 0.7
    both = (await client.get(f"{API}/events", params={"near": "L1 8JQ", "within_km": 80})).json()
    assert len(both["items"]) == 2
    assert_problem(
        await client.get(f"{API}/events", params={"near": "L1 8JQ", "within_km": 0}),
        422,
        "within_km",
    )


POSTCODES_CSV = (
    "pcds,oslaua,lat,long,doterm\n"
    "L1 8JQ,E08000012,53.4,-2.98,\n"
    "L1 1DA,E08000012,53.405,-2.98,\n"
    "CH41 1AA,E08000015,53.39,-3.02,\n"
)


async def test_events_made_before_the_postcode_data_are_found_near_once_it_is_loaded(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    # No postcode data yet: these events are made without a position.
    before = await create(client, officer, title="Made before")
    hybrid = await create(client, officer, title="Hybrid", online_url="https://meet.example.org/h")
    await create(
        client,
        officer,
        title="Online only",
        kind="webinar",
        venue=None,
        online_url="https://meet.example.org/w",
    )
    theirs = await make_event(
        world, world.b, status="published", title="Beta's", venue_postcode="CH41 1AA"
    )
    stored = await fetch(world, Event, before["id"])
    assert stored.venue_latitude is None and stored.venue_longitude is None
    etag = (await client.get(f"{API}/events/{before['id']}", headers=officer.headers)).headers[
        "etag"
    ]

    result = await councils_service.import_postcodes(world.db, io.StringIO(POSTCODES_CSV))
    assert result.loaded == 3 and result.events_placed == 3
    found = await client.get(f"{API}/events", params={"near": "L1 8JQ", "within_km": 200})
    assert found.status_code == 200, found.text
    items = {e["title"]: e for e in found.json()["items"]}
    # Online-only events have no place to be near, however wide the search.
    assert set(items) == {"Made before", "Hybrid", "Beta's"}
    assert items["Hybrid"]["id"] == hybrid["id"] and items["Beta's"]["id"] == theirs.id
    assert 0.4 < items["Made before"]["distance_km"] < 0.7
    assert 1 < items["Beta's"]["distance_km"] < 5
    close = await client.get(f"{API}/events", params={"near": "L1 8JQ", "within_km": 1})
    assert sorted(e["title"] for e in close.json()["items"]) == ["Hybrid", "Made before"]
    # Where a venue is is not part of the answer: the event's version is unchanged.
    again = await client.get(f"{API}/events/{before['id']}", headers=officer.headers)
    assert again.headers["etag"] == etag

    # Loading the same file again moves nothing; a postcode the ONS moved moves its events.
    assert (
        await councils_service.import_postcodes(world.db, io.StringIO(POSTCODES_CSV))
    ).events_placed == 0
    moved = POSTCODES_CSV.replace("L1 1DA,E08000012,53.405", "L1 1DA,E08000012,53.5")
    assert (
        await councils_service.import_postcodes(world.db, io.StringIO(moved))
    ).events_placed == 2
    far = await client.get(f"{API}/events", params={"near": "L1 8JQ", "within_km": 5})
    assert [e["title"] for e in far.json()["items"]] == ["Beta's"]
    stored = await fetch(world, Event, before["id"])
    assert stored.venue_latitude == 53.5 and stored.venue_longitude == -2.98


async def test_one_event_with_seats_left_for_the_public_and_drafts_for_its_staff(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    other = await world.make_person(world.b, "recruitment_officer")
    event = await create(client, officer, capacity=3, online_url="https://meet.example.org/x")
    await register(client, event["id"], "one@example.org")
    public = await client.get(f"{API}/events/{event['id']}")
    assert public.status_code == 200 and public.headers["etag"]
    body = public.json()
    assert body["seats_left"] == 2 and body["staff"] is None
    assert body["is_online"] is True and "online_url" not in body  # sent to those registered
    draft = await create(client, officer, status="draft")
    assert_problem(await client.get(f"{API}/events/{draft['id']}"), 404)
    assert_problem(await client.get(f"{API}/events/{draft['id']}", headers=other.headers), 404)
    mine = await client.get(f"{API}/events/{draft['id']}", headers=officer.headers)
    assert mine.status_code == 200 and mine.json()["staff"]["is_host"] is True
    seen_by_b = await client.get(f"{API}/events/{event['id']}", headers=other.headers)
    assert seen_by_b.status_code == 200 and seen_by_b.json()["staff"] is None
    bad_token = {"Authorization": "Bearer not-a-token"}
    assert_problem(await client.get(f"{API}/events/{event['id']}", headers=bad_token), 401)
    assert_problem(await client.get(f"{API}/events/{'x' * 37}"), 422)


# Registering and the waiting list


async def test_places_then_the_waiting_list_and_a_duplicate_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, capacity=2)
    answers = [await register(client, event["id"], f"p{n}@example.org") for n in range(4)]
    assert [a.status_code for a in answers] == [201] * 4
    assert [a.json()["status"] for a in answers] == [
        "confirmed",
        "confirmed",
        "waitlisted",
        "waitlisted",
    ]
    assert [a.json()["waitlist_position"] for a in answers] == [None, None, 1, 2]
    again = await register(client, event["id"], "P0@Example.org")
    body = assert_problem(again, 409, "email")
    assert body["type"].endswith("already-registered") and "already registered" in body["detail"]
    page = (await client.get(f"{API}/events/{event['id']}")).json()
    assert page["seats_left"] == 0 and page["is_full"] is True
    assert await world.db.scalar(select(func.count(Registration.id))) == 4


async def test_registration_input_is_checked(client: httpx.AsyncClient, world: World) -> None:
    event = await make_event(world, world.a, status="published")
    url = f"{API}/events/{event.id}/registrations"
    for body, field in [
        ({"name": "Ann Lee"}, "email"),
        ({"email": "ann@example.org"}, "name"),
        ({"name": "Ann Lee", "email": "not-an-email"}, "email"),
        ({"name": "Ann Lee", "email": "ann@example.org", "phone": "12"}, "phone"),
        ({"name": "<script>", "email": "ann@example.org"}, "name"),
        ({"name": "Ann Lee", "email": "ann@example.org", "extra": 1}, "extra"),
        (
            {"name": "Ann Lee", "email": "ann@example.org", "access_needs": "x" * 1001},
            "access_needs",
        ),
    ]:
        assert_problem(await client.post(url, json=body), 422, field)
    assert_problem(
        await client.post(url, content=b"{not json", headers={"content-type": "application/json"}),
        400,
    )
    ok = await client.post(
        url,
        json={"name": "Siân O\u2019Brien", "email": "sian@example.org", "phone": "07700 900982"},
    )
    assert ok.status_code == 201
    stored = await fetch(world, Registration, ok.json()["id"])
    assert stored is not None and stored.phone == "+447700900982"


async def test_drafts_other_audiences_cancelled_and_finished_events_take_no_registrations(
    client: httpx.AsyncClient, world: World
) -> None:
    draft = await make_event(world, world.a)
    carers = await make_event(world, world.a, status="published", audience="carers")
    cancelled = await make_event(world, world.a, status="cancelled")
    assert_problem(await register(client, draft.id, "a@example.org"), 404)
    assert_problem(await register(client, carers.id, "a@example.org"), 404)
    assert_problem(await register(client, cancelled.id, "a@example.org"), 409)
    assert_problem(await register(client, "no-such-event", "a@example.org"), 404)


async def test_a_replayed_registration_with_its_idempotency_key_answers_the_same(
    client: httpx.AsyncClient, world: World
) -> None:
    event = await make_event(world, world.a, status="published")
    url = f"{API}/events/{event.id}/registrations"
    body = {"name": "Ann Lee", "email": "ann@example.org"}
    first = await client.post(url, json=body, headers={"Idempotency-Key": "k-1"})
    second = await client.post(url, json=body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers.get("idempotent-replayed") == "true"


async def test_the_cancellation_link_frees_the_place_for_the_first_on_the_waiting_list(
    client: httpx.AsyncClient, world: World
) -> None:
    event = await make_event(world, world.a, status="published", capacity=1)
    holder, token = await make_registration(world, event, email="holder@example.org")
    await register(client, event.id, "first@example.org", name="First Waiting")
    await register(client, event.id, "second@example.org")

    preview = await client.get(f"{API}/registrations/cancel", params={"token": token})
    assert preview.status_code == 200
    assert preview.json()["status"] == "confirmed" and preview.json()["event"]["id"] == event.id
    # Opening the link changes nothing.
    assert (await fetch(world, Registration, holder.id)).status == "confirmed"

    done = await client.post(f"{API}/registrations/cancel", json={"token": token})
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    fresh = select(Registration).execution_options(populate_existing=True)
    statuses = {r.email: r.status for r in (await world.db.scalars(fresh)).all()}
    await world.db.commit()
    assert statuses == {
        "holder@example.org": "cancelled",
        "first@example.org": "confirmed",
        "second@example.org": "waitlisted",
    }
    promoted = await emails(world, "first@example.org")
    assert [m["subject"] for m in promoted][-1].startswith("A place has come up")
    again = await client.post(f"{API}/registrations/cancel", json={"token": token})
    assert again.status_code == 200  # harmless twice
    assert len(await emails(world, "second@example.org")) == 1  # only its confirmation
    # The person may register again.
    back = await register(client, event.id, "holder@example.org")
    assert back.status_code == 201 and back.json()["status"] == "waitlisted"


async def test_a_wrong_cancellation_token_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    assert_problem(await client.post(f"{API}/registrations/cancel", json={"token": "A" * 43}), 404)
    assert_problem(
        await client.post(f"{API}/registrations/cancel", json={"token": "short"}), 422, "token"
    )
    assert_problem(
        await client.get(f"{API}/registrations/cancel", params={"token": "bad token!" * 3}), 422
    )


# Staff: changing, publishing, cancelling


async def test_patch_needs_if_match_and_raising_capacity_promotes_the_waiting_list(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, capacity=1)
    for n in range(3):
        await register(client, event["id"], f"p{n}@example.org")
    url = f"{API}/events/{event['id']}"
    assert_problem(await client.patch(url, json={"capacity": 2}, headers=officer.headers), 428)
    stale = {**officer.headers, "If-Match": '"stale"'}
    assert_problem(await client.patch(url, json={"capacity": 2}, headers=stale), 412)
    etag = (await client.get(url, headers=officer.headers)).headers["etag"]
    changed = await client.patch(
        url,
        json={"capacity": 2, "title": "Open evening"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["title"] == "Open evening" and changed.json()["seats_left"] == 0
    assert changed.headers["etag"] != etag
    promoted = await emails(world, "p1@example.org")
    assert promoted[-1]["subject"].startswith("A place has come up")
    fresh = {**officer.headers, "If-Match": changed.headers["etag"]}
    too_small = await client.patch(url, json={"capacity": 1}, headers=fresh)
    assert_problem(too_small, 409, "capacity")
    assert_problem(await client.patch(url, json={"title": None}, headers=fresh), 422, "title")
    assert_problem(
        await client.patch(url, json={"ends_at": "2020-01-01T00:00:00Z"}, headers=fresh),
        422,
        "ends_at",
    )
    unlimited = await client.patch(url, json={"capacity": None}, headers=fresh)
    assert unlimited.status_code == 200 and unlimited.json()["seats_left"] is None
    waiting = await world.db.scalar(
        select(func.count(Registration.id)).where(Registration.status == "waitlisted")
    )
    assert waiting == 0


async def test_publish_a_draft_once(client: httpx.AsyncClient, world: World) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    draft = await create(client, officer, status="draft")
    url = f"{API}/events/{draft['id']}/publish"
    published = await client.post(url, headers=officer.headers)
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert_problem(await client.post(url, headers=officer.headers), 409)
    assert (await client.get(f"{API}/events/{draft['id']}")).status_code == 200


async def test_cancelling_an_event_emails_everyone_registered(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, capacity=1)
    await register(client, event["id"], "a@example.org")
    await register(client, event["id"], "b@example.org")
    url = f"{API}/events/{event['id']}/cancel"
    done = await client.post(url, json={"reason": "The venue flooded"}, headers=officer.headers)
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    for address in ("a@example.org", "b@example.org"):
        last = (await emails(world, address))[-1]
        assert last["subject"].startswith("Cancelled:") and "The venue flooded" in last["body"]
    assert_problem(await client.post(url, json={}, headers=officer.headers), 409)
    assert_problem(await register(client, event["id"], "c@example.org"), 409)
    assert_problem(
        await client.post(url, json={"reason": "x" * 2001}, headers=officer.headers), 422
    )


# On the day


async def test_check_in_on_the_day_and_no_shows_after_the_start(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    later = await make_event(world, world.a, status="published")
    early, _ = await make_registration(world, later)
    assert_problem(
        await client.post(
            f"{API}/events/{later.id}/check-ins",
            json={"registration_id": early.id},
            headers=officer.headers,
        ),
        409,
    )
    assert_problem(
        await client.post(f"{API}/events/{later.id}/no-shows", json={}, headers=officer.headers),
        409,
    )
    now = await make_event(
        world, world.a, status="published", starts_at=utcnow() - timedelta(minutes=1)
    )
    came, _ = await make_registration(world, now, name="Came")
    absent, _ = await make_registration(world, now, name="Absent")
    gone, _ = await make_registration(world, now, status="cancelled")
    waiting, _ = await make_registration(world, now, status="waitlisted")
    url = f"{API}/events/{now.id}/check-ins"
    first = await client.post(url, json={"registration_id": came.id}, headers=officer.headers)
    assert first.status_code == 201 and first.json()["status"] == "attended"
    assert first.json()["checked_in_at"]
    repeat = await client.post(url, json={"registration_id": came.id}, headers=officer.headers)
    assert repeat.status_code == 200
    assert_problem(
        await client.post(url, json={"registration_id": gone.id}, headers=officer.headers), 409
    )
    assert_problem(
        await client.post(url, json={"registration_id": "nope"}, headers=officer.headers),
        422,
        "registration_id",
    )
    assert_problem(await client.post(url, json={}, headers=officer.headers), 422, "registration_id")
    no_shows = f"{API}/events/{now.id}/no-shows"
    assert_problem(
        await client.post(no_shows, json={"registration_ids": ["nope"]}, headers=officer.headers),
        422,
        "registration_ids",
    )
    marked = await client.post(no_shows, json={}, headers=officer.headers)
    assert marked.status_code == 200 and marked.json() == {"marked": 1}
    assert (await fetch(world, Registration, absent.id)).status == "no_show"
    assert (await fetch(world, Registration, waiting.id)).status == "waitlisted"
    listed = await client.get(
        f"{API}/events/{now.id}/registrations", params={"q": "came"}, headers=officer.headers
    )
    assert [r["name"] for r in listed.json()["items"]] == ["Came"]
    by_status = await client.get(
        f"{API}/events/{now.id}/registrations",
        params={"status": "no_show"},
        headers=officer.headers,
    )
    assert [r["id"] for r in by_status.json()["items"]] == [absent.id]


async def test_staff_cancel_a_registration_for_someone(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await make_event(world, world.a, status="published", capacity=1)
    holder, _ = await make_registration(world, event)
    waiting, _ = await make_registration(world, event, status="waitlisted")
    url = f"{API}/events/{event.id}/registrations/{holder.id}/cancel"
    done = await client.post(url, headers=officer.headers)
    assert done.status_code == 200 and done.json()["cancelled_by"] == "staff"
    assert (await fetch(world, Registration, waiting.id)).status == "confirmed"
    other = await make_event(world, world.a, status="published")
    assert_problem(
        await client.post(
            f"{API}/events/{other.id}/registrations/{holder.id}/cancel", headers=officer.headers
        ),
        404,
    )


# Enquiries at the stall, and results


async def test_an_enquiry_taken_at_the_stall_is_attributed_and_counted_in_the_results(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    event = await create(client, officer, kind="stall", cost_pence=30_000)
    stall = {
        "contact": {
            "first_name": "Bea",
            "last_name": "Khan",
            "email": "bea@example.org",
            "postcode": "L1 8JQ",
        },
        "interests": ["short_breaks"],
        "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
    }
    url = f"{API}/events/{event['id']}/enquiries"
    taken = await client.post(url, json=stall, headers=officer.headers)
    assert taken.status_code == 201, taken.text
    enquiry = await fetch(world, Enquiry, taken.json()["id"])
    assert enquiry is not None and enquiry.channel == "event" and enquiry.event_id == event["id"]
    campaign = await world.db.scalar(
        select(Campaign).where(Campaign.code == event["campaign_code"])
    )
    await world.db.commit()
    assert campaign is not None and enquiry.campaign_id == campaign.id
    assert_problem(
        await client.post(url, json={**stall, "interests": []}, headers=officer.headers),
        422,
        "interests",
    )
    assert_problem(
        await client.post(
            url,
            json={**stall, "consent": {"privacy_notice_version": "1", "contact_ok": False}},
            headers=officer.headers,
        ),
        422,
        "consent.contact_ok",
    )
    # Another enquiry quoting the event's code on the website, one that went on to be approved.
    other = await factories.make_enquiry(world, world.a, campaign_id=campaign.id, stage="approved")
    await factories.move(world, other, "initial_visit")
    await factories.move(world, other, "application")
    await factories.move(world, other, "approved")
    for n in range(3):
        await register(client, event["id"], f"r{n}@example.org")
    results = await client.get(f"{API}/events/{event['id']}/results", headers=officer.headers)
    assert results.status_code == 200
    assert results.json() == {
        "event_id": event["id"],
        "registrations": 3,
        "confirmed": 3,
        "waitlisted": 0,
        "cancelled": 0,
        "attended": 0,
        "no_shows": 0,
        "attendance_rate": None,
        "enquiries": 2,
        "reached_initial_visit": 1,
        "applications": 1,
        "approvals": 1,
        "cost_pence": 30_000,
        "cost_per_enquiry_pence": 15_000,
    }


# Co-hosting


async def test_a_cohost_sees_the_event_and_its_registrations_but_only_the_host_changes_it(
    client: httpx.AsyncClient, world: World
) -> None:
    host = await world.make_person(world.a, "recruitment_officer")
    cohost = await world.make_person(world.b, "recruitment_officer")
    event = await create(client, host, cohosts=["beta"], capacity=5)
    assert event["cohosts"] == [{"slug": "beta", "name": "Beta Council"}]
    await register(client, event["id"], "public@example.org", name="Pat Public")

    managed = await client.get(f"{API}/events/manage", headers=cohost.headers)
    assert [e["id"] for e in managed.json()["items"]] == [event["id"]]
    seen = await client.get(f"{API}/events/{event['id']}", headers=cohost.headers)
    assert seen.json()["staff"]["is_host"] is False
    assert seen.json()["staff"]["counts"]["confirmed"] == 1
    registrations = await client.get(
        f"{API}/events/{event['id']}/registrations", headers=cohost.headers
    )
    assert [r["name"] for r in registrations.json()["items"]] == ["Pat Public"]
    results = await client.get(f"{API}/events/{event['id']}/results", headers=cohost.headers)
    assert results.json()["registrations"] == 1
    in_beta = await client.get(f"{API}/events", params={"council": "beta"})
    assert [e["id"] for e in in_beta.json()["items"]] == [event["id"]]

    etag = seen.headers["etag"]
    refused = await client.patch(
        f"{API}/events/{event['id']}",
        json={"title": "Ours now"},
        headers={**cohost.headers, "If-Match": etag},
    )
    assert_problem(refused, 403)
    assert_problem(
        await client.post(f"{API}/events/{event['id']}/cancel", json={}, headers=cohost.headers),
        403,
    )
    # A co-host's stall enquiry is its own, naming the event (the code is the host's campaign).
    stall = {
        "contact": {
            "first_name": "Cy",
            "last_name": "Ng",
            "email": "cy@example.org",
            "postcode": "CH41 1AA",
        },
        "interests": ["long_term"],
        "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
    }
    taken = await client.post(
        f"{API}/events/{event['id']}/enquiries", json=stall, headers=cohost.headers
    )
    assert taken.status_code == 201, taken.text
    assert taken.json()["council"] == "beta"
    enquiry = await fetch(world, Enquiry, taken.json()["id"])
    assert enquiry is not None and enquiry.event_id == event["id"] and enquiry.campaign_id is None
    # Removing the co-host ends it.
    fresh = (await client.get(f"{API}/events/{event['id']}", headers=host.headers)).headers["etag"]
    await client.patch(
        f"{API}/events/{event['id']}",
        json={"cohosts": []},
        headers={**host.headers, "If-Match": fresh},
    )
    assert_problem(
        await client.get(f"{API}/events/{event['id']}/registrations", headers=cohost.headers), 404
    )
    assert await world.db.scalar(select(func.count()).select_from(EventCohost)) == 0


async def test_the_managed_list_has_drafts_and_past_events(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "manager")
    draft = await make_event(world, world.a, title="Draft")
    past = await make_event(
        world,
        world.a,
        status="published",
        title="Past",
        starts_at=utcnow() - timedelta(days=3),
        ends_at=utcnow() - timedelta(days=3, hours=-2),
    )
    await make_event(world, world.b, status="published", title="Theirs")
    upcoming = await client.get(f"{API}/events/manage", headers=officer.headers)
    assert [e["id"] for e in upcoming.json()["items"]] == [draft.id]
    gone = await client.get(
        f"{API}/events/manage", params={"when": "past"}, headers=officer.headers
    )
    assert [e["id"] for e in gone.json()["items"]] == [past.id]
    drafts = await client.get(
        f"{API}/events/manage", params={"when": "all", "status": "draft"}, headers=officer.headers
    )
    assert [e["id"] for e in drafts.json()["items"]] == [draft.id]
    carer = await world.make_person(world.a, "carer")
    assert_problem(await client.get(f"{API}/events/manage", headers=carer.headers), 403)


async def test_a_partner_client_with_events_read_sees_registrations(
    client: httpx.AsyncClient, world: World
) -> None:
    api_client, secret = await auth_service.create_client(
        world.db, world.a.id, "P", ["events:read"]
    )
    await world.db.commit()
    token = await client.post(
        f"{API}/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": api_client.client_id,
            "client_secret": secret,
        },
    )
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    event = await make_event(world, world.a, status="published")
    await make_registration(world, event)
    listed = await client.get(f"{API}/events/{event.id}/registrations", headers=headers)
    assert listed.status_code == 200 and len(listed.json()["items"]) == 1
    # Reading is not changing: check-in is for people.
    refused = await client.post(f"{API}/events/{event.id}/no-shows", json={}, headers=headers)
    assert_problem(refused, 403)


async def test_another_councils_staff_get_404_on_every_staff_route(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin", "recruitment_officer", "manager")
    event = await make_event(world, world.a, status="published")
    registration, _ = await make_registration(world, event)
    base = f"{API}/events/{event.id}"
    calls: list[tuple[str, str, dict[str, Any] | None]] = [
        ("PATCH", base, {"title": "Mine"}),
        ("POST", f"{base}/publish", None),
        ("POST", f"{base}/cancel", {}),
        ("GET", f"{base}/registrations", None),
        ("POST", f"{base}/registrations/{registration.id}/cancel", None),
        ("POST", f"{base}/check-ins", {"registration_id": registration.id}),
        ("POST", f"{base}/no-shows", {}),
        (
            "POST",
            f"{base}/enquiries",
            {
                "contact": {
                    "first_name": "A",
                    "last_name": "B",
                    "email": "a@example.org",
                    "postcode": "CH41 1AA",
                },
                "interests": ["unsure"],
                "consent": {"privacy_notice_version": "1", "contact_ok": True},
            },
        ),
        ("GET", f"{base}/results", None),
    ]
    for method, url, body in calls:
        response = await client.request(
            method, url, json=body, headers={**intruder.headers, "If-Match": "*"}
        )
        assert_problem(response, 404)
    stored = await fetch(world, Registration, registration.id)
    assert stored is not None and stored.status == "confirmed"
    assert (await client.get(f"{API}/events/manage", headers=intruder.headers)).json()[
        "items"
    ] == []
