"""Sign-in, throttling, TOTP, refresh rotation, sign-out, `me`, and partner client tokens."""

import asyncio
import base64
import hashlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Annotated, Any

import httpx
import pyotp
import pytest
from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth import passwords, tokens
from fosterhub.auth.dependencies import Caller, require
from fosterhub.auth.models import ApiClient, LoginThrottle, RefreshToken
from fosterhub.auth.service import create_client
from fosterhub.config import Settings
from fosterhub.core.db import utcnow
from fosterhub.core.models import AuditEvent
from fosterhub.councils.models import Council
from fosterhub.main import create_app
from fosterhub.users.models import User
from tests.conftest import TEST_PASSWORD, Person, World, assert_problem

LOGIN = "/api/v1/auth/login"
TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/auth/me"
COOKIE = "__Host-refresh"
PROBE = "/api/v1/test-probe/enquiries"

MakeClient = Callable[..., Awaitable[httpx.AsyncClient]]


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
async def client_with(settings: Settings) -> AsyncIterator[MakeClient]:
    """A client for an app built with some settings changed (limits, thresholds)."""
    made: list[tuple[Any, httpx.AsyncClient]] = []

    async def make(**overrides: Any) -> httpx.AsyncClient:
        app = create_app(settings.model_copy(update=overrides))
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        http = httpx.AsyncClient(transport=transport, base_url="https://testserver")
        made.append((app, http))
        return http

    yield make
    for app, http in made:
        await http.aclose()
        await app.state.engine.dispose()


async def login(
    client: httpx.AsyncClient,
    email: str,
    password: str = TEST_PASSWORD,
    otp: str | None = None,
) -> httpx.Response:
    body: dict[str, str] = {"email": email, "password": password}
    if otp is not None:
        body["otp"] = otp
    return await client.post(LOGIN, json=body)


def set_cookie(response: httpx.Response, name: str = COOKIE) -> tuple[str, set[str]]:
    """The value and the lower-cased attributes of one Set-Cookie header."""
    for raw in response.headers.get_list("set-cookie"):
        name_value, *attributes = [part.strip() for part in raw.split(";")]
        cookie_name, _, value = name_value.partition("=")
        if cookie_name == name:
            return value.strip('"'), {a.lower() for a in attributes}
    raise AssertionError(f"no {name} cookie in {response.headers.get_list('set-cookie')}")


async def signed_in(client: httpx.AsyncClient, email: str) -> tuple[str, str]:
    """A fresh session: its access token and its refresh cookie."""
    response = await login(client, email)
    assert response.status_code == 200, response.text
    client.cookies.clear()  # each test says which cookie it sends
    return response.json()["access_token"], set_cookie(response)[0]


async def refresh(
    client: httpx.AsyncClient, cookie: str | None, *, requested_with: bool = True
) -> httpx.Response:
    client.cookies.clear()
    headers: dict[str, str] = {}
    if requested_with:
        headers["X-Requested-With"] = "XMLHttpRequest"
    if cookie is not None:
        headers["Cookie"] = f"{COOKIE}={cookie}"
    return await client.post(REFRESH, headers=headers)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def email_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


async def throttle(db: AsyncSession, email: str) -> LoginThrottle | None:
    row = await db.scalar(
        select(LoginThrottle)
        .where(LoginThrottle.email_hash == email_hash(email))
        .execution_options(populate_existing=True)
    )
    await db.commit()  # never hold SQLite's write lock while the app works
    return row


async def travel(
    db: AsyncSession, email: str, *, seconds: float, unlock: bool = False
) -> LoginThrottle:
    """Moves the throttle's clock `seconds` into the past, as if that much time went by."""
    row = await throttle(db, email)
    assert row is not None
    assert row.last_failure_at is not None
    row.last_failure_at -= timedelta(seconds=seconds)
    if row.locked_until is not None:
        row.locked_until -= timedelta(seconds=seconds)
    if unlock:
        assert row.locked_until is not None
        assert row.locked_until <= utcnow()
    await db.commit()
    return row


async def refresh_rows(db: AsyncSession, user_id: str) -> list[RefreshToken]:
    rows = list(
        (
            await db.scalars(
                select(RefreshToken)
                .where(RefreshToken.user_id == user_id)
                .execution_options(populate_existing=True)
            )
        ).all()
    )
    await db.commit()
    return rows


def wrong_code(secret: str) -> str:
    totp = pyotp.TOTP(secret)
    now = time.time()
    near = {totp.at(now + shift) for shift in range(-90, 91, 30)}
    return next(code for code in (f"{d}" * 6 for d in range(10)) if code not in near)


def without_request_id(response: httpx.Response) -> bytes:
    request_id = response.json()["request_id"]
    assert request_id == response.headers["x-request-id"]
    return response.content.replace(request_id.encode(), b"")


async def partner(
    db: AsyncSession, council: Council, *scopes: str, name: str = "Partner"
) -> tuple[str, str]:
    api_client, secret = await create_client(db, council.id, name, list(scopes))
    await db.commit()
    return api_client.client_id, secret


def add_probe_route(app: Any) -> None:
    """A route admitting recruitment officers and clients with `enquiries:read`."""
    router = APIRouter()

    @router.get(PROBE)
    async def probe(
        caller: Annotated[
            Caller, Depends(require("recruitment_officer", scopes=("enquiries:read",)))
        ],
    ) -> dict[str, Any]:
        return {"kind": caller.kind, "id": caller.id, "scopes": sorted(caller.scopes)}

    app.include_router(router)


# --- sign-in -------------------------------------------------------------------------------


async def test_person_signs_in_and_gets_an_access_token_and_a_host_refresh_cookie(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "recruitment_officer")
    response = await login(client, person.user.email)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.access_token_minutes * 60
    assert response.headers["cache-control"] == "no-store"

    claims = tokens.verify(settings, body["access_token"])
    assert claims["sub"] == person.user.id
    assert claims["council"] == world.a.id
    assert claims["roles"] == ["recruitment_officer"]

    value, attributes = set_cookie(response)
    assert len(value) >= 32
    assert {"httponly", "secure", "samesite=strict", "path=/"} <= attributes
    assert not any(a.startswith("domain=") for a in attributes)  # __Host- forbids Domain
    assert f"max-age={settings.refresh_token_days * 86400}" in attributes
    assert value not in body["access_token"]

    # Only a hash of the refresh token is stored.
    (row,) = await refresh_rows(db, person.user.id)
    assert row.token_hash == passwords.hash_secret(value)
    assert row.token_hash != value

    me = await client.get(ME, headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["email"] == person.user.email

    audited = (await db.scalars(select(AuditEvent).where(AuditEvent.action == "login"))).all()
    await db.commit()
    assert [(a.actor_id, a.record_id, a.council_id) for a in audited] == [
        (person.user.id, person.user.id, world.a.id)
    ]
    assert audited[0].request_id == response.headers["x-request-id"]


async def test_email_is_matched_whatever_its_case(client: httpx.AsyncClient, world: World) -> None:
    # Emails are stored lower-case (users.service.create); sign-in lower-cases what is typed.
    await world.make_person(world.a, "carer", email="carer.case@example.org")
    assert (await login(client, "Carer.Case@Example.org")).status_code == 200
    assert (await login(client, "CARER.CASE@EXAMPLE.ORG")).status_code == 200


async def test_unknown_email_and_wrong_password_get_the_same_answer(
    client: httpx.AsyncClient, world: World
) -> None:
    person = await world.make_person(world.a, "admin")
    wrong_password = await login(client, person.user.email, "not-the-password")
    unknown_email = await login(client, "nobody@example.org", "not-the-password")
    for response in (wrong_password, unknown_email):
        body = assert_problem(response, 401)
        assert body["type"].endswith("/invalid-credentials")
        assert response.headers["www-authenticate"] == wrong_password.headers["www-authenticate"]
        assert COOKIE not in response.headers.get("set-cookie", "")
    assert without_request_id(wrong_password) == without_request_id(unknown_email)
    assert set(wrong_password.headers) == set(unknown_email.headers)


async def test_unknown_email_still_costs_an_argon2_verification(
    client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = await world.make_person(world.a, "admin")
    verified: list[str] = []
    real = passwords._hasher

    class Spy:
        def verify(self, hash_: str, password: str) -> bool:
            verified.append(hash_)
            return real.verify(hash_, password)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    monkeypatch.setattr(passwords, "_hasher", Spy())

    await login(client, "nobody@example.org", "not-the-password")
    assert verified == [passwords._DUMMY_HASH]
    assert verified[0].startswith("$argon2id$")
    # The dummy hash costs what a real one costs: the same parameters.
    assert verified[0].split("$")[3] == person.user.password_hash.split("$")[3]

    verified.clear()
    await login(client, person.user.email, "not-the-password")
    assert verified == [person.user.password_hash]


async def test_deactivated_person_cannot_sign_in(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "social_worker")
    person.user.is_active = False
    await db.commit()
    refused = await login(client, person.user.email)
    assert_problem(refused, 401)
    unknown = await login(client, "nobody@example.org")
    # Even the right password for a deactivated account answers like an unknown email.
    assert without_request_id(refused) == without_request_id(unknown)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "a@example.org"}, "password"),
        ({"password": "x"}, "email"),
        ({"email": "a@example.org", "password": ""}, "password"),
        ({"email": "a@example.org", "password": "x", "otp": "12345"}, "otp"),
        ({"email": "a@example.org", "password": "x", "otp": "abcdef"}, "otp"),
        ({"email": "a@example.org", "password": "x", "remember": True}, "remember"),
        ({"email": "a@example.org", "password": "x" * 257}, "password"),
    ],
)
async def test_malformed_sign_in_answers_422_naming_the_field(
    client: httpx.AsyncClient, world: World, body: dict[str, Any], field: str
) -> None:
    assert_problem(await client.post(LOGIN, json=body), 422, field=field)


async def test_sign_in_with_malformed_json_answers_400(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        LOGIN, content=b'{"email": ', headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 400)


# --- throttling ----------------------------------------------------------------------------


async def test_repeated_failures_slow_sign_in_with_429_and_retry_after(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    for _ in range(settings.login_slowdown_after):
        assert_problem(await login(client, person.user.email, "wrong-password"), 401)

    slowed = await login(client, person.user.email)  # even the right password waits
    body = assert_problem(slowed, 429)
    assert body["type"].endswith("/login-throttled")
    assert int(slowed.headers["retry-after"]) >= 1
    assert COOKIE not in slowed.headers.get("set-cookie", "")
    row = await throttle(db, person.user.email)
    assert row is not None
    assert row.failures == settings.login_slowdown_after  # waiting is not a failure

    await travel(db, person.user.email, seconds=int(slowed.headers["retry-after"]))
    assert (await login(client, person.user.email)).status_code == 200


async def test_slowdown_grows_with_each_further_failure(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    waits = []
    for attempt in range(settings.login_slowdown_after + 3):
        response = await login(client, person.user.email, "wrong-password")
        assert_problem(response, 401)
        if attempt + 1 >= settings.login_slowdown_after:
            slowed = await login(client, person.user.email, "wrong-password")
            assert_problem(slowed, 429)
            waits.append(int(slowed.headers["retry-after"]))
            await travel(db, person.user.email, seconds=waits[-1])
    assert waits == sorted(waits)
    assert waits[-1] > waits[0]


async def test_locked_account_answers_423_with_retry_after_even_with_the_right_password(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    for _ in range(settings.login_lock_after):
        # Wait out each slowdown (by moving the clock), so every attempt is a real failure.
        response = await login(client, person.user.email, "wrong-password")
        assert_problem(response, 401)
        await travel(db, person.user.email, seconds=61)

    locked = await login(client, person.user.email)
    body = assert_problem(locked, 423)
    assert body["type"].endswith("/account-locked")
    retry_after = int(locked.headers["retry-after"])
    lock_seconds = settings.login_lock_minutes * 60
    assert lock_seconds - 120 <= retry_after <= lock_seconds
    assert COOKIE not in locked.headers.get("set-cookie", "")

    # Still locked a little later; unlocked once the lock has run out.
    await travel(db, person.user.email, seconds=retry_after - 30)
    assert_problem(await login(client, person.user.email), 423)
    await travel(db, person.user.email, seconds=31, unlock=True)
    assert (await login(client, person.user.email)).status_code == 200
    assert await throttle(db, person.user.email) is None


async def test_lock_threshold_and_duration_follow_the_settings(
    client_with: MakeClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    http = await client_with(login_slowdown_after=100, login_lock_after=3, login_lock_minutes=2)
    for _ in range(3):
        assert_problem(await login(http, person.user.email, "wrong-password"), 401)
    locked = await login(http, person.user.email)
    assert_problem(locked, 423)
    assert 100 <= int(locked.headers["retry-after"]) <= 120


async def test_unknown_email_is_throttled_and_locked_the_same_way(
    client: httpx.AsyncClient,
    client_with: MakeClient,
    world: World,
    settings: Settings,
    db: AsyncSession,
) -> None:
    ghost = "Nobody.Here@example.org"
    for _ in range(settings.login_slowdown_after):
        assert_problem(await login(client, ghost, "whatever-password"), 401)
    slowed = await login(client, ghost, "whatever-password")
    assert_problem(slowed, 429)
    assert "retry-after" in slowed.headers
    # The email's case and surrounding spaces do not start a fresh count.
    assert_problem(await login(client, "  nobody.here@EXAMPLE.org ", "whatever-password"), 429)

    http = await client_with(login_slowdown_after=100, login_lock_after=3)
    other_ghost = "ghost@example.org"
    for _ in range(3):
        assert_problem(await login(http, other_ghost, "whatever-password"), 401)
    locked = await login(http, other_ghost, "whatever-password")
    assert_problem(locked, 423)
    assert int(locked.headers["retry-after"]) > 0
    # A real person with a similar-looking email is not affected.
    person = await world.make_person(world.a, "admin", email="ghost2@example.org")
    assert (await login(http, person.user.email)).status_code == 200


async def test_successful_sign_in_resets_the_failure_count(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    almost = settings.login_slowdown_after - 1
    for _ in range(almost):
        assert_problem(await login(client, person.user.email, "wrong-password"), 401)
    row = await throttle(db, person.user.email)
    assert row is not None
    assert row.failures == almost

    assert (await login(client, person.user.email)).status_code == 200
    assert await throttle(db, person.user.email) is None

    for _ in range(almost):
        assert_problem(await login(client, person.user.email, "wrong-password"), 401)
    assert (await login(client, person.user.email)).status_code == 200


async def test_failures_older_than_the_window_are_forgotten(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    for _ in range(settings.login_slowdown_after - 1):
        assert_problem(await login(client, person.user.email, "wrong-password"), 401)
    await travel(db, person.user.email, seconds=16 * 60)
    assert_problem(await login(client, person.user.email, "wrong-password"), 401)
    row = await throttle(db, person.user.email)
    assert row is not None
    assert row.failures == 1


async def test_too_many_sign_ins_from_one_address_answer_429_with_retry_after(
    client_with: MakeClient, world: World
) -> None:
    person = await world.make_person(world.a, "admin")
    http = await client_with(rate_limit_login="3/minute")
    for n in range(3):
        # Different emails, so the per-account throttle plays no part.
        assert_problem(await login(http, f"someone{n}@example.org", "wrong-password"), 401)
    limited = await login(http, person.user.email)  # even the right credentials
    body = assert_problem(limited, 429)
    assert body["type"].endswith("/rate-limited")
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert COOKIE not in limited.headers.get("set-cookie", "")


# --- one-time codes ------------------------------------------------------------------------


async def test_staff_enrol_in_totp_and_then_sign_in_needs_the_code(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "placement_officer")
    enrolled = await client.post("/api/v1/auth/totp/enrol", headers=person.headers)
    assert enrolled.status_code == 200, enrolled.text
    assert enrolled.headers["cache-control"] == "no-store"
    secret = enrolled.json()["secret"]
    uri = enrolled.json()["otpauth_uri"]
    assert uri.startswith("otpauth://totp/")
    assert f"secret={secret}" in uri
    assert "issuer=Foster%20Hub" in uri

    # Nothing changes at sign-in until the first code is confirmed.
    assert (await login(client, person.user.email)).status_code == 200

    totp = pyotp.TOTP(secret)
    assert_problem(
        await client.post(
            "/api/v1/auth/totp/confirm", json={"code": wrong_code(secret)}, headers=person.headers
        ),
        422,
        field="code",
    )
    confirmed = await client.post(
        "/api/v1/auth/totp/confirm", json={"code": totp.now()}, headers=person.headers
    )
    assert confirmed.status_code == 204, confirmed.text

    again = await client.post("/api/v1/auth/totp/enrol", headers=person.headers)
    assert_problem(again, 409)
    assert_problem(
        await client.post(
            "/api/v1/auth/totp/confirm", json={"code": totp.now()}, headers=person.headers
        ),
        409,
    )

    needs_code = await login(client, person.user.email)
    body = assert_problem(needs_code, 401)
    assert body["type"].endswith("/otp-required")
    assert COOKIE not in needs_code.headers.get("set-cookie", "")

    wrong = await login(client, person.user.email, otp=wrong_code(secret))
    assert assert_problem(wrong, 401)["type"].endswith("/invalid-otp")
    row = await throttle(db, person.user.email)
    assert row is not None
    assert row.failures == 1  # a wrong code counts as a failed sign-in

    # The code that confirmed the set-up is used: the next period's code signs in (one
    # step of clock drift is allowed).
    next_code = totp.at(time.time() + totp.interval)
    right = await login(client, person.user.email, otp=next_code)
    assert right.status_code == 200, right.text
    assert set_cookie(right)[0]
    me = await client.get(ME, headers=bearer(right.json()["access_token"]))
    assert me.json()["totp_enabled"] is True

    # The wrong password with the right code is still just wrong credentials.
    refused = await login(client, person.user.email, "wrong-password", otp=totp.now())
    assert assert_problem(refused, 401)["type"].endswith("/invalid-credentials")


async def _enrolled(client: httpx.AsyncClient, person: Person) -> pyotp.TOTP:
    secret = (await client.post("/api/v1/auth/totp/enrol", headers=person.headers)).json()["secret"]
    totp = pyotp.TOTP(secret)
    confirm = {"code": totp.at(time.time() - totp.interval)}  # the last period's code
    confirmed = await client.post("/api/v1/auth/totp/confirm", json=confirm, headers=person.headers)
    assert confirmed.status_code == 204, confirmed.text
    return totp


async def test_a_one_time_code_signs_in_once(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "admin")
    totp = await _enrolled(client, person)
    code = totp.now()
    assert (await login(client, person.user.email, otp=code)).status_code == 200
    # Seen over someone's shoulder, or sent twice: the same code is refused the second time.
    replayed = await login(client, person.user.email, otp=code)
    assert assert_problem(replayed, 401)["type"].endswith("/invalid-otp")
    # So is the earlier period's code, once a later one has been used.
    earlier = await login(client, person.user.email, otp=totp.at(time.time() - totp.interval))
    assert assert_problem(earlier, 401)["type"].endswith("/invalid-otp")
    row = await throttle(db, person.user.email)
    assert row is not None and row.failures == 2  # each counts as a failed sign-in
    # The next period's code still works.
    later = await login(client, person.user.email, otp=totp.at(time.time() + totp.interval))
    assert later.status_code == 200, later.text


async def test_one_code_sent_twice_at_once_signs_in_once(
    client: httpx.AsyncClient, world: World
) -> None:
    person = await world.make_person(world.a, "admin")
    totp = await _enrolled(client, person)
    code = totp.now()
    answers = await asyncio.gather(*(login(client, person.user.email, otp=code) for _ in range(2)))
    assert sorted(a.status_code for a in answers) == [200, 401]


async def test_totp_enrolment_is_for_people_with_a_token(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    assert_problem(await client.post("/api/v1/auth/totp/enrol"), 401)
    client_id, secret = await partner(db, world.a, "enquiries:read")
    token = (
        await client.post(
            TOKEN, data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )
    ).json()["access_token"]
    assert_problem(await client.post("/api/v1/auth/totp/enrol", headers=bearer(token)), 403)
    person = await world.make_person(world.a, "admin")
    assert_problem(
        await client.post(
            "/api/v1/auth/totp/confirm", json={"code": "12ab56"}, headers=person.headers
        ),
        422,
        field="code",
    )
    # Confirming before enrolling has nothing to match.
    assert_problem(
        await client.post(
            "/api/v1/auth/totp/confirm", json={"code": "123456"}, headers=person.headers
        ),
        422,
        field="code",
    )


# --- refresh -------------------------------------------------------------------------------


async def test_refresh_rotates_the_cookie_and_the_old_one_dies(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "manager")
    _, first = await signed_in(client, person.user.email)

    rotated = await refresh(client, first)
    assert rotated.status_code == 200, rotated.text
    assert rotated.headers["cache-control"] == "no-store"
    second, attributes = set_cookie(rotated)
    assert second != first
    assert {"httponly", "secure", "samesite=strict", "path=/"} <= attributes
    access = rotated.json()["access_token"]
    assert tokens.verify(settings, access)["sub"] == person.user.id
    assert (await client.get(ME, headers=bearer(access))).status_code == 200

    rows = await refresh_rows(db, person.user.id)
    assert len({r.family_id for r in rows}) == 1  # one chain
    assert tokens.verify(settings, access)["fam"] == rows[0].family_id

    assert_problem(await refresh(client, first), 401)


async def test_reusing_a_spent_refresh_token_ends_the_whole_family(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "manager")
    _, first = await signed_in(client, person.user.email)
    _, other_session = await signed_in(client, person.user.email)

    second = set_cookie(await refresh(client, first))[0]
    third = set_cookie(await refresh(client, second))[0]

    reused = await refresh(client, first)  # someone kept a copy of a spent token
    assert assert_problem(reused, 401)["type"].endswith("/invalid-refresh")
    # The newest token of that chain, held by the real user, is now dead as well ...
    assert_problem(await refresh(client, third), 401)
    rows = await refresh_rows(db, person.user.id)
    family = {r.family_id for r in rows if r.token_hash == passwords.hash_secret(third)}
    assert all(r.revoked_at is not None for r in rows if r.family_id in family)
    # ... but the person's other session, a separate chain, is untouched.
    assert (await refresh(client, other_session)).status_code == 200


async def test_refresh_needs_x_requested_with(client: httpx.AsyncClient, world: World) -> None:
    person = await world.make_person(world.a, "manager")
    _, cookie = await signed_in(client, person.user.email)
    assert_problem(await refresh(client, cookie, requested_with=False), 403)
    # The refused request did not spend the token.
    assert (await refresh(client, cookie)).status_code == 200


async def test_refresh_without_a_cookie_answers_401(
    client: httpx.AsyncClient, world: World
) -> None:
    assert_problem(await refresh(client, None), 401)
    assert_problem(await refresh(client, "not-a-token-we-issued"), 401)
    assert_problem(await refresh(client, "x" * 300), 401)


async def test_expired_refresh_token_answers_401(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "manager")
    _, cookie = await signed_in(client, person.user.email)
    (row,) = await refresh_rows(db, person.user.id)
    row.expires_at = utcnow() - timedelta(seconds=1)
    await db.commit()
    assert_problem(await refresh(client, cookie), 401)


async def test_browser_cookie_jar_carries_the_refresh_cookie(
    client: httpx.AsyncClient, world: World
) -> None:
    person = await world.make_person(world.a, "manager")
    assert (await login(client, person.user.email)).status_code == 200
    assert client.cookies.get(COOKIE)
    first = client.cookies[COOKIE]
    rotated = await client.post(REFRESH, headers={"X-Requested-With": "XMLHttpRequest"})
    assert rotated.status_code == 200, rotated.text
    assert client.cookies[COOKIE] != first


async def test_sign_out_revokes_the_family_and_clears_the_cookie(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    person = await world.make_person(world.a, "manager")
    access, cookie = await signed_in(client, person.user.email)
    _, other_session = await signed_in(client, person.user.email)
    rotated = await refresh(client, cookie)
    access, cookie = rotated.json()["access_token"], set_cookie(rotated)[0]

    response = await client.post(LOGOUT, headers=bearer(access))
    assert response.status_code == 204
    value, attributes = set_cookie(response)
    assert value == ""
    assert "max-age=0" in attributes
    assert {"secure", "httponly", "path=/", "samesite=strict"} <= attributes

    assert_problem(await refresh(client, cookie), 401)
    assert (await refresh(client, other_session)).status_code == 200
    assert_problem(await client.post(LOGOUT), 401)


async def test_deactivated_person_can_no_longer_refresh(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = await world.make_person(world.a, "admin")
    person = await world.make_person(world.a, "social_worker")
    _, cookie = await signed_in(client, person.user.email)

    url = f"/api/v1/users/{person.user.id}"
    etag = (await client.get(url, headers=admin.headers)).headers["etag"]
    patched = await client.patch(
        url, json={"is_active": False}, headers={**admin.headers, "If-Match": etag}
    )
    assert patched.status_code == 200, patched.text

    assert_problem(await refresh(client, cookie), 401)
    assert_problem(await login(client, person.user.email), 401)


async def test_refreshed_token_carries_the_roles_the_person_has_now(
    client: httpx.AsyncClient, world: World, settings: Settings
) -> None:
    admin = await world.make_person(world.a, "admin")
    person = await world.make_person(world.a, "carer")
    _, cookie = await signed_in(client, person.user.email)
    url = f"/api/v1/users/{person.user.id}"
    etag = (await client.get(url, headers=admin.headers)).headers["etag"]
    patched = await client.patch(
        url, json={"roles": ["applicant"]}, headers={**admin.headers, "If-Match": etag}
    )
    assert patched.status_code == 200, patched.text
    rotated = await refresh(client, cookie)
    assert rotated.status_code == 200, rotated.text
    assert tokens.verify(settings, rotated.json()["access_token"])["roles"] == ["applicant"]


async def test_changing_password_ends_other_sessions(
    client: httpx.AsyncClient, world: World
) -> None:
    person = await world.make_person(world.a, "recruitment_officer")
    access, this_session = await signed_in(client, person.user.email)
    _, other_session = await signed_in(client, person.user.email)

    wrong = await client.post(
        "/api/v1/account/password",
        json={"current_password": "not-it", "new_password": "a-brand-new-password"},
        headers=bearer(access),
    )
    assert_problem(wrong, 422, field="current_password")
    assert_problem(
        await client.post(
            "/api/v1/account/password",
            json={"current_password": TEST_PASSWORD, "new_password": "short"},
            headers=bearer(access),
        ),
        422,
        field="new_password",
    )

    changed = await client.post(
        "/api/v1/account/password",
        json={"current_password": TEST_PASSWORD, "new_password": "a-brand-new-password"},
        headers=bearer(access),
    )
    assert changed.status_code == 204, changed.text

    assert_problem(await refresh(client, other_session), 401)
    # The session that made the change carries on.
    assert (await refresh(client, this_session)).status_code == 200
    assert_problem(await login(client, person.user.email), 401)
    assert (await login(client, person.user.email, "a-brand-new-password")).status_code == 200


# --- me ------------------------------------------------------------------------------------


async def test_me_describes_the_signed_in_person(client: httpx.AsyncClient, world: World) -> None:
    person = await world.make_person(world.b, "social_worker", "manager")
    response = await client.get(ME, headers=person.headers)
    assert response.status_code == 200
    assert response.json() == {
        "id": person.user.id,
        "email": person.user.email,
        "display_name": person.user.display_name,
        "council": "beta",
        "roles": ["manager", "social_worker"],
        "totp_enabled": False,
    }


async def test_me_names_a_regional_viewers_region_by_id_and_by_slug(
    client: httpx.AsyncClient, world: World
) -> None:
    viewer = await world.make_person(world.a, "regional_viewer", region_id=world.region.id)
    response = await client.get(ME, headers=viewer.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["region"] == world.region.id
    assert body["region_slug"] == "test-region"
    # The slug is the one the regional reports answer to.
    report = await client.get(
        f"/api/v1/regions/{body['region_slug']}/reports/funnel", headers=viewer.headers
    )
    assert report.status_code == 200


async def test_me_describes_a_partner_client(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.b, "events:read", "enquiries:read")
    token = (
        await client.post(
            TOKEN, data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )
    ).json()["access_token"]
    response = await client.get(ME, headers=bearer(token))
    assert response.status_code == 200
    assert response.json() == {
        "client_id": client_id,
        "council": "beta",
        "scopes": ["enquiries:read", "events:read"],
    }


# --- partner clients -----------------------------------------------------------------------


def assert_oauth_error(response: httpx.Response, status: int, error: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["error"] == error
    assert set(body) <= {"error", "error_description"}
    assert "access_token" not in response.text


async def test_client_credentials_with_http_basic_answer_a_token(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read", "events:read")
    response = await client.post(
        TOKEN, data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == settings.access_token_minutes * 60
    assert body["scope"] == "enquiries:read events:read"
    assert "set-cookie" not in response.headers  # no refresh token of any kind
    claims = tokens.verify(settings, body["access_token"])
    assert (claims["sub"], claims["typ"], claims["council"]) == (client_id, "client", world.a.id)

    api_client = await db.scalar(
        select(ApiClient)
        .where(ApiClient.client_id == client_id)
        .execution_options(populate_existing=True)
    )
    await db.commit()
    assert api_client is not None
    assert api_client.last_used_at is not None
    assert api_client.secret_hash != secret


async def test_client_credentials_in_the_form_answer_a_token_for_the_asked_scope(
    client: httpx.AsyncClient, world: World, settings: Settings, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read", "events:read")
    response = await client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "events:read",
        },
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    assert response.json()["scope"] == "events:read"
    assert tokens.verify(settings, response.json()["access_token"])["scope"] == "events:read"


@pytest.mark.parametrize("how", ["basic", "form"])
async def test_wrong_client_secret_answers_invalid_client(
    client: httpx.AsyncClient, world: World, db: AsyncSession, how: str
) -> None:
    client_id, _ = await partner(db, world.a, "enquiries:read")
    data = {"grant_type": "client_credentials"}
    if how == "basic":
        response = await client.post(TOKEN, data=data, auth=(client_id, "wrong-secret"))
        assert response.headers["www-authenticate"].startswith("Basic")
    else:
        response = await client.post(
            TOKEN, data={**data, "client_id": client_id, "client_secret": "wrong-secret"}
        )
    assert_oauth_error(response, 401, "invalid_client")


async def test_unknown_or_inactive_client_answers_like_a_wrong_secret(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read")
    data = {"grant_type": "client_credentials"}
    wrong = await client.post(TOKEN, data=data, auth=(client_id, "wrong-secret"))
    unknown = await client.post(TOKEN, data=data, auth=("fh_nobody", "wrong-secret"))
    assert_oauth_error(unknown, 401, "invalid_client")
    assert unknown.content == wrong.content

    api_client = await db.scalar(select(ApiClient).where(ApiClient.client_id == client_id))
    assert api_client is not None
    api_client.is_active = False
    await db.commit()
    inactive = await client.post(TOKEN, data=data, auth=(client_id, secret))
    assert_oauth_error(inactive, 401, "invalid_client")
    assert inactive.content == wrong.content


@pytest.mark.parametrize(
    "authorization", ["Basic !!!notbase64", "Basic " + base64.b64encode(b"no-colon").decode()]
)
async def test_malformed_basic_credentials_answer_invalid_client(
    client: httpx.AsyncClient, world: World, authorization: str
) -> None:
    response = await client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": authorization}
    )
    assert_oauth_error(response, 401, "invalid_client")


async def test_missing_client_credentials_answer_invalid_client(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(TOKEN, data={"grant_type": "client_credentials"})
    assert_oauth_error(response, 401, "invalid_client")


@pytest.mark.parametrize("scope", ["reports:read", "enquiries:read reports:read", "admin", "*"])
async def test_scope_the_client_does_not_have_answers_invalid_scope(
    client: httpx.AsyncClient, world: World, db: AsyncSession, scope: str
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read")
    response = await client.post(
        TOKEN, data={"grant_type": "client_credentials", "scope": scope}, auth=(client_id, secret)
    )
    assert_oauth_error(response, 400, "invalid_scope")


@pytest.mark.parametrize("grant", ["password", "refresh_token", "authorization_code"])
async def test_other_grant_types_answer_unsupported_grant_type(
    client: httpx.AsyncClient, world: World, db: AsyncSession, grant: str
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read")
    person = await world.make_person(world.a, "admin")
    response = await client.post(
        TOKEN,
        data={"grant_type": grant, "username": person.user.email, "password": TEST_PASSWORD},
        auth=(client_id, secret),
    )
    assert_oauth_error(response, 400, "unsupported_grant_type")


async def test_token_request_in_json_or_without_a_grant_answers_invalid_request(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read")
    as_json = await client.post(
        TOKEN,
        json={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
    )
    assert_oauth_error(as_json, 400, "invalid_request")
    no_grant = await client.post(TOKEN, data={"scope": "enquiries:read"}, auth=(client_id, secret))
    assert_oauth_error(no_grant, 400, "invalid_request")
    both = await client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret},
        auth=(client_id, secret),
    )
    assert_oauth_error(both, 400, "invalid_request")


async def test_client_token_opens_scope_guarded_routes_but_not_people_only_ones(
    app: Any, client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    add_probe_route(app)
    client_id, secret = await partner(db, world.a, "enquiries:read", "events:read")
    data = {"grant_type": "client_credentials"}
    full = (await client.post(TOKEN, data=data, auth=(client_id, secret))).json()["access_token"]

    allowed = await client.get(PROBE, headers=bearer(full))
    assert allowed.status_code == 200, allowed.text
    assert allowed.json() == {
        "kind": "client",
        "id": client_id,
        "scopes": ["enquiries:read", "events:read"],
    }
    # People-only and admin routes refuse a client whatever its scopes.
    assert_problem(await client.get("/api/v1/account", headers=bearer(full)), 403)
    assert_problem(await client.get("/api/v1/users", headers=bearer(full)), 403)
    assert_problem(
        await client.post(
            "/api/v1/account/password",
            json={"current_password": "x", "new_password": "yyyyyyyyyyyy"},
            headers=bearer(full),
        ),
        403,
    )

    # A token narrowed to another scope no longer opens the route.
    narrowed = (
        await client.post(TOKEN, data={**data, "scope": "events:read"}, auth=(client_id, secret))
    ).json()["access_token"]
    assert_problem(await client.get(PROBE, headers=bearer(narrowed)), 403)

    # A person needs the role, not a scope.
    officer = await world.make_person(world.a, "recruitment_officer")
    carer = await world.make_person(world.a, "carer")
    assert (await client.get(PROBE, headers=officer.headers)).status_code == 200
    assert_problem(await client.get(PROBE, headers=carer.headers), 403)


async def test_client_sign_out_is_harmless(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    client_id, secret = await partner(db, world.a, "enquiries:read")
    token = (
        await client.post(
            TOKEN, data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )
    ).json()["access_token"]
    assert (await client.post(LOGOUT, headers=bearer(token))).status_code == 204


async def test_people_tokens_name_their_council(
    client: httpx.AsyncClient, world: World, db: AsyncSession
) -> None:
    """The council in the token is the person's own, whichever council's page they came from."""
    person: Person = await world.make_person(world.b, "carer")
    response = await login(client, person.user.email)
    claims = tokens.verify(world.settings, response.json()["access_token"])
    stored = await db.get(User, person.user.id)
    await db.commit()
    assert stored is not None
    assert claims["council"] == stored.council_id == world.b.id
