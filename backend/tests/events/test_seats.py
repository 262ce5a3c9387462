"""The last seat goes to exactly one person: 200 people register at once for 20 seats.

Each request is a real ASGI request with its own database session, all in flight together;
on PostgreSQL the event row's `FOR UPDATE` lock queues them, on SQLite the IMMEDIATE
transactions do. Runs on whichever database TEST_DATABASE_URL names (CI: PostgreSQL).
"""

import asyncio
from collections import Counter
from typing import Any

import httpx
from sqlalchemy import func, select

from fosterhub.events.models import Registration
from tests.conftest import World
from tests.events.factories import make_event, make_registration


async def test_200_concurrent_registrations_for_20_seats(app: Any, world: World) -> None:
    event = await make_event(world, world.a, status="published", capacity=20)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        answers = await asyncio.gather(
            *(
                client.post(
                    f"/api/v1/events/{event.id}/registrations",
                    json={"name": "Person Waiting", "email": f"person{n}@example.org"},
                )
                for n in range(200)
            )
        )
    assert Counter(a.status_code for a in answers) == {201: 200}, [
        a.text for a in answers if a.status_code != 201
    ][:3]
    assert Counter(a.json()["status"] for a in answers) == {"confirmed": 20, "waitlisted": 180}
    positions = sorted(
        a.json()["waitlist_position"] for a in answers if a.json()["waitlist_position"]
    )
    assert positions == list(range(1, 181))
    stored = {
        status: count
        for status, count in await world.db.execute(
            select(Registration.status, func.count()).group_by(Registration.status)
        )
    }
    await world.db.commit()
    assert stored == {"confirmed": 20, "waitlisted": 180}


async def test_concurrent_cancellations_promote_each_waiting_person_once(
    app: Any, world: World
) -> None:
    event = await make_event(world, world.a, status="published", capacity=5)
    tokens = [(await make_registration(world, event))[1] for _ in range(5)]
    for _ in range(8):
        await make_registration(world, event, status="waitlisted")
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as client:
        answers = await asyncio.gather(
            *(
                client.post("/api/v1/registrations/cancel", json={"token": token})
                for token in tokens + tokens  # every link clicked twice at once
            )
        )
    assert {a.status_code for a in answers} == {200}
    stored = {
        status: count
        for status, count in await world.db.execute(
            select(Registration.status, func.count()).group_by(Registration.status)
        )
    }
    await world.db.commit()
    assert stored == {"cancelled": 5, "confirmed": 5, "waitlisted": 3}
