"""Campaigns and ambassadors (each with a printable code), and carers' referrals."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin
from fosterhub.core.tenancy import TenantScoped


class Campaign(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    """A campaign, an ambassador's personal code, or an event's code: what an enquiry came
    from. `code` is short, unique across the deployment and printed as a QR code."""

    __tablename__ = "campaign"

    kind: Mapped[str] = mapped_column(String(16), default="campaign")  # campaign|ambassador|event
    name: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(16), unique=True)
    starts_on: Mapped[date | None] = mapped_column()
    ends_on: Mapped[date | None] = mapped_column()
    cost_pence: Mapped[int | None] = mapped_column()
    partner_organisation: Mapped[str | None] = mapped_column(String(200))
    ambassador_type: Mapped[str | None] = mapped_column(String(32))  # champion|councillor|...
    scans: Mapped[int] = mapped_column(default=0)
    last_scanned_at: Mapped[datetime | None] = mapped_column()
    is_active: Mapped[bool] = mapped_column(default=True)


class Referral(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    """A carer's referral of a friend: the reward becomes due when the friend is approved."""

    __tablename__ = "referral"

    household_id: Mapped[str] = mapped_column(
        ForeignKey("carer_household.id", ondelete="CASCADE"), index=True
    )
    enquiry_id: Mapped[str] = mapped_column(
        ForeignKey("enquiry.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|due|paid|void
    reward_pence: Mapped[int | None] = mapped_column()
    due_at: Mapped[datetime | None] = mapped_column()
    paid_at: Mapped[datetime | None] = mapped_column()
    paid_by_id: Mapped[str | None] = mapped_column(String(36))
