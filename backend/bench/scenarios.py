"""The benchmark scenarios: each pits one of our requests against a bare FastAPI request.

A new scenario is one more `Scenario` in `SCENARIOS`. Its `setup` runs once, after both
servers answer and before the warm-up: it may fill the database (`ctx.database_url`), log
in through our API (`ctx.ours_url`) and leave what the requests need in `ctx.state`. The
requests may be given as a function of the context, so they can carry a token made there.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import report_data
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
    # Runs after the measurement, whether it passed, failed or raised: a scenario that writes
    # takes its rows out again, so the next scenario (and the next run) finds the data it names.
    teardown: Setup | None = None
    targets: Targets = Targets()
    # Concurrent connections for this scenario; None: the run's --connections.
    connections: int | None = None

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
        summary="public council list: a PostgreSQL page, then kept a few seconds (core.pagecache)",
        ours=HttpRequest.get("/api/v1/councils"),
        baseline=HttpRequest.get("/councils"),
        # Read once per PUBLIC_LIST_CACHE_SECONDS, then from memory: what is left is FastAPI's
        # parameters and our middleware; a fifth of a static list's throughput is the floor.
        # (Before the cache, one query per request: 0.08-0.11, against a floor of 0.1.)
        targets=Targets(min_ratio=0.2, max_p99_ms=100),
    ),
    Scenario(
        name="public events list",
        summary="public events list: a page of events with councils, codes and seats left",
        ours=HttpRequest.get("/api/v1/events"),
        baseline=HttpRequest.get("/councils"),
        setup=lambda ctx: _published_events(ctx),
        # A page costs the list query and three bulk look-ups (co-hosts, codes, seat counts),
        # made once per PUBLIC_LIST_CACHE_SECONDS and then answered from memory. (Built on
        # every request it measured 0.04-0.05, against a floor of 0.05.)
        targets=Targets(min_ratio=0.15, max_p99_ms=150),
    ),
]


async def _published_events(ctx: BenchContext, count: int = 30) -> None:
    """Leaves `count` published public events ahead in the bench database, unless some exist."""
    from datetime import timedelta

    from sqlalchemy import select

    from fosterhub.core import tenancy
    from fosterhub.core.db import create_engine, create_sessionmaker, utcnow
    from fosterhub.councils.models import Council
    from fosterhub.events.models import Event

    engine = create_engine(ctx.database_url)
    try:
        async with create_sessionmaker(engine)() as session:
            tenancy.unscoped(session)  # the benchmark's own data, for every council
            now = utcnow()
            found = await session.scalar(
                select(Event.id)
                .where(Event.status == "published", Event.audience == "public", Event.ends_at > now)
                .limit(1)
            )
            councils = list((await session.scalars(select(Council).order_by(Council.slug))).all())
            if found is None and councils:
                for n in range(count):
                    starts = now + timedelta(days=7 + n, hours=n % 5)
                    session.add(
                        Event(
                            council_id=councils[n % len(councils)].id,
                            kind=("drop_in", "information_evening", "stall")[n % 3],
                            title=f"Fostering information evening {n + 1}",
                            venue_name="Community room",
                            venue_address="1 Church St",
                            venue_postcode="L1 1DA",
                            starts_at=starts,
                            ends_at=starts + timedelta(hours=2),
                            capacity=30,
                            audience="public",
                            status="published",
                            published_at=now,
                        )
                    )
                await session.commit()
    finally:
        await engine.dispose()


def _report_request(path: str) -> Callable[[BenchContext], HttpRequest]:
    def make(ctx: BenchContext) -> HttpRequest:
        first, last = ctx.state["report_period"]
        return HttpRequest.get(
            f"/api/v1/reports/{path}?from={first}&to={last}",
            headers={"Authorization": ctx.state["manager_token"]},
        )

    return make


SCENARIOS += [
    Scenario(
        name="funnel report",
        summary="a council's 12-month funnel with 1,000,000 enquiries in the database",
        ours=_report_request("funnel"),
        baseline=HttpRequest.get("/councils"),
        setup=report_data.setup,
        # A manager's request, one at a time: the promise is its latency, not throughput.
        targets=Targets(max_p99_ms=250),
        connections=1,
    ),
    Scenario(
        name="time-in-stage report",
        summary="a council's 12-month time in stage with 1,000,000 enquiries in the database",
        ours=_report_request("time-in-stage"),
        baseline=HttpRequest.get("/councils"),
        setup=report_data.setup,
        targets=Targets(max_p99_ms=250),
        connections=1,
    ),
]


# The public enquiry and the staff's enquiry list (issue 4).

ENQUIRY = {
    "council": "liverpool",
    "contact": {
        "first_name": "Ann",
        "last_name": "Lee",
        "email": "ann@example.org",
        "postcode": "L1 8JQ",
    },
    "interests": ["short_term"],
    "source": {"channel": "website"},
    "consent": {"privacy_notice_version": "2026-01", "contact_ok": True},
}


# People, not one person: 500 bodies sent round-robin made each of them ask ten times a run,
# and the same again every run after, so the benchmark measured repeat look-ups over a
# database where nine enquiries in ten were repeats (PostgreSQL then planned the look-up
# through the index of repeats) and one name thousands of times over in the name index.
# Real traffic is mostly different people, and now so is this: 30,000 of them a run, named
# for the run so the next run's are new too, and one in 25 someone asking again.
_FIRST_NAMES = ("Ann", "Ben", "Chloe", "Dev", "Ewa", "Femi", "Grace", "Hamza", "Iris", "Jack")
_LAST_NAMES = ("Lee", "Smith", "Jones", "Khan", "Nowak", "Okafor", "Murphy", "Evans", "Patel")
_POSTCODES = ("L1 8JQ", "L4 0TH", "L8 7NJ", "L15 4LP", "L17 6AQ", "L25 2RA")
PEOPLE = 30_000
REPEAT_EVERY = 25


def enquiry_bodies(run: str, count: int = PEOPLE) -> list[dict[str, Any]]:
    """`count` public enquiries from different people (`run` makes their addresses unique
    to this run), but every `REPEAT_EVERY`th, who asked a little earlier in the same run."""
    bodies = []
    for n in range(count):
        person = n - REPEAT_EVERY // 2 if n % REPEAT_EVERY == REPEAT_EVERY - 1 else n
        contact = {
            **ENQUIRY["contact"],
            "first_name": _FIRST_NAMES[person % len(_FIRST_NAMES)],
            "last_name": _LAST_NAMES[person // len(_FIRST_NAMES) % len(_LAST_NAMES)],
            "email": f"bench-{run}-{person}@example.org",
            "postcode": _POSTCODES[person % len(_POSTCODES)],
        }
        bodies.append({**ENQUIRY, "contact": contact})
    return bodies


def _enquiry_posts(path: str, expect: int) -> Callable[[BenchContext], list[HttpRequest]]:
    def build(ctx: BenchContext) -> list[HttpRequest]:
        # One name for the run, shared by both sides: the bare echo reads the same bodies.
        run = ctx.state.setdefault("enquiry_run", secrets.token_hex(4))
        bodies = enquiry_bodies(run)
        return [HttpRequest.post_json(path, body, expect_status=expect) for body in bodies]

    return build


async def _enquiry_history(ctx: BenchContext) -> None:
    """The million benchmark enquiries, so the public enquiry writes into a service with
    years of history and planner statistics to match, as in production. On an empty table
    PostgreSQL has no statistics and plans the repeat look-up as a scan of the council's
    enquiries, which grows slower with every enquiry the run writes."""
    made = await report_data.ensure_enquiries(ctx.database_url)
    if made:
        print(f"   {made:,} benchmark enquiries made.", flush=True)


# The addresses `enquiry_bodies` gives its people, whatever the run.
BENCH_ADDRESSES = "bench-%@example.org"


async def forget_enquiry_posts(ctx: BenchContext) -> None:
    """Deletes what the public enquiry scenario wrote, in this run and any run cut short: the
    enquiries, their moves and their acknowledgement emails (the audit log is append-only and
    keeps its rows). Otherwise each run added 15,000 to 30,000 enquiries received today to
    the council the reports measure, and its 12-month funnel counted three times the
    enquiries its scenario names after a few days of runs."""
    from sqlalchemy import delete

    from fosterhub.core.db import create_engine
    from fosterhub.core.models import OutboxMessage
    from fosterhub.enquiries.models import Enquiry

    engine = create_engine(ctx.database_url)
    try:
        async with engine.begin() as conn:
            # Their moves go with them (the foreign key cascades, SQLite's too).
            await conn.execute(delete(Enquiry).where(Enquiry.email.like(BENCH_ADDRESSES)))
            await conn.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.kind == "email",
                    OutboxMessage.payload["to"].as_string().like(BENCH_ADDRESSES),
                )
            )
    finally:
        await engine.dispose()


async def _officer_token(ctx: BenchContext) -> None:
    """The million benchmark enquiries (shared with the report scenarios) and an officer."""
    if "officer_token" in ctx.state:
        return
    await _enquiry_history(ctx)
    import httpx

    from fosterhub.seed.demo import DEMO_PASSWORD

    async with httpx.AsyncClient(base_url=ctx.ours_url, timeout=30) as client:
        response = await client.post(
            "/api/v1/auth/login",
            json={"email": "recruitment.liverpool@example.org", "password": DEMO_PASSWORD},
        )
        response.raise_for_status()
    ctx.state["officer_token"] = f"Bearer {response.json()['access_token']}"


def _staff_lists(ctx: BenchContext) -> list[HttpRequest]:
    auth = {"Authorization": ctx.state["officer_token"]}
    return [
        HttpRequest.get(f"/api/v1/enquiries?{query}", headers=auth)
        for query in (
            "stage=initial_contact&channel=website",
            "overdue=true",
            "q=smith",
            "stage=withdrawn&stage=no_response&received_from=2026-01-01",
            "limit=50",
        )
    ]


SCENARIOS += [
    Scenario(
        name="public enquiry",
        summary="POST /enquiries: validate, route, link repeats, write it with history and email",
        ours=_enquiry_posts("/api/v1/enquiries", 201),
        baseline=_enquiry_posts("/echo", 200),
        setup=_enquiry_history,
        teardown=forget_enquiry_posts,
        targets=Targets(min_ratio=0.35, max_p99_ms=50),
        connections=32,
    ),
    Scenario(
        name="staff enquiry list",
        summary="an officer's filtered, searched enquiry list over 1,000,000 enquiries",
        ours=_staff_lists,
        baseline=HttpRequest.get("/councils"),
        setup=_officer_token,
        targets=Targets(max_p99_ms=250),
        connections=4,
    ),
]


def by_name(names: Sequence[str]) -> list[Scenario]:
    """The named scenarios in registry order; KeyError names the unknown ones."""
    known = {scenario.name for scenario in SCENARIOS}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise KeyError(f"unknown scenario {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return [scenario for scenario in SCENARIOS if scenario.name in names]
