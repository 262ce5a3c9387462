"""The Ofsted fostering data collection, checked against a year worked out by hand.

The worked example (also in docs/reports.md), Alpha, year 2025 = 1 April 2025 to 31 March 2026
(London's days: times below are London's clock):

| enquiry | history                                             | counts as              |
|---------|-----------------------------------------------------|------------------------|
| o1      | in 28 Mar 2025; application 1 May; approved 15 Jan  | application            |
| o2      | in 1 Apr 2025 00:00; application 1 Jun; withdrawn   | enquiry, application,  |
|         | from assessment 1 Aug (AW2)                         | withdrawn              |
| o3      | in 15 Jun 2025; withdrawn from contact 1 Jul (AW3)  | enquiry only           |
| o4      | in 1 Sep 2025; application 1 Oct; not progressed    | enquiry, application,  |
|         | 1 Dec (NP2)                                         | turned down            |
| o5      | in 31 Mar 2026 23:59                                | enquiry                |
| o6      | in 1 Apr 2026 00:00                                 | nothing (next year)    |
| o7      | in 1 Nov 2025, a repeat of o3                       | nothing (a repeat)     |
| o8      | in 1 Dec 2024; application 1 Feb 2025; withdrawn    | withdrawn              |
|         | 5 Apr 2025 (AW4)                                    |                        |

| household | approved    | places | deregistered                      | counts as          |
|-----------|-------------|--------|-----------------------------------|--------------------|
| h1 (o1)   | 15 Jan 2026 | 2      |                                   | approval; 31 March |
| h2        | 1 Apr 2025  | 1      |                                   | approval; 31 March |
| h3        | 1 Jan 2019  | 3      | 31 Mar 2026, retired              | deregistration     |
| h4        | 1 Jan 2010  | 2      | 1 Apr 2026, health                | 31 March           |
| h5        | 1 Jan 2012  | 1      | 1 Apr 2025, transferred_to_agency | deregistration     |
| h6        | 1 Apr 2026  | 1      |                                   | nothing            |

Figures: initial enquiries 4 (o2, o3, o4, o5); applications received 3 (o1, o2, o4);
approvals 2 (h1, h2); applications withdrawn 2 (o2 AW2, o8 AW4); turned down 1 (o4);
households at 31 March 3 (h1, h2, h4) with 5 places; deregistrations 2 (retired 1,
transferred_to_agency 1).
"""

from datetime import date
from typing import Any

import httpx

from tests.conftest import World
from tests.reports.histories import at, history, household, london, today, year_running

EXPECTED = {
    "initial_enquiries": 4,
    "applications_received": 3,
    "approvals": 2,
    "applications_withdrawn": 2,
    "applications_turned_down": 1,
    "withdrawal_reasons": {"AW1": 0, "AW2": 1, "AW3": 0, "AW4": 1, "AW5": 0, "AW0": 0},
    "households_at_31_march": 3,
    "places_at_31_march": 5,
    "deregistrations": 2,
    "deregistrations_by_reason": {"retired": 1, "transferred_to_agency": 1},
}


async def worked_example(world: World) -> None:
    a = world.a
    to_application = ["initial_contact", "initial_visit", "application"]

    def path(stages: list[str], *days: Any) -> list[tuple[str, Any]]:
        return list(zip(stages, days, strict=True))

    await history(
        world,
        a,
        at(2025, 3, 28),
        *path(to_application, at(2025, 4, 2), at(2025, 4, 10), at(2025, 5, 1)),
        ("assessment", at(2025, 6, 1)),
        ("panel", at(2026, 1, 5)),
        ("approved", at(2026, 1, 15)),
    )
    await history(
        world,
        a,
        london(2025, 4, 1, 0),
        *path(to_application, at(2025, 4, 2), at(2025, 5, 1), at(2025, 6, 1)),
        ("assessment", at(2025, 7, 1)),
        ("withdrawn", at(2025, 8, 1), "AW2"),
    )
    o3 = await history(
        world,
        a,
        at(2025, 6, 15),
        ("initial_contact", at(2025, 6, 16)),
        ("withdrawn", at(2025, 7, 1), "AW3"),
    )
    await history(
        world,
        a,
        at(2025, 9, 1),
        *path(to_application, at(2025, 9, 2), at(2025, 9, 10), at(2025, 10, 1)),
        ("not_progressed", at(2025, 12, 1), "NP2"),
    )
    # London's midnight, an hour before UTC's in summer time: 22:59 and 23:00 UTC on 31 March.
    await history(world, a, london(2026, 3, 31, 23, 59))
    await history(world, a, london(2026, 4, 1, 0))
    await history(world, a, at(2025, 11, 1), duplicate_of_id=o3.id)
    await history(
        world,
        a,
        at(2024, 12, 1),
        *path(to_application, at(2024, 12, 2), at(2025, 1, 2), at(2025, 2, 1)),
        ("withdrawn", at(2025, 4, 5), "AW4"),
    )
    await household(world, a, date(2026, 1, 15), places=2)
    await household(world, a, date(2025, 4, 1), places=1)
    await household(
        world, a, date(2019, 1, 1), places=3, deregistered_on=date(2026, 3, 31), reason="retired"
    )
    await household(
        world, a, date(2010, 1, 1), places=2, deregistered_on=date(2026, 4, 1), reason="health"
    )
    await household(
        world,
        a,
        date(2012, 1, 1),
        places=1,
        deregistered_on=date(2025, 4, 1),
        reason="transferred_to_agency",
    )
    await household(world, a, date(2026, 4, 1), places=1)
    # Beta's year, which must move none of Alpha's figures.
    b = world.b
    await history(
        world,
        b,
        at(2025, 5, 1),
        *path(to_application, at(2025, 5, 2), at(2025, 5, 3), at(2025, 5, 4)),
        ("withdrawn", at(2025, 6, 1), "AW1"),
    )
    await household(world, b, date(2025, 5, 1), places=4)
    await household(world, b, date(2015, 1, 1), deregistered_on=date(2025, 5, 1), reason="other")


def figures(report: dict[str, Any]) -> dict[str, Any]:
    shown = {key: report[key] for key in EXPECTED}
    shown["withdrawal_reasons"] = {c["code"]: c["count"] for c in report["withdrawal_reasons"]}
    shown["deregistrations_by_reason"] = {
        r["reason"]: r["count"] for r in report["deregistrations_by_reason"]
    }
    return shown


async def test_the_ofsted_return_matches_the_hand_worked_year(
    client: httpx.AsyncClient, world: World
) -> None:
    await worked_example(world)
    manager = await world.make_person(world.a, "manager")
    response = await client.get(
        "/api/v1/reports/ofsted-return", params={"year": 2025}, headers=manager.headers
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["period"] == {"from": "2025-04-01", "to": "2026-03-31"}
    assert (report["year"], report["is_complete"], report["council"]) == (2025, True, "alpha")
    assert figures(report) == EXPECTED

    # The year after: o6 alone, complete once 31 March 2027 is past.
    after = await client.get(
        "/api/v1/reports/ofsted-return", params={"year": 2026}, headers=manager.headers
    )
    assert after.json()["initial_enquiries"] == 1  # o6
    assert after.json()["is_complete"] is (today() > date(2027, 3, 31))


async def test_the_default_year_is_the_last_complete_one_and_the_running_year_is_allowed(
    client: httpx.AsyncClient, world: World
) -> None:
    await worked_example(world)
    manager = await world.make_person(world.a, "manager")
    running = year_running()

    async def year(**params: Any) -> dict[str, Any]:
        response = await client.get(
            "/api/v1/reports/ofsted-return", params=params, headers=manager.headers
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    default = await year()
    assert (default["year"], default["is_complete"]) == (running - 1, True)
    assert default["period"] == {"from": f"{running - 1}-04-01", "to": f"{running}-03-31"}
    assert default == await year(year=running - 1)
    now = await year(year=running)
    assert (now["year"], now["is_complete"]) == (running, False)
    assert now["period"] == {"from": f"{running}-04-01", "to": f"{running + 1}-03-31"}


async def test_the_ofsted_return_as_csv_has_the_same_figures(
    client: httpx.AsyncClient, world: World
) -> None:
    await worked_example(world)
    manager = await world.make_person(world.a, "manager")
    response = await client.get(
        "/api/v1/reports/ofsted-return",
        params={"year": 2025},
        headers={**manager.headers, "Accept": "text/csv"},
    )
    assert response.headers["content-disposition"] == 'attachment; filename="ofsted-alpha-2025.csv"'
    lines = response.text.splitlines()
    assert lines[0] == "measure,detail,value"
    rows = [line.split(",") for line in lines[1:]]
    values = {(m, d): int(v) for m, d, v in rows}
    for key, expected in EXPECTED.items():
        if isinstance(expected, dict):
            detail_measure = (
                "withdrawal_reason" if key == "withdrawal_reasons" else "deregistrations"
            )
            for detail, n in expected.items():
                assert values[(detail_measure, detail)] == n
        else:
            assert values[(key, "")] == expected
