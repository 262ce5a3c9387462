"""Logs are JSON with a request id, and carry no personal data."""

import json

import httpx
import pytest

from fosterhub.core import logging as app_logging
from tests.conftest import World


async def test_request_logs_are_json_without_personal_data(
    client: httpx.AsyncClient, world: World, capfd: pytest.CaptureFixture[str]
) -> None:
    app_logging.configure("INFO", cache=False)
    try:
        await client.post(
            "/api/v1/auth/login",
            json={"email": "ann.private@example.org", "password": "Secret-Pa55word"},
        )
        await client.get("/api/v1/routing?postcode=L1 8JQ")
        await client.get("/api/v1/councils/alpha", headers={"X-Request-ID": "req-42"})
        out = capfd.readouterr().out
    finally:
        app_logging.configure("WARNING", cache=False)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("event") == "request"]
    assert len(requests) == 3
    assert {"method", "route", "status", "duration_ms", "request_id"} <= set(requests[0])
    assert any(line["request_id"] == "req-42" for line in requests)
    for secret in ("ann.private", "Secret-Pa55word", "L1 8JQ", "L1%208JQ", "alpha"):
        assert secret not in out
