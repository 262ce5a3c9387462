"""Partner API clients, refresh tokens and the login throttle."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, utcnow
from fosterhub.core.tenancy import TenantScoped


class ApiClient(IdMixin, TenantScoped, TimestampMixin, Base):
    """A partner council's machine client (OAuth2 client credentials)."""

    __tablename__ = "api_client"

    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(default=list)
    is_active: Mapped[bool] = mapped_column(default=True)
    last_used_at: Mapped[datetime | None] = mapped_column()


class RefreshToken(IdMixin, Base):
    """One link of a rotating chain; the chain is its `family_id`. Only the hash is stored."""

    __tablename__ = "refresh_token"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[str] = mapped_column(String(36), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    revoked_at: Mapped[datetime | None] = mapped_column()


class LoginThrottle(Base):
    """Failed sign-ins per email (hashed, so unknown emails are throttled the same way)."""

    __tablename__ = "login_throttle"

    email_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column()
    locked_until: Mapped[datetime | None] = mapped_column()

    __table_args__ = (Index("ix_login_throttle_locked_until", "locked_until"),)
