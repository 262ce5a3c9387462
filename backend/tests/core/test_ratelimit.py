"""Rate limits per address, in memory and shared through Redis.

The Redis tests use `TEST_REDIS_URL` (CI sets it, and then they must pass), else a Redis
answering on 127.0.0.1:6379, else they are skipped."""

import os
import random
import socket
import uuid

import httpx
import pytest

from fosterhub.config import Settings
from fosterhub.core.errors import TooManyRequests
from fosterhub.core.ratelimit import RateLimiter
from fosterhub.main import create_app
from tests.conftest import World, assert_problem
from tests.factories import enquiry_body


def _redis_url() -> str | None:
    if url := os.environ.get("TEST_REDIS_URL"):
        return url
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return "redis://127.0.0.1:6379/15"
    except OSError:
        return None


REDIS_URL = _redis_url()
needs_redis = pytest.mark.skipif(REDIS_URL is None, reason="no Redis (CI sets TEST_REDIS_URL)")


async def test_memory_limit_refuses_after_the_allowance(settings: Settings) -> None:
    limiter = RateLimiter(settings)
    key = str(uuid.uuid4())
    for _ in range(3):
        await limiter.hit("test", "3/minute", key)
    with pytest.raises(TooManyRequests) as refused:
        await limiter.hit("test", "3/minute", key)
    assert 1 <= int(refused.value.headers["Retry-After"]) <= 60
    await limiter.hit("test", "3/minute", "another-address")  # others are not affected


@needs_redis
async def test_redis_limit_is_shared_between_replicas(settings: Settings) -> None:
    shared = settings.model_copy(update={"redis_url": REDIS_URL})
    replica_a, replica_b = RateLimiter(shared), RateLimiter(shared)
    key = str(uuid.uuid4())
    await replica_a.hit("test", "2/minute", key)
    await replica_b.hit("test", "2/minute", key)
    with pytest.raises(TooManyRequests):
        await replica_a.hit("test", "2/minute", key)


@needs_redis
async def test_two_api_replicas_share_the_public_enquiry_limit(
    settings: Settings, world: World
) -> None:
    """Two apps with the same REDIS_URL, as two replicas behind nginx: an address that used
    its allowance on one is refused by the other."""
    shared = settings.model_copy(update={"redis_url": REDIS_URL, "rate_limit_enquiry": "2/minute"})
    replicas = [create_app(shared), create_app(shared)]
    # An address of its own, so counts left in Redis by an earlier run do not matter.
    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    try:
        answers = []
        for n, replica in enumerate([*replicas, replicas[0]]):
            transport = httpx.ASGITransport(
                app=replica, raise_app_exceptions=False, client=(address, 40000)
            )
            async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
                body = enquiry_body(contact={"email": f"shared{n}@example.org"})
                answers.append(await c.post("/api/v1/enquiries", json=body))
    finally:
        for replica in replicas:
            await replica.state.engine.dispose()
    assert [a.status_code for a in answers[:2]] == [201, 201]
    assert_problem(answers[2], 429)
    assert 1 <= int(answers[2].headers["retry-after"]) <= 60
