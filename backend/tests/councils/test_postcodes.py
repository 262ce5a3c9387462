"""UK postcodes: validation, normalisation, and the ONS Postcode Directory import."""

import io
from pathlib import Path

import httpx
import pytest

from fosterhub.councils import postcodes
from fosterhub.councils import service as councils_service
from fosterhub.councils.models import Postcode
from tests.conftest import World, assert_problem


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("l18jq", "L1 8JQ"),
        ("L1 8JQ", "L1 8JQ"),
        ("  ch41  5aa ", "CH41 5AA"),
        ("sw1a1aa", "SW1A 1AA"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("W1A 0AX", "W1A 0AX"),
        ("gir0aa", "GIR 0AA"),
        ("L1", None),
        ("12345", None),
        ("L1 8J", None),
        ("LL1 8JQQ", None),
        ("", None),
        ("L1 8JQ; DROP TABLE", None),
    ],
)
def test_postcodes_are_normalised_or_refused(raw: str, expected: str | None) -> None:
    assert postcodes.normalise(raw) == expected


def ons_csv(rows: list[tuple[str, str, str, str, str]]) -> str:
    header = "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lat,long\n"
    body = "".join(
        f"{p.replace(' ', '')},{p},{p},199801,{term},{la},E05000001,{lat},{lng}\n"
        for p, la, lat, lng, term in rows
    )
    return header + body


async def test_import_loads_live_postcodes_and_skips_terminated(
    world: World, tmp_path: Path
) -> None:
    text = ons_csv(
        [
            ("L1 8JQ", "E08000012", "53.40", "-2.98", ""),
            ("CH41 5AA", "E08000015", "53.39", "-3.02", ""),
            ("L2 2DP", "E08000012", "53.41", "-2.99", "201001"),  # terminated
            ("NOT A PC", "E08000012", "53.41", "-2.99", ""),  # invalid
            ("SW1A 1AA", "E09000033", "99.999999", "0.000000", ""),  # no position
        ]
    )
    result = await councils_service.import_postcodes(world.db, io.StringIO(text), batch_size=2)
    assert (result.read, result.loaded) == (5, 3)
    assert (result.skipped_terminated, result.skipped_invalid) == (1, 1)
    stored = await world.db.get(Postcode, "L1 8JQ")
    assert stored is not None and stored.ons_la_code == "E08000012"
    assert stored.latitude == pytest.approx(53.40)
    no_position = await world.db.get(Postcode, "SW1A 1AA")
    assert no_position is not None and no_position.latitude is None


async def test_import_twice_updates_instead_of_duplicating(world: World) -> None:
    first = ons_csv([("L1 8JQ", "E08000012", "53.40", "-2.98", "")])
    second = ons_csv([("L1 8JQ", "E08000015", "53.40", "-2.98", "")])
    await councils_service.import_postcodes(world.db, io.StringIO(first))
    await councils_service.import_postcodes(world.db, io.StringIO(second))
    world.db.expire_all()
    stored = await world.db.get(Postcode, "L1 8JQ")
    assert stored is not None and stored.ons_la_code == "E08000015"


async def test_import_refuses_a_file_without_the_ons_columns(world: World) -> None:
    with pytest.raises(ValueError, match="oslaua"):
        await councils_service.import_postcodes(world.db, io.StringIO("pcds,lat,long,doterm\n"))


async def test_the_ons_directory_decides_routing_over_outward_codes(
    client: httpx.AsyncClient, world: World
) -> None:
    # L1 is Alpha's by outward code, but this one postcode lies in Beta's local authority.
    text = ons_csv([("L1 0AA", "E08000015", "53.40", "-2.98", "")])
    await councils_service.import_postcodes(world.db, io.StringIO(text))
    assert (await client.get("/api/v1/routing?postcode=L10AA")).json()["council"] == "beta"
    assert (await client.get("/api/v1/routing?postcode=L1 8JQ")).json()["council"] == "alpha"


async def test_uncovered_postcode_is_a_clear_problem(
    client: httpx.AsyncClient, world: World
) -> None:
    body = assert_problem(await client.get("/api/v1/routing?postcode=M1 1AE"), 404)
    assert "M1 1AE" in body["detail"]
