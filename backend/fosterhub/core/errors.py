"""RFC 9457 problem+json: the one error format, and the handlers that turn everything into it."""

import json
from collections.abc import Sequence
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://fosterhub.org.uk/problems/"

log = structlog.get_logger("fosterhub.errors")


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """The body of every error answer (RFC 9457)."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] | None = None
    request_id: str | None = None


class AppError(Exception):
    """Base of every domain error: its HTTP status and problem type, nothing else of HTTP."""

    status = 400
    type = "bad-request"
    title = "Bad request"
    # True when the request's writes so far must commit despite the error (failed sign-ins).
    keep_changes = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = headers or {}
        self.extra = extra or {}


class NotFound(AppError):
    status, type, title = 404, "not-found", "Not found"


class Conflict(AppError):
    status, type, title = 409, "conflict", "Conflict"


class Forbidden(AppError):
    status, type, title = 403, "forbidden", "Forbidden"


class Unauthorized(AppError):
    status, type, title = 401, "unauthorized", "Not signed in"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        super().__init__(detail, **kwargs)
        self.headers.setdefault("WWW-Authenticate", 'Bearer realm="fosterhub"')


class InvalidInput(AppError):
    status, type, title = 422, "validation", "Your request has invalid fields"

    @classmethod
    def field(cls, field: str, message: str) -> "InvalidInput":
        return cls(message, errors=[FieldError(field=field, message=message)])


class PreconditionRequired(AppError):
    status, type, title = 428, "precondition-required", "If-Match header required"


class PreconditionFailed(AppError):
    status, type, title = 412, "precondition-failed", "The record has changed since you read it"


class TooManyRequests(AppError):
    status, type, title = 429, "rate-limited", "Too many requests"


class Locked(AppError):
    status, type, title = 423, "locked", "Account temporarily locked"


class UnsupportedMediaType(AppError):
    status, type, title = 415, "unsupported-media-type", "Unsupported media type"


class PayloadTooLarge(AppError):
    status, type, title = 413, "payload-too-large", "Request body too large"


def problem_response(
    request: Request | None,
    status: int,
    type_: str,
    title: str,
    detail: str | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": type_ if type_.startswith(("http", "about:")) else PROBLEM_BASE + type_,
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.url.path
        request_id = getattr(request.state, "request_id", None)
        if request_id:
            body["request_id"] = request_id
    if errors:
        body["errors"] = [e.model_dump() for e in errors]
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _field_path(loc: Sequence[int | str]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        where, parts = parts[0], parts[1:]
        if not parts:
            return where
        if where == "header":
            return "header." + ".".join(parts)
    return ".".join(parts)


def validation_errors(exc: RequestValidationError) -> list[FieldError]:
    out = []
    for err in exc.errors():
        # Our own validators raise ValueError; pydantic prefixes their message with
        # "Value error, " (or "Assertion failed, "), which means nothing to a reader.
        message = str(err.get("msg", "Invalid value"))
        for prefix in ("Value error, ", "Assertion failed, "):
            message = message.removeprefix(prefix)
        kind = err.get("type", "")
        if kind == "extra_forbidden":
            message = "Unknown field"
        elif kind == "missing":
            message = "Required"
        out.append(FieldError(field=_field_path(err.get("loc", ())), message=message))
    return out


STATUS_TITLES = {
    400: ("bad-request", "Bad request"),
    401: ("unauthorized", "Not signed in"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    413: ("payload-too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> JSONResponse:
        return problem_response(
            request, exc.status, exc.type, exc.title, exc.detail, exc.errors, exc.headers, exc.extra
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(exc)
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return problem_response(
                request,
                400,
                "malformed-json",
                "Malformed JSON",
                "The body is not valid JSON.",
                [FieldError(field="body", message="Not valid JSON")],
            )
        return problem_response(
            request,
            422,
            "validation",
            "Your request has invalid fields",
            "; ".join(f"{e.field}: {e.message}" for e in errors),
            errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        type_, title = STATUS_TITLES.get(exc.status_code, ("http-error", "Request failed"))
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(request, exc.status_code, type_, title, detail, headers=headers)

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        # Two requests raced for the same unique thing (an Idempotency-Key, a code): the
        # loser's transaction was rolled back whole, so nothing partial was written.
        log.warning("integrity_conflict", constraint=_constraint_name(exc))
        return problem_response(
            request,
            409,
            "conflict",
            "Conflict",
            "Another change was made at the same time. Read again and retry.",
        )

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        return problem_response(
            request,
            412,
            "precondition-failed",
            "The record has changed since you read it",
            "Read the record again and reapply your change.",
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        request_id = getattr(request.state, "request_id", None)
        # The trace goes to the log under the request id; the client sees only the id.
        log.error("unhandled_exception", error_type=type(exc).__name__, exc_info=exc)
        return problem_response(
            request,
            500,
            "internal",
            "Something went wrong",
            f"Quote this reference if you contact us: {request_id}",
        )


def _constraint_name(exc: IntegrityError) -> str | None:
    # The constraint's name only: the message itself can quote the values (personal data).
    orig = getattr(exc, "orig", None)
    return getattr(orig, "constraint_name", None) or type(orig).__name__


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Declares error answers on a route so the OpenAPI document shows their shape."""
    described = {
        400: "Malformed request",
        401: "Missing or invalid token",
        403: "Role or scope missing",
        404: "No such record in your council",
        409: "Conflict with the current state",
        412: "Stale If-Match",
        413: "Body too large",
        422: "Invalid fields",
        423: "Account locked",
        428: "If-Match required",
        429: "Rate limited",
    }
    return {
        s: {
            "model": Problem,
            "description": described.get(s, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {}},
        }
        for s in statuses
    }


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()
