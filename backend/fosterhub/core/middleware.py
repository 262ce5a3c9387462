"""One pure-ASGI middleware for what every request needs: a request id, the body-size cap,
security headers, the access log line and Prometheus metrics.

Pure ASGI (not BaseHTTPMiddleware) because it sits on every request's hot path.
"""

import json
import re
import time
from collections.abc import Callable
from typing import Any

import structlog
from prometheus_client import CollectorRegistry, Counter, Histogram
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fosterhub.core.entropy import random_bytes

log = structlog.get_logger("fosterhub.http")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'self'; form-action 'self'"
)
# Swagger UI needs its inline start-up script and the CDN it loads from.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://fastapi.tiangolo.com; frame-ancestors 'none'"
)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "fosterhub_http_requests_total",
            "HTTP requests",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "fosterhub_http_request_duration_seconds",
            "HTTP request latency",
            ["method", "route"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
        )
        # Each (method, route, status)'s counter and histogram, looked up once: `labels()`
        # takes a lock and builds a key on every call. Routes are templates, so few.
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, method: str, route: str, status: int, elapsed: float) -> None:
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = self._children[key] = (
                self.requests.labels(method, route, str(status)),
                self.latency.labels(method, route),
            )
        count, latency = children
        count.inc()
        latency.observe(elapsed)


# A browser posting a form shows what it is sent as a page: its refusals must be HTML.
_FORM_MEDIA = (b"application/x-www-form-urlencoded", b"multipart/form-data")


class _BodyTooLarge(HTTPException):
    """An HTTPException so FastAPI's body parsing passes it on as a 413, not a parse error."""

    def __init__(self) -> None:
        super().__init__(413, "The request body is too large.")


async def _send_problem(
    send: Send, status: int, type_: str, title: str, detail: str, request_id: str
) -> None:
    body = json.dumps(
        {
            "type": f"https://fosterhub.org.uk/problems/{type_}",
            "title": title,
            "status": status,
            "detail": detail,
            "request_id": request_id,
        }
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _send_page(send: Send, status: int, page: str) -> None:
    body = page.encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class RequestMiddleware:
    """`too_large_page`, when given, renders the refusal of a form post over the body cap as
    an HTML page (from the request's scope), since a browser without JavaScript shows the
    answer to a form as it comes. Other requests are refused with problem+json."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        metrics: Metrics,
        too_large_page: Callable[[Scope], str] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.metrics = metrics
        self.too_large_page = too_large_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.match(given) else random_bytes(8).hex()
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.bind_contextvars(request_id=request_id)
        path: str = scope["path"]
        csp = (
            DOCS_CSP
            if path.startswith("/api/v1/docs")
            else (
                API_CSP
                if path.startswith(("/api/", "/healthz", "/readyz", "/metrics"))
                else APP_CSP
            )
        )
        status = 500
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                out = list(message.get("headers", []))
                names = {name.lower() for name, _ in out}
                extra = [
                    (b"x-request-id", request_id.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"content-security-policy" not in names:
                    extra.append((b"content-security-policy", csp.encode()))
                message["headers"] = out + [h for h in extra if h[0] not in names]
            await send(message)

        length = headers.get(b"content-length")
        if "\x00" in path or b"%00" in scope.get("query_string", b""):
            # PostgreSQL cannot store NUL in text; refuse it at the door, for every route.
            await _send_problem(
                send_wrapper,
                400,
                "bad-request",
                "Bad request",
                "The address contains a NUL character.",
                request_id,
            )
            return
        try:
            if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
                raise _BodyTooLarge
            received = 0

            async def receive_capped() -> Message:
                nonlocal received
                message = await receive()
                if message["type"] == "http.request":
                    received += len(message.get("body", b""))
                    if received > self.max_body_bytes:
                        raise _BodyTooLarge
                return message

            await self.app(scope, receive_capped, send_wrapper)
        except _BodyTooLarge:
            if response_started:
                raise
            if self.too_large_page is not None and headers.get(b"content-type", b"").startswith(
                _FORM_MEDIA
            ):
                await _send_page(send_wrapper, 413, self.too_large_page(scope))
                return
            await _send_problem(
                send_wrapper,
                413,
                "payload-too-large",
                "Request body too large",
                f"The body may be at most {self.max_body_bytes} bytes.",
                request_id,
            )
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            self.metrics.observe(scope["method"], route, status, elapsed)
            log.info(
                "request",
                method=scope["method"],
                route=route,
                status=status,
                duration_ms=round(elapsed * 1000, 2),
            )
            structlog.contextvars.unbind_contextvars("request_id")


def _route_template(scope: Scope) -> str:
    # The template (`/api/v1/users/{user_id}`), never the path: paths can hold personal data.
    route: Any = scope.get("route")
    template = getattr(route, "path_format", None) or getattr(route, "path", None)
    if template:
        return str(template)
    return "static" if scope.get("app_root_path") is not None else "unmatched"
