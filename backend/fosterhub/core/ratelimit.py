"""Rate limits per client address, in the `limits` notation (`10/minute`).

Redis holds the counters when `REDIS_URL` is set, so every API replica shares them; otherwise
each process counts in memory. The sliding-window counter keeps two counts per key and window
(this one and the last, weighted by how much of the last still falls in the window): constant
work per request, unlike a moving window's list of every hit's time. The weighting is an
estimate, so near a window's edge it can let a few more through than the limit says: fine for
the public forms, which see the most traffic. Sign-in guards against password guessing, so it
asks for `exact=True`: a moving window that never lets one more through.
"""

import math
import time
from functools import lru_cache

from limits import RateLimitItem, parse
from limits.aio.storage import Storage
from limits.aio.strategies import (
    MovingWindowRateLimiter,
    SlidingWindowCounterRateLimiter,
)
from limits.aio.strategies import (
    RateLimiter as Strategy,
)
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
        self.estimated: Strategy = SlidingWindowCounterRateLimiter(self.storage)
        self.exact: Strategy = MovingWindowRateLimiter(self.storage)

    async def hit(self, name: str, limit: str, key: str, *, exact: bool = False) -> None:
        item = _parsed(limit)
        strategy = self.exact if exact else self.estimated
        if await strategy.hit(item, name, key):
            return
        stats = await strategy.get_window_stats(item, name, key)
        retry_after = max(1, math.ceil(stats.reset_time - time.time()))
        raise TooManyRequests(
            "You have made too many requests: wait and try again.",
            headers={"Retry-After": str(retry_after)},
        )


@lru_cache(maxsize=64)
def _parsed(limit: str) -> RateLimitItem:
    return parse(limit)
