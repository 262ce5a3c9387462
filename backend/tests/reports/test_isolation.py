"""Another council's records never move a figure, and a region's small counts never show.

Each test takes every report (JSON and CSV, every split), adds a busy history to a council
that must not count, and asks again: every figure must be the same. The suppression tests walk
every regional report, in JSON and in CSV, for a count from 1 to 4 shown as a number.
"""

import csv
import io
from datetime import date, timedelta
from typing import Any

import httpx

from fosterhub.councils.models import Council, Region
from tests import factories
from tests.conftest import Person, World
from tests.events.factories import make_event
from tests.reports.histories import at, history, household

APRIL = {"from": "2026-04-01", "to": "2026-04-30"}
SPLITS = [None, "channel", "campaign", "event", "ambassador", "referral"]
PERIODS = [APRIL, {}, {"from": "2025-04-01", "to": "2026-03-31"}]


async def busy(world: World, council: Council) -> None:
    """A council with something in every figure: enquiries from every source through every
    stage and closing outcome, overdue work, campaign costs, an event, and households approved,
    on hold and deregistered, in April 2026 and the year before."""
    poster = await factories.make_campaign(world, council, name="Posters", cost_pence=10_000)
    champion = await factories.make_campaign(
        world, council, name="Champion", kind="ambassador", ambassador_type="champion"
    )
    evening = await make_event(world, council, title="Their evening", status="published")
    sources: list[dict[str, Any]] = [
        {"channel": "website"},
        {"channel": "print", "campaign_id": poster.id},
        {"channel": "word_of_mouth", "campaign_id": champion.id},
        {"channel": "event", "event_id": evening.id},
    ]
    endings: list[tuple[Any, ...]] = [
        (),
        (("withdrawn", at(2026, 4, 20), "AW2"),),
        (("no_response", at(2026, 4, 21), "NR1"),),
        (
            ("initial_visit", at(2026, 4, 9)),
            ("application", at(2026, 4, 10)),
            ("assessment", at(2026, 4, 13)),
            ("panel", at(2026, 4, 22)),
            ("approved", at(2026, 4, 27)),
        ),
        (("initial_visit", at(2026, 4, 9)), ("application", at(2026, 4, 10))),
        (
            ("initial_visit", at(2026, 4, 9)),
            ("application", at(2026, 4, 10)),
            ("not_progressed", at(2026, 4, 24), "NP2"),
        ),
    ]
    for received in (at(2026, 4, 1), at(2026, 4, 8), at(2025, 6, 2), at(2025, 10, 1)):
        for source in sources:
            for ending in endings:
                await history(
                    world,
                    council,
                    received,
                    ("initial_contact", received + timedelta(hours=5)),
                    *ending,
                    due_at=at(2026, 4, 3),
                    **source,
                )
    for n in range(3):
        await household(world, council, date(2025, 5, 1 + n), places=2)
        await household(world, council, date(2026, 4, 2 + n), status="on_hold")
        await household(
            world,
            council,
            date(2019, 1, 1),
            places=3,
            deregistered_on=date(2026, 4, 10 + n),
            reason="retired",
        )
        await household(
            world,
            council,
            date(2012, 1, 1),
            deregistered_on=date(2025, 9, 1),
            reason="health",
        )


async def ours(world: World) -> None:
    """A little of everything in Alpha, so there are figures to move."""
    leaflet = await factories.make_campaign(world, world.a, name="Leaflets", cost_pence=5_000)
    evening = await make_event(world, world.a, title="Our evening", status="published")
    await history(
        world,
        world.a,
        at(2026, 4, 1),
        ("initial_contact", at(2026, 4, 2)),
        ("initial_visit", at(2026, 4, 9)),
        ("application", at(2026, 4, 20)),
        event_id=evening.id,
    )
    await history(
        world,
        world.a,
        at(2026, 4, 2),
        ("initial_contact", at(2026, 4, 7)),
        ("withdrawn", at(2026, 4, 8), "AW3"),
        campaign_id=leaflet.id,
        channel="print",
    )
    await history(world, world.a, at(2026, 4, 15), due_at=at(2026, 4, 16))
    await history(
        world,
        world.a,
        at(2025, 7, 1),
        ("initial_contact", at(2025, 7, 2)),
        ("initial_visit", at(2025, 7, 9)),
        ("application", at(2025, 8, 1)),
        ("not_progressed", at(2025, 12, 1), "NP2"),
    )
    await household(world, world.a, date(2025, 6, 1), places=2)
    await household(world, world.a, date(2018, 1, 1), deregistered_on=date(2026, 4, 3))


def _without_as_of(body: Any) -> Any:
    if isinstance(body, dict):
        return {k: _without_as_of(v) for k, v in body.items() if k != "as_of"}
    if isinstance(body, list):
        return [_without_as_of(v) for v in body]
    return body


async def every_council_report(client: httpx.AsyncClient, who: Person) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    asks: list[tuple[str, dict[str, Any]]] = []
    for period in PERIODS:
        for by in SPLITS:
            asks.append(("funnel", {**period, **({"by": by} if by else {})}))
        for path in ("time-in-stage", "sources", "withdrawals", "retention"):
            asks.append((path, period))
    for year in (2025, 2026):
        asks.append(("ofsted-return", {"year": year}))
    for path, params in asks:
        for accept in ("application/json", "text/csv"):
            response = await client.get(
                f"/api/v1/reports/{path}", params=params, headers={**who.headers, "Accept": accept}
            )
            assert response.status_code == 200, (path, params, response.text)
            key = f"{path} {sorted(params.items())} {accept}"
            answers[key] = (
                _without_as_of(response.json()) if accept == "application/json" else response.text
            )
    return answers


async def every_regional_report(
    client: httpx.AsyncClient, who: Person, slug: str = "test-region"
) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    asks: list[tuple[str, dict[str, Any]]] = [
        (path, period)
        for period in PERIODS
        for path in ("funnel", "time-in-stage", "sources", "withdrawals", "retention")
    ]
    asks += [("ofsted-return", {"year": 2025}), ("ofsted-return", {"year": 2026})]
    for path, params in asks:
        for accept in ("application/json", "text/csv"):
            response = await client.get(
                f"/api/v1/regions/{slug}/reports/{path}",
                params=params,
                headers={**who.headers, "Accept": accept},
            )
            assert response.status_code == 200, (path, params, response.text)
            key = f"{path} {sorted(params.items())} {accept}"
            answers[key] = (
                _without_as_of(response.json()) if accept == "application/json" else response.text
            )
    return answers


async def test_another_councils_records_never_move_a_councils_figure(
    client: httpx.AsyncClient, world: World
) -> None:
    await ours(world)
    manager = await world.make_person(world.a, "manager")
    before = await every_council_report(client, manager)
    # Alpha has figures to move: the test would prove nothing on an empty council.
    assert (
        before["funnel [('from', '2026-04-01'), ('to', '2026-04-30')] application/json"]["cohort"][
            "enquiries"
        ]
        == 3
    )

    await busy(world, world.b)
    after = await every_council_report(client, manager)
    assert after == before
    # And Beta's own reports did see Beta's records.
    theirs = await world.make_person(world.b, "manager")
    response = await client.get("/api/v1/reports/funnel", params=APRIL, headers=theirs.headers)
    assert response.json()["cohort"]["enquiries"] == 48


async def test_a_council_outside_the_region_never_moves_the_regions_figures(
    client: httpx.AsyncClient, world: World
) -> None:
    await ours(world)
    await busy(world, world.b)
    viewer = await world.make_person(world.a, "regional_viewer", region_id=world.region.id)
    before = await every_regional_report(client, viewer)

    elsewhere = Region(slug="elsewhere", name="Elsewhere")
    world.db.add(elsewhere)
    await world.db.flush()
    gamma = Council(slug="gamma", name="Gamma Council", region_id=elsewhere.id, settings={})
    # A council with no region at all, too.
    delta = Council(slug="delta", name="Delta Council", settings={})
    world.db.add_all([gamma, delta])
    await world.db.commit()
    await busy(world, gamma)
    await busy(world, delta)

    after = await every_regional_report(client, viewer)
    assert after == before
    funnel = before["funnel [('from', '2026-04-01'), ('to', '2026-04-30')] application/json"]
    assert [c["council"] for c in funnel["councils"]] == ["alpha", "beta"]


# --- suppression in every regional report --------------------------------------------------

# Numbers that are not counts of people or records: a year, a target's size, a difference.
NOT_COUNTS = {"year", "amount", "net_change"}
RATES = {
    "conversion_from_previous",
    "share_initial_visit",
    "share_application",
    "no_response_rate",
    "share_over_target",
    "median_days",
    "p90_days",
    "average_years_fostering",
    "average_years_fostering_of_leavers",
}


def small_numbers(body: Any, path: str = "") -> list[str]:
    """Where a count from 1 to 4 shows as a number in a JSON report."""
    found: list[str] = []
    if isinstance(body, dict):
        for key, value in body.items():
            if key in NOT_COUNTS or key in RATES:
                continue
            found += small_numbers(value, f"{path}.{key}")
    elif isinstance(body, list):
        for i, value in enumerate(body):
            found += small_numbers(value, f"{path}[{i}]")
    elif isinstance(body, int) and not isinstance(body, bool) and 0 < body < 5:
        found.append(f"{path} = {body}")
    return found


COUNT_COLUMNS = {
    "count",
    "value",
    "enquiries",
    "reached_initial_visit",
    "reached_application",
    "approvals",
    "no_response",
    "over_target",
}


def small_csv_numbers(text: str) -> list[str]:
    found = []
    for i, row in enumerate(csv.DictReader(io.StringIO(text))):
        for column in COUNT_COLUMNS & set(row):
            if column == "value" and row.get("measure", "").startswith(
                ("net_change", "average_years")
            ):
                continue
            cell = row[column]
            if cell.isdigit() and 0 < int(cell) < 5:
                found.append(f"row {i} {column} = {cell}: {row}")
    return found


async def test_no_regional_report_shows_a_count_from_1_to_4_in_json_or_csv(
    client: httpx.AsyncClient, world: World
) -> None:
    """Alpha has a little of everything (counts of 1 to 3), Beta a lot (6 to 48)."""
    await ours(world)
    await busy(world, world.b)
    viewer = await world.make_person(world.a, "regional_viewer", region_id=world.region.id)
    answers = await every_regional_report(client, viewer)
    shown_small = 0
    for key, body in answers.items():
        if key.endswith("application/json"):
            assert small_numbers(body) == [], key
        else:
            assert small_csv_numbers(body) == [], key
            shown_small += body.count("fewer than 5")
    assert shown_small > 50  # the small counts are there, as words


async def test_suppression_at_four_and_five_in_every_regional_report_and_its_csv(
    client: httpx.AsyncClient, world: World
) -> None:
    """Alpha: exactly 4 of everything; Beta: exactly 5. 4 reads "fewer than 5" and its shares
    are withheld; 5 is shown with its shares, in JSON and CSV alike."""
    for council, n in ((world.a, 4), (world.b, 5)):
        for i in range(n):
            await history(
                world,
                council,
                at(2026, 4, 1 + i),
                ("initial_contact", at(2026, 4, 1 + i, 15)),
                ("withdrawn", at(2026, 4, 20), "AW2"),
            )
            await household(world, council, date(2026, 4, 1 + i), places=1)
    viewer = await world.make_person(world.a, "regional_viewer", region_id=world.region.id)

    async def both(path: str, **params: Any) -> tuple[Any, list[dict[str, str]]]:
        url = f"/api/v1/regions/test-region/reports/{path}"
        body = (await client.get(url, params=params, headers=viewer.headers)).json()
        text = (
            await client.get(url, params=params, headers={**viewer.headers, "Accept": "text/csv"})
        ).text
        return {c["council"]: c for c in [*body["councils"], body["total"]]}, list(
            csv.DictReader(io.StringIO(text))
        )

    def cell(rows: list[dict[str, str]], council: str, **match: str) -> dict[str, str]:
        hits = [
            r for r in rows if r["council"] == council and all(r[k] == v for k, v in match.items())
        ]
        assert len(hits) == 1, (council, match, hits)
        return hits[0]

    # Funnel: 4 / 5 enquiries, all contacted (conversion 1.0 only where both counts show).
    funnel, rows = await both("funnel", **APRIL)
    for council, shown, conversion in (("alpha", "fewer than 5", None), ("beta", 5, 1.0)):
        stages = funnel[council]["cohort"]["stages"]
        assert (stages[0]["reached"], stages[1]["reached"]) == (shown, shown)
        assert stages[1]["conversion_from_previous"] == conversion
        row = cell(rows, council, view="cohort_reached", stage="initial_contact")
        assert row["count"] == str(shown)
        assert row["conversion_from_previous"] == ("" if conversion is None else "1.0")
    # The region's 9 was shown until secondary suppression: 9 - Beta's 5 gave Alpha's 4 away.
    assert funnel["total"]["cohort"]["enquiries"] == "withheld"

    # Time in stage: the median of 4 stays is withheld, of 5 shown.
    times, rows = await both("time-in-stage", **APRIL)
    for council, shown, median in (("alpha", "fewer than 5", None), ("beta", 5, 0.0)):
        first = times[council]["stages"][0]
        assert (first["moves"], first["median_days"], first["p90_days"]) == (shown, median, median)
        row = cell(rows, council, section="stage", stage="enquiry")
        assert (row["count"], row["median_days"]) == (
            str(shown),
            "" if median is None else "0.0",
        )

    # Sources: the website's 4 enquiries and their shares withheld; 5 shown.
    sources, rows = await both("sources", **APRIL)
    for council, shown, share in (("alpha", "fewer than 5", None), ("beta", 5, 0.0)):
        website = sources[council]["channels"][0]
        assert (website["enquiries"], website["share_initial_visit"]) == (shown, share)
        row = cell(rows, council, channel="website")
        assert (row["enquiries"], row["share_initial_visit"]) == (
            str(shown),
            "" if share is None else "0.0",
        )

    # Withdrawals: 4 / 5 with AW2.
    withdrawals, rows = await both("withdrawals", **APRIL)
    for council, shown in (("alpha", "fewer than 5"), ("beta", 5)):
        assert withdrawals[council]["total"] == shown
        aw2 = {c["code"]: c["count"] for c in withdrawals[council]["by_code"]}["AW2"]
        assert aw2 == shown
        assert cell(rows, council, breakdown="code", code="AW2")["count"] == str(shown)

    # Retention: 4 / 5 households approved; the net change of a suppressed count is withheld.
    retention, rows = await both("retention", **APRIL)
    for council, shown, net in (("alpha", "fewer than 5", None), ("beta", 5, 5)):
        assert (retention[council]["approved"], retention[council]["net_change"]) == (shown, net)
        assert cell(rows, council, measure="approved")["value"] == str(shown)
        assert cell(rows, council, measure="net_change")["value"] == (
            "" if net is None else str(net)
        )

    # Ofsted return (the year from 1 April 2026): 4 / 5 initial enquiries and approvals.
    ofsted, rows = await both("ofsted-return", year=2026)
    for council, shown in (("alpha", "fewer than 5"), ("beta", 5)):
        assert (ofsted[council]["initial_enquiries"], ofsted[council]["approvals"]) == (
            shown,
            shown,
        )
        assert cell(rows, council, measure="initial_enquiries")["value"] == str(shown)
        assert cell(rows, council, measure="approvals")["value"] == str(shown)
    # Withheld, not 9: the region's total less Beta's 5 would be Alpha's 4.
    assert ofsted["total"]["initial_enquiries"] == "withheld"
