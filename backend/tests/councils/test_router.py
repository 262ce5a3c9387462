"""Councils, regions, routing and council settings over HTTP."""

import httpx
from sqlalchemy import update

from fosterhub.councils.models import Council, Postcode
from tests import factories
from tests.conftest import World, assert_problem


async def test_councils_are_listed_publicly_with_their_region(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/api/v1/councils")
    assert response.status_code == 200
    body = response.json()
    assert body["next_cursor"] is None
    assert [c["slug"] for c in body["items"]] == ["alpha", "beta"]
    assert body["items"][0]["region"] == "test-region"


async def test_council_list_pages_with_a_cursor(client: httpx.AsyncClient, world: World) -> None:
    first = (await client.get("/api/v1/councils?limit=1")).json()
    assert [c["slug"] for c in first["items"]] == ["alpha"]
    second = (await client.get(f"/api/v1/councils?limit=1&cursor={first['next_cursor']}")).json()
    assert [c["slug"] for c in second["items"]] == ["beta"]
    assert second["next_cursor"] is None


async def test_one_council_shows_its_fostering_types(
    client: httpx.AsyncClient, world: World
) -> None:
    body = (await client.get("/api/v1/councils/alpha")).json()
    assert body["name"] == "Alpha Council"
    assert "short_term" in body["fostering_types"]
    assert_problem(await client.get("/api/v1/councils/nowhere"), 404)


async def test_region_lists_its_councils(client: httpx.AsyncClient, world: World) -> None:
    body = (await client.get("/api/v1/regions/test-region")).json()
    assert [c["slug"] for c in body["councils"]] == ["alpha", "beta"]
    assert_problem(await client.get("/api/v1/regions/nowhere"), 404)
    assert (await client.get("/api/v1/regions")).json()["items"][0]["slug"] == "test-region"


async def test_routing_normalises_and_prefers_the_sector(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/api/v1/routing", params={"postcode": "l18jq"})
    assert response.json() == {"council": "alpha", "postcode": "L1 8JQ"}
    # L2 is Alpha's, but the sector L2 9 is Beta's: the longer prefix wins.
    assert (await client.get("/api/v1/routing?postcode=L2 9AB")).json()["council"] == "beta"
    assert (await client.get("/api/v1/routing?postcode=L2 3AB")).json()["council"] == "alpha"
    assert (await client.get("/api/v1/routing?postcode=ch41")).json() == {
        "council": "beta",
        "postcode": "CH41",
    }


async def test_routing_problems(client: httpx.AsyncClient, world: World) -> None:
    assert_problem(await client.get("/api/v1/routing?postcode=NOTAPOSTCODE"), 422, field="postcode")
    assert_problem(await client.get("/api/v1/routing?postcode=SW1A 1AA"), 404)
    assert_problem(await client.get("/api/v1/routing"), 422, field="postcode")


async def test_admin_changes_settings_with_if_match(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    read = await client.get("/api/v1/council-settings", headers=admin.headers)
    assert read.status_code == 200
    assert read.json()["referral_reward_pence"] == 50_000
    etag = read.headers["etag"]

    patch = {"referral_reward_pence": 75_000}
    assert_problem(
        await client.patch("/api/v1/council-settings", json=patch, headers=admin.headers), 428
    )
    changed = await client.patch(
        "/api/v1/council-settings", json=patch, headers={**admin.headers, "If-Match": etag}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["referral_reward_pence"] == 75_000
    assert changed.json()["stage_targets"]["initial_contact"] == {
        "amount": 1,
        "unit": "working_days",
        "from_stage": None,
    }
    stale = await client.patch(
        "/api/v1/council-settings", json=patch, headers={**admin.headers, "If-Match": etag}
    )
    assert_problem(stale, 412)


async def test_settings_bad_input_changes_nothing(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin")
    etag = (await client.get("/api/v1/council-settings", headers=admin.headers)).headers["etag"]
    headers = {**admin.headers, "If-Match": etag}
    for body, field in [
        ({"referral_reward_pence": -1}, "referral_reward_pence"),
        ({"stage_targets": {"made_up": {"amount": 1, "unit": "months"}}}, "stage_targets"),
        ({"office_hours": {"opens": "25:00"}}, "office_hours.opens"),
        ({"colour": "red"}, "colour"),
        # Unknown names inside the nested settings are refused too, not quietly dropped.
        ({"office_hours": {"opens_at": "09:00"}}, "office_hours.opens_at"),
        ({"retention": {"closed_years": 2}}, "retention.closed_years"),
        (
            {"stage_targets": {"panel": {"amount": 8, "unit": "months", "from": "application"}}},
            "stage_targets.panel.from",
        ),
    ]:
        assert_problem(
            await client.patch("/api/v1/council-settings", json=body, headers=headers),
            422,
            field=field,
        )
    after = await client.get("/api/v1/council-settings", headers=admin.headers)
    assert after.headers["etag"] == etag


async def test_settings_need_staff_and_admin_to_change(
    client: httpx.AsyncClient, world: World
) -> None:
    carer = await world.make_person(world.a, "carer")
    officer = await world.make_person(world.a, "recruitment_officer")
    assert_problem(await client.get("/api/v1/council-settings", headers=carer.headers), 403)
    etag = (await client.get("/api/v1/council-settings", headers=officer.headers)).headers["etag"]
    response = await client.patch(
        "/api/v1/council-settings",
        json={"referral_reward_pence": 1},
        headers={**officer.headers, "If-Match": etag},
    )
    assert_problem(response, 403)
    assert_problem(await client.get("/api/v1/council-settings"), 401)


async def test_each_council_sees_its_own_settings(client: httpx.AsyncClient, world: World) -> None:
    admin_a = await world.make_person(world.a, "admin")
    admin_b = await world.make_person(world.b, "admin")
    etag = (await client.get("/api/v1/council-settings", headers=admin_a.headers)).headers["etag"]
    await client.patch(
        "/api/v1/council-settings",
        json={"referral_reward_pence": 1},
        headers={**admin_a.headers, "If-Match": etag},
    )
    other = (await client.get("/api/v1/council-settings", headers=admin_b.headers)).json()
    assert other["referral_reward_pence"] == 50_000


async def test_an_uncovered_postcode_answers_the_same_problem_as_the_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    routed = await client.get("/api/v1/routing", params={"postcode": "M1 1AA"})
    routing = assert_problem(routed, 404, field="postcode")
    assert routing["type"].endswith("/postcode-not-covered")
    assert [c["slug"] for c in routing["nearest_councils"]] == ["alpha", "beta"]
    first = routing["nearest_councils"][0]
    assert set(first) == {"slug", "name", "region", "distance_km"}
    # No position for the postcode (no ONS data in the test world): by name, no distance.
    assert first["distance_km"] is None
    assert "Alpha Council" in routing["detail"]

    enquired = await client.post(
        "/api/v1/enquiries",
        json=factories.enquiry_body(council=factories.DROP, contact={"postcode": "M1 1AA"}),
    )
    enquiry = assert_problem(enquired, 422, field="contact.postcode")
    for key in ("type", "title", "detail", "nearest_councils"):
        assert enquiry[key] == routing[key], key
    # An outward code nobody covers gets the same answer.
    outward = assert_problem(await client.get("/api/v1/routing?postcode=M1"), 404)
    assert outward["nearest_councils"] == routing["nearest_councils"]


async def test_nearest_councils_carry_their_distance_when_the_postcode_is_placed(
    client: httpx.AsyncClient, world: World
) -> None:
    # Manchester: Beta's office is nearer than Alpha's.
    world.db.add(
        Postcode(postcode="M1 1AA", ons_la_code="E08000003", latitude=53.48, longitude=-2.24)
    )
    await world.db.execute(
        update(Council).where(Council.id == world.a.id).values(latitude=53.41, longitude=-2.99)
    )
    await world.db.execute(
        update(Council).where(Council.id == world.b.id).values(latitude=53.45, longitude=-2.74)
    )
    await world.db.commit()
    body = assert_problem(await client.get("/api/v1/routing?postcode=m11aa"), 404)
    assert [c["slug"] for c in body["nearest_councils"]] == ["beta", "alpha"]
    beta, alpha = body["nearest_councils"]
    assert 30 < beta["distance_km"] < alpha["distance_km"] < 60
    assert "Beta Council, Alpha Council" in body["detail"]
