"""Rate limits per address, in memory and shared through Redis."""

import socket
import uuid

import pytest

from fosterhub.config import Settings
from fosterhub.core.errors import TooManyRequests
from fosterhub.core.ratelimit import RateLimiter


def _redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


async def test_memory_limit_refuses_after_the_allowance(settings: Settings) -> None:
    limiter = RateLimiter(settings)
    key = str(uuid.uuid4())
    for _ in range(3):
        await limiter.hit("test", "3/minute", key)
    with pytest.raises(TooManyRequests) as refused:
        await limiter.hit("test", "3/minute", key)
    assert 1 <= int(refused.value.headers["Retry-After"]) <= 60
    await limiter.hit("test", "3/minute", "another-address")  # others are not affected


@pytest.mark.skipif(not _redis_answers(), reason="no Redis on 127.0.0.1:6379")
async def test_redis_limit_is_shared_between_replicas(settings: Settings) -> None:
    shared = settings.model_copy(update={"redis_url": "redis://127.0.0.1:6379/15"})
    replica_a, replica_b = RateLimiter(shared), RateLimiter(shared)
    key = str(uuid.uuid4())
    await replica_a.hit("test", "2/minute", key)
    await replica_b.hit("test", "2/minute", key)
    with pytest.raises(TooManyRequests):
        await replica_a.hit("test", "2/minute", key)
