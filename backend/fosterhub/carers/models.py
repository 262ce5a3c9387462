"""Approved foster carer households: who they are, their terms of approval, their status."""

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin
from fosterhub.core.tenancy import TenantScoped


class CarerHousehold(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "carer_household"

    name: Mapped[str] = mapped_column(String(200))
    adults: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    enquiry_id: Mapped[str | None] = mapped_column(
        ForeignKey("enquiry.id", ondelete="SET NULL"), unique=True
    )
    user_id: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    approved_on: Mapped[date] = mapped_column()
    fostering_types: Mapped[list[str]] = mapped_column(default=list)
    age_min: Mapped[int] = mapped_column(default=0)
    age_max: Mapped[int] = mapped_column(default=17)
    places: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(16), default="approved")  # approved|on_hold|...
    status_changed_on: Mapped[date | None] = mapped_column()
    deregistered_on: Mapped[date | None] = mapped_column()
    deregistration_reason: Mapped[str | None] = mapped_column(String(32))
    referral_code: Mapped[str] = mapped_column(String(16), unique=True)
    is_champion: Mapped[bool] = mapped_column(default=False)

    __table_args__ = (Index("ix_carer_household_council_status", "council_id", "status"),)
