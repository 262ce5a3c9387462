"""The timeline is a list like every other: `{"items", "next_cursor"}` pages of `?limit=`,
oldest first, that together hold every entry once."""

from datetime import timedelta
from typing import Any

import httpx

from fosterhub.core.db import utcnow
from fosterhub.enquiries.models import ContactAttempt, EnquiryNote
from tests import factories
from tests.conftest import Person, World, assert_problem

URL = "/api/v1/enquiries"


async def _pages(
    client: httpx.AsyncClient, who: Person, enquiry_id: str, limit: int
) -> list[list[dict[str, Any]]]:
    pages: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = await client.get(
            f"{URL}/{enquiry_id}/timeline", params=params, headers=who.headers
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"items", "next_cursor"}
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 50


async def test_the_timeline_comes_in_pages_that_hold_every_entry_once_in_order(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    start = utcnow() - timedelta(days=10)
    enquiry = await factories.make_enquiry(world, world.a, received_at=start)
    await factories.move(world, enquiry, "initial_contact", at=start + timedelta(days=1))
    # Three entries at the very same moment: the page boundary may fall between them.
    same = start + timedelta(days=2)
    world.db.add_all(
        [
            ContactAttempt(
                council_id=world.a.id,
                enquiry_id=enquiry.id,
                channel="phone",
                outcome="no_answer",
                attempted_at=same,
            ),
            ContactAttempt(
                council_id=world.a.id,
                enquiry_id=enquiry.id,
                channel="email",
                outcome="email_sent",
                attempted_at=same,
            ),
            EnquiryNote(
                council_id=world.a.id, enquiry_id=enquiry.id, body="Left a message", created_at=same
            ),
        ]
    )
    await world.db.commit()
    repeat = await factories.make_enquiry(
        world, world.a, duplicate_of_id=enquiry.id, received_at=start + timedelta(days=3)
    )
    await factories.move(world, enquiry, "initial_visit", at=start + timedelta(days=4))

    [whole] = await _pages(client, officer, enquiry.id, 200)
    assert [e["kind"] for e in whole] == [
        "transition",
        "transition",
        "contact_attempt",
        "contact_attempt",
        "note",
        "repeat_enquiry",
        "transition",
    ]
    assert [e["at"] for e in whole] == sorted(e["at"] for e in whole)
    assert whole[5]["detail"]["reference"] == repeat.reference
    for limit in (1, 2, 3):
        pages = await _pages(client, officer, enquiry.id, limit)
        assert all(len(page) == limit for page in pages[:-1])
        assert [e for page in pages for e in page] == whole, limit


async def test_bad_timeline_pages_are_refused_naming_the_parameter(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    enquiry = await factories.make_enquiry(world, world.a)
    path = f"{URL}/{enquiry.id}/timeline"
    for params, field in (
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        # A cursor of another list (the enquiries list's two keys) is not this list's.
        ({"cursor": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgIngiXQ"}, "cursor"),
        # Three keys, but a kind no timeline has.
        ({"cursor": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgIngiLCAieCJd"}, "cursor"),
    ):
        assert_problem(await client.get(path, params=params, headers=officer.headers), 422, field)
    intruder = await world.make_person(world.b, "recruitment_officer")
    assert_problem(await client.get(path, headers=intruder.headers), 404)
