"""The (council, email) and (council, phone) indexes of enquiries also hold the time received,
so the public enquiry's look-up of the same person's earlier enquiry (within 90 days, the
earliest first) reads the index from the window's start and stops at the first match. It
had to read every enquiry that person ever sent, and sort them, on each new one; measured on
PostgreSQL that took the write of an enquiry from about 500 to under 250 microseconds of
database time. The indexes still answer a staff search by email or phone.

Revision ID: 5e2a8c4f7b19
Revises: 3b7d5e0c1a42
Created: 2026-12-06 12:00:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5e2a8c4f7b19"
down_revision: str | None = "3b7d5e0c1a42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _recreate(extra: list[str]) -> None:
    for field in ("email", "phone"):
        name = f"ix_enquiry_council_{field}"
        op.drop_index(name, table_name="enquiry")
        op.create_index(name, "enquiry", ["council_id", field, *extra])


def upgrade() -> None:
    _recreate(["received_at"])


def downgrade() -> None:
    _recreate([])
