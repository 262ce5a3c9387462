"""Rate limits per client address, in the `limits` notation (`10/minute`).

Redis holds the counters when `REDIS_URL` is set, so every API replica shares them; otherwise
each process counts in memory.
"""

import math
import time

from limits import parse
from limits.aio.storage import Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from fosterhub.config import Settings
from fosterhub.core.errors import TooManyRequests


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        uri = f"async+{settings.redis_url}" if settings.redis_url else "async+memory://"
        # redis-py, not coredis: it is what the `redis` dependency installs.
        storage = (
            storage_from_string(uri, implementation="redispy")
            if settings.redis_url
            else (storage_from_string(uri))
        )
        if not isinstance(storage, Storage):
            raise TypeError(f"not an async rate-limit storage: {uri}")
        self.storage = storage
        self.strategy = MovingWindowRateLimiter(self.storage)

    async def hit(self, name: str, limit: str, key: str) -> None:
        item = parse(limit)
        if await self.strategy.hit(item, name, key):
            return
        stats = await self.strategy.get_window_stats(item, name, key)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        raise TooManyRequests(
            "You have made too many requests: wait and try again.",
            headers={"Retry-After": str(retry_after)},
        )
