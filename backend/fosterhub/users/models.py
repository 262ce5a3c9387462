"""People who sign in: staff, carers, applicants, regional viewers."""

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin
from fosterhub.core.tenancy import TenantScoped


class User(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "user_account"

    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    roles: Mapped[list[str]] = mapped_column(default=list)
    region_id: Mapped[str | None] = mapped_column(String(36))  # for regional_viewer
    is_active: Mapped[bool] = mapped_column(default=True)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column()
    # The time step (30 s) of the last one-time code accepted: a code is good once.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)
    password_changed_at: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
