"""Who is calling: the bearer token checked, the session bound to the caller's council.

Every protected route depends on `require(...)`. It verifies the token, checks the role or
scope, binds the request's database session to the caller's council (so every query after
it is tenant-scoped) and records the caller as the actor of any audit row.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Literal

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from fosterhub.auth import service as auth_service
from fosterhub.auth import tokens
from fosterhub.auth.roles import STAFF_ROLES
from fosterhub.core import audit, tenancy
from fosterhub.core.db import DbSession
from fosterhub.core.deps import AppSettings, client_ip
from fosterhub.core.errors import Forbidden, Unauthorized

_bearer = HTTPBearer(
    auto_error=False, description="An access token from /auth/login or /auth/token"
)


@dataclass(frozen=True)
class Caller:
    kind: Literal["user", "client"]
    id: str
    council_id: str
    region_id: str | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    family_id: str | None = None

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)


def caller_from_claims(claims: dict[str, object]) -> Caller:
    kind = claims.get("typ")
    council = claims.get("council")
    if kind not in ("user", "client") or not isinstance(council, str):
        raise tokens.InvalidToken("unknown token type")
    roles = claims.get("roles") or []
    scope = claims.get("scope") or ""
    return Caller(
        kind=kind,
        id=str(claims["sub"]),
        council_id=council,
        region_id=str(claims["region"]) if claims.get("region") else None,
        roles=frozenset(roles) if isinstance(roles, list) else frozenset(),
        scopes=frozenset(str(scope).split()),
        family_id=str(claims["fam"]) if claims.get("fam") else None,
    )


async def authenticated(
    request: Request,
    session: DbSession,
    settings: AppSettings,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    if credentials is None:
        raise Unauthorized("Send an access token: Authorization: Bearer <token>.")
    try:
        caller = caller_from_claims(tokens.verify(settings, credentials.credentials))
    except tokens.InvalidToken as exc:
        raise Unauthorized(
            "The access token is invalid or has expired.",
            headers={"WWW-Authenticate": 'Bearer realm="fosterhub", error="invalid_token"'},
        ) from exc
    tenancy.bind(session, caller.council_id)
    if not await auth_service.is_active(session, caller.kind, caller.id):
        raise Unauthorized(
            "This account has been deactivated.",
            headers={"WWW-Authenticate": 'Bearer realm="fosterhub", error="invalid_token"'},
        )
    audit.set_actor(
        session,
        audit.Actor(
            type=caller.kind,
            id=caller.id,
            council_id=caller.council_id,
            ip_address=client_ip(request),
            request_id=getattr(request.state, "request_id", None),
        ),
    )
    request.state.caller_key = f"{caller.kind}:{caller.id}"
    return caller


CurrentCaller = Annotated[Caller, Depends(authenticated)]


def require(
    *roles: str, scopes: tuple[str, ...] = (), people_only: bool = False
) -> Callable[..., Awaitable[Caller]]:
    """A dependency admitting people with any of `roles` and clients with any of `scopes`."""
    wanted_roles, wanted_scopes = frozenset(roles), frozenset(scopes)

    async def _check(caller: CurrentCaller) -> Caller:
        if caller.kind == "user" and caller.roles & wanted_roles:
            return caller
        if caller.kind == "client" and not people_only and caller.scopes & wanted_scopes:
            return caller
        raise Forbidden("Your account does not have permission to do this.")

    return _check


STAFF = tuple(sorted(STAFF_ROLES))
Admin = Annotated[Caller, Depends(require("admin"))]
Staff = Annotated[Caller, Depends(require(*STAFF))]
Person = Annotated[
    Caller,
    Depends(
        require(*sorted({*STAFF_ROLES, "carer", "applicant", "regional_viewer"}), people_only=True)
    ),
]
