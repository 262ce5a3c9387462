"""The bank-holiday calendar the reports count working days with, and the reports' indexes."""

from datetime import date

from sqlalchemy import Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from fosterhub.core.db import Base
from fosterhub.enquiries.models import Enquiry, StageTransition


class BankHoliday(Base):
    """A bank holiday in England and Wales that falls on a weekday (2000-2100).

    Seeded by its migration with the dates the `holidays` rules (as used by `core.workdays`)
    gave when it was written, so SQL and Python agree on what a working day is; a newly
    declared bank holiday is a new migration. `day_number` is the Julian day number, which both
    databases compute from a timestamp (`reports.dialect.day_number`).
    """

    __tablename__ = "bank_holiday"

    day: Mapped[date] = mapped_column(primary_key=True)
    day_number: Mapped[int] = mapped_column(Integer, unique=True)


# Declared here, beside the queries that need them, rather than in the enquiries domain.
# Each is narrow enough that PostgreSQL answers from the index alone (`INCLUDE` columns are
# PostgreSQL's; SQLite builds the same index without them).

# A council's moves in a period (activity, time in stage, and the cohort's moves, which all
# happen after the period starts): one range of this index, no table pages.
Index(
    "ix_stage_transition_council_occurred",
    StageTransition.council_id,
    StageTransition.occurred_at,
    postgresql_include=["enquiry_id", "from_stage", "from_entered_at", "to_stage"],
)
# The enquiries received in a period, with what the cohort (now and furthest stages) and its
# channel split read.
Index(
    "ix_enquiry_council_received_cover",
    Enquiry.council_id,
    Enquiry.received_at,
    postgresql_include=["id", "stage", "furthest_stage", "channel", "duplicate_of_id"],
)
# When an enquiry entered a stage, for the time-in-stage clocks (with the council, which the
# tenant filter reads).
Index(
    "ix_stage_transition_enquiry_to",
    StageTransition.enquiry_id,
    StageTransition.to_stage,
    StageTransition.occurred_at,
    postgresql_include=["council_id"],
)
# The overdue: open first enquiries (repeats are worked through the first) by stage and due
# time, with the reference the overdue list shows.
Index(
    "ix_enquiry_first_due",
    Enquiry.council_id,
    Enquiry.stage,
    Enquiry.due_at,
    postgresql_include=["reference"],
    postgresql_where=Enquiry.duplicate_of_id.is_(None),
    sqlite_where=Enquiry.duplicate_of_id.is_(None),
)
# A council's repeat enquiries, which the activity funnel leaves out: few, so a small index.
Index(
    "ix_enquiry_council_repeats",
    Enquiry.council_id,
    Enquiry.id,
    postgresql_where=Enquiry.duplicate_of_id.is_not(None),
    sqlite_where=Enquiry.duplicate_of_id.is_not(None),
)
