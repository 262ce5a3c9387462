"""Sign-in, token issue and rotation, partner client credentials, TOTP enrolment."""

import hashlib
import hmac
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pyotp
from sqlalchemy import case, delete, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from fosterhub.auth import passwords, tokens
from fosterhub.auth.exceptions import (
    AccountLocked,
    InvalidCredentials,
    InvalidOtp,
    InvalidRefresh,
    LoginSlowedDown,
    OAuthError,
    OtpRequired,
)
from fosterhub.auth.models import ApiClient, LoginThrottle, RefreshToken
from fosterhub.auth.roles import SCOPES, STAFF_ROLES
from fosterhub.config import Settings
from fosterhub.core import tenancy
from fosterhub.core.db import new_id, utcnow
from fosterhub.core.errors import Conflict, InvalidInput
from fosterhub.users import repository as users_repository
from fosterhub.users.models import User

FAILURE_WINDOW = timedelta(minutes=15)


@dataclass
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str
    user: User


def _email_hash(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


async def _check_throttle(session: AsyncSession, settings: Settings, key: str) -> None:
    throttle = await session.get(LoginThrottle, key)
    if throttle is None:
        return
    now = utcnow()
    if throttle.locked_until and throttle.locked_until > now:
        wait = math.ceil((throttle.locked_until - now).total_seconds())
        raise AccountLocked(
            "Sign-in is locked after repeated failures. Try again later or reset your password.",
            headers={"Retry-After": str(wait)},
        )
    recent = throttle.last_failure_at and now - throttle.last_failure_at <= FAILURE_WINDOW
    if recent and throttle.failures >= settings.login_slowdown_after and throttle.last_failure_at:
        delay = timedelta(seconds=min(2 ** (throttle.failures - settings.login_slowdown_after), 60))
        ready_at = throttle.last_failure_at + delay
        if ready_at > now:
            raise LoginSlowedDown(
                "Wait a moment before trying again.",
                headers={"Retry-After": str(math.ceil((ready_at - now).total_seconds()))},
            )


async def _record_failure(session: AsyncSession, settings: Settings, key: str) -> None:
    """One atomic upsert, so concurrent failures for one email are all counted."""
    now = utcnow()
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    window_start = now - FAILURE_WINDOW
    stmt = insert(LoginThrottle).values(email_hash=key, failures=1, last_failure_at=now)
    failures = case(
        (LoginThrottle.last_failure_at < window_start, 1), else_=LoginThrottle.failures + 1
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[LoginThrottle.email_hash],
        set_={"failures": failures, "last_failure_at": now},
    )
    await session.execute(stmt)
    await session.execute(
        update(LoginThrottle)
        .where(
            LoginThrottle.email_hash == key,
            LoginThrottle.failures >= settings.login_lock_after,
        )
        .values(locked_until=now + timedelta(minutes=settings.login_lock_minutes))
        .execution_options(synchronize_session=False)
    )


async def _fail(
    session: AsyncSession, settings: Settings, key: str, error: InvalidCredentials | InvalidOtp
) -> Exception:
    await _record_failure(session, settings, key)
    error.keep_changes = True
    return error


async def authenticate(
    session: AsyncSession, settings: Settings, email: str, password: str, otp: str | None
) -> User:
    """The person with these credentials; the same error and cost for any wrong combination."""
    tenancy.unscoped(session)  # sign-in finds the person before anyone knows their council
    key = _email_hash(email)
    await _check_throttle(session, settings, key)
    user = await users_repository.by_email(session, email)
    ok = passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.is_active:
        raise await _fail(session, settings, key, InvalidCredentials())
    if user.totp_enabled_at is not None and user.totp_secret:
        if not otp:
            raise OtpRequired("This account uses a one-time code: send it as `otp`.")
        if not await _use_code(session, user, user.totp_secret, otp):
            raise await _fail(session, settings, key, InvalidOtp())
    await session.execute(delete(LoginThrottle).where(LoginThrottle.email_hash == key))
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    user.last_login_at = utcnow()
    return user


async def check_password_guess(
    session: AsyncSession, settings: Settings, user: User, password: str
) -> bool:
    """Checks a password given to an already signed-in person (changing their password).
    Wrong guesses count against the same throttle as sign-in, so a stolen access token
    cannot be used to guess the password either."""
    key = _email_hash(user.email)
    await _check_throttle(session, settings, key)
    if passwords.verify_password(user.password_hash, password):
        return True
    await _record_failure(session, settings, key)
    return False


def access_claims(user: User, family_id: str | None) -> dict[str, object]:
    claims: dict[str, object] = {
        "typ": "user",
        "council": user.council_id,
        "roles": sorted(user.roles),
    }
    if user.region_id:
        claims["region"] = user.region_id
    if family_id:
        claims["fam"] = family_id
    return claims


async def issue_for_user(
    session: AsyncSession, settings: Settings, user: User, family_id: str | None = None
) -> IssuedTokens:
    family_id = family_id or new_id()
    refresh_plain = passwords.new_secret()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=passwords.hash_secret(refresh_plain),
            expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
        )
    )
    access, expires_in = tokens.issue(settings, user.id, access_claims(user, family_id))
    return IssuedTokens(access, expires_in, refresh_plain, user)


async def revoke_family(session: AsyncSession, family_id: str) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


# Whether a token's owner is still active, remembered briefly per process: a deactivated
# person or client is refused at once by the replica that deactivated them, and within
# ACTIVE_TTL seconds by every other replica, for one indexed lookup per owner per window.
ACTIVE_TTL = 30.0
_active: dict[str, tuple[bool, float]] = {}


async def is_active(session: AsyncSession, kind: str, subject: str) -> bool:
    now = time.monotonic()
    cached = _active.get(f"{kind}:{subject}")
    if cached and cached[1] > now:
        return cached[0]
    if kind == "user":
        found = await session.scalar(select(User.is_active).where(User.id == subject))
    else:
        found = await session.scalar(
            select(ApiClient.is_active).where(ApiClient.client_id == subject)
        )
    active = bool(found)
    if len(_active) > 50_000:
        _active.clear()
    _active[f"{kind}:{subject}"] = (active, now + ACTIVE_TTL)
    return active


def forget_active(kind: str, subject: str) -> None:
    _active.pop(f"{kind}:{subject}", None)


async def revoke_all_for_user(
    session: AsyncSession, user_id: str, *, except_family: str | None = None
) -> None:
    """Ends every refresh chain of the person, but `except_family` (the session asking)."""
    stmt = update(RefreshToken).where(
        RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
    )
    if except_family is not None:
        stmt = stmt.where(RefreshToken.family_id != except_family)
    await session.execute(stmt.values(revoked_at=utcnow()))


async def rotate(session: AsyncSession, settings: Settings, refresh_plain: str) -> IssuedTokens:
    """Spends a refresh token for a new pair. Spending one twice revokes its whole family."""
    tenancy.unscoped(session)
    stored = await session.scalar(
        select(RefreshToken)
        .where(RefreshToken.token_hash == passwords.hash_secret(refresh_plain))
        .with_for_update()
    )
    now = utcnow()
    if stored is None:
        raise InvalidRefresh()
    if stored.used_at is not None or stored.revoked_at is not None:
        # A dead token came back: someone holds a copy. End every session of the chain.
        await revoke_family(session, stored.family_id)
        error = InvalidRefresh("This session was ended for your safety: sign in again.")
        error.keep_changes = True
        raise error
    if stored.expires_at <= now:
        raise InvalidRefresh()
    user = await users_repository.by_id(session, stored.user_id)
    if user is None or not user.is_active:
        raise InvalidRefresh()
    stored.used_at = now
    return await issue_for_user(session, settings, user, stored.family_id)


async def client_credentials(
    session: AsyncSession,
    settings: Settings,
    client_id: str,
    client_secret: str,
    scope: str | None,
) -> tuple[str, int, str]:
    tenancy.unscoped(session)
    client = await session.scalar(select(ApiClient).where(ApiClient.client_id == client_id))
    expected = client.secret_hash if client else passwords.hash_secret("-")
    if not passwords.secrets_equal(expected, passwords.hash_secret(client_secret)) or not (
        client and client.is_active
    ):
        raise OAuthError("invalid_client", "Client authentication failed.", status=401)
    granted = set(client.scopes)
    if scope:
        asked = set(scope.split())
        if not asked <= SCOPES or not asked <= granted:
            raise OAuthError("invalid_scope", "The client may not have the requested scope.")
        granted = asked
    client.last_used_at = utcnow()
    scope_text = " ".join(sorted(granted))
    claims = {"typ": "client", "council": client.council_id, "scope": scope_text}
    access, expires_in = tokens.issue(settings, client.client_id, claims)
    return access, expires_in, scope_text


async def create_client(
    session: AsyncSession, council_id: str, name: str, scopes: list[str]
) -> tuple[ApiClient, str]:
    unknown = set(scopes) - SCOPES
    if unknown:
        raise ValueError(f"unknown scope(s): {', '.join(sorted(unknown))}")
    secret = passwords.new_secret()
    client = ApiClient(
        council_id=council_id,
        client_id="fh_" + passwords.new_secret(12),
        name=name,
        secret_hash=passwords.hash_secret(secret),
        scopes=sorted(set(scopes)),
    )
    session.add(client)
    await session.flush()
    return client, secret


async def _use_code(session: AsyncSession, user: User, secret: str, code: str) -> bool:
    """True once for a code of the current time step or one either side (a clock a little
    off). The step is recorded in the same statement that checks it is later than the last
    one used, so a code cannot be used twice, even by two requests at the same moment
    (RFC 6238, section 5.2)."""
    totp = pyotp.TOTP(secret)
    now = time.time()
    for drift in (-1, 0, 1):
        at = now + drift * totp.interval
        if hmac.compare_digest(totp.at(at), code):
            step = totp.timecode(datetime.fromtimestamp(at, UTC))
            taken = await session.execute(
                update(User)
                .where(
                    User.id == user.id,
                    or_(User.totp_last_step.is_(None), User.totp_last_step < step),
                )
                .values(totp_last_step=step)
                .execution_options(synchronize_session=False)
            )
            if _rowcount(taken) == 1:
                set_committed_value(user, "totp_last_step", step)
                return True
    return False


def _rowcount(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def totp_uri(user: User, secret: str, issuer: str = "Foster Hub") -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)


async def start_totp_enrolment(user: User) -> str:
    if user.totp_enabled_at is not None:
        raise Conflict("A one-time code is already set up for this account.")
    user.totp_secret = pyotp.random_base32()
    return user.totp_secret


async def confirm_totp(session: AsyncSession, user: User, code: str) -> None:
    if user.totp_enabled_at is not None:
        raise Conflict("A one-time code is already set up for this account.")
    if not user.totp_secret or not await _use_code(session, user, user.totp_secret, code):
        # 422 naming the field, not 401: the caller's token is fine, only the code is wrong.
        raise InvalidInput.field(
            "code", "That code did not match: check the time on your device and try again."
        )
    user.totp_enabled_at = utcnow()


def is_staff(user: User) -> bool:
    return bool(STAFF_ROLES & set(user.roles))
