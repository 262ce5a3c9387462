"""The nearest councils offered for a postcode nobody covers: by distance when the postcode's
position is known, otherwise by its postcode district, a handful, the nearest one's region
first; by name only when nothing ranks them."""

from typing import Any

import httpx
import pytest
from sqlalchemy import update

from fosterhub.councils import postcodes
from fosterhub.councils.models import Council, Postcode, PostcodeCoverage, Region
from fosterhub.councils.schemas import CouncilSettings
from tests import factories
from tests.conftest import World, assert_problem

ROUTING = "/api/v1/routing"


@pytest.fixture
async def two_regions(world: World) -> World:
    """Beside alpha (L1, L2) and beta (CH41, L2 9) of the test region: Sefton (L37, L38, PR8)
    and Knowsley (L36) there too, and four Lancashire councils in a region of their own."""
    lancashire = Region(slug="lancashire", name="Lancashire")
    world.db.add(lancashire)
    await world.db.flush()
    for slug, name, region, prefixes in (
        ("sefton", "Sefton Council", world.region, ["L37", "L38", "PR8"]),
        ("knowsley", "Knowsley Council", world.region, ["L36"]),
        ("west-lancs", "West Lancashire Council", lancashire, ["L39"]),
        ("skelmersdale", "Skelmersdale Council", lancashire, ["L20"]),
        ("chorley", "Chorley Council", lancashire, ["PR7"]),
        ("lancaster", "Lancaster City Council", lancashire, ["LA1", "LA2"]),
    ):
        council = Council(
            slug=slug,
            name=name,
            region_id=region.id,
            settings=CouncilSettings().model_dump(mode="json"),
        )
        world.db.add(council)
        await world.db.flush()
        world.db.add_all(PostcodeCoverage(council_id=council.id, prefix=p) for p in prefixes)
    # A council that has left the service is never offered.
    gone = Council(slug="gone", name="Gone Council", region_id=lancashire.id, is_active=False)
    world.db.add(gone)
    await world.db.flush()
    world.db.add(PostcodeCoverage(council_id=gone.id, prefix="L40 9"))
    await world.db.commit()
    return world


async def _nearest(client: httpx.AsyncClient, postcode: str) -> dict[str, Any]:
    body = assert_problem(await client.get(ROUTING, params={"postcode": postcode}), 404)
    assert all(c["distance_km"] is None for c in body["nearest_councils"])
    return body


@pytest.mark.parametrize("postcode", ["L40 1AA", "l401aa", "L40"])
async def test_an_unplaced_postcode_is_offered_the_councils_of_the_nearest_districts(
    client: httpx.AsyncClient, two_regions: World, postcode: str
) -> None:
    body = await _nearest(client, postcode)
    # L39 is nearest (West Lancashire), so Lancashire's council covering L20 comes next,
    # then the rest by district number: Sefton's L38 before Knowsley's L36 and alpha's L2.
    assert [c["slug"] for c in body["nearest_councils"]] == [
        "west-lancs",
        "skelmersdale",
        "sefton",
    ]
    assert [c["region"] for c in body["nearest_councils"]] == [
        "lancashire",
        "lancashire",
        "test-region",
    ]
    assert body["detail"].endswith(
        "The nearest are: West Lancashire Council, Skelmersdale Council, Sefton Council."
    )


async def test_nearest_district_numbers_come_first_within_a_region(
    client: httpx.AsyncClient, two_regions: World
) -> None:
    # L35: Knowsley's L36 (1 away), then Sefton's L37 (2), Lancashire's L39 being further.
    body = await _nearest(client, "L35 0AA")
    assert [c["slug"] for c in body["nearest_councils"]] == ["knowsley", "sefton", "alpha"]


async def test_the_nearest_ones_region_fills_a_short_list(
    client: httpx.AsyncClient, two_regions: World
) -> None:
    # Only Lancaster covers the LA area: its region's other councils follow, by name.
    body = await _nearest(client, "LA5 9AA")
    assert [c["slug"] for c in body["nearest_councils"]] == [
        "lancaster",
        "chorley",
        "skelmersdale",
    ]
    # PR1: Chorley's PR7 before Sefton's PR8, then Chorley's region.
    body = await _nearest(client, "PR1 1AA")
    assert [c["slug"] for c in body["nearest_councils"]] == ["chorley", "sefton", "lancaster"]


async def test_an_area_nobody_covers_lists_the_councils_by_name(
    client: httpx.AsyncClient, two_regions: World
) -> None:
    body = await _nearest(client, "M1 1AA")
    names = [c["name"] for c in body["nearest_councils"]]
    assert names == sorted(names) and len(names) == 8 and "Gone Council" not in names
    assert "Councils here: Alpha Council, Beta Council," in body["detail"]


async def test_the_enquiry_offers_the_same_councils_as_routing(
    client: httpx.AsyncClient, two_regions: World
) -> None:
    routed = await _nearest(client, "L40 1AA")
    enquired = await client.post(
        "/api/v1/enquiries",
        json=factories.enquiry_body(council=factories.DROP, contact={"postcode": "L40 1AA"}),
    )
    body = assert_problem(enquired, 422, "contact.postcode")
    assert body["nearest_councils"] == routed["nearest_councils"]
    assert body["detail"] == routed["detail"]


async def test_distance_still_decides_when_the_postcode_and_councils_are_placed(
    client: httpx.AsyncClient, two_regions: World
) -> None:
    world = two_regions
    world.db.add(
        Postcode(postcode="L40 1AA", ons_la_code="E07000127", latitude=53.57, longitude=-2.88)
    )
    await world.db.commit()
    # Placed postcode, but no council has a position yet: the districts rank them.
    body = await _nearest(client, "L40 1AA")
    assert [c["slug"] for c in body["nearest_councils"]] == ["west-lancs", "skelmersdale", "sefton"]
    for slug, lat, lng in (("sefton", 53.48, -3.01), ("knowsley", 53.45, -2.85)):
        await world.db.execute(
            update(Council).where(Council.slug == slug).values(latitude=lat, longitude=lng)
        )
    await world.db.commit()
    placed = assert_problem(await client.get(ROUTING, params={"postcode": "L40 1AA"}), 404)
    assert [c["slug"] for c in placed["nearest_councils"]] == ["sefton", "knowsley"]
    assert all(c["distance_km"] > 0 for c in placed["nearest_councils"])


@pytest.mark.parametrize(
    ("value", "district"),
    [
        ("L40 1AA", ("L", 40)),
        ("l40", ("L", 40)),
        ("EC1A 1BB", ("EC", 1)),
        ("SW1A", ("SW", 1)),
        ("CH41", ("CH", 41)),
        ("GIR 0AA", None),
        ("nowhere", None),
    ],
)
def test_a_postcodes_area_and_district_number(value: str, district: tuple[str, int] | None) -> None:
    assert postcodes.district_of(value) == district
