"""The migrations create exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cocon.models import metadata


def test_migrated_schema_matches_the_models(engine):
    with engine.connect() as connection:
        unmanaged = tuple(metadata.info.get("unmanaged_names", ()))  # e.g. FTS5 tables

        def include_name(name, type_, parent):
            return not (name and unmanaged and name.startswith(unmanaged))

        context = MigrationContext.configure(
            connection, opts={"compare_type": False, "include_name": include_name})
        diff = compare_metadata(context, metadata)
    assert diff == [], "add a migration for: " + repr(diff)[:2000]


def test_post_addresses_stored_before_pagination_are_rewritten(tmp_path):
    """0012: the thread-page anchors stored in notifications and the search index become the
    posts' lasting addresses, and back on downgrade; other addresses are left alone."""
    from alembic import command
    from sqlalchemy import text

    from cocon.db import make_engine
    from webapp.migrate import alembic_config, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    upgrade(engine, "0011_search_vector")
    old = "/conseils/ess-lyon/ateliers/3/fils/7#message-120"
    other = "/conseils/ess-lyon/seances/4"
    with engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))  # only the rows this migration reads
        for n, url in enumerate((old, other), start=1):
            conn.execute(text("INSERT INTO notifications (id, user_id, kind, title, body, url,"
                              " created_at, email_wanted) VALUES (:n, 1, 'reply', 't', '', :url,"
                              " '2026-01-01 00:00:00', 0)"), {"n": n, "url": url})
            conn.execute(text("INSERT INTO search_documents (id, kind, object_id, council_id,"
                              " title, body, url, is_public, stemmed, updated_at) VALUES"
                              " (:n, 'post', :n, 1, 't', '', :url, 1, '', '2026-01-01')"),
                         {"n": n, "url": url})

    def urls():
        with engine.connect() as conn:
            return [sorted(conn.execute(text(f"SELECT url FROM {t}")).scalars())
                    for t in ("notifications", "search_documents")]

    upgrade(engine, "0012_post_permalinks")
    new = "/conseils/ess-lyon/ateliers/3/messages/120"
    assert urls() == [sorted([new, other])] * 2
    with engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(text("INSERT INTO threads (id, workshop_id, title, created_at, locked)"
                          " VALUES (7, 3, 't', '2026-01-01', 0)"))
        conn.execute(text("INSERT INTO posts (id, thread_id, body_markdown, body_html,"
                          " created_at, hide_reason) VALUES (120, 7, 'x', 'x', '2026-01-01', '')"))
        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = conn
        command.downgrade(config, "0011_search_vector")
    assert urls() == [sorted([old, other])] * 2
    engine.dispose()
