"""Training courses and the completions that make up each carer's training record."""

from datetime import date

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin
from fosterhub.core.tenancy import TenantScoped


class TrainingCourse(IdMixin, TenantScoped, TimestampMixin, VersionedMixin, Base):
    """Skills to Foster, safer caring, first aid...: a council's own catalogue."""

    __tablename__ = "training_course"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    # Part of the Training, Support and Development Standards every new carer completes.
    is_tsd: Mapped[bool] = mapped_column(default=False)
    valid_for_months: Mapped[int | None] = mapped_column()  # None: never expires
    is_active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (UniqueConstraint("council_id", "name"),)


class TrainingCompletion(IdMixin, TenantScoped, TimestampMixin, Base):
    """A course completed by a carer household (or an applicant, before approval, by their
    account: the record follows the account once it is linked to a household)."""

    __tablename__ = "training_completion"

    course_id: Mapped[str] = mapped_column(
        ForeignKey("training_course.id", ondelete="CASCADE"), index=True
    )
    household_id: Mapped[str | None] = mapped_column(
        ForeignKey("carer_household.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[str | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    person_name: Mapped[str | None] = mapped_column(String(200))
    completed_on: Mapped[date] = mapped_column()
    expires_on: Mapped[date | None] = mapped_column()
    source: Mapped[str] = mapped_column(String(16))  # staff | check_in
    event_id: Mapped[str | None] = mapped_column(
        ForeignKey("event.id", ondelete="SET NULL"), index=True
    )
    # A check-in records a completion once, however often it is repeated.
    registration_id: Mapped[str | None] = mapped_column(
        ForeignKey("event_registration.id", ondelete="SET NULL"), unique=True
    )
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (
        Index("ix_training_completion_council_course", "council_id", "course_id", "completed_on"),
    )
