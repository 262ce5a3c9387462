"""`make bench`: our API on PostgreSQL against a bare FastAPI app, scenario by scenario."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import secrets
import signal
import sys
import tempfile
import time
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from . import scenarios as registry
from .database import (
    DEFAULT_DATABASE_URL,
    DatabaseError,
    analyze,
    ensure_database,
    migrate_and_seed,
)
from .loadgen import HttpRequest, LoadResult, ratio, run_load
from .scenarios import BenchContext, Check, Scenario, evaluate
from .servers import HOST, Server, start_uvicorn

T = TypeVar("T")
# High enough that no benchmark request is ever refused: limits are not what is measured.
UNLIMITED = "1000000000/minute"
# A saturated server uses nearly a whole core; much less means something else had the CPU.
BUSY_SERVER = 0.8


@dataclass
class Measurement:
    result: LoadResult
    server_cpu: float | None  # share of one core the server used while measured
    client_cpu: float  # share of one core the load generator used


@dataclass
class Outcome:
    scenario: Scenario
    ours: Measurement
    baseline: Measurement
    checks: list[Check]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--duration", type=float, default=5.0, help="seconds measured per side (default 5)"
    )
    parser.add_argument(
        "--warmup", type=float, default=1.0, help="seconds of warm-up per side (default 1)"
    )
    parser.add_argument(
        "--connections", type=int, default=16, help="concurrent keep-alive connections"
    )
    parser.add_argument(
        "--requests",
        type=int,
        default=200_000,
        help="most requests per measurement, whichever comes first with --duration",
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="NAME", help="run only this scenario"
    )
    parser.add_argument("--list", action="store_true", help="list the scenarios and stop")
    parser.add_argument(
        "--strict", action="store_true", help="exit non-zero when a scenario misses its target"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL database for our app (default: BENCH_DATABASE_URL or %(default)s)",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL"),
        help="REDIS_URL for our app's rate limits (default: BENCH_REDIS_URL, else in memory)",
    )
    parser.add_argument(
        "--fresh", action="store_true", help="drop and recreate the benchmark database first"
    )
    args = parser.parse_args(argv)
    if args.duration <= 0 or args.warmup < 0 or args.connections < 1 or args.requests < 1:
        parser.error("--duration, --connections and --requests must be positive")
    return args


def _app_env(database_url: str, redis_url: str | None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        ENVIRONMENT="production",
        SECRET_KEY=secrets.token_urlsafe(48),
        LOG_LEVEL="WARNING",
        SQL_ECHO="false",
        RATE_LIMIT_ENQUIRY=UNLIMITED,
        RATE_LIMIT_LOGIN=UNLIMITED,
    )
    # Without a built SPA nothing is mounted for unknown paths, as behind nginx in production.
    env.pop("FRONTEND_DIST", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    # uvloop when present: the load generator should cost as little CPU as it can, since it
    # shares the machine with the server it measures.
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coroutine)


def continued(requests: list[HttpRequest], sent: int) -> list[HttpRequest]:
    """The round-robin list starting after the `sent`th request: the measurement goes on from
    where the warm-up stopped, so a list of different people (the public enquiry) does not
    send the warm-up's people again, as repeats."""
    start = sent % len(requests)
    return requests[start:] + requests[:start]


async def _measure(
    server: Server,
    requests: list[HttpRequest],
    args: argparse.Namespace,
    connections: int | None = None,
) -> Measurement:
    connections = connections or args.connections
    if args.warmup > 0:
        warmup = await run_load(
            server.host,
            server.port,
            requests,
            connections=connections,
            duration_s=args.warmup,
            max_requests=args.requests,
        )
        requests = continued(requests, warmup.sent)
    cpu_before, client_before = server.cpu_seconds(), time.process_time()
    result = await run_load(
        server.host,
        server.port,
        requests,
        connections=connections,
        duration_s=args.duration,
        max_requests=args.requests,
    )
    cpu_after, client_after = server.cpu_seconds(), time.process_time()
    server_cpu = (
        (cpu_after - cpu_before) / result.elapsed_s
        if cpu_before is not None and cpu_after is not None and result.elapsed_s > 0
        else None
    )
    client_cpu = (client_after - client_before) / result.elapsed_s if result.elapsed_s else 0.0
    return Measurement(result, server_cpu, client_cpu)


def _fmt(value: float, spec: str) -> str:
    return "-" if math.isnan(value) else format(value, spec)


def format_outcome(outcome: Outcome) -> str:
    scenario = outcome.scenario
    lines = [
        f"== {scenario.name}: {scenario.summary}"
        + (f" ({scenario.connections} connections)" if scenario.connections else ""),
        f"   {'':<6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'answers':>10}{'errors':>8}"
        f"{'srv cpu':>9}{'gen cpu':>9}  request",
    ]
    starved = False
    for label, measured, spec in (
        ("ours", outcome.ours, scenario.ours),
        ("bare", outcome.baseline, scenario.baseline),
    ):
        result = measured.result
        if callable(spec):
            shown = "(made by setup)"
        elif isinstance(spec, HttpRequest):
            shown = spec.describe()
        else:
            shown = f"{spec[0].describe()} (+{len(spec) - 1} more)"
        server_cpu = "-" if measured.server_cpu is None else f"{measured.server_cpu:.0%}"
        if measured.server_cpu is not None and measured.server_cpu < BUSY_SERVER:
            server_cpu += "*"
            starved = True
        lines.append(
            f"   {label:<6}{_fmt(result.requests_per_second, ',.0f'):>10}"
            f"{_fmt(result.latency_ms(50), '.2f'):>9}{_fmt(result.latency_ms(99), '.2f'):>9}"
            f"{result.completed:>10,}{result.errors:>8,}{server_cpu:>9}"
            f"{measured.client_cpu:>9.0%}  {shown}"
        )
        if result.errors:
            lines.append(f"   {'':<6}statuses seen: {dict(sorted(result.statuses.items()))}")

    throughput = ratio(
        outcome.ours.result.requests_per_second, outcome.baseline.result.requests_per_second
    )
    verdicts = "; ".join(
        f"{check.label} {'PASS' if check.passed else 'FAIL'}" for check in outcome.checks
    )
    lines.append(f"   ratio ours/bare throughput: {_fmt(throughput, '.2f')}   [{verdicts}]")
    if starved:
        lines.append(
            f"   * under {BUSY_SERVER:.0%} of a core: other work on this machine took CPU, "
            "so trust the ratio over the figures"
        )
    return "\n".join(lines)


def format_summary(outcomes: Sequence[Outcome]) -> str:
    lines = [
        "== summary",
        f"   {'scenario':<24}{'ours req/s':>12}{'bare req/s':>12}{'ratio':>8}"
        f"{'ours p99':>10}{'bare p99':>10}  verdict",
    ]
    for outcome in outcomes:
        ours, bare = outcome.ours.result, outcome.baseline.result
        lines.append(
            f"   {outcome.scenario.name:<24}{_fmt(ours.requests_per_second, ',.0f'):>12}"
            f"{_fmt(bare.requests_per_second, ',.0f'):>12}"
            f"{_fmt(ratio(ours.requests_per_second, bare.requests_per_second), '.2f'):>8}"
            f"{_fmt(ours.latency_ms(99), '.2f'):>10}{_fmt(bare.latency_ms(99), '.2f'):>10}"
            f"  {'PASS' if outcome.passed else 'FAIL'}"
        )
    return "\n".join(lines)


async def run_scenarios(
    chosen: Sequence[Scenario],
    ours: Server,
    baseline: Server,
    ctx: BenchContext,
    args: argparse.Namespace,
) -> list[Outcome]:
    outcomes = []
    for scenario in chosen:
        if scenario.setup is not None:
            await scenario.setup(ctx)
        try:
            ours_measured = await _measure(
                ours, scenario.our_requests(ctx), args, scenario.connections
            )
            baseline_measured = await _measure(
                baseline, scenario.baseline_requests(ctx), args, scenario.connections
            )
        finally:
            if scenario.teardown is not None:
                await scenario.teardown(ctx)
        checks = evaluate(scenario.targets, ours_measured.result, baseline_measured.result)
        outcome = Outcome(scenario, ours_measured, baseline_measured, checks)
        print(format_outcome(outcome), flush=True)
        outcomes.append(outcome)
    return outcomes


def _stop_on_signal(signum: int, _frame: FrameType | None) -> None:
    # SIGTERM/SIGHUP become an exception, so the exit stack still stops the servers.
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        for scenario in registry.SCENARIOS:
            print(f"{scenario.name:<24}{scenario.summary}")
        return 0
    try:
        chosen = registry.by_name(args.only) if args.only else list(registry.SCENARIOS)
    except KeyError as exc:
        print(f"error: {exc.args[0]}", file=sys.stderr)
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)

    redis_url: str | None = args.redis_url
    env = _app_env(args.database_url, redis_url)
    started = time.monotonic()
    try:
        # Unwinds last-in first-out: the servers stop before their log folder goes.
        with contextlib.ExitStack() as stack:
            logs = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fosterhub-bench-")))
            print(
                f"Preparing {args.database_url.rsplit('/', 1)[-1]} on PostgreSQL "
                f"(rate limits in {'Redis' if redis_url else 'memory'}) ...",
                flush=True,
            )
            created = _run(ensure_database(args.database_url, fresh=args.fresh))
            migrate_and_seed(args.database_url, env)
            _run(analyze(args.database_url))
            print(f"   database {'created, ' if created else ''}migrated and seeded.")
            ours = start_uvicorn(
                "ours", "fosterhub.main:create_app", factory=True, env=env, log_dir=logs
            )
            stack.callback(ours.stop)
            baseline = start_uvicorn("bare", "bench.baseline:app", env=env, log_dir=logs)
            stack.callback(baseline.stop)
            ours.wait_ready()
            baseline.wait_ready()
            print(
                f"   ours on {ours.base_url}, bare on {baseline.base_url} "
                f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores);\n"
                f"   {args.connections} connections where a scenario names none, "
                f"{args.warmup:g}s warm-up, "
                f"{args.duration:g}s or {args.requests:,} requests per side "
                f"(load only on {HOST}).\n",
                flush=True,
            )
            ctx = BenchContext(args.database_url, ours.base_url, baseline.base_url)
            outcomes = _run(run_scenarios(chosen, ours, baseline, ctx, args))
            for server in (ours, baseline):
                if server.process.poll() is not None:
                    print(f"warning: {server.name} died during the run:\n{server.log_tail()}")
    except (DatabaseError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\ninterrupted: servers stopped.", file=sys.stderr)
        return 130
    print()
    print(format_summary(outcomes))
    print(f"   ({time.monotonic() - started:.0f}s in all)")
    failed = [outcome.scenario.name for outcome in outcomes if not outcome.passed]
    if failed and args.strict:
        print(f"strict: {', '.join(failed)} missed a target", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
