"""Events and training: events and their co-hosts, registrations, calendar addresses,
training courses and completions.

Revision ID: b7e1c0a5e001
Revises: d4e5a1b2c3f4
Created: 2026-11-23 13:45:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'b7e1c0a5e001'
down_revision: str | None = 'd4e5a1b2c3f4'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('training_course',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('is_tsd', sa.Boolean(), nullable=False),
    sa.Column('valid_for_months', sa.Integer(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_training_course_council_id_council'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_course')),
    sa.UniqueConstraint('council_id', 'name', name=op.f('uq_training_course_council_id_name'))
    )
    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_course_council_id'), ['council_id'], unique=False)

    op.create_table('calendar_feed',
    sa.Column('user_id', sa.String(length=36), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_calendar_feed_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_calendar_feed_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feed')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_calendar_feed_token_hash')),
    sa.UniqueConstraint('user_id', name=op.f('uq_calendar_feed_user_id'))
    )
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feed_council_id'), ['council_id'], unique=False)

    op.create_table('event',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('venue_name', sa.String(length=200), nullable=True),
    sa.Column('venue_address', sa.String(length=500), nullable=True),
    sa.Column('venue_postcode', sa.String(length=8), nullable=True),
    sa.Column('venue_latitude', sa.Float(), nullable=True),
    sa.Column('venue_longitude', sa.Float(), nullable=True),
    sa.Column('online_url', sa.String(length=500), nullable=True),
    sa.Column('partner_organisation', sa.String(length=200), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('audience', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('course_id', sa.String(length=36), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancellation_reason', sa.Text(), nullable=True),
    sa.Column('created_by_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_event_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_event_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['course_id'], ['training_course.id'], name=op.f('fk_event_course_id_training_course'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event'))
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_event_council_starts', ['council_id', 'starts_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_course_id'), ['course_id'], unique=False)
        batch_op.create_index('ix_event_listing', ['status', 'audience', 'ends_at'], unique=False)

    op.create_table('event_cohost',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_event_cohost_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_cohost_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'council_id', name=op.f('pk_event_cohost'))
    )
    with op.batch_alter_table('event_cohost', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_cohost_council_id'), ['council_id'], unique=False)

    op.create_table('event_registration',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('access_needs', sa.Text(), nullable=True),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('waitlisted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancelled_by', sa.String(length=16), nullable=True),
    sa.Column('checked_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('cancel_token_hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_event_registration_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_registration_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_event_registration_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_registration')),
    sa.UniqueConstraint('cancel_token_hash', name=op.f('uq_event_registration_cancel_token_hash')),
    sa.UniqueConstraint('event_id', 'email', name=op.f('uq_event_registration_event_id_email'))
    )
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_registration_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_event_registration_event_status', ['event_id', 'status', 'waitlisted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_registration_user_id'), ['user_id'], unique=False)

    op.create_table('training_completion',
    sa.Column('course_id', sa.String(length=36), nullable=False),
    sa.Column('household_id', sa.String(length=36), nullable=True),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('person_name', sa.String(length=200), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('registration_id', sa.String(length=36), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('recorded_by_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_training_completion_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['course_id'], ['training_course.id'], name=op.f('fk_training_completion_course_id_training_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_training_completion_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['household_id'], ['carer_household.id'], name=op.f('fk_training_completion_household_id_carer_household'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registration_id'], ['event_registration.id'], name=op.f('fk_training_completion_registration_id_event_registration'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_training_completion_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_completion')),
    sa.UniqueConstraint('registration_id', name=op.f('uq_training_completion_registration_id'))
    )
    with op.batch_alter_table('training_completion', schema=None) as batch_op:
        batch_op.create_index('ix_training_completion_council_course', ['council_id', 'course_id', 'completed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_completion_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_completion_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_completion_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_completion_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_completion_user_id'), ['user_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('training_completion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_completion_user_id'))
        batch_op.drop_index(batch_op.f('ix_training_completion_household_id'))
        batch_op.drop_index(batch_op.f('ix_training_completion_event_id'))
        batch_op.drop_index(batch_op.f('ix_training_completion_course_id'))
        batch_op.drop_index(batch_op.f('ix_training_completion_council_id'))
        batch_op.drop_index('ix_training_completion_council_course')

    op.drop_table('training_completion')
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_registration_user_id'))
        batch_op.drop_index('ix_event_registration_event_status')
        batch_op.drop_index(batch_op.f('ix_event_registration_council_id'))

    op.drop_table('event_registration')
    with op.batch_alter_table('event_cohost', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_cohost_council_id'))

    op.drop_table('event_cohost')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index('ix_event_listing')
        batch_op.drop_index(batch_op.f('ix_event_course_id'))
        batch_op.drop_index('ix_event_council_starts')
        batch_op.drop_index(batch_op.f('ix_event_council_id'))
        batch_op.drop_index(batch_op.f('ix_event_campaign_id'))

    op.drop_table('event')
    with op.batch_alter_table('calendar_feed', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feed_council_id'))

    op.drop_table('calendar_feed')
    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_course_council_id'))

    op.drop_table('training_course')
