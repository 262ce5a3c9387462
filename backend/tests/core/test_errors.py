"""Every error is RFC 9457 problem+json, with the field named, and never a trace."""

import httpx
from fastapi import APIRouter

from tests.conftest import World, assert_problem


async def test_unknown_api_route_is_a_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/no-such-thing"), 404)


async def test_wrong_method_is_a_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.delete("/api/v1/councils"), 405)


async def test_malformed_json_is_a_problem_naming_the_body(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login", content=b'{"email": ', headers={"content-type": "application/json"}
    )
    assert_problem(response, 400, field="body")


async def test_unknown_field_is_refused_by_name(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login", json={"email": "a@example.org", "password": "x", "is_admin": True}
    )
    body = assert_problem(response, 422, field="is_admin")
    assert body["errors"][0]["message"] == "Unknown field"


async def test_wrong_type_names_the_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/login", json={"email": ["x"], "password": 3})
    assert_problem(response, 422, field="email")


async def test_oversized_body_is_413(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/login", content=b"x" * 1_100_000, headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


async def test_oversized_chunked_body_is_413(client: httpx.AsyncClient) -> None:
    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"y" * 100_000

    response = await client.post(
        "/api/v1/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


async def test_bad_query_parameter_names_the_field(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/councils?limit=0"), 422, field="limit")
    assert_problem(await client.get("/api/v1/councils?limit=abc"), 422, field="limit")


async def test_injection_and_unicode_are_ordinary_input(
    client: httpx.AsyncClient, world: World
) -> None:
    for slug in ["' OR 1=1 --", "🙂", "Ünïcödé", "../../etc/passwd", "a" * 300]:
        response = await client.get(f"/api/v1/councils/{slug}")
        assert_problem(response, 404)
    assert (await client.get("/api/v1/councils/alpha")).status_code == 200


async def test_unexpected_error_is_500_with_a_reference_and_no_trace(
    app, client: httpx.AsyncClient
) -> None:  # type: ignore[no-untyped-def]
    router = APIRouter()

    @router.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals: ann@example.org")

    app.include_router(router)
    response = await client.get("/boom", headers={"X-Request-ID": "trace-me-123"})
    body = assert_problem(response, 500)
    assert body["request_id"] == "trace-me-123"
    assert "trace-me-123" in body["detail"]
    assert "secret internals" not in response.text
    assert "ann@example.org" not in response.text


async def test_bad_cursor_is_a_problem(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/councils?cursor=not-a-cursor"), 422, field="cursor")


async def test_nul_characters_are_refused_everywhere(client: httpx.AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/councils/alpha%00"), 400)
    assert_problem(await client.get("/api/v1/routing?postcode=L1%008JQ"), 400)
    response = await client.post(
        "/api/v1/auth/login", json={"email": "a\u0000@example.org", "password": "x"}
    )
    assert_problem(response, 422, field="email")


async def test_a_lost_race_for_a_unique_value_is_a_409_not_a_500(
    app, client: httpx.AsyncClient
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import IntegrityError

    router = APIRouter()

    @router.post("/race")
    async def race() -> None:
        raise IntegrityError("INSERT ...", {"email": "ann@example.org"}, Exception("duplicate"))

    app.include_router(router)
    response = await client.post("/race")
    assert_problem(response, 409)
    assert "ann@example.org" not in response.text


async def test_our_validators_messages_read_as_plain_english(
    client: httpx.AsyncClient, world: World
) -> None:
    """A validator's ValueError reaches the reader without pydantic's "Value error, "."""
    response = await client.post(
        "/api/v1/enquiries",
        json={
            "council": "alpha",
            "contact": {
                "first_name": "Ann",
                "last_name": "Lee",
                "email": "ann@example.org",
                "postcode": "L1 8JQ",
            },
            "interests": ["short_term"],
            "source": {"channel": "website", "utm": {"utm_colour": "red"}},
            "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
        },
    )
    body = assert_problem(response, 422, field="source.utm")
    message = next(e["message"] for e in body["errors"] if e["field"] == "source.utm")
    assert message.startswith("utm may hold only")
    assert "Value error" not in response.text
    assert body["detail"] == f"source.utm: {message}"
