"""The public lists' page cache: a page is built once and answered from memory until what it
shows changes (any commit in the process that writes a watched table) or `ttl_s` passes."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import text, update

from fosterhub.core import pagecache
from fosterhub.core.pagecache import PageCache
from fosterhub.councils.models import Council
from fosterhub.events.models import Event
from tests.conftest import World, assert_problem
from tests.events.factories import make_event

API = "/api/v1"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    made = Clock()
    monkeypatch.setattr(pagecache.time, "monotonic", made)
    return made


@pytest.fixture
def queries(app: Any) -> Iterator[list[str]]:
    """The SQL statements the app sends, as they are sent."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    engine = app.state.engine.sync_engine
    sa_event.listen(engine, "before_cursor_execute", record)
    yield sent
    sa_event.remove(engine, "before_cursor_execute", record)


def test_a_page_is_kept_for_its_time_then_forgotten(clock: Clock) -> None:
    cache = PageCache([Event], ttl_s=5)
    cache.put("a", b"[1]", cache.generation)
    assert cache.get("a") == b"[1]" and cache.get("b") is None
    clock.now += 4.9
    assert cache.get("a") == b"[1]"
    clock.now += 0.1
    assert cache.get("a") is None and len(cache) == 0


def test_a_page_read_before_a_change_is_not_kept_after_it(clock: Clock) -> None:
    cache = PageCache([Event], ttl_s=5)
    generation = cache.generation  # a request starts reading
    cache.clear()  # another commits a change meanwhile
    cache.put("a", b"old", generation)
    assert cache.get("a") is None


def test_no_more_pages_than_its_limit_and_none_when_switched_off(clock: Clock) -> None:
    cache = PageCache([Event], ttl_s=5, max_entries=3)
    for n in range(4):
        cache.put(str(n), b"x", cache.generation)
    assert len(cache) <= 3 and cache.get("3") == b"x"
    off = PageCache([Event], ttl_s=0)
    off.put("a", b"x", off.generation)
    assert off.get("a") is None


async def test_the_events_list_is_read_once_then_answered_from_memory(
    client: httpx.AsyncClient, world: World, queries: list[str], clock: Clock
) -> None:
    await make_event(world, world.a, status="published", title="Shown")
    first = await client.get(f"{API}/events")
    assert first.status_code == 200
    read = len(queries)
    assert read > 0
    again = await client.get(f"{API}/events")
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["content-type"] == "application/json"
    assert len(queries) == read
    # Another query is another page; after its time a page is read again.
    assert (await client.get(f"{API}/events", params={"council": "alpha"})).status_code == 200
    assert len(queries) > read
    read = len(queries)
    clock.now += 5
    await client.get(f"{API}/events")
    assert len(queries) > read


async def test_bad_input_is_refused_every_time_and_never_kept(
    client: httpx.AsyncClient, world: World, app: Any
) -> None:
    for _ in range(2):
        assert_problem(
            await client.get(f"{API}/events", params={"council": "nowhere"}), 422, "council"
        )
        assert_problem(await client.get(f"{API}/events", params={"limit": "0"}), 422, "limit")
    assert len(app.state.event_pages) == 0


async def test_a_change_through_the_api_is_seen_at_once(
    client: httpx.AsyncClient, world: World, clock: Clock
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    assert (await client.get(f"{API}/events")).json()["items"] == []
    made = await client.post(
        f"{API}/events",
        json={
            "title": "Information evening",
            "kind": "information_evening",
            "audience": "public",
            "starts_at": "2030-03-01T18:00:00+00:00",
            "ends_at": "2030-03-01T20:00:00+00:00",
            "capacity": 2,
            "venue": {"name": "Community room", "address": "1 Church St", "postcode": "L1 1DA"},
            "status": "published",
        },
        headers=officer.headers,
    )
    assert made.status_code == 201, made.text
    listed = (await client.get(f"{API}/events")).json()["items"]
    assert [(e["id"], e["seats_left"]) for e in listed] == [(made.json()["id"], 2)]
    # A booking changes the seats left, and the list shows it on the next request.
    booked = await client.post(
        f"{API}/events/{made.json()['id']}/registrations",
        json={"name": "Ann Lee", "email": "ann@example.org"},
    )
    assert booked.status_code == 201, booked.text
    assert (await client.get(f"{API}/events")).json()["items"][0]["seats_left"] == 1


async def test_a_statement_on_a_session_empties_the_cache_and_a_rollback_does_not(
    client: httpx.AsyncClient, world: World, app: Any, clock: Clock
) -> None:
    shown_id = (await make_event(world, world.a, status="published", title="Before")).id
    await client.get(f"{API}/events")
    await client.get(f"{API}/councils")
    assert len(app.state.event_pages) == len(app.state.council_pages) == 1

    await world.db.execute(update(Event).where(Event.id == shown_id).values(title="Never"))
    await world.db.rollback()
    assert len(app.state.event_pages) == 1

    await world.db.execute(update(Event).where(Event.id == shown_id).values(title="After"))
    await world.db.commit()
    assert len(app.state.event_pages) == 0
    assert len(app.state.council_pages) == 1  # councils do not show events
    assert (await client.get(f"{API}/events")).json()["items"][0]["title"] == "After"


async def test_a_council_renamed_is_seen_in_both_lists(
    client: httpx.AsyncClient, world: World, clock: Clock
) -> None:
    await make_event(world, world.a, status="published")
    before = (await client.get(f"{API}/councils")).json()["items"]
    assert "Alpha Council" in [c["name"] for c in before]
    assert (await client.get(f"{API}/events")).json()["items"][0]["council"]["name"] == (
        "Alpha Council"
    )
    council = await world.db.get(Council, world.a.id)
    assert council is not None
    council.name = "Alpha Borough Council"
    await world.db.commit()
    after = (await client.get(f"{API}/councils")).json()["items"]
    assert "Alpha Borough Council" in [c["name"] for c in after]
    assert (await client.get(f"{API}/events")).json()["items"][0]["council"]["name"] == (
        "Alpha Borough Council"
    )


async def test_a_change_made_elsewhere_is_seen_within_the_cache_time(
    client: httpx.AsyncClient, world: World, app: Any, clock: Clock
) -> None:
    # Another replica, or SQL by hand: nothing here hears of it, so the page lasts its time.
    shown = await make_event(world, world.a, status="published", title="Before")
    await client.get(f"{API}/events")
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("UPDATE event SET title = 'After' WHERE id = :id"), {"id": shown.id}
        )
    assert (await client.get(f"{API}/events")).json()["items"][0]["title"] == "Before"
    clock.now += app.state.settings.public_list_cache_seconds
    assert (await client.get(f"{API}/events")).json()["items"][0]["title"] == "After"
