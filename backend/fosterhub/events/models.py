"""Events, their co-hosting councils, registrations, and carers' personal calendar feeds."""

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin
from fosterhub.core.tenancy import TenantScoped


class Event(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    """A drop-in, an information evening, a webinar, a stall, a celebration or a training
    session. `council_id` is the hosting council; times are stored in UTC."""

    __tablename__ = "event"

    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    venue_name: Mapped[str | None] = mapped_column(String(200))
    venue_address: Mapped[str | None] = mapped_column(String(500))
    venue_postcode: Mapped[str | None] = mapped_column(String(8))
    # Where the venue's postcode is (when postcode data is loaded): "events near me".
    venue_latitude: Mapped[float | None] = mapped_column(Float)
    venue_longitude: Mapped[float | None] = mapped_column(Float)
    online_url: Mapped[str | None] = mapped_column(String(500))
    partner_organisation: Mapped[str | None] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    capacity: Mapped[int | None] = mapped_column()  # None: no limit
    audience: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    campaign_id: Mapped[str | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), index=True
    )
    course_id: Mapped[str | None] = mapped_column(
        ForeignKey("training_course.id", ondelete="SET NULL"), index=True
    )
    published_at: Mapped[datetime | None] = mapped_column()
    cancelled_at: Mapped[datetime | None] = mapped_column()
    cancellation_reason: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_event_council_starts", "council_id", "starts_at", "id"),
        Index("ix_event_listing", "status", "audience", "ends_at"),
    )


class EventCohost(Base):
    """A council co-hosting another's event: its staff see the event and its registrations.

    Deliberately not `TenantScoped`: the row names two councils (the host through the event,
    the co-host here) and holds no personal data. Reads of the host's rows go through it.
    """

    __tablename__ = "event_cohost"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True
    )
    council_id: Mapped[str] = mapped_column(
        ForeignKey("council.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Registration(IdMixin, TenantScoped, TimestampMixin, Base):
    """A place (or a place on the waiting list) at an event.

    A public registration belongs to the hosting council; a signed-in carer's or applicant's
    booking belongs to their own council (which may be a co-host). Every read of an event's
    registrations goes through the event, so it sees both.
    """

    __tablename__ = "event_registration"

    event_id: Mapped[str] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))  # stored lower-case
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164
    access_needs: Mapped[str | None] = mapped_column(Text)
    user_id: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    # confirmed | waitlisted | cancelled | attended | no_show
    status: Mapped[str] = mapped_column(String(16))
    waitlisted_at: Mapped[datetime | None] = mapped_column()  # the waiting list's order
    confirmed_at: Mapped[datetime | None] = mapped_column()
    cancelled_at: Mapped[datetime | None] = mapped_column()
    cancelled_by: Mapped[str | None] = mapped_column(String(16))  # self | staff | event
    checked_in_at: Mapped[datetime | None] = mapped_column()
    reminded_at: Mapped[datetime | None] = mapped_column()
    # Only the SHA-256 of the cancellation link's token is kept.
    cancel_token_hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (
        UniqueConstraint("event_id", "email"),
        Index("ix_event_registration_event_status", "event_id", "status", "waitlisted_at"),
    )


class CalendarFeed(IdMixin, TenantScoped, TimestampMixin, Base):
    """A person's private iCalendar address; only the token's SHA-256 is kept, and a reset
    replaces it (the old address stops working)."""

    __tablename__ = "calendar_feed"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_used_at: Mapped[datetime | None] = mapped_column()
