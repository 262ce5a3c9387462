"""Carer households: made when an enquiry is approved, kept up to date by staff, and seen by
the carer themselves with their referral code."""

import json
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from fosterhub.campaigns.models import Referral
from fosterhub.core.models import AuditEvent
from tests import factories
from tests.conftest import Person, World, assert_problem

URL = "/api/v1/carers"


async def _approve(
    client: httpx.AsyncClient, world: World, officer: Person, **body: Any
) -> httpx.Response:
    enquiry = await factories.make_enquiry(
        world,
        world.a,
        stage="panel",
        first_name="Zoë",
        last_name="Brontë",
        email="zoe@example.org",
        interests=["short_breaks", "unsure"],
    )
    return await client.post(
        f"/api/v1/enquiries/{enquiry.id}/transitions",
        json={"to": "approved", **body},
        headers=officer.headers,
    )


async def test_approval_makes_a_carer_household_with_the_terms_given(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    terms = {
        "approved_on": "2026-11-20",
        "fostering_types": ["long_term", "emergency"],
        "age_min": 5,
        "age_max": 12,
        "places": 2,
    }
    response = await _approve(client, world, officer, approval=terms, note="Panel agreed")
    assert response.status_code == 201, response.text
    enquiry_id = response.json()

    listed = (await client.get(URL, headers=officer.headers)).json()["items"]
    assert len(listed) == 1
    household = listed[0]
    assert household["name"] == "Zoë Brontë"
    assert household["adults"] == [
        {"first_name": "Zoë", "last_name": "Brontë", "email": "zoe@example.org"}
    ]
    assert household["approved_on"] == "2026-11-20"
    assert household["fostering_types"] == ["long_term", "emergency"]
    assert (household["age_min"], household["age_max"], household["places"]) == (5, 12, 2)
    assert household["status"] == "approved" and household["referral_code"].startswith("R")
    one = await client.get(f"{URL}/{household['id']}", headers=officer.headers)
    assert one.status_code == 200 and "etag" in one.headers
    detail = (
        await client.get(f"/api/v1/enquiries/{household['enquiry_id']}", headers=officer.headers)
    ).json()
    assert detail["carer_household_id"] == household["id"]
    assert enquiry_id["to_stage"] == "approved"


async def test_approval_without_terms_takes_them_from_the_enquiry(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    assert (await _approve(client, world, officer)).status_code == 201
    [household] = (await client.get(URL, headers=officer.headers)).json()["items"]
    assert household["fostering_types"] == ["short_breaks"]
    assert household["approved_on"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("terms", "field"),
    [
        ({"age_min": 12, "age_max": 5}, "approval.age_max"),
        ({"places": 0}, "approval.places"),
        ({"fostering_types": []}, "approval.fostering_types"),
        ({"fostering_types": ["cooking"]}, "approval.fostering_types.0"),
        ({"approved_on": "someday"}, "approval.approved_on"),
        ({"pets": True}, "approval.pets"),
    ],
)
async def test_bad_approval_terms_are_refused_and_nothing_is_made(
    client: httpx.AsyncClient, world: World, terms: dict[str, Any], field: str
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    assert_problem(await _approve(client, world, officer, approval=terms), 422, field)
    assert (await client.get(URL, headers=officer.headers)).json()["items"] == []


async def test_approval_names_the_households_other_adults(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    others = [
        {"first_name": " Mei ", "last_name": "Chen-Brontë"},
        {"first_name": "Ngozi", "last_name": "O\u2019Brien", "email": "Ngozi@Example.org"},
    ]
    response = await _approve(client, world, officer, approval={"other_adults": others})
    assert response.status_code == 201, response.text
    [listed] = (await client.get(URL, headers=officer.headers)).json()["items"]
    household = (await client.get(f"{URL}/{listed['id']}", headers=officer.headers)).json()
    # The enquirer first, then the others as given (trimmed, emails in lower case).
    assert household["adults"] == [
        {"first_name": "Zoë", "last_name": "Brontë", "email": "zoe@example.org"},
        {"first_name": "Mei", "last_name": "Chen-Brontë", "email": None},
        {"first_name": "Ngozi", "last_name": "O\u2019Brien", "email": "ngozi@example.org"},
    ]
    assert household["name"] == "Zoë Brontë"


@pytest.mark.parametrize(
    ("others", "field"),
    [
        ([{"first_name": "Mei", "last_name": "Chen"}] * 6, "approval.other_adults"),
        ([{"first_name": "", "last_name": "Chen"}], "approval.other_adults.0.first_name"),
        ([{"first_name": "Mei"}], "approval.other_adults.0.last_name"),
        (
            [{"first_name": "Mei", "last_name": "Chen"}, {"first_name": "R2D2", "last_name": "X"}],
            "approval.other_adults.1.first_name",
        ),
        (
            [{"first_name": "Mei", "last_name": "Chen", "email": "mei@"}],
            "approval.other_adults.0.email",
        ),
        ([{"first_name": "Mei", "last_name": "Chen", "age": 40}], "approval.other_adults.0.age"),
        ({"first_name": "Mei", "last_name": "Chen"}, "approval.other_adults"),
    ],
)
async def test_bad_other_adults_are_refused_and_the_enquiry_stays_at_panel(
    client: httpx.AsyncClient, world: World, others: Any, field: str
) -> None:
    officer = await world.make_person(world.a, "social_worker")
    response = await _approve(client, world, officer, approval={"other_adults": others})
    assert_problem(response, 422, field)
    assert (await client.get(URL, headers=officer.headers)).json()["items"] == []
    [enquiry] = (await client.get("/api/v1/enquiries", headers=officer.headers)).json()["items"]
    assert enquiry["stage"] == "panel"


async def test_a_list_read_records_which_households_were_seen(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    ours = {
        (await factories.make_household(world, world.a, name=f"The Khans {n}")).id for n in range(3)
    }
    await factories.make_household(world, world.b)
    listed = (await client.get(URL, params={"q": "khans"}, headers=officer.headers)).json()
    assert {h["id"] for h in listed["items"]} == ours
    [row] = (
        await world.db.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "list", AuditEvent.record_type == "carer_household"
            )
        )
    ).all()
    await world.db.commit()
    assert sorted(row.detail["ids"]) == sorted(ours) and row.detail["count"] == 3
    assert "Khan" not in json.dumps(row.detail)


async def _household(client: httpx.AsyncClient, world: World) -> tuple[Person, str, str]:
    officer = await world.make_person(world.a, "recruitment_officer")
    household = await factories.make_household(world, world.a)
    read = await client.get(f"{URL}/{household.id}", headers=officer.headers)
    return officer, household.id, read.headers["etag"]


async def test_deregistration_needs_a_reason_and_records_the_date(
    client: httpx.AsyncClient, world: World
) -> None:
    officer, household_id, etag = await _household(client, world)
    path = f"{URL}/{household_id}"
    headers = {**officer.headers, "If-Match": etag}
    assert_problem(
        await client.patch(path, json={"status": "on_hold"}, headers=officer.headers), 428
    )
    assert_problem(
        await client.patch(path, json={"status": "deregistered"}, headers=headers),
        422,
        "deregistration_reason",
    )
    assert_problem(
        await client.patch(path, json={"deregistration_reason": "retired"}, headers=headers),
        422,
        "deregistration_reason",
    )
    assert_problem(
        await client.patch(
            path, json={"status": "deregistered", "deregistration_reason": "bored"}, headers=headers
        ),
        422,
        "deregistration_reason",
    )
    done = await client.patch(
        path,
        json={
            "status": "deregistered",
            "deregistration_reason": "retired",
            "status_changed_on": "2026-11-01",
        },
        headers=headers,
    )
    assert done.status_code == 200, done.text
    body = done.json()
    assert body["status"] == "deregistered" and body["deregistration_reason"] == "retired"
    assert body["deregistered_on"] == "2026-11-01" == body["status_changed_on"]
    assert_problem(await client.patch(path, json={"places": 3}, headers=headers), 412)
    back = await client.patch(
        path,
        json={"status": "approved"},
        headers={**officer.headers, "If-Match": done.headers["etag"]},
    )
    assert_problem(back, 409)


async def test_staff_change_terms_and_status(client: httpx.AsyncClient, world: World) -> None:
    officer, household_id, etag = await _household(client, world)
    path = f"{URL}/{household_id}"
    changed = await client.patch(
        path,
        json={"status": "on_hold", "places": 3, "is_champion": True},
        headers={**officer.headers, "If-Match": etag},
    )
    assert changed.status_code == 200
    body = changed.json()
    assert (body["status"], body["places"], body["is_champion"]) == ("on_hold", 3, True)
    assert body["status_changed_on"] == date.today().isoformat()
    headers = {**officer.headers, "If-Match": "*"}
    for patch, field in (
        ({"age_min": 16, "age_max": 10}, "age_min"),
        ({"places": 0}, "places"),
        ({"places": None}, "places"),
        ({"places": 11}, "places"),
        ({"status": "retired"}, "status"),
        ({"name": "New name"}, "name"),
    ):
        assert_problem(await client.patch(path, json=patch, headers=headers), 422, field)
    assert (await client.get(f"{URL}?champion=true", headers=officer.headers)).json()["items"]


async def test_a_carers_account_is_linked_and_sees_its_own_household(
    client: httpx.AsyncClient, world: World
) -> None:
    officer, household_id, _etag = await _household(client, world)
    carer = await world.make_person(world.a, "carer")
    other_carer = await world.make_person(world.a, "carer")
    path = f"{URL}/{household_id}"
    headers = {**officer.headers, "If-Match": "*"}
    assert_problem(
        await client.patch(path, json={"user_id": officer.user.id}, headers=headers), 422, "user_id"
    )
    stranger = await world.make_person(world.b, "carer")
    assert_problem(
        await client.patch(path, json={"user_id": stranger.user.id}, headers=headers),
        422,
        "user_id",
    )
    linked = await client.patch(path, json={"user_id": carer.user.id}, headers=headers)
    assert linked.status_code == 200 and linked.json()["user_id"] == carer.user.id
    second = await factories.make_household(world, world.a, name="The Smiths")
    assert_problem(
        await client.patch(f"{URL}/{second.id}", json={"user_id": carer.user.id}, headers=headers),
        422,
        "user_id",
    )

    mine = await client.get(f"{URL}/me", headers=carer.headers)
    assert mine.status_code == 200 and mine.json()["id"] == household_id
    assert_problem(await client.get(f"{URL}/me", headers=other_carer.headers), 404)
    assert_problem(await client.get(f"{URL}/me", headers=officer.headers), 403)
    # A carer is not staff: no other household, no list.
    assert_problem(await client.get(URL, headers=carer.headers), 403)
    assert_problem(await client.get(path, headers=carer.headers), 403)


async def test_a_carer_sees_their_referral_code_and_counts_without_names(
    client: httpx.AsyncClient, world: World
) -> None:
    carer = await world.make_person(world.a, "carer")
    household = await factories.make_household(
        world, world.a, referral_code="RSHARE", user_id=carer.user.id
    )
    statuses = {"pending": None, "due": 50000, "paid": 50000}
    for status, reward in statuses.items():
        enquiry = await factories.make_enquiry(
            world, world.a, first_name="Secret", referral_household_id=household.id
        )
        world.db.add(
            Referral(
                council_id=world.a.id,
                household_id=household.id,
                enquiry_id=enquiry.id,
                status=status,
                reward_pence=reward,
            )
        )
    await world.db.commit()

    response = await client.get(f"{URL}/me/referral", headers=carer.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body == {
        "referral_code": "RSHARE",
        "share_url": f"{world.settings.public_base_url}/enquire?council=alpha&referral=RSHARE",
        "referrals": 3,
        "approved": 2,
        "rewards_due_pence": 50000,
        "rewards_paid_pence": 50000,
    }
    assert "Secret" not in response.text
    officer = await world.make_person(world.a, "recruitment_officer")
    assert_problem(await client.get(f"{URL}/me/referral", headers=officer.headers), 403)


async def test_another_councils_households_are_not_found(
    client: httpx.AsyncClient, world: World
) -> None:
    intruder = await world.make_person(world.b, "admin")
    household = await factories.make_household(world, world.a)
    path = f"{URL}/{household.id}"
    assert_problem(await client.get(path, headers=intruder.headers), 404)
    assert_problem(
        await client.patch(path, json={"places": 2}, headers={**intruder.headers, "If-Match": "*"}),
        404,
    )
    assert (await client.get(URL, headers=intruder.headers)).json()["items"] == []
    assert (await client.get(f"{URL}/me/referral", headers=intruder.headers)).status_code == 403


async def test_a_null_deregistration_reason_is_accepted_unless_deregistering(
    client: httpx.AsyncClient, world: World
) -> None:
    """OpenAPI says the reason is nullable: null is "no reason", which is right for a
    household that is approved or on hold, and wrong for one being (or already) deregistered."""
    officer, household_id, etag = await _household(client, world)
    path = f"{URL}/{household_id}"
    on_hold = await client.patch(
        path,
        json={"status": "on_hold", "deregistration_reason": None},
        headers={**officer.headers, "If-Match": etag},
    )
    assert on_hold.status_code == 200, on_hold.text
    assert on_hold.json()["status"] == "on_hold"
    assert on_hold.json()["deregistration_reason"] is None
    etag = on_hold.headers["etag"]
    alone = await client.patch(
        path,
        json={"deregistration_reason": None, "places": 2},
        headers={**officer.headers, "If-Match": etag},
    )
    assert alone.status_code == 200, alone.text
    assert alone.json()["places"] == 2
    etag = alone.headers["etag"]
    # Deregistering with a null reason is refused, naming the field and changing nothing.
    body = assert_problem(
        await client.patch(
            path,
            json={"status": "deregistered", "deregistration_reason": None},
            headers={**officer.headers, "If-Match": etag},
        ),
        422,
        "deregistration_reason",
    )
    assert "Value error" not in body["detail"]
    gone = await client.patch(
        path,
        json={"status": "deregistered", "deregistration_reason": "moved_away"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert gone.status_code == 200, gone.text
    etag = gone.headers["etag"]
    # A deregistered household keeps needing its reason; it may be corrected.
    assert_problem(
        await client.patch(
            path,
            json={"deregistration_reason": None},
            headers={**officer.headers, "If-Match": etag},
        ),
        422,
        "deregistration_reason",
    )
    corrected = await client.patch(
        path,
        json={"deregistration_reason": "retired"},
        headers={**officer.headers, "If-Match": etag},
    )
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["deregistration_reason"] == "retired"
    read = await client.get(path, headers=officer.headers)
    assert read.json()["status"] == "deregistered"


async def test_another_councils_household_cannot_be_changed(
    client: httpx.AsyncClient, world: World
) -> None:
    _officer, household_id, etag = await _household(client, world)
    other = await world.make_person(world.b, "recruitment_officer")
    assert_problem(
        await client.patch(
            f"{URL}/{household_id}",
            json={"deregistration_reason": None},
            headers={**other.headers, "If-Match": etag},
        ),
        404,
    )
