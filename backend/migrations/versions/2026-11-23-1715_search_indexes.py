"""Staff search: indexes for each thing a search matches, so it reads the matching rows only.
On PostgreSQL the names are indexed by trigram (`pg_trgm`, which ships with PostgreSQL), so
"contains" is answered from the index; postcodes by council, also for a district's prefix.

Revision ID: d9a7c3e5b1f2
Revises: c4f2a9e1d7b3
Created: 2026-11-23 17:15:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d9a7c3e5b1f2"
down_revision: str | None = "c4f2a9e1d7b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "lower((first_name || ' ') || last_name)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            f"CREATE INDEX ix_enquiry_name_search ON enquiry USING gin (({NAME}) gin_trgm_ops)"
        )
        op.execute(
            "CREATE INDEX ix_enquiry_council_postcode "
            "ON enquiry (council_id, postcode varchar_pattern_ops)"
        )
    else:
        op.create_index("ix_enquiry_name_search", "enquiry", [sa.text(NAME)])
        op.create_index("ix_enquiry_council_postcode", "enquiry", ["council_id", "postcode"])


def downgrade() -> None:
    op.drop_index("ix_enquiry_council_postcode", table_name="enquiry")
    op.drop_index("ix_enquiry_name_search", table_name="enquiry")
