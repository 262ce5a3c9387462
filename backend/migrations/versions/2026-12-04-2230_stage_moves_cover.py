"""The (council, stage entered, time) index of moves also holds the enquiry, the stage left and
when it was entered, so the time-in-stage report reads a council's stays of a period from the
index alone on PostgreSQL (it had to visit a table page for most of them). SQLite has no
included columns: the index is unchanged there.

Revision ID: 3b7d5e0c1a42
Revises: 8c1f4e2a9d70
Created: 2026-12-04 22:30:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3b7d5e0c1a42"
down_revision: str | None = "8c1f4e2a9d70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_stage_transition_council_to"
COLUMNS = ["council_id", "to_stage", "occurred_at"]


def _recreate(include: list[str]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index(NAME, table_name="stage_transition")
    op.create_index(NAME, "stage_transition", COLUMNS, postgresql_include=include)


def upgrade() -> None:
    _recreate(["enquiry_id", "from_stage", "from_entered_at"])


def downgrade() -> None:
    _recreate([])
