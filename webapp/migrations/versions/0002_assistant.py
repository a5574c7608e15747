"""assistant: anonymous question log with ratings

Revision ID: 0002_assistant
Revises: 0001_foundation
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import cocon.db


revision = '0002_assistant'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assistant_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('asked_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('abstained', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('top_doc', sa.String(length=255), nullable=False),
    sa.Column('top_passage', sa.String(length=300), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('useful', sa.Boolean(), nullable=True),
    sa.Column('rated_at', cocon.db.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assistant_questions')),
    sa.UniqueConstraint('token', name=op.f('uq_assistant_questions_token'))
    )
    with op.batch_alter_table('assistant_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assistant_questions_asked_at'), ['asked_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('assistant_questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assistant_questions_asked_at'))
    op.drop_table('assistant_questions')
