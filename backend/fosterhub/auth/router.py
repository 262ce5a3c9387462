"""HTTP for sign-in, partner tokens, refresh, sign-out, `me`, TOTP enrolment and the JWKS."""

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Cookie, Header, Request, Response, status
from fastapi.responses import JSONResponse

from fosterhub.auth import service, tokens
from fosterhub.auth.dependencies import CurrentCaller, Person
from fosterhub.auth.exceptions import InvalidRefresh, OAuthError
from fosterhub.auth.schemas import (
    AccessToken,
    ClientToken,
    LoginRequest,
    Me,
    TotpConfirm,
    TotpEnrolment,
)
from fosterhub.core import audit
from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings, client_ip
from fosterhub.core.errors import Forbidden, problem_responses
from fosterhub.councils import service as councils_service
from fosterhub.users import service as users_service

router = APIRouter(prefix="/auth", tags=["auth"])
REFRESH_COOKIE = "__Host-refresh"


def _no_store(response: Response) -> None:
    # Answers carrying tokens or secrets must not be kept by any cache (RFC 6749 section 5.1).
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"


def _set_refresh_cookie(response: Response, token: str, days: int) -> None:
    _no_store(response)
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=days * 86400,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


@router.post(
    "/login",
    operation_id="auth:login",
    summary="Sign in with email and password (and a one-time code once enrolled)",
    description="Answers an access token and sets the refresh token as an HttpOnly cookie. "
    "Unknown email and wrong password get the same answer. Repeated failures slow sign-in "
    "(429) and then lock it for a while (423), both with `Retry-After`.",
    response_model=AccessToken,
    responses=problem_responses(401, 422, 423, 429),
)
async def login(
    body: LoginRequest,
    request: Request,
    response: Response,
    session: DbSession,
    settings: AppSettings,
) -> AccessToken:
    await request.app.state.rate_limiter.hit(
        "login", settings.rate_limit_login, client_ip(request), exact=True
    )
    user = await service.authenticate(session, settings, body.email, body.password, body.otp)
    issued = await service.issue_for_user(session, settings, user)
    audit.set_actor(
        session,
        audit.Actor(
            type="user",
            id=user.id,
            council_id=user.council_id,
            ip_address=client_ip(request),
            request_id=getattr(request.state, "request_id", None),
        ),
    )
    audit.record(session, "login", "user", user.id)
    _set_refresh_cookie(response, issued.refresh_token, settings.refresh_token_days)
    return AccessToken(access_token=issued.access_token, expires_in=issued.expires_in)


def _oauth_error(error: OAuthError) -> JSONResponse:
    headers = {"Cache-Control": "no-store"}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="fosterhub"'
    return JSONResponse(
        {"error": error.error, "error_description": error.detail},
        status_code=error.status,
        headers=headers,
    )


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization or not authorization.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise OAuthError("invalid_client", "Malformed Basic credentials.", 401) from exc
    client_id, sep, secret = decoded.partition(":")
    if not sep:
        raise OAuthError("invalid_client", "Malformed Basic credentials.", 401)
    return unquote(client_id), unquote(secret)


@router.post(
    "/token",
    operation_id="auth:token",
    summary="OAuth2 token endpoint for partner clients (client credentials only)",
    description="Form-encoded `grant_type=client_credentials`, with `client_id` and "
    "`client_secret` by HTTP Basic or in the form, and an optional space-separated `scope`. "
    "Errors use OAuth2's own shape (`invalid_client`, `invalid_scope`, "
    "`unsupported_grant_type`, `invalid_request`).",
    response_model=ClientToken,
    responses={400: {"description": "OAuth2 error"}, 401: {"description": "invalid_client"}},
)
async def token(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Response:
    try:
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("application/x-www-form-urlencoded"):
            raise OAuthError("invalid_request", "Send the request form-encoded.")
        form = await request.form()
        grant_type = str(form.get("grant_type") or "")
        if grant_type != "client_credentials":
            raise OAuthError(
                "unsupported_grant_type" if grant_type else "invalid_request",
                "Only grant_type=client_credentials is supported.",
            )
        basic = _basic_credentials(authorization)
        if basic and form.get("client_secret"):
            raise OAuthError("invalid_request", "Use one client authentication method only.")
        client_id, secret = basic or (
            str(form.get("client_id") or ""),
            str(form.get("client_secret") or ""),
        )
        if not client_id or not secret:
            raise OAuthError("invalid_client", "Client authentication failed.", 401)
        scope = str(form["scope"]) if form.get("scope") else None
        access, expires_in, granted = await service.client_credentials(
            session, settings, client_id, secret, scope
        )
    except OAuthError as error:
        return _oauth_error(error)
    body = ClientToken(access_token=access, expires_in=expires_in, scope=granted)
    return JSONResponse(body.model_dump(), headers={"Cache-Control": "no-store"})


@router.post(
    "/refresh",
    operation_id="auth:refresh",
    summary="Trade the refresh cookie for a new access token (the cookie rotates)",
    description="Needs the `__Host-refresh` cookie and an `X-Requested-With` header. Re-using "
    "a spent refresh token ends every session of its chain.",
    response_model=AccessToken,
    responses=problem_responses(401, 403),
)
async def refresh(
    response: Response,
    session: DbSession,
    settings: AppSettings,
    x_requested_with: Annotated[str | None, Header()] = None,
    refresh_cookie: Annotated[str | None, Cookie(alias=REFRESH_COOKIE)] = None,
) -> AccessToken:
    if not x_requested_with:
        raise Forbidden("Send an X-Requested-With header with this request.")
    if not refresh_cookie or len(refresh_cookie) > 256:
        raise InvalidRefresh()
    issued = await service.rotate(session, settings, refresh_cookie)
    _set_refresh_cookie(response, issued.refresh_token, settings.refresh_token_days)
    return AccessToken(access_token=issued.access_token, expires_in=issued.expires_in)


@router.post(
    "/logout",
    operation_id="auth:logout",
    summary="Sign out: the refresh chain of this session is revoked",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401),
)
async def logout(session: DbSession, caller: CurrentCaller) -> Response:
    if caller.family_id:
        await service.revoke_family(session, caller.family_id)
    response = Response(status_code=204)
    response.delete_cookie(REFRESH_COOKIE, path="/", secure=True, httponly=True, samesite="strict")
    return response


@router.get(
    "/me",
    operation_id="auth:me",
    summary="Who the token belongs to",
    response_model=Me,
    response_model_exclude_none=True,
    responses=problem_responses(401),
)
async def me(session: DbSession, caller: CurrentCaller) -> Me:
    council = await councils_service.get_by_id(session, caller.council_id)
    if caller.kind == "client":
        return Me(client_id=caller.id, council=council.slug, scopes=sorted(caller.scopes))
    user = await users_service.get(session, caller.id, audit_read=False)
    return Me(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        council=council.slug,
        roles=sorted(user.roles),
        region=caller.region_id,
        region_slug=(
            await councils_service.region_slug(session, caller.region_id)
            if caller.region_id
            else None
        ),
        totp_enabled=user.totp_enabled_at is not None,
    )


@router.post(
    "/totp/enrol",
    operation_id="auth:totp_enrol",
    summary="Start setting up a one-time code (TOTP) for your account",
    description="Answers a secret and an otpauth:// URI to show as a QR code. Nothing changes "
    "at sign-in until the first code is confirmed.",
    response_model=TotpEnrolment,
    responses=problem_responses(401, 403, 409),
)
async def totp_enrol(session: DbSession, caller: Person, response: Response) -> TotpEnrolment:
    user = await users_service.get(session, caller.id, audit_read=False)
    secret = await service.start_totp_enrolment(user)
    _no_store(response)
    audit.record(session, "update", "user", user.id, detail={"fields": ["totp_secret"]})
    return TotpEnrolment(secret=secret, otpauth_uri=service.totp_uri(user, secret))


@router.post(
    "/totp/confirm",
    operation_id="auth:totp_confirm",
    summary="Confirm a one-time code: from now on sign-in asks for one",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 409, 422),
)
async def totp_confirm(body: TotpConfirm, session: DbSession, caller: Person) -> Response:
    user = await users_service.get(session, caller.id, audit_read=False)
    await service.confirm_totp(session, user, body.code)
    audit.record(session, "update", "user", user.id, detail={"fields": ["totp_enabled_at"]})
    return Response(status_code=204)


jwks_router = APIRouter(tags=["auth"])


@jwks_router.get(
    "/.well-known/jwks.json",
    operation_id="auth:jwks",
    summary="Public keys that verify this service's access tokens",
)
async def jwks(settings: AppSettings) -> dict[str, list[dict[str, str]]]:
    return tokens.jwks(settings)
