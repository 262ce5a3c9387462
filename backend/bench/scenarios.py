"""The benchmark scenarios: each pits one of our requests against a bare FastAPI request.

A new scenario is one more `Scenario` in `SCENARIOS`. Its `setup` runs once, after both
servers answer and before the warm-up: it may fill the database (`ctx.database_url`), log
in through our API (`ctx.ours_url`) and leave what the requests need in `ctx.state`. The
requests may be given as a function of the context, so they can carry a token made there.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .loadgen import HttpRequest, LoadResult, ratio


@dataclass
class BenchContext:
    database_url: str
    ours_url: str
    baseline_url: str
    state: dict[str, Any] = field(default_factory=dict)


Requests = HttpRequest | Sequence[HttpRequest]
RequestSpec = Requests | Callable[[BenchContext], Requests]
Setup = Callable[[BenchContext], Awaitable[None]]


def _resolve(spec: RequestSpec, ctx: BenchContext) -> list[HttpRequest]:
    value = spec(ctx) if callable(spec) else spec
    return [value] if isinstance(value, HttpRequest) else list(value)


@dataclass(frozen=True)
class Targets:
    """What a scenario promises. None means no promise on that measure."""

    min_ratio: float | None = None  # our throughput over the baseline's, at least this
    max_p99_ms: float | None = None  # our 99th-percentile latency, at most this


@dataclass(frozen=True)
class Check:
    label: str
    passed: bool


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    ours: RequestSpec
    baseline: RequestSpec
    setup: Setup | None = None
    targets: Targets = Targets()

    def our_requests(self, ctx: BenchContext) -> list[HttpRequest]:
        return _resolve(self.ours, ctx)

    def baseline_requests(self, ctx: BenchContext) -> list[HttpRequest]:
        return _resolve(self.baseline, ctx)


def evaluate(targets: Targets, ours: LoadResult, baseline: LoadResult) -> list[Check]:
    """The scenario's verdicts. Errors on either side make the comparison meaningless, so
    they fail it whatever the targets say."""
    checks = [Check("no errors", ours.errors == 0 and baseline.errors == 0)]
    if targets.min_ratio is not None:
        measured = ratio(ours.requests_per_second, baseline.requests_per_second)
        checks.append(
            Check(
                f"ratio {measured:.2f} >= {targets.min_ratio:.2f}",
                not math.isnan(measured) and measured >= targets.min_ratio,
            )
        )
    if targets.max_p99_ms is not None:
        p99 = ours.latency_ms(99)
        checks.append(
            Check(
                f"p99 {p99:.1f} ms <= {targets.max_p99_ms:.1f} ms",
                not math.isnan(p99) and p99 <= targets.max_p99_ms,
            )
        )
    return checks


SCENARIOS: list[Scenario] = [
    Scenario(
        name="healthz",
        summary="liveness probe: our middleware, metrics and error handling on the cheapest route",
        ours=HttpRequest.get("/healthz"),
        baseline=HttpRequest.get("/healthz"),
        # What every request pays for (request id, headers, metrics, log) may at most double it.
        targets=Targets(min_ratio=0.5, max_p99_ms=50),
    ),
    Scenario(
        name="councils",
        summary="public council list: one paginated PostgreSQL query per request",
        ours=HttpRequest.get("/api/v1/councils"),
        baseline=HttpRequest.get("/councils"),
        # A database round trip costs; a tenth of a static list's throughput is the floor.
        targets=Targets(min_ratio=0.1, max_p99_ms=100),
    ),
]


def by_name(names: Sequence[str]) -> list[Scenario]:
    """The named scenarios in registry order; KeyError names the unknown ones."""
    known = {scenario.name for scenario in SCENARIOS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise KeyError(f"unknown scenario {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [scenario for scenario in SCENARIOS if scenario.name in names]
