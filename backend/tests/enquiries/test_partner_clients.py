"""Partner councils' systems (client credentials) and the scopes of API.md: `enquiries:read`
reads enquiries, `enquiries:write` is enough to change one, and another council's client
finds nothing of ours."""

import httpx
from sqlalchemy import select

from fosterhub.enquiries.models import Enquiry
from tests import factories
from tests.conftest import World, assert_problem, partner_headers

URL = "/api/v1/enquiries"


async def _stored(world: World, enquiry_id: str) -> Enquiry:
    stored = await world.db.scalar(
        select(Enquiry).where(Enquiry.id == enquiry_id).execution_options(populate_existing=True)
    )
    await world.db.commit()
    assert stored is not None
    return stored


async def test_a_reading_client_reads_but_cannot_change(
    client: httpx.AsyncClient, world: World
) -> None:
    enquiry = await factories.make_enquiry(world, world.a)
    reader = await partner_headers(client, world, world.a, ["enquiries:read"])
    assert (await client.get(URL, headers=reader)).json()["items"][0]["id"] == enquiry.id
    read = await client.get(f"{URL}/{enquiry.id}", headers=reader)
    assert read.status_code == 200 and read.json()["contact"]["first_name"] == "Ann"
    changed = await client.patch(
        f"{URL}/{enquiry.id}",
        json={"first_name": "Mallory"},
        headers={**reader, "If-Match": read.headers["etag"]},
    )
    assert_problem(changed, 403)
    assert (await _stored(world, enquiry.id)).first_name == "Ann"


async def test_a_writing_client_changes_an_enquiry_with_if_match(
    client: httpx.AsyncClient, world: World
) -> None:
    enquiry = await factories.make_enquiry(world, world.a)
    writer = await partner_headers(client, world, world.a, ["enquiries:write"])
    path = f"{URL}/{enquiry.id}"
    # Writing is not reading: the list and the record need `enquiries:read`.
    assert_problem(await client.get(URL, headers=writer), 403)
    assert_problem(await client.get(path, headers=writer), 403)
    # PATCH as API.md has it: 428 without If-Match, bad input 422 naming the field.
    assert_problem(await client.patch(path, json={"first_name": "Anna"}, headers=writer), 428)
    bad = await client.patch(
        path, json={"email": "not-an-email"}, headers={**writer, "If-Match": "*"}
    )
    assert_problem(bad, 422, "email")
    assert (await _stored(world, enquiry.id)).email == enquiry.email

    changed = await client.patch(
        path,
        json={"first_name": "Anna", "marketing_ok": True},
        headers={**writer, "If-Match": "*"},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["contact"]["first_name"] == "Anna"
    stored = await _stored(world, enquiry.id)
    assert (stored.first_name, stored.marketing_ok) == ("Anna", True)
    # The stale version is refused: the ETag answered is the new one.
    stale = await client.patch(
        path, json={"first_name": "Annie"}, headers={**writer, "If-Match": '"0000"'}
    )
    assert_problem(stale, 412)
    # Staff-only work (moves, notes) stays with people, whatever the scope.
    assert_problem(
        await client.post(f"{path}/transitions", json={"to": "initial_contact"}, headers=writer),
        403,
    )


async def test_another_councils_client_finds_nothing_of_ours(
    client: httpx.AsyncClient, world: World
) -> None:
    enquiry = await factories.make_enquiry(world, world.a)
    intruder = await partner_headers(client, world, world.b, ["enquiries:read", "enquiries:write"])
    path = f"{URL}/{enquiry.id}"
    assert_problem(await client.get(path, headers=intruder), 404)
    assert_problem(
        await client.patch(
            path, json={"first_name": "Mallory"}, headers={**intruder, "If-Match": "*"}
        ),
        404,
    )
    assert (await client.get(URL, headers=intruder)).json()["items"] == []
    assert (await _stored(world, enquiry.id)).first_name == "Ann"
    # A client with neither enquiries scope is refused outright.
    events_only = await partner_headers(client, world, world.a, ["events:read"])
    assert_problem(
        await client.patch(
            path, json={"first_name": "Mallory"}, headers={**events_only, "If-Match": "*"}
        ),
        403,
    )
