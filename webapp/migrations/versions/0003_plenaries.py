"""plenaries: sessions, agenda items, attendance, proxies

Revision ID: 0003_plenaries
Revises: 0001_foundation
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import cocon.db


revision = '0003_plenaries'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plenaries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('ordinary', 'extraordinary', name='plenarykind', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('ends_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('video_url', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('convened_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('opened_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('closed_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('current_item_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_plenaries_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_plenaries_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plenaries'))
    )
    with op.batch_alter_table('plenaries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plenaries_council_id'), ['council_id'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plenary_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('expected_minutes', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plenary_id'], ['plenaries.id'], name=op.f('fk_agenda_items_plenary_id_plenaries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_plenary_id'), ['plenary_id'], unique=False)

    op.create_table('plenary_attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plenary_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('present', 'excused', 'absent', name='attendancestatus', native_enum=False, length=20), nullable=False),
    sa.Column('checked_in_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['checked_in_by_id'], ['users.id'], name=op.f('fk_plenary_attendances_checked_in_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plenary_id'], ['plenaries.id'], name=op.f('fk_plenary_attendances_plenary_id_plenaries'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_plenary_attendances_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plenary_attendances')),
    sa.UniqueConstraint('plenary_id', 'user_id', name=op.f('uq_plenary_attendances_plenary_id_user_id'))
    )
    op.create_table('plenary_proxies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plenary_id', sa.Integer(), nullable=False),
    sa.Column('giver_id', sa.Integer(), nullable=False),
    sa.Column('holder_id', sa.Integer(), nullable=False),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['giver_id'], ['users.id'], name=op.f('fk_plenary_proxies_giver_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['holder_id'], ['users.id'], name=op.f('fk_plenary_proxies_holder_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plenary_id'], ['plenaries.id'], name=op.f('fk_plenary_proxies_plenary_id_plenaries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plenary_proxies')),
    sa.UniqueConstraint('plenary_id', 'giver_id', name=op.f('uq_plenary_proxies_plenary_id_giver_id'))
    )


def downgrade() -> None:
    op.drop_table('plenary_proxies')
    op.drop_table('plenary_attendances')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_plenary_id'))
    op.drop_table('agenda_items')
    with op.batch_alter_table('plenaries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plenaries_council_id'))
    op.drop_table('plenaries')
