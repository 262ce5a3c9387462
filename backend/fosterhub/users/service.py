"""Accounts of people: create, read, change, deactivate; passwords."""

from sqlalchemy.ext.asyncio import AsyncSession

from fosterhub.auth import passwords
from fosterhub.auth import service as auth_service
from fosterhub.auth.roles import STAFF_ROLES
from fosterhub.config import Settings
from fosterhub.core import audit
from fosterhub.core.db import utcnow
from fosterhub.core.errors import FieldError, InvalidInput
from fosterhub.core.pagination import PageParams, paginate
from fosterhub.users import repository
from fosterhub.users.exceptions import EmailTaken, UserNotFound
from fosterhub.users.models import User
from fosterhub.users.schemas import StaffMember, UserCreate, UserCreated, UserOut, UserPatch


def to_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        roles=sorted(user.roles),
        is_active=user.is_active,
        totp_enabled=user.totp_enabled_at is not None,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
    )


async def get(session: AsyncSession, user_id: str, *, audit_read: bool = True) -> User:
    user = await repository.by_id(session, user_id)
    if user is None:
        raise UserNotFound()
    if audit_read:
        audit.record(session, "read", "user", user.id)
    return user


async def list_users(
    session: AsyncSession,
    params: PageParams,
    *,
    q: str | None,
    role: str | None,
    active: bool | None,
) -> tuple[list[User], str | None]:
    stmt = repository.list_query(q=q, role=role, active=active)
    rows, cursor = await paginate(session, stmt, [User.created_at, User.id], params)
    audit.record(session, "list", "user", "*", detail={"count": len(rows)})
    return rows, cursor


async def staff_directory(
    session: AsyncSession, params: PageParams, *, active: bool | None
) -> tuple[list[StaffMember], str | None]:
    rows, cursor = await paginate(
        session,
        repository.staff_query(active=active),
        [User.display_name, User.id],
        params,
    )
    audit.record(session, "list", "user", "*", detail={"view": "staff", "count": len(rows)})
    return [
        StaffMember(
            id=u.id,
            display_name=u.display_name,
            roles=[r for r in u.roles if r in STAFF_ROLES],
            is_active=u.is_active,
        )
        for u in rows
    ], cursor


async def create(
    session: AsyncSession, council_id: str, body: UserCreate, *, region_id: str | None = None
) -> UserCreated:
    email = str(body.email).lower()
    existing = await _any_council_by_email(session, email)
    if existing:
        raise EmailTaken(errors=[FieldError(field="email", message="Already registered")])
    generated = None if body.password else passwords.generate_password()
    user = User(
        council_id=council_id,
        email=email,
        display_name=body.display_name,
        password_hash=passwords.hash_password(body.password or generated or ""),
        roles=list(body.roles),
        region_id=region_id,
        password_changed_at=utcnow(),
    )
    session.add(user)
    await session.flush()
    audit.record(session, "create", "user", user.id)
    return UserCreated(**to_out(user).model_dump(), generated_password=generated)


async def _any_council_by_email(session: AsyncSession, email: str) -> bool:
    # Emails are unique across the deployment (they are the sign-in name), so this one check
    # looks past the tenant scope; it answers only yes or no.
    from sqlalchemy import select

    result = await session.execute(
        select(User.id).where(User.email == email).execution_options(skip_tenant_scope=True)
    )
    return result.first() is not None


async def update(session: AsyncSession, user: User, patch: UserPatch, *, actor_id: str) -> User:
    changes = patch.model_dump(exclude_unset=True)
    if user.id == actor_id:
        if changes.get("is_active") is False:
            raise InvalidInput.field("is_active", "You cannot lock yourself out of administration")
        if "roles" in changes and "admin" not in (changes["roles"] or []) and "admin" in user.roles:
            raise InvalidInput.field("roles", "You cannot lock yourself out of administration")
    for field, value in changes.items():
        if value is None:
            raise InvalidInput.field(field, "May not be null")
        setattr(user, field, sorted(set(value)) if field == "roles" else value)
    if "is_active" in changes:
        auth_service.forget_active("user", user.id)
    if changes.get("is_active") is False:
        await auth_service.revoke_all_for_user(session, user.id)
    await session.flush()
    audit.record(session, "update", "user", user.id, detail={"fields": sorted(changes)})
    return user


async def change_password(
    session: AsyncSession,
    user: User,
    current: str,
    new: str,
    *,
    keep_family: str | None = None,
    settings: Settings,
) -> None:
    """Sets a new password and ends every other session (`keep_family` is the caller's)."""
    if not await auth_service.check_password_guess(session, settings, user, current):
        error = InvalidInput.field("current_password", "Your current password is not right")
        error.keep_changes = True  # the failed guess must count
        raise error
    if current == new:
        raise InvalidInput.field("new_password", "Choose a password different from the current one")
    user.password_hash = passwords.hash_password(new)
    user.password_changed_at = utcnow()
    await auth_service.revoke_all_for_user(session, user.id, except_family=keep_family)
    audit.record(session, "update", "user", user.id, detail={"fields": ["password"]})
