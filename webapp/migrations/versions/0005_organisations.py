"""organisations: the territory's ESS directory and members' affiliations

Revision ID: 0005_organisations
Revises: 0001_foundation
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa
import cocon.db


revision = '0005_organisations'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('organisations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('council_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('legal_form', sa.String(length=30), nullable=False),
    sa.Column('cooperative_kind', sa.String(length=30), nullable=True),
    sa.Column('esus', sa.Boolean(), nullable=False),
    sa.Column('esus_date', sa.Date(), nullable=True),
    sa.Column('sectors', sa.String(length=500), nullable=False),
    sa.Column('stakes', sa.String(length=500), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('commune', sa.String(length=120), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('size_range', sa.String(length=10), nullable=True),
    sa.Column('is_network_head', sa.Boolean(), nullable=False),
    sa.Column('is_council_member', sa.Boolean(), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'validated', name='status', native_enum=False,
                                length=20), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.Column('validated_at', cocon.db.UTCDateTime(), nullable=True),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('commune_key', sa.String(length=120), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['council_id'], ['councils.id'], name=op.f('fk_organisations_council_id_councils'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_organisations_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisations')),
    sa.UniqueConstraint('council_id', 'name_key', 'commune_key', name=op.f('uq_organisations_council_id_name_key_commune_key'))
    )
    op.create_index(op.f('ix_organisations_council_id'), 'organisations', ['council_id'], unique=False)
    op.create_index(op.f('ix_organisations_commune_key'), 'organisations', ['commune_key'], unique=False)
    op.create_table('affiliations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('is_representative', sa.Boolean(), nullable=False),
    sa.Column('created_at', cocon.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_affiliations_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_affiliations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_affiliations')),
    sa.UniqueConstraint('organisation_id', 'user_id', name=op.f('uq_affiliations_organisation_id_user_id'))
    )
    op.create_index(op.f('ix_affiliations_organisation_id'), 'affiliations', ['organisation_id'], unique=False)
    op.create_index(op.f('ix_affiliations_user_id'), 'affiliations', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_affiliations_user_id'), table_name='affiliations')
    op.drop_index(op.f('ix_affiliations_organisation_id'), table_name='affiliations')
    op.drop_table('affiliations')
    op.drop_index(op.f('ix_organisations_commune_key'), table_name='organisations')
    op.drop_index(op.f('ix_organisations_council_id'), table_name='organisations')
    op.drop_table('organisations')
