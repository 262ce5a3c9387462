"""One-time codes are good once: each account records the time step of the last code it
accepted, and sign-in refuses that step or an earlier one.

Revision ID: f1c7d2a9b4e6
Revises: d9a7c3e5b1f2
Created: 2026-11-23 19:30:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f1c7d2a9b4e6"
down_revision: str | None = "d9a7c3e5b1f2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("user_account", sa.Column("totp_last_step", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    op.drop_column("user_account", "totp_last_step")
