"""PostgreSQL search: keep each document's word vector in a stored column with its GIN index.

Ranking used to rebuild the vector of every matching row (6 s for a frequent word among
100,000 posts, docs/benchmarks.md); a generated column computes it once, at write time.
SQLite (FTS5) is unchanged.

Revision ID: 0011_search_vector
Revises: 0010_privacy
"""

from alembic import op

revision = '0011_search_vector'
down_revision = '0010_privacy'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents ADD COLUMN stemmed_tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', stemmed)) STORED")
    op.execute("CREATE INDEX stemmed_tsv_gin ON search_documents USING gin (stemmed_tsv)")
    op.execute("DROP INDEX IF EXISTS ix_search_documents_stemmed_tsv")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX ix_search_documents_stemmed_tsv ON search_documents "
               "USING gin (to_tsvector('simple', stemmed))")
    op.execute("DROP INDEX IF EXISTS stemmed_tsv_gin")
    op.execute("ALTER TABLE search_documents DROP COLUMN stemmed_tsv")
