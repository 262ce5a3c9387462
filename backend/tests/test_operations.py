"""Health, readiness and metrics, outside /api/v1."""

import httpx

from tests.conftest import World


async def test_healthz_and_readyz(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ok"}


async def test_readyz_says_unavailable_when_the_database_is_gone(
    client: httpx.AsyncClient, app: object
) -> None:
    from fosterhub.core.db import create_engine

    app.state.engine = create_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")  # type: ignore[attr-defined]
    response = await client.get("/readyz")
    assert response.status_code == 503


async def test_metrics_count_requests_by_route_template_not_path(
    client: httpx.AsyncClient, world: World
) -> None:
    await client.get("/api/v1/councils/alpha")
    text = (await client.get("/metrics")).text
    assert "fosterhub_http_requests_total" in text
    assert "{slug}" in text
    assert "/councils/alpha" not in text


async def test_metrics_count_each_route_and_status_apart(
    client: httpx.AsyncClient, world: World
) -> None:
    for _ in range(3):
        await client.get("/api/v1/councils/alpha")
    await client.get("/api/v1/councils/nobody-here")
    text = (await client.get("/metrics")).text
    route = 'route="/councils/{slug}"'
    counts = {
        line.split(",status=")[1].split("}")[0]: float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("fosterhub_http_requests_total{") and route in line
    }
    assert counts == {'"200"': 3.0, '"404"': 1.0}
    latency = [
        line
        for line in text.splitlines()
        if line.startswith("fosterhub_http_request_duration_seconds_count{") and route in line
    ]
    assert len(latency) == 1 and latency[0].endswith(" 4.0")


async def test_metrics_name_the_public_enquiry_route(
    client: httpx.AsyncClient, world: World
) -> None:
    # Served by a plain Starlette route ahead of FastAPI's: it must still be named.
    await client.post("/api/v1/enquiries", json={"council": "alpha"})
    text = (await client.get("/metrics")).text
    assert (
        'fosterhub_http_requests_total{method="POST",route="/api/v1/enquiries",status="422"} 1.0'
        in text
    )
    assert 'route="unmatched"' not in text


async def test_every_response_has_a_request_id_and_security_headers(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/v1/councils", headers={"X-Request-ID": "abc-123"})
    assert response.headers["x-request-id"] == "abc-123"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    odd = await client.get("/api/v1/councils", headers={"X-Request-ID": "bad id\twith spaces"})
    assert odd.headers["x-request-id"] != "bad id\twith spaces"


async def test_openapi_document_has_stable_operation_ids(client: httpx.AsyncClient) -> None:
    document = (await client.get("/api/v1/openapi.json")).json()
    assert document["openapi"].startswith("3.1")
    ids = [
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
    ]
    assert len(ids) == len(set(ids))
    assert all(":" in i for i in ids), ids
    for path in document["paths"].values():
        for operation in path.values():
            assert operation.get("summary"), operation["operationId"]
    assert (await client.get("/api/v1/docs")).status_code == 200
