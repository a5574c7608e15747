"""Posts get a lasting address, /conseils/<slug>/ateliers/<w>/messages/<id>, that leads to the
page of the thread holding them now that long threads are paginated. Addresses stored before
(thread page + #message-<id>, in the search index and in notifications) are rewritten to it, so
an old notification about the 120th post of a thread still finds it on page 3.

Revision ID: 0012_post_permalinks
Revises: 0011_search_vector
"""

import re

import sqlalchemy as sa
from alembic import op

revision = '0012_post_permalinks'
down_revision = '0011_search_vector'
branch_labels = None
depends_on = None

OLD = re.compile(r"^(/conseils/[^/#?]+/ateliers/\d+)/fils/\d+#message-(\d+)$")
NEW = re.compile(r"^(/conseils/[^/#?]+/ateliers/\d+)/messages/(\d+)$")


def _rewrite(table: str, pattern: re.Pattern, make) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, url FROM {table} WHERE url LIKE :like"),
                        {"like": "%/ateliers/%"}).all()
    for row_id, url in rows:
        match = pattern.match(url or "")
        if match:
            bind.execute(sa.text(f"UPDATE {table} SET url = :url WHERE id = :id"),
                         {"url": make(match), "id": row_id})


def upgrade() -> None:
    for table in ("search_documents", "notifications"):
        _rewrite(table, OLD, lambda m: f"{m.group(1)}/messages/{m.group(2)}")


def downgrade() -> None:
    # the thread of each post is looked up again: the old form named it
    bind = op.get_bind()
    threads = dict(bind.execute(sa.text("SELECT id, thread_id FROM posts")).all())
    for table in ("search_documents", "notifications"):
        _rewrite(table, NEW, lambda m: (
            f"{m.group(1)}/fils/{threads.get(int(m.group(2)), 0)}#message-{m.group(2)}"))
