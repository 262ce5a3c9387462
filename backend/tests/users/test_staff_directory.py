"""The staff directory: every member of staff sees their own council's colleagues' names and
roles (to assign work and to say who did what), nothing else, and never another council's."""

import httpx
from sqlalchemy import select, update

from fosterhub.auth import service as auth_service
from fosterhub.auth.roles import SCOPES
from fosterhub.core.models import AuditEvent
from fosterhub.users.models import User
from tests.conftest import World, assert_problem

STAFF = "/api/v1/staff"


async def test_any_member_of_staff_sees_their_councils_staff_by_name(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    worker = await world.make_person(world.a, "social_worker", "carer")
    admin = await world.make_person(world.a, "admin")
    await world.make_person(world.a, "carer")
    await world.make_person(world.a, "applicant")
    await world.make_person(world.b, "recruitment_officer")  # another council's
    await world.db.execute(
        update(User).where(User.id == admin.user.id).values(display_name="Aaron Admin")
    )
    await world.db.execute(
        update(User).where(User.id == worker.user.id).values(display_name="Zara Worker")
    )
    await world.db.execute(
        update(User).where(User.id == officer.user.id).values(display_name="Mo Officer")
    )
    await world.db.commit()

    response = await client.get(STAFF, headers=officer.headers)
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [i["display_name"] for i in items] == ["Aaron Admin", "Mo Officer", "Zara Worker"]
    assert all(set(i) == {"id", "display_name", "roles", "is_active"} for i in items)
    # Only staff roles are shown: that a colleague is also a carer is not the directory's.
    assert items[2]["roles"] == ["social_worker"] and items[2]["id"] == worker.user.id
    assert "email" not in response.text and "totp" not in response.text

    audited = (
        await world.db.scalars(select(AuditEvent).where(AuditEvent.record_type == "user"))
    ).all()
    await world.db.commit()
    assert any((a.detail or {}).get("view") == "staff" for a in audited)


async def test_inactive_colleagues_are_listed_unless_asked_for_active_only(
    client: httpx.AsyncClient, world: World
) -> None:
    officer = await world.make_person(world.a, "recruitment_officer")
    gone = await world.make_person(world.a, "recruitment_officer")
    await world.db.execute(update(User).where(User.id == gone.user.id).values(is_active=False))
    await world.db.commit()
    every = (await client.get(STAFF, headers=officer.headers)).json()["items"]
    assert {i["id"]: i["is_active"] for i in every} == {officer.user.id: True, gone.user.id: False}
    active = (await client.get(STAFF, params={"active": "true"}, headers=officer.headers)).json()
    assert [i["id"] for i in active["items"]] == [officer.user.id]
    paged = await client.get(STAFF, params={"limit": 1}, headers=officer.headers)
    assert len(paged.json()["items"]) == 1 and paged.json()["next_cursor"]


async def test_another_council_never_sees_our_staff(
    client: httpx.AsyncClient, world: World
) -> None:
    ours = await world.make_person(world.a, "recruitment_officer")
    theirs = await world.make_person(world.b, "admin")
    listed = (await client.get(STAFF, headers=theirs.headers)).json()["items"]
    assert [i["id"] for i in listed] == [theirs.user.id]
    assert ours.user.id not in str(listed)


async def test_carers_applicants_and_strangers_are_refused(
    client: httpx.AsyncClient, world: World
) -> None:
    carer = await world.make_person(world.a, "carer")
    applicant = await world.make_person(world.a, "applicant")
    assert_problem(await client.get(STAFF), 401)
    assert_problem(await client.get(STAFF, headers=carer.headers), 403)
    assert_problem(await client.get(STAFF, headers=applicant.headers), 403)
    officer = await world.make_person(world.a, "recruitment_officer")
    assert_problem(
        await client.get(STAFF, params={"active": "maybe"}, headers=officer.headers), 422, "active"
    )
    assert_problem(
        await client.get(STAFF, params={"limit": 0}, headers=officer.headers), 422, "limit"
    )


async def test_a_partner_clients_token_is_refused(client: httpx.AsyncClient, world: World) -> None:
    partner, secret = await auth_service.create_client(world.db, world.a.id, "A", sorted(SCOPES))
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
    assert_problem(await client.get(STAFF, headers=headers), 403)
