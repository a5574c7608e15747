"""minutes: compte rendu workflow, notes and revisions, actions, exported files

Revision ID: 0007_minutes
Revises: 0003_plenaries
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import cocon.db


revision = '0007_minutes'
down_revision = '0003_plenaries'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('minutes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plenary_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('next_session_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('comments_until', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('submitted_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('approved_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('approval_ballot_id', sa.Integer(), nullable=True),
    sa.Column('locked_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('locked_hash', sa.String(length=64), nullable=True),
    sa.Column('locked_content', sa.JSON(), nullable=True),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plenary_id'], ['plenaries.id'], name=op.f('fk_minutes_plenary_id_plenaries'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes')),
    sa.UniqueConstraint('plenary_id', name=op.f('uq_minutes_plenary_id'))
    )
    with op.batch_alter_table('minutes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_locked_hash'), ['locked_hash'], unique=False)

    op.create_table('minutes_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('due', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_actions_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_actions'))
    )
    with op.batch_alter_table('minutes_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_actions_minutes_id'), ['minutes_id'], unique=False)

    op.create_table('minutes_exports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=10), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_exports_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_exports'))
    )
    with op.batch_alter_table('minutes_exports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_exports_file_sha256'), ['file_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_minutes_exports_minutes_id'), ['minutes_id'], unique=False)

    op.create_table('minutes_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_minutes_notes_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_notes_minutes_id_minutes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_minutes_notes_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_notes')),
    sa.UniqueConstraint('minutes_id', 'agenda_item_id', name=op.f('uq_minutes_notes_minutes_id_agenda_item_id'))
    )
    op.create_table('minutes_note_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('note_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_minutes_note_revisions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['note_id'], ['minutes_notes.id'], name=op.f('fk_minutes_note_revisions_note_id_minutes_notes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_note_revisions')),
    sa.UniqueConstraint('note_id', 'number', name=op.f('uq_minutes_note_revisions_note_id_number'))
    )
    with op.batch_alter_table('minutes_note_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_note_revisions_note_id'), ['note_id'], unique=False)


def downgrade() -> None:
    op.drop_table('minutes_note_revisions')
    op.drop_table('minutes_notes')
    op.drop_table('minutes_exports')
    op.drop_table('minutes_actions')
    op.drop_table('minutes')
