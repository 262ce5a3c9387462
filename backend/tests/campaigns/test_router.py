"""Campaigns and ambassadors' codes: creating them, their results, QR codes, the public
landing that counts scans; and carers' referrals with their rewards."""

import asyncio
from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import httpx
import pytest
from sqlalchemy import select

from fosterhub.campaigns.models import Campaign, Referral
from fosterhub.core.models import AuditEvent
from fosterhub.enquiries.models import Enquiry
from tests import factories
from tests.conftest import Person, World, assert_problem
from tests.factories import enquiry_body

URL = "/api/v1/campaigns"
SVG = "{http://www.w3.org/2000/svg}"


async def _staff(world: World) -> Person:
    return await world.make_person(world.a, "recruitment_officer")


async def test_a_campaign_answers_with_its_code_and_landing_url(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    body = {"name": "Store drop-in week", "channel": "partner_venue"}
    response = await client.post(URL, json=body, headers=officer.headers)
    assert response.status_code == 201, response.text
    created = response.json()
    code = created["code"]
    assert len(code) == 6 and code.isalnum() and code.isupper()
    assert (
        created["landing_url"]
        == f"{world.settings.public_base_url}/api/v1/campaigns/{code}/landing"
    )
    assert created["kind"] == "campaign" and created["scans"] == 0 and created["enquiries"] == 0
    assert created["cost_per_enquiry_pence"] is None
    assert response.headers["location"] == f"{URL}/{created['id']}"
    again = await client.get(f"{URL}/{created['id']}", headers=officer.headers)
    assert again.json()["code"] == code


async def test_creating_a_campaign_honours_idempotency_keys(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    headers = {**officer.headers, "Idempotency-Key": "campaign-1"}
    body = {"name": "Rugby club", "channel": "event", "cost_pence": 12000}
    first = await client.post(URL, json=body, headers=headers)
    second = await client.post(URL, json=body, headers=headers)
    assert second.json() == first.json() and second.headers["idempotent-replayed"] == "true"
    assert_problem(await client.post(URL, json={**body, "name": "Other"}, headers=headers), 409)
    campaigns = (await world.db.scalars(select(Campaign))).all()
    await world.db.commit()
    assert len(campaigns) == 1


async def test_ambassadors_get_personal_codes_and_need_a_type(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    body = {"name": "Cllr Jones", "channel": "word_of_mouth", "kind": "ambassador"}
    assert_problem(
        await client.post(URL, json=body, headers=officer.headers), 422, "ambassador_type"
    )
    made = await client.post(
        URL, json={**body, "ambassador_type": "councillor"}, headers=officer.headers
    )
    assert made.status_code == 201
    assert made.json()["kind"] == "ambassador" and made.json()["ambassador_type"] == "councillor"
    listed = (await client.get(URL, params={"kind": "ambassador"}, headers=officer.headers)).json()
    assert [c["id"] for c in listed["items"]] == [made.json()["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channel": "print"}, "name"),
        ({"name": "", "channel": "print"}, "name"),
        ({"name": "X", "channel": "skywriting"}, "channel"),
        ({"name": "X", "channel": "print", "cost_pence": -1}, "cost_pence"),
        (
            {"name": "X", "channel": "print", "starts_on": "2027-02-01", "ends_on": "2027-01-01"},
            "ends_on",
        ),
        ({"name": "X", "channel": "print", "code": "MINE42"}, "code"),
        ({"name": "X", "channel": "print", "kind": "event"}, "kind"),
        ({"name": "X", "channel": "print", "ambassador_type": "champion"}, "ambassador_type"),
        ({"name": "X\x00", "channel": "print"}, "name"),
    ],
)
async def test_bad_campaigns_are_refused(
    client: httpx.AsyncClient, world: World, body: dict[str, Any], field: str
) -> None:
    officer = await _staff(world)
    assert_problem(await client.post(URL, json=body, headers=officer.headers), 422, field)


async def test_campaign_results_come_from_the_enquiries_histories(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    leaflets = await factories.make_campaign(world, world.a, cost_pence=30000, name="Leaflets")
    quiet = await factories.make_campaign(world, world.a, cost_pence=5000, name="Quiet")
    other = await factories.make_campaign(world, world.a, name="Other")

    async def enquiry(path: list[str], campaign: Campaign = leaflets, **fields: Any) -> Enquiry:
        made = await factories.make_enquiry(world, world.a, campaign_id=campaign.id, **fields)
        for to in path:
            await factories.move(world, made, to, reason="AW0" if to == "withdrawn" else None)
        return made

    first = await enquiry([])
    await enquiry(["initial_contact", "initial_visit"])
    await enquiry(
        ["initial_contact", "initial_visit", "application", "assessment", "panel", "approved"]
    )
    await enquiry(["initial_contact", "initial_visit", "application", "withdrawn"])
    await enquiry(["initial_contact", "withdrawn"])
    await enquiry([], duplicate_of_id=first.id)  # a repeat is not counted
    await enquiry(["initial_contact", "initial_visit"], campaign=other)

    listed = (await client.get(URL, headers=officer.headers)).json()["items"]
    by_name = {c["name"]: c for c in listed}
    results = by_name["Leaflets"]
    assert (
        results["enquiries"],
        results["reached_initial_visit"],
        results["applications"],
        results["approvals"],
        results["cost_per_enquiry_pence"],
    ) == (5, 3, 2, 1, 6000)
    assert by_name["Quiet"]["enquiries"] == 0 and by_name["Quiet"]["cost_per_enquiry_pence"] is None
    assert by_name["Other"]["reached_initial_visit"] == 1
    one = (await client.get(f"{URL}/{leaflets.id}", headers=officer.headers)).json()
    assert {k: one[k] for k in ("enquiries", "applications", "approvals")} == {
        "enquiries": 5,
        "applications": 2,
        "approvals": 1,
    }
    assert quiet.id in by_name["Quiet"]["id"]


async def test_the_qr_code_is_a_printable_svg(client: httpx.AsyncClient, world: World) -> None:
    officer = await _staff(world)
    campaign = await factories.make_campaign(
        world, world.a, name="Fish & <Chips> shop", code="QRCODE"
    )
    response = await client.get(f"{URL}/{campaign.id}/qr.svg", headers=officer.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "campaign-QRCODE.svg" in response.headers["content-disposition"]
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own answer
    assert root.tag == f"{SVG}svg"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Fish & <Chips> shop (QRCODE)"
    assert root.find(f".//{SVG}path") is not None
    assert_problem(await client.get(f"{URL}/{campaign.id}/qr.svg"), 401)


async def test_a_scanned_code_lands_on_the_enquiry_journey_and_is_counted(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    campaign = await factories.make_campaign(world, world.a, code="SCAN42", channel="print")
    response = await client.get(f"{URL}/scan42/landing")
    assert response.status_code == 302
    location = urlsplit(response.headers["location"])
    assert location.path == "/enquire"
    assert parse_qs(location.query) == {
        "council": ["alpha"],
        "campaign": ["SCAN42"],
        "channel": ["print"],
    }
    scans = await asyncio.gather(*(client.get(f"{URL}/SCAN42/landing") for _ in range(10)))
    assert [r.status_code for r in scans] == [302] * 10
    detail = (await client.get(f"{URL}/{campaign.id}", headers=officer.headers)).json()
    assert detail["scans"] == 11


async def test_unknown_codes_do_not_land(client: httpx.AsyncClient, world: World) -> None:
    assert_problem(await client.get(f"{URL}/NOPE42/landing"), 404)
    assert_problem(await client.get(f"{URL}/bad%20code!/landing"), 422)


async def test_an_ended_or_switched_off_campaigns_leaflets_still_land_and_attribute(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    off = await factories.make_campaign(world, world.a, code="ENDED1", is_active=False)
    past = await factories.make_campaign(
        world,
        world.a,
        code="PAST42",
        starts_on=date.today() - timedelta(days=90),
        ends_on=date.today() - timedelta(days=30),
    )
    for campaign in (off, past):
        response = await client.get(f"{URL}/{campaign.code}/landing")
        assert response.status_code == 302
        assert parse_qs(urlsplit(response.headers["location"]).query)["campaign"] == [campaign.code]
        made = await client.post(
            "/api/v1/enquiries",
            json=enquiry_body(
                contact={"email": f"{campaign.code.lower()}@example.org"},
                source={"channel": "print", "campaign_code": campaign.code},
            ),
        )
        assert made.status_code == 201, made.text
        detail = (await client.get(f"{URL}/{campaign.id}", headers=officer.headers)).json()
        assert (detail["scans"], detail["enquiries"]) == (1, 1)


async def test_staff_change_a_campaign_with_if_match(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    created = await client.post(
        URL,
        json={"name": "Rugby club", "channel": "print", "cost_pence": 1000},
        headers=officer.headers,
    )
    campaign_id, code = created.json()["id"], created.json()["code"]
    path = f"{URL}/{campaign_id}"
    read = await client.get(path, headers=officer.headers)
    etag = read.headers["etag"]
    assert created.headers["etag"] == etag

    change = {
        "name": "Rugby club programme",
        "starts_on": "2026-09-01",
        "ends_on": "2026-12-31",
        "cost_pence": 45_000,
        "partner_organisation": "Local rugby league club",
    }
    assert_problem(await client.patch(path, json=change, headers=officer.headers), 428)
    changed = await client.patch(path, json=change, headers={**officer.headers, "If-Match": etag})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert {k: body[k] for k in change} == change
    assert body["code"] == code and body["channel"] == "print" and body["kind"] == "campaign"
    assert changed.headers["etag"] != etag
    assert (await client.get(path, headers=officer.headers)).headers["etag"] == changed.headers[
        "etag"
    ]
    # The ETag read before the change is stale now.
    stale = await client.patch(
        path, json={"is_active": False}, headers={**officer.headers, "If-Match": etag}
    )
    assert_problem(stale, 412)
    off = await client.patch(
        path,
        json={"is_active": False, "cost_pence": None, "ends_on": None},
        headers={**officer.headers, "If-Match": changed.headers["etag"]},
    )
    assert off.status_code == 200, off.text
    assert (off.json()["is_active"], off.json()["cost_pence"], off.json()["ends_on"]) == (
        False,
        None,
        None,
    )
    active = (await client.get(URL, params={"active": "true"}, headers=officer.headers)).json()
    assert campaign_id not in [c["id"] for c in active["items"]]
    changes = (
        await world.db.scalars(
            select(AuditEvent).where(
                AuditEvent.record_type == "campaign", AuditEvent.action == "update"
            )
        )
    ).all()
    await world.db.commit()
    assert [c.detail["fields"] for c in changes] == [
        sorted(change),
        ["cost_pence", "ends_on", "is_active"],
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": None}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"is_active": None}, "is_active"),
        ({"cost_pence": -1}, "cost_pence"),
        ({"ends_on": "2026-01-01"}, "ends_on"),  # before the campaign's start
        ({"starts_on": "2027-01-01"}, "starts_on"),  # after its end
        ({"starts_on": "soon"}, "starts_on"),
        ({"code": "MINE42"}, "code"),
        ({"channel": "radio_tv"}, "channel"),
        ({"kind": "ambassador"}, "kind"),
    ],
)
async def test_bad_campaign_changes_are_refused_and_change_nothing(
    client: httpx.AsyncClient, world: World, body: dict[str, Any], field: str
) -> None:
    officer = await _staff(world)
    campaign = await factories.make_campaign(
        world,
        world.a,
        name="Leaflets",
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 8, 31),
        cost_pence=100,
    )
    path = f"{URL}/{campaign.id}"
    before = await client.get(path, headers=officer.headers)
    response = await client.patch(
        path, json=body, headers={**officer.headers, "If-Match": before.headers["etag"]}
    )
    assert_problem(response, 422, field)
    after = await client.get(path, headers=officer.headers)
    assert after.headers["etag"] == before.headers["etag"] and after.json() == before.json()


async def test_an_events_campaign_is_changed_through_its_event(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await _staff(world)
    campaign = await factories.make_campaign(world, world.a, kind="event", channel="event")
    path = f"{URL}/{campaign.id}"
    response = await client.patch(
        path, json={"cost_pence": 5}, headers={**officer.headers, "If-Match": "*"}
    )
    body = assert_problem(response, 409)
    assert body["type"].endswith("/event-campaign")
    assert (await client.get(path, headers=officer.headers)).json()["cost_pence"] is None


async def test_another_councils_campaign_cannot_be_changed(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin")
    carer = await world.make_person(world.a, "carer")
    campaign = await factories.make_campaign(world, world.a, name="Leaflets")
    path = f"{URL}/{campaign.id}"
    for who, status in ((intruder, 404), (carer, 403)):
        response = await client.patch(
            path, json={"name": "Mine now"}, headers={**who.headers, "If-Match": "*"}
        )
        assert_problem(response, status)
    assert_problem(await client.patch(path, json={"name": "Mine now"}), 401)
    stored = await world.db.scalar(
        select(Campaign).where(Campaign.id == campaign.id).execution_options(populate_existing=True)
    )
    await world.db.commit()
    assert stored is not None and stored.name == "Leaflets"


async def test_staff_only_and_another_councils_campaigns_are_not_found(
    client: httpx.AsyncClient, world: World
) -> None:
    carer = await world.make_person(world.a, "carer")
    intruder = await world.make_person(world.b, "admin")
    campaign = await factories.make_campaign(world, world.a)
    assert_problem(await client.get(URL, headers=carer.headers), 403)
    assert_problem(
        await client.post(URL, json={"name": "X", "channel": "print"}, headers=carer.headers), 403
    )
    for path in (f"{URL}/{campaign.id}", f"{URL}/{campaign.id}/qr.svg"):
        assert_problem(await client.get(path, headers=intruder.headers), 404)
    assert (await client.get(URL, headers=intruder.headers)).json()["items"] == []


# Referrals


async def _refer_and_approve(
    client: httpx.AsyncClient, world: World, officer: Person, code: str
) -> str:
    response = await client.post(
        "/api/v1/enquiries",
        json=enquiry_body(source={"channel": "referral", "referral_code": code}),
    )
    enquiry_id: str = response.json()["id"]
    for to in (
        "initial_contact",
        "initial_visit",
        "application",
        "assessment",
        "panel",
        "approved",
    ):
        moved = await client.post(
            f"/api/v1/enquiries/{enquiry_id}/transitions",
            json={"to": to},
            headers=officer.headers,
        )
        assert moved.status_code == 201, moved.text
    return enquiry_id


async def test_an_approved_referral_makes_the_reward_due_and_staff_mark_it_paid(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    settings = await client.get("/api/v1/council-settings", headers=admin.headers)
    await client.patch(
        "/api/v1/council-settings",
        json={"referral_reward_pence": 75000},
        headers={**admin.headers, "If-Match": settings.headers["etag"]},
    )
    referrer = await factories.make_household(world, world.a, referral_code="RJONES")
    enquiry_id = await _refer_and_approve(client, world, admin, "RJONES")

    due = (
        await client.get("/api/v1/referrals", params={"status": "due"}, headers=admin.headers)
    ).json()["items"]
    assert len(due) == 1
    referral = due[0]
    assert referral["household_id"] == referrer.id and referral["enquiry_id"] == enquiry_id
    assert referral["household_name"] == referrer.name == "The Joneses"
    assert referral["reward_pence"] == 75000 and referral["due_at"] is not None
    assert referral["enquiry_reference"].startswith("FH-")

    path = f"/api/v1/referrals/{referral['id']}"
    read = await client.get(path, headers=admin.headers)
    etag = read.headers["etag"]
    assert_problem(await client.patch(path, json={"status": "paid"}, headers=admin.headers), 428)
    assert_problem(
        await client.patch(
            path, json={"status": "pending"}, headers={**admin.headers, "If-Match": etag}
        ),
        422,
        "status",
    )
    paid = await client.patch(
        path, json={"status": "paid"}, headers={**admin.headers, "If-Match": etag}
    )
    assert paid.status_code == 200, paid.text
    assert paid.json()["status"] == "paid" and paid.json()["paid_at"] is not None
    assert paid.json()["household_name"] == "The Joneses"
    assert read.json()["household_name"] == "The Joneses"
    stale = await client.patch(
        path, json={"status": "void"}, headers={**admin.headers, "If-Match": etag}
    )
    assert_problem(stale, 412)
    fresh = (await client.get(path, headers=admin.headers)).headers["etag"]
    assert_problem(
        await client.patch(
            path, json={"status": "void"}, headers={**admin.headers, "If-Match": fresh}
        ),
        409,
    )
    stored = await world.db.scalar(select(Referral).execution_options(populate_existing=True))
    await world.db.commit()
    assert stored is not None and stored.paid_by_id == admin.user.id


async def test_a_pending_referral_cannot_be_paid(client: httpx.AsyncClient, world: World) -> None:
    officer = await _staff(world)
    referral = await factories.make_referral(world, world.a)
    path = f"/api/v1/referrals/{referral.id}"
    response = await client.patch(
        path, json={"status": "paid"}, headers={**officer.headers, "If-Match": "*"}
    )
    assert_problem(response, 409)
    voided = await client.patch(
        path, json={"status": "void"}, headers={**officer.headers, "If-Match": "*"}
    )
    assert voided.json()["status"] == "void"


async def test_another_councils_referrals_are_not_found(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin")
    referral = await factories.make_referral(world, world.a)
    path = f"/api/v1/referrals/{referral.id}"
    assert_problem(await client.get(path, headers=intruder.headers), 404)
    assert_problem(
        await client.patch(
            path, json={"status": "void"}, headers={**intruder.headers, "If-Match": "*"}
        ),
        404,
    )
    assert (await client.get("/api/v1/referrals", headers=intruder.headers)).json()["items"] == []
