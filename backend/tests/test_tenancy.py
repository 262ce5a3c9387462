"""Tenancy: every route that takes an id answers 404 to another council, and the scoping
itself fails closed."""

import re
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from fosterhub.auth import service as auth_service
from fosterhub.auth.roles import ROLES, SCOPES
from fosterhub.core import tenancy
from fosterhub.users.models import User
from tests import factories
from tests.conftest import World
from tests.events import factories as event_factories

# Routes that take a path parameter but are public on purpose (no council behind them).
PUBLIC_TEMPLATES = {
    "/api/v1/councils/{slug}",
    "/api/v1/regions/{slug}",
    "/api/v1/campaigns/{code}/landing",
    "/api/v1/councils/{slug}/events.ics",
    "/api/v1/calendar/{token}.ics",
}
# Regional roll-ups name a region, not a council's record: only that region's viewers may read
# them (403 for others), and they hold aggregates only (tests/reports/test_regional.py).
REGION_PREFIX = "/api/v1/regions/{slug}/reports/"


async def _user_in_a(world: World) -> str:
    return (await world.make_person(world.a, "carer")).user.id


# How to make a record of council A for each id parameter. A new route with a new id
# parameter fails `test_every_id_route_is_covered` until it is registered here.
async def _enquiry_in_a(world: World) -> str:
    return (await factories.make_enquiry(world, world.a)).id


async def _campaign_in_a(world: World) -> str:
    return (await factories.make_campaign(world, world.a)).id


async def _household_in_a(world: World) -> str:
    return (await factories.make_household(world, world.a)).id


async def _referral_in_a(world: World) -> str:
    return (await factories.make_referral(world, world.a)).id


async def _event_in_a(world: World) -> str:
    # A draft: the public event routes on the same paths (`GET /events/{id}`, registering)
    # answer 404 for it too, so those paths stay in the walk.
    return (await event_factories.make_event(world, world.a)).id


async def _registration_in_a(world: World) -> str:
    event = await event_factories.make_event(world, world.a, status="published")
    return (await event_factories.make_registration(world, event))[0].id


async def _course_in_a(world: World) -> str:
    return (await event_factories.make_course(world, world.a)).id


async def _training_session_in_a(world: World) -> str:
    return (await event_factories.make_session(world, world.a)).id


RECORD_FACTORIES: dict[str, Callable[[World], Awaitable[str]]] = {
    "event_id": _event_in_a,
    "registration_id": _registration_in_a,
    "course_id": _course_in_a,
    "session_id": _training_session_in_a,
    "user_id": _user_in_a,
    "enquiry_id": _enquiry_in_a,
    "campaign_id": _campaign_in_a,
    "household_id": _household_in_a,
    "referral_id": _referral_in_a,
}

# Bodies that are valid for a route, so that the answer depends on the record, not the body.
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/v1/users/{user_id}"): {"display_name": "Changed"},
    ("PATCH", "/api/v1/campaigns/{campaign_id}"): {"name": "Changed"},
    ("PATCH", "/api/v1/enquiries/{enquiry_id}"): {"first_name": "Changed"},
    ("POST", "/api/v1/enquiries/{enquiry_id}/transitions"): {"to": "initial_contact"},
    ("POST", "/api/v1/enquiries/{enquiry_id}/contact-attempts"): {
        "channel": "phone",
        "outcome": "no_answer",
    },
    ("POST", "/api/v1/enquiries/{enquiry_id}/notes"): {"body": "A note"},
    ("PATCH", "/api/v1/carers/{household_id}"): {"places": 2},
    ("PATCH", "/api/v1/referrals/{referral_id}"): {"status": "void"},
    ("PATCH", "/api/v1/events/{event_id}"): {"title": "Changed"},
    ("POST", "/api/v1/events/{event_id}/registrations"): {
        "name": "Ann Lee",
        "email": "ann@example.org",
    },
    ("POST", "/api/v1/events/{event_id}/cancel"): {},
    ("POST", "/api/v1/events/{event_id}/check-ins"): {
        "registration_id": "00000000-0000-0000-0000-000000000000"
    },
    ("POST", "/api/v1/events/{event_id}/no-shows"): {},
    ("POST", "/api/v1/events/{event_id}/enquiries"): {
        "contact": {
            "first_name": "Ann",
            "last_name": "Lee",
            "email": "ann@example.org",
            "postcode": "L1 8JQ",
        },
        "interests": ["short_term"],
        "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
    },
    ("PATCH", "/api/v1/training/courses/{course_id}"): {"name": "Changed"},
}


def _id_routes(app: Any) -> list[tuple[str, str, list[str]]]:
    routes = []
    for path, operations in app.openapi()["paths"].items():
        params = re.findall(r"{(\w+)}", path)
        if not params or path in PUBLIC_TEMPLATES or path.startswith(REGION_PREFIX):
            continue
        for method in operations:
            routes.append((method.upper(), path, params))
    return routes


def test_every_id_route_is_covered(app: Any) -> None:
    missing = {p for _, _, params in _id_routes(app) for p in params} - set(RECORD_FACTORIES)
    assert not missing, f"register a record factory for: {sorted(missing)}"


async def test_another_councils_records_answer_404_on_every_route(
    app: Any, client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, *sorted(ROLES - {"regional_viewer"}))
    client_b, secret = await auth_service.create_client(world.db, world.b.id, "B", sorted(SCOPES))
    await world.db.commit()
    token = await client.post(
        "/api/v1/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_b.client_id,
            "client_secret": secret,
        },
    )
    partner_headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

    checked = 0
    for method, template, params in _id_routes(app):
        values = {p: await RECORD_FACTORIES[p](world) for p in params}
        path = template.format(**values)
        body = BODIES.get((method, template))
        for headers in (intruder.headers, partner_headers):
            response = await client.request(
                method,
                path,
                json=body if method in ("POST", "PATCH", "PUT") else None,
                headers={**headers, "If-Match": "*"},
            )
            if headers is partner_headers and response.status_code == 403:
                continue  # the route is for people only: refused before any lookup
            assert response.status_code == 404, (method, template, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
            checked += 1
    assert checked > 0


async def test_unbound_session_refuses_tenant_data(world: World, sessionmaker: Any) -> None:
    async with sessionmaker() as session:
        with pytest.raises(tenancy.TenancyError):
            await session.scalars(select(User))


async def test_bound_session_sees_only_its_council(world: World, sessionmaker: Any) -> None:
    await world.make_person(world.a, "admin")
    await world.make_person(world.b, "admin")
    async with sessionmaker() as session:
        tenancy.bind(session, world.a.id)
        users = (await session.scalars(select(User))).all()
        assert {u.council_id for u in users} == {world.a.id}
        # Even asking for B's rows by name finds nothing.
        assert (
            await session.scalars(select(User).where(User.council_id == world.b.id))
        ).all() == []


async def test_new_rows_take_the_bound_council_and_refuse_another(
    world: World, sessionmaker: Any
) -> None:
    async with sessionmaker() as session:
        tenancy.bind(session, world.a.id)
        stamped = User(email="new@example.org", display_name="N", password_hash="x", roles=[])
        session.add(stamped)
        await session.flush()
        assert stamped.council_id == world.a.id
        session.add(
            User(
                council_id=world.b.id,
                email="x@example.org",
                display_name="X",
                password_hash="x",
                roles=[],
            )
        )
        with pytest.raises(tenancy.TenancyError):
            await session.flush()
        await session.rollback()


async def test_a_session_cannot_be_rebound_to_another_council(
    world: World, sessionmaker: Any
) -> None:
    async with sessionmaker() as session:
        tenancy.bind(session, world.a.id)
        with pytest.raises(tenancy.TenancyError):
            tenancy.bind(session, world.b.id)
