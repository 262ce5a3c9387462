"""The benchmark harness counts and computes correctly: load generator, percentiles, verdicts.

Nothing here asserts on speed; the servers are tiny and run for about a second.
"""

import argparse
import asyncio
import math
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import pytest

from bench import scenarios
from bench.loadgen import HttpRequest, LoadResult, percentile, ratio, run_load
from bench.scenarios import SCENARIOS, BenchContext, Scenario, Targets, evaluate
from bench.servers import Server, start_uvicorn
from tests.conftest import World


def test_percentile_is_nearest_rank() -> None:
    values = list(range(100, 0, -1))  # 1..100, unsorted on purpose
    assert percentile(values, 50) == 50
    assert percentile(values, 99) == 99
    assert percentile(values, 100) == 100
    assert percentile(values, 0) == 1
    assert percentile([7], 99) == 7
    assert percentile([1, 2, 3, 4], 50) == 2
    assert percentile([1, 2, 3, 4], 51) == 3
    assert math.isnan(percentile([], 50))
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_ratio_of_throughputs() -> None:
    assert ratio(500, 1000) == 0.5
    assert ratio(1500, 1000) == 1.5
    assert math.isnan(ratio(500, 0))
    assert math.isnan(ratio(math.nan, 1000))


def _result(latencies_ms: list[float], elapsed_s: float, *, failures: int = 0) -> LoadResult:
    result = LoadResult(connections=1, elapsed_s=elapsed_s, failures=failures)
    result.latencies_ns = [int(ms * 1e6) for ms in latencies_ms]
    return result


def test_result_reports_throughput_and_latency_in_milliseconds() -> None:
    result = _result([float(ms) for ms in range(1, 101)], elapsed_s=2.0)
    assert result.completed == 100
    assert result.requests_per_second == 50
    assert result.latency_ms(50) == pytest.approx(50)
    assert result.latency_ms(99) == pytest.approx(99)


def test_targets_pass_and_fail_on_ratio_and_p99() -> None:
    ours = _result([10.0] * 100, elapsed_s=1.0)  # 100 req/s, p99 10 ms
    bare = _result([1.0] * 400, elapsed_s=1.0)  # 400 req/s
    verdicts = evaluate(Targets(min_ratio=0.2, max_p99_ms=20), ours, bare)
    assert [check.passed for check in verdicts] == [True, True, True]
    verdicts = evaluate(Targets(min_ratio=0.3, max_p99_ms=5), ours, bare)
    assert [check.passed for check in verdicts] == [True, False, False]
    assert verdicts[1].label == "ratio 0.25 >= 0.30"


def test_errors_fail_a_scenario_whatever_its_targets() -> None:
    ours = _result([1.0], elapsed_s=1.0, failures=1)
    bare = _result([1.0], elapsed_s=1.0)
    assert [check.passed for check in evaluate(Targets(), ours, bare)] == [False]


def test_registry_names_are_unique_and_selectable() -> None:
    names = [scenario.name for scenario in SCENARIOS]
    assert len(names) == len(set(names))
    assert {"healthz", "councils"} <= set(names)
    assert [s.name for s in scenarios.by_name(["councils", "healthz"])] == ["healthz", "councils"]
    with pytest.raises(KeyError, match="unknown scenario nope"):
        scenarios.by_name(["nope"])


def test_requests_may_be_made_from_the_context() -> None:
    scenario = Scenario(
        name="made",
        summary="requests built after setup",
        ours=lambda ctx: HttpRequest.get("/x", headers={"Authorization": ctx.state["token"]}),
        baseline=[HttpRequest.get("/a"), HttpRequest.get("/b")],
    )
    ctx = BenchContext("postgresql://x/y", "http://127.0.0.1:1", "http://127.0.0.1:2")
    ctx.state["token"] = "Bearer t"
    assert scenario.our_requests(ctx)[0].headers == (("Authorization", "Bearer t"),)
    assert [r.path for r in scenario.baseline_requests(ctx)] == ["/a", "/b"]


def test_requests_are_encoded_as_http_1_1() -> None:
    wire = HttpRequest.post_json("/echo", {"a": 1}, expect_status=201).encode("127.0.0.1", 9)
    head, body = wire.split(b"\r\n\r\n")
    assert head.startswith(b"POST /echo HTTP/1.1\r\nHost: 127.0.0.1:9\r\n")
    assert b"\r\nContent-Type: application/json" in head
    assert b"\r\nContent-Length: 7" in head
    assert body == b'{"a":1}'


async def test_load_generator_refuses_anything_but_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        await run_load(
            "192.0.2.1",
            80,
            [HttpRequest.get("/")],
            connections=1,
            duration_s=1,
            max_requests=1,
        )


async def _tiny_server(answers: dict[bytes, bytes]) -> asyncio.Server:
    """A raw HTTP/1.1 server that answers by path, including chunked and closing answers."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                answer = answers[head.split(b" ")[1]]
                writer.write(answer)
                await writer.drain()
                if b"Connection: close" in answer:
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


ANSWERS = {
    b"/ok": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    b"/chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
    ),
    b"/close": b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx",
    b"/teapot": b"HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n",
}


async def test_load_generator_counts_every_answer_up_to_the_request_limit() -> None:
    server = await _tiny_server(ANSWERS)
    port = server.sockets[0].getsockname()[1]
    try:
        requests = [
            HttpRequest.get("/ok"),
            HttpRequest.get("/chunked"),
            HttpRequest.get("/close"),
            HttpRequest.get("/teapot", expect_status=418),
        ]
        result = await run_load(
            "127.0.0.1", port, requests, connections=4, duration_s=10, max_requests=400
        )
        assert result.sent == 400
        assert result.completed == 400
        assert result.errors == 0
        assert result.statuses == {200: 300, 418: 100}
        assert result.latency_ms(50) <= result.latency_ms(99)

        wrong = await run_load(
            "127.0.0.1",
            port,
            [HttpRequest.get("/teapot")],  # expects 200
            connections=2,
            duration_s=10,
            max_requests=10,
        )
        assert (wrong.completed, wrong.unexpected, wrong.failures) == (0, 10, 0)
        assert math.isnan(wrong.latency_ms(99))
    finally:
        server.close()
        await server.wait_closed()


async def test_load_generator_stops_at_the_time_limit() -> None:
    server = await _tiny_server(ANSWERS)
    port = server.sockets[0].getsockname()[1]
    try:
        result = await run_load(
            "127.0.0.1",
            port,
            [HttpRequest.get("/ok")],
            connections=2,
            duration_s=0.3,
            max_requests=10**9,
        )
        assert 0 < result.completed < 10**9
        assert result.errors == 0
        assert result.requests_per_second == result.completed / result.elapsed_s
    finally:
        server.close()
        await server.wait_closed()


async def test_failed_connections_are_counted_not_raised() -> None:
    # The answer is cut short, then the server hangs up.
    server = await _tiny_server({b"/drop": b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Le"})
    port = server.sockets[0].getsockname()[1]
    try:
        result = await run_load(
            "127.0.0.1",
            port,
            [HttpRequest.get("/drop")],
            connections=1,
            duration_s=5,
            max_requests=3,
        )
        assert result.completed == 0
        assert result.failures == 3
    finally:
        server.close()
        await server.wait_closed()


@pytest.fixture
def baseline(tmp_path: Path) -> Iterator[Server]:
    server: Server = start_uvicorn("bare", "bench.baseline:app", env=os.environ, log_dir=tmp_path)
    try:
        server.wait_ready(timeout_s=20)
        yield server
    finally:
        server.stop()
    assert server.process.poll() is not None


async def test_baseline_app_under_load_for_a_second(baseline: Server) -> None:
    async with httpx.AsyncClient(base_url=baseline.base_url) as client:
        body = {
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
        echoed = await client.post("/echo", json=body)
        assert echoed.status_code == 200
        assert echoed.json()["contact"]["email"] == "ann@example.org"
        assert (await client.post("/echo", json={**body, "extra": 1})).status_code == 422
        councils = (await client.get("/councils")).json()
        assert len(councils["items"]) == 6

    result = await run_load(
        baseline.host,
        baseline.port,
        [HttpRequest.get("/healthz"), HttpRequest.get("/councils")],
        connections=4,
        duration_s=1.0,
        max_requests=50_000,
    )
    assert result.errors == 0
    assert result.completed == result.sent > 0
    assert result.statuses[200] == result.completed
    assert result.latency_ms(50) <= result.latency_ms(99)
    if sys.platform == "linux":
        assert (baseline.cpu_seconds() or 0) > 0


def test_public_enquiries_are_mostly_different_people_and_valid() -> None:
    from fosterhub.enquiries.schemas import EnquiryCreate

    bodies = scenarios.enquiry_bodies("run1", 1_000)
    emails = [body["contact"]["email"] for body in bodies]
    # One in 25 asks again, someone from a little earlier in the same run.
    assert len(set(emails)) == 1_000 - 1_000 // scenarios.REPEAT_EVERY
    for n, email in enumerate(emails):
        if n % scenarios.REPEAT_EVERY == scenarios.REPEAT_EVERY - 1:
            assert email in emails[:n]
    assert len({(b["contact"]["first_name"], b["contact"]["last_name"]) for b in bodies}) > 50
    # The next run's people are new.
    assert not set(emails) & {
        b["contact"]["email"] for b in scenarios.enquiry_bodies("run2", 1_000)
    }
    for body in bodies[:50]:
        EnquiryCreate.model_validate(body)


def test_the_measurement_goes_on_from_where_the_warm_up_stopped() -> None:
    from bench.run import continued

    requests = [HttpRequest.get(f"/{n}") for n in range(5)]
    assert [r.path for r in continued(requests, 7)] == ["/2", "/3", "/4", "/0", "/1"]
    assert continued(requests, 0) == requests
    assert continued(requests, 5) == requests


async def test_the_public_enquiry_scenario_takes_out_what_it_wrote(
    client: httpx.AsyncClient, world: World, database_url: str
) -> None:
    from sqlalchemy import func, select

    from fosterhub.core.models import OutboxMessage
    from fosterhub.enquiries.models import Enquiry, StageTransition

    # Two runs' people (one cut short, never cleared) and one person who is not the benchmark.
    bodies = scenarios.enquiry_bodies("run1", 3) + scenarios.enquiry_bodies("run2", 2)
    bodies.append({**bodies[0], "contact": {**bodies[0]["contact"], "email": "ann@example.org"}})
    for body in bodies:
        answer = await client.post("/api/v1/enquiries", json={**body, "council": "alpha"})
        assert answer.status_code == 201, answer.text

    await scenarios.forget_enquiry_posts(BenchContext(database_url, "", ""))

    async def count(table: Any) -> int:
        found = int(await world.db.scalar(select(func.count()).select_from(table)) or 0)
        await world.db.commit()
        return found

    kept = (await world.db.scalars(select(Enquiry.email))).all()
    assert kept == ["ann@example.org"]
    assert await count(StageTransition) == 1
    assert await count(OutboxMessage) == 1


async def test_a_scenario_is_torn_down_when_its_measurement_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench import run

    torn_down: list[str] = []

    async def failing(*_args: object) -> None:
        raise RuntimeError("the server went away")

    async def teardown(ctx: BenchContext) -> None:
        torn_down.append(ctx.database_url)

    monkeypatch.setattr(run, "_measure", failing)
    scenario = Scenario(
        "writes",
        "a scenario that writes",
        HttpRequest.get("/"),
        HttpRequest.get("/"),
        teardown=teardown,
    )
    ctx = BenchContext("sqlite+aiosqlite:///unused", "", "")
    server, args = cast(Server, None), cast(argparse.Namespace, None)  # _measure never runs
    with pytest.raises(RuntimeError):
        await run.run_scenarios([scenario], server, server, ctx, args)
    assert torn_down == ["sqlite+aiosqlite:///unused"]
