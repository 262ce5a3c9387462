"""create_app(): settings, database, middleware, routers, error handlers, the built SPA."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import escape as html_escape
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
)
from fastapi.routing import APIRoute
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from fosterhub import __version__
from fosterhub.auth.router import jwks_router
from fosterhub.auth.router import router as auth_router
from fosterhub.campaigns.models import Campaign
from fosterhub.campaigns.router import router as campaigns_router
from fosterhub.carers.router import router as carers_router
from fosterhub.config import Settings, get_settings
from fosterhub.core import logging as app_logging
from fosterhub.core import openapi
from fosterhub.core.db import create_engine, create_read_sessionmaker, create_sessionmaker
from fosterhub.core.errors import install_error_handlers
from fosterhub.core.middleware import Metrics, RequestMiddleware
from fosterhub.core.pagecache import PageCache
from fosterhub.core.ratelimit import RateLimiter
from fosterhub.councils.models import Council, Region
from fosterhub.councils.router import router as councils_router
from fosterhub.enquiries import html as enquiry_pages
from fosterhub.enquiries.router import create_enquiry
from fosterhub.enquiries.router import router as enquiries_router
from fosterhub.events.models import Event, EventCohost, Registration
from fosterhub.events.router import router as events_router
from fosterhub.reports.router import router as reports_router
from fosterhub.training.router import router as training_router
from fosterhub.users.router import router as users_router

API_PREFIX = "/api/v1"

DESCRIPTION = """
The API that partner councils, the Foster Hub web app and outside tools all use.

* Errors are RFC 9457 `application/problem+json`, with `errors[].field` for invalid input.
* Lists are cursor-paginated: `?limit=` (1-200) and `?cursor=`; answers carry `next_cursor`.
* Single-record reads send an `ETag`; `PATCH` needs `If-Match` (428 without it, 412 stale).
* Creating `POST`s accept an `Idempotency-Key` header.
* A token belongs to one council; another council's record answers 404.
"""


def _operation_id(route: APIRoute) -> str:
    # Routers give every operation an explicit `<tag>:<name>` id; this is only the fallback.
    return route.operation_id or f"{route.tags[0] if route.tags else 'default'}:{route.name}"


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app_logging.configure(settings.log_level, cache=settings.environment != "test")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Everything made while starting (modules, models, routes, compiled schemas) lives as
        # long as the process: freezing it keeps the garbage collector's full passes from
        # walking those objects again and again, which paused requests for tens of ms.
        gc.collect()
        gc.freeze()
        # Requests free almost everything they make by reference counting, so the collector's
        # default pass every 700 new objects mostly walks the live objects of the requests in
        # flight. Every 10,000 it ran 5 times instead of about 900 in a benchmark run of the
        # public enquiry, and full passes (13 ms pauses each) stopped (docs/operations.md).
        gc.set_threshold(10_000, 20, 10)
        yield
        await app.state.engine.dispose()

    app = FastAPI(
        title="Foster Hub API",
        version=__version__,
        description=DESCRIPTION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
        # FastAPI's own OpenTelemetry is off: metrics are Prometheus (`/metrics`), and its
        # logs would record validation failures with their messages, which can quote what a
        # person typed. Off, it also costs nothing per request.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.settings = settings
    app.state.engine = create_engine(
        settings.database_url,
        echo=settings.sql_echo,
        pool_size=settings.database_pool_size,
        max_overflow=settings.database_max_overflow,
    )
    app.state.sessionmaker = create_sessionmaker(app.state.engine)
    app.state.read_sessionmaker = create_read_sessionmaker(app.state.engine)
    app.state.rate_limiter = RateLimiter(settings)
    # Each public list is emptied when a table it shows is written (core.pagecache).
    ttl_s = settings.public_list_cache_seconds
    app.state.council_pages = PageCache([Council, Region], ttl_s=ttl_s)
    app.state.event_pages = PageCache(
        [Event, EventCohost, Registration, Campaign, Council], ttl_s=ttl_s
    )
    metrics = Metrics()
    app.state.metrics = metrics

    openapi.install(app)
    install_error_handlers(app)
    app.add_middleware(
        RequestMiddleware,
        max_body_bytes=settings.max_body_bytes,
        metrics=metrics,
        too_large_page=enquiry_pages.too_large_page,
    )

    # Probes first: they are called most often and should match before the API's routes.
    app.include_router(_operations_router())
    # Routes are matched in order, one by one (each costs a few microseconds): the public
    # enquiry, the busiest write, first, then the public lists anyone may call (councils,
    # events), then the rest. No router's paths overlap with another's, so the order changes
    # nothing else. Each is included in the app itself, not in an API router in between:
    # every nesting level is walked again on every request.
    for router in (
        enquiries_router,
        councils_router,
        events_router,
        auth_router,
        jwks_router,
        users_router,
        campaigns_router,
        carers_router,
        training_router,
        reports_router,
    ):
        app.include_router(router, prefix=API_PREFIX)
    app.include_router(enquiry_pages.router)
    # The public enquiry, the busiest route, is also served by a plain Starlette route
    # matched before all others: its endpoint reads the request itself and has no parameters
    # for FastAPI to solve, so FastAPI's request handler would only add work. The API route
    # above documents it in the OpenAPI schema; both call the same function.
    app.router.routes.insert(
        0,
        _NamedRoute(
            f"{API_PREFIX}/enquiries",
            create_enquiry,
            methods=["POST"],
            name="enquiries:create",
            include_in_schema=False,
        ),
    )

    if settings.frontend_dist and (settings.frontend_dist / "index.html").is_file():
        _mount_spa(app, settings.frontend_dist)
    return app


class _NamedRoute(Route):
    """A plain Starlette route that puts itself in the request's scope, as FastAPI's routes
    do, so the metrics and the access log name its template rather than "unmatched"."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        match, child_scope = super().matches(scope)
        if match is not Match.NONE:
            child_scope["route"] = self
        return match, child_scope


def _operations_router() -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/healthz", operation_id="operations:healthz", summary="The process is up")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(
        "/readyz",
        operation_id="operations:readyz",
        summary="The database answers",
        responses={503: {"description": "Database unreachable"}},
    )
    async def readyz(request: Request) -> Response:
        try:
            async with request.app.state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return JSONResponse({"status": "unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    @router.get("/metrics", operation_id="operations:metrics", summary="Prometheus metrics")
    async def metrics(request: Request) -> Response:
        return PlainTextResponse(
            generate_latest(request.app.state.metrics.registry),
            media_type=CONTENT_TYPE_LATEST,
        )

    return router


def _mount_spa(app: FastAPI, dist: Path) -> None:
    """Serves the built single-page app; unknown paths outside /api get index.html."""
    index = dist / "index.html"
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")

    @app.get("/{path:path}", include_in_schema=False)
    def _spa(path: str, request: Request) -> Response:  # sync: file reads run in a thread
        if path.startswith(("api/", "healthz", "readyz", "metrics")):
            raise StarletteHTTPException(404, "There is no such API route.")
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and dist.resolve() in candidate.parents:
            return FileResponse(candidate)
        page = index.read_text(encoding="utf-8")
        if path.startswith("enquire") and request.url.query:
            # Without JavaScript the page offers the plain form: keep the campaign, council
            # and referral code the visitor arrived with.
            query = html_escape(request.url.query)
            page = page.replace('href="/enquire/basic"', f'href="/enquire/basic?{query}"')
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})
