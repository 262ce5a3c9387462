"""A council's reports, checked figure by figure against small histories worked out by hand."""

import csv
import io
import itertools
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from fosterhub.auth import service as auth_service
from fosterhub.core.db import utcnow
from fosterhub.councils.schemas import CouncilSettings, StageTarget
from fosterhub.enquiries.vocabulary import PIPELINE, STAGES
from tests import factories
from tests.conftest import Person, World, assert_problem
from tests.events.factories import make_event
from tests.reports import histories
from tests.reports.histories import at, history, household, year_running

REPORTS = "/api/v1/reports"
APRIL = {"from": "2026-04-01", "to": "2026-04-30"}


async def get(client: httpx.AsyncClient, who: Person, path: str, **params: Any) -> Any:
    response = await client.get(f"{REPORTS}/{path}", params=params, headers=who.headers)
    assert response.status_code == 200, response.text
    return response.json()


async def get_csv(
    client: httpx.AsyncClient, who: Person, path: str, **params: Any
) -> list[dict[str, str]]:
    response = await client.get(
        f"{REPORTS}/{path}", params=params, headers={**who.headers, "Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.text)))


async def april_histories(world: World) -> dict[str, Any]:
    """April 2026 in Alpha, Easter included: Good Friday 3 and Easter Monday 6 April.

    e1 web      1 Apr 10:00 -> contact 2 Apr 09:00 -> visit 9 Apr -> application 20 Apr
    e2 social   2 Apr 12:00 -> contact 7 Apr 09:00 -> withdrawn 8 Apr (AW3)
    e3 web      10 Apr (Fri) -> contact 14 Apr (Tue) -> no response 28 Apr
    e4 print    15 Apr, still an enquiry (campaign code, overdue since 16 Apr)
    e5 web      20 Apr, a repeat of e1: never counted
    e6 web      20 Mar -> contact 23 Mar -> visit 1 Apr 12:00 -> application 15 Apr 00:00
    e8 web      5 Jan -> contact 6 Jan, due 10 Jan: overdue
    and Beta's enquiries in the same weeks, which must move nothing.
    """
    a = world.a
    leaflet = await factories.make_campaign(world, a, name="Leaflets", channel="print")
    e1 = await history(
        world,
        a,
        at(2026, 4, 1),
        ("initial_contact", at(2026, 4, 2, 9)),
        ("initial_visit", at(2026, 4, 9)),
        ("application", at(2026, 4, 20)),
    )
    e2 = await history(
        world,
        a,
        at(2026, 4, 2, 12),
        ("initial_contact", at(2026, 4, 7, 9)),
        ("withdrawn", at(2026, 4, 8), "AW3"),
        channel="social_media",
    )
    await history(
        world,
        a,
        at(2026, 4, 10),
        ("initial_contact", at(2026, 4, 14)),
        ("no_response", at(2026, 4, 28), "NR1"),
    )
    e4 = await history(
        world, a, at(2026, 4, 15), channel="print", campaign_id=leaflet.id, due_at=at(2026, 4, 16)
    )
    await history(world, a, at(2026, 4, 20), duplicate_of_id=e1.id)
    await history(
        world,
        a,
        at(2026, 3, 20),
        ("initial_contact", at(2026, 3, 23)),
        ("initial_visit", at(2026, 4, 1, 12)),
        ("application", at(2026, 4, 15, 0)),
    )
    e8 = await history(
        world, a, at(2026, 1, 5), ("initial_contact", at(2026, 1, 6)), due_at=at(2026, 1, 10)
    )
    b = world.b
    for day in (1, 2, 3, 14, 20):
        await history(
            world,
            b,
            at(2026, 4, day),
            ("initial_contact", at(2026, 4, day, 15)),
            ("initial_visit", at(2026, 4, 29)),
            ("application", at(2026, 4, 30)),
            due_at=at(2026, 4, 2),
        )
    await history(world, b, at(2026, 3, 2), ("withdrawn", at(2026, 4, 2), "AW1"))
    return {"e1": e1, "e2": e2, "e4": e4, "e8": e8, "leaflet": leaflet}


# --- funnel ---------------------------------------------------------------------------------


async def test_funnel_counts_the_cohort_by_how_far_it_got_and_the_period_by_its_moves(
    client: httpx.AsyncClient, world: World
) -> None:
    await april_histories(world)
    manager = await world.make_person(world.a, "manager")
    report = await get(client, manager, "funnel", **APRIL)

    assert report["period"] == APRIL
    assert report["stages"] == list(PIPELINE)
    cohort = report["cohort"]
    assert cohort["enquiries"] == 4
    reached = {s["stage"]: (s["reached"], s["conversion_from_previous"]) for s in cohort["stages"]}
    assert reached == {
        "enquiry": (4, None),
        "initial_contact": (3, 0.75),
        "initial_visit": (1, 0.3333),
        "application": (1, 1.0),
        "assessment": (0, 0.0),
        "panel": (0, None),
        "approved": (0, None),
    }
    assert cohort["open"] == 2
    assert {c["outcome"]: c["count"] for c in cohort["closed"]} == {
        "withdrawn": 1,
        "not_progressed": 0,
        "no_response": 1,
        "transferred": 0,
    }
    entered = {s["stage"]: s["count"] for s in report["activity"]["entered"]}
    assert entered == {
        "enquiry": 4,
        "initial_contact": 3,
        "initial_visit": 2,
        "application": 2,
        "assessment": 0,
        "panel": 0,
        "approved": 0,
        "withdrawn": 1,
        "not_progressed": 0,
        "no_response": 1,
        "transferred": 0,
    }
    assert report["splits"] == []


async def test_funnel_splits_by_channel_campaign_and_referral(
    client: httpx.AsyncClient, world: World
) -> None:
    made = await april_histories(world)
    manager = await world.make_person(world.a, "manager")

    by_channel = await get(client, manager, "funnel", by="channel", **APRIL)
    groups = {s["key"]: s for s in by_channel["splits"]}
    assert set(groups) == {"website", "social_media", "print"}
    assert [s["reached"] for s in groups["website"]["cohort"]["stages"]] == [2, 2, 1, 1, 0, 0, 0]
    assert groups["social_media"]["cohort"]["enquiries"] == 1
    assert groups["print"]["cohort"]["enquiries"] == 1
    web = {s["stage"]: s["count"] for s in groups["website"]["activity"]["entered"]}
    assert (web["enquiry"], web["initial_contact"], web["initial_visit"]) == (2, 2, 2)
    assert (web["application"], web["no_response"], web["withdrawn"]) == (2, 1, 0)
    # The splits add up to the whole.
    assert sum(s["cohort"]["enquiries"] for s in by_channel["splits"]) == 4

    by_campaign = await get(client, manager, "funnel", by="campaign", **APRIL)
    groups = {s["key"]: s for s in by_campaign["splits"]}
    assert groups[made["leaflet"].id]["label"] == "Leaflets"
    assert groups[made["leaflet"].id]["cohort"]["enquiries"] == 1
    assert groups["none"]["cohort"]["enquiries"] == 3

    by_referral = await get(client, manager, "funnel", by="referral", **APRIL)
    assert [(s["key"], s["cohort"]["enquiries"]) for s in by_referral["splits"]] == [
        ("not_referred", 4)
    ]


async def test_funnel_by_ambassador_and_event(client: httpx.AsyncClient, world: World) -> None:
    a = world.a
    champion = await factories.make_campaign(
        world, a, name="Champion Jo", kind="ambassador", ambassador_type="champion"
    )
    poster = await factories.make_campaign(world, a, name="Poster")
    await history(world, a, at(2026, 4, 1), campaign_id=champion.id)
    await history(
        world, a, at(2026, 4, 2), ("initial_contact", at(2026, 4, 2, 15)), campaign_id=champion.id
    )
    await history(world, a, at(2026, 4, 3), campaign_id=poster.id, event_id="event-1")
    manager = await world.make_person(a, "manager")

    report = await get(client, manager, "funnel", by="ambassador", **APRIL)
    groups = {s["key"]: s for s in report["splits"]}
    assert groups[champion.id]["label"] == "Champion Jo"
    assert [s["reached"] for s in groups[champion.id]["cohort"]["stages"]][:2] == [2, 1]
    assert groups["none"]["cohort"]["enquiries"] == 1  # the poster is not an ambassador

    report = await get(client, manager, "funnel", by="event", **APRIL)
    assert {s["key"]: s["cohort"]["enquiries"] for s in report["splits"]} == {
        "event-1": 1,
        "none": 2,
    }


async def test_funnel_by_event_names_each_event_with_its_title_and_day(
    client: httpx.AsyncClient, world: World
) -> None:
    a, b = world.a, world.b
    evening = await make_event(
        world, a, title="Fostering evening", starts_at=at(2026, 3, 26, 18), status="published"
    )
    cohosted = await make_event(
        world, b, title="Joint drop-in", starts_at=at(2026, 3, 28, 11), cohosts=[a]
    )
    secret = await make_event(world, b, title="Beta's draft", starts_at=at(2026, 3, 29))
    beta_public = await make_event(
        world, b, title="Beta's open day", starts_at=at(2026, 3, 30), status="published"
    )
    await history(world, a, at(2026, 4, 1), event_id=evening.id)
    await history(
        world, a, at(2026, 4, 2), ("initial_contact", at(2026, 4, 3)), event_id=evening.id
    )
    await history(world, a, at(2026, 4, 3), event_id=cohosted.id)
    await history(world, a, at(2026, 4, 4), event_id=secret.id)
    await history(world, a, at(2026, 4, 5), event_id=beta_public.id)
    await history(world, a, at(2026, 4, 6))
    # Beta's own enquiry from its open day moves none of Alpha's figures.
    await history(world, b, at(2026, 4, 6), event_id=beta_public.id)
    manager = await world.make_person(a, "manager")

    report = await get(client, manager, "funnel", by="event", **APRIL)
    named = {
        s["key"]: (s["label"], s["starts_on"], s["cohort"]["enquiries"]) for s in report["splits"]
    }
    assert named == {
        evening.id: ("Fostering evening", "2026-03-26", 2),
        cohosted.id: ("Joint drop-in", "2026-03-28", 1),
        # Another council's draft is not Alpha's to name: the id alone.
        secret.id: (None, None, 1),
        beta_public.id: ("Beta's open day", "2026-03-30", 1),
        "none": (None, None, 1),
    }
    evening_split = next(s for s in report["splits"] if s["key"] == evening.id)
    assert [s["reached"] for s in evening_split["cohort"]["stages"]][:2] == [2, 1]
    # Other splits carry no day.
    by_channel = await get(client, manager, "funnel", by="channel", **APRIL)
    assert {s["starts_on"] for s in by_channel["splits"]} == {None}

    rows = await get_csv(client, manager, "funnel", by="event", **APRIL)
    enquiries = {
        (r["group"], r["group_label"], r["group_starts_on"]): r["count"]
        for r in rows
        if r["view"] == "cohort_reached" and r["stage"] == "enquiry"
    }
    assert enquiries == {
        ("all", "", ""): "6",
        (evening.id, "Fostering evening", "2026-03-26"): "2",
        (cohosted.id, "Joint drop-in", "2026-03-28"): "1",
        (secret.id, "", ""): "1",
        (beta_public.id, "Beta's open day", "2026-03-30"): "1",
        ("none", "", ""): "1",
    }


async def test_funnel_csv_parses_back_to_the_same_numbers(
    client: httpx.AsyncClient, world: World
) -> None:
    await april_histories(world)
    manager = await world.make_person(world.a, "manager")
    report = await get(client, manager, "funnel", by="channel", **APRIL)
    rows = await get_csv(client, manager, "funnel", by="channel", **APRIL)

    def value(group: str, view: str, stage: str, column: str = "count") -> str:
        (row,) = [r for r in rows if (r["group"], r["view"], r["stage"]) == (group, view, stage)]
        return row[column]

    for s in report["cohort"]["stages"]:
        assert int(value("all", "cohort_reached", s["stage"])) == s["reached"]
        conversion = value("all", "cohort_reached", s["stage"], "conversion_from_previous")
        assert (float(conversion) if conversion else None) == s["conversion_from_previous"]
    for s in report["activity"]["entered"]:
        assert int(value("all", "activity", s["stage"])) == s["count"]
    for split in report["splits"]:
        for s in split["cohort"]["stages"]:
            assert int(value(split["key"], "cohort_reached", s["stage"])) == s["reached"]
    assert int(value("all", "cohort_now", "open")) == report["cohort"]["open"]


# --- time in stage --------------------------------------------------------------------------


@pytest.fixture(params=[True, False], ids=["entries-recorded", "entries-looked-up"])
def entries_recorded(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each time-in-stage test twice: moves carrying when the stage left was entered (as the
    app records them), and moves without it (history from before), which the report looks up."""
    monkeypatch.setattr(histories, "RECORD_ENTRIES", request.param)
    return bool(request.param)


async def test_time_in_stage_in_working_days_over_easter_against_targets(
    client: httpx.AsyncClient, world: World, entries_recorded: bool
) -> None:
    made = await april_histories(world)
    manager = await world.make_person(world.a, "manager")
    report = await get(client, manager, "time-in-stage", **APRIL)
    stages = {s["stage"]: s for s in report["stages"]}

    # Enquiry to contact, target 1 working day: e1 1 (2 Apr), e2 1 (3 and 6 April are bank
    # holidays), e3 2 (Friday to Tuesday). Median 1; 90th percentile 1 + 0.8 x (2 - 1).
    first = stages["enquiry"]
    assert first["next_stage"] == "initial_contact"
    assert (first["moves"], first["unit"]) == (3, "working_days")
    assert (first["median_days"], first["p90_days"]) == (1.0, 1.8)
    assert first["target"] == {"amount": 1, "unit": "working_days", "from_stage": "enquiry"}
    assert (first["over_target"], first["share_over_target"]) == (1, 0.3333)

    # Contact to visit, target 5 working days: e1 3 (7, 8, 9 April), e6 7 (23 March to 1 April).
    second = stages["initial_contact"]
    assert (second["moves"], second["median_days"], second["p90_days"]) == (2, 5.0, 6.6)
    assert (second["over_target"], second["share_over_target"]) == (1, 0.5)

    # Visit to application, no target: calendar days. e1 11.0, e6 13.5.
    third = stages["initial_visit"]
    assert (third["unit"], third["target"], third["over_target"]) == ("calendar_days", None, None)
    assert (third["moves"], third["median_days"], third["p90_days"]) == (2, 12.25, 13.25)

    for later in ("application", "assessment", "panel"):
        assert (stages[later]["moves"], stages[later]["median_days"]) == (0, None)

    overdue = report["overdue"]
    assert overdue["count"] == 2
    assert {s["stage"]: s["count"] for s in overdue["by_stage"]}["enquiry"] == 1
    assert [(i["reference"], i["stage"]) for i in overdue["items"]] == [
        (made["e8"].reference, "initial_contact"),
        (made["e4"].reference, "enquiry"),
    ]
    assert set(overdue["items"][0]) == {"reference", "stage", "due_at"}
    assert overdue["items_truncated"] is False


async def test_time_in_stage_month_and_calendar_day_targets(
    client: httpx.AsyncClient, world: World, entries_recorded: bool
) -> None:
    settings = CouncilSettings()
    settings.stage_targets["application"] = StageTarget(amount=30, unit="calendar_days")
    world.a.settings = settings.model_dump(mode="json")
    await world.db.commit()
    a = world.a
    # Panel's clock (8 months) starts at application: 31 January + 8 months is 30 September.
    on_time = [
        ("initial_contact", at(2025, 1, 2)),
        ("initial_visit", at(2025, 1, 10)),
        ("application", at(2025, 1, 31, 12)),
        ("assessment", at(2025, 2, 10)),
        ("panel", at(2025, 9, 30, 11)),
    ]
    late = [
        *on_time[:2],
        ("application", at(2025, 1, 31, 9)),
        ("assessment", at(2025, 3, 1)),
        ("panel", at(2025, 9, 30, 10)),
    ]
    await history(world, a, at(2025, 1, 1), *on_time)
    await history(world, a, at(2025, 1, 1), *late)
    manager = await world.make_person(a, "manager")

    report = await get(
        client, manager, "time-in-stage", **{"from": "2025-01-01", "to": "2025-09-30"}
    )
    stages = {s["stage"]: s for s in report["stages"]}
    assessment = stages["assessment"]
    assert assessment["target"] == {"amount": 8, "unit": "months", "from_stage": "application"}
    assert assessment["unit"] == "calendar_days"
    # In assessment: 10 Feb 10:00 -> 30 Sep 11:00 is 232 days 1 h; 1 Mar -> 30 Sep is 213 days.
    assert assessment["median_days"] == pytest.approx((232 + 1 / 24 + 213) / 2, abs=0.005)
    assert (assessment["over_target"], assessment["share_over_target"]) == (1, 0.5)
    # Visit to application, 30 calendar days: 21 days + 2 h and 21 days - 1 h, neither late.
    visit = stages["initial_visit"]
    assert visit["target"] == {"amount": 30, "unit": "calendar_days", "from_stage": "initial_visit"}
    assert visit["median_days"] == pytest.approx(21 + 0.5 / 24, abs=0.005)
    assert visit["over_target"] == 0


async def test_time_in_stage_csv_parses_back(client: httpx.AsyncClient, world: World) -> None:
    made = await april_histories(world)
    manager = await world.make_person(world.a, "manager")
    report = await get(client, manager, "time-in-stage", **APRIL)
    rows = await get_csv(client, manager, "time-in-stage", **APRIL)
    for s in report["stages"]:
        (row,) = [r for r in rows if r["section"] == "stage" and r["stage"] == s["stage"]]
        assert int(row["count"]) == s["moves"]
        assert (float(row["median_days"]) if row["median_days"] else None) == s["median_days"]
        assert (float(row["p90_days"]) if row["p90_days"] else None) == s["p90_days"]
    listed = [r["reference"] for r in rows if r["section"] == "overdue"]
    assert listed == [made["e8"].reference, made["e4"].reference]


# --- sources --------------------------------------------------------------------------------


async def test_sources_per_channel_and_campaign_with_costs(
    client: httpx.AsyncClient, world: World
) -> None:
    a = world.a
    leaflets = await factories.make_campaign(world, a, name="Leaflets", cost_pence=10_000)
    champion = await factories.make_campaign(
        world, a, name="Champion", kind="ambassador", channel="social_media"
    )
    radio = await factories.make_campaign(
        world, a, name="Radio", channel="radio_tv", cost_pence=5_000
    )
    await history(
        world,
        a,
        at(2026, 2, 1),
        ("initial_contact", at(2026, 2, 2)),
        ("initial_visit", at(2026, 2, 5)),
    )
    await history(
        world,
        a,
        at(2026, 2, 1),
        *[(s, at(2026, 3, 1 + i)) for i, s in enumerate(PIPELINE[1:])],
        channel="print",
        campaign_id=leaflets.id,
    )
    await history(
        world,
        a,
        at(2026, 2, 2),
        ("no_response", at(2026, 2, 20), "NR1"),
        channel="print",
        campaign_id=leaflets.id,
    )
    await history(world, a, at(2026, 2, 3), channel="print", campaign_id=leaflets.id)
    await history(
        world,
        a,
        at(2026, 2, 4),
        ("initial_contact", at(2026, 2, 5)),
        ("initial_visit", at(2026, 2, 6)),
        ("application", at(2026, 2, 7)),
        ("withdrawn", at(2026, 2, 8), "AW1"),
        channel="social_media",
        campaign_id=champion.id,
    )
    await history(world, world.b, at(2026, 2, 1), ("no_response", at(2026, 2, 2), "NR1"))
    manager = await world.make_person(a, "manager")

    report = await get(client, manager, "sources")
    assert report["period"] == {"from": None, "to": None}
    channels = {c["channel"]: c for c in report["channels"]}
    assert channels["website"] | {} == channels["website"]
    assert {
        k: channels["website"][k]
        for k in (
            "enquiries",
            "reached_initial_visit",
            "share_initial_visit",
            "reached_application",
            "approvals",
            "no_response",
            "no_response_rate",
        )
    } == {
        "enquiries": 1,
        "reached_initial_visit": 1,
        "share_initial_visit": 1.0,
        "reached_application": 0,
        "approvals": 0,
        "no_response": 0,
        "no_response_rate": 0.0,
    }
    printed = channels["print"]
    assert (
        printed["enquiries"],
        printed["reached_initial_visit"],
        printed["share_initial_visit"],
    ) == (3, 1, 0.3333)
    assert (printed["reached_application"], printed["share_application"]) == (1, 0.3333)
    assert (printed["approvals"], printed["no_response"], printed["no_response_rate"]) == (
        1,
        1,
        0.3333,
    )
    assert (channels["social_media"]["reached_application"], channels["radio_tv"]["enquiries"]) == (
        1,
        0,
    )
    assert channels["radio_tv"]["share_initial_visit"] is None

    campaigns = {c["name"]: c for c in report["campaigns"]}
    assert campaigns["Leaflets"]["code"] == leaflets.code
    assert (campaigns["Leaflets"]["enquiries"], campaigns["Leaflets"]["approvals"]) == (3, 1)
    assert campaigns["Leaflets"]["cost_per_enquiry_pence"] == 3333
    assert campaigns["Leaflets"]["cost_per_approval_pence"] == 10_000
    assert campaigns["Champion"]["kind"] == "ambassador"
    assert campaigns["Champion"]["cost_per_enquiry_pence"] is None
    assert campaigns["Radio"]["enquiries"] == 0
    assert (
        campaigns["Radio"]["cost_per_enquiry_pence"],
        campaigns["Radio"]["share_initial_visit"],
    ) == (None, None)
    assert radio.id == campaigns["Radio"]["campaign_id"]

    rows = await get_csv(client, manager, "sources")
    (leaflet_row,) = [r for r in rows if r["section"] == "campaign" and r["key"] == leaflets.code]
    assert (int(leaflet_row["enquiries"]), int(leaflet_row["cost_per_enquiry_pence"])) == (3, 3333)
    (print_row,) = [r for r in rows if r["section"] == "channel" and r["key"] == "print"]
    assert float(print_row["no_response_rate"]) == 0.3333

    # A period narrows the enquiries counted.
    narrow = await get(client, manager, "sources", **{"from": "2026-02-02", "to": "2026-02-03"})
    assert {c["channel"]: c["enquiries"] for c in narrow["channels"]}["print"] == 2


# --- withdrawals ----------------------------------------------------------------------------


async def test_withdrawals_by_code_and_stage_left(client: httpx.AsyncClient, world: World) -> None:
    a = world.a
    await history(
        world,
        a,
        at(2026, 1, 1),
        ("initial_contact", at(2026, 1, 2)),
        ("withdrawn", at(2026, 2, 1), "AW3"),
    )
    for _ in range(2):
        await history(
            world,
            a,
            at(2026, 1, 1),
            ("initial_contact", at(2026, 1, 2)),
            ("initial_visit", at(2026, 1, 3)),
            ("application", at(2026, 1, 4)),
            ("assessment", at(2026, 1, 5)),
            ("withdrawn", at(2026, 2, 10), "AW1"),
        )
    await history(world, a, at(2026, 1, 1), ("withdrawn", at(2026, 2, 20), "AW0"))
    await history(world, a, at(2026, 1, 1), ("withdrawn", at(2026, 3, 20), "AW5"))  # after
    await history(world, a, at(2026, 1, 1), ("not_progressed", at(2026, 2, 20), "NP1"))
    await history(world, world.b, at(2026, 1, 1), ("withdrawn", at(2026, 2, 1), "AW2"))
    manager = await world.make_person(a, "manager")

    report = await get(client, manager, "withdrawals", **{"from": "2026-02-01", "to": "2026-02-28"})
    assert report["total"] == 4
    assert {c["code"]: c["count"] for c in report["by_code"]} == {
        "AW1": 2,
        "AW2": 0,
        "AW3": 1,
        "AW4": 0,
        "AW5": 0,
        "AW0": 1,
    }
    assert report["by_code"][0]["text"] == "Fostering was not as expected"
    assert {s["stage"]: s["count"] for s in report["by_stage"]} == {
        "enquiry": 1,
        "initial_contact": 1,
        "initial_visit": 0,
        "application": 0,
        "assessment": 2,
        "panel": 0,
    }
    assert report["by_code_and_stage"] == [
        {"code": "AW1", "stage": "assessment", "count": 2},
        {"code": "AW3", "stage": "initial_contact", "count": 1},
        {"code": "AW0", "stage": "enquiry", "count": 1},
    ]
    everything = await get(client, manager, "withdrawals")
    assert everything["total"] == 5

    rows = await get_csv(
        client, manager, "withdrawals", **{"from": "2026-02-01", "to": "2026-02-28"}
    )
    assert {r["code"]: int(r["count"]) for r in rows if r["breakdown"] == "code"}["AW1"] == 2
    assert [int(r["count"]) for r in rows if r["breakdown"] == "total"] == [4]


# --- retention ------------------------------------------------------------------------------


async def test_retention_households_gained_lost_places_and_vacancies(
    client: httpx.AsyncClient, world: World
) -> None:
    a = world.a
    await household(world, a, date(2020, 4, 1), places=2)
    await household(world, a, date(2025, 6, 1), places=1, status="on_hold")
    await household(
        world, a, date(2018, 1, 1), places=3, deregistered_on=date(2025, 9, 30), reason="retired"
    )
    await household(world, a, date(2025, 5, 1), deregistered_on=date(2026, 2, 1), reason="health")
    await household(world, a, date(2026, 5, 1), places=2)
    await household(
        world, a, date(2015, 1, 1), deregistered_on=date(2024, 12, 31), reason="moved_away"
    )
    await household(world, world.b, date(2025, 7, 1), places=4)
    manager = await world.make_person(a, "manager")

    report = await get(client, manager, "retention", **{"from": "2025-04-01", "to": "2026-03-31"})
    assert (report["approved"], report["deregistered"], report["net_change"]) == (2, 2, 0)
    assert report["deregistered_by_reason"] == [
        {"reason": "health", "count": 1},
        {"reason": "retired", "count": 1},
    ]
    leavers = (date(2025, 9, 30) - date(2018, 1, 1)).days + (
        date(2026, 2, 1) - date(2025, 5, 1)
    ).days
    assert report["average_years_fostering_of_leavers"] == round(leavers / 2 / 365.25, 1)
    end = date(2026, 3, 31)
    stayers = (end - date(2020, 4, 1)).days + (end - date(2025, 6, 1)).days
    assert report["at_end"] == {
        "on": "2026-03-31",
        "households": 2,
        "places": 3,
        "average_years_fostering": round(stayers / 2 / 365.25, 1),
    }
    # Today: approved or on hold are the first, second and fifth; vacancies leave out on hold.
    assert report["current"] == {"households": 3, "on_hold": 1, "places": 5, "vacancies": 4}

    rows = await get_csv(client, manager, "retention", **{"from": "2025-04-01", "to": "2026-03-31"})
    values = {(r["measure"], r["detail"]): r["value"] for r in rows}
    assert values[("deregistered", "retired")] == "1"
    assert values[("current_vacancies", "")] == "4"
    assert values[("places_at_end", "2026-03-31")] == "3"


# --- permissions, bad input, other councils --------------------------------------------------


@pytest.mark.parametrize(
    "path", ["funnel", "time-in-stage", "sources", "withdrawals", "retention", "ofsted-return"]
)
async def test_who_may_read_reports(client: httpx.AsyncClient, world: World, path: str) -> None:
    for role in ("manager", "admin"):
        person = await world.make_person(world.a, role)
        assert (await client.get(f"{REPORTS}/{path}", headers=person.headers)).status_code == 200
    for role in ("recruitment_officer", "social_worker", "carer", "regional_viewer"):
        person = await world.make_person(world.a, role, region_id=world.region.id)
        assert_problem(await client.get(f"{REPORTS}/{path}", headers=person.headers), 403)
    assert_problem(await client.get(f"{REPORTS}/{path}"), 401)

    for scopes, status in ((["reports:read"], 200), (["enquiries:read"], 403)):
        partner, secret = await auth_service.create_client(world.db, world.a.id, "P", scopes)
        await world.db.commit()
        token = await client.post(
            "/api/v1/auth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": partner.client_id,
                "client_secret": secret,
            },
        )
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        assert (await client.get(f"{REPORTS}/{path}", headers=headers)).status_code == status


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("funnel", {"from": "2026-05-01", "to": "2026-04-01"}, "from"),
        ("funnel", {"by": "postcode"}, "by"),
        ("funnel", {"from": "yesterday"}, "from"),
        ("funnel", {"from": "1999-12-31"}, "from"),
        ("time-in-stage", {"to": "2101-01-01"}, "to"),
        ("sources", {"from": "2026-05-01", "to": "2026-04-01"}, "from"),
        ("withdrawals", {"from": "2026-05-01", "to": "2026-04-01"}, "from"),
        ("retention", {"from": "2026-05-01", "to": "2026-04-01"}, "from"),
        ("ofsted-return", {"year": "1999"}, "year"),
        ("ofsted-return", {"year": str(year_running() + 1)}, "year"),  # not begun
        ("ofsted-return", {"year": "2025-26"}, "year"),
    ],
)
async def test_bad_input_is_a_problem_naming_the_field(
    client: httpx.AsyncClient, world: World, path: str, params: dict[str, str], field: str
) -> None:
    manager = await world.make_person(world.a, "manager")
    response = await client.get(f"{REPORTS}/{path}", params=params, headers=manager.headers)
    assert_problem(response, 422, field)


async def test_another_councils_token_sees_nothing_of_the_first(
    client: httpx.AsyncClient, world: World
) -> None:
    a = world.a
    await history(
        world,
        a,
        at(2026, 4, 1),
        ("initial_contact", at(2026, 4, 2)),
        ("withdrawn", at(2026, 4, 3), "AW1"),
        due_at=at(2026, 4, 2),
    )
    await history(world, a, at(2026, 4, 1), due_at=at(2026, 4, 2))
    await household(world, a, date(2026, 4, 1), places=3)
    await factories.make_campaign(world, a, name="Alpha's own campaign")
    theirs = await world.make_person(world.b, "admin")

    funnel = await get(client, theirs, "funnel", **APRIL)
    assert funnel["council"] == "beta"
    assert funnel["cohort"]["enquiries"] == 0
    assert all(s["count"] == 0 for s in funnel["activity"]["entered"])
    times = await get(client, theirs, "time-in-stage", **APRIL)
    assert all(s["moves"] == 0 for s in times["stages"])
    assert (times["overdue"]["count"], times["overdue"]["items"]) == (0, [])
    sources = await get(client, theirs, "sources")
    assert sources["campaigns"] == [] and all(c["enquiries"] == 0 for c in sources["channels"])
    assert (await get(client, theirs, "withdrawals"))["total"] == 0
    retention = await get(client, theirs, "retention", **APRIL)
    assert (retention["approved"], retention["current"]["places"]) == (0, 0)
    ofsted = await get(client, theirs, "ofsted-return", year=2026)
    assert (ofsted["initial_enquiries"], ofsted["approvals"]) == (0, 0)


async def test_csv_is_only_for_those_who_ask(client: httpx.AsyncClient, world: World) -> None:
    manager = await world.make_person(world.a, "manager")
    for accept, kind in (
        ("text/csv", "text/csv"),
        ("application/json, text/csv", "application/json"),
        ("text/csv;q=0.9, application/json;q=0.5", "text/csv"),
        ("*/*", "application/json"),
    ):
        response = await client.get(
            f"{REPORTS}/withdrawals", headers={**manager.headers, "Accept": accept}
        )
        assert response.headers["content-type"].startswith(kind), accept


async def test_csv_cells_cannot_become_spreadsheet_formulas(
    client: httpx.AsyncClient, world: World
) -> None:
    await factories.make_campaign(world, world.a, name='=HYPERLINK("http://x")')
    manager = await world.make_person(world.a, "manager")
    rows = await get_csv(client, manager, "sources")
    names = [r["name"] for r in rows if r["section"] == "campaign"]
    assert names == ['\'=HYPERLINK("http://x")']


# --- conversions between every pair of stages, and the referral split ---------------------------


async def eight_through_the_pipeline(world: World) -> None:
    """Alpha, May 2026: eight enquiries, each as far as its row (3 referred by a carer).

    reached:  enquiry 8, initial_contact 6, initial_visit 4, application 3, assessment 2,
              panel 2, approved 1 (the 3 referred: 3, 3, 2, 2, 1, 1, 1)
    """
    carer = await household(world, world.a, date(2024, 1, 1))
    steps = PIPELINE[1:]
    furthest = [0, 0, 1, 1, 2, 3, 5, 6]  # how many steps each takes
    for n, taken in enumerate(furthest):
        moves = [(stage, at(2026, 5, 10 + i, 9)) for i, stage in enumerate(steps[:taken])]
        referred = {"referral_household_id": carer.id} if n in (2, 5, 7) else {}
        await history(world, world.a, at(2026, 5, 1 + n), *moves, **referred)


def reached(report: dict[str, Any]) -> list[int]:
    return [s["reached"] for s in report["cohort"]["stages"]]


async def test_funnel_conversion_between_every_pair_of_stages(
    client: httpx.AsyncClient, world: World
) -> None:
    await eight_through_the_pipeline(world)
    manager = await world.make_person(world.a, "manager")
    may = {"from": "2026-05-01", "to": "2026-05-31"}
    report = await get(client, manager, "funnel", **may)
    assert reached(report) == [8, 6, 4, 3, 2, 2, 1]
    rates = {(c["from_stage"], c["to_stage"]): c["rate"] for c in report["cohort"]["conversions"]}
    assert rates == {
        ("enquiry", "initial_contact"): 0.75,
        ("enquiry", "initial_visit"): 0.5,
        ("enquiry", "application"): 0.375,
        ("enquiry", "assessment"): 0.25,
        ("enquiry", "panel"): 0.25,
        ("enquiry", "approved"): 0.125,
        ("initial_contact", "initial_visit"): 0.6667,
        ("initial_contact", "application"): 0.5,
        ("initial_contact", "assessment"): 0.3333,
        ("initial_contact", "panel"): 0.3333,
        ("initial_contact", "approved"): 0.1667,
        ("initial_visit", "application"): 0.75,
        ("initial_visit", "assessment"): 0.5,
        ("initial_visit", "panel"): 0.5,
        ("initial_visit", "approved"): 0.25,
        ("application", "assessment"): 0.6667,
        ("application", "panel"): 0.6667,
        ("application", "approved"): 0.3333,
        ("assessment", "panel"): 1.0,
        ("assessment", "approved"): 0.5,
        ("panel", "approved"): 0.5,
    }
    # In pipeline order: from each stage to every later one.
    assert list(rates)[:3] == [
        ("enquiry", "initial_contact"),
        ("enquiry", "initial_visit"),
        ("enquiry", "application"),
    ]
    # Each step's conversion is the pair's of neighbouring stages.
    steps = [s["conversion_from_previous"] for s in report["cohort"]["stages"]]
    assert steps == [None, *(rates[pair] for pair in itertools.pairwise(PIPELINE))]

    rows = await get_csv(client, manager, "funnel", **may)
    in_csv = {
        (r["from_stage"], r["stage"]): float(r["rate"])
        for r in rows
        if (r["group"], r["view"]) == ("all", "conversion")
    }
    assert in_csv == rates
    assert {r["count"] for r in rows if r["view"] == "conversion"} == {""}

    # A stage nobody reached converts to nothing: null, not 0.
    none_yet = await get(client, manager, "funnel", **{"from": "2026-05-01", "to": "2026-05-02"})
    assert reached(none_yet) == [2, 0, 0, 0, 0, 0, 0]
    conversions = {
        (c["from_stage"], c["to_stage"]): c["rate"] for c in none_yet["cohort"]["conversions"]
    }
    assert conversions[("enquiry", "initial_contact")] == 0.0
    assert conversions[("initial_contact", "approved")] is None


async def test_funnel_split_into_referred_and_not_referred(
    client: httpx.AsyncClient, world: World
) -> None:
    await eight_through_the_pipeline(world)
    # Beta's referred enquiry moves none of Alpha's figures.
    beta_carer = await household(world, world.b, date(2024, 1, 1))
    await history(world, world.b, at(2026, 5, 3), referral_household_id=beta_carer.id)
    manager = await world.make_person(world.a, "manager")
    report = await get(
        client, manager, "funnel", by="referral", **{"from": "2026-05-01", "to": "2026-05-31"}
    )
    splits = {s["key"]: s for s in report["splits"]}
    assert [s["key"] for s in report["splits"]] == ["not_referred", "referred"]
    assert {s["label"] for s in report["splits"]} == {None}
    assert reached(splits["referred"]) == [3, 3, 2, 2, 1, 1, 1]
    assert reached(splits["not_referred"]) == [5, 3, 2, 1, 1, 1, 0]
    referred = {
        (c["from_stage"], c["to_stage"]): c["rate"]
        for c in splits["referred"]["cohort"]["conversions"]
    }
    assert referred[("enquiry", "approved")] == 0.3333
    assert referred[("initial_visit", "application")] == 1.0
    assert referred[("application", "assessment")] == 0.5
    assert splits["referred"]["cohort"]["open"] == 2
    entered = {s["stage"]: s["count"] for s in splits["referred"]["activity"]["entered"]}
    assert entered == {
        **dict.fromkeys(STAGES, 0),
        "enquiry": 3,
        "initial_contact": 3,
        "initial_visit": 2,
        "application": 2,
        "assessment": 1,
        "panel": 1,
        "approved": 1,
    }
    # The two groups add up to the whole, stage by stage.
    assert [
        a + b
        for a, b in zip(reached(splits["referred"]), reached(splits["not_referred"]), strict=True)
    ] == reached(report)


# --- an event's day is London's -------------------------------------------------------------------


async def test_funnel_by_event_gives_the_day_the_event_starts_in_london(
    client: httpx.AsyncClient, world: World
) -> None:
    # 23:30 UTC on 12 June is 00:30 on 13 June in London (summer time); on 1 December the two
    # clocks agree.
    summer = await make_event(
        world, world.a, title="Midnight stall", starts_at=at(2026, 6, 12, 23, 30)
    )
    winter = await make_event(
        world, world.a, title="Late evening", starts_at=at(2026, 12, 1, 23, 30)
    )
    await history(world, world.a, at(2026, 6, 20), event_id=summer.id)
    await history(world, world.a, at(2026, 6, 21), event_id=winter.id)
    manager = await world.make_person(world.a, "manager")
    june = {"from": "2026-06-01", "to": "2026-06-30"}
    report = await get(client, manager, "funnel", by="event", **june)
    assert {s["key"]: s["starts_on"] for s in report["splits"]} == {
        summer.id: "2026-06-13",
        winter.id: "2026-12-01",
    }
    rows = await get_csv(client, manager, "funnel", by="event", **june)
    assert {r["group"]: r["group_starts_on"] for r in rows if r["group"] != "all"} == {
        summer.id: "2026-06-13",
        winter.id: "2026-12-01",
    }


# --- the overdue list stops at 100 ----------------------------------------------------------------


async def test_time_in_stage_lists_the_100_longest_overdue_and_says_there_are_more(
    client: httpx.AsyncClient, world: World
) -> None:
    a = world.a
    # 101 overdue, a minute apart, dealt round the open stages in turn: the longest overdue
    # of all stages together, whichever stage each is in.
    stages = ["enquiry", "initial_contact", "initial_visit", "application", "assessment"]
    made = [
        await factories.make_enquiry(
            world,
            a,
            stage=stages[n % len(stages)],
            received_at=at(2026, 1, 1),
            due_at=at(2026, 1, 2) + timedelta(minutes=n),
        )
        for n in range(101)
    ]
    # Not overdue: due later than now, closed, or a repeat (worked through the first).
    await factories.make_enquiry(world, a, due_at=utcnow() + timedelta(days=1))
    await factories.make_enquiry(world, a, stage="withdrawn", due_at=at(2026, 1, 1))
    await factories.make_enquiry(world, a, due_at=at(2026, 1, 1), duplicate_of_id=made[0].id)
    manager = await world.make_person(a, "manager")
    overdue = (await get(client, manager, "time-in-stage"))["overdue"]
    assert overdue["count"] == 101
    assert {s["stage"]: s["count"] for s in overdue["by_stage"]} == {
        "enquiry": 21,
        "initial_contact": 20,
        "initial_visit": 20,
        "application": 20,
        "assessment": 20,
        "panel": 0,
    }
    assert [(i["reference"], i["stage"]) for i in overdue["items"]] == [
        (e.reference, e.stage) for e in made[:100]
    ]
    assert overdue["items_truncated"] is True
    rows = await get_csv(client, manager, "time-in-stage")
    assert [r["reference"] for r in rows if r["section"] == "overdue"] == [
        e.reference for e in made[:100]
    ]


# --- what each channel and campaign code cost -----------------------------------------------------


async def test_costs_are_divided_by_everything_a_campaign_ever_brought(
    client: httpx.AsyncClient, world: World
) -> None:
    a = world.a
    leaflets = await factories.make_campaign(world, a, name="Leaflets", cost_pence=12_000)
    posters = await factories.make_campaign(world, a, name="Posters", cost_pence=5_000)
    radio = await factories.make_campaign(world, a, name="Radio", channel="radio_tv")
    stall = await factories.make_campaign(world, a, name="Stall", channel="event", cost_pence=0)
    to_approval = [(s, at(2026, 3, 1 + i)) for i, s in enumerate(PIPELINE[1:])]
    # Leaflets: 2 in February (one approved) and 2 in May, and a repeat that never counts.
    first = await history(
        world, a, at(2026, 2, 1), *to_approval, channel="print", campaign_id=leaflets.id
    )
    await history(world, a, at(2026, 2, 2), channel="print", campaign_id=leaflets.id)
    for day in (4, 5):
        await history(world, a, at(2026, 5, day), channel="print", campaign_id=leaflets.id)
    await history(
        world, a, at(2026, 5, 6), channel="print", campaign_id=leaflets.id, duplicate_of_id=first.id
    )
    # Posters: 3 in May, one visited. Radio (no cost known): 1 in May, never answered.
    # The stall (free): 1 in April. One printed enquiry in May with no code, and a website one.
    visit = [("initial_contact", at(2026, 5, 8)), ("initial_visit", at(2026, 5, 9))]
    await history(world, a, at(2026, 5, 7), *visit, channel="print", campaign_id=posters.id)
    for day in (8, 9):
        await history(world, a, at(2026, 5, day), channel="print", campaign_id=posters.id)
    await history(
        world,
        a,
        at(2026, 5, 10),
        ("no_response", at(2026, 5, 25), "NR1"),
        channel="radio_tv",
        campaign_id=radio.id,
    )
    await history(world, a, at(2026, 4, 20), channel="event", campaign_id=stall.id)
    await history(world, a, at(2026, 5, 11), channel="print")
    await history(world, a, at(2026, 5, 12))
    # Beta's own costed campaign, and a Beta enquiry carrying Alpha's code: neither counts.
    beta_leaflets = await factories.make_campaign(world, world.b, name="B", cost_pence=99_999)
    await history(world, world.b, at(2026, 5, 4), channel="print", campaign_id=beta_leaflets.id)
    await history(world, world.b, at(2026, 5, 4), channel="print", campaign_id=leaflets.id)
    manager = await world.make_person(a, "manager")

    may = {"from": "2026-05-01", "to": "2026-05-31"}
    report = await get(client, manager, "sources", **may)

    def figures(n: int, visited: int = 0, silent: int = 0) -> dict[str, Any]:
        """The period's figures of `n` enquiries, none past a visit or approved."""
        return {
            "enquiries": n,
            "reached_initial_visit": visited,
            "share_initial_visit": round(visited / n, 4) if n else None,
            "reached_application": 0,
            "share_application": 0.0 if n else None,
            "approvals": 0,
            "no_response": silent,
            "no_response_rate": round(silent / n, 4) if n else None,
        }

    no_cost = {
        "cost_pence": None,
        "costed_enquiries": 0,
        "costed_approvals": 0,
        "cost_per_enquiry_pence": None,
        "cost_per_approval_pence": None,
    }
    channels = {c.pop("channel"): c for c in report["channels"]}
    assert list(channels) == [
        "website",
        "social_media",
        "print",
        "event",
        "radio_tv",
        "word_of_mouth",
        "referral",
        "partner_venue",
        "other",
    ]
    assert channels == {
        "website": figures(1) | no_cost,
        # May's printed: 2 leaflets, 3 posters, 1 with no code. Its costs: both campaigns'
        # 17,000p over the 7 enquiries (1 approval) they ever brought, whatever the period.
        "print": figures(6, visited=1)
        | {
            "cost_pence": 17_000,
            "costed_enquiries": 7,
            "costed_approvals": 1,
            "cost_per_enquiry_pence": 2429,  # 2,428.57
            "cost_per_approval_pence": 17_000,
        },
        # The free stall is a known cost of 0 over its one enquiry (in April).
        "event": figures(0)
        | {
            "cost_pence": 0,
            "costed_enquiries": 1,
            "costed_approvals": 0,
            "cost_per_enquiry_pence": 0,
            "cost_per_approval_pence": None,
        },
        # Radio's cost is unknown, so the channel has none.
        "radio_tv": figures(1, silent=1) | no_cost,
        **{ch: figures(0) | no_cost for ch in ("social_media", "word_of_mouth", "referral")},
        **{ch: figures(0) | no_cost for ch in ("partner_venue", "other")},
    }

    def campaign(made: Any, **rest: Any) -> dict[str, Any]:
        return {
            "campaign_id": made.id,
            "code": made.code,
            "name": made.name,
            "kind": "campaign",
            "channel": made.channel,
            "cost_pence": made.cost_pence,
            **rest,
        }

    assert report["campaigns"] == [
        # 12,000p over the 4 enquiries it ever brought, 2 of them before May; 1 approval.
        campaign(
            leaflets,
            lifetime_enquiries=4,
            lifetime_approvals=1,
            cost_per_enquiry_pence=3000,
            cost_per_approval_pence=12_000,
            **figures(2),
        ),
        campaign(
            posters,
            lifetime_enquiries=3,
            lifetime_approvals=0,
            cost_per_enquiry_pence=1667,  # 1,666.67
            cost_per_approval_pence=None,
            **figures(3, visited=1),
        ),
        campaign(
            radio,
            lifetime_enquiries=1,
            lifetime_approvals=0,
            cost_per_enquiry_pence=None,
            cost_per_approval_pence=None,
            **figures(1, silent=1),
        ),
        campaign(
            stall,
            lifetime_enquiries=1,
            lifetime_approvals=0,
            cost_per_enquiry_pence=0,
            cost_per_approval_pence=None,
            **figures(0),
        ),
    ]

    # The costs do not depend on the period.
    february = await get(client, manager, "sources", **{"from": "2026-02-01", "to": "2026-02-28"})
    leaflets_then = february["campaigns"][0]
    assert (leaflets_then["enquiries"], leaflets_then["approvals"]) == (2, 1)
    assert (leaflets_then["cost_per_enquiry_pence"], leaflets_then["lifetime_enquiries"]) == (
        3000,
        4,
    )
    print_then = next(c for c in february["channels"] if c["channel"] == "print")
    assert (print_then["cost_per_enquiry_pence"], print_then["costed_enquiries"]) == (2429, 7)

    rows = await get_csv(client, manager, "sources", **may)
    costs = {
        (r["section"], r["key"]): (
            r["cost_pence"],
            r["cost_per_enquiry_pence"],
            r["cost_per_approval_pence"],
            r["cost_enquiries"],
            r["cost_approvals"],
        )
        for r in rows
    }
    assert costs[("channel", "print")] == ("17000", "2429", "17000", "7", "1")
    assert costs[("channel", "radio_tv")] == ("", "", "", "0", "0")
    assert costs[("campaign", leaflets.code)] == ("12000", "3000", "12000", "4", "1")
    assert costs[("campaign", stall.code)] == ("0", "0", "", "1", "0")
