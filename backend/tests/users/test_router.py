"""A council's admins manage its user accounts; every read and change is audited."""

import json
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.core.models import AuditEvent, IdempotencyRecord
from fosterhub.users.models import User
from tests.conftest import TEST_PASSWORD, Person, World, assert_problem

USERS = "/api/v1/users"


def new_user(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "email": "new.officer@example.org",
        "display_name": "New Officer",
        "roles": ["recruitment_officer"],
        "password": "a-long-enough-password",
    }
    body.update(changes)
    return body


async def audit_rows(db: AsyncSession, **where: Any) -> list[AuditEvent]:
    stmt = select(AuditEvent).order_by(AuditEvent.id)
    for name, value in where.items():
        stmt = stmt.where(getattr(AuditEvent, name) == value)
    rows = list((await db.scalars(stmt)).all())
    await db.commit()  # never hold SQLite's write lock while the app works
    return rows


async def etag_of(client: httpx.AsyncClient, admin: Person, user_id: str) -> str:
    response = await client.get(f"{USERS}/{user_id}", headers=admin.headers)
    assert response.status_code == 200, response.text
    return response.headers["etag"]


# --- listing -------------------------------------------------------------------------------


async def test_admin_lists_their_councils_users_page_by_page(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    ours = [admin.user.id]
    for n in range(4):
        ours.append((await world.make_person(world.a, "carer", email=f"c{n}@example.org")).user.id)
    await world.make_person(world.b, "carer", email="theirs@example.org")

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        response = await client.get(USERS, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= 2
        seen += [u["id"] for u in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == ours  # oldest first, no repeats, nothing of another council
    item = (await client.get(USERS, headers=admin.headers)).json()["items"][0]
    assert set(item) == {
        "id",
        "email",
        "display_name",
        "roles",
        "is_active",
        "totp_enabled",
        "created_at",
        "last_login_at",
    }
    assert "password_hash" not in json.dumps(item)


async def test_admin_filters_users_by_text_role_and_state(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin", email="the.admin@example.org")
    jo = await world.make_person(world.a, "carer", email="jo.bloggs@example.org")
    sam = await world.make_person(world.a, "social_worker", "manager", email="sam_x@example.org")
    await world.make_person(world.b, "carer", email="jo.other@example.org")
    sam.user.is_active = False
    await db.commit()

    async def ids(**params: Any) -> list[str]:
        response = await client.get(USERS, params=params, headers=admin.headers)
        assert response.status_code == 200, response.text
        return [u["id"] for u in response.json()["items"]]

    assert await ids(q="JO.BLOGGS") == [jo.user.id]
    assert await ids(q="bloggs") == [jo.user.id]
    assert await ids(q=jo.user.display_name.upper()) == [jo.user.id]
    assert await ids(q="nobody") == []
    # `%` and `_` are searched for as themselves, not as wildcards.
    assert await ids(q="%") == []
    assert await ids(q="_") == [sam.user.id]
    assert await ids(role="carer") == [jo.user.id]
    assert await ids(role="manager") == [sam.user.id]
    assert await ids(role="admin") == [admin.user.id]
    assert await ids(active=False) == [sam.user.id]
    assert await ids(active=True, role="social_worker") == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"role": "superuser"}, "role"),
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"q": "x" * 101}, "q"),
    ],
)
async def test_bad_list_parameters_answer_422_naming_the_parameter(
    client: httpx.AsyncClient, world: World, params: dict[str, Any], field: str
) -> None:
    admin = await world.make_person(world.a, "admin")
    assert_problem(await client.get(USERS, params=params, headers=admin.headers), 422, field=field)


# --- creating ------------------------------------------------------------------------------


async def test_admin_adds_a_person_who_can_then_sign_in(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin")
    response = await client.post(
        USERS,
        json=new_user(email="New.Officer@Example.org", roles=["manager", "social_worker"]),
        headers=admin.headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["email"] == "new.officer@example.org"
    assert body["roles"] == ["manager", "social_worker"]
    assert body["is_active"] is True
    assert body["totp_enabled"] is False
    assert body["generated_password"] is None
    assert response.headers["location"] == f"{USERS}/{body['id']}"

    stored = await db.get(User, body["id"])
    await db.commit()
    assert stored is not None
    assert stored.council_id == world.a.id  # the admin's council, always
    assert stored.password_hash.startswith("$argon2id$")

    signed_in = await client.post(
        "/api/v1/auth/login",
        json={"email": "NEW.officer@example.org", "password": "a-long-enough-password"},
    )
    assert signed_in.status_code == 200, signed_in.text


async def test_a_password_is_generated_when_none_is_given(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    body = new_user()
    del body["password"]
    response = await client.post(USERS, json=body, headers=admin.headers)
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    generated = response.json()["generated_password"]
    assert generated
    assert len(generated) >= 12
    signed_in = await client.post(
        "/api/v1/auth/login", json={"email": body["email"], "password": generated}
    )
    assert signed_in.status_code == 200
    # Shown once: reading the account later never shows it.
    again = await client.get(f"{USERS}/{response.json()['id']}", headers=admin.headers)
    assert "generated_password" not in again.json()
    assert generated not in again.text


async def test_an_email_already_registered_answers_409_even_in_another_council(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    ours = await world.make_person(world.a, "carer", email="taken.here@example.org")
    theirs = await world.make_person(world.b, "carer", email="taken.there@example.org")
    for email in (ours.user.email, theirs.user.email, "Taken.There@EXAMPLE.org"):
        response = await client.post(USERS, json=new_user(email=email), headers=admin.headers)
        body = assert_problem(response, 409, field="email")
        assert body["type"].endswith("/email-taken")
        assert "beta" not in response.text.lower()  # nothing about the other council


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "two@@example.org"}, "email"),
        ({"email": ""}, "email"),
        ({"roles": ["wizard"]}, "roles.0"),
        ({"roles": ["carer", "superuser"]}, "roles.1"),
        ({"roles": []}, "roles"),
        ({"roles": "admin"}, "roles"),
        ({"nickname": "Jo"}, "nickname"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": "   "}, "display_name"),
        ({"password": "short"}, "password"),
        ({"region_id": "somewhere"}, "region_id"),
        ({"council_id": "another"}, "council_id"),
    ],
)
async def test_bad_new_user_answers_422_naming_the_field(
    client: httpx.AsyncClient, world: World, changes: dict[str, Any], field: str
) -> None:
    admin = await world.make_person(world.a, "admin")
    response = await client.post(USERS, json=new_user(**changes), headers=admin.headers)
    assert_problem(response, 422, field=field)


async def test_missing_fields_answer_422_naming_each(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    response = await client.post(USERS, json={}, headers=admin.headers)
    body = assert_problem(response, 422)
    assert {e["field"] for e in body["errors"]} == {"email", "display_name", "roles"}


async def test_replayed_idempotency_key_answers_the_first_response(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin")
    headers = {**admin.headers, "Idempotency-Key": "create-officer-1"}
    first = await client.post(USERS, json=new_user(), headers=headers)
    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers

    replay = await client.post(USERS, json=new_user(), headers=headers)
    assert replay.status_code == 201
    assert replay.json() == first.json()
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["location"] == first.headers["location"]

    users = (await db.scalars(select(User).where(User.email == "new.officer@example.org"))).all()
    creates = await audit_rows(db, action="create", record_type="user")
    assert len(users) == 1
    assert len(creates) == 1

    other_body = await client.post(
        USERS, json=new_user(display_name="Someone Else"), headers=headers
    )
    assert_problem(other_body, 409)

    # Without a key, the same body is a second attempt: the email is taken by then.
    assert_problem(await client.post(USERS, json=new_user(), headers=admin.headers), 409)


async def test_idempotency_keys_belong_to_the_caller(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    other_admin = await world.make_person(world.b, "admin")
    key = {"Idempotency-Key": "same-key"}
    first = await client.post(USERS, json=new_user(), headers={**admin.headers, **key})
    assert first.status_code == 201
    # The same key from another caller is a new request, never the first caller's answer.
    second = await client.post(
        USERS,
        json=new_user(email="another@example.org"),
        headers={**other_admin.headers, **key},
    )
    assert second.status_code == 201
    assert "idempotent-replayed" not in second.headers
    assert second.json()["id"] != first.json()["id"]


async def test_generated_password_is_never_stored_for_replays(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin")
    body = new_user()
    del body["password"]
    headers = {**admin.headers, "Idempotency-Key": "generated-1"}
    first = await client.post(USERS, json=body, headers=headers)
    assert first.status_code == 201
    generated = first.json()["generated_password"]
    assert generated

    records = (await db.scalars(select(IdempotencyRecord))).all()
    await db.commit()
    assert len(records) == 1
    assert generated not in json.dumps(records[0].response_body)

    replay = await client.post(USERS, json=body, headers=headers)
    assert replay.status_code == 201
    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == {**first.json(), "generated_password": None}


@pytest.mark.parametrize("key", ["", "k" * 256])
async def test_bad_idempotency_key_answers_422(
    client: httpx.AsyncClient, world: World, key: str
) -> None:
    admin = await world.make_person(world.a, "admin")
    response = await client.post(
        USERS, json=new_user(), headers={**admin.headers, "Idempotency-Key": key}
    )
    assert_problem(response, 422, field="header.Idempotency-Key")


# --- reading and changing ------------------------------------------------------------------


async def test_admin_reads_one_user_with_an_etag(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin")
    carer = await world.make_person(world.a, "carer")
    response = await client.get(f"{USERS}/{carer.user.id}", headers=admin.headers)
    assert response.status_code == 200
    assert response.json()["email"] == carer.user.email
    assert response.json()["roles"] == ["carer"]
    etag = response.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert (await client.get(f"{USERS}/{carer.user.id}", headers=admin.headers)).headers[
        "etag"
    ] == etag
    assert_problem(await client.get(f"{USERS}/no-such-id", headers=admin.headers), 404)


async def test_changing_a_user_needs_if_match(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin")
    carer = await world.make_person(world.a, "carer")
    url = f"{USERS}/{carer.user.id}"
    etag = await etag_of(client, admin, carer.user.id)
    change = {"display_name": "Renamed Carer", "roles": ["carer", "applicant"]}

    assert_problem(await client.patch(url, json=change, headers=admin.headers), 428)
    assert_problem(
        await client.patch(url, json=change, headers={**admin.headers, "If-Match": '"stale"'}),
        412,
    )
    changed = await client.patch(url, json=change, headers={**admin.headers, "If-Match": etag})
    assert changed.status_code == 200, changed.text
    assert changed.json()["display_name"] == "Renamed Carer"
    assert changed.json()["roles"] == ["applicant", "carer"]
    new_etag = changed.headers["etag"]
    assert new_etag != etag
    assert new_etag == await etag_of(client, admin, carer.user.id)

    # The ETag read before the change is stale now: the second editor is told so.
    stale = await client.patch(
        url, json={"display_name": "Lost Update"}, headers={**admin.headers, "If-Match": etag}
    )
    assert_problem(stale, 412)
    assert (await client.get(url, headers=admin.headers)).json()["display_name"] == "Renamed Carer"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"roles": []}, "roles"),
        ({"roles": ["wizard"]}, "roles.0"),
        ({"is_active": "maybe"}, "is_active"),
        ({"email": "new@example.org"}, "email"),
        ({"display_name": ""}, "display_name"),
        ({"display_name": None}, "display_name"),
        ({"roles": None}, "roles"),
        ({"is_active": None}, "is_active"),
    ],
)
async def test_bad_change_answers_422_naming_the_field(
    client: httpx.AsyncClient, world: World, change: dict[str, Any], field: str
) -> None:
    admin = await world.make_person(world.a, "admin")
    carer = await world.make_person(world.a, "carer")
    etag = await etag_of(client, admin, carer.user.id)
    response = await client.patch(
        f"{USERS}/{carer.user.id}", json=change, headers={**admin.headers, "If-Match": etag}
    )
    assert_problem(response, 422, field=field)


async def test_admin_deactivates_a_user(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin")
    worker = await world.make_person(world.a, "social_worker")
    etag = await etag_of(client, admin, worker.user.id)
    response = await client.patch(
        f"{USERS}/{worker.user.id}",
        json={"is_active": False},
        headers={**admin.headers, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False
    listed = (await client.get(USERS, params={"active": False}, headers=admin.headers)).json()
    assert [u["id"] for u in listed["items"]] == [worker.user.id]
    refused = await client.post(
        "/api/v1/auth/login", json={"email": worker.user.email, "password": TEST_PASSWORD}
    )
    assert_problem(refused, 401)


async def test_admin_cannot_lock_themselves_out(client: httpx.AsyncClient, world: World) -> None:
    admin = await world.make_person(world.a, "admin", "manager")
    url = f"{USERS}/{admin.user.id}"
    etag = await etag_of(client, admin, admin.user.id)
    headers = {**admin.headers, "If-Match": etag}
    assert_problem(
        await client.patch(url, json={"is_active": False}, headers=headers), 422, field="is_active"
    )
    assert_problem(
        await client.patch(url, json={"roles": ["manager"]}, headers=headers), 422, field="roles"
    )
    # Other changes to their own account are fine.
    renamed = await client.patch(url, json={"display_name": "Still Admin"}, headers=headers)
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["is_active"] is True
    assert renamed.json()["roles"] == ["admin", "manager"]


# --- who may -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role",
    [
        "recruitment_officer",
        "social_worker",
        "placement_officer",
        "manager",
        "carer",
        "applicant",
        "regional_viewer",
    ],
)
async def test_people_who_are_not_admins_get_403(
    client: httpx.AsyncClient, world: World, role: str
) -> None:
    person = await world.make_person(world.a, role)
    other = await world.make_person(world.a, "carer")
    url = f"{USERS}/{other.user.id}"
    assert_problem(await client.get(USERS, headers=person.headers), 403)
    assert_problem(await client.post(USERS, json=new_user(), headers=person.headers), 403)
    assert_problem(await client.get(url, headers=person.headers), 403)
    assert_problem(
        await client.patch(
            url, json={"roles": ["admin"]}, headers={**person.headers, "If-Match": "*"}
        ),
        403,
    )
    # Their own account they may read.
    own = await client.get("/api/v1/account", headers=person.headers)
    assert own.status_code == 200
    assert own.json()["id"] == person.user.id


async def test_no_token_answers_401(client: httpx.AsyncClient, world: World) -> None:
    carer = await world.make_person(world.a, "carer")
    url = f"{USERS}/{carer.user.id}"
    for response in (
        await client.get(USERS),
        await client.post(USERS, json=new_user()),
        await client.get(url),
        await client.patch(url, json={"display_name": "X"}, headers={"If-Match": "*"}),
        await client.get("/api/v1/account"),
    ):
        assert_problem(response, 401)
        assert response.headers["www-authenticate"].startswith("Bearer")


async def test_another_councils_admin_gets_404(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    carer = await world.make_person(world.a, "carer")
    intruder = await world.make_person(world.b, "admin")
    url = f"{USERS}/{carer.user.id}"
    assert_problem(await client.get(url, headers=intruder.headers), 404)
    for if_match in ("*", '"anything"'):
        response = await client.patch(
            url,
            json={"display_name": "Hijacked", "is_active": False},
            headers={**intruder.headers, "If-Match": if_match},
        )
        assert_problem(response, 404)
    # Without If-Match too: the record does not exist for them, so 404 rather than 428.
    assert_problem(
        await client.patch(url, json={"display_name": "Hijacked"}, headers=intruder.headers), 404
    )
    listed = (await client.get(USERS, headers=intruder.headers)).json()
    assert carer.user.id not in [u["id"] for u in listed["items"]]

    stored = await db.get(User, carer.user.id, populate_existing=True)
    await db.commit()
    assert stored is not None
    assert stored.display_name != "Hijacked"
    assert stored.is_active is True


# --- audit ---------------------------------------------------------------------------------


async def test_reads_and_changes_of_users_are_audited_without_personal_data(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    admin = await world.make_person(world.a, "admin")
    carer = await world.make_person(world.a, "carer")

    listed = await client.get(USERS, headers=admin.headers)
    read = await client.get(f"{USERS}/{carer.user.id}", headers=admin.headers)
    changed = await client.patch(
        f"{USERS}/{carer.user.id}",
        json={"display_name": "Private Name", "roles": ["carer", "applicant"]},
        headers={**admin.headers, "If-Match": read.headers["etag"]},
    )
    created = await client.post(USERS, json=new_user(), headers=admin.headers)
    assert created.status_code == 201
    new_id = created.json()["id"]

    rows = await audit_rows(db, record_type="user", actor_id=admin.user.id)
    summary = [(r.action, r.record_id) for r in rows]
    assert summary == [
        ("list", "*"),
        ("read", carer.user.id),
        ("update", carer.user.id),
        ("create", new_id),
    ]
    for row, response in zip(rows, (listed, read, changed, created), strict=True):
        assert row.actor_type == "user"
        assert row.council_id == world.a.id
        assert row.request_id == response.headers["x-request-id"]
        assert row.ip_address
        assert row.occurred_at is not None
    assert rows[0].detail == {"count": 2}
    assert rows[2].detail == {"fields": ["display_name", "roles"]}

    every_detail = json.dumps([r.detail for r in await audit_rows(db)])
    for personal in (
        carer.user.email,
        admin.user.email,
        "new.officer@example.org",
        "Private Name",
        "New Officer",
        "@",
    ):
        assert personal not in every_detail


async def test_refused_requests_leave_no_audit_of_a_read(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    carer = await world.make_person(world.a, "carer")
    intruder = await world.make_person(world.b, "admin")
    assert_problem(await client.get(f"{USERS}/{carer.user.id}", headers=intruder.headers), 404)
    assert_problem(await client.get(f"{USERS}/{carer.user.id}", headers=carer.headers), 403)
    assert await audit_rows(db, record_id=carer.user.id, action="read") == []


async def test_wrong_current_passwords_are_throttled_like_sign_in(
    client: httpx.AsyncClient, world: World
) -> None:
    person = await world.make_person(world.a, "carer")
    body = {"current_password": "not-the-password", "new_password": "a-brand-new-pass-1"}
    for _ in range(world.settings.login_slowdown_after):
        response = await client.post("/api/v1/account/password", json=body, headers=person.headers)
        assert_problem(response, 422, field="current_password")
    throttled = await client.post("/api/v1/account/password", json=body, headers=person.headers)
    assert_problem(throttled, 429)
    assert "Retry-After" in throttled.headers


async def test_a_deactivated_person_is_refused_at_once(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    officer = await world.make_person(world.a, "recruitment_officer")
    assert (await client.get("/api/v1/account", headers=officer.headers)).status_code == 200
    read = await client.get(f"/api/v1/users/{officer.user.id}", headers=admin.headers)
    response = await client.patch(
        f"/api/v1/users/{officer.user.id}",
        json={"is_active": False},
        headers={**admin.headers, "If-Match": read.headers["etag"]},
    )
    assert response.status_code == 200
    assert_problem(await client.get("/api/v1/account", headers=officer.headers), 401)
