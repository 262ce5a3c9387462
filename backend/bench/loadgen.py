"""A small HTTP/1.1 keep-alive load generator on raw asyncio streams, for loopback only."""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# Benchmarks must never become a load test of someone else's machine.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class HttpRequest:
    """One request as the load generator sends it; `expect_status` marks a success."""

    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    expect_status: int = 200

    @classmethod
    def get(
        cls, path: str, *, headers: Mapping[str, str] | None = None, expect_status: int = 200
    ) -> HttpRequest:
        return cls("GET", path, tuple((headers or {}).items()), b"", expect_status)

    @classmethod
    def post_json(
        cls,
        path: str,
        payload: object,
        *,
        headers: Mapping[str, str] | None = None,
        expect_status: int = 200,
    ) -> HttpRequest:
        pairs = (("Content-Type", "application/json"), *(headers or {}).items())
        body = json.dumps(payload, separators=(",", ":")).encode()
        return cls("POST", path, pairs, body, expect_status)

    def describe(self) -> str:
        return f"{self.method} {self.path}"

    def encode(self, host: str, port: int) -> bytes:
        lines = [
            f"{self.method} {self.path} HTTP/1.1",
            f"Host: {host}:{port}",
            "User-Agent: fosterhub-bench",
            *(f"{name}: {value}" for name, value in self.headers),
        ]
        if self.body or self.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0-100) of unsorted values; nan when there are none."""
    if not 0 <= q <= 100:
        raise ValueError("q must be between 0 and 100")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return float(ordered[rank - 1])


def ratio(ours: float, baseline: float) -> float:
    """ours / baseline, or nan when the baseline measured nothing."""
    if baseline <= 0 or math.isnan(baseline) or math.isnan(ours):
        return math.nan
    return ours / baseline


@dataclass
class LoadResult:
    """What one bounded run measured. Latencies are of responses with the expected status."""

    connections: int
    latencies_ns: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    unexpected: int = 0  # answered, but not with the expected status
    failures: int = 0  # connection errors, malformed answers, requests cut off at the time limit
    elapsed_s: float = 0.0
    sent: int = 0

    @property
    def completed(self) -> int:
        return len(self.latencies_ns)

    @property
    def errors(self) -> int:
        return self.unexpected + self.failures

    @property
    def requests_per_second(self) -> float:
        return self.completed / self.elapsed_s if self.elapsed_s > 0 else math.nan

    def latency_ms(self, q: float) -> float:
        return percentile(self.latencies_ns, q) / 1e6


class _Budget:
    """Shared by every connection: stops at the request count or the deadline, whichever first.

    Hands out sequence numbers, so requests go round-robin across all connections together and
    a run of N requests sends each of k request kinds exactly N/k times.
    """

    def __init__(self, max_requests: int, deadline: float) -> None:
        self.max_requests = max_requests
        self.issued = 0
        self.deadline = deadline

    def take(self) -> int | None:
        if self.issued >= self.max_requests or time.monotonic() >= self.deadline:
            return None
        self.issued += 1
        return self.issued - 1


class _MalformedResponseError(ValueError):
    pass


async def _read_chunked(reader: asyncio.StreamReader) -> None:
    while True:
        line = await reader.readuntil(b"\r\n")
        size = int(line.split(b";", 1)[0].strip(), 16)
        if size == 0:
            # Trailers, if any, end with an empty line.
            while await reader.readuntil(b"\r\n") != b"\r\n":
                pass
            return
        await reader.readexactly(size + 2)


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Reads one response off the stream; answers its status and whether to keep the connection."""
    head = await reader.readuntil(b"\r\n\r\n")
    parts = head.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        raise _MalformedResponseError(head[:80])
    status = int(parts[1])
    lower = head.lower()
    keep_alive = parts[0] == b"HTTP/1.1" and b"\r\nconnection: close" not in lower
    at = lower.find(b"\r\ncontent-length:")
    if at >= 0:
        end = lower.index(b"\r\n", at + 2)
        length = int(lower[at + len(b"\r\ncontent-length:") : end])
        if length:
            await reader.readexactly(length)
    elif b"\r\ntransfer-encoding: chunked" in lower:
        await _read_chunked(reader)
    elif not (status < 200 or status in (204, 304)):
        # No length and not chunked: the body runs to the end of the connection.
        await reader.read()
        keep_alive = False
    return status, keep_alive


async def _connection(
    host: str,
    port: int,
    streams: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    payloads: Sequence[tuple[bytes, int]],
    budget: _Budget,
    result: LoadResult,
) -> None:
    reader, writer = streams
    connected = True
    try:
        while (sequence := budget.take()) is not None:
            payload, expect = payloads[sequence % len(payloads)]
            result.sent += 1
            try:
                if not connected:
                    reader, writer = await asyncio.open_connection(host, port)
                    connected = True
                started = time.perf_counter_ns()
                writer.write(payload)
                await writer.drain()
                status, keep_alive = await read_response(reader)
                latency = time.perf_counter_ns() - started
            except (OSError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                result.failures += 1
                if connected:
                    writer.close()
                connected = False
                continue
            result.statuses[status] += 1
            if status == expect:
                result.latencies_ns.append(latency)
            else:
                result.unexpected += 1
            if not keep_alive:
                writer.close()
                connected = False
    finally:
        if connected:
            writer.close()


async def run_load(
    host: str,
    port: int,
    requests: Sequence[HttpRequest],
    *,
    connections: int,
    duration_s: float,
    max_requests: int,
    grace_s: float = 5.0,
) -> LoadResult:
    """Drives `connections` keep-alive connections, each sending the next request as soon as
    the last answer arrives, until `max_requests` are sent or `duration_s` has passed.

    Requests are taken round-robin from `requests`, across all connections together. Answers
    still missing `grace_s` after the deadline are given up and counted as failures, so a run
    never outlives its bounds.
    """
    if host not in LOOPBACK_HOSTS:
        raise ValueError(f"the load generator only drives loopback addresses, not {host!r}")
    if not requests:
        raise ValueError("at least one request is needed")
    if connections < 1 or max_requests < 1 or duration_s <= 0:
        raise ValueError("connections, max_requests and duration_s must be positive")
    payloads = [(request.encode(host, port), request.expect_status) for request in requests]
    result = LoadResult(connections=connections)
    # Connect before the clock starts: the handshakes are not what is being measured.
    streams = await asyncio.gather(
        *(asyncio.open_connection(host, port) for _ in range(connections))
    )
    started = time.perf_counter()
    budget = _Budget(max_requests, time.monotonic() + duration_s)
    tasks = [
        asyncio.create_task(_connection(host, port, pair, payloads, budget, result))
        for pair in streams
    ]
    _done, pending = await asyncio.wait(tasks, timeout=duration_s + grace_s)
    for task in pending:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    result.elapsed_s = time.perf_counter() - started
    # Requests sent but never answered (cut off by the grace period) are failures too.
    result.failures += result.sent - result.failures - sum(result.statuses.values())
    return result
