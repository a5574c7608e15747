"""representation: the organisation a member speaks for in a session

Revision ID: 0009_representation
Revises: 0002_assistant, 0005_organisations, 0006_votes, 0008_minutes_web
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_representation'
down_revision = ('0002_assistant', '0005_organisations', '0006_votes', '0008_minutes_web')
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plenary_attendances', schema=None) as batch_op:
        batch_op.add_column(sa.Column('organisation_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f('fk_plenary_attendances_organisation_id_organisations'),
            'organisations', ['organisation_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('plenary_attendances', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_plenary_attendances_organisation_id_organisations'), type_='foreignkey')
        batch_op.drop_column('organisation_id')
