"""Each enquiry records the furthest pipeline stage it has entered (`enquiry.furthest_stage`),
kept by a trigger on every move and filled in here from the history so far. Stages cannot be
skipped, so the funnel's "how many of the cohort got at least this far" is a count over the
cohort's own rows, read from the covering index, instead of a join with every move.

A trigger rather than the service: every way a move is written (the pipeline, the seeds, a
test's history, a bulk load) keeps the column right. Moves into `enquiry` never raise it, so
the public enquiry's insert does not fire it.

Note for later migrations: SQLite's batch mode rebuilds a table without its triggers; one that
batch-alters `stage_transition` must create `stage_transition_furthest` again.

Revision ID: 8c1f4e2a9d70
Revises: d9e1069ce5b9
Created: 2026-12-04 21:40:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8c1f4e2a9d70"
down_revision: str | None = "d9e1069ce5b9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The pipeline in order; written out (not imported) so this migration never changes.
PIPELINE = (
    "enquiry",
    "initial_contact",
    "initial_visit",
    "application",
    "assessment",
    "panel",
    "approved",
)
LATER = ", ".join(f"'{stage}'" for stage in PIPELINE[1:])


def _rank(expression: str) -> str:
    whens = " ".join(f"WHEN '{stage}' THEN {n}" for n, stage in enumerate(PIPELINE))
    return f"(CASE {expression} {whens} ELSE 0 END)"


BACKFILL = f"""
UPDATE enquiry SET furthest_stage = COALESCE((
    SELECT t.to_stage FROM stage_transition AS t
    WHERE t.enquiry_id = enquiry.id AND t.to_stage IN ({LATER})
    ORDER BY {_rank("t.to_stage")} DESC LIMIT 1
), 'enquiry')
WHERE EXISTS (
    SELECT 1 FROM stage_transition AS t
    WHERE t.enquiry_id = enquiry.id AND t.to_stage IN ({LATER})
)
"""

RAISE = (
    "UPDATE enquiry SET furthest_stage = NEW.to_stage "
    f"WHERE id = NEW.enquiry_id AND {_rank('NEW.to_stage')} > {_rank('furthest_stage')}"
)
PG_TRIGGER = [
    "CREATE FUNCTION enquiry_furthest_stage() RETURNS trigger AS $$ "
    f"BEGIN {RAISE}; RETURN NULL; END; $$ LANGUAGE plpgsql",
    "CREATE TRIGGER stage_transition_furthest AFTER INSERT ON stage_transition "
    f"FOR EACH ROW WHEN (NEW.to_stage IN ({LATER})) "
    "EXECUTE FUNCTION enquiry_furthest_stage()",
]
SQLITE_TRIGGER = [
    "CREATE TRIGGER stage_transition_furthest AFTER INSERT ON stage_transition "
    f"FOR EACH ROW WHEN NEW.to_stage IN ({LATER}) BEGIN {RAISE}; END",
]


def upgrade() -> None:
    op.add_column(
        "enquiry",
        sa.Column("furthest_stage", sa.String(20), nullable=False, server_default="enquiry"),
    )
    op.execute(BACKFILL)
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in PG_TRIGGER if postgres else SQLITE_TRIGGER:
        op.execute(statement)
    op.drop_index("ix_enquiry_council_received_cover", table_name="enquiry")
    op.create_index(
        "ix_enquiry_council_received_cover",
        "enquiry",
        ["council_id", "received_at"],
        unique=False,
        postgresql_include=["id", "stage", "furthest_stage", "channel", "duplicate_of_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_enquiry_council_received_cover", table_name="enquiry")
    op.create_index(
        "ix_enquiry_council_received_cover",
        "enquiry",
        ["council_id", "received_at"],
        unique=False,
        postgresql_include=["id", "stage", "channel", "duplicate_of_id"],
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS stage_transition_furthest ON stage_transition")
        op.execute("DROP FUNCTION IF EXISTS enquiry_furthest_stage()")
    else:
        op.execute("DROP TRIGGER IF EXISTS stage_transition_furthest")
    # Both databases drop a column in place (SQLite since 3.35); batch mode's rebuild of
    # `enquiry` would lose its expression index.
    op.execute("ALTER TABLE enquiry DROP COLUMN furthest_stage")
