"""Regional roll-ups: aggregates by council and in total, small counts suppressed, no person."""

import csv
import io
from datetime import date
from typing import Any

import httpx

from fosterhub.councils.models import Council, Region
from fosterhub.councils.schemas import CouncilSettings
from fosterhub.enquiries.vocabulary import CLOSING, PIPELINE, STAGES
from tests.conftest import Person, World, assert_problem, partner_headers
from tests.reports.histories import at, history, household

APRIL = {"from": "2026-04-01", "to": "2026-04-30"}
ROUTES = ["funnel", "time-in-stage", "sources", "withdrawals", "retention", "ofsted-return"]


async def viewer(world: World) -> Person:
    return await world.make_person(world.a, "regional_viewer", region_id=world.region.id)


async def regional(client: httpx.AsyncClient, who: Person, path: str, **params: Any) -> Any:
    response = await client.get(
        f"/api/v1/regions/{world_region}/reports/{path}", params=params, headers=who.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


world_region = "test-region"
FEWER, WITHHELD = "fewer than 5", "withheld"


async def regional_csv(
    client: httpx.AsyncClient, who: Person, path: str, **params: Any
) -> list[dict[str, str]]:
    response = await client.get(
        f"/api/v1/regions/{world_region}/reports/{path}",
        params=params,
        headers={**who.headers, "Accept": "text/csv"},
    )
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


async def four_and_five(world: World) -> list[str]:
    """Alpha: 4 enquiries in April, none contacted. Beta: 5, all contacted, one withdrawn."""
    references = []
    for day in range(1, 5):
        e = await history(world, world.a, at(2026, 4, day), due_at=at(2026, 4, day + 1))
        references.append(e.reference)
    for day in range(1, 6):
        moves: list[Any] = [("initial_contact", at(2026, 4, day, 15))]
        if day == 5:
            moves.append(("withdrawn", at(2026, 4, 20), "AW3"))
        e = await history(world, world.b, at(2026, 4, day), *moves)
        references.append(e.reference)
    return references


async def test_regional_funnel_suppresses_four_and_shows_five(
    client: httpx.AsyncClient, world: World
) -> None:
    await four_and_five(world)
    report = await regional(client, await viewer(world), "funnel", **APRIL)
    councils = {c["council"]: c for c in report["councils"]}
    assert set(councils) == {"alpha", "beta"}

    alpha = councils["alpha"]["cohort"]
    assert alpha["enquiries"] == "fewer than 5"
    assert alpha["stages"][0] == {
        "stage": "enquiry",
        "reached": "fewer than 5",
        "conversion_from_previous": None,
    }
    # Zero stays 0, and a rate made from a suppressed count is withheld.
    assert alpha["stages"][1] == {
        "stage": "initial_contact",
        "reached": 0,
        "conversion_from_previous": None,
    }
    beta = councils["beta"]["cohort"]
    assert beta["enquiries"] == 5
    assert [s["reached"] for s in beta["stages"]] == [5, 5, 0, 0, 0, 0, 0]
    assert beta["stages"][1]["conversion_from_previous"] == 1.0
    assert beta["stages"][2]["conversion_from_previous"] == 0.0
    assert {c["outcome"]: c["count"] for c in beta["closed"]}["withdrawn"] == "fewer than 5"
    assert beta["open"] == "fewer than 5"  # 4 still in initial contact

    total = report["total"]
    assert (total["council"], total["name"]) == ("total", "Test Region")
    # The region's 9 enquiries (and 9 received in the activity) were shown before secondary
    # suppression, and 9 - Beta's 5 gave Alpha's "fewer than 5" away as 4: now withheld, with
    # the conversion made from it (5 / 9). Contacted: 0 + 5, nothing hidden, still shown.
    assert [s["reached"] for s in total["cohort"]["stages"]][:3] == ["withheld", 5, 0]
    assert total["cohort"]["stages"][1]["conversion_from_previous"] is None
    entered = {s["stage"]: s["count"] for s in total["activity"]["entered"]}
    assert (entered["enquiry"], entered["initial_contact"], entered["withdrawn"]) == (
        "withheld",
        5,
        "fewer than 5",
    )
    # Alpha's 4 and Beta's 4 still open would be the region's 8 at its largest (4 + 4): withheld.
    assert total["cohort"]["open"] == "withheld"
    # Beta's own 5 = 4 open + 1 withdrawn stays shown: two hidden parts that could be 1 + 4,
    # 2 + 3, 3 + 2 or 4 + 1.
    assert (beta["enquiries"], beta["open"]) == (5, "fewer than 5")


async def test_regional_reports_name_no_person_and_no_reference(
    client: httpx.AsyncClient, world: World
) -> None:
    references = await four_and_five(world)
    await household(world, world.a, date(2026, 4, 1))
    who = await viewer(world)
    for path in ROUTES:
        params = {"year": 2026} if path == "ofsted-return" else APRIL
        for accept in ("application/json", "text/csv"):
            response = await client.get(
                f"/api/v1/regions/test-region/reports/{path}",
                params=params,
                headers={**who.headers, "Accept": accept},
            )
            assert response.status_code == 200, (path, response.text)
            for reference in references:
                assert reference not in response.text
            for personal in ("Ann", "Lee", "@example.org", "L1 8JQ", "Joneses"):
                assert personal not in response.text


async def test_regional_time_in_stage_withholds_medians_of_small_counts(
    client: httpx.AsyncClient, world: World
) -> None:
    await four_and_five(world)
    report = await regional(client, await viewer(world), "time-in-stage", **APRIL)
    councils = {c["council"]: c for c in report["councils"]}
    beta_first = councils["beta"]["stages"][0]
    # Beta: five contacts the same day (0 working days each).
    assert (beta_first["moves"], beta_first["median_days"], beta_first["p90_days"]) == (5, 0.0, 0.0)
    assert (beta_first["over_target"], beta_first["share_over_target"]) == (0, 0.0)
    alpha_first = councils["alpha"]["stages"][0]
    assert (alpha_first["moves"], alpha_first["median_days"]) == (0, None)
    assert councils["alpha"]["overdue"]["count"] == "fewer than 5"
    assert "items" not in councils["alpha"]["overdue"]
    total_first = report["total"]["stages"][0]
    assert (total_first["moves"], total_first["unit"], total_first["median_days"]) == (
        5,
        "working_days",
        0.0,
    )


async def test_regional_total_counts_in_calendar_days_when_councils_differ(
    client: httpx.AsyncClient, world: World
) -> None:
    settings = CouncilSettings()
    settings.stage_targets.pop("initial_contact")
    world.b.settings = settings.model_dump(mode="json")
    await world.db.commit()
    for day in range(1, 6):
        await history(world, world.b, at(2026, 4, day), ("initial_contact", at(2026, 4, day, 22)))
    report = await regional(client, await viewer(world), "time-in-stage", **APRIL)
    beta = {c["council"]: c for c in report["councils"]}["beta"]["stages"][0]
    assert (beta["unit"], beta["median_days"], beta["target"]) == ("calendar_days", 0.5, None)
    total = report["total"]["stages"][0]
    assert (total["unit"], total["median_days"]) == ("calendar_days", 0.5)


async def test_regional_sources_withdrawals_retention_and_ofsted(
    client: httpx.AsyncClient, world: World
) -> None:
    await four_and_five(world)
    for n in range(5):
        await household(world, world.a, date(2026, 4, 1 + n), places=2)
    await household(world, world.b, date(2026, 4, 1), places=1)
    who = await viewer(world)

    sources = await regional(client, who, "sources")
    beta = {c["council"]: c for c in sources["councils"]}["beta"]["channels"][0]
    assert (beta["channel"], beta["enquiries"], beta["share_initial_visit"]) == ("website", 5, 0.0)
    # Withheld rather than 9: 9 - Beta's 5 would be Alpha's 4 (secondary suppression).
    assert sources["total"]["channels"][0]["enquiries"] == "withheld"

    withdrawals = await regional(client, who, "withdrawals")
    assert withdrawals["total"]["total"] == "fewer than 5"

    retention = await regional(client, who, "retention", **APRIL)
    by_council = {c["council"]: c for c in retention["councils"]}
    assert by_council["alpha"]["approved"] == 5
    assert by_council["alpha"]["current"]["places"] == 10
    assert by_council["beta"]["approved"] == "fewer than 5"
    assert by_council["beta"]["net_change"] is None
    assert by_council["beta"]["at_end"]["average_years_fostering"] is None
    assert by_council["alpha"]["net_change"] == 5
    # Withheld rather than 6: 6 - Alpha's 5 would be Beta's 1 (secondary suppression).
    assert retention["total"]["approved"] == "withheld"

    ofsted = await regional(client, who, "ofsted-return", year=2026)
    by_council = {c["council"]: c for c in ofsted["councils"]}
    assert by_council["beta"]["initial_enquiries"] == 5
    assert by_council["alpha"]["initial_enquiries"] == "fewer than 5"
    # Withheld rather than 9 (9 - 5 = Alpha's 4).
    assert ofsted["total"]["initial_enquiries"] == "withheld"


async def test_regional_csv_matches_json(client: httpx.AsyncClient, world: World) -> None:
    await four_and_five(world)
    who = await viewer(world)
    report = await regional(client, who, "funnel", **APRIL)
    response = await client.get(
        "/api/v1/regions/test-region/reports/funnel",
        params=APRIL,
        headers={**who.headers, "Accept": "text/csv"},
    )
    rows = [line.split(",") for line in response.text.splitlines()]
    # The columns the file had, then those added for the conversions between every pair of
    # stages (`from_stage`, `rate`) and for the split's `group`.
    assert rows[0] == [
        "council",
        "view",
        "stage",
        "count",
        "conversion_from_previous",
        "from_stage",
        "rate",
        "group",
    ]
    reached = {(r[0], r[2]): r[3] for r in rows[1:] if r[1] == "cohort_reached"}
    for council in [*report["councils"], report["total"]]:
        for stage in council["cohort"]["stages"]:
            assert reached[(council["council"], stage["stage"])] == str(stage["reached"])


async def test_only_the_regions_own_viewers(client: httpx.AsyncClient, world: World) -> None:
    other = Region(slug="other-region", name="Other Region")
    world.db.add(other)
    await world.db.flush()
    outsider_council = Council(slug="gamma", name="Gamma", region_id=other.id, settings={})
    world.db.add(outsider_council)
    await world.db.commit()
    outsider = await world.make_person(outsider_council, "regional_viewer", region_id=other.id)
    ours = await viewer(world)
    manager = await world.make_person(world.a, "manager", "admin")
    for path in ROUTES:
        url = f"/api/v1/regions/test-region/reports/{path}"
        assert_problem(await client.get(url, headers=outsider.headers), 403)
        assert_problem(await client.get(url, headers=manager.headers), 403)
        assert_problem(await client.get(url), 401)
        assert (await client.get(url, headers=ours.headers)).status_code == 200
        assert_problem(
            await client.get(f"/api/v1/regions/nowhere/reports/{path}", headers=ours.headers), 404
        )
        assert_problem(
            await client.get(
                url,
                params={"from": "2026-05-01", "to": "2026-04-01"}
                if path != "ofsted-return"
                else {"year": 1999},
                headers=ours.headers,
            ),
            422,
            "year" if path == "ofsted-return" else "from",
        )
    # The other region's figures hold none of ours.
    theirs = await client.get(
        "/api/v1/regions/other-region/reports/funnel", params=APRIL, headers=outsider.headers
    )
    assert [c["council"] for c in theirs.json()["councils"]] == ["gamma"]


# --- the region's funnel split by channel and by referral --------------------------------------


def funnel_row(
    council: str,
    name: str,
    reached: list[Any],
    open_: Any,
    entered: dict[str, Any],
) -> dict[str, Any]:
    """A council's (or the region's) funnel as the report must read it: nothing closed, and
    each conversion the later stage's figure over the earlier one's where both are shown."""

    def rate(part: Any, whole: Any) -> float | None:
        if isinstance(part, str) or isinstance(whole, str) or whole == 0:
            return None
        return round(part / whole, 4)

    return {
        "council": council,
        "name": name,
        "cohort": {
            "enquiries": reached[0],
            "stages": [
                {
                    "stage": stage,
                    "reached": reached[i],
                    "conversion_from_previous": None
                    if i == 0
                    else rate(reached[i], reached[i - 1]),
                }
                for i, stage in enumerate(PIPELINE)
            ],
            "conversions": [
                {"from_stage": start, "to_stage": end, "rate": rate(reached[j], reached[i])}
                for i, start in enumerate(PIPELINE)
                for j, end in enumerate(PIPELINE)
                if i < j
            ],
            "open": open_,
            "closed": [{"outcome": outcome, "count": 0} for outcome in CLOSING],
        },
        "activity": {"entered": [{"stage": s, "count": entered.get(s, 0)} for s in STAGES]},
    }


def contacted(n: Any, contacts: Any) -> dict[str, Any]:
    """A cohort of `n` received in the period, `contacts` of them contacted: how it reads."""
    return {
        "reached": [n, contacts, 0, 0, 0, 0, 0],
        "open_": n,
        "entered": {"enquiry": n, "initial_contact": contacts},
    }


async def channels_and_referrals(world: World) -> None:
    """April 2026. Alpha: 5 website enquiries and 6 from social media, all contacted. Beta: 7
    website enquiries, all contacted, and 3 from social media, none contacted. Everyone from
    social media was referred by a carer of their council; nobody else was."""
    for council, website, social, social_contacted in (
        (world.a, 5, 6, True),
        (world.b, 7, 3, False),
    ):
        carer = await household(world, council, date(2024, 1, 1))
        for day in range(1, website + 1):
            await history(
                world, council, at(2026, 4, day), ("initial_contact", at(2026, 4, day, 15))
            )
        for day in range(1, social + 1):
            moves = [("initial_contact", at(2026, 4, day, 16))] if social_contacted else []
            await history(
                world,
                council,
                at(2026, 4, day, 12),
                *moves,
                channel="social_media",
                referral_household_id=carer.id,
            )


async def test_regional_funnel_by_channel_and_referral_per_council_and_in_total(
    client: httpx.AsyncClient, world: World
) -> None:
    await channels_and_referrals(world)
    who = await viewer(world)
    report = await regional(client, who, "funnel", by="channel", **APRIL)
    assert report["by"] == "channel"

    # The true figures, councils by channel:    website  social  all
    #   enquiries (and open, and received)  Alpha   5      6     11
    #                                       Beta    7      3     10
    #                                       region 12      9     21
    # Beta's 3 from social media reads "fewer than 5"; beside it, Beta's 10 (7 + 3), social
    # media's 9 (6 + 3), and so the region's 21 (12 + 9, or 11 + 10) are withheld, as are the
    # same figures of `open` and of the activity's received enquiries, which equal them.
    # Contacts (0 for Beta's social media) hide nothing.
    w = WITHHELD
    assert report["councils"] == [
        funnel_row("alpha", "Alpha Council", **contacted(11, 11)),
        funnel_row("beta", "Beta Council", **contacted(w, 7)),
    ]
    assert report["total"] == funnel_row("total", "Test Region", **contacted(w, 18))
    assert report["splits"] == [
        {
            "key": "social_media",
            "councils": [
                funnel_row("alpha", "Alpha Council", **contacted(6, 6)),
                funnel_row("beta", "Beta Council", **contacted(FEWER, 0)),
            ],
            "total": funnel_row("total", "Test Region", **contacted(w, 6)),
        },
        {
            "key": "website",
            "councils": [
                funnel_row("alpha", "Alpha Council", **contacted(5, 5)),
                funnel_row("beta", "Beta Council", **contacted(7, 7)),
            ],
            "total": funnel_row("total", "Test Region", **contacted(12, 12)),
        },
    ]

    # Referred are exactly those from social media: the same figures under the referral keys.
    by_referral = await regional(client, who, "funnel", by="referral", **APRIL)
    assert by_referral["by"] == "referral"
    assert by_referral["councils"] == report["councils"]
    assert by_referral["total"] == report["total"]
    renamed = {"social_media": "referred", "website": "not_referred"}
    assert by_referral["splits"] == sorted(
        ({**s, "key": renamed[s["key"]]} for s in report["splits"]), key=lambda s: s["key"]
    )

    rows = await regional_csv(client, who, "funnel", by="channel", **APRIL)
    received = {
        (r["group"], r["council"]): r["count"]
        for r in rows
        if (r["view"], r["stage"]) == ("cohort_reached", "enquiry")
    }
    assert received == {
        ("all", "alpha"): "11",
        ("all", "beta"): w,
        ("all", "total"): w,
        ("social_media", "alpha"): "6",
        ("social_media", "beta"): FEWER,
        ("social_media", "total"): w,
        ("website", "alpha"): "5",
        ("website", "beta"): "7",
        ("website", "total"): "12",
    }


async def test_regional_funnel_splits_only_by_what_names_nobody(
    client: httpx.AsyncClient, world: World
) -> None:
    who = await viewer(world)
    for by in ("campaign", "event", "ambassador", "council", "postcode"):
        response = await client.get(
            "/api/v1/regions/test-region/reports/funnel", params={"by": by}, headers=who.headers
        )
        assert_problem(response, 422, "by")


# --- partner clients -----------------------------------------------------------------------------


async def test_a_partner_client_reads_its_own_councils_region_and_no_other(
    client: httpx.AsyncClient, world: World
) -> None:
    await four_and_five(world)
    other = Region(slug="other-region", name="Other Region")
    world.db.add(other)
    await world.db.flush()
    gamma = Council(slug="gamma", name="Gamma", region_id=other.id, settings={})
    world.db.add(gamma)
    await world.db.commit()
    hub = await partner_headers(client, world, world.b, ["reports:read"])
    no_scope = await partner_headers(client, world, world.b, ["enquiries:read", "enquiries:write"])
    outsider = await partner_headers(client, world, gamma, ["reports:read"])
    people = await viewer(world)
    for path in ROUTES:
        params = {"year": 2026} if path == "ofsted-return" else APRIL
        url = f"/api/v1/regions/test-region/reports/{path}"
        ours = await client.get(url, params=params, headers=hub)
        assert ours.status_code == 200, (path, ours.text)
        # The same aggregates, suppressed alike, as the region's own viewers read.
        theirs = await client.get(url, params=params, headers=people.headers)
        assert _without_as_of(ours.json()) == _without_as_of(theirs.json()), path
        # Another region answers as if there were none, as another council's record does.
        assert_problem(
            await client.get(f"/api/v1/regions/other-region/reports/{path}", headers=hub), 404
        )
        assert_problem(await client.get(url, headers=outsider), 404)
        assert_problem(
            await client.get(f"/api/v1/regions/nowhere/reports/{path}", headers=hub), 404
        )
        assert_problem(await client.get(url, headers=no_scope), 403)
    # Its own council's figures among the region's, small counts hidden all the same.
    funnel = (
        await client.get("/api/v1/regions/test-region/reports/funnel", params=APRIL, headers=hub)
    ).json()
    by_council = {c["council"]: c["cohort"]["enquiries"] for c in funnel["councils"]}
    assert by_council == {"alpha": FEWER, "beta": 5}


def _without_as_of(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != "as_of"}


# --- time in stage when only one council has targets --------------------------------------------


async def test_regional_time_in_stage_judges_each_council_only_by_its_own_targets(
    client: httpx.AsyncClient, world: World
) -> None:
    world.b.settings = CouncilSettings(stage_targets={}).model_dump(mode="json")
    await world.db.commit()
    # Alpha (a target of 1 working day to contact): 10 received Monday 13 April, 5 contacted
    # the next day (1 working day, on time) and 5 on Thursday (3 working days, late).
    for day in (14, 14, 14, 14, 14, 16, 16, 16, 16, 16):
        await history(world, world.a, at(2026, 4, 13), ("initial_contact", at(2026, 4, day)))
    # Beta (no targets): 6 received the same Monday, contacted two weeks later: 14 days, which
    # Alpha's target must not call late.
    for _ in range(6):
        await history(world, world.b, at(2026, 4, 13), ("initial_contact", at(2026, 4, 27)))
    report = await regional(client, await viewer(world), "time-in-stage", **APRIL)
    first = {c["council"]: c["stages"][0] for c in [*report["councils"], report["total"]]}
    assert first["alpha"] == {
        "stage": "enquiry",
        "next_stage": "initial_contact",
        "moves": 10,
        "unit": "working_days",
        # Working days 1 x 5 and 3 x 5: the median between the 5th and 6th, (1 + 3) / 2.
        "median_days": 2.0,
        "p90_days": 3.0,
        "target": {"amount": 1, "unit": "working_days", "from_stage": "enquiry"},
        "over_target": 5,
        "share_over_target": 0.5,
    }
    assert first["beta"] == {
        "stage": "enquiry",
        "next_stage": "initial_contact",
        "moves": 6,
        "unit": "calendar_days",
        "median_days": 14.0,
        "p90_days": 14.0,
        "target": None,
        "over_target": None,
        "share_over_target": None,
    }
    # The region in calendar days (Beta counts so): 1 x 5, 3 x 5 and 14 x 6. Over target:
    # Alpha's 5 of the 10 Alpha's target judges; Beta's 6 are judged by none.
    assert first["total"] == {
        "stage": "enquiry",
        "next_stage": "initial_contact",
        "moves": 16,
        "unit": "calendar_days",
        "median_days": 3.0,
        "p90_days": 14.0,
        "target": None,
        "over_target": 5,
        "share_over_target": 0.5,
    }
    for row in [*report["councils"], report["total"]]:
        later = row["stages"][1:]
        assert [s["moves"] for s in later] == [0] * 5
        assert {s["median_days"] for s in later} == {None}
        assert row["overdue"]["count"] == 0
    # Targets the region has (Alpha's) judge the total; Beta's rows never carry one.
    totals = {s["stage"]: s for s in report["total"]["stages"]}
    assert (totals["initial_contact"]["over_target"], totals["initial_visit"]["over_target"]) == (
        0,
        None,
    )
