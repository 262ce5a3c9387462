"""Enquiries and everything recorded about their way through the pipeline."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow
from fosterhub.core.tenancy import TenantScoped


class Enquiry(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "enquiry"

    reference: Mapped[str] = mapped_column(String(16), unique=True)
    stage: Mapped[str] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    stage_entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The furthest pipeline stage it has entered: stages cannot be skipped, so it has entered
    # every one before it too (the funnel counts on it). A database trigger on each move keeps
    # it (migration of 2026-12-04 21:40), whichever way the move is written.
    furthest_stage: Mapped[str] = mapped_column(
        String(20), default="enquiry", server_default="enquiry"
    )
    # When the next step is due by the council's targets; None when no target applies.
    due_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()
    close_reason: Mapped[str | None] = mapped_column(String(8))

    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    postcode: Mapped[str | None] = mapped_column(String(8))
    preferred_contact: Mapped[str | None] = mapped_column(String(16))
    interests: Mapped[list[str]] = mapped_column(default=list)
    household: Mapped[dict[str, Any] | None] = mapped_column()

    channel: Mapped[str] = mapped_column(String(20))
    campaign_id: Mapped[str | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), index=True
    )
    event_id: Mapped[str | None] = mapped_column(String(36), index=True)
    referral_household_id: Mapped[str | None] = mapped_column(
        ForeignKey("carer_household.id", ondelete="SET NULL", use_alter=True), index=True
    )
    utm: Mapped[dict[str, Any] | None] = mapped_column()

    privacy_notice_version: Mapped[str] = mapped_column(String(20))
    contact_ok: Mapped[bool] = mapped_column(default=True)
    marketing_ok: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)

    assigned_to_id: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    failed_contact_attempts: Mapped[int] = mapped_column(default=0)
    last_contact_at: Mapped[datetime | None] = mapped_column()
    # The same person asking again within 90 days: linked, and not counted twice.
    duplicate_of_id: Mapped[str | None] = mapped_column(
        ForeignKey("enquiry.id", ondelete="SET NULL"), index=True
    )
    erased_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index("ix_enquiry_council_stage_due", "council_id", "stage", "due_at"),
        Index("ix_enquiry_council_received", "council_id", "received_at", "id"),
        # The same person's earlier enquiries, from the start of the repeat window.
        Index("ix_enquiry_council_email", "council_id", "email", "received_at"),
        Index("ix_enquiry_council_phone", "council_id", "phone", "received_at"),
        # Staff search (see the migration of 2026-11-23 17:15): by council and postcode, also
        # for a district's prefix; names by trigram on PostgreSQL.
        Index(
            "ix_enquiry_council_postcode",
            "council_id",
            "postcode",
            postgresql_ops={"postcode": "varchar_pattern_ops"},
        ),
        Index(
            "ix_enquiry_name_search",
            text("lower((first_name || ' ') || last_name)"),
            postgresql_using="gin",
            postgresql_ops={"lower((first_name || ' ') || last_name)": "gin_trgm_ops"},
        ),
    )


class StageTransition(IdMixin, TenantScoped, Base):
    """One move of an enquiry; the first has no `from_stage` (the enquiry arriving)."""

    __tablename__ = "stage_transition"

    enquiry_id: Mapped[str] = mapped_column(ForeignKey("enquiry.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String(20))
    # When the enquiry entered `from_stage` (its latest entry), so a stay's length needs no
    # look-up of earlier moves. Null for the first move, and where a history was written
    # without it: the reports then look the entry up.
    from_entered_at: Mapped[datetime | None] = mapped_column()
    to_stage: Mapped[str] = mapped_column(String(20))
    reason_code: Mapped[str | None] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_stage_transition_enquiry", "enquiry_id", "occurred_at"),
        # A council's moves into some stages in a period; the included columns let the time
        # in stage report read its stays from the index alone (PostgreSQL).
        Index(
            "ix_stage_transition_council_to",
            "council_id",
            "to_stage",
            "occurred_at",
            postgresql_include=["enquiry_id", "from_stage", "from_entered_at"],
        ),
    )


class ContactAttempt(IdMixin, TenantScoped, Base):
    __tablename__ = "contact_attempt"

    enquiry_id: Mapped[str] = mapped_column(
        ForeignKey("enquiry.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(String(64))
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)


class EnquiryNote(IdMixin, TenantScoped, Base):
    __tablename__ = "enquiry_note"

    enquiry_id: Mapped[str] = mapped_column(
        ForeignKey("enquiry.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
