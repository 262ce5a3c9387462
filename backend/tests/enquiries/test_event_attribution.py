"""An enquiry that starts from an event page (or its printed code) names the event: the JSON
enquiry and the plain form both store it, and an event the council neither hosts nor
co-hosts is refused (JSON) or left out (the form's hidden field)."""

import uuid

import httpx
from sqlalchemy import select

from fosterhub.enquiries.models import Enquiry
from tests.conftest import World, assert_problem
from tests.enquiries.test_form import _form
from tests.events.factories import make_event
from tests.factories import enquiry_body

URL = "/api/v1/enquiries"


async def _stored(world: World, enquiry_id: str | None = None) -> Enquiry:
    stmt = select(Enquiry).execution_options(populate_existing=True)
    if enquiry_id:
        stmt = stmt.where(Enquiry.id == enquiry_id)
    found = await world.db.scalar(stmt.order_by(Enquiry.received_at.desc()))
    await world.db.commit()
    assert found is not None
    return found


async def test_an_enquiry_from_an_event_stores_the_event_and_its_code(
    client: httpx.AsyncClient, world: World
) -> None:
    event = await make_event(world, world.a, status="published")
    response = await client.post(
        URL, json=enquiry_body(source={"channel": "event", "event_id": event.id})
    )
    assert response.status_code == 201, response.text
    stored = await _stored(world, response.json()["id"])
    assert stored.event_id == event.id and stored.channel == "event"
    detail = await client.get(
        f"{URL}/{stored.id}",
        headers=(await world.make_person(world.a, "recruitment_officer")).headers,
    )
    assert detail.json()["source"]["event_id"] == event.id


async def test_a_co_hosted_event_may_be_named_by_the_co_hosts_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    event = await make_event(world, world.b, cohosts=[world.a], status="published")
    response = await client.post(
        URL, json=enquiry_body(source={"channel": "event", "event_id": event.id})
    )
    assert response.status_code == 201, response.text
    assert (await _stored(world, response.json()["id"])).event_id == event.id


async def test_an_unknown_or_another_councils_event_is_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    theirs = await make_event(world, world.b, status="published")
    for event_id in (str(uuid.uuid4()), theirs.id):
        response = await client.post(
            URL, json=enquiry_body(source={"channel": "event", "event_id": event_id})
        )
        body = assert_problem(response, 422, field="source.event_id")
        assert body["errors"][0]["message"] == "We do not recognise this event"
    assert_problem(
        await client.post(URL, json=enquiry_body(source={"channel": "event", "event_id": "x"})),
        422,
        "source.event_id",
    )
    rows = (await world.db.scalars(select(Enquiry))).all()
    await world.db.commit()
    assert rows == []


async def test_the_plain_form_carries_the_event_from_the_link(
    client: httpx.AsyncClient, world: World
) -> None:
    event = await make_event(world, world.a, status="published")
    page = await client.get(f"/enquire/basic?council=alpha&event={event.id}")
    assert page.status_code == 200
    assert f'name="event_id" value="{event.id}"' in page.text
    assert 'name="channel" value="event"' in page.text
    # Events' own links say `event_id`; a malformed one is dropped, not shown.
    named = await client.get(f"/enquire/basic?council=alpha&channel=event&event_id={event.id}")
    assert f'value="{event.id}"' in named.text
    bad = await client.get("/enquire/basic?council=alpha&event=<script>")
    assert "<script>" not in bad.text and 'name="event_id" value=""' in bad.text

    posted = await client.post(URL, data=_form(event_id=event.id, channel="event"))
    assert posted.status_code == 303, posted.text
    stored = await _stored(world)
    assert stored.event_id == event.id and stored.channel == "event"


async def test_the_plain_form_leaves_out_an_event_the_visitor_cannot_fix(
    client: httpx.AsyncClient, world: World
) -> None:
    theirs = await make_event(world, world.b, status="published")
    posted = await client.post(URL, data=_form(event_id=theirs.id, channel="event"))
    assert posted.status_code == 303, posted.text
    stored = await _stored(world)
    assert stored.event_id is None and stored.council_id == world.a.id
    tampered = await client.post(URL, data=_form(event_id="not-an-id", email="bo@example.org"))
    assert tampered.status_code == 303, tampered.text
