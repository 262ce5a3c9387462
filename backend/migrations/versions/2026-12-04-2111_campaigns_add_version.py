"""Campaigns are changed with If-Match (PATCH /campaigns/{id}): each keeps a version, as every
record that answers an ETag does. Existing campaigns start at 1.

Revision ID: d9e1069ce5b9
Revises: f1c7d2a9b4e6
Created: 2026-12-04 21:11:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d9e1069ce5b9"
down_revision: str | None = "f1c7d2a9b4e6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "campaign", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )


def downgrade() -> None:
    op.drop_column("campaign", "version")
