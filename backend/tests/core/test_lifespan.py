"""The application's start-up: what it does to the process before the first request."""

import gc
from typing import Any


async def test_start_up_freezes_what_it_made_and_raises_the_collectors_threshold(app: Any) -> None:
    before = gc.get_threshold()
    try:
        async with app.router.lifespan_context(app):
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold() == (10_000, 20, 10)
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
