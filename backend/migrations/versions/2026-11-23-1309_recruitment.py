"""Recruitment: enquiries and their history, campaigns, referrals, carer households.

Revision ID: f5f54d9d7eca
Revises: e6fa0338226f
Created: 2026-11-23 13:09:22.650612+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'f5f54d9d7eca'
down_revision: str | None = 'e6fa0338226f'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('scheduled_job_run',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_scheduled_job_run'))
    )
    op.create_table('campaign',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('cost_pence', sa.Integer(), nullable=True),
    sa.Column('partner_organisation', sa.String(length=200), nullable=True),
    sa.Column('ambassador_type', sa.String(length=32), nullable=True),
    sa.Column('scans', sa.Integer(), nullable=False),
    sa.Column('last_scanned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_campaign_council_id_council'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_campaign')),
    sa.UniqueConstraint('code', name=op.f('uq_campaign_code'))
    )
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_campaign_council_id'), ['council_id'], unique=False)

    op.create_table('enquiry',
    sa.Column('reference', sa.String(length=16), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stage_entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('close_reason', sa.String(length=8), nullable=True),
    sa.Column('first_name', sa.String(length=100), nullable=False),
    sa.Column('last_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('postcode', sa.String(length=8), nullable=True),
    sa.Column('preferred_contact', sa.String(length=16), nullable=True),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('household', sa.JSON(), nullable=True),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('referral_household_id', sa.String(length=36), nullable=True),
    sa.Column('utm', sa.JSON(), nullable=True),
    sa.Column('privacy_notice_version', sa.String(length=20), nullable=False),
    sa.Column('contact_ok', sa.Boolean(), nullable=False),
    sa.Column('marketing_ok', sa.Boolean(), nullable=False),
    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('assigned_to_id', sa.String(length=36), nullable=True),
    sa.Column('failed_contact_attempts', sa.Integer(), nullable=False),
    sa.Column('last_contact_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('duplicate_of_id', sa.String(length=36), nullable=True),
    sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assigned_to_id'], ['user_account.id'], name=op.f('fk_enquiry_assigned_to_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaign.id'], name=op.f('fk_enquiry_campaign_id_campaign'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_enquiry_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['enquiry.id'], name=op.f('fk_enquiry_duplicate_of_id_enquiry'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enquiry')),
    sa.UniqueConstraint('reference', name=op.f('uq_enquiry_reference'))
    )
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enquiry_assigned_to_id'), ['assigned_to_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index('ix_enquiry_council_email', ['council_id', 'email'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_enquiry_council_phone', ['council_id', 'phone'], unique=False)
        batch_op.create_index('ix_enquiry_council_received', ['council_id', 'received_at', 'id'], unique=False)
        batch_op.create_index('ix_enquiry_council_stage_due', ['council_id', 'stage', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_duplicate_of_id'), ['duplicate_of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_referral_household_id'), ['referral_household_id'], unique=False)

    op.create_table('carer_household',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('adults', sa.JSON(), nullable=False),
    sa.Column('enquiry_id', sa.String(length=36), nullable=True),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('fostering_types', sa.JSON(), nullable=False),
    sa.Column('age_min', sa.Integer(), nullable=False),
    sa.Column('age_max', sa.Integer(), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_changed_on', sa.Date(), nullable=True),
    sa.Column('deregistered_on', sa.Date(), nullable=True),
    sa.Column('deregistration_reason', sa.String(length=32), nullable=True),
    sa.Column('referral_code', sa.String(length=16), nullable=False),
    sa.Column('is_champion', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_carer_household_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiry.id'], name=op.f('fk_carer_household_enquiry_id_enquiry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_carer_household_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carer_household')),
    sa.UniqueConstraint('enquiry_id', name=op.f('uq_carer_household_enquiry_id')),
    sa.UniqueConstraint('referral_code', name=op.f('uq_carer_household_referral_code'))
    )
    with op.batch_alter_table('carer_household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_carer_household_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_carer_household_council_status', ['council_id', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_carer_household_user_id'), ['user_id'], unique=False)

    op.create_table('contact_attempt',
    sa.Column('enquiry_id', sa.String(length=36), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.String(length=64), nullable=True),
    sa.Column('attempted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_contact_attempt_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiry.id'], name=op.f('fk_contact_attempt_enquiry_id_enquiry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_attempt'))
    )
    # enquiry <-> carer_household refer to each other: the second key is added afterwards.
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.create_foreign_key(
            op.f('fk_enquiry_referral_household_id_carer_household'), 'carer_household',
            ['referral_household_id'], ['id'], ondelete='SET NULL',
        )

    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_attempt_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contact_attempt_enquiry_id'), ['enquiry_id'], unique=False)

    op.create_table('enquiry_note',
    sa.Column('enquiry_id', sa.String(length=36), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_enquiry_note_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiry.id'], name=op.f('fk_enquiry_note_enquiry_id_enquiry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enquiry_note'))
    )
    with op.batch_alter_table('enquiry_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enquiry_note_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enquiry_note_enquiry_id'), ['enquiry_id'], unique=False)

    op.create_table('stage_transition',
    sa.Column('enquiry_id', sa.String(length=36), nullable=False),
    sa.Column('from_stage', sa.String(length=20), nullable=True),
    sa.Column('to_stage', sa.String(length=20), nullable=False),
    sa.Column('reason_code', sa.String(length=8), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('actor_id', sa.String(length=64), nullable=True),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_stage_transition_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiry.id'], name=op.f('fk_stage_transition_enquiry_id_enquiry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_transition'))
    )
    with op.batch_alter_table('stage_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_transition_council_id'), ['council_id'], unique=False)
        batch_op.create_index('ix_stage_transition_council_to', ['council_id', 'to_stage', 'occurred_at'], unique=False)
        batch_op.create_index('ix_stage_transition_enquiry', ['enquiry_id', 'occurred_at'], unique=False)

    op.create_table('referral',
    sa.Column('household_id', sa.String(length=36), nullable=False),
    sa.Column('enquiry_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reward_pence', sa.Integer(), nullable=True),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('paid_by_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('council_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['council.id'], name=op.f('fk_referral_council_id_council'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enquiry_id'], ['enquiry.id'], name=op.f('fk_referral_enquiry_id_enquiry'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['household_id'], ['carer_household.id'], name=op.f('fk_referral_household_id_carer_household'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('enquiry_id', name=op.f('uq_referral_enquiry_id'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_council_id'), ['council_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_household_id'), ['household_id'], unique=False)

    with op.batch_alter_table('council', schema=None) as batch_op:
        batch_op.add_column(sa.Column('latitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.Float(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f('fk_enquiry_referral_household_id_carer_household'), type_='foreignkey'
        )
    with op.batch_alter_table('council', schema=None) as batch_op:
        batch_op.drop_column('longitude')
        batch_op.drop_column('latitude')

    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_household_id'))
        batch_op.drop_index(batch_op.f('ix_referral_council_id'))

    op.drop_table('referral')
    with op.batch_alter_table('stage_transition', schema=None) as batch_op:
        batch_op.drop_index('ix_stage_transition_enquiry')
        batch_op.drop_index('ix_stage_transition_council_to')
        batch_op.drop_index(batch_op.f('ix_stage_transition_council_id'))

    op.drop_table('stage_transition')
    with op.batch_alter_table('enquiry_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enquiry_note_enquiry_id'))
        batch_op.drop_index(batch_op.f('ix_enquiry_note_council_id'))

    op.drop_table('enquiry_note')
    with op.batch_alter_table('contact_attempt', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_attempt_enquiry_id'))
        batch_op.drop_index(batch_op.f('ix_contact_attempt_council_id'))

    op.drop_table('contact_attempt')
    with op.batch_alter_table('carer_household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_carer_household_user_id'))
        batch_op.drop_index('ix_carer_household_council_status')
        batch_op.drop_index(batch_op.f('ix_carer_household_council_id'))

    op.drop_table('carer_household')
    with op.batch_alter_table('enquiry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enquiry_referral_household_id'))
        batch_op.drop_index(batch_op.f('ix_enquiry_event_id'))
        batch_op.drop_index(batch_op.f('ix_enquiry_duplicate_of_id'))
        batch_op.drop_index('ix_enquiry_council_stage_due')
        batch_op.drop_index('ix_enquiry_council_received')
        batch_op.drop_index('ix_enquiry_council_phone')
        batch_op.drop_index(batch_op.f('ix_enquiry_council_id'))
        batch_op.drop_index('ix_enquiry_council_email')
        batch_op.drop_index(batch_op.f('ix_enquiry_campaign_id'))
        batch_op.drop_index(batch_op.f('ix_enquiry_assigned_to_id'))

    op.drop_table('enquiry')
    with op.batch_alter_table('campaign', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_campaign_council_id'))

    op.drop_table('campaign')
    op.drop_table('scheduled_job_run')
