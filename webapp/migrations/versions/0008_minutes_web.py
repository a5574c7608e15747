"""minutes web: members' comments on submitted minutes

Revision ID: 0008_minutes_web
Revises: 0007_minutes
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import cocon.db


revision = '0008_minutes_web'
down_revision = '0007_minutes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('minutes_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('minutes_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_minutes_comments_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_comments_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_comments'))
    )
    with op.batch_alter_table('minutes_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_comments_minutes_id'), ['minutes_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('minutes_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_comments_minutes_id'))
    op.drop_table('minutes_comments')
