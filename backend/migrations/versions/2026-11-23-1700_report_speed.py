"""Report speed. Each move records when the enquiry entered the stage it leaves
(`stage_transition.from_entered_at`, filled in here for the history so far), and the moves
index carries it, so time in stage reads one index range instead of joining every move with
the earlier ones. Two small partial indexes: a council's open first enquiries by stage and due
time (counting and listing the overdue reads no table pages), and its repeat enquiries (which
the activity funnel leaves out).

Revision ID: c4f2a9e1d7b3
Revises: b7e1c0a5e001
Created: 2026-11-23 17:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4f2a9e1d7b3"
down_revision: str | None = "b7e1c0a5e001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The latest entry into the stage a move leaves: the same rule the reports use.
BACKFILL = """
UPDATE stage_transition SET from_entered_at = (
    SELECT max(entry.occurred_at) FROM stage_transition AS entry
    WHERE entry.enquiry_id = stage_transition.enquiry_id
      AND entry.to_stage = stage_transition.from_stage
      AND entry.occurred_at <= stage_transition.occurred_at
)
WHERE from_stage IS NOT NULL
"""


def upgrade() -> None:
    with op.batch_alter_table("stage_transition", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_entered_at", sa.DateTime(timezone=True)))
    op.execute(BACKFILL)
    with op.batch_alter_table("stage_transition", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_transition_council_occurred")
        batch_op.create_index(
            "ix_stage_transition_council_occurred",
            ["council_id", "occurred_at"],
            unique=False,
            postgresql_include=["enquiry_id", "from_stage", "from_entered_at", "to_stage"],
        )
    with op.batch_alter_table("enquiry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_enquiry_first_due",
            ["council_id", "stage", "due_at"],
            unique=False,
            postgresql_include=["reference"],
            postgresql_where=sa.text("duplicate_of_id IS NULL"),
            sqlite_where=sa.text("duplicate_of_id IS NULL"),
        )
        batch_op.create_index(
            "ix_enquiry_council_repeats",
            ["council_id", "id"],
            unique=False,
            postgresql_where=sa.text("duplicate_of_id IS NOT NULL"),
            sqlite_where=sa.text("duplicate_of_id IS NOT NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("enquiry", schema=None) as batch_op:
        batch_op.drop_index("ix_enquiry_council_repeats")
        batch_op.drop_index("ix_enquiry_first_due")
    with op.batch_alter_table("stage_transition", schema=None) as batch_op:
        batch_op.drop_index("ix_stage_transition_council_occurred")
        batch_op.create_index(
            "ix_stage_transition_council_occurred",
            ["council_id", "occurred_at"],
            unique=False,
            postgresql_include=["enquiry_id", "from_stage", "to_stage"],
        )
        batch_op.drop_column("from_entered_at")
